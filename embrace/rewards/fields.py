"""Form fields for money and dates as people type them: plain decimals, and dates within sane bounds.

A typo of a year (9999-12-31, 0202-04-07) is refused with a message that says what range is taken, rather
than stored and found years later in a report.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils.translation import gettext

from embrace.myanmar.formats import day
from embrace.rewards.money import PLAIN_AMOUNT, typed

# The programme began after the 2021 coup; nothing it records happened before 2000. Plans reach a few
# years ahead at most.
EARLIEST = datetime.date(2000, 1, 1)
YEARS_AHEAD = 5


def latest() -> datetime.date:
    today = datetime.date.today()
    return today.replace(year=today.year + YEARS_AHEAD)


class SaneDateField(forms.DateField):
    """A date between 1 January 2000 and five years from today, else a clear message."""

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value in self.empty_values:
            return
        if not EARLIEST <= value <= latest():
            raise forms.ValidationError(
                gettext("Give a date between %(first)s and %(last)s.")
                % {"first": day(EARLIEST, "j F Y"), "last": day(latest(), "j F Y")},
                code="out_of_range",
            )


class GroupedDecimalField(forms.DecimalField):
    """Accepts amounts typed as they are published, "1,000,000" as well as "1000000"; not "1e9"."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and value.strip():
            value = typed(value)
            if not PLAIN_AMOUNT.fullmatch(value):
                raise forms.ValidationError(
                    gettext(
                        "Type the amount in plain digits, e.g. 1500 or 1,500.00: no letters, no exponent."
                    ),
                    code="invalid",
                )
            value = value.replace(",", "")
        return super().to_python(value)
