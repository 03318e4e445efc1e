"""Identity reveal and dependants, through the staff pages, as handlers and custodians use them."""

from __future__ import annotations

import json
import secrets

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.approvals.actions import ApprovalError, decide_approval
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases import identity
from embrace.cases.actions import assign_case
from embrace.cases.models import Case, Dependant
from embrace.intake.actions import submit_enquiry
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault.keyring import NoAccess, unlock_with_password
from embrace.vault.models import Grant

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

UNIT = "UNIT-7781 တပ်ရင်း"
DEPENDANT_NAME = "DEPENDANT-NAME-5521 ဒေါ်မြ"


@pytest.fixture
def case(custodian: Persona, second_custodian: Persona, intake_officer: Persona, handler: Persona) -> Case:
    """A case whose identity was sealed to both custodians on arrival, assigned to the handler."""
    identity_ = {"rank": "Captain", "unit": UNIT, "contact": "+95 9 123 456 789"}
    case, _ = submit_enquiry({"text": "hello"}, identity_, [], token=secrets.token_hex(8), quarantine=False)
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assign_case(case, handler.user, actor=intake_officer.user, keyring=keyring)
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def custodian_handler(intake_team: Team) -> Persona:
    """A custodian who also handles cases, appointed after the case arrived: they hold no identity key yet."""
    return make_persona("custodian_handler", Role.HANDLER, Role.CUSTODIAN, teams=(intake_team,), keys=False)


def _identity_url(case: Case) -> str:
    return reverse("identity:detail", args=[case.pk])


def _ask(client: Client, case: Case, reason: str = "To plan the family's passage") -> int:
    return client.post(reverse("identity:request", args=[case.pk]), {"reason": reason}).status_code


def _decide(client: Client, approval: Approval, decision: str) -> int:
    url = reverse("identity:decide", args=[approval.pk])
    return client.post(url, {"decision": decision, "note": ""}).status_code


def _reveal_request() -> Approval:
    return Approval.objects.get(action=identity.REVEAL_ACTION)


def _read_identity(persona: Persona, case: Case) -> dict[str, str]:
    keyring = unlock_with_password(persona.user, persona.password)
    return json.loads(keyring.open(bytes(case.identity_details)))


def _holds_grant(persona: Persona, case: Case) -> bool:
    return Grant.objects.filter(key__compartment=case.identity, user=persona.user).exists()


# --- Who holds the identity key from the start -------------------------------------------------------------


def test_identity_is_sealed_to_custodians_not_to_the_intake_team(
    case: Case, custodian: Persona, second_custodian: Persona, intake_officer: Persona, handler: Persona
) -> None:
    assert _read_identity(custodian, case)["unit"] == UNIT
    assert _read_identity(second_custodian, case)["unit"] == UNIT
    for persona in (intake_officer, handler):
        with pytest.raises(NoAccess):
            _read_identity(persona, case)


def test_custodian_reads_the_identity_page_and_the_reading_is_audited(
    client: Client, case: Case, custodian: Persona
) -> None:
    page = log_in(client, custodian).get(_identity_url(case))
    assert page.status_code == 200
    assert UNIT in page.content.decode()
    entry = AuditEntry.objects.get(event=Event.IDENTITY_READ)
    assert (entry.actor, entry.subject) == (custodian.user.pk, f"cases.case:{case.pk}")


def test_intake_officer_and_unapproved_handler_get_403_and_cannot_decrypt(
    client: Client, case: Case, intake_officer: Persona, handler: Persona
) -> None:
    for persona in (intake_officer, handler):
        page = log_in(Client(), persona).get(_identity_url(case))
        assert page.status_code == 403
        assert "You hold no identity key" in page.content.decode()
        assert UNIT not in page.content.decode()
        with pytest.raises(NoAccess):
            _read_identity(persona, case)
    assert not AuditEntry.objects.filter(event=Event.IDENTITY_READ).exists()


def test_outsider_cannot_find_the_case(client: Client, case: Case, outsider: Persona) -> None:
    log_in(client, outsider)
    assert client.get(_identity_url(case)).status_code == 404
    assert _ask(client, case) == 404
    assert not Approval.objects.exists()


# --- The reveal ------------------------------------------------------------------------------------------


