"""The enquirer fixes of issue 10: resent forms, the receipt page, the trap's place, typed receipts, photos
from staff, Burmese digits and Django's own messages in Burmese."""

from __future__ import annotations

import re
import secrets
import time

import pytest
from django.core import signing
from django.test import Client, override_settings

from embrace.cases.actions import Photo, reply_to_enquirer
from embrace.cases.models import Attachment, Case, Sender, Status
from embrace.intake.actions import submit_enquiry
from embrace.intake.tests.helpers import jpeg_with_metadata, receipt_on, visit_on
from embrace.testing.language import english_sentences, latin_digits
from embrace.testing.personas import Persona

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("intake_route")]

MESSAGE = "ကျွန်တော် တပ်ကနေ ထွက်ချင်ပါတယ်။"
REPLY = "မင်္ဂလာပါ။ ဓာတ်ပုံကို ကြည့်ပါ။"
TOKEN_SALT = "embrace.intake.form-token"


def _opened_ago(seconds: int) -> str:
    """A form token as we issue it, for a form opened ``seconds`` ago (a person reading and typing)."""
    return signing.dumps(
        [secrets.token_urlsafe(16), int(time.time()) - seconds], salt=TOKEN_SALT, compress=False
    )


def _enquiry(token: str) -> dict[str, str]:
    return {"token": token, "kind": "leave_alone", "message": MESSAGE, "reply_via": "site"}


def _token_on(page: str) -> str:
    found = re.search(r'name="token" value="([^"]+)"', page)
    assert found, page[:1000]
    return found.group(1)


def _sent(client: Client) -> str:
    page = client.post("/enquire/", _enquiry(_opened_ago(60)))
    assert page.status_code == 200
    return receipt_on(page.content.decode())


# --- A resent form keeps its fill time -------------------------------------------------------------------


@override_settings(INTAKE_MIN_FILL_SECONDS=3)
def test_sending_again_at_once_after_a_reload_is_not_taken_for_a_robot(client: Client) -> None:
    form = _enquiry(_opened_ago(60))
    assert client.post("/enquire/", form).status_code == 200
    again = client.post("/enquire/", form)  # the receipt page reloaded: the same form, the same token
    assert again.status_code == 409
    # The site's advice is to send it again; doing so at once must reach staff, not the quarantine.
    resent = client.post("/enquire/", _enquiry(_token_on(again.content.decode())))
    assert resent.status_code == 200
    assert list(Case.objects.values_list("status", flat=True)) == [Status.ENQUIRY, Status.ENQUIRY]


@override_settings(INTAKE_MIN_FILL_SECONDS=3)
def test_a_form_open_too_long_can_be_sent_again_at_once(client: Client) -> None:
    with override_settings(INTAKE_FORM_MAX_AGE_SECONDS=-1):  # every token has expired
        expired = client.post("/enquire/", _enquiry(_opened_ago(40)))
    assert expired.status_code == 400
    assert Case.objects.count() == 0
    resent = client.post("/enquire/", _enquiry(_token_on(expired.content.decode())))
    assert resent.status_code == 200
    assert Case.objects.get().status == Status.ENQUIRY


@override_settings(INTAKE_MIN_FILL_SECONDS=3)
def test_a_form_sent_back_for_a_mistake_keeps_its_fill_time(client: Client) -> None:
    refused = client.post("/enquire/", {**_enquiry(_opened_ago(60)), "reply_via": "signal"})  # no contact
    assert refused.status_code == 400
    resent = client.post("/enquire/", {**_enquiry(_token_on(refused.content.decode())), "contact": "+95 9 1"})
    assert resent.status_code == 200
    assert Case.objects.get().status == Status.ENQUIRY


@override_settings(INTAKE_MIN_FILL_SECONDS=3)
def test_a_fresh_form_sent_at_once_still_goes_to_quarantine(client: Client) -> None:
    page = client.get("/enquire/").content.decode()
    assert client.post("/enquire/", _enquiry(_token_on(page))).status_code == 200
    assert Case.objects.get().status == Status.QUARANTINED


# --- The receipt page ------------------------------------------------------------------------------------


def test_the_receipt_page_says_it_is_shown_once_and_what_to_do_if_lost(client: Client) -> None:
    page = client.post("/en/enquire/", _enquiry(_opened_ago(60))).content.decode()
    assert "It is shown only once, on this page, and never again." in page
    assert "If you lose it, send a new message and say that you wrote before." in page


