"""After a conversation on Messenger, nothing the person sent, their page-scoped id or a message id is
readable on disk or in the logs."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from embrace.accounts.tests.scan import database_text, log_file_text
from embrace.cases.models import Message
from embrace.channels.models import InboundFile
from embrace.channels.tests.messenger_helpers import (
    PAGE_TOKEN,
    PSID,
    event,
    post,
)
from embrace.testing.fake_graph import FakeGraph

CANARY = "MARKER-CANARY-MESSENGER-5151 ကျွန်တော့်ယူနစ်"


def _disk_bytes() -> bytes:
    chunks = [p.read_bytes() for p in Path(settings.DATA_DIR).rglob("*") if p.is_file()]
    if connection.vendor != "sqlite":
        chunks.append(database_text().encode("latin-1", errors="replace"))
    return b"\n".join(chunks)


@pytest.mark.django_db(transaction=True)
def test_a_canary_sent_on_messenger_is_nowhere_on_disk(meta: Client, messenger: FakeGraph) -> None:
    assert post(meta, event("text", text=CANARY)).status_code == 200
    assert post(meta, event("image")).status_code == 200
    messenger.fail_next(500)  # a failed send is logged: without the person, the words or the token
    assert post(meta, event("text", mid="m_MARKER-MID-third", text=CANARY + " 3")).status_code == 200
    assert Message.objects.count() == 3
    assert InboundFile.objects.count() == 1
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
    disk = _disk_bytes()
    image_url = event("image")["entry"][0]["messaging"][0]["message"]["attachments"][0]["payload"]["url"]
    for marker in (
        CANARY,
        "MARKER-CANARY",
        PSID,
        "marker-mid-text",
        "MARKER-MID",
        "marker_image_0001",
        image_url,
    ):
        assert marker.encode() not in disk, marker
    logs = log_file_text()
    for marker in ("MARKER", PSID, PAGE_TOKEN, "access_token"):
        assert marker not in logs, marker
