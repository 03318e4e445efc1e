"""The cases workspace in words: what the inbox and case page say, and the steps that ask before they act."""

from __future__ import annotations

import datetime
import secrets

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases import identity
from embrace.cases.actions import assign_case, today
from embrace.cases.models import Case, Status
from embrace.cases.words import STEP_LABELS
from embrace.intake.actions import submit_enquiry
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault.keyring import unlock_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

BODY = {
    "text": "I can bring a radio",
    "kind": "leave_equipment",
    "service": "air_force",
    "reply_via": "signal",
    "equipment": "a field radio",
}
HANDLE = "+95 9 555 0101"


def _enquiry(*, quarantine: bool = False) -> Case:
    identity = {"rank": "", "unit": "", "contact": HANDLE}
    return submit_enquiry(BODY, identity, [], token=secrets.token_hex(8), quarantine=quarantine)[0]


def _page(client: Client, case: Case) -> str:
    response = client.get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _step(client: Client, case: Case, data: dict[str, str]) -> tuple[int, str]:
    response = client.post(reverse("cases:step", args=[case.pk]), data)
    return response.status_code, response.content.decode()


# --- The inbox -------------------------------------------------------------------------------------------


def test_the_inbox_says_today_and_the_kind_in_words(client: Client, intake_officer: Persona) -> None:
    _enquiry()
    page = log_in(client, intake_officer).get(reverse("cases:inbox")).content.decode()
    assert "today" in page
    assert " ago" not in page
    assert "Wants to leave and bring equipment" in page
    assert "leave_equipment" not in page


def test_the_quarantined_filter_finds_junk_that_opens_and_can_be_released(
    client: Client, intake_officer: Persona
) -> None:
    junk = _enquiry(quarantine=True)
    log_in(client, intake_officer)
    assert junk.reference not in client.get(reverse("cases:inbox")).content.decode()
    listed = client.get(reverse("cases:inbox"), {"status": "quarantined"}).content.decode()
    assert reverse("cases:detail", args=[junk.pk]) in listed
    assert str(STEP_LABELS["release"]) in _page(client, junk)
    assert _step(client, junk, {"name": "release"})[0] == 302
    assert Case.objects.get(pk=junk.pk).status == Status.ENQUIRY


# --- The case page ---------------------------------------------------------------------------------------


def test_the_case_page_shows_what_the_enquirer_chose_in_words_and_steps_by_name(
    client: Client, intake_officer: Persona
) -> None:
    case = _enquiry()
    page = _page(log_in(client, intake_officer), case)
    told = ("Wants to leave and bring equipment", "Air force", "Signal", "a field radio", "Start triage")
    for words in told:
        assert words in page
    assert "What happens next:" in page
    for internal in ("leave_equipment", "air_force", "Start_triage", ">Start_triage"):
        assert internal not in page


def test_the_reply_handle_shows_only_to_those_whose_keys_open_the_identity(
    client: Client, intake_officer: Persona, handler: Persona, custodian: Persona
) -> None:
    case = _enquiry()
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assign_case(case, handler.user, actor=intake_officer.user, keyring=keyring)
    handler_page = _page(log_in(Client(), handler), case)
    assert HANDLE not in handler_page
    assert "Request identity" in handler_page
    # The intake officer holds no identity key: no link that would answer 403.
    assert reverse("identity:detail", args=[case.pk]) not in _page(log_in(client, intake_officer), case)


