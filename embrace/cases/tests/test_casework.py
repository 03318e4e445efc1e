"""Triage, assignment and the conversation, through the staff pages, as each person would use them."""

from __future__ import annotations

import secrets

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.models import Case
from embrace.cases.thread import read_thread
from embrace.custody import groups as custody_groups
from embrace.intake.actions import submit_enquiry
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault import actions as vault
from embrace.vault.keyring import NoAccess, unlock_with_password
from embrace.vault.models import Grant

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

SECRET_TEXT = "ENQUIRY-TEXT-3141 ကျွန်တော် ထွက်ချင်ပါတယ်"


@pytest.fixture
def case(intake_officer: Persona) -> Case:
    body = {"text": SECRET_TEXT, "kind": "leave_alone"}
    case, _receipt = submit_enquiry(body, {"unit": "U"}, [], token=secrets.token_hex(8), quarantine=False)
    return case


@pytest.fixture
def second_handler(intake_team: Team) -> Persona:
    return make_persona("handler2", Role.HANDLER, teams=(intake_team,))


def _assign(client: Client, case: Case, handler: Persona) -> int:
    return client.post(reverse("cases:assign", args=[case.pk]), {"handler": handler.user.pk}).status_code


def test_intake_officer_sees_the_decrypted_summary_in_the_inbox(
    client: Client, intake_officer: Persona, case: Case
) -> None:
    page = log_in(client, intake_officer).get(reverse("cases:inbox"))
    assert page.status_code == 200
    assert SECRET_TEXT in page.content.decode()
    assert case.reference in page.content.decode()


def test_outsider_and_administrator_cannot_see_the_case(
    client: Client, outsider: Persona, admin: Persona, case: Case
) -> None:
    log_in(client, outsider)
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert client.get(reverse("cases:inbox")).status_code == 403
    other = log_in(Client(), admin)
    assert other.get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert SECRET_TEXT not in other.get(reverse("cases:mine")).content.decode()


def test_handler_sees_only_cases_assigned_to_them(
    client: Client, intake_officer: Persona, handler: Persona, case: Case
) -> None:
    handler_client = log_in(Client(), handler)
    assert handler_client.get(reverse("cases:detail", args=[case.pk])).status_code == 404
    assert _assign(log_in(client, intake_officer), case, handler) == 302
    page = handler_client.get(reverse("cases:detail", args=[case.pk]))
    assert page.status_code == 200
    assert SECRET_TEXT in page.content.decode()
    assert case.reference in handler_client.get(reverse("cases:mine")).content.decode()
    assert AuditEntry.objects.filter(event=Event.CASE_ASSIGNED, subject=f"cases.case:{case.pk}").exists()


def test_reassignment_revokes_the_previous_handler_by_keys(
    client: Client, intake_officer: Persona, handler: Persona, second_handler: Persona, case: Case
) -> None:
    # A handler of the team holds the team's key too; take it here so that only the case's own grant,
    # which reassignment must revoke, could open anything.
    vault.remove_group_member(custody_groups.team_group(case.team_id), handler.user, actor=None)
    log_in(client, intake_officer)
    assert _assign(client, case, handler) == 302
    assert _assign(client, case, second_handler) == 302
    assert not Grant.objects.filter(key__compartment=case.body, user=handler.user).exists()
    assert log_in(Client(), handler).get(reverse("cases:detail", args=[case.pk])).status_code == 404
    later = vault.seal(Case.objects.get(pk=case.pk).body, b"after the reassignment")
    with pytest.raises(NoAccess):
        unlock_with_password(handler.user, handler.password).open(later)
    assert (
        unlock_with_password(second_handler.user, second_handler.password).open(later)
        == b"after the reassignment"
    )


def test_handler_reply_reaches_the_enquirer_thread(
    client: Client, intake_officer: Persona, handler: Persona, case: Case
) -> None:
    assert _assign(log_in(client, intake_officer), case, handler) == 302
    handler_client = log_in(Client(), handler)
    response = handler_client.post(reverse("cases:reply", args=[case.pk]), {"text": "REPLY-FROM-HANDLER-9"})
    assert response.status_code == 302
    keyring = unlock_with_password(handler.user, handler.password)
    assert [item.text for item in read_thread(case, keyring)][-1] == "REPLY-FROM-HANDLER-9"
    assert AuditEntry.objects.filter(event=Event.CASE_MESSAGE_SENT).count() == 1


def test_empty_reply_is_refused_with_a_400(client: Client, intake_officer: Persona, case: Case) -> None:
    response = log_in(client, intake_officer).post(reverse("cases:reply", args=[case.pk]), {"text": ""})
    assert response.status_code == 400


