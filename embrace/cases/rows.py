"""The case lists' rows (triage inbox, search, my cases) as ready words, built once per request.

At 100,000 cases most of the inbox's time went to the template, not the database: every row of a page of 50
reversed a URL, translated its status, its "(n new)" and its day, and looked its id up in a set through
filters. Here what is the same for every row (status names, "today", "yesterday", the link's pattern) is
worked out once per request, and each row is a handful of strings the template prints as they are (escaped
as ever). Status names are kept once per process per language: they are the programme's words, the same for
everyone. Nothing a person wrote, and nothing about one person, outlives the request.

On a Burmese page, numbers and dates are Myanmar (``myanmar.templatetags.myanmar``'s ``digits`` and ``day``);
references stay as printed, since staff read them aloud and type them back.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from embrace.cases.actions import today
from embrace.cases.channel_words import short_names
from embrace.cases.models import Case, Status
from embrace.myanmar.templatetags.myanmar import day, digits

# Reversed once; each row's link is this with the case's id in place of the placeholder.
_PLACEHOLDER = uuid.UUID(int=0)


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One case as a list shows it."""

    case_id: str
    url: str
    reference: str
    unread: str  # "(2 new)", or empty when nothing is unread
    day: str  # today, yesterday or the date
    status: str
    new_enquiry: bool  # not yet triaged (what a flood wave is made of)
    script_review: bool
    duplicate: bool
    locked: bool  # the reader holds no key for the opening words
    kind: str
    text: str
    labels: tuple[str, ...]
    handler: str
    channel: str  # how the enquiry came, in a word or two (embrace.cases.channel_words)


@cache
def _status_names(language: str) -> dict[str, str]:
    # Called while ``language`` is active, so the lazy names translate into it.
    return {value: str(label) for value, label in Status.choices}


def status_names() -> dict[str, str]:
    """Each status's name in the active language, translated once per process per language."""
    return _status_names(get_language() or "")


class DayWords:
    """Today, yesterday, or the date (cases store the day only, never the time), worded once per request."""

    def __init__(self) -> None:
        self.today = today()
        self.yesterday = self.today - datetime.timedelta(days=1)
        self.words = {self.today: _("today"), self.yesterday: _("yesterday")}

    def __call__(self, value: datetime.date | None) -> str:
        if value is None:
            return ""
        found = self.words.get(value)
        if found is None:
            found = self.words[value] = day(value)
        return found


def case_rows(
    rows: Iterable[tuple[Case, dict[str, object]]],
    *,
    duplicates: set[str] | frozenset[str] = frozenset(),
    on: str = "opened_on",
    labels: bool = False,
    handlers: bool = True,
) -> list[CaseRow]:
    """The list rows of cases with their summaries (``search.summaries``).

    ``duplicates``: ids (as text) of the cases to mark as possible duplicates; ``on``: the case's day shown
    (``opened_on`` or ``last_enquirer_on``); ``labels``, ``handlers``: show each case's labels and handler,
    which the query must have fetched with the cases (a lookup per row would grow with the page).
    """
    link = reverse("cases:detail", args=[_PLACEHOLDER])
    names = status_names()
    channels = short_names()
    day_words = DayWords()
    unread_words: dict[int, str] = {}
    made = []
    for case, summary in rows:
        pk = str(case.pk)
        unread = case.unread_by_staff
        if unread and unread not in unread_words:
            unread_words[unread] = ngettext("(%(counter)s new)", "(%(counter)s new)", unread) % {
                "counter": digits(unread)
            }
        made.append(
            CaseRow(
                case_id=pk,
                url=link.replace(str(_PLACEHOLDER), pk),
                reference=case.reference,
                unread=unread_words[unread] if unread else "",
                day=day_words(getattr(case, on)),
                status=names.get(case.status, case.status),
                new_enquiry=case.status == Status.ENQUIRY,
                script_review=case.needs_script_review,
                duplicate=pk in duplicates,
                locked=bool(summary.get("locked")),
                kind=str(summary.get("kind") or ""),
                text=str(summary.get("text") or ""),
                labels=tuple(label.name for label in case.labels.all()) if labels else (),
                handler=str(case.handler) if handlers and case.handler_id else "—",
                channel=channels.get(case.channel, case.channel),
            )
        )
    return made
