"""The published reward schedule, as versioned data with effective dates (not code)."""

from __future__ import annotations

import datetime

from django.db import models


class Schedule(models.Model):
    objects: models.Manager[Schedule]

    title = models.CharField(max_length=120)
    effective_from = models.DateField(unique=True)
    announced_on = models.DateField()
    published = models.BooleanField(default=False)

    class Meta:
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.title} (from {self.effective_from})"


class Entry(models.Model):
    schedule = models.ForeignKey(Schedule, on_delete=models.PROTECT, related_name="entries")
    position = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=40)
    title_en = models.CharField(max_length=300)
    title_my = models.CharField(max_length=300)
    amount_usd = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    amount_mmk = models.DecimalField(max_digits=16, decimal_places=0, null=True, blank=True)
    per_item = models.BooleanField(default=False)
    # Weapons and equipment outside the schedule: no fixed amount, "valued by committee".
    valued_by_committee = models.BooleanField(default=False)

    class Meta:
        ordering = ["schedule", "position"]
        constraints = [models.UniqueConstraint(fields=["schedule", "code"], name="unique_entry_code")]

    def __str__(self) -> str:
        return self.code

    # Grouped with commas in every language: Django's Burmese number format has no grouping, and
    # "1000000000" is hard to read at a glance.
    @property
    def usd_display(self) -> str:
        return f"{self.amount_usd:,.0f}" if self.amount_usd is not None else ""

    @property
    def mmk_display(self) -> str:
        return f"{self.amount_mmk:,.0f}" if self.amount_mmk is not None else ""


def schedule_in_force(on: datetime.date | None = None) -> Schedule | None:
    on = on or datetime.date.today()
    return Schedule.objects.filter(published=True, effective_from__lte=on).order_by("-effective_from").first()
