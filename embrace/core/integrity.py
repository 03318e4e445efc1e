"""After a crash: is the database sound, and is every case whole?

A case is written in one transaction (``intake.actions.submit_enquiry``), so a crash should leave either the
whole case or nothing. This checks that it did, from the outside: the database engine's own check, then every
live case — its body and identity compartments each with a key sealed to someone, the enquirer's receipt able
to open the body, its first message, and the sealed file of every attachment on disk. ``embrace integrity``
runs it; the crash test and the crash benchmark run it after killing the server.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q

from embrace.cases.actions import attachment_path
from embrace.cases.models import Attachment, Case
from embrace.vault.models import Compartment, CompartmentKey, Grant


def database_problems() -> list[str]:
    """The engine's own consistency check: SQLite's integrity and foreign-key checks, PostgreSQL's amcheck
    on every B-tree index of this database where the extension is installed."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA integrity_check")
            found = [row[0] for row in cursor.fetchall() if row[0] != "ok"]
            cursor.execute("PRAGMA foreign_key_check")
            found += [f"foreign key: {row[0]} row {row[1]} → {row[2]}" for row in cursor.fetchall()]
            return found
        if connection.vendor != "postgresql":
            return []
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")
        if cursor.fetchone() is None:
            return []
        cursor.execute(
            "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE a.amname = 'btree' AND n.nspname = current_schema() AND c.relpersistence != 't'"
        )
        found = []
        for (index,) in cursor.fetchall():
            try:
                # heapallindexed: every table row is also found through the index.
                cursor.execute("SELECT bt_index_check(%s::regclass, true)", [index])
            except Exception as exc:  # amcheck reports corruption as an error naming the index
                found.append(f"{index}: {exc}")
        return found


def amcheck_available() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'amcheck'")
        return cursor.fetchone() is not None


def _unsealed(kind: str) -> list[str]:
    """Live cases whose ``kind`` compartment has no key generation, or a newest one sealed to nobody."""
    keys = CompartmentKey.objects.filter(compartment=OuterRef(kind))
    sealed = CompartmentKey.objects.filter(compartment=OuterRef(kind)).filter(
        Exists(Grant.objects.filter(key=OuterRef("pk")))
    )
    cases = Case.objects.filter(**{f"{kind}__destroyed_at__isnull": True})
    return [
        f"case {pk}: its {kind} compartment has no key sealed to anyone"
        for pk in cases.filter(~Exists(keys) | ~Exists(sealed)).values_list("pk", flat=True)
    ]


def case_problems() -> list[str]:
    """Every live case whole: compartments with keys, a receipt that opens the body, messages, files."""
    found = _unsealed("body") + _unsealed("identity")
    live = Case.objects.filter(body__destroyed_at__isnull=True)
    receipt_grant = Grant.objects.filter(key__compartment=OuterRef("body"), receipt=OuterRef("receipt"))
    found += [
        f"case {pk}: the enquirer's receipt holds no key to its body"
        for pk in live.filter(receipt__isnull=False)
        .filter(~Exists(receipt_grant))
        .values_list("pk", flat=True)
    ]
    found += [
        f"case {pk}: no message"
        for pk in live.annotate(n=Count("messages")).filter(n=0).values_list("pk", flat=True)
    ]
    orphans = Compartment.objects.filter(kind__in=("body", "identity"), destroyed_at__isnull=True).exclude(
        Q(pk__in=Case.objects.values("body")) | Q(pk__in=Case.objects.values("identity"))
    )
    found += [
        f"compartment {pk}: a {kind} compartment of no case" for pk, kind in orphans.values_list("pk", "kind")
    ]
    for pk, name in Attachment.objects.filter(message__case__body__destroyed_at__isnull=True).values_list(
        "pk", "stored_name"
    ):
        if not attachment_path(name).is_file():
            found.append(f"attachment {pk}: its sealed file is missing")
    return found
