"""The statistics task: every dashboard's snapshot computed afresh by the task worker.

Housekeeping (every 15 minutes, ``embrace.core.tasks``) enqueues it once the snapshots are ``EVERY`` old, and
an analyst's "Recompute" enqueues it at once; a run already waiting is not doubled. Idempotent: a second run
replaces the snapshots with the same numbers.
"""

from __future__ import annotations

import datetime

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
