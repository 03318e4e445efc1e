"""What staff change in channels: enquiries received by phone, in person or passed on, typed in by staff; and
the chat channels' switches (turning one on takes two administrators, pausing takes one and is immediate).

Each in one transaction with its audit entry. Audit entries name who, which case or channel, never what was
said.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import CONTENT_ROLES, Perm, Role
from embrace.approvals import actions as approvals
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.events import Event
from embrace.audit.log import record, subject_of
from embrace.cases.actions import Photo
from embrace.cases.models import Case, Channel
from embrace.channels import switches
from embrace.channels.models import Switch
from embrace.channels.switches import CREDENTIALS, missing_credentials
from embrace.intake.actions import submit_enquiry

# How an enquiry staff enter may have come: the channels with no account of the person's to answer on.
STAFF_CHANNELS = (Channel.PHONE, Channel.IN_PERSON, Channel.REFERRAL)
ENABLE_CHANNEL = "channels.enable"


class ChannelError(Exception):
    """Not allowed, or not now; the message says why, in words for the page."""


# --- Enquiries entered by staff -------------------------------------------------------------------------


def receivers(user: User) -> QuerySet[User]:
    """Who may be named as having received an enquiry ``user`` enters: themselves, and active colleagues of
    their teams who do casework. Never an administrator or an auditor, who see no case content."""
    colleagues = Q(teams__in=user.teams.all(), role_assignments__role__in=[r.value for r in CONTENT_ROLES])
    return User.objects.filter(Q(pk=user.pk) | colleagues, is_active=True).distinct().order_by("username")


def enter_enquiry(
    body: dict[str, Any],
    identity: dict[str, Any],
    photos: Sequence[Photo],
    *,
    channel: Channel,
    received_by: User,
    token: str,
    actor: User,
) -> tuple[Case, str]:
    """Open a case for an enquiry a staff member took by phone, in person or from someone who passed it on.

    Returns the case and the receipt, which the caller shows once to the staff member and then forgets.
    ``token`` is the entry page's one-time form token (its digest): a reloaded page sends the same token,
    which ``submit_enquiry`` refuses (``TokenSpent``), so one call never becomes two cases. The audit entry
    (who entered it, the case, the channel, who received it) is written in the case's own transaction.
    """
    entering = afresh(actor, Perm.CASE_TRIAGE)
    if entering is None:
        raise ChannelError(_("Only an intake officer may enter an enquiry."))
    if channel not in STAFF_CHANNELS:
        raise ChannelError(
            _("Choose how the enquiry came: a phone call, a meeting, or someone passing it on.")
        )
    if not receivers(entering).filter(pk=received_by.pk).exists():
        raise ChannelError(_("Who received it must be you or a colleague of one of your teams."))
    # No quarantine: a staff member, not a form-filling robot, typed this in.
    return submit_enquiry(
        body,
        identity,
        photos,
        token=token,
        quarantine=False,
        channel=channel,
        received_by=received_by,
        entered_by=entering,
    )


# --- The chat channels' switches ------------------------------------------------------------------------


def _administrator(actor: User) -> User:
    current = afresh(actor, Perm.CONFIG_MANAGE)
    if current is None:
        raise ChannelError(_("Only an active administrator may do this."))
    return current


def _chat_channel(channel: str) -> None:
    if channel not in CREDENTIALS:
        raise ChannelError(_("There is no such chat channel."))


def _refuse_without_credentials(channel: str) -> None:
    if missing_credentials(channel):
        raise ChannelError(
            _(
                "This channel cannot be turned on: the server does not hold its credentials yet. Ask the "
                "people who run the server to set them."
            )
        )


def request_channel_on(channel: str, *, actor: User) -> Approval:
    """Ask a second administrator to turn ``channel`` on. Refused while its credentials are missing."""
    with transaction.atomic():
        actor = _administrator(actor)
        _chat_channel(channel)
        _refuse_without_credentials(channel)
        switch, _created = Switch.objects.select_for_update().get_or_create(channel=channel)
        if switch.enabled:
            raise ChannelError(_("This channel is already on."))
        try:
            approval = approvals.request_approval(
                ENABLE_CHANNEL, subject_of(switch), required_role=Role.ADMINISTRATOR, reason="", actor=actor
            )
        except approvals.ApprovalError as exc:
            raise ChannelError(str(exc)) from None
        record(Event.CHANNEL_ENABLE_ASKED, actor=actor, subject=switch, approval=str(approval.pk))
    return approval


def pending_requests() -> QuerySet[Approval]:
    """Requests to turn a channel on that wait for a second administrator."""
    return Approval.objects.filter(action=ENABLE_CHANNEL, status=ApprovalStatus.PENDING).select_related(
        "requested_by"
    )


def decide_channel_on(approval: Approval, *, approve: bool, actor: User) -> Switch:
    """A second administrator turns the channel on (credentials checked again) or refuses.

    ``approvals.OwnRequest`` passes through for the page to say who may not; the database refuses a
    self-approval too (``approval_not_by_requester``).
    """
    with transaction.atomic():
        actor = _administrator(actor)
        if approval.action != ENABLE_CHANNEL:
            raise ChannelError(_("This request is about something else."))
        switch = Switch.objects.select_for_update().get(channel=approval.subject.partition(":")[2])
        if approve:
            _refuse_without_credentials(switch.channel)
        try:
            approvals.decide_approval(approval, approve=approve, actor=actor)
        except approvals.OwnRequest:
            raise
        except approvals.ApprovalError as exc:
            raise ChannelError(str(exc)) from None
        if approve:
            switch.enabled = True
            switch.save(update_fields=["enabled"])
            switches.forget()
            record(
                Event.CHANNEL_ENABLED,
                actor=actor,
                subject=switch,
                approval=str(approval.pk),
                asked_by=str(approval.requested_by_id),
            )
    return switch


def pause_channel(channel: str, *, actor: User) -> Switch:
    """Stop ``channel`` taking messages, at once, by one administrator: narrowing never waits for a second
    person. Its webhook then answers 503, so the chat service keeps the updates and sends them again later."""
    with transaction.atomic():
        actor = _administrator(actor)
        _chat_channel(channel)
        switch, _created = Switch.objects.select_for_update().get_or_create(channel=channel)
        was_on = switch.enabled
        if was_on:
            switch.enabled = False
            switch.save(update_fields=["enabled"])
            # This process's webhooks refuse the next update; other processes within REMEMBER_SECONDS.
            switches.forget()
        record(Event.CHANNEL_PAUSED, actor=actor, subject=switch, was_on=was_on)
    return switch
