"""`embrace backup`, `embrace restore` and the restore drill, run as an operator runs them.

The backup is taken in this process (the test database); every restore runs as a child `embrace` process
configured for a fresh data folder, because a restore fills a data folder that Django settings name at start.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from embrace.cases.models import Case

pytestmark = pytest.mark.django_db(transaction=True)

ON_POSTGRES = connection.vendor == "postgresql"


def child_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("EMBRACE_TESTING", "DATABASE_URL")}
    env.update(EMBRACE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="embrace.settings")
    return env


def embrace(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`embrace ARGS` in a child process whose data folder (and SQLite database) is ``data_dir``."""
    return subprocess.run(
        [sys.executable, "-m", "embrace.cli", *args],
        env=child_env(data_dir),
        capture_output=True,
        text=True,
        check=False,
    )


def restored_statuses(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / "embrace.sqlite3") as db:
        return sorted(row[0] for row in db.execute("SELECT status FROM cases_case"))


def holds_nothing(data_dir: Path) -> bool:
    """No database tables, no uploads, no staging folder left behind."""
    database = data_dir / "embrace.sqlite3"
    if database.exists() and database.stat().st_size:
        with sqlite3.connect(database) as db:
            if db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]:
                return False
    uploads = data_dir / "uploads"
    staging = list(data_dir.glob(".restore-*"))
    return not staging and not (uploads.exists() and any(p.is_file() for p in uploads.rglob("*")))


@pytest.fixture
def backup_key(tmp_path: Path) -> Path:
    private = tmp_path / "backup-private.key"
    call_command("backup", "new-key", "--replace", "--out", str(private), stdout=io.StringIO())
    return private


@pytest.fixture
def small_archive(tmp_path: Path, backup_key: Path, settings) -> Path:
    """A backup of the seeded database with one upload file, big enough to span several chunks."""
    shard = Path(settings.UPLOADS_DIR) / "ab"
    shard.mkdir(exist_ok=True)
    (shard / "abcdef").write_bytes(os.urandom(300_000))
    archive = tmp_path / "small.embrace-backup"
    call_command("backup", str(archive), "--no-progress", stdout=io.StringIO())
    return archive


def test_backup_holds_no_clear_text_of_the_database_or_uploads(tmp_path: Path, backup_key: Path, settings):
    shard = Path(settings.UPLOADS_DIR) / "cd"
    shard.mkdir(exist_ok=True)
    (shard / "cdef").write_bytes(b"UPLOAD-MARKER " * 1000)
    archive = tmp_path / "a.embrace-backup"
    call_command("backup", str(archive), "--no-progress", stdout=io.StringIO())
    data = archive.read_bytes()
    assert data[:4] == b"EMB1"
    for clear in (b"UPLOAD-MARKER", b"SQLite format", b"PGDMP", b"cases_case", b"manifest.json"):
        assert clear not in data
    assert not list(Path(settings.DATA_DIR).glob(".backup-*")), "the snapshot was left in the data folder"


def test_backup_without_a_backup_key_says_how_to_make_one(tmp_path: Path, settings):
    settings.BACKUP_PUBLIC_KEY_FILE = tmp_path / "missing"
    with pytest.raises(CommandError, match="embrace backup new-key"):
        call_command("backup", str(tmp_path / "x"), "--no-progress")
    assert not (tmp_path / "x").exists()


def test_new_key_keeps_only_the_public_half_on_the_server(tmp_path: Path, settings):
    private = tmp_path / "offline.key"
    call_command("backup", "new-key", "--replace", "--out", str(private), stdout=io.StringIO())
    stored = Path(settings.BACKUP_PUBLIC_KEY_FILE).read_text()
    secret = private.read_text().strip().split(":")[1]
    assert secret not in stored
    assert secret not in "".join(p.read_text(errors="ignore") for p in Path(settings.SECRETS_DIR).iterdir())
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", "new-key", stdout=io.StringIO())


