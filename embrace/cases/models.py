"""A case: one enquirer's file. Only workflow facts are in clear; everything said is in compartments."""

from __future__ import annotations

import contextvars
import secrets
import uuid
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from embrace.accounts.models import Team
from embrace.vault.models import Compartment, ReceiptHolder

# Unambiguous when read aloud or over a bad line: no 0/O, 1/I/L.
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    return "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))


class Status(models.TextChoices):
    ENQUIRY = "enquiry", _("Enquiry")
    DORMANT = "dormant", _("Dormant pre-registration")
    TRIAGE = "triage", _("Triage")
    VETTING = "vetting", _("Vetting")
    PASSAGE_APPROVED = "passage_approved", _("Passage approved")
    PASSAGE_PLANNED = "passage_planned", _("Passage planned")
    IN_TRANSIT = "in_transit", _("In transit")
    ARRIVED = "arrived", _("Arrived")
    SCREENED = "screened", _("Screened")
    REGISTERED = "registered", _("Registered")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    LOST_CONTACT = "lost_contact", _("Lost contact")
    REJECTED = "rejected", _("Rejected (not genuine)")
    DUPLICATE = "duplicate", _("Duplicate")
    QUARANTINED = "quarantined", _("Quarantined (junk)")


class Channel(models.TextChoices):
    """How an enquiry reached the programme: a clear workflow fact, like the status (triage and the public
    figures count by it). What each channel lets others see is said on the case page (embrace.channels)."""

    WEB = "web", _("Web form")
    TELEGRAM = "telegram", _("Telegram")
    MESSENGER = "messenger", _("Facebook Messenger")
    PHONE = "phone", _("Phone call")
    IN_PERSON = "in_person", _("In person")
    REFERRAL = "referral", _("Passed on by a minister or a contact")


# A case is born in one of these; every later status comes from embrace.cases.lifecycle.
INITIAL_STATUSES = frozenset({Status.ENQUIRY, Status.QUARANTINED})
# The fields only the lifecycle may change once a case exists.
LIFECYCLE_FIELDS = ("status", "dormant_until")

_lifecycle_writing: contextvars.ContextVar[bool] = contextvars.ContextVar("lifecycle_writing", default=False)


class LifecycleError(Exception):
    """A step in a case's life is not allowed; the message says why, in words for the user."""


class IllegalTransition(LifecycleError):
    """The case cannot make this move: not from its status, or not by writing the status directly."""


@contextmanager
def lifecycle_write() -> Iterator[None]:
    """For embrace.cases.lifecycle alone: lets the block write a case's status after its own checks.

    This guards against mistakes (a view, a task, a stale copy writing the status), not against hostile code
    in the same process, which could call this too.
    """
    token = _lifecycle_writing.set(True)
    try:
        yield
    finally:
        _lifecycle_writing.reset(token)


def _refuse_lifecycle_fields(fields: Iterable[str]) -> None:
    touched = sorted(set(fields) & set(LIFECYCLE_FIELDS))
    if touched and not _lifecycle_writing.get():
        raise IllegalTransition(
            f"A case's {', '.join(touched)} changes only through embrace.cases.lifecycle, never directly."
        )


def _refuse_creation_in(status: str, dormant_until: Any) -> None:
    if _lifecycle_writing.get():
        return
    if status not in INITIAL_STATUSES or dormant_until is not None:
        raise IllegalTransition(f"A case starts as an enquiry or in quarantine, not as {status!r}.")


def _refuse_deleting_live_cases(cases: models.QuerySet[Case]) -> None:
    # A case that has moved on from where it started ends by a lifecycle step (closing, purging), which
    # keeps its row and its history; only an untouched enquiry or junk may simply vanish.
    if cases.exclude(status__in=INITIAL_STATUSES).exists():
        raise IllegalTransition("A case past its first status cannot be deleted; close or purge it instead.")