def test_only_triage_may_assign_and_only_to_a_handler_of_the_team(
    client: Client, intake_officer: Persona, handler: Persona, outsider: Persona, case: Case
) -> None:
    assert _assign(log_in(client, intake_officer), case, outsider) == 400
    assert Case.objects.get(pk=case.pk).handler is None
    assert _assign(client, case, handler) == 302
    handler_client = log_in(Client(), handler)
    assert _assign(handler_client, case, handler) == 403


def test_case_pages_refuse_wrong_methods_and_anonymous_visitors(client: Client, case: Case) -> None:
    assert client.get(reverse("cases:inbox"))["Location"].startswith(reverse("accounts:login"))
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 302


def test_case_pages_refuse_wrong_methods(client: Client, intake_officer: Persona, case: Case) -> None:
    log_in(client, intake_officer)
    assert client.post(reverse("cases:inbox")).status_code == 405
    assert client.get(reverse("cases:reply", args=[case.pk])).status_code == 405
    assert client.get(reverse("cases:assign", args=[case.pk])).status_code == 405


def test_posts_need_the_csrf_token(client: Client, intake_officer: Persona, case: Case) -> None:
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = log_in(client, intake_officer).cookies
    assert strict.post(reverse("cases:reply", args=[case.pk]), {"text": "x"}).status_code == 403
    assert case.messages.count() == 1


def test_reassignment_also_takes_back_a_revealed_identity(
    client: Client,
    intake_officer: Persona,
    handler: Persona,
    second_handler: Persona,
    custodian: Persona,
    case: Case,
) -> None:
    log_in(client, intake_officer)
    assert _assign(client, case, handler) == 302
    case = Case.objects.get(pk=case.pk)
    vault.grant(
        case.identity,
        handler.user,
        by=unlock_with_password(custodian.user, custodian.password),
        actor=custodian.user,
    )
    assert _assign(client, case, second_handler) == 302
    assert str(handler.user.pk) not in vault.members_of(case.identity)
    later = vault.seal(case.identity, b"identity detail added later")
    with pytest.raises(NoAccess):
        unlock_with_password(handler.user, handler.password).open(later)


def test_inbox_marks_cases_that_share_a_phone_number(
    client: Client, intake_officer: Persona, case: Case
) -> None:
    from embrace.cases.duplicates import index_identifiers

    twin = submit_enquiry({"text": "twin"}, {}, [], token=secrets.token_hex(8), quarantine=False)[0]
    loner = submit_enquiry({"text": "loner"}, {}, [], token=secrets.token_hex(8), quarantine=False)[0]
    index_identifiers(case, phones=["09 450 123 456"])
    index_identifiers(twin, phones=["+959450123456"])
    index_identifiers(loner, phones=["09 777 888 999"])
    page = log_in(client, intake_officer).get(reverse("cases:inbox"))
    assert page.context["duplicates"] == {str(case.pk), str(twin.pk)}
    assert page.content.decode().count("possible duplicate") == 2


def test_inbox_filters_by_team(client: Client, intake_officer: Persona, other_team: Team, case: Case) -> None:
    intake_officer.user.teams.add(other_team)
    log_in(client, intake_officer)
    assert case.reference in client.get(reverse("cases:inbox"), {"team": str(case.team_id)}).content.decode()
    assert (
        case.reference
        not in client.get(reverse("cases:inbox"), {"team": str(other_team.pk)}).content.decode()
    )


def test_handler_home_page_lists_only_their_cases_with_unread_counts(
    client: Client, intake_officer: Persona, handler: Persona, second_handler: Persona, case: Case
) -> None:
    other = submit_enquiry({"text": "other"}, {}, [], token=secrets.token_hex(8), quarantine=False)[0]
    log_in(client, intake_officer)
    assert _assign(client, case, handler) == 302
    assert _assign(client, other, second_handler) == 302
    home = log_in(Client(), handler).get(reverse("accounts:home")).content.decode()
    assert case.reference in home
    assert "(1 unread)" in home
    assert other.reference not in home


def test_staff_see_the_raw_text_beside_a_converted_zawgyi_message(
    client: Client, intake_officer: Persona
) -> None:
    from embrace.cases.actions import message_document

    zawgyi = "ကၽြန္ေတာ္ တပ္ကေန ထြက္ခ်င္ပါတယ္"  # "I want to leave the army", typed in Zawgyi
    document = message_document(zawgyi)
    assert document["script"] == "zawgyi"
    case = submit_enquiry(document, {}, [], token=secrets.token_hex(8), quarantine=False)[0]
    page = log_in(client, intake_officer).get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert document["text"] in page
    assert "converted from Zawgyi" in page
    assert zawgyi in page
