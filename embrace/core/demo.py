"""The example cases of ``embrace demo``: a programme a newcomer can look at and carry forward.

Thirteen cases, one at each stage a case goes through, from a new enquiry in the inbox to a reward paid.
Each is made through the same actions the pages call (``submit_enquiry`` for the enquirer's side, then the
lifecycle, vetting, passage, identity and reward actions, each by the demo account whose job it is), so every
message, identity, plan and claim is sealed exactly as a real one is, and the audit log tells its story.

The enquirers' messages are Burmese, written as the people this programme serves write: a soldier asking how
to leave, a policeman with a family, a driver with his vehicle. Names, places and numbers are invented.
"""

from __future__ import annotations

import datetime
import io
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PIL import Image, ImageDraw

from embrace.accounts.models import Team, User
from embrace.approvals.models import Approval
from embrace.cases import identity
from embrace.cases.actions import Photo, assign_case, message_document, reply_to_enquirer, today
from embrace.cases.lifecycle import decide_transition, request_transition
from embrace.cases.models import Case, Dependant
from embrace.intake.actions import add_enquirer_message, submit_enquiry
from embrace.intake.models import IntakeRoute
from embrace.passage import actions as passage
from embrace.rewards import claims, funds, payments
from embrace.rewards.models import Claim, TrancheCondition
from embrace.vault.keyring import Keyring
from embrace.vault.receipts import open_receipt
from embrace.vetting import actions as vetting
from embrace.vetting.models import CheckDefinition, Verdict

# Who does what in the story below (usernames of embrace.core.management.commands.demo.ACCOUNTS).
INTAKE = "demo-intake-officer"
HANDLER = "demo-handler"
HANDLER_2 = "demo-handler-2"
COURIER = "demo-courier"
REVIEWER = "demo-vetting-reviewer"
REVIEWER_2 = "demo-vetting-reviewer-2"
CUSTODIAN = "demo-custodian"
VALUER = "demo-reward-committee"
COMMITTEE_2 = "demo-reward-committee-2"
COMMITTEE_3 = "demo-reward-committee-3"
FINANCE = "demo-finance"

# US cents: the published amounts of the 2022 schedule (rewards migration 0002).
TANK_OR_APC = 100_000 * 100
AIRCRAFT_OR_VESSEL = 500_000 * 100
# Donations received, in US cents: enough for what the demo pays and for the approved claim still to pay.
DONATION = 1_000_000 * 100


class DemoError(Exception):
    """The programme did not behave as the story expects (say, an enquiry routed elsewhere)."""


@dataclass
class Staff:
    """The demo accounts and their unlocked keyrings, by username."""

    users: dict[str, User]
    keyrings: dict[str, Keyring]

    def __getitem__(self, username: str) -> User:
        return self.users[username]


@dataclass(frozen=True)
class Enquiry:
    text: str
    kind: str
    service: str = ""
    reply_via: str = "site"
    equipment: str = ""
    rank: str = ""
    unit: str = ""
    contact: str = ""


def _photo(colour: tuple[int, int, int]) -> Photo:
    """A small picture standing in for an enquirer's photo (a real one is cleaned of metadata first)."""
    image = Image.new("RGB", (64, 48), (210, 200, 170))
    ImageDraw.Draw(image).rectangle((10, 18, 54, 38), fill=colour)
    out = io.BytesIO()
    image.save(out, "JPEG")
    return Photo(out.getvalue(), "image/jpeg", 64, 48)


def _submit(
    team: Team, enquiry: Enquiry, *, photos: tuple[Photo, ...] = (), quarantine: bool = False
) -> tuple[Case, str]:
    """Send an enquiry as the public form does; it lands with ``team`` (the demo's intake team)."""
    body: dict[str, Any] = message_document(enquiry.text)
    body.update(
        {
            "kind": enquiry.kind,
            "service": enquiry.service,
            "reply_via": enquiry.reply_via,
            "equipment": enquiry.equipment,
        }
    )
    said = {"rank": enquiry.rank, "unit": enquiry.unit, "contact": enquiry.contact}
    # Only the demo's route is open while its cases are sent, so each lands with its intake team whatever
    # other routes an administrator opened; the routes are put back as they were afterwards.
    case, receipt = submit_enquiry(
        body, said, list(photos), token=secrets.token_hex(16), quarantine=quarantine
    )
    if case.team_id != team.pk:
        raise DemoError(f"An example enquiry went to {case.team}, not {team}.")
    return case, receipt


