"""Recording payments (and reversing them): the finance officer's step, never an approver's.

A payment clears what an approved tranche owes one claimant's case, or one approved stipend. It may be made
in another currency than owed (a reward owed in dollars paid in kyat or baht): the rate and its source are
recorded, the amount paid is the owed amount at that rate rounded once to the currency's minor unit, and the
journal passes through the ``exchange`` trading account so that it balances in both currencies. A payment
must not take the funds held in its currency below zero.

The channel (how the money went: a hawala code, a transfer reference) is sealed to the case's finance
compartment: it is an opaque reference, but the kind that must not sit in clear beside a case reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Perm
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.actions import today
from embrace.cases.models import Case
from embrace.rewards import claims, ledger
from embrace.rewards.claims import ClaimError
from embrace.rewards.ledger import Leg
from embrace.rewards.models import (
    Account,
    Claim,
    ClaimStatus,
    Entry,
    JournalKind,
    LedgerHead,
    Part,
    Payment,
    Stipend,
    StipendStatus,
    Tranche,
    TrancheStatus,
)
from embrace.rewards.money import Currency, MoneyError, amount_shown, convert, currency_name


class PaymentError(ClaimError):
    """The payment is refused; the message says why."""


@dataclass(frozen=True)
class HowPaid:
    currency: str
    rate: Decimal  # units of ``currency`` per unit owed
    rate_source: str
    channel: str  # opaque reference, sealed


def _release_rights(actor: User) -> User:
    current = afresh(actor, Perm.PAYMENT_RELEASE)
    if current is None:
        raise PaymentError(_("Only finance may release payments."))
    return current


def _lock_ledger() -> None:
    # Held to the end of the transaction: the funds check and the posting see the same balance. Taken after
    # the rows of what is paid, never before: approvals lock their claim or stipend and then post (which
    # locks the head), and the opposite order here let PostgreSQL find a deadlock between a payment and an
    # approval on the same claim (embrace/rewards/tests/test_concurrency.py).
    LedgerHead.objects.select_for_update().get_or_create(pk=1)


def _check_how(how: HowPaid, owed_currency: str) -> None:
    if how.currency not in Currency.values:
        raise PaymentError(_("Choose US dollars, kyat or baht."))
    if how.currency == owed_currency and how.rate != 1:
        raise PaymentError(_("Paid in the currency owed, the rate is 1."))
    if how.rate <= 0:
        raise PaymentError(_("An exchange rate must be more than zero."))
    if how.currency != owed_currency and not how.rate_source.strip():
        raise PaymentError(_("Say where the exchange rate comes from."))
    if not how.channel.strip():
        raise PaymentError(_("Give the payment channel's reference."))


def _legs(
    owed_account: Account,
    owed_currency: str,
    owed: list[tuple[Entry | None, int]],
    case: Case,
    how: HowPaid,
) -> tuple[list[Leg], int]:
    total = sum(amount for _, amount in owed)
    legs = [Leg(owed_account, owed_currency, amount, case, entry) for entry, amount in owed]
    if how.currency == owed_currency:
        return [*legs, Leg(Account.CASH, owed_currency, -total, case)], total
    try:
        paid = convert(total, owed_currency, how.currency, how.rate)
    except MoneyError as exc:
        # convert refuses only a rate of zero or less here: the currencies were checked above.
        raise PaymentError(_("An exchange rate must be more than zero.")) from exc
    if paid <= 0:
        raise PaymentError(_("At that rate the payment rounds to nothing."))
    return [
        *legs,
        Leg(Account.EXCHANGE, owed_currency, -total, case),
        Leg(Account.EXCHANGE, how.currency, paid, case),
        Leg(Account.CASH, how.currency, -paid, case),
    ], paid


def _refuse_overdraft(currency: str, amount: int) -> None:
    held = ledger.balance(Account.CASH, currency)
    if held < amount:
        raise PaymentError(
            _("Not enough funds held in %(currency)s: %(held)s for a payment of %(amount)s.")
            % {
                "currency": currency_name(currency),
                "held": amount_shown(held, currency),
                "amount": amount_shown(amount, currency),
            }
        )


def pay_tranche_share(tranche: Tranche, case: Case, how: HowPaid, *, actor: User) -> Payment:
    """Pay what an approved tranche owes one claimant's case."""
    with transaction.atomic():
        current = _release_rights(actor)
        claim = Claim.objects.select_for_update(of=("self",)).select_related("case").get(pk=tranche.claim_id)
        locked = Tranche.objects.select_for_update().get(pk=tranche.pk)
        _lock_ledger()
        if locked.status != TrancheStatus.APPROVED:
            raise PaymentError(_("Only an approved tranche that is not fully paid can be paid."))
        if claim.status == ClaimStatus.REJECTED:
            raise PaymentError(_("This claim was rejected: nothing more is paid on it."))
        if claim.status == ClaimStatus.WITHDRAWN:
            raise PaymentError(_("This claim was withdrawn: nothing more is paid on it."))
        owed = claims.owed_by_case(locked).get(str(case.pk))
        if not owed:
            raise PaymentError(_("This tranche owes that case nothing."))
        if locked.payments.filter(case=case, reversed=False).exists():
            raise PaymentError(_("This share of the tranche is already paid."), status=409)
        _check_how(how, Currency.USD)
        claims.take_part(claim, current, Part.PAYER)
        legs, paid = _legs(Account.REWARDS_OWED, Currency.USD, owed, case, how)
        _refuse_overdraft(how.currency, paid)
        payment = _record(
            JournalKind.REWARD_PAID,
            legs,
            case=case,
            owed=(Currency.USD, sum(a for _, a in owed)),
            paid=paid,
            how=how,
            approvers=(locked.asked_by, locked.approved_by),
            actor=current,
            tranche=locked,
        )
        if set(claims.owed_by_case(locked)) <= {
            str(c) for c in locked.payments.filter(reversed=False).values_list("case_id", flat=True)
        }:
            Tranche.objects.filter(pk=locked.pk).update(status=TrancheStatus.PAID)
            if not claim.tranches.exclude(status__in=[TrancheStatus.PAID, TrancheStatus.CANCELLED]).exists():
                claim.status = ClaimStatus.PAID
                claim.save(update_fields=["status"])
    return payment


