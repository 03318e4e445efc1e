"""Requesting and deciding approvals; the only way an Approval changes state."""

from __future__ import annotations

import uuid

from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval, Status
from embrace.audit.events import Event
from embrace.audit.log import record, subject_of

# Whole sentences, one per role, rather than a role name put into a sentence: Burmese word order differs,
# and English needs "an" before some names.
ONLY_ROLE_DECIDES = {
    Role.ADMINISTRATOR: gettext_lazy("Only an administrator may decide this."),
    Role.INTAKE_OFFICER: gettext_lazy("Only an intake officer may decide this."),
    Role.HANDLER: gettext_lazy("Only a case handler may decide this."),
    Role.VETTING_REVIEWER: gettext_lazy("Only a vetting reviewer may decide this."),
    Role.CUSTODIAN: gettext_lazy("Only a custodian may decide this."),
    Role.REWARD_COMMITTEE: gettext_lazy("Only a member of the reward committee may decide this."),
    Role.FINANCE: gettext_lazy("Only a member of finance may decide this."),
    Role.ANALYST: gettext_lazy("Only an analyst may decide this."),
    Role.AUDITOR: gettext_lazy("Only an auditor may decide this."),
}


class ApprovalError(Exception):
    """The request or decision is not allowed; the message says why, in words for the user."""


class OwnRequest(ApprovalError):
    """The person deciding is the one who asked: who may not, rather than what cannot be done now."""


def request_approval(action: str, subject: str, *, required_role: Role, reason: str, actor: User) -> Approval:
    if required_role not in Role.values:
        raise ApprovalError(_("No such role can decide requests."))
    with transaction.atomic():
        try:
            # The partial unique index, not a prior lookup, decides: two requests racing cannot both pass.
            with transaction.atomic():
                approval = Approval.objects.create(
                    action=action,
                    subject=subject,
                    required_role=required_role,
                    reason=reason,
                    requested_by=actor,
                )
        except IntegrityError:
            raise ApprovalError(_("A request for this is already waiting for a decision.")) from None
        record(Event.APPROVAL_REQUESTED, actor=actor, subject=approval, action=action, on=subject)
    return approval


def decide_approval(approval: Approval, *, approve: bool, actor: User, note: str = "") -> Approval:
    """Approve or refuse. The decider must differ from the requester and hold the required role."""
    with transaction.atomic():
        approval = Approval.objects.select_for_update().get(pk=approval.pk)
        if approval.status != Status.PENDING:
            raise ApprovalError(_("This request has already been decided."))
        if actor.pk == approval.requested_by_id:
            raise OwnRequest(_("No one may decide their own request: another person must."))
        decider = afresh(actor)
        role = Role(approval.required_role)
        if decider is None or not decider.has_role(role):
            raise ApprovalError(str(ONLY_ROLE_DECIDES[role]))
        approval.status = Status.APPROVED if approve else Status.REFUSED
        approval.decided_by, approval.decided_at, approval.decision_note = decider, timezone.now(), note
        approval.save()
        record(
            Event.APPROVAL_APPROVED if approve else Event.APPROVAL_REFUSED,
            actor=decider,
            subject=approval,
            action=approval.action,
            on=approval.subject,
        )
    return approval


def decide_request_about(
    thing: Model, approval_id: uuid.UUID | None, action: str, *, approve: bool, actor: User, note: str = ""
) -> Approval:
    """Decide the request ``approval_id`` that asked for ``action`` on ``thing`` (a proposed schedule, a
    stipend rate): the one way a proposal that keeps its request's id is decided."""
    if approval_id is None:
        raise ApprovalError(_("This was never put to a decision."))
    approval = Approval.objects.get(pk=approval_id)
    if approval.action != action or approval.subject != subject_of(thing):
        raise ApprovalError(_("This request is about something else."))
    return decide_approval(approval, approve=approve, actor=actor, note=note)


def cancel_approval(approval: Approval, *, actor: User) -> Approval:
    with transaction.atomic():
        approval = Approval.objects.select_for_update().get(pk=approval.pk)
        if approval.status != Status.PENDING:
            raise ApprovalError(_("Only a waiting request can be withdrawn."))
        if actor.pk != approval.requested_by_id:
            raise ApprovalError(_("Only the person who asked may withdraw the request."))
        approval.status = Status.CANCELLED
        approval.save()
        record(
            Event.APPROVAL_CANCELLED,
            actor=actor,
            subject=approval,
            action=approval.action,
            on=approval.subject,
        )
    return approval
