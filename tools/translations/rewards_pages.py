"""Burmese for the rewards staff pages: claims, the claims queue, schedules, stipend rates, finance, donations
and their reversal (see tools/my_translations.py). Messages already in another table are left out here.

Terms as in casework.py: case ကိစ္စ, claim ဆုငွေတောင်းခံမှု, tranche အရစ်, committee ကော်မတီ, handler
ကိုင်တွယ်သူ, finance ငွေစာရင်း, stipend ထောက်ပံ့ငွေ, dependant မှီခိုသူ, schedule ဆုငွေဇယား, rate နှုန်းထား,
propose အဆိုပြု, publish ထုတ်ပြန်, withdraw ရုပ်သိမ်း, reverse ပြန်ပယ်ဖျက်, journal ဂျာနယ်, sealed
လျှို့ဝှက်သိမ်းထား, key သော့, finance file ငွေစာရင်းဖိုင်, evidence အထောက်အထား.
"""

# Keys are the msgids exactly as makemessages extracts them; a long sentence stays one long key.
# ruff: noqa: E501

MY = {
    "%(title)s (schedule of %(day)s)": "%(title)s (%(day)s ဆုငွေဇယား)",
    "%(base)s a month plus %(each)s per dependant": "တစ်လလျှင် %(base)s နှင့် မှီခိုသူတစ်ဦးလျှင် %(each)s",
    # --- One claim
    "Claim %(reference)s": "ဆုငွေတောင်းခံမှု %(reference)s",
    "Reward claim %(reference)s": "ဆုငွေတောင်းခံမှု %(reference)s",
    "case %(reference)s": "ကိစ္စ %(reference)s",
    "opened %(on)s by %(who)s": "%(on)s တွင် %(who)s က ဖွင့်ခဲ့သည်",
    "submitted %(on)s": "%(on)s တွင် တင်သွင်းခဲ့သည်",
    "verified %(on)s by %(who)s": "%(on)s တွင် %(who)s က စစ်ဆေးခဲ့သည်",
    "valued %(on)s by %(who)s": "%(on)s တွင် %(who)s က တန်ဖိုးဖြတ်ခဲ့သည်",
    "You hold no key to this case's finance file: what the claim says is %(sealed)s.": (
        "ဤကိစ္စ၏ ငွေစာရင်းဖိုင် သော့ သင့်တွင် မရှိပါ- ဆုငွေတောင်းခံမှုတွင် ပါသည့်အရာမှာ %(sealed)s။"
    ),
    "Entitled to this case's finance file but holding no key to it yet (they joined after it was sealed):": (
        "ဤကိစ္စ၏ ငွေစာရင်းဖိုင်ကို ကြည့်ခွင့်ရှိသော်လည်း သော့ မရသေးသူများ (ဖိုင်ကို လျှို့ဝှက်သိမ်းပြီးမှ ဝင်လာသူများ)-"
    ),
    "Share the file with them": "ဖိုင်ကို ၎င်းတို့နှင့် မျှဝေရန်",
    "Closing note:": "ပိတ်သိမ်းမှတ်စု-",
    "Items": "အကြောင်းအရာများ",
    "Entry": "ဇယားအမှတ်",
    "Act": "လုပ်ရပ်",
    "Qty": "အရေအတွက်",
    "Asset": "ပစ္စည်း",
    "Shares": "ခွဲဝေမှု",
    "Value": "တန်ဖိုး",
    "Evidence:": "အထောက်အထား-",
    "Photo %(number)s": "ဓာတ်ပုံ %(number)s",
    "not valued": "တန်ဖိုး မဖြတ်ရသေး",
    "No items yet.": "အကြောင်းအရာ မရှိသေးပါ။",
    "Total value: %(total)s": "စုစုပေါင်း တန်ဖိုး- %(total)s",
    "Add an item": "အကြောင်းအရာ ထည့်ရန်",
    "Add item": "ထည့်ရန်",
    "Submit the claim": "ဆုငွေတောင်းခံမှုကို တင်သွင်းရန်",
    "Verify": "စစ်ဆေးရန်",
    "Record verification": "စစ်ဆေးချက် မှတ်တမ်းတင်ရန်",
    "Value and plan tranches": "တန်ဖိုးဖြတ်ပြီး အရစ်များ စီစဉ်ရန်",
    "Record the valuation": "တန်ဖိုးဖြတ်ချက် မှတ်တမ်းတင်ရန်",
    "Tranches": "အရစ်များ",
    "Tranche %(position)s": "အရစ် %(position)s",
    "asked by %(who)s": "%(who)s က တောင်းဆိုခဲ့သည်",
    "paid": "ပေးချေပြီး",
    "unpaid": "မပေးချေရသေး",
    "Approve (first of two)": "အတည်ပြုရန် (နှစ်ဦးတွင် ပထမ)",
    "Approve (second)": "အတည်ပြုရန် (ဒုတိယ)",
    "Payments": "ပေးချေမှုများ",
    "Tranche": "အရစ်",
    "Owed": "ပေးရန်",
    "Rate": "နှုန်း",
    "Channel": "လမ်းကြောင်း",
    "By": "ပြုလုပ်သူ",
    "(reversed)": "(ပြန်ပယ်ဖျက်ပြီး)",
    "Reverse": "ပြန်ပယ်ဖျက်ရန်",
    "Withdraw": "ရုပ်သိမ်းရန်",
    "Withdraw the claim": "ဆုငွေတောင်းခံမှုကို ရုပ်သိမ်းရန်",
    "All claims waiting for you": "သင့်ကို စောင့်နေသော ဆုငွေတောင်းခံမှုအားလုံး",
    # --- A case's claims
    "Reward claims for case %(reference)s": "ကိစ္စ %(reference)s အတွက် ဆုငွေတောင်းခံမှုများ",
    "Reward claims for case": "ဆုငွေတောင်းခံမှုများ — ကိစ္စ",
    "A reward is claimed after arrival, by the case's handler.": (
        "ဆုငွေကို ရောက်ရှိပြီးနောက် ကိစ္စ၏ ကိုင်တွယ်သူက တောင်းခံပါသည်။"
    ),
    "Claim": "ဆုငွေတောင်းခံမှု",
    "Opened": "ဖွင့်သည့်နေ့",
    "No claims yet.": "ဆုငွေတောင်းခံမှု မရှိသေးပါ။",
    "Open a claim": "ဆုငွေတောင်းခံမှု ဖွင့်ရန်",
    # --- The claims queue
    "Only what you may still do: no one takes two parts in one claim.": (
        "သင် ဆက်လုပ်ခွင့်ရှိသည်များသာ- တောင်းခံမှုတစ်ခုတွင် မည်သူမျှ အခန်းကဏ္ဍ နှစ်ခု မယူရ။"
    ),
    "Your cases' open claims": "သင့်ကိစ္စများ၏ ဖွင့်ထားသော ဆုငွေတောင်းခံမှုများ",
    "To verify": "စစ်ဆေးရန်",
    "To value": "တန်ဖိုးဖြတ်ရန်",
    "Tranches waiting for a first approval": "ပထမ အတည်ပြုချက် စောင့်နေသော အရစ်များ",
    "tranche %(position)s": "အရစ် %(position)s",
    "Tranches waiting for a second approval": "ဒုတိယ အတည်ပြုချက် စောင့်နေသော အရစ်များ",
    "Approved tranches to pay": "ပေးချေရန် အတည်ပြုပြီး အရစ်များ",
    # --- Finance and donations
    "Reverse funds received": "လက်ခံရရှိသော ရန်ပုံငွေကို ပြန်ပယ်ဖျက်ရန်",
    "Reverse journal %(number)s": "ဂျာနယ် %(number)s ကို ပြန်ပယ်ဖျက်ရန်",
    "Funds received on %(on)s. A reversal posts the same lines with their signs turned; it is refused if the funds held would go below nothing.": (
        "%(on)s တွင် လက်ခံရရှိသော ရန်ပုံငွေ။ ပြန်ပယ်ဖျက်ခြင်းသည် စာကြောင်းများကို အပေါင်းအနုတ် ပြောင်းပြန်ဖြင့် "
        "ထပ်မံ စာရင်းသွင်းပါသည်- ကိုင်ထားသော ရန်ပုံငွေ သုညအောက် ရောက်မည်ဆိုလျှင် ငြင်းပယ်ပါသည်။"
    ),
    "Download the ledger (CSV)": "စာရင်းဇယား ဒေါင်းလုဒ်လုပ်ရန် (CSV)",
    "(case references only, no names, no memos; the download is logged)": (
        "(ကိစ္စ ရည်ညွှန်းနံပါတ်များသာ၊ အမည်မပါ၊ မှတ်စုမပါ- ဒေါင်းလုဒ်ကို မှတ်တမ်းတင်ပါသည်)"
    ),
    "Funds": "ရန်ပုံငွေ",
    "Available: funds held. Committed: approved and not yet paid. Paid: what payments cleared, in the currency owed. Received: donations, net of reversals.": (
        "ရရှိနိုင်- ကိုင်ထားသော ရန်ပုံငွေ။ ပေးရန်ကတိ- အတည်ပြုပြီး မပေးချေရသေး။ ပေးချေပြီး- ပေးရန်ငွေကြေးဖြင့် "
        "ပြီးစီးသော ပေးချေမှုများ။ လက်ခံရရှိ- ပြန်ပယ်ဖျက်မှုများ နုတ်ပြီး အလှူငွေများ။"
    ),
    "Available": "ရရှိနိုင်",
    "Committed": "ပေးရန်ကတိ",
    "The ledger is empty.": "စာရင်းဇယား ဗလာ ဖြစ်နေပါသည်။",
    "By schedule entry": "ဆုငွေဇယား အမှတ်အလိုက်",
    "Approved = committed + paid. Each claim item stays under the entry in force on the day of the act.": (
        "အတည်ပြုပြီး = ပေးရန်ကတိ + ပေးချေပြီး။ တောင်းခံမှု အကြောင်းအရာတိုင်းသည် လုပ်ရပ်ဖြစ်သည့်နေ့တွင် "
        "အသက်ဝင်နေသော ဇယားအမှတ်အောက်တွင် ရှိနေပါသည်။"
    ),
    "Nothing approved yet.": "အတည်ပြုထားသည် မရှိသေးပါ။",
    "By month": "လအလိုက်",
    "What moved in each month it was posted (a reversal counts in its own month). Funds held: the net change.": (
        "စာရင်းသွင်းသည့် လတိုင်းတွင် ပြောင်းလဲသည့်အရာ (ပြန်ပယ်ဖျက်မှုကို ၎င်း၏ လတွင် ရေတွက်သည်)။ ကိုင်ထားသော ရန်ပုံငွေ- အသားတင် ပြောင်းလဲမှု။"
    ),
    "Nothing posted yet.": "စာရင်းသွင်းထားသည် မရှိသေးပါ။",
    "Journal": "ဂျာနယ်",
    "Posted": "စာရင်းသွင်းသည့်နေ့",
    "reversed": "ပြန်ပယ်ဖျက်ပြီး",
    "No funds received yet.": "လက်ခံရရှိသော ရန်ပုံငွေ မရှိသေးပါ။",
    "Recorded as journal %(number)s.": "ဂျာနယ် %(number)s အဖြစ် မှတ်တမ်းတင်ပြီးပါပြီ။",
    "Journal %(number)s reversed by journal %(reversal)s.": (
        "ဂျာနယ် %(number)s ကို ဂျာနယ် %(reversal)s ဖြင့် ပြန်ပယ်ဖျက်ပြီးပါပြီ။"
    ),
    # --- Reward schedules
    "Every version, newest first. A claim is paid under the version in force on the day of the act; a published version is never changed. A new one is proposed by one committee member and published by another.": (
        "မူကွဲအားလုံး၊ အသစ်ဆုံး အရင်။ ဆုငွေတောင်းခံမှုကို လုပ်ရပ်ဖြစ်သည့်နေ့တွင် အသက်ဝင်နေသော မူကွဲအတိုင်း "
        "ပေးချေပါသည်- ထုတ်ပြန်ပြီး မူကွဲကို ဘယ်တော့မှ မပြောင်းရ။ မူကွဲအသစ်ကို ကော်မတီဝင်တစ်ဦးက အဆိုပြုပြီး "
        "အခြားတစ်ဦးက ထုတ်ပြန်ပါသည်။"
    ),
    "Propose a new version": "မူကွဲအသစ် အဆိုပြုရန်",
    "in force": "အသက်ဝင်နေသည်",
    "pending": "ဆိုင်းငံ့ထားသည်",
    "takes effect %(on)s": "%(on)s မှ အသက်ဝင်မည်",
    "announced %(on)s": "%(on)s တွင် ကြေညာခဲ့သည်",
    "proposed by %(who)s": "%(who)s က အဆိုပြုခဲ့သည်",
    "decided by %(who)s": "%(who)s က ဆုံးဖြတ်ခဲ့သည်",
    "Revise this proposal": "ဤအဆိုပြုချက်ကို ပြင်ဆင်ရန်",
    "(another committee member decides on it)": "(အခြား ကော်မတီဝင်တစ်ဦးက ဆုံးဖြတ်ပါမည်)",
    "No schedule yet.": "ဆုငွေဇယား မရှိသေးပါ။",
    "Revise a reward schedule": "ဆုငွေဇယား ပြင်ဆင်ရန်",
    "Propose a reward schedule": "ဆုငွေဇယား အဆိုပြုရန်",
    "Revise the proposal “%(title)s”": "“%(title)s” အဆိုပြုချက်ကို ပြင်ဆင်ရန်",
    "Propose a new reward schedule": "ဆုငွေဇယား အသစ် အဆိုပြုရန်",
    "Your proposal, not yet published. Saving asks again: another committee member decides on what it then says.": (
        "သင့်အဆိုပြုချက်၊ မထုတ်ပြန်ရသေးပါ။ သိမ်းလျှင် ထပ်မံ တောင်းဆိုပါသည်- ပြင်ပြီးသည့်အတိုင်း အခြား ကော်မတီဝင်တစ်ဦးက ဆုံးဖြတ်ပါမည်။"
    ),
    "Starts from the version in force. Change what is new, clear a row to drop it, add rows below. Another committee member must publish it.": (
        "အသက်ဝင်နေသော မူကွဲမှ စတင်ပါသည်။ အသစ်ဖြစ်သည်ကို ပြင်ပါ၊ ဖယ်လိုသော အတန်းကို ရှင်းပါ၊ "
        "အောက်တွင် အတန်းများ ထည့်ပါ။ အခြား ကော်မတီဝင်တစ်ဦးက ထုတ်ပြန်ရပါမည်။"
    ),
    "Code": "ကုဒ်",
    "English": "အင်္ဂလိပ်",
    "Burmese": "မြန်မာ",
    "Kyat": "ကျပ်",
    "Each": "တစ်ခုလျှင်",
    "Valued by committee": "ကော်မတီက တန်ဖိုးဖြတ်မည်",
    "Save and ask again": "သိမ်းပြီး ထပ်မံ တောင်းဆိုရန်",
    "Propose": "အဆိုပြုရန်",
    "Back to the schedules": "ဆုငွေဇယားများသို့ ပြန်သွားရန်",
    "Not done": "မပြီးမြောက်ပါ",
    "Title": "ခေါင်းစဉ်",
    "As announced, e.g. “Reward schedule of …”.": "ကြေညာသည့်အတိုင်း၊ ဥပမာ “၂၀၂၂ ဧပြီ ၇ ရက်နေ့ ဆုငွေဇယား”။",
    "Takes effect on": "အသက်ဝင်မည့်နေ့",
    "Today or later, after the latest published version. Acts done before keep the old one.": (
        "ယနေ့ သို့မဟုတ် နောက်ပိုင်း၊ နောက်ဆုံး ထုတ်ပြန်ထားသော မူကွဲထက် နောက်ကျရမည်။ ယခင်က ဖြစ်ခဲ့သော လုပ်ရပ်များသည် မူကွဲဟောင်းအတိုင်း ဆက်ရှိပါမည်။"
    ),
    "Announced on": "ကြေညာသည့်နေ့",
    "On or before that day.": "ထိုနေ့ သို့မဟုတ် ထိုနေ့မတိုင်မီ။",
    "A schedule needs at least one entry.": "ဆုငွေဇယားတွင် အမှတ် အနည်းဆုံး တစ်ခု ရှိရပါမည်။",
    "Each entry needs its own code; used twice: %(codes)s.": (
        "အမှတ်တိုင်းတွင် ကိုယ်ပိုင်ကုဒ် ရှိရပါမည်- နှစ်ကြိမ် သုံးထားသည်- %(codes)s။"
    ),
    "In force today": "ယနေ့ အသက်ဝင်နေသည်",
    "Published, takes effect later": "ထုတ်ပြန်ပြီး၊ နောက်မှ အသက်ဝင်မည်",
    "Superseded": "အစားထိုးခံရပြီး",
    "Proposed, waiting for a second committee member": "အဆိုပြုထားသည်၊ ဒုတိယ ကော်မတီဝင်ကို စောင့်နေသည်",
    "Proposed, refused": "အဆိုပြုထားသည်၊ ငြင်းပယ်ခံရပြီး",
    "Proposed, withdrawn": "အဆိုပြုထားသည်၊ ရုပ်သိမ်းပြီး",
    "Approve and publish": "အတည်ပြုပြီး ထုတ်ပြန်ရန်",
    "“%(title)s” now waits for a second committee member to publish it.": (
        "“%(title)s” ကို ထုတ်ပြန်ရန် ဒုတိယ ကော်မတီဝင်ကို ယခု စောင့်နေပါသည်။"
    ),
    "“%(title)s” is published.": "“%(title)s” ကို ထုတ်ပြန်ပြီးပါပြီ။",
    "The proposal is refused.": "အဆိုပြုချက်ကို ငြင်းပယ်ပြီးပါပြီ။",
    # --- Stipend rates and paying a stipend
    "A stipend is a base a month for each supported case plus an amount for each dependant recorded on it, at the rate in force on the first day of the month. One member of the reward committee proposes a rate from a coming month; another publishes it. A published rate is never changed: a correction is a newer rate.": (
        "ထောက်ပံ့ငွေသည် ထောက်ပံ့ခံ ကိစ္စတစ်ခုလျှင် လစဉ် အခြေခံငွေ နှင့် ကိစ္စတွင် မှတ်တမ်းတင်ထားသော "
        "မှီခိုသူတစ်ဦးလျှင် ပမာဏတစ်ခု ဖြစ်ပြီး လ၏ ပထမနေ့တွင် အသက်ဝင်နေသော နှုန်းထားအတိုင်း ဖြစ်ပါသည်။ "
        "ဆုငွေကော်မတီဝင်တစ်ဦးက လာမည့်လမှစ၍ နှုန်းထားကို အဆိုပြုပြီး အခြားတစ်ဦးက ထုတ်ပြန်ပါသည်။ "
        "ထုတ်ပြန်ပြီး နှုန်းထားကို ဘယ်တော့မှ မပြောင်းရ- ပြင်ဆင်ချက်သည် နှုန်းထားအသစ် ဖြစ်ပါသည်။"
    ),
    "Published": "ထုတ်ပြန်ပြီး",
    "From": "စတင်သည့်လ",
    "in force for %(month)s": "%(month)s အတွက် အသက်ဝင်နေသည်",
    "coming": "လာမည်",
    "No rate is published: no stipends are proposed.": ("ထုတ်ပြန်ထားသော နှုန်းထား မရှိပါ- ထောက်ပံ့ငွေ အဆိုပြုမည် မဟုတ်ပါ။"),
    "Waiting for a second committee member": "ဒုတိယ ကော်မတီဝင်ကို စောင့်နေသည်",
    "From %(month)s: %(text)s": "%(month)s မှစ၍- %(text)s",
    "(proposed by %(who)s)": "(%(who)s က အဆိုပြုခဲ့သည်)",
    "Another member of the committee decides this.": "ဤကိစ္စကို အခြား ကော်မတီဝင်တစ်ဦးက ဆုံးဖြတ်ပါမည်။",
    "Withdraw my proposal": "ကျွန်ုပ်၏ အဆိုပြုချက်ကို ရုပ်သိမ်းရန်",
    "Nothing is waiting.": "စောင့်နေသည် မရှိပါ။",
    "Propose a new rate": "နှုန်းထားအသစ် အဆိုပြုရန်",
    "From the month": "စတင်မည့်လ",
    "Year and month, e.g. 2027-01: a coming month, never one under way.": (
        "နှစ်နှင့် လ၊ ဥပမာ 2027-01- လာမည့်လ ဖြစ်ရမည်၊ လက်ရှိလ မဖြစ်ရ။"
    ),
    "Base a month": "လစဉ် အခြေခံငွေ",
    "For each supported case.": "ထောက်ပံ့ခံ ကိစ္စတစ်ခုစီအတွက်။",
    "Per dependant a month": "မှီခိုသူတစ်ဦးလျှင် လစဉ်",
    "For each dependant recorded on the case; 0 for none.": ("ကိစ္စတွင် မှတ်တမ်းတင်ထားသော မှီခိုသူတစ်ဦးစီအတွက်- မရှိလျှင် ၀။"),
    "Proposed from %(month)s: another committee member must publish it.": (
        "%(month)s မှစ၍ အဆိုပြုပြီးပါပြီ- အခြား ကော်မတီဝင်တစ်ဦးက ထုတ်ပြန်ရပါမည်။"
    ),
    "Choose to publish or to refuse the rate.": "နှုန်းထားကို ထုတ်ပြန်မည် သို့မဟုတ် ငြင်းပယ်မည်ကို ရွေးပါ။",
    "The rate from %(month)s is published.": "%(month)s မှစသော နှုန်းထားကို ထုတ်ပြန်ပြီးပါပြီ။",
    "The rate from %(month)s is refused.": "%(month)s မှစသော နှုန်းထားကို ငြင်းပယ်ပြီးပါပြီ။",
    "Your proposal from %(month)s is withdrawn.": "%(month)s မှစသော သင့်အဆိုပြုချက်ကို ရုပ်သိမ်းပြီးပါပြီ။",
    "Pay a stipend": "ထောက်ပံ့ငွေ ပေးချေရန်",
    "Pay the stipend for case %(reference)s": "ကိစ္စ %(reference)s အတွက် ထောက်ပံ့ငွေ ပေးချေရန်",
    ("%(counter)s dependant", "%(counter)s dependants"): "မှီခိုသူ %(counter)s ဦး",
    "The channel reference is an opaque reference, never a name or an account number.": (
        "ငွေလမ်းကြောင်း ရည်ညွှန်းချက်သည် အဓိပ္ပာယ်မပေါ်သော ရည်ညွှန်းချက် ဖြစ်ရမည်၊ အမည် သို့မဟုတ် ဘဏ်စာရင်းနံပါတ် လုံးဝ မဟုတ်ရ။"
    ),
    "It is sealed to the case's finance file.": "၎င်းကို ကိစ္စ၏ ငွေစာရင်းဖိုင်တွင် လျှို့ဝှက်သိမ်းထားပါသည်။",
    "Back to the stipends": "ထောက်ပံ့ငွေများသို့ ပြန်သွားရန်",
    "Stipend for case %(reference)s approved.": "ကိစ္စ %(reference)s အတွက် ထောက်ပံ့ငွေကို အတည်ပြုပြီးပါပြီ။",
    "Stipend for case %(reference)s refused.": "ကိစ္စ %(reference)s အတွက် ထောက်ပံ့ငွေကို ငြင်းပယ်ပြီးပါပြီ။",
    "Paid %(amount)s for case %(reference)s.": "ကိစ္စ %(reference)s အတွက် %(amount)s ပေးချေပြီးပါပြီ။",
    "Choose a month as year and month, e.g. 2024-05.": "လကို နှစ်နှင့် လဖြင့် ရွေးပါ၊ ဥပမာ 2024-05။",
    "No stipend rate is in force for %(month)s.": "%(month)s အတွက် အသက်ဝင်နေသော ထောက်ပံ့ငွေ နှုန်းထား မရှိပါ။",
    "%(count)s new stipend(s) proposed for %(month)s.": ("%(month)s အတွက် ထောက်ပံ့ငွေအသစ် %(count)s ခု အဆိုပြုပြီးပါပြီ။"),
    # --- Claim forms and messages
    "Schedule entry": "ဆုငွေဇယား အမှတ်",
    "Day of the act": "လုပ်ရပ်ဖြစ်သည့်နေ့",
    "Decides which published schedule applies.": "မည်သည့် ထုတ်ပြန်ထားသော ဆုငွေဇယား သက်ဆိုင်သည်ကို ဆုံးဖြတ်ပါသည်။",
    "How many": "အရေအတွက်",
    "Identified by": "ခွဲခြားသိရှိသည့် နံပါတ်အမျိုးအစား",
    "Number (tail, hull or serial)": "နံပါတ် (အမြီး၊ ကိုယ်ထည် သို့မဟုတ် စက်နံပါတ်)",
    "Sealed; the same asset is never paid twice.": ("လျှို့ဝှက်သိမ်းထားသည်- ပစ္စည်းတစ်ခုတည်းအတွက် နှစ်ကြိမ် ဘယ်တော့မှ မပေးချေပါ။"),
    "What it is": "၎င်းမှာ ဘာလဲ",
    "Evidence": "အထောက်အထား",
    "Evidence photos": "အထောက်အထား ဓာတ်ပုံများ",
    "JPEG, PNG or WebP, up to five; kept without their metadata (place, time, phone), sealed.": (
        "JPEG၊ PNG သို့မဟုတ် WebP၊ အများဆုံး ငါးပုံ- မက်တာဒေတာ (နေရာ၊ အချိန်၊ ဖုန်း) ဖယ်ပြီး လျှို့ဝှက်သိမ်းထားပါသည်။"
    ),
    "Leave empty if the whole is this case's. Otherwise one line per case: “REFERENCE percent”, e.g. “K7Q2M9X4 60”; they must add up to 100.": (
        "အားလုံး ဤကိစ္စ၏ ဖြစ်လျှင် ဗလာထားပါ။ မဟုတ်လျှင် ကိစ္စတစ်ခုလျှင် တစ်ကြောင်း- “REFERENCE ရာခိုင်နှုန်း”၊ "
        "ဥပမာ “K7Q2M9X4 60”- စုစုပေါင်း 100 ဖြစ်ရပါမည်။"
    ),
    "The evidence shows the claim is": "အထောက်အထားအရ ဤဆုငွေတောင်းခံမှုသည်",
    "Not genuine (rejects the claim)": "အစစ်မဟုတ် (တောင်းခံမှုကို ပယ်ချသည်)",
    "Note (sealed)": "မှတ်စု (လျှို့ဝှက်သိမ်းထား)",
    "Required when rejecting: the handler needs to know why.": (
        "ပယ်ချလျှင် မဖြစ်မနေ ရေးရမည်- ကိုင်တွယ်သူက အကြောင်းရင်းကို သိရန် လိုပါသည်။"
    ),
    "Why (sealed)": "အကြောင်းရင်း (လျှို့ဝှက်သိမ်းထား)",
    "Why it is reversed": "ပြန်ပယ်ဖျက်ရသည့် အကြောင်းရင်း",
    "The day of the act cannot be in the future.": "လုပ်ရပ်ဖြစ်သည့်နေ့သည် အနာဂတ်တွင် မဖြစ်ရပါ။",
    "At most %(count)d shares.": "ခွဲဝေမှု အများဆုံး %(count)d ခုသာ။",
    "“%(line)s”: write a case reference, a space and a percentage with at most two decimals.": (
        "“%(line)s”- ကိစ္စ ရည်ညွှန်းနံပါတ်၊ space တစ်ခု နှင့် ဒသမ အများဆုံး နှစ်နေရာပါ ရာခိုင်နှုန်းကို ရေးပါ။"
    ),
    "“%(line)s”: a share is more than 0%% and at most 100%%.": (
        "“%(line)s”- ခွဲဝေမှုသည် 0%% ထက် များပြီး အများဆုံး 100%% ဖြစ်ရပါမည်။"
    ),
    "Say what kind of number identifies the asset.": "ပစ္စည်းကို မည်သည့် နံပါတ်အမျိုးအစားဖြင့် သိရှိသည်ကို ဖော်ပြပါ။",
    "Say why the claim is not genuine.": "ဆုငွေတောင်းခံမှု အစစ်မဟုတ်သည့် အကြောင်းရင်းကို ဖော်ပြပါ။",
    "Published: %(amount)s": "ထုတ်ပြန်ထားသည်- %(amount)s",
    "Give both a condition and an amount, or neither.": "အခြေအနေ နှင့် ပမာဏ နှစ်ခုလုံး ထည့်ပါ၊ သို့မဟုတ် နှစ်ခုလုံး မထည့်ပါနှင့်။",
    "Plan at least one tranche.": "အရစ် အနည်းဆုံး တစ်ခု စီစဉ်ပါ။",
    "You hold no key to this case's finance file.": "ဤကိစ္စ၏ ငွေစာရင်းဖိုင် သော့ သင့်တွင် မရှိပါ။",
    "Approve or refuse.": "အတည်ပြုပါ သို့မဟုတ် ငြင်းပယ်ပါ။",
    # --- How a payment was made
    "Paid in": "ပေးချေသည့် ငွေကြေး",
    "Exchange rate": "ငွေလဲနှုန်း",
    "Units paid per unit owed: 1 when paid in the currency owed.": (
        "ပေးရန်ငွေ တစ်ယူနစ်လျှင် ပေးချေသော ယူနစ်- ပေးရန်ငွေကြေးဖြင့် ပေးလျှင် 1။"
    ),
    "Rate source": "နှုန်း ရင်းမြစ်",
    "Where the rate comes from (needed when paid in another currency).": (
        "နှုန်းကို မည်သည့်နေရာမှ ယူသည် (အခြားငွေကြေးဖြင့် ပေးလျှင် လိုအပ်သည်)။"
    ),
    "Channel reference (sealed)": "ငွေလမ်းကြောင်း ရည်ညွှန်းချက် (လျှို့ဝှက်သိမ်းထား)",
    "An opaque reference to how the money went (a transfer or hawala code) — never a name or an account number. It is sealed to the case's finance file.": (
        "ငွေ မည်သို့ သွားသည်ကို ညွှန်းသော အဓိပ္ပာယ်မပေါ်သည့် ရည်ညွှန်းချက် (ငွေလွှဲ သို့မဟုတ် ဟွာလာ ကုဒ်) — "
        "အမည် သို့မဟုတ် ဘဏ်စာရင်းနံပါတ် လုံးဝ မဟုတ်ရ။ ၎င်းကို ကိစ္စ၏ ငွေစာရင်းဖိုင်တွင် လျှို့ဝှက်သိမ်းထားပါသည်။"
    ),
    "Write the rate as a number, e.g. 2100 or 35.75.": "နှုန်းကို ဂဏန်းဖြင့် ရေးပါ၊ ဥပမာ 2100 သို့မဟုတ် 35.75။",
    "An exchange rate must be more than zero.": "ငွေလဲနှုန်းသည် သုညထက် များရပါမည်။",
    "At most twelve digits before the point and eight after it.": (
        "ဒသမအမှတ်ရှေ့တွင် ဂဏန်း အများဆုံး ဆယ့်နှစ်လုံး၊ နောက်တွင် ရှစ်လုံးသာ။"
    ),
    "Paid in %(currency)s, the currency owed, the rate is 1.": (
        "ပေးရန်ငွေကြေး %(currency)s ဖြင့် ပေးလျှင် နှုန်းသည် 1 ဖြစ်ပါသည်။"
    ),
    "Say where the exchange rate comes from.": "ငွေလဲနှုန်းကို မည်သည့်နေရာမှ ယူသည်ကို ဖော်ပြပါ။",
    "Share of case": "ခွဲဝေရသည့် ကိစ္စ",
}
