"""Replies from the case page to an enquirer's Telegram chat, through the outbox, against the local fake Bot
API: sent at most once, paced as Telegram asks, failures said in plain words on the case, nothing readable at
rest."""

from __future__ import annotations

import io
import itertools
import json
import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from PIL import Image

from embrace.accounts.tests.scan import database_text
from embrace.cases.models import Attachment, Case, Sender
from embrace.channels import delivery
from embrace.channels.delivery import Pacer, drain_due, fetch_due
from embrace.channels.models import Contact, Delivery, InboundFile, Outgoing
from embrace.channels.outbox import outbox_dir, queue_inbound_file
from embrace.channels.telegram_api import Telegram
from embrace.channels.tests.outbound_helpers import FakeClock, telegram_case
from embrace.intake.tests.helpers import EXIF_MAKE, jpeg_with_metadata
from embrace.testing.fake_telegram import FakeTelegram
from embrace.testing.personas import Persona, log_in
from embrace.vault import crypto
from embrace.vault.outbox import open_outbox

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

CHAT = "7012345678"
CANARY = "CANARY-REPLY-4242 မနက်ဖြန် နယ်စပ်မှာ တွေ့မယ်"


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    with FakeTelegram() as fake, override_settings(**fake.settings()):
        yield fake


def _reply(client: Client, case: Case, text: str = CANARY, **extra: object) -> None:
    response = client.post(reverse("cases:reply", args=[case.pk]), {"text": text, **extra})
    assert response.status_code == 302, response.content.decode()[:1000]


def _page(client: Client, case: Case) -> str:
    return client.get(reverse("cases:detail", args=[case.pk])).content.decode()


def test_a_reply_from_the_case_page_reaches_the_enquirers_chat_once(
    client: Client, intake_officer: Persona, telegram: FakeTelegram, django_capture_on_commit_callbacks
) -> None:
    case, _ = telegram_case(CHAT)
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    (call,) = telegram.delivered()
    assert call.params == {"chat_id": CHAT, "text": CANARY}
    outgoing = Outgoing.objects.get()
    assert outgoing.status == Delivery.SENT
    assert outgoing.payload is None
    assert outgoing.message == case.messages.get(sender=Sender.STAFF)
    assert "On the chat: sent" in _page(client, case)


def test_a_reply_to_a_web_case_queues_nothing(
    client: Client, intake_officer: Persona, telegram: FakeTelegram, django_capture_on_commit_callbacks
) -> None:
    case, _ = telegram_case(CHAT)
    Contact.objects.all().delete()
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    assert not Outgoing.objects.exists()
    assert telegram.calls == []
    assert "On the chat" not in _page(client, case)


def test_telegram_asking_to_wait_is_obeyed_and_the_reply_sent_once_after(
    client: Client, intake_officer: Persona, telegram: FakeTelegram, django_capture_on_commit_callbacks
) -> None:
    case, _ = telegram_case(CHAT)
    telegram.fail_next("429", retry_after=30)
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    outgoing = Outgoing.objects.get()
    assert outgoing.status == Delivery.QUEUED
    assert telegram.delivered() == []
    assert "On the chat: waiting to be sent" in _page(client, case)
    clock = FakeClock()
    clock.advance(20)
    drain_due(clock=clock, pacer=Pacer(clock))
    assert telegram.delivered() == []  # not before Telegram's 30 seconds
    clock.advance(11)
    drain_due(clock=clock, pacer=Pacer(clock))
    drain_due(clock=clock, pacer=Pacer(clock))
    assert [c.params["text"] for c in telegram.delivered()] == [CANARY]
    assert len(telegram.attempts()) == 2
    assert Outgoing.objects.get().status == Delivery.SENT


def test_a_blocked_bot_fails_at_once_marks_the_person_unreachable_and_says_so_on_the_case(
    client: Client, intake_officer: Persona, telegram: FakeTelegram, django_capture_on_commit_callbacks
) -> None:
    case, contact = telegram_case(CHAT)
    telegram.fail_next("403")
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    failed = Outgoing.objects.get()
    assert failed.status == Delivery.FAILED
    assert failed.payload is None
    assert Contact.objects.get(pk=contact.pk).unreachable
    page = _page(client, case)
    assert "could not be sent: the person blocked the bot" in page
    # Later replies are not attempted while the person is unreachable; the handler is told at once.
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case, "second")
    assert len(telegram.attempts()) == 1
    assert Outgoing.objects.filter(status=Delivery.FAILED).count() == 2
    # The handler sends the first again: a new attempt; the failed one stays as it was.
    message = failed.message
    assert message is not None
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("cases:resend", args=[case.pk, message.pk]))
    assert response.status_code == 302
    assert [c.params["text"] for c in telegram.delivered()] == [CANARY]
    assert Outgoing.objects.get(pk=failed.pk).status == Delivery.FAILED
    assert Outgoing.objects.filter(message=message, status=Delivery.SENT).count() == 1


