"""A case's life as one table: every step, where it may start, where it leads, who may take it, and which
steps a second person must approve.

This module is the only writer of ``Case.status`` (and of the dormant check-in date): ``Case.save()`` and
``Case.objects.update()`` refuse to change them otherwise (see ``embrace.cases.models``). So a move the table
does not have cannot happen through the ORM, whatever a view or a task tries.

What the database enforces by itself is narrower, because it sees neither the actor nor the table: a dormant
case has a check-in date and no other case has one; the steps of a case are numbered without gaps (two people
moving the same case at once cannot both succeed); one approval carries out one step only. A raw SQL UPDATE
of the status is not stopped, but leaves the case out of step with its ``CaseTransition`` history and with the
audit chain, where it shows.

Two-person steps (approving passage, registering, closing with purge) go through
``embrace.approvals``: asking creates an ``Approval``; the step is taken only when a different person holding
the required role approves it, and only if the case is still where it was and the asker may still ask.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Perm, Role
from embrace.approvals import models as approvals
from embrace.approvals.actions import ApprovalError, decide_approval, request_approval
from embrace.approvals.queries import pending_for
from embrace.audit.events import Event
from embrace.audit.log import record, subject_of
from embrace.cases.actions import add_note, today
from embrace.cases.models import (
    Attachment,
    Case,
    CaseTransition,
    IllegalTransition,
    LifecycleError,
    Message,
    Status,
    lifecycle_write,
)

if TYPE_CHECKING:
    from embrace.approvals.models import Approval

__all__ = [
    "QUARANTINE_WAVE",
    "TRANSITIONS",
    "IllegalTransition",
    "LifecycleError",
    "Transition",
    "allowed",
    "complete_approved_transition",
    "decide_transition",
    "quarantine_wave",
    "request_transition",
]


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[Status]
    target: Status
    # What the person taking (or, for a two-person step, asking for) the step must hold.
    perm: Perm
    # Set for two-person steps: a different person holding this role must approve.
    approver: Role | None = None
    # Closing with purge destroys the case's content for good (see _purge).
    purge: bool = False
    # The approver must be of the case's own team: those who will carry the step out, not a stranger.
    team_decides: bool = False

    @property
    def two_person(self) -> bool:
        return self.approver is not None

    @property
    def action(self) -> str:
        """The approval action naming this step."""
        return f"case.{self.name}"


S = Status
EARLY = frozenset({S.ENQUIRY, S.DORMANT, S.TRIAGE})
UNDER_WAY = frozenset({S.VETTING, S.PASSAGE_APPROVED, S.PASSAGE_PLANNED, S.IN_TRANSIT})
SIDE_EXITS = frozenset({S.WITHDRAWN, S.LOST_CONTACT, S.REJECTED, S.DUPLICATE})


def _t(
    name: str,
    sources: set[Status] | frozenset[Status],
    target: Status,
    perm: Perm,
    approver: Role | None = None,
    *,
    purge: bool = False,
    team_decides: bool = False,
) -> Transition:
    return Transition(name, frozenset(sources), target, perm, approver, purge, team_decides)


# Intake officers (case:triage) own a case until it goes to vetting; vetting reviewers judge whether it is
# genuine, on enquiry and again on arrival; the assigned handler (case:handle) runs the passage. A step that
# appears twice is one step whose owner depends on how far the case has got.
TRANSITIONS: tuple[Transition, ...] = (
    _t("release", {S.QUARANTINED}, S.ENQUIRY, Perm.CASE_TRIAGE),
    _t("start_triage", {S.ENQUIRY, S.DORMANT}, S.TRIAGE, Perm.CASE_TRIAGE),
    # From dormant too: to move the check-in date.
    _t("make_dormant", {S.ENQUIRY, S.TRIAGE, S.DORMANT}, S.DORMANT, Perm.CASE_TRIAGE),
    _t("refer_for_vetting", {S.TRIAGE}, S.VETTING, Perm.CASE_TRIAGE),
    # The reviewer who found the enquirer genuine asks; a handler of the case's team approves: the people
    # who will run the passage decide it, and no other team learns that it is being planned.
    _t(
        "approve_passage",
        {S.VETTING},
        S.PASSAGE_APPROVED,
        Perm.VETTING_REVIEW,
        Role.HANDLER,
        team_decides=True,
    ),
    _t("plan_passage", {S.PASSAGE_APPROVED}, S.PASSAGE_PLANNED, Perm.CASE_HANDLE),
    _t("begin_transit", {S.PASSAGE_PLANNED}, S.IN_TRANSIT, Perm.CASE_HANDLE),
    _t("record_arrival", {S.IN_TRANSIT}, S.ARRIVED, Perm.CASE_HANDLE),
    _t("record_screening", {S.ARRIVED}, S.SCREENED, Perm.VETTING_REVIEW),
    _t("register", {S.SCREENED}, S.REGISTERED, Perm.CASE_HANDLE, Role.VETTING_REVIEWER),
    _t("close", {S.REGISTERED}, S.CLOSED, Perm.CASE_HANDLE),
    # Custodians approve a purge: it destroys the identity they otherwise guard.
    _t("close_and_purge", {S.REGISTERED, S.CLOSED}, S.CLOSED, Perm.CASE_HANDLE, Role.CUSTODIAN, purge=True),
    _t("close_and_purge", SIDE_EXITS, S.CLOSED, Perm.CASE_TRIAGE, Role.CUSTODIAN, purge=True),
    # Side exits.
    _t("withdraw", EARLY, S.WITHDRAWN, Perm.CASE_TRIAGE),
    _t("withdraw", UNDER_WAY, S.WITHDRAWN, Perm.CASE_HANDLE),
    _t("lose_contact", EARLY, S.LOST_CONTACT, Perm.CASE_TRIAGE),
    _t("lose_contact", UNDER_WAY, S.LOST_CONTACT, Perm.CASE_HANDLE),
    # Whatever stage it had reached, a case that went quiet is looked at afresh.
    _t("resume_contact", {S.LOST_CONTACT}, S.TRIAGE, Perm.CASE_TRIAGE),
    _t("reject", {S.TRIAGE, S.VETTING, S.ARRIVED, S.SCREENED}, S.REJECTED, Perm.VETTING_REVIEW),
    _t("mark_duplicate", EARLY, S.DUPLICATE, Perm.CASE_TRIAGE),
    _t("mark_duplicate", {S.VETTING}, S.DUPLICATE, Perm.VETTING_REVIEW),
)

NAMES = frozenset(t.name for t in TRANSITIONS)

# Moving a flood wave to quarantine (embrace.intake's waves page). Kept out of TRANSITIONS on purpose: no
# case page offers it and no approval of a single case carries it out; only ``quarantine_wave`` takes it,
# for an approved wave request, so hiding many enquiries always takes two intake officers of the team.
QUARANTINE_WAVE = _t(
    "quarantine", {S.ENQUIRY}, S.QUARANTINED, Perm.CASE_TRIAGE, Role.INTAKE_OFFICER, team_decides=True
)


# The furthest ahead a dormant case may be set to check in: further than this is a typing mistake.
DORMANT_MAX_DAYS = 366


def _label(status: str) -> str:
    return str(Status(status).label).lower()


def _words(name: str) -> str:
    from embrace.cases.words import step_label

    return step_label(name)


def _step(name: str, status: str) -> Transition:
    """The row for this step from this status, or a clear refusal."""
    rows = [t for t in TRANSITIONS if t.name == name]
    if not rows:
        raise LifecycleError(_("There is no such step."))
    for row in rows:
        if status in row.sources:
            return row
    starts = sorted({_label(s) for row in rows for s in row.sources})
    raise IllegalTransition(
        _("A case that is %(status)s cannot take the step “%(step)s”; it starts from: %(starts)s.")
        % {"status": _label(status), "step": _words(name), "starts": ", ".join(starts)}
    )


def _may(user: User | None, case: Case, row: Transition) -> bool:
    """The permission, and need-to-know: the case's team, or for handling steps its assigned handler.

    A reviewer's step is never taken by the case's own handler, even one who is also a reviewer: the person
    who talks to the enquirer does not judge them.
    """
    if user is None or not user.can(row.perm):
        return False
    if row.perm == Perm.CASE_HANDLE:
        return case.handler_id == user.pk
    if row.perm == Perm.VETTING_REVIEW and case.handler_id == user.pk:
        return False
    return user.teams.filter(pk=case.team_id).exists()


def _team_decides(name: str) -> bool:
    return any(t.team_decides for t in TRANSITIONS if t.name == name)


def may_decide(approval: Approval, case: Case | None, user: User) -> bool:
    """Whether ``user`` may see and decide this request about ``case``, beyond holding the required role.

    For steps a team decides (passage), only people of the case's team: a request of another team is not
    shown to them at all, so its case reference does not travel beyond the team.
    """
    if approval.requested_by_id == user.pk:
        return False
    if not _team_decides(approval.action.removeprefix("case.")):
        return True
    return case is not None and user.teams.filter(pk=case.team_id).exists()


def decidable(user: User) -> list[tuple[Approval, Case | None]]:
    """Waiting requests about cases that ``user`` may decide (``may_decide``), each with its case: what the
    approvals page lists and the home page counts. Another team's passage is not among them."""
    pending = list(pending_for(user).filter(action__startswith="case.").select_related("requested_by"))
    ids = [a.subject.partition(":")[2] for a in pending]
    cases = {str(c.pk): c for c in Case.objects.filter(pk__in=ids)}
    rows = [(a, cases.get(a.subject.partition(":")[2])) for a in pending]
    return [(a, case) for a, case in rows if may_decide(a, case, user)]


