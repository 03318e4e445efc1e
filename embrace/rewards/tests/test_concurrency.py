"""Two people at once: the same asset claimed twice, one share paid twice, one tranche approved twice, and
approvals, payments and a donation all together. Each thread commits for real (these are transactional
tests) and starts at a barrier, so on PostgreSQL the steps overlap; SQLite takes one writer at a time, so
there they only show that the outcome is the same whichever goes first. CI runs both.
"""

from __future__ import annotations

import datetime
import threading
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

import pytest
from django.db import connection
from django.utils import translation

from embrace.accounts.roles import Role
from embrace.cases.models import Case
from embrace.rewards import claims, funds, ledger, payments
from embrace.rewards.claims import ClaimError, TranchePlan
from embrace.rewards.models import (
    Account,
    Claim,
    ClaimItem,
    Journal,
    JournalKind,
    Payment,
    Tranche,
    TrancheCondition,
    TrancheStatus,
)
from embrace.rewards.money import to_minor
from embrace.testing.personas import make_persona
from embrace.testing.rewards import Desk, arrived_case, fund, make_desk

# Transactional: the threads need to see each other's commits. The seeds a flush removes are put back by
# the autouse _seed_data fixture (embrace/conftest.py).
pytestmark = pytest.mark.django_db(transaction=True)

ACT = datetime.date(2023, 3, 1)
HELICOPTER = "defect-aircraft-or-vessel"  # US$500,000
CASH = payments.HowPaid("USD", Decimal(1), "", "HW-7F3K")


def together(*steps: Callable[[], Any]) -> list[tuple[str, Any]]:
    """Run the steps in threads released at once; each result is ("done", value) or ("refused", message).
    Anything else a step raises fails the test, here where pytest sees it."""
    start = threading.Barrier(len(steps))
    results: list[tuple[str, Any]] = [("", None)] * len(steps)
    failures: list[BaseException] = []

    def run(n: int, step: Callable[[], Any]) -> None:
        # A new thread reads the site's language (Burmese), not the English the rewards tests set.
        translation.activate("en")
        try:
            start.wait(timeout=60)
            results[n] = ("done", step())
        except ClaimError as exc:  # PaymentError is one
            results[n] = ("refused", str(exc))
        except BaseException as exc:  # reported below
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n, step)) for n, step in enumerate(steps)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return results


@pytest.fixture
def desk() -> Desk:
    desk = make_desk()
    # A fourth committee member, so that two can decide at once on a tranche a third asked for and a
    # fourth valued.
    desk.people["committee4"] = make_persona("committee4", Role.REWARD_COMMITTEE, teams=(desk.team,))
    return desk


def _submitted(desk: Desk, case: Case, asset: str) -> Claim:
    claim = claims.open_claim(case, actor=desk.user("handler"))
    claims.add_item(
        claim,
        entry_code=HELICOPTER,
        act_on=ACT,
        asset_kind="tail",
        asset_number=asset,
        description="Mi-17 flown to the border",
        evidence="photos of the airframe",
        actor=desk.user("handler"),
    )
    return claims.submit_claim(claim, actor=desk.user("handler"))


def _asked(desk: Desk, case: Case, asset: str) -> Tranche:
    """A claim valued in one tranche on arrival, asked for by committee2: waiting for a second member."""
    claim = _submitted(desk, case, asset)
    item = claim.items.get()
    claims.value_claim(
        claim,
        {str(item.pk): 50_000_000},
        [TranchePlan(TrancheCondition.ARRIVAL, 50_000_000)],
        actor=desk.user("committee1"),
        keyring=desk.keyring("committee1"),
    )
    return claims.ask_tranche(claim.tranches.get(), actor=desk.user("committee2"))


def _approved(desk: Desk, case: Case, asset: str) -> Tranche:
    return claims.decide_tranche(_asked(desk, case, asset), approve=True, actor=desk.user("committee3"))


def _numbers_without_gaps() -> bool:
    numbers = list(Journal.objects.order_by("number").values_list("number", flat=True))
    return numbers == list(range(1, len(numbers) + 1))


def test_two_simultaneous_claims_of_one_asset_leave_it_held_by_one(desk: Desk) -> None:
    first, second = arrived_case(desk), arrived_case(desk)
    # A few rounds, each with a new asset: every one of them must have exactly one winner.
    for round_, (number, same_number) in enumerate(
        [("5-9013", "59013"), ("UB-501", "ub 501"), ("4601", "4-601")]
    ):
        claim_a = claims.open_claim(first, actor=desk.user("handler"))
        claim_b = claims.open_claim(second, actor=desk.user("handler"))

        def add(claim: Claim, asset: str) -> Callable[[], ClaimItem]:
            return lambda: claims.add_item(
                claim,
                entry_code=HELICOPTER,
                act_on=ACT,
                asset_kind="tail",
                asset_number=asset,
                description="the same helicopter",
                evidence="photos",
                actor=desk.user("handler"),
            )

        results = together(add(claim_a, number), add(claim_b, same_number))
        assert sorted(kind for kind, _ in results) == ["done", "refused"], (round_, results)
        assert "already claimed" in next(value for kind, value in results if kind == "refused")
        won = next(value for kind, value in results if kind == "done")
        held = ClaimItem.objects.filter(asset_digest=won.asset_digest, asset_held=True)
        assert list(held.values_list("pk", flat=True)) == [won.pk]
        assert ClaimItem.objects.filter(claim__in=[claim_a, claim_b]).count() == 1


