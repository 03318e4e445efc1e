"""Passage plans: routes, meeting points and contacts for one case's move, sealed to a named passage team.

The plan's compartment is not the case's: the handler who talks to the enquirer is not in it unless they are
in the passage team, and the whole of it (keys and ciphertext) is destroyed a grace period after arrival.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from embrace.accounts.models import Team
from embrace.cases.models import Case
from embrace.vault.models import Compartment


class PassagePlan(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="passage_plan")
    # The passage team: its members (at opening) hold the compartment's key.
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="passage_plans")
    compartment = models.ForeignKey(Compartment, on_delete=models.PROTECT, null=True, related_name="+")
    # Days only, like every other date a case keeps in clear.
    opened_on = models.DateField()
    arrived_on = models.DateField(null=True, blank=True)
    destroyed_on = models.DateField(null=True, blank=True)

    class Meta:
        # Housekeeping looks for plans not yet destroyed, by arrival day.
        indexes = [models.Index(fields=["destroyed_on", "arrived_on"], name="passage_plan_due")]

    def __str__(self) -> str:
        return f"passage plan of {self.case_id}"


class PlanEntry(models.Model):
    """One route segment, meeting point, contact or note: sealed JSON in the plan's compartment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    plan = models.ForeignKey(PassagePlan, on_delete=models.CASCADE, related_name="entries")
    seq = models.PositiveIntegerField()
    envelope = models.BinaryField()
    written_on = models.DateField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["plan", "seq"]
        constraints = [models.UniqueConstraint(fields=["plan", "seq"], name="unique_plan_entry_seq")]

    def __str__(self) -> str:
        return f"{self.plan_id} #{self.seq}"
