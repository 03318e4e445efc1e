"""Opening a passage plan after the two-person step, sealed to the passage team only; reading, writing."""

from __future__ import annotations

import json

import pytest
from django.db.models import Max
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.actions import today
from embrace.cases.lifecycle import request_transition
from embrace.cases.models import Case, CaseTransition, Status, lifecycle_write
from embrace.custody import actions as custody
from embrace.custody import groups as custody_groups
from embrace.passage import actions
from embrace.passage.actions import PassageError
from embrace.passage.models import PassagePlan, PlanEntry
from embrace.passage.tests.conftest import (
    Crew,
    approve_passage,
    bring_to_arrival,
    keyring_of,
    new_case,
    vet,
)
from embrace.testing.personas import log_in, make_persona
from embrace.vault import actions as vault
from embrace.vault.keyring import NoAccess

pytestmark = pytest.mark.django_db

ROUTE = "ROUTE-MARKER-7 Myawaddy bridge, 0400, blue truck"


def test_plan_cannot_open_before_the_two_person_step(crew: Crew) -> None:
    case = new_case(crew)  # in vetting
    with pytest.raises(PassageError, match="once passage is approved"):
        actions.open_passage(case, crew.passage_team, actor=crew.handler.user)
    # Asked for but not yet approved by the second person: still in vetting, still refused.
    vet(crew, case)
    request_transition(case, "approve_passage", actor=crew.reviewer.user)
    with pytest.raises(PassageError, match="once passage is approved"):
        actions.open_passage(case, crew.passage_team, actor=crew.handler.user)
    assert not PassagePlan.objects.exists()


def test_plan_cannot_open_once_the_case_has_arrived(crew: Crew, approved_case: Case) -> None:
    # Approved by two people, but too late: a plan opened now would hold routes nobody needs any more.
    case = bring_to_arrival(crew, approved_case)
    with pytest.raises(PassageError, match="once passage is approved and before arrival"):
        actions.open_passage(case, crew.passage_team, actor=crew.handler.user)
    assert not PassagePlan.objects.exists()


def test_plan_cannot_open_on_a_passage_approved_status_reached_without_an_approval(crew: Crew) -> None:
    # As if the status had been written past the lifecycle (raw SQL, or a table edited to make the step
    # one-person): the status says approved, the history shows no second person.
    case = new_case(crew)
    with lifecycle_write():
        Case.objects.filter(pk=case.pk).update(status=Status.PASSAGE_APPROVED)
    seq = case.transitions.aggregate(m=Max("seq"))["m"] + 1
    CaseTransition.objects.create(
        case=case,
        seq=seq,
        name="approve_passage",
        from_status=Status.VETTING,
        to_status=Status.PASSAGE_APPROVED,
        actor=crew.reviewer.user,
        made_on=today(),
    )
    with pytest.raises(PassageError, match="not approved by two people"):
        actions.open_passage(Case.objects.get(pk=case.pk), crew.passage_team, actor=crew.handler.user)
    assert not PassagePlan.objects.exists()


def test_only_the_cases_handler_may_open_its_plan(crew: Crew, approved_case: Case) -> None:
    for persona in (crew.approver, crew.courier, crew.reviewer, crew.intake):
        with pytest.raises(PassageError, match="Only the case's handler"):
            actions.open_passage(approved_case, crew.passage_team, actor=persona.user)
    assert not PassagePlan.objects.exists()


def test_plan_opens_after_the_two_person_step_sealed_to_the_passage_team_only(
    crew: Crew, approved_case: Case
) -> None:
    plan = actions.open_passage(approved_case, crew.passage_team, actor=crew.handler.user)
    assert plan.compartment is not None
    assert plan.compartment.kind == "passage"
    assert plan.opened_on == today()
    # Not the handler, nor an administrator or an intake officer who happen to be in the team.
    assert vault.members_of(plan.compartment) == {str(crew.courier.user.pk), str(crew.second_courier.user.pk)}
    entry = AuditEntry.objects.get(event=Event.PASSAGE_OPENED)
    assert entry.actor == crew.handler.user.pk
    assert entry.data["team"] == str(crew.passage_team.pk)
    assert entry.data["members"] == 2
    with pytest.raises(PassageError, match="already has a passage plan"):
        actions.open_passage(approved_case, crew.passage_team, actor=crew.handler.user)


