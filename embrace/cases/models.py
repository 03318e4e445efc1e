"""A case: one enquirer's file. Only workflow facts are in clear; everything said is in compartments."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models

from embrace.accounts.models import Team
from embrace.vault.models import Compartment, ReceiptHolder

# Unambiguous when read aloud or over a bad line: no 0/O, 1/I/L.
_REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    return "".join(secrets.choice(_REFERENCE_ALPHABET) for _ in range(8))


class Status(models.TextChoices):
    ENQUIRY = "enquiry", "Enquiry"
    DORMANT = "dormant", "Dormant pre-registration"
    TRIAGE = "triage", "Triage"
    VETTING = "vetting", "Vetting"
    PASSAGE_APPROVED = "passage_approved", "Passage approved"
    PASSAGE_PLANNED = "passage_planned", "Passage planned"
    IN_TRANSIT = "in_transit", "In transit"
    ARRIVED = "arrived", "Arrived"
    SCREENED = "screened", "Screened"
    REGISTERED = "registered", "Registered"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    LOST_CONTACT = "lost_contact", "Lost contact"
    REJECTED = "rejected", "Rejected (not genuine)"
    DUPLICATE = "duplicate", "Duplicate"
    QUARANTINED = "quarantined", "Quarantined (junk)"


class Case(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=new_reference)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ENQUIRY, db_index=True)
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="cases")
    # Coarse on purpose: the day, never the time, an enquirer did something.
    opened_on = models.DateField(db_index=True)
    last_enquirer_on = models.DateField()
    body = models.OneToOneField(Compartment, on_delete=models.PROTECT, related_name="+")
    identity = models.OneToOneField(Compartment, on_delete=models.PROTECT, related_name="+")
    # The identity-bearing answers of the first enquiry (rank, unit, contact), sealed to ``identity``.
    identity_details = models.BinaryField(null=True)
    receipt = models.OneToOneField(ReceiptHolder, on_delete=models.SET_NULL, null=True, related_name="case")
    # The handler who talks to the enquirer; assigning seals the body compartment to them (cases.actions).
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="handled_cases"
    )
    # Processing markers, not content: text that may be Zawgyi but could not be converted with confidence.
    needs_script_review = models.BooleanField(default=False)
    unread_by_staff = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-opened_on", "reference"]
        indexes = [models.Index(fields=["team", "status", "-opened_on"])]

    def __str__(self) -> str:
        return self.reference


class Sender(models.TextChoices):
    ENQUIRER = "enquirer", "Enquirer"
    STAFF = "staff", "Programme"


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


class Attachment(models.Model):
    """A file (a photo) attached to a message: stored encrypted in the uploads folder under a random name."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    # Type and size are sealed inside ``meta``; the clear size of the ciphertext is all the disk shows.
    meta = models.BinaryField()
    stored_name = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return self.stored_name


class IdentifierKind(models.TextChoices):
    PHONE = "phone", "Phone number"
    SERVICE_NUMBER = "service_number", "Service number"
    NAME = "name", "Name"


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
