"""Case search through the staff page, as intake officers and handlers use it, and what it must not show."""

from __future__ import annotations

import secrets

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.cases import actions, lifecycle, search
from embrace.cases.models import Case, Label
from embrace.intake.actions import submit_enquiry
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault.keyring import unlock_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

URL = reverse("cases:search")
PHONE = "+959450123456"
PHONE_IN_MYANMAR_DIGITS = "၀၉ ၄၅၀ ၁၂၃ ၄၅၆"
TEXT = "SEARCH-TEXT-2718 ကျွန်တော် ထွက်ချင်ပါတယ်"


def _enquiry(contact: str = "", text: str = TEXT) -> Case:
    case, _receipt = submit_enquiry(
        {"text": text, "kind": "leave_alone"},
        {"contact": contact, "unit": ""},
        [],
        token=secrets.token_hex(8),
        quarantine=False,
    )
    return case


@pytest.fixture
def case(intake_officer: Persona) -> Case:
    return _enquiry(contact=PHONE)


@pytest.fixture
def other_case(intake_officer: Persona) -> Case:
    return _enquiry(text="OTHER-CASE-1618")


@pytest.fixture
def other_officer(other_team: Team) -> Persona:
    return make_persona("officer-b", Role.INTAKE_OFFICER, teams=(other_team,))


def _listed(page: str, case: Case) -> bool:
    # The link to the case, not its reference: a reference typed into the form is shown back in the form.
    return reverse("cases:detail", args=[case.pk]) in page


def _found(client: Client, case: Case, **query: str) -> bool:
    page = client.get(URL, query)
    assert page.status_code == 200, page.content[:500]
    return _listed(page.content.decode(), case)


def _found_by_identifier(client: Client, case: Case, kind: str, value: str) -> bool:
    page = client.post(URL, {"kind": kind, "identifier": value})
    assert page.status_code == 200, page.content[:500]
    return _listed(page.content.decode(), case)


def test_officer_finds_a_case_by_its_reference_in_any_case_and_spacing(
    client: Client, intake_officer: Persona, case: Case, other_case: Case
) -> None:
    log_in(client, intake_officer)
    typed = f"{case.reference[:4].lower()}-{case.reference[4:].lower()}"
    page = client.get(URL, {"reference": typed}).content.decode()
    assert _listed(page, case)
    assert TEXT in page  # the summary, decrypted with the officer's own key
    assert not _listed(page, other_case)


def test_outsiders_find_nothing_even_by_exact_reference_or_identifier(
    client: Client, outsider: Persona, other_officer: Persona, case: Case
) -> None:
    # A handler of another team, and an intake officer of another team: both may search, neither may see.
    for persona in (outsider, other_officer):
        staff = log_in(Client(), persona)
        assert not _found(staff, case, reference=case.reference)
        assert not _found(staff, case)  # no filter at all
        assert not _found_by_identifier(staff, case, "phone", PHONE)
        assert not search.search_cases(persona.user, search.Filters(reference=case.reference)).exists()


def test_handler_finds_only_the_cases_assigned_to_them(
    client: Client,
    custodian: Persona,
    intake_officer: Persona,
    handler: Persona,
    case: Case,
    other_case: Case,
) -> None:
    # With a custodian, identities are sealed to the custodians' key, not (as a programme without one falls
    # back to) the receiving team's.
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    actions.assign_case(case, handler.user, actor=intake_officer.user, keyring=keyring)
    log_in(client, handler)
    assert _found(client, case, reference=case.reference)
    # An identifier names a person: the handler finds it only once a reveal gives them the identity key.
    assert not _found_by_identifier(client, case, "phone", PHONE)
    assert not _found(client, other_case, reference=other_case.reference)


def test_status_filter(client: Client, intake_officer: Persona, case: Case, other_case: Case) -> None:
    lifecycle.request_transition(case, "start_triage", actor=intake_officer.user)
    log_in(client, intake_officer)
    assert _found(client, case, status="triage")
    assert not _found(client, other_case, status="triage")
    assert _found(client, other_case, status="enquiry")


def test_label_filter(
    client: Client, intake_officer: Persona, intake_team: Team, case: Case, other_case: Case
) -> None:
    Label.objects.create(team=intake_team, name="navy").cases.add(case)
    Label.objects.create(team=intake_team, name="pilot").cases.add(case, other_case)
    log_in(client, intake_officer)
    assert _found(client, case, label="navy")
    assert not _found(client, other_case, label="navy")
    assert _found(client, other_case, label="pilot")


def test_assignee_filter(
    client: Client, intake_officer: Persona, handler: Persona, case: Case, other_case: Case
) -> None:
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    actions.assign_case(case, handler.user, actor=intake_officer.user, keyring=keyring)
    log_in(client, intake_officer)
    assert _found(client, case, assignee=str(handler.user.pk))
    assert not _found(client, other_case, assignee=str(handler.user.pk))
    assert _found(client, other_case, assignee=search.UNASSIGNED)
    assert not _found(client, case, assignee=search.UNASSIGNED)


def test_filters_combine(
    client: Client, intake_officer: Persona, intake_team: Team, case: Case, other_case: Case
) -> None:
    Label.objects.create(team=intake_team, name="navy").cases.add(case, other_case)
    lifecycle.request_transition(case, "start_triage", actor=intake_officer.user)
    log_in(client, intake_officer)
    assert _found(client, case, status="triage", label="navy")
    assert not _found(client, other_case, status="triage", label="navy")


