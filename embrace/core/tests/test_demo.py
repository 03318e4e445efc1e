"""`embrace demo` gives a newcomer a working programme: accounts for every part of a case's journey, each
holding the keys it would be granted, and example cases at every stage, which each account finds
on its own pages.

Assertions are on data and URLs rather than page wording, which other work translates and renames.
"""

from __future__ import annotations

import base64
import io
import json
import stat
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.log import verify_chain
from embrace.cases.identity import REVEAL_ACTION
from embrace.cases.lifecycle import TRANSITIONS
from embrace.cases.models import Case, Dependant, Message, Sender, Status
from embrace.core.management.commands import demo
from embrace.custody import groups
from embrace.passage.models import PlanEntry
from embrace.rewards.models import Claim, ClaimStatus, Journal, Payment
from embrace.vault.keyring import unlock_with_password
from embrace.vault.models import Compartment, Grant, GroupGrant
from embrace.vetting.models import SignOff

# The stage each example case is left at (embrace/core/demo.py tells the story).
STAGES = Counter(
    {
        Status.ENQUIRY: 1,
        Status.TRIAGE: 2,  # one untouched, one assigned with a conversation
        Status.DORMANT: 1,
        Status.VETTING: 1,
        Status.PASSAGE_APPROVED: 1,
        Status.PASSAGE_PLANNED: 1,
        Status.ARRIVED: 4,  # with dependants; claim submitted; claim approved; paid
        Status.QUARANTINED: 1,
        Status.DUPLICATE: 1,
    }
)

# Everything the demo makes; a second run must leave every count as it was.
MODELS = (User, Case, Message, Dependant, SignOff, PlanEntry, Claim, Payment, Journal, Approval)
MODELS += (Compartment, Grant, GroupGrant)


@pytest.fixture
def data_dir(settings, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


def run_demo() -> str:
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def credentials(data_dir: Path) -> dict[str, dict]:
    return {row["username"]: row for row in json.loads((data_dir / "demo-credentials.json").read_text())}


def log_in(row: dict) -> Client:
    """Password, then the code an authenticator app shows for the file's secret, through the real views."""
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": row["username"], "password": row["password"]}
    )
    assert response.status_code == 302, response.content[:300]
    code = f"{totp(base64.b32decode(row['totp_secret'])):06d}"
    response = client.post(reverse("accounts:login_code"), {"code": code})
    assert response.status_code == 302, response.content[:300]
    return client


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.django_db
def test_demo_makes_example_cases_at_every_stage_and_a_second_run_makes_nothing_twice(data_dir: Path) -> None:
    output = run_demo()
    assert "13 made" in output
    assert Counter(Case.objects.values_list("status", flat=True)) == STAGES
    # All in the intake team every demo caseworker shares.
    assert set(Case.objects.values_list("team__name", flat=True)) == {demo.NORTH}
    # One reward claim at each step after arrival: submitted, approved (finance to pay), paid.
    assert sorted(Claim.objects.values_list("status", flat=True)) == sorted(
        [ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.PAID]
    )
    assert Payment.objects.count() == 1
    # A conversation both ways: the enquirer wrote, staff answered, the enquirer wrote again.
    talked = Case.objects.get(messages__sender=Sender.STAFF)
    assert list(talked.messages.order_by("seq").values_list("sender", flat=True)) == [
        Sender.ENQUIRER,
        Sender.STAFF,
        Sender.ENQUIRER,
    ]
    dormant = Case.objects.get(status=Status.DORMANT)
    assert dormant.dormant_until is not None
    assert Dependant.objects.values("case").distinct().count() == 1
    assert Dependant.objects.count() == 2
    assert SignOff.objects.filter(case__status=Status.VETTING).count() == 1
    assert PlanEntry.objects.filter(plan__case__status=Status.PASSAGE_PLANNED).exists()
    # A reveal request is waiting for a custodian.
    assert Approval.objects.filter(action=REVEAL_ACTION, status=ApprovalStatus.PENDING).count() == 1

    before, rows = counts(), credentials(data_dir)
    output = run_demo()
    assert "already made" in output
    assert counts() == before
    assert credentials(data_dir) == rows
    assert verify_chain().ok


@pytest.mark.django_db
def test_demo_messages_are_sealed_burmese_that_the_handler_reads_and_nobody_outside_can(
    data_dir: Path,
) -> None:
    run_demo()
    rows = credentials(data_dir)
    handler = User.objects.get(username="demo-handler")
    talked = Case.objects.get(messages__sender=Sender.STAFF)
    keyring = unlock_with_password(handler, rows["demo-handler"]["password"])
    texts = [json.loads(keyring.open(bytes(m.envelope)))["text"] for m in talked.messages.order_by("seq")]
    assert all(any("\u1000" <= ch <= "\u109f" for ch in text) for text in texts)
    # Sealed: the stored envelope does not hold the words, and the analyst (content-blind) cannot open it.
    first = bytes(talked.messages.order_by("seq").first().envelope)  # type: ignore[union-attr]
    assert texts[0].encode() not in first
    analyst = unlock_with_password(
        User.objects.get(username="demo-analyst"), rows["demo-analyst"]["password"]
    )
    assert not analyst.can_open(first)