def test_handler_reads_identity_after_another_custodian_approves(
    client: Client, case: Case, handler: Persona, custodian: Persona
) -> None:
    handler_client = log_in(Client(), handler)
    assert _ask(handler_client, case) == 302
    approval = _reveal_request()
    assert (approval.requested_by, approval.required_role) == (handler.user, Role.CUSTODIAN)
    assert handler_client.get(_identity_url(case)).status_code == 403

    custodian_client = log_in(client, custodian)
    queue = custodian_client.get(reverse("identity:queue"))
    assert case.reference in queue.content.decode()
    assert "To plan the family" in queue.content.decode()
    assert _decide(custodian_client, approval, "approve") == 302

    page = handler_client.get(_identity_url(case))
    assert page.status_code == 200
    assert UNIT in page.content.decode()
    assert _read_identity(handler, case)["unit"] == UNIT
    events = list(AuditEntry.objects.values_list("event", flat=True))
    for event in (Event.APPROVAL_REQUESTED, Event.APPROVAL_APPROVED, Event.ACCESS_GRANTED, Event.REVEAL):
        assert event in events
    reveal = AuditEntry.objects.get(event=Event.REVEAL)
    assert reveal.actor == custodian.user.pk
    assert reveal.data == {"approval": str(approval.pk), "user": str(handler.user.pk)}
    assert not any(UNIT in json.dumps(e.data, ensure_ascii=False) for e in AuditEntry.objects.all())


def test_refusal_leaves_no_grant(client: Client, case: Case, handler: Persona, custodian: Persona) -> None:
    handler_client = log_in(Client(), handler)
    assert _ask(handler_client, case) == 302
    assert _decide(log_in(client, custodian), _reveal_request(), "refuse") == 302
    assert _reveal_request().status == ApprovalStatus.REFUSED
    assert not _holds_grant(handler, case)
    assert handler_client.get(_identity_url(case)).status_code == 403
    with pytest.raises(NoAccess):
        _read_identity(handler, case)
    assert AuditEntry.objects.filter(event=Event.APPROVAL_REFUSED).count() == 1
    assert not AuditEntry.objects.filter(event=Event.REVEAL).exists()
    assert not AuditEntry.objects.filter(
        event=Event.ACCESS_GRANTED, subject=f"vault.compartment:{case.identity_id}"
    ).exists()


def test_handler_cannot_decide_reveals(client: Client, case: Case, handler: Persona) -> None:
    handler_client = log_in(client, handler)
    assert _ask(handler_client, case) == 302
    assert handler_client.get(reverse("identity:queue")).status_code == 403
    assert _decide(handler_client, _reveal_request(), "approve") == 403
    assert _reveal_request().status == ApprovalStatus.PENDING
    assert not _holds_grant(handler, case)


def _ask_as_custodian_handler(
    client: Client, case: Case, intake_officer: Persona, persona: Persona
) -> Approval:
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assign_case(case, persona.user, actor=intake_officer.user, keyring=keyring)
    assert _ask(log_in(client, persona), case) == 302
    return _reveal_request()


def test_custodian_cannot_approve_their_own_request(
    client: Client, case: Case, intake_officer: Persona, custodian_handler: Persona, custodian: Persona
) -> None:
    """Even holding the key (caught up after asking), so only the rule against self-decision stops them."""
    approval = _ask_as_custodian_handler(client, case, intake_officer, custodian_handler)
    keyring = unlock_with_password(custodian.user, custodian.password)
    identity.grant_identity_access(case, custodian_handler.user, by_keyring=keyring, actor=custodian.user)
    assert case.reference not in client.get(reverse("identity:queue")).content.decode()

    response = client.post(reverse("identity:decide", args=[approval.pk]), {"decision": "approve"})
    assert response.status_code == 403
    assert "another custodian must" in response.content.decode()
    assert _reveal_request().status == ApprovalStatus.PENDING
    assert not AuditEntry.objects.filter(event__in=[Event.APPROVAL_APPROVED, Event.REVEAL]).exists()
    with pytest.raises(ApprovalError):
        decide_approval(approval, approve=True, actor=custodian_handler.user)


