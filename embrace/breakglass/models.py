"""A proposed set-up of the recovery key, waiting for a second administrator."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class SetUpProposal(models.Model):
    """Who the trustees are to be and how many of them it takes: what the second administrator approves.

    The key itself is made only when the proposal is approved, so nothing secret waits here.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    trustees = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    threshold = models.PositiveSmallIntegerField()
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        return f"recovery set-up {self.id}"
