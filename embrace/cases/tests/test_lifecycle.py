"""The case lifecycle: every step by the person who owns it, nobody else; no status written any other way."""

from __future__ import annotations

import datetime
import re
from collections import deque
from dataclasses import dataclass

import pytest
from django.db import IntegrityError, transaction

from embrace.accounts.models import RoleAssignment, Team
from embrace.accounts.roles import Perm, Role
from embrace.approvals.actions import decide_approval, request_approval
from embrace.approvals.models import Approval
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.events import Event
from embrace.audit.log import verify_chain
from embrace.audit.models import AuditEntry
from embrace.cases.actions import Photo, attachment_path, today
from embrace.cases.lifecycle import (
    TRANSITIONS,
    IllegalTransition,
    LifecycleError,
    Transition,
    allowed,
    complete_approved_transition,
    decide_transition,
    request_transition,
)
from embrace.cases.models import (
    Attachment,
    Case,
    CaseTransition,
    Dependant,
    Label,
    Message,
    Status,
    lifecycle_write,
)
from embrace.cases.words import step_label
from embrace.testing.personas import Persona, make_persona
from embrace.vault import actions as vault
from embrace.vault import receipts
from embrace.vault.keyring import unlock_with_password
from embrace.vault.models import CompartmentKey

pytestmark = pytest.mark.django_db

CHECK_IN = datetime.date.today() + datetime.timedelta(days=30)


@dataclass
class Crew:
    """One team's staff, plus the second people who approve, plus staff of another team."""

    team: Team
    intake: Persona
    handler: Persona  # assigned to every case made here
    reviewer: Persona
    approvers: dict[Role, Persona]
    other_handler: Persona  # a handler in the team, not assigned to the case
    foreign_intake: Persona
    foreign_reviewer: Persona

    def owner(self, perm: Perm) -> Persona:
        return {
            Perm.CASE_TRIAGE: self.intake,
            Perm.CASE_HANDLE: self.handler,
            Perm.VETTING_REVIEW: self.reviewer,
        }[perm]

    def refused(self, perm: Perm) -> list[Persona]:
        """Same team without the permission, and with the permission but without need-to-know."""
        return {
            Perm.CASE_TRIAGE: [self.handler, self.reviewer, self.foreign_intake],
            Perm.CASE_HANDLE: [self.intake, self.reviewer, self.other_handler],
            Perm.VETTING_REVIEW: [self.intake, self.handler, self.foreign_reviewer],
        }[perm]


@pytest.fixture(autouse=True)
def _quick_passwords(settings: object) -> None:
    # Nobody logs in here: the real password hasher's cost would be most of the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture
def crew(intake_team: Team, other_team: Team) -> Crew:
    return Crew(
        team=intake_team,
        intake=make_persona("intake", Role.INTAKE_OFFICER, teams=(intake_team,)),
        handler=make_persona("handler", Role.HANDLER, teams=(intake_team,)),
        reviewer=make_persona("reviewer", Role.VETTING_REVIEWER, teams=(intake_team,)),
        approvers={
            Role.HANDLER: make_persona("senior_handler", Role.HANDLER, teams=(intake_team,)),
            Role.VETTING_REVIEWER: make_persona("second_reviewer", Role.VETTING_REVIEWER),
            Role.CUSTODIAN: make_persona("custodian", Role.CUSTODIAN),
        },
        other_handler=make_persona("other_handler", Role.HANDLER, teams=(intake_team,)),
        foreign_intake=make_persona("foreign_intake", Role.INTAKE_OFFICER, teams=(other_team,)),
        foreign_reviewer=make_persona("foreign_reviewer", Role.VETTING_REVIEWER, teams=(other_team,)),
    )


