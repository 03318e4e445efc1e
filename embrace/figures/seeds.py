"""Version 1 of every definition, as the data migration seeds it. The descriptions are msgids: marked here so
that ``make messages`` collects them, and translated where a page shows them."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

# The programme began taking enquiries after the coup of 1 February 2021; no case is older.
V1_FROM = "2021-02-01"

V1: dict[str, tuple[dict[str, Any], str]] = {
    "enquiry": (
        {"event": "opened", "exclude_statuses": ["quarantined", "duplicate"]},
        gettext_noop(
            "Cases opened in the period, by any channel, leaving out enquiries now set aside as junk "
            "and those marked as repeats of another case."
        ),
    ),
    "genuine_enquiry": (
        {"event": "transition_to", "statuses": ["passage_approved"]},
        gettext_noop(
            "Cases whose passage was approved in the period: two reviewers found the enquirer genuine and a "
            "handler of the team agreed."
        ),
    ),
    "defection": (
        {"event": "transition_to", "statuses": ["arrived"]},
        gettext_noop("Cases whose arrival was recorded in the period."),
    ),
    "registration": (
        {"event": "transition_to", "statuses": ["registered"]},
        gettext_noop(
            "Cases registered in the period, after screening on arrival and a second person's approval."
        ),
    ),
    "reward_paid": (
        {"event": "paid", "what": "tranche"},
        gettext_noop(
            "Cases paid a share of a reward in the period. Stipends and payments later reversed are "
            "not counted."
        ),
    ),
    "dependants_received": (
        {"event": "transition_to", "statuses": ["arrived"], "count": "dependants"},
        gettext_noop("Family members recorded with the cases whose arrival was recorded in the period."),
    ),
}
