"""A Burmese volunteer who is refused a rewards step reads why in Burmese: whole Burmese sentences, amounts
with their currency in Myanmar digits, Burmese dates, and no English sentence on the page (issue 10).

Each test brings a claim, a payment, a schedule or a rate to the stage it needs through the actions (as the
other rewards tests do), then provokes the refusal through the real page as a person whose language setting
is Burmese. The last part checks the numbers those pages show (Django's own limit errors, counts in labels,
journal numbers in flash messages) with `latin_digits`.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

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
from embrace.rewards import claims, funds, payments, stipend_rates
from embrace.rewards.models import Claim, ClaimStatus, Journal, JournalKind, TrancheStatus
from embrace.rewards.schedules import EntryDraft, propose_schedule
from embrace.rewards.stipends import first_of_month
from embrace.testing.language import latin_digits, wording_problems
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.testing.rewards import Desk, approved, arrived_case, fund, make_desk, valued

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


def _shown_day(value: datetime.date) -> str:
    """``value`` as a Burmese page writes a day (tests run outside a request: the language is set here)."""
    with translation.override("my"):
        return burmese_day(value)


def _shown_month(value: datetime.date) -> str:
    """``value`` as a Burmese page writes a month in a stipend-rate refusal."""
    with translation.override("my"):
        return myanmar_digits(date_format(value, "F Y"))


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
    day = _shown_day(datetime.date(2020, 1, 1))
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
    tranche = valued(desk, draft(desk)).tranches.order_by("position").first()
    assert tranche is not None
    member = burmese(desk.people["committee2"])
    assert member.post(reverse("rewards:tranche_ask", args=[tranche.pk])).status_code == 302
    response = member.post(reverse("rewards:tranche_decide", args=[tranche.pk]), {"decision": "approve"})
    refused(response, 400, "ဤအတည်ပြုချက်ကို သင်ကိုယ်တိုင် တောင်းခံခဲ့သည်- ဒုတိယ ကော်မတီဝင်တစ်ဦးက ဆုံးဖြတ်ရပါမည်။")


def test_the_valuer_cannot_also_approve_and_reads_their_part_in_burmese(desk: Desk) -> None:
    tranche = valued(desk, draft(desk)).tranches.order_by("position").first()
    assert tranche is not None
    valuer = burmese(desk.people["committee1"])
    response = valuer.post(reverse("rewards:tranche_ask", args=[tranche.pk]))
    page = refused(response, 409, "သင်သည် ဤဆုငွေတောင်းခံမှုတွင် ပါဝင်ပြီးဖြစ်သည် (")
    assert "အဆင့်တိုင်းကို မတူသူတစ်ဦးစီက ဆောင်ရွက်ရပါမည်။" in page


# --- Paying --------------------------------------------------------------------------------------------


def _pay(case: Case) -> dict[str, str]:
    return {"case": case.reference, "currency": "USD", "rate": "1", "rate_source": "", "channel": "HW-1"}


def test_a_payment_without_the_funds_is_refused_with_both_amounts_in_myanmar_digits(desk: Desk) -> None:
    claim = approved(desk, draft(desk))
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
    claim = approved(desk, draft(desk))
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
    claim = approved(desk, draft(desk))
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


def _schedule(title: str, effective: datetime.date, announced: datetime.date) -> dict[str, str]:
    """The schedule proposal form as a committee member fills it in: ENTRY as its one row."""
    return {
        "title": title,
        "effective_from": effective.isoformat(),
        "announced_on": announced.isoformat(),
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-code": ENTRY.code,
        "form-0-title_en": ENTRY.title_en,
        "form-0-title_my": ENTRY.title_my,
        "form-0-amount_usd": "250,000",
    }


def _stipend_rate(month: datetime.date) -> dict[str, str]:
    return {
        "effective_from": month.strftime("%Y-%m"),
        "currency": "MMK",
        "base": "150000",
        "per_dependant": "0",
    }


def test_a_schedule_dated_in_the_past_is_refused_with_a_burmese_date(desk: Desk) -> None:
    chair = burmese(desk.people["committee1"])
    yesterday = today() - DAY
    response = chair.post(
        reverse("rewards:schedule_propose"), _schedule("Backdated", yesterday, yesterday - DAY)
    )
    refused(
        response,
        400,
        f"ဆုငွေဇယားသည် အတိတ်ကာလ ({_shown_day(yesterday)}) မှ အသက်ဝင်၍ မရပါ-",
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
    response = member.post(reverse("rewards:stipend_rate_propose"), _stipend_rate(month))
    shown = _shown_month(month)
    refused(response, 400, f"နှုန်းထားအသစ်သည် လာမည့်လတစ်လမှ စတင်ရပါမည်- {shown} ၏ ထောက်ပံ့ငွေများကို")


def test_a_role_with_no_part_in_rewards_is_refused_in_burmese() -> None:
    intake = make_persona("burmese_intake", Role.INTAKE_OFFICER, language="my")
    response = log_in(Client(), intake).get(reverse("rewards:home"))
    refused(response, 403, "သင့်တာဝန်သည် ဆုငွေကိစ္စများတွင် ပါဝင်ခြင်း မရှိပါ။")


def test_a_role_with_no_part_in_claims_is_refused_the_claims_list_in_burmese() -> None:
    intake = make_persona("burmese_intake", Role.INTAKE_OFFICER, language="my")
    response = log_in(Client(), intake).get(reverse("rewards:claims_queue"))
    refused(response, 403, "သင့်တာဝန်သည် ဆုငွေတောင်းခံမှုများတွင် ပါဝင်ခြင်း မရှိပါ။")


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
    assert member.post(reverse("rewards:stipend_rate_propose"), _stipend_rate(month)).status_code == 302
    response = member.post(reverse("rewards:stipend_rate_propose"), _stipend_rate(month))
    shown = _shown_month(month)
    refused(response, 409, f"{shown} အတွက် အဆိုပြုချက်တစ်ခုသည် ဆုံးဖြတ်ချက်ကို စောင့်နေပြီး ဖြစ်ပါသည်။")


def test_a_second_schedule_for_the_same_day_is_refused_with_a_burmese_date(desk: Desk) -> None:
    effective = today() + 10 * DAY
    propose_schedule("Radar", effective, today(), [ENTRY], actor=desk.user("committee1"))
    chair = burmese(desk.people["committee2"])
    response = chair.post(reverse("rewards:schedule_propose"), _schedule("Same day", effective, today()))
    refused(
        response,
        400,
        f"အခြားအဆိုပြုချက်တစ်ခုသည် {_shown_day(effective)} တွင် အသက်ဝင်မည် ဖြစ်ပြီးသားဖြစ်သည်-",
        "Same day",
        ENTRY.code,
        ENTRY.title_en,
    )


# --- Refusals a volunteer meets by clicking twice or typing a mistake ---------------------------------------


def test_submitting_a_claim_with_no_item_is_refused_in_burmese(desk: Desk) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    handler = burmese(desk.people["handler"])
    response = handler.post(reverse("rewards:claim_submit", args=[claim.pk]))
    refused(response, 400, "ဆုငွေတောင်းခံမှုတွင် အကြောင်းအရာ အနည်းဆုံး တစ်ခု ရှိရပါမည်။")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFT


@pytest.mark.parametrize(
    ("shares", "sentence"),
    [
        ("{own} 50", "ဝေစုများ ပေါင်းလျှင် အပြည့် (၁၀၀%) ဖြစ်ရပါမည်။"),
        ("{own} 50\n{own} 50", "ကိစ္စ {own} ကို နှစ်ကြိမ် ဖော်ပြထားပါသည်။"),
    ],
)
def test_shares_that_do_not_make_the_whole_are_refused_in_burmese(
    desk: Desk, shares: str, sentence: str
) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    own = claim.case.reference
    handler = burmese(desk.people["handler"])
    response = handler.post(
        reverse("rewards:claim_add_item", args=[claim.pk]), _item(shares=shares.format(own=own))
    )
    refused(response, 400, sentence.format(own=own), "TYPED-77", own)
    assert not claim.items.exists()


def test_deciding_a_tranche_nobody_asked_for_is_refused_in_burmese(desk: Desk) -> None:
    tranche = valued(desk, draft(desk)).tranches.order_by("position").first()
    assert tranche is not None
    member = burmese(desk.people["committee3"])
    response = member.post(reverse("rewards:tranche_decide", args=[tranche.pk]), {"decision": "approve"})
    refused(response, 400, "ဤအရစ်သည် ဒုတိယ အတည်ပြုချက်ကို စောင့်နေခြင်း မရှိပါ။")
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.PLANNED


def test_reversing_a_payment_twice_is_refused_in_burmese(desk: Desk) -> None:
    fund(desk)
    claim = approved(desk, draft(desk))
    tranche = claim.tranches.order_by("position").first()
    assert tranche is not None
    how = payments.HowPaid("USD", Decimal(1), "", "HW-0")
    payment = payments.pay_tranche_share(tranche, claim.case, how, actor=desk.user("finance1"))
    payments.reverse_payment(payment, memo="wrong account", actor=desk.user("finance2"))
    payer = burmese(desk.people["finance2"])
    response = payer.post(reverse("rewards:payment_reverse", args=[payment.pk]), {"memo": "REVERSE-AGAIN"})
    refused(response, 409, "ဤငွေပေးချေမှုကို ပြန်ပယ်ဖျက်ပြီး ဖြစ်ပါသည်။", claim.case.reference, "REVERSE-AGAIN")


def test_funds_received_of_nothing_are_refused_in_burmese(desk: Desk) -> None:
    finance = burmese(desk.people["finance1"])
    response = finance.post(reverse("rewards:donation_new"), {"amount": "0", "currency": "USD", "memo": ""})
    refused(
        response,
        400,
        "လက်ခံရရှိသော ပမာဏသည် သုညထက် များရပါမည်။",
    )
    assert not Journal.objects.filter(kind=JournalKind.DONATION).exists()


def test_a_schedule_announced_after_it_takes_effect_is_refused_in_burmese(desk: Desk) -> None:
    chair = burmese(desk.people["committee1"])
    effective = today() + 10 * DAY
    response = chair.post(
        reverse("rewards:schedule_propose"), _schedule("Announced late", effective, effective + DAY)
    )
    refused(
        response,
        400,
        "ဆုငွေဇယားကို ၎င်းအသက်ဝင်သည့်နေ့ သို့မဟုတ် ထိုနေ့မတိုင်မီ ကြေညာရပါသည်။",
        "Announced late",
        ENTRY.code,
        ENTRY.title_en,
    )


def test_a_schedule_with_a_code_twice_is_refused_in_burmese(desk: Desk) -> None:
    chair = burmese(desk.people["committee1"])
    data = _schedule("Twice", today() + 10 * DAY, today()) | {
        "form-TOTAL_FORMS": "2",
        "form-1-code": ENTRY.code,
        "form-1-title_en": "Defect with a second radar set",
        "form-1-title_my": "ဒုတိယ ရေဒါစက်",
        "form-1-amount_usd": "1,000",
    }
    response = chair.post(reverse("rewards:schedule_propose"), data)
    refused(
        response,
        400,
        f"အမှတ်တိုင်းတွင် ကိုယ်ပိုင်ကုဒ် ရှိရပါမည်- နှစ်ကြိမ် သုံးထားသည်- {ENTRY.code}။",
        "Twice",
        ENTRY.code,
        ENTRY.title_en,
        "Defect with a second radar set",
    )


def test_an_entry_with_no_amount_is_refused_in_burmese(desk: Desk) -> None:
    chair = burmese(desk.people["committee1"])
    data = _schedule("No amount", today() + 10 * DAY, today()) | {"form-0-amount_usd": ""}
    response = chair.post(reverse("rewards:schedule_propose"), data)
    refused(
        response,
        400,
        f"“{ENTRY.code}” တွင် သုညထက်များသော အမေရိကန်ဒေါ်လာ ပမာဏ သို့မဟုတ် “ကော်မတီက တန်ဖိုးဖြတ်မည်” ရှိရပါမည်။",
        "No amount",
        ENTRY.code,
        ENTRY.title_en,
    )


def test_a_stipend_rate_with_no_base_is_refused_in_burmese(desk: Desk) -> None:
    member = burmese(desk.people["committee1"])
    month = first_of_month(first_of_month(today()) + 40 * DAY)
    response = member.post(reverse("rewards:stipend_rate_propose"), _stipend_rate(month) | {"base": "0"})
    refused(response, 400, "အခြေခံငွေသည် သုညထက် များရပါမည်- မှီခိုသူတစ်ဦးချင်းအတွက် ပမာဏမှာ သုည ဖြစ်နိုင်ပါသည်။")


def test_only_the_proposer_may_withdraw_a_stipend_rate_and_the_others_read_why_in_burmese(desk: Desk) -> None:
    month = first_of_month(first_of_month(today()) + 40 * DAY)
    rate = stipend_rates.propose_rate(month, "MMK", 15_000_000, 0, actor=desk.user("committee1"))
    other = burmese(desk.people["committee2"])
    response = other.post(reverse("rewards:stipend_rate_withdraw", args=[rate.pk]))
    refused(response, 403, "ဤနှုန်းထားကို အဆိုပြုခဲ့သော ကော်မတီဝင်သာ ရုပ်သိမ်းနိုင်ပါသည်။")
    proposer = burmese(desk.people["committee1"])
    assert proposer.post(reverse("rewards:stipend_rate_withdraw", args=[rate.pk])).status_code == 302
    response = proposer.post(reverse("rewards:stipend_rate_withdraw", args=[rate.pk]))
    refused(response, 409, "ဆုံးဖြတ်ချက်ကို စောင့်နေသော အဆိုပြုချက်ကိုသာ ရုပ်သိမ်းနိုင်ပါသည်။")


# --- Numbers on Burmese pages: Django's own limits, counts in labels, journal numbers ----------------------
#
# Each is checked with latin_digits on the part of the page that shows it (the form's errors, the label, the
# flash message): the rest of a claim page shows references and typed text, which stay Latin.


def _errors(page: str) -> str:
    """The form errors shown on ``page``."""
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>.*?</ul>', page, re.DOTALL)
    assert found, page[:2000]
    return "".join(found)


def _flash(page: str) -> str:
    """The flash messages shown on ``page``."""
    found = re.findall(r'<ul class="messages">.*?</ul>', page, re.DOTALL)
    assert found, page[:2000]
    return "".join(found)


def test_a_text_over_its_length_says_both_counts_in_myanmar_digits(desk: Desk) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    handler = burmese(desk.people["handler"])
    response = handler.post(reverse("rewards:claim_add_item", args=[claim.pk]), _item(description="က" * 2001))
    page = refused(response, 400, "စာလုံး အများဆုံး ၂၀၀၀ လုံးသာ ရေးနိုင်ပါသည် (ယခု ၂၀၀၁ လုံး ရှိနေပါသည်)။", "TYPED-77")
    assert latin_digits(_errors(page)) == []
    assert not claim.items.exists()


def test_a_number_over_its_limit_says_the_limit_in_myanmar_digits(desk: Desk) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    handler = burmese(desk.people["handler"])
    response = handler.post(reverse("rewards:claim_add_item", args=[claim.pk]), _item(quantity="101"))
    page = refused(response, 400, "၁၀၀ ထက် မကျော်သော တန်ဖိုး ထည့်ပါ။", "TYPED-77")
    assert latin_digits(_errors(page)) == []


def test_an_amount_under_its_minimum_says_the_minimum_in_myanmar_digits(desk: Desk) -> None:
    chair = burmese(desk.people["committee1"])
    data = _schedule("Too small", today() + 10 * DAY, today()) | {"form-0-amount_usd": "0.00"}
    response = chair.post(reverse("rewards:schedule_propose"), data)
    page = refused(response, 400, "၀.၀၁ နှင့် အထက် တန်ဖိုး ထည့်ပါ။", "Too small", ENTRY.code, ENTRY.title_en)
    assert latin_digits(_errors(page)) == []


def test_a_day_out_of_range_names_the_range_in_burmese_dates(desk: Desk) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    handler = burmese(desk.people["handler"])
    response = handler.post(reverse("rewards:claim_add_item", args=[claim.pk]), _item(act_on="1999-12-31"))
    page = refused(response, 400, f"{_shown_day(datetime.date(2000, 1, 1))} နှင့် ", "TYPED-77")
    assert latin_digits(_errors(page)) == []


def test_an_english_volunteer_still_reads_the_limit_in_latin_digits(desk: Desk) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    handler = log_in(Client(), desk.people["handler"])
    response = handler.post(reverse("rewards:claim_add_item", args=[claim.pk]), _item(description="x" * 2001))
    assert response.status_code == 400
    assert "Ensure this value has at most 2000 characters (it has 2001)." in response.content.decode()


def test_the_value_form_counts_vehicles_and_tranches_in_myanmar_digits(desk: Desk) -> None:
    claim = claims.open_claim(arrived_case(desk), actor=desk.user("handler"))
    claims.add_item(
        claim,
        entry_code="damage-aircraft-or-warship",
        act_on=ACT,
        quantity=3,
        description=TYPED[0],
        evidence=TYPED[1],
        actor=desk.user("handler"),
    )
    claims.submit_claim(claim, actor=desk.user("handler"))
    valuer = burmese(desk.people["committee1"])
    page = valuer.get(reverse("rewards:claim", args=[claim.pk])).content.decode()
    labels = "".join(re.findall(r"<label[^>]*>.*?</label>", page, re.DOTALL))
    assert "၊ ၃ ခု (US$)" in labels
    assert "အရစ် ၁" in labels
    assert latin_digits(labels) == []


def test_the_journal_numbers_of_funds_received_are_marked_as_data(desk: Desk) -> None:
    finance = burmese(desk.people["finance1"])
    response = finance.post(
        reverse("rewards:donation_new"), {"amount": "500", "currency": "USD", "memo": "gift"}, follow=True
    )
    journal = Journal.objects.get(kind=JournalKind.DONATION)
    recorded = _flash(response.content.decode())
    assert f'<span class="ref" translate="no">{journal.number}</span>' in recorded
    assert latin_digits(recorded) == []
    response = finance.post(
        reverse("rewards:donation_reverse", args=[journal.pk]), {"memo": "bounced"}, follow=True
    )
    reversed_ = _flash(response.content.decode())
    reversal = Journal.objects.get(reverses=journal)
    assert f'<span class="ref" translate="no">{reversal.number}</span>' in reversed_
    assert latin_digits(reversed_) == []


# --- A claim step clicked twice: the second click is refused, in Burmese ---------------------------------


def _twice_submit(desk: Desk) -> tuple[str, str, object, dict[str, str]]:
    return "handler", "rewards:claim_submit", draft(desk).pk, {}


def _twice_verify(desk: Desk) -> tuple[str, str, object, dict[str, str]]:
    claim = claims.submit_claim(draft(desk), actor=desk.user("handler"))
    return "reviewer", "rewards:claim_verify", claim.pk, {"verdict": "genuine", "note": ""}


def _twice_ask(desk: Desk) -> tuple[str, str, object, dict[str, str]]:
    tranche = valued(desk, draft(desk)).tranches.order_by("position").first()
    assert tranche is not None
    return "committee2", "rewards:tranche_ask", tranche.pk, {}


def _twice_withdraw(desk: Desk) -> tuple[str, str, object, dict[str, str]]:
    return "handler", "rewards:claim_withdraw", draft(desk).pk, {"note": "WITHDRAWN-NOTE"}


@pytest.mark.parametrize(
    ("step", "status", "sentence"),
    [
        (_twice_submit, 409, "ဤဆုငွေတောင်းခံမှုကို တင်သွင်းပြီး ဖြစ်ပါသည်။"),
        (_twice_verify, 400, "တင်သွင်းပြီး မစစ်ဆေးရသေးသော ဆုငွေတောင်းခံမှုကိုသာ စစ်ဆေးနိုင်ပါသည်။"),
        (_twice_ask, 400, "ဤအရစ်သည် အတည်ပြုချက်ကို စောင့်နေခြင်း မရှိပါ။"),
        (_twice_withdraw, 400, "ဤဆုငွေတောင်းခံမှုကို ရုပ်သိမ်း၍ မရတော့ပါ။"),
    ],
    ids=["submit", "verify", "ask", "withdraw"],
)
def test_a_claim_step_clicked_twice_is_refused_the_second_time_in_burmese(
    desk: Desk, step: Any, status: int, sentence: str
) -> None:
    who, url, pk, data = step(desk)
    person = burmese(desk.people[who])
    assert person.post(reverse(url, args=[pk]), data).status_code == 302
    refused(person.post(reverse(url, args=[pk]), data), status, sentence, "WITHDRAWN-NOTE")
