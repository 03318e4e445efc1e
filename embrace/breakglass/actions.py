"""Break-glass decisions that depend on people's roles; the key work is in ``embrace.vault.recovery``.

Who may be a trustee or a recipient is decided here because the vault knows no roles. Administrators and
auditors are content-blind: they may not hold a share of the key to content, nor receive a group's keys.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import CONTENT_BLIND_ROLES, Perm, Role
from embrace.approvals.actions import ApprovalError, decide_approval, request_approval
from embrace.approvals.models import Approval
from embrace.approvals.queries import pending_for
from embrace.audit.log import subject_of
from embrace.breakglass.models import SetUpProposal
from embrace.custody import groups as custody_groups
from embrace.vault import recovery
from embrace.vault.keyring import Keyring
from embrace.vault.models import KeyGroup, RecoveryKey, Restore

SET_UP = "breakglass.set_up"


class BreakGlassError(Exception):
    """The step is not allowed; the message says why, in words for the user."""


def _fit_for_keys(user: User) -> bool:
    return (
        user.is_active
        and hasattr(user, "vault_key")
        and not any(user.has_role(role) for role in CONTENT_BLIND_ROLES)
    )


def may_be_trustee(user: User) -> bool:
    """An active account with keys of its own and no content-blind role."""
    return _fit_for_keys(user)


def may_receive(user: User, group: KeyGroup) -> bool:
    """Whether ``user`` may receive ``group``'s keys by a restore: someone the custody rules entitle to the
    group (active, with keys, in the roles and team it is for, never administrator or auditor). The k
    trustees, who see the group and the recipient named before they enter a share, judge the rest."""
    return _fit_for_keys(user) and custody_groups.entitled(user, group)


def trustee_candidates() -> QuerySet[User]:
    """Everyone the pages offer as a trustee or a recipient: decided by the same rule as the actions, so the
    offer and the check cannot drift apart."""
    people = User.objects.filter(is_active=True, vault_key__isnull=False)
    return User.objects.filter(pk__in=[user.pk for user in people if _fit_for_keys(user)])


def propose_set_up(trustees: Sequence[User], threshold: int, *, actor: User) -> Approval:
    """Ask a second administrator to approve a recovery key for these trustees, ``threshold`` of them."""
    if afresh(actor, Perm.ACCOUNTS_MANAGE) is None:
        raise BreakGlassError(gettext("Only an administrator may propose the set-up."))
    if unfit := [t.username for t in trustees if not may_be_trustee(t)]:
        raise BreakGlassError(
            gettext(
                "%(names)s cannot be a trustee: trustees need an active account with their own keys, "
                "and administrators and auditors may not hold a share of the key to content."
            )
            % {"names": ", ".join(unfit)}
        )
    if not 2 <= threshold <= len(trustees) <= recovery.MAX_TRUSTEES:
        raise BreakGlassError(
            gettext(
                "Name between 2 and %(most)d trustees, and ask for at least 2 of them and "
                "no more than there are."
            )
            % {"most": recovery.MAX_TRUSTEES}
        )
    with transaction.atomic():
        proposal = SetUpProposal.objects.create(threshold=threshold, proposed_by=actor)
        proposal.trustees.set(trustees)
        try:
            return request_approval(
                SET_UP,
                subject_of(proposal),
                required_role=Role.ADMINISTRATOR,
                reason=f"{threshold} of {len(trustees)} trustees",
                actor=actor,
            )
        except ApprovalError as exc:
            raise BreakGlassError(str(exc)) from exc


def pending_set_ups(user: User) -> QuerySet[Approval]:
    """Set-ups waiting for this user's decision (another administrator's proposals)."""
    return pending_for(user).filter(action=SET_UP).select_related("requested_by")


def proposal_of(approval: Approval) -> SetUpProposal:
    return SetUpProposal.objects.prefetch_related("trustees").get(pk=approval.subject.partition(":")[2])


def decide_set_up(approval: Approval, *, approve: bool, actor: User) -> RecoveryKey | None:
    """A second administrator approves (the key is made and split at once) or refuses."""
    with transaction.atomic():
        if approval.action != SET_UP:
            raise BreakGlassError(gettext("This request is about something else."))
        try:
            decide_approval(approval, approve=approve, actor=actor)
        except ApprovalError as exc:
            raise BreakGlassError(str(exc)) from exc
        if not approve:
            return None
        proposal = proposal_of(approval)
        trustees = list(proposal.trustees.all())
        # Checked again: a trustee may have been made an administrator, or deactivated, meanwhile.
        if unfit := [t.username for t in trustees if not may_be_trustee(t)]:
            raise BreakGlassError(
                gettext("%(names)s can no longer be a trustee: propose again.") % {"names": ", ".join(unfit)}
            )
        try:
            return recovery.create_recovery_key(trustees, proposal.threshold, actor=actor)
        except recovery.RecoveryError as exc:
            raise BreakGlassError(str(exc)) from exc


def open_restore(group: KeyGroup, recipient: User, *, reason: str, actor: User) -> Restore:
    if not may_receive(recipient, group):
        raise BreakGlassError(
            gettext("%(name)s may not receive this group's keys (administrators and auditors never do).")
            % {"name": recipient.username}
        )
    return recovery.open_restore(group, recipient, reason=reason, actor=actor)


def complete_restore(restore: Restore, *, keyring: Keyring, actor: User) -> int:
    current = afresh(actor)
    # Checked again at the moment the keys are given: the recipient's roles may have changed since.
    if current is None or not may_receive(current, restore.group):
        raise BreakGlassError(gettext("You may no longer receive this group's keys."))
    return recovery.complete_restore(restore, keyring=keyring, actor=current)
