"""Background jobs run by the django-tasks database worker (``embrace db_worker``).

Scheduling: ``embrace serve`` supervises the web server and the worker, so it also keeps the clock. It calls
``schedule_housekeeping()`` when it starts and every ``HOUSEKEEPING_EVERY`` afterwards; that enqueues a run
unless one is already waiting. A task that re-enqueued itself would need the same de-duplication (every
restart would start another chain) and would stop for good the first time it failed before re-enqueueing;
a timer in the long-lived supervisor has neither problem, and the tasks stay plain idempotent functions.
"""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from embrace.accounts.models import LoginThrottle

HOUSEKEEPING_EVERY = timedelta(minutes=15)
# A throttle row is forgotten only when its last failure and its block both ended this long ago. Forgetting
# resets the doubling delay, so it must be long compared with the one-day cap on a single block: a guesser
# who waits a week for five more tries gains nothing worth having.
THROTTLE_FORGET_AFTER = timedelta(days=7)


@task()
def housekeeping() -> dict[str, int]:
    """Delete expired sessions (and with them the wrapped session keys) and stale login throttles; destroy
    the case content the retention rules say is due; propose this month's stipends; sign an audit anchor when
    the last is a day old.

    Idempotent: a second run finds nothing left to delete or propose. Returns how many rows of each kind went,
    how many stipends were proposed and anchors signed.
    """
    # Imported here, not at the top: ``embrace serve`` imports this module to enqueue runs, and its process
    # should not carry the intake, passage and rewards code it never runs.
    from embrace.channels.delivery import schedule_due
    from embrace.channels.inbound import forget_seen_updates
    from embrace.figures.tasks import schedule_figures_if_due
    from embrace.intake.actions import forget_enquirer_traces
    from embrace.passage.actions import note_arrivals
    from embrace.retention.actions import apply_retention
    from embrace.rewards.stipends import propose_stipends
    from embrace.vault.anchors import anchor_if_due

    now = timezone.now()
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if hasattr(store, "get_model_class"):
        # The database engines: delete directly so the count is known (this is what clear_expired does).
        sessions, _ = store.get_model_class().objects.filter(expire_date__lt=now).delete()
    else:
        store.clear_expired()
        sessions = 0
    cutoff = now - THROTTLE_FORGET_AFTER
    throttles, _ = (
        LoginThrottle.objects.filter(updated_at__lt=cutoff)
        .filter(Q(blocked_until__isnull=True) | Q(blocked_until__lt=cutoff))
        .delete()
    )
    # Arrivals first, so a plan whose grace ends today is due; then every retention rule (passage plans
    # after arrival among them) through the one destroy path, each destruction audited.
    note_arrivals()
    destroyed = sum(apply_retention(timezone.localdate(now)).values())
    # The enquirer side's short-lived rows: open thread pages and spent form tokens.
    forget_enquirer_traces(now)
    # The chat channels' records of updates already stored, once no channel would deliver them again.
    forget_seen_updates(now)
    # This month's stipends, proposed as soon as the month starts (or a case arrives); a no-op once made.
    stipends = propose_stipends(timezone.localdate(now).replace(day=1))
    # The audit chain's head, signed at least daily with the key outside the database.
    anchors = 1 if anchor_if_due(now) else 0
    # Chat replies and photo fetches whose task was lost or whose retry is due; rows a dead worker left.
    schedule_due(now)
    # The dashboards' snapshots, hourly: a run of their own, so a slow count never holds housekeeping up.
    figures = 1 if schedule_figures_if_due(now) else 0
    if connection.vendor == "sqlite":
        # Lets SQLite's planner see how big the tables have grown (the inbox's index needs it to be chosen).
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA optimize")
    return {
        "sessions": sessions,
        "login_throttles": throttles,
        "destroyed": destroyed,
        "stipends": stipends,
        "anchors": anchors,
        "figures": figures,
    }


# Tasks that may simply run again when their runner died part-way (``embrace.core.runner`` recovers them):
# idempotent ones. Any other task left RUNNING by a dead runner is marked failed instead.
# The channels' tasks qualify because they claim their row before acting: run again, they find the reply
# already claimed (it is never sent twice) or the photo still to fetch (fetching twice harms nobody).
# Named, not imported: ``embrace serve`` imports this module and should not load the channels app's code.
RERUN_WHEN_INTERRUPTED = frozenset(
    {
        housekeeping.module_path,
        "embrace.channels.delivery.deliver_outgoing",
        "embrace.channels.delivery.fetch_inbound_file",
        "embrace.channels.delivery.drain_outbox",
        "embrace.figures.tasks.compute_figures",
    }
)


def schedule_housekeeping() -> bool:
    """Enqueue a housekeeping run unless one is already waiting. Returns whether one was enqueued."""
    # Only the database backend keeps a queue one can look at; the immediate one (tests) runs at once.
    if isinstance(housekeeping.get_backend(), DatabaseBackend):
        waiting = DBTaskResult.objects.filter(
            task_path=housekeeping.module_path, status=TaskResultStatus.READY
        )
        if waiting.exists():
            return False
    housekeeping.enqueue()
    return True