def new_case(crew: Crew, status: Status = Status.ENQUIRY) -> Case:
    """A case as intake makes it, assigned to the crew's handler, walked to ``status`` by real steps."""
    start = Status.QUARANTINED if status == Status.QUARANTINED else Status.ENQUIRY
    case = Case.objects.create(
        status=start,
        team=crew.team,
        opened_on=today(),
        last_enquirer_on=today(),
        body=vault.create_compartment("body", [crew.intake.user], actor=None),
        identity=vault.create_compartment("identity", [crew.intake.user], actor=None),
    )
    Case.objects.filter(pk=case.pk).update(handler=crew.handler.user)
    return walk(crew, Case.objects.get(pk=case.pk), status)


def path_to(start: Status, goal: Status) -> list[Transition]:
    queue: deque[tuple[Status, list[Transition]]] = deque([(start, [])])
    seen = {start}
    while queue:
        status, steps = queue.popleft()
        if status == goal:
            return steps
        # Never by a purge: a case walked to "closed" is wanted with its content.
        for row in TRANSITIONS:
            if status in row.sources and row.target not in seen and not row.purge:
                seen.add(row.target)
                queue.append((row.target, [*steps, row]))
    raise AssertionError(f"no path from {start} to {goal}")


def vet(crew: Crew, case: Case) -> None:
    """Two independent reviewers sign the enquirer off as genuine: what passage approval waits for."""
    from embrace.vetting.actions import sign_off
    from embrace.vetting.models import SignOff

    for reviewer in (crew.reviewer, crew.approvers[Role.VETTING_REVIEWER]):
        if not SignOff.objects.filter(case=case, reviewer=reviewer.user).exists():
            sign_off(
                case,
                "genuine",
                "",
                actor=reviewer.user,
                keyring=unlock_with_password(reviewer.user, reviewer.password),
            )


def take(crew: Crew, case: Case, row: Transition) -> Case:
    """Take one step as its owner; a two-person step is approved by the second person for its role."""
    if row.target == Status.PASSAGE_APPROVED:
        vet(crew, case)
    checkin = CHECK_IN if row.target == Status.DORMANT else None
    result = request_transition(case, row.name, actor=crew.owner(row.perm).user, dormant_until=checkin)
    if isinstance(result, Approval):
        assert row.approver is not None
        decide_transition(result, approve=True, actor=crew.approvers[row.approver].user)
    return Case.objects.get(pk=case.pk)


def walk(crew: Crew, case: Case, goal: Status) -> Case:
    for row in path_to(Status(case.status), goal):
        case = take(crew, case, row)
    assert case.status == goal
    return case


def transition_entries(case: Case) -> list[dict[str, object]]:
    rows = AuditEntry.objects.filter(event=Event.CASE_TRANSITION, subject=f"cases.case:{case.pk}")
    return [e.data for e in rows.order_by("seq")]


STEPS = [(row, source) for row in TRANSITIONS for source in sorted(row.sources)]
STEP_IDS = [f"{row.name}-from-{source}" for row, source in STEPS]


@pytest.mark.parametrize(("row", "source"), STEPS, ids=STEP_IDS)
def test_each_step_is_taken_by_its_owner(crew: Crew, row: Transition, source: Status) -> None:
    case = new_case(crew, source)
    owner = crew.owner(row.perm).user
    checkin = CHECK_IN if row.target == Status.DORMANT else None
    if row.target == Status.PASSAGE_APPROVED:
        vet(crew, case)
    before = CaseTransition.objects.filter(case=case).count()

    result = request_transition(case, row.name, actor=owner, reason="as planned", dormant_until=checkin)

    if row.two_person:
        assert isinstance(result, Approval)
        assert (result.action, result.subject, result.required_role) == (
            f"case.{row.name}",
            f"cases.case:{case.pk}",
            row.approver,
        )
        assert Case.objects.get(pk=case.pk).status == source  # nothing happens on one person's word
        assert row.approver is not None
        decide_transition(result, approve=True, actor=crew.approvers[row.approver].user)
        actor = crew.approvers[row.approver].user
    else:
        assert isinstance(result, Case)
        actor = owner
    case = Case.objects.get(pk=case.pk)
    assert case.status == row.target
    assert case.dormant_until == checkin
    step = CaseTransition.objects.get(case=case, seq=before + 1)
    assert (step.name, step.from_status, step.to_status, step.actor_id) == (
        row.name,
        source,
        row.target,
        actor.pk,
    )
    assert step.approval_id == (result.pk if row.two_person else None)
    entry = AuditEntry.objects.filter(event=Event.CASE_TRANSITION, subject=f"cases.case:{case.pk}").last()
    assert entry is not None
    assert entry.actor == actor.pk
    assert (entry.data["name"], entry.data["from"], entry.data["to"]) == (row.name, source, row.target)
    assert verify_chain().ok


