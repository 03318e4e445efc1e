"""The statistics task: every dashboard's snapshot computed afresh by the task worker.

Housekeeping (every 15 minutes, ``embrace.core.tasks``) enqueues it once the snapshots are ``EVERY`` old, and
an analyst's "Recompute" enqueues it at once; a run already waiting is not doubled. Idempotent: a second run
replaces the snapshots with the same numbers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from embrace.figures.models import Snapshot
from embrace.figures.stats import DASHBOARDS, compute_all

EVERY = datetime.timedelta(hours=1)


@task()
def compute_figures() -> dict[str, int]:
    """Recompute every dashboard's snapshot; returns the milliseconds each took."""
    return compute_all()


@dataclass(frozen=True)
class LastRun:
    """The newest run of the statistics task the queue remembers: waiting or running, failed, or done."""

    status: str
    when: datetime.datetime

    @property
    def failed(self) -> bool:
        return self.status == TaskResultStatus.FAILED

    @property
    def pending(self) -> bool:
        return self.status in (TaskResultStatus.READY, TaskResultStatus.RUNNING)


def last_run() -> LastRun | None:
    """What became of the newest run, so the page can say that computing failed rather than show old
    figures as if all were well; None when the queue keeps no record (the tests' immediate backend)."""
    if not isinstance(compute_figures.get_backend(), DatabaseBackend):
        return None
    newest = (
        DBTaskResult.objects.filter(task_path=compute_figures.module_path)
        .order_by("-enqueued_at")
        .values_list("status", "finished_at", "enqueued_at")
        .first()
    )
    if newest is None:
        return None
    status, finished_at, enqueued_at = newest
    return LastRun(status, finished_at or enqueued_at)


def _waiting() -> bool:
    if not isinstance(compute_figures.get_backend(), DatabaseBackend):
        return False  # the immediate backend (tests) keeps no queue: it has already run
    return DBTaskResult.objects.filter(
        task_path=compute_figures.module_path, status=TaskResultStatus.READY
    ).exists()


def schedule_figures() -> bool:
    """Enqueue a run unless one is already waiting. Returns whether one was enqueued."""
    if _waiting():
        return False
    compute_figures.enqueue()
    return True


def due(now: datetime.datetime | None = None) -> bool:
    """Whether any dashboard's snapshot is missing or older than ``EVERY``."""
    now = now or timezone.now()
    times = list(Snapshot.objects.filter(dashboard__in=DASHBOARDS).values_list("computed_at", flat=True))
    return len(times) < len(DASHBOARDS) or min(times) <= now - EVERY


def schedule_figures_if_due(now: datetime.datetime | None = None) -> bool:
    return due(now) and schedule_figures()
