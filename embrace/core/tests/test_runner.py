"""The background task runner: exactly one process runs tasks across instances; the others wait their turn."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from django.db import connection, connections
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from embrace.core.runner import (
    CLAIM_GRACE,
    INTERRUPTED,
    MAX_ATTEMPTS,
    AdvisoryLock,
    FileLock,
    TaskRunner,
    runner_lock,
    task_lock_key,
    worker_id,
)

WAIT_SECONDS = 30  # generous: how long to wait for a runner to notice a change, not a speed requirement


def test_a_second_file_lock_is_refused_while_the_first_is_held_and_granted_on_release(
    tmp_path: Path,
) -> None:
    first, second = FileLock(tmp_path / "runner.lock"), FileLock(tmp_path / "runner.lock")
    assert first.acquire()
    assert first.held()
    assert not second.acquire()
    assert not second.held()
    first.release()
    assert second.acquire()
    assert not first.acquire()
    second.release()


def start(runner: TaskRunner) -> TaskRunner:
    runner.start()
    return runner


@pytest.mark.django_db(transaction=True)
def test_only_one_of_two_runners_runs_tasks_and_the_other_takes_over_when_it_stops(tmp_path: Path) -> None:
    path = tmp_path / "runner.lock"
    first = start(TaskRunner(FileLock(path), poll_seconds=0.05, retry_seconds=0.05))
    assert first.active.wait(WAIT_SECONDS)
    second = start(TaskRunner(FileLock(path), poll_seconds=0.05, retry_seconds=0.05))
    try:
        # The second keeps trying the lock (every 0.05 s) while the first holds it, and never becomes active.
        for _ in range(20):
            assert not second.active.wait(0.05)
            assert first.active.is_set()
        first.stop(WAIT_SECONDS)
        assert not first.active.is_set()
        assert second.active.wait(WAIT_SECONDS)
    finally:
        first.stop(WAIT_SECONDS)
        second.stop(WAIT_SECONDS)
    assert not second.active.is_set()


@pytest.mark.django_db(transaction=True)
def test_a_runner_survives_a_failing_lock_and_keeps_trying(tmp_path: Path) -> None:
    class FlakyLock(FileLock):
        failures = 2

        def acquire(self) -> bool:
            if self.failures:
                self.failures -= 1
                raise OSError("the database went away")
            return super().acquire()

    runner = start(TaskRunner(FlakyLock(tmp_path / "runner.lock"), poll_seconds=0.05, retry_seconds=0.05))
    try:
        assert runner.active.wait(WAIT_SECONDS)
    finally:
        runner.stop(WAIT_SECONDS)


@pytest.mark.django_db(transaction=True)
def test_the_lock_follows_the_database(tmp_path: Path) -> None:
    lock = runner_lock()
    assert isinstance(lock, AdvisoryLock if connection.vendor == "postgresql" else FileLock)


@pytest.mark.django_db(transaction=True)
def test_postgresql_advisory_lock_admits_one_session_and_frees_when_its_connection_closes() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("advisory locks are PostgreSQL's; the CI runs this on PostgreSQL 15")
    first, second = AdvisoryLock(), AdvisoryLock()
    try:
        assert first.acquire()
        assert first.held()
        assert not second.acquire()
        # The holder's session dies (a killed process, a restarted database): the lock goes with it.
        assert first._connection is not None
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [first._connection.connection.info.backend_pid])
        assert not first.held()
        assert second.acquire()
        assert second.held()
    finally:
        first.release()
        second.release()


def test_threads_of_one_process_see_one_lock_holder(tmp_path: Path) -> None:
    """Several gunicorn workers of one instance are processes; flock also separates two handles in one."""
    path = tmp_path / "runner.lock"
    locks = [FileLock(path) for _ in range(4)]
    results: list[bool] = []
    threads = [threading.Thread(target=lambda lock=lock: results.append(lock.acquire())) for lock in locks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 1
    for lock in locks:
        lock.release()


# --- Tasks whose runner died ------------------------------------------------------------------------------

DEAD_RUNNER = "embrace-seized-host-4242"


@pytest.fixture
def task_queue(settings):
    """The production task backend (a database queue) instead of the tests' immediate one."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def left_running(*, claims: int = 1, task_path: str | None = None) -> DBTaskResult:
    """A housekeeping run claimed by a runner that was then killed mid-task: the row says RUNNING, its owner
    is gone (a runner of another process; on PostgreSQL its sessions, and the task lock, ended with it)."""
    from embrace.core.tasks import housekeeping

    row = DBTaskResult.objects.get(pk=housekeeping.enqueue().id)
    for n in range(claims):
        row.claim(f"{DEAD_RUNNER}-{n}")
    # Claimed well before now, as a task a killed runner left behind is.
    DBTaskResult.objects.filter(pk=row.pk).update(
        started_at=timezone.now() - CLAIM_GRACE * 2, task_path=task_path or row.task_path
    )
    row.refresh_from_db()
    return row


