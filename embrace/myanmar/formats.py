"""Numbers, dates and times the way the page's reader writes them: Myanmar digits and Burmese month names on
a Burmese page, the page's usual form on an English one.

The template filters in ``templatetags/myanmar.py`` are thin wrappers over these, and views that build a
sentence or a value in Python call them directly, so no template or view branches on the language itself.
Burmese month names come from ICU's ``my`` locale (CLDR): the Gregorian months as Burmese writes them
(ဇန်နဝါရီ … ဒီဇင်ဘာ), always the full name (CLDR's abbreviations, such as ဒီ, are not what readers use).
What a person copies or types back stays in Latin digits and is not passed through these: see
docs/architecture.md, "Burmese pages".
"""

from __future__ import annotations

import datetime
import threading
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import icu
from django.utils import dateformat, timezone
from django.utils.translation import get_language

from embrace.myanmar.text import myanmar_digits

# Skeletons for ICU's pattern generator (the order and punctuation of the pattern come from CLDR):
DAY = "yMMMMd"  # ၂၀၂၆၊ ဒီဇင်ဘာ ၅
MONTH = "yMMMM"  # ၂၀၂၆ ဒီဇင်ဘာ
MOMENT = "yMMMMdHm"  # ၂၀၂၆၊ ဒီဇင်ဘာ ၅ ၁၄:၀၅
MOMENT_SECONDS = "yMMMMdHms"
CLOCK = "Hm"  # ၁၄:၀၅
CLOCK_SECONDS = "Hms"

# ICU does not promise that one formatter may be used by several threads at once.
_lock = threading.Lock()


def burmese_active() -> bool:
    """Whether the page being made is Burmese (the active language)."""
    return (get_language() or "").split("-")[0] == "my"


def in_reader_language(burmese: str, english: str) -> str:
    """Of a text kept in both languages (a schedule entry's title, a release's), the one for the page being
    made: the Burmese on a Burmese page when there is one, else the English."""
    return burmese if burmese_active() and burmese else english


def local_digits(value: Any) -> str:
    """``value`` as text, its ASCII digits in Myanmar digits on a Burmese page; None is the empty string."""
    if value is None:
        return ""
    text = str(value)
    return myanmar_digits(text) if burmese_active() else text


@cache
def _formatter(skeleton: str) -> icu.SimpleDateFormat:
    locale = icu.Locale("my")
    pattern = icu.DateTimePatternGenerator.createInstance(locale).getBestPattern(skeleton)
    formatter = icu.SimpleDateFormat(pattern, locale)
    # Values are made wall-clock times in TIME_ZONE before they reach ICU (see _wall), then formatted as
    # if in UTC, so ICU's own time-zone data never moves them.
    formatter.setTimeZone(icu.TimeZone.getGMT())
    return formatter


def _icu(skeleton: str, wall: datetime.datetime) -> str:
    with _lock:
        return str(_formatter(skeleton).format(wall.replace(tzinfo=datetime.UTC).timestamp()))


def _wall(value: datetime.date | datetime.datetime) -> datetime.datetime:
    """The time a clock showed where the programme works (settings.TIME_ZONE); a date is its noon."""
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.replace(tzinfo=None)
    return datetime.datetime(value.year, value.month, value.day, 12)


def day(value: datetime.date | datetime.datetime | None, english: str = "j M Y") -> str:
    """The day of ``value``: ၂၀၂၆၊ ဒီဇင်ဘာ ၅ on a Burmese page, Django format ``english`` (5 Dec 2026) else.

    An instant is the day it was in TIME_ZONE."""
    if value is None or value == "":
        return ""
    wall = _wall(value)
    if burmese_active():
        return _icu(DAY, wall)
    return dateformat.format(wall.date(), english)


def month(value: datetime.date | datetime.datetime | None, english: str = "F Y") -> str:
    """The month of ``value``: ၂၀၂၆ ဒီဇင်ဘာ on a Burmese page, ``english`` (December 2026) else."""
    if value is None or value == "":
        return ""
    wall = _wall(value)
    if burmese_active():
        return _icu(MONTH, wall)
    return dateformat.format(wall.date(), english)


def moment(value: datetime.datetime | None, english: str = "j M Y H:i") -> str:
    """A date and time of day in TIME_ZONE: ၂၀၂၆၊ ဒီဇင်ဘာ ၅ ၁၄:၀၅ on a Burmese page, ``english`` else.

    Seconds are shown in Burmese when the English format shows them (``s``), so both pages carry the same
    detail."""
    if value is None or value == "":
        return ""
    wall = _wall(value)
    if burmese_active():
        return _icu(MOMENT_SECONDS if "s" in english else MOMENT, wall)
    return dateformat.format(wall, english)


def clock(value: datetime.datetime | datetime.time | None, english: str = "H:i") -> str:
    """The time of day in TIME_ZONE, 24-hour: ၁၄:၀၅ on a Burmese page, ``english`` (14:05) else."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.time):
        value = datetime.datetime.combine(datetime.date(2000, 1, 1), value)
    wall = _wall(value)
    if burmese_active():
        return _icu(CLOCK_SECONDS if "s" in english else CLOCK, wall)
    return dateformat.time_format(wall.time(), english)


def amount(value: Decimal | int | str | None, currency: str = "", places: int = 2) -> str:
    """A sum of money in whole units with its currency code after it: ``1,500.00 USD``, grouped with commas
    in every language (Django's Burmese number format does not group), in Myanmar digits on a Burmese page.

    The currency code stays in Latin letters: Burmese finance writes USD, MMK and THB so too."""
    if value is None or value == "":
        return ""
    try:
        text = f"{Decimal(str(value)):,.{places}f}"
    except InvalidOperation:
        text = str(value)  # already formatted ("1,500"): shown as it is, in the page's digits
    return local_digits(f"{text} {currency}" if currency else text)
