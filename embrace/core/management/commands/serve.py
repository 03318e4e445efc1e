"""``embrace serve``: the web server (gunicorn) with the background task runner in it.

It has ``embrace preflight`` check the configuration and the database and collect static files (in a child,
so that what those import does not stay here), announces where it listens, then *becomes* gunicorn
(``exec``): no supervisor stays behind holding a copy of Django. The task runner is a thread of each gunicorn
worker (``embrace.core.runner``); exactly one of them, across every instance on the database, runs tasks and
enqueues housekeeping every quarter of an hour.

Restart on crash: gunicorn's master replaces a worker that dies (and with it the runner thread, which also
survives its own failures by retrying); the master itself is the process systemd (``Restart=on-failure``)
watches. SIGTERM or SIGINT stop it gracefully: requests in flight and a running task get
``_gunicorn.graceful_timeout`` seconds.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from embrace.core.management.commands import _gunicorn


def host_port(value: str) -> str:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(value)
    return value


class Command(BaseCommand):
    help = "Check the configuration, then serve Embrace with gunicorn and its background task runner."
    # The checks run in handle(), with the deployment set in production mode.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", type=host_port, default="127.0.0.1:8000", help="HOST:PORT to listen on")
        # One process whose threads share the GIL but not the Argon2 work (it releases the GIL): on two cores
        # it takes as many enquiries per second as two processes, with one Django and one set of receipt
        # slots in memory instead of two (docs/benchmarks.md, "Sustained enquiries").
        parser.add_argument("--workers", type=int, default=1, help="gunicorn worker processes (default 1)")
        # Many threads: an enquirer waiting for key stretching holds one, and gunicorn hands connections to
        # threads in order of arrival, so with few threads a flood of new enquiries would hold every one and a
        # returning enquirer would wait for a thread before reaching its reserved share of the stretching
        # (docs/security.md, 9a). Threads are started only when needed; waiting ones hold no Argon2 memory.
        parser.add_argument("--threads", type=int, default=64, help="threads per worker (default 64)")
        parser.add_argument(
            "--no-worker", action="store_true", help="do not run the task runner here (run `embrace worker`)"
        )

    def handle(
        self, *args: Any, bind: str, workers: int, threads: int, no_worker: bool, **options: Any
    ) -> None:
        if workers < 1 or threads < 1:
            raise CommandError("--workers and --threads must be at least 1.")
        # Checks, migrations and static files in a child (``embrace preflight``), before any socket is bound.
        # The child names what failed.
        if subprocess.run(self._cli(["preflight"]), env=self._child_env(), check=False).returncode:  # noqa: S603
            raise CommandError("Not starting: see the problems above.")
        connections.close_all()
        self._announce(bind)
        env = self._child_env()
        if not no_worker:
            env[_gunicorn.RUNNER_ENV] = "1"
        argv = self.gunicorn_argv(bind, workers, threads)
        os.execve(sys.executable, argv, env)  # noqa: S606  (our own interpreter and fixed arguments)

    def _child_env(self) -> dict[str, str]:
        env = dict(os.environ)
        # Our gunicorn settings are the whole configuration: nothing may switch an access log back on.
        env.pop("GUNICORN_CMD_ARGS", None)
        env.pop(_gunicorn.RUNNER_ENV, None)
        env["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE", "embrace.settings")
        return env

    def _cli(self, command: list[str]) -> list[str]:
        return [sys.executable, "-m", "embrace.cli", *command]

    @staticmethod
    def gunicorn_argv(bind: str, workers: int, threads: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            f"python:{_gunicorn.__name__}",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            _gunicorn.wsgi_app,
        ]

    def _announce(self, bind: str) -> None:
        host, _, port = bind.rpartition(":")
        shown = "127.0.0.1" if host in ("0.0.0.0", "::", "[::]") else host  # noqa: S104  (display only)
        self.stdout.write(f"Embrace is starting on http://{shown}:{port}/staff/login/")
        credentials = settings.DATA_DIR / "demo-credentials.json"
        if credentials.exists():
            self.stdout.write(
                f"Demo accounts are in {credentials}: log in with a username and password from it, then "
                "the code for its totp_secret (`oathtool --totp -b SECRET`, or any authenticator app)."
            )
        else:
            self.stdout.write("No accounts yet? Create the first administrator with `embrace init`.")
        self.stdout.write("Stop with Ctrl-C (or SIGTERM).")
        self.stdout.flush()
        sys.stdout.flush()
