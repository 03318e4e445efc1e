"""State changes to cases. Messages and files are sealed with the body compartment's public key only."""

from __future__ import annotations

import datetime
import io
import json
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from embrace.audit.events import Event
from embrace.audit.log import fingerprint, record
from embrace.cases import outbound
from embrace.cases.duplicates import normalise
from embrace.cases.models import Attachment, Case, IdentifierSearchCount, Label, Message, Note, Sender
from embrace.cases.search import identifier_matches
from embrace.custody import groups as custody_groups
from embrace.myanmar import text as burmese
from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring
from embrace.vault.models import Compartment

if TYPE_CHECKING:
    from embrace.accounts.models import Team, User


def message_document(text: str) -> dict[str, Any]:
    """How an enquirer's message is stored: Unicode text, the script it came in, and the raw text beside it
    whenever it was converted from Zawgyi or may need converting (staff review those)."""
    normalised = burmese.to_unicode(text)
    document: dict[str, Any] = {"text": normalised.text, "script": normalised.encoding}
    if normalised.converted or normalised.needs_review:
        document["raw"] = normalised.raw
        document["needs_review"] = normalised.needs_review
    return document


@dataclass(frozen=True)
class Photo:
    """A photo already cleaned of metadata (embrace.intake.photos), ready to be sealed."""

    data: bytes
    mime: str
    width: int
    height: int


def today() -> datetime.date:
    return timezone.localdate()


def attachment_path(stored_name: str) -> Path:
    return Path(settings.UPLOADS_DIR) / stored_name[:2] / stored_name


def write_sealed_file(compartment: Compartment, data: bytes) -> str:
    """Seal ``data`` to ``compartment`` in the uploads folder under a random name, which is returned.
    Encrypted in streaming chunks to a temporary name, synced, then renamed: a crash leaves no half file."""
    name = secrets.token_hex(20)
    path = attachment_path(name)
    path.parent.mkdir(mode=0o700, exist_ok=True)
    partial = path.with_suffix(".partial")
    with open(partial, "wb") as sink:
        vault.seal_stream(compartment, io.BytesIO(data), sink)
        sink.flush()
        os.fsync(sink.fileno())
    # The file's times say only the day, like every other enquirer-side date.
    midnight = datetime.datetime.combine(today(), datetime.time()).timestamp()
    os.utime(partial, (midnight, midnight))
    os.replace(partial, path)
    return name


def store_message(
    case: Case,
    document: dict[str, Any],
    photos: Sequence[Photo] = (),
    *,
    sender: Sender,
    author: User | None,
    first: bool = False,
    case_locked: bool = False,
) -> Message:
    """Seal a message (and its photos) into the case's body compartment. Call inside a transaction.

    ``first``: the case was created in this same transaction, so no other message can exist yet and nobody
    else can be writing to it: it is number 1, without locking the case and counting its messages.
    ``case_locked``: this transaction already holds the case's row lock (``mark_enquirer_activity`` took it
    with its UPDATE), so the lock is not asked for a second time before the messages are counted.
    """
    written: list[str] = []
    try:
        for photo in photos:
            written.append(write_sealed_file(case.body, photo.data))
        if first:
            seq = 1
        else:
            if not case_locked:
                Case.objects.select_for_update().filter(pk=case.pk).values_list("pk").get()
            # Counted after the lock, in a statement of its own: under PostgreSQL's READ COMMITTED it sees
            # every message a writer that held the lock before us committed, so two never take one number
            # (and the unique constraint on (case, seq) would refuse it if they did).
            seq = _last_seq(case) + 1
        message = _insert_message(
            Message(
                case=case,
                seq=seq,
                sender=sender,
                author=author,
                sent_on=today(),
                envelope=vault.seal(case.body, json.dumps(document, ensure_ascii=False).encode()),
            )
        )
        for photo, name in zip(photos, written, strict=True):
            meta = {
                "mime": photo.mime,
                "width": photo.width,
                "height": photo.height,
                "bytes": len(photo.data),
            }
            Attachment.objects.create(
                message=message, stored_name=name, meta=vault.seal(case.body, json.dumps(meta).encode())
            )
    except BaseException:
        for name in written:
            attachment_path(name).unlink(missing_ok=True)
        raise
    return message


