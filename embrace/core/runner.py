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

Tasks whose runner died. A claimed row says RUNNING until its runner records the outcome; a runner killed
mid-task (SIGKILL, power cut, OOM) would leave it RUNNING for ever. So the lock holder recovers, when it takes
the lock and every ``RECOVER_EVERY`` while it holds it, each RUNNING row whose owner is provably gone:

- SQLite: the holder runs tasks only in its own thread and is between tasks when it looks, and the flock
  admits one runner on the host, so every RUNNING row belongs to a runner that is gone.
- PostgreSQL: a runner holds a session advisory lock named after the task (``task_lock_key``) on the
  connection that runs it, for as long as it runs it. A row whose task lock is free, claimed more than
  ``CLAIM_GRACE`` ago (a claim commits a moment before its lock is taken), has no live owner: a killed
  process's sessions end and their locks with them. A runner that only lost its *runner* lock connection
  still holds the task lock, so its task is left alone and never runs twice at once.

A recovered task is run again if it is listed in ``RERUN_WHEN_INTERRUPTED`` (idempotent ones) and has not
been claimed ``MAX_ATTEMPTS`` times already (a task that kills its process each time must not loop for ever);
otherwise it is marked failed, with the reason in its traceback field.
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import threading
import time
import uuid
from datetime import timedelta
from pathlib import Path
from typing import IO, Protocol

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from embrace.core.tasks import HOUSEKEEPING_EVERY, RERUN_WHEN_INTERRUPTED, schedule_housekeeping

logger = logging.getLogger(__name__)

# An arbitrary 64-bit key that names the runner lock among PostgreSQL advisory locks ("Embrace!" in ASCII).
ADVISORY_KEY = int.from_bytes(b"Embrace!", "big") >> 1
RETRY_SECONDS = 5.0
POLL_SECONDS = 1.0
LOCK_FILE_NAME = "task-runner.lock"
RECOVER_EVERY = 60.0
CLAIM_GRACE = timedelta(seconds=60)
MAX_ATTEMPTS = 3
# The first key of the two-key advisory locks that name running tasks (a space apart from the runner lock's
# single 64-bit key); the second is drawn from the task's id.
TASK_LOCK_CLASS = int.from_bytes(b"EmbT", "big") >> 1
INTERRUPTED = "embrace.core.runner.TaskInterrupted"


def task_lock_key(task_id: uuid.UUID | str) -> tuple[int, int]:
    """The advisory lock a PostgreSQL runner holds while it runs this task."""
    return TASK_LOCK_CLASS, int.from_bytes(uuid.UUID(str(task_id)).bytes[:4], "big", signed=True)


def worker_id() -> str:
    """Who claimed a task: host and process, kept in the row's ``worker_ids``."""
    return f"embrace-{socket.gethostname()}-{os.getpid()}"[:64]


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
        self.recovered: list[tuple[str, str]] = []  # (task id, "rerun" or "failed"), newest last
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
        next_housekeeping = next_recovery = time.monotonic()
        while not self.stopping.is_set() and lock.held():
            if time.monotonic() >= next_recovery:
                # First thing on taking the lock, before any task runs: a task its last runner left RUNNING.
                next_recovery = time.monotonic() + RECOVER_EVERY
                self.recover_interrupted_tasks()
                self.active.set()
            if time.monotonic() >= next_housekeeping:
                next_housekeeping = time.monotonic() + HOUSEKEEPING_EVERY.total_seconds()
                schedule_housekeeping()
            self.run_ready_tasks()
            self.stopping.wait(self.poll_seconds)
        logger.info("This process (pid %s) no longer runs the background tasks", os.getpid())

    def recover_interrupted_tasks(self) -> list[tuple[str, str]]:
        """Run again or fail every RUNNING task whose runner is gone (see the module's docstring). Call it
        only while holding the runner lock and between tasks. Returns what was done, (task id, outcome)."""
        close_old_connections()
        if not self._runs_queue:
            return []
        running = DBTaskResult.objects.filter(
            backend_name=self._backend_name, status=TaskResultStatus.RUNNING
        )
        on_postgres = connections[DEFAULT_DB_ALIAS].vendor == "postgresql"
        if on_postgres:
            running = running.filter(started_at__lt=timezone.now() - CLAIM_GRACE)
        done = []
        for task_id in running.values_list("id", flat=True):
            if on_postgres:
                with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
                    cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", task_lock_key(task_id))
                    (free,) = cursor.fetchone()
                if not free:
                    continue  # its runner is alive and still running it
            try:
                outcome = self._recover(task_id)
            finally:
                if on_postgres:
                    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
                        cursor.execute("SELECT pg_advisory_unlock(%s, %s)", task_lock_key(task_id))
            if outcome:
                done.append((str(task_id), outcome))
        self.recovered += done
        return done

    def _recover(self, task_id: uuid.UUID) -> str:
        row = DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING).first()
        if row is None:
            return ""  # finished meanwhile
        owners = ", ".join(row.worker_ids) or "unknown"
        if row.task_path in RERUN_WHEN_INTERRUPTED and len(row.worker_ids) < MAX_ATTEMPTS:
            updated = DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, started_at=None
            )
            logger.warning(
                "Task %s (%s) was interrupted (runner %s gone); it runs again", row.task_path, task_id, owners
            )
            return "rerun" if updated else ""
        why = f"Interrupted: the runner that claimed it ({owners}) stopped before it finished " + (
            f"{len(row.worker_ids)} times; not run again."
            if row.task_path in RERUN_WHEN_INTERRUPTED
            else "and the task is not safe to run twice, so it is not run again. Check what it did."
        )
        updated = DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            exception_class_path=INTERRUPTED,
            traceback=why,
            return_value=None,
        )
        logger.error("Task %s (%s) marked failed: %s", row.task_path, task_id, why)
        return "failed" if updated else ""

    def run_ready_tasks(self) -> None:
        """Run every task that is ready now, then return (django-tasks-db's worker in batch mode)."""
        close_old_connections()
        if not self._runs_queue:
            return
        if not DBTaskResult.objects.ready().filter(backend_name=self._backend_name).exists():
            return  # the common case: one cheap query, and no "starting worker" line in the log
        worker = _OwningWorker(
            queue_names=list(settings.TASKS["default"].get("QUEUES", ["default"])),
            interval=0,
            batch=True,
            backend_name=self._backend_name,
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id(),
            excluded_queue_names=[],
        )
        worker.run()


class _OwningWorker(Worker):
    """django-tasks-db's worker, holding the task's advisory lock on PostgreSQL while it runs it, so that a
    recovering runner can tell a live owner from a dead one."""

    def run_task(self, db_task_result: DBTaskResult) -> None:
        connection = connections[DEFAULT_DB_ALIAS]
        if connection.vendor != "postgresql":
            super().run_task(db_task_result)
            return
        key = task_lock_key(db_task_result.pk)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", key)
        try:
            super().run_task(db_task_result)
        finally:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)
            except Exception:
                # The connection died with the task: the session's end released the lock already.
                logger.debug("Releasing the task lock failed", exc_info=True)
