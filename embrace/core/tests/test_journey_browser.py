"""One case from the enquirer's first message to a paid reward, carried by every role in a real browser,
by clicking links and buttons only, in Burmese and in English (issue 10).

Each person works at their own desk (``embrace.testing.journey``): they open the site's address once, sign
in with their password and authenticator, and then only click what they read and fill in forms. Every step
is kept as a screenshot under ``var/test-artifacts/journeys/<language>/`` and read for internal names (and,
in Burmese, English sentences) a volunteer should not meet. The administrators' part ends with a newcomer
joining, whose authenticator QR code must show as an image.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Locator

from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.cases.models import Case, Status
from embrace.intake.models import IntakeRoute
from embrace.rewards.models import Claim, TrancheStatus
from embrace.testing.browser import chromium, needs_chromium
from embrace.testing.journey import Desk, Journey, words
from embrace.testing.personas import Persona, make_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), needs_chromium]

# What the people type, in the journey's language: data, so never read as the page's own wording.
TYPED = {
    "my": {
        "message": "ကျွန်တော် တင့်ကား မောင်းသူပါ။ မိသားစုနဲ့အတူ ထွက်ချင်ပါတယ်။",
        "reply": "ကူညီနိုင်ပါတယ်။ ဘယ်မြို့နယ်မှာ ရှိပါသလဲ။",
        "answer": "မကွေးတိုင်းထဲမှာ ရှိပါတယ်။",
        "why": "ထွက်ခွာမည့်လမ်းကြောင်း စီစဉ်ရန်",
        "evidence": "ဗီဒီယိုခေါ်ဆိုမှုဖြင့် တပ်ရင်းအမှတ်ကို စစ်ဆေးပြီး",
        "route": "ဒုတိယ တံတားတွင် တွေ့မည်",
        "item": "တင့်ကား တစ်စီး",
    },
    "en": {
        "message": "I drive a tank and want to leave with my family.",
        "reply": "We can help. Which township are you in?",
        "answer": "In Magway region.",
        "why": "to plan the family's way out",
        "evidence": "battalion number confirmed on a video call",
        "route": "meet at the second bridge",
        "item": "one tank",
    },
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


def _people(language: str, team: Team, passage_team: Team) -> dict[str, Persona]:
    def person(name: str, role: Role, *teams: Team) -> Persona:
        return make_persona(f"{name}-{language}", role, teams=teams, language=language)

    return {
        "intake": person("intake", Role.INTAKE_OFFICER, team),
        "handler": person("handler", Role.HANDLER, team, passage_team),
        "senior": person("senior", Role.HANDLER, team),
        "reviewer1": person("reviewer1", Role.VETTING_REVIEWER, team),
        "reviewer2": person("reviewer2", Role.VETTING_REVIEWER, team),
        "custodian": person("custodian", Role.CUSTODIAN),
        "valuer": person("valuer", Role.REWARD_COMMITTEE, team),
        "committee2": person("committee2", Role.REWARD_COMMITTEE, team),
        "committee3": person("committee3", Role.REWARD_COMMITTEE, team),
        "finance": person("finance", Role.FINANCE, team),
        "auditor": person("auditor", Role.AUDITOR),
        "analyst": person("analyst", Role.ANALYST, team),
        "admin": person("admin", Role.ADMINISTRATOR),
        "admin2": person("admin2", Role.ADMINISTRATOR),
    }


@pytest.mark.parametrize("language", ["my", "en"])
def test_every_role_carries_one_case_from_enquiry_to_paid_reward_by_clicking(
    browser: Browser, live_server, settings, intake_team: Team, language: str
) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    passage_team = Team.objects.create(name="Passage")
    IntakeRoute.objects.create(team=intake_team)
    people = _people(language, intake_team, passage_team)
    journey = Journey(language, live_server.url)
    journey.content |= {intake_team.name, passage_team.name}  # names people gave, not the pages' wording
    typed = TYPED[language]
    desks: dict[str, Desk] = {}

    def desk(who: str) -> Desk:
        """The person's browser, signed in the first time it is needed."""
        if who not in desks:
            desks[who] = Desk(browser, journey, who, people[who])
            desks[who].sign_in()
        return desks[who]

    try:
        receipt, enquirer = _enquirer_writes(browser, journey, typed)
        case = Case.objects.get()
        journey.content.add(case.reference)

        # Intake: the inbox, the case, triage and a handler.
        intake = desk("intake")
        intake.click("link", "Inbox", "inbox")
        intake.click_text("link", case.reference, "the new case")
        assert typed["message"] in intake.text()
        intake.click("button", "Start triage", "triage started")
        intake.choose("handler", str(people["handler"].user.pk))
        intake.click("button", "Assign", "handler assigned")

        # The handler answers; the enquirer reads it with the receipt and writes back.
        handler = desk("handler")
        handler.click("link", "My cases", "my cases")
        handler.click_text("link", case.reference, "the case")
        handler.fill({"text": typed["reply"]}, within=handler.page.locator("form[action$='/reply/']"))
        handler.click("button", "Send reply", "reply sent")
        enquirer.click("link", "I have a receipt", "return page")
        enquirer.fill({"receipt": receipt})
        enquirer.click("button", "Open", "the conversation")
        assert typed["reply"] in enquirer.text()
        enquirer.fill({"message": typed["answer"]})
        enquirer.click("button", "Send", "answer sent")
        handler.click("link", "My cases", "my cases again")
        handler.click_text("link", case.reference, "the case with the answer")
        assert typed["answer"] in handler.text()

        # Identity: the handler asks, a custodian approves, the handler reads it.
        identity_form = handler.page.locator("form[action*='/identity/']")
        handler.fill({"reason": typed["why"]}, within=identity_form)
        handler.click("button", "Request identity", "identity requested")
        custodian = desk("custodian")
        custodian.click("link", "Identity requests", "identity requests")
        row = custodian.page.locator("tr").filter(has_text=case.reference).last
        custodian.choose("decision", "approve", within=row)
        custodian.click("button", "Decide", "identity request approved", within=row)
        handler.click("link", "My cases", "my cases")
        handler.click_text("link", case.reference, "the case")
        handler.click("link", "Identity and dependants", "the identity")
        handler.click_text("link", _back_to_case(language, case), "back to the case")

        # Vetting: referred by intake, checked and signed off by two reviewers, passage asked by one.
        intake.click("link", "Inbox", "inbox")
        intake.click_text("link", case.reference, "the case")
        intake.click("button", "Refer for vetting", "referred for vetting")
        for name in ("reviewer1", "reviewer2"):
            reviewer = desk(name)
            reviewer.click("link", "Vetting queue", "vetting queue")
            reviewer.click_text("link", case.reference, "the case in vetting")
            check = reviewer.page.locator("form[action$='/checks/']")
            check.locator("select[name=definition]").select_option(index=1)
            reviewer.choose("result", "pass", within=check)
            reviewer.fill({"evidence": typed["evidence"]}, within=check)
            reviewer.click("button", "Record result", "check recorded")
            sign = reviewer.page.locator("form[action$='/sign-off/']")
            reviewer.choose("verdict", "genuine", within=sign)
            reviewer.fill({"note": typed["evidence"]}, within=sign)
            reviewer.click("button", "Sign off", "signed off")
        reviewer = desks["reviewer1"]
        reviewer.click("link", "Vetting queue", "vetting queue")
        reviewer.click_text("link", case.reference, "the case, cleared")
        reviewer.fill({"reason": typed["why"]}, within=reviewer.page.locator("form[action$='/passage/']"))
        reviewer.click("button", "Ask for passage", "passage asked for")

        # Passage: a second handler approves; the handler opens the plan, writes it, the journey happens.
        senior = desk("senior")
        senior.click("link", "Approvals", "approvals")
        row = senior.page.locator("tr").filter(has_text=case.reference).last
        senior.choose("decision", "approve", within=row)
        senior.click("button", "Decide", "passage approved", within=row)
        assert Case.objects.get().status == Status.PASSAGE_APPROVED
        handler.click("link", "My cases", "my cases")
        handler.click_text("link", case.reference, "the case, passage approved")
        handler.click("link", "Open a passage plan", "open a plan")
        handler.choose("team", str(passage_team.pk))
        handler.click("button", "Open the passage plan", "plan opened")
        handler.click("link", "Open the plan", "the plan")
        handler.page.locator("select[name=kind]").select_option(index=0)
        handler.fill({"text": typed["route"]})
        handler.click("button", "Add", "route written", exact=True)
        handler.click_text("link", _back_to_case(language, case), "back to the case")
        for step, what in (
            ("Mark the passage as planned", "planned"),
            ("Start the journey", "on the way"),
            ("Record the arrival", "arrived"),
        ):
            handler.click("button", step, what)
        assert Case.objects.get().status == Status.ARRIVED

        # The reward: the handler claims, a reviewer verifies, the committee values and approves.
        handler.click("link", "Reward claims", "the case's claims")
        handler.click("button", "Open a claim", "a new claim")
        claim = Claim.objects.get()
        journey.content.add(claim.reference)
        # The auditor reads the schedule code as it was recorded, like an id: the record, not wording.
        journey.content.add("defect-tank-or-apc")
        item = handler.page.locator("form[action$='/items/']")
        item.locator("select[name=entry]").select_option("defect-tank-or-apc")  # the published tank entry
        handler.fill(
            {
                "act_on": (datetime.date.today() - datetime.timedelta(days=3)).isoformat(),
                "description": typed["item"],
                "evidence": typed["evidence"],
            },
            within=item,
        )
        handler.click("button", "Add item", "item added")
        handler.click("button", "Submit the claim", "claim submitted")

        verifier = desks["reviewer2"]
        verifier.click("link", "Rewards", "rewards")
        verifier.click_text("link", claim.reference, "the claim")
        verifier.choose("verdict", "genuine")
        verifier.click("button", "Record verification", "claim verified")

        valuer = desk("valuer")
        valuer.click("link", "Rewards", "rewards")
        valuer.click_text("link", claim.reference, "the claim")
        value = valuer.page.locator("form[action$='/value/']")
        for field in value.locator("input[name^=value_]").all():
            if not field.input_value():
                field.fill("1000")
        valuer.choose("condition_1", "arrival", within=value)
        valuer.fill({"amount_1": _total(value)}, within=value)
        valuer.click("button", "Record the valuation", "claim valued")
        for name, button in (("committee2", "Approve (first of two)"), ("committee3", "Approve (second)")):
            member = desk(name)
            member.click("link", "Rewards", "rewards")
            member.click_text("link", claim.reference, "the claim")
            member.click("button", button, "tranche approved")

        # Finance: money in, then the payment.
        finance = desk("finance")
        finance.click("link", "Finance", "finance")
        finance.click("link", "Record funds received", "record funds")
        finance.fill({"amount": "250000", "memo": "DONOR-JOURNEY"})
        finance.choose("currency", "USD")
        finance.click("button", "Record", "funds recorded", exact=True)
        if finance.page.locator("input[name=confirmed]").count():  # a large amount is confirmed first
            finance.click("button", "Yes, record %(shown)s", "funds confirmed")
        finance.click("link", "Rewards", "rewards")
        finance.click_text("link", claim.reference, "the claim to pay")
        finance.fill({"channel": "TRANSFER-JOURNEY-1"})
        finance.click("button", "Record payment", "paid")
        claim.refresh_from_db()
        assert claim.tranches.get().status == TrancheStatus.PAID

        # The auditor reads who did what; the analyst finds their page.
        auditor = desk("auditor")
        auditor.click("link", "Audit log", "the audit log")
        assert people["finance"].user.username in auditor.text()
        desk("analyst")

        # Administrators: one invites a newcomer, the newcomer joins (the QR code shows), another confirms.
        admin = desk("admin")
        admin.click("link", "Accounts", "accounts")
        admin.click("link", "Invite someone", "invite")
        newcomer = f"newcomer-{language}"
        admin.fill({"username": newcomer})
        admin.choose("roles", Role.ANALYST)
        admin.click("button", "Create the invitation", "invitation made")
        link = admin.page.inner_text(".secret").strip()
        joiner = Desk(browser, journey, "newcomer", width=360)
        joiner.open_site(link.removeprefix(live_server.url), "join page")
        joiner.switch_language("join page")
        size = joiner.page.eval_on_selector("main img", "i => [i.complete, i.naturalWidth, i.naturalHeight]")
        loaded, width, height = size
        assert loaded, "the QR code did not load"
        assert width > 0, f"the QR code has no width: {size}"
        assert height > 0, f"the QR code has no height: {size}"
        device = TOTPDevice.objects.filter(user__username=newcomer).latest("pk")
        password = "a long passphrase for the newcomer 2026"
        joiner.fill({"new_password": password, "new_password_again": password, "code": _code(device)})
        joiner.click("button", "Set up my account", "account set up")
        fingerprint = re.sub(r"\D", "", joiner.page.inner_text(".secret >> nth=0"))
        admin2 = desk("admin2")
        admin2.click("link", "Accounts", "accounts")
        admin2.click_text("link", newcomer, "the invitation")
        admin2.fill({"fingerprint": fingerprint})
        admin2.click("button", "Confirm and activate", "newcomer confirmed")
        assert User.objects.get(username=newcomer).is_active
    finally:
        for open_desk in desks.values():
            open_desk.close()

    assert journey.steps > 60
    assert not journey.problems, "\n".join(journey.problems)


def _enquirer_writes(browser: Browser, journey: Journey, typed: dict[str, str]) -> tuple[str, Desk]:
    """A phone-sized browser: the landing page, the form, the receipt. Returns the receipt and the desk."""
    enquirer = Desk(browser, journey, "enquirer", width=360)
    enquirer.open_site("/", "landing page")
    if journey.language == "en":
        enquirer.click_text("link", "English", "landing page in English")
    enquirer.click("link", "Send a confidential message", "the form")
    enquirer.choose("kind", "leave_equipment")
    enquirer.fill({"message": typed["message"]})
    enquirer.click("button", "Send", "receipt", exact=True)
    match = re.search(r"(\d{4} \d{4} \d{4} \d{4})", enquirer.text())
    assert match, enquirer.text()
    return match.group(1), enquirer


def _back_to_case(language: str, case: Case) -> str:
    return words(language, "Back to case %(reference)s") % {"reference": case.reference}


def _total(value_form: Locator) -> str:
    """The sum of the item values the form shows, to pay in one tranche on arrival."""
    total = sum(
        float(field.input_value().replace(",", ""))
        for field in value_form.locator("input[name^=value_]").all()
    )
    return f"{total:.2f}"


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