def test_reloading_the_receipt_page_says_what_happened_and_shows_no_receipt(client: Client) -> None:
    form = _enquiry(_opened_ago(60))
    first = client.post("/en/enquire/", form).content.decode()
    receipt = receipt_on(first)
    again = client.post("/en/enquire/", form)
    page = again.content.decode()
    assert again.status_code == 409
    assert again["Cache-Control"] == "no-store"
    assert "This message was already received" in page
    assert "Its receipt was shown only once. We cannot show it again" in page
    assert receipt not in re.sub(r"<[^>]+>|\s", "", page)
    assert MESSAGE in page  # the form is kept, in case they choose to send it again
    assert Case.objects.count() == 1


# --- The trap field comes last ---------------------------------------------------------------------------


def test_the_trap_field_comes_after_the_message_and_the_button(
    client: Client, intake_officer: Persona
) -> None:
    form = client.get("/enquire/").content.decode()
    assert form.index('name="message"') < form.index('type="submit"') < form.index('name="website"')
    thread = client.post("/return/", {"receipt": _sent(client)}).content.decode()
    assert thread.index('name="message"') < thread.index('type="submit"') < thread.index('name="website"')


# --- Receipts as people type them ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typing",
    [
        lambda r: r.translate(str.maketrans("0123456789", "０１２３４５６７８９")),  # noqa: RUF001 full-width
        lambda r: r.translate(str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")),  # Myanmar digits
        lambda r: "-".join(r[i : i + 4] for i in range(0, 16, 4)),  # dashes
        lambda r: "–".join(r[i : i + 4] for i in range(0, 16, 4)),  # en dashes
        lambda r: "\u3000".join(r[i : i + 4] for i in range(0, 16, 4)),  # ideographic spaces
        lambda r: " " + "\u00a0".join(r[i : i + 4] for i in range(0, 16, 4)) + " ",  # no-break spaces
    ],
    ids=["full-width", "myanmar", "dashes", "en-dashes", "ideographic-spaces", "no-break-spaces"],
)
def test_a_receipt_typed_another_way_opens_the_conversation(client: Client, typing) -> None:
    receipt = _sent(client)
    page = client.post("/return/", {"receipt": typing(receipt)})
    assert page.status_code == 200
    assert MESSAGE in page.content.decode()


def test_a_receipt_with_letters_gets_a_format_message_that_is_not_a_wrong_guess(client: Client) -> None:
    receipt = _sent(client)
    typed = receipt[:15] + "O"  # a letter O for a zero: 16 characters, one of them not a digit
    page = client.post("/en/return/", {"receipt": typed})
    assert page.status_code == 400
    text = page.content.decode()
    assert "A receipt has only digits" in text
    assert "does not open anything" not in text


def test_a_wrong_receipt_of_sixteen_digits_says_it_opens_nothing(client: Client) -> None:
    _sent(client)
    page = client.post("/en/return/", {"receipt": "1234 5678 9012 3456"})
    assert page.status_code == 400
    assert "does not open anything" in page.content.decode()


# --- Four groups, readable at 360 px ---------------------------------------------------------------------


def test_the_receipt_is_shown_in_unbreakable_pairs_of_groups(client: Client) -> None:
    page = client.post("/enquire/", _enquiry(_opened_ago(60))).content.decode()
    shown = re.search(r'<p class="receipt">(.*?)</p>', page, re.DOTALL)
    assert shown
    pieces = re.findall(r"<span[^>]*>([^<]+)</span>", shown.group(1))
    assert len(pieces) == 4  # two pairs in Myanmar digits, two in Latin
    assert all(re.fullmatch(r"\w{4} \w{4}", piece) for piece in pieces)
    css = b"".join(client.get("/static/intake/site.css").streaming_content).decode()  # type: ignore[attr-defined]
    assert ".receipt span{white-space:nowrap}" in css


# --- Photos from staff -----------------------------------------------------------------------------------


@pytest.fixture
def thread_with_photo(client: Client, intake_officer: Persona) -> tuple[str, str, Attachment]:
    receipt = _sent(client)
    case = Case.objects.get()
    photo = Photo(jpeg_with_metadata(), "image/jpeg", 48, 64)
    reply_to_enquirer(case, REPLY, actor=intake_officer.user, photos=[photo])
    page = client.post("/return/", {"receipt": receipt}).content.decode()
    attachment = Attachment.objects.get(message__sender=Sender.STAFF)
    return page, visit_on(page)[0], attachment


