"""The same security checks for every staff view: method, login, role, CSRF."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.audit.models import AuditEntry
from embrace.testing.language import english_client
from embrace.testing.personas import Persona, log_in


@dataclass(frozen=True)
class StaffView:
    name: str
    methods: tuple[str, ...]
    admin_only: bool
    needs_user: bool = False

    def url(self, persona: Persona) -> str:
        return reverse(self.name, args=[persona.user.pk] if self.needs_user else [])


STAFF_VIEWS = [
    StaffView("accounts:home", ("GET",), admin_only=False),
    StaffView("accounts:password_change", ("GET", "POST"), admin_only=False),
    StaffView("staffing:user_list", ("GET",), admin_only=True),
    StaffView("staffing:invite", ("GET", "POST"), admin_only=True),
    StaffView("staffing:user_edit", ("GET", "POST"), admin_only=True, needs_user=True),
    StaffView("accounts:team_new", ("GET", "POST"), admin_only=True),
]
POSTING = [v for v in STAFF_VIEWS if "POST" in v.methods]
PUBLIC_POSTING = [
    "accounts:login",
    "accounts:login_code",
    "accounts:enrol",
    "accounts:recover",
    "accounts:reenrol",
    "accounts:logout",
]


def _ids(views: list[StaffView]) -> list[str]:
    return [v.name for v in views]


@pytest.mark.parametrize("view", STAFF_VIEWS, ids=_ids(STAFF_VIEWS))
def test_wrong_method_is_405(client: Client, admin: Persona, view: StaffView) -> None:
    log_in(client, admin)
    for method in ("PUT", "DELETE", "PATCH", "POST"):
        if method not in view.methods:
            assert client.generic(method, view.url(admin)).status_code == 405, method


@pytest.mark.parametrize("view", STAFF_VIEWS, ids=_ids(STAFF_VIEWS))
def test_anonymous_is_sent_to_login(client: Client, admin: Persona, view: StaffView) -> None:
    for method in view.methods:
        response = client.generic(method, view.url(admin))
        assert response.status_code == 302, method
        assert response["Location"] == f"{reverse('accounts:login')}?next={view.url(admin)}"


@pytest.mark.parametrize(
    "view", [v for v in STAFF_VIEWS if v.admin_only], ids=_ids([v for v in STAFF_VIEWS if v.admin_only])
)
def test_role_without_permission_gets_403(
    client: Client, admin: Persona, intake_officer: Persona, view: StaffView
) -> None:
    log_in(client, intake_officer)
    before = AuditEntry.objects.count()
    for method in view.methods:
        assert client.generic(method, view.url(admin)).status_code == 403, method
    assert AuditEntry.objects.count() == before


@pytest.mark.parametrize("view", POSTING, ids=_ids(POSTING))
def test_csrf_is_enforced_on_staff_views(client: Client, admin: Persona, view: StaffView) -> None:
    log_in(client, admin)
    strict = english_client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    assert strict.get(view.url(admin)).status_code == 200  # the session itself is fine
    before, teams = AuditEntry.objects.count(), Team.objects.count()
    response = strict.post(view.url(admin), {"name": "X", "username": "x", "description": ""})
    assert response.status_code == 403
    assert b"This form has expired" in response.content
    assert b"CSRF" not in response.content  # the neutral page, not Django's technical one
    assert (AuditEntry.objects.count(), Team.objects.count()) == (before, teams)


@pytest.mark.parametrize("name", PUBLIC_POSTING)
def test_csrf_is_enforced_on_login_steps(db: None, name: str) -> None:
    response = english_client(enforce_csrf_checks=True).post(
        reverse(name), {"username": "x", "password": "y"}
    )
    assert response.status_code == 403
    assert b"This form has expired" in response.content


@pytest.mark.parametrize("name", PUBLIC_POSTING)
def test_login_steps_refuse_other_methods(client: Client, db: None, name: str) -> None:
    assert client.put(reverse(name)).status_code == 405


def test_logout_refuses_get(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(reverse("accounts:home")).status_code == 200
