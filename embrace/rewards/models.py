"""Rewards: the published schedule, claims against it, tranches, stipends, payments and the ledger.

What the database itself guarantees, so that no view, task or stale object can break it:
- one person takes one part in a claim (``Participant``: unique per claim and user);
- a physical asset is held by at most one live claim item (``ClaimItem``: partial unique blind index);
- a tranche's two approvers differ; a payment's releaser is neither of the people who approved what it pays;
- a tranche share or a stipend is paid at most once (partial unique index over unreversed payments);
- the ledger is append-only (``Journal`` and ``Line`` refuse updates and deletes, and so do triggers in the
  database) and every journal is reversed at most once (a one-to-one link).
That every journal balances is checked by ``embrace.rewards.ledger.post``, the only writer of lines, and
re-checked by ``ledger.verify`` (``embrace rewards verify``) and the tests.

Amounts are integers of the currency's minor unit (``embrace.rewards.money``). Clear text here is limited to
workflow: references, statuses, amounts, days. What a claim says (what was brought, the evidence, the asset's
number) and where a payment went are sealed to the case's finance compartment.
"""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from embrace.cases.models import Case, SealedFile, new_reference
from embrace.myanmar.formats import in_reader_language
from embrace.rewards.money import Currency
from embrace.vault.models import Compartment


class AppendOnly(Exception):
    """A record others rely on (the ledger, a published schedule) is never edited; corrections are new."""


# --- The published schedule ---------------------------------------------------------------------------------


