"""Identifier search is for those whose keys open the matching case's identity: limited per person, audited.

Through the staff search page, with a custodian (who holds every identity key) and staff of the case's own
team who do not.
"""

from __future__ import annotations

import json
import secrets

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.log import fingerprint
from embrace.audit.models import AuditEntry
from embrace.cases.actions import assign_case
from embrace.cases.models import Case
from embrace.intake.actions import submit_enquiry
from embrace.myanmar.text import phone_key
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault.keyring import unlock_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

URL = reverse("cases:search")
PHONE = "+959450123456"
UNKNOWN_PHONE = "09 450 999 999"


@pytest.fixture
def keyholder(db: None) -> Persona:
    # Made before the enquiry, so the identity compartment is sealed to them (and not to intake).
    return make_persona("keyholder", Role.CUSTODIAN)


@pytest.fixture
def case(keyholder: Persona, intake_officer: Persona) -> Case:
    return submit_enquiry(
        {"text": "t", "kind": "leave_alone"},
        {"contact": PHONE},
        [],
        token=secrets.token_hex(8),
        quarantine=False,
    )[0]


def _search(client: Client, value: str) -> tuple[int, str]:
    response = client.post(URL, {"kind": "phone", "identifier": value})
    return response.status_code, response.content.decode()


def _results(page: str) -> str:
    # The part of the page that answers: everything after the identifier form.
    return page.split("Find by identifier</button></form>", 1)[1]


def test_a_custodian_finds_the_case_whose_identity_they_hold(keyholder: Persona, case: Case) -> None:
    status, page = _search(log_in(Client(), keyholder), PHONE)
    assert status == 200
    assert reverse("cases:detail", args=[case.pk]) in page
    assert reverse("identity:detail", args=[case.pk]) in page


def test_without_the_identity_key_a_match_looks_exactly_like_no_match(
    intake_officer: Persona, handler: Persona, case: Case
) -> None:
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assign_case(case, handler.user, actor=intake_officer.user, keyring=keyring)
    # The case's own intake officer and its handler see the case, but hold no key to who the enquirer is.
    for persona in (intake_officer, handler):
        client = log_in(Client(), persona)
        matched, nothing = _search(client, PHONE), _search(client, UNKNOWN_PHONE)
        assert matched[0] == nothing[0] == 200
        assert case.reference not in matched[1]
        assert _results(matched[1]) == _results(nothing[1])


def test_each_search_is_audited_with_the_cases_shown_and_a_fingerprint_never_the_number(
    keyholder: Persona, intake_officer: Persona, case: Case
) -> None:
    _search(log_in(Client(), keyholder), PHONE)
    _search(log_in(Client(), intake_officer), PHONE)
    entries = list(AuditEntry.objects.filter(event=Event.IDENTIFIER_SEARCHED).order_by("seq"))
    assert [e.actor for e in entries] == [keyholder.user.pk, intake_officer.user.pk]
    assert entries[0].data["cases"] == [str(case.pk)]
    assert entries[1].data["cases"] == []
    key = phone_key(PHONE)
    assert key is not None
    assert {e.data["query"] for e in entries} == {fingerprint(f"phone:{key}")}
    for entry in entries:
        stored = json.dumps(entry.data)
        assert "450123456" not in stored
        assert key not in stored


def test_searching_past_the_hourly_limit_answers_429_and_keeps_the_query(
    settings, keyholder: Persona, case: Case
) -> None:
    settings.IDENTIFIER_SEARCHES_PER_HOUR = 2
    client = log_in(Client(), keyholder)
    assert _search(client, UNKNOWN_PHONE)[0] == 200
    assert _search(client, PHONE)[0] == 200
    status, page = _search(client, PHONE)
    assert status == 429
    assert "as many identifier searches as allowed" in page
    assert f'value="{PHONE}"' in page  # the form as typed
    assert reverse("cases:detail", args=[case.pk]) not in page
    refused = AuditEntry.objects.filter(event=Event.IDENTIFIER_SEARCHED).order_by("-seq").first()
    assert refused is not None
    assert refused.data["refused"] is True
    assert refused.data["cases"] == []
    # Someone else's limit is their own.
    assert _search(log_in(Client(), make_persona("keyholder2", Role.CUSTODIAN)), PHONE)[0] == 200


def test_who_may_open_the_search_page(admin: Persona, keyholder: Persona, intake_officer: Persona) -> None:
    assert log_in(Client(), admin).get(URL).status_code == 403
    auditor = make_persona("auditor", Role.AUDITOR)
    assert log_in(Client(), auditor).post(URL, {"kind": "phone", "identifier": PHONE}).status_code == 403
    custodian_page = log_in(Client(), keyholder).get(URL)
    assert custodian_page.status_code == 200
    # Custodians guard identities; the filters over casework are not theirs.
    assert 'name="reference"' not in custodian_page.content.decode()
    assert 'name="reference"' in log_in(Client(), intake_officer).get(URL).content.decode()
