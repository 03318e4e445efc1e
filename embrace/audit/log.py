"""Writing and checking the audit chain."""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from embrace.audit.events import Event
from embrace.audit.models import GENESIS, AuditEntry, AuditHead


def fingerprint(value: str | bytes) -> str:
    """A short hash to record *that* something was involved without recording what it was.

    Keyed, because what we fingerprint (usernames, handles) is guessable: a plain hash in a seized log
    could be reversed by trying every candidate.
    """
    raw = value.encode() if isinstance(value, str) else value
    return hmac.new(settings.SECRET_KEY.encode(), b"audit:" + raw, hashlib.sha256).hexdigest()[:16]


def subject_of(obj: Any) -> str:
    """``label:id`` for a model instance, so entries name objects without foreign keys."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def record(
    event: Event,
    *,
    actor: Any = None,
    subject: Any = "",
    **data: str | int | bool | list[str] | None,
) -> AuditEntry:
    """Append one entry. Call it inside the transaction of the change it records.

    ``actor`` is a user (or None for the system), ``subject`` a model instance or an id string, and ``data``
    holds ids, counts and hashes only.
    """
    actor_pk = getattr(actor, "pk", actor) if actor is not None else None
    # Hashed as the database will give it back, or an id passed as a string in another spelling would
    # read as tampering at the next verification.
    actor_id = uuid.UUID(str(actor_pk)) if actor_pk is not None else None
    subject_text = subject if isinstance(subject, str) else subject_of(subject)
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first()
        if head is None:
            # Only a new or flushed database (transactional tests flush) has no head; get_or_create lets
            # two first writers meet. Were it deleted under a live log, this entry's seq would collide
            # with #1 and the change would fail, loudly.
            AuditHead.objects.get_or_create(pk=1)
            head = AuditHead.objects.select_for_update().get(pk=1)
        entry = AuditEntry(
            seq=head.seq + 1,
            at=timezone.now().replace(microsecond=0),
            event=event,
            actor=actor_id,
            subject=subject_text,
            data=data,
            prev_hash=head.hash,
        )
        entry.hash = entry.compute_hash()
        entry.save()
        AuditHead.objects.filter(pk=1).update(seq=entry.seq, hash=entry.hash)
    return entry


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    message: str
    bad_seq: int | None = None


# An anchor's (seq, hash) as the verifier was given it, with how to name it in a report.
Pins = Mapping[int, Sequence[tuple[str, str]]]


def verify_chain(pins: Pins | None = None) -> Verdict:
    """Walk the whole log; the first entry that does not fit is reported.

    ``pins`` (from signed anchors, see ``embrace.vault.anchors``) maps a seq to hashes the entry there must
    have: a chain rewritten consistently from some entry on still links up, but no longer has the anchored
    hash at the anchored seq.
    """
    pins = pins or {}
    for expected, name in pins.get(0, ()):
        if expected != GENESIS:
            return Verdict(False, 0, f"{name} no longer fits: it pins a log that did not start empty", 0)
    expected_seq, prev_hash, count = 1, GENESIS, 0
    entries = AuditEntry.objects.order_by("seq").iterator(chunk_size=2000)
    while True:
        try:
            entry = next(entries, None)
        except DatabaseError:
            raise
        except Exception as exc:
            # A value rewritten into something that no longer parses (a date with a 13th month) is
            # tampering too: say so rather than end the check with a traceback.
            # Rows are converted a chunk at a time, so which one failed is not known, only that it is later.
            message = f"an entry after #{count} cannot be read ({exc!r}): contents were altered"
            return Verdict(False, count, message)
        if entry is None:
            break
        problem = misfit(entry, expected_seq, prev_hash)
        if problem:
            # repr: a tampered event name must not be able to write terminal escapes into the report.
            return Verdict(
                False, count, f"entry #{entry.seq} ({entry.event!r}, id {entry.pk}): {problem}", entry.seq
            )
        for expected, name in pins.get(entry.seq, ()):
            if entry.hash != expected:
                message = (
                    f"{name} no longer fits: entry #{entry.seq} now hashes to {entry.hash[:16]}, "
                    f"the anchor says {expected[:16]}; the log up to it was rewritten"
                )
                return Verdict(False, count, message, entry.seq)
        expected_seq, prev_hash, count = expected_seq + 1, entry.hash, count + 1
    beyond = sorted(seq for seq in pins if seq > count)
    if beyond:
        name = pins[beyond[0]][0][1]
        message = f"{name} no longer fits: the log ends at #{count}; entries were removed"
        return Verdict(False, count, message, count + 1)
    head = AuditHead.objects.filter(pk=1).first() or AuditHead(seq=0, hash=GENESIS)
    if head.seq != count or head.hash != prev_hash:
        message = f"the log ends at #{count} but its head says #{head.seq}: entries were removed"
        return Verdict(False, count, message, count + 1)
    return Verdict(True, count, f"{count} entries, chain intact, head {prev_hash[:16]}")


def misfit(entry: AuditEntry, expected_seq: int, prev_hash: str) -> str:
    if entry.seq != expected_seq:
        return f"expected #{expected_seq}; entries were removed"
    if entry.prev_hash != prev_hash:
        return "does not follow the entry before it (moved or removed)"
    # A date rewritten into something that is no date reads back as None.
    if entry.at is None or entry.compute_hash() != entry.hash:
        return "contents were altered"
    return ""
