"""Backups that restore: one encrypted archive of the database snapshot and the uploads, and its restore.

The archive is a ``vault.backup`` envelope (sealed to the organisation's backup public key) around a simple
framed stream, so the database dump can flow straight from ``pg_dump`` without knowing its size first::

    "EMBK1\\n" | entries | end (a name length of 0)
    entry: name length (2, big-endian) | name (UTF-8) | chunks: length (4) + bytes … | a chunk length of 0

The first entry is ``manifest.json`` (format, database vendor, counts); then ``database.sqlite3`` or
``database.pgdump``; then ``uploads/<path>`` for every upload (each already an envelope of its own).

Nothing readable leaves the data folder: the SQLite snapshot is a temporary file inside it, deleted once
streamed; a PostgreSQL dump is streamed through memory. A restore writes everything into a staging folder
inside the target data folder and moves it into place only once the whole archive has authenticated, so a
tampered, truncated or wrong-key archive leaves nothing behind.
"""

from __future__ import annotations

import datetime
import getpass
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from django.conf import settings
from django.db import connections

from embrace.vault import backup as vault_backup
from embrace.vault import crypto

MAGIC = b"EMBK1\n"
CHUNK = 1024 * 1024
FORMAT = 1


class BackupError(Exception):
    """Something an operator must fix; the message says what."""


class RestoreRefused(BackupError):
    pass


# --- Progress -----------------------------------------------------------------------------------------------