@pytest.mark.django_db
def test_credentials_file_lists_every_account_with_its_roles_and_each_holds_its_entitled_keys(
    data_dir: Path,
) -> None:
    run_demo()
    path = data_dir / "demo-credentials.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = credentials(data_dir)
    assert set(rows) == {username for username, _, _ in demo.ACCOUNTS}
    # At least one account per role; two where a step takes two different people of that role.
    held = Counter(role for row in rows.values() for role in row["roles"])
    assert set(held) == {r.value for r in Role}
    for role in (Role.ADMINISTRATOR, Role.VETTING_REVIEWER, Role.CUSTODIAN, Role.FINANCE, Role.HANDLER):
        assert held[role.value] >= 2, role
    assert held[Role.REWARD_COMMITTEE.value] >= 3  # a valuer and two approvers
    for username, row in rows.items():
        user = User.objects.get(username=username)
        assert user.is_active
        assert not user.must_change_password
        assert {r.value for r in user.roles} == set(row["roles"])
        assert user.totpdevice_set.filter(confirmed=True).count() == 1
        missing = [g.name for g in groups.entitled_groups(user) if not groups.holds(user, g)]
        assert not missing, (username, missing)


@pytest.mark.django_db
def test_no_demo_account_can_take_both_halves_of_a_two_person_step(data_dir: Path) -> None:
    """Each account holds one role, so no one both asks for a two-person step and may approve it."""
    run_demo()
    for user in User.objects.filter(username__startswith="demo-"):
        assert len(user.roles) == 1, user.username
        for row in TRANSITIONS:
            if row.approver is not None:
                assert not (user.can(row.perm) and user.has_role(row.approver)), (user.username, row.name)
        # A reveal is asked by a handler and decided by a custodian.
        assert not (user.has_role(Role.HANDLER) and user.has_role(Role.CUSTODIAN)), user.username


@pytest.mark.django_db
def test_each_demo_account_signs_in_and_finds_its_work_on_its_pages(data_dir: Path) -> None:
    run_demo()
    rows = credentials(data_dir)
    # Each signs in once (a TOTP code is accepted once), and the pages below use those sessions.
    clients = {username: log_in(row) for username, row in rows.items()}
    for client in clients.values():
        assert client.get(reverse("accounts:home")).status_code == 200

    # The intake officer's inbox lists the new enquiry; the quarantined one waits on the quarantine page.
    intake = clients["demo-intake-officer"]
    new = Case.objects.get(status=Status.ENQUIRY)
    assert new.reference in intake.get(reverse("cases:inbox")).content.decode()
    junk = Case.objects.get(status=Status.QUARANTINED)
    assert junk.reference in intake.get(reverse("intake_staff:quarantine")).content.decode()

    # The handler's home page lists their cases, and the case page opens with its sealed conversation.
    handler = clients["demo-handler"]
    home = handler.get(reverse("accounts:home")).content.decode()
    mine = Case.objects.filter(handler__username="demo-handler")
    assert mine.count() >= 5
    assert all(case.reference in home for case in mine)
    talked = Case.objects.get(messages__sender=Sender.STAFF)
    assert handler.get(reverse("cases:detail", args=[talked.pk])).status_code == 200

    # A reviewer opens the vetting page of the case waiting for the second sign-off.
    in_vetting = Case.objects.get(status=Status.VETTING)
    reviewer = clients["demo-vetting-reviewer-2"]
    assert reviewer.get(reverse("vetting:case", args=[in_vetting.pk])).status_code == 200

    # Finance's queue shows the approved claim to pay; the committee's shows the submitted one to value.
    approved = Claim.objects.get(status=ClaimStatus.APPROVED)
    finance = clients["demo-finance"]
    assert (
        reverse("rewards:claim", args=[approved.pk])
        in finance.get(reverse("rewards:claims_queue")).content.decode()
    )
    submitted = Claim.objects.get(status=ClaimStatus.SUBMITTED)
    committee = clients["demo-reward-committee"]
    queue = committee.get(reverse("rewards:claims_queue")).content.decode()
    assert reverse("rewards:claim", args=[submitted.pk]) in queue

    # A custodian sees the handler's reveal request.
    request = Approval.objects.get(action=REVEAL_ACTION, status=ApprovalStatus.PENDING)
    custodian = clients["demo-custodian"]
    assert (
        reverse("identity:decide", args=[request.pk])
        in custodian.get(reverse("identity:queue")).content.decode()
    )