def test_two_finance_officers_paying_one_share_at_once_pay_it_once(desk: Desk) -> None:
    fund(desk)
    case = arrived_case(desk)
    tranche = _approved(desk, case, "5-9013")
    cash_before = ledger.balance(Account.CASH, "USD")

    results = together(
        lambda: payments.pay_tranche_share(tranche, case, CASH, actor=desk.user("finance1")),
        lambda: payments.pay_tranche_share(tranche, case, CASH, actor=desk.user("finance2")),
    )

    assert sorted(kind for kind, _ in results) == ["done", "refused"], results
    assert Payment.objects.filter(tranche=tranche).count() == 1
    assert Journal.objects.filter(kind=JournalKind.REWARD_PAID).count() == 1
    assert ledger.balance(Account.CASH, "USD") == cash_before - 50_000_000
    assert ledger.balance(Account.REWARDS_OWED, "USD") == 0
    assert Tranche.objects.get(pk=tranche.pk).status == TrancheStatus.PAID
    assert ledger.verify() == []


def test_two_committee_members_approving_one_tranche_at_once_owe_it_once(desk: Desk) -> None:
    tranche = _asked(desk, arrived_case(desk), "5-9013")

    results = together(
        lambda: claims.decide_tranche(tranche, approve=True, actor=desk.user("committee3")),
        lambda: claims.decide_tranche(tranche, approve=True, actor=desk.user("committee4")),
    )

    assert sorted(kind for kind, _ in results) == ["done", "refused"], results
    winner = next(value for kind, value in results if kind == "done")
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.APPROVED
    assert tranche.approved_by_id == winner.approved_by_id
    assert Journal.objects.filter(kind=JournalKind.REWARD_OWED).count() == 1
    assert ledger.balance(Account.REWARDS_OWED, "USD") == -50_000_000
    assert ledger.verify() == []


def test_approvals_payments_and_a_donation_at_once_keep_the_ledger_whole(desk: Desk) -> None:
    fund(desk)
    cases = [arrived_case(desk) for _ in range(4)]
    to_pay = [_approved(desk, cases[0], "P-1"), _approved(desk, cases[1], "P-2")]
    to_decide = [_asked(desk, cases[2], "D-1"), _asked(desk, cases[3], "D-2")]
    journals_before = Journal.objects.count()
    cash_before = ledger.balance(Account.CASH, "USD")

    results = together(
        lambda: payments.pay_tranche_share(to_pay[0], cases[0], CASH, actor=desk.user("finance1")),
        lambda: payments.pay_tranche_share(to_pay[1], cases[1], CASH, actor=desk.user("finance2")),
        lambda: claims.decide_tranche(to_decide[0], approve=True, actor=desk.user("committee3")),
        lambda: claims.decide_tranche(to_decide[1], approve=True, actor=desk.user("committee4")),
        lambda: funds.record_donation(
            to_minor("250000", "USD"), "USD", memo="donor D-2", actor=desk.user("finance1")
        ),
    )

    assert [kind for kind, _ in results] == ["done"] * 5, results
    assert Journal.objects.count() == journals_before + 5
    assert _numbers_without_gaps()
    assert ledger.verify() == []
    assert ledger.balance(Account.CASH, "USD") == cash_before - 2 * 50_000_000 + 25_000_000
    # Two tranches paid, two newly owed.
    assert ledger.balance(Account.REWARDS_OWED, "USD") == -2 * 50_000_000
    assert Tranche.objects.filter(status=TrancheStatus.PAID).count() == 2
    assert Tranche.objects.filter(status=TrancheStatus.APPROVED).count() == 2


def test_a_payment_a_reversal_and_an_approval_on_one_claim_at_once_all_go_through(desk: Desk) -> None:
    """Paying one tranche of a claim, reversing the payment of another and approving a third, all at once:
    each locks the claim and the ledger, and they must take them in the same order, or PostgreSQL finds a
    deadlock and fails one of them (as it did when payments locked the ledger first)."""
    fund(desk)
    for round_ in range(3):
        case = arrived_case(desk)
        claim = _submitted(desk, case, f"T-{round_}")
        item = claim.items.get()
        claims.value_claim(
            claim,
            {str(item.pk): 50_000_000},
            [
                TranchePlan(TrancheCondition.ARRIVAL, amount)
                for amount in (10_000_000, 15_000_000, 25_000_000)
            ],
            actor=desk.user("committee1"),
            keyring=desk.keyring("committee1"),
        )
        paid, to_pay, to_decide = claim.tranches.order_by("position")
        for tranche in (paid, to_pay, to_decide):
            claims.ask_tranche(tranche, actor=desk.user("committee2"))
        for tranche in (paid, to_pay):
            claims.decide_tranche(tranche, approve=True, actor=desk.user("committee3"))
        payment = payments.pay_tranche_share(paid, case, CASH, actor=desk.user("finance1"))

        results = together(
            partial(payments.pay_tranche_share, to_pay, case, CASH, actor=desk.user("finance1")),
            partial(payments.reverse_payment, payment, memo="wrong channel", actor=desk.user("finance2")),
            partial(claims.decide_tranche, to_decide, approve=True, actor=desk.user("committee3")),
        )

        assert [kind for kind, _ in results] == ["done", "done", "done"], (round_, results)
        assert ledger.verify() == []
        assert _numbers_without_gaps()
        # Owed: the reversed first tranche again, and the newly approved third.
        assert ledger.balance(Account.REWARDS_OWED, "USD", case=case) == -(10_000_000 + 25_000_000)
