"""What the ledger says about money, read-only: funds held, committed, paid and received, per currency, by
schedule entry and by month.

Each figure is one aggregate query over the lines (grouped in the database, filtered per column), so the pages
cost the same few queries at a hundred lines or a million; nothing here walks the ledger in Python.

Definitions (amounts positive, in the currency's minor unit):
- available: the ``cash`` balance, what is held;
- received: credits to ``donations``, net of reversals;
- committed: the credit balance of ``rewards_owed`` and ``stipends_owed``, approved and not yet paid;
- paid: what payments cleared, the debits to those two accounts by ``reward_paid`` / ``stipend_paid``
  journals, net of the reversals of those journals (in the currency owed, whatever currency was handed over);
- approved (by entry and by month): credits to those accounts by ``reward_owed`` / ``stipend_owed`` journals,
  net of their reversals. Per entry, approved = committed + paid.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext

from embrace.myanmar import formats
from embrace.rewards.models import Account, Entry, Journal, JournalKind, Line
from embrace.rewards.money import display

OWED = (Account.REWARDS_OWED, Account.STIPENDS_OWED)
PAY_KINDS = (JournalKind.REWARD_PAID, JournalKind.STIPEND_PAID)
OWE_KINDS = (JournalKind.REWARD_OWED, JournalKind.STIPEND_OWED)


def _made_by(kinds: tuple[JournalKind, ...]) -> Q:
    """Lines of journals of ``kinds`` and of the reversals of such journals (which carry the opposite sign,
    so a sum nets them)."""
    return Q(journal__kind__in=kinds) | Q(
        journal__kind=JournalKind.REVERSAL, journal__reverses__kind__in=kinds
    )


_CASH = Q(account=Account.CASH)
_DONATIONS = Q(account=Account.DONATIONS)
_OWED = Q(account__in=OWED)
_PAID = _OWED & _made_by(PAY_KINDS)
_APPROVED = _OWED & _made_by(OWE_KINDS)


def _sum(condition: Q) -> Sum:
    return Sum("amount_minor", filter=condition, default=0)


class _Shown:
    currency: str

    def shown(self, minor: int) -> str:
        return display(minor, self.currency)


@dataclass(frozen=True)
class Figures(_Shown):
    currency: str
    available: int
    committed: int
    paid: int
    received: int

    @property
    def cells(self) -> list[str]:
        return [self.shown(v) for v in (self.available, self.committed, self.paid, self.received)]


@dataclass(frozen=True)
class EntryRow(_Shown):
    """One schedule entry (or stipends, or rewards tied to no entry) in one currency."""

    label: str
    code: str
    currency: str
    approved: int
    committed: int
    paid: int

    @property
    def cells(self) -> list[str]:
        return [self.shown(v) for v in (self.approved, self.committed, self.paid)]


@dataclass(frozen=True)
class MonthRow(_Shown):
    month: datetime.date
    currency: str
    received: int
    approved: int
    paid: int
    movement: int  # the change in funds held over the month

    @property
    def cells(self) -> list[str]:
        return [self.shown(v) for v in (self.received, self.approved, self.paid, self.movement)]


def _lines() -> QuerySet[Line]:
    # No default ordering on lines, but be explicit: an ordering would join into the GROUP BY.
    return Line.objects.order_by()


def totals() -> list[Figures]:
    """One row per currency the ledger has touched, by currency code."""
    rows = (
        _lines()
        .values("currency")
        .annotate(
            available=_sum(_CASH),
            committed=_sum(_OWED),
            paid=_sum(_PAID),
            received=_sum(_DONATIONS),
        )
        .order_by("currency")
    )
    return [
        Figures(
            currency=r["currency"],
            available=int(r["available"]),
            committed=-int(r["committed"]),
            paid=int(r["paid"]),
            received=-int(r["received"]),
        )
        for r in rows
    ]


STIPENDS_LABEL = "Stipends"
NO_ENTRY_LABEL = "Rewards not tied to a schedule entry"


def by_entry() -> list[EntryRow]:
    """Rewards per schedule entry, in schedule order, then stipends as their own row."""
    rows = list(
        _lines()
        .filter(_OWED)
        .values("account", "entry", "currency")
        .annotate(approved=_sum(_APPROVED), committed=Sum("amount_minor", default=0), paid=_sum(_PAID))
    )
    entries = Entry.objects.select_related("schedule").in_bulk({r["entry"] for r in rows if r["entry"]})

    def row(r: dict[str, object]) -> EntryRow:
        entry = entries.get(r["entry"])
        if r["account"] == Account.STIPENDS_OWED:
            label, code = STIPENDS_LABEL, ""
        elif entry is None:
            label, code = NO_ENTRY_LABEL, ""
        else:
            label = gettext("%(title)s (schedule of %(day)s)") % {
                "title": entry.title,
                "day": formats.day(entry.schedule.effective_from, "Y-m-d"),
            }
            code = entry.code
        return EntryRow(
            label=label,
            code=code,
            currency=str(r["currency"]),
            approved=-int(r["approved"]),  # type: ignore[call-overload]
            committed=-int(r["committed"]),  # type: ignore[call-overload]
            paid=int(r["paid"]),  # type: ignore[call-overload]
        )

    def order(r: dict[str, object]) -> tuple[object, ...]:
        entry = entries.get(r["entry"])
        stipends = r["account"] == Account.STIPENDS_OWED
        schedule_key = -entry.schedule.effective_from.toordinal() if entry else 0
        return (stipends, entry is None, schedule_key, entry.position if entry else 0, r["currency"])

    return [row(r) for r in sorted(rows, key=order)]


def by_month() -> list[MonthRow]:
    """Flows per month of ``posted_on`` (a reversal counts in the month it was posted), newest first."""
    # Grouped by day in the database and folded into months here: truncating to the month in SQL is a Python
    # function called once per line on SQLite (Django's ``django_date_trunc``), three times the cost of the
    # whole query at 100,000 lines. Days are few (one row per day and currency), lines are many.
    rows = (
        _lines()
        .values("journal__posted_on", "currency")
        .annotate(
            received=_sum(_DONATIONS),
            approved=_sum(_APPROVED),
            paid=_sum(_PAID),
            movement=_sum(_CASH),
        )
        .order_by()
    )
    months: dict[tuple[datetime.date, str], list[int]] = {}
    for r in rows:
        key = (_as_date(r["journal__posted_on"]).replace(day=1), r["currency"])
        sums = months.setdefault(key, [0, 0, 0, 0])
        for i, name in enumerate(("received", "approved", "paid", "movement")):
            sums[i] += int(r[name])
    return [
        MonthRow(
            month=month,
            currency=currency,
            received=-received,
            approved=-approved,
            paid=paid,
            movement=movement,
        )
        for (month, currency), (received, approved, paid, movement) in sorted(
            months.items(), key=lambda item: (-item[0][0].toordinal(), item[0][1])
        )
    ]


def _as_date(value: datetime.date | datetime.datetime) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


@dataclass(frozen=True)
class Donation(_Shown):
    journal_id: str
    number: int
    posted_on: datetime.date
    currency: str
    amount: int
    memo: str
    reversed: bool

    @property
    def amount_shown(self) -> str:
        return self.shown(self.amount)


def recent_donations(limit: int = 50) -> list[Donation]:
    """The latest funds received, newest first, each with whether it has been reversed."""
    lines = (
        Line.objects.filter(account=Account.CASH, journal__kind=JournalKind.DONATION)
        .annotate(reversed=Exists(Journal.objects.filter(reverses=OuterRef("journal"))))
        .select_related("journal")
        .order_by("-journal__number", "pk")[:limit]
    )
    return [
        Donation(
            journal_id=str(line.journal_id),
            number=line.journal.number,
            posted_on=line.journal.posted_on,
            currency=line.currency,
            amount=line.amount_minor,
            memo=line.journal.memo,
            reversed=line.reversed,
        )
        for line in lines
    ]
