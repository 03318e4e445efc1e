from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team, User
from embrace.accounts.roles import Perm, Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.language import english_client
from embrace.testing.personas import Persona, log_in
from embrace.vault import actions as vault
from embrace.vault.keyring import NoAccess, unlock_with_password


def _edit(client: Client, user: User, **fields: object) -> object:
    data = {
        "roles": [r.value for r in user.roles],
        "teams": [t.pk for t in user.teams.all()],
        "is_active": "on",
    }
    data.update(fields)
    return client.post(
        reverse("staffing:user_edit", args=[user.pk]), {k: v for k, v in data.items() if v is not None}
    )


def test_admin_lists_accounts(client: Client, admin: Persona, handler: Persona) -> None:
    response = log_in(client, admin).get(reverse("staffing:user_list"))
    assert response.status_code == 200
    assert b"handler" in response.content
    assert b'href="/staff/accounts/"' in response.content  # the nav shows Accounts to an administrator


def test_nav_hides_accounts_from_other_roles(client: Client, handler: Persona) -> None:
    response = log_in(client, handler).get(reverse("accounts:home"))
    assert response.status_code == 200
    assert b'href="/staff/accounts/"' not in response.content


def test_removing_roles_and_teams_takes_effect_at_once(
    client: Client, admin: Persona, handler: Persona, other_team: Team
) -> None:
    log_in(client, admin)
    response = _edit(client, handler.user, roles=[], teams=[])
    assert response.status_code == 302
    handler.user.refresh_from_db()
    assert handler.user.roles == set()
    assert list(handler.user.teams.all()) == []
    events = set(AuditEntry.objects.filter(actor=admin.user.pk).values_list("event", flat=True))
    assert {Event.ROLE_REVOKED, Event.TEAM_LEFT, Event.ACCESS_NARROWED} <= events


def test_deactivated_user_cannot_log_in(admin: Persona, handler: Persona) -> None:
    handler_browser = log_in(english_client(), handler)
    admin_browser = log_in(english_client(), admin)
    assert _edit(admin_browser, handler.user, is_active=None).status_code == 302
    handler.user.refresh_from_db()
    assert not handler.user.is_active
    assert AuditEntry.objects.filter(
        event=Event.USER_DEACTIVATED, subject__endswith=str(handler.user.pk)
    ).exists()
    assert handler_browser.get(reverse("accounts:home")).status_code == 403  # the open session is over
    response = english_client().post(
        reverse("accounts:login"), {"username": "handler", "password": handler.password}
    )
    assert response.status_code == 400
    assert b"Wrong username or password" in response.content


def test_duplicate_username_is_a_form_error(client: Client, admin: Persona, handler: Persona) -> None:
    log_in(client, admin)
    response = client.post(reverse("staffing:invite"), {"username": "handler", "roles": [Role.HANDLER]})
    assert response.status_code == 400
    assert b"already exists" in response.content
    assert User.objects.filter(username="handler").count() == 1


def test_admin_creates_a_team(client: Client, admin: Persona) -> None:
    log_in(client, admin)
    response = client.post(reverse("accounts:team_new"), {"name": "Passage", "description": "east border"})
    assert response.status_code == 302
    team = Team.objects.get(name="Passage")
    assert AuditEntry.objects.filter(
        event=Event.TEAM_CREATED, actor=admin.user.pk, subject__endswith=str(team.pk)
    ).exists()


def test_editing_an_unknown_account_is_404(client: Client, admin: Persona) -> None:
    log_in(client, admin)
    response = client.get(reverse("staffing:user_edit", args=["00000000-0000-4000-8000-000000000000"]))
    assert response.status_code == 404


def test_administrators_hold_no_case_permission_or_content(admin: Persona, handler: Persona) -> None:
    case_perms = [p for p in Perm if p.value.startswith(("case:", "vetting:", "reward:", "payment:"))]
    assert case_perms
    assert not any(admin.user.can(p) for p in case_perms)
    envelope = vault.seal(vault.create_compartment("body", [handler.user], actor=None), b"enquiry")
    with pytest.raises(NoAccess):
        unlock_with_password(admin.user, admin.password).open(envelope)


@pytest.mark.parametrize("name", ["staffing:user_list", "staffing:invite", "accounts:team_new"])
def test_non_admins_get_403_on_account_pages(client: Client, handler: Persona, name: str) -> None:
    response = log_in(client, handler).get(reverse(name))
    assert response.status_code == 403
    assert b"Your role does not allow this" in response.content