class PublishedVersion(models.Model):
    """Versioned data that one committee member proposes and another publishes (a schedule, a stipend rate).
    A published version is what claims and stipends were judged against: never changed or deleted again, a
    correction is a newer version."""

    noun = "version"  # in the refusals' words

    # Set once a second committee member approved it.
    published = models.BooleanField(default=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approval = models.OneToOneField(
        "approvals.Approval", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Publishing writes an unpublished row; after that the version is what others were judged against.
        if self.pk is not None and self._is_published():
            raise AppendOnly(f"A published {self.noun} is never changed; propose a new version.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self._is_published():
            raise AppendOnly(f"A published {self.noun} is never deleted; propose a new version.")
        return super().delete(*args, **kwargs)

    def _is_published(self) -> bool:
        return type(self)._default_manager.filter(pk=self.pk, published=True).exists()


class Schedule(PublishedVersion):
    objects: models.Manager[Schedule]
    noun = "schedule"

    title = models.CharField(max_length=120)
    # Unique among published versions only: a refused proposal must not hold its date for ever.
    effective_from = models.DateField()
    announced_on = models.DateField()

    class Meta:
        ordering = ["-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["effective_from"], condition=Q(published=True), name="one_published_schedule_per_day"
            )
        ]

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

    def save(self, *args: Any, **kwargs: Any) -> None:
        if Schedule.objects.filter(pk=self.schedule_id, published=True).exists():
            raise AppendOnly("The entries of a published schedule are never changed; propose a new version.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if Schedule.objects.filter(pk=self.schedule_id, published=True).exists():
            raise AppendOnly("The entries of a published schedule are never deleted; propose a new version.")
        return super().delete(*args, **kwargs)

    # Grouped with commas in every language: Django's Burmese number format has no grouping, and
    # "1000000000" is hard to read at a glance.
    @property
    def usd_display(self) -> str:
        return f"{self.amount_usd:,.0f}" if self.amount_usd is not None else ""

    @property
    def mmk_display(self) -> str:
        return f"{self.amount_mmk:,.0f}" if self.amount_mmk is not None else ""

    @property
    def title(self) -> str:
        """The entry's title in the reader's language (the schedule is published in both)."""
        return in_reader_language(self.title_my, self.title_en)


def schedule_in_force(on: datetime.date | None = None) -> Schedule | None:
    on = on or datetime.date.today()
    return Schedule.objects.filter(published=True, effective_from__lte=on).order_by("-effective_from").first()


# --- The ledger -------------------------------------------------------------------------------------------


class _AppendOnlyQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("Ledger rows are never changed; post a reversing journal instead.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("Ledger rows are never deleted; post a reversing journal instead.")


class _AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnly("Ledger rows are never changed; post a reversing journal instead.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("Ledger rows are never deleted; post a reversing journal instead.")


class Account(models.TextChoices):
    CASH = "cash", _("Funds held")
    DONATIONS = "donations", _("Funds received")
    REWARDS = "rewards", _("Rewards")
    REWARDS_OWED = "rewards_owed", _("Rewards owed")
    STIPENDS = "stipends", _("Stipends")
    STIPENDS_OWED = "stipends_owed", _("Stipends owed")
    # A trading account: a payment in another currency than the one owed passes through it, so that each
    # journal balances in every currency it touches (the gain or loss on rates collects here).
    EXCHANGE = "exchange", _("Currency exchange")


class JournalKind(models.TextChoices):
    DONATION = "donation", _("Funds received")
    REWARD_OWED = "reward_owed", _("Reward tranche approved")
    REWARD_PAID = "reward_paid", _("Reward paid")
    STIPEND_OWED = "stipend_owed", _("Stipend approved")
    STIPEND_PAID = "stipend_paid", _("Stipend paid")
    REVERSAL = "reversal", _("Reversal")


class LedgerHead(models.Model):
    """One row: the number of the last journal. Posting locks it, so postings are numbered without gaps and
    one at a time, on PostgreSQL as on SQLite."""

    last_number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"ledger head at {self.last_number}"


class Journal(_AppendOnlyModel):
    """One posting: lines that balance in every currency. Written only by ``ledger.post``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # A gapless running number, given under the ledger lock: the order postings were made in.
    number = models.PositiveBigIntegerField(unique=True)
    kind = models.CharField(max_length=16, choices=JournalKind.choices)
    posted_on = models.DateField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Staff words about the posting (a donor's code, why a payment was reversed); never a defector's name.
    memo = models.CharField(max_length=200, blank=True)
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by"
    )

    objects = _AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="reversal", reverses__isnull=False)
                | (~Q(kind="reversal") & Q(reverses=None)),
                name="journal_reversal_names_what_it_reverses",
            )
        ]

    def __str__(self) -> str:
        return f"journal {self.number} ({self.kind})"


class Line(_AppendOnlyModel):
    """One side of a posting: a debit (positive) or a credit (negative) to one account in one currency."""

    journal = models.ForeignKey(Journal, on_delete=models.PROTECT, related_name="lines")
    account = models.CharField(max_length=16, choices=Account.choices)
    currency = models.CharField(max_length=3, choices=Currency.choices)
    amount_minor = models.BigIntegerField()
    # Dimensions for the finance views: which case is owed or paid, under which schedule entry.
    case = models.ForeignKey(Case, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    objects = _AppendOnlyQuerySet.as_manager()

    class Meta:
        constraints = [models.CheckConstraint(condition=~Q(amount_minor=0), name="line_not_zero")]
        indexes = [models.Index(fields=["account", "currency"], name="ledger_line_account")]

    def __str__(self) -> str:
        return f"{self.account} {self.amount_minor} {self.currency}"


# --- Claims -----------------------------------------------------------------------------------------------


class FinanceFile(models.Model):
    """A case's finance compartment: claim details, evidence and payment channels, sealed."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="finance_file")
    compartment = models.OneToOneField(Compartment, on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"finance file of {self.case_id}"


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved (every tranche)")
    PAID = "paid", _("Paid")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Claim(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=new_reference)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="claims")
    status = models.CharField(max_length=12, choices=ClaimStatus.choices, default=ClaimStatus.DRAFT)
    opened_on = models.DateField()
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_on = models.DateField(null=True, blank=True)
    verified_on = models.DateField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    valued_on = models.DateField(null=True, blank=True)
    valued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The sealed reason for a rejection or withdrawal (it may describe the evidence).
    closing_note = models.BinaryField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_on", "reference"]
        constraints = [
            models.CheckConstraint(
                condition=Q(verified_by__isnull=True) | ~Q(verified_by=F("opened_by")),
                name="claim_verifier_not_claimant_handler",
            ),
            models.CheckConstraint(
                condition=Q(valued_by__isnull=True)
                | (
                    ~Q(valued_by=F("opened_by"))
                    & (Q(verified_by__isnull=True) | ~Q(valued_by=F("verified_by")))
                ),
                name="claim_valuer_took_no_other_part",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in (ClaimStatus.DRAFT, ClaimStatus.SUBMITTED, ClaimStatus.APPROVED)


class Part(models.TextChoices):
    HANDLER = "handler", _("Claimed (handler)")
    VERIFIER = "verifier", _("Verified")
    VALUER = "valuer", _("Valued")
    APPROVER = "approver", _("Approved tranches (committee)")
    PAYER = "payer", _("Released payments (finance)")


class Participant(models.Model):
    """Who took which part in a claim. The unique constraint is the separation of duties itself: once
    someone has a part in a claim, any other part they try fails in the database, whatever the code did."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    part = models.CharField(max_length=10, choices=Part.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim", "user"], name="one_part_per_person_per_claim")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.part} {self.claim_id}"


class AssetKind(models.TextChoices):
    TAIL = "tail", _("Tail number (aircraft)")
    HULL = "hull", _("Hull number (vessel)")
    SERIAL = "serial", _("Serial number")


class ClaimItem(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="items")
    # The entry in force on the day of the act: a later schedule never moves it.
    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="claim_items")
    act_on = models.DateField()
    quantity = models.PositiveSmallIntegerField(default=1)
    asset_kind = models.CharField(max_length=8, choices=AssetKind.choices, blank=True)
    # Blind index of the asset's number (``vault.blind``); held while the claim may still be paid or was paid.
    asset_digest = models.CharField(max_length=32, null=True, blank=True)
    asset_held = models.BooleanField(default=True)
    # Sealed JSON: what it is, the asset's number, the evidence.
    details = models.BinaryField()
    # Set by the valuer, in US cents.
    value_minor = models.BigIntegerField(null=True, blank=True)
    added_on = models.DateField()

    class Meta:
        ordering = ["claim", "added_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["asset_digest"],
                condition=Q(asset_held=True, asset_digest__isnull=False),
                name="asset_claimed_once",
                violation_error_message="This asset is already claimed.",
            ),
            models.CheckConstraint(condition=Q(value_minor__gte=0), name="item_value_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.entry.code} x {self.quantity}"


class EvidencePhoto(SealedFile):
    """A photo of a claim item's evidence (the aircraft, its logbook), cleaned of metadata like an enquirer's
    and sealed to the case's ``finance`` compartment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(ClaimItem, on_delete=models.CASCADE, related_name="photos")


class Share(models.Model):
    """A claimant's share of an item, in basis points of the whole: a crew that brought one aircraft out
    shares it between their cases. An item's shares sum to 10,000 (checked when the claim is submitted)."""

    item = models.ForeignKey(ClaimItem, on_delete=models.CASCADE, related_name="shares")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    basis_points = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "case"], name="one_share_per_case_per_item"),
            models.CheckConstraint(
                condition=Q(basis_points__gte=1, basis_points__lte=10000), name="share_within_whole"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.basis_points / 100:.2f}% to {self.case_id}"


class TrancheCondition(models.TextChoices):
    ARRIVAL = "arrival", _("On arrival")
    VERIFICATION = "verification", _("After verification")


class TrancheStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ASKED = "asked", _("Awaiting a second committee member")
    APPROVED = "approved", _("Approved")
    PAID = "paid", _("Paid")
    CANCELLED = "cancelled", _("Cancelled")


class Tranche(models.Model):
    """Part of a claim's value, released on a condition, approved by two committee members."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="tranches")
    position = models.PositiveSmallIntegerField()
    condition = models.CharField(max_length=12, choices=TrancheCondition.choices)
    amount_minor = models.BigIntegerField()  # US cents
    status = models.CharField(max_length=10, choices=TrancheStatus.choices, default=TrancheStatus.PLANNED)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_on = models.DateField(null=True, blank=True)
    owed = models.OneToOneField(Journal, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["claim", "position"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "position"], name="unique_tranche_position"),
            models.CheckConstraint(condition=Q(amount_minor__gt=0), name="tranche_positive"),
            models.CheckConstraint(
                condition=Q(approved_by__isnull=True)
                | (Q(asked_by__isnull=False) & ~Q(approved_by=F("asked_by"))),
                name="tranche_two_approvers",
                violation_error_message="A tranche needs two different committee members.",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "paid"])
                | Q(approved_by__isnull=False, owed__isnull=False),
                name="tranche_approved_is_owed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} tranche {self.position}"


# --- Stipends ---------------------------------------------------------------------------------------------


class StipendRate(PublishedVersion):
    """The monthly stipend, as versioned data: a base per case plus an amount per dependant. One committee
    member proposes a rate from the first day of a coming month, another publishes it
    (``embrace.rewards.stipend_rates``)."""

    objects: models.Manager[StipendRate]
    noun = "stipend rate"

    # The first day of a month; unique among published rates only, so a refused proposal frees its month.
    effective_from = models.DateField()
    currency = models.CharField(max_length=3, choices=Currency.choices)
    base_minor = models.BigIntegerField()
    per_dependant_minor = models.BigIntegerField()

    class Meta:
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(base_minor__gt=0, per_dependant_minor__gte=0), name="stipend_rate_positive"
            ),
            models.UniqueConstraint(
                fields=["effective_from"],
                condition=Q(published=True),
                name="one_published_stipend_rate_per_day",
            ),
        ]

    def __str__(self) -> str:
        return f"stipend rate from {self.effective_from}"


class StipendStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    PAID = "paid", _("Paid")
    REFUSED = "refused", _("Refused")


class Stipend(models.Model):
    """One month's support for one arrived case, proposed by the monthly job, paid only once approved."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="stipends")
    month = models.DateField()  # the first day of the month it is for
    currency = models.CharField(max_length=3, choices=Currency.choices)
    amount_minor = models.BigIntegerField()
    dependants = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=10, choices=StipendStatus.choices, default=StipendStatus.PROPOSED)
    proposed_on = models.DateField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_on = models.DateField(null=True, blank=True)
    owed = models.OneToOneField(Journal, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-month", "case"]
        constraints = [
            models.UniqueConstraint(fields=["case", "month"], name="one_stipend_per_case_per_month"),
            models.CheckConstraint(condition=Q(amount_minor__gt=0), name="stipend_positive"),
            models.CheckConstraint(
                condition=~Q(status__in=["approved", "paid"])
                | Q(approved_by__isnull=False, owed__isnull=False),
                name="stipend_approved_is_owed",
            ),
        ]

    def __str__(self) -> str:
        return f"stipend {self.month:%Y-%m} for {self.case_id}"


# --- Payments ---------------------------------------------------------------------------------------------


class Payment(models.Model):
    """Money handed over for one case's share of a tranche, or one stipend. The system records payments; it
    does not move money: the channel is an opaque reference, sealed to the finance compartment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    tranche = models.ForeignKey(
        Tranche, on_delete=models.PROTECT, null=True, blank=True, related_name="payments"
    )
    stipend = models.ForeignKey(
        Stipend, on_delete=models.PROTECT, null=True, blank=True, related_name="payments"
    )
    owed_currency = models.CharField(max_length=3, choices=Currency.choices)
    owed_minor = models.BigIntegerField()
    currency = models.CharField(max_length=3, choices=Currency.choices)
    amount_minor = models.BigIntegerField()
    # Units of ``currency`` per unit of ``owed_currency`` (1 when they are the same), and where it came from.
    rate = models.DecimalField(max_digits=20, decimal_places=8)
    rate_source = models.CharField(max_length=120)
    channel = models.BinaryField()
    paid_on = models.DateField()
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Copied from what it pays, so that the database itself refuses a releaser who approved it.
    approved_by_1 = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approved_by_2 = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    journal = models.OneToOneField(Journal, on_delete=models.PROTECT, related_name="+")
    reversed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-paid_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(tranche__isnull=False, stipend__isnull=True)
                | Q(tranche__isnull=True, stipend__isnull=False),
                name="payment_pays_one_thing",
            ),
            models.CheckConstraint(
                condition=~Q(released_by=F("approved_by_1"))
                & (Q(approved_by_2__isnull=True) | ~Q(released_by=F("approved_by_2"))),
                name="payment_not_released_by_approver",
                violation_error_message="No one may release a payment they approved.",
            ),
            models.CheckConstraint(
                condition=Q(owed_minor__gt=0, amount_minor__gt=0), name="payment_positive"
            ),
            models.UniqueConstraint(
                fields=["tranche", "case"],
                condition=Q(reversed=False, tranche__isnull=False),
                name="tranche_share_paid_once",
                violation_error_message="This share of the tranche is already paid.",
            ),
            models.UniqueConstraint(
                fields=["stipend"],
                condition=Q(reversed=False, stipend__isnull=False),
                name="stipend_paid_once",
                violation_error_message="This stipend is already paid.",
            ),
        ]

    def __str__(self) -> str:
        return f"payment {self.pk}"
