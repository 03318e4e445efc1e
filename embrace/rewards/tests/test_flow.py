"""The whole reward flow through the staff pages only: each person logs in and uses the forms as they are
offered — claim, verification, valuation, two approvals per tranche, payment in dollars and in kyat, and
the month's stipend."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.rewards import ledger
from embrace.rewards.models import (
    Account,
    Claim,
    ClaimStatus,
    Payment,
    Stipend,
    StipendStatus,
    TrancheStatus,
)
from embrace.testing.personas import log_in
from embrace.testing.rewards import arrived_case, fund, make_desk

pytestmark = pytest.mark.django_db

TAIL = "TAIL-5-9013"
EVIDENCE = "EVIDENCE: photos of the airframe, the logbook, statements of the crew"


def _ok(response, to: str | None = None) -> None:
    assert response.status_code == 302, response.content.decode()[:3000]
    if to is not None:
        assert response["Location"] == to


def test_a_claim_is_paid_in_tranches_and_a_stipend_paid_all_through_the_pages_and_shortcuts_are_refused() -> (
    None
):
    desk = make_desk()
    case = arrived_case(desk)
    fund(desk, "2000000", "USD")
    fund(desk, "1000000000", "MMK")
    clients = {name: log_in(Client(), persona) for name, persona in desk.people.items()}

    # The handler finds the claims from the case page, opens one, adds the helicopter and submits.
    handler = clients["handler"]
    detail = handler.get(reverse("cases:detail", args=[case.pk])).content.decode()
    claims_url = reverse("rewards:case_claims", args=[case.pk])
    assert claims_url in detail
    assert handler.get(claims_url).status_code == 200
    response = handler.post(claims_url)
    claim = Claim.objects.get(case=case)
    claim_url = reverse("rewards:claim", args=[claim.pk])
    _ok(response, claim_url)
    _ok(
        handler.post(
            reverse("rewards:claim_add_item", args=[claim.pk]),
            {
                "entry": "defect-aircraft-or-vessel",
                "act_on": "2023-03-01",
                "quantity": "1",
                "asset_kind": "tail",
                "asset_number": TAIL,
                "description": "Mi-17 flown to the border",
                "evidence": EVIDENCE,
                "shares": "",
            },
        ),
        claim_url,
    )
    page = handler.get(claim_url).content.decode()
    assert TAIL in page
    assert EVIDENCE in page
    _ok(handler.post(reverse("rewards:claim_submit", args=[claim.pk])), claim_url)

    # The team's reviewer finds it in the queue, reads the evidence, verifies it.
    reviewer = clients["reviewer"]
    assert claim_url in reviewer.get(reverse("rewards:claims_queue")).content.decode()
    assert EVIDENCE in reviewer.get(claim_url).content.decode()
    _ok(reviewer.post(reverse("rewards:claim_verify", args=[claim.pk]), {"verdict": "genuine", "note": ""}))

    # A committee member values it at the published amount, offered already filled in, in two tranches.
    committee1 = clients["committee1"]
    assert claim_url in committee1.get(reverse("rewards:claims_queue")).content.decode()
    item = claim.items.get()
    page = committee1.get(claim_url).content.decode()
    assert 'value="500,000.00"' in page
    _ok(
        committee1.post(
            reverse("rewards:claim_value", args=[claim.pk]),
            {
                f"value_{item.pk}": "500,000.00",
                "condition_1": "arrival",
                "amount_1": "200,000",
                "condition_2": "verification",
                "amount_2": "300000.00",
                "condition_3": "",
                "amount_3": "",
            },
        )
    )
    first, second = claim.tranches.order_by("position")

    # The valuer may not approve what they valued.
    response = committee1.post(reverse("rewards:tranche_ask", args=[first.pk]))
    assert response.status_code == 409
    assert "already took part" in response.content.decode()

    committee2, committee3 = clients["committee2"], clients["committee3"]
    for tranche in (first, second):
        assert f"Tranche {tranche.position}" in committee2.get(claim_url).content.decode()
        _ok(committee2.post(reverse("rewards:tranche_ask", args=[tranche.pk])))
        # Who asked may not decide their own request.
        refused = committee2.post(
            reverse("rewards:tranche_decide", args=[tranche.pk]), {"decision": "approve"}
        )
        assert refused.status_code == 400
        assert "a second committee member must decide" in refused.content.decode()
        tranche.refresh_from_db()
        assert tranche.status == TrancheStatus.ASKED
        assert claim_url in committee3.get(reverse("rewards:claims_queue")).content.decode()
        _ok(committee3.post(reverse("rewards:tranche_decide", args=[tranche.pk]), {"decision": "approve"}))
    assert ledger.balance(Account.REWARDS_OWED, "USD") == -50_000_000

    # Finance pays the first tranche in dollars and the second in kyat at a stated rate.
    finance1 = clients["finance1"]
    assert claim_url in finance1.get(reverse("rewards:claims_queue")).content.decode()
    dollars = {
        "case": case.reference,
        "currency": "USD",
        "rate": "1",
        "rate_source": "",
        "channel": "HW-7F3K",
    }
    _ok(finance1.post(reverse("rewards:tranche_pay", args=[first.pk]), dollars))
    # Paying twice is refused, by the same person or another.
    for name in ("finance1", "finance2"):
        again = clients[name].post(reverse("rewards:tranche_pay", args=[first.pk]), dollars)
        assert again.status_code in (400, 409)
        assert "HW-7F3K" in again.content.decode()  # what was typed comes back
    assert Payment.objects.filter(tranche=first).count() == 1
    _ok(
        finance1.post(
            reverse("rewards:tranche_pay", args=[second.pk]),
            {
                "case": case.reference,
                "currency": "MMK",
                "rate": "2,100",
                "rate_source": "CBM reference rate",
                "channel": "HW-7F3L",
            },
        )
    )

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID

    # The month's stipend: proposed now by a committee member, approved by another, paid by finance.
    _ok(committee1.post(reverse("rewards:stipends_propose")))
    stipend = Stipend.objects.get(case=case)
    assert stipend.status == StipendStatus.PROPOSED
    assert case.reference in committee2.get(reverse("rewards:stipends")).content.decode()
    _ok(committee2.post(reverse("rewards:stipend_decide", args=[stipend.pk]), {"decision": "approve"}))
    kyat = {"currency": "MMK", "rate": "1", "rate_source": "", "channel": "HW-22Q8"}
    # The committee member who approved it may not pay it; finance pays it once.
    assert committee2.post(reverse("rewards:stipend_pay", args=[stipend.pk]), kyat).status_code == 403
    page = finance1.get(reverse("rewards:stipends")).content.decode()
    assert reverse("rewards:stipend_pay", args=[stipend.pk]) in page
    _ok(finance1.post(reverse("rewards:stipend_pay", args=[stipend.pk]), kyat))
    assert (
        clients["finance2"].post(reverse("rewards:stipend_pay", args=[stipend.pk]), kyat).status_code == 409
    )
    stipend.refresh_from_db()
    assert stipend.status == StipendStatus.PAID
    assert stipend.payments.count() == 1
    monthly = stipend.amount_minor

    assert ledger.verify() == []
    balances = ledger.balances()
    assert balances[(Account.CASH, "USD")] == (2_000_000 - 200_000) * 100
    assert balances[(Account.CASH, "MMK")] == (1_000_000_000 - 300_000 * 2100) * 100 - monthly
    assert balances[(Account.STIPENDS, "MMK")] == monthly
    assert balances[(Account.STIPENDS_OWED, "MMK")] == 0
    assert balances[(Account.REWARDS, "USD")] == 50_000_000
    assert balances[(Account.REWARDS_OWED, "USD")] == 0
    assert balances[(Account.EXCHANGE, "USD")] == -30_000_000
    assert balances[(Account.EXCHANGE, "MMK")] == 300_000 * 2100 * 100
    page = finance1.get(claim_url).content.decode()
    assert "630,000,000.00 MMK" in page
    assert "200,000.00 USD" in page

    def actors(event: Event) -> list[str]:
        return [str(e.actor) for e in AuditEntry.objects.filter(event=event).order_by("seq")]

    uid = {name: str(desk.user(name).pk) for name in desk.people}
    assert actors(Event.CLAIM_OPENED) == [uid["handler"]]
    assert actors(Event.CLAIM_ITEM_ADDED) == [uid["handler"]]
    assert actors(Event.CLAIM_SUBMITTED) == [uid["handler"]]
    assert actors(Event.CLAIM_VERIFIED) == [uid["reviewer"]]
    assert actors(Event.CLAIM_VALUED) == [uid["committee1"]]
    assert actors(Event.TRANCHE_ASKED) == [uid["committee2"]] * 2
    assert actors(Event.TRANCHE_APPROVED) == [uid["committee3"]] * 2
    assert actors(Event.STIPEND_PROPOSED) == [uid["committee1"]]
    assert actors(Event.STIPEND_APPROVED) == [uid["committee2"]]
    assert actors(Event.PAYMENT_RECORDED) == [uid["finance1"]] * 3
    # Audit rows hold ids and amounts, never what the claim says.
    for entry in AuditEntry.objects.filter(event__startswith="rewards."):
        assert TAIL not in str(entry.data)
        assert "HW-" not in str(entry.data)
