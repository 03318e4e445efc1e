"""The outbox: staff replies queued to an enquirer's chat account, and photos waiting to be fetched.

A reply written on the case page is stored on the case as before (``cases.actions.reply_to_enquirer``).
When the case came by a chat channel, the same transaction also opens the chat address with the writer's
keyring (``Contact.address`` is sealed to the case's body compartment: no server-side key opens it), and
seals the address and the reply to the outbox key in an ``Outgoing`` row. Photos go beside it as files
sealed to the same key (a photo is too large for a database row). Only the row's id reaches the task queue,
once the transaction has committed; the worker (``embrace.channels.delivery``) opens, sends and empties it.

``ChannelOutbound`` is what ``ChannelsConfig.ready()`` registers in ``embrace.cases.outbound``, so the case
views reach this module without importing the channels app.
"""

from __future__ import annotations

import io
import json
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.models import Attachment, Channel
from embrace.cases.outbound import DeliveryState
from embrace.channels import telegram_api
from embrace.channels.models import CHAT_CHANNELS, Contact, Delivery, InboundFile, Outgoing
from embrace.vault.keyring import NoAccess
from embrace.vault.outbox import open_outbox, seal_for_outbox, seal_stream_for_outbox

if TYPE_CHECKING:
    from embrace.accounts.models import User
    from embrace.cases.actions import Photo
    from embrace.cases.models import Case, Message
    from embrace.vault.keyring import Keyring

_CHAT = [value for value, _label in CHAT_CHANNELS]
NO_ADDRESS_KEY = gettext_noop("your keys do not open the chat address")
PHOTOS_ON_WEBSITE = gettext_noop(
    "photos are not sent on Messenger: they see them on the website with their receipt"
)


def outbox_dir() -> Path:
    """Where photos waiting to be sent are kept, each sealed to the outbox key, one folder per row."""
    return Path(settings.UPLOADS_DIR) / "outbox"


def photo_path(outgoing_id: uuid.UUID | str, index: int) -> Path:
    return outbox_dir() / str(outgoing_id) / f"{index}.sealed"


def forget_photos(outgoing_id: uuid.UUID | str) -> None:
    """Delete a row's sealed photos: once sent or given up, nothing of it stays on disk."""
    shutil.rmtree(outbox_dir() / str(outgoing_id), ignore_errors=True)


def chat_contact(case: Case) -> Contact | None:
    return Contact.objects.filter(case=case, channel__in=_CHAT).order_by("created_on").first()


def _write_photos(outgoing_id: uuid.UUID, photos: Sequence[Photo]) -> list[str]:
    names = []
    for index, photo in enumerate(photos):
        path = photo_path(outgoing_id, index)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with open(path, "wb") as sink:
            seal_stream_for_outbox(io.BytesIO(photo.data), sink)
        names.append(path.name)
    return names


def queue_outgoing(
    contact: Contact,
    message: Message,
    text: str,
    photos: Sequence[Photo],
    *,
    keyring: Keyring,
    actor: User | None,
    event: Event = Event.CHANNEL_REPLY_QUEUED,
) -> Outgoing:
    """Queue ``message`` (its text and photos) for ``contact``'s chat account. One transaction, audited; the
    delivery task is enqueued, with the row's id only, once it commits.

    Raises ``NoAccess`` if ``keyring`` cannot open the chat address (nothing is then queued)."""
    now = timezone.now()
    with transaction.atomic():
        if contact.unreachable:
            # The person blocked the bot: nothing is sent, and the case page says so at once.
            outgoing = Outgoing.objects.create(
                contact=contact,
                message=message,
                payload=None,
                status=Delivery.FAILED,
                failure=telegram_api.BLOCKED,
                not_before=now,
            )
        else:
            address = keyring.open(bytes(contact.address)).decode()
            outgoing_id = uuid.uuid4()
            try:
                # The Send API client sends text only: a Messenger reply's photos stay on the case, where
                # the person reads them on the website with their receipt (the case page says so).
                names = _write_photos(outgoing_id, photos) if contact.channel != Channel.MESSENGER else []
                payload = {"channel": contact.channel, "to": address, "text": text, "photos": names}
                outgoing = Outgoing.objects.create(
                    id=outgoing_id,
                    contact=contact,
                    message=message,
                    payload=seal_for_outbox(json.dumps(payload, ensure_ascii=False).encode()),
                    not_before=now,
                )
            except BaseException:
                forget_photos(outgoing_id)
                raise
            transaction.on_commit(lambda: _enqueue(outgoing_id))
        record(
            event,
            actor=actor,
            subject=contact.case,
            outgoing=str(outgoing.pk),
            message=str(message.pk),
            photos=len(photos),
        )
    return outgoing


def _enqueue(outgoing_id: uuid.UUID) -> None:
    from embrace.channels.delivery import enqueue_delivery

    enqueue_delivery(outgoing_id)


def resend_outgoing(case: Case, message_id: str, *, keyring: Keyring, actor: User) -> Outgoing | None:
    """Queue again a reply whose last attempt could not be sent (the failed row stays as it was).

    The text and photos are read back from the case (with the staff member's keyring), not from the spent
    outbox row, which was emptied. Returns None when the message has no failed delivery to redo."""
    with transaction.atomic():
        return _resend(case, message_id, keyring=keyring, actor=actor)