def test_a_reply_that_did_not_fail_cannot_be_sent_again(
    client: Client, intake_officer: Persona, telegram: FakeTelegram, django_capture_on_commit_callbacks
) -> None:
    case, _ = telegram_case(CHAT)
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    message = Outgoing.objects.get().message
    assert message is not None
    response = client.post(reverse("cases:resend", args=[case.pk, message.pk]))
    assert response.status_code == 404
    assert len(telegram.delivered()) == 1


def test_telegram_faults_are_retried_with_back_off_until_sent(
    client: Client, intake_officer: Persona, telegram: FakeTelegram, django_capture_on_commit_callbacks
) -> None:
    case, _ = telegram_case(CHAT)
    telegram.fail_next("500")
    telegram.fail_next("502")
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    first = Outgoing.objects.get()
    assert first.status == Delivery.QUEUED
    assert first.failure == "Telegram had a fault"
    clock = FakeClock()
    clock.advance(delivery.BACKOFF_FIRST.total_seconds())
    drain_due(clock=clock, pacer=Pacer(clock))
    second = Outgoing.objects.get()
    assert second.status == Delivery.QUEUED
    # Exponential: the second wait is longer than the first could have been.
    assert second.not_before - clock.now() > delivery.BACKOFF_FIRST / 2
    clock.advance(delivery.BACKOFF_MAX.total_seconds())
    drain_due(clock=clock, pacer=Pacer(clock))
    assert len(telegram.attempts()) == 3
    assert [c.params["text"] for c in telegram.delivered()] == [CANARY]
    assert Outgoing.objects.get().status == Delivery.SENT


def test_a_reply_still_failing_after_the_give_up_time_fails_with_its_reason(
    client: Client, intake_officer: Persona, telegram: FakeTelegram, django_capture_on_commit_callbacks
) -> None:
    case, _ = telegram_case(CHAT)
    telegram.fail_next("500", times=2)
    log_in(client, intake_officer)
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case)
    clock = FakeClock()
    clock.advance(delivery.GIVE_UP_AFTER.total_seconds())
    drain_due(clock=clock, pacer=Pacer(clock))
    outgoing = Outgoing.objects.get()
    assert outgoing.status == Delivery.FAILED
    assert outgoing.payload is None
    assert "could not be sent: Telegram had a fault" in _page(client, case)


def test_a_reply_a_dead_worker_left_sending_becomes_uncertain_and_is_never_sent_again(
    client: Client, intake_officer: Persona, telegram: FakeTelegram
) -> None:
    case, _ = telegram_case(CHAT)
    log_in(client, intake_officer)
    _reply(client, case)  # committed, its task not run (the worker is about to die)
    outgoing = Outgoing.objects.get()
    # What a worker killed mid-call leaves behind: its committed claim, and nothing after it.
    clock = FakeClock()
    claimed = Outgoing.objects.filter(pk=outgoing.pk, status=Delivery.QUEUED).update(
        status=Delivery.SENDING, not_before=clock.now() + delivery.SENDING_STALE
    )
    assert claimed == 1
    # Its task run again (the runner reruns delivery tasks) finds the row claimed and sends nothing.
    assert delivery.deliver_outgoing.call(str(outgoing.pk)) == "skipped"
    clock.advance(delivery.SENDING_STALE.total_seconds())
    drain_due(clock=clock, pacer=Pacer(clock))
    drain_due(clock=clock, pacer=Pacer(clock))
    assert telegram.attempts() == []
    outgoing.refresh_from_db()
    assert outgoing.status == Delivery.UNCERTAIN
    assert outgoing.payload is None
    page = _page(client, case)
    assert "may not have arrived — check with them" in page
    assert reverse("cases:resend", args=[case.pk, outgoing.message_id]) not in page


def test_a_send_that_got_no_answer_is_uncertain_not_repeated(
    client: Client, intake_officer: Persona, telegram: FakeTelegram
) -> None:
    case, _ = telegram_case(CHAT)
    log_in(client, intake_officer)
    _reply(client, case)
    telegram.hang_seconds = 2.0
    telegram.fail_next("hang")
    clock = FakeClock()
    with httpx.Client() as http:
        impatient = Telegram(client=http, timeout=httpx.Timeout(0.3))
        drain_due(clock=clock, pacer=Pacer(clock), client=impatient)
        clock.advance(delivery.BACKOFF_MAX.total_seconds())
        drain_due(clock=clock, pacer=Pacer(clock), client=impatient)
    outgoing = Outgoing.objects.get()
    assert outgoing.status == Delivery.UNCERTAIN
    assert outgoing.payload is None
    # It did reach Telegram (the answer was what got lost), and it is not sent a second time.
    assert [c.params["text"] for c in telegram.delivered()] == [CANARY]
    assert "may not have arrived — check with them" in _page(client, case)


