"""What the vault stores: only public keys and wrapped or sealed private keys, never a usable secret."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy


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


# --- Break-glass: the organisation recovery key -------------------------------------------------------------


class RecoveryKey(models.Model):
    """The organisation recovery key. Its public half receives a copy of every group key generation; its
    private half exists only as k-of-n SLIP-39 shares written down by named trustees, never in the database.

    ``share_set`` is the SLIP-39 identifier written into every share of this key: it tells a share of this
    key from one of an earlier, retired key, and says nothing about the secret.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    public_key = models.BinaryField()
    threshold = models.PositiveSmallIntegerField()
    share_set = models.PositiveIntegerField()
    created_on = models.DateField(auto_now_add=True)
    # A replaced key is retired: its copies of group keys are deleted, its shares open nothing any more.
    current = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["current"], condition=models.Q(current=True), name="one_current_recovery_key"
            ),
            models.CheckConstraint(
                condition=models.Q(threshold__gte=2), name="recovery_threshold_at_least_two"
            ),
        ]

    def __str__(self) -> str:
        return f"recovery key {self.id}"


class Trustee(models.Model):
    """A named holder of one share of a recovery key. The share waits here, sealed to the trustee's own public
    key, only until they confirm they wrote it down; then only their paper has it."""

    recovery_key = models.ForeignKey(RecoveryKey, on_delete=models.CASCADE, related_name="trustees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="vault_trusteeships"
    )
    # The SLIP-39 member index of this trustee's share: a share entered later must be their own, so one
    # trustee who copied another's paper still counts once.
    member_index = models.PositiveSmallIntegerField()
    sealed_share = models.BinaryField(null=True)
    written_down_on = models.DateField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["recovery_key", "user"], name="one_share_per_trustee"),
            models.UniqueConstraint(fields=["recovery_key", "member_index"], name="one_trustee_per_share"),
        ]

    def __str__(self) -> str:
        return f"trustee {self.user_id} of {self.recovery_key_id}"


class RecoveryGrant(models.Model):
    """A group key generation's private key, sealed to the recovery public key."""

    group_key = models.ForeignKey(GroupKey, on_delete=models.CASCADE, related_name="recovery_grants")
    recovery_key = models.ForeignKey(RecoveryKey, on_delete=models.CASCADE, related_name="grants")
    sealed_private_key = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["group_key", "recovery_key"], name="one_recovery_grant_per_generation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group_key_id} → recovery {self.recovery_key_id}"


class RestoreStatus(models.TextChoices):
    OPEN = "open", gettext_lazy("Waiting for shares")
    COMPLETED = "completed", gettext_lazy("Restored")
    CANCELLED = "cancelled", gettext_lazy("Cancelled")


class Restore(models.Model):
    """A break-glass restore of one group's keys to one recipient, open until k trustees' shares are in and
    the recipient completes it. Holds ids and, until it closes, shares sealed to the recipient."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recovery_key = models.ForeignKey(RecoveryKey, on_delete=models.PROTECT, related_name="restores")
    group = models.ForeignKey(KeyGroup, on_delete=models.PROTECT, related_name="restores")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Staff text about the request, not content (like an approval's reason).
    reason = models.CharField(max_length=500)
    status = models.CharField(max_length=16, choices=RestoreStatus.choices, default=RestoreStatus.OPEN)
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        constraints = [
            # Two people at least besides the trustees: whoever asks does not receive.
            models.CheckConstraint(
                condition=~models.Q(recipient=models.F("opened_by")), name="restore_not_to_opener"
            ),
            models.UniqueConstraint(
                fields=["group"], condition=models.Q(status="open"), name="one_open_restore_per_group"
            ),
        ]

    def __str__(self) -> str:
        return f"restore of {self.group_id} to {self.recipient_id}: {self.status}"


class RestoreShare(models.Model):
    """One trustee's share entered for a restore, sealed at once to the recipient's public key; the sealed
    copy is emptied when the restore closes, the row stays to show who took part."""

    restore = models.ForeignKey(Restore, on_delete=models.CASCADE, related_name="shares")
    trustee = models.ForeignKey(Trustee, on_delete=models.PROTECT, related_name="restore_shares")
    sealed_share = models.BinaryField(null=True)
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["restore", "trustee"], name="one_share_per_trustee_per_restore")
        ]

    def __str__(self) -> str:
        return f"share of {self.trustee_id} for {self.restore_id}"