def settled(row: DBTaskResult) -> DBTaskResult:
    """Wait until the row leaves READY and RUNNING (a runner thread works on it)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        row.refresh_from_db()
        if row.status not in (TaskResultStatus.READY, TaskResultStatus.RUNNING):
            return row
        time.sleep(0.05)
    return row


@pytest.mark.django_db(transaction=True)
def test_an_idempotent_task_left_running_by_a_killed_runner_runs_again_when_a_runner_starts(
    tmp_path: Path, task_queue: None
) -> None:
    row = left_running()
    runner = start(TaskRunner(FileLock(tmp_path / "runner.lock"), poll_seconds=0.05, retry_seconds=0.05))
    try:
        row = settled(row)
    finally:
        runner.stop(WAIT_SECONDS)

    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.worker_ids == [f"{DEAD_RUNNER}-0", worker_id()]  # claimed again, by the new runner
    assert set(row.return_value) >= {"sessions", "destroyed", "anchors"}
    assert runner.recovered == [(str(row.pk), "rerun")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("claims", "task_path", "reason"),
    [
        (1, "embrace.rewards.tasks.send_payment", "not safe to run twice"),
        (MAX_ATTEMPTS, None, f"{MAX_ATTEMPTS} times"),
    ],
    ids=["not idempotent", "interrupted too often"],
)
def test_a_task_left_running_is_marked_failed_with_the_reason_when_it_must_not_run_again(
    tmp_path: Path, task_queue: None, claims: int, task_path: str | None, reason: str
) -> None:
    row = left_running(claims=claims, task_path=task_path)
    runner = start(TaskRunner(FileLock(tmp_path / "runner.lock"), poll_seconds=0.05, retry_seconds=0.05))
    try:
        assert runner.active.wait(WAIT_SECONDS)
        row = settled(row)
    finally:
        runner.stop(WAIT_SECONDS)

    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == INTERRUPTED
    assert reason in row.traceback
    assert DEAD_RUNNER in row.traceback
    assert len(row.worker_ids) == claims  # never claimed again


@pytest.mark.django_db(transaction=True)
def test_a_task_whose_runner_still_holds_its_task_lock_is_not_taken_from_it(task_queue: None) -> None:
    """The runner lock's connection can die while its process lives on, mid-task (a network blip): the new
    lock holder must not run that task a second time alongside."""
    if connection.vendor != "postgresql":
        pytest.skip("task locks are PostgreSQL advisory locks; SQLite has one runner per host")
    row = left_running()
    owner = connections.create_connection("default")  # the live runner's session, still running the task
    try:
        with owner.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", task_lock_key(row.pk))
        runner = TaskRunner(FileLock())

        assert runner.recover_interrupted_tasks() == []
        row.refresh_from_db()
        assert row.status == TaskResultStatus.RUNNING

        owner.close()  # the runner's process is killed: its sessions end, and the task lock with them
        assert runner.recover_interrupted_tasks() == [(str(row.pk), "rerun")]
        row.refresh_from_db()
        assert row.status == TaskResultStatus.READY
    finally:
        owner.close()
