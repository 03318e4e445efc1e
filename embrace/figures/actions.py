"""State changes of the figures app: asking for the dashboards to be computed afresh."""

from __future__ import annotations

from django.db import transaction

from embrace.accounts.models import User
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.figures.tasks import schedule_figures


def ask_recompute(*, actor: User) -> None:
    """Enqueue a run of the statistics task once this transaction commits, unless one is already waiting;
    audited. Asking twice is harmless: the second finds the first waiting."""
    with transaction.atomic():
        record(Event.FIGURES_RECOMPUTE_ASKED, actor=actor, subject="figures")
        transaction.on_commit(schedule_figures)