@pytest.mark.parametrize(("row", "source"), STEPS, ids=STEP_IDS)
def test_each_step_is_refused_to_everyone_else(crew: Crew, row: Transition, source: Status) -> None:
    case = new_case(crew, source)
    checkin = CHECK_IN if row.target == Status.DORMANT else None
    entries = AuditEntry.objects.count()
    for persona in crew.refused(row.perm):
        with pytest.raises(LifecycleError, match="You may not take the step"):
            request_transition(case, row.name, actor=persona.user, dormant_until=checkin)
    assert Case.objects.get(pk=case.pk).status == source
    assert not Approval.objects.filter(
        subject=f"cases.case:{case.pk}", status=ApprovalStatus.PENDING
    ).exists()
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize("status", list(Status), ids=[s.value for s in Status])
def test_steps_the_table_lacks_are_refused_from_every_status(crew: Crew, status: Status) -> None:
    case = new_case(crew, status)
    possible = {row.name for row in TRANSITIONS if status in row.sources}
    impossible = [row for row in TRANSITIONS if row.name not in possible]
    assert impossible
    for row in impossible:
        checkin = CHECK_IN if row.target == Status.DORMANT else None
        refusal = re.escape(f"cannot take the step “{step_label(row.name)}”")
        with pytest.raises(IllegalTransition, match=refusal):
            request_transition(case, row.name, actor=crew.owner(row.perm).user, dormant_until=checkin)
    assert Case.objects.get(pk=case.pk).status == status


def test_an_enquiry_cannot_jump_to_arrived(crew: Crew) -> None:
    case = new_case(crew)
    with pytest.raises(IllegalTransition) as refused:
        request_transition(case, "record_arrival", actor=crew.handler.user)
    assert str(refused.value) == (
        "A case that is enquiry cannot take the step “Record the arrival”; it starts from: in transit."
    )
    assert Case.objects.get(pk=case.pk).status == Status.ENQUIRY
    assert not CaseTransition.objects.filter(case=case).exists()


def test_an_unknown_step_is_refused(crew: Crew) -> None:
    with pytest.raises(LifecycleError, match="There is no such step"):
        request_transition(new_case(crew), "teleport", actor=crew.intake.user)


def test_a_deactivated_owner_may_not_take_a_step(crew: Crew) -> None:
    case = new_case(crew)
    user = crew.intake.user
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    with pytest.raises(LifecycleError, match="You may not"):
        request_transition(case, "start_triage", actor=user)  # the stale object still says active


def test_allowed_lists_what_this_person_may_do_now(crew: Crew) -> None:
    case = new_case(crew)
    assert {t.name for t in allowed(case, crew.intake.user)} == {
        "start_triage",
        "make_dormant",
        "withdraw",
        "lose_contact",
        "mark_duplicate",
    }
    assert allowed(case, crew.handler.user) == []
    assert allowed(case, crew.foreign_intake.user) == []
    vetting = new_case(crew, Status.VETTING)
    assert {t.name for t in allowed(vetting, crew.reviewer.user)} == {
        "approve_passage",
        "reject",
        "mark_duplicate",
    }
    assert {t.name for t in allowed(vetting, crew.handler.user)} == {"withdraw", "lose_contact"}


# --- The dormant check-in date ---------------------------------------------------------------------------


