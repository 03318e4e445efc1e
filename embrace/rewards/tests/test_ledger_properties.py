"""The ledger's invariants under random sequences of everything that posts to it.

A hypothesis state machine donates and reverses donations, opens and submits claims (some naming an asset
another claim holds, some shared between two cases), verifies or rejects them, values them in one to three
tranches, has random people ask for, approve and refuse tranches (committee members and people who may not),
pays random shares in random currencies and rates (overdrafts included), reverses payments and withdraws
claims. A refusal (``ClaimError``, ``PaymentError``, ``FundsError``) is an answer and is counted; any other
exception fails. After every step the invariants below are checked against the database and against what
the machine itself recorded.

Walking a case to arrival costs Argon2 (the enquirer's receipt), so one desk and a few arrived cases are made
once for the test; each example runs inside a savepoint that is rolled back, so it starts from the same
empty ledger.
"""

from __future__ import annotations

import datetime
import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from django.db import transaction
from django.db.models import Count, Q, Sum
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from embrace.accounts.roles import Role
from embrace.cases.models import Case
from embrace.rewards import claims, funds, ledger, payments
from embrace.rewards.claims import ClaimError, ShareSpec, TranchePlan
from embrace.rewards.funds import FundsError
from embrace.rewards.models import (
    Account,
    Claim,
    ClaimItem,
    ClaimStatus,
    Journal,
    JournalKind,
    Line,
    Part,
    Participant,
    Payment,
    Tranche,
    TrancheCondition,
    TrancheStatus,
)
from embrace.rewards.money import Currency
from embrace.testing.personas import make_persona
from embrace.testing.rewards import Desk, arrived_case, make_desk
from embrace.vault.keyring import Keyring

pytestmark = pytest.mark.django_db

ACT = datetime.date(2023, 3, 1)
CASES = 3
CURRENCIES = [Currency.USD, Currency.MMK, Currency.THB]
# Roughly units of the currency per dollar, so that donations and payments meet on the same scale.
SCALE = {Currency.USD: 1, Currency.MMK: 2100, Currency.THB: 35}
ENTRIES = [
    "defect-aircraft-or-vessel",  # US$500,000
    "damage-aircraft-or-warship",  # US$300,000 per vehicle
    "defect-tank-or-apc",  # US$100,000
    "other-weapons-equipment",  # valued by committee
]
ASSETS = ["", "", "4-601", "4601", "UB-501", "X-9"]  # "4-601" and "4601" are one asset
PEOPLE = [
    "handler",
    "reviewer",
    "reviewer2",
    "committee1",
    "committee2",
    "committee3",
    "finance1",
    "finance2",
    "dual",
]
# "dual" sits on the committee and in finance: the one person whom only the separation of parts stops from
# paying what they approved.
COMMITTEE = ["committee1", "committee2", "committee3", "dual"]
FINANCE = ["finance1", "finance2", "dual"]
# None: someone who may take the step (see ``LedgerMachine.who``); a name: that person, allowed or not.
ANYONE = st.one_of(st.none(), st.none(), st.sampled_from(PEOPLE))
# A payer by name is mostly "dual", who may have approved the tranche: refused, by the parts they took.
PAYER = st.one_of(st.none(), st.none(), st.sampled_from(["dual", "dual", "committee2", "handler"]))
# Most picks aim at a claim or tranche ready for the step (a random one would nearly always be refused,
# and sequences would never get as far as paying); the rest take any, to be refused.
AIM = st.sampled_from([True, True, True, False])
REFUSED = (ClaimError, FundsError)  # PaymentError is a ClaimError
# A planned tranche that may be asked for now.
DUE = Q(condition=TrancheCondition.ARRIVAL) | Q(claim__verified_on__isnull=False)
VALUATION: dict[str, st.SearchStrategy[Any]] = {
    "committee_value": st.integers(min_value=1, max_value=20_000_000),
    "cuts": st.lists(st.floats(min_value=0, max_value=1), max_size=2),
    "conditions": st.lists(st.sampled_from(TrancheCondition.values), min_size=3, max_size=3),
    "wrong": st.sampled_from([False, False, False, True]),
}
PAYMENT: dict[str, st.SearchStrategy[Any]] = {
    "case": st.one_of(st.none(), st.none(), st.integers(0, CASES - 1)),  # None: the claim's own case
    "currency": st.sampled_from(CURRENCIES),
    # Now and then far above the market (ten times): more than the funds held in that currency.
    "rate_percent": st.one_of(st.integers(min_value=1, max_value=300), st.just(1000)),
    "source": st.sampled_from(["CBM reference rate", "CBM reference rate", ""]),
}