def _enquirer_writes_again(receipt: str, text: str) -> None:
    keyring = open_receipt(receipt)
    if keyring is None:
        raise DemoError("An example enquiry's receipt does not open its case.")
    add_enquirer_message(keyring, message_document(text), [], token=secrets.token_hex(16))


def _refresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


class Story:
    """Builds the example cases in order; each method leaves one case at its stage."""

    def __init__(self, staff: Staff, north: Team, passage_team: Team) -> None:
        self.staff, self.north, self.passage_team = staff, north, passage_team
        self.made: list[Case] = []

    def user(self, name: str) -> User:
        return self.staff[name]

    def keyring(self, name: str) -> Keyring:
        return self.staff.keyrings[name]

    def enquire(self, enquiry: Enquiry, **kwargs: Any) -> tuple[Case, str]:
        case, receipt = _submit(self.north, enquiry, **kwargs)
        self.made.append(case)
        return case, receipt

    def triaged(self, enquiry: Enquiry, handler: str = HANDLER, **kwargs: Any) -> tuple[Case, str]:
        """An enquiry the intake officer assigned to a handler and started triaging."""
        case, receipt = self.enquire(enquiry, **kwargs)
        assign_case(case, self.user(handler), actor=self.user(INTAKE), keyring=self.keyring(INTAKE))
        request_transition(case, "start_triage", actor=self.user(INTAKE))
        return _refresh(case), receipt

    def in_vetting(self, enquiry: Enquiry, handler: str = HANDLER, **kwargs: Any) -> Case:
        case, _ = self.triaged(enquiry, handler, **kwargs)
        request_transition(case, "refer_for_vetting", actor=self.user(INTAKE))
        return _refresh(case)

    def check_and_sign(self, case: Case, reviewer: str, note: str) -> None:
        definition = CheckDefinition.objects.filter(active=True).order_by("position").first()
        if definition is not None:  # the seeded checklist; an administrator may have retired it
            vetting.record_check(case, definition, "pass", note, actor=self.user(reviewer))
        vetting.sign_off(
            case, Verdict.GENUINE, note, actor=self.user(reviewer), keyring=self.keyring(reviewer)
        )

    def cleared(self, enquiry: Enquiry, **kwargs: Any) -> Case:
        """Vetted by both reviewers; passage asked for by the first and approved by a handler of the team."""
        case = self.in_vetting(enquiry, **kwargs)
        self.check_and_sign(case, REVIEWER, "ပြောသည့် တပ်ရင်းနှင့် တာဝန်များ ကိုက်ညီသည်။")
        self.check_and_sign(case, REVIEWER_2, "သီးခြား စစ်ဆေးချက်အရ စစ်မှန်သည်။")
        asked = request_transition(case, "approve_passage", actor=self.user(REVIEWER))
        if not isinstance(asked, Approval):
            raise DemoError("Passage was taken without a second person's approval.")
        decide_transition(asked, approve=True, actor=self.user(HANDLER_2))
        return _refresh(case)

    def arrived(self, enquiry: Enquiry, **kwargs: Any) -> Case:
        case = self.cleared(enquiry, **kwargs)
        for step in ("plan_passage", "begin_transit", "record_arrival"):
            request_transition(case, step, actor=self.user(HANDLER))
        return _refresh(case)

    def claim(self, case: Case, *, code: str, kind: str, number: str, what: str, evidence: str) -> Claim:
        """The handler's claim for what the enquirer brought, submitted to the committee."""
        handler = self.user(HANDLER)
        claim = claims.open_claim(case, actor=handler)
        claims.add_item(
            claim,
            entry_code=code,
            act_on=today() - datetime.timedelta(days=20),
            asset_kind=kind,
            asset_number=number,
            description=what,
            evidence=evidence,
            photos=[_photo((70, 80, 60))],
            actor=handler,
        )
        return claims.submit_claim(claim, actor=handler)

    def approve(self, claim: Claim, value: int) -> None:
        """Verified by a reviewer, valued by one committee member, its tranche approved by two more."""
        claims.verify_claim(
            claim,
            genuine=True,
            note="ဓာတ်ပုံနှင့် နံပါတ်သည် တပ်ရင်းမှတ်တမ်းနှင့် ကိုက်ညီသည်။",
            actor=self.user(REVIEWER_2),
            keyring=self.keyring(REVIEWER_2),
        )
        claims.value_claim(
            claim,
            {str(item.pk): value for item in claim.items.all()},
            [claims.TranchePlan(TrancheCondition.ARRIVAL, value)],
            actor=self.user(VALUER),
            keyring=self.keyring(VALUER),
        )
        tranche = claim.tranches.get()
        claims.ask_tranche(tranche, actor=self.user(COMMITTEE_2))
        claims.decide_tranche(tranche, approve=True, actor=self.user(COMMITTEE_3))


