"""A Burmese volunteer who is refused a rewards step reads why in Burmese: whole Burmese sentences, amounts
with their currency in Myanmar digits, Burmese dates, and no English sentence on the page (issue 10).

Each test brings a claim, a payment, a schedule or a rate to the stage it needs through the actions (as the
other rewards tests do), then provokes the refusal through the real page as a person whose language setting
is Burmese.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from embrace.accounts.actions import choose_language
from embrace.accounts.roles import Role
from embrace.cases.actions import today
from embrace.cases.models import Case
from embrace.myanmar.formats import day as burmese_day
from embrace.myanmar.text import myanmar_digits
from embrace.rewards import claims, funds, payments
from embrace.rewards.claims import TranchePlan
from embrace.rewards.models import Claim, Journal, JournalKind, TrancheCondition
from embrace.rewards.schedules import EntryDraft, propose_schedule
from embrace.rewards.stipends import first_of_month
from embrace.testing.language import wording_problems
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.testing.rewards import Desk, arrived_case, fund, make_desk

pytestmark = pytest.mark.django_db

ACT = datetime.date(2023, 3, 1)
HELICOPTER = "defect-aircraft-or-vessel"
DAY = datetime.timedelta(days=1)
# What the handler typed into the claim: data the page shows as written, not wording.
TYPED = ("Mi-17 flown out", "logbook pages", "TAIL-4601")


@pytest.fixture
def desk() -> Desk:
    return make_desk()


def burmese(persona: Persona) -> Client:
    """A browser logged in as ``persona``, who has chosen Burmese in their settings."""
    choose_language(persona.user, "my")
    return log_in(Client(), persona)


def refused(response: object, status: int, burmese_sentence: str, *content: str) -> str:
    """The page of a refusal: its status, the Burmese sentence on it, and no English sentence."""
    assert response.status_code == status, response.content[:800]  # type: ignore[attr-defined]
    page = response.content.decode()  # type: ignore[attr-defined]
    assert burmese_sentence in page
    assert wording_problems(page, language="my", content=[*content, *TYPED]) == []
    return page


def draft(desk: Desk) -> Claim:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    claims.add_item(
        claim,
        entry_code=HELICOPTER,
        act_on=ACT,
        asset_kind="tail",
        asset_number="TAIL-4601",
        description=TYPED[0],
        evidence=TYPED[1],
        actor=desk.user("handler"),
    )
    return claim


def valued(desk: Desk) -> Claim:
    claim = claims.submit_claim(draft(desk), actor=desk.user("handler"))
    claims.verify_claim(
        claim, genuine=True, note="", actor=desk.user("reviewer"), keyring=desk.keyring("reviewer")
    )
    item = claim.items.get()
    plans = [
        TranchePlan(TrancheCondition.ARRIVAL, 20_000_000),
        TranchePlan(TrancheCondition.VERIFICATION, 30_000_000),
    ]
    return claims.value_claim(
        claim,
        {str(item.pk): 50_000_000},
        plans,
        actor=desk.user("committee1"),
        keyring=desk.keyring("committee1"),
    )


def approved(desk: Desk) -> Claim:
    claim = valued(desk)
    for tranche in claim.tranches.all():
        claims.ask_tranche(tranche, actor=desk.user("committee2"))
        claims.decide_tranche(tranche, approve=True, actor=desk.user("committee3"))
    return claim


def _item(**changes: str) -> dict[str, str]:
    data = {
        "entry": HELICOPTER,
        "act_on": ACT.isoformat(),
        "quantity": "1",
        "asset_kind": "tail",
        "asset_number": "TYPED-77",
        "description": "TYPED-DESCRIPTION",
        "evidence": "TYPED-EVIDENCE",
        "shares": "",
    }
    return data | changes


# --- Writing a claim -----------------------------------------------------------------------------------


def test_an_act_on_a_day_no_schedule_was_in_force_is_refused_with_a_burmese_date(desk: Desk) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    handler = burmese(desk.people["handler"])
    response = handler.post(reverse("rewards:claim_add_item", args=[claim.pk]), _item(act_on="2020-01-01"))
    day = burmese_day(datetime.date(2020, 1, 1))
    refused(response, 400, f"{day} တွင် အသက်ဝင်နေသော ဆုငွေဇယား မရှိခဲ့ပါ။", "TYPED-77")
    assert not claim.items.exists()


@pytest.mark.parametrize(
    ("changes", "sentence"),
    [
        (
            {"act_on": (datetime.date.today() + 400 * DAY).isoformat()},
            "လုပ်ရပ်ဖြစ်သည့်နေ့သည် အနာဂတ်တွင် မဖြစ်ရပါ။",
        ),
        ({"shares": "NOSUCHREF 100"}, "ကိစ္စ NOSUCHREF မရှိပါ။"),
        ({"quantity": "2"}, "ယာဉ်တစ်စီးချင်းအလိုက် ပေးချေသော ဇယားအမှတ်တွင်သာ တစ်ခုထက်ပို၍ ရှိနိုင်ပါသည်။"),
    ],
)
def test_a_bad_item_is_refused_in_burmese(desk: Desk, changes: dict[str, str], sentence: str) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    handler = burmese(desk.people["handler"])
    response = handler.post(reverse("rewards:claim_add_item", args=[claim.pk]), _item(**changes))
    refused(response, 400, sentence, "TYPED-77", "NOSUCHREF")
    assert not claim.items.exists()


def test_an_asset_already_claimed_is_refused_in_burmese(desk: Desk) -> None:
    first = draft(desk)
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    handler = burmese(desk.people["handler"])
    response = handler.post(
        reverse("rewards:claim_add_item", args=[claim.pk]), _item(asset_number="TAIL-4601")
    )
    refused(response, 409, "ဤပစ္စည်းကို တောင်းခံပြီး ဖြစ်သည်-", "TAIL-4601")
    assert first.items.count() == 1
    assert not claim.items.exists()


# --- Valuing and approving -------------------------------------------------------------------------------


def test_tranches_that_do_not_add_up_are_refused_with_the_value_in_myanmar_digits(desk: Desk) -> None:
    claim = claims.submit_claim(draft(desk), actor=desk.user("handler"))
    item = claim.items.get()
    valuer = burmese(desk.people["committee1"])
    response = valuer.post(
        reverse("rewards:claim_value", args=[claim.pk]),
        {f"value_{item.pk}": "500000", "condition_1": "arrival", "amount_1": "400000"},
    )
    refused(response, 400, "အရစ်များ ပေါင်းလျှင် ဆုငွေတောင်းခံမှု၏ တန်ဖိုး US$၅၀၀,၀၀၀.၀၀ ဖြစ်ရပါမည်။")
    assert not claim.tranches.exists()


def test_a_value_other_than_the_published_amount_is_refused_with_the_amount_in_myanmar_digits(
    desk: Desk,
) -> None:
    claim = claims.submit_claim(draft(desk), actor=desk.user("handler"))
    item = claim.items.get()
    valuer = burmese(desk.people["committee1"])
    response = valuer.post(
        reverse("rewards:claim_value", args=[claim.pk]),
        {f"value_{item.pk}": "400000", "condition_1": "arrival", "amount_1": "400000"},
    )
    refused(response, 400, "ထုတ်ပြန်ထားသော ပမာဏမှာ US$၅၀၀,၀၀၀.၀၀ ဖြင့် သတ်မှတ်ပြီးဖြစ်သည်။")


def test_the_member_who_asked_cannot_give_the_second_approval_and_reads_why_in_burmese(desk: Desk) -> None:
    tranche = valued(desk).tranches.order_by("position").first()
    assert tranche is not None
    member = burmese(desk.people["committee2"])
    assert member.post(reverse("rewards:tranche_ask", args=[tranche.pk])).status_code == 302
    response = member.post(reverse("rewards:tranche_decide", args=[tranche.pk]), {"decision": "approve"})
    refused(response, 400, "ဤအတည်ပြုချက်ကို သင်ကိုယ်တိုင် တောင်းခံခဲ့သည်- ဒုတိယ ကော်မတီဝင်တစ်ဦးက ဆုံးဖြတ်ရပါမည်။")


def test_the_valuer_cannot_also_approve_and_reads_their_part_in_burmese(desk: Desk) -> None:
    tranche = valued(desk).tranches.order_by("position").first()
    assert tranche is not None
    valuer = burmese(desk.people["committee1"])
    response = valuer.post(reverse("rewards:tranche_ask", args=[tranche.pk]))
    page = refused(response, 409, "သင်သည် ဤဆုငွေတောင်းခံမှုတွင် ပါဝင်ပြီးဖြစ်သည် (")
    assert "အဆင့်တိုင်းကို မတူသူတစ်ဦးစီက ဆောင်ရွက်ရပါမည်။" in page


# --- Paying --------------------------------------------------------------------------------------------


def _pay(case: Case) -> dict[str, str]:
    return {"case": case.reference, "currency": "USD", "rate": "1", "rate_source": "", "channel": "HW-1"}


def test_a_payment_without_the_funds_is_refused_with_both_amounts_in_myanmar_digits(desk: Desk) -> None:
    claim = approved(desk)
    tranche = claim.tranches.order_by("position").first()
    assert tranche is not None
    payer = burmese(desk.people["finance1"])
    response = payer.post(reverse("rewards:tranche_pay", args=[tranche.pk]), _pay(claim.case))
    refused(
        response,
        400,
        "အမေရိကန်ဒေါ်လာ ဖြင့် ကိုင်ထားသော ရန်ပုံငွေ မလုံလောက်ပါ- US$၂၀၀,၀၀၀.၀၀ ပေးချေရန် US$၀.၀၀ သာ ရှိပါသည်။",
        claim.case.reference,
    )
    assert not tranche.payments.exists()


def test_paying_a_share_twice_is_refused_in_burmese(desk: Desk) -> None:
    fund(desk)
    claim = approved(desk)
    tranche = claim.tranches.order_by("position").first()
    assert tranche is not None
    how = payments.HowPaid("USD", Decimal(1), "", "HW-0")
    payments.pay_tranche_share(tranche, claim.case, how, actor=desk.user("finance1"))
    payer = burmese(desk.people["finance1"])
    response = payer.post(reverse("rewards:tranche_pay", args=[tranche.pk]), _pay(claim.case))
    assert response.status_code in (400, 409)
    page = response.content.decode()
    assert "ပေးချေ" in page
    assert wording_problems(page, language="my", content=[claim.case.reference, *TYPED]) == []


# --- Funds received -------------------------------------------------------------------------------------


def _donation(desk: Desk) -> Journal:
    return Journal.objects.filter(kind=JournalKind.DONATION).latest("number")


def test_reversing_funds_already_spent_is_refused_with_the_amounts_in_myanmar_digits(desk: Desk) -> None:
    fund(desk, "200000")
    claim = approved(desk)
    tranche = claim.tranches.order_by("position").first()
    assert tranche is not None
    payments.pay_tranche_share(
        tranche, claim.case, payments.HowPaid("USD", Decimal(1), "", "HW-0"), actor=desk.user("finance2")
    )
    finance = burmese(desk.people["finance1"])
    response = finance.post(
        reverse("rewards:donation_reverse", args=[_donation(desk).pk]), {"memo": "bounced"}
    )
    refused(
        response,
        409,
        "အမေရိကန်ဒေါ်လာ တွင် သုညအောက် ရောက်သွားပါမည်- US$၀.၀၀ ကိုင်ထားပြီး US$၂၀၀,၀၀၀.၀၀ ထွက်သွားပါမည်။",
        "bounced",
    )


def test_reversing_funds_twice_is_refused_naming_the_journal_in_burmese(desk: Desk) -> None:
    fund(desk, "1000")
    journal = _donation(desk)
    funds.reverse_donation(journal, memo="bounced", actor=desk.user("finance1"))
    finance = burmese(desk.people["finance1"])
    response = finance.post(reverse("rewards:donation_reverse", args=[journal.pk]), {"memo": "again"})
    refused(response, 409, f"ဂျာနယ် {journal.number} ကို ပြန်ပယ်ဖျက်ပြီး ဖြစ်ပါသည်။", "again")


def test_an_amount_typed_as_an_exponent_is_refused_in_burmese(desk: Desk) -> None:
    finance = burmese(desk.people["finance1"])
    response = finance.post(reverse("rewards:donation_new"), {"amount": "1e9", "currency": "USD", "memo": ""})
    assert response.status_code == 400
    assert wording_problems(response.content.decode(), language="my", content=["1e9"]) == []
    assert not Journal.objects.filter(kind=JournalKind.DONATION).exists()


# --- Schedules, stipend rates, who takes part -------------------------------------------------------------


ENTRY = EntryDraft(
    code="defect-radar",
    title_en="Defect with a radar set",
    title_my="ရေဒါစက်နှင့်အတူ ထွက်ခွာခြင်း",
    amount_usd=Decimal("250000"),
)


def test_a_schedule_dated_in_the_past_is_refused_with_a_burmese_date(desk: Desk) -> None:
    chair = burmese(desk.people["committee1"])
    yesterday = today() - DAY
    data = {
        "title": "Backdated",
        "effective_from": yesterday.isoformat(),
        "announced_on": (yesterday - DAY).isoformat(),
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-code": ENTRY.code,
        "form-0-title_en": ENTRY.title_en,
        "form-0-title_my": ENTRY.title_my,
        "form-0-amount_usd": "250,000",
    }
    response = chair.post(reverse("rewards:schedule_propose"), data)
    with translation.override("my"):
        day = burmese_day(yesterday)
    refused(
        response,
        400,
        f"ဆုငွေဇယားသည် အတိတ်ကာလ ({day}) မှ အသက်ဝင်၍ မရပါ-",
        "Backdated",
        ENTRY.code,
        ENTRY.title_en,
    )


def test_only_the_proposer_may_revise_a_schedule_and_the_others_read_why_in_burmese(desk: Desk) -> None:
    schedule = propose_schedule("Radar", today() + 10 * DAY, today(), [ENTRY], actor=desk.user("committee1"))
    other = burmese(desk.people["committee2"])
    response = other.get(reverse("rewards:schedule_revise", args=[schedule.approval_id]))
    refused(response, 403, "၎င်းကို အဆိုပြုခဲ့သော ကော်မတီဝင်သာ ပြင်ဆင်နိုင်ပါသည်။", "Radar")


def test_a_stipend_rate_for_the_month_under_way_is_refused_naming_the_month_in_burmese(desk: Desk) -> None:
    member = burmese(desk.people["committee1"])
    month = first_of_month(today())
    response = member.post(
        reverse("rewards:stipend_rate_propose"),
        {
            "effective_from": month.strftime("%Y-%m"),
            "currency": "MMK",
            "base": "150000",
            "per_dependant": "0",
        },
    )
    with translation.override("my"):
        shown = myanmar_digits(date_format(month, "F Y"))
    refused(response, 400, f"နှုန်းထားအသစ်သည် လာမည့်လတစ်လမှ စတင်ရပါမည်- {shown} ၏ ထောက်ပံ့ငွေများကို")


def test_a_role_with_no_part_in_rewards_is_refused_in_burmese() -> None:
    intake = make_persona("burmese_intake", Role.INTAKE_OFFICER, language="my")
    response = log_in(Client(), intake).get(reverse("rewards:home"))
    refused(response, 403, "သင့်တာဝန်သည် ဆုငွေကိစ္စများတွင် ပါဝင်ခြင်း မရှိပါ။")


def test_an_english_volunteer_still_reads_the_refusal_in_english(desk: Desk) -> None:
    claim = claims.submit_claim(draft(desk), actor=desk.user("handler"))
    item = claim.items.get()
    valuer = log_in(Client(), desk.people["committee1"])
    response = valuer.post(
        reverse("rewards:claim_value", args=[claim.pk]),
        {f"value_{item.pk}": "500000", "condition_1": "arrival", "amount_1": "400000"},
    )
    assert response.status_code == 400
    assert "The tranches must add up to the claim&#x27;s value, US$500,000.00." in response.content.decode()


def test_a_second_proposal_for_the_same_month_is_refused_naming_the_month_in_burmese(desk: Desk) -> None:
    member = burmese(desk.people["committee1"])
    month = first_of_month(first_of_month(today()) + 40 * DAY)
    data = {
        "effective_from": month.strftime("%Y-%m"),
        "currency": "MMK",
        "base": "150000",
        "per_dependant": "0",
    }
    assert member.post(reverse("rewards:stipend_rate_propose"), data).status_code == 302
    response = member.post(reverse("rewards:stipend_rate_propose"), data)
    with translation.override("my"):
        shown = myanmar_digits(date_format(month, "F Y"))
    refused(response, 409, f"{shown} အတွက် အဆိုပြုချက်တစ်ခုသည် ဆုံးဖြတ်ချက်ကို စောင့်နေပြီး ဖြစ်ပါသည်။")


def test_a_second_schedule_for_the_same_day_is_refused_with_a_burmese_date(desk: Desk) -> None:
    effective = today() + 10 * DAY
    propose_schedule("Radar", effective, today(), [ENTRY], actor=desk.user("committee1"))
    chair = burmese(desk.people["committee2"])
    data = {
        "title": "Same day",
        "effective_from": effective.isoformat(),
        "announced_on": today().isoformat(),
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-code": ENTRY.code,
        "form-0-title_en": ENTRY.title_en,
        "form-0-title_my": ENTRY.title_my,
        "form-0-amount_usd": "250,000",
    }
    response = chair.post(reverse("rewards:schedule_propose"), data)
    with translation.override("my"):
        day = burmese_day(effective)
    refused(
        response,
        400,
        f"အခြားအဆိုပြုချက်တစ်ခုသည် {day} တွင် အသက်ဝင်မည် ဖြစ်ပြီးသားဖြစ်သည်-",
        "Same day",
        ENTRY.code,
        ENTRY.title_en,
    )
