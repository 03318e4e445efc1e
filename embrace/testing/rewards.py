"""A reward desk for tests: one team with a person in every part a claim needs, cases walked to arrival
through the real lifecycle, and money in the ledger.

A claim takes six different people (handler, verifier, valuer, two committee members, finance), and a
payment someone other than both approvers, so the desk has three committee members and two in finance.
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass

from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.cases.actions import assign_case
from embrace.cases.lifecycle import decide_transition, request_transition
from embrace.cases.models import Case
from embrace.intake.actions import submit_enquiry
from embrace.intake.models import IntakeRoute
from embrace.rewards import claims, funds
from embrace.rewards.models import Claim, TrancheCondition
from embrace.rewards.money import to_minor
from embrace.testing.personas import Persona, make_persona
from embrace.vault.keyring import Keyring, unlock_with_password
from embrace.vetting import actions as vetting
from embrace.vetting.models import Verdict

DESK: dict[str, Role] = {
    "intake": Role.INTAKE_OFFICER,
    "handler": Role.HANDLER,
    "approver_of_passage": Role.HANDLER,
    "reviewer": Role.VETTING_REVIEWER,
    "reviewer2": Role.VETTING_REVIEWER,
    "committee1": Role.REWARD_COMMITTEE,
    "committee2": Role.REWARD_COMMITTEE,
    "committee3": Role.REWARD_COMMITTEE,
    "finance1": Role.FINANCE,
    "finance2": Role.FINANCE,
}


@dataclass
class Desk:
    team: Team
    people: dict[str, Persona]

    def user(self, name: str) -> User:
        return self.people[name].user

    def keyring(self, name: str) -> Keyring:
        persona = self.people[name]
        return unlock_with_password(persona.user, persona.password)


def make_desk(prefix: str = "") -> Desk:
    team = Team.objects.create(name=f"Reward desk {prefix}{secrets.token_hex(3)}")
    people = {name: make_persona(f"{prefix}{name}", role, teams=(team,)) for name, role in DESK.items()}
    IntakeRoute.objects.update(active=False)
    IntakeRoute.objects.create(team=team)
    return Desk(team, people)


def arrived_case(desk: Desk, text: str = "I want to leave with my unit's helicopter") -> Case:
    """An enquiry to the desk's team, walked through vetting and passage to arrival."""
    case, _receipt = submit_enquiry(
        {"text": text, "kind": "leave_alone"}, {}, [], token=secrets.token_hex(8), quarantine=False
    )
    assign_case(case, desk.user("handler"), actor=desk.user("intake"), keyring=desk.keyring("intake"))
    request_transition(case, "start_triage", actor=desk.user("intake"))
    request_transition(case, "refer_for_vetting", actor=desk.user("intake"))
    for reviewer in ("reviewer", "reviewer2"):
        vetting.sign_off(
            case, Verdict.GENUINE, "consistent", actor=desk.user(reviewer), keyring=desk.keyring(reviewer)
        )
    asked = request_transition(case, "approve_passage", actor=desk.user("reviewer"))
    assert isinstance(asked, Approval)
    decide_transition(asked, approve=True, actor=desk.user("approver_of_passage"))
    for step in ("plan_passage", "begin_transit", "record_arrival"):
        request_transition(case, step, actor=desk.user("handler"))
    return Case.objects.get(pk=case.pk)


def valued(desk: Desk, claim: Claim) -> Claim:
    """``claim``, a draft with one item, submitted by the handler, verified genuine by the reviewer and
    valued by the first committee member at US$500,000 in two tranches: US$200,000 on arrival, US$300,000
    on verification. Each test file drafts its own claim (its own markers); the steps after are shared."""
    claim = claims.submit_claim(claim, actor=desk.user("handler"))
    claims.verify_claim(
        claim, genuine=True, note="", actor=desk.user("reviewer"), keyring=desk.keyring("reviewer")
    )
    item = claim.items.get()
    plans = [
        claims.TranchePlan(TrancheCondition.ARRIVAL, 20_000_000),
        claims.TranchePlan(TrancheCondition.VERIFICATION, 30_000_000),
    ]
    return claims.value_claim(
        claim,
        {str(item.pk): 50_000_000},
        plans,
        actor=desk.user("committee1"),
        keyring=desk.keyring("committee1"),
    )


def approved(desk: Desk, claim: Claim) -> Claim:
    """``claim`` valued as ``valued`` does, each tranche asked by the second committee member and approved
    by the third: ready to pay."""
    claim = valued(desk, claim)
    for tranche in claim.tranches.all():
        claims.ask_tranche(tranche, actor=desk.user("committee2"))
        claims.decide_tranche(tranche, approve=True, actor=desk.user("committee3"))
    return claim


def fund(desk: Desk, amount: str = "2000000", currency: str = "USD") -> None:
    funds.record_donation(
        to_minor(amount, currency),
        currency,
        memo="donor D-1",
        actor=desk.user("finance1"),
        on=datetime.date.today(),
    )
