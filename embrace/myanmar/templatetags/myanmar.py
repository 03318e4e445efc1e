"""Numbers and dates as a Burmese reader expects them: ``{% load myanmar %}``.

``{{ n|digits }}`` writes a number (or any text's digits) in Myanmar digits when the active language is
Burmese and leaves it alone otherwise; ``{{ d|day }}`` writes a date with the month's name, in ICU's
Burmese long form on Burmese pages (၂၀၂၆၊ ဒီဇင်ဘာ ၅) and as "5 Dec 2026" on English ones. Both are safe to
apply to None (they print nothing), so templates need no guard. See docs/architecture.md.
"""

from __future__ import annotations

import datetime
import threading
from functools import cache
from typing import Any

import icu
from django import template
from django.utils import dateformat, timezone
from django.utils.translation import get_language

from embrace.myanmar.text import myanmar_digits

register = template.Library()


def burmese_active() -> bool:
    return (get_language() or "").split("-")[0] == "my"


@register.filter
def digits(value: Any) -> str:
    """``value`` as text, in Myanmar digits on a Burmese page."""
    if value is None:
        return ""
    text = str(value)
    return myanmar_digits(text) if burmese_active() else text


@cache
def _burmese_long_date() -> icu.DateFormat:
    formatter = icu.DateFormat.createDateInstance(icu.DateFormat.LONG, icu.Locale("my"))
    # Dates are days, not instants: format them at noon UTC in UTC, so no time zone moves them a day.
    formatter.setTimeZone(icu.TimeZone.getGMT())
    return formatter


# ICU does not promise that one formatter may be used by several threads at once.
_formatter_lock = threading.Lock()


def burmese_day(value: datetime.date) -> str:
    """A date in Burmese with the month's name and Myanmar digits, e.g. ၂၀၂၆၊ ဒီဇင်ဘာ ၅."""
    noon = datetime.datetime(value.year, value.month, value.day, 12, tzinfo=datetime.UTC)
    with _formatter_lock:
        return str(_burmese_long_date().format(noon.timestamp()))


@register.filter
def day(value: datetime.date | datetime.datetime | None) -> str:
    """A date with the month's name: Burmese on a Burmese page, "5 Dec 2026" otherwise."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        # An instant is shown as the day it was where the programme works (settings.TIME_ZONE).
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    if burmese_active():
        return burmese_day(value)
    return dateformat.format(value, "j M Y")
