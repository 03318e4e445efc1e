"""The audit log: append-only, each entry chained to the previous one by hash.

An entry records who did what to which object, as ids and hashes, never content. ``verify_chain`` walks the
log and names the first entry that was altered, removed or moved; the ``AuditHead`` row pins the newest entry
so that removing entries from the end is caught too.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.db import models

GENESIS = "0" * 64


class AppendOnlyQuerySet(models.QuerySet["AuditEntry"]):
    """Bulk ``update()``/``delete()`` would bypass the instance guards below, so they refuse too."""

    def update(self, **kwargs: Any) -> int:
        raise ValueError("Audit entries are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ValueError("Audit entries are append-only")


class AuditEntry(models.Model):
    seq = models.BigIntegerField(unique=True)
    at = models.DateTimeField()
    # An ``Event`` value, deliberately without ``choices``: adding an event needs no migration, and entries
    # keep the names of events that are later retired.
    event = models.CharField(max_length=64)
    # Plain ids rather than foreign keys: history must survive the deletion of what it speaks about.
    actor = models.UUIDField(null=True, blank=True)
    subject = models.CharField(max_length=100, blank=True)
    data = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name_plural = "audit entries"
        # The auditor's viewer pages newest first by seq under each filter; these let a filtered page be read
        # off an index however long the log grows (no sort, no count of the table).
        indexes = [
            models.Index(fields=["actor", "seq"], name="audit_by_actor"),
            models.Index(fields=["event", "seq"], name="audit_by_event"),
            models.Index(fields=["subject", "seq"], name="audit_by_subject"),
            models.Index(fields=["at"], name="audit_by_time"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.event}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("Audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("Audit entries are append-only")

    def compute_hash(self) -> str:
        return entry_hash(
            seq=self.seq,
            at=self.at.isoformat(),
            event=self.event,
            actor=str(self.actor) if self.actor else None,
            subject=self.subject,
            data=self.data,
            prev_hash=self.prev_hash,
        )


class AuditHead(models.Model):
    """A single row pointing at the newest entry; appends lock it, so the chain has one writer at a time."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS)

    def __str__(self) -> str:
        return f"head #{self.seq}"


class AuditAnchor(models.Model):
    """The chain's head at one moment, signed with a key that is not in the database (``vault.anchors``).

    The signature is what an auditor checks, with a public key they keep themselves: a rewritten chain no
    longer has the anchored hash at the anchored seq, and nobody without the signing key can make an anchor
    that says otherwise. Rows here are only a convenience for showing and exporting them.
    """

    seq = models.BigIntegerField()
    hash = models.CharField(max_length=64)
    at = models.DateTimeField()
    signature = models.CharField(max_length=128)  # hex
    key_id = models.CharField(max_length=16)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"anchor #{self.seq} at {self.at:%Y-%m-%d %H:%M}"


def entry_hash(**fields: Any) -> str:
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()
