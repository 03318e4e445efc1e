"""Burmese for the refusals of the rewards steps: what a claim, tranche, payment, schedule, stipend rate,
stipend or funds step says when it is refused (issue 10: the Burmese pages show no English sentence).

Terms as in rewards_pages.py and casework.py: case ကိစ္စ, claim ဆုငွေတောင်းခံမှု, item အကြောင်းအရာ, tranche
အရစ်, share ဝေစု, committee ကော်မတီ (member ကော်မတီဝင်), handler ကိုင်တွယ်သူ, finance ငွေစာရင်း, reviewer's
verification စစ်ဆေး, value တန်ဖိုးဖြတ်, approve အတည်ပြု, reject/refuse ငြင်းပယ်, submit တင်သွင်း, withdraw
ရုပ်သိမ်း, propose အဆိုပြု, publish ထုတ်ပြန်, reverse ပြန်ပယ်ဖျက်, pay ပေးချေ, schedule ဆုငွေဇယား, entry
ဇယားအမှတ်, stipend ထောက်ပံ့ငွေ, rate နှုန်းထား, dependant မှီခိုသူ, evidence အထောက်အထား, key သော့, finance
file ငွေစာရင်းဖိုင်, journal ဂျာနယ်, funds ရန်ပုံငွေ, exchange rate ငွေလဲနှုန်း, asset ပစ္စည်း, memo မှတ်စု.
"""

# Keys are the msgids exactly as makemessages extracts them; a long sentence stays one long key.
# ruff: noqa: E501