def test_custodian_appointed_late_asks_and_another_custodian_approves(
    client: Client, case: Case, intake_officer: Persona, custodian_handler: Persona, second_custodian: Persona
) -> None:
    approval = _ask_as_custodian_handler(client, case, intake_officer, custodian_handler)
    assert _decide(client, approval, "approve") == 403
    assert not _holds_grant(custodian_handler, case)
    assert _decide(log_in(Client(), second_custodian), approval, "approve") == 302
    assert _read_identity(custodian_handler, case)["unit"] == UNIT


def test_custodian_without_the_key_cannot_approve(
    client: Client, case: Case, handler: Persona, intake_team: Team
) -> None:
    late = make_persona("late_custodian", Role.CUSTODIAN, keys=False)
    assert _ask(log_in(Client(), handler), case) == 302
    log_in(client, late)
    assert client.get(_identity_url(case)).status_code == 403
    assert _decide(client, _reveal_request(), "approve") == 403
    assert _reveal_request().status == ApprovalStatus.PENDING
    assert not _holds_grant(handler, case)


def test_late_custodian_is_caught_up_by_an_existing_one(
    case: Case, custodian: Persona, handler: Persona
) -> None:
    late = make_persona("late_custodian", Role.CUSTODIAN, keys=False)
    keyring = unlock_with_password(custodian.user, custodian.password)
    with pytest.raises(identity.IdentityError):
        identity.grant_identity_access(case, handler.user, by_keyring=keyring, actor=custodian.user)
    assert not _holds_grant(handler, case)
    identity.grant_identity_access(case, late.user, by_keyring=keyring, actor=custodian.user)
    assert _read_identity(late, case)["unit"] == UNIT


def test_approval_is_not_carried_out_for_a_requester_taken_off_the_case(
    client: Client,
    case: Case,
    handler: Persona,
    intake_officer: Persona,
    intake_team: Team,
    custodian: Persona,
) -> None:
    assert _ask(log_in(Client(), handler), case) == 302
    other = make_persona("handler2", Role.HANDLER, teams=(intake_team,))
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assign_case(case, other.user, actor=intake_officer.user, keyring=keyring)
    custodian_client = log_in(client, custodian)
    response = custodian_client.post(
        reverse("identity:decide", args=[_reveal_request().pk]), {"decision": "approve"}
    )
    assert response.status_code == 400
    assert "no longer works on this case" in response.content.decode()
    assert _reveal_request().status == ApprovalStatus.PENDING
    assert _decide(custodian_client, _reveal_request(), "refuse") == 302
    assert not _holds_grant(handler, case)


def test_request_needs_a_reason_the_permission_and_only_one_waiting(
    client: Client, case: Case, handler: Persona, intake_officer: Persona
) -> None:
    handler_client = log_in(client, handler)
    assert _ask(handler_client, case, reason="   ") == 400
    assert not Approval.objects.exists()
    assert _ask(handler_client, case) == 302
    assert _ask(handler_client, case) == 409
    assert Approval.objects.count() == 1
    assert _ask(log_in(Client(), intake_officer), case) == 403


def test_two_people_may_each_have_a_request_waiting(
    client: Client, case: Case, handler: Persona, intake_officer: Persona, custodian_handler: Persona
) -> None:
    """The requester is part of the approval's subject, so one person's request does not block another's."""
    assert _ask(log_in(Client(), handler), case) == 302
    keyring = unlock_with_password(intake_officer.user, intake_officer.password)
    assign_case(case, custodian_handler.user, actor=intake_officer.user, keyring=keyring)
    assert _ask(log_in(client, custodian_handler), case) == 302
    assert Approval.objects.filter(action=identity.REVEAL_ACTION, status=ApprovalStatus.PENDING).count() == 2


def test_decision_needs_a_choice(client: Client, case: Case, handler: Persona, custodian: Persona) -> None:
    assert _ask(log_in(Client(), handler), case) == 302
    assert _decide(log_in(client, custodian), _reveal_request(), "maybe") == 400
    assert _reveal_request().status == ApprovalStatus.PENDING


def test_a_decided_request_cannot_be_decided_again(
    client: Client, case: Case, handler: Persona, custodian: Persona, second_custodian: Persona
) -> None:
    assert _ask(log_in(Client(), handler), case) == 302
    assert _decide(log_in(client, custodian), _reveal_request(), "refuse") == 302
    assert _decide(log_in(Client(), second_custodian), _reveal_request(), "approve") == 409
    assert not _holds_grant(handler, case)


