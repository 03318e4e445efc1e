"""What the staff navigation needs to know about the viewer."""

from __future__ import annotations

from django.http import HttpRequest

from embrace.accounts.roles import Perm


def staff_nav(request: HttpRequest) -> dict[str, bool]:
    user = getattr(request, "user", None)
    # AnonymousUser has no ``can``: it holds no role at all.
    return {
        "perms_manage": bool(user is not None and user.is_authenticated and user.can(Perm.ACCOUNTS_MANAGE))
    }