def test_identifier_search_meets_a_phone_typed_in_myanmar_digits(
    client: Client, intake_officer: Persona, case: Case, other_case: Case
) -> None:
    log_in(client, intake_officer)
    page = client.post(URL, {"kind": "phone", "identifier": PHONE_IN_MYANMAR_DIGITS}).content.decode()
    assert _listed(page, case)
    assert not _listed(page, other_case)
    # Another number finds nothing; the same digits as a service number are another identifier.
    assert not _found_by_identifier(client, case, "phone", "09 450 999 999")
    assert not _found_by_identifier(client, case, "service_number", PHONE)


def test_identifier_search_answers_bad_input_with_a_message(
    client: Client, intake_officer: Persona, case: Case
) -> None:
    log_in(client, intake_officer)
    page = client.post(URL, {"kind": "phone", "identifier": "not a number"})
    assert page.status_code == 400
    assert "This is not a phone number that can be searched." in page.content.decode()
    assert client.post(URL, {"kind": "passport", "identifier": "1"}).status_code == 400
    assert client.post(URL, {"kind": "phone", "identifier": ""}).status_code == 400


def test_bad_filters_answer_400_not_500(client: Client, intake_officer: Persona, case: Case) -> None:
    log_in(client, intake_officer)
    assert client.get(URL, {"status": "nonsense"}).status_code == 400
    assert client.get(URL, {"label": "no-such-label"}).status_code == 400
    assert client.get(URL, {"assignee": "not-a-uuid"}).status_code == 400
    assert client.get(URL, {"reference": "--"}).status_code == 400
    assert client.get(URL, {"reference": "x" * 50}).status_code == 400
    assert client.get(URL, {"status": "enquiry", "page": "9999"}).status_code == 200


def test_search_page_access(client: Client, admin: Persona, intake_officer: Persona) -> None:
    assert client.get(URL).status_code == 302  # anonymous: to the login page
    assert log_in(Client(), admin).get(URL).status_code == 403  # no case role
    staff = log_in(client, intake_officer)
    assert staff.get(URL).status_code == 200
    assert staff.put(URL).status_code == 405


def test_identifier_search_needs_csrf(client: Client, intake_officer: Persona, case: Case) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = log_in(client, intake_officer).cookies
    assert strict.post(URL, {"kind": "phone", "identifier": PHONE}).status_code == 403
    assert client.post(URL, {"kind": "phone", "identifier": PHONE}).status_code == 200


@pytest.mark.parametrize("url", [URL, reverse("cases:inbox")])
def test_pages_keep_their_filters(
    client: Client, intake_officer: Persona, intake_team: Team, url: str
) -> None:
    label = Label.objects.create(team=intake_team, name="navy")
    for _ in range(51):
        label.cases.add(_enquiry())
    log_in(client, intake_officer)
    page = client.get(url, {"label": "navy"}).content.decode()
    assert "Page 1 of 2" in page
    assert "?label=navy&amp;page=2" in page


def test_inbox_filters_by_label_and_handler(
    client: Client, intake_officer: Persona, handler: Persona, intake_team: Team, case: Case, other_case: Case
) -> None:
    Label.objects.create(team=intake_team, name="navy").cases.add(other_case)
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    actions.assign_case(case, handler.user, actor=intake_officer.user, keyring=keyring)
    log_in(client, intake_officer)
    inbox = reverse("cases:inbox")
    by_label = client.get(inbox, {"label": "navy"}).content.decode()
    assert _listed(by_label, other_case)
    assert not _listed(by_label, case)
    by_handler = client.get(inbox, {"assignee": str(handler.user.pk)}).content.decode()
    assert _listed(by_handler, case)
    assert not _listed(by_handler, other_case)


def test_a_visible_case_without_a_key_is_listed_locked(client: Client, intake_team: Team, case: Case) -> None:
    # Joined the team, but nobody has given them its key yet: may see that the case exists, cannot read it.
    late = make_persona("late-officer", Role.INTAKE_OFFICER, teams=(intake_team,), keys=False)
    page = log_in(client, late).get(URL, {"reference": case.reference}).content.decode()
    assert _listed(page, case)
    assert "no key" in page
    assert TEXT not in page


def test_a_label_filters_count_is_the_cases_it_lists_on_both_lists(
    client: Client,
    intake_officer: Persona,
    intake_team: Team,
    other_team: Team,
    case: Case,
    other_case: Case,
) -> None:
    # The pager's count is a query of its own: it must count the cases the page lists, once each, and none of
    # another team's that carry a label of the same name.
    third = _enquiry(text="THIRD")
    navy = Label.objects.create(team=intake_team, name="navy")
    navy.cases.add(case, third)
    Label.objects.create(team=intake_team, name="pilot").cases.add(case, other_case)
    elsewhere = _enquiry(text="ELSEWHERE")
    Case.objects.filter(pk=elsewhere.pk).update(team=other_team)
    Label.objects.create(team=other_team, name="navy").cases.add(elsewhere)
    lifecycle.request_transition(third, "start_triage", actor=intake_officer.user)
    log_in(client, intake_officer)
    for url in (URL, reverse("cases:inbox")):
        for query, expected in (
            ({"label": "navy"}, {case, third}),
            ({"label": "navy", "status": "enquiry"}, {case}),
            ({"label": "pilot"}, {case, other_case}),
        ):
            page = client.get(url, query)
            assert page.context["page"].paginator.count == len(expected), (url, query)
            listed = {c for c in (case, other_case, third, elsewhere) if _listed(page.content.decode(), c)}
            assert listed == expected, (url, query)
