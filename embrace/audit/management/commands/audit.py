from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from embrace.audit.log import verify_chain


class Command(BaseCommand):
    help = "Audit log tools. `audit verify` checks the hash chain and exits non-zero at the first bad entry."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        verdict = verify_chain()
        if not verdict.ok:
            raise CommandError(f"Audit log FAILED verification: {verdict.message}")
        self.stdout.write(self.style.SUCCESS(f"Audit log OK: {verdict.message}"))
