from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.approvals.actions import ApprovalError, cancel_approval, decide_approval, request_approval
from embrace.approvals.models import Approval, Status
from embrace.approvals.queries import pending_for
from embrace.audit.events import Event
from embrace.audit.log import verify_chain
from embrace.audit.models import AuditEntry
from embrace.testing.personas import Persona

pytestmark = pytest.mark.django_db

REVEAL = "vault.reveal_identity"


def ask(persona: Persona, subject: str = "cases.case:1", role: Role = Role.CUSTODIAN) -> Approval:
    return request_approval(
        REVEAL, subject, required_role=role, reason="to plan the meeting", actor=persona.user
    )


def entries_about(approval: Approval) -> list[tuple[str, object]]:
    rows = AuditEntry.objects.filter(subject=f"approvals.approval:{approval.pk}")
    return [(e.event, e.actor) for e in rows]


def test_request_is_pending_and_logged(handler: Persona) -> None:
    approval = ask(handler)
    assert approval.status == Status.PENDING
    assert entries_about(approval) == [(Event.APPROVAL_REQUESTED, handler.user.pk)]
    entry = AuditEntry.objects.get(subject=f"approvals.approval:{approval.pk}")
    assert entry.data == {"action": REVEAL, "on": "cases.case:1"}


def test_another_holder_of_the_role_approves(handler: Persona, custodian: Persona) -> None:
    approval = decide_approval(ask(handler), approve=True, actor=custodian.user, note="checked")
    approval.refresh_from_db()
    assert (approval.status, approval.decided_by, approval.decision_note) == (
        Status.APPROVED,
        custodian.user,
        "checked",
    )
    assert approval.decided_at is not None
    assert entries_about(approval)[-1] == (Event.APPROVAL_APPROVED, custodian.user.pk)
    assert verify_chain().ok


def test_refusal_is_logged(handler: Persona, custodian: Persona) -> None:
    approval = decide_approval(ask(handler), approve=False, actor=custodian.user)
    assert Approval.objects.get(pk=approval.pk).status == Status.REFUSED
    assert entries_about(approval)[-1] == (Event.APPROVAL_REFUSED, custodian.user.pk)


def test_no_one_approves_their_own_request(custodian: Persona) -> None:
    approval = ask(custodian)
    with pytest.raises(ApprovalError, match="own request"):
        decide_approval(approval, approve=True, actor=custodian.user)
    assert Approval.objects.get(pk=approval.pk).status == Status.PENDING
    assert [event for event, _ in entries_about(approval)] == [Event.APPROVAL_REQUESTED]


def test_database_refuses_a_self_approval_written_past_the_actions(custodian: Persona) -> None:
    approval = ask(custodian)
    with pytest.raises(IntegrityError), transaction.atomic():
        Approval.objects.filter(pk=approval.pk).update(
            status=Status.APPROVED, decided_by=custodian.user, decided_at=timezone.now()
        )
    assert Approval.objects.get(pk=approval.pk).status == Status.PENDING


def test_database_refuses_a_decision_without_a_decider(handler: Persona) -> None:
    approval = ask(handler)
    with pytest.raises(IntegrityError), transaction.atomic():
        Approval.objects.filter(pk=approval.pk).update(status=Status.APPROVED, decided_at=timezone.now())


def test_decider_needs_the_required_role(handler: Persona, outsider: Persona, admin: Persona) -> None:
    approval = ask(handler)
    for persona in (outsider, admin):
        with pytest.raises(ApprovalError, match="Only a custodian"):
            decide_approval(approval, approve=True, actor=persona.user)
    assert Approval.objects.get(pk=approval.pk).status == Status.PENDING


def test_inactive_decider_is_refused(handler: Persona, custodian: Persona) -> None:
    approval = ask(handler)
    # The object still says active, as a request.user loaded before the deactivation would.
    User.objects.filter(pk=custodian.user.pk).update(is_active=False)
    assert custodian.user.is_active
    with pytest.raises(ApprovalError, match="Only a custodian"):
        decide_approval(approval, approve=True, actor=custodian.user)
    assert Approval.objects.get(pk=approval.pk).status == Status.PENDING