# --- Dependants ----------------------------------------------------------------------------------------


def _dependant(**overrides: str) -> dict[str, str]:
    return {
        "relation": "spouse",
        "name": DEPENDANT_NAME,
        "location": "Mandalay",
        "risk": "high",
        "plan": "Bus",
    } | (overrides)


def test_custodian_records_a_dependant_sealed_to_the_identity(
    client: Client, case: Case, custodian: Persona, second_custodian: Persona
) -> None:
    log_in(client, custodian)
    response = client.post(reverse("identity:dependant_add", args=[case.pk]), _dependant())
    assert response.status_code == 302
    dependant = Dependant.objects.get(case=case)
    assert dependant.relation == "spouse"
    assert DEPENDANT_NAME.encode() not in bytes(dependant.details)
    page = log_in(Client(), second_custodian).get(_identity_url(case))
    assert DEPENDANT_NAME in page.content.decode()
    assert "High" in page.content.decode()
    entry = AuditEntry.objects.get(event=Event.DEPENDANT_RECORDED)
    assert entry.data == {"dependant": str(dependant.pk)}


def test_dependant_with_bad_input_is_refused_with_the_form_filled(
    client: Client, case: Case, custodian: Persona
) -> None:
    log_in(client, custodian)
    url = reverse("identity:dependant_add", args=[case.pk])
    for bad in (_dependant(location=""), _dependant(risk="extreme"), _dependant(relation="cousin")):
        response = client.post(url, bad)
        assert response.status_code == 400
        assert DEPENDANT_NAME in response.content.decode()
    assert not Dependant.objects.exists()


def test_dependant_edit_shows_and_saves_the_sealed_details(
    client: Client, case: Case, custodian: Persona
) -> None:
    log_in(client, custodian)
    client.post(reverse("identity:dependant_add", args=[case.pk]), _dependant())
    dependant = Dependant.objects.get(case=case)
    url = reverse("identity:dependant_edit", args=[case.pk, dependant.pk])
    assert DEPENDANT_NAME in client.get(url).content.decode()
    assert client.post(url, _dependant(name="")).status_code == 400
    assert client.post(url, _dependant(relation="child", location="Yangon")).status_code == 302
    page = client.get(_identity_url(case)).content.decode()
    assert "Yangon" in page
    assert "Child" in page
    assert AuditEntry.objects.filter(event=Event.DEPENDANT_RECORDED).count() == 2


def test_without_the_identity_key_no_dependant_is_read_or_written(
    client: Client, case: Case, custodian: Persona, handler: Persona
) -> None:
    custodian_client = log_in(Client(), custodian)
    custodian_client.post(reverse("identity:dependant_add", args=[case.pk]), _dependant())
    dependant = Dependant.objects.get(case=case)
    log_in(client, handler)
    response = client.post(reverse("identity:dependant_add", args=[case.pk]), _dependant(name="PLANTED"))
    assert response.status_code == 403
    assert Dependant.objects.count() == 1
    edit = reverse("identity:dependant_edit", args=[case.pk, dependant.pk])
    assert client.get(edit).status_code == 403
    assert client.post(edit, _dependant(name="CHANGED")).status_code == 403
    with pytest.raises(NoAccess):
        unlock_with_password(handler.user, handler.password).open(bytes(dependant.details))


def test_approved_handler_records_dependants(
    client: Client, case: Case, handler: Persona, custodian: Persona
) -> None:
    handler_client = log_in(Client(), handler)
    assert _ask(handler_client, case) == 302
    assert _decide(log_in(client, custodian), _reveal_request(), "approve") == 302
    assert (
        handler_client.post(reverse("identity:dependant_add", args=[case.pk]), _dependant()).status_code
        == 302
    )
    assert DEPENDANT_NAME in handler_client.get(_identity_url(case)).content.decode()


# --- The security set ------------------------------------------------------------------------------------


def test_identity_pages_send_anonymous_visitors_to_login(client: Client, case: Case) -> None:
    for url in (_identity_url(case), reverse("identity:queue")):
        assert client.get(url)["Location"].startswith(reverse("accounts:login"))
    assert client.post(reverse("identity:request", args=[case.pk]))["Location"].startswith(
        reverse("accounts:login")
    )