def _refuse_unless_may(user: User, case: Case, row: Transition) -> None:
    if not _may(afresh(user), case, row):
        raise LifecycleError(
            _("You may not take the step “%(step)s” on this case.") % {"step": _words(row.name)}
        )


def allowed(case: Case, user: User) -> list[Transition]:
    """The steps this user may take (or ask for) on the case as it is now, for pages to offer."""
    current = afresh(user)
    return [row for row in TRANSITIONS if case.status in row.sources and _may(current, case, row)]


def _check_in_date(row: Transition, dormant_until: datetime.date | None) -> datetime.date | None:
    if row.target == Status.DORMANT:
        if dormant_until is None or dormant_until <= today():
            raise LifecycleError(_("A dormant case needs a check-in date after today."))
        if dormant_until > today() + datetime.timedelta(days=DORMANT_MAX_DAYS):
            raise LifecycleError(_("Choose a check-in date within a year from today."))
        return dormant_until
    if dormant_until is not None:
        raise LifecycleError(_("Only a dormant case has a check-in date."))
    return None


def _refuse_purged(case: Case, row: Transition) -> None:
    if row.purge and case.body.destroyed_at is not None:
        raise LifecycleError(_("This case has already been purged."))


def request_transition(
    case: Case,
    name: str,
    *,
    actor: User,
    reason: str = "",
    dormant_until: datetime.date | None = None,
    duplicate_of: Case | None = None,
) -> Case | Approval:
    """Take the step now (returns the updated case), or for a two-person step ask for it (returns the
    Approval that a second person decides with ``decide_transition``).

    For a one-person step, ``reason`` is kept as an internal note, sealed like every note (it may say
    things about the enquirer), and the audit entry names the note; ``duplicate_of`` (for
    ``mark_duplicate`` only) names the case this one repeats."""
    with transaction.atomic():
        locked = Case.objects.select_for_update().select_related("body").get(pk=case.pk)
        row = _step(name, locked.status)
        _refuse_unless_may(actor, locked, row)
        _refuse_unless_vetted(locked, row)
        checkin = _check_in_date(row, dormant_until)
        _refuse_purged(locked, row)
        if row.approver is None:
            why = _record_why(locked, row, actor=actor, reason=reason, duplicate_of=duplicate_of)
            return _apply(locked, row, actor=actor, dormant_until=checkin, why=why)
        try:
            return request_approval(
                row.action, subject_of(locked), required_role=row.approver, reason=reason, actor=actor
            )
        except ApprovalError as exc:
            raise LifecycleError(str(exc)) from exc


