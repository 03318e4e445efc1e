"""Monthly stipends: proposed for every supported case by the scheduled job, decided by the committee, then
paid by finance (``embrace.rewards.payments.pay_stipend``, never by the person who approved).

A stipend is the rate in force on the first day of its month: a base per case plus an amount per dependant
recorded on the case. The number of dependants is copied onto the stipend when it is proposed, so a family
recorded later changes next month's stipend, not one already proposed. Proposing is idempotent: one stipend
per case per month is a unique constraint, and runs are serialised on the rate's row, so a second run (or two
at once) adds nothing.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.utils.translation import gettext as _

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Perm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.actions import today
from embrace.cases.models import Case, Status
from embrace.rewards import ledger
from embrace.rewards.ledger import Leg
from embrace.rewards.models import Account, JournalKind, Stipend, StipendRate, StipendStatus

# The people the programme supports: out, and not yet closed (nor found not genuine, nor a duplicate).
SUPPORTED = frozenset({Status.ARRIVED, Status.SCREENED, Status.REGISTERED})


class StipendError(Exception):
    """The step is refused; the message says why, in words for the person who tried. ``status`` is the HTTP
    status a page answers with: 403 for who may not, 409 for what cannot be done now."""

    def __init__(self, message: str, *, status: int = 409) -> None:
        super().__init__(message)
        self.status = status


def first_of_month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def rate_in_force(month: datetime.date) -> StipendRate | None:
    """The rate in force on the first day of ``month``: a rate that starts mid-month applies from the next."""
    return (
        StipendRate.objects.filter(published=True, effective_from__lte=first_of_month(month))
        .order_by("-effective_from")
        .first()
    )


def stipend_amount(rate: StipendRate, dependants: int) -> int:
    return rate.base_minor + rate.per_dependant_minor * dependants


def committee_member(actor: User) -> User:
    current = afresh(actor, Perm.STIPEND_APPROVE)
    if current is None:
        raise StipendError(_("Only the reward committee may propose or decide stipends."), status=403)
    return current


def propose_stipends(month: datetime.date, *, actor: User | None = None) -> int:
    """One proposed stipend for each supported case that has none for ``month``. Returns how many were made.
    ``actor`` is None for the scheduled job, else a committee member asking for it now.

    A handful of queries whatever the number of cases. Audited once per run that made any, or that a person
    asked for: the job runs every quarter of an hour, and a row for each run that found nothing new would bury
    the audit log in noise.
    """
    month = first_of_month(month)
    with transaction.atomic():
        if actor is not None:
            actor = committee_member(actor)
        rate = rate_in_force(month)
        if rate is None:
            return 0
        # Two runs at once queue here (PostgreSQL; SQLite's immediate transactions serialise anyway), so the
        # count below is exactly this run's; the unique constraint stays the last word.
        StipendRate.objects.select_for_update().filter(pk=rate.pk).get()
        before = Stipend.objects.filter(month=month).count()
        cases = (
            Case.objects.filter(status__in=SUPPORTED)
            .filter(~Exists(Stipend.objects.filter(case=OuterRef("pk"), month=month)))
            .annotate(family=Count("dependants"))
            .values_list("pk", "family")
        )
        on = today()
        Stipend.objects.bulk_create(
            (
                Stipend(
                    case_id=case_id,
                    month=month,
                    currency=rate.currency,
                    amount_minor=stipend_amount(rate, family),
                    dependants=family,
                    proposed_on=on,
                )
                for case_id, family in cases
            ),
            batch_size=500,
            ignore_conflicts=True,
        )
        made = Stipend.objects.filter(month=month).count() - before
        if made or actor is not None:
            record(
                Event.STIPEND_PROPOSED,
                actor=actor,
                subject=f"stipends:{month:%Y-%m}",
                month=f"{month:%Y-%m}",
                count=made,
                rate=rate.pk,
            )
    return made


def decide_stipend(stipend: Stipend, *, approve: bool, actor: User) -> Stipend:
    """A committee member approves a proposed stipend (posting it as owed) or refuses it."""
    with transaction.atomic():
        current = committee_member(actor)
        locked = Stipend.objects.select_for_update(of=("self",)).select_related("case").get(pk=stipend.pk)
        if locked.status != StipendStatus.PROPOSED:
            raise StipendError(
                _("This stipend is already %(status)s; only a proposed one can be decided.")
                % {"status": StipendStatus(locked.status).label.lower()}
            )
        if approve and locked.case.status not in SUPPORTED:
            raise StipendError(
                _("The case is now %(status)s, no longer supported: refuse this stipend instead.")
                % {"status": Status(locked.case.status).label.lower()}
            )
        if approve:
            locked.owed = ledger.post(
                JournalKind.STIPEND_OWED,
                [
                    Leg(Account.STIPENDS, locked.currency, locked.amount_minor, locked.case),
                    Leg(Account.STIPENDS_OWED, locked.currency, -locked.amount_minor, locked.case),
                ],
                actor=current,
                on=today(),
            )
            locked.status, locked.approved_by, locked.approved_on = StipendStatus.APPROVED, current, today()
            locked.save(update_fields=["status", "approved_by", "approved_on", "owed"])
            record(
                Event.STIPEND_APPROVED,
                actor=current,
                subject=locked,
                case=str(locked.case_id),
                currency=locked.currency,
                amount=locked.amount_minor,
                journal=locked.owed.number,
            )
        else:
            locked.status = StipendStatus.REFUSED
            locked.save(update_fields=["status"])
            record(Event.STIPEND_REFUSED, actor=current, subject=locked, case=str(locked.case_id))
    return locked
