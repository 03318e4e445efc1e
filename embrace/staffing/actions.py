"""Changes to who may do what: each in one transaction with its audit entry.

Widening someone's access (a role, a team, reactivation) waits for a second administrator; narrowing takes
effect at once, ends the person's sessions and revokes their keys. Nobody changes their own access.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts import actions as accounts
from embrace.accounts.actions import AccountError
from embrace.accounts.models import RoleAssignment, Team, User, afresh
from embrace.accounts.roles import Perm, Role, duties_conflict
from embrace.approvals import actions as approvals
from embrace.approvals.actions import ApprovalError
from embrace.approvals.models import Approval
from embrace.audit.events import Event
from embrace.audit.log import record, subject_of
from embrace.staffing.models import AccessChange, Invitation
from embrace.staffing.revocation import narrow_access
from embrace.vault import actions as vault
from embrace.vault.keyring import public_fingerprint

WIDEN_ACCESS = "staffing.widen_access"
RESET_AUTHENTICATOR = "staffing.reset_authenticator"


class StaffingError(Exception):
    """Not allowed, or not now; the message says why, in words for the page."""


def _administrator(actor: User) -> User:
    current = afresh(actor, Perm.ACCOUNTS_MANAGE)
    if current is None:
        raise StaffingError(gettext("Only an active administrator may do this."))
    return current


def _not_about_oneself(user: User, actor: User) -> None:
    if user.pk == actor.pk:
        raise StaffingError(
            gettext("Nobody changes their own roles, teams or active flag. Ask another administrator.")
        )


# --- Narrowing: at once ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Narrowed:
    sessions: int
    compartments: int


def narrow_user(
    user: User,
    *,
    roles: Iterable[Role] = (),
    teams: Iterable[Team] = (),
    deactivate: bool = False,
    actor: User,
) -> Narrowed:
    """Remove roles and teams and/or deactivate, end every session of the person, revoke their keys."""
    roles, team_ids = set(roles), {t.pk for t in teams}
    with transaction.atomic():
        actor = _administrator(actor)
        _not_about_oneself(user, actor)
        user = User.objects.select_for_update().get(pk=user.pk)
        try:
            if roles & user.roles:
                accounts.set_roles(user, user.roles - roles, actor=actor)
            if team_ids:
                accounts.set_teams(user, [t for t in user.teams.all() if t.pk not in team_ids], actor=actor)
            if deactivate and user.is_active:
                accounts.set_active(user, False, actor=actor)
        except AccountError as exc:
            raise StaffingError(str(exc)) from None
        sessions = accounts.end_sessions(user)
        compartments = narrow_access(user, actor=actor)
        record(
            Event.ACCESS_NARROWED,
            actor=actor,
            subject=user,
            roles=sorted(r.value for r in roles),
            teams=sorted(str(pk) for pk in team_ids),
            deactivated=deactivate,
            sessions=sessions,
            compartments=compartments,
        )
    return Narrowed(sessions, compartments)


# --- Widening: proposed by one administrator, applied when another approves -----------------------------


def propose_widening(
    user: User,
    *,
    roles: Iterable[Role] = (),
    teams: Iterable[Team] = (),
    reactivate: bool = False,
    actor: User,
) -> AccessChange:
    roles, teams = set(roles) - user.roles, [t for t in teams if not user.teams.filter(pk=t.pk).exists()]
    with transaction.atomic():
        actor = _administrator(actor)
        _not_about_oneself(user, actor)
        if not roles and not teams and not (reactivate and not user.is_active):
            raise StaffingError(gettext("Nothing to add: the account already has all of this."))
        if conflict := duties_conflict(user.roles | roles):
            raise StaffingError(conflict)
        try:
            approval = approvals.request_approval(
                WIDEN_ACCESS,
                subject_of(user),
                required_role=Role.ADMINISTRATOR,
                reason="",
                actor=actor,
            )
        except ApprovalError as exc:
            raise StaffingError(str(exc)) from None
        change = AccessChange.objects.create(
            user=user, roles=sorted(r.value for r in roles), reactivate=reactivate, approval=approval
        )
        change.teams.set(teams)
        record(
            Event.ACCESS_WIDENING_PROPOSED,
            actor=actor,
            subject=user,
            change=str(change.pk),
            roles=change.roles,
            teams=sorted(str(t.pk) for t in teams),
            reactivate=reactivate,
        )
    return change


def decide_widening(change: AccessChange, *, approve: bool, actor: User) -> AccessChange:
    """A second administrator approves (applied at once, separation of duties checked again) or refuses."""
    with transaction.atomic():
        actor = _administrator(actor)
        _not_about_oneself(change.user, actor)
        try:
            approvals.decide_approval(change.approval, approve=approve, actor=actor)
        except ApprovalError as exc:
            raise StaffingError(str(exc)) from None
        if not approve:
            return change
        user = User.objects.select_for_update().get(pk=change.user_id)
        try:
            accounts.set_roles(user, user.roles | {Role(r) for r in change.roles}, actor=actor)
            accounts.set_teams(user, [*user.teams.all(), *change.teams.all()], actor=actor)
            if change.reactivate:
                accounts.set_active(user, True, actor=actor)
        except AccountError as exc:
            raise StaffingError(str(exc)) from None
        record(Event.ACCESS_WIDENED, actor=actor, subject=user, change=str(change.pk))
    return change


def withdraw_widening(change: AccessChange, *, actor: User) -> None:
    try:
        approvals.cancel_approval(change.approval, actor=actor)
    except ApprovalError as exc:
        raise StaffingError(str(exc)) from None


# --- Invitations ------------------------------------------------------------------------------------------


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_user(
    username: str, *, roles: Iterable[Role], teams: Iterable[Team], actor: User
) -> tuple[Invitation, str]:
    """Reserve ``username`` as an inactive account without password or key; returns the invitation and the
    one-time token for its link (shown to the inviter once, stored only as a hash)."""
    roles, teams = sorted(set(roles)), list(teams)
    if conflict := duties_conflict(roles):
        raise StaffingError(conflict)
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        actor = _administrator(actor)
        if User.objects.filter(username__iexact=username).exists():
            raise StaffingError(gettext("An account with this username already exists."))
        user = User(username=username, is_active=False)
        user.set_unusable_password()
        user.save()
        record(Event.USER_CREATED, actor=actor, subject=user, invited=True)
        invitation = Invitation.objects.create(
            user=user,
            token_hash=token_hash(token),
            roles=[r.value for r in roles],
            invited_by=actor,
            expires_at=timezone.now() + timedelta(hours=settings.INVITATION_HOURS),
        )
        invitation.teams.set(teams)
        record(
            Event.INVITATION_CREATED,
            actor=actor,
            subject=invitation,
            user=str(user.pk),
            roles=invitation.roles,
            teams=sorted(str(t.pk) for t in teams),
        )
    return invitation, token


def invitation_for_token(token: str) -> Invitation | None:
    """The open invitation this link belongs to, or None (unknown, used, expired or withdrawn)."""
    return (
        Invitation.objects.select_related("user")
        .filter(
            token_hash=token_hash(token),
            accepted_at__isnull=True,
            cancelled_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .first()
    )


def accept_invitation(
    invitation: Invitation, password: str, device: TOTPDevice, *, language: str | None = None
) -> tuple[str, str]:
    """The invitee sets their password and key pair and confirms their authenticator (and, if given, the
    language of their pages); the link is spent.

    Returns (recovery key, key fingerprint), both for the invitee's eyes only. The account stays inactive.
    """
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
        if invitation.accepted_at or invitation.cancelled_at or invitation.expires_at <= timezone.now():
            raise StaffingError(gettext("This invitation link is no longer valid. Ask for a new one."))
        if device.user_id != invitation.user_id:
            raise StaffingError(gettext("This authenticator belongs to another account."))
        user = invitation.user
        user.set_password(password)
        user.save(update_fields=["password"])
        if language is not None:
            accounts.choose_language(user, language)
        recovery_key = vault.create_user_keys(user, password, actor=user)
        accounts.confirm_totp(device, actor=user)
        invitation.token_hash = None
        invitation.accepted_at = timezone.now()
        invitation.save(update_fields=["token_hash", "accepted_at"])
        record(Event.INVITATION_ACCEPTED, actor=user, subject=invitation)
        fingerprint = public_fingerprint(user)
    return recovery_key, str(fingerprint)  # never None: the key pair was made just above


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def may_bootstrap(invitation: Invitation, actor: User) -> bool:
    """Whether the inviter may confirm this invitation themselves: only for an administrator-only
    invitation, while the inviter is the one administrator there is and no administrator invitation was
    ever confirmed (so deactivating the others does not reopen the door)."""
    others = RoleAssignment.objects.filter(role=Role.ADMINISTRATOR).exclude(user=actor).exists()
    confirmed = Invitation.objects.filter(confirmed_at__isnull=False).values_list("roles", flat=True)
    ever = any(Role.ADMINISTRATOR.value in roles for roles in confirmed)
    return (
        invitation.invited_by_id == actor.pk
        and invitation.roles == [Role.ADMINISTRATOR.value]
        and not others
        and not ever
    )


def confirm_invitation(invitation: Invitation, fingerprint: str, *, actor: User) -> User:
    """A second administrator, who has heard the invitee read their fingerprint, activates the account and
    applies the proposed roles and teams."""
    with transaction.atomic():
        actor = _administrator(actor)
        invitation = Invitation.objects.select_for_update().select_related("user").get(pk=invitation.pk)
        if invitation.cancelled_at or invitation.confirmed_at:
            raise StaffingError(gettext("This invitation is closed."))
        if not invitation.accepted_at:
            raise StaffingError(gettext("The invitee has not set up their account yet."))
        bootstrap = invitation.invited_by_id == actor.pk
        if bootstrap and not may_bootstrap(invitation, actor):
            raise StaffingError(
                gettext("The person who invited may not confirm: another administrator must.")
            )
        expected = public_fingerprint(invitation.user)
        if expected is None or _digits(fingerprint) != _digits(expected):
            raise StaffingError(
                gettext(
                    "This fingerprint does not match. Do not confirm: someone else may have used the link. "
                    "Withdraw this invitation and send a new one."
                )
            )
        user = invitation.user
        try:
            accounts.set_active(user, True, actor=actor)
            accounts.set_roles(user, [Role(r) for r in invitation.roles], actor=actor)
            accounts.set_teams(user, invitation.teams.all(), actor=actor)
        except AccountError as exc:
            raise StaffingError(str(exc)) from None
        invitation.confirmed_by, invitation.confirmed_at = actor, timezone.now()
        invitation.bootstrap = bootstrap
        invitation.save(update_fields=["confirmed_by", "confirmed_at", "bootstrap"])
        record(
            Event.INVITATION_CONFIRMED,
            actor=actor,
            subject=invitation,
            user=str(user.pk),
            bootstrap=bootstrap,
        )
    return user


def cancel_invitation(invitation: Invitation, *, actor: User) -> None:
    with transaction.atomic():
        actor = _administrator(actor)
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.cancelled_at or invitation.confirmed_at:
            raise StaffingError(gettext("This invitation is closed."))
        invitation.cancelled_at, invitation.token_hash = timezone.now(), None
        invitation.save(update_fields=["cancelled_at", "token_hash"])
        TOTPDevice.objects.filter(user=invitation.user_id).delete()
        accounts.end_sessions(invitation.user)
        record(Event.INVITATION_CANCELLED, actor=actor, subject=invitation)


# --- A lost authenticator, without the recovery key: two administrators ---------------------------------


def request_authenticator_reset(user: User, *, actor: User) -> Approval:
    with transaction.atomic():
        actor = _administrator(actor)
        _not_about_oneself(user, actor)
        try:
            return approvals.request_approval(
                RESET_AUTHENTICATOR,
                subject_of(user),
                required_role=Role.ADMINISTRATOR,
                reason="",
                actor=actor,
            )
        except ApprovalError as exc:
            raise StaffingError(str(exc)) from None


def decide_authenticator_reset(approval: Approval, *, approve: bool, actor: User) -> None:
    """On approval the person's authenticators are removed and their sessions ended; their next sign-in,
    with their own password, enrols a new one. Nobody else learns anything that signs in as them."""
    with transaction.atomic():
        actor = _administrator(actor)
        if approval.action != RESET_AUTHENTICATOR:
            raise StaffingError(gettext("This request is about something else."))
        user = User.objects.get(pk=approval.subject.rpartition(":")[2])
        _not_about_oneself(user, actor)
        try:
            approvals.decide_approval(approval, approve=approve, actor=actor)
        except ApprovalError as exc:
            raise StaffingError(str(exc)) from None
        if approve:
            TOTPDevice.objects.filter(user=user).delete()
            sessions = accounts.end_sessions(user)
            record(
                Event.AUTHENTICATOR_RESET,
                actor=actor,
                subject=user,
                approval=str(approval.pk),
                sessions=sessions,
            )
