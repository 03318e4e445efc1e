"""A person writes to the Page: their first message opens a Messenger case and the receipt reaches them
through the Send API; later messages join the case; images wait, sealed, to be fetched; our own echoes and
Meta's delivery and read receipts store nothing."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from embrace.cases.models import Case, Channel, Status
from embrace.cases.thread import read_thread
from embrace.channels import graph_api
from embrace.channels.models import Contact, InboundFile, SeenUpdate
from embrace.channels.tests.helpers import receipt_in, stored_counts
from embrace.channels.tests.messenger_helpers import (
    PSID,
    event,
    post,
)
from embrace.testing.fake_graph import FakeGraph
from embrace.testing.personas import Persona
from embrace.vault.blind import blind_index
from embrace.vault.keyring import unlock_with_password
from embrace.vault.outbox import open_outbox

pytestmark = pytest.mark.django_db

TEXT = "I am a sergeant and I want to leave with my family."


def test_first_message_opens_a_messenger_case_and_the_receipt_reaches_the_person(
    meta: Client, messenger: FakeGraph, intake_officer: Persona
) -> None:
    response = post(meta, event("text"))
    assert response.status_code == 200
    assert response.content == b""  # the bot's words never ride in the answer to Meta
    case = Case.objects.get()
    assert (case.channel, case.status) == (Channel.MESSENGER, Status.ENQUIRY)
    contact = Contact.objects.get()
    assert (contact.case, contact.channel) == (case, Channel.MESSENGER)
    assert contact.digest == blind_index("messenger_psid", PSID)
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assert keyring.open_many([bytes(contact.address)]) == [PSID.encode()]
    assert [item.text for item in read_thread(case, keyring)] == [TEXT]
    [sent] = messenger.sent
    assert (sent.recipient, sent.messaging_type) == (PSID, "RESPONSE")
    assert "ပြေစာနံပါတ်" in sent.text
    assert len(receipt_in(sent.text)) == 16


def test_a_second_message_joins_the_same_case_without_a_second_receipt(
    meta: Client, messenger: FakeGraph, intake_officer: Persona
) -> None:
    post(meta, event("text"))
    assert post(meta, event("text", mid="m_second", text="MARKER-SECOND ဒုတိယ")).status_code == 200
    case = Case.objects.get()
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assert [item.text for item in read_thread(case, keyring)] == [TEXT, "MARKER-SECOND ဒုတိယ"]
    assert len(messenger.sent) == 2
    assert "ပြေစာနံပါတ်" not in messenger.sent[1].text


def test_a_message_delivered_twice_is_stored_once_under_a_digest_of_its_id(
    meta: Client, messenger: FakeGraph
) -> None:
    post(meta, event("text"))
    before = stored_counts()
    assert post(meta, event("text")).status_code == 200
    assert stored_counts() == before
    [seen] = SeenUpdate.objects.all()
    mid = event("text")["entry"][0]["messaging"][0]["message"]["mid"]
    assert seen.channel == Channel.MESSENGER
    assert seen.key == blind_index("messenger_mid", mid)
    assert mid not in seen.key


def test_another_account_opens_another_case(meta: Client, messenger: FakeGraph) -> None:
    post(meta, event("text"))
    post(meta, event("text", mid="m_other", psid="7001002003009999"))
    assert Case.objects.count() == 2
    assert {s.recipient for s in messenger.sent} == {PSID, "7001002003009999"}


def test_an_image_is_stored_as_a_message_and_its_address_waits_sealed_to_be_fetched(
    meta: Client, messenger: FakeGraph
) -> None:
    assert post(meta, event("image")).status_code == 200
    case = Case.objects.get()
    [waiting] = InboundFile.objects.all()
    assert waiting.message.case == case
    url = event("image")["entry"][0]["messaging"][0]["message"]["attachments"][0]["payload"]["url"]
    assert url.encode() not in bytes(waiting.ref)
    assert json.loads(open_outbox(bytes(waiting.ref))) == {"channel": "messenger", "ref": url}


@pytest.mark.parametrize("name", ["echo", "delivery", "read"])
def test_echoes_and_delivery_and_read_receipts_store_nothing_and_answer_nothing(
    meta: Client, messenger: FakeGraph, name: str
) -> None:
    before = stored_counts()
    assert post(meta, event(name)).status_code == 200
    assert stored_counts() == before
    assert messenger.sent == []


@pytest.mark.parametrize("name", ["sticker", "audio"])
def test_stickers_and_voice_are_answered_politely_and_not_stored(
    meta: Client, messenger: FakeGraph, name: str
) -> None:
    before = stored_counts()
    assert post(meta, event(name)).status_code == 200
    assert stored_counts() == before
    [sent] = messenger.sent
    assert "ဓာတ်ပုံ" in sent.text  # "send text or photos", in Burmese


def test_get_started_and_help_are_answered_and_not_stored(meta: Client, messenger: FakeGraph) -> None:
    before = stored_counts()
    post(meta, event("postback"))
    post(meta, event("text", mid="m_help", text="/help"))
    post(meta, event("text", mid="m_delete", text="/delete"))
    assert stored_counts() == before
    greeting, help_text, delete = (s.text for s in messenger.sent)
    assert "/help" in greeting
    assert "/delete" in help_text
    assert "Meta" in delete
    assert "Telegram" not in delete


def test_english_is_remembered_once_the_person_has_a_case(meta: Client, messenger: FakeGraph) -> None:
    post(meta, event("text"))
    post(meta, event("text", mid="m_en", text="/english"))
    post(meta, event("text", mid="m_after", text="MARKER-AFTER"))
    assert messenger.sent[-1].text == "Received. Thank you."


def test_a_batch_of_events_is_stored_event_by_event(meta: Client, messenger: FakeGraph) -> None:
    body = event("text")
    second = event("text", mid="m_batch", psid="7001002003008888")["entry"][0]
    body["entry"].append(second)
    body["entry"].append(event("delivery")["entry"][0])
    assert post(meta, body).status_code == 200
    assert Case.objects.count() == 2
    assert len(messenger.sent) == 2


def test_a_failed_send_keeps_the_message_and_the_next_one_joins_its_case(
    meta: Client, messenger: FakeGraph
) -> None:
    messenger.fail_next(500)
    assert post(meta, event("text")).status_code == 200
    assert Case.objects.count() == 1
    assert messenger.sent == []  # no receipt reached the person
    post(meta, event("text", mid="m_next", text="MARKER-NEXT"))
    assert Case.objects.count() == 1
    # Only "received": the receipt was never stored, so it cannot be given again.
    [sent] = messenger.sent
    assert "ပြေစာနံပါတ်" not in sent.text


def test_the_send_api_call_carries_the_page_token_and_a_wrong_one_is_refused(
    settings, messenger: FakeGraph
) -> None:
    assert graph_api.send_text(PSID, "hello").startswith("m_")
    settings.MESSENGER_PAGE_TOKEN = "EAAwrong"
    with pytest.raises(graph_api.Refused, match="access token"):
        graph_api.send_text(PSID, "hello")
    assert messenger.refused == 1


@pytest.mark.parametrize(
    ("status", "code", "subcode", "error"),
    [
        (500, 2, None, graph_api.TryAgain),
        (400, 613, None, graph_api.TryAgain),
        (400, 551, None, graph_api.Unreachable),
        (400, 10, 2018278, graph_api.Unreachable),
        (400, 100, None, graph_api.Refused),
    ],
)
def test_send_api_errors_say_whether_to_try_again(
    messenger: FakeGraph, status: int, code: int, subcode: int | None, error: type[Exception]
) -> None:
    messenger.fail_next(status, code=code, subcode=subcode)
    with pytest.raises(error) as raised:
        graph_api.send_text(PSID, "hello")
    assert "127.0.0.1" not in str(raised.value)
    assert raised.value.__cause__ is None


def test_an_attachment_downloads_from_its_address(messenger: FakeGraph) -> None:
    url = messenger.attachment(b"\xff\xd8\xff fake jpeg")
    assert graph_api.download(url) == b"\xff\xd8\xff fake jpeg"
    with pytest.raises(graph_api.Refused):
        graph_api.download(url, max_bytes=4)
    with pytest.raises(graph_api.Refused):
        graph_api.download(url.replace(".jpg", "x.jpg"))
