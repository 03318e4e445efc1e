"""The background task runner: the django-tasks queue and the housekeeping clock, in a web process thread.

``embrace serve`` used to keep three Python processes besides gunicorn's master: a supervisor, the gunicorn
worker and ``embrace db_worker``, each with its own copy of Django. The runner lives instead in a thread of
the gunicorn worker, which has every app loaded already (tasks are short, and the Argon2 work that fills the
request threads releases the GIL), so a whole interpreter and its imports are gone from the process tree.

Exactly one runner is active across every process on one database, however many instances and workers
serve it: a runner first takes the *runner lock* and only the holder runs tasks and enqueues housekeeping.

- PostgreSQL: a session-level advisory lock (``pg_try_advisory_lock``) on a connection of its own, opened for
  the lock alone and never handed to Django's per-thread pool, so that no ``close_old_connections`` can
  drop it behind our back. If that connection dies (the database restarted, the network broke, the process
  was killed) the server releases the lock and another instance's runner takes it within
  ``RETRY_SECONDS``; the holder notices at its next check and stops running tasks.
- SQLite: an exclusive ``flock`` on ``DATA_DIR/task-runner.lock``; only processes on this host share the
  database file, and the kernel releases the lock when the holder exits, however it exits.

The others wait, trying again every ``RETRY_SECONDS``. Tasks stay idempotent and django-tasks-db claims each
row under ``SELECT … FOR UPDATE SKIP LOCKED``, so even the short overlap after a lost connection runs no
task twice at once.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from pathlib import Path
from typing import IO, Protocol

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from embrace.core.tasks import HOUSEKEEPING_EVERY, schedule_housekeeping

logger = logging.getLogger(__name__)

# An arbitrary 64-bit key that names the runner lock among PostgreSQL advisory locks ("Embrace!" in ASCII).
ADVISORY_KEY = int.from_bytes(b"Embrace!", "big") >> 1
RETRY_SECONDS = 5.0
POLL_SECONDS = 1.0
LOCK_FILE_NAME = "task-runner.lock"


class RunnerLock(Protocol):
    def acquire(self) -> bool:
        """Take the lock without waiting; returns whether this process now holds it."""

    def held(self) -> bool:
        """Whether the lock is still ours (False once its connection is gone)."""

    def release(self) -> None: ...


class AdvisoryLock:
    """A PostgreSQL session advisory lock on a connection opened for it alone."""

    def __init__(self, alias: str = DEFAULT_DB_ALIAS) -> None:
        self.alias = alias
        self._connection: BaseDatabaseWrapper | None = None

    def acquire(self) -> bool:
        self.release()
        connection = connections.create_connection(self.alias)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_KEY])
                (taken,) = cursor.fetchone()
        except Exception:
            connection.close()
            raise
        if not taken:
            connection.close()
            return False
        self._connection = connection
        return True

    def held(self) -> bool:
        if self._connection is None:
            return False
        try:
            with self._connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except Exception:
            logger.warning("The task runner lost its lock connection; another instance may take over")
            self.release()
            return False
        return True

    def release(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                # Closing the session releases the lock.
                connection.close()
            except Exception:
                logger.debug("Closing the lock connection failed", exc_info=True)


class FileLock:
    """An exclusive flock on a file in the data folder (SQLite: every process shares this host)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or Path(settings.DATA_DIR) / LOCK_FILE_NAME
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        self.release()
        handle = self.path.open("ab")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._handle = handle
        return True

    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            handle.close()  # closing the last descriptor releases the flock


def runner_lock(alias: str = DEFAULT_DB_ALIAS) -> RunnerLock:
    """The lock fit for the database: advisory on PostgreSQL, a file lock otherwise."""
    if connections[alias].vendor == "postgresql":
        return AdvisoryLock(alias)
    return FileLock()


class TaskRunner:
    """Waits for the runner lock, then runs ready tasks and enqueues housekeeping while it holds it."""

    def __init__(
        self,
        lock: RunnerLock | None = None,
        *,
        poll_seconds: float = POLL_SECONDS,
        retry_seconds: float = RETRY_SECONDS,
    ) -> None:
        self.lock = lock
        self.poll_seconds = poll_seconds
        self.retry_seconds = retry_seconds
        self.stopping = threading.Event()
        self.active = threading.Event()  # set while this runner holds the lock
        self._thread: threading.Thread | None = None
        self._backend_name = "default"
        self._runs_queue = str(settings.TASKS["default"]["BACKEND"]).startswith("django_tasks_db")

    # --- as a thread of a web process ---
    def start(self) -> None:
        self._thread = threading.Thread(target=self.run, name="embrace-task-runner", daemon=True)
        self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        self.stopping.set()
        if self._thread is not None:
            self._thread.join(timeout)

    # --- the loop ---
    def run(self) -> None:
        """Until ``stop``: take the lock when free, run tasks while held. Never raises: a failure is logged,
        the lock let go, and the loop tries again, so that a bad moment does not end background work."""
        if self.lock is None:
            self.lock = runner_lock()
        lock = self.lock
        while not self.stopping.is_set():
            try:
                if lock.acquire():
                    self._hold(lock)
            except Exception:
                logger.exception("The task runner failed; trying again in %s s", self.retry_seconds)
            finally:
                lock.release()
                self.active.clear()
                connections.close_all()
            self.stopping.wait(self.retry_seconds)

    def _hold(self, lock: RunnerLock) -> None:
        logger.info("This process (pid %s) runs the background tasks", os.getpid())
        self.active.set()
        next_housekeeping = time.monotonic()
        while not self.stopping.is_set() and lock.held():
            if time.monotonic() >= next_housekeeping:
                next_housekeeping = time.monotonic() + HOUSEKEEPING_EVERY.total_seconds()
                schedule_housekeeping()
            self.run_ready_tasks()
            self.stopping.wait(self.poll_seconds)
        logger.info("This process (pid %s) no longer runs the background tasks", os.getpid())

    def run_ready_tasks(self) -> None:
        """Run every task that is ready now, then return (django-tasks-db's worker in batch mode)."""
        close_old_connections()
        if not self._runs_queue:
            return
        if not DBTaskResult.objects.ready().filter(backend_name=self._backend_name).exists():
            return  # the common case: one cheap query, and no "starting worker" line in the log
        worker = Worker(
            queue_names=list(settings.TASKS["default"].get("QUEUES", ["default"])),
            interval=0,
            batch=True,
            backend_name=self._backend_name,
            startup_delay=False,
            max_tasks=None,
            worker_id=f"embrace-{os.getpid()}",
            excluded_queue_names=[],
        )
        worker.run()