def test_the_handler_holds_the_key_only_as_a_member_of_the_passage_team(
    crew: Crew, approved_case: Case
) -> None:
    crew.handler.user.teams.add(crew.passage_team)
    plan = actions.open_passage(approved_case, crew.passage_team, actor=crew.handler.user)
    assert plan.compartment is not None
    # Joining the team entitles them to the key; only a holder's give (approved by a second) seals it.
    assert str(crew.handler.user.pk) not in vault.members_of(plan.compartment)
    group = custody_groups.passage_group(crew.passage_team)
    approval = custody.request_group_key(
        group, crew.handler.user, keyring=keyring_of(crew.courier), actor=crew.courier.user
    )
    custody.approve_group_key(
        approval, keyring=keyring_of(crew.second_courier), actor=crew.second_courier.user
    )
    assert str(crew.handler.user.pk) in vault.members_of(plan.compartment)


def test_a_team_with_nobody_to_hold_the_key_is_refused(crew: Crew, approved_case: Case) -> None:
    empty = Team.objects.create(name="Nobody")
    with pytest.raises(PassageError, match="holds a passage key"):
        actions.open_passage(approved_case, empty, actor=crew.handler.user)


def test_entries_are_sealed_and_readable_by_team_members_only(crew: Crew, plan: PassagePlan) -> None:
    entry = actions.add_plan_entry(plan, {"kind": "segment", "text": ROUTE}, actor=crew.courier.user)
    assert ROUTE.encode() not in bytes(entry.envelope)
    for member in (crew.courier, crew.second_courier):
        assert json.loads(keyring_of(member).open(bytes(entry.envelope)))["text"] == ROUTE
    for stranger in (crew.handler, crew.admin_member, crew.intake_member, crew.approver):
        with pytest.raises(NoAccess):
            keyring_of(stranger).open(bytes(entry.envelope))
    audit = AuditEntry.objects.get(event=Event.PASSAGE_ENTRY_ADDED)
    assert audit.data == {"entry": str(entry.pk), "seq": 1}
    assert ROUTE not in json.dumps(audit.data)


def test_only_team_members_who_hold_the_key_may_write(crew: Crew, plan: PassagePlan) -> None:
    # Joined the team, but no holder has given them the team's passage key.
    latecomer = make_persona("latecomer", Role.HANDLER, teams=(crew.passage_team,), keys=False)
    with pytest.raises(PassageError, match="no key"):
        actions.add_plan_entry(plan, {"kind": "note", "text": "x"}, actor=latecomer.user)
    with pytest.raises(PassageError, match="Only the passage team"):
        actions.add_plan_entry(plan, {"kind": "note", "text": "x"}, actor=crew.handler.user)
    assert not PlanEntry.objects.exists()


def test_a_member_who_left_the_passage_team_may_no_longer_write_or_see_the_plan(
    client: Client, crew: Crew, plan: PassagePlan
) -> None:
    crew.courier.user.teams.remove(crew.passage_team)  # still holds the key: leaving revokes nothing
    with pytest.raises(PassageError, match="Only the passage team"):
        actions.add_plan_entry(plan, {"kind": "note", "text": "x"}, actor=crew.courier.user)
    log_in(client, crew.courier)
    assert client.get(_plan_url(plan)).status_code == 404
    assert not PlanEntry.objects.exists()


# --- Through the pages ------------------------------------------------------------------------------------


def _plan_url(plan: PassagePlan) -> str:
    return reverse("passage:plan", args=[plan.case_id])


def _add_url(plan: PassagePlan) -> str:
    return reverse("passage:add_entry", args=[plan.case_id])


def test_team_member_writes_and_reads_entries_through_the_page(
    client: Client, crew: Crew, plan: PassagePlan
) -> None:
    log_in(client, crew.courier)
    page = client.get(_plan_url(plan))
    assert page.status_code == 200
    assert "No entries yet" in page.content.decode()
    response = client.post(_add_url(plan), {"kind": "meeting_point", "text": ROUTE})
    assert response.status_code == 302
    assert ROUTE in client.get(_plan_url(plan)).content.decode()
    other = log_in(Client(), crew.second_courier)
    assert ROUTE in other.get(_plan_url(plan)).content.decode()
    assert AuditEntry.objects.filter(event=Event.PASSAGE_ENTRY_ADDED, actor=crew.courier.user.pk).count() == 1


def test_bad_entry_input_is_a_400_with_the_form_filled(client: Client, crew: Crew, plan: PassagePlan) -> None:
    log_in(client, crew.courier)
    response = client.post(_add_url(plan), {"kind": "teleport", "text": ROUTE})
    assert response.status_code == 400
    assert ROUTE in response.content.decode()  # what was typed is given back
    assert "Select a valid choice" in response.content.decode()
    response = client.post(_add_url(plan), {"kind": "note", "text": "x" * 4001})
    assert response.status_code == 400
    assert "at most 4000 characters" in response.content.decode()
    assert not PlanEntry.objects.exists()


