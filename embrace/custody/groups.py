"""Which group key seals what, and who may hold it.

| group | held by | seals |
|---|---|---|
| ``team:<team id>`` | the team's intake officers and handlers | the body and notes of the team's cases |
| ``custodians`` | custodians | identities, and vetting files |
| ``vetting`` | vetting reviewers | vetting files, and finance files (reviewers verify claims) |
| ``passage:<team id>`` | the team's handlers | passage plans given to that team |
| ``finance`` | the reward committee and finance | finance files |

Being *entitled* to a group is the right to be given its key: a holder still has to give it (and, for the
custodians and passage groups, a second holder has to approve). A role never pulls a key by itself.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from embrace.accounts.models import Team, User
from embrace.accounts.roles import CONTENT_BLIND_ROLES, Role
from embrace.myanmar.formats import local_digits
from embrace.vault import actions as vault
from embrace.vault.models import Grant, GroupGrant, KeyGroup

TEAM_PREFIX = "team:"
PASSAGE_PREFIX = "passage:"
CUSTODIANS = "custodians"
VETTING = "vetting"
FINANCE = "finance"

# Gives of these groups are requests a second holder approves: an identity or a route is what a planted
# volunteer would most want, so one holder's say-so is not enough.
SECOND_PERSON_GROUPS = (CUSTODIANS,)


def team_group(team: Team | uuid.UUID) -> KeyGroup:
    return vault.group_named(f"{TEAM_PREFIX}{getattr(team, 'pk', team)}")


def passage_group(team: Team | uuid.UUID) -> KeyGroup:
    return vault.group_named(f"{PASSAGE_PREFIX}{getattr(team, 'pk', team)}")


def custodians_group() -> KeyGroup:
    return vault.group_named(CUSTODIANS)


def vetting_group() -> KeyGroup:
    return vault.group_named(VETTING)


def finance_group() -> KeyGroup:
    return vault.group_named(FINANCE)


def needs_second_person(group: KeyGroup) -> bool:
    return group.name in SECOND_PERSON_GROUPS or group.name.startswith(PASSAGE_PREFIX)


def _team_id(name: str, prefix: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(name.removeprefix(prefix))
    except ValueError:
        return None


def entitled_users(group: KeyGroup) -> QuerySet[User]:
    """Everyone who may be given the group's key: active, with a key pair, holding the group's role (and
    team), and never an administrator or auditor, whatever else they hold."""
    people = User.objects.filter(is_active=True, vault_key__isnull=False)
    name = group.name
    if name.startswith(TEAM_PREFIX):
        team_id = _team_id(name, TEAM_PREFIX)
        people = people.filter(teams=team_id, role_assignments__role__in=[Role.INTAKE_OFFICER, Role.HANDLER])
    elif name.startswith(PASSAGE_PREFIX):
        people = people.filter(teams=_team_id(name, PASSAGE_PREFIX), role_assignments__role=Role.HANDLER)
    elif name == CUSTODIANS:
        people = people.filter(role_assignments__role=Role.CUSTODIAN)
    elif name == VETTING:
        people = people.filter(role_assignments__role=Role.VETTING_REVIEWER)
    elif name == FINANCE:
        people = people.filter(role_assignments__role__in=[Role.REWARD_COMMITTEE, Role.FINANCE])
    else:
        return User.objects.none()
    blind = User.objects.filter(role_assignments__role__in=CONTENT_BLIND_ROLES)
    return people.exclude(pk__in=blind).distinct()


def entitled(user: User, group: KeyGroup) -> bool:
    return entitled_users(group).filter(pk=user.pk).exists()


def entitled_groups(user: User) -> list[KeyGroup]:
    """The groups the user may hold today (made, without a key, if they do not exist yet)."""
    roles = set(User.objects.get(pk=user.pk).roles)
    if not user.is_active or roles & CONTENT_BLIND_ROLES:
        return []
    groups: list[KeyGroup] = []
    teams = list(Team.objects.filter(members=user).order_by("name"))
    if roles & {Role.INTAKE_OFFICER, Role.HANDLER}:
        groups += [team_group(t) for t in teams]
    if Role.HANDLER in roles:
        groups += [passage_group(t) for t in teams]
    if Role.CUSTODIAN in roles:
        groups.append(custodians_group())
    if Role.VETTING_REVIEWER in roles:
        groups.append(vetting_group())
    if roles & {Role.REWARD_COMMITTEE, Role.FINANCE}:
        groups.append(finance_group())
    return [g for g in groups if entitled(user, g)]


def held_groups(user: User) -> QuerySet[KeyGroup]:
    """Groups whose current generation the user holds."""
    held = GroupGrant.objects.filter(user=user).values_list("key__group_id", flat=True)
    return KeyGroup.objects.filter(pk__in=held).order_by("name")


def holds(user: User, group: KeyGroup) -> bool:
    key = group.current_key
    return key is not None and GroupGrant.objects.filter(key=key, user=user).exists()


def is_held(group: KeyGroup) -> bool:
    """Whether anyone holds the group's current key: content sealed to a key nobody holds could only be
    read after a break-glass restore."""
    key = group.current_key
    return key is not None and GroupGrant.objects.filter(key=key).exists()


def label(group: KeyGroup) -> str:
    """The group's name in words a volunteer understands."""
    name = group.name
    for prefix, words in (
        (TEAM_PREFIX, _("Cases of team %s")),
        (PASSAGE_PREFIX, _("Passage plans of team %s")),
    ):
        if name.startswith(prefix):
            team_id = _team_id(name, prefix)
            team = Team.objects.filter(pk=team_id).first() if team_id else None
            return words % (team.name if team else _("(removed)"))
    return {
        CUSTODIANS: _("Identities (custodians)"),
        VETTING: _("Vetting files (reviewers)"),
        FINANCE: _("Finance files (committee and finance)"),
    }.get(name, name)


