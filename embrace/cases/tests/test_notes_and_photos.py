"""Internal notes never reach the enquirer; staff photos are stripped and sealed; photos decrypt for staff."""

from __future__ import annotations

import io
import secrets

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.cases.models import Case
from embrace.intake.actions import submit_enquiry
from embrace.intake.tests.helpers import EXIF_MAKE, jpeg_with_metadata
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault.models import Grant

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

NOTE = "INTERNAL-NOTE-2718 might be a plant, check unit"


@pytest.fixture
def case_and_receipt(intake_officer: Persona) -> tuple[Case, str]:
    return submit_enquiry({"text": "hello"}, {}, [], token=secrets.token_hex(8), quarantine=False)


def test_notes_are_for_staff_only_never_for_the_receipt(
    client: Client, intake_officer: Persona, case_and_receipt: tuple[Case, str]
) -> None:
    case, receipt = case_and_receipt
    log_in(client, intake_officer)
    assert client.post(reverse("cases:note", args=[case.pk]), {"text": NOTE}).status_code == 302
    assert NOTE in client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    case = Case.objects.get(pk=case.pk)
    assert not Grant.objects.filter(key__compartment=case.notes, receipt__isnull=False).exists()
    enquirer_page = Client().post("/return/", {"receipt": receipt}).content.decode()
    assert "hello" in enquirer_page
    assert NOTE not in enquirer_page


def test_notes_follow_the_case_to_its_handler_and_leave_the_previous_one(
    client: Client,
    intake_officer: Persona,
    handler: Persona,
    intake_team: Team,
    case_and_receipt: tuple[Case, str],
) -> None:
    case, _ = case_and_receipt
    second = make_persona("handler2", Role.HANDLER, teams=(intake_team,))
    log_in(client, intake_officer)
    client.post(reverse("cases:note", args=[case.pk]), {"text": NOTE})
    client.post(reverse("cases:assign", args=[case.pk]), {"handler": handler.user.pk})
    assert NOTE in log_in(Client(), handler).get(reverse("cases:detail", args=[case.pk])).content.decode()
    client.post(reverse("cases:assign", args=[case.pk]), {"handler": second.user.pk})
    notes = Case.objects.get(pk=case.pk).notes
    holders = set(Grant.objects.filter(key=notes.current_key).values_list("user_id", flat=True))
    assert second.user.pk in holders
    assert handler.user.pk not in holders


def test_an_empty_note_is_refused(client: Client, intake_officer: Persona, case_and_receipt) -> None:
    case, _ = case_and_receipt
    response = log_in(client, intake_officer).post(reverse("cases:note", args=[case.pk]), {"text": ""})
    assert response.status_code == 400


def test_staff_photo_is_stripped_sealed_and_viewable_by_staff(
    client: Client, intake_officer: Persona, case_and_receipt: tuple[Case, str]
) -> None:
    case, _ = case_and_receipt
    log_in(client, intake_officer)
    photo = SimpleUploadedFile("route.jpg", jpeg_with_metadata(), content_type="image/jpeg")
    response = client.post(reverse("cases:reply", args=[case.pk]), {"text": "see the map", "photos": [photo]})
    assert response.status_code == 302
    attachment = case.messages.get(seq=2).attachments.get()
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    url = reverse("cases:attachment", args=[case.pk, attachment.pk])
    assert url in page
    served = client.get(url)
    assert served.status_code == 200
    assert served["Cache-Control"] == "no-store"
    data = b"".join(served.streaming_content)
    assert EXIF_MAKE.encode() not in data
    assert Image.open(io.BytesIO(data)).size == (48, 64)  # orientation applied, metadata gone


def test_a_bad_staff_photo_is_refused_and_the_text_kept(
    client: Client, intake_officer: Persona, case_and_receipt
) -> None:
    case, _ = case_and_receipt
    log_in(client, intake_officer)
    bad = SimpleUploadedFile("route.jpg", b"not a photo at all" * 10, content_type="image/jpeg")
    response = client.post(
        reverse("cases:reply", args=[case.pk]), {"text": "KEEP-THIS-TEXT", "photos": [bad]}
    )
    assert response.status_code == 400
    assert "KEEP-THIS-TEXT" in response.content.decode()
    assert case.messages.count() == 1


def test_photos_of_another_case_or_without_a_key_are_not_served(
    client: Client, intake_officer: Persona, outsider: Persona, case_and_receipt
) -> None:
    case, _ = case_and_receipt
    log_in(client, intake_officer)
    photo = SimpleUploadedFile("a.jpg", jpeg_with_metadata(), content_type="image/jpeg")
    client.post(reverse("cases:reply", args=[case.pk]), {"text": "x", "photos": [photo]})
    attachment = case.messages.get(seq=2).attachments.get()
    other, _ = submit_enquiry({"text": "other"}, {}, [], token=secrets.token_hex(8), quarantine=False)
    assert client.get(reverse("cases:attachment", args=[other.pk, attachment.pk])).status_code == 404
    outsider_client = log_in(Client(), outsider)
    assert outsider_client.get(reverse("cases:attachment", args=[case.pk, attachment.pk])).status_code == 404
