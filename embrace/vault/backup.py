"""The backup key, and the encryption of backup archives.

A backup archive is one ``EMB1`` stream envelope (see ``crypto``) sealed to the organisation's *backup key*:
a random data key sealed with a SealedBox to the backup public key, then the archive in authenticated
secretstream chunks whose last is tagged FINAL, so a tampered, reordered or truncated archive is refused.
The envelope's key id is derived from the backup public key, so a wrong private key is told apart from damage.

The server holds only the public half (``settings.BACKUP_PUBLIC_KEY_FILE``): it can write backups and never
read them. The private half is printed once by ``new_backup_key`` for the organisation to keep offline, and is
brought back only to restore.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.apps import apps
from django.conf import settings
from django.db import models

from embrace.vault import crypto
from embrace.vault.keyring import Keyring, NoAccess
from embrace.vault.models import CompartmentKey

_PRIVATE_PREFIX = "embrace-backup-private-key:"
_PUBLIC_PREFIX = "embrace-backup-public-key:"


class BackupKeyError(Exception):
    """The backup key is missing, malformed, or not the one an archive was sealed to."""


class WrongBackupKey(BackupKeyError):
    pass


def key_id(public_key: bytes) -> uuid.UUID:
    """The id an archive carries for the backup key it was sealed to (a hash of the public key)."""
    return uuid.UUID(bytes=hashlib.blake2b(b"embrace/backup-key/v1" + public_key, digest_size=16).digest())


def _parse(text: str, prefix: str, what: str) -> bytes:
    value = text.strip()
    value = value.removeprefix(prefix)
    try:
        raw = bytes.fromhex(value)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise BackupKeyError(f"not a backup {what} key (expected 64 hex digits)")
    return raw


def public_key() -> bytes:
    """The backup public key the server seals archives to, or BackupKeyError if none was set up."""
    path = Path(settings.BACKUP_PUBLIC_KEY_FILE)
    try:
        text = path.read_text()
    except FileNotFoundError:
        raise BackupKeyError(f"no backup key at {path}; create one with `embrace backup new-key`") from None
    return _parse(text, _PUBLIC_PREFIX, "public")


def read_private_key(path: Path) -> bytes:
    try:
        text = path.read_text()
    except OSError as exc:
        raise BackupKeyError(f"cannot read the backup private key {path}: {exc.strerror}") from None
    return _parse(text, _PRIVATE_PREFIX, "private")


def new_backup_key(*, replace: bool = False) -> tuple[str, bytes]:
    """Make a backup key pair; store the public half; return the private half's text (to keep offline)
    and the public key. Refuses to replace an existing public key unless asked: archives already written stay
    readable with the old private half only."""
    public, private = crypto.generate_keypair()
    path = Path(settings.BACKUP_PUBLIC_KEY_FILE)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if replace else os.O_EXCL)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(_PUBLIC_PREFIX + public.hex() + "\n")
    return _PRIVATE_PREFIX + private.hex() + "\n", public


def fingerprint(public: bytes) -> str:
    return crypto.fingerprint(public)


def fingerprint_of(private: bytes) -> str:
    """The fingerprint of a private key's public half: what an operator compares with the server's."""
    return crypto.fingerprint(crypto.public_key_of(private))


def sealer(public: bytes, sink: BinaryIO) -> crypto.StreamSealer:
    """A writer that encrypts what is written to it into ``sink``; ``close()`` seals the end."""
    return crypto.StreamSealer(public, key_id(public), sink)


def open_archive(private: bytes, source: BinaryIO) -> Iterator[bytes]:
    """The archive's plaintext chunks. WrongBackupKey if it was sealed to another key; DecryptionError on
    damage or truncation (truncation shows only at the end: see ``crypto.open_stream``)."""
    expected = key_id(crypto.public_key_of(private))

    def unseal(archive_key_id: uuid.UUID, sealed: bytes) -> bytes:
        if archive_key_id != expected:
            raise WrongBackupKey("this archive was sealed to a different backup key")
        try:
            return crypto.unseal(private, sealed)
        except crypto.DecryptionError:
            raise WrongBackupKey("this archive was sealed to a different backup key") from None

    return crypto.open_stream(unseal, source)


# --- The restore drill: is every sealed value intact, and does a test account open what it should? ---


@dataclass
class EnvelopeReport:
    envelopes: int = 0  # every value in the database that is an Embrace envelope
    orphans: int = 0  # sealed to a compartment key the restored tables do not hold
    opened: int = 0  # opened with the test account's keys
    damaged: int = 0  # the test account holds the key, yet the envelope does not open
    files: int = 0  # upload files (stream envelopes) checked
    bad_files: list[str] = field(default_factory=list)
    compartments_opened: int = 0

    @property
    def ok(self) -> bool:
        return not (self.orphans or self.damaged or self.bad_files)


def _sealed_columns() -> Iterator[tuple[type[models.Model], str]]:
    for model in apps.get_models():
        for column in model._meta.concrete_fields:
            if isinstance(column, models.BinaryField):
                yield model, column.name


def check_envelopes(keyring: Keyring | None = None, *, batch: int = 500) -> EnvelopeReport:
    """Walk every binary column of every model and every upload file of the restored data.

    Every value that is an envelope must name a compartment key the restored key tables hold. With a test
    account's keyring, every envelope it has a grant for must also decrypt and authenticate. Memory is bounded
    by ``batch`` rows and the set of key ids.
    """
    report = EnvelopeReport()
    known = {k.bytes for k in CompartmentKey.objects.values_list("id", flat=True).iterator(chunk_size=5000)}
    opened_keys: set[bytes] = set()
    for model, name in _sealed_columns():
        pending: list[bytes] = []
        for value in (
            model._default_manager.exclude(**{f"{name}__isnull": True})
            .values_list(name, flat=True)
            .iterator(chunk_size=batch)
        ):
            blob = bytes(value)
            if blob[:4] != crypto.ENVELOPE_MAGIC or blob[4:5] != crypto.KIND_MESSAGE:
                continue
            report.envelopes += 1
            if crypto.envelope_key_id(blob).bytes not in known:
                report.orphans += 1
                continue
            if keyring is not None:
                pending.append(blob)
                if len(pending) >= batch:
                    _open_batch(keyring, pending, report, opened_keys)
                    pending = []
        if keyring is not None and pending:
            _open_batch(keyring, pending, report, opened_keys)
    report.compartments_opened = len(
        set(
            CompartmentKey.objects.filter(id__in=[uuid.UUID(bytes=k) for k in opened_keys]).values_list(
                "compartment_id", flat=True
            )
        )
    )
    _check_files(keyring, known, report)
    return report


def _open_batch(
    keyring: Keyring, envelopes: list[bytes], report: EnvelopeReport, opened_keys: set[bytes]
) -> None:
    for blob, plain in zip(envelopes, keyring.open_many(envelopes), strict=True):
        if plain is not None:
            report.opened += 1
            opened_keys.add(crypto.envelope_key_id(blob).bytes)
            continue
        # open_many says only "not opened": ask again, one by one, whether for want of a key or from damage.
        try:
            keyring.open(blob)
        except NoAccess as exc:
            if str(exc).startswith("damaged"):
                report.damaged += 1


def _check_files(keyring: Keyring | None, known: set[bytes], report: EnvelopeReport) -> None:
    root = Path(settings.UPLOADS_DIR)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        report.files += 1
        name = str(path.relative_to(root))
        with path.open("rb") as handle:
            head = handle.read(crypto.ENVELOPE_HEADER_BYTES)
            try:
                ident = crypto.envelope_key_id(head)
            except crypto.DecryptionError:
                report.bad_files.append(name)
                continue
            if ident.bytes not in known:
                report.bad_files.append(name)
                continue
            if keyring is None:
                continue
            handle.seek(0)
            try:
                for _chunk in keyring.open_stream(handle):
                    pass
            except NoAccess as exc:
                if str(exc).startswith("damaged"):
                    report.bad_files.append(name)
            except crypto.DecryptionError:
                report.bad_files.append(name)
