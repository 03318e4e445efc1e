"""Taking lifecycle steps and deciding two-person steps through the staff pages."""

from __future__ import annotations

import datetime
import secrets

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.cases.models import Case, Status
from embrace.intake.actions import submit_enquiry
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault.keyring import unlock_with_password
from embrace.vetting.actions import sign_off

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]


@pytest.fixture
def case(intake_officer: Persona) -> Case:
    return submit_enquiry({"text": "t"}, {}, [], token=secrets.token_hex(8), quarantine=False)[0]


def _step(client: Client, case: Case, name: str, expect: int = 302, **extra: str) -> str:
    response = client.post(reverse("cases:step", args=[case.pk]), {"name": name, **extra})
    assert response.status_code == expect
    return response.content.decode()


def _status(case: Case) -> str:
    return Case.objects.get(pk=case.pk).status


def test_intake_officer_moves_a_case_to_triage_and_vetting(
    client: Client, intake_officer: Persona, case: Case
) -> None:
    log_in(client, intake_officer)
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert 'value="start_triage"' in page
    _step(client, case, "start_triage")
    assert _status(case) == Status.TRIAGE
    _step(client, case, "refer_for_vetting")
    assert _status(case) == Status.VETTING


def test_a_step_the_table_lacks_changes_nothing_and_says_why(
    client: Client, intake_officer: Persona, case: Case
) -> None:
    log_in(client, intake_officer)
    page = _step(client, case, "record_arrival", expect=400)
    assert _status(case) == Status.ENQUIRY
    assert 'class="error"' in page


def test_dormant_needs_a_date_from_the_form(client: Client, intake_officer: Persona, case: Case) -> None:
    log_in(client, intake_officer)
    _step(client, case, "make_dormant", expect=400)
    assert _status(case) == Status.ENQUIRY
    _step(
        client, case, "make_dormant", dormant_until=str(datetime.date.today() + datetime.timedelta(days=60))
    )
    assert _status(case) == Status.DORMANT


def test_a_two_person_step_is_decided_by_someone_else_on_the_approvals_page(
    client: Client, intake_officer: Persona, intake_team: Team, case: Case
) -> None:
    reviewer = make_persona("reviewer", Role.VETTING_REVIEWER, teams=(intake_team,))
    approver = make_persona("handler-approver", Role.HANDLER, teams=(intake_team,))
    log_in(client, intake_officer)
    _step(client, case, "start_triage")
    _step(client, case, "refer_for_vetting")

    reviewer_client = log_in(Client(), reviewer)
    _step(reviewer_client, case, "approve_passage", reason="too early")
    assert not Approval.objects.filter(action="case.approve_passage").exists()
    assert "must sign off" in reviewer_client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    second = make_persona("reviewer2", Role.VETTING_REVIEWER)
    for person in (reviewer, second):
        sign_off(
            case, "genuine", "", actor=person.user, keyring=unlock_with_password(person.user, person.password)
        )

    _step(reviewer_client, case, "approve_passage", reason="two sign-offs done")
    assert _status(case) == Status.VETTING
    approval = Approval.objects.get(action="case.approve_passage")
    # The asker does not even see it among the steps waiting for them.
    assert str(approval.pk) not in reviewer_client.get(reverse("cases:approvals")).content.decode()
    assert (
        reviewer_client.post(reverse("cases:decide", args=[approval.pk]), {"decision": "approve"}).status_code
        == 404
    )

    approver_client = log_in(Client(), approver)
    assert case.reference in approver_client.get(reverse("cases:approvals")).content.decode()
    response = approver_client.post(reverse("cases:decide", args=[approval.pk]), {"decision": "approve"})
    assert response.status_code == 302
    assert _status(case) == Status.PASSAGE_APPROVED


def test_step_pages_need_login_and_post(client: Client, case: Case) -> None:
    assert client.post(reverse("cases:step", args=[case.pk]), {"name": "start_triage"}).status_code == 302
    assert _status(case) == Status.ENQUIRY
