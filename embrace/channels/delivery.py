"""The worker's side of the outbox: send queued replies to Telegram, fetch the photos enquirers sent.

Sending is **at most once**. A message sent twice to a soldier's phone is worse than one that may not have
arrived (the handler is told to check), so:

- a row is claimed QUEUED → SENDING with one conditional UPDATE, committed *before* the HTTP call; only the
  worker whose UPDATE changed the row sends it;
- a row still SENDING after ``SENDING_STALE`` (far longer than a send can take) belongs to a worker that
  died mid-call: it becomes UNCERTAIN and is never sent again;
- a call that went out without an answer (a read timeout, a dropped connection) is UNCERTAIN too. Only
  failures that prove nothing was sent (no connection; Telegram's 429 or 5xx answer) are retried.

Retries back off exponentially with jitter, honour Telegram's ``retry_after``, and stop after
``GIVE_UP_AFTER``, when the row becomes FAILED with its reason. 403 ("bot was blocked by the user") and
"chat not found" fail at once and mark the contact unreachable. Whatever the outcome, the sealed payload is
emptied (and the row's sealed photos deleted) as soon as the row is SENT, FAILED or UNCERTAIN.

Pace: Telegram allows about 30 messages a second overall and one a second to the same chat. ``Pacer`` keeps
both, for every send of the process (one task runner per database: ``embrace.core.runner``).

Tasks carry row ids only (django-tasks rows are stored in clear). A retry re-enqueues with ``run_after``
where the backend can wait; housekeeping (``schedule_due``) picks up anything due that has no task waiting.
"""

from __future__ import annotations

import contextlib
import json
import logging
import random
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_noop
from django_tasks import task

from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.actions import write_sealed_file
from embrace.cases.models import Attachment, Case
from embrace.channels import graph_api, outbox, telegram_api
from embrace.channels.models import Contact, Delivery, InboundFile, Outgoing
from embrace.channels.telegram_api import Telegram, TelegramError
from embrace.intake import photos as intake_photos
from embrace.vault import actions as vault
from embrace.vault import crypto
from embrace.vault.outbox import open_outbox, open_stream_from_outbox, seal_for_outbox

logger = logging.getLogger(__name__)

BACKOFF_FIRST = timedelta(seconds=10)
BACKOFF_MAX = timedelta(minutes=30)
# A reply not sent within two days is given up and the handler told; Telegram itself keeps nothing for us.
GIVE_UP_AFTER = timedelta(days=2)
# How long a row may say SENDING before it is taken for one a dead worker left: far above the longest a
# live send can hold it (a text and five photos, each at most the client's timeout plus a second's pace).
SENDING_STALE = timedelta(minutes=10)
PER_SECOND = 30
# Telegram counts when messages arrive, and arrivals wobble by the network's delay: a twentieth of a second
# kept in hand, so that sends spaced exactly a second apart never arrive closer.
PER_CHAT_SECONDS = 1.05
WINDOW_SECONDS = 1.05
BATCH = 500
# How many sends may be on their way at once. One at a time, a send's own work (two committed updates, the
# HTTP round trip: a tenth of a second or more to Telegram from far away) caps the rate below the pace; a
# chat never has two sends at once, so its messages keep their order and spacing.
SENDERS = 8
# A wait shorter than this is no wait (floating-point dust after a sleep of exactly the delay).
_SOON_ENOUGH = 1e-9
# A photo an enquirer sent is fetched at most this many times before it is given up.
FETCH_ATTEMPTS = 8

INTERRUPTED = gettext_noop("the sending was interrupted")
OUTBOX_KEY_CHANGED = gettext_noop("the outbox key was changed before it was sent")
PHOTO_LOST = gettext_noop("the photo to send was lost")
NOT_A_PHOTO = gettext_noop("it was not a photo that could be kept")
NO_SENDER = gettext_noop("replies cannot be sent on this channel yet")
MESSENGER_NO_ANSWER = gettext_noop("Messenger did not answer")
MESSENGER_TOO_FAST = gettext_noop("Messenger asked us to slow down")
MESSENGER_DOWN = gettext_noop("Messenger could not be reached or had a fault")
MESSENGER_UNREACHABLE = gettext_noop("the person cannot be reached on Messenger")
MESSENGER_TOKEN = gettext_noop("the page's access token is missing or was refused")
MESSENGER_REFUSED = gettext_noop("Messenger refused the message")
PHOTO_GONE = gettext_noop("the photo was too large or is no longer available")