def make_cases(staff: Staff, north: Team, passage_team: Team) -> list[Case]:
    """Make the example cases (the caller runs this once, in its transaction). Returns them, oldest first."""
    routes = dict(IntakeRoute.objects.values_list("pk", "active"))
    IntakeRoute.objects.exclude(team=north).update(active=False)
    IntakeRoute.objects.filter(team=north).update(active=True)
    try:
        return _tell(Story(staff, north, passage_team))
    finally:
        for pk, active in routes.items():
            IntakeRoute.objects.filter(pk=pk).update(active=active)


def _tell(story: Story) -> list[Case]:
    user: Callable[[str], User] = story.user

    # 1. New in the inbox: a soldier asks how to leave.
    story.enquire(
        Enquiry(
            "ကျွန်တော် ခြေလျင်တပ်ရင်းက တပ်သားပါ။ တပ်ကနေ ဘယ်လို ထွက်ရမလဲ သိချင်ပါတယ်။ ကျွန်တော့်မိသားစုကို အခုချိန်ထိ မပြောရသေးပါဘူး။",
            "leave_alone",
            service="army",
        )
    )

    # 2. In triage: a policeman who wants to bring his wife and children.
    case, _ = story.enquire(
        Enquiry(
            "ကျွန်တော် ရဲတပ်ဖွဲ့ဝင်ပါ။ ဇနီးနဲ့ ကလေးနှစ်ယောက်ကိုပါ ခေါ်ပြီး ထွက်ချင်ပါတယ်။ ဘာတွေ ကြိုပြင်ဆင်ထားရမလဲ။",
            "leave_family",
            service="police",
            reply_via="signal",
        )
    )
    request_transition(case, "start_triage", actor=user(INTAKE))

    # 3. Assigned, with a conversation both ways.
    case, receipt = story.triaged(
        Enquiry(
            "ကျွန်တော် အမြောက်တပ်က တပ်ကြပ်ပါ။ လာမယ့်လထဲမှာ ထွက်ချင်ပါတယ်။ ဘယ်သူ့ကို ဆက်သွယ်ရမလဲ။",
            "leave_alone",
            service="army",
            rank="တပ်ကြပ်",
            unit="အမြောက်တပ်ရင်း (၃၀၁)",
            contact="09 000 111 222",
        )
    )
    reply_to_enquirer(
        case,
        "မင်္ဂလာပါ။ သင့်စာကို ရရှိပါပြီ။ လုံခြုံရေးအတွက် ဖုန်းထဲက ဒီစာမျက်နှာ မှတ်တမ်းကို ဖျက်ထားပါ။ "
        "လက်ရှိ ဘယ်မြို့နယ်နားမှာ ရှိနေသလဲ။ နေရာအတိအကျ မပြောပါနဲ့။",
        actor=user(HANDLER),
    )
    _enquirer_writes_again(
        receipt,
        "ကျေးဇူးတင်ပါတယ်။ မကွေးတိုင်းထဲက စခန်းတစ်ခုမှာ ရှိပါတယ်။ တနင်္ဂနွေနေ့တွေမှာ ဈေးသွားခွင့် ရပါတယ်။",
    )
    first_contact = case

    # 4. Dormant, with a date to check in again.
    case, _ = story.enquire(
        Enquiry(
            "အခုချက်ချင်း မထွက်နိုင်သေးပါဘူး။ အမေ နေမကောင်းလို့ နှစ်လလောက်နေမှ ထပ်ဆက်သွယ်ပါမယ်။",
            "leave_alone",
            service="army",
        )
    )
    request_transition(
        case, "make_dormant", actor=user(INTAKE), dormant_until=today() + datetime.timedelta(days=60)
    )

    # 5. In vetting, one reviewer has signed off.
    case = story.in_vetting(
        Enquiry(
            "ကျွန်တော် ရေတပ်က ရေတပ်သားပါ။ သင်္ဘောပေါ်မှာ တာဝန်ကျနေပါတယ်။ ဆိပ်ကမ်းကို ပြန်ဆိုက်တဲ့အခါ ထွက်ချင်ပါတယ်။",
            "leave_alone",
            service="navy",
            rank="ရေတပ်သား",
        ),
        handler=HANDLER_2,
    )
    story.check_and_sign(case, REVIEWER, "ပြောသည့် သင်္ဘောနှင့် တာဝန်ချိန်များ ကိုက်ညီသည်။")

    # 6. Cleared for passage: both sign-offs, passage approved by two people.
    story.cleared(
        Enquiry(
            "ကျွန်တော် လေတပ်က စက်ပြင်တပ်သားပါ။ ရွာတွေကို ဗုံးကြဲတဲ့ လေယာဉ်တွေကို ပြင်ပေးရတာ မလုပ်ချင်တော့ပါဘူး။ ထွက်ဖို့ အကူအညီ လိုပါတယ်။",
            "leave_alone",
            service="air_force",
        )
    )

    # 7. Passage planned: the passage team wrote the plan; the handler asks the custodians who this is.
    case = story.cleared(
        Enquiry(
            "ကျွန်တော် တပ်ကြပ်ကြီးပါ။ ကျွန်တော့်တပ်ခွဲထဲက နှစ်ယောက်လည်း ထွက်ချင်နေကြပါတယ်။ အရင်ဆုံး ကျွန်တော် တစ်ယောက်တည်း ထွက်ပါမယ်။",
            "leave_alone",
            service="army",
            rank="တပ်ကြပ်ကြီး",
            unit="ခမရ (၁၂၀)",
        )
    )
    plan = passage.open_passage(case, story.passage_team, actor=user(HANDLER))
    passage.add_plan_entry(
        plan,
        {"kind": "meeting_point", "text": "ညနေ ၆ နာရီ ဈေးဟောင်းရှေ့ လက်ဘက်ရည်ဆိုင်။ အပြာရောင်ဦးထုပ်။"},
        actor=user(COURIER),
    )
    passage.add_plan_entry(
        plan,
        {"kind": "segment", "text": "ဆိုင်ကယ်ဖြင့် တောင်ဘက်လမ်းအတိုင်း နှစ်နာရီ၊ ထို့နောက် လှေဖြင့် ကူးမည်။"},
        actor=user(COURIER),
    )
    request_transition(case, "plan_passage", actor=user(HANDLER))
    identity.request_reveal(case, actor=user(HANDLER), reason="လမ်းကြောင်းအတွက် အမည်နှင့် ဓာတ်ပုံ လိုသည်။")

    # 8. Arrived, with his wife and daughter recorded by a custodian.
    case = story.arrived(
        Enquiry(
            "ဇနီးနဲ့ သမီးလေးကိုပါ ခေါ်လာချင်ပါတယ်။ သူတို့ကို ထားခဲ့ရင် အန္တရာယ် ရှိနိုင်ပါတယ်။",
            "leave_family",
            service="army",
            rank="ဒုတပ်ကြပ်",
        )
    )
    for relation, details in (
        (Dependant.Relation.SPOUSE, {"name": "ဒေါ်ခင်မြင့်", "location": "စစ်ကိုင်း", "risk": "high"}),
        (Dependant.Relation.CHILD, {"name": "မနှင်းဆီ (၇ နှစ်)", "location": "စစ်ကိုင်း", "risk": "medium"}),
    ):
        identity.record_dependant(
            case,
            relation=relation,
            details={**details, "plan": "ဖခင်နှင့်အတူ ရောက်ရှိပြီး"},
            actor=user(CUSTODIAN),
            keyring=story.keyring(CUSTODIAN),
        )

    # 9. A reward claim submitted: he came out with his armoured personnel carrier.
    apc = Enquiry(
        "ကျွန်တော် သံချပ်ကာ တပ်သားသယ်ယာဉ် မောင်းသူပါ။ ယာဉ်နဲ့အတူ ထွက်လာချင်ပါတယ်။ ဆုငွေ ဘယ်လောက် ရနိုင်မလဲ။",
        "leave_equipment",
        service="army",
        equipment="သံချပ်ကာယာဉ် တစ်စီး",
    )
    case = story.arrived(apc, photos=(_photo((60, 70, 50)),))
    story.claim(
        case,
        code="defect-tank-or-apc",
        kind="serial",
        number="APC-4471",
        what="သံချပ်ကာ တပ်သားသယ်ယာဉ် တစ်စီး",
        evidence="ယာဉ်နံပါတ်ပြ ဓာတ်ပုံ၊ ရောက်ရှိချိန် ကွင်းဆင်းစစ်ဆေးချက်",
    )

    # 10. A claim valued and approved, waiting for finance: a helicopter.
    case = story.arrived(
        Enquiry(
            "ကျွန်တော် ရဟတ်ယာဉ် မောင်းသူပါ။ လေယာဉ်နဲ့အတူ ထွက်လာနိုင်ပါတယ်။ ဆင်းသက်မယ့်နေရာကို ကြိုတင် ညှိရပါမယ်။",
            "leave_equipment",
            service="air_force",
            equipment="စစ်ရဟတ်ယာဉ် တစ်စင်း",
        )
    )
    claim = story.claim(
        case,
        code="defect-aircraft-or-vessel",
        kind="tail",
        number="HEL-2209",
        what="စစ်ရဟတ်ယာဉ် တစ်စင်း",
        evidence="အမြီးနံပါတ်ပြ ဓာတ်ပုံ၊ ဆင်းသက်ရာနေရာ မှတ်တမ်း",
    )
    story.approve(claim, AIRCRAFT_OR_VESSEL)

    # 11. Paid: a tank, its reward paid from donations received.
    case = story.arrived(
        Enquiry(
            "ကျွန်တော် တင့်ကား မောင်းသူပါ။ တပ်ခွဲမှူးက ရွာကို ပစ်ခိုင်းလို့ မလုပ်ချင်ပါဘူး။ တင့်ကားနဲ့အတူ ထွက်လာမယ်။",
            "leave_equipment",
            service="army",
            equipment="တင့်ကား တစ်စီး",
        )
    )
    claim = story.claim(
        case,
        code="defect-tank-or-apc",
        kind="serial",
        number="TK-1088",
        what="တင့်ကား တစ်စီး",
        evidence="ယာဉ်နံပါတ်ပြ ဓာတ်ပုံ",
    )
    story.approve(claim, TANK_OR_APC)
    funds.record_donation(DONATION, "USD", memo="DEMO-DONOR-1", actor=user(FINANCE), on=today())
    payments.pay_tranche_share(
        claim.tranches.get(),
        case,
        payments.HowPaid("USD", Decimal(1), "", "DEMO-TRANSFER-1"),
        actor=user(FINANCE),
    )

    # 12. Quarantined: sent faster than a person types, as a script would.
    story.enquire(
        Enquiry("ဆုငွေ ဆုငွေ ဆုငွေ ဆုငွေ", "information"),
        quarantine=True,
    )

    # 13. A duplicate: the artillery corporal of case 3 lost his receipt and wrote again (same phone).
    case, _ = story.enquire(
        Enquiry(
            "အရင်က စာပို့ဖူးပါတယ်။ လက်ခံဖြတ်ပိုင်း နံပါတ် ပျောက်သွားလို့ ထပ်ပို့တာပါ။",
            "leave_alone",
            service="army",
            contact="09 000 111 222",
        )
    )
    request_transition(
        case, "mark_duplicate", actor=user(INTAKE), reason=f"same enquirer as {first_contact.reference}"
    )
    return story.made
