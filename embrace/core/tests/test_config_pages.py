"""Programme settings: administrators create case labels and open or close intake routes, audited; no one
else may, bad input is refused with the form kept, and a closed route really stops new enquiries."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.models import Label
from embrace.intake.models import IntakeRoute
from embrace.testing.personas import Persona, log_in

LABELS = reverse("config:labels")


def test_administrator_creates_a_label_for_a_team_with_an_audit_entry(
    admin: Persona, intake_team: Team
) -> None:
    client = log_in(Client(), admin)
    assert client.get(LABELS).status_code == 200
    response = client.post(LABELS, {"team": intake_team.pk, "name": "Needs-Doctor"})
    assert response.status_code == 302
    label = Label.objects.get(team=intake_team)
    assert label.name == "needs-doctor"
    entry = AuditEntry.objects.filter(event=Event.LABEL_CREATED).get()
    assert (entry.actor, entry.data["team"]) == (admin.user.pk, str(intake_team.pk))
    assert "needs-doctor" in client.get(LABELS).content.decode()


def test_a_label_with_spaces_or_a_repeated_name_is_refused_in_words(
    admin: Persona, intake_team: Team
) -> None:
    client = log_in(Client(), admin)
    Label.objects.create(team=intake_team, name="navy")
    spaced = client.post(LABELS, {"team": intake_team.pk, "name": "u ko ko"})
    assert spaced.status_code == 400
    assert "no spaces" in spaced.content.decode()
    assert 'value="u ko ko"' in spaced.content.decode()
    repeated = client.post(LABELS, {"team": intake_team.pk, "name": "navy"})
    assert repeated.status_code == 400
    assert "already has a label with that name" in repeated.content.decode()
    assert "unique_label_per_team" not in repeated.content.decode()
    assert Label.objects.count() == 1
    assert not AuditEntry.objects.filter(event=Event.LABEL_CREATED).exists()


def test_only_an_administrator_creates_labels(
    handler: Persona, intake_officer: Persona, intake_team: Team
) -> None:
    for persona in (handler, intake_officer):
        client = log_in(Client(), persona)
        assert client.post(LABELS, {"team": intake_team.pk, "name": "mine"}).status_code == 403
    assert not Label.objects.exists()


def test_administrator_closes_and_reopens_a_route_and_enquiries_follow(
    admin: Persona, intake_team: Team, intake_route: IntakeRoute
) -> None:
    client = log_in(Client(), admin)
    listing = client.get(reverse("config:routes"))
    url = reverse("config:route_edit", kwargs={"team_id": intake_team.pk})
    assert listing.status_code == 200
    assert url in listing.content.decode()

    # An unticked box sends nothing at all: that is still "close".
    assert client.post(url, {}).status_code == 302
    intake_route.refresh_from_db()
    assert not intake_route.active
    assert client.post(url, {"active": "on"}).status_code == 302
    intake_route.refresh_from_db()
    assert intake_route.active
    entries = AuditEntry.objects.filter(event=Event.INTAKE_ROUTE_CHANGED).order_by("seq")
    assert [e.data["active"] for e in entries] == [False, True]


def test_opening_a_route_for_a_team_without_one_creates_it(admin: Persona, other_team: Team) -> None:
    client = log_in(Client(), admin)
    url = reverse("config:route_edit", kwargs={"team_id": other_team.pk})
    assert client.post(url, {"active": "on"}).status_code == 302
    assert IntakeRoute.objects.get(team=other_team).active


def test_only_an_administrator_changes_routes(
    intake_officer: Persona, intake_team: Team, intake_route: IntakeRoute
) -> None:
    client = log_in(Client(), intake_officer)
    url = reverse("config:route_edit", kwargs={"team_id": intake_team.pk})
    assert client.get(reverse("config:routes")).status_code == 403
    assert client.post(url, {}).status_code == 403
    intake_route.refresh_from_db()
    assert intake_route.active


def test_route_page_of_an_unknown_team_is_not_found(admin: Persona) -> None:
    client = log_in(Client(), admin)
    url = reverse("config:route_edit", kwargs={"team_id": "00000000-0000-4000-8000-000000000000"})
    assert client.get(url).status_code == 404
