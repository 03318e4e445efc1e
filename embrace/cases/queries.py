"""Fetching cases for a user: the only way views get a case, so a forgotten check cannot open one.

Visibility follows need-to-know: intake officers see their teams' cases, a handler sees the cases assigned to
them, a vetting reviewer their teams' cases from vetting on. Anyone else gets 404 — the case's existence is
not confirmed. The vault enforces the same by keys: a user shown a case they hold no key for still reads
nothing (see ``cases.thread``).
"""

from __future__ import annotations

import uuid

from django.db.models import Q, QuerySet
from django.http import Http404

from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.cases.models import Case, Status

REVIEWED_STATUSES = [
    Status.VETTING,
    Status.PASSAGE_APPROVED,
    Status.PASSAGE_PLANNED,
    Status.IN_TRANSIT,
    Status.ARRIVED,
    Status.SCREENED,
    Status.REGISTERED,
]


def visible_cases(user: User) -> QuerySet[Case]:
    rule = Q(pk__in=[])
    if user.can(Perm.CASE_TRIAGE):
        rule |= Q(team__in=user.teams.all())
    if user.can(Perm.CASE_HANDLE):
        rule |= Q(handler=user)
    if user.can(Perm.VETTING_REVIEW):
        # Reviewers in a case's team take its vetting steps; what they may read is still decided by keys.
        rule |= Q(team__in=user.teams.all(), status__in=REVIEWED_STATUSES)
    return Case.objects.filter(rule)


def get_case_for(user: User, case_id: uuid.UUID | str) -> Case:
    case = visible_cases(user).filter(pk=case_id).select_related("team", "handler").first()
    if case is None:
        raise Http404("No such case")
    return case


def triage_inbox(user: User, *, quarantined: bool = False) -> QuerySet[Case]:
    """The intake officer's inbox: their teams' live cases, newest first (junk is in the quarantine, and
    here only when ``quarantined`` asks for it)."""
    if not user.can(Perm.CASE_TRIAGE):
        return Case.objects.none()
    cases = Case.objects.filter(team__in=user.teams.all())
    cases = (
        cases.filter(status=Status.QUARANTINED) if quarantined else cases.exclude(status=Status.QUARANTINED)
    )
    return (
        cases.select_related("team", "handler").prefetch_related("labels").order_by("-opened_on", "reference")
    )


def handler_cases(user: User) -> QuerySet[Case]:
    return (
        Case.objects.filter(handler=user)
        .select_related("team")
        .order_by("-unread_by_staff", "-last_enquirer_on")
    )
