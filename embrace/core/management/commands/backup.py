"""`embrace backup OUTFILE`: one encrypted archive of the database and the uploads, sealed to the backup key.
`embrace backup new-key`: make the backup key pair; the server keeps the public half only."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from embrace.core.backup import BackupError, create_backup
from embrace.vault import backup as vault_backup


class Command(BaseCommand):
    help = (
        "`backup OUTFILE` writes one encrypted, authenticated archive (database snapshot and uploads) sealed "
        "to the organisation's backup public key. `backup new-key [--out FILE] [--replace]` makes the backup "
        "key pair: the public half is stored on the server, the private half is printed (or written to FILE) "
        "for the organisation to keep offline; only it can restore."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", help="the archive to write, or `new-key`")
        parser.add_argument("--out", type=Path, help="new-key: write the private half here (mode 0600)")
        parser.add_argument("--replace", action="store_true", help="new-key: replace an existing backup key")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar or lines")

    def handle(self, *args: Any, target: str, out: Path | None, replace: bool, **options: Any) -> None:
        if target == "new-key":
            self._new_key(out, replace=replace)
            return
        try:
            result = create_backup(Path(target), progress_to=None if options["no_progress"] else sys.stderr)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Backup written to {result.path}: {result.size / 1048576:.1f} MiB, database "
            f"{result.database_bytes / 1048576:.1f} MiB, {result.uploads} uploads."
        )

    def _new_key(self, out: Path | None, *, replace: bool) -> None:
        if out is not None and out.exists():
            raise CommandError(f"{out} exists already; the private key is never written over a file")
        try:
            private_text, public = vault_backup.new_backup_key(replace=replace)
        except FileExistsError:
            raise CommandError(
                "A backup key exists already. Archives made with it restore only with its private half; "
                "pass --replace to start a new one (keep the old private half for the old archives)."
            ) from None
        if out is not None:
            fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(private_text)
            where = f"written to {out}: move it OFF this server now"
        else:
            self.stdout.write(private_text, ending="")
            where = "printed above: save it OFF this server now"
        self.stdout.write(
            f"New backup key, fingerprint {vault_backup.fingerprint(public)}. The private half is {where} "
            "(it is the only way to restore; the server keeps the public half only)."
        )
