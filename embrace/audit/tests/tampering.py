"""Tampering with the audit table behind the model's back, as someone holding the database would."""

from __future__ import annotations

from typing import Any

from django.db import connection, transaction
from django.db.models import F

from embrace.audit.models import GENESIS, AuditEntry, AuditHead

TABLE = connection.ops.quote_name(AuditEntry._meta.db_table)


def _execute(sql: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        assert cursor.rowcount == 1, sql


def _set(assignments: list[tuple[str, Any]], seq: int) -> None:
    # Column names come from the model or the test, never from input; values are parameters.
    columns = ", ".join(f"{connection.ops.quote_name(column)} = %s" for column, _ in assignments)
    _execute(f"UPDATE {TABLE} SET {columns} WHERE seq = %s", [*(v for _, v in assignments), seq])  # noqa: S608


def rewrite(seq: int, **values: Any) -> None:
    """Change fields to other valid values, stored as the model would store them."""
    fields = [AuditEntry._meta.get_field(name) for name in values]
    _set([(f.column, f.get_db_prep_value(values[f.name], connection)) for f in fields], seq)


def rewrite_raw(seq: int, column: str, text: str) -> None:
    """Write text as it is, even what the model would never write."""
    _set([(column, text)], seq)


def remove(seq: int) -> None:
    _execute(f"DELETE FROM {TABLE} WHERE seq = %s", [seq])  # noqa: S608


def swap(first: int, second: int) -> None:
    """Exchange two entries' places, through a free number since seq is unique."""
    parking = -first
    with transaction.atomic():
        for old, new in ((first, parking), (second, first), (parking, second)):
            _set([("seq", new)], old)


def rechain_without(seq: int) -> None:
    """Delete one entry and rewrite every later one (numbers, links, hashes) and the head to fit: a log that
    the chain alone can no longer tell from the real one."""
    with transaction.atomic():
        remove(seq)
        before = AuditEntry.objects.filter(seq=seq - 1).first()
        prev_hash = before.hash if before else GENESIS
        for entry in AuditEntry.objects.filter(seq__gt=seq).order_by("seq"):
            old_seq = entry.seq
            entry.seq, entry.prev_hash = old_seq - 1, prev_hash
            entry.hash = entry.compute_hash()
            _set([("seq", entry.seq), ("prev_hash", entry.prev_hash), ("hash", entry.hash)], old_seq)
            prev_hash = entry.hash
        AuditHead.objects.filter(pk=1).update(seq=F("seq") - 1, hash=prev_hash)
