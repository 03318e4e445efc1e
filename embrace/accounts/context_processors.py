"""What the staff navigation needs to know about the viewer."""

from __future__ import annotations

from django.http import HttpRequest

from embrace.accounts.roles import Perm


def staff_nav(request: HttpRequest) -> dict[str, bool]:
    user = getattr(request, "user", None)
    # AnonymousUser has no ``can``: it holds no role at all.
    signed_in = user is not None and user.is_authenticated
    return {
        "perms_manage": bool(signed_in and user.can(Perm.ACCOUNTS_MANAGE)),
        "perms_triage": bool(signed_in and user.can(Perm.CASE_TRIAGE)),
        "perms_handle": bool(signed_in and user.can(Perm.CASE_HANDLE)),
        "perms_identity_request": bool(signed_in and user.can(Perm.CASE_IDENTITY_REQUEST)),
        "perms_identity_reveal": bool(signed_in and user.can(Perm.CASE_IDENTITY_REVEAL)),
    }