class Outcome(StrEnum):
    SENT = "sent"
    FAILED = "failed"
    UNCERTAIN = "uncertain"
    RETRY = "retry"
    # Telegram said to wait (429): this drain stops, the rest wait their turn.
    SLOW_DOWN = "slow_down"
    # Not ours to send: already claimed by another worker, not due, or gone.
    SKIPPED = "skipped"


class Clock:
    """Wall time for ``not_before``, a monotonic clock for pacing, and sleeping. Tests pass a fake one."""

    def now(self) -> datetime:
        return timezone.now()

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class Pacer:
    """At most ``per_second`` sends in any ``window`` (a second and a margin) overall, and ``per_chat``
    seconds between two sends to the same chat. ``wait(chat)`` returns when a send to ``chat`` may go."""

    def __init__(
        self,
        clock: Clock,
        *,
        per_second: int = PER_SECOND,
        per_chat: float = PER_CHAT_SECONDS,
        window: float = WINDOW_SECONDS,
    ) -> None:
        self.clock = clock
        self.window = window
        self.per_second = per_second
        self.per_chat = per_chat
        self._recent: deque[float] = deque(maxlen=per_second)
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def ready_at(self, chat: str, now: float | None = None) -> float:
        """The earliest monotonic time (``now`` or later) a send to ``chat`` may go."""
        at = self.clock.monotonic() if now is None else now
        if len(self._recent) == self.per_second:
            at = max(at, self._recent[0] + self.window)
        last = self._last.get(chat)
        if last is not None:
            at = max(at, last + self.per_chat)
        return at

    def wait(self, chat: str) -> None:
        # The check and the record are one step under the lock; the sleep is not, so that a sender waiting
        # out one chat's second does not hold back a sender whose chat may go now.
        while True:
            with self._lock:
                now = self.clock.monotonic()
                delay = self.ready_at(chat, now) - now
                if delay <= _SOON_ENOUGH:
                    self._recent.append(now)
                    self._last[chat] = now
                    if len(self._last) > 10_000:
                        # Chats idle for longer than the spacing need no memory; keeps the map small.
                        self._last = {c: t for c, t in self._last.items() if t + self.per_chat > now}
                    return
            self.clock.sleep(delay)


# One pacer for the process: every task the runner runs shares it, so spacing holds across tasks.
CLOCK = Clock()
PACER = Pacer(CLOCK)


@dataclass
class DrainReport:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        self.counts[outcome.value] = self.counts.get(outcome.value, 0) + 1


@contextlib.contextmanager
def _telegram(client: Telegram | None) -> Iterator[Telegram | None]:
    """The given client, or one for the configured bot (None without a token: rows wait, then fail)."""
    if client is not None:
        yield client
        return
    try:
        own = Telegram()
    except TelegramError:
        yield None
        return
    with own:
        yield own


# --- Sending ----------------------------------------------------------------------------------------------


def backoff(attempts: int) -> timedelta:
    """Exponential in the number of attempts, capped, with jitter so that rows failed together do not all
    come back in the same second."""
    ceiling = min(BACKOFF_MAX, BACKOFF_FIRST * (2 ** max(attempts - 1, 0)))
    return ceiling * (0.5 + random.random() / 2)  # noqa: S311  (spreading retries, not a secret)


