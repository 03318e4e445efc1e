"""Enquiries received by phone, in person or passed on, entered by an intake officer through the real page:
the case lands in the team's inbox like any other, the person continues on the web form with the receipt
read to them, photos lose their metadata, and nobody content-blind can enter one or read it."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.accounts.tests.scan import database_text
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.models import Case, Channel
from embrace.intake.tests.helpers import (
    EXIF_ARTIST,
    EXIF_MAKE,
    EXIF_MODEL,
    jpeg_with_metadata,
    receipt_on,
    visit_on,
)
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

SAID = "MARKER-SAID-ON-THE-PHONE-4417 ကျွန်တော် တပ်ကနေ ထွက်ချင်ပါတယ်"
MINISTER = "MARKER-MINISTER-U-7781"
FOLLOW_UP = "MARKER-WEB-FOLLOW-UP-5531"
# A receipt as the page shows it: four groups of four digits.
RECEIPT = re.compile(r"\d{4} \d{4} \d{4} \d{4}")


def _token(client: Client) -> str:
    page = client.get(reverse("channels_staff:enter"))
    assert page.status_code == 200
    match = re.search(r'name="token" value="([^"]+)"', page.content.decode())
    assert match, page.content.decode()[:1000]
    return match.group(1)


def _entry(client: Client, receiver: Persona, **changes: Any) -> dict[str, Any]:
    """What the intake officer types into the entry page for a call (``changes`` overrides fields)."""
    data: dict[str, Any] = {
        "token": _token(client),
        "channel": Channel.PHONE.value,
        "received_by": str(receiver.user.pk),
        "kind": "leave_family",
        "message": SAID,
        "service": "army",
        "rank": "",
        "unit": "",
        "equipment": "",
        "reply_via": "site",
        "contact": "",
        "referred_by": "",
    }
    data.update(changes)
    return data


def test_an_intake_officer_enters_a_call_that_the_person_continues_on_the_web_form(
    client: Client, intake_officer: Persona, intake_team: Team
) -> None:
    log_in(client, intake_officer)
    photo = SimpleUploadedFile("map.jpg", jpeg_with_metadata(), content_type="image/jpeg")
    entered = client.post(reverse("channels_staff:enter"), _entry(client, intake_officer, photos=[photo]))
    assert entered.status_code == 200, entered.content.decode()[:3000]
    assert entered["Cache-Control"] == "no-store"
    page = entered.content.decode()
    receipt = receipt_on(page)
    assert "read it out on the phone" in page

    case = Case.objects.get()
    assert (case.channel, case.received_by, case.team) == (Channel.PHONE, intake_officer.user, intake_team)
    # In the team's inbox like any enquiry, marked as a call; on its page, how it came and what that exposes.
    inbox = client.get(reverse("cases:inbox")).content.decode()
    assert case.reference in inbox
    assert "<td>Call</td>" in inbox
    detail = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Phone call" in detail
    assert "The phone companies know that a call happened" in detail
    assert intake_officer.user.username in detail
    assert SAID in detail
    # Audited: who entered it and which case, never what was said.
    entry = AuditEntry.objects.get(event=Event.ENQUIRY_ENTERED)
    assert entry.actor == intake_officer.user.pk
    assert entry.subject == f"cases.case:{case.pk}"
    assert "MARKER-SAID" not in str(entry.data)

    # The photo was cleaned like a web upload: turned upright, its camera and GPS details gone.
    attachment = case.messages.get(seq=1).attachments.get()
    served = client.get(reverse("cases:attachment", args=[case.pk, attachment.pk]))
    data = b"".join(served.streaming_content)
    for marker in (EXIF_MAKE, EXIF_MODEL, EXIF_ARTIST):
        assert marker.encode() not in data
    picture = Image.open(io.BytesIO(data))
    assert picture.size == (48, 64)
    assert not picture.getexif()

    # The person opens the case on the web form with the receipt that was read to them, and writes more.
    enquirer = Client()
    thread = enquirer.post(reverse("intake:return"), {"receipt": receipt})
    assert thread.status_code == 200
    assert SAID in thread.content.decode()
    visit, token = visit_on(thread.content.decode())
    sent = enquirer.post(reverse("intake:reply"), {"visit": visit, "token": token, "message": FOLLOW_UP})
    assert sent.status_code == 200
    assert Case.objects.count() == 1
    assert case.messages.count() == 2
    assert FOLLOW_UP in client.get(reverse("cases:detail", args=[case.pk])).content.decode()


def test_reloading_the_receipt_page_makes_no_second_case_and_never_shows_the_receipt_again(
    client: Client, intake_officer: Persona
) -> None:
    log_in(client, intake_officer)
    data = _entry(client, intake_officer)
    first = client.post(reverse("channels_staff:enter"), data)
    assert first.status_code == 200
    again = client.post(reverse("channels_staff:enter"), data)  # the browser's "resend"
    assert again.status_code == 409
    assert "already entered" in again.content.decode()
    assert not RECEIPT.search(re.sub(r"<[^>]+>", "", again.content.decode()))
    assert Case.objects.count() == 1


def test_administrators_and_auditors_cannot_enter_an_enquiry_nor_read_one(
    client: Client, intake_officer: Persona, admin: Persona
) -> None:
    log_in(client, intake_officer)
    assert client.post(reverse("channels_staff:enter"), _entry(client, intake_officer)).status_code == 200
    case = Case.objects.get()
    auditor = make_persona("auditor", Role.AUDITOR)
    for blind in (admin, auditor):
        other = log_in(Client(), blind)
        assert other.get(reverse("channels_staff:enter")).status_code == 403
        refused = other.post(reverse("channels_staff:enter"), {"message": SAID, "channel": "phone"})
        assert refused.status_code == 403
        assert other.get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert Case.objects.count() == 1


def test_who_received_it_must_be_the_officer_or_a_colleague_of_their_team(
    client: Client, intake_officer: Persona, handler: Persona, outsider: Persona
) -> None:
    log_in(client, intake_officer)
    refused = client.post(reverse("channels_staff:enter"), _entry(client, outsider))
    assert refused.status_code == 400
    assert SAID in refused.content.decode()  # the form comes back as typed
    assert not Case.objects.exists()
    taken = client.post(reverse("channels_staff:enter"), _entry(client, handler))
    assert taken.status_code == 200
    assert Case.objects.get().received_by == handler.user


def test_a_referral_names_who_passed_it_on_sealed_in_the_case_never_in_clear(
    client: Client, intake_officer: Persona
) -> None:
    log_in(client, intake_officer)
    missing = client.post(reverse("channels_staff:enter"), _entry(client, intake_officer, channel="referral"))
    assert missing.status_code == 400
    assert "Say who passed it on." in missing.content.decode()
    assert not Case.objects.exists()

    data = _entry(client, intake_officer, channel="referral", referred_by=MINISTER)
    assert client.post(reverse("channels_staff:enter"), data).status_code == 200
    case = Case.objects.get()
    assert case.channel == Channel.REFERRAL
    detail = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Passed on by" in detail
    assert MINISTER in detail
    assert "Whoever passed it on knows" in detail
    stored = database_text()
    assert MINISTER not in stored
    assert "MARKER-SAID" not in stored


def test_a_call_with_who_passed_it_on_is_sent_back_to_be_corrected(
    client: Client, intake_officer: Persona
) -> None:
    log_in(client, intake_officer)
    data = _entry(client, intake_officer, referred_by=MINISTER)
    response = client.post(reverse("channels_staff:enter"), data)
    assert response.status_code == 400
    assert "Leave this empty unless" in response.content.decode()
    assert not Case.objects.exists()


def test_the_inbox_links_to_the_entry_page_and_the_entry_page_speaks_burmese(
    client: Client, intake_team: Team
) -> None:
    officer = make_persona("intake_my", Role.INTAKE_OFFICER, teams=(intake_team,), language="my")
    log_in(client, officer)
    inbox = client.get(reverse("cases:inbox")).content.decode()
    assert reverse("channels_staff:enter") in inbox
    page = client.get(reverse("channels_staff:enter")).content.decode()
    assert "ဖုန်းဖြင့် သို့မဟုတ် တွေ့ဆုံ၍ ရရှိသော စုံစမ်းစာ ထည့်သွင်းရန်" in page
    assert "မည်သို့ ရောက်လာသနည်း။" in page