@pytest.mark.skipif(ON_POSTGRES, reason="restores into a SQLite data folder; PostgreSQL has its own test")
def test_round_trip_restores_every_case_of_the_demo_and_its_uploads(
    tmp_path: Path, backup_key: Path, settings
):
    call_command("demo", stdout=io.StringIO())
    statuses = sorted(Case.objects.values_list("status", flat=True))
    assert len(statuses) == 13
    assert len(set(statuses)) > 5
    uploads = sorted(p.name for p in Path(settings.UPLOADS_DIR).rglob("*") if p.is_file())
    archive = tmp_path / "demo.embrace-backup"
    call_command("backup", str(archive), "--no-progress", stdout=io.StringIO())

    target = tmp_path / "restored"
    # An empty shard folder (left by a server started once) is still an empty data folder.
    shard = next(p for p in Path(settings.UPLOADS_DIR).rglob("*") if p.is_file()).parent.name
    (target / "uploads" / shard).mkdir(parents=True)
    result = embrace(target, "restore", str(archive), "--key", str(backup_key), "--no-progress")

    assert result.returncode == 0, result.stderr
    assert "13 cases" in result.stdout
    assert restored_statuses(target) == statuses
    assert sorted(p.name for p in (target / "uploads").rglob("*") if p.is_file()) == uploads
    assert embrace(target, "audit", "verify").returncode == 0


def test_restore_drill_opens_what_the_test_account_holds_and_verifies_the_logs(
    tmp_path: Path, backup_key: Path, settings
):
    call_command("demo", stdout=io.StringIO())
    handler = next(
        row
        for row in json.loads((Path(settings.DATA_DIR) / "demo-credentials.json").read_text())
        if row["username"] == "demo-handler"
    )
    password = tmp_path / "password"
    password.write_text(handler["password"])
    archive = tmp_path / "demo.embrace-backup"
    call_command("backup", str(archive), "--no-progress", stdout=io.StringIO())
    out = io.StringIO()

    call_command(
        "restore", str(archive), "--verify", "--key", str(backup_key), "--user", "demo-handler",
        "--password-file", str(password), stdout=out,
    )  # fmt: skip

    report = out.getvalue()
    assert "Restore drill passed" in report
    assert "Audit log OK" in report
    assert "Ledger OK" in report
    assert "13 cases" in report
    assert "0 sealed to a key the restored tables lack" in report
    opened = int(report.split("opened ")[1].split()[0])
    assert opened > 0
    assert not list(Path(settings.DATA_DIR).glob(".restore-drill-*")), "the drill left its scratch copy"