def _resend(case: Case, message_id: str, *, keyring: Keyring, actor: User) -> Outgoing | None:
    from embrace.cases.thread import read_thread

    last = (
        Outgoing.objects.filter(message_id=message_id, message__case=case)
        .select_related("contact", "message")
        .order_by("-created_at")
        .first()
    )
    if last is None or last.status != Delivery.FAILED or last.message is None:
        return None
    contact = last.contact
    if contact.unreachable:
        # The handler chose to try again (the person may have unblocked the bot without writing).
        Contact.objects.filter(pk=contact.pk).update(unreachable=False)
        contact.unreachable = False
    item = next(i for i in read_thread(case, keyring) if i.message_id == str(last.message.pk))
    photos = _message_photos(last.message, keyring)
    return queue_outgoing(
        contact,
        last.message,
        item.text,
        photos,
        keyring=keyring,
        actor=actor,
        event=Event.CHANNEL_REPLY_RESENT,
    )


def _message_photos(message: Message, keyring: Keyring) -> list[Photo]:
    from embrace.cases.actions import Photo, attachment_path

    photos = []
    for attachment in message.attachments.all():
        meta = json.loads(keyring.open(bytes(attachment.meta)))
        with open(attachment_path(attachment.stored_name), "rb") as source:
            data = b"".join(keyring.open_stream(source))
        photos.append(Photo(data, meta["mime"], meta["width"], meta["height"]))
    return photos


# --- What the case page says --------------------------------------------------------------------------


def delivery_words(status: str, failure: str) -> DeliveryState:
    if status == Delivery.SENT:
        return DeliveryState(_("sent"))
    if status == Delivery.FAILED:
        reason = _(failure) if failure else _("Telegram refused the message")
        return DeliveryState(
            _("could not be sent: %(reason)s") % {"reason": reason}, can_resend=True, problem=True
        )
    if status == Delivery.UNCERTAIN:
        return DeliveryState(_("may not have arrived — check with them"), problem=True)
    if failure:
        # A try that failed and will be tried again: say why, so the handler knows it is not just slow.
        return DeliveryState(
            _("waiting to be sent again (the last try failed: %(reason)s)") % {"reason": _(failure)}
        )
    return DeliveryState(_("waiting to be sent"))


def delivery_states(case: Case) -> dict[str, DeliveryState]:
    """Each message's latest delivery (staff replies) or photo fetch problem (enquirer messages)."""
    states: dict[str, DeliveryState] = {}
    rows = (
        Outgoing.objects.filter(contact__case=case, message__isnull=False)
        .order_by("created_at")
        .values_list("message_id", "status", "failure", "contact__channel")
    )
    with_photos = set(
        Attachment.objects.filter(message__case=case, message__deliveries__isnull=False).values_list(
            "message_id", flat=True
        )
    )
    for message_id, status, failure, channel in rows:
        words = delivery_words(status, failure)  # the newest attempt wins
        if channel == Channel.MESSENGER and message_id in with_photos:
            words = DeliveryState(
                f"{words.words} — {_(PHOTOS_ON_WEBSITE)}",
                can_resend=words.can_resend,
                problem=words.problem,
            )
        states[str(message_id)] = words
    missing = (
        InboundFile.objects.filter(message__case=case, status=Delivery.FAILED)
        .values_list("message_id", "failure")
        .order_by("message__seq")
    )
    for message_id, failure in missing:
        states[str(message_id)] = DeliveryState(
            _("a photo they sent could not be fetched: %(reason)s")
            % {"reason": _(failure) if failure else _("Telegram refused the message")},
            problem=True,
        )
    return states


def queue_inbound_file(message: Message, channel: str, ref: str) -> InboundFile:
    """A photo an enquirer sent on a chat channel, to be fetched by the worker: ``ref`` is the channel's
    reference to it (Telegram's file_id), sealed to the outbox key. Call inside the message's transaction;
    the fetch is enqueued, by row id, when it commits."""
    sealed = seal_for_outbox(json.dumps({"channel": channel, "ref": ref}).encode())
    row = InboundFile.objects.create(message=message, ref=sealed, not_before=timezone.now())

    def enqueue() -> None:
        from embrace.channels.delivery import enqueue_fetch

        enqueue_fetch(row.pk)

    transaction.on_commit(enqueue)
    return row


def open_payload(sealed: bytes) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(open_outbox(bytes(sealed)))
    return document


class ChannelOutbound:
    """The channels' side of ``embrace.cases.outbound``."""

    def queue_reply(
        self, case: Case, message: Message, text: str, photos: Sequence[Photo], *, keyring: Keyring
    ) -> None:
        contact = chat_contact(case)
        if contact is None:
            return
        try:
            queue_outgoing(contact, message, text, photos, keyring=keyring, actor=message.author)
        except NoAccess:
            # The writer could read the case but not the chat address (sealed to an older key they were
            # never given): the reply is kept on the case, and the case page says it did not go.
            Outgoing.objects.create(
                contact=contact,
                message=message,
                payload=None,
                status=Delivery.FAILED,
                failure=NO_ADDRESS_KEY,
                not_before=timezone.now(),
            )

    def states(self, case: Case) -> dict[str, DeliveryState]:
        return delivery_states(case)

    def resend(self, case: Case, message_id: str, *, keyring: Keyring, actor: User) -> bool:
        return resend_outgoing(case, message_id, keyring=keyring, actor=actor) is not None
