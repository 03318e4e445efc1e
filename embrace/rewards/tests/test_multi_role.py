"""Per-decision independence when one person holds several roles, through the pages: a role more does not
make someone a second person."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.roles import Role
from embrace.cases.models import Case
from embrace.rewards import claims
from embrace.rewards.models import Payment, TrancheCondition, TrancheStatus
from embrace.testing.personas import log_in, make_persona
from embrace.testing.rewards import arrived_case, fund, make_desk
from embrace.vetting.models import SignOff

pytestmark = pytest.mark.django_db


def _valued_claim(desk, case: Case):  # type: ignore[no-untyped-def]
    claim = claims.open_claim(case, actor=desk.user("handler"))
    claims.add_item(
        claim,
        entry_code="defect-aircraft-or-vessel",
        act_on=datetime.date(2023, 3, 1),
        asset_kind="tail",
        asset_number="XY-MULTI-1",
        description="a helicopter",
        evidence="seen",
        photos=[],
        actor=desk.user("handler"),
    )
    claims.submit_claim(claim, actor=desk.user("handler"))
    item = claim.items.get()
    claims.value_claim(
        claim,
        {str(item.pk): 50_000_000},
        [claims.TranchePlan(TrancheCondition.ARRIVAL, 50_000_000)],
        actor=desk.user("committee1"),
        keyring=desk.keyring("committee1"),
    )
    return claim


def test_a_committee_member_who_is_also_finance_cannot_pay_the_tranche_they_approved() -> None:
    desk = make_desk()
    both = make_persona("committee_and_finance", Role.REWARD_COMMITTEE, Role.FINANCE, teams=(desk.team,))
    case = arrived_case(desk)
    fund(desk)
    claim = _valued_claim(desk, case)
    tranche = claim.tranches.get()
    claims.ask_tranche(tranche, actor=desk.user("committee2"))
    client = log_in(Client(), both)
    approved = client.post(reverse("rewards:tranche_decide", args=[tranche.pk]), {"decision": "approve"})
    assert approved.status_code == 302
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.APPROVED
    paid = client.post(
        reverse("rewards:tranche_pay", args=[tranche.pk]),
        {"case": case.reference, "currency": "USD", "rate": "1", "rate_source": "", "channel": "HW-1"},
    )
    assert paid.status_code in (400, 409)
    assert not Payment.objects.filter(tranche=tranche).exists()
    # Someone in finance who took no other part pays it.
    other = log_in(Client(), desk.people["finance1"])
    assert (
        other.post(
            reverse("rewards:tranche_pay", args=[tranche.pk]),
            {"case": case.reference, "currency": "USD", "rate": "1", "rate_source": "", "channel": "HW-1"},
        ).status_code
        == 302
    )
    assert Payment.objects.filter(tranche=tranche, amount_minor__gt=Decimal(0)).exists()


def test_a_committee_member_who_valued_a_claim_cannot_approve_its_tranche_with_another_role() -> None:
    desk = make_desk()
    valuer = make_persona("valuer_and_finance", Role.REWARD_COMMITTEE, Role.FINANCE, teams=(desk.team,))
    desk.people["committee1"] = valuer
    case = arrived_case(desk)
    claim = _valued_claim(desk, case)
    tranche = claim.tranches.get()
    claims.ask_tranche(tranche, actor=desk.user("committee2"))
    response = log_in(Client(), valuer).post(
        reverse("rewards:tranche_decide", args=[tranche.pk]), {"decision": "approve"}
    )
    assert response.status_code == 409
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.ASKED


def test_a_handler_who_is_also_a_reviewer_cannot_vet_their_own_case() -> None:
    desk = make_desk()
    both = make_persona("handler_and_reviewer", Role.HANDLER, Role.VETTING_REVIEWER, teams=(desk.team,))
    desk.people["handler"] = both
    case = arrived_case(desk)
    client = log_in(Client(), both)
    # Their own case's vetting is not theirs to open, nor to sign.
    assert client.get(reverse("vetting:case", args=[case.pk])).status_code == 404
    signed = client.post(reverse("vetting:sign_off", args=[case.pk]), {"verdict": "genuine", "note": ""})
    assert signed.status_code == 404
    assert not SignOff.objects.filter(case=case, reviewer=both.user).exists()