def test_replies_are_paced_one_a_second_per_chat_and_chats_take_turns(
    client: Client, intake_officer: Persona
) -> None:
    first, _ = telegram_case(CHAT)
    second, _ = telegram_case("7099999999")
    log_in(client, intake_officer)
    for n in range(3):
        _reply(client, first, f"to first {n}")
        _reply(client, second, f"to second {n}")
    clock = FakeClock()
    with FakeTelegram(clock=clock.monotonic) as fake, override_settings(**fake.settings()):
        drain_due(clock=clock, pacer=Pacer(clock))
    sent = fake.delivered()
    assert [c.params["text"] for c in sent] == [
        *("to first 0", "to second 0", "to first 1", "to second 1", "to first 2", "to second 2")
    ]
    for chat in (CHAT, "7099999999"):
        times = [c.at for c in sent if c.params["chat_id"] == chat]
        assert all(b - a >= 1.0 for a, b in itertools.pairwise(times)), times
    # The two chats share each second rather than one waiting for the other's backlog.
    assert sent[1].at - sent[0].at < 1.0


def test_no_more_than_thirty_sends_go_in_any_second() -> None:
    clock = FakeClock()
    pacer = Pacer(clock)
    times = []
    for n in range(75):
        pacer.wait(f"chat-{n}")
        times.append(clock.monotonic())
    assert all(later - earlier >= 1.0 for earlier, later in zip(times, times[30:], strict=False))
    assert times[29] == 0.0  # the first thirty go at once
    assert times[30] == delivery.WINDOW_SECONDS  # and the next waits only as long as it must


def test_a_photo_the_enquirer_sent_arrives_cleaned_and_sealed_to_the_case(
    client: Client, intake_officer: Persona, telegram: FakeTelegram
) -> None:
    case, _ = telegram_case(CHAT)
    message = case.messages.get(seq=1)
    telegram.add_file("AgACAgQAAxkBAAIBmWTelegramFileId", jpeg_with_metadata())
    queue_inbound_file(message, "telegram", "AgACAgQAAxkBAAIBmWTelegramFileId")
    assert fetch_due().counts == {"sent": 1}
    row = InboundFile.objects.get()
    assert row.status == Delivery.SENT
    assert row.ref is None
    attachment = Attachment.objects.get(message=message)
    log_in(client, intake_officer)
    served = client.get(reverse("cases:attachment", args=[case.pk, attachment.pk]))
    data = b"".join(served.streaming_content)
    assert EXIF_MAKE.encode() not in data
    assert Image.open(io.BytesIO(data)).size == (48, 64)


def test_a_file_that_is_no_photo_is_refused_and_said_on_the_case(
    client: Client, intake_officer: Persona, telegram: FakeTelegram
) -> None:
    case, _ = telegram_case(CHAT)
    telegram.add_file("file-1", b"MZ not a picture at all" * 20)
    queue_inbound_file(case.messages.get(seq=1), "telegram", "file-1")
    fetch_due()
    assert InboundFile.objects.get().status == Delivery.FAILED
    assert not Attachment.objects.exists()
    page = _page(log_in(client, intake_officer), case)
    assert "a photo they sent could not be fetched: it was not a photo that could be kept" in page