def test_identity_pages_refuse_wrong_methods(client: Client, case: Case, custodian: Persona) -> None:
    log_in(client, custodian)
    assert client.post(_identity_url(case)).status_code == 405
    assert client.post(reverse("identity:queue")).status_code == 405
    assert client.get(reverse("identity:request", args=[case.pk])).status_code == 405
    assert client.get(reverse("identity:dependant_add", args=[case.pk])).status_code == 405


def test_identity_posts_need_the_csrf_token(client: Client, case: Case, handler: Persona) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = log_in(client, handler).cookies
    assert _ask(strict, case) == 403
    assert not Approval.objects.exists()


def test_case_page_offers_the_request_form_to_its_handler(
    client: Client, case: Case, handler: Persona
) -> None:
    page = log_in(client, handler).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert reverse("identity:request", args=[case.pk]) in page


def test_a_standing_plant_flag_shows_to_custodians_on_the_identity_page_and_never_to_a_handler(
    client: Client, intake_team: Team, custodian: Persona, handler: Persona, intake_officer: Persona
) -> None:
    from embrace.cases.lifecycle import request_transition
    from embrace.vault import actions as vault
    from embrace.vetting.actions import raise_plant_flag

    reviewer = make_persona("flagger", Role.VETTING_REVIEWER, teams=(intake_team,))
    case, _ = submit_enquiry({"text": "x"}, {"unit": "U"}, [], token=secrets.token_hex(8), quarantine=False)
    request_transition(case, "start_triage", actor=intake_officer.user)
    request_transition(case, "refer_for_vetting", actor=intake_officer.user)
    keyring = unlock_with_password(reviewer.user, reviewer.password)
    raise_plant_flag(case, "PLANT-REASON-7 asked about the base layout", actor=reviewer.user, keyring=keyring)
    page = log_in(client, custodian).get(reverse("identity:detail", args=[case.pk])).content.decode()
    assert "Suspected plant" in page
    assert "PLANT-REASON-7" in page
    case = Case.objects.get(pk=case.pk)
    vault.grant(
        case.identity,
        handler.user,
        by=unlock_with_password(custodian.user, custodian.password),
        actor=custodian.user,
    )
    Case.objects.filter(pk=case.pk).update(handler=handler.user)
    handler_page = log_in(Client(), handler).get(reverse("identity:detail", args=[case.pk])).content.decode()
    assert "Suspected plant" not in handler_page
    assert "PLANT-REASON-7" not in handler_page


# --- Recording who the enquirer is -------------------------------------------------------------------------


def test_custodian_records_name_phone_and_service_number_sealed_and_indexed(
    client: Client, case: Case, custodian: Persona, intake_officer: Persona
) -> None:
    log_in(client, custodian)
    url = reverse("identity:edit", args=[case.pk])
    form = client.get(url).content.decode()
    assert UNIT in form  # the current answers, to correct
    assert client.post(url, {"name": "", "phone": ""}).status_code == 400
    data = {"name": "NAME-4410 ကိုအောင်", "phone": "09 777 123 456", "service_number": "BA-123456", "unit": UNIT}
    assert client.post(url, data).status_code == 302
    details = _read_identity(custodian, Case.objects.get(pk=case.pk))
    assert details["name"] == data["name"]
    assert details["service_number"] == "BA-123456"
    assert details["contact"] == "+95 9 123 456 789"  # what is not on the form is kept
    page = client.get(_identity_url(case)).content.decode()
    assert "BA-123456" in page
    assert reverse("cases:detail", args=[case.pk]) not in page  # custodian_a is not in the case's team
    kinds = set(case.identifier_index.values_list("kind", flat=True))
    assert {"name", "phone", "service_number"} <= kinds
    entry = AuditEntry.objects.filter(event=Event.IDENTITY_RECORDED).get()
    assert entry.data == {"fields": 4}
    assert not any("BA-123456" in json.dumps(e.data) for e in AuditEntry.objects.all())

    # Without the identity key the team can neither read nor change it.
    officer = log_in(Client(), intake_officer)
    assert officer.post(url, {"name": "someone else"}).status_code == 403
    assert _read_identity(custodian, Case.objects.get(pk=case.pk))["name"] == data["name"]