def _insert_message(message: Message) -> Message:
    """``message.save(force_insert=True)`` (what ``Message.objects.create`` does), by hand: every message
    stored runs it, and the ORM's insert compiler took more Python than the rest of a chat message's
    statements together. Every concrete field is written, each value taken (``pre_save``, so an ``auto_now``
    field too) and prepared by its own field as the ORM would, so a field added to ``Message`` later is not
    left out. No signal is sent (none is connected)."""
    fields = Message._meta.concrete_fields
    table = connection.ops.quote_name(Message._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    values = [f.get_db_prep_save(f.pre_save(message, True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})",  # noqa: S608  (names)
            values,
        )
    message._state.adding = False
    message._state.db = connection.alias
    return message


def _last_seq(case: Case) -> int:
    # Message.objects.filter(case=case).aggregate(Max("seq")), by hand: every message stored runs it, and
    # Django took a millisecond of Python to build it.
    table = connection.ops.quote_name(Message._meta.db_table)
    case_id = Message._meta.get_field("case").get_db_prep_value(case.pk, connection)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(seq) FROM {table} WHERE case_id = %s", [case_id])  # noqa: S608  (a table name)
        row = cursor.fetchone()
    return int(row[0] or 0) if row else 0


def reply_to_enquirer(
    case: Case, text: str, *, actor: User, photos: Sequence[Photo] = (), keyring: Keyring | None = None
) -> Message:
    """A staff message the enquirer reads with their receipt (and the case's readers with their keys).

    With the writer's ``keyring``, a case that came by a chat channel also gets the reply queued to the
    enquirer's account, in the same transaction (``embrace.cases.outbound``)."""
    with transaction.atomic():
        message = store_message(case, {"text": text}, photos, sender=Sender.STAFF, author=actor)
        record(
            Event.CASE_MESSAGE_SENT, actor=actor, subject=case, message=str(message.pk), photos=len(photos)
        )
        outbound.queue_reply(case, message, text, photos, keyring=keyring)
    return message


def add_note(case: Case, text: str, *, actor: User) -> Note:
    """An internal note. The first one makes the case's ``notes`` compartment, sealed to the team's key and
    the handler — the receipt holder is left out, so the enquirer can never read a note."""
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("notes", "body", "handler")
            .get(pk=case.pk)
        )
        if locked.notes is None:
            handler = [locked.handler] if locked.handler is not None else []
            locked.notes = vault.create_compartment(
                "notes", handler, groups=[custody_groups.team_group(locked.team_id)], actor=actor
            )
            Case.objects.filter(pk=case.pk).update(notes=locked.notes)
        note = Note.objects.create(
            case=case, author=actor, written_on=today(), envelope=vault.seal(locked.notes, text.encode())
        )
        record(Event.CASE_NOTE_ADDED, actor=actor, subject=case, note=str(note.pk))
    case.notes = locked.notes
    return note


def mark_enquirer_activity(case: Case) -> None:
    """The enquirer wrote: news for staff.

    Call it before ``store_message(..., case_locked=True)`` in the same transaction: its UPDATE takes the
    case's row lock (PostgreSQL; SQLite's writer lock serialises anyway), which numbering the message needs,
    so a returning enquirer's message asks for the lock once instead of twice. (``channels.inbound`` does the
    same in one hand-written statement.)
    """
    Case.objects.filter(pk=case.pk).update(last_enquirer_on=today(), unread_by_staff=F("unread_by_staff") + 1)


def delete_case_files(case: Case) -> None:
    for name in Attachment.objects.filter(message__case=case).values_list("stored_name", flat=True):
        attachment_path(name).unlink(missing_ok=True)


class AssignmentError(Exception):
    """The chosen person cannot take this case; the message says why."""