def pay_stipend(stipend: Stipend, how: HowPaid, *, actor: User) -> Payment:
    """Pay an approved stipend: only by someone in finance who did not approve it."""
    with transaction.atomic():
        current = _release_rights(actor)
        locked = Stipend.objects.select_for_update(of=("self",)).select_related("case").get(pk=stipend.pk)
        _lock_ledger()
        if locked.status != StipendStatus.APPROVED:
            raise PaymentError(_("Only an approved, unpaid stipend can be paid."))
        if locked.approved_by_id == current.pk:
            raise PaymentError(_("You approved this stipend: someone else in finance must pay it."))
        _check_how(how, locked.currency)
        legs, paid = _legs(
            Account.STIPENDS_OWED, locked.currency, [(None, locked.amount_minor)], locked.case, how
        )
        _refuse_overdraft(how.currency, paid)
        payment = _record(
            JournalKind.STIPEND_PAID,
            legs,
            case=locked.case,
            owed=(locked.currency, locked.amount_minor),
            paid=paid,
            how=how,
            approvers=(locked.approved_by, None),
            actor=current,
            stipend=locked,
        )
        Stipend.objects.filter(pk=locked.pk).update(status=StipendStatus.PAID)
    return payment


def _record(
    kind: JournalKind,
    legs: list[Leg],
    *,
    case: Case,
    owed: tuple[str, int],
    paid: int,
    how: HowPaid,
    approvers: tuple[User | None, User | None],
    actor: User,
    tranche: Tranche | None = None,
    stipend: Stipend | None = None,
) -> Payment:
    first, second = approvers
    if first is None:
        raise PaymentError(_("What this pays was never approved."))
    if actor.pk in (first.pk, second.pk if second else None):
        raise PaymentError(_("You approved this: someone else in finance must release the payment."))
    journal = ledger.post(kind, legs, actor=actor, on=today())
    try:
        # The constraints are the last word: paid once, and never by an approver, even in a race.
        with transaction.atomic():
            payment = Payment.objects.create(
                case=case,
                tranche=tranche,
                stipend=stipend,
                owed_currency=owed[0],
                owed_minor=owed[1],
                currency=how.currency,
                amount_minor=paid,
                rate=how.rate,
                rate_source=how.rate_source.strip(),
                channel=claims.seal_for(case, {"channel": how.channel.strip()}, actor=actor),
                paid_on=today(),
                released_by=actor,
                approved_by_1=first,
                approved_by_2=second,
                journal=journal,
            )
    except IntegrityError as exc:
        if "payment_not_released_by_approver" in str(exc):
            raise PaymentError(
                _("You approved this: someone else in finance must release the payment.")
            ) from None
        raise PaymentError(_("This is already paid."), status=409) from None
    record(
        Event.PAYMENT_RECORDED,
        actor=actor,
        subject=payment,
        case=str(case.pk),
        currency=how.currency,
        amount=paid,
        journal=journal.number,
    )
    return payment