def test_going_dormant_needs_a_check_in_date_after_today(crew: Crew) -> None:
    case = new_case(crew)
    for date in (None, today(), today() - datetime.timedelta(days=1)):
        with pytest.raises(LifecycleError, match="needs a check-in date after today"):
            request_transition(case, "make_dormant", actor=crew.intake.user, dormant_until=date)
    assert Case.objects.get(pk=case.pk).status == Status.ENQUIRY


def test_the_check_in_date_is_kept_moved_and_cleared(crew: Crew) -> None:
    case = request_transition(new_case(crew), "make_dormant", actor=crew.intake.user, dormant_until=CHECK_IN)
    assert isinstance(case, Case)
    assert (case.status, case.dormant_until) == (Status.DORMANT, CHECK_IN)
    later = CHECK_IN + datetime.timedelta(days=7)
    case = request_transition(case, "make_dormant", actor=crew.intake.user, dormant_until=later)
    assert isinstance(case, Case)
    assert case.dormant_until == later
    case = request_transition(case, "start_triage", actor=crew.intake.user)
    assert isinstance(case, Case)
    assert (case.status, case.dormant_until) == (Status.TRIAGE, None)


def test_only_a_dormant_case_takes_a_check_in_date(crew: Crew) -> None:
    with pytest.raises(LifecycleError, match="Only a dormant case has a check-in date"):
        request_transition(new_case(crew), "start_triage", actor=crew.intake.user, dormant_until=CHECK_IN)


def test_the_database_refuses_a_dormant_case_without_a_date(crew: Crew) -> None:
    case = new_case(crew)
    with lifecycle_write():  # past the model's guard, to reach the database's
        with pytest.raises(IntegrityError), transaction.atomic():
            Case.objects.filter(pk=case.pk).update(status=Status.DORMANT)
        with pytest.raises(IntegrityError), transaction.atomic():
            Case.objects.filter(pk=case.pk).update(dormant_until=CHECK_IN)


# --- No other way to change a status ---------------------------------------------------------------------


def test_save_refuses_a_status_change(crew: Crew) -> None:
    case = new_case(crew)
    case.status = Status.REGISTERED
    with pytest.raises(IllegalTransition, match=r"changes only through embrace\.cases\.lifecycle"):
        case.save()
    with pytest.raises(IllegalTransition):
        case.save(update_fields=["status"])
    assert Case.objects.get(pk=case.pk).status == Status.ENQUIRY


def test_reloading_other_fields_does_not_bless_a_status_change(crew: Crew) -> None:
    case = new_case(crew)
    case.status = Status.REGISTERED
    case.refresh_from_db(fields=["unread_by_staff"])
    with pytest.raises(IllegalTransition):
        case.save()
    case.refresh_from_db()
    case.save()
    assert Case.objects.get(pk=case.pk).status == Status.ENQUIRY


def test_save_refuses_a_check_in_date_change(crew: Crew) -> None:
    case = new_case(crew, Status.DORMANT)
    case.dormant_until = CHECK_IN + datetime.timedelta(days=100)
    with pytest.raises(IllegalTransition, match="dormant_until"):
        case.save()
    assert Case.objects.get(pk=case.pk).dormant_until == CHECK_IN


def test_update_refuses_a_status_change(crew: Crew) -> None:
    case = new_case(crew)
    with pytest.raises(IllegalTransition, match=r"changes only through embrace\.cases\.lifecycle"):
        Case.objects.filter(pk=case.pk).update(status=Status.PASSAGE_APPROVED)
    case.status = Status.PASSAGE_APPROVED
    with pytest.raises(IllegalTransition):
        Case.objects.bulk_update([case], ["status"])
    assert Case.objects.get(pk=case.pk).status == Status.ENQUIRY


