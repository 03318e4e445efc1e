"""Reading vetting state: which cases a reviewer may open, and whether passage may be asked for.

Vetting reviewers are not members of the intake teams, so ``cases.queries.get_case_for`` (team and handler)
does not fit them: a reviewer sees every case that has reached vetting, except a case they handle
themselves, which they may not judge.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from embrace.accounts.models import User, afresh
from embrace.accounts.roles import Perm, Role
from embrace.cases.models import Case, CaseTransition, Status
from embrace.vault.keyring import Keyring, NoAccess
from embrace.vetting.flags import Flag, open_log
from embrace.vetting.models import CaseCheck, CaseVetting, CheckDefinition, SignOff

# Where a case can be after vetting on the main line; side exits count only if the case went through vetting.
AFTER_VETTING = frozenset(
    {
        Status.VETTING,
        Status.PASSAGE_APPROVED,
        Status.PASSAGE_PLANNED,
        Status.IN_TRANSIT,
        Status.ARRIVED,
        Status.SCREENED,
        Status.REGISTERED,
    }
)

REQUIRED_SIGN_OFFS = 2


def vetting_cases(user: User) -> QuerySet[Case]:
    """Cases this user may open as a vetting reviewer: none unless they hold vetting:review."""
    current = afresh(user)
    if current is None or not current.can(Perm.VETTING_REVIEW):
        return Case.objects.none()
    referred = Exists(CaseTransition.objects.filter(case=OuterRef("pk"), to_status=Status.VETTING))
    # A reviewer who handles the case talks to the enquirer: not independent, so not shown it at all.
    return Case.objects.filter(Q(status__in=AFTER_VETTING) | Q(referred)).exclude(handler=current)


def get_case_for_vetting(user: User, case_id: uuid.UUID | str) -> Case:
    case = vetting_cases(user).filter(pk=case_id).select_related("team", "handler").first()
    if case is None:
        raise Http404("No such case")
    return case


@dataclass(frozen=True)
class QueueRow:
    case: Case
    # How many signed off, not what they said: verdicts are sealed.
    signed: int
    cleared: bool
    flagged: bool
    signed_by_me: bool


def review_queue(user: User) -> list[QueueRow]:
    """Cases waiting in vetting, oldest first: those have waited longest for two sign-offs."""
    cases = list(
        vetting_cases(user).filter(status=Status.VETTING).select_related("team").order_by("opened_on")
    )
    ids = [case.pk for case in cases]
    sign_offs = list(SignOff.objects.filter(case_id__in=ids).values_list("case_id", "reviewer_id"))
    flagged = set(
        CaseVetting.objects.filter(case_id__in=ids, plant_flag_stands=True).values_list("case_id", flat=True)
    )
    cleared = set(
        CaseVetting.objects.filter(case_id__in=ids, cleared_for_passage=True).values_list(
            "case_id", flat=True
        )
    )
    return [
        QueueRow(
            case=case,
            signed=sum(1 for c, _ in sign_offs if c == case.pk),
            cleared=case.pk in cleared,
            flagged=case.pk in flagged,
            signed_by_me=any(c == case.pk and r == user.pk for c, r in sign_offs),
        )
        for case in cases
    ]


def eligible_sign_offs(case: Case) -> QuerySet[SignOff]:
    """Sign-offs that count today: by an active vetting reviewer who is not (now) the case's handler.

    Read against the database, not ``case``: a stale copy must not miss a handler assigned since.
    """
    handler_id = Case.objects.filter(pk=case.pk).values_list("handler_id", flat=True).first()
    sign_offs = SignOff.objects.filter(
        case_id=case.pk, reviewer__is_active=True, reviewer__role_assignments__role=Role.VETTING_REVIEWER
    )
    if handler_id is not None:
        sign_offs = sign_offs.exclude(reviewer_id=handler_id)
    return sign_offs.distinct()


def _still_cleared(case: Case) -> bool:
    """The case was cleared for passage and both reviewers whose verdicts counted still may count."""
    vetting = CaseVetting.objects.filter(case_id=case.pk).first()
    if vetting is None or not vetting.cleared_for_passage or len(vetting.cleared_by) < REQUIRED_SIGN_OFFS:
        return False
    counting = eligible_sign_offs(case).filter(reviewer_id__in=vetting.cleared_by)
    return counting.values("reviewer").distinct().count() >= REQUIRED_SIGN_OFFS


def passage_may_be_requested(case: Case) -> tuple[bool, str]:
    """Whether "passage approved" may be asked for, and if not, what is missing (in words for staff).

    Reads only clear facts: the case's "cleared for passage" (worked out at each sign-off) and standing flags.
    How many reviewers found the enquirer genuine so far is not said: that would be the verdicts in clear.
    """
    missing = []
    if not _still_cleared(case):
        missing.append(
            gettext(
                "Two independent vetting reviewers (not the case's handler) must sign off the enquirer as "
                "genuine; that has not happened yet (or one of them may no longer count)."
            )
        )
    if CaseVetting.objects.filter(case_id=case.pk, plant_flag_stands=True).exists():
        missing.append(gettext("A suspected-plant flag is raised; another reviewer must clear it first."))
    if missing:
        return False, " ".join(missing)
    return True, gettext(
        "Two independent reviewers found the enquirer genuine and no suspected-plant flag is raised."
    )


def plant_flags(case: Case, keyring: Keyring) -> list[Flag] | None:
    """Every flag raised on the case, oldest first, or None for a reader without the vetting key."""
    vetting = CaseVetting.objects.filter(case_id=case.pk).first()
    if vetting is None:
        return []
    try:
        return open_log(keyring, vetting.plant_flags)
    except NoAccess:
        return None


def plant_flag_stands(case: Case) -> bool:
    """The clear yes/no: whether a suspected-plant flag stands on the case (readable without any key)."""
    return CaseVetting.objects.filter(case_id=case.pk, plant_flag_stands=True).exists()


def standing_plant_flags(case: Case, keyring: Keyring) -> list[dict[str, object]]:
    """Standing flags for the custodians' identity page: date raised and reason, or None for each where the
    reader holds no vetting key (then one entry stands for "a flag stands", which is all the clear row says).
    """
    opened = plant_flags(case, keyring)
    if opened is None:
        return [{"raised_on": None, "note": None}] if plant_flag_stands(case) else []
    return [{"raised_on": f.raised_on, "note": f.note} for f in opened if f.active]


@dataclass(frozen=True)
class ChecklistRow:
    definition: CheckDefinition
    # The newest result of each reviewer who recorded one, oldest reviewer first.
    results: list[CaseCheck]
    earlier: int


def checklist(case: Case) -> list[ChecklistRow]:
    """Each active check (and any retired one with results on this case) with every reviewer's latest."""
    checks = list(CaseCheck.objects.filter(case=case).select_related("definition", "reviewer").order_by("pk"))
    definitions = {d.pk: d for d in CheckDefinition.objects.filter(active=True)}
    latest: dict[int, dict[uuid.UUID, CaseCheck]] = {}
    counts: dict[int, int] = {}
    for check in checks:
        definitions.setdefault(check.definition_id, check.definition)
        latest.setdefault(check.definition_id, {})[check.reviewer_id] = check
        counts[check.definition_id] = counts.get(check.definition_id, 0) + 1
    ordered = sorted(definitions.values(), key=lambda d: (d.position, d.code))
    return [
        ChecklistRow(
            definition=d,
            results=list(latest.get(d.pk, {}).values()),
            earlier=counts.get(d.pk, 0) - len(latest.get(d.pk, {})),
        )
        for d in ordered
    ]
