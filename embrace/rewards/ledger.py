"""The double-entry ledger: the only writer of journals and lines.

A journal is a set of lines, debits positive and credits negative, that sum to zero in each currency it
touches. Nothing is edited afterwards: a mistake is corrected by ``reverse``, which posts the same lines with
their signs turned, and a journal can be reversed once (a one-to-one link in the database).

Accounts, as the finance views read them:
- ``cash`` (an asset: funds held, per currency) rises with donations and falls with payments;
- ``donations`` (income) is credited with what was received;
- ``rewards`` / ``stipends`` (expenses) are debited when a tranche or a stipend is approved, against
  ``rewards_owed`` / ``stipends_owed`` (liabilities: committed, not yet paid), which a payment then clears;
- ``exchange`` (a trading account) takes both sides of a payment made in another currency than owed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Sum

from embrace.accounts.models import User
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.models import Case
from embrace.rewards.models import Account, Entry, Journal, JournalKind, LedgerHead, Line


class Unbalanced(Exception):
    """A posting whose lines do not sum to zero in every currency: refused, nothing written."""


@dataclass(frozen=True)
class Leg:
    account: Account
    currency: str
    amount_minor: int  # debit positive, credit negative
    case: Case | None = None
    entry: Entry | None = None


def _check_balanced(legs: list[Leg]) -> None:
    if not legs:
        raise Unbalanced("A posting needs lines.")
    totals: dict[str, int] = defaultdict(int)
    for leg in legs:
        if leg.amount_minor == 0:
            raise Unbalanced("A line of zero says nothing.")
        totals[leg.currency] += leg.amount_minor
    if off := {c: t for c, t in totals.items() if t}:
        raise Unbalanced(f"The posting does not balance: {off}.")


def _next_number() -> int:
    head, _ = LedgerHead.objects.select_for_update().get_or_create(pk=1)
    head.last_number += 1
    head.save(update_fields=["last_number"])
    return head.last_number


def post(
    kind: JournalKind,
    legs: Iterable[Leg],
    *,
    actor: User | None,
    on: datetime.date,
    memo: str = "",
    reverses: Journal | None = None,
) -> Journal:
    """Write one balanced journal, or nothing. Audited in the same transaction."""
    legs = list(legs)
    _check_balanced(legs)
    with transaction.atomic():
        journal = Journal.objects.create(
            number=_next_number(), kind=kind, posted_on=on, actor=actor, memo=memo, reverses=reverses
        )
        Line.objects.bulk_create(
            Line(
                journal=journal,
                account=leg.account,
                currency=leg.currency,
                amount_minor=leg.amount_minor,
                case=leg.case,
                entry=leg.entry,
            )
            for leg in legs
        )
        record(Event.LEDGER_POSTED, actor=actor, subject=journal, kind=kind, number=journal.number)
    return journal


def reverse(journal: Journal, *, actor: User | None, on: datetime.date, memo: str) -> Journal:
    """Post the journal's lines with their signs turned. A journal that was already reversed, or is itself a
    reversal, cannot be: the one-to-one link refuses a second reversal even from two requests at once."""
    if journal.kind == JournalKind.REVERSAL:
        raise Unbalanced("A reversal is not reversed; post the correction instead.")
    # Line by line in the original's order: with the joins, PostgreSQL may otherwise return them in any order,
    # and a reversal that lists its lines differently reads (and exports) as a different correction.
    legs = [
        Leg(Account(line.account), line.currency, -line.amount_minor, line.case, line.entry)
        for line in journal.lines.select_related("case", "entry").order_by("pk")
    ]
    return post(JournalKind.REVERSAL, legs, actor=actor, on=on, memo=memo, reverses=journal)


def balance(account: Account, currency: str, **dimensions: object) -> int:
    """The account's balance in minor units, debit positive."""
    total = Line.objects.filter(account=account, currency=currency, **dimensions).aggregate(
        t=Sum("amount_minor")
    )
    return int(total["t"] or 0)


def balances() -> dict[tuple[str, str], int]:
    """Every (account, currency) balance, debit positive."""
    rows = Line.objects.values("account", "currency").annotate(t=Sum("amount_minor"))
    return {(r["account"], r["currency"]): int(r["t"]) for r in rows}


def unbalanced_journals() -> list[int]:
    """Numbers of journals whose lines do not sum to zero in some currency (none, unless the database was
    written around ``post``)."""
    rows = Line.objects.values("journal__number", "currency").annotate(t=Sum("amount_minor")).exclude(t=0)
    return sorted({r["journal__number"] for r in rows})


def verify() -> list[str]:
    """Everything wrong with the ledger, in words: an empty list means it holds."""
    problems = [f"journal {n} does not balance" for n in unbalanced_journals()]
    numbers = list(Journal.objects.order_by("number").values_list("number", flat=True))
    if numbers != list(range(1, len(numbers) + 1)):
        problems.append("journal numbers have gaps")
    if Journal.objects.filter(lines__isnull=True).exists():
        problems.append("a journal has no lines")
    for (account, currency), total in balances().items():
        if account in (Account.REWARDS_OWED, Account.STIPENDS_OWED) and total > 0:
            problems.append(f"more {account} paid than owed in {currency}")
        if account == Account.CASH and total < 0:
            problems.append(f"more paid out than held in {currency}")
    return problems
