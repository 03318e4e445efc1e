"""Template filters that put the cases app's stored identifiers and dates into words."""

from __future__ import annotations

import datetime

from django import template
from django.utils.translation import gettext as _

from embrace.cases import words
from embrace.cases.actions import today
from embrace.myanmar import formats

register = template.Library()


@register.filter
def step_words(name: str) -> str:
    """A step's label, from its name or from an approval's action (``case.<name>``)."""
    return words.step_label(str(name).removeprefix("case."))


@register.filter
def day_words(day: datetime.date | None) -> str:
    """Today, yesterday, or the date: cases store the day only, never the time (see Case.opened_on)."""
    if day is None:
        return ""
    if day == today():
        return _("today")
    if day == today() - datetime.timedelta(days=1):
        return _("yesterday")
    return formats.day(day)


@register.filter
def delivery_of(deliveries: dict[str, object], message_id: str) -> object:
    """How a reply fared on its way to a chat account (``embrace.cases.outbound``), or None."""
    return deliveries.get(str(message_id))