def test_a_staff_photo_goes_to_the_chat_and_leaves_nothing_behind(
    client: Client, intake_officer: Persona, telegram: FakeTelegram, django_capture_on_commit_callbacks
) -> None:
    case, _ = telegram_case(CHAT)
    log_in(client, intake_officer)
    photo = SimpleUploadedFile("map.jpg", jpeg_with_metadata(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        _reply(client, case, "see the map", photos=[photo])
    text, picture = telegram.delivered()
    assert text.params["text"] == "see the map"
    assert picture.method == "sendPhoto"
    assert EXIF_MAKE.encode() not in picture.photo
    assert Image.open(io.BytesIO(picture.photo)).size == (48, 64)
    assert not any(outbox_dir().rglob("*.sealed"))


def test_a_wrong_outbox_secret_opens_nothing_and_sends_nothing(
    client: Client, intake_officer: Persona, telegram: FakeTelegram
) -> None:
    case, _ = telegram_case(CHAT)
    log_in(client, intake_officer)
    _reply(client, case)
    sealed = bytes(Outgoing.objects.get().payload)
    with override_settings(CHANNEL_OUTBOX_KEY="another-secret-that-is-not-the-outbox-key"):
        with pytest.raises(crypto.DecryptionError):
            open_outbox(sealed)
        clock = FakeClock()
        drain_due(clock=clock, pacer=Pacer(clock))
    assert telegram.attempts() == []
    assert Outgoing.objects.get().status == Delivery.FAILED
    assert json.loads(open_outbox(sealed))["to"] == CHAT  # the right secret does open it


def test_the_bot_token_is_never_logged(telegram: FakeTelegram) -> None:
    # What the server's log handlers (on the root logger) would write, with every level let through.
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        with Telegram() as bot:
            bot.send_message(CHAT, "hello")
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    assert telegram.delivered()
    assert telegram.token.split(":")[1] not in written.getvalue()


def test_the_set_webhook_command_registers_the_secret_token(telegram: FakeTelegram) -> None:
    with override_settings(TELEGRAM_WEBHOOK_SECRET="a-secret_token-of-letters-42"):
        call_command("channels", "set-webhook", "--url", "https://bot.example.org/telegram/")
        with pytest.raises(CommandError, match="https"):
            call_command("channels", "set-webhook", "--url", "http://bot.example.org/telegram/")
    assert telegram.webhook["url"] == "https://bot.example.org/telegram/"
    assert telegram.webhook["secret_token"] == "a-secret_token-of-letters-42"
    assert set(telegram.webhook["allowed_updates"]) == {"message", "edited_message", "my_chat_member"}


def test_without_a_webhook_secret_the_command_refuses(telegram: FakeTelegram) -> None:
    with override_settings(TELEGRAM_WEBHOOK_SECRET=None), pytest.raises(CommandError, match="SECRET"):
        call_command("channels", "set-webhook", "--url", "https://bot.example.org/telegram/")
    assert telegram.calls == []


def _disk_bytes() -> bytes:
    chunks = [p.read_bytes() for p in Path(settings.DATA_DIR).rglob("*") if p.is_file()]
    if connection.vendor != "sqlite":
        chunks.append(database_text().encode("latin-1", errors="replace"))
    return b"\n".join(chunks)


@pytest.mark.django_db(transaction=True)
def test_the_outbox_and_the_task_queue_hold_no_reply_text_or_chat_id(
    client: Client, intake_officer: Persona, settings: object
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}  # type: ignore[attr-defined]
    case, _ = telegram_case(CHAT)
    log_in(client, intake_officer)
    photo = SimpleUploadedFile("map.jpg", jpeg_with_metadata(), content_type="image/jpeg")
    _reply(client, case, photos=[photo])
    task = DBTaskResult.objects.get()
    assert task.args_kwargs == {"args": [str(Outgoing.objects.get().pk)], "kwargs": {}}
    waiting = _disk_bytes()
    for marker in (CANARY, CHAT):
        assert marker.encode() not in waiting
        assert marker.encode("utf-16-le") not in waiting
    assert EXIF_MAKE.encode() not in waiting
    with FakeTelegram() as fake, override_settings(**fake.settings()):
        clock = FakeClock()
        drain_due(clock=clock, pacer=Pacer(clock))
    assert next(c.params.get("text") for c in fake.delivered()) == CANARY
    after = _disk_bytes()
    for marker in (CANARY, CHAT):
        assert marker.encode() not in after
    assert Outgoing.objects.get().payload is None


def test_a_retry_waits_in_the_task_queue_and_housekeeping_picks_up_what_is_due(
    client: Client, intake_officer: Persona, telegram: FakeTelegram, settings: object
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}  # type: ignore[attr-defined]
    case, _ = telegram_case(CHAT)
    log_in(client, intake_officer)
    _reply(client, case)  # its task lost: never enqueued (the test's transaction never commits)
    telegram.fail_next("500")
    clock = FakeClock()
    drain_due(clock=clock, pacer=Pacer(clock))
    outgoing = Outgoing.objects.get()
    retry = DBTaskResult.objects.get(task_path=delivery.deliver_outgoing.module_path)
    assert retry.args_kwargs == {"args": [str(outgoing.pk)], "kwargs": {}}
    assert retry.run_after == outgoing.not_before
    # Housekeeping, once the retry is due: one drain, and no second while it waits.
    later = outgoing.not_before + timedelta(seconds=1)
    assert delivery.schedule_due(later) is True
    assert delivery.schedule_due(later) is False
    assert DBTaskResult.objects.filter(task_path=delivery.drain_outbox.module_path).count() == 1
