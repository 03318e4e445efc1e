"""After a conversation on Telegram, nothing the person sent or that names their account is readable on disk,
and destroying a case's content takes the link from their account to it away too."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from embrace.accounts.tests.scan import database_text, log_file_text
from embrace.cases.actions import today
from embrace.cases.models import Case, Message
from embrace.channels.inbound import forget_seen_updates
from embrace.channels.models import Contact, InboundFile, SeenUpdate
from embrace.channels.tests.helpers import CHAT_ID, answer, post, update
from embrace.retention.destroy import BODY, destroy_case_content

CANARY = "MARKER-CANARY-TELEGRAM-3131 ကျွန်တော့်ယူနစ်"
PHOTO_CAPTION = "MARKER-CANARY-CAPTION-3232"
FILE_ID = "AgACAgIAAxkBAAIBZ2NhcmtlcjM"


def _disk_bytes() -> bytes:
    """Every file in the data folder (the SQLite database and WAL, uploads, logs) — or, on PostgreSQL, every
    value of every row (the task table among them)."""
    chunks = [p.read_bytes() for p in Path(settings.DATA_DIR).rglob("*") if p.is_file()]
    if connection.vendor != "sqlite":
        chunks.append(database_text().encode("latin-1", errors="replace"))
    return b"\n".join(chunks)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("telegram")
def test_a_canary_sent_through_the_webhook_is_nowhere_on_disk(bot_client: Client) -> None:
    answer(post(bot_client, update("text", text=CANARY)))
    answer(post(bot_client, update("photo", text=PHOTO_CAPTION)))
    answer(post(bot_client, update("edited_message", text=CANARY + " edited")))
    answer(post(bot_client, update("help")))
    assert Message.objects.count() == 3
    assert InboundFile.objects.count() == 1
    if connection.vendor == "sqlite":
        database = Path(connection.settings_dict["NAME"])
        assert database.is_relative_to(settings.DATA_DIR)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
    disk = _disk_bytes()
    for marker in (
        CANARY,
        "MARKER-CANARY",
        PHOTO_CAPTION,
        FILE_ID,
        str(CHAT_ID),
        "MARKER-FIRST-NAME",
        "MARKER-LAST-NAME",
        "marker_username",
    ):
        assert marker.encode() not in disk, marker
    logs = log_file_text()
    assert "MARKER" not in logs
    assert str(CHAT_ID) not in logs


@pytest.mark.django_db
@pytest.mark.usefixtures("telegram")
def test_destroying_a_cases_body_removes_its_chat_contact(bot_client: Client) -> None:
    post(bot_client, update("text"))
    post(bot_client, update("photo"))
    case = Case.objects.get()
    assert destroy_case_content(case, [BODY], rule="withdrawn", on=today(), actor=None) == [BODY]
    assert not Contact.objects.exists()
    assert not InboundFile.objects.exists()
    # Their next message is a new enquiry, with a receipt of its own: nothing links it to the old case.
    said = answer(post(bot_client, update("text", update_id=700000301, text="MARKER-AFTER-PURGE")))
    assert "ပြေစာနံပါတ်" in said["text"]
    assert Case.objects.count() == 2
    assert Contact.objects.get().case != case


@pytest.mark.django_db
@pytest.mark.usefixtures("telegram")
def test_seen_updates_are_forgotten_after_telegram_stops_retrying(bot_client: Client) -> None:
    post(bot_client, update("text"))
    assert SeenUpdate.objects.count() == 1
    assert forget_seen_updates(timezone.now()) == 0
    assert forget_seen_updates(timezone.now() + datetime.timedelta(days=4)) == 1
