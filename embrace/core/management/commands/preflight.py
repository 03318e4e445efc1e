"""``embrace preflight``: what ``embrace serve`` makes sure of before it starts anything.

The system checks (the deployment set in production), an up-to-date database, and collected static files.
``serve`` runs it as a child process: checking the URLs imports every view and the migration check loads
every migration, tens of MiB that would otherwise stay in the supervisor for as long as it runs.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


class Command(BaseCommand):
    help = "Check the configuration and the database and collect static files, as `embrace serve` does first."
    # The checks run in handle(), with the deployment set in production mode.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        # Raises SystemCheckError (exit status 1, naming each failed check). With the database, so the checks
        # that read it run too (a chat channel switched on without its credentials: embrace.channels.checks).
        call_command("check", deploy=settings.PRODUCTION, fail_level="ERROR", databases=[DEFAULT_DB_ALIAS])
        executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError("The database is not up to date: run `embrace migrate` first.")
        if not settings.WHITENOISE_USE_FINDERS:
            # whitenoise serves the collected, hashed files: collect them before the first request needs them.
            call_command("collectstatic", interactive=False, verbosity=0)
