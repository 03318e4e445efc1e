"""The channels' records: contacts found by blind index, updates already seen, the outbox and photos to fetch.

Nothing here is readable at rest. An account identifier (a Telegram chat id, a Messenger page-scoped id) is
kept only as a keyed digest (to find the case again) and sealed to the case's body compartment (so whoever
answers the enquirer can address them). What waits to be sent or fetched is sealed to the outbox key, whose
private half is a secret outside the database, and is emptied as soon as it has been sent or given up.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from embrace.cases.models import Case, Channel, Message

# The channels an enquirer writes on and we answer on; staff-entered channels (a call, a meeting) have no
# account to answer.
CHAT_CHANNELS = [(c.value, c.label) for c in (Channel.TELEGRAM, Channel.MESSENGER)]


class Contact(models.Model):
    """One account on a chat channel and the case its messages go to."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    channel = models.CharField(max_length=12, choices=CHAT_CHANNELS)
    # embrace.vault.blind.blind_index of the account identifier: finds the case, reveals nothing.
    digest = models.CharField(max_length=32)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    # The account identifier, sealed to the case's body compartment: opened in a staff member's session
    # to answer, never by the server alone.
    address = models.BinaryField()
    # The language the bot speaks to this person ("my" or "en"), and which of its questions comes next.
    language = models.CharField(max_length=5, default="my")
    step = models.PositiveSmallIntegerField(default=0)
    # The person blocked the bot or deleted their account: nothing more is sent until they write again.
    unreachable = models.BooleanField(default=False)
    created_on = models.DateField()
    # The day they last wrote on this channel (a day, like the case's dates, never a time): Messenger lets
    # the page answer freely for 24 hours after a message, and later only as a human agent.
    last_inbound_on = models.DateField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["channel", "digest"], name="unique_channel_contact"),
        ]

    def __str__(self) -> str:
        return f"{self.channel} contact of {self.case_id}"


class SeenUpdate(models.Model):
    """An update already stored, so a webhook delivered twice stores it once.

    ``key`` is the channel's own update number (Telegram's update_id) or a keyed digest of its message id
    (Messenger's mid): never anything that names the person. Forgotten after ``expires_on``.
    """

    channel = models.CharField(max_length=12, choices=CHAT_CHANNELS)
    key = models.CharField(max_length=64)
    expires_on = models.DateField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["channel", "key"], name="unique_seen_update")]

    def __str__(self) -> str:
        return f"{self.channel}:{self.key}"


class Delivery(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be sent")
    # The worker stopped while sending: it may or may not have arrived, and it is not sent again (a message
    # sent twice is worse than one the handler is told to check).
    UNCERTAIN = "uncertain", _("May not have arrived")


class Outgoing(models.Model):
    """A message on its way out to an enquirer's chat account: the outbox the task worker drains."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="outgoing")
    # The staff message this delivers; null for the bot's own notices.
    message = models.ForeignKey(Message, on_delete=models.CASCADE, null=True, related_name="deliveries")
    # The address and what to send, sealed to the outbox key; emptied once sent or given up.
    payload = models.BinaryField(null=True)
    status = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    not_before = models.DateTimeField()
    # Why it failed, in words for the handler; never content.
    failure = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["status", "not_before"], name="channels_outbox_due")]

    def __str__(self) -> str:
        return f"outgoing {self.pk} ({self.status})"


class InboundFile(models.Model):
    """A photo an enquirer sent on a channel, still to be fetched, cleaned and sealed to its message."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="inbound_files")
    # The channel's reference to the file (Telegram file_id, Messenger attachment URL), sealed to the outbox
    # key; emptied once fetched or given up.
    ref = models.BinaryField(null=True)
    status = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    not_before = models.DateTimeField()
    failure = models.CharField(max_length=200, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "not_before"], name="channels_fetch_due")]

    def __str__(self) -> str:
        return f"inbound file {self.pk} ({self.status})"


class Switch(models.Model):
    """Whether a chat channel takes messages. Enabling it takes two administrators; pausing, one."""

    channel = models.CharField(max_length=12, choices=CHAT_CHANNELS, primary_key=True)
    enabled = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.channel}: {'on' if self.enabled else 'paused'}"
