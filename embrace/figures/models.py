"""Definitions of what a figure counts, as versioned data, and the snapshots the dashboards read."""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Key(models.TextChoices):
    ENQUIRY = "enquiry", _("Enquiries")
    GENUINE_ENQUIRY = "genuine_enquiry", _("Genuine enquiries")
    DEFECTION = "defection", _("Defections")
    REGISTRATION = "registration", _("Registrations")
    REWARD_PAID = "reward_paid", _("Rewards paid")
    DEPENDANTS_RECEIVED = "dependants_received", _("Dependants received")


class Definition(models.Model):
    """One version of what a figure counts, in force from ``effective_from`` until a later version's date.

    A rule is never edited once it has counted anything: a changed meaning is a new version with its own
    date, so two numbers published a year apart say which rule each used (the programme's 3,236 and 3,015
    "defectors" could not). ``rule`` is a small JSON rule that ``embrace.figures.definitions`` interprets;
    ``description`` is the rule in plain English words, the msgid the pages translate.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    key = models.CharField(max_length=24, choices=Key.choices)
    version = models.PositiveSmallIntegerField()
    effective_from = models.DateField()
    rule = models.JSONField()
    description = models.TextField()

    class Meta:
        ordering = ["key", "version"]
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="unique_definition_version"),
            # Two versions starting the same day would leave "the version in force" undecided.
            models.UniqueConstraint(fields=["key", "effective_from"], name="unique_definition_start"),
            models.CheckConstraint(condition=Q(version__gte=1), name="definition_version_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"


class Snapshot(models.Model):
    """One dashboard's tables as the statistics task last computed them: pages read this row and nothing
    else, so a dashboard costs the same at 100 cases or 100,000."""

    dashboard = models.CharField(max_length=24, unique=True)
    data = models.JSONField()
    # The definition versions the figures used, {key: version}, so a page can name them.
    versions = models.JSONField(default=dict)
    computed_at = models.DateTimeField()
    # How long the computation took, for the bench and for an analyst wondering why it is late.
    took_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["dashboard"]

    def __str__(self) -> str:
        return f"snapshot {self.dashboard}"
