"""What the staff navigation needs to know about the viewer."""

from __future__ import annotations

from django.http import HttpRequest

from embrace.accounts.roles import Perm

NAV_PERMS = {
    "perms_manage": Perm.ACCOUNTS_MANAGE,
    "perms_config": Perm.CONFIG_MANAGE,
    "perms_triage": Perm.CASE_TRIAGE,
    "perms_handle": Perm.CASE_HANDLE,
    "perms_identity_request": Perm.CASE_IDENTITY_REQUEST,
    "perms_identity_reveal": Perm.CASE_IDENTITY_REVEAL,
    "perms_vetting": Perm.VETTING_REVIEW,
    "perms_finance": Perm.FINANCE_READ,
    "perms_reward_verify": Perm.REWARD_VERIFY,
    "perms_audit": Perm.AUDIT_READ,
    "perms_stats": Perm.STATS_READ,
}


def staff_nav(request: HttpRequest) -> dict[str, bool]:
    user = getattr(request, "user", None)
    # AnonymousUser has no ``can``: it holds no role at all.
    if user is None or not user.is_authenticated:
        return dict.fromkeys(NAV_PERMS, False)
    return {name: user.can(perm) for name, perm in NAV_PERMS.items()}
