"""State changes to passage plans: opening after the two-person step, writing entries, destruction after
arrival. Entries are sealed with the compartment's public key; reading needs a passage-team member's key.

``note_arrival`` is idempotent and runs from housekeeping (``note_arrivals``); the retention rule for passage
plans (``embrace.retention``, run by housekeeping) calls ``destroy_plan`` through the one destroy path once
the grace after arrival has passed, so a plan is destroyed on time whether or not anything else calls them.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from django.db import connection, transaction
from django.db.models import Max
from django.utils.translation import gettext

from embrace.accounts.models import Team, User, afresh
from embrace.accounts.roles import Perm, Role
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases.actions import today
from embrace.cases.models import Case, CaseTransition, Status
from embrace.custody import groups as custody_groups
from embrace.passage.models import PassagePlan, PlanEntry
from embrace.vault import actions as vault
from embrace.vault.models import Compartment

# Where a plan can be opened: the passage has been approved and the person has not yet arrived.
OPEN_STATUSES = frozenset({Status.PASSAGE_APPROVED, Status.PASSAGE_PLANNED, Status.IN_TRANSIT})


class PassageError(Exception):
    """The passage plan cannot do this; the message says why, in words for the user."""


def passage_approved_by_two(case: Case) -> bool:
    """Whether the case's latest move into "passage approved" was carried out through a decided approval
    whose decider was not its asker: the two-person step, not a status that got there some other way."""
    step = (
        CaseTransition.objects.filter(case=case, to_status=Status.PASSAGE_APPROVED)
        .select_related("approval")
        .order_by("-seq")
        .first()
    )
    if step is None or step.approval is None:
        return False
    approval = step.approval
    return (
        approval.status == ApprovalStatus.APPROVED
        and approval.decided_by_id is not None
        and approval.decided_by_id != approval.requested_by_id
    )


def open_passage(case: Case, team: Team, *, actor: User) -> PassagePlan:
    """Open the case's passage plan, sealed to the passage key of ``team`` only (not the handler unless they
    hold it). Only the case's assigned handler may, and only after the two-person passage approval."""
    with transaction.atomic():
        locked = Case.objects.select_for_update().get(pk=case.pk)
        current = afresh(actor)
        if current is None or not current.can(Perm.CASE_HANDLE) or locked.handler_id != current.pk:
            raise PassageError(gettext("Only the case's handler may open its passage plan."))
        if locked.status not in OPEN_STATUSES:
            raise PassageError(
                gettext(
                    "A passage plan opens only once passage is approved and before arrival; this case is "
                    "%(status)s."
                )
                % {"status": str(Status(locked.status).label).lower()}
            )
        if not passage_approved_by_two(locked):
            raise PassageError(gettext("This case's passage was not approved by two people."))
        if PassagePlan.objects.filter(case=locked).exists():
            raise PassageError(gettext("This case already has a passage plan."))
        group = custody_groups.passage_group(team)
        if group.current_key is None:
            raise PassageError(
                gettext("Nobody in %(team)s holds a passage key yet: one of its handlers must start it.")
                % {"team": team}
            )
        members = custody_groups.kept_by(group).count()
        compartment = vault.create_compartment("passage", [], groups=[group], actor=actor)
        plan = PassagePlan.objects.create(case=locked, team=team, compartment=compartment, opened_on=today())
        record(
            Event.PASSAGE_OPENED,
            actor=actor,
            subject=plan,
            case=str(locked.pk),
            team=str(team.pk),
            compartment=str(compartment.pk),
            members=members,
        )
    return plan


