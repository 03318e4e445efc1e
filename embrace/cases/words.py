"""What staff read instead of internal names: each step, each status's next move, and the enquirer's answers.

The lifecycle table and the enquiry document keep their stable identifiers (``start_triage``,
``leave_equipment``); pages show these words, in the reader's language.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from embrace.cases.models import Status

STEP_LABELS: dict[str, Promise] = {
    "release": _("Release from quarantine"),
    "quarantine": _("Move to quarantine with its wave"),
    "start_triage": _("Start triage"),
    "make_dormant": _("Put aside until a check-in date"),
    "refer_for_vetting": _("Refer for vetting"),
    "approve_passage": _("Ask to approve passage"),
    "plan_passage": _("Mark the passage as planned"),
    "begin_transit": _("Start the journey"),
    "record_arrival": _("Record the arrival"),
    "record_screening": _("Record the screening"),
    "register": _("Ask to register"),
    "close": _("Close the case"),
    "close_and_purge": _("Ask to close and purge"),
    "withdraw": _("Withdraw the case"),
    "lose_contact": _("Record that contact was lost"),
    "resume_contact": _("Resume contact"),
    "reject": _("Reject as not genuine"),
    "mark_duplicate": _("Mark as a duplicate"),
}

# Steps that end or hide a case's work: each asks for a confirmation and a reason.
CONFIRMED_STEPS = frozenset({"withdraw", "reject", "lose_contact", "mark_duplicate"})

# Each status: what happens next, and who does it.
NEXT: dict[str, Promise] = {
    Status.ENQUIRY: _(
        "An intake officer reads the enquiry and starts triage, or puts it aside until a date."
    ),
    Status.DORMANT: _("Waiting for the check-in date; then an intake officer contacts the enquirer again."),
    Status.TRIAGE: _(
        "An intake officer talks with the enquirer, assigns a handler and refers the case for vetting."
    ),
    Status.VETTING: _(
        "Two vetting reviewers check the enquirer. When both have signed off, a reviewer asks for passage "
        "and a handler of the team approves it."
    ),
    Status.PASSAGE_APPROVED: _("The handler makes the passage plan."),
    Status.PASSAGE_PLANNED: _("The handler starts the journey when the plan is ready."),
    Status.IN_TRANSIT: _("The handler records the arrival."),
    Status.ARRIVED: _("A vetting reviewer screens the person after arrival."),
    Status.SCREENED: _("The handler asks to register the person; a vetting reviewer approves."),
    Status.REGISTERED: _("The handler closes the case, or asks custodians to close and purge it."),
    Status.CLOSED: _("Nothing more is needed. A custodian may approve a purge."),
    Status.WITHDRAWN: _(
        "Work has stopped. An intake officer may ask custodians to close and purge the case."
    ),
    Status.LOST_CONTACT: _("If the enquirer writes again, an intake officer resumes contact."),
    Status.REJECTED: _("Work has stopped. An intake officer may ask custodians to close and purge the case."),
    Status.DUPLICATE: _(
        "Work goes on in the other case. An intake officer may ask to close and purge this one."
    ),
    Status.QUARANTINED: _(
        "Probably junk. An intake officer reads it and releases it into the inbox if it is a real enquiry."
    ),
}

# What the enquirer chose on the form, as staff should read it.
KINDS: dict[str, Promise] = {
    "leave_alone": _("Wants to leave, alone"),
    "leave_family": _("Wants to leave with family"),
    "leave_equipment": _("Wants to leave and bring equipment"),
    "relative": _("Asking for a relative"),
    "information": _("Wants information only"),
}
SERVICES: dict[str, Promise] = {
    "": _("Did not say"),
    "army": _("Army"),
    "navy": _("Navy"),
    "air_force": _("Air force"),
    "police": _("Police"),
    "other": _("Other"),
}
REPLY_CHANNELS: dict[str, Promise] = {
    "site": _("Only on the website, with the receipt"),
    "telegram": _("Telegram"),
    "signal": _("Signal"),
    "phone": _("Phone call"),
}


def step_label(name: str) -> str:
    return str(STEP_LABELS.get(name, _("Another step")))


def kind_label(kind: str) -> str:
    return str(KINDS.get(kind, _("Not given"))) if kind else ""


def service_label(service: str) -> str:
    return str(SERVICES.get(service, _("Other")))


def channel_label(channel: str) -> str:
    return str(REPLY_CHANNELS.get(channel, _("Not given")))
