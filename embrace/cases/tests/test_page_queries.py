"""The case lists cost the same number of queries however many rows a page shows.

Each list opens every row's first message for its summary; looking up a key or a grant (or a label, a handler,
a duplicate mark) row by row would make a page of 50 cost hundreds of queries. These tests fetch each list
with a few rows and with more, through the real views, and compare what the database was asked.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.cases import actions
from embrace.cases.models import Case, Label
from embrace.intake.actions import submit_enquiry
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault.keyring import unlock_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

TEXT = "PAGE-QUERIES-5772 ကျွန်တော် ထွက်ချင်ပါတယ်"
FEW, MORE = 2, 7


def _enquiry(n: int) -> Case:
    case, _receipt = submit_enquiry(
        {"text": f"{TEXT} {n}", "kind": "leave_alone"},
        {"contact": f"+95945012{n:04d}", "unit": ""},
        [],
        token=secrets.token_hex(8),
        quarantine=False,
    )
    return case


def _queries(client: Client, url: str, query: dict[str, str]) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url, query)
    assert page.status_code == 200
    return len(captured), page.content.decode()


def _counts(
    add_cases: Callable[[int], list[Case]], client: Client, url: str, query: dict[str, str]
) -> tuple[int, int]:
    """Queries for the page with FEW rows, then with MORE, each row's summary shown (or locked)."""
    counts = []
    made: list[Case] = []
    for total in (FEW, MORE):
        made += add_cases(total - len(made))
        count, page = _queries(client, url, query)
        for case in made:
            assert case.reference in page
        counts.append(count)
    return counts[0], counts[1]


@pytest.fixture
def navy(intake_team: Team) -> Label:
    return Label.objects.create(team=intake_team, name="navy")


def _labelled(navy: Label) -> Callable[[int], list[Case]]:
    def add(count: int) -> list[Case]:
        cases = [_enquiry(Case.objects.count() + i) for i in range(count)]
        navy.cases.add(*cases)
        return cases

    return add


def test_the_inbox_costs_the_same_queries_for_more_rows(
    client: Client, intake_officer: Persona, navy: Label
) -> None:
    log_in(client, intake_officer)
    few, more = _counts(_labelled(navy), client, reverse("cases:inbox"), {})
    assert few == more


def test_the_filtered_inbox_and_search_cost_the_same_queries_for_more_rows(
    client: Client, intake_officer: Persona, intake_team: Team
) -> None:
    log_in(client, intake_officer)
    for url in (reverse("cases:inbox"), reverse("cases:search")):
        label = Label.objects.create(team=intake_team, name=f"navy{len(url)}")
        few, more = _counts(_labelled(label), client, url, {"label": label.name, "status": "enquiry"})
        assert few == more, url


def test_my_cases_costs_the_same_queries_for_more_rows(
    client: Client, intake_officer: Persona, handler: Persona
) -> None:
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)

    def assigned(count: int) -> list[Case]:
        cases = [_enquiry(Case.objects.count() + i) for i in range(count)]
        for case in cases:
            actions.assign_case(case, handler.user, actor=intake_officer.user, keyring=keyring)
        return cases

    log_in(client, handler)
    few, more = _counts(assigned, client, reverse("cases:mine"), {})
    assert few == more


def test_rows_without_a_key_cost_no_more_queries_and_stay_locked(
    client: Client, intake_team: Team, navy: Label
) -> None:
    late = make_persona("late-officer", Role.INTAKE_OFFICER, teams=(intake_team,), keys=False)
    log_in(client, late)
    few, more = _counts(_labelled(navy), client, reverse("cases:inbox"), {})
    assert few == more
    _count, page = _queries(client, reverse("cases:inbox"), {})
    assert page.count("no key") == MORE
    assert TEXT not in page
