"""Every staff URL, for every role, against a case they work on and one they do not: the status each gets,
and no plaintext of a compartment they hold no key for on any page.

The table below is the access design written out. A new staff URL fails this test until it has a row; a
changed answer fails it until the row is changed on purpose.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from embrace.core.access import PUBLIC, access_of
from embrace.figures.stats import compute_all
from embrace.testing.world import PERSONAS, World, build_world

pytestmark = pytest.mark.django_db

NO_CASE = "-"
ANONYMOUS, STALE = "anonymous", "stale"
WHO = (*PERSONAS, ANONYMOUS, STALE)

# --- The expected table --------------------------------------------------------------------------------

COMMITTEE = ("committee_a", "committee_b", "committee_p")
FINANCE = ("finance_a", "finance_b")
# Everyone with a key to case A's finance compartment.
REWARD_DESK = ("handler_a", "reviewer_a", *COMMITTEE, *FINANCE)


def row(default: str, **others: str) -> dict[str, str]:
    """Expected "GET/POST" statuses for everyone: ``default``, except the named people."""
    unknown = set(others) - set(WHO)
    assert not unknown, f"no such persona: {unknown}"
    return {who: others.get(who, default) for who in WHO}


# Who gets what, as designed. "GET/POST": each URL is asked both ways, POST with an empty body (a 400, a
# redirect back, 403/404 as designed; never a 500). For a URL about a case, [A] is team A's case (handled
# by handler_a, passage planned, its plan with team P) and [B] team B's (handled by handler_b, in vetting).
# 404 means "this case does not exist for you"; 403 a role that may not, or a case seen but not unlocked
# (no key); anonymous goes to the login page (302), a dead session gets the "session ended" page (403).
EXPECTED: dict[tuple[str, str], dict[str, str]] = {
    # Signing in: public pages. An empty POST is an unbound form (200); without a password step behind
    # them, the TOTP and enrolment steps send everyone back to the start.
    ("accounts:login", NO_CASE): row("200/200"),
    ("accounts:login_code", NO_CASE): row("302/302"),
    ("accounts:enrol", NO_CASE): row("302/302"),
    ("accounts:recover", NO_CASE): row("200/200"),
    ("accounts:reenrol", NO_CASE): row("200/200"),
    ("accounts:logout", NO_CASE): row("405/302"),
    # The language switch on every staff page: an empty POST names no language.
    ("accounts:language", NO_CASE): row("405/400"),
    # Any signed-in staff member.
    ("accounts:home", NO_CASE): row("200/405", anonymous="302/405", stale="403/405"),
    ("accounts:password_change", NO_CASE): row("200/200", anonymous="302/302", stale="403/403"),
    # Keys: everyone sees the keys they hold; what a give does is decided by holding the key (an empty
    # POST names no key or person: 400). Giving, starting and deciding are tested in embrace/custody.
    ("custody:keys", NO_CASE): row("200/405", anonymous="302/405", stale="403/405"),
    ("custody:give", NO_CASE): row("405/400", anonymous="405/302", stale="405/403"),
    ("custody:start", NO_CASE): row("405/400", anonymous="405/302", stale="405/403"),
    ("custody:decide", NO_CASE): row("405/400", anonymous="405/302", stale="405/403"),
    # Accounts: administrators only, who in turn see no case page at all.
    ("staffing:user_list", NO_CASE): row("403/405", admin_a="200/405", anonymous="302/405"),
    ("staffing:invite", NO_CASE): row("403/403", admin_a="200/200", anonymous="302/302"),
    # An empty POST unticks everything: the spare is deactivated at once (narrowing needs no second person).
    ("staffing:user_edit", NO_CASE): row("403/403", admin_a="200/302", anonymous="302/302"),
    # Asking for a second administrator to reset someone's authenticator (the spare's): a POST only.
    ("staffing:reset_request", NO_CASE): row("405/403", admin_a="405/302", anonymous="405/302"),
    # Invitations, proposed widenings and resets are walked with ids that name nothing (404 to an
    # administrator); the reset page is asked about the passage request, which is no reset (404).
    ("staffing:invitation", NO_CASE): row("403/403", admin_a="404/404", anonymous="302/302"),
    ("staffing:change", NO_CASE): row("403/403", admin_a="404/404", anonymous="302/302"),
    ("staffing:reset", NO_CASE): row("403/403", admin_a="404/404", anonymous="302/302"),
    # The invitee's page is public; a token that is no invitation's is a 404 for everyone.
    ("staffing:join", NO_CASE): row("404/404"),
    ("accounts:team_new", NO_CASE): row("403/403", admin_a="200/200", anonymous="302/302"),
    # Teams are walked as team A; an empty POST leaves out the name the form requires.
    ("accounts:team_list", NO_CASE): row("403/405", admin_a="200/405", anonymous="302/405"),
    ("accounts:team_edit", NO_CASE): row("403/403", admin_a="200/400", anonymous="302/302"),
    # Programme settings (configuration: administrators). An empty label names no team or label (400); an
    # empty route form unticks "receives new enquiries", which closes team A's route at once (302).
    ("config:labels", NO_CASE): row("403/403", admin_a="200/400", anonymous="302/302"),
    ("config:routes", NO_CASE): row("403/405", admin_a="200/405", anonymous="302/405"),
    ("config:route_edit", NO_CASE): row("403/403", admin_a="200/302", anonymous="302/302"),
    # Retention rules: an empty proposal names no days (400); proposals are walked with an id that names
    # nothing (404 to an administrator). Deciding is a POST only.
    ("config:retention", NO_CASE): row("403/405", admin_a="200/405", anonymous="302/405"),
    ("config:retention_edit", NO_CASE): row("403/403", admin_a="200/400", anonymous="302/302"),
    ("config:retention_change", NO_CASE): row("403/405", admin_a="404/405", anonymous="302/405"),
    ("config:retention_decide", NO_CASE): row("405/403", admin_a="405/404", anonymous="405/302"),
    # Public releases: analysts draft, and publish another analyst's draft. Releases are walked with an id
    # that names nothing (404 to an analyst); an empty draft form is refused (400). The public list is
    # outside /staff/ (the enquirer's site), tested in embrace/releases.
    ("releases:list", NO_CASE): row("403/405", analyst_a="200/405", anonymous="302/405"),
    ("releases:draft", NO_CASE): row("403/403", analyst_a="200/400", anonymous="302/302"),
    ("releases:detail", NO_CASE): row("403/405", analyst_a="404/405", anonymous="302/405"),
    ("releases:decide", NO_CASE): row("405/403", analyst_a="405/404", anonymous="405/302"),
    ("releases:withdraw", NO_CASE): row("405/403", analyst_a="405/404", anonymous="405/302"),
    # The intake quarantine: intake officers (their own teams' junk).
    ("intake_staff:quarantine", NO_CASE): row(
        "403/405", intake_a="200/405", intake_b="200/405", anonymous="302/405"
    ),
    # Emptying needs a second officer: an empty request names no team (400); deciding a request that is not
    # a quarantine request (the world's passage approval) finds nothing (404).
    ("intake_staff:quarantine_empty", NO_CASE): row(
        "405/403", intake_a="405/400", intake_b="405/400", anonymous="405/302"
    ),
    ("intake_staff:quarantine_decide", NO_CASE): row(
        "405/403", intake_a="405/404", intake_b="405/404", anonymous="405/302"
    ),
    # Flood waves: intake officers (their own teams' new enquiries). An empty request names no enquiries
    # (400); deciding with an id that names no wave request finds nothing (404).
    ("intake_staff:waves", NO_CASE): row(
        "403/405", intake_a="200/405", intake_b="200/405", anonymous="302/405"
    ),
    ("intake_staff:wave_ask", NO_CASE): row(
        "405/403", intake_a="405/400", intake_b="405/400", anonymous="405/302"
    ),
    ("intake_staff:wave_decide", NO_CASE): row(
        "405/403", intake_a="405/404", intake_b="405/404", anonymous="405/302"
    ),
    # Channels. Entering an enquiry received by phone or in person: intake officers (an empty form: 400).
    ("channels_staff:enter", NO_CASE): row(
        "403/403", intake_a="200/400", intake_b="200/400", anonymous="302/302"
    ),
    # The chat channels' switches: administrators. This world holds no channel credentials, so asking to
    # turn Telegram on is refused (400); pausing needs no second person (302, at once); deciding with an id
    # that is no channel request (the passage approval) finds nothing (404).
    ("channels_staff:switches", NO_CASE): row("403/405", admin_a="200/405", anonymous="302/405"),
    ("channels_staff:switch_ask", NO_CASE): row("405/403", admin_a="405/400", anonymous="405/302"),
    ("channels_staff:switch_pause", NO_CASE): row("405/403", admin_a="405/302", anonymous="405/302"),
    ("channels_staff:switch_decide", NO_CASE): row("405/403", admin_a="405/404", anonymous="405/302"),
    # Casework lists: the inbox for intake, "my cases" for handlers, search for both and for custodians
    # (identifiers only: a search shows only cases whose identity the searcher's keys open).
    ("cases:inbox", NO_CASE): row("403/405", intake_a="200/405", intake_b="200/405", anonymous="302/405"),
    ("cases:mine", NO_CASE): row(
        "403/405", handler_a="200/405", handler_b="200/405", courier_p="200/405", anonymous="302/405"
    ),
    ("cases:search", NO_CASE): row(
        "403/403",
        intake_a="200/400",
        intake_b="200/400",
        handler_a="200/400",
        handler_b="200/400",
        courier_p="200/400",
        custodian_a="200/400",
        anonymous="302/302",
    ),
    # A case's page: its team's intake officer and its handler read it; its team's reviewer sees that it
    # exists (they take vetting steps) but holds no body key; to everyone else it does not exist.
    ("cases:detail", "A"): row(
        "404/405",
        intake_a="200/405",
        handler_a="200/405",
        reviewer_a="403/405",
        anonymous="302/405",
        stale="403/405",
    ),
    ("cases:detail", "B"): row(
        "404/405",
        intake_b="200/405",
        handler_b="200/405",
        reviewer_b="403/405",
        anonymous="302/405",
        stale="403/405",
    ),
    ("cases:reply", "A"): row(
        "405/404",
        intake_a="405/400",
        handler_a="405/400",
        reviewer_a="405/403",
        anonymous="405/302",
        stale="405/403",
    ),
    ("cases:reply", "B"): row(
        "405/404",
        intake_b="405/400",
        handler_b="405/400",
        reviewer_b="405/403",
        anonymous="405/302",
        stale="405/403",
    ),
    # Sending a failed chat reply again: like replies, but world's cases came by the web form, so there is
    # no failed delivery to redo (404) for those who hold the body key; case A's message through case B is
    # not B's.
    ("cases:resend", "A"): row("405/404", reviewer_a="405/403", anonymous="405/302", stale="405/403"),
    ("cases:resend", "B"): row("405/404", reviewer_b="405/403", anonymous="405/302", stale="405/403"),
    # Internal notes: like replies (an empty note is a 400 for those who may write).
    ("cases:note", "A"): row(
        "405/404",
        intake_a="405/400",
        handler_a="405/400",
        reviewer_a="405/403",
        anonymous="405/302",
        stale="405/403",
    ),
    ("cases:note", "B"): row(
        "405/404",
        intake_b="405/400",
        handler_b="405/400",
        reviewer_b="405/403",
        anonymous="405/302",
        stale="405/403",
    ),
    # Photos: case A's photo, for those who hold A's body key; asked through case B it does not exist.
    ("cases:attachment", "A"): row(
        "404/405",
        intake_a="200/405",
        handler_a="200/405",
        reviewer_a="403/405",
        anonymous="302/405",
        stale="403/405",
    ),
    ("cases:attachment", "B"): row(
        "404/405",
        reviewer_b="404/405",
        anonymous="302/405",
        stale="403/405",
    ),
    # A refused step answers 400 on the case page, with what was typed; one whose case page is "no key"
    # (a reviewer without the body key) is sent back to it with the reason.
    ("cases:step", "A"): row(
        "405/404",
        intake_a="405/400",
        handler_a="405/400",
        reviewer_a="405/302",
        anonymous="405/302",
        stale="405/403",
    ),
    ("cases:step", "B"): row(
        "405/404",
        intake_b="405/400",
        handler_b="405/400",
        reviewer_b="405/302",
        anonymous="405/302",
        stale="405/403",
    ),
    # Assigning is triage: intake officers of the case's team.
    ("cases:assign", "A"): row("405/403", intake_a="405/400", intake_b="405/404", anonymous="405/302"),
    ("cases:assign", "B"): row("405/403", intake_a="405/404", intake_b="405/400", anonymous="405/302"),
    # Two-person steps: anyone may list what waits for them; case B's passage waits for a handler of case
    # B's own team: handlers of other teams neither see it listed nor find it (404).
    ("cases:approvals", NO_CASE): row("200/405", anonymous="302/405", stale="403/405"),
    ("cases:decide", NO_CASE): row(
        "405/404",
        handler_b="405/302",
        anonymous="405/302",
        stale="405/403",
    ),
    # Identity: custodians open any case's identity page and hold every identity key; the team sees the
    # page exists but not what is on it (403, with the form to ask), even case B's, where the enquirer gave
    # nothing: "nothing given" is itself only for keyholders. Everyone else 404.
    ("identity:detail", "A"): row(
        "404/405",
        custodian_a="200/405",
        intake_a="403/405",
        handler_a="403/405",
        reviewer_a="403/405",
        anonymous="302/405",
        stale="403/405",
    ),
    ("identity:detail", "B"): row(
        "404/405",
        custodian_a="200/405",
        intake_b="403/405",
        handler_b="403/405",
        reviewer_b="403/405",
        anonymous="302/405",
        stale="403/405",
    ),
    ("identity:dependant_add", "A"): row(
        "405/404",
        custodian_a="405/400",
        intake_a="405/403",
        handler_a="405/403",
        reviewer_a="405/403",
        anonymous="405/302",
        stale="405/403",
    ),
    ("identity:dependant_add", "B"): row(
        "405/404",
        custodian_a="405/400",
        intake_b="405/403",
        handler_b="405/403",
        reviewer_b="405/403",
        anonymous="405/302",
        stale="405/403",
    ),
    ("identity:dependant_edit", "A"): row(
        "404/404",
        custodian_a="200/400",
        intake_a="403/403",
        handler_a="403/403",
        reviewer_a="403/403",
        anonymous="302/302",
        stale="403/403",
    ),
    # Walked with case A's dependant: a relative of another case is not found, even by a custodian who
    # holds both keys.
    ("identity:dependant_edit", "B"): row("404/404", anonymous="302/302", stale="403/403"),
    # Recording or correcting who the enquirer is: holders of the identity key only; the team is told it
    # holds no key (403), as on the identity page; an empty form is refused (400).
    ("identity:edit", "A"): row(
        "404/404",
        custodian_a="200/400",
        intake_a="403/403",
        handler_a="403/403",
        reviewer_a="403/403",
        anonymous="302/302",
        stale="403/403",
    ),
    ("identity:edit", "B"): row(
        "404/404",
        custodian_a="200/400",
        intake_b="403/403",
        handler_b="403/403",
        reviewer_b="403/403",
        anonymous="302/302",
        stale="403/403",
    ),
    # Asking for a reveal: handlers and reviewers, about a case they see.
    ("identity:request", "A"): row(
        "405/403",
        handler_a="405/400",
        reviewer_a="405/400",
        handler_b="405/404",
        reviewer_b="405/404",
        courier_p="405/404",
        anonymous="405/302",
    ),
    ("identity:request", "B"): row(
        "405/403",
        handler_b="405/400",
        reviewer_b="405/400",
        handler_a="405/404",
        reviewer_a="405/404",
        courier_p="405/404",
        anonymous="405/302",
    ),
    # Deciding a reveal: custodians (handler_a's request about case A waits).
    ("identity:queue", NO_CASE): row("403/405", custodian_a="200/405", anonymous="302/405"),
    ("identity:decide", NO_CASE): row("405/403", custodian_a="405/400", anonymous="405/302"),
    # Vetting: every reviewer sees every case that reached vetting (none handles these cases); nobody else.
    ("vetting:queue", NO_CASE): row(
        "403/405", reviewer_a="200/405", reviewer_b="200/405", anonymous="302/405"
    ),
    ("vetting:case", "A"): row("403/405", reviewer_a="200/405", reviewer_b="200/405", anonymous="302/405"),
    ("vetting:case", "B"): row("403/405", reviewer_a="200/405", reviewer_b="200/405", anonymous="302/405"),
    **{
        (name, case): row("405/403", reviewer_a="405/400", reviewer_b="405/400", anonymous="405/302")
        for name in (
            "vetting:record_check",
            "vetting:sign_off",
            "vetting:raise_flag",
            "vetting:clear_flag",
            # Asking for passage: case A is past vetting and case B's request already waits (400 either way).
            "vetting:request_passage",
        )
        for case in ("A", "B")
    },
    # Passage: the case's handler opens the plan (once: 409 after); only the passage team (courier_p) reads
    # and writes it, not even the case's handler; case B has no plan yet.
    ("passage:open", "A"): row(
        "403/403", handler_a="200/409", handler_b="404/404", courier_p="404/404", anonymous="302/302"
    ),
    ("passage:open", "B"): row(
        "403/403", handler_b="200/400", handler_a="404/404", courier_p="404/404", anonymous="302/302"
    ),
    # The case's own handler is sent on to the plan's status page (302), so a "Passage plan" link never ends
    # in a 404 for them; they still read no entry.
    ("passage:plan", "A"): row(
        "403/405", courier_p="200/405", handler_a="302/405", handler_b="404/405", anonymous="302/405"
    ),
    ("passage:plan", "B"): row(
        "403/405", courier_p="404/405", handler_a="404/405", handler_b="302/405", anonymous="302/405"
    ),
    ("passage:add_entry", "A"): row(
        "405/403", courier_p="405/400", handler_a="405/404", handler_b="405/404", anonymous="405/302"
    ),
    ("passage:add_entry", "B"): row(
        "405/403", courier_p="405/404", handler_a="405/404", handler_b="405/404", anonymous="405/302"
    ),
    # Rewards. [A] is case A's claim (valued by committee_a, its tranche asked by committee_b, approved by
    # committee_p, paid by finance_a), its stipend and the donation that funded it. The claim exists for its
    # case's handler, the reviewers of its team, the committee and finance; to other handlers and reviewers it
    # does not (404). Steps refused because the claim has moved on are 400 (409: already submitted).
    # The rewards home: whoever takes part in claims or reads the finance figures; it lists, never changes.
    ("rewards:home", NO_CASE): row(
        "403/405",
        **dict.fromkeys(REWARD_DESK, "200/405"),
        handler_b="200/405",
        reviewer_b="200/405",
        courier_p="200/405",
        anonymous="302/405",
    ),
    ("rewards:claims_queue", NO_CASE): row(
        "403/405",
        **dict.fromkeys(REWARD_DESK, "200/405"),
        handler_b="200/405",
        reviewer_b="200/405",
        courier_p="200/405",
        anonymous="302/405",
    ),
    # Opening a claim is one button (an empty POST opens one on case A, which has arrived; case B has not).
    ("rewards:case_claims", "A"): row(
        "403/403", handler_a="200/302", handler_b="404/404", courier_p="404/404", anonymous="302/302"
    ),
    ("rewards:case_claims", "B"): row(
        "403/403", handler_b="200/400", handler_a="404/404", courier_p="404/404", anonymous="302/302"
    ),
    ("rewards:claim", "A"): row(
        "403/405",
        **dict.fromkeys(REWARD_DESK, "200/405"),
        handler_b="404/405",
        reviewer_b="404/405",
        courier_p="404/405",
        anonymous="302/405",
    ),
    # The evidence photo: the claim's readers who hold the finance key (all of them, in this world).
    ("rewards:evidence_photo", "A"): row(
        "403/405",
        **dict.fromkeys(REWARD_DESK, "200/405"),
        handler_b="404/405",
        reviewer_b="404/405",
        courier_p="404/405",
        anonymous="302/405",
    ),
    ("rewards:claim_add_item", "A"): row(
        "405/403", handler_a="405/400", handler_b="405/404", courier_p="405/404", anonymous="405/302"
    ),
    ("rewards:claim_submit", "A"): row(
        "405/403", handler_a="405/409", handler_b="405/404", courier_p="405/404", anonymous="405/302"
    ),
    # Everyone entitled to case A's finance file holds its key already: sharing it has nothing to do (409).
    ("rewards:claim_share", "A"): row(
        "405/403",
        **dict.fromkeys(REWARD_DESK, "405/409"),
        handler_b="405/404",
        reviewer_b="405/404",
        courier_p="405/404",
        anonymous="405/302",
    ),
    ("rewards:claim_withdraw", "A"): row(
        "405/403", handler_a="405/400", handler_b="405/404", courier_p="405/404", anonymous="405/302"
    ),
    ("rewards:claim_verify", "A"): row(
        "405/403", reviewer_a="405/400", reviewer_b="405/404", anonymous="405/302"
    ),
    **{
        (name, "A"): row("405/403", **dict.fromkeys(COMMITTEE, "405/400"), anonymous="405/302")
        for name in ("rewards:claim_value", "rewards:tranche_ask", "rewards:tranche_decide")
    },
    **{
        (name, "A"): row("405/403", **dict.fromkeys(FINANCE, "405/400"), anonymous="405/302")
        for name in ("rewards:tranche_pay", "rewards:payment_reverse", "rewards:stipend_pay")
    },
    # Schedules: the committee proposes and decides (committee_a's proposal waits; only they may revise it);
    # finance reads the versions.
    ("rewards:schedules", NO_CASE): row(
        "403/405", **dict.fromkeys(COMMITTEE + FINANCE, "200/405"), anonymous="302/405"
    ),
    ("rewards:schedule_propose", NO_CASE): row(
        "403/403", **dict.fromkeys(COMMITTEE, "200/400"), anonymous="302/302"
    ),
    ("rewards:schedule_revise", NO_CASE): row("403/403", committee_a="200/400", anonymous="302/302"),
    ("rewards:schedule_decide", NO_CASE): row(
        "405/403", **dict.fromkeys(COMMITTEE, "405/400"), anonymous="405/302"
    ),
    # Stipends: the committee decides (and may run the month's proposals now), finance pays.
    ("rewards:stipends", NO_CASE): row(
        "403/405", **dict.fromkeys(COMMITTEE + FINANCE, "200/405"), anonymous="302/405"
    ),
    ("rewards:stipends_propose", NO_CASE): row(
        "405/403", **dict.fromkeys(COMMITTEE, "405/302"), anonymous="405/302"
    ),
    ("rewards:stipend_decide", "A"): row(
        "405/403", **dict.fromkeys(COMMITTEE, "405/400"), anonymous="405/302"
    ),
    # Stipend rates: committee and finance read them; the committee proposes and publishes (empty form: 400).
    ("rewards:stipend_rates", NO_CASE): row(
        "403/405", **dict.fromkeys(COMMITTEE + FINANCE, "200/405"), anonymous="302/405"
    ),
    ("rewards:stipend_rate_propose", NO_CASE): row(
        "405/403", **dict.fromkeys(COMMITTEE, "405/400"), anonymous="405/302"
    ),
    ("rewards:stipend_rate_decide", NO_CASE): row(
        "405/403", **dict.fromkeys(COMMITTEE, "405/400"), anonymous="405/302"
    ),
    # Only its proposer (committee_a) withdraws the waiting rate; other members may not (403).
    ("rewards:stipend_rate_withdraw", NO_CASE): row("405/403", committee_a="405/302", anonymous="405/302"),
    # Finance: the committee and finance read the figures; only finance records funds and exports.
    ("rewards:finance", NO_CASE): row(
        "403/405", **dict.fromkeys(COMMITTEE + FINANCE, "200/405"), anonymous="302/405"
    ),
    ("rewards:finance_export", NO_CASE): row(
        "403/405", **dict.fromkeys(FINANCE, "200/405"), anonymous="302/405"
    ),
    ("rewards:donation_new", NO_CASE): row(
        "403/403", **dict.fromkeys(FINANCE, "200/400"), anonymous="302/302"
    ),
    ("rewards:donation_reverse", NO_CASE): row(
        "405/403", **dict.fromkeys(FINANCE, "405/400"), anonymous="405/302"
    ),
    # Break-glass. This world has no recovery key (embrace/breakglass/tests walks one): everyone sees the
    # page; only administrators propose and decide the set-up; nobody has a share to open (404); asking for
    # a restore is for trustees only (403); the other steps name a restore in the form (an empty one: 400),
    # and adding older group keys to a recovery key that does not exist is refused (400).
    ("breakglass:overview", NO_CASE): row("200/405", anonymous="302/405", stale="403/405"),
    ("breakglass:set_up", NO_CASE): row("405/403", admin_a="405/400", anonymous="405/302"),
    ("breakglass:set_up_decide", NO_CASE): row("405/403", admin_a="405/400", anonymous="405/302"),
    ("breakglass:my_share", NO_CASE): row("404/404", anonymous="302/302", stale="403/403"),
    ("breakglass:restore_open", NO_CASE): row("405/403", anonymous="405/302"),
    **{
        (name, NO_CASE): row("405/400", anonymous="405/302", stale="405/403")
        for name in (
            "breakglass:cover",
            "breakglass:restore_share",
            "breakglass:restore_complete",
            "breakglass:restore_cancel",
        )
    },
    # The audit log, its CSV export and the signed anchors: the auditor alone (content-blind, as is the log).
    # Figures: analysts only. Pages read the snapshots (computed before the walk); an empty POST to
    # recompute asks for a run and goes back to the list. No case reference may appear on any of them.
    ("figures:home", NO_CASE): row("403/405", analyst_a="200/405", anonymous="302/405"),
    ("figures:dashboard", NO_CASE): row("403/405", analyst_a="200/405", anonymous="302/405"),
    ("figures:csv", NO_CASE): row("403/405", analyst_a="200/405", anonymous="302/405"),
    ("figures:recompute", NO_CASE): row("405/403", analyst_a="405/302", anonymous="405/302"),
    ("audit:log", NO_CASE): row("403/405", auditor_a="200/405", anonymous="302/405"),
    ("audit:export", NO_CASE): row("403/405", auditor_a="200/405", anonymous="302/405"),
    ("audit:anchors", NO_CASE): row("403/405", auditor_a="200/405", anonymous="302/405"),
}


# Who holds which compartment's key, as the vault records it (any generation). Pages are judged against
# these grants, so the grants themselves are pinned too: a key sealed to one person too many fails here.
KEY_HOLDERS: dict[tuple[str, str], set[str]] = {
    ("A", "body"): {"intake_a", "handler_a"},
    ("B", "body"): {"intake_b", "handler_b"},
    # Custodians hold every identity by office; a reveal (handler_a's request waits) would add one person.
    ("A", "identity"): {"custodian_a"},
    ("B", "identity"): {"custodian_a"},
    # Every reviewer and custodian, never the handler nor the enquirer.
    ("A", "vetting"): {"reviewer_a", "reviewer_b", "custodian_a"},
    ("B", "vetting"): {"reviewer_a", "reviewer_b", "custodian_a"},
    # The passage team only: not the case's handler, not the intake team.
    ("A", "passage"): {"courier_p"},
    # The handler who claims (directly), and through group keys the committee and finance, and the vetting
    # pool (who verify claims): every reviewer holds that key, though only the case's team's reviewer is
    # shown its claims (the page refuses reviewer_b, whose key would open it).
    ("A", "finance"): {
        "handler_a",
        "reviewer_a",
        "reviewer_b",
        "committee_a",
        "committee_b",
        "committee_p",
        "finance_a",
        "finance_b",
    },
}


# --- Walking the URLs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    name: str  # "namespace:name"
    case: str  # "A", "B" or NO_CASE
    params: tuple[str, ...]
    public: bool


def _walk(
    resolver: URLResolver, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str, URLPattern]]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        else:
            yield prefix + str(entry.pattern), namespace + (entry.name or "?"), entry


# URLs about something of case A's rewards (its claim, tranche, payment, stipend) are walked once, as case A.
REWARD_PARAMS = frozenset({"claim_id", "tranche_id", "payment_id", "stipend_id", "photo_id"})


def _cases_for(params: tuple[str, ...]) -> tuple[str, ...]:
    if "case_id" in params:
        return ("A", "B")
    return ("A",) if REWARD_PARAMS & set(params) else (NO_CASE,)


def staff_targets() -> list[Target]:
    targets = []
    for route, name, entry in _walk(get_resolver()):
        if not route.startswith("staff/"):
            continue
        params = tuple(entry.pattern.converters)
        public = access_of(entry.callback) == PUBLIC
        for case in _cases_for(params):
            targets.append(Target(name, case, params, public))
    return targets


# Which pending approval each approval page is walked with.
APPROVALS = {
    "cases:decide": "passage_request",
    "identity:decide": "reveal_request",
    "intake_staff:quarantine_decide": "passage_request",
    "staffing:reset": "passage_request",
    "channels_staff:switch_decide": "passage_request",
}
NOTHING = "00000000-0000-4000-8000-000000000000"
# Which of the world's reward objects each reward parameter is filled with.
REWARDS = {
    "claim_id": "claim",
    "tranche_id": "tranche",
    "payment_id": "payment",
    "stipend_id": "stipend",
    "journal_id": "donation",
    "rate_id": "rate",
    "photo_id": "photo",
}


def url_for(world: World, target: Target) -> str:
    kwargs: dict[str, object] = {}
    for param in target.params:
        case = world.cases.get(target.case)
        if param == "case_id" and case:
            kwargs[param] = case.case.pk
        elif param == "dependant_id":
            # Case B has no family recorded: its URLs ask for case A's dependant, which is not B's (404).
            dependant = world.cases["A"].dependant
            assert dependant is not None
            kwargs[param] = dependant.pk
        elif param == "message_id":
            kwargs[param] = world.cases["A"].case.messages.get(seq=1).pk
        elif param == "attachment_id":
            kwargs[param] = world.cases["A"].case.messages.get(seq=1).attachments.get().pk
        elif param == "flag_id" and case:
            assert case.flag is not None
            kwargs[param] = case.flag.pk
        elif param == "user_id":
            kwargs[param] = world.spare.pk
        elif param == "team_id":
            kwargs[param] = world.teams["A"].pk
        elif param == "approval_id" and target.name in APPROVALS:
            kwargs[param] = getattr(world, APPROVALS[target.name]).pk
        elif param == "approval_id" and target.name.startswith("rewards:schedule_"):
            kwargs[param] = world.rewards.schedule_request.pk
        elif param in ("invitation_id", "change_id", "wave_id", "release_id"):
            kwargs[param] = NOTHING
        elif param == "token":
            kwargs[param] = "no-such-invitation"
        elif param == "rule_key":
            kwargs[param] = "withdrawn"
        elif param == "channel":
            kwargs[param] = "telegram"
        elif param == "dashboard":
            kwargs[param] = "enquiries"
        elif param == "figure":
            kwargs[param] = "by_channel"
        elif param in REWARDS:
            kwargs[param] = getattr(world.rewards, REWARDS[param]).pk
        else:
            raise AssertionError(f"{target.name}: teach url_for how to fill {param!r} from the world")
    return reverse(target.name, kwargs=kwargs)


# Pages that show one compartment's content: whoever gets them (200) and holds its key must see it all.
SHOWS = {
    "cases:detail": "body",
    "identity:detail": "identity",
    "vetting:case": "vetting",
    "passage:plan": "passage",
    "rewards:claim": "finance",
}


def _request(client: Client, who: str, method: str, url: str) -> Any:
    if who == STALE:
        # A session that no longer exists (signed out elsewhere, expired): the cookie is set afresh each
        # time because the "session ended" page deletes it.
        client.cookies[settings.SESSION_COOKIE_NAME] = "0" * 32
    return client.generic(method, url)


def _leaks(
    world: World, readers: dict[tuple[str, str], set[str]], uid: str | None, content: str
) -> list[str]:
    """The compartments whose plaintext is on the page although ``uid`` holds no key to them."""
    return [
        f"case {label}'s {kind}"
        for label, wc in world.cases.items()
        for kind, markers in wc.markers.items()
        if uid not in readers[(label, kind)] and any(text in content for text in markers)
    ]


def test_every_staff_url_for_every_role_answers_as_designed_and_shows_only_what_keys_open() -> None:
    world = build_world()
    clients = world.clients()
    clients[ANONYMOUS] = Client(raise_request_exception=False)
    clients[STALE] = Client(raise_request_exception=False)
    user_ids = {who: str(world.user(who).pk) for who in PERSONAS}
    readers = {
        (label, kind): wc.readers(kind) for label, wc in world.cases.items() for kind in wc.compartments
    }
    names = {uid: who for who, uid in user_ids.items()}
    holders = {key: {names.get(uid, uid) for uid in uids} for key, uids in readers.items()}
    assert holders == KEY_HOLDERS
    # The dashboards as the statistics task leaves them, so that their pages and downloads have figures.
    compute_all()
    references = [wc.case.reference for wc in world.cases.values()]
    targets = staff_targets()
    assert len(targets) >= 40, "the walker did not reach the staff URLs"
    # Logging out ends the session the rest of the walk needs: last.
    targets.sort(key=lambda t: t.name == "accounts:logout")

    problems: list[str] = []
    observed: dict[tuple[str, str], dict[str, str]] = {}
    shown: set[tuple[str, str]] = set()
    for who, client in clients.items():
        for target in targets:
            url = url_for(world, target)
            codes = []
            for method in ("GET", "POST"):
                response = _request(client, who, method, url)
                status = response.status_code
                codes.append(str(status))
                where = f"{method} {target.name} [{target.case}] as {who}"
                body = b"".join(response.streaming_content) if response.streaming else response.content
                content = body.decode(errors="replace")
                uid = user_ids.get(who)
                problems += [
                    f"{where}: shows {leak} without a key" for leak in _leaks(world, readers, uid, content)
                ]
                if (
                    method == "GET"
                    and status == 200
                    and target.name in SHOWS
                    and uid in readers[(target.case, SHOWS[target.name])]
                ):
                    kind = SHOWS[target.name]
                    markers = world.cases[target.case].markers[kind]
                    if missing := [m for m in markers if m not in content]:
                        problems.append(f"{where}: holds the {kind} key but the page lacks {missing}")
                    elif markers:
                        shown.add((target.case, kind))
                if target.name.startswith("figures:") and (
                    shown_refs := [ref for ref in references if ref in content]
                ):
                    problems.append(f"{where}: an analyst's page shows case references {shown_refs}")
                if who in (ANONYMOUS, STALE) and not target.public:
                    if status == 200:
                        problems.append(f"{where}: a staff page answered 200 without a session")
                    if status == 302 and not response["Location"].startswith("/staff/login/"):
                        problems.append(f"{where}: redirected to {response['Location']}, not the login")
            observed.setdefault((target.name, target.case), {})[who] = "/".join(codes)

    for key, answers in observed.items():
        expected = EXPECTED.get(key)
        if expected is None:
            # The answers are shown to be judged against the design, not copied in unread.
            problems.append(f"{key}: a staff URL with no row in EXPECTED; it answered {answers}")
            continue
        for who, got in answers.items():
            if expected[who] != got:
                problems.append(f"{key[0]} [{key[1]}] as {who}: expected {expected[who]}, got {got}")
    for key in set(EXPECTED) - set(observed):
        problems.append(f"{key}: a row in EXPECTED for a URL that no longer exists")

    # Not vacuous: each compartment's plaintext really was found, on its page, for someone with its key.
    sealed = {(label, kind) for label, wc in world.cases.items() for kind, m in wc.markers.items() if m}
    assert shown == sealed
    assert problems == [], "\n".join(problems)
