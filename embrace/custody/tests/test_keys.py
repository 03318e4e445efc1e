"""Keys follow people, not roles: a key is given by someone who holds it, from their own session, and taken
back from whoever no longer qualifies.

Everything goes through the real pages (``/staff/keys/``, the case pages) and the real actions; keyrings are
unlocked with each person's password.
"""

from __future__ import annotations

import secrets

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts import actions as accounts
from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.actions import assign_case, reply_to_enquirer
from embrace.cases.models import Case
from embrace.custody import groups
from embrace.custody.actions import GIVE_ACTION, leave_unentitled
from embrace.intake.actions import submit_enquiry
from embrace.intake.models import IntakeRoute
from embrace.testing.personas import PASSWORD, Persona, log_in, make_persona
from embrace.vault.keyring import NoAccess, unlock_with_password
from embrace.vault.models import Grant, GroupGrant

pytestmark = pytest.mark.django_db


def _without_keys(username: str, *roles: Role, teams: tuple[Team, ...] = ()) -> Persona:
    """A new colleague as an administrator makes them: roles and teams, a key pair, and no group key."""
    user, password, recovery_key = accounts.create_user(
        username, roles=roles, teams=teams, password=PASSWORD, actor=None
    )
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    return Persona(user, password, recovery_key, device)


def _enquiry(team: Team, text: str) -> Case:
    IntakeRoute.objects.get_or_create(team=team)
    case, _ = submit_enquiry(
        {"text": text}, {"name": f"name of {text}"}, [], token=secrets.token_hex(8), quarantine=False
    )
    return case


_CLIENTS: dict[str, Client] = {}


def _client(persona: Persona) -> Client:
    # One login per person per test: a TOTP code is accepted once.
    key = f"{persona.user.pk}"
    if key not in _CLIENTS:
        _CLIENTS[key] = log_in(Client(raise_request_exception=False), persona)
    return _CLIENTS[key]


@pytest.fixture(autouse=True)
def _fresh_clients() -> None:
    _CLIENTS.clear()


def _page(persona: Persona, url: str) -> tuple[int, str]:
    response = _client(persona).get(url)
    return response.status_code, response.content.decode()


def _post(persona: Persona, url: str, data: dict[str, object]) -> int:
    return _client(persona).post(url, data).status_code


def _holds(persona: Persona, group_name: str) -> bool:
    return GroupGrant.objects.filter(user=persona.user, key__group__name=group_name).exists()


# --- Joining --------------------------------------------------------------------------------------------


def test_a_joiner_given_the_team_key_reads_existing_cases_at_once(
    intake_officer: Persona, intake_team: Team
) -> None:
    cases = [_enquiry(intake_team, f"MARKER-{i}-{secrets.token_hex(4)}") for i in range(2)]
    joiner = _without_keys("newcomer", Role.INTAKE_OFFICER, teams=(intake_team,))
    detail = reverse("cases:detail", kwargs={"case_id": cases[0].pk})
    status, _ = _page(joiner, detail)
    assert status == 403  # entitled by role and team, but nobody gave the key: "no key"

    status, page = _page(intake_officer, reverse("custody:keys"))
    assert status == 200
    assert "newcomer" in page
    assert "2 body files" in page
    group = groups.team_group(intake_team)
    assert _post(intake_officer, reverse("custody:give"), {"group": group.pk, "user": joiner.user.pk}) == 302

    for case in cases:
        status, page = _page(joiner, reverse("cases:detail", kwargs={"case_id": case.pk}))
        assert status == 200
        text = unlock_with_password(intake_officer.user, PASSWORD).open(case.messages.get(seq=1).envelope)
        assert text.decode().split('"text": "')[1].split('"')[0] in page
    assert AuditEntry.objects.filter(
        event=Event.GROUP_MEMBER_ADDED, actor=intake_officer.user.pk, data__user=str(joiner.user.pk)
    ).exists()