def assign_case(case: Case, handler: User, *, actor: User, keyring: Keyring) -> None:
    """Give the case to ``handler``: seal its body to them, and revoke (and re-key) the previous handler."""
    from embrace.accounts.roles import Role

    if not (
        handler.is_active
        and handler.has_role(Role.HANDLER)
        and handler.teams.filter(pk=case.team_id).exists()
    ):
        raise AssignmentError(
            _("%(handler)s is not an active handler in %(team)s.") % {"handler": handler, "team": case.team}
        )
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        previous = locked.handler
        if previous == handler:
            return
        vault.grant(case.body, handler, by=keyring, actor=actor)
        if locked.notes is not None and keyring.can_read(locked.notes):
            vault.grant(locked.notes, handler, by=keyring, actor=actor)
        if previous is not None:
            vault.revoke(case.body, previous, actor=actor)
            if locked.notes is not None and str(previous.pk) in vault.direct_members_of(locked.notes):
                vault.revoke(locked.notes, previous, actor=actor)
            # An identity revealed to them for this case goes with the case.
            if str(previous.pk) in vault.direct_members_of(case.identity):
                vault.revoke(case.identity, previous, actor=actor)
        Case.objects.filter(pk=case.pk).update(handler=handler)
        locked.handler = handler
        _hand_over_finance(locked, previous, keyring=keyring, actor=actor)
        record(
            Event.CASE_ASSIGNED,
            actor=actor,
            subject=case,
            handler=str(handler.pk),
            previous=str(previous.pk) if previous else None,
        )
    case.handler = handler


def _hand_over_finance(case: Case, previous: User | None, *, keyring: Keyring, actor: User) -> None:
    """The case's reward claims go with it: the finance file is sealed to the handler directly (the
    committee, finance and reviewers read it through their group keys), so the previous handler's copy is
    taken back and the new one gets it if the person assigning can pass it on; otherwise someone who holds
    the file's key must share it."""
    from embrace.rewards.models import FinanceFile

    file = FinanceFile.objects.filter(case=case).select_related("compartment").first()
    if file is None:
        return
    compartment = file.compartment
    direct = vault.direct_members_of(compartment)
    if case.handler_id and str(case.handler_id) not in direct and keyring.can_read(compartment):
        vault.grant(compartment, case.handler, by=keyring, actor=actor)  # type: ignore[arg-type]
    if previous is not None and str(previous.pk) in direct:
        vault.revoke(compartment, previous, actor=actor)


def mark_read(case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(unread_by_staff=0)


SEARCH_WINDOW = datetime.timedelta(hours=1)


class SearchLimited(Exception):
    """The person made as many identifier searches as the window allows; ``until`` says when it reopens."""

    def __init__(self, until: datetime.datetime) -> None:
        super().__init__("too many identifier searches")
        self.until = until


def _take_identifier_search(actor: User) -> datetime.datetime | None:
    """Count one search against the actor's window; returns when the window reopens if it is used up."""
    now = timezone.now()
    counter, _ = IdentifierSearchCount.objects.select_for_update().get_or_create(
        user=actor, defaults={"window_start": now}
    )
    if now - counter.window_start >= SEARCH_WINDOW:
        counter.window_start, counter.count = now, 0
    if counter.count >= settings.IDENTIFIER_SEARCHES_PER_HOUR:
        return counter.window_start + SEARCH_WINDOW
    counter.count += 1
    counter.save(update_fields=["window_start", "count"])
    return None


def search_by_identifier(
    kind: str, raw_value: str, *, actor: User, keyring: Keyring, limit: int
) -> list[Case]:
    """The cases with this identifier whose identity the actor's keys open (``search.identifier_matches``),
    counted against the actor's hourly limit and audited: the ids of the cases shown and a keyed fingerprint
    of what was searched, never the identifier. A refused search is audited too (a sweep shows), and raises
    ``SearchLimited``."""
    query = fingerprint(f"{kind}:{normalise(kind, raw_value) or raw_value}")
    with transaction.atomic():
        until = _take_identifier_search(actor)
        found = [] if until is not None else identifier_matches(keyring, kind, raw_value, limit=limit)
        record(
            Event.IDENTIFIER_SEARCHED,
            actor=actor,
            kind=kind,
            query=query,
            cases=[str(case.pk) for case in found],
            refused=until is not None,
        )
    if until is not None:
        raise SearchLimited(until)
    return found


def create_label(team: Team, name: str, *, actor: User) -> Label:
    """A new label a team's staff can put on its cases. Labels are workflow tags in clear: the audit entry
    names the team and the label's id, and the page that asks for one says never to put a name in it."""
    with transaction.atomic():
        label = Label.objects.create(team=team, name=name)
        record(Event.LABEL_CREATED, actor=actor, subject=label, team=str(team.pk))
    return label
