"""A team with one person per casework role, and cases walked through the real lifecycle steps.

The lifecycle dates every step today; a test that needs a step on another day moves the step's recorded
day afterwards (``on``), as the retention tests move ``opened_on``: what a definition reads is the recorded
day, however it came to be."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.cases import identity
from embrace.cases.actions import today
from embrace.cases.lifecycle import decide_transition, request_transition
from embrace.cases.models import Case, CaseTransition, Channel, Dependant, Status
from embrace.testing.personas import Persona, make_persona
from embrace.vault import actions as vault
from embrace.vault.keyring import unlock_with_password
from embrace.vetting.actions import sign_off


@dataclass
class Crew:
    team: Team
    intake: Persona
    reviewer: Persona
    second_reviewer: Persona
    handler: Persona
    approver: Persona
    custodian: Persona

    def enquiry(self, *, channel: str = Channel.WEB, opened_on: datetime.date | None = None) -> Case:
        """An enquiry as intake makes it, assigned to the crew's handler."""
        case = Case.objects.create(
            status=Status.ENQUIRY,
            team=self.team,
            channel=channel,
            opened_on=opened_on or today(),
            last_enquirer_on=today(),
            body=vault.create_compartment("body", [self.intake.user, self.handler.user], actor=None),
            identity=vault.create_compartment(
                "identity", [self.intake.user, self.custodian.user], actor=None
            ),
        )
        Case.objects.filter(pk=case.pk).update(handler=self.handler.user)
        return Case.objects.get(pk=case.pk)

    def step(self, case: Case, name: str, actor: Persona | None = None) -> Case:
        request_transition(case, name, actor=(actor or self.intake).user)
        return Case.objects.get(pk=case.pk)

    def to_vetting(self, case: Case) -> Case:
        return self.step(self.step(case, "start_triage"), "refer_for_vetting")

    def approve_passage(self, case: Case) -> Case:
        for reviewer in (self.reviewer, self.second_reviewer):
            keyring = unlock_with_password(reviewer.user, reviewer.password)
            sign_off(case, "genuine", "consistent story", actor=reviewer.user, keyring=keyring)
        asked = request_transition(case, "approve_passage", actor=self.reviewer.user)
        assert isinstance(asked, Approval)
        decide_transition(asked, approve=True, actor=self.approver.user)
        return Case.objects.get(pk=case.pk)

    def arrive(self, case: Case) -> Case:
        for name in ("plan_passage", "begin_transit", "record_arrival"):
            case = self.step(case, name, self.handler)
        assert case.status == Status.ARRIVED
        return case

    def register(self, case: Case) -> Case:
        case = self.step(case, "record_screening", self.reviewer)
        asked = request_transition(case, "register", actor=self.handler.user)
        assert isinstance(asked, Approval)
        decide_transition(asked, approve=True, actor=self.second_reviewer.user)
        case = Case.objects.get(pk=case.pk)
        assert case.status == Status.REGISTERED
        return case

    def arrived(self, **kwargs: object) -> Case:
        return self.arrive(self.approve_passage(self.to_vetting(self.enquiry(**kwargs))))  # type: ignore[arg-type]

    def add_dependant(self, case: Case, relation: str = "child") -> Dependant:
        keyring = unlock_with_password(self.custodian.user, self.custodian.password)
        return identity.record_dependant(
            case,
            relation=relation,
            details={"name": "someone", "location": "", "risk": "low", "plan": ""},
            actor=self.custodian.user,
            keyring=keyring,
        )


def on(case: Case, to_status: str, day: datetime.date) -> None:
    """Say the case's step into ``to_status`` was made on ``day``."""
    moved = CaseTransition.objects.filter(case=case, to_status=to_status).update(made_on=day)
    assert moved == 1, f"{case} made {moved} steps into {to_status}"


@pytest.fixture
def crew(intake_team: Team) -> Crew:
    return Crew(
        team=intake_team,
        intake=make_persona("intake", Role.INTAKE_OFFICER, teams=(intake_team,)),
        reviewer=make_persona("reviewer", Role.VETTING_REVIEWER, teams=(intake_team,)),
        second_reviewer=make_persona("second_reviewer", Role.VETTING_REVIEWER),
        handler=make_persona("handler", Role.HANDLER, teams=(intake_team,)),
        approver=make_persona("senior_handler", Role.HANDLER, teams=(intake_team,)),
        custodian=make_persona("custodian", Role.CUSTODIAN),
    )