MY = {
    # --- Who may take part
    "Your role takes no part in reward claims.": "သင့်တာဝန်သည် ဆုငွေတောင်းခံမှုများတွင် ပါဝင်ခြင်း မရှိပါ။",
    "Your role takes no part in rewards.": "သင့်တာဝန်သည် ဆုငွေကိစ္စများတွင် ပါဝင်ခြင်း မရှိပါ။",
    "You may not work on reward claims.": "သင်သည် ဆုငွေတောင်းခံမှုများကို ဆောင်ရွက်ခွင့် မရှိပါ။",
    "You may not open a reward claim.": "သင်သည် ဆုငွေတောင်းခံမှု ဖွင့်ခွင့် မရှိပါ။",
    "You may not verify reward claims.": "သင်သည် ဆုငွေတောင်းခံမှုများကို စစ်ဆေးခွင့် မရှိပါ။",
    "You may not value reward claims.": "သင်သည် ဆုငွေတောင်းခံမှုများကို တန်ဖိုးဖြတ်ခွင့် မရှိပါ။",
    "You may not approve reward tranches.": "သင်သည် ဆုငွေအရစ်များကို အတည်ပြုခွင့် မရှိပါ။",
    "Only the case's handler may open a reward claim for it.": "ကိစ္စ၏ ကိုင်တွယ်သူသာ ၎င်းအတွက် ဆုငွေတောင်းခံမှု ဖွင့်နိုင်ပါသည်။",
    "Only the case's handler may add to its claims.": "ကိစ္စ၏ ကိုင်တွယ်သူသာ ၎င်း၏ ဆုငွေတောင်းခံမှုများတွင် ထပ်ထည့်နိုင်ပါသည်။",
    "Only the case's handler may submit its claims.": "ကိစ္စ၏ ကိုင်တွယ်သူသာ ၎င်း၏ ဆုငွေတောင်းခံမှုများကို တင်သွင်းနိုင်ပါသည်။",
    "Only the case's handler may withdraw its claims.": "ကိစ္စ၏ ကိုင်တွယ်သူသာ ၎င်း၏ ဆုငွေတောင်းခံမှုများကို ရုပ်သိမ်းနိုင်ပါသည်။",
    "You already took part in this claim (%(part)s); each step must be taken by a different person.": (
        "သင်သည် ဤဆုငွေတောင်းခံမှုတွင် ပါဝင်ပြီးဖြစ်သည် (%(part)s)- အဆင့်တိုင်းကို မတူသူတစ်ဦးစီက ဆောင်ရွက်ရပါမည်။"
    ),
    "You already took part in this claim; another person must take this step.": (
        "သင်သည် ဤဆုငွေတောင်းခံမှုတွင် ပါဝင်ပြီးဖြစ်သည်- ဤအဆင့်ကို အခြားတစ်ဦးက ဆောင်ရွက်ရပါမည်။"
    ),
    # --- The finance file and its keys
    "This case has no finance file to share.": "ဤကိစ္စတွင် မျှဝေစရာ ငွေစာရင်းဖိုင် မရှိပါ။",
    "You hold no key to this finance file: ask someone who does.": (
        "ဤငွေစာရင်းဖိုင်၏ သော့ သင့်တွင် မရှိပါ- သော့ရှိသူတစ်ဦးကို မေးပါ။"
    ),
    "Everyone who should read this finance file already can.": ("ဤငွေစာရင်းဖိုင်ကို ဖတ်သင့်သူအားလုံး ဖတ်နိုင်ပြီး ဖြစ်ပါသည်။"),
    "You no longer hold this file's key: ask someone who does.": ("ဤဖိုင်၏ သော့ သင့်တွင် မရှိတော့ပါ- သော့ရှိသူတစ်ဦးကို မေးပါ။"),
    "You hold no key to this claim's evidence, so you cannot verify it.": (
        "ဤဆုငွေတောင်းခံမှု၏ အထောက်အထားသော့ သင့်တွင် မရှိသဖြင့် ၎င်းကို စစ်ဆေး၍ မရပါ။"
    ),
    "You hold no key to this claim's evidence, so you cannot value it.": (
        "ဤဆုငွေတောင်းခံမှု၏ အထောက်အထားသော့ သင့်တွင် မရှိသဖြင့် ၎င်းကို တန်ဖိုးဖြတ်၍ မရပါ။"
    ),
    # --- Opening a claim and its items
    "A reward is claimed after arrival and before the case closes; this case is %(status)s.": (
        "ဆုငွေကို ရောက်ရှိပြီးနောက် ကိစ္စမပိတ်မီ တောင်းခံရပါသည်- ဤကိစ္စသည် %(status)s ဖြစ်နေပါသည်။"
    ),
    "This asset is already claimed: the same aircraft, vessel or weapon is paid once.": (
        "ဤပစ္စည်းကို တောင်းခံပြီး ဖြစ်သည်- လေယာဉ်၊ ရေယာဉ် သို့မဟုတ် လက်နက် တစ်ခုတည်းအတွက် တစ်ကြိမ်သာ ပေးချေပါသည်။"
    ),
    "Choose what kind of number identifies the asset.": "ပစ္စည်းကို မည်သည့် နံပါတ်အမျိုးအစားဖြင့် သိရှိသည်ကို ရွေးပါ။",
    "No reward schedule was in force on %(day)s.": "%(day)s တွင် အသက်ဝင်နေသော ဆုငွေဇယား မရှိခဲ့ပါ။",
    "The schedule in force on %(day)s (%(title)s) has no such entry.": (
        "%(day)s တွင် အသက်ဝင်နေသော ဆုငွေဇယား (%(title)s) တွင် ထိုဇယားအမှတ် မရှိပါ။"
    ),
    "Items are added before the claim is submitted.": "အကြောင်းအရာများကို ဆုငွေတောင်းခံမှု မတင်သွင်းမီ ထည့်ရပါသည်။",
    "Only an entry paid per vehicle may have more than one.": (
        "ယာဉ်တစ်စီးချင်းအလိုက် ပေးချေသော ဇယားအမှတ်တွင်သာ တစ်ခုထက်ပို၍ ရှိနိုင်ပါသည်။"
    ),
    "There is no case %(reference)s.": "ကိစ္စ %(reference)s မရှိပါ။",
    "Case %(reference)s has not arrived: only people who are out share a reward.": (
        "ကိစ္စ %(reference)s မရောက်ရှိသေးပါ- ထွက်ခွာလာပြီးသူများသာ ဆုငွေကို ခွဲဝေရယူပါသည်။"
    ),
    "Case %(reference)s is named twice.": "ကိစ္စ %(reference)s ကို နှစ်ကြိမ် ဖော်ပြထားပါသည်။",
    "Each share is more than nothing and at most the whole.": (
        "ဝေစုတိုင်းသည် သုညထက် များရမည်ဖြစ်ပြီး အပြည့်ထက် မများရပါ။"
    ),
    "The claim's own case must have a share.": "ဆုငွေတောင်းခံမှု၏ ကိုယ်ပိုင်ကိစ္စတွင် ဝေစု ရှိရပါမည်။",
    "The shares must add up to the whole (100%).": "ဝေစုများ ပေါင်းလျှင် အပြည့် (၁၀၀%) ဖြစ်ရပါမည်။",
    "This claim has already been submitted.": "ဤဆုငွေတောင်းခံမှုကို တင်သွင်းပြီး ဖြစ်ပါသည်။",
    "A claim needs at least one item.": "ဆုငွေတောင်းခံမှုတွင် အကြောင်းအရာ အနည်းဆုံး တစ်ခု ရှိရပါမည်။",
    "An item's shares do not add up to the whole.": "အကြောင်းအရာတစ်ခု၏ ဝေစုများ ပေါင်းလျှင် အပြည့် မဖြစ်ပါ။",
    # --- Verification and valuation
    "Only a submitted claim that is not yet verified can be verified.": (
        "တင်သွင်းပြီး မစစ်ဆေးရသေးသော ဆုငွေတောင်းခံမှုကိုသာ စစ်ဆေးနိုင်ပါသည်။"
    ),
    "Only a submitted claim that is not yet valued can be valued.": (
        "တင်သွင်းပြီး တန်ဖိုးမဖြတ်ရသေးသော ဆုငွေတောင်းခံမှုကိုသာ တန်ဖိုးဖြတ်နိုင်ပါသည်။"
    ),
    "Give a value for every item of the claim, and only for them.": (
        "ဆုငွေတောင်းခံမှု၏ အကြောင်းအရာတိုင်းအတွက်သာ တန်ဖိုး တစ်ခုစီ ပေးပါ။"
    ),
    "%(entry)s: the published amount is fixed at %(amount)s.": "%(entry)s- ထုတ်ပြန်ထားသော ပမာဏမှာ %(amount)s ဖြင့် သတ်မှတ်ပြီးဖြစ်သည်။",
    "Every item is worth more than nothing; reject the claim instead.": (
        "အကြောင်းအရာတိုင်း၏ တန်ဖိုးသည် သုညထက် များရပါမည်- မဟုတ်ပါက ဆုငွေတောင်းခံမှုကို ငြင်းပယ်ပါ။"
    ),
    "Every tranche is more than nothing.": "အရစ်တိုင်းသည် သုညထက် များရပါမည်။",
    "The tranches must add up to the claim's value, %(amount)s.": (
        "အရစ်များ ပေါင်းလျှင် ဆုငွေတောင်းခံမှု၏ တန်ဖိုး %(amount)s ဖြစ်ရပါမည်။"
    ),
    # --- Tranche approvals and closing
    "Tranches are approved on a submitted, valued claim.": (
        "တင်သွင်းပြီး တန်ဖိုးဖြတ်ပြီးသော ဆုငွေတောင်းခံမှုတွင်သာ အရစ်များကို အတည်ပြုပါသည်။"
    ),
    "This tranche is paid after verification, and the claim is not verified yet.": (
        "ဤအရစ်ကို စစ်ဆေးပြီးမှ ပေးချေရမည်ဖြစ်ပြီး ဆုငွေတောင်းခံမှုကို မစစ်ဆေးရသေးပါ။"
    ),
    "The case is no longer one a reward is paid on.": "ဤကိစ္စအတွက် ဆုငွေ ပေးချေနိုင်သည့် အခြေအနေ မရှိတော့ပါ။",
    "This tranche is not waiting for approval.": "ဤအရစ်သည် အတည်ပြုချက်ကို စောင့်နေခြင်း မရှိပါ။",
    "This tranche is not waiting for a second approval.": "ဤအရစ်သည် ဒုတိယ အတည်ပြုချက်ကို စောင့်နေခြင်း မရှိပါ။",
    "You asked for this approval: a second committee member must decide it.": (
        "ဤအတည်ပြုချက်ကို သင်ကိုယ်တိုင် တောင်းခံခဲ့သည်- ဒုတိယ ကော်မတီဝင်တစ်ဦးက ဆုံးဖြတ်ရပါမည်။"
    ),
    "A tranche needs two different committee members.": "အရစ်တစ်ခုကို မတူသော ကော်မတီဝင် နှစ်ဦးက ဆုံးဖြတ်ရပါမည်။",
    "This tranche has just been decided by someone else.": "ဤအရစ်ကို အခြားတစ်ဦးက ယခုလေးတင် ဆုံးဖြတ်ပြီး ဖြစ်ပါသည်။",
    "This claim can no longer be withdrawn.": "ဤဆုငွေတောင်းခံမှုကို ရုပ်သိမ်း၍ မရတော့ပါ။",
    "Tranche %(number)s is partly paid: pay the rest or reverse those payments first.": (
        "အရစ် %(number)s ကို တစ်စိတ်တစ်ပိုင်း ပေးချေပြီးဖြစ်သည်- ကျန်ငွေကို ပေးချေပါ သို့မဟုတ် ထိုပေးချေမှုများကို ဦးစွာ ပြန်ပယ်ဖျက်ပါ။"
    ),
    # --- Payments
    "Only finance may release payments.": "ငွေစာရင်းတာဝန်ရှိသူများသာ ငွေပေးချေမှုကို ထုတ်ပေးနိုင်ပါသည်။",
    "Choose US dollars, kyat or baht.": "အမေရိကန်ဒေါ်လာ၊ ကျပ် သို့မဟုတ် ဘတ် ကို ရွေးပါ။",
    "Paid in the currency owed, the rate is 1.": "ပေးရန်ရှိသော ငွေကြေးဖြင့်ပင် ပေးချေလျှင် ငွေလဲနှုန်းသည် ၁ ဖြစ်ပါသည်။",
    "Give the payment channel's reference.": "ငွေပေးချေသည့် လမ်းကြောင်း၏ ရည်ညွှန်းနံပါတ်ကို ဖော်ပြပါ။",
    "At that rate the payment rounds to nothing.": "ထိုငွေလဲနှုန်းဖြင့် ပေးချေငွေသည် သုညသို့ ရောက်သွားပါသည်။",
    "Not enough funds held in %(currency)s: %(held)s for a payment of %(amount)s.": (
        "%(currency)s ဖြင့် ကိုင်ထားသော ရန်ပုံငွေ မလုံလောက်ပါ- %(amount)s ပေးချေရန် %(held)s သာ ရှိပါသည်။"
    ),
    "Only an approved tranche that is not fully paid can be paid.": (
        "အတည်ပြုပြီး အပြည့်မပေးချေရသေးသော အရစ်ကိုသာ ပေးချေနိုင်ပါသည်။"
    ),
    "This claim was rejected: nothing more is paid on it.": "ဤဆုငွေတောင်းခံမှုကို ငြင်းပယ်ခဲ့ပြီ- ၎င်းအတွက် ထပ်မံ မပေးချေပါ။",
    "This claim was withdrawn: nothing more is paid on it.": "ဤဆုငွေတောင်းခံမှုကို ရုပ်သိမ်းခဲ့ပြီ- ၎င်းအတွက် ထပ်မံ မပေးချေပါ။",
    "This tranche owes that case nothing.": "ဤအရစ်တွင် ထိုကိစ္စအတွက် ပေးရန် မရှိပါ။",
    "This share of the tranche is already paid.": "အရစ်၏ ဤဝေစုကို ပေးချေပြီး ဖြစ်ပါသည်။",
    "Only an approved, unpaid stipend can be paid.": "အတည်ပြုပြီး မပေးချေရသေးသော ထောက်ပံ့ငွေကိုသာ ပေးချေနိုင်ပါသည်။",
    "You approved this stipend: someone else in finance must pay it.": (
        "ဤထောက်ပံ့ငွေကို သင် အတည်ပြုခဲ့သည်- ငွေစာရင်းမှ အခြားတစ်ဦးက ပေးချေရပါမည်။"
    ),
    "What this pays was never approved.": "ဤပေးချေမှုဖြင့် ပေးမည့်အရာကို အတည်ပြုခဲ့ခြင်း မရှိပါ။",
    "You approved this: someone else in finance must release the payment.": (
        "ဤအရာကို သင် အတည်ပြုခဲ့သည်- ငွေစာရင်းမှ အခြားတစ်ဦးက ငွေပေးချေမှုကို ထုတ်ပေးရပါမည်။"
    ),
    "This is already paid.": "ဤအရာကို ပေးချေပြီး ဖြစ်ပါသည်။",
    "This payment has already been reversed.": "ဤငွေပေးချေမှုကို ပြန်ပယ်ဖျက်ပြီး ဖြစ်ပါသည်။",
    "Say why the payment is reversed.": "ငွေပေးချေမှုကို ပြန်ပယ်ဖျက်ရသည့် အကြောင်းရင်းကို ဖော်ပြပါ။",
    # --- Money as typed
    "%(currency)s is not a currency the programme pays in.": "%(currency)s သည် အစီအစဉ်က ပေးချေသော ငွေကြေး မဟုတ်ပါ။",
    "Shares must be positive.": "ဝေစုများသည် သုညထက် များရပါမည်။",
    # --- Funds received
    "Only finance may record or reverse funds received.": (
        "ငွေစာရင်းတာဝန်ရှိသူများသာ လက်ခံရရှိသော ရန်ပုံငွေကို မှတ်တမ်းတင်ခြင်း သို့မဟုတ် ပြန်ပယ်ဖျက်ခြင်း ပြုနိုင်ပါသည်။"
    ),
    "Say why, in a few words.": "အကြောင်းရင်းကို စကားလုံး အနည်းငယ်ဖြင့် ဖော်ပြပါ။",
    "A memo is at most %(count)s characters.": "မှတ်စုသည် စာလုံး %(count)s လုံးထက် မပိုရပါ။",
    "%(currency)s is not a currency the programme holds.": "%(currency)s သည် အစီအစဉ်က ကိုင်ထားသော ငွေကြေး မဟုတ်ပါ။",
    "An amount is a whole number of minor units.": "ပမာဏသည် အသေးဆုံး ငွေယူနစ်၏ ကိန်းပြည့် ဖြစ်ရပါမည်။",
    "An amount received must be more than nothing, and not absurdly large.": (
        "လက်ခံရရှိသော ပမာဏသည် သုညထက် များရမည်ဖြစ်ပြီး မဖြစ်နိုင်လောက်အောင် ကြီးမားခြင်း မရှိရပါ။"
    ),
    "Only funds received can be reversed here.": "ဤနေရာတွင် လက်ခံရရှိသော ရန်ပုံငွေကိုသာ ပြန်ပယ်ဖျက်နိုင်ပါသည်။",
    "Journal %(number)s has already been reversed.": "ဂျာနယ် %(number)s ကို ပြန်ပယ်ဖျက်ပြီး ဖြစ်ပါသည်။",
    "Reversing this would leave less than nothing in %(currency)s: %(held)s is held and %(amount)s would go.": (
        "ဤအရာကို ပြန်ပယ်ဖျက်လျှင် %(currency)s တွင် သုညအောက် ရောက်သွားပါမည်- %(held)s ကိုင်ထားပြီး %(amount)s ထွက်သွားပါမည်။"
    ),
    # --- Reward schedules
    "Only a member of the reward committee may change the reward schedule.": (
        "ဆုငွေကော်မတီဝင်သာ ဆုငွေဇယားကို ပြောင်းလဲနိုင်ပါသည်။"
    ),
    "Only the member who proposed this schedule may revise it.": (
        "ဤဆုငွေဇယားကို အဆိုပြုခဲ့သော ကော်မတီဝင်သာ ပြင်ဆင်နိုင်ပါသည်။"
    ),
    "Only the member who proposed it may revise it.": "၎င်းကို အဆိုပြုခဲ့သော ကော်မတီဝင်သာ ပြင်ဆင်နိုင်ပါသည်။",
    "A published schedule is never changed.": "ထုတ်ပြန်ပြီးသော ဆုငွေဇယားကို ဘယ်တော့မှ မပြောင်းလဲပါ။",
    "A published schedule is never changed: propose a new version instead.": (
        "ထုတ်ပြန်ပြီးသော ဆုငွေဇယားကို ဘယ်တော့မှ မပြောင်းလဲပါ- ယင်းအစား မူအသစ်တစ်ခု အဆိုပြုပါ။"
    ),
    "Another proposal already takes effect on %(day)s: revise that one, or choose another day.": (
        "အခြားအဆိုပြုချက်တစ်ခုသည် %(day)s တွင် အသက်ဝင်မည် ဖြစ်ပြီးသားဖြစ်သည်- ၎င်းကို ပြင်ဆင်ပါ သို့မဟုတ် အခြားနေ့တစ်နေ့ ရွေးပါ။"
    ),
    "A schedule needs a title of at most 120 characters.": ("ဆုငွေဇယားတွင် စာလုံး ၁၂၀ ထက် မပိုသော ခေါင်းစဉ်တစ်ခု ရှိရပါမည်။"),
    "A schedule cannot take effect in the past (%(day)s): acts already done keep the schedule that was in force then.": (
        "ဆုငွေဇယားသည် အတိတ်ကာလ (%(day)s) မှ အသက်ဝင်၍ မရပါ- ပြီးခဲ့သော လုပ်ရပ်များသည် ထိုစဉ်က အသက်ဝင်ခဲ့သော ဆုငွေဇယားအတိုင်း ဆက်ရှိပါသည်။"
    ),
    "A new schedule must take effect after %(day)s, the day the latest published one took effect.": (
        "ဆုငွေဇယားအသစ်သည် နောက်ဆုံးထုတ်ပြန်ထားသော ဇယား အသက်ဝင်ခဲ့သည့်နေ့ %(day)s ပြီးနောက်မှ အသက်ဝင်ရပါမည်။"
    ),
    "A schedule is announced on or before the day it takes effect.": (
        "ဆုငွေဇယားကို ၎င်းအသက်ဝင်သည့်နေ့ သို့မဟုတ် ထိုနေ့မတိုင်မီ ကြေညာရပါသည်။"
    ),
    "A schedule has at most %(count)s entries.": "ဆုငွေဇယားတွင် ဇယားအမှတ် %(count)s ခုထက် မပိုရပါ။",
    "“%(code)s”: a code is letters, digits, hyphens and underscores only.": (
        "“%(code)s”- ကုဒ်တွင် စာလုံး၊ ဂဏန်း၊ တုံးတို (-) နှင့် အောက်မျဉ်း (_) တို့သာ ပါရပါမည်။"
    ),
    "“%(code)s”: a code has at most %(count)s characters.": "“%(code)s”- ကုဒ်သည် စာလုံး %(count)s လုံးထက် မပိုရပါ။",
    "“%(code)s” needs a title in English.": "“%(code)s” တွင် အင်္ဂလိပ်ဘာသာဖြင့် ခေါင်းစဉ် ရှိရပါမည်။",
    "“%(code)s” needs a title in Burmese.": "“%(code)s” တွင် မြန်မာဘာသာဖြင့် ခေါင်းစဉ် ရှိရပါမည်။",
    "“%(code)s”: the English title has more than %(count)s characters.": (
        "“%(code)s”- အင်္ဂလိပ်ခေါင်းစဉ်သည် စာလုံး %(count)s လုံးထက် ပိုနေပါသည်။"
    ),
    "“%(code)s”: the Burmese title has more than %(count)s characters.": (
        "“%(code)s”- မြန်မာခေါင်းစဉ်သည် စာလုံး %(count)s လုံးထက် ပိုနေပါသည်။"
    ),
    "“%(code)s” is valued by committee, so it states no amount.": (
        "“%(code)s” ကို ကော်မတီက တန်ဖိုးဖြတ်မည်ဖြစ်၍ ပမာဏ မဖော်ပြရပါ။"
    ),
    "“%(code)s” needs an amount in US dollars above zero, or “valued by committee”.": (
        "“%(code)s” တွင် သုညထက်များသော အမေရိကန်ဒေါ်လာ ပမာဏ သို့မဟုတ် “ကော်မတီက တန်ဖိုးဖြတ်မည်” ရှိရပါမည်။"
    ),
    "“%(code)s”: US$%(amount)s is not an amount in dollars and cents under 10 billion.": (
        "“%(code)s”- US$%(amount)s သည် ဒေါ်လာ ၁၀ ဘီလီယံအောက် ဒေါ်လာနှင့် ဆင့် ပမာဏ မဟုတ်ပါ။"
    ),
    "“%(code)s”: an amount in kyat is a whole number above zero.": (
        "“%(code)s”- ကျပ်ငွေ ပမာဏသည် သုညထက်များသော ကိန်းပြည့် ဖြစ်ရပါမည်။"
    ),
    "The code “%(code)s” is used twice; each entry needs its own.": (
        "ကုဒ် “%(code)s” ကို နှစ်ကြိမ် သုံးထားသည်- ဇယားအမှတ်တိုင်းတွင် ကိုယ်ပိုင်ကုဒ် ရှိရပါမည်။"
    ),
    "Something already refers to this proposal's entries; propose anew.": (
        "ဤအဆိုပြုချက်၏ ဇယားအမှတ်များကို တစ်စုံတစ်ရာက ကိုးကားထားပြီး ဖြစ်သည်- အသစ် ပြန်လည်အဆိုပြုပါ။"
    ),
    "This proposal was to take effect on %(day)s, which has passed: publishing it now would be retroactive. Its proposer may revise the date.": (
        "ဤအဆိုပြုချက်သည် %(day)s တွင် အသက်ဝင်ရန် ဖြစ်ခဲ့ပြီး ထိုနေ့ ကျော်လွန်သွားပြီ- ယခု ထုတ်ပြန်လျှင် နောက်ကြောင်းပြန် သက်ရောက်ပါမည်။ အဆိုပြုသူက နေ့စွဲကို ပြင်ဆင်နိုင်ပါသည်။"
    ),
    "“%(title)s”, taking effect on %(day)s, was published meanwhile; this proposal would now come before it. Its proposer may revise the date.": (
        "%(day)s တွင် အသက်ဝင်မည့် “%(title)s” ကို ဤအတောအတွင်း ထုတ်ပြန်ခဲ့ပြီ- ဤအဆိုပြုချက်သည် ယခု ၎င်းမတိုင်မီ ဖြစ်သွားပါမည်။ အဆိုပြုသူက နေ့စွဲကို ပြင်ဆင်နိုင်ပါသည်။"
    ),
    # --- Stipend rates and stipends
    "A stipend rate starts on the first day of a month.": "ထောက်ပံ့ငွေ နှုန်းထားသည် လ၏ ပထမနေ့တွင် စတင်ရပါမည်။",
    "A new rate starts with a coming month: the stipends of %(month)s are proposed at the rate in force when the month began.": (
        "နှုန်းထားအသစ်သည် လာမည့်လတစ်လမှ စတင်ရပါမည်- %(month)s ၏ ထောက်ပံ့ငွေများကို ထိုလ စတင်ချိန်က အသက်ဝင်ခဲ့သော နှုန်းထားဖြင့် အဆိုပြုပါသည်။"
    ),
    "A rate for %(month)s is already published.": "%(month)s အတွက် နှုန်းထားကို ထုတ်ပြန်ပြီး ဖြစ်ပါသည်။",
    "A proposal for %(month)s is already waiting for a decision.": (
        "%(month)s အတွက် အဆိုပြုချက်တစ်ခုသည် ဆုံးဖြတ်ချက်ကို စောင့်နေပြီး ဖြစ်ပါသည်။"
    ),
    "The base must be more than nothing; the amount per dependant may be nothing.": (
        "အခြေခံငွေသည် သုညထက် များရပါမည်- မှီခိုသူတစ်ဦးချင်းအတွက် ပမာဏမှာ သုည ဖြစ်နိုင်ပါသည်။"
    ),
    "Only the member who proposed this rate may withdraw it.": ("ဤနှုန်းထားကို အဆိုပြုခဲ့သော ကော်မတီဝင်သာ ရုပ်သိမ်းနိုင်ပါသည်။"),
    "Only a proposal waiting for a decision can be withdrawn.": (
        "ဆုံးဖြတ်ချက်ကို စောင့်နေသော အဆိုပြုချက်ကိုသာ ရုပ်သိမ်းနိုင်ပါသည်။"
    ),
    "This rate is already published.": "ဤနှုန်းထားကို ထုတ်ပြန်ပြီး ဖြစ်ပါသည်။",
    "%(month)s has begun: publishing this rate now would change a month already under way. Refuse it, and propose a rate for a coming month.": (
        "%(month)s စတင်နေပြီ- ဤနှုန်းထားကို ယခု ထုတ်ပြန်လျှင် စတင်နေပြီးသော လကို ပြောင်းလဲသွားပါမည်။ ၎င်းကို ငြင်းပယ်ပြီး လာမည့်လအတွက် နှုန်းထား အဆိုပြုပါ။"
    ),
    "Only the reward committee may propose or decide stipends.": (
        "ဆုငွေကော်မတီသာ ထောက်ပံ့ငွေများကို အဆိုပြုခြင်း သို့မဟုတ် ဆုံးဖြတ်ခြင်း ပြုနိုင်ပါသည်။"
    ),
    "This stipend is already %(status)s; only a proposed one can be decided.": (
        "ဤထောက်ပံ့ငွေသည် %(status)s ဖြစ်ပြီးသားဖြစ်သည်- အဆိုပြုထားဆဲ ထောက်ပံ့ငွေကိုသာ ဆုံးဖြတ်နိုင်ပါသည်။"
    ),
    "The case is now %(status)s, no longer supported: refuse this stipend instead.": (
        "ကိစ္စသည် ယခု %(status)s ဖြစ်နေ၍ ထောက်ပံ့မှု မရတော့ပါ- ယင်းအစား ဤထောက်ပံ့ငွေကို ငြင်းပယ်ပါ။"
    ),
}
