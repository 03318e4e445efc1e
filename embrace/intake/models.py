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


class WaveRequest(models.Model):
    """A request to move a flood wave to quarantine: the exact cases the asker saw grouped, fixed when
    asked, for a second intake officer of the team to approve (``intake.actions.request_wave_quarantine``).

    Only ids are kept: no text, fingerprint or similarity of the messages that made the group.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    approval = models.OneToOneField(
        "approvals.Approval", on_delete=models.PROTECT, related_name="wave_request"
    )

    def __str__(self) -> str:
        return f"wave {self.pk}"


class WaveMember(models.Model):
    """One case of a wave, with how many steps its life had when the wave was asked for: a case that took a
    step since (triaged, released, moved and back) is left out at approval."""

    wave = models.ForeignKey(WaveRequest, on_delete=models.CASCADE, related_name="members")
    # Emptying the quarantine deletes the case; the wave's record of it goes too.
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    steps = models.PositiveIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["wave", "case"], name="unique_wave_member")]

    def __str__(self) -> str:
        return f"{self.wave_id}: {self.case_id}"