def test_the_enquirer_sees_a_photo_staff_sent(client: Client, thread_with_photo) -> None:
    page, visit, attachment = thread_with_photo
    assert f'name="photo" value="{attachment.pk}"' in page
    assert "href" not in page.split(REPLY)[1].split("</div>")[0]  # a button in a form, no link with the key
    response = client.post("/return/photo/", {"visit": visit, "photo": str(attachment.pk)})
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"].startswith("no-store")
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"  # type: ignore[attr-defined]


def test_a_photo_needs_the_open_visit_of_its_receipt(client: Client, thread_with_photo) -> None:
    _page, visit, attachment = thread_with_photo
    assert client.post("/return/photo/", {"photo": str(attachment.pk)}).status_code == 400
    forged = visit.split(".")[0] + "." + "A" * 43 + "="
    assert client.post("/return/photo/", {"visit": forged, "photo": str(attachment.pk)}).status_code == 400
    assert client.get("/return/photo/", {"visit": visit, "photo": str(attachment.pk)}).status_code == 405


def test_a_photo_of_another_conversation_is_not_found(
    client: Client, thread_with_photo, intake_officer: Persona
) -> None:
    _page, visit, _attachment = thread_with_photo
    other, _ = submit_enquiry({"text": "other"}, {}, [], token=secrets.token_hex(8), quarantine=False)
    reply_to_enquirer(
        other, "other", actor=intake_officer.user, photos=[Photo(jpeg_with_metadata(), "image/jpeg", 48, 64)]
    )
    theirs = Attachment.objects.get(message__case=other)
    assert client.post("/return/photo/", {"visit": visit, "photo": str(theirs.pk)}).status_code == 404
    assert client.post("/return/photo/", {"visit": visit, "photo": "not-a-photo"}).status_code == 404


# --- Burmese: digits, dates, Django's messages, no English sentences -------------------------------------


def test_a_burmese_form_error_from_django_is_in_burmese(client: Client) -> None:
    page = client.post("/enquire/", {**_enquiry(_opened_ago(60)), "message": ""})
    text = page.content.decode()
    assert page.status_code == 400
    assert "ဤအကွက်ကို ဖြည့်ရန် လိုအပ်ပါသည်။" in text
    assert "This field is required." not in text
    too_long = client.post("/enquire/", {**_enquiry(_opened_ago(60)), "message": "က" * 5001}).content.decode()
    assert "စာလုံး အများဆုံး ၅၀၀၀ လုံးသာ ရေးနိုင်ပါသည် (ယခု ၅၀၀၁ လုံး ရှိနေပါသည်)။" in too_long
    assert latin_digits(too_long, allowed=["0–9"]) == []


def test_the_burmese_conversation_shows_myanmar_digits_and_month_names(
    client: Client, thread_with_photo
) -> None:
    page, _visit, _attachment = thread_with_photo
    meta = re.findall(r'<p class="meta">(.*?)</p>', page)
    assert meta
    assert not re.search(r"[0-9]", "".join(meta))  # dates and photo counts in Myanmar digits
    assert "ဓာတ်ပုံ ၁ ပုံ" in page
    assert "ဓာတ်ပုံ ၁ ကြည့်ရန်" in page


def test_burmese_enquirer_pages_show_no_english_sentence_and_no_latin_digits(
    client: Client, thread_with_photo
) -> None:
    thread, _visit, _attachment = thread_with_photo
    pages = {
        "thread": thread,
        "landing": client.get("/").content.decode(),
        "form": client.get("/enquire/").content.decode(),
        "return": client.get("/return/").content.decode(),
        "form with errors": client.post("/enquire/", {"kind": "nonsense"}).content.decode(),
        "receipt with letters": client.post("/return/", {"receipt": "abcd"}).content.decode(),
        "wrong receipt": client.post("/return/", {"receipt": "1" * 16}).content.decode(),
    }
    form = _enquiry(_opened_ago(60))
    pages["receipt"] = client.post("/enquire/", form).content.decode()
    pages["reloaded receipt"] = client.post("/enquire/", form).content.decode()
    for name, page in pages.items():
        assert '<html lang="my">' in page, name
        assert english_sentences(page) == [], name
        # The format message names the digits a receipt may be typed in, Latin ones among them.
        assert latin_digits(page, allowed=["0–9"]) == [], name


def test_the_english_sentence_check_finds_english() -> None:
    page = (
        "<html><body><p>ဤစာ ရောက်ရှိပါပြီ</p><p>This field is required.</p><p>Telegram Signal</p></body></html>"
    )
    assert english_sentences(page) == ["This field is required"]
