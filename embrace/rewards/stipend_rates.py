"""Changing the stipend rate: one committee member proposes a rate from the first day of a coming month,
another publishes it. Like the reward schedule, the rate is versioned data, never edited once published.

Only a coming month may get a new rate: the job may already have proposed this month's stipends, each at the
rate in force when it was proposed, and a rate changed under them would leave one month paid at two rates. A
proposal still waiting when its month begins can no longer be published; its proposer proposes anew.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.approvals import actions as approvals
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.events import Event
from embrace.audit.log import record, subject_of
from embrace.cases.actions import today
from embrace.myanmar.templatetags.myanmar import digits
from embrace.rewards.models import StipendRate
from embrace.rewards.money import MAX_MINOR, Currency, display
from embrace.rewards.stipends import StipendError, committee_member, first_of_month

ACTION = "rewards.publish_stipend_rate"


def describe(rate: StipendRate) -> str:
    """``300,000.00 MMK a month plus 100,000.00 MMK per dependant``."""
    base = display(rate.base_minor, rate.currency)
    return gettext("%(base)s a month plus %(each)s per dependant") % {
        "base": base,
        "each": display(rate.per_dependant_minor, rate.currency),
    }


def _month(day: datetime.date) -> str:
    """A month inside a refusal, as the stipend pages show it; Myanmar digits on a Burmese page."""
    return digits(date_format(day, "F Y"))


def _lock_rates() -> None:
    # Every rate, in one order: two proposals or decisions at once are taken one after the other.
    list(StipendRate.objects.select_for_update().order_by("pk").values_list("pk", flat=True))


def _check_month(effective_from: datetime.date) -> None:
    if effective_from.day != 1:
        raise StipendError(_("A stipend rate starts on the first day of a month."), status=400)
    if effective_from <= first_of_month(today()):
        raise StipendError(
            _(
                "A new rate starts with a coming month: the stipends of %(month)s are proposed at the rate "
                "in force when the month began."
            )
            % {"month": _month(first_of_month(today()))},
            status=400,
        )


def _refuse_taken(effective_from: datetime.date, *, besides: int | None = None) -> None:
    taken = StipendRate.objects.filter(effective_from=effective_from)
    if besides is not None:
        taken = taken.exclude(pk=besides)
    if taken.filter(published=True).exists():
        raise StipendError(
            _("A rate for %(month)s is already published.") % {"month": _month(effective_from)}
        )
    if taken.filter(published=False, approval__status=ApprovalStatus.PENDING).exists():
        raise StipendError(
            _("A proposal for %(month)s is already waiting for a decision.")
            % {"month": _month(effective_from)}
        )


def propose_rate(
    effective_from: datetime.date, currency: str, base_minor: int, per_dependant_minor: int, *, actor: User
) -> StipendRate:
    """An unpublished rate and the request that another committee member publish it."""
    current = committee_member(actor)
    if currency not in Currency.values:
        raise StipendError(_("Choose US dollars, kyat or baht."), status=400)
    if not 0 < base_minor < MAX_MINOR or not 0 <= per_dependant_minor < MAX_MINOR:
        raise StipendError(
            _("The base must be more than nothing; the amount per dependant may be nothing."), status=400
        )
    _check_month(effective_from)
    with transaction.atomic():
        _lock_rates()
        _refuse_taken(effective_from)
        rate = StipendRate.objects.create(
            effective_from=effective_from,
            currency=currency,
            base_minor=base_minor,
            per_dependant_minor=per_dependant_minor,
            proposed_by=current,
        )
        try:
            rate.approval = approvals.request_approval(
                ACTION,
                subject_of(rate),
                required_role=Role.REWARD_COMMITTEE,
                reason=f"Stipend rate from {_month(effective_from)}: {describe(rate)}",
                actor=current,
            )
        except approvals.ApprovalError as exc:
            raise StipendError(str(exc)) from None
        rate.save(update_fields=["approval"])
        record(
            Event.STIPEND_RATE_PROPOSED,
            actor=current,
            subject=rate,
            approval=str(rate.approval.pk),
            effective_from=effective_from.isoformat(),
            currency=currency,
            base_minor=base_minor,
            per_dependant_minor=per_dependant_minor,
        )
    return rate


def withdraw_rate(rate: StipendRate, *, actor: User) -> StipendRate:
    """The proposer takes back a waiting proposal (a mistyped amount, a wrong month): it is never published,
    and its month is free for another proposal."""
    current = committee_member(actor)
    with transaction.atomic():
        _lock_rates()
        locked = StipendRate.objects.select_related("approval").get(pk=rate.pk)
        if locked.proposed_by_id != current.pk:
            raise StipendError(_("Only the member who proposed this rate may withdraw it."), status=403)
        if locked.published or locked.approval is None or locked.approval.status != ApprovalStatus.PENDING:
            raise StipendError(_("Only a proposal waiting for a decision can be withdrawn."))
        try:
            approvals.cancel_approval(locked.approval, actor=current)
        except approvals.ApprovalError as exc:
            raise StipendError(str(exc)) from None
    return locked


def decide_rate(rate: StipendRate, *, approve: bool, actor: User, note: str = "") -> StipendRate:
    """A second committee member publishes the proposed rate, or refuses it. The proposer cannot."""
    current = committee_member(actor)
    with transaction.atomic():
        _lock_rates()
        locked = StipendRate.objects.get(pk=rate.pk)
        if locked.published:
            raise StipendError(_("This rate is already published."))
        try:
            approval = approvals.decide_request_about(
                locked, locked.approval_id, ACTION, approve=approve, actor=current, note=note
            )
        except approvals.OwnRequest as exc:
            raise StipendError(str(exc), status=403) from None
        except approvals.ApprovalError as exc:
            raise StipendError(str(exc)) from None
        if not approve:
            return locked
        # Checked again now: the month may have begun while the proposal waited.
        try:
            _check_month(locked.effective_from)
        except StipendError:
            raise StipendError(
                _(
                    "%(month)s has begun: publishing this rate now would change a month already under way. "
                    "Refuse it, and propose a rate for a coming month."
                )
                % {"month": _month(locked.effective_from)}
            ) from None
        _refuse_taken(locked.effective_from, besides=locked.pk)
        locked.published = True
        try:
            with transaction.atomic():
                locked.save(update_fields=["published"])
        except IntegrityError:  # the partial unique index, should the lock above ever be bypassed
            raise StipendError(
                _("A rate for %(month)s is already published.") % {"month": _month(locked.effective_from)}
            ) from None
        record(
            Event.STIPEND_RATE_PUBLISHED,
            actor=current,
            subject=locked,
            approval=str(approval.pk),
            effective_from=locked.effective_from.isoformat(),
        )
    return locked
