"""After enquiries, nothing the enquirer said or sent is readable anywhere on the server's disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings

from embrace.accounts.tests.scan import database_text, log_file_text
from embrace.intake.photos import sanitise
from embrace.intake.tests.helpers import (
    EXIF_ARTIST,
    EXIF_MAKE,
    EXIF_MODEL,
    form_token,
    jpeg_with_metadata,
    receipt_on,
    visit_on,
)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("intake_route")]

MESSAGE = "MARKER-MESSAGE-1234 ကျွန်တော့်ယူနစ်မှ ထွက်ချင်ပါတယ်"
RANK = "MARKER-RANK-ဗိုလ်ကြီး"
UNIT = "MARKER-UNIT-ခမရ-၃၃"
CONTACT = "@marker_contact_4455"
SECOND = "MARKER-SECOND-MESSAGE-5566"
ADDRESS, AGENT = "203.0.113.99", "MARKER-USER-AGENT-7788"


def _disk_bytes() -> bytes:
    """Every byte the server has written: the SQLite file and its WAL, uploads, logs, secrets — or, on
    PostgreSQL (whose files live elsewhere), every value of every row."""
    chunks = [p.read_bytes() for p in Path(settings.DATA_DIR).rglob("*") if p.is_file()]
    if connection.vendor != "sqlite":
        chunks.append(database_text().encode("latin-1", errors="replace"))
    return b"\n".join(chunks)


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_message_identity_photo_and_exif_are_not_on_disk(client: Client) -> None:
    photo = jpeg_with_metadata()
    response = client.post(
        "/enquire/",
        {
            "token": form_token(client, "/enquire/"),
            "kind": "leave_equipment",
            "message": MESSAGE,
            "rank": RANK,
            "unit": UNIT,
            "reply_via": "telegram",
            "contact": CONTACT,
            "photos": [SimpleUploadedFile("IMG_0001.jpg", photo, content_type="image/jpeg")],
        },
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=AGENT,
    )
    assert response.status_code == 200, response.content.decode()[:1500]
    thread = client.post(
        "/return/",
        {"receipt": receipt_on(response.content.decode())},
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=AGENT,
    )
    visit, token = visit_on(thread.content.decode())
    sent = client.post(
        "/return/reply/",
        {"visit": visit, "token": token, "message": SECOND},
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=AGENT,
    )
    assert sent.status_code == 200
    assert SECOND in sent.content.decode()
    if connection.vendor == "sqlite":
        # The test database is a file in the data folder (xdist adds a suffix to its name), so it is scanned.
        database = Path(connection.settings_dict["NAME"])
        assert database.exists()
        assert database.is_relative_to(settings.DATA_DIR)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")

    disk = _disk_bytes()
    for marker in (
        MESSAGE,
        RANK,
        UNIT,
        CONTACT,
        SECOND,
        EXIF_MAKE,
        EXIF_MODEL,
        EXIF_ARTIST,
        "MARKER-JPEG-COMMENT-9944",
        ADDRESS,
        AGENT,
        "MARKER-MESSAGE",
        "marker_contact",
    ):
        assert marker.encode() not in disk, marker
    # The photo itself, as sent and as cleaned for storage (re-encoding is deterministic): any 32-byte run of
    # its compressed data on disk would show it was stored in clear.
    cleaned = sanitise(photo, max_bytes=settings.INTAKE_MAX_PHOTO_BYTES, max_pixels=10**6).data
    for image in (photo, cleaned):
        body = image[len(image) // 3 :]
        assert all(body[i : i + 32] not in disk for i in range(0, len(body) - 32, 61))
    assert list(Path(settings.UPLOADS_DIR).rglob("*")), "the photo should be stored (encrypted)"
    assert ADDRESS not in log_file_text()
    assert AGENT not in log_file_text()
