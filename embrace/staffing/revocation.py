"""What narrowing someone's access takes back: the keys it gave them.

What they could read before is assumed seen: a key, once used, may have been copied, and the content with
it. Revocation cannot undo that; it closes everything added from now on (each compartment is re-keyed
without them).
"""

from __future__ import annotations

from django.db import transaction

from embrace.accounts.models import User
from embrace.accounts.roles import CONTENT_ROLES
from embrace.vault import actions as vault
from embrace.vault.models import Compartment


def narrow_access(user: User, *, actor: User) -> int:
    """Revoke the direct compartment grants of someone deactivated or left without a content role.

    Returns how many compartments were re-keyed. Someone who keeps a content role keeps their direct grants
    (a handler moved between teams still handles their cases until reassigned); group keys are left by
    ``embrace.custody`` (called here by the integrator).
    """
    current = User.objects.get(pk=user.pk)
    if current.is_active and current.roles & CONTENT_ROLES:
        return 0
    with transaction.atomic():
        compartments = Compartment.objects.filter(keys__grants__user=current).distinct()
        count = 0
        for compartment in compartments:
            vault.revoke(compartment, current, actor=actor)
            count += 1
    return count