def decide_transition(approval: Approval, *, approve: bool, actor: User, note: str = "") -> Approval:
    """Approve (and so take the step) or refuse a two-person step, in one transaction.

    An approval that cannot be carried out (the case has moved on, the asker has lost the right to ask) is
    not recorded either: the decider is told why and may refuse instead. Refusing leaves the case as it is.
    """
    with transaction.atomic():
        try:
            decided = decide_approval(approval, approve=approve, actor=actor, note=note)
        except ApprovalError as exc:
            raise LifecycleError(str(exc)) from exc
        if approve:
            complete_approved_transition(decided, actor=actor)
    return decided


def complete_approved_transition(approval: Approval, *, actor: User) -> Case:
    """Take the step an approval approved, for an approval decided elsewhere (the approvals inbox).

    The approval row is checked as if untrusted: anyone can create one with ``request_approval``, so the
    action, role, asker and decider are all checked against the table here.
    """
    with transaction.atomic():
        approval = approvals.Approval.objects.select_for_update().get(pk=approval.pk)
        if approval.status != approvals.Status.APPROVED:
            raise LifecycleError(_("This request has not been approved."))
        if actor.pk not in (approval.requested_by_id, approval.decided_by_id):
            raise LifecycleError(
                _("Only the person who asked or the person who approved may carry this out.")
            )
        label, _sep, case_pk = approval.subject.partition(":")
        name = approval.action.removeprefix("case.")
        if label != Case._meta.label_lower or not approval.action.startswith("case.") or name not in NAMES:
            raise LifecycleError(_("This approval is not for a step in a case's life."))
        if CaseTransition.objects.filter(approval=approval).exists():
            raise LifecycleError(_("This approval has already been carried out."))
        case = Case.objects.select_for_update().select_related("body").get(pk=case_pk)
        row = _step(name, case.status)
        if row.approver is None or approval.required_role != row.approver:
            raise LifecycleError(
                _("The step “%(step)s” needs the approval of a %(role)s.")
                % {"step": _words(name), "role": _role_label(row.approver)}
            )
        if not _may(afresh(approval.requested_by), case, row):
            raise LifecycleError(_("The person who asked may no longer take this step on this case."))
        decider = afresh(approval.decided_by) if approval.decided_by else None
        if decider is None or not decider.has_role(row.approver) or decider.pk == approval.requested_by_id:
            raise LifecycleError(
                _("Only another person who is a %(role)s may approve this.")
                % {"role": _role_label(row.approver)}
            )
        if row.team_decides and not decider.teams.filter(pk=case.team_id).exists():
            raise LifecycleError(
                _("Only a %(role)s of the case's own team may approve this.")
                % {"role": _role_label(row.approver)}
            )
        _refuse_purged(case, row)
        # Again at approval: a plant flag raised after the request must still stop the passage.
        _refuse_unless_vetted(case, row)
        return _apply(case, row, actor=actor, approval=approval)


