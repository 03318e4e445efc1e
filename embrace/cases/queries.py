"""Fetching cases for a user: the only way views get a case, so a forgotten check cannot open one.

Visibility follows need-to-know: intake officers see their teams' cases, a handler sees the cases assigned to
them, a vetting reviewer their teams' cases from vetting on. Anyone else gets 404 — the case's existence is
not confirmed. The vault enforces the same by keys: a user shown a case they hold no key for still reads
nothing (see ``cases.thread``).
"""

from __future__ import annotations

import uuid

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from embrace.accounts.models import User
from embrace.accounts.roles import Perm
from embrace.cases.models import Case, Label, Status

REVIEWED_STATUSES = [
    Status.VETTING,
    Status.PASSAGE_APPROVED,
    Status.PASSAGE_PLANNED,
    Status.IN_TRANSIT,
    Status.ARRIVED,
    Status.SCREENED,
    Status.REGISTERED,
]


def team_ids(user: User) -> list[uuid.UUID]:
    """The user's teams, read now (one small query) rather than as a subquery of every list.

    Most staff are in one team: SQLite then reads ``team_id IN (?)`` as ``team_id = ?`` and walks the
    ``cases_inbox_order`` index in the lists' order, stopping after a page, instead of sorting every matching
    case of 100,000 (a subquery's list of teams could hold several, so the planner sorted).
    """
    return list(user.teams.values_list("pk", flat=True))


def visible_cases(user: User) -> QuerySet[Case]:
    rule = Q(pk__in=[])
    teams = team_ids(user) if user.can(Perm.CASE_TRIAGE) or user.can(Perm.VETTING_REVIEW) else []
    if user.can(Perm.CASE_TRIAGE):
        rule |= Q(team__in=teams)
    if user.can(Perm.CASE_HANDLE):
        rule |= Q(handler=user)
    if user.can(Perm.VETTING_REVIEW):
        # Reviewers in a case's team take its vetting steps; what they may read is still decided by keys.
        rule |= Q(team__in=teams, status__in=REVIEWED_STATUSES)
    return Case.objects.filter(rule)


def labelled(cases: QuerySet[Case], name: str) -> QuerySet[Case]:
    """The cases carrying a label of this name.

    An EXISTS probe per case rather than a join: a join makes the label table drive the query, so every case
    with the label is read and sorted before the first page can be cut (a temporary B-tree over thousands of
    rows at 100,000 cases); a probe lets the case index give the order and stop after a page. It also never
    lists a case twice.
    """
    # The label ids once (a name means one label per team), then one index probe per case looked at.
    names = Label.objects.filter(name=name).values("pk")
    tagged = Label.cases.through.objects.filter(case_id=OuterRef("pk"), label_id__in=names)
    return cases.filter(Exists(tagged))


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
    cases = Case.objects.filter(team__in=team_ids(user))
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
