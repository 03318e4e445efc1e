"""Giving group keys, and taking keys from people who no longer qualify. One function per change, each in one
transaction with its audit entry (the vault writes ``vault.group_member_added`` / ``…_removed``; requests and
decisions are ``approvals.*`` entries).

A give is sealed by the giver's own keyring: the server never holds a group key outside a holder's request.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils.translation import gettext

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Role
from embrace.approvals import actions as approvals
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.custody import groups
from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring, NoAccess
from embrace.vault.models import Compartment, GroupGrant, KeyGroup

GIVE_ACTION = "custody.give_group_key"


class CustodyError(Exception):
    """A give is refused; the message says why in words for the user, ``status`` is the page's answer."""

    def __init__(self, message: str, *, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _giver(group: KeyGroup, keyring: Keyring, actor: User) -> User:
    current = afresh(actor)
    if current is None or keyring.user.pk != actor.pk or not groups.holds(current, group):
        raise CustodyError(gettext("Only someone who holds this key can give it."), status=403)
    return current


def _joiner(group: KeyGroup, user: User) -> None:
    if not groups.entitled(user, group):
        raise CustodyError(
            gettext("%(user)s is not entitled to this key (role, team, or account state).") % {"user": user},
            status=403,
        )
    if groups.holds(user, group):
        raise CustodyError(gettext("%(user)s already holds this key.") % {"user": user}, status=409)


def give_group_key(group: KeyGroup, user: User, *, keyring: Keyring, actor: User) -> None:
    """Seal the group's key to an entitled person, from the giver's own session. Not for the groups that
    need a second person (``request_group_key`` then ``approve_group_key``)."""
    if groups.needs_second_person(group):
        raise CustodyError(
            gettext("This key is given only when a second holder approves: ask for it instead."), status=403
        )
    with transaction.atomic():
        current = _giver(group, keyring, actor)
        _joiner(group, user)
        vault.add_group_member(group, user, by=keyring, actor=current)


def start_group_key(group: KeyGroup, *, actor: User) -> None:
    """The first key of a group that has never had one, for an entitled person: nothing is sealed to the
    group yet, so there is nothing it opens; from then on only a holder can give it."""
    with transaction.atomic():
        current = afresh(actor)
        if current is None or not groups.entitled(current, group):
            raise CustodyError(gettext("You are not entitled to this key."), status=403)
        if group.current_key is not None:
            raise CustodyError(
                gettext("This key already exists: someone who holds it must give it to you."), status=409
            )
        vault.add_group_member(group, current, by=None, actor=current)


def _subject(group: KeyGroup, user: User) -> str:
    return f"{group.pk}:{user.pk}"


def _approver_role(group: KeyGroup) -> Role:
    return Role.CUSTODIAN if group.name == groups.CUSTODIANS else Role.HANDLER


def request_group_key(
    group: KeyGroup, user: User, *, keyring: Keyring, actor: User, reason: str = ""
) -> Approval:
    """A holder asks for the key to be given to ``user``; another holder approves (and seals) it."""
    with transaction.atomic():
        current = _giver(group, keyring, actor)
        _joiner(group, user)
        try:
            return approvals.request_approval(
                GIVE_ACTION,
                _subject(group, user),
                required_role=_approver_role(group),
                reason=reason or f"give {groups.label(group)} to {user}",
                actor=current,
            )
        except approvals.ApprovalError as exc:
            raise CustodyError(str(exc), status=409) from None


def parse_request(approval: Approval) -> tuple[KeyGroup, User]:
    group_id, _, user_id = approval.subject.partition(":")
    try:
        return KeyGroup.objects.get(pk=uuid.UUID(group_id)), User.objects.get(pk=uuid.UUID(user_id))
    except (ValueError, KeyGroup.DoesNotExist, User.DoesNotExist):
        raise CustodyError(
            gettext("This request is about a key or a person that no longer exists."), status=404
        ) from None


def approve_group_key(approval: Approval, *, keyring: Keyring, actor: User) -> None:
    """A second holder approves, and their own keyring seals the key to the joiner, in one transaction."""
    if approval.action != GIVE_ACTION:
        raise CustodyError(gettext("This request is about something else."), status=404)
    group, user = parse_request(approval)
    with transaction.atomic():
        current = _giver(group, keyring, actor)
        if approval.requested_by_id == current.pk:
            raise CustodyError(
                gettext("No one may approve their own request: another holder must."), status=403
            )
        _joiner(group, user)
        try:
            approvals.decide_approval(approval, approve=True, actor=current)
        except approvals.ApprovalError as exc:
            raise CustodyError(str(exc), status=409) from None
        vault.add_group_member(group, user, by=keyring, actor=current)


def refuse_group_key(approval: Approval, *, actor: User) -> None:
    if approval.action != GIVE_ACTION or approval.status != ApprovalStatus.PENDING:
        raise CustodyError(gettext("This request is not waiting for a decision."), status=409)
    group, _ = parse_request(approval)
    current = afresh(actor)
    if current is None or not groups.holds(current, group):
        raise CustodyError(gettext("Only someone who holds this key can decide."), status=403)
    try:
        approvals.decide_approval(approval, approve=False, actor=current)
    except approvals.ApprovalError as exc:
        raise CustodyError(str(exc), status=403) from None


# --- Narrowing ----------------------------------------------------------------------------------------------

# Apps above this floor (cases, rewards …) know why a person holds a compartment key of their own (they
# handle the case, an identity was revealed to them); each registers, at start-up, a function that lists the
# user's own grants they no longer qualify for. This keeps the floors: custody never imports them.
DirectRule = Callable[[User], Iterable[Compartment]]
_direct_rules: list[DirectRule] = []


def register_direct_rule(rule: DirectRule) -> None:
    if rule not in _direct_rules:
        _direct_rules.append(rule)


def leave_unentitled(user: User, *, actor: User | None) -> tuple[list[str], int]:
    """Take from ``user`` every group key they are no longer entitled to (rotating each group) and every
    compartment key of their own they no longer qualify for (re-keying each). Returns the groups left and how
    many compartments were revoked. Call after every narrowing of roles, teams or activity.

    What they could read before is assumed seen; only what is written from now on is closed to them.
    """
    user = User.objects.get(pk=user.pk)
    left: list[str] = []
    revoked = 0
    with transaction.atomic():
        held = KeyGroup.objects.filter(
            pk__in=GroupGrant.objects.filter(user=user).values("key__group_id")
        ).order_by("name")
        for group in held:
            if not groups.entitled(user, group):
                vault.remove_group_member(group, user, actor=actor)
                left.append(group.name)
        seen: set[uuid.UUID] = set()
        for rule in _direct_rules:
            for compartment in rule(user):
                if compartment.pk in seen or compartment.destroyed_at is not None:
                    continue
                seen.add(compartment.pk)
                try:
                    vault.revoke(compartment, user, actor=actor)
                except NoAccess:  # destroyed meanwhile: nothing left to take
                    continue
                revoked += 1
    return left, revoked