class CaseQuerySet(models.QuerySet["Case"]):
    def update(self, **kwargs: Any) -> int:
        _refuse_lifecycle_fields(kwargs)
        return super().update(**kwargs)

    def bulk_update(self, objs: Iterable[Case], fields: Iterable[str], batch_size: int | None = None) -> int:
        # Refused here, before bulk_update's own transaction, which a refusal inside would spoil.
        fields = list(fields)
        _refuse_lifecycle_fields(fields)
        return super().bulk_update(objs, fields, batch_size=batch_size)

    def bulk_create(self, objs: Iterable[Case], *args: Any, **kwargs: Any) -> list[Case]:
        objs = list(objs)
        for case in objs:
            _refuse_creation_in(case.status, case.dormant_until)
        return super().bulk_create(objs, *args, **kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        _refuse_deleting_live_cases(self)
        return super().delete()


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=new_reference)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ENQUIRY, db_index=True)
    # A database default too, so rows written by code that predates the column (older migrations' states,
    # a restore script) are web enquiries rather than refused.
    channel = models.CharField(
        max_length=12, choices=Channel.choices, default=Channel.WEB, db_default=Channel.WEB
    )
    # For an enquiry staff entered (a call, a meeting, a minister passing one on): the staff member who
    # received it. Who typed it in is in the audit log.
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="received_cases",
    )
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases")
    # Coarse on purpose: the day, never the time, an enquirer did something.
    opened_on = models.DateField(db_index=True)
    last_enquirer_on = models.DateField()
    body = models.OneToOneField(Compartment, on_delete=models.PROTECT, related_name="+")
    identity = models.OneToOneField(Compartment, on_delete=models.PROTECT, related_name="+")
    # Internal notes: made on the first note, for the staff who then hold the body key, never the enquirer.
    notes = models.OneToOneField(
        Compartment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The identity-bearing answers of the first enquiry (rank, unit, contact), sealed to ``identity``.
    identity_details = models.BinaryField(null=True)
    receipt = models.OneToOneField(ReceiptHolder, on_delete=models.SET_NULL, null=True, related_name="case")
    # The handler who talks to the enquirer; assigning seals the body compartment to them (cases.actions).
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="handled_cases",
    )
    # Processing markers, not content: text that may be Zawgyi but could not be converted with confidence.
    needs_script_review = models.BooleanField(default=False)
    unread_by_staff = models.PositiveIntegerField(default=0)
    # The day to check back with a dormant enquirer; set exactly while the case is dormant.
    dormant_until = models.DateField(null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    # The lifecycle fields as read from the database, to tell a direct change from an unchanged value.
    _loaded: dict[str, Any]

    class Meta:
        ordering = ["-opened_on", "reference"]
        indexes = [
            # A status list (the search page, the inbox's status filter) in its order, with the id so that a
            # label probe and a page's count read only the index, not the case rows (queries.labelled).
            models.Index(
                fields=["team", "status", "-opened_on", "reference", "id"], name="cases_status_order"
            ),
            # The triage inbox's order, so a page of 100,000 cases is read off the index, not sorted.
            models.Index(fields=["team", "-opened_on", "reference"], name="cases_inbox_order"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="dormant", dormant_until__isnull=False)
                | (~Q(status="dormant") & Q(dormant_until__isnull=True)),
                name="case_dormant_has_checkin_date",
                violation_error_message="A dormant case needs a check-in date; no other case has one.",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Creates a case in an initial status; afterwards never writes the status (see lifecycle)."""
        creating = (
            self._state.adding and not kwargs.get("force_update") and kwargs.get("update_fields") is None
        )
        if creating:
            _refuse_creation_in(self.status, self.dormant_until)
        elif not _lifecycle_writing.get():
            kwargs["update_fields"] = self._fields_outside_lifecycle(kwargs.get("update_fields"))
        super().save(*args, **kwargs)
        self._remember_lifecycle_fields()

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        # The database's status, not this copy's: a stale copy saying "quarantined" must not delete a case.
        _refuse_deleting_live_cases(Case.objects.filter(pk=self.pk))
        return super().delete(*args, **kwargs)

    @classmethod
    def from_db(cls, db: str | None, field_names: Collection[str], values: Collection[Any]) -> Case:
        instance = super().from_db(db, field_names, values)
        instance._remember_lifecycle_fields()
        return instance

    def _remember_lifecycle_fields(self) -> None:
        self._loaded = {name: self.__dict__[name] for name in LIFECYCLE_FIELDS if name in self.__dict__}

    def refresh_from_db(
        self,
        using: str | None = None,
        fields: Iterable[str] | None = None,
        from_queryset: models.QuerySet[Case] | None = None,
    ) -> None:
        fields = list(fields) if fields is not None else None
        super().refresh_from_db(using=using, fields=fields, from_queryset=from_queryset)
        # Only what was read afresh: a status changed on this copy and not reloaded is still a change.
        loaded = getattr(self, "_loaded", {})
        for name in LIFECYCLE_FIELDS:
            if (fields is None or name in fields) and name in self.__dict__:
                loaded[name] = self.__dict__[name]
        self._loaded = loaded

    def _fields_outside_lifecycle(self, update_fields: Iterable[str] | None) -> list[str]:
        if update_fields is None:
            deferred = self.get_deferred_fields()
            fields = [f.attname for f in self._meta.concrete_fields if not f.primary_key]
            update_fields = [name for name in fields if name not in deferred]
        names = list(update_fields)
        loaded = getattr(self, "_loaded", {})
        missing = object()
        changed = [
            name
            for name in LIFECYCLE_FIELDS
            if name in names and self.__dict__.get(name, missing) != loaded.get(name, missing)
        ]
        _refuse_lifecycle_fields(changed)
        # Unchanged lifecycle fields are left out too: a copy read before a transition must not write the
        # old status back over the new one.
        return [name for name in names if name not in LIFECYCLE_FIELDS]


class Sender(models.TextChoices):
    ENQUIRER = "enquirer", _("Enquirer")
    STAFF = "staff", _("Programme")


class Message(models.Model):
    """One message in the thread with the enquirer, sealed in the case's body compartment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveIntegerField()
    sender = models.CharField(max_length=10, choices=Sender.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    sent_on = models.DateField()
    envelope = models.BinaryField()

    class Meta:
        ordering = ["case", "seq"]
        constraints = [models.UniqueConstraint(fields=["case", "seq"], name="unique_message_seq")]

    def __str__(self) -> str:
        return f"{self.case_id} #{self.seq}"


class SealedFile(models.Model):
    """A file stored encrypted in the uploads folder under a random name (``actions.write_sealed_file``).
    Type and size are sealed inside ``meta``; the clear size of the ciphertext is all the disk shows."""

    meta = models.BinaryField()
    stored_name = models.CharField(max_length=64, unique=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.stored_name


class Attachment(SealedFile):
    """A file (a photo) attached to a message."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")


class IdentifierKind(models.TextChoices):
    PHONE = "phone", _("Phone number")
    SERVICE_NUMBER = "service_number", _("Service number")
    NAME = "name", _("Name")


class IdentifierIndex(models.Model):
    """A blind index entry: the keyed digest of one normalised identifier of a case (embrace.vault.blind).

    The identifier itself is only in the case's sealed identity compartment; this row says only that the
    case has *some* identifier of this kind, and lets cases that share one find each other.
    """

    # Deleting a case deletes its entries: a purged case must not keep linking others.
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="identifier_index")
    kind = models.CharField(max_length=20, choices=IdentifierKind.choices)
    digest = models.CharField(max_length=32)
    created_on = models.DateField()

    class Meta:
        constraints = [
            # Also the index that lists one case's entries.
            models.UniqueConstraint(fields=["case", "kind", "digest"], name="unique_case_identifier"),
        ]
        # Digest first: a duplicate check looks up "this digest, any case", with or without its kind.
        indexes = [models.Index(fields=["digest", "kind"], name="cases_identifier_lookup")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind}"


class CaseTransition(models.Model):
    """One step of a case's life, written by embrace.cases.lifecycle in the step's own transaction.

    The database enforces what it can see: steps of a case are numbered without gaps in two (two people moving
    the same case at once cannot both succeed), and one approval carries out one step only. Who may take a
    step, and from which status, it cannot see: that is the lifecycle's table.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="transitions")
    seq = models.PositiveIntegerField()
    name = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    approval = models.OneToOneField(
        "approvals.Approval", on_delete=models.PROTECT, null=True, blank=True, related_name="case_transition"
    )
    # Staff steps, but the day is enough here; the audit entry of the step has the time.
    made_on = models.DateField()

    class Meta:
        ordering = ["case", "seq"]
        constraints = [models.UniqueConstraint(fields=["case", "seq"], name="unique_case_transition_seq")]

    def __str__(self) -> str:
        return f"{self.case_id} #{self.seq} {self.name}"


class Label(models.Model):
    """A short staff tag on cases ("pilot", "navy", "urgent"): workflow metadata, kept in clear to filter by.

    Labels are chosen by staff, so they must not repeat identifying content: say "navy", never a name or unit.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="labels")
    name = models.SlugField(max_length=40)
    cases = models.ManyToManyField(Case, related_name="labels", blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["team", "name"], name="unique_label_per_team")]

    def __str__(self) -> str:
        return self.name


class Dependant(models.Model):
    """A spouse, child or parent linked to a case. Who they are, where, their risk and plan: sealed to the
    case's identity compartment. Only the relation's kind is in clear, so plans can count seats."""

    class Relation(models.TextChoices):
        SPOUSE = "spouse", _("Spouse")
        CHILD = "child", _("Child")
        PARENT = "parent", _("Parent")
        SIBLING = "sibling", _("Sibling")
        OTHER = "other", _("Other")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="dependants")
    relation = models.CharField(max_length=10, choices=Relation.choices)
    details = models.BinaryField()
    recorded_on = models.DateField()

    def __str__(self) -> str:
        return f"{self.relation} of {self.case_id}"


class Note(models.Model):
    """An internal note on a case: sealed to the case's ``notes`` compartment, which staff hold and the
    enquirer's receipt never does, so no note can ever show on the enquirer's side."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes_written")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_on = models.DateField()
    envelope = models.BinaryField()

    class Meta:
        ordering = ["case", "written_on", "id"]

    def __str__(self) -> str:
        return f"note on {self.case_id}"


class IdentifierSearchCount(models.Model):
    """How many identifier searches a staff member made in the current window: the rate limit's counter.

    One row per person, rewritten in place; it says how often someone searched, never for what (the audit
    entry of each search holds a keyed fingerprint of the query, not the identifier).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.count}"