@dataclass
class Pool:
    desk: Desk
    cases: list[Case]
    keyrings: dict[str, Keyring] = field(default_factory=dict)

    def keyring(self, name: str) -> Keyring:
        if name not in self.keyrings:
            self.keyrings[name] = self.desk.keyring(name)
        return self.keyrings[name]


@dataclass
class Paid:
    payment: Payment
    reversed: bool = False


@dataclass
class Donated:
    journal: Journal
    currency: str
    amount_minor: int
    reversed: bool = False


# What happened, across all examples: the test asserts that every kind of step both succeeded and was
# refused at least once, so a generator that never reaches a payment cannot pass quietly.
OUTCOMES: Counter[str] = Counter()
REFUSALS: dict[str, set[str]] = defaultdict(set)


def _attempt(kind: str, step: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        result = step(*args, **kwargs)
    except REFUSED as exc:
        OUTCOMES[f"{kind}:refused"] += 1
        REFUSALS[kind].add(str(exc))
        return None
    OUTCOMES[f"{kind}:done"] += 1
    return result


def _indexes(n: int) -> st.SearchStrategy[int]:
    return st.integers(min_value=0, max_value=n)


class LedgerMachine(RuleBasedStateMachine):
    pool: Pool  # set by the test

    def __init__(self) -> None:
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.donations: list[Donated] = []
        self.claims: list[Claim] = []
        self.tranches: list[Tranche] = []
        self.paid: list[Paid] = []
        self.turn = 0  # rotates who among the allowed takes a step

    def teardown(self) -> None:
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def user(self, name: str):
        return self.pool.desk.user(name)

    def who(
        self, name: str | None, claim: Claim, part: Part, among: list[str], *, besides: Any = None
    ) -> str:
        """``name``, or when None someone from ``among`` who may take ``part`` in the claim: no other part in
        it, and not ``besides`` (the member who asked). When nobody fits, the first of ``among``."""
        if name is not None:
            return name
        self.turn += 1
        taken = dict(Participant.objects.filter(claim=claim).values_list("user_id", "part"))
        fits = [n for n in among if taken.get(self.user(n).pk, part) == part and self.user(n).pk != besides]
        return (fits or among)[self.turn % len(fits or among)]

    def pick_claim(self, i: int, aim: bool, **ready: Any) -> Claim:
        pks = set(
            Claim.objects.filter(pk__in=[c.pk for c in self.claims], **ready).values_list("pk", flat=True)
        )
        candidates = [c for c in self.claims if c.pk in pks] if aim else []
        chosen = candidates or self.claims
        return chosen[i % len(chosen)]

    def pick_tranche(self, i: int, aim: bool, status: str, *among: Q) -> Tranche:
        ready = Tranche.objects.filter(*among, pk__in=[t.pk for t in self.tranches], status=status)
        pks = set(ready.values_list("pk", flat=True))
        candidates = [t for t in self.tranches if t.pk in pks] if aim else []
        chosen = candidates or self.tranches
        return chosen[i % len(chosen)]

    # --- Funds ------------------------------------------------------------------------------------------

    # One rule for funds in and out, so that they take no more of a sequence's steps than a claim's do.
    @rule(
        reverse=st.sampled_from([False, False, True]),
        i=_indexes(100),
        currency=st.sampled_from(CURRENCIES),
        units=st.one_of(st.sampled_from([100_000, 500_000, 2_000_000]), st.integers(1, 1_000_000)),
        actor=st.sampled_from(["finance1", "finance2", "finance2", "committee1"]),
    )
    def funds(self, reverse: bool, i: int, currency: str, units: int, actor: str) -> None:
        if reverse and self.donations:
            # Mostly one not yet reversed; the reversal is refused when the money has been paid out.
            chosen = [d for d in self.donations if not d.reversed] if i % 4 else []
            donated = (chosen or self.donations)[i % len(chosen or self.donations)]
            done = _attempt(
                "reverse_donation",
                lambda: funds.reverse_donation(
                    donated.journal, memo="recorded twice", actor=self.user(actor)
                ),
            )
            if done is not None:
                donated.reversed = True
            return
        amount = units * SCALE[currency] * 100
        journal = _attempt(
            "donate",
            lambda: funds.record_donation(amount, currency, memo="D-1", actor=self.user(actor)),
        )
        if journal is not None:
            self.donations.append(Donated(journal, currency, amount))

    # --- Claims -----------------------------------------------------------------------------------------

    @rule(
        case=_indexes(CASES - 1),
        items=st.lists(
            st.tuples(
                st.sampled_from(ENTRIES),
                st.sampled_from(["tail", "hull", "serial"]),
                st.sampled_from(ASSETS),
                st.sampled_from([1, 1, 1, 2]),  # 2 is refused unless the entry is paid per vehicle
                st.one_of(st.none(), st.none(), st.tuples(_indexes(CASES - 1), st.integers(1, 10_000))),
            ),
            min_size=1,
            max_size=3,
        ),
        submit=st.sampled_from([True, True, True, False]),
        opener=st.sampled_from(["handler", "handler", "handler", "committee1"]),
    )
    def open_claim(self, case: int, items: list[tuple[Any, ...]], submit: bool, opener: str) -> None:
        handler = self.user("handler")
        claim = _attempt(
            "open_claim", lambda: claims.open_claim(self.pool.cases[case], actor=self.user(opener))
        )
        if claim is None:
            return
        self.claims.append(claim)
        for code, kind, asset, quantity, sharing in items:
            shares: list[ShareSpec] = []
            if sharing is not None:
                other, bp = sharing
                # bp == 10,000 leaves the other case nothing: a share of zero, refused.
                shares = [
                    ShareSpec(self.pool.cases[case].reference, bp),
                    ShareSpec(self.pool.cases[other].reference, 10_000 - bp),
                ]
            _attempt(
                "add_item",
                claims.add_item,
                claim,
                entry_code=code,
                act_on=ACT,
                quantity=quantity,
                asset_kind=kind,
                asset_number=asset,
                description="brought across",
                evidence="photos",
                shares=shares,
                actor=handler,
            )
        if submit:
            _attempt("submit", lambda: claims.submit_claim(claim, actor=handler))

    @precondition(lambda self: self.claims)
    @rule(i=_indexes(100), aim=AIM, genuine=st.sampled_from([True, True, False]), actor=ANYONE)
    def verify(self, i: int, aim: bool, genuine: bool, actor: str | None) -> None:
        claim = self.pick_claim(
            i, aim, status__in=[ClaimStatus.SUBMITTED, ClaimStatus.APPROVED], verified_on__isnull=True
        )
        name = self.who(actor, claim, Part.VERIFIER, ["reviewer", "reviewer2"])
        _attempt(
            "verify" if genuine else "reject",
            lambda: claims.verify_claim(
                claim, genuine=genuine, note="", actor=self.user(name), keyring=self.pool.keyring(name)
            ),
        )

    @precondition(lambda self: self.claims)
    @rule(i=_indexes(100), aim=AIM, actor=ANYONE, **VALUATION)
    def value(
        self,
        i: int,
        aim: bool,
        actor: str | None,
        committee_value: int,
        cuts: list[float],
        conditions: list[str],
        wrong: bool,
    ) -> None:
        claim = self.pick_claim(i, aim, status=ClaimStatus.SUBMITTED, valued_on__isnull=True)
        name = self.who(actor, claim, Part.VALUER, COMMITTEE)
        values: dict[str, int] = {}
        for item in claim.items.select_related("entry"):
            fixed = claims._published_value(item)
            values[str(item.pk)] = fixed if fixed is not None else committee_value
        total = sum(values.values())
        # Cut points anywhere in the total: a cut at an end makes a tranche of nothing, which is refused.
        points = sorted({round(total * c) for c in cuts})
        bounds = [0, *points, total]
        amounts = [b - a for a, b in itertools.pairwise(bounds)]
        if wrong and amounts:
            amounts[-1] += 1  # tranches that do not add up to the value
        plans = [TranchePlan(TrancheCondition(c), a) for c, a in zip(conditions, amounts, strict=False)]
        done = _attempt(
            "value",
            lambda: claims.value_claim(
                claim, values, plans, actor=self.user(name), keyring=self.pool.keyring(name)
            ),
        )
        if done is not None:
            self.tranches += list(claim.tranches.order_by("position"))

    @precondition(lambda self: self.tranches)
    @rule(i=_indexes(100), aim=AIM, actor=ANYONE)
    def ask(self, i: int, aim: bool, actor: str | None) -> None:
        tranche = self.pick_tranche(i, aim, TrancheStatus.PLANNED, DUE)
        name = self.who(actor, tranche.claim, Part.APPROVER, COMMITTEE)
        _attempt("ask", lambda: claims.ask_tranche(tranche, actor=self.user(name)))

    @precondition(lambda self: self.tranches)
    @rule(i=_indexes(100), aim=AIM, approve=st.sampled_from([True, True, False]), actor=ANYONE)
    def decide(self, i: int, aim: bool, approve: bool, actor: str | None) -> None:
        tranche = self.pick_tranche(i, aim, TrancheStatus.ASKED)
        asker = Tranche.objects.get(pk=tranche.pk).asked_by_id
        name = self.who(actor, tranche.claim, Part.APPROVER, COMMITTEE, besides=asker)
        _attempt(
            "approve" if approve else "refuse",
            lambda: claims.decide_tranche(tranche, approve=approve, actor=self.user(name)),
        )

    # Withdrawing cancels a claim's future, so it aims at nothing and is mostly tried by the wrong person.
    @precondition(lambda self: self.claims)
    @rule(i=_indexes(100), actor=st.sampled_from(["handler", "committee2", "reviewer"]))
    def withdraw(self, i: int, actor: str) -> None:
        claim = self.claims[i % len(self.claims)]
        _attempt("withdraw", lambda: claims.withdraw_claim(claim, note="", actor=self.user(actor)))

    # --- Payments ---------------------------------------------------------------------------------------

    @precondition(lambda self: self.tranches)
    @rule(i=_indexes(100), aim=AIM, actor=PAYER, **PAYMENT)
    def pay(
        self,
        i: int,
        aim: bool,
        case: int | None,
        currency: str,
        rate_percent: int,
        source: str,
        actor: str | None,
    ) -> None:
        # "dual" tries above all to pay a tranche they approved.
        dual = self.user("dual")
        mine = [Q(asked_by=dual) | Q(approved_by=dual)] if actor == "dual" else []
        tranche = self.pick_tranche(i, aim, TrancheStatus.APPROVED, *mine)
        name = self.who(actor, tranche.claim, Part.PAYER, FINANCE)
        if currency == Currency.USD:
            # Mostly right; now and then a dollar payment at a rate other than 1, which is refused.
            rate = Decimal(1) if rate_percent <= 250 else Decimal(rate_percent) / 100
        else:
            rate = Decimal(SCALE[currency] * rate_percent) / 100
        how = payments.HowPaid(currency, rate, source, "HW-7F3K")
        payment = _attempt(
            "pay",
            lambda: payments.pay_tranche_share(
                tranche,
                tranche.claim.case if case is None else self.pool.cases[case],
                how,
                actor=self.user(name),
            ),
        )
        if payment is not None:
            self.paid.append(Paid(payment))

    @precondition(lambda self: self.paid)
    @rule(
        i=_indexes(100),
        aim=AIM,
        memo=st.sampled_from(["wrong channel", "wrong channel", ""]),
        actor=st.sampled_from(["finance1", "finance2", "finance2", "committee2"]),
    )
    def reverse_payment(self, i: int, aim: bool, memo: str, actor: str) -> None:
        chosen = [p for p in self.paid if not p.reversed] if aim else []
        chosen = chosen or self.paid
        paid = chosen[i % len(chosen)]
        done = _attempt(
            "reverse_payment",
            lambda: payments.reverse_payment(paid.payment, memo=memo, actor=self.user(actor)),
        )
        if done is not None:
            paid.reversed = True

    # --- Progress -----------------------------------------------------------------------------------------

    @precondition(lambda self: self.claims)
    @rule(i=_indexes(100), data=st.data())
    def advance(self, i: int, data: st.DataObject) -> None:
        """One to four of the deepest steps some claim is ready for, each by someone allowed to take it, with
        the invariants checked after each. Without this, random sequences seldom carry a claim past valuation
        before a withdrawal or a refusal ends it."""
        for n in range(data.draw(st.integers(min_value=1, max_value=4))):
            self._deepest_step(i + n, data)
            self.check_every_invariant()

    def _deepest_step(self, i: int, data: st.DataObject) -> None:
        mine = {"pk__in": [c.pk for c in self.claims]}
        tranches = Tranche.objects.filter(claim__in=[c.pk for c in self.claims])
        if self.paid and i % 5 == 0 and not all(p.reversed for p in self.paid):
            self.reverse_payment(i=i, aim=True, memo="wrong channel", actor="finance2")
        elif tranches.filter(status=TrancheStatus.APPROVED).exists():
            how = data.draw(st.fixed_dictionaries(PAYMENT))
            # Money first, so that this payment is not refused as an overdraft (the ``pay`` rule tries those).
            if ledger.balance(Account.CASH, how["currency"]) < 2_000_000 * SCALE[how["currency"]] * 100:
                self.funds(reverse=False, i=i, currency=how["currency"], units=2_000_000, actor="finance1")
            self.pay(i=i, aim=True, actor=data.draw(PAYER), **how)
        elif tranches.filter(status=TrancheStatus.ASKED).exists():
            self.decide(i=i, aim=True, approve=data.draw(st.sampled_from([True, True, False])), actor=None)
        elif tranches.filter(DUE, status=TrancheStatus.PLANNED).exists():
            self.ask(i=i, aim=True, actor=None)
        elif Claim.objects.filter(**mine, status=ClaimStatus.SUBMITTED, valued_on__isnull=True).exists():
            self.value(i=i, aim=True, actor=None, **data.draw(st.fixed_dictionaries(VALUATION)))
        elif Claim.objects.filter(**mine, status=ClaimStatus.SUBMITTED, verified_on__isnull=True).exists():
            self.verify(i=i, aim=True, genuine=True, actor=None)

    def check_every_invariant(self) -> None:
        # Hypothesis checks them after each rule; this is for the steps inside one.
        self.ledger_verifies()
        self.journals_are_numbered_without_gaps_and_each_balances()
        self.cash_is_donations_less_payments()
        self.rewards_owed_is_approved_less_paid()
        self.a_tranche_is_paid_exactly_when_every_share_is()
        self.an_asset_is_held_by_one_live_item()
        self.no_one_takes_two_parts()
        self.no_payment_is_released_by_an_approver()
        self.each_journal_is_reversed_at_most_once()

    # --- Invariants -------------------------------------------------------------------------------------

    @invariant()
    def ledger_verifies(self) -> None:
        assert ledger.verify() == []

    @invariant()
    def journals_are_numbered_without_gaps_and_each_balances(self) -> None:
        numbers = list(Journal.objects.order_by("number").values_list("number", flat=True))
        assert numbers == list(range(1, len(numbers) + 1))
        totals: dict[tuple[int, str], int] = defaultdict(int)
        for number, currency, amount in Line.objects.values_list(
            "journal__number", "currency", "amount_minor"
        ):
            totals[(number, currency)] += amount
        assert {k: t for k, t in totals.items() if t} == {}
        assert not Journal.objects.filter(lines__isnull=True).exists()

    @invariant()
    def cash_is_donations_less_payments(self) -> None:
        for currency in CURRENCIES:
            donated = sum(d.amount_minor for d in self.donations if d.currency == currency and not d.reversed)
            paid = sum(
                p.payment.amount_minor for p in self.paid if p.payment.currency == currency and not p.reversed
            )
            assert ledger.balance(Account.CASH, currency) == donated - paid
            assert ledger.balance(Account.DONATIONS, currency) == -donated
            stored = Payment.objects.filter(currency=currency, reversed=False).aggregate(
                t=Sum("amount_minor")
            )
            assert (stored["t"] or 0) == paid

    @invariant()
    def rewards_owed_is_approved_less_paid(self) -> None:
        live = list(Tranche.objects.filter(status__in=[TrancheStatus.APPROVED, TrancheStatus.PAID]))
        owed: dict[str, int] = defaultdict(int)
        for tranche in live:
            by_case = claims.owed_by_case(tranche)
            # What a tranche owes its claimants is the tranche, to the cent, split in proportion to value.
            assert sum(a for rows in by_case.values() for _, a in rows) == tranche.amount_minor
            self._owed_in_proportion(tranche, by_case)
            for case_pk, rows in by_case.items():
                owed[case_pk] += sum(a for _, a in rows)
        for payment in Payment.objects.filter(reversed=False, tranche__isnull=False):
            owed[str(payment.case_id)] -= payment.owed_minor
        for case in self.pool.cases:
            assert ledger.balance(Account.REWARDS_OWED, Currency.USD, case=case) == -owed[str(case.pk)]
        assert ledger.balance(Account.REWARDS, Currency.USD) == sum(t.amount_minor for t in live)

    def _owed_in_proportion(self, tranche: Tranche, by_case: dict[str, list[Any]]) -> None:
        value: dict[str, int] = defaultdict(int)
        for case, _entry, amount in claims.entitlements(tranche.claim):
            value[str(case.pk)] += amount
        whole = sum(value.values())
        for case_pk, rows in by_case.items():
            exact = Fraction(tranche.amount_minor * value[case_pk], whole)
            # Largest-remainder rounding moves each (case, entry) line by less than a cent.
            assert abs(sum(a for _, a in rows) - exact) < len(rows)

    @invariant()
    def a_tranche_is_paid_exactly_when_every_share_is(self) -> None:
        paid: dict[Any, set[str]] = defaultdict(set)
        for tranche_id, case_id in Payment.objects.filter(reversed=False).values_list(
            "tranche_id", "case_id"
        ):
            paid[tranche_id].add(str(case_id))
        for tranche in Tranche.objects.all():
            if tranche.status in (TrancheStatus.APPROVED, TrancheStatus.PAID):
                owed = set(claims.owed_by_case(tranche))
                assert paid[tranche.pk] <= owed
                assert (tranche.status == TrancheStatus.PAID) == (paid[tranche.pk] == owed)
                continue
            assert not paid[tranche.pk]
            if tranche.owed_id is not None:  # cancelled after approval: what it owed was reversed
                assert tranche.status == TrancheStatus.CANCELLED
                assert Journal.objects.filter(reverses_id=tranche.owed_id).exists()

    @invariant()
    def an_asset_is_held_by_one_live_item(self) -> None:
        held = (
            ClaimItem.objects.filter(asset_held=True, asset_digest__isnull=False)
            .values("asset_digest")
            .annotate(n=Count("id"))
            .filter(n__gt=1)
        )
        assert list(held) == []
        # A closed claim lets its assets go unless some of it was paid.
        for item in ClaimItem.objects.filter(
            asset_held=True, claim__status__in=[ClaimStatus.REJECTED, ClaimStatus.WITHDRAWN]
        ):
            assert Payment.objects.filter(tranche__claim=item.claim_id).exists()

    @invariant()
    def no_one_takes_two_parts(self) -> None:
        assert (
            not Participant.objects.values("claim", "user").annotate(n=Count("id")).filter(n__gt=1).exists()
        )
        payers: dict[Any, set[Any]] = defaultdict(set)
        for claim_id, payer in Payment.objects.values_list("tranche__claim_id", "released_by"):
            payers[claim_id].add(payer)
        for claim in Claim.objects.prefetch_related("tranches"):
            parts: dict[Any, set[str]] = defaultdict(set)
            parts[claim.opened_by_id].add("handler")
            if claim.verified_by_id:
                parts[claim.verified_by_id].add("verifier")
            if claim.valued_by_id:
                parts[claim.valued_by_id].add("valuer")
            for tranche in claim.tranches.all():
                for approver in (tranche.asked_by_id, tranche.approved_by_id):
                    if approver:
                        parts[approver].add("approver")
            for payer in payers[claim.pk]:
                parts[payer].add("payer")
            assert all(len(p) == 1 for p in parts.values()), parts

    @invariant()
    def no_payment_is_released_by_an_approver(self) -> None:
        for payment in Payment.objects.select_related("tranche"):
            assert payment.tranche is not None
            approvers = {payment.tranche.asked_by_id, payment.tranche.approved_by_id}
            assert None not in approvers
            assert payment.released_by_id not in approvers
            assert payment.released_by_id not in {payment.approved_by_1_id, payment.approved_by_2_id}

    @invariant()
    def each_journal_is_reversed_at_most_once(self) -> None:
        assert (
            not Journal.objects.values("reverses")
            .filter(reverses__isnull=False)
            .annotate(n=Count("id"))
            .filter(n__gt=1)
            .exists()
        )
        assert not Journal.objects.filter(kind=JournalKind.REVERSAL, reversed_by__isnull=False).exists()
        reversed_journals = set(
            Journal.objects.filter(reverses__isnull=False).values_list("reverses_id", flat=True)
        )
        flags = dict(Payment.objects.values_list("pk", "reversed"))
        for paid in self.paid:
            assert (paid.payment.journal_id in reversed_journals) == paid.reversed
            assert flags[paid.payment.pk] == paid.reversed


@pytest.fixture
def pool() -> Pool:
    desk = make_desk()
    desk.people["dual"] = make_persona("dual", Role.REWARD_COMMITTEE, Role.FINANCE, teams=(desk.team,))
    return Pool(desk, [arrived_case(desk) for _ in range(CASES)])


def test_the_ledger_holds_after_every_step_of_random_claims_and_payments(pool: Pool) -> None:
    OUTCOMES.clear()
    REFUSALS.clear()
    machine = type("Machine", (LedgerMachine,), {"pool": pool})
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=30,
            stateful_step_count=50,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    # The generator reached every path: each step both happened and was refused somewhere.
    kinds = ["donate", "open_claim", "add_item", "submit", "verify", "reject", "value", "ask"]
    kinds += ["approve", "refuse", "withdraw", "pay", "reverse_payment", "reverse_donation"]
    missing = [f"{k}:{o}" for k in kinds for o in ("done", "refused") if not OUTCOMES[f"{k}:{o}"]]
    assert missing == [], sorted(OUTCOMES.items())
    # The refusals that matter most were among them: a second claim of one asset, and an overdraft.
    assert any("already claimed" in m for m in REFUSALS["add_item"])
    assert any("Not enough funds" in m for m in REFUSALS["pay"])
    assert any("already took part" in m for m in REFUSALS["pay"]), (
        sorted(REFUSALS["pay"]),
        sorted(OUTCOMES.items()),
    )
