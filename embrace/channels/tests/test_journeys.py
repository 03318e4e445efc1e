"""Issue 12's journeys, one per channel, the way the people involved live them: an enquiry comes in on the
channel with a photo, lands in the receiving team's triage inbox marked with its channel, the intake officer
triages it and gives it to a handler, the handler answers on the case page, the answer reaches the channel
(the worker's drain run here), the person opens the case on the web form with the receipt they were given,
reads the answer and writes more, which joins the same case; the photo is an attachment without its camera
or GPS details. Then the canary at rest: nothing the person or the handler wrote, and nothing naming the
person's account, is readable in the SQLite file and its WAL, the uploads, the logs or the task table."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image

from embrace.accounts.tests.scan import data_folder_bytes, database_text, log_file_text
from embrace.cases.models import Attachment, Case, Channel, Status
from embrace.channels.delivery import drain_due, fetch_due
from embrace.channels.tests import helpers as tg
from embrace.channels.tests import messenger_helpers as fb
from embrace.intake.tests.helpers import EXIF_ARTIST, EXIF_MAKE, EXIF_MODEL, jpeg_with_metadata, visit_on
from embrace.testing.fake_graph import FakeGraph
from embrace.testing.fake_telegram import FakeTelegram
from embrace.testing.personas import Persona, log_in

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("intake_route")]

# Unique per channel, so that a find names the channel that leaked.
TG_SAID = "MARKER-JOURNEY-TG-SAID-6101 ကျွန်တော် ထွက်ချင်ပါတယ်"
TG_CHAT = 880011223344
FB_SAID = "MARKER-JOURNEY-FB-SAID-6202 ကျွန်တော် ထွက်ချင်ပါတယ်"
FB_PSID = "9011223344556677"
PHONE_SAID = "MARKER-JOURNEY-PHONE-SAID-6303 ကျွန်တော် ထွက်ချင်ပါတယ်"
ANSWER = "MARKER-JOURNEY-ANSWER-{channel}-6404 နယ်စပ်မှာ တွေ့မယ်"
MORE = "MARKER-JOURNEY-MORE-{channel}-6505"
_MYANMAR_DIGITS = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")


@pytest.fixture
def bot_api() -> Iterator[FakeTelegram]:
    with FakeTelegram() as fake, override_settings(**fake.settings()):
        yield fake


def _receipt(text: str) -> str:
    plain = re.sub(r"<[^>]+>", "", text)
    match = re.search(r"([0-9၀-၉]{4} [0-9၀-၉]{4} [0-9၀-၉]{4} [0-9၀-၉]{4})", plain)
    assert match, plain[:2000]
    return match.group(1).translate(_MYANMAR_DIGITS).replace(" ", "")


def _triage_and_answer(staff: Client, handler: Persona, case: Case, *, came_by: str, answer: str) -> None:
    """The officer finds the case in the team's triage inbox under its channel, triages it and gives it to a
    handler, who answers on the case page. ``staff`` is the officer's logged-in browser."""
    inbox = staff.get(reverse("cases:inbox")).content.decode()
    row = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{re.escape(case.reference)}(?:(?!</tr>).)*</tr>", inbox, re.S)
    assert row, inbox[:3000]
    assert f"<td>{came_by}</td>" in row.group(0)
    assert staff.post(reverse("cases:step", args=[case.pk]), {"name": "start_triage"}).status_code == 302
    assert Case.objects.get(pk=case.pk).status == Status.TRIAGE
    assigned = staff.post(reverse("cases:assign", args=[case.pk]), {"handler": handler.user.pk})
    assert assigned.status_code == 302
    writer = log_in(Client(), handler)
    replied = writer.post(reverse("cases:reply", args=[case.pk]), {"text": answer})
    assert replied.status_code == 302, replied.content.decode()[:1000]


def _continue_on_the_web(receipt: str, case: Case, *, answer: str, more: str) -> None:
    """The person opens the case with the receipt, reads the answer, and writes more into the same case."""
    enquirer = Client()
    thread = enquirer.post(reverse("intake:return"), {"receipt": receipt})
    assert thread.status_code == 200
    assert answer in thread.content.decode()
    visit, token = visit_on(thread.content.decode())
    sent = enquirer.post(reverse("intake:reply"), {"visit": visit, "token": token, "message": more})
    assert sent.status_code == 200
    assert Case.objects.count() == 1
    assert case.messages.count() == 3


def _photo_is_clean(staff: Client, case: Case) -> None:
    attachment = Attachment.objects.get(message__case=case)
    served = staff.get(reverse("cases:attachment", args=[case.pk, attachment.pk]))
    data = b"".join(served.streaming_content)
    for marker in (EXIF_MAKE, EXIF_MODEL, EXIF_ARTIST):
        assert marker.encode() not in data
    picture = Image.open(io.BytesIO(data))
    assert picture.size == (48, 64)  # turned upright by its Orientation tag, then the tag dropped
    assert not picture.getexif()
    assert not picture.getexif().get_ifd(0x8825)