def test_revoked_role_is_refused_even_if_the_user_object_remembers_it(
    handler: Persona, custodian: Persona
) -> None:
    approval = ask(handler)
    assert custodian.user.has_role(Role.CUSTODIAN)
    custodian.user.role_assignments.all().delete()
    with pytest.raises(ApprovalError, match="Only a custodian"):
        decide_approval(approval, approve=True, actor=custodian.user)


def test_deciding_twice_is_refused(handler: Persona, custodian: Persona, second_custodian: Persona) -> None:
    approval = decide_approval(ask(handler), approve=False, actor=custodian.user)
    for persona, approve in ((second_custodian, True), (custodian, True), (second_custodian, False)):
        with pytest.raises(ApprovalError, match="already been decided"):
            decide_approval(approval, approve=approve, actor=persona.user)
    approval.refresh_from_db()
    assert (approval.status, approval.decided_by) == (Status.REFUSED, custodian.user)
    assert len(entries_about(approval)) == 2


def test_one_pending_request_per_action_and_subject(handler: Persona, custodian: Persona) -> None:
    first = ask(handler)
    with pytest.raises(ApprovalError, match="already waiting"):
        ask(custodian)
    ask(handler, subject="cases.case:2")
    request_approval(
        "case.passage_approved", "cases.case:1", required_role=Role.HANDLER, reason="", actor=custodian.user
    )
    decide_approval(first, approve=False, actor=custodian.user)
    again = ask(handler)
    assert again.pk != first.pk
    assert (
        Approval.objects.filter(action=REVEAL, subject="cases.case:1", status=Status.PENDING).get() == again
    )


def test_unknown_role_is_refused(handler: Persona) -> None:
    with pytest.raises(ApprovalError, match="No such role"):
        ask(handler, role="overlord")
    assert not Approval.objects.exists()


def test_only_the_requester_cancels(handler: Persona, custodian: Persona) -> None:
    approval = ask(handler)
    with pytest.raises(ApprovalError, match="Only the person who asked"):
        cancel_approval(approval, actor=custodian.user)
    cancel_approval(approval, actor=handler.user)
    assert Approval.objects.get(pk=approval.pk).status == Status.CANCELLED
    assert entries_about(approval)[-1] == (Event.APPROVAL_CANCELLED, handler.user.pk)
    with pytest.raises(ApprovalError, match="already been decided"):
        decide_approval(approval, approve=True, actor=custodian.user)
    with pytest.raises(ApprovalError, match="Only a waiting request"):
        cancel_approval(approval, actor=handler.user)


def test_decided_request_cannot_be_cancelled(handler: Persona, custodian: Persona) -> None:
    approval = decide_approval(ask(handler), approve=True, actor=custodian.user)
    with pytest.raises(ApprovalError, match="Only a waiting request"):
        cancel_approval(approval, actor=handler.user)
    assert Approval.objects.get(pk=approval.pk).status == Status.APPROVED


def test_pending_for_lists_what_the_user_may_decide(
    handler: Persona, custodian: Persona, second_custodian: Persona, outsider: Persona
) -> None:
    theirs = ask(handler)
    own = ask(custodian, subject="cases.case:2")
    decided = decide_approval(ask(handler, subject="cases.case:3"), approve=True, actor=custodian.user)
    for_handlers = ask(custodian, subject="cases.case:4", role=Role.HANDLER)
    assert set(pending_for(custodian.user)) == {theirs}
    assert set(pending_for(second_custodian.user)) == {theirs, own}
    assert set(pending_for(outsider.user)) == {for_handlers}
    assert set(pending_for(handler.user)) == {for_handlers}
    assert decided not in pending_for(second_custodian.user)
    User.objects.filter(pk=second_custodian.user.pk).update(is_active=False)
    assert not pending_for(second_custodian.user).exists()
    custodian.user.role_assignments.all().delete()
    assert not pending_for(custodian.user).exists()
