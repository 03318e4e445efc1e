"""`embrace restore ARCHIVE --key FILE`: fill an empty data folder from a backup.
`embrace restore --verify ARCHIVE --key FILE [--user NAME --password-file FILE]`: the restore drill."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from embrace.core.backup import RestoreRefused, restore_backup, run_drill


class Command(BaseCommand):
    help = (
        "`restore ARCHIVE --key PRIVATE_KEY_FILE` fills an empty data folder (and empty database) from a "
        "backup; a tampered, truncated or wrong-key archive is refused and nothing is restored. With "
        "--verify it is the restore drill: restore into a scratch folder, check every sealed value against "
        "the restored key tables (and open what the test account given by --user can read), run `audit "
        "verify` and `ledger verify`, report, and remove the scratch copy."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, nargs="?")
        parser.add_argument("--key", type=Path, help="the backup private key file")
        parser.add_argument(
            "--verify", action="store_true", help="the restore drill (nothing live is touched)"
        )
        parser.add_argument("--user", help="drill: a test account whose keys must open what it can read")
        parser.add_argument("--password-file", type=Path, help="drill: that account's password, in a file")
        parser.add_argument(
            "--check-restored", action="store_true", help="drill step: check this data folder"
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar or lines")

    def handle(self, *args: Any, archive: Path | None, key: Path | None, **options: Any) -> None:
        if options["check_restored"]:
            self._check(options["user"], options["password_file"])
            return
        if archive is None or key is None:
            raise CommandError("give the archive and --key PRIVATE_KEY_FILE")
        if options["verify"]:
            self._drill(archive, key, options["user"], options["password_file"])
            return
        try:
            result = restore_backup(archive, key, progress_to=None if options["no_progress"] else sys.stderr)
        except RestoreRefused as exc:
            raise CommandError(str(exc)) from None
        manifest = result.manifest
        self.stdout.write(
            f"Restored the backup of {manifest.get('created')}: {manifest.get('database')} database with "
            f"{manifest.get('cases')} cases, {result.uploads} uploads. Run `embrace migrate` if this version "
            "is newer than the one that made the backup."
        )

    def _drill(self, archive: Path, key: Path, user: str | None, password_file: Path | None) -> None:
        if bool(user) != bool(password_file):
            raise CommandError("--user and --password-file go together")
        steps = run_drill(archive, key, user=user, password_file=password_file)
        for step in steps:
            mark = "ok  " if step.ok else "FAIL"
            self.stdout.write(f"[{mark}] {step.name}")
            for line in step.output.splitlines()[-8:]:
                self.stdout.write(f"       {line}")
        if not all(step.ok for step in steps):
            raise CommandError("Restore drill FAILED: this backup would not restore cleanly.")
        self.stdout.write(self.style.SUCCESS("Restore drill passed."))

    def _check(self, username: str | None, password_file: Path | None) -> None:
        from embrace.accounts.models import User
        from embrace.cases.models import Case
        from embrace.vault.backup import check_envelopes
        from embrace.vault.keyring import VaultError, unlock_with_password

        keyring = None
        if username:
            user = User.objects.filter(username=username).first()
            if user is None or password_file is None:
                raise CommandError(f"no account {username!r} in the restored database")
            try:
                keyring = unlock_with_password(user, password_file.read_text().rstrip("\n"))
            except (VaultError, OSError) as exc:
                raise CommandError(f"the test account's key does not unlock: {exc}") from None
        report = check_envelopes(keyring)
        self.stdout.write(
            f"{Case.objects.count()} cases; {report.envelopes} sealed values, {report.orphans} sealed to a "
            f"key the restored tables lack; {report.files} upload files, {len(report.bad_files)} damaged."
        )
        if keyring is not None:
            self.stdout.write(
                f"Test account {username}: opened {report.opened} sealed values in "
                f"{report.compartments_opened} compartments; {report.damaged} with its key did not open."
            )
        if not report.ok:
            raise CommandError("Restored data FAILED its check: " + ", ".join(report.bad_files[:5]))
