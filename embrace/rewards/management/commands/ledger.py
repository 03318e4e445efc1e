from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from embrace.rewards import ledger
from embrace.rewards.models import Journal


class Command(BaseCommand):
    help = (
        "Ledger tools. `ledger verify` checks that every journal balances in each currency, that journals "
        "are numbered without gaps, and that no account is overdrawn; it exits non-zero on any problem."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        problems = ledger.verify()
        if problems:
            raise CommandError("Ledger FAILED verification: " + "; ".join(problems))
        self.stdout.write(self.style.SUCCESS(f"Ledger OK: {Journal.objects.count()} journals, all balanced."))
