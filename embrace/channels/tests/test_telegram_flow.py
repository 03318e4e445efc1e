"""A person writes to the bot: their first message opens a case in the receiving team's inbox, later ones
join it, and the receipt the bot gives opens the same case on the web form."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from embrace.cases.lifecycle import request_transition
from embrace.cases.models import Case, Channel, Message, Status
from embrace.cases.thread import read_thread
from embrace.channels.models import Contact, InboundFile, SeenUpdate
from embrace.channels.tests.helpers import CHAT_ID, answer, post, receipt_in, stored_counts, update
from embrace.testing.personas import Persona
from embrace.vault.blind import blind_index
from embrace.vault.keyring import unlock_with_password
from embrace.vault.outbox import open_outbox

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("telegram")]

TEXT = "ကျွန်တော် တပ်ကနေ ထွက်ချင်ပါတယ်။ MARKER-TELEGRAM-TEXT"


def _documents(case: Case, persona: Persona) -> list[dict[str, object]]:
    keyring = unlock_with_password(persona.user, persona.password)
    envelopes = [bytes(m.envelope) for m in case.messages.order_by("seq")]
    return [json.loads(plain) for plain in keyring.open_many(envelopes)]


def test_first_message_opens_a_telegram_case_in_the_receiving_teams_inbox(
    bot_client: Client, staff_client, intake_officer: Persona
) -> None:
    said = answer(post(bot_client, update("text")))
    assert said["chat_id"] == CHAT_ID
    case = Case.objects.get()
    assert (case.channel, case.status) == (Channel.TELEGRAM, Status.ENQUIRY)
    contact = Contact.objects.get()
    assert contact.case == case
    assert contact.digest == blind_index("telegram_chat", str(CHAT_ID))
    # The receipt, in Burmese (the app's language) and so in Myanmar digits, grouped by fours.
    assert re.search(r"[၀-၉]{4} [၀-၉]{4} [၀-၉]{4} [၀-၉]{4}", said["text"])
    assert "ပြေစာနံပါတ်" in said["text"]

    officer = staff_client(intake_officer)
    inbox = officer.get(reverse("cases:inbox"))
    assert case.reference in inbox.content.decode()
    page = officer.get(reverse("cases:detail", args=[case.pk]))
    assert page.status_code == 200
    assert "MARKER-TELEGRAM-TEXT" in page.content.decode()


def test_the_address_is_sealed_to_the_case_and_opens_for_its_readers(intake_officer: Persona) -> None:
    post(Client(), update("text"))
    contact = Contact.objects.get()
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assert keyring.open_many([bytes(contact.address)]) == [str(CHAT_ID).encode()]
    assert str(CHAT_ID).encode() not in bytes(contact.address)


def test_a_second_message_joins_the_same_case(bot_client: Client, intake_officer: Persona) -> None:
    post(bot_client, update("text"))
    said = answer(post(bot_client, update("text", update_id=700000101, text="MARKER-SECOND ဒုတိယ")))
    assert "ပြေစာ" not in said["text"]  # no second receipt
    case = Case.objects.get()
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assert [item.text for item in read_thread(case, keyring)] == [TEXT, "MARKER-SECOND ဒုတိယ"]
    assert case.unread_by_staff == 2


def test_another_chat_opens_another_case(bot_client: Client) -> None:
    post(bot_client, update("text"))
    post(bot_client, update("text", update_id=700000102, chat_id=555000222))
    assert Case.objects.count() == 2
    assert Contact.objects.count() == 2


def test_an_update_delivered_twice_is_stored_once(bot_client: Client) -> None:
    first = answer(post(bot_client, update("text")))
    after_first = stored_counts()
    again = answer(post(bot_client, update("text")))
    assert stored_counts() == after_first
    assert Message.objects.count() == 1
    assert SeenUpdate.objects.get().key == "700000001"
    assert again["text"] != first["text"]  # the receipt is never shown twice
    # A repeat of a later message is refused the same way.
    post(bot_client, update("text", update_id=700000103, text="MARKER-AGAIN"))
    post(bot_client, update("text", update_id=700000103, text="MARKER-AGAIN"))
    assert Message.objects.count() == 2


def test_zawgyi_is_converted_and_kept_as_typed_for_review(
    bot_client: Client, intake_officer: Persona
) -> None:
    post(bot_client, update("zawgyi"))
    [document] = _documents(Case.objects.get(), intake_officer)
    assert document["text"] == "ကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်"
    assert document["raw"] == "ကၽြန္ေတာ္ စစ္တပ္က ထြက္ခ်င္ပါတယ္"
    assert document["script"] == "zawgyi"


def test_a_photo_is_stored_with_its_caption_and_queued_sealed_to_fetch(
    bot_client: Client, intake_officer: Persona
) -> None:
    post(bot_client, update("text"))
    post(bot_client, update("photo"))
    case = Case.objects.get()
    assert [d["text"] for d in _documents(case, intake_officer)] == [TEXT, "MARKER-PHOTO-CAPTION ဓာတ်ပုံ"]
    fetch = InboundFile.objects.get()
    assert fetch.message == case.messages.get(seq=2)
    assert fetch.status == "queued"
    assert b"AgACAgIAAxkBAAIBZ2NhcmtlcjM" not in bytes(fetch.ref)
    # The largest size (Telegram lists them smallest first), for the worker that holds the outbox key.
    assert json.loads(open_outbox(bytes(fetch.ref))) == {
        "channel": "telegram",
        "ref": "AgACAgIAAxkBAAIBZ2NhcmtlcjM",
    }


def test_a_photo_as_the_first_message_opens_the_case(bot_client: Client) -> None:
    said = answer(post(bot_client, update("photo")))
    assert receipt_in(said["text"])
    assert InboundFile.objects.get().message == Case.objects.get().messages.get()


def test_an_edit_is_stored_as_a_new_message_marked_edited(
    bot_client: Client, intake_officer: Persona
) -> None:
    post(bot_client, update("text"))
    answer(post(bot_client, update("edited_message")))
    documents = _documents(Case.objects.get(), intake_officer)
    assert [d["text"] for d in documents] == [TEXT, "MARKER-EDITED-TEXT ပြင်ဆင်ထားသည်"]
    assert [d.get("edited", False) for d in documents] == [False, True]


def test_a_reply_keeps_the_quoted_message_out(bot_client: Client, intake_officer: Persona) -> None:
    post(bot_client, update("reply"))
    [document] = _documents(Case.objects.get(), intake_officer)
    assert document["text"] == "MARKER-REPLY-TEXT ဟုတ်ကဲ့"
    assert "MARKER-QUOTED-TEXT" not in json.dumps(document, ensure_ascii=False)


def test_blocking_the_bot_marks_the_contact_unreachable_until_they_write_again(bot_client: Client) -> None:
    post(bot_client, update("text"))
    response = post(bot_client, update("blocked"))
    assert response.status_code == 200
    assert response.content == b""
    assert Contact.objects.get().unreachable
    post(bot_client, update("text", update_id=700000104, text="back again"))
    assert not Contact.objects.get().unreachable


def test_blocking_before_writing_stores_nothing(bot_client: Client) -> None:
    before = stored_counts()
    assert post(bot_client, update("blocked")).status_code == 200
    assert stored_counts() == before


@pytest.mark.parametrize("name", ["sticker", "voice", "document"])
def test_stickers_voice_and_files_are_answered_politely_and_not_stored(bot_client: Client, name: str) -> None:
    before = stored_counts()
    said = answer(post(bot_client, update(name)))
    assert "စာ သို့မဟုတ် ဓာတ်ပုံ ပို့ပေးပါ" in said["text"]
    english = answer(post(bot_client, update(name, language="en")))
    assert "Please send text or photos" in english["text"]
    assert stored_counts() == before


@pytest.mark.parametrize("name", ["group", "channel_post", "callback_query"])
def test_updates_of_other_kinds_are_acknowledged_and_not_stored(bot_client: Client, name: str) -> None:
    before = stored_counts()
    response = post(bot_client, update(name))
    assert (response.status_code, response.content) == (200, b"")
    assert stored_counts() == before


def test_the_receipt_opens_the_case_on_the_web_form_and_a_web_reply_joins_it(bot_client: Client) -> None:
    said = answer(post(bot_client, update("text")))
    web = Client()
    thread = web.post(reverse("intake:return"), {"receipt": receipt_in(said["text"])})
    assert thread.status_code == 200
    assert "MARKER-TELEGRAM-TEXT" in thread.content.decode()
    visit = re.search(r'name="visit" value="([^"]+)"', thread.content.decode()).group(1)  # type: ignore[union-attr]
    token = re.search(r'name="token" value="([^"]+)"', thread.content.decode()).group(1)  # type: ignore[union-attr]
    sent = web.post(
        reverse("intake:reply"), {"visit": visit, "token": token, "message": "MARKER-FROM-THE-WEB"}
    )
    assert sent.status_code == 200
    assert Case.objects.count() == 1
    assert Message.objects.filter(case=Case.objects.get()).count() == 2
    # And the chat goes on in the same case.
    post(bot_client, update("text", update_id=700000105, text="MARKER-AFTER-THE-WEB"))
    assert Message.objects.count() == 3


def test_a_withdrawn_case_still_receives_without_changing_its_status(
    bot_client: Client, intake_officer: Persona
) -> None:
    post(bot_client, update("text"))
    request_transition(Case.objects.get(), "withdraw", actor=intake_officer.user)
    Case.objects.update(unread_by_staff=0)
    answer(post(bot_client, update("text", update_id=700000106, text="MARKER-LATER")))
    case = Case.objects.get()
    assert (case.status, case.unread_by_staff, case.messages.count()) == (Status.WITHDRAWN, 1, 2)


def test_the_benchmarks_updates_are_ones_the_webhook_stores(bot_client: Client) -> None:
    from embrace.bench.channels import update_body

    answer(post(bot_client, update_body(1, 900000001, "open")))
    answer(post(bot_client, update_body(2, 900000001, "tg900000001x2")))
    assert Message.objects.count() == 2
