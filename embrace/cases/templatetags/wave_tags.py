"""Whether an inbox page shows a flood wave, from the opening words it already decrypted (nothing more)."""

from __future__ import annotations

from collections.abc import Iterable

from django import template

from embrace.cases.rows import CaseRow
from embrace.cases.waves import has_wave as texts_have_wave
from embrace.cases.waves import normal_form, tokens

register = template.Library()


@register.filter
def has_wave(rows: Iterable[CaseRow]) -> bool:
    """For the inbox's link to the waves page: the page's new enquiries hold a wave. Only their shown
    opening words are compared, so a wave spread over several pages may not show here; the waves page
    itself reads the newest new enquiries whole."""
    openings = [_opening(row.text) for row in rows if row.new_enquiry and not row.locked]
    return texts_have_wave(openings, threshold=OPENING_SIMILARITY)


# Summaries are cut at a number of characters, which falls at a different word in each copy of a script
# (a longer number, doubled spaces): compare the same number of whole words from each. In so few words one
# changed word weighs more, so the bar is lower; it only decides whether a link shows, and the waves page
# groups whole messages at the full bar.
OPENING_WORDS = 16
OPENING_SIMILARITY = 0.6


def _opening(summary: str) -> str:
    words = tokens(normal_form(summary.removesuffix("…")))
    if summary.endswith("…"):
        words = words[:-1]  # the word the cut went through
    return " ".join(words[:OPENING_WORDS])
