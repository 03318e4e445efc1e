"""Intake configuration and the short-lived state of the enquirer's side.

Nothing here holds what an enquirer said: that is sealed in the case's compartments (embrace.cases).
"""

from __future__ import annotations

import uuid

from django.db import models

from embrace.accounts.models import Team


class IntakeRoute(models.Model):
    """A team that receives new enquiries. With several active routes, enquiries go round-robin."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="intake_route")
    active = models.BooleanField(default=True)
    received = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"intake → {self.team}"


class UsedFormToken(models.Model):
    """A one-time form token that has been spent; kept (as a hash) until it would have expired anyway."""

    digest = models.CharField(max_length=64, primary_key=True)
    expires_on = models.DateField(db_index=True)

    def __str__(self) -> str:
        return self.digest[:12]


class Visit(models.Model):
    """An enquirer's open thread page: their receipt key, re-wrapped under a key that only the page holds.

    So that replying does not need the receipt again and a phone searched later shows nothing reusable:
    the page carries ``id.key`` in a hidden field, the row lapses after ``Visit.LIFETIME``.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    wrapped_key = models.BinaryField()
    holder_id = models.UUIDField()
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return str(self.id)
