from __future__ import annotations

import hashlib
import itertools
import json
import uuid
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from embrace.audit.events import Event
from embrace.audit.log import record, verify_chain
from embrace.audit.models import GENESIS, AuditEntry, AuditHead
from embrace.audit.tests import tampering

pytestmark = pytest.mark.django_db


@pytest.fixture
def log() -> list[int]:
    """Five entries on top of whatever the database holds; returns their numbers."""
    people = [uuid.uuid4(), uuid.uuid4()]
    entries = [
        record(Event.USER_CREATED, actor=people[0], subject=f"accounts.user:{people[1]}"),
        record(Event.ROLE_GRANTED, actor=people[0], subject=f"accounts.user:{people[1]}", role="custodian"),
        record(Event.CONFIG_CHANGED, actor=people[1], subject="config:retention", days=30, on=True),
        record(Event.EXPORT, actor=None, subject="stats:weekly", rows=["a", "b"]),
        record(Event.LOGOUT, actor=people[1], subject=f"accounts.user:{people[1]}"),
    ]
    return [e.seq for e in entries]


def verify_fails_at(seq: int) -> str:
    verdict = verify_chain()
    assert not verdict.ok
    assert verdict.bad_seq == seq, verdict.message
    with pytest.raises(CommandError, match=rf"#{seq}\b") as failure:
        call_command("audit", "verify")
    return str(failure.value)


def test_entries_chain_by_hash(log: list[int]) -> None:
    entries = list(AuditEntry.objects.filter(seq__in=log))
    assert [e.seq for e in entries] == log == list(range(log[0], log[0] + 5))
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.hash
    assert all(e.hash == e.compute_hash() for e in entries)
    head = AuditHead.objects.get()
    assert (head.seq, head.hash) == (log[-1], entries[-1].hash)


def test_intact_log_verifies(log: list[int], capsys: pytest.CaptureFixture[str]) -> None:
    verdict = verify_chain()
    assert verdict.ok, verdict.message
    assert verdict.entries == log[-1]
    call_command("audit", "verify")
    assert f"Audit log OK: {log[-1]} entries" in capsys.readouterr().out


def test_empty_log_verifies() -> None:
    assert AuditEntry.objects.count() == 0
    assert verify_chain().ok


@pytest.mark.parametrize(
    ("field", "new_value"),
    [
        ("event", Event.ROLE_REVOKED),
        ("actor", uuid.uuid4()),
        ("subject", "accounts.user:someone-else"),
        ("data", {"role": "administrator"}),
        ("prev_hash", GENESIS),
        ("hash", "f" * 64),
    ],
)
def test_altered_middle_entry_fails(log: list[int], field: str, new_value: object) -> None:
    tampering.rewrite(log[1], **{field: new_value})
    message = verify_fails_at(log[1])
    assert "altered" in message or "does not follow" in message


def test_altered_time_fails(log: list[int]) -> None:
    middle = AuditEntry.objects.get(seq=log[2])
    tampering.rewrite(log[2], at=middle.at - timedelta(hours=3))
    assert "contents were altered" in verify_fails_at(log[2])


def test_altered_and_rehashed_entry_breaks_the_next_link(log: list[int]) -> None:
    middle = AuditEntry.objects.get(seq=log[2])
    middle.subject = "config:something-else"
    tampering.rewrite(log[2], subject=middle.subject, hash=middle.compute_hash())
    assert "does not follow" in verify_fails_at(log[3])


def test_time_that_is_no_date_fails(log: list[int]) -> None:
    if tampering.connection.vendor != "sqlite":
        pytest.skip("only SQLite stores a date as text that can be made unparseable")
    tampering.rewrite_raw(log[2], "at", "yesterday")
    assert "altered" in verify_fails_at(log[2])