def test_handler_not_in_the_passage_team_is_sent_to_the_status_page_and_reads_nothing(
    client: Client, crew: Crew, plan: PassagePlan
) -> None:
    actions.add_plan_entry(plan, {"kind": "segment", "text": ROUTE}, actor=crew.courier.user)
    log_in(client, crew.handler)
    # The case's "Passage plan" link never ends in a 404 for its handler: it leads to where the plan stands.
    response = client.get(_plan_url(plan))
    assert response.status_code == 302
    assert response["Location"] == _open_url(plan.case)
    status_page = client.get(response["Location"]).content.decode()
    assert ROUTE not in status_page
    assert "Open since" in status_page
    assert client.post(_add_url(plan), {"kind": "note", "text": "mine"}).status_code == 404
    assert PlanEntry.objects.count() == 1


def test_team_member_without_the_key_gets_403_and_no_content(
    client: Client, crew: Crew, plan: PassagePlan
) -> None:
    actions.add_plan_entry(plan, {"kind": "segment", "text": ROUTE}, actor=crew.courier.user)
    latecomer = make_persona("latecomer", Role.HANDLER, teams=(crew.passage_team,), keys=False)
    log_in(client, latecomer)
    page = client.get(_plan_url(plan))
    assert page.status_code == 403
    assert ROUTE not in page.content.decode()
    assert "no key" in page.content.decode()
    assert client.post(_add_url(plan), {"kind": "note", "text": "mine"}).status_code == 403
    assert PlanEntry.objects.count() == 1


def test_outsider_gets_404_anonymous_goes_to_login_wrong_method_405(
    client: Client, crew: Crew, plan: PassagePlan, outsider: object
) -> None:
    assert client.get(_plan_url(plan)).status_code == 302
    assert client.post(_add_url(plan), {"kind": "note", "text": "x"}).status_code == 302
    log_in(client, outsider)  # type: ignore[arg-type]
    assert client.get(_plan_url(plan)).status_code == 404
    log_in(client, crew.courier)
    assert client.post(_plan_url(plan)).status_code == 405
    assert client.get(_add_url(plan)).status_code == 405


def test_posts_need_the_csrf_token(client: Client, crew: Crew, plan: PassagePlan) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = log_in(client, crew.courier).cookies
    assert strict.post(_add_url(plan), {"kind": "note", "text": "x"}).status_code == 403
    assert strict.post(_open_url(plan.case), {"team": crew.passage_team.pk}).status_code == 403
    assert not PlanEntry.objects.exists()


# --- Opening through the page ----------------------------------------------------------------------------


def _open_url(case: Case) -> str:
    return reverse("passage:open", args=[case.pk])


def test_handler_opens_the_plan_through_the_page_and_cannot_then_read_it(
    client: Client, crew: Crew, approved_case: Case
) -> None:
    log_in(client, crew.handler)
    assert client.get(_open_url(approved_case)).status_code == 200
    response = client.post(_open_url(approved_case), {"team": crew.passage_team.pk})
    assert response.status_code == 302
    plan = PassagePlan.objects.get(case=approved_case)
    assert plan.team == crew.passage_team
    page = client.get(_open_url(approved_case))
    assert "Open since" in page.content.decode()
    assert client.get(_plan_url(plan)).status_code == 302  # to the status page, not the entries
    assert client.post(_open_url(approved_case), {"team": crew.passage_team.pk}).status_code == 409


def test_opening_through_the_page_before_approval_or_with_a_bad_team_is_a_400(
    client: Client, crew: Crew
) -> None:
    case = new_case(crew)
    log_in(client, crew.handler)
    response = client.post(_open_url(case), {"team": crew.passage_team.pk})
    assert response.status_code == 400
    assert "once passage is approved" in response.content.decode()
    case = approve_passage(crew, case)
    response = client.post(_open_url(case), {"team": "not-a-team"})
    assert response.status_code == 400
    assert "is not a valid UUID" in response.content.decode()
    assert not PassagePlan.objects.exists()


def test_only_the_assigned_handler_reaches_the_open_page(
    client: Client, crew: Crew, approved_case: Case, outsider: object
) -> None:
    log_in(client, crew.courier)  # a handler, but not this case's
    assert client.get(_open_url(approved_case)).status_code == 404
    assert client.post(_open_url(approved_case), {"team": crew.passage_team.pk}).status_code == 404
    log_in(client, crew.intake)
    assert client.get(_open_url(approved_case)).status_code == 403
    assert not PassagePlan.objects.exists()
