"""Funds received: donations into the programme's cash, and their reversal when one was recorded wrongly.

A donation debits ``cash`` and credits ``donations`` in one currency. Its reversal is refused when the cash
held in that currency would go below nothing: the money may already have been paid out, and a ledger that
holds less than nothing is one that paid money it never had. The check and the posting run under the ledger
lock, so no payment can slip between them.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Perm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.actions import today
from embrace.myanmar.templatetags.myanmar import digits
from embrace.rewards import ledger
from embrace.rewards.ledger import Leg
from embrace.rewards.models import Account, Journal, JournalKind, LedgerHead
from embrace.rewards.money import MAX_MINOR, Currency, amount_shown, currency_name

MEMO_MAX = 200


class FundsError(Exception):
    """The funds cannot be recorded or reversed; the message says why, in words for the user."""


def _current(user: User) -> User:
    current = afresh(user, Perm.FUNDS_RECORD)
    if current is None:
        raise FundsError(_("Only finance may record or reverse funds received."))
    return current


def _clean_memo(memo: str, *, required: bool) -> str:
    memo = memo.strip()
    if required and not memo:
        raise FundsError(_("Say why, in a few words."))
    if len(memo) > MEMO_MAX:
        raise FundsError(_("A memo is at most %(count)s characters.") % {"count": digits(MEMO_MAX)})
    return memo


def record_donation(
    amount_minor: int, currency: str, *, memo: str, actor: User, on: datetime.date | None = None
) -> Journal:
    """Post funds received. ``memo`` is a donor's code, never a name; it stays out of the audit log."""
    current = _current(actor)
    if currency not in Currency.values:
        raise FundsError(_("%(currency)s is not a currency the programme holds.") % {"currency": currency})
    if not isinstance(amount_minor, int) or isinstance(amount_minor, bool):
        raise FundsError(_("An amount is a whole number of minor units."))
    if not 0 < amount_minor < MAX_MINOR:
        raise FundsError(_("An amount received must be more than nothing, and not absurdly large."))
    memo = _clean_memo(memo, required=False)
    with transaction.atomic():
        journal = ledger.post(
            JournalKind.DONATION,
            [Leg(Account.CASH, currency, amount_minor), Leg(Account.DONATIONS, currency, -amount_minor)],
            actor=current,
            on=on or today(),
            memo=memo,
        )
        record(
            Event.FUNDS_RECEIVED,
            actor=current,
            subject=journal,
            number=journal.number,
            currency=currency,
            amount_minor=amount_minor,
        )
    return journal


def reverse_donation(journal: Journal, *, memo: str, actor: User) -> Journal:
    """Post the donation's reversal, unless it was reversed already or the cash it brought has been spent."""
    current = _current(actor)
    memo = _clean_memo(memo, required=True)
    with transaction.atomic():
        # The ledger lock first: no other posting moves cash between the check below and the reversal.
        LedgerHead.objects.select_for_update().get_or_create(pk=1)
        locked = Journal.objects.filter(pk=journal.pk).first()
        if locked is None or locked.kind != JournalKind.DONATION:
            raise FundsError(_("Only funds received can be reversed here."))
        if Journal.objects.filter(reverses=locked).exists():
            raise FundsError(_("Journal %(number)s has already been reversed.") % {"number": locked.number})
        brought: dict[str, int] = defaultdict(int)
        for currency, amount in locked.lines.filter(account=Account.CASH).values_list(
            "currency", "amount_minor"
        ):
            brought[currency] += amount
        for currency, amount in sorted(brought.items()):
            held = ledger.balance(Account.CASH, currency)
            if held - amount < 0:
                raise FundsError(
                    _(
                        "Reversing this would leave less than nothing in %(currency)s: %(held)s is held and "
                        "%(amount)s would go."
                    )
                    % {
                        "currency": currency_name(currency),
                        "held": amount_shown(held, currency),
                        "amount": amount_shown(amount, currency),
                    }
                )
        reversal = ledger.reverse(locked, actor=current, on=today(), memo=memo)
        for currency, amount in sorted(brought.items()):
            record(
                Event.FUNDS_REVERSED,
                actor=current,
                subject=reversal,
                number=reversal.number,
                reverses=locked.number,
                currency=currency,
                amount_minor=-amount,
            )
    return reversal