def quarantine_wave(
    approval: Approval, steps: dict[uuid.UUID, int], *, team_id: uuid.UUID, actor: User
) -> list[Case]:
    """Move the cases of an approved wave request to quarantine, in one transaction: each case in ``steps``
    (case id → how many steps its life had when the wave was asked for) that is still untouched (new,
    unassigned, unanswered), of ``team_id``, and has taken no step since. Returns the cases moved.

    As for ``complete_approved_transition``, the approval is checked as if untrusted: approved, by ``actor``
    (the approver carries it out at once), who is another intake officer of the team than the asker, and
    the asker may still triage the team's cases.
    """
    from embrace.cases.waves import untouched

    row = QUARANTINE_WAVE
    with transaction.atomic():
        approval = approvals.Approval.objects.select_for_update().get(pk=approval.pk)
        if approval.status != approvals.Status.APPROVED or approval.decided_by_id != actor.pk:
            raise LifecycleError(_("This request has not been approved by you."))
        decider = afresh(actor)
        if (
            decider is None
            or decider.pk == approval.requested_by_id
            or approval.required_role != row.approver
            or not decider.has_role(Role.INTAKE_OFFICER)
            or not decider.teams.filter(pk=team_id).exists()
        ):
            raise LifecycleError(_("Only another intake officer of the same team may approve this."))
        asker = afresh(approval.requested_by)
        if asker is None or not asker.can(row.perm) or not asker.teams.filter(pk=team_id).exists():
            raise LifecycleError(_("The person who asked may no longer take this step."))
        locked = list(
            Case.objects.select_for_update()
            .filter(pk__in=list(steps), team_id=team_id)
            .select_related("body")
            .order_by("pk")
        )
        still = set(
            untouched(Case.objects.filter(pk__in=[c.pk for c in locked])).values_list("pk", flat=True)
        )
        taken = dict(
            CaseTransition.objects.filter(case__in=[c.pk for c in locked])
            .values("case")
            .annotate(last=Max("seq"))
            .values_list("case", "last")
        )
        moved = []
        for case in locked:
            if case.pk in still and taken.get(case.pk, 0) == steps[case.pk]:
                moved.append(_apply(case, row, actor=actor, why={"wave": str(approval.pk)}))
    return moved