def test_after_a_reveal_the_case_page_offers_the_identity_not_another_request(
    client: Client, intake_officer: Persona, handler: Persona, custodian: Persona, second_custodian: Persona
) -> None:
    case = _enquiry()
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assign_case(case, handler.user, actor=intake_officer.user, keyring=keyring)
    handler_client = log_in(Client(), handler)
    handler_client.post(reverse("identity:request", args=[case.pk]), {"reason": "to plan the passage"})
    assert "waiting for a custodian" in _page(handler_client, case)
    custodian_client = log_in(client, custodian)
    approval = Approval.objects.get(action=identity.REVEAL_ACTION)
    response = custodian_client.post(reverse("identity:decide", args=[approval.pk]), {"decision": "approve"})
    assert response.status_code == 302
    page = _page(handler_client, case)
    assert "Request identity" not in page
    assert reverse("identity:detail", args=[case.pk]) in page
    assert HANDLE in page
    identity_page = handler_client.get(reverse("identity:detail", args=[case.pk])).content.decode()
    assert reverse("cases:detail", args=[case.pk]) in identity_page


def test_no_passage_plan_link_until_a_plan_exists(client: Client, intake_officer: Persona) -> None:
    case = _enquiry()
    page = _page(log_in(client, intake_officer), case)
    assert reverse("passage:plan", args=[case.pk]) not in page


# --- Steps that ask first --------------------------------------------------------------------------------


def test_withdraw_asks_for_a_reason_and_a_confirmation_and_keeps_what_was_typed(
    client: Client, intake_officer: Persona
) -> None:
    case = _enquiry()
    log_in(client, intake_officer)
    status, page = _step(client, case, {"name": "withdraw", "reason": ""})
    assert status == 400
    assert "Say why" in page
    status, page = _step(client, case, {"name": "withdraw", "reason": "stopped answering after a scare"})
    assert status == 400
    assert "Tick the box" in page
    assert "stopped answering after a scare" in page
    assert Case.objects.get(pk=case.pk).status == Status.ENQUIRY
    data = {"name": "withdraw", "reason": "asked us to stop", "confirm": "1"}
    assert _step(client, case, data)[0] == 302
    assert Case.objects.get(pk=case.pk).status == Status.WITHDRAWN
    # The reason is a sealed note, never in clear in the audit.
    assert "asked us to stop" in _page(client, case)
    entry = AuditEntry.objects.filter(event=Event.CASE_TRANSITION).latest("pk")
    assert "reason_note" in entry.data
    assert "asked us to stop" not in str(entry.data)


def test_mark_duplicate_asks_which_case_and_checks_the_reference(
    client: Client, intake_officer: Persona, other_team: Team
) -> None:
    case, original = _enquiry(), _enquiry()
    log_in(client, intake_officer)
    base = {"name": "mark_duplicate", "reason": "same phone", "confirm": "1"}
    status, page = _step(client, case, base | {"duplicate_of": "ZZZZ-9999"})
    assert status == 400
    assert "ZZZZ9999" in page
    assert 'value="ZZZZ-9999"' in page
    status, page = _step(client, case, base | {"duplicate_of": case.reference})
    assert status == 400
    assert "cannot be a duplicate of itself" in page
    assert _step(client, case, base)[0] == 400
    assert Case.objects.get(pk=case.pk).status == Status.ENQUIRY

    assert _step(client, case, base | {"duplicate_of": original.reference.lower()})[0] == 302
    assert Case.objects.get(pk=case.pk).status == Status.DUPLICATE
    entry = AuditEntry.objects.filter(event=Event.CASE_TRANSITION).latest("pk")
    assert entry.data["duplicate_of"] == str(original.pk)


def test_a_case_of_another_team_cannot_be_named_as_the_original(
    client: Client, intake_officer: Persona, other_team: Team
) -> None:
    case, hidden = _enquiry(), _enquiry()
    # Moved to a team the officer is not in: its reference must not be confirmed.
    Case.objects.filter(pk=hidden.pk).update(team=other_team)
    log_in(client, intake_officer)
    data = {"name": "mark_duplicate", "reason": "same", "confirm": "1", "duplicate_of": hidden.reference}
    status, page = _step(client, case, data)
    assert status == 400
    assert "No case you can see" in page
    assert Case.objects.get(pk=case.pk).status == Status.ENQUIRY


