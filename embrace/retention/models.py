"""Retention rules as data, and the proposed changes to them that wait for a second administrator.

The set of rules is fixed by the code (``RuleKey``: what each one destroys and from which day it counts);
only how many days each waits is data, so that a change of policy is a two-person decision on a number, not
a deployment. ``days`` of None keeps the content until someone purges the case by hand.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from embrace.approvals.models import Approval

# Long enough for any policy the programme has asked for; a typo of 36500 would otherwise keep data for ever.
MAX_DAYS = 3650


class RuleKey(models.TextChoices):
    QUARANTINED = "quarantined", _("Quarantined enquiries (junk)")
    WITHDRAWN = "withdrawn", _("Withdrawn cases")
    LOST_CONTACT = "lost_contact", _("Cases that lost contact")
    REJECTED = "rejected", _("Cases rejected as not genuine")
    DUPLICATE = "duplicate", _("Duplicate cases")
    PASSAGE = "passage", _("Passage plans after arrival")


# What a rule is when nobody has changed it (the data migration writes these; ``Rule.objects.current()``
# puts back any row that is missing). None for the passage plan: the configured grace, PASSAGE_GRACE_DAYS.
DEFAULT_DAYS: dict[str, int | None] = {
    RuleKey.QUARANTINED: 30,
    RuleKey.WITHDRAWN: 180,
    RuleKey.LOST_CONTACT: 180,
    # Kept until purged by hand: a rejected "enquirer" may be a plant whose file is evidence.
    RuleKey.REJECTED: None,
    RuleKey.DUPLICATE: None,
}


class RuleManager(models.Manager["Rule"]):
    def current(self) -> list[Rule]:
        """Every rule, in the order of ``RuleKey``, with any missing row put back at its default."""
        have = {rule.key: rule for rule in self.all()}
        for key in RuleKey.values:
            if key not in have:
                days = DEFAULT_DAYS.get(key, settings.PASSAGE_GRACE_DAYS)
                have[key], _ = self.get_or_create(key=key, defaults={"days": days})
        return [have[key] for key in RuleKey.values]


class Rule(models.Model):
    key = models.CharField(max_length=20, choices=RuleKey.choices, unique=True)
    days = models.PositiveIntegerField(null=True, blank=True)
    changed_on = models.DateField(null=True, blank=True)

    objects = RuleManager()

    class Meta:
        ordering = ["key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(days__isnull=True) | Q(days__gte=0, days__lte=MAX_DAYS),
                name="retention_days_range",
            ),
            # Passage plans are destroyed after arrival, always: the grace may change, "never" may not.
            models.CheckConstraint(
                condition=~Q(key="passage") | Q(days__isnull=False), name="passage_always_ends"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key}: {self.days}"


class RuleChange(models.Model):
    """One administrator's proposal to change a rule; another approves it through ``approval``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    rule = models.ForeignKey(Rule, on_delete=models.CASCADE, related_name="changes")
    old_days = models.PositiveIntegerField(null=True, blank=True)
    new_days = models.PositiveIntegerField(null=True, blank=True)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)
    approval = models.OneToOneField(Approval, on_delete=models.PROTECT, null=True, related_name="+")

    class Meta:
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        return f"{self.rule.key}: {self.old_days} -> {self.new_days}"
