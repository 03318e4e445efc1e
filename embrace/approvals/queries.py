"""Reading approvals for a user."""

from __future__ import annotations

from django.db.models import QuerySet

from embrace.accounts.models import RoleAssignment, User
from embrace.approvals.models import Approval, Status


def pending_for(user: User) -> QuerySet[Approval]:
    """Waiting requests this user may decide: they hold the required role and did not ask themselves."""
    # Roles and activity from the database, not the user object, so a revocation shows at once.
    held = RoleAssignment.objects.filter(user=user, user__is_active=True).values("role")
    return Approval.objects.filter(status=Status.PENDING, required_role__in=held).exclude(requested_by=user)
