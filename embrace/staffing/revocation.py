"""What narrowing someone's access takes back: the keys it gave them.

What they could read before is assumed seen: a key, once used, may have been copied, and the content with
it. Revocation cannot undo that; it closes everything added from now on (each compartment is re-keyed
without them), and each group they leave gets a new key they never hold.
"""

from __future__ import annotations

from django.db import transaction

from embrace.accounts.models import User
from embrace.accounts.roles import CONTENT_ROLES
from embrace.custody.actions import leave_unentitled
from embrace.vault import actions as vault
from embrace.vault.models import Compartment


def narrow_access(user: User, *, actor: User) -> int:
    """Take back what a narrowing no longer entitles ``user`` to; returns how many compartments were
    re-keyed for them (each group left has its own audit entry).

    Every group key they no longer qualify for is left (the group rotates) and every direct grant their
    remaining roles and teams no longer justify is revoked (``custody.actions.leave_unentitled``). Someone
    deactivated, or left without any content role, loses every direct grant besides. Someone who keeps a
    content role keeps the cases they still handle until reassigned.
    """
    with transaction.atomic():
        _, count = leave_unentitled(user, actor=actor)
        current = User.objects.get(pk=user.pk)
        if current.is_active and current.roles & CONTENT_ROLES:
            return count
        for compartment in Compartment.objects.filter(keys__grants__user=current).distinct():
            vault.revoke(compartment, current, actor=actor)
            count += 1
    return count
