"""Claims through the actions: items against the schedule in force, shares, separated steps, tranches,
payments and reversals, with the ledger checked after each."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from embrace.rewards import claims, ledger, payments
from embrace.rewards.claims import ClaimError, ShareSpec, TranchePlan
from embrace.rewards.models import (
    Account,
    AppendOnly,
    ClaimStatus,
    Entry,
    Participant,
    Payment,
    Schedule,
    TrancheCondition,
    TrancheStatus,
)
from embrace.testing.rewards import Desk, arrived_case, fund, make_desk

pytestmark = pytest.mark.django_db

ACT = datetime.date(2023, 3, 1)
HELICOPTER = "defect-aircraft-or-vessel"
CASH = payments.HowPaid("USD", Decimal(1), "", "HW-7F3K")


@pytest.fixture
def desk() -> Desk:
    return make_desk()


def _claim(desk: Desk, case=None, *, asset: str = "5-9013", entry: str = HELICOPTER, shares=()):
    case = case or arrived_case(desk)
    claim = claims.open_claim(case, actor=desk.user("handler"))
    claims.add_item(
        claim,
        entry_code=entry,
        act_on=ACT,
        asset_kind="tail",
        asset_number=asset,
        description="Mi-17 flown to the border",
        evidence="photos of the airframe and logbook",
        shares=shares,
        actor=desk.user("handler"),
    )
    return claims.submit_claim(claim, actor=desk.user("handler"))


def _value(
    desk: Desk,
    claim,
    tranches=((TrancheCondition.ARRIVAL, 20_000_000), (TrancheCondition.VERIFICATION, 30_000_000)),
):
    values = {str(item.pk): item.value_minor or 50_000_000 for item in claim.items.all()}
    plans = [TranchePlan(condition, amount) for condition, amount in tranches]
    return claims.value_claim(
        claim, values, plans, actor=desk.user("committee1"), keyring=desk.keyring("committee1")
    )


def _approve(desk: Desk, tranche):
    claims.ask_tranche(tranche, actor=desk.user("committee2"))
    return claims.decide_tranche(tranche, approve=True, actor=desk.user("committee3"))


def test_a_claim_goes_from_item_to_paid_in_tranches_and_the_ledger_balances_throughout(desk: Desk) -> None:
    fund(desk)
    claim = _claim(desk)
    assert ledger.verify() == []
    _value(desk, claim)
    first, second = claim.tranches.order_by("position")
    _approve(desk, first)
    assert ledger.balance(Account.REWARDS_OWED, "USD") == -20_000_000
    payments.pay_tranche_share(first, claim.case, CASH, actor=desk.user("finance1"))
    assert ledger.balance(Account.REWARDS_OWED, "USD") == 0
    assert ledger.verify() == []
    # The second tranche waits for verification.
    with pytest.raises(ClaimError, match="after verification"):
        claims.ask_tranche(second, actor=desk.user("committee2"))
    claims.verify_claim(
        claim, genuine=True, note="", actor=desk.user("reviewer"), keyring=desk.keyring("reviewer")
    )
    _approve(desk, second)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    fund(desk, "1000000000", "MMK")
    payments.pay_tranche_share(
        second,
        claim.case,
        payments.HowPaid("MMK", Decimal("2100"), "CBM reference rate", "HW-7F3L"),
        actor=desk.user("finance1"),
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    assert ledger.verify() == []
    assert ledger.balance(Account.EXCHANGE, "USD") == -30_000_000
    assert ledger.balance(Account.EXCHANGE, "MMK") == 300_000 * 2100 * 100


def test_no_one_takes_two_parts_in_a_claim(desk: Desk) -> None:
    claim = _claim(desk)
    _value(desk, claim)
    tranche = claim.tranches.first()
    # The valuer cannot approve; the asker cannot approve their own request.
    with pytest.raises(ClaimError, match="already took part"):
        claims.ask_tranche(tranche, actor=desk.user("committee1"))
    claims.ask_tranche(tranche, actor=desk.user("committee2"))
    with pytest.raises(ClaimError, match="second committee member"):
        claims.decide_tranche(tranche, approve=True, actor=desk.user("committee2"))


def test_the_same_asset_cannot_be_claimed_twice_across_cases(desk: Desk) -> None:
    _claim(desk, asset="5-9013")
    with pytest.raises(ClaimError, match="already claimed"):
        _claim(desk, asset="59013")


def test_shares_across_cases_must_make_the_whole(desk: Desk) -> None:
    pilot, copilot = arrived_case(desk), arrived_case(desk)
    with pytest.raises(ClaimError, match="add up"):
        _claim(desk, pilot, shares=[ShareSpec(pilot.reference, 6000), ShareSpec(copilot.reference, 3000)])
    claim = _claim(
        desk, pilot, asset="X1", shares=[ShareSpec(pilot.reference, 6000), ShareSpec(copilot.reference, 4000)]
    )
    fund(desk)
    _value(desk, claim, tranches=((TrancheCondition.ARRIVAL, 50_000_000),))
    tranche = _approve(desk, claim.tranches.get())
    owed = claims.owed_by_case(tranche)
    assert sum(a for _, a in owed[str(pilot.pk)]) == 30_000_000
    assert sum(a for _, a in owed[str(copilot.pk)]) == 20_000_000
    payments.pay_tranche_share(tranche, pilot, CASH, actor=desk.user("finance1"))
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.APPROVED  # the co-pilot is still owed
    payments.pay_tranche_share(tranche, copilot, CASH, actor=desk.user("finance1"))
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.PAID
    assert ledger.verify() == []


def test_a_payment_is_made_once_and_a_reversal_makes_it_owed_again(desk: Desk) -> None:
    fund(desk)
    claim = _claim(desk)
    _value(desk, claim, tranches=((TrancheCondition.ARRIVAL, 50_000_000),))
    tranche = _approve(desk, claim.tranches.get())
    payment = payments.pay_tranche_share(tranche, claim.case, CASH, actor=desk.user("finance1"))
    with pytest.raises(ClaimError):
        payments.pay_tranche_share(tranche, claim.case, CASH, actor=desk.user("finance2"))
    payments.reverse_payment(payment, memo="paid to the wrong channel", actor=desk.user("finance2"))
    assert ledger.balance(Account.REWARDS_OWED, "USD") == -50_000_000
    payments.pay_tranche_share(tranche, claim.case, CASH, actor=desk.user("finance1"))
    assert ledger.balance(Account.REWARDS_OWED, "USD") == 0
    assert ledger.verify() == []


def test_the_database_refuses_a_payment_released_by_its_approver(desk: Desk) -> None:
    fund(desk)
    claim = _claim(desk)
    _value(desk, claim, tranches=((TrancheCondition.ARRIVAL, 50_000_000),))
    tranche = _approve(desk, claim.tranches.get())
    payment = payments.pay_tranche_share(tranche, claim.case, CASH, actor=desk.user("finance1"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Payment.objects.filter(pk=payment.pk).update(released_by=tranche.approved_by)


def test_the_database_refuses_a_second_part_for_the_same_person(desk: Desk) -> None:
    claim = _claim(desk)
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.create(claim=claim, user=desk.user("handler"), part="approver")


def test_a_rejected_claim_cancels_what_it_owed_and_frees_its_asset(desk: Desk) -> None:
    claim = _claim(desk, asset="UB-501")
    _value(desk, claim, tranches=((TrancheCondition.ARRIVAL, 50_000_000),))
    _approve(desk, claim.tranches.get())
    claims.verify_claim(
        claim,
        genuine=False,
        note="airframe photos are old",
        actor=desk.user("reviewer"),
        keyring=desk.keyring("reviewer"),
    )
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED
    assert ledger.balance(Account.REWARDS_OWED, "USD") == 0
    assert ledger.verify() == []
    _claim(desk, asset="UB 501")  # a genuine claim for it may come later


def test_a_schedule_change_leaves_earlier_claims_on_the_earlier_version(desk: Desk) -> None:
    claim = _claim(desk)
    old = claim.items.get().entry
    later = Schedule.objects.create(
        title="Revised",
        effective_from=datetime.date(2024, 1, 1),
        announced_on=datetime.date(2024, 1, 1),
    )
    Entry.objects.create(
        schedule=later, position=1, code=HELICOPTER, title_en="x", title_my="x", amount_usd=Decimal(750000)
    )
    # Published in the past (the actions refuse a past date, rightly, so the test writes it directly).
    Schedule.objects.filter(pk=later.pk).update(published=True)
    assert claim.items.get().entry == old
    # An act before the change is still matched to the old entry; one after it to the new.
    assert claims.entry_in_force(HELICOPTER, ACT) == old
    assert claims.entry_in_force(HELICOPTER, datetime.date(2024, 2, 1)).schedule == later


def test_a_published_schedule_and_its_entries_are_never_changed() -> None:
    entry = Entry.objects.filter(schedule__published=True).first()
    assert entry is not None, "the 2022 schedule is seeded"
    entry.amount_usd = Decimal(1)
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    schedule = entry.schedule
    schedule.title = "rewritten"
    with pytest.raises(AppendOnly):
        schedule.save()
    assert Entry.objects.get(pk=entry.pk).amount_usd == Decimal(500000)


def test_a_case_handed_to_another_handler_takes_its_claims_and_finance_key_with_it(desk: Desk) -> None:
    from embrace.accounts.roles import Role
    from embrace.cases.actions import assign_case
    from embrace.rewards.models import FinanceFile
    from embrace.testing.personas import make_persona
    from embrace.vault import actions as vault

    case = arrived_case(desk)
    claim = claims.open_claim(case, actor=desk.user("handler"))
    newcomer = make_persona("newcomer", Role.HANDLER, teams=(desk.team,)).user
    compartment = FinanceFile.objects.get(case=case).compartment
    assert str(desk.user("handler").pk) in vault.members_of(compartment)
    assign_case(case, newcomer, actor=desk.user("intake"), keyring=desk.keyring("intake"))
    # The old handler's key is gone (the intake officer could not pass it on: the committee grants it).
    assert str(desk.user("handler").pk) not in vault.members_of(compartment)
    with pytest.raises(ClaimError, match="Only the case's handler"):
        claims.add_item(
            claim,
            entry_code=HELICOPTER,
            act_on=ACT,
            description="d",
            evidence="e",
            actor=desk.user("handler"),
        )
    claims.add_item(claim, entry_code=HELICOPTER, act_on=ACT, description="d", evidence="e", actor=newcomer)
    assert claims.submit_claim(claim, actor=newcomer).status == ClaimStatus.SUBMITTED


def test_a_rejected_claims_reversed_payment_is_not_paid_again_and_its_tranche_is_cancelled(
    desk: Desk,
) -> None:
    fund(desk)
    claim = _claim(desk)
    _value(desk, claim)
    tranche = _approve(desk, claim.tranches.get(position=1))
    payment = payments.pay_tranche_share(tranche, claim.case, CASH, actor=desk.user("finance1"))
    # Part paid on arrival, then found not genuine; the money is recovered and the payment reversed.
    claims.verify_claim(
        claim,
        genuine=False,
        note="forged logbook",
        actor=desk.user("reviewer"),
        keyring=desk.keyring("reviewer"),
    )
    payments.reverse_payment(payment, memo="recovered", actor=desk.user("finance2"))
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.CANCELLED
    assert ledger.balance(Account.REWARDS_OWED, "USD") == 0
    with pytest.raises(ClaimError):
        payments.pay_tranche_share(tranche, claim.case, CASH, actor=desk.user("finance1"))
    assert ledger.verify() == []
