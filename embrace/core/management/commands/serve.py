"""``embrace serve``: the web server (gunicorn) and the task worker, supervised together.

This process stays small: it has ``embrace preflight`` check the configuration and the database and collect
static files (in a child, so that what those import does not stay here), then starts gunicorn and
``embrace db_worker`` as children in their own process group (so a Ctrl-C reaches them once, through us,
as a graceful SIGTERM), enqueues housekeeping every quarter of an hour, and stops both on SIGTERM/SIGINT.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from embrace.core.management.commands import _gunicorn
from embrace.core.tasks import HOUSEKEEPING_EVERY, schedule_housekeeping

logger = logging.getLogger(__name__)

# Children get their graceful timeout, then this much more before they are killed.
STOP_MARGIN_SECONDS = 5


def host_port(value: str) -> str:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(value)
    return value


class Command(BaseCommand):
    help = "Check the configuration, then serve Embrace with gunicorn and run the background task worker."
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
            "--no-worker", action="store_true", help="do not run the task worker (run `embrace db_worker`)"
        )

    def handle(
        self, *args: Any, bind: str, workers: int, threads: int, no_worker: bool, **options: Any
    ) -> None:
        if workers < 1 or threads < 1:
            raise CommandError("--workers and --threads must be at least 1.")
        # Checks, migrations and static files in a child (``embrace preflight``), before any socket is bound:
        # what they import would otherwise stay in this long-lived process. The child names what failed.
        if subprocess.run(self._cli(["preflight"]), env=self._child_env(), check=False).returncode:  # noqa: S603
            raise CommandError("Not starting: see the problems above.")
        schedule_housekeeping()
        # The supervisor holds no database connection while it waits.
        connections.close_all()

        self.stop_signal: int | None = None
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)
        children = {"gunicorn": self._start_gunicorn(bind, workers, threads)}
        if not no_worker:
            children["worker"] = self._start(["db_worker", "--no-startup-delay", "--no-reload"])
        try:
            self._announce(bind)
            failed = self._supervise(children)
        finally:
            self._stop(children)
        if failed is not None:
            raise CommandError(
                f"The {failed} process exited (status {children[failed].returncode}); stopped."
            )
        self.stdout.write("Embrace stopped.")

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        self.stop_signal = signum

    def _child_env(self) -> dict[str, str]:
        env = dict(os.environ)
        # Our gunicorn settings are the whole configuration: nothing may switch an access log back on.
        env.pop("GUNICORN_CMD_ARGS", None)
        env["DJANGO_SETTINGS_MODULE"] = os.environ.get("DJANGO_SETTINGS_MODULE", "embrace.settings")
        return env

    def _popen(self, argv: list[str]) -> subprocess.Popen[bytes]:
        return subprocess.Popen(  # noqa: S603  (our own interpreter and fixed arguments)
            [sys.executable, *argv], env=self._child_env(), stdin=subprocess.DEVNULL, process_group=0
        )

    def _cli(self, command: list[str]) -> list[str]:
        return [sys.executable, "-m", "embrace.cli", *command]

    def _start(self, command: list[str]) -> subprocess.Popen[bytes]:
        return self._popen(self._cli(command)[1:])

    def _start_gunicorn(self, bind: str, workers: int, threads: int) -> subprocess.Popen[bytes]:
        return self._popen(
            [
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
        )

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

    def _supervise(self, children: dict[str, subprocess.Popen[bytes]]) -> str | None:
        """Wait for a stop signal (returns None) or for a child to die (returns its name)."""
        next_housekeeping = time.monotonic() + HOUSEKEEPING_EVERY.total_seconds()
        while self.stop_signal is None:
            failed = next((name for name, child in children.items() if child.poll() is not None), None)
            if failed is not None:
                return failed
            if time.monotonic() >= next_housekeeping:
                next_housekeeping += HOUSEKEEPING_EVERY.total_seconds()
                self._schedule_housekeeping()
            time.sleep(0.5)
        return None

    def _schedule_housekeeping(self) -> None:
        try:
            schedule_housekeeping()
        except Exception:
            # A busy or briefly unreachable database must not take the web server down; try next time.
            logger.exception("Could not enqueue housekeeping")
        finally:
            connections.close_all()

    def _stop(self, children: dict[str, subprocess.Popen[bytes]]) -> None:
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + _gunicorn.graceful_timeout + STOP_MARGIN_SECONDS
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
