"""Administrators and auditors never hold a content role, nobody changes their own access, and widening
takes two administrators — through the pages, the actions and the database."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation

from embrace.accounts.models import RoleAssignment, Team, User
from embrace.accounts.roles import Role
from embrace.approvals.models import Status
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.staffing import actions
from embrace.staffing.actions import StaffingError
from embrace.staffing.models import AccessChange
from embrace.testing.personas import Persona, log_in


def _edit(client: Client, user: User, **fields: object) -> object:
    data: dict[str, object] = {
        "roles": [r.value for r in user.roles],
        "teams": [t.pk for t in user.teams.all()],
        "is_active": "on",
    }
    data.update(fields)
    return client.post(
        reverse("staffing:user_edit", args=[user.pk]), {k: v for k, v in data.items() if v is not None}
    )


def test_lone_administrator_cannot_tick_roles_on_their_own_account(client: Client, admin: Persona) -> None:
    log_in(client, admin)
    response = _edit(client, admin.user, roles=[r.value for r in Role])
    assert response.status_code == 400
    assert b"Nobody changes their own roles" in response.content
    admin.user.refresh_from_db()
    assert admin.user.roles == {Role.ADMINISTRATOR}
    assert not AccessChange.objects.exists()


def test_nobody_deactivates_or_demotes_themselves(client: Client, admin: Persona) -> None:
    log_in(client, admin)
    for change in ({"is_active": None}, {"roles": []}):
        assert _edit(client, admin.user, **change).status_code == 400
    admin.user.refresh_from_db()
    assert admin.user.is_active
    assert admin.user.roles == {Role.ADMINISTRATOR}


def test_the_actions_refuse_changes_to_oneself(admin: Persona, second_admin: Persona) -> None:
    with pytest.raises(StaffingError, match="their own"):
        actions.propose_widening(admin.user, roles=[Role.ANALYST], actor=admin.user)
    change = actions.propose_widening(admin.user, roles=[Role.ANALYST], actor=second_admin.user)
    # The one it is about may not approve it either.
    with pytest.raises(StaffingError, match="their own"):
        actions.decide_widening(change, approve=True, actor=admin.user)
    with pytest.raises(StaffingError, match="their own"):
        actions.narrow_user(admin.user, deactivate=True, actor=admin.user)


def test_form_refuses_a_content_role_for_an_administrator(
    client: Client, admin: Persona, second_admin: Persona
) -> None:
    log_in(client, admin)
    response = _edit(client, second_admin.user, roles=[Role.ADMINISTRATOR, Role.CUSTODIAN])
    assert response.status_code == 400
    assert b"never see case contents" in response.content
    assert (
        b'value="custodian" checked' in response.content or b"custodian" in response.content
    )  # kept as typed
    assert not AccessChange.objects.exists()
    response = client.post(reverse("staffing:invite"), {"username": "both", "roles": ["auditor", "handler"]})
    assert response.status_code == 400
    assert b"never see case contents" in response.content
    assert not User.objects.filter(username="both").exists()


def test_action_refuses_a_content_role_for_an_auditor(admin: Persona, db: None) -> None:
    from embrace.testing.personas import make_persona

    auditor = make_persona("auditor", Role.AUDITOR)
    with pytest.raises(StaffingError, match="never see case contents"):
        actions.propose_widening(auditor.user, roles=[Role.HANDLER], actor=admin.user)


@pytest.mark.parametrize(("first", "second"), [("administrator", "custodian"), ("handler", "auditor")])
def test_database_refuses_a_content_blind_role_mixed_with_a_content_role(
    admin: Persona, first: str, second: str
) -> None:
    user = User.objects.create(username="mixed")
    RoleAssignment.objects.create(user=user, role=first)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(user=user, role=second)
    assert set(user.role_assignments.values_list("role", flat=True)) == {first}


def test_adding_a_role_waits_for_a_second_administrator(
    admin: Persona, second_admin: Persona, handler: Persona, other_team: Team
) -> None:
    first = log_in(Client(), admin)
    response = _edit(first, handler.user, roles=[Role.HANDLER, Role.CUSTODIAN], teams=[other_team.pk])
    assert response.status_code == 302
    handler.user.refresh_from_db()
    assert handler.user.roles == {Role.HANDLER}  # nothing yet
    assert not handler.user.teams.filter(pk=other_team.pk).exists()
    change = AccessChange.objects.get(user=handler.user)
    # The proposer cannot approve their own proposal.
    response = first.post(reverse("staffing:change", args=[change.pk]), {"decision": "approve"})
    assert response.status_code == 400
    assert b"another person must" in response.content
    handler.user.refresh_from_db()
    assert Role.CUSTODIAN not in handler.user.roles

    second = log_in(Client(), second_admin)
    assert b"More access for handler" in second.get(reverse("staffing:user_list")).content
    response = second.post(reverse("staffing:change", args=[change.pk]), {"decision": "approve"})
    assert response.status_code == 302
    handler.user.refresh_from_db()
    assert handler.user.roles == {Role.HANDLER, Role.CUSTODIAN}
    assert handler.user.teams.filter(pk=other_team.pk).exists()
    assert AuditEntry.objects.filter(event=Event.ACCESS_WIDENED, actor=second_admin.user.pk).exists()


def test_reactivation_waits_for_a_second_administrator(
    admin: Persona, second_admin: Persona, handler: Persona
) -> None:
    first = log_in(Client(), admin)
    assert _edit(first, handler.user, is_active=None).status_code == 302  # deactivating: at once
    handler.user.refresh_from_db()
    assert not handler.user.is_active
    assert _edit(first, handler.user).status_code == 302  # reactivating: only proposed
    handler.user.refresh_from_db()
    assert not handler.user.is_active
    change = AccessChange.objects.get(user=handler.user, reactivate=True)
    actions.decide_widening(change, approve=True, actor=second_admin.user)
    handler.user.refresh_from_db()
    assert handler.user.is_active


def test_approval_checks_separation_of_duties_again(admin: Persona, second_admin: Persona, db: None) -> None:
    from embrace.testing.personas import make_persona

    analyst = make_persona("analyst", Role.ANALYST)
    change = actions.propose_widening(analyst.user, roles=[Role.CUSTODIAN], actor=admin.user)
    # Meanwhile the person became an auditor (another way in: here, straight into the table).
    RoleAssignment.objects.create(user=analyst.user, role=Role.AUDITOR)
    # Outside a request the message is in the programme's default language (Burmese): read it in English.
    with translation.override("en"), pytest.raises(StaffingError, match="never see case contents"):
        actions.decide_widening(change, approve=True, actor=second_admin.user)
    analyst.user.refresh_from_db()
    assert Role.CUSTODIAN not in analyst.user.roles
    change.approval.refresh_from_db()
    assert change.approval.status == Status.PENDING
