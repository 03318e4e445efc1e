"""Passage is decided by the people of the case's own team, and another team never sees that it is asked for.

Through the pages: the approvals list, the decision, and the step form of a person who holds several roles.
"""

from __future__ import annotations

import secrets

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.approvals.actions import decide_approval
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.cases.actions import assign_case
from embrace.cases.lifecycle import LifecycleError, complete_approved_transition, request_transition
from embrace.cases.models import Case, Status
from embrace.intake.actions import submit_enquiry
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault.keyring import unlock_with_password
from embrace.vetting.actions import sign_off

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]


def _case_in_vetting(intake_officer: Persona, handler: Persona | None = None) -> Case:
    case = submit_enquiry({"text": "t"}, {}, [], token=secrets.token_hex(8), quarantine=False)[0]
    if handler is not None:
        keyring = unlock_with_password(intake_officer.user, intake_officer.password)
        assign_case(case, handler.user, actor=intake_officer.user, keyring=keyring)
    for step in ("start_triage", "refer_for_vetting"):
        request_transition(case, step, actor=intake_officer.user)
    return Case.objects.get(pk=case.pk)


def _vetted(case: Case) -> None:
    # Both exist before the first sign-off opens the vetting file, so it is sealed to both.
    vetters = [make_persona(name, Role.VETTING_REVIEWER) for name in ("vetter1", "vetter2")]
    for vetter in vetters:
        sign_off(
            case,
            "genuine",
            "consistent",
            actor=vetter.user,
            keyring=unlock_with_password(vetter.user, vetter.password),
        )


def _ask(intake_team: Team, case: Case) -> tuple[Persona, Approval]:
    reviewer = make_persona("asker", Role.VETTING_REVIEWER, teams=(intake_team,))
    approval = request_transition(case, "approve_passage", actor=reviewer.user, reason="two sign-offs")
    assert isinstance(approval, Approval)
    return reviewer, approval


def test_another_team_s_handler_neither_sees_nor_decides_a_passage_request(
    intake_officer: Persona, intake_team: Team, outsider: Persona
) -> None:
    case = _case_in_vetting(intake_officer)
    _vetted(case)
    _, approval = _ask(intake_team, case)

    stranger = log_in(Client(), outsider)
    listing = stranger.get(reverse("cases:approvals")).content.decode()
    assert case.reference not in listing
    assert str(approval.pk) not in listing
    # Nor counted on their home page: the count would say that another team is asking for passage.
    assert "waits for your decision" not in stranger.get(reverse("accounts:home")).content.decode()
    response = stranger.post(reverse("cases:decide", args=[approval.pk]), {"decision": "approve"})
    assert response.status_code == 404
    assert Approval.objects.get(pk=approval.pk).status == ApprovalStatus.PENDING
    assert Case.objects.get(pk=case.pk).status == Status.VETTING

    team_handler = log_in(Client(), make_persona("team_handler", Role.HANDLER, teams=(intake_team,)))
    assert case.reference in team_handler.get(reverse("cases:approvals")).content.decode()
    assert "1 request waits for your decision" in team_handler.get(reverse("accounts:home")).content.decode()
    response = team_handler.post(reverse("cases:decide", args=[approval.pk]), {"decision": "approve"})
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).status == Status.PASSAGE_APPROVED


def test_a_passage_approval_by_another_team_decided_past_the_pages_moves_nothing(
    intake_officer: Persona, intake_team: Team, outsider: Persona
) -> None:
    case = _case_in_vetting(intake_officer)
    _vetted(case)
    _, approval = _ask(intake_team, case)
    decide_approval(approval, approve=True, actor=outsider.user)  # as a generic approvals inbox would
    with pytest.raises(LifecycleError, match="of the case's own team"):
        complete_approved_transition(approval, actor=outsider.user)
    assert Case.objects.get(pk=case.pk).status == Status.VETTING


def test_a_handler_who_is_also_a_reviewer_may_not_ask_passage_for_their_own_case(
    intake_officer: Persona, intake_team: Team
) -> None:
    both = make_persona("both", Role.HANDLER, Role.VETTING_REVIEWER, teams=(intake_team,))
    case = _case_in_vetting(intake_officer, handler=both)
    _vetted(case)
    client = log_in(Client(), both)
    assert (
        'value="approve_passage"' not in client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    )
    response = client.post(reverse("cases:step", args=[case.pk]), {"name": "approve_passage", "reason": "x"})
    assert response.status_code == 400
    assert not Approval.objects.filter(action="case.approve_passage").exists()
    assert Case.objects.get(pk=case.pk).status == Status.VETTING
