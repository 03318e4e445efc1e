"""Retention rules in words a volunteer understands, for the settings page and the approval page."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from embrace.myanmar.formats import local_digits
from embrace.retention.models import RuleKey


def destroys(key: str) -> str:
    if key == RuleKey.PASSAGE:
        return _("the passage plan (routes, meeting points, contacts)")
    return _(
        "everything the case holds: messages, files, name and contact, family, notes, vetting, passage plan"
    )


def counted_from(key: str) -> str:
    return {
        RuleKey.QUARANTINED: _("after it was put in quarantine"),
        RuleKey.WITHDRAWN: _("after the case was withdrawn"),
        RuleKey.LOST_CONTACT: _("after contact was lost"),
        RuleKey.REJECTED: _("after it was rejected as not genuine"),
        RuleKey.DUPLICATE: _("after it was marked as a duplicate"),
        RuleKey.PASSAGE: _("after the person arrived"),
    }[RuleKey(key)]


def keeping(key: str, days: int | None) -> str:
    """How long the rule keeps content, in one sentence ("Destroyed 30 days after ...")."""
    if days is None:
        return _("Kept until someone closes the case with purge.")
    return local_digits(
        ngettext("Destroyed %(days)d day %(when)s.", "Destroyed %(days)d days %(when)s.", days)
        % {"days": days, "when": counted_from(key)}
    )
