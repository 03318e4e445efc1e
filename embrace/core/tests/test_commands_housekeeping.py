"""The housekeeping task: expired sessions and long-stale login throttles go; nothing else does."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from embrace.accounts.models import LoginThrottle
from embrace.core.tasks import THROTTLE_FORGET_AFTER, housekeeping, schedule_housekeeping

pytestmark = pytest.mark.django_db


def make_session(expires_in: timedelta) -> str:
    store = SessionStore()
    store["vault_user"] = "someone"
    store.create()
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() + expires_in)
    assert store.session_key is not None
    return store.session_key


def make_throttle(key: str, *, last_failure_ago: timedelta, blocked_until_ago: timedelta | None) -> None:
    now = timezone.now()
    LoginThrottle.objects.create(
        key=key, failures=7, blocked_until=None if blocked_until_ago is None else now - blocked_until_ago
    )
    # updated_at is auto_now: set it the way time would have.
    LoginThrottle.objects.filter(key=key).update(updated_at=now - last_failure_ago)


def test_housekeeping_deletes_expired_sessions_and_keeps_live_ones() -> None:
    expired = make_session(timedelta(minutes=-1))
    live = make_session(timedelta(minutes=20))
    result = housekeeping.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["sessions"] == 1
    assert not Session.objects.filter(session_key=expired).exists()
    assert Session.objects.filter(session_key=live).exists()


def test_housekeeping_forgets_only_throttles_that_ended_long_ago() -> None:
    long_ago = THROTTLE_FORGET_AFTER + timedelta(hours=1)
    make_throttle(
        "stale-blocked", last_failure_ago=long_ago, blocked_until_ago=long_ago - timedelta(minutes=5)
    )
    make_throttle("stale-unblocked", last_failure_ago=long_ago, blocked_until_ago=None)
    make_throttle(
        "recently-blocked", last_failure_ago=timedelta(hours=1), blocked_until_ago=timedelta(minutes=1)
    )
    make_throttle(
        "still-blocked", last_failure_ago=timedelta(hours=2), blocked_until_ago=-timedelta(hours=20)
    )
    make_throttle("recent-failure", last_failure_ago=timedelta(minutes=3), blocked_until_ago=None)
    counts = housekeeping.call()
    assert counts["login_throttles"] == 2
    assert set(LoginThrottle.objects.values_list("key", flat=True)) == {
        "recently-blocked",
        "still-blocked",
        "recent-failure",
    }


def test_housekeeping_is_idempotent() -> None:
    make_session(timedelta(minutes=-1))
    make_throttle("stale", last_failure_ago=THROTTLE_FORGET_AFTER * 2, blocked_until_ago=None)
    first = housekeeping.call()
    first.pop("anchors")  # whether the log had anything to anchor yet; test_audit_anchors covers it
    # The first run finds no dashboard snapshot yet and asks for them; the second finds them fresh.
    assert first == {"sessions": 1, "login_throttles": 1, "destroyed": 0, "stipends": 0, "figures": 1}
    again = {"sessions": 0, "login_throttles": 0, "destroyed": 0, "stipends": 0, "anchors": 0, "figures": 0}
    assert housekeeping.call() == again


def test_scheduling_with_the_database_backend_keeps_at_most_one_run_waiting(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    assert schedule_housekeeping() is True
    assert schedule_housekeeping() is False
    waiting = DBTaskResult.objects.filter(task_path=housekeeping.module_path, status=TaskResultStatus.READY)
    assert waiting.count() == 1
    # Once that run has happened, the next tick enqueues again.
    waiting.update(status=TaskResultStatus.SUCCESSFUL)
    assert schedule_housekeeping() is True
