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
import uuid
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import IntegrityError, connection, models, transaction
from django.db.models import DEFERRED
from django.utils import timezone

from embrace.cases.actions import message_document, store_message, today
from embrace.cases.models import Case, Channel, Message, Sender
from embrace.channels.models import Contact, SeenUpdate
from embrace.channels.outbox import queue_inbound_file
from embrace.core.db import write_transaction
from embrace.intake import actions as intake
from embrace.vault import actions as vault
from embrace.vault import receipts
from embrace.vault.blind import blind_index
from embrace.vault.models import Compartment, ReceiptHolder

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


def _mark_seen(channel: Channel, key: str) -> None:
    """``SeenUpdate.objects.create(channel=channel, key=key, expires_on=today() + SEEN_FOR)``, by hand (see
    "A known account, by hand" below); ``_Duplicate`` when the update was stored before."""
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {_table(SeenUpdate)} ({quote('channel')}, {quote('key')}, {quote('expires_on')}) "  # noqa: S608
        "VALUES (%s, %s, %s)"
    )
    expires_on = connection.ops.adapt_datefield_value(today() + SEEN_FOR)
    # No savepoint: a duplicate ends the whole transaction, so nothing was written before it to roll back.
    try:
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.execute(sql, [str(channel), key, expires_on])
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


class _NeedsReceipt(Exception):
    """No contact for this account: the message opens a case, which needs a receipt derived first."""


def receive(message: InboundMessage) -> Received:
    """Store ``message`` before it is acknowledged; return what happened, for the bot to answer.

    Raises ``TryLater`` when it cannot be stored now: the adapter answers so that the channel retries.
    """
    digest = digest_of(message.channel, message.account)
    # Zawgyi detection and conversion before the transaction: it holds no lock while it runs.
    document = _document(message)
    try:
        # The common case, a known account, in one transaction and nothing before it. A new account's
        # attempt costs one short transaction that is rolled back (a repeat of a first message ends there
        # as a duplicate, before any receipt derivation).
        return _store(message, digest, document, prepared=None)
    except _NeedsReceipt:
        pass
    # A new account gets a receipt: the slow derivation runs here, before any transaction or lock.
    try:
        prepared = receipts.prepare_holder()
    except receipts.Busy:
        raise TryLater from None
    return _store(message, digest, document, prepared=prepared)


def _store(
    message: InboundMessage,
    digest: str,
    document: dict[str, object],
    *,
    prepared: tuple[ReceiptHolder, str] | None,
) -> Received:
    try:
        with write_transaction():
            _mark_seen(message.channel, message.update_key)
            # The case's row lock first, taken by the UPDATE that marks the enquirer's activity, and only
            # then the contact and its case, read in a statement of their own: under PostgreSQL's READ
            # COMMITTED a destroy that held the lock (and deleted the contact) is seen as committed here, so
            # nothing is ever added to a case whose content is gone. Destroying takes the same lock first,
            # so the two cannot deadlock.
            contact = (
                _known_contact(message.channel, digest) if _mark_case_of(message.channel, digest) else None
            )
            if contact is not None:
                return _add(contact, message, document)
            if prepared is None:
                # Rolls back the mark of this update as seen: it is stored once the receipt is ready.
                raise _NeedsReceipt
            return _open(message, digest, prepared, document)
    except _Duplicate:
        return Received(Outcome.DUPLICATE, _language_for(digest, message))
    except intake.IntakeClosed:
        raise TryLater from None
    except IntegrityError:
        # Another first message of the same account won the race for its contact (PostgreSQL): the
        # channel delivers this one again, and it then joins that case.
        raise TryLater from None


# --- A known account, by hand ---------------------------------------------------------------------------
# Every update of a returning person runs the two statements below. Written with the ORM (an UPDATE over a
# join, and a select_related of two joins) Django spent some 8 ms of Python building them, most of the
# webhook's cost, for work the database does in microseconds; so they are written out here, with parameters,
# each beside the ORM form it stands for. The test of the path's query count pins them.


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _mark_case_of(channel: Channel, digest: str) -> bool:
    """``mark_enquirer_activity`` of the account's case, found through its contact:
    ``Case.objects.filter(contacts__channel=channel, contacts__digest=digest).update(last_enquirer_on=today(),
    unread_by_staff=F("unread_by_staff") + 1)``. False when the account has no contact."""
    sql = (
        f"UPDATE {_table(Case)} SET last_enquirer_on = %s, unread_by_staff = unread_by_staff + 1 "  # noqa: S608
        f"WHERE id IN (SELECT case_id FROM {_table(Contact)} WHERE channel = %s AND digest = %s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [connection.ops.adapt_datefield_value(today()), str(channel), digest])
        return cursor.rowcount > 0


def _known_contact(channel: Channel, digest: str) -> Contact | None:
    """``Contact.objects.select_related("case__body").filter(channel=channel, digest=digest).first()``, with
    only the fields the path reads (any other is loaded if something asks for it)."""
    sql = (
        "SELECT ct.id, ct.language, ct.unreachable, ct.last_inbound_on, "  # noqa: S608
        "c.id, c.needs_script_review, b.id, b.destroyed_at "
        f"FROM {_table(Contact)} ct JOIN {_table(Case)} c ON c.id = ct.case_id "
        f"JOIN {_table(Compartment)} b ON b.id = c.body_id "
        "WHERE ct.channel = %s AND ct.digest = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [str(channel), digest])
        row = cursor.fetchone()
    if row is None:
        return None
    contact_id, language, unreachable, last_inbound_on, case_id, needs_review, body_id, destroyed_at = row
    body = _loaded(Compartment, id=_uuid(body_id), destroyed_at=destroyed_at)
    case = _loaded(Case, id=_uuid(case_id), body_id=body.pk, needs_script_review=bool(needs_review))
    case.body = body
    contact = _loaded(
        Contact,
        id=_uuid(contact_id),
        case_id=case.pk,
        language=language,
        unreachable=bool(unreachable),
        last_inbound_on=last_inbound_on,
    )
    contact.case = case
    return contact


def _uuid(value: object) -> uuid.UUID:
    # PostgreSQL gives a UUID, SQLite the 32 hex digits it stores.
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


_M = TypeVar("_M", bound=models.Model)


def _loaded(model: type[_M], **values: object) -> _M:
    """An instance as a queryset would load it with ``only(*values)``: the other fields deferred."""
    fields = model._meta.concrete_fields
    return model.from_db(
        connection.alias, [f.attname for f in fields], [values.get(f.attname, DEFERRED) for f in fields]
    )


def _add(contact: Contact, message: InboundMessage, document: dict[str, object]) -> Received:
    # The case's row lock is held (``_store``), and the case was read after it was taken.
    case = contact.case
    stored = store_message(case, document, sender=Sender.ENQUIRER, author=None, case_locked=True)
    _queue_photos(message.channel, stored, message.photos)
    if document.get("needs_review") and not case.needs_script_review:
        Case.objects.filter(pk=case.pk).update(needs_script_review=True)
    # They wrote again, so they can be written to again. Written only when it changes something: most
    # messages come from a reachable contact who already wrote today.
    if contact.unreachable or contact.last_inbound_on != today():
        Contact.objects.filter(pk=contact.pk).update(unreachable=False, last_inbound_on=today())
    return Received(Outcome.ADDED, contact.language)


def _open(
    message: InboundMessage, digest: str, prepared: tuple[ReceiptHolder, str], document: dict[str, object]
) -> Received:
    document = dict(document)
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
