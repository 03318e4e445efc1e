"""What every chat channel does with a message it received: into the same cases as the web form, sealed.

An adapter (``embrace.channels.telegram``; Messenger next) turns its own update format into an
``InboundMessage`` and calls ``receive``. In one write transaction, before the webhook answers 200:
the update is recorded as seen (a second delivery stores nothing), the account's ``Contact`` is found by its
blind index, and either the message joins that contact's case (sealed to its body compartment) or a new case
is opened through ``intake.actions.submit_enquiry`` with a new contact whose address is sealed to the case.

A returning message costs a digest, two small lookups and one sealed box, so it stays cheap under load; the
one slow step (Argon2id, the receipt) runs only for a new account, and before the transaction opens.

Cases in any status receive, as the web form lets a receipt holder write to a closed, withdrawn or
quarantined case: the message is stored and the case marked as having news, its status untouched (staff
decide whether to reopen). A case whose content was destroyed has no contact any more (the destroy path
deletes it), so the account's next message opens a new case.

Nothing here logs or keeps in clear anything the person sent: not the text, not the account id. No audit
entries either, as for the web form (``intake.actions``): an entry carries an exact time, and the programme
keeps only the day of anything an enquirer does.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone

from embrace.cases.actions import mark_enquirer_activity, message_document, store_message, today
from embrace.cases.models import Case, Channel, Message, Sender
from embrace.channels.models import Contact, SeenUpdate
from embrace.channels.outbox import queue_inbound_file
from embrace.core.db import write_transaction
from embrace.intake import actions as intake
from embrace.vault import actions as vault
from embrace.vault import receipts
from embrace.vault.blind import blind_index
from embrace.vault.models import ReceiptHolder

# How long an update is remembered as seen. Telegram retries an unacknowledged update for about a day;
# three days covers that with room, and the rows (a channel and a number) say nothing about anyone.
SEEN_FOR = datetime.timedelta(days=3)

# One blind-index kind per channel, so the same number on two channels never shares a digest.
DIGEST_KINDS = {Channel.TELEGRAM: "telegram_chat", Channel.MESSENGER: "messenger_psid"}

LANGUAGES = ("my", "en")


def language_of(hint: str | None) -> str:
    """The bot's language for a channel's language hint: English only when asked for, Burmese otherwise."""
    return "en" if (hint or "").lower().startswith("en") else "my"


@dataclass(frozen=True)
class InboundMessage:
    """One message as an adapter parsed it: only what the programme keeps, nothing that names the person.

    ``update_key``: the channel's own update number (dedupe). ``account``: the chat or page-scoped id, which
    is only ever digested or sealed. ``photos``: the channel's references to photos still to fetch.
    ``language``: the person's app language hint ("my"/"en"). ``edited``: an edit of an earlier message,
    stored as a new message marked so.
    """

    channel: Channel
    update_key: str
    account: str
    text: str = ""
    photos: tuple[str, ...] = ()
    language: str = "my"
    edited: bool = False


class Outcome(enum.Enum):
    OPENED = "opened"  # a new case: the receipt is in ``Received.receipt``
    ADDED = "added"  # a message on the contact's case
    DUPLICATE = "duplicate"  # this update was already stored: nothing done


@dataclass(frozen=True)
class Received:
    outcome: Outcome
    language: str
    receipt: str | None = field(default=None, repr=False)


class TryLater(Exception):
    """The message cannot be stored now (no receiving team, key stretching full, a race lost): answer so
    that the channel delivers it again later, and keep nothing."""


class _Duplicate(Exception):
    pass


def digest_of(channel: Channel, account: str) -> str:
    return blind_index(DIGEST_KINDS[channel], account)


def _seen(channel: Channel, key: str) -> bool:
    return SeenUpdate.objects.filter(channel=channel, key=key).exists()


def _mark_seen(channel: Channel, key: str) -> None:
    # No savepoint: a duplicate ends the whole transaction, so nothing was written before it to roll back.
    try:
        with transaction.atomic(savepoint=False):
            SeenUpdate.objects.create(channel=channel, key=key, expires_on=today() + SEEN_FOR)
    except IntegrityError:
        raise _Duplicate from None


def _document(message: InboundMessage) -> dict[str, object]:
    document: dict[str, object] = message_document(message.text)
    if message.edited:
        document["edited"] = True
    return document


def _queue_photos(channel: Channel, message: Message, photos: tuple[str, ...]) -> None:
    # Each photo is fetched by the worker once this transaction commits (embrace.channels.delivery).
    for ref in photos:
        queue_inbound_file(message, channel.value, ref)


def receive(message: InboundMessage) -> Received:
    """Store ``message`` before it is acknowledged; return what happened, for the bot to answer.

    Raises ``TryLater`` when it cannot be stored now: the adapter answers so that the channel retries.
    """
    digest = digest_of(message.channel, message.account)
    known = Contact.objects.filter(channel=message.channel, digest=digest).exists()
    prepared = None
    if not known:
        # A repeat of a first message must not cost a receipt derivation (a returning message's repeat is
        # caught inside the transaction, where it costs nothing more).
        if _seen(message.channel, message.update_key):
            return Received(Outcome.DUPLICATE, message.language)
        # A new account gets a receipt: the slow derivation runs here, before any transaction or lock.
        try:
            prepared = receipts.prepare_holder()
        except receipts.Busy:
            raise TryLater from None
    try:
        with write_transaction():
            _mark_seen(message.channel, message.update_key)
            contact = (
                Contact.objects.select_for_update()
                .select_related("case__body")
                .filter(channel=message.channel, digest=digest)
                .first()
            )
            if contact is not None:
                return _add(contact, message)
            if prepared is None:
                # The contact went (its case destroyed) between the look and the lock: start again later.
                raise TryLater
            return _open(message, digest, prepared)
    except _Duplicate:
        return Received(Outcome.DUPLICATE, _language_for(digest, message))
    except intake.IntakeClosed:
        raise TryLater from None
    except IntegrityError:
        # Another first message of the same account won the race for its contact (PostgreSQL): the
        # channel delivers this one again, and it then joins that case.
        raise TryLater from None


def _add(contact: Contact, message: InboundMessage) -> Received:
    case = contact.case
    document = _document(message)
    stored = store_message(case, document, sender=Sender.ENQUIRER, author=None)
    _queue_photos(message.channel, stored, message.photos)
    mark_enquirer_activity(case)
    if document.get("needs_review") and not case.needs_script_review:
        Case.objects.filter(pk=case.pk).update(needs_script_review=True)
    # They wrote again, so they can be written to again.
    Contact.objects.filter(pk=contact.pk).update(unreachable=False, last_inbound_on=today())
    return Received(Outcome.ADDED, contact.language)


def _open(message: InboundMessage, digest: str, prepared: tuple[ReceiptHolder, str]) -> Received:
    document = _document(message)
    # How to answer them, in the key the web form fills with the person's choice: the case page says it.
    document["reply_via"] = message.channel.value
    case, receipt = intake.submit_enquiry(
        document, {}, (), token=None, quarantine=False, channel=message.channel, prepared=prepared
    )
    Contact.objects.create(
        channel=message.channel,
        digest=digest,
        case=case,
        address=vault.seal(case.body, message.account.encode()),
        language=message.language,
        created_on=today(),
        last_inbound_on=today(),
    )
    first = case.messages.get()
    _queue_photos(message.channel, first, message.photos)
    return Received(Outcome.OPENED, message.language, receipt)


def _language_for(digest: str, message: InboundMessage) -> str:
    language = (
        Contact.objects.filter(channel=message.channel, digest=digest)
        .values_list("language", flat=True)
        .first()
    )
    return language or message.language


def contact_language(channel: Channel, account: str, hint: str) -> str:
    """The language the bot speaks to this account: the one they chose, else their app's."""
    chosen = (
        Contact.objects.filter(channel=channel, digest=digest_of(channel, account))
        .values_list("language", flat=True)
        .first()
    )
    return chosen or hint


def set_language(channel: Channel, account: str, language: str) -> bool:
    """Remember the bot's language for an account that has a contact; False if it has none yet (the
    choice then lasts only as long as the app's own language says the same)."""
    if language not in LANGUAGES:
        raise ValueError(language)
    with write_transaction():
        changed = Contact.objects.filter(channel=channel, digest=digest_of(channel, account)).update(
            language=language
        )
    return bool(changed)


def mark_unreachable(channel: Channel, account: str, *, unreachable: bool = True) -> bool:
    """The person blocked the bot (or unblocked it): nothing is sent to them until they write again."""
    with write_transaction():
        changed = Contact.objects.filter(channel=channel, digest=digest_of(channel, account)).update(
            unreachable=unreachable
        )
    return bool(changed)


def forget_seen_updates(now: datetime.datetime) -> int:
    """Delete records of updates seen longer ago than any channel retries (housekeeping)."""
    deleted, _ = SeenUpdate.objects.filter(expires_on__lt=timezone.localdate(now)).delete()
    return deleted