def test_a_check_in_date_far_in_the_future_is_refused_with_a_message(
    client: Client, intake_officer: Persona
) -> None:
    case = _enquiry()
    log_in(client, intake_officer)
    status, page = _step(client, case, {"name": "make_dormant", "dormant_until": "9999-12-31"})
    assert status == 400
    assert "within a year" in page
    assert 'value="9999-12-31"' in page
    assert Case.objects.get(pk=case.pk).status == Status.ENQUIRY
    status, page = _step(client, case, {"name": "make_dormant", "dormant_until": "not a date"})
    assert status == 400
    assert "as a date" in page
    in_a_month = (today() + datetime.timedelta(days=30)).isoformat()
    assert _step(client, case, {"name": "make_dormant", "dormant_until": in_a_month})[0] == 302
    assert Case.objects.get(pk=case.pk).status == Status.DORMANT


# --- Burmese ---------------------------------------------------------------------------------------------


def test_a_burmese_intake_officer_reads_steps_and_statuses_in_burmese(intake_team: Team) -> None:
    officer = make_persona("intake_my", Role.INTAKE_OFFICER, teams=(intake_team,), language="my")
    case = _enquiry()
    client = log_in(Client(), officer)
    inbox = client.get(reverse("cases:inbox")).content.decode()
    page = _page(client, case)
    assert "ယနေ့" in inbox  # "today"
    assert "Start triage" not in page
    assert "ကနဦးစစ်ဆေးမှု စတင်ရန်" in page  # "Start triage"
    assert "Withdraw the case" not in page


def test_burmese_case_lists_give_days_and_counts_in_myanmar_and_keep_references_as_printed(
    intake_team: Team, intake_officer: Persona, handler: Persona
) -> None:
    officer = make_persona("intake_my2", Role.INTAKE_OFFICER, teams=(intake_team,), language="my")
    handler.user.language = "my"
    handler.user.save(update_fields=["language"])
    fresh, older = _enquiry(), _enquiry()
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assign_case(older, handler.user, actor=intake_officer.user, keyring=keyring)
    long_ago = datetime.date(2026, 3, 14)
    Case.objects.filter(pk=older.pk).update(opened_on=long_ago, last_enquirer_on=long_ago, unread_by_staff=12)
    client = log_in(Client(), officer)
    for url, query in (
        (reverse("cases:inbox"), {}),
        (reverse("cases:search"), {"status": "enquiry"}),
    ):
        page = client.get(url, query).content.decode()
        assert "ယနေ့" in page, url  # "today", for the fresh case
        assert "၂၀၂၆၊ မတ် ၁၄" in page, url  # 14 Mar 2026 with the Burmese month and Myanmar digits
        assert "14 Mar 2026" not in page, url
        assert "(အသစ် ၁၂)" in page, url  # "(12 new)"
        assert fresh.reference in page, url
        assert older.reference in page, url
    mine = log_in(Client(), handler).get(reverse("cases:mine")).content.decode()
    assert "၂၀၂၆၊ မတ် ၁၄" in mine
    assert "(အသစ် ၁၂)" in mine
    assert older.reference in mine


def test_english_case_lists_keep_their_days_and_counts(intake_officer: Persona) -> None:
    fresh, older, oldest = _enquiry(), _enquiry(), _enquiry()
    Case.objects.filter(pk=older.pk).update(opened_on=today() - datetime.timedelta(days=1))
    Case.objects.filter(pk=oldest.pk).update(opened_on=datetime.date(2026, 3, 14), unread_by_staff=3)
    page = log_in(Client(), intake_officer).get(reverse("cases:inbox")).content.decode()
    assert "<td>today</td>" in page
    assert "<td>yesterday</td>" in page
    assert "<td>14 Mar 2026</td>" in page
    assert "<strong>(3 new)</strong>" in page
    assert f'<a href="{reverse("cases:detail", args=[fresh.pk])}">{fresh.reference}</a>' in page