def send_one(
    outgoing_id: uuid.UUID | str,
    *,
    telegram: Telegram | None,
    clock: Clock = CLOCK,
    pacer: Pacer = PACER,
) -> Outcome:
    """Send one due row, at most once. See the module docstring for what each outcome means."""
    now = clock.now()
    # The claim. Committed before anything is sent (autocommit: this runs outside any transaction in the
    # worker), so a worker that dies after this line leaves a row that is never sent again.
    claimed = Outgoing.objects.filter(pk=outgoing_id, status=Delivery.QUEUED, not_before__lte=now).update(
        status=Delivery.SENDING, attempts=F("attempts") + 1, not_before=now + SENDING_STALE
    )
    if claimed != 1:
        return Outcome.SKIPPED
    row = Outgoing.objects.select_related("contact").get(pk=outgoing_id)
    if row.contact.unreachable:
        return _fail(row, telegram_api.BLOCKED, blocked=False)
    try:
        payload = outbox.open_payload(bytes(row.payload or b""))
    except (crypto.DecryptionError, ValueError):
        return _fail(row, OUTBOX_KEY_CHANGED)
    if payload.get("channel") == "messenger":
        return _send_messenger(row, payload, clock=clock, pacer=pacer)
    if payload.get("channel") != "telegram":
        return _fail(row, NO_SENDER)
    chat = str(row.contact_id)
    try:
        if telegram is None:
            raise TelegramError(telegram_api.NO_TOKEN)
        if payload.get("text"):
            pacer.wait(chat)
            telegram.send_message(payload["to"], payload["text"])
            payload["text"] = ""
            _progress(row, payload, clock)
        while payload.get("photos"):
            data = _read_photo(row.pk, payload["photos"][0])
            if data is None:
                return _fail(row, PHOTO_LOST)
            pacer.wait(chat)
            telegram.send_photo(payload["to"], data)
            payload["photos"].pop(0)
            _progress(row, payload, clock)
    except TelegramError as exc:
        return _after_error(row, exc, clock)
    _finish(row, Delivery.SENT, "")
    return Outcome.SENT