def test_a_case_is_born_only_as_an_enquiry_or_in_quarantine(crew: Crew) -> None:
    def fresh(status: Status) -> Case:
        return Case(
            status=status,
            team=crew.team,
            opened_on=today(),
            last_enquirer_on=today(),
            body=vault.create_compartment("body", [], actor=None),
            identity=vault.create_compartment("identity", [], actor=None),
        )

    with pytest.raises(IllegalTransition, match="starts as an enquiry or in quarantine"):
        fresh(Status.REGISTERED).save()
    with pytest.raises(IllegalTransition):
        Case.objects.bulk_create([fresh(Status.PASSAGE_APPROVED)])
    fresh(Status.ENQUIRY).save()
    Case.objects.bulk_create([fresh(Status.QUARANTINED)])
    assert sorted(Case.objects.values_list("status", flat=True)) == [Status.ENQUIRY, Status.QUARANTINED]


def test_a_stale_copy_saves_its_other_fields_without_undoing_a_step(crew: Crew) -> None:
    stale = new_case(crew)
    request_transition(stale, "start_triage", actor=crew.intake.user)
    stale.needs_script_review = True
    stale.save()
    case = Case.objects.get(pk=stale.pk)
    assert (case.status, case.needs_script_review) == (Status.TRIAGE, True)


def test_a_case_that_has_moved_on_cannot_be_deleted(crew: Crew) -> None:
    case = new_case(crew, Status.TRIAGE)
    with pytest.raises(IllegalTransition, match="cannot be deleted; close or purge it"):
        Case.objects.filter(pk=case.pk).delete()
    stale = Case.objects.get(pk=case.pk)
    stale.status = Status.QUARANTINED  # what an old copy might say
    with pytest.raises(IllegalTransition):
        stale.delete()
    assert Case.objects.filter(pk=case.pk).exists()


def test_steps_of_a_case_are_numbered_once(crew: Crew) -> None:
    case = new_case(crew, Status.TRIAGE)
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseTransition.objects.create(
            case=case,
            seq=1,
            name="start_triage",
            from_status=Status.ENQUIRY,
            to_status=Status.TRIAGE,
            actor=crew.intake.user,
            made_on=today(),
        )


# --- Two people ----------------------------------------------------------------------------------------


def test_no_one_approves_the_step_they_asked_for(crew: Crew, intake_team: Team) -> None:
    both = make_persona("both", Role.VETTING_REVIEWER, Role.HANDLER, teams=(intake_team,))
    case = new_case(crew, Status.VETTING)
    vet(crew, case)
    approval = request_transition(case, "approve_passage", actor=both.user)
    assert isinstance(approval, Approval)
    with pytest.raises(LifecycleError, match="No one may decide their own request"):
        decide_transition(approval, approve=True, actor=both.user)
    assert Case.objects.get(pk=case.pk).status == Status.VETTING
    assert Approval.objects.get(pk=approval.pk).status == ApprovalStatus.PENDING


def test_only_the_required_role_approves(crew: Crew) -> None:
    case = new_case(crew, Status.SCREENED)
    approval = request_transition(case, "register", actor=crew.handler.user)
    assert isinstance(approval, Approval)
    for persona in (crew.approvers[Role.HANDLER], crew.approvers[Role.CUSTODIAN], crew.intake):
        with pytest.raises(LifecycleError, match="Only a vetting reviewer may decide this"):
            decide_transition(approval, approve=True, actor=persona.user)
    assert Case.objects.get(pk=case.pk).status == Status.SCREENED


def test_refusal_leaves_the_case_where_it_was(crew: Crew) -> None:
    case = new_case(crew, Status.VETTING)
    vet(crew, case)
    approval = request_transition(case, "approve_passage", actor=crew.reviewer.user)
    assert isinstance(approval, Approval)
    decided = decide_transition(
        approval, approve=False, actor=crew.approvers[Role.HANDLER].user, note="not yet"
    )
    assert decided.status == ApprovalStatus.REFUSED
    assert Case.objects.get(pk=case.pk).status == Status.VETTING
    assert not CaseTransition.objects.filter(case=case, name="approve_passage").exists()
    with pytest.raises(LifecycleError, match="has not been approved"):
        complete_approved_transition(decided, actor=crew.reviewer.user)
    events = AuditEntry.objects.filter(subject=f"approvals.approval:{approval.pk}").values_list(
        "event", flat=True
    )
    assert list(events.order_by("seq")) == [Event.APPROVAL_REQUESTED, Event.APPROVAL_REFUSED]


