"""Changing the published reward schedule: one committee member proposes a new version, another publishes it.

A schedule is versioned data. A new version takes effect on a future day (or today), later than every version
already published, so a claim for an act already done keeps the schedule that was in force on the day of the
act. Once published, a version and its entries are never changed again: a correction is a newer version.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Perm, Role
from embrace.approvals import actions as approvals
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.events import Event
from embrace.audit.log import record, subject_of
from embrace.cases.actions import today
from embrace.myanmar.formats import day
from embrace.myanmar.templatetags.myanmar import digits
from embrace.rewards.models import Entry, Schedule

ACTION = "rewards.publish_schedule"
# The widest amounts the columns hold: Entry.amount_usd is 12 digits with 2 places, amount_mmk 16 whole.
MAX_USD = Decimal(10) ** 10
MAX_MMK = Decimal(10) ** 16
MAX_ENTRIES = 40
TITLE_LENGTH = 300


class ScheduleError(Exception):
    """The schedule cannot be changed so; the message says why, in words for the user."""


class NotAllowed(ScheduleError):
    """This person may not do this (as opposed to: it cannot be done now)."""


@dataclass(frozen=True)
class EntryDraft:
    """One line of a proposed schedule, as typed."""

    code: str
    title_en: str
    title_my: str
    amount_usd: Decimal | None = None
    amount_mmk: Decimal | None = None
    per_item: bool = False
    valued_by_committee: bool = False

    @classmethod
    def of(cls, entry: Entry) -> EntryDraft:
        return cls(
            code=entry.code,
            title_en=entry.title_en,
            title_my=entry.title_my,
            amount_usd=entry.amount_usd,
            amount_mmk=entry.amount_mmk,
            per_item=entry.per_item,
            valued_by_committee=entry.valued_by_committee,
        )


def check_entry(draft: EntryDraft) -> None:
    """Refuse a line that cannot be published; the form calls this too, so the rules live here once."""
    try:
        validate_slug(draft.code)
    except ValidationError:
        raise ScheduleError(
            _("“%(code)s”: a code is letters, digits, hyphens and underscores only.") % {"code": draft.code}
        ) from None
    if len(draft.code) > 40:
        raise ScheduleError(
            _("“%(code)s”: a code has at most %(count)s characters.")
            % {"code": draft.code, "count": digits(40)}
        )
    # One whole sentence per language: the language's name is not a word to slot into a Burmese sentence.
    if not draft.title_en.strip():
        raise ScheduleError(_("“%(code)s” needs a title in English.") % {"code": draft.code})
    if len(draft.title_en) > TITLE_LENGTH:
        raise ScheduleError(
            _("“%(code)s”: the English title has more than %(count)s characters.")
            % {"code": draft.code, "count": digits(TITLE_LENGTH)}
        )
    if not draft.title_my.strip():
        raise ScheduleError(_("“%(code)s” needs a title in Burmese.") % {"code": draft.code})
    if len(draft.title_my) > TITLE_LENGTH:
        raise ScheduleError(
            _("“%(code)s”: the Burmese title has more than %(count)s characters.")
            % {"code": draft.code, "count": digits(TITLE_LENGTH)}
        )
    if draft.valued_by_committee:
        # An amount beside "valued by committee" would be published as a promise nobody meant.
        if draft.amount_usd is not None or draft.amount_mmk is not None:
            raise ScheduleError(
                _("“%(code)s” is valued by committee, so it states no amount.") % {"code": draft.code}
            )
        return
    usd = draft.amount_usd
    if usd is None or not usd.is_finite() or usd <= 0:
        raise ScheduleError(
            _("“%(code)s” needs an amount in US dollars above zero, or “valued by committee”.")
            % {"code": draft.code}
        )
    if usd >= MAX_USD or usd != usd.quantize(Decimal("0.01")):
        raise ScheduleError(
            _("“%(code)s”: US$%(amount)s is not an amount in dollars and cents under 10 billion.")
            % {"code": draft.code, "amount": digits(usd)}
        )
    mmk = draft.amount_mmk
    if mmk is not None and (
        not mmk.is_finite() or mmk <= 0 or mmk >= MAX_MMK or mmk != mmk.to_integral_value()
    ):
        raise ScheduleError(
            _("“%(code)s”: an amount in kyat is a whole number above zero.") % {"code": draft.code}
        )


def _check_entries(entries: Sequence[EntryDraft]) -> None:
    if not entries:
        raise ScheduleError(_("A schedule needs at least one entry."))
    if len(entries) > MAX_ENTRIES:
        raise ScheduleError(_("A schedule has at most %(count)s entries.") % {"count": digits(MAX_ENTRIES)})
    seen: set[str] = set()
    for draft in entries:
        check_entry(draft)
        if draft.code in seen:
            raise ScheduleError(
                _("The code “%(code)s” is used twice; each entry needs its own.") % {"code": draft.code}
            )
        seen.add(draft.code)


def _day(value: datetime.date) -> str:
    """A date inside a refusal: "5 December 2026", or Burmese with Myanmar digits on a Burmese page."""
    return day(value, english="j F Y")


def _committee_member(actor: User) -> User:
    current = afresh(actor, Perm.SCHEDULE_CHANGE)
    if current is None:
        raise NotAllowed(_("Only a member of the reward committee may change the reward schedule."))
    return current


def _lock_schedules() -> None:
    # Every version is locked, in one order, so that two proposals or two decisions at once are taken one
    # after the other and each sees what the other published. Schedules are a handful of rows.
    list(Schedule.objects.select_for_update().order_by("pk").values_list("pk", flat=True))


def _day_taken(effective_from: datetime.date) -> ScheduleError:
    return ScheduleError(
        _("Another proposal already takes effect on %(day)s: revise that one, or choose another day.")
        % {"day": _day(effective_from)}
    )


def _refuse_pending_on(effective_from: datetime.date, *, besides: int | None = None) -> None:
    """One waiting proposal per day: the database holds dates unique among published versions only (so a
    refused proposal does not keep its day for ever), and the lock taken by ``_lock_schedules`` makes this
    check and the write that follows one step."""
    waiting = Schedule.objects.filter(
        effective_from=effective_from, published=False, approval__status=ApprovalStatus.PENDING
    )
    if besides is not None:
        waiting = waiting.exclude(pk=besides)
    if waiting.exists():
        raise _day_taken(effective_from)


def _check_dates(title: str, effective_from: datetime.date, announced_on: datetime.date) -> None:
    if not title.strip() or len(title) > 120:
        raise ScheduleError(_("A schedule needs a title of at most 120 characters."))
    if effective_from < today():
        raise ScheduleError(
            _(
                "A schedule cannot take effect in the past (%(day)s): acts already done keep the schedule "
                "that was in force then."
            )
            % {"day": _day(effective_from)}
        )
    latest = Schedule.objects.filter(published=True).order_by("-effective_from").first()
    if latest is not None and effective_from <= latest.effective_from:
        raise ScheduleError(
            _("A new schedule must take effect after %(day)s, the day the latest published one took effect.")
            % {"day": _day(latest.effective_from)}
        )
    if announced_on > effective_from:
        raise ScheduleError(_("A schedule is announced on or before the day it takes effect."))


def ensure_unpublished(schedule: Schedule) -> Schedule:
    """The one check every change to a schedule or its entries passes: a published version is never
    edited. Reads the row afresh under a lock, so a version published a moment ago counts."""
    locked = Schedule.objects.select_for_update().get(pk=schedule.pk)
    if locked.published:
        raise ScheduleError(_("A published schedule is never changed: propose a new version instead."))
    return locked


def _write_entries(schedule: Schedule, entries: Sequence[EntryDraft]) -> None:
    Entry.objects.bulk_create(
        Entry(
            schedule=schedule,
            position=position,
            code=draft.code,
            title_en=draft.title_en.strip(),
            title_my=draft.title_my.strip(),
            amount_usd=draft.amount_usd,
            amount_mmk=draft.amount_mmk,
            per_item=draft.per_item,
            valued_by_committee=draft.valued_by_committee,
        )
        for position, draft in enumerate(entries, start=1)
    )


def _ask(schedule: Schedule, actor: User, reason: str) -> Approval:
    try:
        return approvals.request_approval(
            ACTION,
            subject_of(schedule),
            required_role=Role.REWARD_COMMITTEE,
            reason=reason,
            actor=actor,
        )
    except approvals.ApprovalError as exc:
        raise ScheduleError(str(exc)) from None


def _put_to_committee(
    schedule: Schedule, entries: Sequence[EntryDraft], current: User, *, revised: bool
) -> Schedule:
    """The end of a proposal and of a revision: write the entries and ask another member to publish."""
    _write_entries(schedule, entries)
    schedule.approval = _ask(
        schedule, current, f"Publish “{schedule.title}”" + (" (revised)" if revised else "")
    )
    schedule.save(update_fields=["approval"])
    record(
        Event.SCHEDULE_PROPOSED,
        actor=current,
        subject=schedule,
        approval=str(schedule.approval.pk),
        effective_from=schedule.effective_from.isoformat(),
        entries=len(entries),
        **({"revised": True} if revised else {}),
    )
    return schedule


def propose_schedule(
    title: str,
    effective_from: datetime.date,
    announced_on: datetime.date,
    entries: Sequence[EntryDraft],
    *,
    actor: User,
) -> Schedule:
    """A new, unpublished version and the request that another committee member publish it."""
    current = _committee_member(actor)
    _check_entries(entries)
    with transaction.atomic():
        _lock_schedules()
        _check_dates(title, effective_from, announced_on)
        _refuse_pending_on(effective_from)
        try:
            # A published version on the same day: _check_dates refuses it first; the index is the backstop.
            with transaction.atomic():
                schedule = Schedule.objects.create(
                    title=title.strip(),
                    effective_from=effective_from,
                    announced_on=announced_on,
                    proposed_by=current,
                )
        except IntegrityError:
            raise _day_taken(effective_from) from None
        return _put_to_committee(schedule, entries, current, revised=False)


def revise_schedule(
    schedule: Schedule,
    title: str,
    effective_from: datetime.date,
    announced_on: datetime.date,
    entries: Sequence[EntryDraft],
    *,
    actor: User,
) -> Schedule:
    """The proposer corrects an unpublished proposal (waiting or refused). A waiting request is withdrawn
    and a new one asked, so the second member always decides on what the schedule now says."""
    current = _committee_member(actor)
    _check_entries(entries)
    with transaction.atomic():
        _lock_schedules()
        locked = ensure_unpublished(schedule)
        if locked.proposed_by_id != current.pk:
            raise NotAllowed(_("Only the member who proposed this schedule may revise it."))
        approval = Approval.objects.get(pk=locked.approval_id) if locked.approval_id else None
        if approval is not None and approval.status == ApprovalStatus.PENDING:
            try:
                approvals.cancel_approval(approval, actor=current)
            except approvals.ApprovalError as exc:
                raise ScheduleError(str(exc)) from None
        _check_dates(title, effective_from, announced_on)
        _refuse_pending_on(effective_from, besides=locked.pk)
        try:
            with transaction.atomic():
                locked.entries.all().delete()
                locked.title, locked.effective_from, locked.announced_on = (
                    title.strip(),
                    effective_from,
                    announced_on,
                )
                locked.save(update_fields=["title", "effective_from", "announced_on"])
        except IntegrityError:
            raise _day_taken(effective_from) from None
        except ProtectedError:
            raise ScheduleError(
                _("Something already refers to this proposal's entries; propose anew.")
            ) from None
        return _put_to_committee(locked, entries, current, revised=True)


def decide_schedule(schedule: Schedule, *, approve: bool, actor: User, note: str = "") -> Schedule:
    """A second committee member publishes the proposal, or refuses it. The proposer cannot."""
    current = _committee_member(actor)
    with transaction.atomic():
        _lock_schedules()
        locked = ensure_unpublished(schedule)
        try:
            approval = approvals.decide_request_about(
                locked, locked.approval_id, ACTION, approve=approve, actor=current, note=note
            )
        except approvals.OwnRequest as exc:
            raise NotAllowed(str(exc)) from None
        except approvals.ApprovalError as exc:
            raise ScheduleError(str(exc)) from None
        if approve:
            # Checked again now, not only when proposed: time has passed, and another version may have been
            # published meanwhile. Either would make this one change what acts already done are worth.
            if locked.effective_from < today():
                raise ScheduleError(
                    _(
                        "This proposal was to take effect on %(day)s, which has passed: publishing it now "
                        "would be retroactive. Its proposer may revise the date."
                    )
                    % {"day": _day(locked.effective_from)}
                )
            later = (
                Schedule.objects.filter(published=True, effective_from__gte=locked.effective_from)
                .exclude(pk=locked.pk)
                .order_by("effective_from")
                .first()
            )
            if later is not None:
                raise ScheduleError(
                    _(
                        "“%(title)s”, taking effect on %(day)s, was published meanwhile; this proposal would "
                        "now come before it. Its proposer may revise the date."
                    )
                    % {"title": later.title, "day": _day(later.effective_from)}
                )
            locked.published = True
            locked.save(update_fields=["published"])
            record(
                Event.SCHEDULE_PUBLISHED,
                actor=current,
                subject=locked,
                approval=str(approval.pk),
                proposed_by=str(locked.proposed_by_id),
                effective_from=locked.effective_from.isoformat(),
            )
    return locked