def split_text(text: str, limit: int = graph_api.MAX_TEXT_CHARS) -> list[str]:
    """``text`` in parts of at most ``limit`` characters, in order, cut at a paragraph, line or word break
    where one falls in the second half of a part (Burmese has no spaces between words: then anywhere)."""
    parts = []
    rest = text
    while len(rest) > limit:
        cut = -1
        for mark in ("\n\n", "\n", " "):
            at = rest.rfind(mark, limit // 2, limit)
            if at > 0:
                cut = at + len(mark)
                break
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        parts.append(rest)
    return [part for part in parts if part.strip()] or [text[:limit]]


def messenger_window(contact: Contact, today: date) -> dict[str, str | None]:
    """How a reply may go (Meta's rules): freely ("RESPONSE") within 24 hours of the person's last message,
    later only as a person answering ("MESSAGE_TAG" HUMAN_AGENT, within seven days). Only the day of their
    last message is kept, so only a message written today is surely within the 24 hours."""
    if contact.last_inbound_on is not None and contact.last_inbound_on >= today:
        return {"messaging_type": "RESPONSE", "tag": None}
    return {"messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"}


def _send_messenger(row: Outgoing, payload: dict[str, Any], *, clock: Clock, pacer: Pacer) -> Outcome:
    """A reply to a Messenger account: its text in parts of at most 2,000 characters, each part's going
    saved before the next, so a retry never repeats what was sent. Photos are not sent on Messenger (the
    case page says they are read on the website with the receipt)."""
    chat = str(row.contact_id)
    window = messenger_window(row.contact, timezone.localdate(clock.now()))
    parts = payload.get("parts")
    if parts is None:
        parts = split_text(payload.get("text") or "") if payload.get("text") else []
    try:
        while parts:
            pacer.wait(chat)
            graph_api.send_text(payload["to"], parts[0], **window)  # type: ignore[arg-type]
            parts.pop(0)
            if parts:
                remaining = {**payload, "text": "", "parts": parts}
                Outgoing.objects.filter(pk=row.pk, status=Delivery.SENDING).update(
                    payload=seal_for_outbox(json.dumps(remaining, ensure_ascii=False).encode()),
                    not_before=clock.now() + SENDING_STALE,
                )
    except graph_api.GraphError as exc:
        error, stop = _graph_error(exc)
        return _after_error(row, error, clock, slow_down=stop)
    _finish(row, Delivery.SENT, "")
    return Outcome.SENT


def _graph_error(exc: graph_api.GraphError) -> tuple[TelegramError, bool]:
    """A Send API error in the terms the worker's retry rules read (the same rules as Telegram's), and
    whether it should stop this drain (Meta's rate limit, like Telegram's 429)."""
    if isinstance(exc, graph_api.NoAnswer):
        return TelegramError(MESSENGER_NO_ANSWER, maybe_delivered=True), False
    if isinstance(exc, graph_api.TryAgain):
        limited = exc.status == 429 or exc.code in graph_api.RATE_LIMITED
        reason = MESSENGER_TOO_FAST if limited else MESSENGER_DOWN
        return TelegramError(reason, retry_after=exc.retry_after), limited
    if isinstance(exc, graph_api.Unreachable):
        return TelegramError(MESSENGER_UNREACHABLE, permanent=True, blocked=True), False
    if exc.code == 190 or exc.status is None:
        return TelegramError(MESSENGER_TOKEN, permanent=True), False
    return TelegramError(MESSENGER_REFUSED, permanent=True), False


def _read_photo(outgoing_id: uuid.UUID, name: str) -> bytes | None:
    path = outbox.outbox_dir() / str(outgoing_id) / name
    try:
        with open(path, "rb") as source:
            return b"".join(open_stream_from_outbox(source))
    except (OSError, crypto.DecryptionError):
        return None


def _progress(row: Outgoing, payload: dict[str, Any], clock: Clock) -> None:
    """After one part (the text, a photo) went out: what remains, so a retry never repeats what was sent."""
    if payload.get("text") or payload.get("photos"):
        Outgoing.objects.filter(pk=row.pk, status=Delivery.SENDING).update(
            payload=seal_for_outbox(json.dumps(payload, ensure_ascii=False).encode()),
            not_before=clock.now() + SENDING_STALE,
        )


def _finish(row: Outgoing, status: Delivery, reason: str) -> None:
    Outgoing.objects.filter(pk=row.pk, status=Delivery.SENDING).update(
        status=status, payload=None, failure=reason
    )
    outbox.forget_photos(row.pk)


def _fail(
    row: Outgoing, reason: str, *, blocked: bool = False, status: Delivery = Delivery.FAILED
) -> Outcome:
    with transaction.atomic():
        _finish(row, status, reason)
        if blocked:
            Contact.objects.filter(pk=row.contact_id).update(unreachable=True)
        record(
            Event.CHANNEL_DELIVERY_FAILED,
            subject=Case.objects.get(pk=row.contact.case_id),
            outgoing=str(row.pk),
            status=str(status),
            reason=reason,
        )
    logger.info("outgoing %s %s: %s", row.pk, status, reason)
    return Outcome.FAILED if status == Delivery.FAILED else Outcome.UNCERTAIN


def _after_error(
    row: Outgoing, exc: TelegramError, clock: Clock, *, slow_down: bool | None = None
) -> Outcome:
    if exc.maybe_delivered:
        return _fail(row, exc.reason, status=Delivery.UNCERTAIN)
    if exc.permanent:
        return _fail(row, exc.reason, blocked=exc.blocked)
    now = clock.now()
    delay = timedelta(seconds=exc.retry_after) if exc.retry_after is not None else backoff(row.attempts)
    if now + delay - row.created_at > GIVE_UP_AFTER:
        return _fail(row, exc.reason)
    Outgoing.objects.filter(pk=row.pk, status=Delivery.SENDING).update(
        status=Delivery.QUEUED, not_before=now + delay, failure=exc.reason
    )
    logger.info("outgoing %s waits %ss: %s", row.pk, round(delay.total_seconds()), exc.reason)
    enqueue_delivery(row.pk, run_after=now + delay)
    if slow_down is None:
        slow_down = exc.retry_after is not None
    return Outcome.SLOW_DOWN if slow_down else Outcome.RETRY


def recover_interrupted(now: datetime) -> int:
    """Rows a dead worker left SENDING become UNCERTAIN (never sent again); photo fetches it left half done
    are simply fetched again (fetching twice harms nobody). Returns how many replies became uncertain."""
    uncertain = 0
    for pk in Outgoing.objects.filter(status=Delivery.SENDING, not_before__lte=now).values_list(
        "pk", flat=True
    ):
        changed = Outgoing.objects.filter(pk=pk, status=Delivery.SENDING, not_before__lte=now).update(
            status=Delivery.UNCERTAIN, payload=None, failure=INTERRUPTED
        )
        if changed:
            outbox.forget_photos(pk)
            uncertain += 1
    left = InboundFile.objects.filter(status=Delivery.SENDING, not_before__lte=now)
    # A photo whose fetch keeps killing the worker is given up rather than tried for ever.
    left.filter(attempts__gte=FETCH_ATTEMPTS).update(status=Delivery.FAILED, ref=None, failure=INTERRUPTED)
    left.update(status=Delivery.QUEUED, not_before=now)
    return uncertain


class _DueQueues:
    """The due rows by chat, handed to the senders so that no chat has two sends at once (its messages keep
    their order) and the chat whose next send may go soonest goes first; among equals, the one waiting
    longest (dict order). After a "slow down", or a sender's crash, nothing more is handed out."""

    def __init__(self, queues: dict[str, deque[uuid.UUID]], pacer: Pacer) -> None:
        self._queues = queues
        self._pacer = pacer
        self._busy: set[str] = set()
        self._changed = threading.Condition()
        self.stopped = False
        self.error: BaseException | None = None

    def take(self) -> tuple[str, uuid.UUID] | None:
        with self._changed:
            while not self.stopped:
                free = [chat for chat in self._queues if chat not in self._busy]
                if free:
                    chat = min(free, key=self._pacer.ready_at)
                    pk = self._queues[chat].popleft()
                    if not self._queues[chat]:
                        del self._queues[chat]
                    self._busy.add(chat)
                    return chat, pk
                if not self._busy:
                    return None
                self._changed.wait()  # every chat left is being sent to: wait for one to be free
            return None

    def done(self, chat: str, *, stop: bool = False, error: BaseException | None = None) -> None:
        with self._changed:
            self._busy.discard(chat)
            if stop or error is not None:
                self.stopped = True
                self.error = self.error or error
            self._changed.notify_all()


def _send_due(queues: _DueQueues, report: DrainReport, send: Callable[[uuid.UUID], Outcome]) -> None:
    while (taken := queues.take()) is not None:
        chat, pk = taken
        try:
            outcome = send(pk)
        except BaseException as exc:
            queues.done(chat, error=exc)
            raise
        queues.done(chat, stop=outcome == Outcome.SLOW_DOWN)
        with _REPORTING:
            report.add(outcome)


def _sender_thread(queues: _DueQueues, report: DrainReport, send: Callable[[uuid.UUID], Outcome]) -> None:
    try:
        _send_due(queues, report, send)
    except BaseException:  # noqa: S110  (kept on the queues, raised by drain_due once every sender stopped)
        pass
    finally:
        connection.close()  # each sender thread had its own database connection


_REPORTING = threading.Lock()


def drain_due(
    *,
    clock: Clock = CLOCK,
    pacer: Pacer = PACER,
    client: Telegram | None = None,
    limit: int = BATCH,
    senders: int = SENDERS,
) -> DrainReport:
    """Send every due reply (up to ``limit``), the chats interleaved so that one chat's backlog waits its
    per-chat spacing while others go, up to ``senders`` chats at once; stops at Telegram's first "slow down".

    Called inside a transaction (a test, say), the rows it reads may not be committed, and another thread's
    connection would not see them: then it sends from this thread alone."""
    report = DrainReport()
    recover_interrupted(clock.now())
    due = (
        Outgoing.objects.filter(status=Delivery.QUEUED, not_before__lte=clock.now())
        .order_by("created_at")
        .values_list("pk", "contact_id")[:limit]
    )
    by_chat: dict[str, deque[uuid.UUID]] = {}
    for pk, contact_id in due:
        by_chat.setdefault(str(contact_id), deque()).append(pk)
    queues = _DueQueues(by_chat, pacer)
    threads = min(senders, len(by_chat)) if not connection.in_atomic_block else 1
    with _telegram(client) as telegram:

        def send(pk: uuid.UUID) -> Outcome:
            return send_one(pk, telegram=telegram, clock=clock, pacer=pacer)

        if threads <= 1:
            _send_due(queues, report, send)
            return report
        workers = [
            threading.Thread(target=_sender_thread, args=(queues, report, send), name=f"outbox-sender-{n}")
            for n in range(threads)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    if queues.error is not None:
        raise queues.error
    return report


# --- Fetching the photos enquirers sent -------------------------------------------------------------------


def fetch_one(inbound_id: uuid.UUID | str, *, telegram: Telegram | None, clock: Clock = CLOCK) -> Outcome:
    """Fetch one photo an enquirer sent, clean it as a web upload is cleaned, and seal it to the case as an
    attachment of the message it came with. Fetching twice harms nobody, so failures are simply retried."""
    now = clock.now()
    claimed = InboundFile.objects.filter(pk=inbound_id, status=Delivery.QUEUED, not_before__lte=now).update(
        status=Delivery.SENDING, attempts=F("attempts") + 1, not_before=now + SENDING_STALE
    )
    if claimed != 1:
        return Outcome.SKIPPED
    row = InboundFile.objects.select_related("message__case__body").get(pk=inbound_id)
    try:
        ref = json.loads(open_outbox(bytes(row.ref or b"")))
    except (crypto.DecryptionError, ValueError):
        return _fetch_failed(row, OUTBOX_KEY_CHANGED)
    try:
        if ref.get("channel") == "messenger":
            data = _download_messenger(str(ref["ref"]))
        else:
            if telegram is None:
                raise TelegramError(telegram_api.NO_TOKEN)
            file = telegram.get_file(str(ref["ref"]))
            data = telegram.download(file, max_bytes=settings.INTAKE_MAX_PHOTO_BYTES)
    except TelegramError as exc:
        if exc.permanent or row.attempts >= FETCH_ATTEMPTS:
            return _fetch_failed(row, exc.reason)
        delay = timedelta(seconds=exc.retry_after) if exc.retry_after is not None else backoff(row.attempts)
        InboundFile.objects.filter(pk=row.pk, status=Delivery.SENDING).update(
            status=Delivery.QUEUED, not_before=now + delay, failure=exc.reason
        )
        enqueue_fetch(row.pk, run_after=now + delay)
        return Outcome.RETRY
    try:
        clean = intake_photos.sanitise(
            data, max_bytes=settings.INTAKE_MAX_PHOTO_BYTES, max_pixels=settings.INTAKE_MAX_PHOTO_PIXELS
        )
    except intake_photos.PhotoError:
        return _fetch_failed(row, NOT_A_PHOTO)
    case = row.message.case
    name = write_sealed_file(case.body, clean.data)
    try:
        with transaction.atomic():
            meta = {
                "mime": clean.mime,
                "width": clean.width,
                "height": clean.height,
                "bytes": len(clean.data),
            }
            Attachment.objects.create(
                message=row.message,
                stored_name=name,
                meta=vault.seal(case.body, json.dumps(meta).encode()),
            )
            InboundFile.objects.filter(pk=row.pk).update(status=Delivery.SENT, ref=None, failure="")
    except BaseException:
        from embrace.cases.actions import attachment_path

        attachment_path(name).unlink(missing_ok=True)
        raise
    return Outcome.SENT


def _download_messenger(url: str) -> bytes:
    """A photo from Meta's CDN (the URL came in the webhook); errors in the worker's terms."""
    try:
        return graph_api.download(url, max_bytes=settings.INTAKE_MAX_PHOTO_BYTES)
    except graph_api.TryAgain:
        raise TelegramError(MESSENGER_DOWN) from None
    except graph_api.GraphError:
        raise TelegramError(PHOTO_GONE, permanent=True) from None


def _fetch_failed(row: InboundFile, reason: str) -> Outcome:
    with transaction.atomic():
        InboundFile.objects.filter(pk=row.pk).update(status=Delivery.FAILED, ref=None, failure=reason)
        record(
            Event.CHANNEL_DELIVERY_FAILED,
            subject=Case.objects.get(pk=row.message.case_id),
            inbound_file=str(row.pk),
            status=str(Delivery.FAILED),
            reason=reason,
        )
    return Outcome.FAILED


def fetch_due(*, clock: Clock = CLOCK, client: Telegram | None = None, limit: int = BATCH) -> DrainReport:
    report = DrainReport()
    due = InboundFile.objects.filter(status=Delivery.QUEUED, not_before__lte=clock.now()).order_by(
        "not_before"
    )
    with _telegram(client) as telegram:
        for pk in due.values_list("pk", flat=True)[:limit]:
            report.add(fetch_one(pk, telegram=telegram, clock=clock))
    return report


# --- Tasks ------------------------------------------------------------------------------------------------


@task()
def deliver_outgoing(outgoing_id: str) -> str:
    """Send one queued reply (by row id: the task row, stored in clear, holds nothing else)."""
    with _telegram(None) as telegram:
        return send_one(outgoing_id, telegram=telegram).value


@task()
def fetch_inbound_file(inbound_id: str) -> str:
    """Fetch one photo an enquirer sent (by row id)."""
    with _telegram(None) as telegram:
        return fetch_one(inbound_id, telegram=telegram).value


@task()
def drain_outbox() -> dict[str, int]:
    """Everything due: replies whose task was lost or whose retry came due, photos still to fetch."""
    sent = drain_due().counts
    fetched = fetch_due().counts
    return {**{f"reply_{k}": v for k, v in sent.items()}, **{f"photo_{k}": v for k, v in fetched.items()}}


def _enqueue(chosen: Any, row_id: uuid.UUID | str, run_after: datetime | None) -> None:
    if run_after is not None:
        if not chosen.get_backend().supports_defer:
            return  # the immediate backend (tests) cannot wait: housekeeping's drain picks it up
        chosen = chosen.using(run_after=run_after)
    chosen.enqueue(str(row_id))


def enqueue_delivery(outgoing_id: uuid.UUID | str, *, run_after: datetime | None = None) -> None:
    _enqueue(deliver_outgoing, outgoing_id, run_after)


def enqueue_fetch(inbound_id: uuid.UUID | str, *, run_after: datetime | None = None) -> None:
    _enqueue(fetch_inbound_file, inbound_id, run_after)


def schedule_due(now: datetime | None = None) -> bool:
    """For housekeeping: mark what dead workers left, sweep orphaned sealed photos, and enqueue one drain
    if anything is due and no drain is already waiting. Returns whether a drain was enqueued."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    recover_interrupted(now)
    sweep_outbox_files(now)
    due = (
        Outgoing.objects.filter(status=Delivery.QUEUED, not_before__lte=now).exists()
        or InboundFile.objects.filter(status=Delivery.QUEUED, not_before__lte=now).exists()
    )
    if not due:
        return False
    if isinstance(drain_outbox.get_backend(), DatabaseBackend):
        waiting = DBTaskResult.objects.filter(
            task_path=drain_outbox.module_path, status=TaskResultStatus.READY
        )
        if waiting.exists():
            return False
    drain_outbox.enqueue()
    return True


def sweep_outbox_files(now: datetime) -> int:
    """Delete sealed photo folders whose row is gone or done (a reply rolled back after its photos were
    written, a worker killed between sending and deleting). Returns how many went."""
    folder = outbox.outbox_dir()
    if not folder.is_dir():
        return 0
    waiting = {
        str(pk)
        for pk in Outgoing.objects.filter(status__in=(Delivery.QUEUED, Delivery.SENDING)).values_list(
            "pk", flat=True
        )
    }
    swept = 0
    cutoff = (now - timedelta(hours=1)).timestamp()
    for entry in folder.iterdir():
        # Young folders may belong to a reply whose transaction has not committed yet.
        if entry.name not in waiting and entry.stat().st_mtime < cutoff:
            outbox.forget_photos(entry.name)
            swept += 1
    return swept