def test_a_second_request_for_the_same_step_waits_for_the_first(crew: Crew) -> None:
    case = new_case(crew, Status.VETTING)
    vet(crew, case)
    request_transition(case, "approve_passage", actor=crew.reviewer.user)
    with pytest.raises(LifecycleError, match="already waiting"):
        request_transition(case, "approve_passage", actor=crew.reviewer.user)


def test_an_approval_cannot_apply_once_the_case_has_moved_on(crew: Crew) -> None:
    case = new_case(crew, Status.VETTING)
    vet(crew, case)
    approval = request_transition(case, "approve_passage", actor=crew.reviewer.user)
    assert isinstance(approval, Approval)
    request_transition(case, "withdraw", actor=crew.handler.user)
    with pytest.raises(
        IllegalTransition, match="A case that is withdrawn cannot take the step “Ask to approve passage”"
    ):
        decide_transition(approval, approve=True, actor=crew.approvers[Role.HANDLER].user)
    assert Case.objects.get(pk=case.pk).status == Status.WITHDRAWN
    # The approval is not half-recorded: it can still be refused.
    assert Approval.objects.get(pk=approval.pk).status == ApprovalStatus.PENDING
    decide_transition(approval, approve=False, actor=crew.approvers[Role.HANDLER].user)


def test_an_approval_decided_elsewhere_is_carried_out_once(crew: Crew) -> None:
    case = new_case(crew, Status.VETTING)
    vet(crew, case)
    approval = request_transition(case, "approve_passage", actor=crew.reviewer.user)
    assert isinstance(approval, Approval)
    senior = crew.approvers[Role.HANDLER].user
    decide_approval(approval, approve=True, actor=senior)  # as an approvals inbox would
    assert Case.objects.get(pk=case.pk).status == Status.VETTING
    case = complete_approved_transition(approval, actor=senior)
    assert case.status == Status.PASSAGE_APPROVED
    assert transition_entries(case)[-1]["approval"] == str(approval.pk)
    with pytest.raises(LifecycleError, match="already been carried out"):
        complete_approved_transition(approval, actor=crew.reviewer.user)


def test_an_approver_who_lost_the_role_no_longer_counts(crew: Crew) -> None:
    case = new_case(crew, Status.VETTING)
    vet(crew, case)
    approval = request_transition(case, "approve_passage", actor=crew.reviewer.user)
    assert isinstance(approval, Approval)
    senior = crew.approvers[Role.HANDLER].user
    decide_approval(approval, approve=True, actor=senior)
    RoleAssignment.objects.filter(user=senior, role=Role.HANDLER).delete()
    with pytest.raises(LifecycleError, match="Only another person who is a case handler may approve this"):
        complete_approved_transition(approval, actor=crew.reviewer.user)
    assert Case.objects.get(pk=case.pk).status == Status.VETTING


def test_an_approval_made_outside_the_lifecycle_does_not_move_a_case(crew: Crew) -> None:
    """Anyone can create an Approval row; it counts only if the table would have let its asker ask."""
    case = new_case(crew, Status.SCREENED)
    forged = request_approval(
        "case.register",
        f"cases.case:{case.pk}",
        required_role=Role.VETTING_REVIEWER,
        reason="",
        actor=crew.intake.user,  # intake officers may not ask to register
    )
    decide_approval(forged, approve=True, actor=crew.reviewer.user)
    with pytest.raises(LifecycleError, match="The person who asked may no longer take this step"):
        complete_approved_transition(forged, actor=crew.reviewer.user)

    wrong_role = request_approval(
        "case.approve_passage",
        f"cases.case:{new_case(crew, Status.VETTING).pk}",
        required_role=Role.CUSTODIAN,
        reason="",
        actor=crew.reviewer.user,
    )
    decide_approval(wrong_role, approve=True, actor=crew.approvers[Role.CUSTODIAN].user)
    with pytest.raises(LifecycleError, match="needs the approval of a case handler"):
        complete_approved_transition(wrong_role, actor=crew.reviewer.user)
    assert Case.objects.get(pk=case.pk).status == Status.SCREENED


