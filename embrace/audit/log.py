"""Writing and checking the audit chain."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from embrace.audit.events import Event
from embrace.audit.models import GENESIS, AuditEntry, AuditHead


def fingerprint(value: str | bytes) -> str:
    """A short hash to record *that* something was involved without recording what it was."""
    raw = value.encode() if isinstance(value, str) else value
    return hashlib.sha256(raw).hexdigest()[:16]


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
    actor_id: uuid.UUID | None = getattr(actor, "pk", actor) if actor is not None else None
    subject_text = subject if isinstance(subject, str) else subject_of(subject)
    with transaction.atomic():
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


def verify_chain() -> Verdict:
    """Walk the whole log; the first entry that does not fit is reported."""
    expected_seq, prev_hash, count = 1, GENESIS, 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        where = f"entry #{entry.seq} ({entry.event}, id {entry.pk})"
        if entry.seq != expected_seq:
            return Verdict(
                False, count, f"{where}: expected #{expected_seq}; entries were removed", entry.seq
            )
        if entry.prev_hash != prev_hash:
            return Verdict(
                False, count, f"{where}: does not follow the entry before it (moved or removed)", entry.seq
            )
        if entry.compute_hash() != entry.hash:
            return Verdict(False, count, f"{where}: contents were altered", entry.seq)
        expected_seq, prev_hash, count = expected_seq + 1, entry.hash, count + 1
    head = AuditHead.objects.get(pk=1)
    if head.seq != count or head.hash != prev_hash:
        return Verdict(
            False,
            count,
            f"the log ends at #{count} but its head says #{head.seq}: entries were removed",
            count + 1,
        )
    return Verdict(True, count, f"{count} entries, chain intact, head {prev_hash[:16]}")
