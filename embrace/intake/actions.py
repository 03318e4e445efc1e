"""What the enquirer's side changes: new enquiries, messages, visits, and emptying the quarantine.

No audit entries are written for enquirer actions: an entry carries an exact time, and the programme keeps
only the day of anything an enquirer does. Staff actions on the same cases are audited as usual.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from embrace.accounts.roles import Perm, Role
from embrace.approvals.actions import ApprovalError, decide_approval, request_approval
from embrace.approvals.models import Approval
from embrace.approvals.queries import pending_for
from embrace.audit.events import Event
from embrace.audit.log import record, subject_of
from embrace.cases import lifecycle
from embrace.cases.actions import Photo, mark_enquirer_activity, store_message, today
from embrace.cases.duplicates import index_identifiers
from embrace.cases.models import Case, CaseTransition, Channel, Sender, Status
from embrace.cases.waves import untouched
from embrace.core.db import write_transaction
from embrace.custody import groups as custody_groups
from embrace.intake.models import IntakeRoute, UsedFormToken, Visit, WaveMember, WaveRequest
from embrace.retention.destroy import KINDS, destroy_case_content, scrub_destroyed_rows
from embrace.vault import actions as vault
from embrace.vault import receipts
from embrace.vault.models import KeyGroup, ReceiptHolder

if TYPE_CHECKING:
    from embrace.accounts.models import Team, User


class IntakeClosed(Exception):
    """No open route leads to a team whose key anyone holds, so nobody could ever read an enquiry: refuse
    rather than lose it."""


class TokenSpent(Exception):
    """This form was already sent once."""


def _spend_token(digest: str) -> None:
    expires = (
        today() + datetime.timedelta(seconds=settings.INTAKE_FORM_MAX_AGE_SECONDS) + datetime.timedelta(1)
    )
    # No savepoint: a spent token ends the whole transaction, so there is nothing to roll back to.
    try:
        with transaction.atomic(savepoint=False):
            UsedFormToken.objects.create(digest=digest, expires_on=expires)
    except IntegrityError:
        raise TokenSpent from None


def _receiving_team() -> tuple[Team, KeyGroup]:
    # The next open route whose team's key someone holds: its holders were given it by a holder, never by
    # their role. A team whose last holder left is passed over, or its enquiries would wait for break-glass.
    routes = IntakeRoute.objects.select_for_update(of=("self",)).select_related("team")
    for route in routes.filter(active=True).order_by("received"):
        group = custody_groups.team_group(route.team)
        if custody_groups.is_held(group):
            IntakeRoute.objects.filter(pk=route.pk).update(received=F("received") + 1)
            return route.team, group
    raise IntakeClosed


def _identity_group(team_group: KeyGroup) -> KeyGroup:
    custodians = custody_groups.custodians_group()
    return custodians if custody_groups.is_held(custodians) else team_group


def submit_enquiry(
    body: dict[str, Any],
    identity: dict[str, Any],
    photos: Sequence[Photo],
    *,
    token: str | None,
    quarantine: bool,
    channel: Channel = Channel.WEB,
    received_by: User | None = None,
    entered_by: User | None = None,
    prepared: tuple[ReceiptHolder, str] | None = None,
) -> tuple[Case, str]:
    """Open a case from an enquiry. Returns the case and the receipt, which exists nowhere else.

    ``token``: the web form's one-time token, spent here; None for an enquiry that did not come by the form
    (a channel keeps its own record of updates seen; staff entry is one deliberate step).
    ``channel`` and ``received_by`` say how the enquiry arrived and, for one staff entered, who took it.
    ``entered_by``: the staff member who typed in an enquiry received by phone, in person or passed on; the
    audit entry naming them and the case (never what was said) is written in the same transaction. The
    enquirer's own steps are never audited (see the module docstring).
    ``prepared``: a receipt made beforehand (``receipts.prepare_holder``) by a caller that opens the write
    transaction itself (a chat channel stores the update's record and the contact with the case): the slow
    derivation must still run before that transaction, never inside it.
    """
    # Slow (Argon2id): before the transaction.
    holder, receipt = prepared if prepared is not None else receipts.prepare_holder()
    with write_transaction():
        if token is not None:
            _spend_token(token)
        team, team_group = _receiving_team()
        holder.save()
        # Custodians hold identities; a programme with no custodian key yet falls back on the receiving
        # team, so that what an enquirer said about who they are is never sealed to nobody.
        identity_compartment = vault.create_compartment(
            "identity", [], groups=[_identity_group(team_group)], actor=None, audited=False
        )
        case = Case.objects.create(
            status=Status.QUARANTINED if quarantine else Status.ENQUIRY,
            channel=channel,
            received_by=received_by,
            team=team,
            opened_on=today(),
            last_enquirer_on=today(),
            body=vault.create_compartment(
                "body", [], groups=[team_group], actor=None, receipts=[holder], audited=False
            ),
            identity=identity_compartment,
            # Sealed before the case is written, so the case row is written once.
            identity_details=(
                vault.seal(identity_compartment, json.dumps(identity, ensure_ascii=False).encode())
                if any(identity.values())
                else None
            ),
            receipt=holder,
            needs_script_review=bool(body.get("needs_review")),
            unread_by_staff=1,
        )
        store_message(case, body, photos, sender=Sender.ENQUIRER, author=None, first=True)
        # A phone number given as contact links this case to others with the same number (a blind index).
        index_identifiers(case, phones=[identity.get("contact") or ""])
        if entered_by is not None:
            record(
                Event.ENQUIRY_ENTERED,
                actor=entered_by,
                subject=case,
                channel=str(channel),
                received_by=str(received_by.pk) if received_by is not None else None,
                photos=len(photos),
            )
    return case, receipt


def add_enquirer_message(
    keyring: receipts.ReceiptKeyring, document: dict[str, Any], photos: Sequence[Photo], *, token: str
) -> Case:
    with write_transaction():
        _spend_token(token)
        case = Case.objects.get(receipt=keyring.holder)
        # Marked first: its UPDATE takes the case's row lock that numbering the message needs.
        mark_enquirer_activity(case)
        store_message(case, document, photos, sender=Sender.ENQUIRER, author=None, case_locked=True)
        if document.get("needs_review") and not case.needs_script_review:
            Case.objects.filter(pk=case.pk).update(needs_script_review=True)
    return case


def case_for(keyring: receipts.ReceiptKeyring) -> Case | None:
    return Case.objects.filter(receipt=keyring.holder).first()


# --- Visits ----------------------------------------------------------------------------------------------


def _visit_expiry() -> datetime.datetime:
    """Expiry rounded up to the hour: the row says roughly when, never exactly when, someone came back."""
    earliest = timezone.now() + datetime.timedelta(seconds=settings.INTAKE_VISIT_SECONDS)
    return earliest.replace(minute=0, second=0, microsecond=0) + datetime.timedelta(hours=1)


def open_visit(keyring: receipts.ReceiptKeyring) -> str:
    wrapped, key = receipts.wrap_for_visit(keyring)
    visit = Visit.objects.create(wrapped_key=wrapped, holder_id=keyring.holder.pk, expires_at=_visit_expiry())
    return f"{visit.pk}.{base64.urlsafe_b64encode(key).decode()}"


def resume_visit(token: str) -> receipts.ReceiptKeyring | None:
    visit_id, _, key_text = token.partition(".")
    try:
        visit = Visit.objects.filter(pk=uuid.UUID(visit_id), expires_at__gt=timezone.now()).first()
        key = base64.urlsafe_b64decode(key_text.encode())
    except (ValueError, binascii.Error):
        return None
    if visit is None or len(key) != 32:
        return None
    return receipts.keyring_for_visit(visit.holder_id, bytes(visit.wrapped_key), key)


# --- Quarantine ------------------------------------------------------------------------------------------


EMPTY_QUARANTINE = "intake.empty_quarantine"


class QuarantineError(Exception):
    """The request or decision is not allowed; the message says why."""


def request_quarantine_emptying(team: Team, *, actor: User) -> Approval:
    """Ask a second intake officer of ``team`` to approve deleting its quarantine: a deletion is for good, and
    a real enquirer who typed fast may be among the junk, so one person never does it alone."""
    if not actor.teams.filter(pk=team.pk).exists():
        raise QuarantineError(_("You can only ask to empty your own team's quarantine."))
    try:
        return request_approval(
            EMPTY_QUARANTINE, subject_of(team), required_role=Role.INTAKE_OFFICER, reason="", actor=actor
        )
    except ApprovalError as exc:
        raise QuarantineError(str(exc)) from exc


def pending_quarantine_requests(user: User) -> QuerySet[Approval]:
    teams = [subject_of(t) for t in user.teams.all()]
    return pending_for(user).filter(action=EMPTY_QUARANTINE, subject__in=teams).select_related("requested_by")


def decide_quarantine_emptying(approval: Approval, *, approve: bool, actor: User) -> int:
    """Approve (and so delete the team's quarantined enquiries) or refuse. Returns how many were deleted."""
    with transaction.atomic():
        if not pending_quarantine_requests(actor).filter(pk=approval.pk).exists():
            raise QuarantineError(_("Only another intake officer of the same team may decide this."))
        try:
            decided = decide_approval(approval, approve=approve, actor=actor)
        except ApprovalError as exc:
            raise QuarantineError(str(exc)) from exc
        if not approve:
            return 0
        team_id = decided.subject.partition(":")[2]
        return _empty_quarantine(team_id, actor=actor)


def _empty_quarantine(team_id: str, *, actor: User) -> int:
    """Delete a team's quarantined enquiries for good: their content through the one destroy path (keys,
    ciphertext, files, scrubbed from the files once committed), then the rows themselves."""
    cases = list(Case.objects.select_for_update().filter(team_id=team_id, status=Status.QUARANTINED))
    on = today()
    for case in cases:
        destroy_case_content(case, KINDS, rule="quarantine emptied", on=on, actor=actor, scrub=False)
        case = Case.objects.select_related("body", "identity", "notes").get(pk=case.pk)
        compartments = (case.body, case.identity, case.notes)
        case.delete()
        for compartment in compartments:
            if compartment is not None:
                compartment.delete()
    record(Event.QUARANTINE_EMPTIED, actor=actor, subject=f"accounts.team:{team_id}", count=len(cases))
    if cases:
        transaction.on_commit(scrub_destroyed_rows)
    return len(cases)


# --- Flood waves -----------------------------------------------------------------------------------------


QUARANTINE_WAVE = "intake.quarantine_wave"
# A request names at most the window of enquiries the waves page reads: anything longer was not shown.
WAVE_REASON_MAX = 500


@dataclass(frozen=True)
class WaveOutcome:
    moved: int
    left_out: int


def request_wave_quarantine(case_ids: Sequence[uuid.UUID], *, reason: str, actor: User) -> WaveRequest:
    """Ask a second intake officer of the team to approve moving these cases (a wave the asker was shown)
    to quarantine. The set is fixed now: ids and how many steps each case has taken, nothing of its text."""
    if not actor.can(Perm.CASE_TRIAGE):
        raise QuarantineError(_("Only an intake officer may ask for this."))
    reason = reason.strip()
    if not reason:
        raise QuarantineError(_("Say why these enquiries are a flood."))
    ids = list(dict.fromkeys(case_ids))
    if not ids or len(ids) > settings.INTAKE_WAVE_WINDOW:
        raise QuarantineError(_("This wave names no enquiries the page showed."))
    with transaction.atomic():
        cases = list(
            untouched(Case.objects.filter(pk__in=ids, team__in=actor.teams.all()))
            .select_for_update()
            .values_list("pk", "team_id")
        )
        teams = {team_id for _pk, team_id in cases}
        if len(cases) != len(ids) or len(teams) != 1:
            raise QuarantineError(
                _("Some of these enquiries are no longer new, or not your team's: open the waves page again.")
            )
        wave = WaveRequest(team_id=teams.pop())
        try:
            wave.approval = request_approval(
                QUARANTINE_WAVE,
                subject_of(wave),
                required_role=Role.INTAKE_OFFICER,
                reason=reason[:WAVE_REASON_MAX],
                actor=actor,
            )
        except ApprovalError as exc:
            raise QuarantineError(str(exc)) from exc
        wave.save()
        taken = dict(
            CaseTransition.objects.filter(case__in=ids)
            .values("case")
            .annotate(last=Max("seq"))
            .values_list("case", "last")
        )
        WaveMember.objects.bulk_create(
            WaveMember(wave=wave, case_id=pk, steps=taken.get(pk, 0)) for pk, _team in cases
        )
        record(Event.WAVE_QUARANTINE_ASKED, actor=actor, subject=wave, cases=[str(pk) for pk in ids])
    return wave


def pending_wave_requests(user: User) -> QuerySet[WaveRequest]:
    """Wave requests this user may decide: another intake officer's, of one of the user's teams."""
    approvals = pending_for(user).filter(action=QUARANTINE_WAVE)
    return (
        WaveRequest.objects.filter(approval__in=approvals, team__in=user.teams.all())
        .exclude(approval__requested_by=user)
        .select_related("approval__requested_by", "team")
    )


def decide_wave_quarantine(wave: WaveRequest, *, approve: bool, actor: User) -> WaveOutcome:
    """Approve (and so move the wave's still-untouched cases to quarantine, all in this transaction) or
    refuse. Cases triaged, answered or moved since the request are left out and counted."""
    with transaction.atomic():
        if not pending_wave_requests(actor).filter(pk=wave.pk).exists():
            raise QuarantineError(_("Only another intake officer of the same team may decide this."))
        try:
            decided = decide_approval(wave.approval, approve=approve, actor=actor)
        except ApprovalError as exc:
            raise QuarantineError(str(exc)) from exc
        asked = wave.members.count()
        if not approve:
            return WaveOutcome(0, 0)
        steps = dict(wave.members.values_list("case_id", "steps"))
        try:
            moved = lifecycle.quarantine_wave(decided, steps, team_id=wave.team_id, actor=actor)
        except lifecycle.LifecycleError as exc:
            raise QuarantineError(str(exc)) from exc
        outcome = WaveOutcome(len(moved), asked - len(moved))
        record(
            Event.WAVE_QUARANTINED,
            actor=actor,
            subject=wave,
            moved=[str(case.pk) for case in moved],
            left_out=outcome.left_out,
        )
    return outcome


def forget_enquirer_traces(now: datetime.datetime) -> int:
    """Delete lapsed visits and spent form tokens past their expiry."""
    visits, _ = Visit.objects.filter(expires_at__lte=now).delete()
    tokens, _ = UsedFormToken.objects.filter(expires_on__lt=now.date()).delete()
    return visits + tokens


def set_intake_route(team: Team, *, active: bool, actor: User) -> IntakeRoute:
    """Open or close a team's route for new enquiries (creating it the first time it is opened). A closed
    route keeps its count, so reopening it does not flood the team with the round-robin's backlog."""
    with transaction.atomic():
        route, created = IntakeRoute.objects.select_for_update().get_or_create(
            team=team, defaults={"active": active}
        )
        if not created:
            route.active = active
            route.save(update_fields=["active"])
        record(Event.INTAKE_ROUTE_CHANGED, actor=actor, subject=team, active=active, created=created)
    return route
