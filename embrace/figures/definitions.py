"""What each figure counts: the interpreter of ``Definition.rule`` and the public interface other apps use.

A rule is a small JSON object over clear workflow fields only (never a compartment):

``{"event": "opened", "exclude_statuses": [...]}``
    cases opened in the period (``Case.opened_on``), leaving out those whose status now is one listed;
``{"event": "transition_to", "statuses": [...], "from_statuses": [...]}``
    cases that made a step into one of ``statuses`` in the period (``CaseTransition.made_on``), optionally
    only from one of ``from_statuses``;
``{"event": "paid", "what": "tranche" | "stipend"}``
    cases paid in the period (``Payment.paid_on``, reversals left out);

and any of them may add ``"count": "dependants"`` to count the people recorded as the counted cases'
dependants instead of the cases. A rule the interpreter does not know is refused when it is read, never
counted as something else.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from embrace.cases.models import Case, CaseTransition, Dependant, Status
from embrace.figures.models import Definition
from embrace.rewards.models import Payment

__all__ = [
    "FINAL_STATUSES",
    "Events",
    "RuleError",
    "case_ids",
    "count",
    "current",
    "events",
    "get",
    "open_case_ids",
    "validate_rule",
]

# Statuses a case leaves only to be closed (and purged): nothing more will happen in its story. A lost
# contact can resume, and a quarantined enquiry can be released, so neither is final.
FINAL_STATUSES = frozenset(
    {Status.REGISTERED, Status.CLOSED, Status.WITHDRAWN, Status.REJECTED, Status.DUPLICATE}
)

EVENTS = ("opened", "transition_to", "paid")
COUNTS = ("cases", "dependants")
PAID = ("tranche", "stipend")
_KEYS = {
    "opened": {"event", "exclude_statuses", "count"},
    "transition_to": {"event", "statuses", "from_statuses", "count"},
    "paid": {"event", "what", "count"},
}


class RuleError(ValueError):
    """A definition's rule is not one this interpreter knows; the message says what is wrong."""


def _statuses(rule: dict[str, Any], name: str, *, required: bool) -> list[str]:
    value = rule.get(name)
    if value is None and not required:
        return []
    if not isinstance(value, list) or not value or not all(isinstance(s, str) for s in value):
        raise RuleError(f"{name!r} must be a non-empty list of statuses")
    unknown = sorted(set(value) - set(Status.values))
    if unknown:
        raise RuleError(f"{name!r} names unknown statuses: {', '.join(unknown)}")
    return value


def validate_rule(rule: object) -> dict[str, Any]:
    """The rule itself when it is one this module can count; else ``RuleError``."""
    if not isinstance(rule, dict):
        raise RuleError("a rule is a JSON object")
    event = rule.get("event")
    if event not in EVENTS:
        raise RuleError(f"unknown event {event!r}; known: {', '.join(EVENTS)}")
    extra = sorted(set(rule) - _KEYS[event])
    if extra:
        raise RuleError(f"unknown fields for {event!r}: {', '.join(extra)}")
    if rule.get("count", "cases") not in COUNTS:
        raise RuleError(f"'count' must be one of {', '.join(COUNTS)}")
    if event == "opened":
        _statuses(rule, "exclude_statuses", required=False)
    elif event == "transition_to":
        _statuses(rule, "statuses", required=True)
        _statuses(rule, "from_statuses", required=False)
    elif rule.get("what") not in PAID:
        raise RuleError(f"'what' must be one of {', '.join(PAID)}")
    return rule


def current(key: str, on: datetime.date) -> Definition:
    """The version of ``key`` in force on ``on``: the latest whose ``effective_from`` is not after it.

    ``Definition.DoesNotExist`` when none had started by then.
    """
    found = Definition.objects.filter(key=key, effective_from__lte=on).order_by("-effective_from").first()
    if found is None:
        raise Definition.DoesNotExist(f"no definition of {key!r} was in force on {on.isoformat()}")
    return found


def get(key: str, version: int) -> Definition:
    return Definition.objects.get(key=key, version=version)


@dataclass(frozen=True)
class Events:
    """The rows a rule counts, not yet limited to a period: the dashboards group them by week or channel.

    ``date`` is the field that places a row in a period; ``case`` the field holding the case's id, and
    ``case_prefix`` the lookup from a row to its case's fields (``"case__"``, or ``""`` for cases).
    """

    rows: QuerySet[Any]
    date: str
    case: str
    case_prefix: str

    def between(self, start: datetime.date, end: datetime.date) -> QuerySet[Any]:
        return self.rows.filter(**{f"{self.date}__gte": start, f"{self.date}__lte": end})


def events(definition: Definition) -> Events:
    """The rows ``definition`` counts, over all time."""
    rule = validate_rule(definition.rule)
    event = rule["event"]
    if event == "opened":
        cases: QuerySet[Any] = Case.objects.exclude(status__in=rule.get("exclude_statuses", []))
        return Events(cases.order_by(), "opened_on", "id", "")
    if event == "transition_to":
        steps = CaseTransition.objects.filter(to_status__in=rule["statuses"])
        if rule.get("from_statuses"):
            steps = steps.filter(from_status__in=rule["from_statuses"])
        return Events(steps.order_by(), "made_on", "case_id", "case__")
    paid = Payment.objects.filter(reversed=False, **{f"{rule['what']}__isnull": False})
    return Events(paid.order_by(), "paid_on", "case_id", "case__")


def case_ids(definition: Definition, start: datetime.date, end: datetime.date) -> frozenset[uuid.UUID]:
    """The cases ``definition`` counts in ``[start, end]``, both days included. For a rule counting
    dependants, the cases whose dependants are counted."""
    found = events(definition)
    return frozenset(found.between(start, end).values_list(found.case, flat=True).distinct())


def count(definition: Definition, start: datetime.date, end: datetime.date) -> int:
    """How many ``definition`` counts in ``[start, end]``: cases, or for a dependants rule, people."""
    found = events(definition)
    ids = found.between(start, end).values(found.case).distinct()
    if definition.rule.get("count", "cases") == "dependants":
        return Dependant.objects.filter(case_id__in=ids).count()
    return ids.count()


def open_case_ids() -> frozenset[uuid.UUID]:
    """Cases whose story is not over (not in a final status): a release may not break a figure down below
    programme level while any case it counts is among them."""
    return frozenset(Case.objects.exclude(status__in=FINAL_STATUSES).values_list("id", flat=True))


def describe(definition: Definition) -> dict[str, Any]:
    """What a snapshot or a CSV says about the definition a figure used."""
    return {
        "key": definition.key,
        "version": definition.version,
        "from": definition.effective_from.isoformat(),
    }