def _refuse_unless_vetted(case: Case, row: Transition) -> None:
    """Passage may be asked for only after two independent vetting sign-offs and with no plant flag."""
    from embrace.vetting.queries import passage_may_be_requested

    if row.target == Status.PASSAGE_APPROVED:
        ready, why = passage_may_be_requested(case)
        if not ready:
            raise LifecycleError(why)


def _record_why(
    case: Case, row: Transition, *, actor: User, reason: str, duplicate_of: Case | None
) -> dict[str, str]:
    """The reason as a sealed note, and the case repeated; what the step's audit entry says about them."""
    why: dict[str, str] = {}
    if duplicate_of is not None:
        if row.name != "mark_duplicate":
            raise LifecycleError(_("Only “Mark as a duplicate” names another case."))
        if duplicate_of.pk == case.pk:
            raise LifecycleError(_("A case cannot be a duplicate of itself."))
        why["duplicate_of"] = str(duplicate_of.pk)
    reason = reason.strip()
    if reason:
        text = f"{_words(row.name)}: {reason}"
        if duplicate_of is not None:
            text += "\n" + _("Duplicate of case %(reference)s.") % {"reference": duplicate_of.reference}
        why["reason_note"] = str(add_note(case, text, actor=actor).pk)
    return why


def _role_label(role: Role | None) -> str:
    return str(Role(role).label).lower() if role else _("second person")


def _apply(
    case: Case,
    row: Transition,
    *,
    actor: User,
    approval: Approval | None = None,
    dormant_until: datetime.date | None = None,
    why: dict[str, str] | None = None,
) -> Case:
    """Take the step on a case locked by the caller, whose status the caller has checked against ``row``."""
    seq = (case.transitions.aggregate(m=Max("seq"))["m"] or 0) + 1
    with lifecycle_write():
        Case.objects.filter(pk=case.pk).update(status=row.target, dormant_until=dormant_until)
    CaseTransition.objects.create(
        case=case,
        seq=seq,
        name=row.name,
        from_status=case.status,
        to_status=row.target,
        actor=actor,
        approval=approval,
        made_on=today(),
    )
    record(
        Event.CASE_TRANSITION,
        actor=actor,
        subject=case,
        **{"name": row.name, "from": case.status, "to": row.target, "seq": seq},
        approval=str(approval.pk) if approval else None,
        **(why or {}),
    )
    if row.target == Status.ARRIVED:
        # Arrival starts the passage plan's grace period; housekeeping destroys it when that ends.
        from embrace.passage.actions import note_arrival

        note_arrival(case)
    if row.purge:
        _purge(case, actor=actor)
    case.refresh_from_db()
    return case


def _purge(case: Case, *, actor: User) -> None:
    """Destroy what the case holds: its keys, messages, files, receipt, notes, dependants, labels, vetting,
    passage plan and blind-index entries, through the one destroy path (``embrace.retention.destroy``).

    The row stays, with its status, team and dates, so that counts still add up; nothing in it says anything
    about the person. Files are removed only once the purge is committed, so a failed purge loses nothing.
    """
    # Imported here: the destroy path stands on the floor above (it reaches vetting and passage too).
    from embrace.retention.destroy import KINDS, destroy_case_content

    count = Message.objects.filter(case=case).count()
    files = Attachment.objects.filter(message__case=case).count()
    destroy_case_content(case, KINDS, rule="purge", on=today(), actor=actor)
    record(Event.CASE_PURGED, actor=actor, subject=case, messages=count, files=files)