def _owed_again(tranche: Tranche, actor: User) -> None:
    """After a reversal the tranche is owed again, unless its claim has since been rejected or withdrawn:
    then, once none of it stays paid, what it owed is reversed too and it is cancelled (while some shares
    stay paid, the rest stays committed but is not paid again; see docs/rewards.md)."""
    claim = tranche.claim
    if claim.status not in (ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN):
        Tranche.objects.filter(pk=tranche.pk).update(status=TrancheStatus.APPROVED)
        Claim.objects.filter(pk=claim.pk, status=ClaimStatus.PAID).update(status=ClaimStatus.APPROVED)
        return
    if tranche.payments.filter(reversed=False).exists() or tranche.owed is None:
        Tranche.objects.filter(pk=tranche.pk).update(status=TrancheStatus.APPROVED)
        return
    ledger.reverse(tranche.owed, actor=actor, on=today(), memo=f"claim {claim.reference} {claim.status}")
    Tranche.objects.filter(pk=tranche.pk).update(status=TrancheStatus.CANCELLED)


def reverse_payment(payment: Payment, *, memo: str, actor: User) -> Payment:
    """Undo a payment recorded in error: a reversing journal, and what it paid is owed again."""
    with transaction.atomic():
        current = _release_rights(actor)
        # In the order every other step takes them: the claim, the tranche (or the stipend), then the ledger.
        found = (
            Payment.objects.filter(pk=payment.pk)
            .values("tranche__claim_id", "tranche_id", "stipend_id")
            .get()
        )
        if found["tranche_id"]:
            Claim.objects.select_for_update().filter(pk=found["tranche__claim_id"]).get()
            Tranche.objects.select_for_update().filter(pk=found["tranche_id"]).get()
        elif found["stipend_id"]:
            Stipend.objects.select_for_update().filter(pk=found["stipend_id"]).get()
        locked = Payment.objects.select_for_update(of=("self",)).select_related("journal").get(pk=payment.pk)
        _lock_ledger()
        if locked.reversed:
            raise PaymentError(_("This payment has already been reversed."), status=409)
        if not memo.strip():
            raise PaymentError(_("Say why the payment is reversed."))
        journal = ledger.reverse(locked.journal, actor=current, on=today(), memo=memo.strip())
        Payment.objects.filter(pk=locked.pk).update(reversed=True)
        if locked.tranche_id:
            _owed_again(Tranche.objects.select_related("claim", "owed").get(pk=locked.tranche_id), current)
        elif locked.stipend_id:
            Stipend.objects.filter(pk=locked.stipend_id).update(status=StipendStatus.APPROVED)
        record(Event.PAYMENT_REVERSED, actor=current, subject=locked, journal=journal.number)
        locked.refresh_from_db()
    return locked
