"""Finding cases by what is in clear (reference, status, label, handler) and by blind-indexed identifier.

Nothing here decrypts content: every filter is on workflow metadata or on a keyed digest
(``cases.duplicates``), so a search over 100,000 cases costs index lookups, not decryptions. Only the page a
person is shown is ever decrypted, by the view, with that person's own keys.

A filter search starts from ``queries.visible_cases(user)``: a reference typed exactly still finds nothing
outside the user's need-to-know. An identifier search names a person, so it answers only with cases whose
identity the searcher's own keys open (a custodian, a handler after a reveal); a match they cannot open is
dropped exactly like no match, so the search cannot tell anyone else that a number belongs to a case.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.cases import words
from embrace.cases.duplicates import search_identifier
from embrace.cases.models import Case, Label, Message
from embrace.cases.queries import labelled, visible_cases
from embrace.vault.keyring import Keyring

UNASSIGNED = "none"
SUMMARY_CHARS = 120


@dataclass(frozen=True)
class Filters:
    """What to look for; empty fields do not filter."""

    reference: str = ""
    status: str = ""
    label: str = ""  # a label's name: teams have their own labels, and one name means one thing to staff
    assignee: str = ""  # a handler's id, or UNASSIGNED


def normalise_reference(raw: str) -> str:
    """References are printed in capitals and read aloud in groups: ``ab-cd 2345`` means ``ABCD2345``."""
    return "".join(c for c in raw if c.isalnum()).upper()


def search_cases(user: User, filters: Filters) -> QuerySet[Case]:
    """The user's visible cases matching every given filter, newest first."""
    cases = visible_cases(user)
    if filters.reference:
        # Exact on the stored (upper-case) form, so the unique index answers it.
        cases = cases.filter(reference=normalise_reference(filters.reference))
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.label:
        cases = labelled(cases, filters.label)
    if filters.assignee == UNASSIGNED:
        cases = cases.filter(handler__isnull=True)
    elif filters.assignee:
        cases = cases.filter(handler=uuid.UUID(filters.assignee))
    return cases.select_related("team", "handler").order_by("-opened_on", "reference")


# A phone or service number is shared by a handful of cases at most; a common name by more. Each candidate
# costs one compartment-key check, so only this many (newest first) are looked at.
IDENTIFIER_CANDIDATES = 200


def identifier_matches(keyring: Keyring, kind: str, raw_value: str, *, limit: int) -> list[Case]:
    """Cases with this identifier whose identity ``keyring`` opens, newest first, at most ``limit``.

    The blind index finds the candidates in one query; the keys, not the user's roles or teams, decide which
    of them are shown.
    """
    candidates = (
        search_identifier(kind, raw_value)
        .select_related("team", "handler", "identity")
        .order_by("-opened_on", "reference")
        .distinct()[:IDENTIFIER_CANDIDATES]
    )
    found: list[Case] = []
    for case in candidates:
        if keyring.can_read(case.identity):
            found.append(case)
            if len(found) >= limit:
                break
    return found


def summaries(cases: Iterable[Case], keyring: Keyring) -> list[tuple[Case, dict[str, object]]]:
    """Each case with its first message's kind and opening words, as the inbox shows them.

    The first messages of the whole page come in one query; each is then opened with the reader's own key,
    or marked locked where they hold none. Only these cases are decrypted.
    """
    cases = list(cases)
    # Unordered: the default order (by case, then seq) would join every case row just to sort a dict's input.
    firsts = {
        message.case_id: message
        for message in Message.objects.filter(case__in=[c.pk for c in cases], seq=1)
        .only("case", "envelope")
        .order_by()
    }
    opened = dict(zip(firsts, keyring.open_many([bytes(m.envelope) for m in firsts.values()]), strict=True))
    rows: list[tuple[Case, dict[str, object]]] = []
    kinds: dict[str, str] = {}  # each kind's words translated once per page, not once per row
    for case in cases:
        if case.pk not in firsts:
            rows.append((case, {"text": ""}))
            continue
        plaintext = opened[case.pk]
        if plaintext is None:
            rows.append((case, {"text": "", "locked": True}))
            continue
        document = json.loads(plaintext)
        text = document.get("text", "")
        summary = {"text": text[:SUMMARY_CHARS] + ("…" if len(text) > SUMMARY_CHARS else "")}
        kind = document.get("kind", "")
        if kind not in kinds:
            kinds[kind] = words.kind_label(kind)
        rows.append((case, summary | {"kind": kinds[kind]}))
    return rows


def label_names(user: User) -> list[str]:
    """Names of the labels of the user's teams, for a filter's choices."""
    return list(
        Label.objects.filter(team__in=user.teams.all())
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()
    )


def assignees(user: User) -> QuerySet[User]:
    """Handlers who may hold cases of the user's teams: the choices of an assignee filter."""
    return (
        User.objects.filter(Q(teams__in=user.teams.all()), role_assignments__role=Role.HANDLER)
        .distinct()
        .order_by("username")
    )


def label_choices(user: User) -> list[tuple[str, str]]:
    return [("", _("Any label")), *((name, name) for name in label_names(user))]


def assignee_choices(user: User, *, unassigned: bool) -> list[tuple[str, str]]:
    anyone = [("", _("Anyone")), *([(UNASSIGNED, _("Nobody (unassigned)"))] if unassigned else [])]
    return [*anyone, *((str(u.pk), u.username) for u in assignees(user))]


def record_previews(actor: User, rows: list[tuple[Case, dict[str, object]]]) -> None:
    """A list that shows each case's opening words is a read of those cases' conversations: recorded once,
    naming the cases by id (never what they say). Rows without a key opened nothing and are left out."""
    opened = [str(case.pk) for case, summary in rows if "kind" in summary]  # locked rows have no kind
    if opened:
        record(Event.CASE_PREVIEWS_READ, actor=actor, cases=opened, count=len(opened))
