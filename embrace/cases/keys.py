"""Why someone holds a case's key by a grant of their own, and when they no longer do.

Body, notes and identity keys are given to a person directly when they handle the case (``assign_case``)
or when an identity is revealed to them; cases sealed before group keys existed were also sealed directly to
the team's intake officers and handlers, and to the custodians. ``custody.leave_unentitled`` asks this module
which of those grants a narrowed person no longer qualifies for, and revokes them.
"""

from __future__ import annotations

from django.db.models import Q

from embrace.accounts.models import User
from embrace.accounts.roles import CONTENT_BLIND_ROLES, Role
from embrace.cases.models import Case
from embrace.vault.models import Compartment, Grant


class Standing:
    """A user's roles and teams as the database has them now."""

    def __init__(self, user: User) -> None:
        fresh = User.objects.get(pk=user.pk)
        self.pk = fresh.pk
        self.roles = set(fresh.roles)
        self.teams = set(fresh.teams.values_list("pk", flat=True))
        self.ok = fresh.is_active and not (self.roles & CONTENT_BLIND_ROLES)

    def handles(self, case: Case) -> bool:
        return (
            self.ok
            and case.handler_id == self.pk
            and Role.HANDLER in self.roles
            and case.team_id in self.teams
        )

    def team_reader(self, case: Case) -> bool:
        return (
            self.ok and case.team_id in self.teams and bool(self.roles & {Role.INTAKE_OFFICER, Role.HANDLER})
        )


def own_compartments(user: User) -> list[str]:
    return [str(c) for c in Grant.objects.filter(user=user).values_list("key__compartment_id", flat=True)]


def unqualified_case_grants(user: User) -> list[Compartment]:
    """Body, notes and identity compartments the user holds a key of their own to but no longer qualifies for:
    they left the case's team, lost the role, or were deactivated."""
    mine = own_compartments(user)
    standing = Standing(user)
    out: list[Compartment] = []
    cases = Case.objects.filter(Q(body_id__in=mine) | Q(notes_id__in=mine) | Q(identity_id__in=mine))
    for case in cases.select_related("body", "notes", "identity"):
        reads_body = standing.handles(case) or standing.team_reader(case)
        reads_identity = standing.ok and (
            standing.handles(case) or bool(standing.roles & {Role.CUSTODIAN, Role.VETTING_REVIEWER})
        )
        for compartment, keeps in (
            (case.body, reads_body),
            (case.notes, reads_body),
            (case.identity, reads_identity),
        ):
            if compartment is not None and str(compartment.pk) in mine and not keeps:
                out.append(compartment)
    return out
