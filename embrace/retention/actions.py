"""Changing a retention rule (one administrator proposes, another approves) and running the rules.

``apply_retention`` runs from housekeeping: every case whose rule's days have passed loses its content
through ``destroy.destroy_case_content``, one case per transaction, so a failure part-way leaves the cases
before it destroyed and the rest for the next run. It is idempotent: a destroyed case is not due again.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Max, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Role
from embrace.approvals import actions as approvals
from embrace.approvals.models import Status as ApprovalStatus
from embrace.audit.events import Event
from embrace.audit.log import record, subject_of
from embrace.cases.actions import today
from embrace.cases.models import Case
from embrace.passage.models import PassagePlan
from embrace.retention import destroy
from embrace.retention.models import MAX_DAYS, Rule, RuleChange, RuleKey

CHANGE_RULE = "retention.change_rule"

# What each rule destroys. A status rule takes everything the case holds; the passage rule only the plan.
DESTROYS: dict[str, tuple[str, ...]] = dict.fromkeys(RuleKey.values, destroy.KINDS)
DESTROYS[RuleKey.PASSAGE] = (destroy.PASSAGE,)


class RetentionError(Exception):
    """The change is not allowed; the message says why, in words for the user."""


def propose_rule_change(rule: Rule, days: int | None, *, actor: User) -> RuleChange:
    """Ask a second administrator to change how long ``rule`` keeps content (None: until purged by hand)."""
    proposer = afresh(actor)
    if proposer is None or not proposer.has_role(Role.ADMINISTRATOR):
        raise RetentionError(_("Only an administrator may propose a change to a retention rule."))
    if days is not None and not 0 <= days <= MAX_DAYS:
        raise RetentionError(_("Give a number of days from 0 to %(max)d.") % {"max": MAX_DAYS})
    with transaction.atomic():
        rule = Rule.objects.select_for_update().get(pk=rule.pk)
        if rule.key == RuleKey.PASSAGE and days is None:
            raise RetentionError(
                _("Passage plans are always destroyed after arrival; only the days can change.")
            )
        if days == rule.days:
            raise RetentionError(_("That is the rule already."))
        change = RuleChange.objects.create(rule=rule, old_days=rule.days, new_days=days, proposed_by=proposer)
        try:
            change.approval = approvals.request_approval(
                CHANGE_RULE, subject_of(rule), required_role=Role.ADMINISTRATOR, reason="", actor=proposer
            )
        except approvals.ApprovalError as exc:
            raise RetentionError(_("A change to this rule is already waiting for a decision.")) from exc
        change.save(update_fields=["approval"])
        record(
            Event.RETENTION_CHANGE_PROPOSED,
            actor=proposer,
            subject=change,
            rule=rule.key,
            old=rule.days,
            new=days,
        )
    return change


def decide_rule_change(change: RuleChange, *, approve: bool, actor: User) -> RuleChange:
    """Approve (the rule changes now) or refuse a proposed change. The decider must be another
    administrator: ``approvals`` refuses the proposer, and the database refuses it again."""
    with transaction.atomic():
        rule = Rule.objects.select_for_update().get(pk=change.rule_id)
        try:
            approvals.decide_request_about(
                rule, change.approval_id, CHANGE_RULE, approve=approve, actor=actor
            )
        except approvals.OwnRequest:
            raise
        except approvals.ApprovalError as exc:
            raise RetentionError(str(exc)) from exc
        if approve:
            rule.days, rule.changed_on = change.new_days, today()
            rule.save(update_fields=["days", "changed_on"])
            record(
                Event.RETENTION_RULE_CHANGED,
                actor=actor,
                subject=rule,
                rule=rule.key,
                old=change.old_days,
                new=change.new_days,
                change=str(change.pk),
                proposed_by=str(change.proposed_by_id),
            )
    return change


def pending_changes() -> QuerySet[RuleChange]:
    return RuleChange.objects.filter(approval__status=ApprovalStatus.PENDING).select_related(
        "rule", "proposed_by", "approval"
    )


def due_cases(rule: Rule, on: datetime.date) -> QuerySet[Case]:
    """Cases whose content ``rule`` destroys on ``on``: in the rule's status since at least ``days`` before,
    content not yet destroyed. The passage rule counts from arrival instead (``due_plans``)."""
    if rule.days is None or rule.key == RuleKey.PASSAGE:
        return Case.objects.none()
    cutoff = on - datetime.timedelta(days=rule.days)
    # The day of the latest move into the status; a case born in it (quarantine) counts from its opening.
    entered = Coalesce(Max("transitions__made_on", filter=Q(transitions__to_status=rule.key)), "opened_on")
    return (
        Case.objects.filter(status=rule.key, body__destroyed_at__isnull=True)
        .annotate(entered=entered)
        .filter(entered__lte=cutoff)
    )


def due_plans(rule: Rule, on: datetime.date) -> QuerySet[PassagePlan]:
    if rule.days is None or rule.key != RuleKey.PASSAGE:
        return PassagePlan.objects.none()
    cutoff = on - datetime.timedelta(days=rule.days)
    return PassagePlan.objects.filter(destroyed_on__isnull=True, arrived_on__lte=cutoff)


def apply_retention(on: datetime.date) -> dict[str, int]:
    """Destroy what every rule says is due on ``on``; returns how many cases each rule reached. Scrubs the
    freed space once at the end (SQLite checkpoint, PostgreSQL VACUUM) when anything was destroyed."""
    done: dict[str, int] = {}
    for rule in Rule.objects.current():
        if rule.days is None:
            continue
        if rule.key == RuleKey.PASSAGE:
            cases = [plan.case for plan in due_plans(rule, on).select_related("case")]
        else:
            cases = list(due_cases(rule, on))
        for case in cases:
            destroy.destroy_case_content(
                case, DESTROYS[rule.key], rule=rule.key, on=on, actor=None, scrub=False
            )
        done[rule.key] = len(cases)
    if any(done.values()):
        destroy.scrub_destroyed_rows()
    return done
