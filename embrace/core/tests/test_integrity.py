"""`embrace integrity` after a crash: silent on whole cases, names each kind of half-stored one."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client, override_settings

from embrace.cases.actions import attachment_path
from embrace.cases.models import Attachment, Case
from embrace.intake.tests.helpers import form_token, jpeg_with_metadata
from embrace.vault.models import Grant

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def _enquire(client: Client) -> Case:
    photo = SimpleUploadedFile("p.jpg", jpeg_with_metadata(), content_type="image/jpeg")
    response = client.post(
        "/enquire/",
        {
            "token": form_token(client, "/enquire/"),
            "kind": "leave_alone",
            "message": "hello",
            "reply_via": "site",
            "photos": [photo],
        },
    )
    assert response.status_code == 200
    return Case.objects.latest("opened_on", "pk")


def _integrity() -> str:
    out = StringIO()
    call_command("integrity", stdout=out)
    return out.getvalue()


def test_whole_cases_pass_the_integrity_check(client: Client) -> None:
    _enquire(client)
    _enquire(client)
    assert "Integrity OK" in _integrity()
    assert "2 cases whole" in _integrity()


def test_a_case_whose_receipt_holds_no_key_is_named(client: Client) -> None:
    case = _enquire(client)
    Grant.objects.filter(receipt=case.receipt).delete()
    with pytest.raises(CommandError, match=f"case {case.pk}: the enquirer's receipt holds no key"):
        _integrity()


def test_a_case_without_its_message_is_named(client: Client) -> None:
    case = _enquire(client)
    case.messages.all().delete()
    with pytest.raises(CommandError, match=f"case {case.pk}: no message"):
        _integrity()


def test_a_compartment_sealed_to_nobody_is_named(client: Client) -> None:
    case = _enquire(client)
    Grant.objects.filter(key__compartment=case.identity).delete()
    with pytest.raises(CommandError, match=f"case {case.pk}: its identity compartment has no key sealed"):
        _integrity()


def test_an_attachment_whose_file_is_gone_is_named(client: Client) -> None:
    _enquire(client)
    attachment = Attachment.objects.get()
    attachment_path(attachment.stored_name).unlink()
    with pytest.raises(CommandError, match=f"attachment {attachment.pk}: its sealed file is missing"):
        _integrity()
