"""The words a page shows for what a snapshot holds as codes, in the reader's language."""

from __future__ import annotations

import datetime

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from embrace.cases.models import Channel, Status
from embrace.myanmar import formats
from embrace.rewards.money import Currency

KIND_LABELS: dict[str, Promise] = {
    "taken_up": _("Taken up for triage"),
    "dormant_first": _("Waiting to move (dormant) first"),
    "released": _("Released from the junk pile"),
    "ended_early": _("Ended before triage"),
    "waiting": _("Not yet looked at"),
}

FUNNEL_LABELS: dict[str, Promise] = {
    "enquiry": _("Enquiries"),
    "vetting": _("Referred for vetting"),
    "passage": _("Passage approved"),
    "arrival": _("Arrived"),
    "registration": _("Registered"),
}

DASHBOARD_LABELS: dict[str, Promise] = {
    "enquiries": _("Enquiries per week"),
    "funnel": _("From enquiry to registration"),
    "stages": _("Time in each stage"),
    "vetting": _("Vetting outcomes"),
    "rewards": _("Rewards committed and paid"),
    "stipends": _("Monthly stipends"),
}


def label(what: str, code: str) -> str:
    """The words for ``code`` of kind ``what`` (a column or a row of a snapshot's table)."""
    if what == "word":
        return gettext(code)
    if what == "channel" and code in Channel.values:
        return str(Channel(code).label)
    if what == "status" and code in Status.values:
        return str(Status(code).label)
    if what == "kind" and code in KIND_LABELS:
        return str(KIND_LABELS[code])
    if what == "funnel_stage" and code in FUNNEL_LABELS:
        return str(FUNNEL_LABELS[code])
    if what == "currency" and code in Currency.values:
        return str(Currency(code).label)
    if what == "week":
        return gettext("Week of %(day)s") % {"day": formats.day(datetime.date.fromisoformat(code))}
    if what in ("month", "month_currency"):
        return formats.month(datetime.date.fromisoformat(code))
    # A code nothing translates (a currency added later): shown as it is, never dropped.
    return code


def row_label(rows_of: str, code: str) -> str:
    return label(rows_of, code)


def short_row_label(rows_of: str, code: str) -> str:
    """A chart's x-axis label: the day or month alone, so that 26 weeks fit under a chart."""
    if rows_of == "week":
        return formats.day(datetime.date.fromisoformat(code), "j M")
    if rows_of in ("month", "month_currency"):
        return formats.month(datetime.date.fromisoformat(code), "M Y")
    return label(rows_of, code)
