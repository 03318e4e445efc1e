"""Numbers and dates as a Burmese reader expects them: ``{% load myanmar %}``.

``{{ n|digits }}`` writes a number (or any text's digits) in Myanmar digits when the active language is
Burmese and leaves it alone otherwise; ``{{ d|day }}`` writes a date with the month's name, in ICU's
Burmese long form on Burmese pages (၂၀၂၆၊ ဒီဇင်ဘာ ၅) and as "5 Dec 2026" on English ones; ``|month``
(၂၀၂၆ ဒီဇင်ဘာ / December 2026), ``|moment`` (a date and a time of day), ``|clock`` (the time of day) and
``|amount:"USD"`` (money with its currency) follow the same rule. The date filters take an optional Django
format for the English page (``{{ d|day:"Y-m-d" }}``). All are safe to apply to None (they print nothing),
so templates need no guard. The work is done in ``embrace.myanmar.formats``, which views call directly.
See docs/architecture.md.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from embrace.myanmar import formats
from embrace.myanmar.formats import burmese_active

__all__ = [
    "amount",
    "burmese_active",
    "clock",
    "day",
    "digits",
    "moment",
    "month",
    "ref",
    "sentence_with_refs",
]

register = template.Library()


@register.filter
def digits(value: Any) -> str:
    """``value`` as text, in Myanmar digits on a Burmese page."""
    return formats.local_digits(value)


@register.filter
def day(value: datetime.date | datetime.datetime | None, english: str = "j M Y") -> str:
    """A date with the month's name: Burmese on a Burmese page, "5 Dec 2026" otherwise."""
    return formats.day(value, english)


@register.filter
def month(value: datetime.date | datetime.datetime | None, english: str = "F Y") -> str:
    """A month and year: ၂၀၂၆ ဒီဇင်ဘာ on a Burmese page, "December 2026" otherwise."""
    return formats.month(value, english)


@register.filter
def moment(value: datetime.datetime | None, english: str = "j M Y H:i") -> str:
    """A date and time of day in TIME_ZONE: ၂၀၂၆၊ ဒီဇင်ဘာ ၅ ၁၄:၀၅ on a Burmese page."""
    return formats.moment(value, english)


@register.filter
def clock(value: datetime.datetime | datetime.time | None, english: str = "H:i") -> str:
    """The time of day in TIME_ZONE: ၁၄:၀၅ on a Burmese page, 14:05 otherwise."""
    return formats.clock(value, english)


@register.filter
def amount(value: Decimal | int | str | None, currency: str = "") -> str:
    """Money in whole units with its currency code: ၁,၅၀၀.၀၀ USD on a Burmese page."""
    return formats.amount(value, currency)


@register.filter
def ref(value: Any) -> str:
    """An identifier a person copies or compares character by character (a key id, a ledger number, an
    asset's serial number), marked as data: it stays in Latin digits on a Burmese page, and browsers'
    translation leaves it alone. Not for <title>, which shows tags as text."""
    if value is None or value == "":
        return ""
    return format_html('<span class="ref" translate="no">{}</span>', value)


def sentence_with_refs(sentence: str, **values: Any) -> SafeString:
    """A translated sentence (``gettext("Recorded as journal %(number)s.")``) with its identifiers marked
    as data, as ``ref`` marks them: for a flash message or an error that names a journal or a payment
    reference, which stays in Latin digits on a Burmese page. The sentence and the values are escaped."""
    marked = {name: ref(value) for name, value in values.items()}
    return mark_safe(conditional_escape(sentence) % marked)  # noqa: S308  (both parts were escaped)
