"""``embrace synthetic_cases``: real sealed cases that staff read with their own keys, repeatable by seed."""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from embrace.accounts.models import Team
from embrace.cases.duplicates import search_identifier
from embrace.cases.models import Case, CaseTransition, IdentifierIndex, Sender, Status
from embrace.custody import groups as custody_groups
from embrace.testing.personas import Persona
from embrace.vault import actions as vault
from embrace.vault.keyring import NoAccess, unlock_with_password

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]

MYANMAR = re.compile("[\u1000-\u109f]")
REACHABLE = {
    Status.ENQUIRY,
    Status.QUARANTINED,
    Status.TRIAGE,
    Status.DORMANT,
    Status.VETTING,
    Status.WITHDRAWN,
    Status.LOST_CONTACT,
    Status.DUPLICATE,
}


def _run(count: int, *args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("synthetic_cases", count, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_cases_are_sealed_and_read_by_the_intake_officer(
    intake_officer: Persona, custodian: Persona, intake_team: Team
) -> None:
    out, err = _run(30, "--seed", "read")
    assert "30 synthetic case(s) created" in out
    assert "no receipt" in out
    assert "30/30 cases" in err  # the progress line
    cases = list(Case.objects.filter(team=intake_team).order_by("reference"))
    assert len(cases) == 30
    officer = unlock_with_password(intake_officer.user, intake_officer.password)
    keeper = unlock_with_password(custodian.user, custodian.password)
    for case in cases:
        messages = list(case.messages.order_by("seq"))
        assert 1 <= len(messages) <= 4
        assert messages[0].sender == Sender.ENQUIRER
        first = json.loads(officer.open(bytes(messages[0].envelope)))
        assert MYANMAR.search(first["text"])
        assert case.receipt is None
        # The identity is the custodians', as intake seals it: not the intake officer's.
        identity = json.loads(keeper.open(bytes(case.identity_details)))
        assert MYANMAR.search(identity["rank"])
        with pytest.raises(NoAccess):
            officer.open(bytes(case.identity_details))


def test_statuses_are_spread_through_the_lifecycle(intake_officer: Persona, handler: Persona) -> None:
    _run(80, "--seed", "spread")
    statuses = set(Case.objects.values_list("status", flat=True))
    assert statuses <= REACHABLE
    assert len(statuses) >= 4
    moved = Case.objects.exclude(status__in=[Status.ENQUIRY, Status.QUARANTINED])
    # Every later status was reached by a lifecycle step of the team's officer, with its history row.
    for case in moved:
        last = CaseTransition.objects.filter(case=case).order_by("-seq").first()
        assert last is not None
        assert last.to_status == case.status
        assert last.actor_id == intake_officer.user.pk
    assert not CaseTransition.objects.filter(case__status__in=[Status.ENQUIRY, Status.QUARANTINED]).exists()
    assert Case.objects.filter(status=Status.DORMANT, dormant_until__isnull=True).count() == 0


def test_assigned_cases_are_readable_by_their_handler(intake_officer: Persona, handler: Persona) -> None:
    _run(60, "--seed", "assign")
    assigned = list(Case.objects.filter(handler=handler.user))
    assert assigned
    # A handler of the team also holds the team's key; without it, only their own cases' grants remain.
    vault.remove_group_member(custody_groups.team_group(assigned[0].team_id), handler.user, actor=None)
    keyring = unlock_with_password(handler.user, handler.password)
    for case in assigned:
        assert keyring.can_read(case.body)
    unassigned = Case.objects.filter(handler__isnull=True).first()
    assert unassigned is not None
    assert not keyring.can_read(unassigned.body)


def test_identifiers_are_blind_indexed_and_some_are_shared(
    intake_officer: Persona, custodian: Persona
) -> None:
    _run(120, "--seed", "dupes")
    assert IdentifierIndex.objects.filter(kind="phone").exists()
    assert IdentifierIndex.objects.filter(kind="service_number").exists()
    keeper = unlock_with_password(custodian.user, custodian.password)
    case = next(c for c in Case.objects.all() if c.identifier_index.filter(kind="phone").exists())
    phone = json.loads(keeper.open(bytes(case.identity_details)))["contact"]
    assert case in search_identifier("phone", phone)
    digests = list(IdentifierIndex.objects.values_list("kind", "digest"))
    assert len(digests) > len(set(digests))  # some identifiers are given by more than one case


def test_the_same_seed_twice_adds_nothing_and_a_larger_count_adds_the_rest(intake_officer: Persona) -> None:
    _run(20, "--seed", "again")
    first = set(Case.objects.values_list("reference", flat=True))
    out, _ = _run(20, "--seed", "again")
    assert "0 synthetic case(s) created" in out
    assert "20 already there" in out
    assert set(Case.objects.values_list("reference", flat=True)) == first
    _run(30, "--seed", "again")
    after = set(Case.objects.values_list("reference", flat=True))
    assert len(after) == 30
    assert first < after
    _run(5, "--seed", "another")
    assert Case.objects.count() == 35


def test_refuses_without_readers_or_in_production(intake_team: Team, settings: object) -> None:
    # The intake route's team has an officer only through the fixtures; a team without one is refused.
    empty = Team.objects.create(name="Nobody here")
    with pytest.raises(CommandError, match="no active intake officer"):
        _run(3, "--team", empty.name)
    with pytest.raises(CommandError, match="No team is called"):
        _run(3, "--team", "Missing")
    settings.PRODUCTION = True  # type: ignore[attr-defined]
    with pytest.raises(CommandError, match="production"):
        _run(3)
    assert not Case.objects.exists()