def test_a_role_without_a_grant_reads_nothing(
    admin: Persona, intake_officer: Persona, intake_team: Team
) -> None:
    # Two administrators gave a colleague the intake role and the team (``staffing`` walks that in the
    # pages): the role makes them look entitled to the pages, but nobody holding the team key gave it.
    promoted = _without_keys("promoted")
    accounts.set_roles(promoted.user, [Role.INTAKE_OFFICER], actor=admin.user)
    accounts.set_teams(promoted.user, [intake_team], actor=admin.user)
    case = _enquiry(intake_team, "after the promotion")
    keyring = unlock_with_password(promoted.user, PASSWORD)
    with pytest.raises(NoAccess):
        keyring.open(case.messages.get(seq=1).envelope)
    status, page = _page(promoted, reverse("cases:detail", kwargs={"case_id": case.pk}))
    assert status in (200, 403)  # the page, or the "ask for a key" refusal: never the words
    assert "after the promotion" not in page
    assert promoted.user in groups.waiting_for(groups.team_group(intake_team))
    # An administrator is content-blind: never on anyone's "waiting for a key" list, and a give is refused.
    group = groups.team_group(intake_team)
    assert admin.user not in groups.waiting_for(group)
    assert _post(intake_officer, reverse("custody:give"), {"group": group.pk, "user": admin.user.pk}) == 403
    assert not GroupGrant.objects.filter(user=admin.user).exists()
    assert not GroupGrant.objects.filter(user=promoted.user).exists()


def test_only_a_holder_can_give_a_key(intake_team: Team, other_team: Team, intake_officer: Persona) -> None:
    other = make_persona("other-intake", Role.INTAKE_OFFICER, teams=(other_team,))
    joiner = _without_keys("newcomer", Role.INTAKE_OFFICER, teams=(intake_team,))
    group = groups.team_group(intake_team)
    assert _post(other, reverse("custody:give"), {"group": group.pk, "user": joiner.user.pk}) == 403
    assert not _holds(joiner, group.name)
    # Starting a key that exists is refused too: the first-key path is closed once there is a key.
    assert _post(joiner, reverse("custody:start"), {"group": group.pk}) == 409
    assert not _holds(joiner, group.name)


def test_bad_input_on_the_keys_pages_is_a_clear_4xx(intake_officer: Persona) -> None:
    assert _post(intake_officer, reverse("custody:give"), {"group": "nonsense"}) == 400
    assert _post(intake_officer, reverse("custody:decide"), {}) == 400
    assert _post(intake_officer, reverse("custody:start"), {}) == 400


# --- Two holders for identities and passage plans ------------------------------------------------------


def test_a_custodian_key_needs_a_second_holder_and_never_the_requesters_own_approval(
    custodian: Persona, second_custodian: Persona, intake_officer: Persona, intake_team: Team
) -> None:
    case = _enquiry(intake_team, "someone")
    joiner = _without_keys("new-custodian", Role.CUSTODIAN)
    group = groups.custodians_group()
    assert (
        _post(
            custodian, reverse("custody:give"), {"group": group.pk, "user": joiner.user.pk, "reason": "new"}
        )
        == 302
    )
    assert not _holds(joiner, group.name)  # asked, not given
    approval = Approval.objects.get(action=GIVE_ACTION)

    assert (
        _post(custodian, reverse("custody:decide"), {"approval": approval.pk, "decision": "approve"}) == 403
    )
    assert not _holds(joiner, group.name)

    assert (
        _post(second_custodian, reverse("custody:decide"), {"approval": approval.pk, "decision": "approve"})
        == 302
    )
    assert _holds(joiner, group.name)
    assert (
        unlock_with_password(joiner.user, PASSWORD).open(case.identity_details)
        == b'{"name": "name of someone"}'
    )


def test_a_passage_key_needs_a_second_holder(intake_team: Team) -> None:
    first = make_persona("courier1", Role.HANDLER, teams=(intake_team,))
    second = make_persona("courier2", Role.HANDLER, teams=(intake_team,))
    joiner = _without_keys("courier3", Role.HANDLER, teams=(intake_team,))
    group = groups.passage_group(intake_team)
    assert _holds(first, group.name)
    assert _holds(second, group.name)
    assert _post(first, reverse("custody:give"), {"group": group.pk, "user": joiner.user.pk}) == 302
    assert not _holds(joiner, group.name)
    approval = Approval.objects.get(action=GIVE_ACTION)
    assert _post(first, reverse("custody:decide"), {"approval": approval.pk, "decision": "approve"}) == 403
    assert _post(second, reverse("custody:decide"), {"approval": approval.pk, "decision": "approve"}) == 302
    assert _holds(joiner, group.name)


# --- Leaving --------------------------------------------------------------------------------------------


