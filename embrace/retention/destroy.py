"""The one path by which a case's content is destroyed: by a retention rule (housekeeping), by emptying the
quarantine, and by closing a case with purge.

Destroying means the keys and the ciphertext both go, and not only from the tables: on SQLite
``secure_delete`` zeroes the freed space before any row is deleted and a checkpoint empties the WAL; on
PostgreSQL a deleted row stays in the table file as a dead tuple (a sealed private key among them) until
VACUUM, so the affected tables are vacuumed once the destruction is committed. The audit log keeps the fact:
the case's reference, which kinds of content, under which rule, on which day. Never what was destroyed.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Model

from embrace.accounts.models import User
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.actions import attachment_path
from embrace.cases.models import Attachment, Case, Dependant, IdentifierIndex, Message, Note
from embrace.channels.models import Contact, InboundFile, Outgoing
from embrace.passage.actions import destroy_plan
from embrace.passage.models import PassagePlan, PlanEntry
from embrace.vault import actions as vault
from embrace.vault.models import CompartmentKey, Grant, ReceiptHolder
from embrace.vetting.actions import destroy_vetting
from embrace.vetting.models import CaseCheck, CaseVetting, SignOff

# The kinds of a case's content, in the order they are destroyed and named in the audit log.
BODY, IDENTITY, NOTES, VETTING, PASSAGE = "body", "identity", "notes", "vetting", "passage"
KINDS = (BODY, IDENTITY, NOTES, VETTING, PASSAGE)

# Every table a destruction deletes rows from or overwrites: PostgreSQL keeps the old versions of those rows
# until these are vacuumed.
_SCRUBBED: tuple[type[Model], ...] = (
    CompartmentKey,
    Grant,
    ReceiptHolder,
    Case,
    Message,
    Attachment,
    Note,
    Dependant,
    IdentifierIndex,
    Contact,
    Outgoing,
    InboundFile,
    CaseVetting,
    CaseCheck,
    SignOff,
    PlanEntry,
)


def destroy_case_content(
    case: Case,
    kinds: Iterable[str],
    *,
    rule: str,
    on: datetime.date,
    actor: User | None,
    scrub: bool = True,
) -> list[str]:
    """Destroy the named kinds of the case's content for good, in one transaction, and audit it.

    ``rule`` says why, in the audit log ("withdrawn", "quarantine emptied", "purge"). With ``scrub`` (the
    default) the freed space is scrubbed once the transaction commits; a caller destroying many cases in a
    row passes False and calls ``scrub_destroyed_rows`` once at the end. Returns the kinds destroyed.
    """
    wanted = set(kinds)
    unknown = wanted - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds of content: {sorted(unknown)}")
    done = [kind for kind in KINDS if kind in wanted]
    with transaction.atomic():
        # Two runners (two instances' housekeeping, or housekeeping and an officer emptying the quarantine)
        # may both find a case due. The row lock makes the second wait for the first to commit; it then sees
        # nothing left and returns without a second audit entry. (SQLite's IMMEDIATE transactions already
        # serialise writers; PostgreSQL needs the lock.)
        Case.objects.select_for_update().filter(pk=case.pk).values_list("pk").get()
        # Read after the lock, in statements of their own: under READ COMMITTED a row the lock waited for is
        # re-read, but rows joined into that same statement (the compartments) would be the stale ones.
        case = Case.objects.select_related("body", "identity", "notes", "receipt").get(pk=case.pk)
        if not any(_remains(case, kind) for kind in done):
            return []
        # Before the first DELETE: rows deleted without it stay readable in the freed pages of the file.
        secure_delete_on()
        files: list[str] = []
        if BODY in wanted:
            files = list(Attachment.objects.filter(message__case=case).values_list("stored_name", flat=True))
            # Chat contacts go with the body their address is sealed to: the digest would go on linking the
            # account to this case (and its next message would land in a case whose content is gone). With
            # them go any outgoing messages still waiting; photos waiting to be fetched go with the messages.
            Contact.objects.filter(case=case).delete()
            Message.objects.filter(case=case).delete()
            if case.receipt is not None:
                Case.objects.filter(pk=case.pk).update(receipt=None)
                # Without its holder, the receipt finds nothing, as if it had never been issued.
                case.receipt.delete()
        if IDENTITY in wanted:
            IdentifierIndex.objects.filter(case=case).delete()
            # Sealed to identity and so unreadable once it is destroyed, but a row per relative tells a story.
            Dependant.objects.filter(case=case).delete()
            # Staff tags in clear ("pilot", "navy"): with the identity gone they only narrow down who it was.
            case.labels.clear()
            Case.objects.filter(pk=case.pk).update(identity_details=None)
        if NOTES in wanted:
            Note.objects.filter(case=case).delete()
        for kind, compartment in ((BODY, case.body), (IDENTITY, case.identity), (NOTES, case.notes)):
            if kind in wanted and compartment is not None and compartment.destroyed_at is None:
                vault.destroy_compartment(compartment, actor=actor)
        if VETTING in wanted:
            destroy_vetting(case, actor=actor)
        if PASSAGE in wanted:
            # A plan whose case never arrived (withdrawn, lost contact) is not left to wait for an arrival.
            for plan in PassagePlan.objects.filter(case=case, destroyed_on__isnull=True):
                destroy_plan(plan, on=on)
        record(
            Event.CONTENT_DESTROYED,
            actor=actor,
            subject=case,
            reference=case.reference,
            kinds=done,
            rule=rule,
            on=on.isoformat(),
        )

        def remove_files() -> None:
            for name in files:
                attachment_path(name).unlink(missing_ok=True)

        transaction.on_commit(remove_files)
        if scrub:
            transaction.on_commit(scrub_destroyed_rows)
    return done


def _remains(case: Case, kind: str) -> bool:
    """Whether anything of this kind of the case's content is still there to destroy."""
    if kind == BODY:
        return (
            (case.body is not None and case.body.destroyed_at is None)
            or case.receipt_id is not None
            or Message.objects.filter(case=case).exists()
            or Contact.objects.filter(case=case).exists()
        )
    if kind == IDENTITY:
        return (
            (case.identity is not None and case.identity.destroyed_at is None)
            or case.identity_details is not None
            or IdentifierIndex.objects.filter(case=case).exists()
            or Dependant.objects.filter(case=case).exists()
            or case.labels.exists()
        )
    if kind == NOTES:
        return (case.notes is not None and case.notes.destroyed_at is None) or Note.objects.filter(
            case=case
        ).exists()
    if kind == VETTING:
        return (
            CaseVetting.objects.filter(case=case, compartment__destroyed_at__isnull=True).exists()
            or CaseCheck.objects.filter(case=case).exists()
            or SignOff.objects.filter(case=case).exists()
        )
    return PassagePlan.objects.filter(case=case, destroyed_on__isnull=True).exists()


def secure_delete_on() -> None:
    """On SQLite, have this connection zero what it deletes from now on (a no-op elsewhere)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")


def scrub_destroyed_rows() -> bool:
    """Make destroyed rows leave the files, after the destruction has committed. Returns whether it could.

    SQLite: a TRUNCATE checkpoint copies the WAL (which still holds the rows as first written) into the
    zeroed database file and empties it. PostgreSQL: VACUUM the tables a destruction touches, which turns
    their dead tuples into free space; VACUUM cannot run inside a transaction, so inside one (a test's, or
    a caller's own ``atomic``) nothing is done and False is returned, and the next housekeeping run's VACUUM
    catches up.
    """
    if connection.in_atomic_block:
        return False
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elif connection.vendor == "postgresql":
            tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in _SCRUBBED)
            cursor.execute(f"VACUUM {tables}")
        else:
            return False
    return True
