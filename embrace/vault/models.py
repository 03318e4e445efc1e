"""What the vault stores: only public keys and wrapped or sealed private keys, never a usable secret."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class UserKey(models.Model):
    """A staff user's X25519 key pair; the private half wrapped by their password and by a recovery key."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vault_key")
    public_key = models.BinaryField()
    wrapped_by_password = models.BinaryField()
    wrapped_by_recovery = models.BinaryField(null=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"keys of {self.user_id}"


class Compartment(models.Model):
    """A unit of need-to-know: content in it is readable only by holders of its private key."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=32)
    # Days, not times: compartments and grants are made when an enquiry arrives, and the programme keeps
    # only the day of anything an enquirer does.
    created_on = models.DateField(auto_now_add=True)
    destroyed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.id}"

    @property
    def current_key(self) -> CompartmentKey:
        """The newest generation, which new content is sealed to. Queried each time; None once destroyed
        (typed without None so readers of live compartments need no check; writers go through
        ``vault.actions``, which checks)."""
        return self.keys.order_by("-version").first()  # type: ignore[return-value]


class CompartmentKey(models.Model):
    """One generation of a compartment's key pair. Revocation adds a generation; old ones stay for reading."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    compartment = models.ForeignKey(Compartment, on_delete=models.CASCADE, related_name="keys")
    version = models.PositiveIntegerField()
    public_key = models.BinaryField()
    created_on = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["compartment", "version"], name="unique_compartment_key_version")
        ]

    def __str__(self) -> str:
        return f"{self.compartment_id} v{self.version}"


class ReceiptHolder(models.Model):
    """The enquirer's side of a case: a key pair whose private half only their receipt unwraps.

    ``lookup`` is a hash of half of the Argon2id output of the receipt (the other half wraps the private key),
    so the receipt finds its holder without being stored in any form that is cheap to test guesses against.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    lookup = models.CharField(max_length=64, unique=True)
    public_key = models.BinaryField()
    wrapped_private_key = models.BinaryField()

    def __str__(self) -> str:
        return f"receipt holder {self.id}"


class KeyGroup(models.Model):
    """A set of people who share one key pair, so a compartment is sealed to the group, not to each person.

    The vault knows no roles or teams: ``name`` is chosen by the custody app ("team:<uuid>", "custodians" …).
    Joining is one grant of the group's private key; leaving adds a generation the leaver never holds.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=80, unique=True)
    created_on = models.DateField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name

    @property
    def current_key(self) -> GroupKey | None:
        """The newest generation (new compartment generations are sealed to it), or None before the first."""
        return self.keys.order_by("-version").first()


class GroupKey(models.Model):
    """One generation of a group's key pair. Removing a member adds one; old ones stay for reading."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    group = models.ForeignKey(KeyGroup, on_delete=models.CASCADE, related_name="keys")
    version = models.PositiveIntegerField()
    public_key = models.BinaryField()
    created_on = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "version"], name="unique_group_key_version")]

    def __str__(self) -> str:
        return f"{self.group_id} v{self.version}"


class GroupGrant(models.Model):
    """A group key generation's private key, sealed to one member."""

    key = models.ForeignKey(GroupKey, on_delete=models.CASCADE, related_name="holders")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vault_group_grants"
    )
    sealed_private_key = models.BinaryField()
    granted_on = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "user"], name="unique_group_grant_per_user")]

    def __str__(self) -> str:
        return f"{self.key_id} → {self.user_id}"


class Grant(models.Model):
    """A compartment key generation's private key, sealed to one holder: a staff user, a receipt, or a
    group key generation (whose members then read it without a grant of their own)."""

    key = models.ForeignKey(CompartmentKey, on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vault_grants", null=True, blank=True
    )
    receipt = models.ForeignKey(
        ReceiptHolder, on_delete=models.CASCADE, related_name="grants", null=True, blank=True
    )
    group_key = models.ForeignKey(
        GroupKey, on_delete=models.CASCADE, related_name="grants", null=True, blank=True
    )
    sealed_private_key = models.BinaryField()
    granted_on = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "user"], name="unique_grant_per_user"),
            models.UniqueConstraint(fields=["key", "receipt"], name="unique_grant_per_receipt"),
            models.UniqueConstraint(fields=["key", "group_key"], name="unique_grant_per_group_key"),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False, receipt__isnull=True, group_key__isnull=True)
                | models.Q(user__isnull=True, receipt__isnull=False, group_key__isnull=True)
                | models.Q(user__isnull=True, receipt__isnull=True, group_key__isnull=False),
                name="grant_has_one_holder",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.key_id} → {self.user_id or self.receipt_id or self.group_key_id}"