def test_a_leaver_cannot_open_content_added_afterwards_nor_new_cases(
    admin: Persona, intake_officer: Persona, intake_team: Team
) -> None:
    leaver = make_persona("leaver", Role.INTAKE_OFFICER, teams=(intake_team,))
    case = _enquiry(intake_team, "before")
    kept = unlock_with_password(leaver.user, PASSWORD)  # a session still open when they are moved
    assert kept.open(case.messages.get(seq=1).envelope)

    accounts.set_teams(leaver.user, [], actor=admin.user)
    left, _ = leave_unentitled(leaver.user, actor=admin.user)
    assert left == [groups.team_group(intake_team).name]

    later = reply_to_enquirer(case, "after", actor=intake_officer.user)
    new_case = _enquiry(intake_team, "a new case")
    for keyring in (kept, unlock_with_password(leaver.user, PASSWORD)):
        for envelope in (later.envelope, new_case.messages.get(seq=1).envelope):
            with pytest.raises(NoAccess):
                keyring.open(envelope)
    # The team still reads all of it.
    stayer = unlock_with_password(intake_officer.user, PASSWORD)
    assert stayer.open(later.envelope)
    assert stayer.open(new_case.messages.get(seq=1).envelope)


def test_a_handler_who_loses_the_role_loses_their_own_case_keys(
    admin: Persona, intake_officer: Persona, handler: Persona, intake_team: Team
) -> None:
    case = _enquiry(intake_team, "assigned")
    assign_case(
        case,
        handler.user,
        actor=intake_officer.user,
        keyring=unlock_with_password(intake_officer.user, PASSWORD),
    )
    assert Grant.objects.filter(key__compartment=case.body, user=handler.user).exists()

    accounts.set_roles(handler.user, [Role.ANALYST], actor=admin.user)
    left, revoked = leave_unentitled(handler.user, actor=admin.user)

    assert revoked == 1
    assert groups.team_group(intake_team).name in left
    assert not Grant.objects.filter(key__compartment=case.body, user=handler.user).exists()
    later = reply_to_enquirer(case, "after", actor=intake_officer.user)
    with pytest.raises(NoAccess):
        unlock_with_password(handler.user, PASSWORD).open(later.envelope)


def test_leaving_keeps_what_one_is_still_entitled_to(
    admin: Persona, intake_team: Team, other_team: Team
) -> None:
    both = make_persona("two-teams", Role.INTAKE_OFFICER, teams=(intake_team, other_team))
    accounts.set_teams(both.user, [other_team], actor=admin.user)
    left, _ = leave_unentitled(both.user, actor=admin.user)
    assert left == [groups.team_group(intake_team).name]
    assert _holds(both, groups.team_group(other_team).name)


# --- Cases sealed before group keys ----------------------------------------------------------------------


def test_a_case_sealed_the_old_way_stays_readable_to_its_direct_holders(
    intake_officer: Persona, handler: Persona
) -> None:
    from embrace.vault import actions as vault

    body = vault.create_compartment("body", [intake_officer.user, handler.user], actor=None, audited=False)
    envelope = vault.seal(body, b"an old enquiry")
    for persona in (intake_officer, handler):
        assert unlock_with_password(persona.user, PASSWORD).open(envelope) == b"an old enquiry"


def test_the_keys_page_shows_each_person_the_keys_they_hold(
    custodian: Persona, intake_officer: Persona
) -> None:
    status, page = _page(custodian, reverse("custody:keys"))
    assert status == 200
    assert "Identities (custodians)" in page
    status, page = _page(intake_officer, reverse("custody:keys"))
    assert "Cases of team" in page
    assert "Identities" not in page


def test_enquiries_pass_over_a_team_whose_last_holder_left(
    admin: Persona, intake_officer: Persona, intake_team: Team, other_team: Team
) -> None:
    from embrace.intake.actions import IntakeClosed

    IntakeRoute.objects.get_or_create(team=intake_team)
    accounts.set_teams(intake_officer.user, [], actor=admin.user)
    leave_unentitled(intake_officer.user, actor=admin.user)
    group = groups.team_group(intake_team)
    assert group.current_key is not None
    assert not groups.is_held(group)
    # Nobody could read what reaches this team now: the enquirer is told to try later, nothing is sealed.
    with pytest.raises(IntakeClosed):
        _enquiry(intake_team, "into the void")
    assert not Case.objects.exists()
    # Another team whose key someone holds receives it instead.
    make_persona("officer-b", Role.INTAKE_OFFICER, teams=(other_team,))
    case = _enquiry(other_team, "to a team that can read it")
    assert case.team == other_team
