"""Two-person approvals: one person asks, a different person holding the required role decides.

Every irreversible step (approving passage, revealing an identity, approving a reward, releasing a payment,
purging a case) is an ``Approval``. That the decider is not the requester is a database constraint, so not
even a bug in a view or a direct ``update()`` can make a self-approval stick.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from embrace.accounts.roles import Role


class Status(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"
    CANCELLED = "cancelled", "Cancelled"


class Approval(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # What is to be done, e.g. "case.passage_approved" or "vault.reveal_identity"; the owning app acts on it.
    action = models.CharField(max_length=64)
    # What it is done to, as "app.model:id"; approvals hold ids, never content.
    subject = models.CharField(max_length=100)
    required_role = models.CharField(max_length=32, choices=Role.choices)
    # The requester's reason is free text written by staff about the request, not enquirer content.
    reason = models.CharField(max_length=500, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="approvals_requested"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approvals_decided",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("requested_by")),
                name="approval_not_by_requester",
                violation_error_message="No one may decide their own request.",
            ),
            models.CheckConstraint(
                condition=Q(status="pending", decided_by__isnull=True)
                | Q(status="cancelled")
                | Q(status__in=["approved", "refused"], decided_by__isnull=False, decided_at__isnull=False),
                name="approval_decision_complete",
            ),
            # One open request per action and subject: a second would let two pairs race.
            models.UniqueConstraint(
                fields=["action", "subject"], condition=Q(status="pending"), name="one_pending_approval"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} on {self.subject}: {self.status}"