@dataclass(frozen=True)
class Reach:
    """What holding a group's key opens: how many compartments of each kind (one per case and kind)."""

    kinds: dict[str, int]

    def __str__(self) -> str:
        if not self.kinds:
            return _("nothing yet")
        return ", ".join(_files(kind, n) for kind, n in sorted(self.kinds.items()))


def _files(kind: str, n: int) -> str:
    """``1 body file``, ``2 vetting files``: how many compartments of one kind, in the reader's language."""
    words = {
        "body": ngettext("%(n)d body file", "%(n)d body files", n),
        "identity": ngettext("%(n)d identity file", "%(n)d identity files", n),
        "vetting": ngettext("%(n)d vetting file", "%(n)d vetting files", n),
        "finance": ngettext("%(n)d finance file", "%(n)d finance files", n),
        "passage": ngettext("%(n)d passage file", "%(n)d passage files", n),
        "notes": ngettext("%(n)d notes file", "%(n)d notes files", n),
    }.get(kind) or ngettext("%(n)d %(kind)s file", "%(n)d %(kind)s files", n)
    return local_digits(words % {"n": n, "kind": kind})


def reach(group: KeyGroup) -> Reach:
    """What a joiner will be able to read: every live compartment sealed to any generation of the group."""
    rows = (
        Grant.objects.filter(group_key__group=group, key__compartment__destroyed_at__isnull=True)
        .values("key__compartment__kind")
        .annotate(n=Count("key__compartment", distinct=True))
    )
    return Reach({row["key__compartment__kind"]: row["n"] for row in rows})


def waiting_for(group: KeyGroup) -> QuerySet[User]:
    """People entitled to the group who do not hold its current generation."""
    key = group.current_key
    held = GroupGrant.objects.filter(key=key).values("user_id") if key else GroupGrant.objects.none()
    return entitled_users(group).exclude(pk__in=held).order_by("username")


def kept_by(group: KeyGroup) -> QuerySet[User]:
    key = group.current_key
    if key is None:
        return User.objects.none()
    return User.objects.filter(Q(vault_group_grants__key=key)).distinct().order_by("username")