def test_restore_drill_fails_on_a_tampered_archive(tmp_path: Path, small_archive: Path, backup_key: Path):
    data = bytearray(small_archive.read_bytes())
    data[len(data) // 2] ^= 0x01
    small_archive.write_bytes(bytes(data))
    out = io.StringIO()
    with pytest.raises(CommandError, match="Restore drill FAILED"):
        call_command("restore", str(small_archive), "--verify", "--key", str(backup_key), stdout=out)
    assert "damaged" in out.getvalue()


def test_tampered_archive_is_refused_and_nothing_is_restored(
    tmp_path: Path, small_archive: Path, backup_key: Path
):
    data = bytearray(small_archive.read_bytes())
    # Near the end: every chunk before it authenticates and is written to staging before the damage shows.
    data[-40] ^= 0x01
    small_archive.write_bytes(bytes(data))
    target = tmp_path / "restored"

    result = embrace(target, "restore", str(small_archive), "--key", str(backup_key), "--no-progress")

    assert result.returncode != 0
    assert "is damaged or was altered" in result.stderr
    assert "nothing was restored" in result.stderr
    assert holds_nothing(target)


def test_truncated_archive_is_refused_and_nothing_is_restored(
    tmp_path: Path, small_archive: Path, backup_key: Path
):
    data = small_archive.read_bytes()
    small_archive.write_bytes(data[: len(data) - 100])
    target = tmp_path / "restored"

    result = embrace(target, "restore", str(small_archive), "--key", str(backup_key), "--no-progress")

    assert result.returncode != 0
    assert "is truncated" in result.stderr
    assert "nothing was restored" in result.stderr
    assert holds_nothing(target)


def test_archive_cut_at_a_chunk_boundary_is_refused(tmp_path: Path, small_archive: Path, backup_key: Path):
    """Cut exactly between chunks, every chunk left still authenticates: the missing end must show."""
    data = small_archive.read_bytes()
    position, cut = 101 + 24, None
    while position < len(data):
        length = int.from_bytes(data[position : position + 4], "big")
        following = position + 4 + length
        if following >= len(data):
            break
        cut, position = following, following
    assert cut is not None
    small_archive.write_bytes(data[:cut])
    target = tmp_path / "restored"

    result = embrace(target, "restore", str(small_archive), "--key", str(backup_key), "--no-progress")

    assert result.returncode != 0
    assert "truncated" in result.stderr
    assert holds_nothing(target)


def test_archive_with_the_wrong_key_is_refused(tmp_path: Path, small_archive: Path, backup_key: Path):
    other = tmp_path / "other.key"
    call_command("backup", "new-key", "--replace", "--out", str(other), stdout=io.StringIO())
    target = tmp_path / "restored"

    result = embrace(target, "restore", str(small_archive), "--key", str(other), "--no-progress")

    assert result.returncode != 0
    assert "was not sealed to the backup key you gave" in result.stderr
    assert holds_nothing(target)


@pytest.mark.skipif(ON_POSTGRES, reason="the restored copy is a SQLite data folder")
def test_restore_refuses_a_data_folder_that_is_not_empty(
    tmp_path: Path, small_archive: Path, backup_key: Path
):
    target = tmp_path / "restored"
    assert (
        embrace(target, "restore", str(small_archive), "--key", str(backup_key), "--no-progress").returncode
        == 0
    )
    before = restored_statuses(target)
    (target / "uploads" / "ab" / "abcdef").write_bytes(b"local change")

    result = embrace(target, "restore", str(small_archive), "--key", str(backup_key), "--no-progress")

    assert result.returncode != 0
    assert "Refusing to restore into a data folder that is not empty" in result.stderr
    assert (target / "uploads" / "ab" / "abcdef").read_bytes() == b"local change"
    assert restored_statuses(target) == before


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only")
@pytest.mark.skipif(
    shutil.which("pg_dump") is None or shutil.which("pg_restore") is None, reason="no pg tools"
)
def test_postgres_round_trip_through_pg_dump_and_pg_restore(tmp_path: Path, backup_key: Path):
    call_command("demo", stdout=io.StringIO())
    archive = tmp_path / "demo.embrace-backup"
    call_command("backup", str(archive), "--no-progress", stdout=io.StringIO())
    out = io.StringIO()

    call_command("restore", str(archive), "--verify", "--key", str(backup_key), stdout=out)

    assert "Restore drill passed" in out.getvalue()
    assert "13 cases" in out.getvalue()


@pytest.mark.skipif(ON_POSTGRES, reason="the restored copy is a SQLite data folder")
def test_backup_and_restore_are_audited_with_counts_and_the_archive_digest_and_the_log_still_verifies(
    tmp_path: Path, backup_key: Path, settings
):
    import getpass
    import hashlib

    from embrace.audit.events import Event
    from embrace.audit.models import AuditEntry

    call_command("demo", stdout=io.StringIO())
    archive = tmp_path / "demo.embrace-backup"
    call_command("backup", str(archive), "--no-progress", stdout=io.StringIO())
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()

    made = AuditEntry.objects.filter(event=Event.BACKUP_CREATED).get()
    assert made.actor is None
    assert made.data["archive_sha256"] == digest
    assert made.data["cases"] == 13
    assert made.data["uploads"] == len([p for p in Path(settings.UPLOADS_DIR).rglob("*") if p.is_file()])
    assert made.data["os_user"] == getpass.getuser()
    assert made.data["command"] == "embrace backup"
    assert made.subject == f"backup:{digest[:16]}"

    target = tmp_path / "restored"
    result = embrace(target, "restore", str(archive), "--key", str(backup_key), "--no-progress")
    assert result.returncode == 0, result.stderr

    with sqlite3.connect(target / "embrace.sqlite3") as db:
        event, subject, data = db.execute(
            "SELECT event, subject, data FROM audit_auditentry ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    assert event == Event.BACKUP_RESTORED
    assert subject == made.subject
    restored = json.loads(data)
    assert restored["archive_sha256"] == digest
    assert restored["cases"] == 13
    assert restored["command"] == "embrace restore"
    assert restored["os_user"] == getpass.getuser()
    verified = embrace(target, "audit", "verify")
    assert verified.returncode == 0, verified.stdout + verified.stderr