class Progress:
    """A bar on a terminal, a plain line every tenth otherwise (logs of a timer unit stay readable)."""

    def __init__(self, out: TextIO, total: int, label: str) -> None:
        self.out, self.total, self.label = out, max(total, 1), label
        self.done = 0
        self._shown = -1
        self._tty = out.isatty()

    def add(self, n: int) -> None:
        self.done += n
        percent = min(100, self.done * 100 // self.total)
        step = percent if self._tty else percent // 10 * 10
        if step != self._shown:
            self._shown = step
            mib = self.done / 1048576
            if self._tty:
                bar = "#" * (percent // 4)
                self.out.write(f"\r{self.label} [{bar:<25}] {percent:3d}% {mib:8.1f} MiB")
            else:
                self.out.write(f"{self.label}: {percent}% ({mib:.1f} MiB)\n")
            self.out.flush()

    def finish(self) -> None:
        if self._tty:
            self.out.write("\n")
            self.out.flush()


# --- The framed stream --------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, sink: BinaryIO, progress: Progress | None) -> None:
        self.sink, self.progress = sink, progress
        sink.write(MAGIC)

    def add(self, name: str, source: BinaryIO) -> int:
        encoded = name.encode()
        self.sink.write(struct.pack(">H", len(encoded)) + encoded)
        total = 0
        while chunk := source.read(CHUNK):
            self.sink.write(struct.pack(">I", len(chunk)))
            self.sink.write(chunk)
            total += len(chunk)
            if self.progress is not None:
                self.progress.add(len(chunk))
        self.sink.write(struct.pack(">I", 0))
        return total

    def add_bytes(self, name: str, data: bytes) -> None:
        encoded = name.encode()
        self.sink.write(struct.pack(">H", len(encoded)) + encoded)
        if data:
            self.sink.write(struct.pack(">I", len(data)) + data)
        self.sink.write(struct.pack(">I", 0))

    def end(self) -> None:
        self.sink.write(struct.pack(">H", 0))


class _ChunkReader:
    """A ``read(n)`` over an iterator of byte chunks (the decrypted archive)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = bytearray()

    def read(self, n: int) -> bytes:
        while len(self._buffer) < n:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        return data

    def drain(self) -> None:
        """Read to the end, so the stream's FINAL tag (and nothing after it) is checked."""
        self._buffer.clear()
        for _chunk in self._chunks:
            raise crypto.DecryptionError("data after the end of the archive")


class _Damaged(crypto.DecryptionError):
    pass


def _exact(reader: _ChunkReader, n: int) -> bytes:
    data = reader.read(n)
    if len(data) != n:
        raise _Damaged("archive ends inside an entry")
    return data


def _entries(reader: _ChunkReader) -> Iterator[tuple[str, Iterator[bytes]]]:
    if _exact(reader, len(MAGIC)) != MAGIC:
        raise _Damaged("not an Embrace backup")
    while True:
        (length,) = struct.unpack(">H", _exact(reader, 2))
        if length == 0:
            return
        name = _exact(reader, length).decode("utf-8", errors="strict")
        yield name, _chunks(reader)


def _chunks(reader: _ChunkReader) -> Iterator[bytes]:
    while True:
        (length,) = struct.unpack(">I", _exact(reader, 4))
        if length == 0:
            return
        yield _exact(reader, length)


# --- Who ran it, and what the archive was -------------------------------------------------------------------


def operator() -> dict[str, str]:
    """The operating-system account that runs the command (and the one behind sudo, if any): the only
    "who" a command run on the server has, since no staff member is logged in."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # a uid without a passwd entry (some containers)
        user = f"uid {os.getuid()}"
    who = {"os_user": user}
    if os.environ.get("SUDO_USER"):
        who["sudo_user"] = os.environ["SUDO_USER"]
    return who


class _Digesting:
    """A binary sink that passes writes through and keeps the SHA-256 of everything written."""

    def __init__(self, sink: BinaryIO) -> None:
        self.sink, self.hash = sink, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        return self.sink.write(data)

    def flush(self) -> None:
        self.sink.flush()


def _subject(digest: str) -> str:
    # The same subject on the backup's entry and on the restore's: one finds the other.
    return f"backup:{digest[:16]}"


# --- Backup -------------------------------------------------------------------------------------------------


def _db() -> dict[str, object]:
    return connections["default"].settings_dict


def _vendor() -> str:
    return connections["default"].vendor


def pg_env() -> dict[str, str]:
    """The environment that points libpq tools (pg_dump, pg_restore) at our database; the password travels
    in the environment, never on a command line other users can read."""
    env = dict(os.environ)
    db = _db()
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[var] = str(db[key])
    env["PGDATABASE"] = str(db["NAME"])
    return env


def _uploads() -> list[Path]:
    root = Path(settings.UPLOADS_DIR)
    return sorted(p for p in root.rglob("*") if p.is_file())


def _sqlite_snapshot() -> Path:
    """A consistent copy of the SQLite database by the online backup API, in the data folder (mode 0600)."""
    fd, name = tempfile.mkstemp(prefix=".backup-", suffix=".sqlite3", dir=settings.DATA_DIR)
    os.close(fd)
    source = sqlite3.connect(str(_db()["NAME"]))
    target = sqlite3.connect(name)
    try:
        # Page by page, with the source lock released between steps, so the server keeps writing meanwhile.
        source.backup(target, pages=1024)
    finally:
        target.close()
        source.close()
    return Path(name)


def _counts() -> dict[str, int]:
    from embrace.cases.models import Case

    return {"cases": Case.objects.count()}


@dataclass
class BackupResult:
    path: Path
    size: int
    database_bytes: int
    uploads: int
    sha256: str = ""
    cases: int = 0


def create_backup(outfile: Path, *, progress_to: TextIO | None = None) -> BackupResult:
    """Write the encrypted archive to ``outfile`` (via a ``.partial`` file renamed at the end)."""
    try:
        public = vault_backup.public_key()
    except vault_backup.BackupKeyError as exc:
        raise BackupError(str(exc)) from None
    if outfile.exists():
        raise BackupError(f"{outfile} exists already; choose a new name (a backup never overwrites one)")
    uploads = _uploads()
    vendor = _vendor()
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"backups support SQLite and PostgreSQL, not {vendor}")
    snapshot = _sqlite_snapshot() if vendor == "sqlite" else None
    partial = outfile.with_name(outfile.name + ".partial")
    try:
        if snapshot is not None:
            db_size = snapshot.stat().st_size
        else:
            with connections["default"].cursor() as cursor:
                cursor.execute("SELECT pg_database_size(current_database())")
                # A custom-format dump is compressed: a third of the on-disk size is a fair guess for the bar.
                db_size = int(cursor.fetchone()[0]) // 3
        total = db_size + sum(p.stat().st_size for p in uploads)
        progress = Progress(progress_to, total, "Backup") if progress_to is not None else None
        manifest = {
            "format": FORMAT,
            "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "database": vendor,
            "uploads": len(uploads),
            **_counts(),
        }
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as sink:
            digesting = _Digesting(sink)
            sealer = vault_backup.sealer(public, digesting)  # type: ignore[arg-type]
            writer = _Writer(sealer, progress)  # type: ignore[arg-type]
            writer.add_bytes("manifest.json", json.dumps(manifest).encode())
            if snapshot is not None:
                with snapshot.open("rb") as handle:
                    database_bytes = writer.add("database.sqlite3", handle)
                snapshot.unlink()
                snapshot = None
            else:
                database_bytes = _stream_pg_dump(writer)
            root = Path(settings.UPLOADS_DIR)
            for path in uploads:
                with path.open("rb") as handle:
                    writer.add(f"uploads/{path.relative_to(root).as_posix()}", handle)
            writer.end()
            sealer.close()
            sink.flush()
            os.fsync(sink.fileno())
        os.replace(partial, outfile)
        if progress is not None:
            progress.finish()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        if snapshot is not None:
            snapshot.unlink(missing_ok=True)
    result = BackupResult(
        outfile,
        outfile.stat().st_size,
        database_bytes,
        len(uploads),
        sha256=digesting.hash.hexdigest(),
        cases=int(manifest["cases"]),  # type: ignore[call-overload]
    )
    _record_backup(result, vault_backup.fingerprint(public))
    return result


def _record_backup(result: BackupResult, key_fingerprint: str) -> None:
    """The audit entry of a finished backup. Recorded in the live database after the snapshot was taken, so
    the archive itself does not hold it; the next backup's snapshot does."""
    from embrace.audit.events import Event
    from embrace.audit.log import record

    record(
        Event.BACKUP_CREATED,
        subject=_subject(result.sha256),
        command="embrace backup",
        cases=result.cases,
        uploads=result.uploads,
        database_bytes=result.database_bytes,
        archive_bytes=result.size,
        archive_sha256=result.sha256,
        backup_key=key_fingerprint,
        **operator(),
    )


def _stream_pg_dump(writer: _Writer) -> int:
    if shutil.which("pg_dump") is None:
        raise BackupError("pg_dump is not installed (Debian: postgresql-client-15)")
    with tempfile.TemporaryFile() as errors:
        # The dump goes through a pipe, never a file: what it holds is the database, metadata in clear.
        process = subprocess.Popen(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"],  # noqa: S607 - found on PATH
            stdout=subprocess.PIPE,
            stderr=errors,
            env=pg_env(),
        )
        assert process.stdout is not None  # noqa: S101 - Popen with PIPE always has it
        try:
            size = writer.add("database.pgdump", process.stdout)  # type: ignore[arg-type]
        finally:
            process.stdout.close()
            status = process.wait()
        if status != 0:
            errors.seek(0)
            raise BackupError(f"pg_dump failed: {errors.read().decode(errors='replace').strip()}")
    return size


# --- Restore ------------------------------------------------------------------------------------------------


def _nonempty_reasons() -> list[str]:
    reasons = []
    if _vendor() == "sqlite":
        path = Path(str(_db()["NAME"]))
        if path.exists() and path.stat().st_size:
            with sqlite3.connect(path) as check:
                tables = check.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
            if tables:
                reasons.append(f"the database {path} has {tables} tables")
    else:
        tables = connections["default"].introspection.table_names()
        if tables:
            reasons.append(f"the database {_db()['NAME']} has {len(tables)} tables")
    if any(p.is_file() for p in Path(settings.UPLOADS_DIR).rglob("*")):
        reasons.append(f"the uploads folder {settings.UPLOADS_DIR} holds files")
    return reasons


def _safe_name(name: str) -> Path:
    parts = Path(name).parts
    if not parts or Path(name).is_absolute() or any(p in ("..", "") for p in parts):
        raise _Damaged(f"unsafe name in archive: {name!r}")
    return Path(*parts)


@dataclass
class RestoreResult:
    manifest: dict[str, object]
    uploads: int
    sha256: str = ""


def restore_backup(
    archive: Path, private_key_file: Path, *, progress_to: TextIO | None = None
) -> RestoreResult:
    """Fill the configured (empty) data folder and database from ``archive``, or change nothing."""
    try:
        private = vault_backup.read_private_key(private_key_file)
    except vault_backup.BackupKeyError as exc:
        raise RestoreRefused(str(exc)) from None
    reasons = _nonempty_reasons()
    if reasons:
        raise RestoreRefused(
            "Refusing to restore into a data folder that is not empty ("
            + "; ".join(reasons)
            + "). Restore fills an empty data folder and an empty database only: point EMBRACE_DATA_DIR (and "
            "DATABASE_URL) at new ones."
        )
    staging = Path(settings.DATA_DIR) / f".restore-{secrets.token_hex(6)}"
    staging.mkdir(mode=0o700)
    try:
        manifest, uploads, digest = _unpack(archive, private, staging, progress_to)
        _put_in_place(staging, manifest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result = RestoreResult(manifest, uploads, digest)
    _record_restore(result, vault_backup.fingerprint_of(private))
    return result


def _record_restore(result: RestoreResult, key_fingerprint: str) -> None:
    """The audit entry of a restore, written into the restored database: only once every byte of the
    archive authenticated and the data is in place, appended to the restored chain (so `audit verify`
    passes on it, and the log of the restored server says where its data came from)."""
    from embrace.audit.events import Event
    from embrace.audit.log import record

    manifest = result.manifest
    record(
        Event.BACKUP_RESTORED,
        subject=_subject(result.sha256),
        command="embrace restore",
        backup_created=str(manifest.get("created", "")),
        cases=int(manifest.get("cases", 0)),  # type: ignore[call-overload]
        uploads=result.uploads,
        archive_sha256=result.sha256,
        backup_key=key_fingerprint,
        **operator(),
    )


def _unpack(
    archive: Path, private: bytes, staging: Path, progress_to: TextIO | None
) -> tuple[dict[str, object], int, str]:
    """Decrypt the whole archive into ``staging``; raise RestoreRefused unless every byte authenticated.
    Returns the manifest, the number of uploads and the archive's SHA-256."""
    try:
        handle = archive.open("rb")
    except OSError as exc:
        raise RestoreRefused(f"cannot read {archive}: {exc.strerror}") from None
    progress = Progress(progress_to, archive.stat().st_size, "Restore") if progress_to is not None else None
    manifest: dict[str, object] = {}
    uploads = 0
    with handle:
        counted = _Counted(handle, progress)
        reader = _ChunkReader(vault_backup.open_archive(private, counted))  # type: ignore[arg-type]
        try:
            for name, chunks in _entries(reader):
                if name == "manifest.json":
                    manifest = json.loads(b"".join(chunks))
                    continue
                target = staging / _safe_name(name)
                target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as out:
                    for chunk in chunks:
                        out.write(chunk)
                uploads += name.startswith("uploads/")
            reader.drain()
        except vault_backup.WrongBackupKey:
            raise RestoreRefused(
                f"{archive} was not sealed to the backup key you gave (fingerprint "
                f"{vault_backup.fingerprint_of(private)}): use the private key kept for this server's "
                "backups. Nothing was restored."
            ) from None
        except crypto.DecryptionError as exc:
            what = (
                "is truncated (cut short)" if "truncated" in str(exc) or "ends" in str(exc) else "is damaged"
            )
            raise RestoreRefused(
                f"{archive} {what} or was altered ({exc}); nothing was restored. Use another copy."
            ) from None
        except (ValueError, UnicodeDecodeError, FileExistsError) as exc:
            raise RestoreRefused(
                f"{archive} is not a well-formed backup ({exc}); nothing was restored."
            ) from None
        # drain() read the archive to its end: the digest covers every byte.
        digest = counted.hash.hexdigest()
    if progress is not None:
        progress.finish()
    if manifest.get("format") != FORMAT or manifest.get("database") not in ("sqlite", "postgresql"):
        raise RestoreRefused(
            f"{archive}: unknown backup format {manifest.get('format')!r}; nothing was restored"
        )
    if manifest["database"] != _vendor():
        raise RestoreRefused(
            f"{archive} holds a {manifest['database']} database but this server is configured for "
            f"{_vendor()}; nothing was restored"
        )
    return manifest, uploads, digest


class _Counted:
    def __init__(self, handle: BinaryIO, progress: Progress | None) -> None:
        self.handle, self.progress = handle, progress
        self.hash = hashlib.sha256()

    def read(self, n: int) -> bytes:
        data = self.handle.read(n)
        self.hash.update(data)
        if self.progress is not None:
            self.progress.add(len(data))
        return data


def _put_in_place(staging: Path, manifest: dict[str, object]) -> None:
    if manifest["database"] == "sqlite":
        target = Path(str(_db()["NAME"]))
        for suffix in ("-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        connections["default"].close()
        shutil.move(staging / "database.sqlite3", target)
    else:
        _pg_restore(staging / "database.pgdump")
    uploads = staging / "uploads"
    if uploads.is_dir():
        # File by file: an empty shard folder already in the target must be merged into, not moved inside.
        root = Path(settings.UPLOADS_DIR)
        for path in sorted(p for p in uploads.rglob("*") if p.is_file()):
            target = root / path.relative_to(uploads)
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            shutil.move(path, target)


def _pg_restore(dump: Path) -> None:
    if shutil.which("pg_restore") is None:
        raise RestoreRefused(
            "pg_restore is not installed (Debian: postgresql-client-15); nothing was restored"
        )
    connections["default"].close()
    # One transaction: a failure half-way leaves the database as empty as it was.
    result = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
        [  # noqa: S607 - found on PATH
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            str(_db()["NAME"]),
            str(dump),
        ],
        capture_output=True,
        env=pg_env(),
        check=False,
    )
    if result.returncode != 0:
        raise RestoreRefused(
            "pg_restore failed; the database is unchanged: " + result.stderr.decode(errors="replace").strip()
        )


def python_command() -> list[str]:
    """How to run ``embrace`` in a child process with this interpreter."""
    return [sys.executable, "-m", "embrace.cli"]


# --- The restore drill --------------------------------------------------------------------------------------


@dataclass
class DrillStep:
    name: str
    ok: bool
    output: str


def run_drill(
    archive: Path, private_key_file: Path, *, user: str | None = None, password_file: Path | None = None
) -> list[DrillStep]:
    """Restore ``archive`` into a scratch data folder (and, on PostgreSQL, a scratch database), then check it
    there with the ordinary commands run as child processes configured for the scratch copy. The live data
    folder and database are never touched; the scratch copy is removed afterwards, pass or fail."""
    scratch = Path(tempfile.mkdtemp(prefix=".restore-drill-", dir=settings.DATA_DIR))
    env = {k: v for k, v in os.environ.items() if k not in ("EMBRACE_TESTING", "DATABASE_URL")}
    env.update(EMBRACE_DATA_DIR=str(scratch), DJANGO_SETTINGS_MODULE="embrace.settings")
    scratch_db = None
    if _vendor() == "postgresql":
        scratch_db = f"embrace_drill_{secrets.token_hex(6)}"
        with connections["default"].cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{scratch_db}"')
        env.update({k: v for k, v in pg_env().items() if k.startswith("PG")})
        env.update(PGDATABASE=scratch_db, DATABASE_URL=f"postgres:///{scratch_db}")
    checks: list[tuple[str, list[str]]] = [
        (
            "restore into a scratch folder",
            ["restore", str(archive), "--key", str(private_key_file), "--no-progress"],
        ),
        ("audit log chain", ["audit", "verify"]),
        ("rewards ledger", ["ledger", "verify"]),
    ]
    opened = ["restore", "--check-restored"]
    if user:
        opened += ["--user", user]
    if password_file:
        opened += ["--password-file", str(password_file)]
    checks.append(("sealed content and key tables", opened))
    steps: list[DrillStep] = []
    try:
        for name, args in checks:
            result = subprocess.run(  # noqa: S603 - our own command, fixed arguments
                [*python_command(), *args], env=env, capture_output=True, text=True, check=False
            )
            steps.append(DrillStep(name, result.returncode == 0, (result.stdout + result.stderr).strip()))
            if result.returncode != 0:
                break
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if scratch_db is not None:
            with connections["default"].cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{scratch_db}" WITH (FORCE)')
    return steps