def _nowhere_at_rest(*secrets: str | bytes) -> None:
    """None of ``secrets`` in any file of the data folder (the SQLite file and its WAL, uploads, logs) nor,
    on PostgreSQL, in any row (the django-tasks table among them)."""
    if connection.vendor == "sqlite":
        assert Path(connection.settings_dict["NAME"]).is_relative_to(settings.DATA_DIR)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
    disk = data_folder_bytes()
    rows = database_text()
    logs = log_file_text()
    for secret in secrets:
        raw = secret.encode() if isinstance(secret, str) else secret
        assert raw not in disk, secret
        assert raw.decode() not in rows, secret  # every row, the django-tasks table included
        assert raw.decode() not in logs, secret


def test_a_telegram_enquiry_travels_from_the_chat_to_the_web_form_and_leaves_nothing_readable(
    bot_client: Client,
    client: Client,
    intake_officer: Persona,
    handler: Persona,
    bot_api: FakeTelegram,
    telegram: None,
) -> None:
    file_id = "AgACAgIAAxkBAAIBZ2NhcmtlcjM"  # the largest size in the recorded update: the one fetched
    bot_api.add_file(file_id, jpeg_with_metadata())
    first = tg.answer(tg.post(bot_client, tg.update("photo", chat_id=TG_CHAT, text=TG_SAID)))
    assert first["chat_id"] == TG_CHAT
    receipt = _receipt(first["text"])
    case = Case.objects.get()
    assert (case.channel, case.team) == (Channel.TELEGRAM, intake_officer.user.teams.get())
    assert fetch_due().counts == {}  # fetched by its task as soon as the message was stored

    answer = ANSWER.format(channel="TG")
    _triage_and_answer(log_in(client, intake_officer), handler, case, came_by="Telegram", answer=answer)
    drain_due()
    assert [(c.params["chat_id"], c.params["text"]) for c in bot_api.delivered()] == [(str(TG_CHAT), answer)]

    more = MORE.format(channel="TG")
    _continue_on_the_web(receipt, case, answer=answer, more=more)
    assert more in client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    _photo_is_clean(client, case)

    _nowhere_at_rest(TG_SAID, "MARKER-JOURNEY-TG", answer, more, str(TG_CHAT), file_id, receipt, EXIF_MAKE)


def test_a_messenger_enquiry_travels_from_the_chat_to_the_web_form_and_leaves_nothing_readable(
    meta: Client, client: Client, intake_officer: Persona, handler: Persona, messenger: FakeGraph
) -> None:
    url = messenger.attachment(jpeg_with_metadata())
    image = fb.event("image", psid=FB_PSID)
    message = image["entry"][0]["messaging"][0]["message"]
    message["attachments"][0]["payload"]["url"] = url
    message["text"] = FB_SAID
    assert fb.post(meta, image).status_code == 200
    (bot_words,) = messenger.sent
    assert bot_words.recipient == FB_PSID
    receipt = _receipt(bot_words.text)
    case = Case.objects.get()
    assert (case.channel, case.team) == (Channel.MESSENGER, intake_officer.user.teams.get())
    # The photo was fetched by the worker's task as soon as the message was stored; a drain finds none left.
    assert messenger.downloads == 1
    assert fetch_due().counts == {}

    answer = ANSWER.format(channel="FB")
    _triage_and_answer(log_in(client, intake_officer), handler, case, came_by="Messenger", answer=answer)
    drain_due()
    (_, reply) = messenger.sent
    assert (reply.recipient, reply.text, reply.messaging_type) == (FB_PSID, answer, "RESPONSE")

    more = MORE.format(channel="FB")
    _continue_on_the_web(receipt, case, answer=answer, more=more)
    assert more in client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    _photo_is_clean(client, case)

    _nowhere_at_rest(FB_SAID, "MARKER-JOURNEY-FB", answer, more, FB_PSID, url, receipt, EXIF_MAKE)


def test_a_phone_enquiry_travels_from_the_entry_page_to_the_web_form_and_leaves_nothing_readable(
    client: Client, intake_officer: Persona, handler: Persona
) -> None:
    log_in(client, intake_officer)
    page = client.get(reverse("channels_staff:enter")).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page)
    assert token, page[:1000]
    photo = SimpleUploadedFile("map.jpg", jpeg_with_metadata(), content_type="image/jpeg")
    entered = client.post(
        reverse("channels_staff:enter"),
        {
            "token": token.group(1),
            "channel": Channel.PHONE.value,
            "received_by": str(intake_officer.user.pk),
            "kind": "leave_family",
            "message": PHONE_SAID,
            "service": "army",
            "reply_via": "site",
            "photos": [photo],
        },
    )
    assert entered.status_code == 200, entered.content.decode()[:3000]
    receipt = _receipt(entered.content.decode())
    case = Case.objects.get()
    assert case.channel == Channel.PHONE

    answer = ANSWER.format(channel="PHONE")
    _triage_and_answer(client, handler, case, came_by="Call", answer=answer)
    more = MORE.format(channel="PHONE")
    _continue_on_the_web(receipt, case, answer=answer, more=more)
    assert more in client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    _photo_is_clean(client, case)

    _nowhere_at_rest(PHONE_SAID, "MARKER-JOURNEY-PHONE", answer, more, receipt, EXIF_MAKE)
