"""The channels' staff pages walked as a volunteer would, in English and Burmese: every bad answer on the
entry form is sent back in plain words with what was typed (never a 5xx, never an internal name), a
channel left on without its credentials says to pause it, and a reply waiting for another try says why."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.cases.actions import reply_to_enquirer
from embrace.cases.models import Case
from embrace.channels.models import Delivery, Outgoing, Switch
from embrace.channels.tests.outbound_helpers import telegram_case
from embrace.testing.personas import PASSWORD, Persona, log_in, make_persona
from embrace.vault.keyring import unlock_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

TYPED = "MARKER-TYPED-ON-THE-PAGE-6620"


def _token(client: Client) -> str:
    page = client.get(reverse("channels_staff:enter")).content.decode()
    match = re.search(r'name="token" value="([^"]+)"', page)
    assert match
    return match.group(1)


def _good(officer: Persona) -> dict[str, Any]:
    return {
        "channel": "phone",
        "received_by": str(officer.user.pk),
        "kind": "leave_alone",
        "message": TYPED,
        "reply_via": "site",
    }


BAD: dict[str, dict[str, Any]] = {
    "empty": {"channel": "", "received_by": "", "kind": "", "message": "", "reply_via": ""},
    "too long": {"message": "x" * 5001, "rank": "r" * 101, "unit": "u" * 201, "equipment": "e" * 1001},
    "wrong type": {"channel": "telegram", "kind": ["a", "b"], "service": "<b>", "reply_via": "7"},
    "receiver not a person": {"received_by": "abc"},
    "receiver a number": {"received_by": "999999"},
    "not a photo": {"photos": SimpleUploadedFile("a.jpg", b"not an image", content_type="image/jpeg")},
    "a nul character": {"referred_by": "a\x00b", "channel": "referral"},
}


@pytest.mark.parametrize("language", ["en", "my"])
@pytest.mark.parametrize("bad", list(BAD), ids=list(BAD))
def test_every_bad_answer_on_the_entry_form_comes_back_in_plain_words(
    client: Client, intake_team: Team, language: str, bad: str
) -> None:
    officer = make_persona("entering", Role.INTAKE_OFFICER, teams=(intake_team,), language=language)
    log_in(client, officer)
    data = {**_good(officer), **BAD[bad], "token": _token(client)}
    if isinstance(data.get("photos"), SimpleUploadedFile):
        data["photos"].seek(0)
    response = client.post(reverse("channels_staff:enter"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="errorlist' in page or 'class="error' in page
    assert "UUID" not in page
    assert Case.objects.count() == 0
    if bad not in ("empty", "too long"):
        assert TYPED in page  # the form is kept as typed


def test_a_receiver_who_is_not_a_person_gets_the_words_about_colleagues(
    client: Client, intake_officer: Persona
) -> None:
    log_in(client, intake_officer)
    data = {**_good(intake_officer), "received_by": "999999", "token": _token(client)}
    page = client.post(reverse("channels_staff:enter"), data).content.decode()
    assert "Choose yourself or a colleague of one of your teams." in page


def test_a_channel_left_on_without_its_credentials_tells_the_administrator_to_pause_it(
    client: Client, admin: Persona, settings: Any
) -> None:
    settings.TELEGRAM_BOT_TOKEN = None
    Switch.objects.create(channel="telegram", enabled=True)
    log_in(client, admin)
    page = client.get(reverse("channels_staff:switches")).content.decode()
    assert "every message sent to it is refused and lost. Pause it now" in page
    assert "so it cannot be turned on" not in page.split("Facebook Messenger")[0]


def test_the_switches_page_says_so_in_burmese(client: Client, settings: Any) -> None:
    settings.TELEGRAM_BOT_TOKEN = None
    Switch.objects.create(channel="telegram", enabled=True)
    log_in(client, make_persona("admin_my", Role.ADMINISTRATOR, language="my"))
    page = client.get(reverse("channels_staff:switches")).content.decode()
    assert "ယခုပင် ခေတ္တရပ်ပါ" in page


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "waiting to be sent again (the last try failed: Telegram could not be reached)"),
        ("my", "ထပ်မံ ပို့ရန် စောင့်နေသည်"),
    ],
)
def test_a_reply_waiting_for_another_try_says_why_the_last_one_failed(
    client: Client, intake_team: Team, language: str, words: str
) -> None:
    officer = make_persona("replying", Role.INTAKE_OFFICER, teams=(intake_team,), language=language)
    case, _contact = telegram_case("7012340000")
    keyring = unlock_with_password(officer.user, PASSWORD)
    reply_to_enquirer(case, "an answer", actor=officer.user, keyring=keyring)
    Outgoing.objects.update(status=Delivery.QUEUED, failure="Telegram could not be reached")
    log_in(client, officer)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert words in page
