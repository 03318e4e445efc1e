"""Invitations and proposed widenings of access: what waits for a second administrator."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext

from embrace.accounts.models import Team
from embrace.approvals.models import Approval


class Invitation(models.Model):
    """An account that exists (its username reserved) but is inactive, holds no role and no key, until the
    invitee has set their own password and authenticator and a second administrator has confirmed their key
    fingerprint. Kept after confirmation: it is the record of who vouched for whom."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitation")
    # SHA-256 of the link's random token; cleared when the link is used, so it works once.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    roles = models.JSONField(default=list)
    teams = models.ManyToManyField(Team, blank=True, related_name="+")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="invitations_confirmed",
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # The one case where the inviter confirms: the second administrator, while there is only one.
    bootstrap = models.BooleanField(default=False)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(confirmed_by__isnull=True) | ~Q(confirmed_by=F("invited_by")) | Q(bootstrap=True),
                name="invitation_confirmed_by_another",
                violation_error_message="The inviter may not confirm their own invitation.",
            ),
        ]

    def __str__(self) -> str:
        return f"invitation of {self.user_id}"

    @property
    def state(self) -> str:
        if self.cancelled_at:
            return gettext("withdrawn")
        if self.confirmed_at:
            return gettext("confirmed")
        if self.accepted_at:
            return gettext("waiting for confirmation")
        return gettext("waiting for the invitee")


class AccessChange(models.Model):
    """A proposed widening of someone's access (roles, teams, reactivation), applied only on approval."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_changes"
    )
    roles = models.JSONField(default=list)
    teams = models.ManyToManyField(Team, blank=True, related_name="+")
    reactivate = models.BooleanField(default=False)
    approval = models.OneToOneField(Approval, on_delete=models.PROTECT, related_name="access_change")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"access change for {self.user_id}"
