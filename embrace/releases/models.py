"""Releases, their published figures, and the yearly privacy budget per definition.

A figure row stores only what the public reads (a range, "fewer than", a DP value) plus the set of case ids
it counted, which the differencing check of every later release needs. The set is kept as the cases' clear
workflow ids (16 bytes each, sorted, in one binary column): they say nothing the case row does not already say
(which figures count a case follows from its status and days), and a keyed hash would silently stop matching
after the key was rotated, which would switch the differencing check off without anyone noticing. A figure
counting people ("dependants received") also keeps how many it counted for each of those cases, as
published (``weights``): a dependant recorded later must not change what the check believes was read.
"""

from __future__ import annotations

import re
import struct
import uuid
from collections.abc import Hashable, Iterable, Mapping
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from embrace.approvals.models import Approval
from embrace.myanmar.formats import in_reader_language
from embrace.releases.disclosure import Form, Published


class Breakdown(models.TextChoices):
    NONE = "", _("Programme totals only")
    CHANNEL = "channel", _("By the way the enquiry came")


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", _("Waiting for a second person")
    PUBLISHED = "published", _("Published")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


TITLE_LENGTH = 120


class Release(models.Model):
    """One set of figures for one period, titled in both languages of the public site: the Burmese page
    (the default) shows ``title_my``, the English page ``title_en``; ``title`` is the one for the language
    being shown."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title_my = models.CharField(max_length=TITLE_LENGTH)
    title_en = models.CharField(max_length=TITLE_LENGTH)
    start = models.DateField()
    end = models.DateField()
    breakdown = models.CharField(max_length=10, choices=Breakdown.choices, blank=True, default="")
    private = models.BooleanField(default=False)  # differentially private counts
    epsilon = models.DecimalField(max_digits=6, decimal_places=3, null=True, blank=True)
    status = models.CharField(max_length=10, choices=ReleaseStatus.choices, default=ReleaseStatus.DRAFT)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drafted_on = models.DateField()
    approval = models.OneToOneField(Approval, on_delete=models.PROTECT, null=True, related_name="+")
    # Set once when a second person approves, and never cleared: a withdrawn release was still read, so the
    # differencing check of every later release keeps counting it.
    published_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-drafted_on", "title_en"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="release_period_in_order"),
            models.CheckConstraint(
                condition=Q(private=False) | Q(epsilon__gt=0), name="release_private_has_epsilon"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """The title in the language of the page being drawn."""
        return in_reader_language(self.title_my, self.title_en)


def pack_ids(ids: Iterable[Hashable]) -> bytes:
    """Case ids (their 16 bytes) as one sorted binary value."""
    return b"".join(sorted(ids))  # type: ignore[type-var,arg-type]  # (the ids are bytes)


# Sixteen bytes at a time, split in C: a third quicker than slicing in a Python loop, for the 100,000 ids of
# a year's figures that every draft reads.
_ID = re.compile(rb".{16}", re.DOTALL)


def split_ids(blob: bytes) -> list[bytes]:
    """Consecutive 16-byte ids, in their order."""
    if len(blob) % 16:
        raise ValueError("a set of case ids is a whole number of 16-byte ids")
    return _ID.findall(blob)


def unpack_ids(blob: bytes) -> frozenset[bytes]:
    return frozenset(split_ids(blob))


# A weight is a family's number of dependants: two bytes (up to 65,535) is far beyond any family.
_WEIGHT = struct.Struct(">H")


def pack_weights(weights: Mapping[Hashable, int]) -> bytes:
    """The weights of a figure counting people, one per id in ``pack_ids`` order (sorted ids)."""
    ordered = [weights[case] for case in sorted(weights)]  # type: ignore[type-var]  # (the ids are bytes)
    if any(not 0 <= w <= 0xFFFF for w in ordered):
        raise ValueError("a weight is between 0 and 65,535")
    return struct.pack(f">{len(ordered)}H", *ordered)


def unpack_weights(ids: bytes, weights: bytes) -> dict[bytes, int]:
    """The case ids and weights stored by ``pack_ids`` and ``pack_weights``, as one mapping."""
    if len(ids) // 16 * _WEIGHT.size != len(weights):
        raise ValueError("the weights do not match the case ids")
    return dict(zip(split_ids(ids), struct.unpack(f">{len(ids) // 16}H", weights), strict=True))


class ReleaseFigure(models.Model):
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="figures")
    position = models.PositiveSmallIntegerField()
    key = models.CharField(max_length=40)
    version = models.PositiveIntegerField()
    breakdown = models.CharField(max_length=20, blank=True, default="")  # a channel, or "" for the total
    form = models.CharField(max_length=10, choices=[(f.value, f.value) for f in Form])
    low = models.PositiveIntegerField(default=0)
    high = models.PositiveIntegerField(null=True, blank=True)
    value = models.PositiveIntegerField(null=True, blank=True)
    epsilon = models.DecimalField(max_digits=6, decimal_places=3, null=True, blank=True)
    case_ids = models.BinaryField()
    # For a figure counting people: the people it counted per case, in ``case_ids`` order (``pack_weights``);
    # null for a figure counting cases.
    weights = models.BinaryField(null=True, blank=True)

    class Meta:
        ordering = ["release", "position"]
        constraints = [
            models.UniqueConstraint(fields=["release", "position"], name="release_figure_position"),
        ]

    def __str__(self) -> str:
        return f"{self.key} v{self.version} {self.breakdown}"

    @property
    def published(self) -> Published:
        return Published(Form(self.form), low=self.low, high=self.high, value=self.value)


class PrivacyBudget(models.Model):
    """How much epsilon the DP counts of one definition may spend in one year, and how much they have. The
    database refuses ``spent`` above ``total`` (and below zero), whatever the code above it does."""

    key = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField()
    total = models.DecimalField(max_digits=6, decimal_places=3)
    spent = models.DecimalField(max_digits=6, decimal_places=3, default=Decimal(0))

    class Meta:
        ordering = ["year", "key"]
        constraints = [
            models.UniqueConstraint(fields=["key", "year"], name="privacy_budget_once_per_year"),
            models.CheckConstraint(
                condition=Q(spent__gte=0) & Q(spent__lte=F("total")), name="privacy_budget_not_overspent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.year}: {self.spent}/{self.total}"