def test_time_that_cannot_be_read_fails_cleanly(log: list[int]) -> None:
    if tampering.connection.vendor != "sqlite":
        pytest.skip("only SQLite stores a date as text that can be made unparseable")
    tampering.rewrite_raw(log[2], "at", "2026-13-45 10:00:00")
    verdict = verify_chain()
    assert not verdict.ok
    assert "cannot be read" in verdict.message
    with pytest.raises(CommandError, match="cannot be read"):
        call_command("audit", "verify")


def test_deleted_middle_entry_fails(log: list[int]) -> None:
    tampering.remove(log[2])
    message = verify_fails_at(log[3])
    assert f"expected #{log[2]}" in message


def test_deleted_last_entry_fails(log: list[int]) -> None:
    tampering.remove(log[-1])
    message = verify_fails_at(log[-1])
    assert f"head says #{log[-1]}" in message


def test_deleted_first_entry_fails(log: list[int]) -> None:
    tampering.remove(1)
    verify_fails_at(2)


@pytest.mark.parametrize("distance", [1, 2])
def test_reordered_entries_fail(log: list[int], distance: int) -> None:
    tampering.swap(log[1], log[1] + distance)
    assert "does not follow" in verify_fails_at(log[1])


def test_saved_entry_refuses_to_change(log: list[int]) -> None:
    entry = AuditEntry.objects.get(seq=log[1])
    entry.event = Event.ROLE_REVOKED
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()
    with pytest.raises(ValueError, match="append-only"):
        AuditEntry.objects.filter(seq=log[1]).update(event=Event.ROLE_REVOKED)
    with pytest.raises(ValueError, match="append-only"):
        AuditEntry.objects.filter(seq=log[1]).delete()
    assert AuditEntry.objects.get(seq=log[1]).event == Event.ROLE_GRANTED
    assert verify_chain().ok


def test_rolled_back_change_leaves_no_entry(log: list[int]) -> None:
    head_before = AuditHead.objects.values_list("seq", "hash").get()

    def change_that_fails_after_its_entry() -> None:
        with transaction.atomic():
            record(Event.CONFIG_CHANGED, subject="config:retention", days=1)
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        change_that_fails_after_its_entry()
    assert AuditHead.objects.values_list("seq", "hash").get() == head_before
    assert AuditEntry.objects.count() == log[-1]
    assert record(Event.CONFIG_CHANGED, subject="config:retention", days=2).seq == log[-1] + 1
    assert verify_chain().ok


def test_many_appends_stay_contiguous() -> None:
    for n in range(60):
        record(Event.CONFIG_CHANGED, subject=f"config:{n}", n=n)
    assert list(AuditEntry.objects.values_list("seq", flat=True)) == list(range(1, 61))
    assert verify_chain().ok


def test_actor_given_as_any_uuid_spelling_verifies() -> None:
    someone = uuid.uuid4()
    record(Event.LOGIN, actor=str(someone).upper(), subject="accounts.user:x")
    record(Event.LOGIN, actor=someone.hex, subject="accounts.user:x")
    assert set(AuditEntry.objects.values_list("actor", flat=True)) == {someone}
    assert verify_chain().ok


def test_missing_head_is_recreated_on_a_fresh_log_and_refuses_under_a_live_one() -> None:
    AuditHead.objects.all().delete()
    first = record(Event.CONFIG_CHANGED, subject="config:a")
    assert first.seq == 1
    assert verify_chain().ok
    AuditHead.objects.all().delete()
    assert not verify_chain().ok
    with pytest.raises(IntegrityError), transaction.atomic():
        record(Event.CONFIG_CHANGED, subject="config:b")


def test_hash_covers_every_field() -> None:
    entry = record(Event.CONFIG_CHANGED, actor=uuid.uuid4(), subject="config:a", days=3)
    canonical = json.dumps(
        {
            "seq": entry.seq,
            "at": entry.at.isoformat(),
            "event": str(entry.event),
            "actor": str(entry.actor),
            "subject": entry.subject,
            "data": entry.data,
            "prev_hash": entry.prev_hash,
        },
        sort_keys=True,
        separators=(",", ":"),
    )
    assert entry.hash == hashlib.sha256(canonical.encode()).hexdigest()
