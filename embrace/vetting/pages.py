"""What the vetting page (and the case page, through ``{% passage_request case %}``) shows of the next step.

After the second genuine sign-off the case waits for one thing: someone to ask for passage, then a handler of
the case's team to approve it. These helpers say which of those is due, who does it, and offer the button only
to someone the lifecycle lets take the step; links go only where the viewer can go (no 404, no "no key").
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.log import subject_of
from embrace.cases import lifecycle
from embrace.cases.models import Case, Status
from embrace.cases.queries import visible_cases
from embrace.vetting.queries import passage_may_be_requested

STEP = "approve_passage"


def pending_passage_request(case: Case) -> Approval | None:
    return (
        Approval.objects.filter(
            action=f"case.{STEP}", subject=subject_of(case), status=ApprovalStatus.PENDING
        )
        .select_related("requested_by")
        .first()
    )


def passage_state(request: HttpRequest, case: Case, *, ready: bool | None = None) -> dict[str, Any] | None:
    """For a case in vetting: may passage be asked for, is it asked, and may this viewer ask or decide.

    None for a case past or before vetting (nothing to ask then).
    """
    if case.status != Status.VETTING:
        return None
    user: User = request.user  # type: ignore[assignment]
    why = ""
    if ready is None:
        ready, why = passage_may_be_requested(case)
    pending = pending_passage_request(case) if ready else None
    may_ask = ready and pending is None and any(t.name == STEP for t in lifecycle.allowed(case, user))
    in_team = user.teams.filter(pk=case.team_id).exists()
    may_decide = (
        pending is not None and user.has_role(Role.HANDLER) and in_team and pending.requested_by_id != user.pk
    )
    return {
        "case": case,
        "ready": ready,
        "why": why,
        "pending": pending,
        "may_ask": may_ask,
        "may_decide": may_decide,
        "team": case.team,
    }


def may_open_case_page(request: HttpRequest, case: Case) -> bool:
    """Whether the case page would open for this viewer: their team's or theirs (else 404) and their keyring
    opens the case's conversation (else 403 "no key")."""
    user: User = request.user  # type: ignore[assignment]
    if not visible_cases(user).filter(pk=case.pk).exists():
        return False
    return bool(request.keyring.can_read(case.body))  # type: ignore[attr-defined]
