"""Every bad input on the enquirer's side: a clear message, a 4xx, the form filled again, nothing stored."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from PIL import Image

from embrace.cases.models import Case, Status
from embrace.intake.models import IntakeRoute
from embrace.intake.tests.helpers import form_token, jpeg_with_metadata, receipt_on, visit_on
from embrace.vault import receipts

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("intake_route")]

TYPED = "MARKER-TYPED-TEXT ကျွန်တော် ပြောချင်တာရှိတယ်"
UNIT = "MARKER-UNIT-TYPED"


def _post(client: Client, **overrides: object) -> tuple[int, str]:
    data: dict[str, object] = {
        "token": form_token(client, "/enquire/"),
        "kind": "leave_alone",
        "message": TYPED,
        "unit": UNIT,
        "reply_via": "site",
    }
    data.update(overrides)
    response = client.post("/enquire/", data)
    return response.status_code, response.content.decode()


def _nothing_stored() -> None:
    assert Case.objects.count() == 0
    assert not [p for p in Path(settings.UPLOADS_DIR).rglob("*") if p.is_file()]


def _kept(page: str) -> None:
    assert TYPED in page, "what the enquirer typed must come back in the form"
    assert UNIT in page


def _photo(name: str, data: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def _png(width: int, height: int, mode: str = "1") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"message": ""}, None),
        ({"kind": "launch_missiles"}, None),
        ({"reply_via": "telegram", "contact": ""}, None),
        ({"token": "forged"}, None),
    ],
)
@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_bad_fields_come_back_filled_with_a_400(client: Client, overrides: dict, expected: None) -> None:
    status, page = _post(client, **overrides)
    assert status == 400
    if overrides.get("message") != "":
        _kept(page)
    else:
        assert UNIT in page
    assert 'class="errorlist' in page or 'class="warn"' in page
    _nothing_stored()


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_too_long_message_is_refused_and_kept(client: Client) -> None:
    long_text = TYPED + "က" * 5000
    status, page = _post(client, message=long_text)
    assert status == 400
    assert long_text in page
    _nothing_stored()


@pytest.mark.parametrize(
    ("name", "data", "code_words"),
    [
        ("notes.jpg", b"this is not a picture at all" * 20, "ဓာတ်ပုံအဖြစ် ဖတ်၍ မရပါ"),
        ("cut.jpg", jpeg_with_metadata()[:300], "ပျက်စီး"),
        ("bomb.png", _png(20000, 20000), "pixel"),
        ("anim.gif", b"GIF89a" + b"\x00" * 200, "JPEG"),
    ],
)
@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_bad_photos_are_refused_by_name_and_the_text_kept(
    client: Client, name: str, data: bytes, code_words: str
) -> None:
    status, page = _post(client, photos=[_photo(name, data)])
    assert status == 400
    assert name in page
    assert code_words in page
    _kept(page)
    _nothing_stored()


@override_settings(INTAKE_MIN_FILL_SECONDS=0, INTAKE_MAX_PHOTO_BYTES=2000)
def test_oversize_photo_is_refused_and_the_text_kept(client: Client) -> None:
    status, page = _post(client, photos=[_photo("big.jpg", jpeg_with_metadata(400, 400))])
    assert status == 400
    assert "big.jpg" in page
    assert "10 MB" in page
    _kept(page)
    _nothing_stored()


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_one_photo_too_many_is_refused(client: Client) -> None:
    photos = [_photo(f"p{i}.jpg", jpeg_with_metadata()) for i in range(settings.INTAKE_MAX_PHOTOS + 1)]
    status, page = _post(client, photos=photos)
    assert status == 400
    assert "(အများဆုံး ၅ ပုံ)" in page
    _kept(page)
    _nothing_stored()


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_a_form_sent_twice_makes_one_case(client: Client) -> None:
    token = form_token(client, "/enquire/")
    first, _ = _post(client, token=token)
    second, page = _post(client, token=token)
    assert (first, second) == (200, 409)
    assert "ရောက်ရှိပြီး ဖြစ်ပါသည်" in page  # says the message arrived, rather than inviting a duplicate
    _kept(page)
    assert Case.objects.count() == 1


def test_a_filled_honeypot_goes_to_quarantine_looking_like_success(client: Client) -> None:
    status, page = _post(client, website="http://spam.example")
    assert status == 200
    assert receipt_on(page)
    assert Case.objects.get().status == Status.QUARANTINED


def test_a_form_filled_faster_than_a_person_goes_to_quarantine(client: Client) -> None:
    assert settings.INTAKE_MIN_FILL_SECONDS >= 1
    status, _ = _post(client)
    assert status == 200
    assert Case.objects.get().status == Status.QUARANTINED


@override_settings(INTAKE_MIN_FILL_SECONDS=0, RECEIPT_WAIT_SECONDS=0)
def test_when_key_stretching_is_saturated_the_enquirer_gets_a_polite_busy_page(client: Client) -> None:
    token = form_token(client, "/enquire/")
    for _ in range(receipts.queue.slots):  # every slot taken by derivations that are still running
        receipts.queue.acquire(receipts.Lane.NEW, max_wait=0)
    try:
        response = client.post(
            "/enquire/",
            {"token": token, "kind": "leave_alone", "message": TYPED, "unit": UNIT, "reply_via": "site"},
        )
    finally:
        for _ in range(receipts.queue.slots):
            receipts.queue.release(receipts.Lane.NEW)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    _kept(response.content.decode())
    _nothing_stored()
    # The same form, sent again a moment later, goes through: its token was not spent.
    again = client.post(
        "/enquire/",
        {"token": token, "kind": "leave_alone", "message": TYPED, "unit": UNIT, "reply_via": "site"},
    )
    assert again.status_code == 200


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_a_return_that_would_wait_past_the_bound_gets_the_busy_page_with_the_receipt_kept(
    client: Client,
) -> None:
    _status, page = _post(client)
    receipt = receipt_on(page)
    for _ in range(receipts.queue.slots):
        receipts.queue.acquire(receipts.Lane.RETURN, max_wait=0)
    try:
        with override_settings(RECEIPT_WAIT_SECONDS=0):
            response = client.post("/return/", {"receipt": receipt})
    finally:
        for _ in range(receipts.queue.slots):
            receipts.queue.release(receipts.Lane.RETURN)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert receipt in response.content.decode()  # the receipt as typed, to press the button again
    assert receipts.queue.snapshot()["return"] == {"running": 0, "waiting": 0}
    assert client.post("/return/", {"receipt": receipt}).status_code == 200


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_no_receiving_team_refuses_without_losing_the_text(client: Client) -> None:
    IntakeRoute.objects.update(active=False)
    status, page = _post(client)
    assert status == 503
    _kept(page)
    _nothing_stored()


@pytest.mark.parametrize("typed", ["12345", "abcd efgh ijkl mnop", "1234 5678 9012 34567"])
def test_a_malformed_receipt_says_what_a_receipt_looks_like(client: Client, typed: str) -> None:
    response = client.post("/return/", {"receipt": typed})
    assert response.status_code == 400
    assert "ဂဏန်း ၁၆ လုံး" in response.content.decode()
    assert typed in response.content.decode()


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_a_stranger_guessing_receipts_never_keeps_the_real_enquirer_out(client: Client) -> None:
    _status, page = _post(client)
    receipt = receipt_on(page)
    stranger = Client()
    # More wrong receipts than the old site-wide pause allowed in ten minutes (100): each costs the guesser
    # a full derivation, and none of them closes the door on anyone else.
    statuses = {stranger.post("/return/", {"receipt": f"{i:016d}"}).status_code for i in range(120)}
    assert statuses == {400}
    response = client.post("/return/", {"receipt": receipt})
    assert response.status_code == 200
    assert TYPED in response.content.decode()


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_reply_needs_a_message_or_photo_and_keeps_the_page(client: Client) -> None:
    _status, page = _post(client)
    thread = client.post("/return/", {"receipt": receipt_on(page)}).content.decode()
    visit, token = visit_on(thread)
    response = client.post("/return/reply/", {"visit": visit, "token": token, "message": ""})
    assert response.status_code == 400
    assert TYPED in response.content.decode()  # the thread is still shown


@override_settings(INTAKE_MIN_FILL_SECONDS=0)
def test_reply_from_an_expired_page_keeps_the_message_to_copy(client: Client) -> None:
    response = client.post("/return/reply/", {"visit": "not-a-visit", "token": "x", "message": TYPED})
    assert response.status_code == 400
    assert TYPED in response.content.decode()


def test_a_refused_csrf_check_gives_the_form_back_filled() -> None:
    client = Client(enforce_csrf_checks=True)
    client.get("/enquire/")
    response = client.post(
        "/enquire/", {"kind": "leave_alone", "message": TYPED, "unit": UNIT, "reply_via": "site"}
    )
    assert response.status_code == 403
    _kept(response.content.decode())
    _nothing_stored()
