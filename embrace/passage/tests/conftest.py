"""A case team, a separate passage team, and a case walked by the real lifecycle steps.

These tests call the actions directly as well as through the pages: outside a request the site's language is
Burmese (``LANGUAGE_CODE``), so the refusals they match are read in English, as the English personas read them
on the pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from django.utils import translation

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.cases.actions import today
from embrace.cases.lifecycle import decide_transition, request_transition
from embrace.cases.models import Case, Status
from embrace.passage import actions
from embrace.passage.models import PassagePlan
from embrace.testing.personas import Persona, make_persona
from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring, unlock_with_password
from embrace.vetting.actions import sign_off


@pytest.fixture(autouse=True)
def _english_outside_requests() -> Iterator[None]:
    with translation.override("en"):
        yield


@dataclass
class Crew:
    team: Team
    passage_team: Team
    intake: Persona
    reviewer: Persona
    second_reviewer: Persona  # vetting takes two independent sign-offs
    handler: Persona  # the case's assigned handler; not in the passage team
    approver: Persona  # a second handler, who approves passage
    courier: Persona  # passage team
    second_courier: Persona  # passage team
    admin_member: Persona  # an administrator (and handler) in the passage team: must get no key
    intake_member: Persona  # in the passage team without case:handle: no key either


@pytest.fixture
def crew(intake_team: Team) -> Crew:
    passage_team = Team.objects.create(name="Passage East")
    return Crew(
        team=intake_team,
        passage_team=passage_team,
        intake=make_persona("intake", Role.INTAKE_OFFICER, teams=(intake_team,)),
        reviewer=make_persona("reviewer", Role.VETTING_REVIEWER, teams=(intake_team,)),
        second_reviewer=make_persona("second_reviewer", Role.VETTING_REVIEWER),
        handler=make_persona("handler", Role.HANDLER, teams=(intake_team,)),
        approver=make_persona("senior_handler", Role.HANDLER, teams=(intake_team,)),
        courier=make_persona("courier", Role.HANDLER, teams=(passage_team,)),
        second_courier=make_persona("courier2", Role.HANDLER, teams=(passage_team,)),
        # An administrator in the passage team (they cannot also be a handler: separation of duties), so only
        # the content-blind rule keeps the key from them.
        admin_member=make_persona("admin_in_passage", Role.ADMINISTRATOR, teams=(passage_team,)),
        intake_member=make_persona("intake_in_passage", Role.INTAKE_OFFICER, teams=(passage_team,)),
    )


def keyring_of(persona: Persona) -> Keyring:
    return unlock_with_password(persona.user, persona.password)


def new_case(crew: Crew) -> Case:
    """An enquiry as intake makes it, assigned to the crew's handler, taken to vetting by real steps."""
    case = Case.objects.create(
        status=Status.ENQUIRY,
        team=crew.team,
        opened_on=today(),
        last_enquirer_on=today(),
        body=vault.create_compartment("body", [crew.intake.user, crew.handler.user], actor=None),
        identity=vault.create_compartment("identity", [crew.intake.user], actor=None),
    )
    Case.objects.filter(pk=case.pk).update(handler=crew.handler.user)
    request_transition(case, "start_triage", actor=crew.intake.user)
    request_transition(case, "refer_for_vetting", actor=crew.intake.user)
    return Case.objects.get(pk=case.pk)


def vet(crew: Crew, case: Case) -> None:
    """Two independent reviewers find the enquirer genuine, which passage needs before it may be asked for."""
    for reviewer in (crew.reviewer, crew.second_reviewer):
        sign_off(
            case,
            "genuine",
            "consistent story",
            actor=reviewer.user,
            keyring=unlock_with_password(reviewer.user, reviewer.password),
        )


def approve_passage(crew: Crew, case: Case) -> Case:
    """Two reviewers find the enquirer genuine; then the two-person step: a reviewer asks, a second handler
    approves."""
    vet(crew, case)
    approval = request_transition(case, "approve_passage", actor=crew.reviewer.user)
    assert isinstance(approval, Approval)
    decide_transition(approval, approve=True, actor=crew.approver.user)
    case = Case.objects.get(pk=case.pk)
    assert case.status == Status.PASSAGE_APPROVED
    return case


def bring_to_arrival(crew: Crew, case: Case) -> Case:
    for step in ("plan_passage", "begin_transit", "record_arrival"):
        request_transition(case, step, actor=crew.handler.user)
    case = Case.objects.get(pk=case.pk)
    assert case.status == Status.ARRIVED
    return case


@pytest.fixture
def approved_case(crew: Crew) -> Case:
    return approve_passage(crew, new_case(crew))


@pytest.fixture
def plan(crew: Crew, approved_case: Case) -> PassagePlan:
    return actions.open_passage(approved_case, crew.passage_team, actor=crew.handler.user)