def add_plan_entry(plan: PassagePlan, data: dict[str, Any], *, actor: User) -> PlanEntry:
    """Seal one entry into the plan. Only a member of the passage team who holds the plan's key may write:
    anyone could seal with the public key, but an entry from outside the team is one nobody vetted."""
    with transaction.atomic():
        locked = (
            PassagePlan.objects.select_for_update(of=("self",)).select_related("compartment").get(pk=plan.pk)
        )
        if locked.destroyed_on is not None or locked.compartment is None:
            raise PassageError(gettext("This passage plan has been destroyed."))
        current = afresh(actor)
        if current is None or not current.teams.filter(pk=locked.team_id).exists():
            raise PassageError(gettext("Only the passage team may write to this plan."))
        if str(current.pk) not in vault.members_of(locked.compartment):
            raise PassageError(gettext("You hold no key for this passage plan."))
        seq = (locked.entries.aggregate(m=Max("seq"))["m"] or 0) + 1
        entry = PlanEntry.objects.create(
            plan=locked,
            seq=seq,
            envelope=vault.seal(locked.compartment, json.dumps(data, ensure_ascii=False).encode()),
            written_on=today(),
            author=current,
        )
        record(Event.PASSAGE_ENTRY_ADDED, actor=actor, subject=locked, entry=str(entry.pk), seq=seq)
    return entry


def note_arrival(case: Case) -> bool:
    """Record the day the case arrived on its passage plan, which starts the grace period. Idempotent:
    returns whether this call recorded it (False without a plan, before arrival, or if already noted)."""
    arrival = CaseTransition.objects.filter(case=case, to_status=Status.ARRIVED).order_by("-seq").first()
    if arrival is None:
        return False
    with transaction.atomic():
        # The claim: of two runs at once, only one sees the row still unset and writes the audit entry.
        claimed = PassagePlan.objects.filter(
            case=case, arrived_on__isnull=True, destroyed_on__isnull=True
        ).update(arrived_on=arrival.made_on)
        if claimed != 1:
            return False
        plan = PassagePlan.objects.get(case=case)
        record(Event.PASSAGE_ARRIVAL_NOTED, actor=None, subject=plan, arrived_on=arrival.made_on.isoformat())
    return True


def destroy_plan(plan: PassagePlan, *, on: datetime.date) -> bool:
    """Destroy one plan's keys and entries now. Returns False if it was already destroyed (by another run)."""
    with transaction.atomic():
        if PassagePlan.objects.filter(pk=plan.pk, destroyed_on__isnull=True).update(destroyed_on=on) != 1:
            return False  # another run got there first
        plan = PassagePlan.objects.select_related("compartment").get(pk=plan.pk)
        # The compartment first: destroy_compartment turns on SQLite's secure_delete for this connection
        # and checkpoints the WAL once committed, so the entries deleted after it are zeroed in the file
        # too, not merely marked free.
        if plan.compartment is not None and plan.compartment.destroyed_at is None:
            vault.destroy_compartment(plan.compartment, actor=None)
        else:
            _zero_deleted_rows()
        entries, _ = PlanEntry.objects.filter(plan=plan).delete()
        record(Event.PASSAGE_DESTROYED, actor=None, subject=plan, case=str(plan.case_id), entries=entries)
    return True


def _zero_deleted_rows() -> None:
    """What destroy_compartment does on SQLite, for a plan whose compartment is already gone: without it,
    the entries' ciphertext would stay in the freed pages of the database file and in the WAL."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete = ON")

    def checkpoint() -> None:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    transaction.on_commit(checkpoint)


def note_arrivals() -> int:
    """For housekeeping: note the arrivals the lifecycle has not reported, so their grace period starts.
    The retention rule for passage plans (``embrace.retention``) destroys the plans once it ends."""
    arrived = PassagePlan.objects.filter(
        arrived_on__isnull=True, destroyed_on__isnull=True, case__transitions__to_status=Status.ARRIVED
    ).distinct()
    return sum(note_arrival(plan.case) for plan in arrived.select_related("case"))


def unqualified_passage_grants(user: User) -> list[Compartment]:
    """Passage plans sealed to the user directly (before group keys) that they no longer qualify for: not a
    handler in the plan's team any more, or deactivated."""
    from embrace.cases.keys import Standing, own_compartments

    mine = own_compartments(user)
    standing = Standing(user)
    out = []
    for plan in PassagePlan.objects.filter(compartment_id__in=mine).select_related("compartment"):
        keeps = standing.ok and Role.HANDLER in standing.roles and plan.team_id in standing.teams
        if not keeps and plan.compartment is not None:
            out.append(plan.compartment)
    return out
