"""The background task runner: exactly one process runs tasks across instances; the others wait their turn."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import connection

from embrace.core.runner import AdvisoryLock, FileLock, TaskRunner, runner_lock

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
