"""Administrators list teams and rename them; nobody else may, and a bad name keeps the form as typed."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.personas import Persona, log_in


def test_administrator_lists_teams_and_renames_one_with_an_audit_entry(
    admin: Persona, intake_officer: Persona, intake_team: Team
) -> None:
    client = log_in(Client(), admin)
    listing = client.get(reverse("accounts:team_list"))
    edit_url = reverse("accounts:team_edit", kwargs={"team_id": intake_team.pk})
    assert listing.status_code == 200
    assert edit_url in listing.content.decode()

    page = client.get(edit_url)
    assert page.status_code == 200
    assert intake_officer.user.username in page.content.decode(), "the page names the team's members"

    response = client.post(edit_url, {"name": "Intake — South", "description": "Southern border"})
    assert response.status_code == 302
    intake_team.refresh_from_db()
    assert (intake_team.name, intake_team.description) == ("Intake — South", "Southern border")
    entry = AuditEntry.objects.filter(event=Event.TEAM_UPDATED).get()
    assert entry.actor == admin.user.pk
    assert entry.data["changed"] == ["description", "name"]
    assert "Intake — South" not in str(entry.data), "the audit entry names fields, not values"


def test_renaming_a_team_to_a_name_in_use_is_refused_and_keeps_what_was_typed(
    admin: Persona, intake_team: Team, other_team: Team
) -> None:
    client = log_in(Client(), admin)
    before = AuditEntry.objects.count()
    url = reverse("accounts:team_edit", kwargs={"team_id": intake_team.pk})
    response = client.post(url, {"name": other_team.name, "description": "typed by hand"})
    assert response.status_code == 400
    assert "typed by hand" in response.content.decode()
    intake_team.refresh_from_db()
    assert intake_team.description != "typed by hand"
    assert AuditEntry.objects.count() == before


def test_only_an_administrator_may_edit_a_team(handler: Persona, intake_team: Team) -> None:
    client = log_in(Client(), handler)
    url = reverse("accounts:team_edit", kwargs={"team_id": intake_team.pk})
    assert client.get(reverse("accounts:team_list")).status_code == 403
    assert client.post(url, {"name": "Taken over", "description": ""}).status_code == 403
    intake_team.refresh_from_db()
    assert intake_team.name != "Taken over"


def test_an_unknown_team_is_not_found(admin: Persona) -> None:
    client = log_in(Client(), admin)
    url = reverse("accounts:team_edit", kwargs={"team_id": "00000000-0000-4000-8000-000000000000"})
    assert client.get(url).status_code == 404


def test_editing_a_team_needs_the_csrf_token(admin: Persona, intake_team: Team) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = log_in(Client(), admin).cookies
    client = strict
    url = reverse("accounts:team_edit", kwargs={"team_id": intake_team.pk})
    assert client.post(url, {"name": "Forged", "description": ""}).status_code == 403
    intake_team.refresh_from_db()
    assert intake_team.name != "Forged"
