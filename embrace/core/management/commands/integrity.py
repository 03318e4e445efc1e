"""``embrace integrity``: after a crash or a restore, check the database and that every case is whole."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from embrace.cases.models import Case
from embrace.core import integrity


class Command(BaseCommand):
    help = (
        "Check the database (SQLite integrity and foreign-key checks; PostgreSQL amcheck where installed) "
        "and that every case is whole: its compartments sealed to someone, its receipt able to open it, its "
        "messages and attachment files present. Exits non-zero on any problem."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        problems = integrity.database_problems() + integrity.case_problems()
        if problems:
            raise CommandError("Integrity check FAILED:\n" + "\n".join(problems))
        engine = connection.vendor
        if engine == "postgresql" and not integrity.amcheck_available():
            engine += " (amcheck not installed: indexes not checked)"
        self.stdout.write(
            self.style.SUCCESS(f"Integrity OK: {engine} database sound, {Case.objects.count()} cases whole.")
        )