# --- Purge -----------------------------------------------------------------------------------------------


# Committed for real: files go, and the vault scrubs its pages, only once the purge has committed.
@pytest.mark.django_db(transaction=True)
def test_close_and_purge_destroys_what_the_case_held(crew: Crew) -> None:
    from embrace.intake.actions import submit_enquiry
    from embrace.intake.models import IntakeRoute

    IntakeRoute.objects.create(team=crew.team)

    photo = Photo(data=b"\xff\xd8 not really a jpeg", mime="image/jpeg", width=1, height=1)
    case, receipt = submit_enquiry(
        {"text": "I want to leave"}, {"name": "X"}, [photo], token="t1", quarantine=False
    )
    Case.objects.filter(pk=case.pk).update(handler=crew.handler.user)
    Dependant.objects.create(
        case=case,
        relation=Dependant.Relation.CHILD,
        details=vault.seal(case.identity, b"{}"),
        recorded_on=today(),
    )
    Label.objects.create(team=crew.team, name="pilot").cases.add(case)
    stored = Attachment.objects.get(message__case=case).stored_name
    assert attachment_path(stored).exists()
    case = walk(crew, Case.objects.get(pk=case.pk), Status.WITHDRAWN)

    approval = request_transition(case, "close_and_purge", actor=crew.intake.user, reason="retention")
    assert isinstance(approval, Approval)
    assert receipts.open_receipt(receipt) is not None  # nothing is destroyed on one person's word
    decide_transition(approval, approve=True, actor=crew.approvers[Role.CUSTODIAN].user)

    case = Case.objects.get(pk=case.pk)
    assert case.status == Status.CLOSED
    assert (case.identity_details, case.receipt) == (None, None)
    assert not Message.objects.filter(case=case).exists()
    assert not Dependant.objects.filter(case=case).exists()
    assert not case.labels.exists()
    assert Label.objects.filter(name="pilot").exists()  # the tag stays for other cases
    assert not CompartmentKey.objects.filter(compartment__in=[case.body, case.identity]).exists()
    assert not attachment_path(stored).exists()
    assert receipts.open_receipt(receipt) is None
    assert AuditEntry.objects.filter(event=Event.CASE_PURGED, subject=f"cases.case:{case.pk}").exists()
    with pytest.raises(LifecycleError, match="already been purged"):
        request_transition(case, "close_and_purge", actor=crew.handler.user)


def test_a_closed_case_is_purged_only_with_a_custodian(crew: Crew) -> None:
    case = new_case(crew, Status.CLOSED)
    approval = request_transition(case, "close_and_purge", actor=crew.handler.user)
    assert isinstance(approval, Approval)
    assert CompartmentKey.objects.filter(compartment=case.body).exists()
    with pytest.raises(LifecycleError, match="Only a custodian may decide this"):
        decide_transition(approval, approve=True, actor=crew.approvers[Role.HANDLER].user)
    assert CompartmentKey.objects.filter(compartment=case.body).exists()


def test_the_whole_way_is_in_the_history_and_the_audit_log(crew: Crew) -> None:
    case = new_case(crew, Status.CLOSED)
    names = [
        "start_triage",
        "refer_for_vetting",
        "approve_passage",
        "plan_passage",
        "begin_transit",
        "record_arrival",
        "record_screening",
        "register",
        "close",
    ]
    assert list(CaseTransition.objects.filter(case=case).values_list("name", flat=True)) == names
    assert [e["name"] for e in transition_entries(case)] == names
    assert list(CaseTransition.objects.filter(case=case).values_list("seq", flat=True)) == list(range(1, 10))
    assert verify_chain().ok
