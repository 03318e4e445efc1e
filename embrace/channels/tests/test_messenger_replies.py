"""Replies from the case page to an enquirer's Messenger account, through the outbox, against the local fake
Graph API: at most once, in parts of at most 2,000 characters, tagged as a human agent's answer outside
Meta's 24 hours, failures said in plain words on the case."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from embrace.cases.models import Case
from embrace.channels import graph_api
from embrace.channels.delivery import Pacer, drain_due, split_text
from embrace.channels.models import Contact, Delivery, Outgoing
from embrace.channels.outbox import outbox_dir
from embrace.channels.tests.messenger_helpers import PSID, event, post
from embrace.channels.tests.outbound_helpers import FakeClock, messenger_case
from embrace.testing.fake_graph import FakeGraph
from embrace.testing.personas import Persona, log_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

CANARY = "CANARY-MSGR-REPLY-5151 မနက်ဖြန် နယ်စပ်မှာ တွေ့မယ်"


def _reply(client: Client, case: Case, text: str = CANARY, **extra: object) -> None:
    response = client.post(reverse("cases:reply", args=[case.pk]), {"text": text, **extra})
    assert response.status_code == 302, response.content.decode()[:1000]


def _page(client: Client, case: Case) -> str:
    return client.get(reverse("cases:detail", args=[case.pk])).content.decode()


def _drain_later(seconds: float) -> FakeClock:
    clock = FakeClock()
    clock.advance(seconds)
    drain_due(clock=clock, pacer=Pacer(clock))
    return clock


def test_a_reply_written_the_day_they_wrote_reaches_their_messenger_once_as_a_response(
    client: Client, intake_officer: Persona, messenger: FakeGraph, django_capture_on_commit_callbacks
) -> None:
    case, _ = messenger_case(PSID)
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    (sent,) = messenger.sent
    assert (sent.recipient, sent.messaging_type, sent.text, sent.tag) == (PSID, "RESPONSE", CANARY, None)
    outgoing = Outgoing.objects.get()
    assert (outgoing.status, outgoing.payload) == (Delivery.SENT, None)
    assert "On the chat: sent" in _page(client, case)
    _drain_later(3600)
    assert len(messenger.sent) == 1


def test_a_reply_after_the_day_they_wrote_goes_as_a_human_agents_answer(
    client: Client, intake_officer: Persona, messenger: FakeGraph, django_capture_on_commit_callbacks
) -> None:
    case, _ = messenger_case(PSID, last_inbound_on=timezone.localdate() - timedelta(days=1))
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    (sent,) = messenger.sent
    assert (sent.messaging_type, sent.tag, sent.text) == ("MESSAGE_TAG", "HUMAN_AGENT", CANARY)


def test_a_new_message_from_them_reopens_the_free_answering_window(
    meta: Client,
    client: Client,
    intake_officer: Persona,
    messenger: FakeGraph,
    django_capture_on_commit_callbacks,
) -> None:
    case, contact = messenger_case(PSID, last_inbound_on=timezone.localdate() - timedelta(days=3))
    assert post(meta, event("text", psid=PSID, mid="m_window_1")).status_code == 200
    assert Contact.objects.get(pk=contact.pk).last_inbound_on == timezone.localdate()
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    assert messenger.sent[-1].messaging_type == "RESPONSE"


def test_a_long_reply_arrives_in_parts_of_at_most_2000_characters_in_order(
    client: Client, intake_officer: Persona, messenger: FakeGraph, django_capture_on_commit_callbacks
) -> None:
    case, _ = messenger_case(PSID)
    paragraphs = [f"{n:03d} " + ("နယ်စပ် " * 120).strip() for n in range(5)]
    text = "\n\n".join(paragraphs)
    assert len(text) > 4000
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case, text)
    parts = [s.text for s in messenger.sent]
    assert len(parts) >= 3
    assert all(len(p) <= graph_api.MAX_TEXT_CHARS for p in parts)
    assert "".join(parts) == text
    assert Outgoing.objects.get().status == Delivery.SENT


def test_text_without_breaks_is_cut_at_the_limit() -> None:
    text = "က" * 4500
    assert [len(p) for p in split_text(text)] == [2000, 2000, 500]
    assert "".join(split_text(text)) == text


def test_a_part_that_failed_is_retried_without_repeating_the_parts_already_sent(
    client: Client, intake_officer: Persona, messenger: FakeGraph, django_capture_on_commit_callbacks
) -> None:
    case, _ = messenger_case(PSID)
    text = "\n\n".join(f"{n} " + "x" * 1500 for n in range(3))
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=False):
        _reply(client, case, text)

    class FailSecond(FakeClock):
        def sleep(self, seconds: float) -> None:
            # The pacer waits a second between two parts to one chat: Meta fails the second part.
            if len(messenger.sent) == 1:
                messenger.fail_next(500)
            super().sleep(seconds)

    clock = FailSecond()
    drain_due(clock=clock, pacer=Pacer(clock))
    assert len(messenger.sent) == 1
    assert Outgoing.objects.get().status == Delivery.QUEUED
    clock.advance(31)
    drain_due(clock=clock, pacer=Pacer(clock))
    assert [s.text[:2] for s in messenger.sent] == ["0 ", "1 ", "2 "]
    assert "".join(s.text for s in messenger.sent) == text
    assert Outgoing.objects.get().status == Delivery.SENT


def test_a_messenger_fault_is_retried_after_the_wait_it_gives_and_sent_once(
    client: Client, intake_officer: Persona, messenger: FakeGraph, django_capture_on_commit_callbacks
) -> None:
    case, _ = messenger_case(PSID)
    messenger.fail_next(500)
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    outgoing = Outgoing.objects.get()
    assert outgoing.status == Delivery.QUEUED
    assert outgoing.failure == "Messenger could not be reached or had a fault"
    assert "On the chat: waiting to be sent" in _page(client, case)
    _drain_later(20)
    assert messenger.sent == []  # not before the 30 seconds TryAgain said
    _drain_later(31)
    _drain_later(3600)
    assert [s.text for s in messenger.sent] == [CANARY]
    assert Outgoing.objects.get().status == Delivery.SENT


def test_messengers_rate_limit_stops_the_drain_and_the_rows_wait(
    client: Client, intake_officer: Persona, messenger: FakeGraph, django_capture_on_commit_callbacks
) -> None:
    case, _ = messenger_case(PSID)
    other, _ = messenger_case("7009998887776665")
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=False):
        _reply(client, case)
        _reply(client, other)
    messenger.fail_next(400, code=613)
    clock = FakeClock()
    report = drain_due(clock=clock, pacer=Pacer(clock))
    assert report.counts == {"slow_down": 1}
    assert messenger.sent == []
    assert Outgoing.objects.filter(status=Delivery.QUEUED).count() == 2
    clock.advance(61)
    drain_due(clock=clock, pacer=Pacer(clock))
    assert len(messenger.sent) == 2


def test_a_person_who_cannot_be_reached_fails_at_once_and_is_marked_unreachable(
    client: Client, intake_officer: Persona, messenger: FakeGraph, django_capture_on_commit_callbacks
) -> None:
    case, contact = messenger_case(PSID, last_inbound_on=timezone.localdate() - timedelta(days=9))
    messenger.fail_next(400, code=10, subcode=2018278)
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    failed = Outgoing.objects.get()
    assert (failed.status, failed.payload) == (Delivery.FAILED, None)
    assert Contact.objects.get(pk=contact.pk).unreachable
    assert "could not be sent: the person cannot be reached on Messenger" in _page(client, case)
    _drain_later(3600 * 24)
    assert messenger.sent == []


def test_a_refused_page_token_fails_with_a_reason_for_the_handler_and_is_not_retried(
    client: Client,
    intake_officer: Persona,
    messenger: FakeGraph,
    settings: object,
    django_capture_on_commit_callbacks,
) -> None:
    case, contact = messenger_case(PSID)
    settings.MESSENGER_PAGE_TOKEN = "EAAwrongTOKEN"  # type: ignore[attr-defined]
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    failed = Outgoing.objects.get()
    assert (failed.status, failed.payload) == (Delivery.FAILED, None)
    assert not Contact.objects.get(pk=contact.pk).unreachable
    assert "could not be sent: the page&#x27;s access token is missing or was refused" in _page(client, case)
    _drain_later(3600)
    assert messenger.refused == 1


def test_a_send_that_got_no_answer_may_have_arrived_and_is_never_sent_again(
    client: Client,
    intake_officer: Persona,
    messenger: FakeGraph,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks,
) -> None:
    import httpx

    case, _ = messenger_case(PSID)
    # A short read timeout so that the fake's hang ends quickly (the fake never answers a hung send).
    monkeypatch.setattr(graph_api, "TIMEOUT", httpx.Timeout(0.5, connect=5.0))
    messenger.hang_next()
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    outgoing = Outgoing.objects.get()
    assert (outgoing.status, outgoing.payload) == (Delivery.UNCERTAIN, None)
    assert "may not have arrived — check with them" in _page(client, case)
    _drain_later(3600)
    assert messenger.sent == []


def test_a_reply_with_photos_sends_its_text_and_the_case_says_photos_are_read_on_the_website(
    client: Client, intake_officer: Persona, messenger: FakeGraph, django_capture_on_commit_callbacks
) -> None:
    case, _ = messenger_case(PSID)
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, "JPEG")
    photo = SimpleUploadedFile("map.jpg", buffer.getvalue(), content_type="image/jpeg")
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case, photos=photo)
    assert [s.text for s in messenger.sent] == [CANARY]
    assert not outbox_dir().exists() or not any(outbox_dir().iterdir())
    page = _page(client, case)
    assert "photos are not sent on Messenger: they see them on the website with their receipt" in page
