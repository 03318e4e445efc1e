"""Burmese for the figures: definitions of what is counted, the analysts' dashboards, their charts and tables
(see tools/my_translations.py).

Terms: case ကိစ္စ, enquiry စုံစမ်းစာ, vetting စိစစ်ခြင်း, passage ခရီးစဉ်, arrival ရောက်ရှိခြင်း,
registration မှတ်ပုံတင်ခြင်း, reward ဆုငွေ, stipend ထောက်ပံ့ငွေ, dependant မှီခိုသူ / မိသားစုဝင်,
definition အဓိပ္ပာယ်ဖွင့်ဆိုချက်, version ဗားရှင်း, week ရက်သတ္တပတ်, median အလယ်ကိန်း.
"""

MY = {
    # What each figure counts.
    "Enquiries": "စုံစမ်းစာများ",
    "Genuine enquiries": "စစ်မှန်သော စုံစမ်းစာများ",
    "Defections": "ကူးပြောင်းလာသူများ",
    "Registrations": "မှတ်ပုံတင်ခြင်းများ",
    "Rewards paid": "ပေးချေပြီးသော ဆုငွေများ",
    "Dependants received": "လက်ခံရရှိသော မိသားစုဝင်များ",
    (
        "Cases opened in the period, by any channel, leaving out enquiries now set aside as junk and those "
        "marked as repeats of another case."
    ): (
        "ကာလအတွင်း မည်သည့်လမ်းကြောင်းမှမဆို ဖွင့်ခဲ့သော ကိစ္စများ။ ယခု အမှိုက်စာအဖြစ် သီးခြားထားသော "
        "စုံစမ်းစာများနှင့် အခြားကိစ္စတစ်ခု၏ ထပ်နေမှုဟု မှတ်ထားသည်များ မပါဝင်ပါ။"
    ),
    (
        "Cases whose passage was approved in the period: two reviewers found the enquirer genuine and a "
        "handler of the team agreed."
    ): ("ကာလအတွင်း ခရီးစဉ်ကို အတည်ပြုခဲ့သော ကိစ္စများ - စိစစ်သူနှစ်ဦးက စုံစမ်းသူကို စစ်မှန်သည်ဟု တွေ့ရှိပြီး အဖွဲ့၏ ကိုင်တွယ်သူတစ်ဦးက သဘောတူခဲ့သည်။"),
    "Cases whose arrival was recorded in the period.": "ကာလအတွင်း ရောက်ရှိကြောင်း မှတ်တမ်းတင်ခဲ့သော ကိစ္စများ။",
    "Cases registered in the period, after screening on arrival and a second person's approval.": (
        "ရောက်ရှိချိန် စစ်ဆေးပြီး ဒုတိယလူတစ်ဦး၏ အတည်ပြုချက်ဖြင့် ကာလအတွင်း မှတ်ပုံတင်ခဲ့သော ကိစ္စများ။"
    ),
    "Cases paid a share of a reward in the period. Stipends and payments later reversed are not counted.": (
        "ကာလအတွင်း ဆုငွေ၏ အစိတ်အပိုင်းတစ်ခု ပေးချေခဲ့သော ကိစ္စများ။ ထောက်ပံ့ငွေများနှင့် နောက်မှ ပြန်ရုပ်သိမ်းခဲ့သော ငွေပေးချေမှုများကို မရေတွက်ပါ။"
    ),
    "Family members recorded with the cases whose arrival was recorded in the period.": (
        "ကာလအတွင်း ရောက်ရှိကြောင်း မှတ်တမ်းတင်ခဲ့သော ကိစ္စများနှင့်အတူ မှတ်တမ်းတင်ထားသော မိသားစုဝင်များ။"
    ),
    # The dashboards and their pages.
    "Figures asked to be computed afresh": "ကိန်းဂဏန်းများကို အသစ်ပြန်တွက်ရန် တောင်းဆိုခဲ့သည်",
    "Taken up for triage": "စိစစ်ခွဲခြားရန် ယူခဲ့သည်",
    "Waiting to move (dormant) first": "ဦးစွာ စောင့်ဆိုင်းနေသည် (ခေတ္တရပ်ထား)",
    "Released from the junk pile": "အမှိုက်စာပုံမှ ပြန်ထုတ်ခဲ့သည်",
    "Ended before triage": "စိစစ်ခွဲခြားခြင်းမတိုင်မီ ပြီးဆုံးသွားသည်",
    "Not yet looked at": "မကြည့်ရသေးပါ",
    "Referred for vetting": "စိစစ်ရန် လွှဲပေးခဲ့သည်",
    "Enquiries per week": "တစ်ပတ်လျှင် စုံစမ်းစာများ",
    "From enquiry to registration": "စုံစမ်းစာမှ မှတ်ပုံတင်ခြင်းအထိ",
    "Time in each stage": "အဆင့်တစ်ခုစီတွင် ကြာချိန်",
    "Vetting outcomes": "စိစစ်ခြင်း ရလဒ်များ",
    "Rewards committed and paid": "ကတိပြုပြီးနှင့် ပေးချေပြီး ဆုငွေများ",
    "Monthly stipends": "လစဉ် ထောက်ပံ့ငွေများ",
    "Week of %(day)s": "%(day)s ပါဝင်သော ရက်သတ္တပတ်",
    "Enquiries per week, by channel": "လမ်းကြောင်းအလိုက် တစ်ပတ်လျှင် စုံစမ်းစာများ",
    "Enquiries per week, by their first step": "ပထမအဆင့်အလိုက် တစ်ပတ်လျှင် စုံစမ်းစာများ",
    "From enquiry to registration, in the last 12 months": "ပြီးခဲ့သော ၁၂ လအတွင်း စုံစမ်းစာမှ မှတ်ပုံတင်ခြင်းအထိ",
    "Per 100 enquiries": "စုံစမ်းစာ ၁၀၀ လျှင်",
    (
        "Each stage counts the cases that reached it in the period, whenever they first wrote; vetting "
        "counts cases referred for vetting."
    ): (
        "အဆင့်တစ်ခုစီသည် ပထမဆုံး စာရေးခဲ့သည့်အချိန် မည်သို့ပင်ဖြစ်စေ ကာလအတွင်း ထိုအဆင့်သို့ ရောက်ခဲ့သော "
        "ကိစ္စများကို ရေတွက်သည်။ စိစစ်ခြင်းသည် စိစစ်ရန် လွှဲပေးခဲ့သော ကိစ္စများကို ရေတွက်သည်။"
    ),
    "Days in each stage, for cases that moved on in the last 12 months": (
        "ပြီးခဲ့သော ၁၂ လအတွင်း ရှေ့ဆက်သွားခဲ့သော ကိစ္စများအတွက် အဆင့်တစ်ခုစီတွင် ရက်အရေအတွက်"
    ),
    "Cases that moved on": "ရှေ့ဆက်သွားခဲ့သော ကိစ္စများ",
    "Median days": "အလယ်ကိန်း ရက်",
    "Nine in ten within (days)": "ဆယ်ခုတွင် ကိုးခု ပြီးသည့်ရက် (ရက်)",
    "In this stage now": "ယခု ဤအဆင့်တွင်",
    (
        "The chart shows the median and the day by which nine in ten had moved on; a stage counts from the "
        "step into it."
    ): ("ဇယားပုံသည် အလယ်ကိန်းနှင့် ဆယ်ခုတွင် ကိုးခု ရှေ့ဆက်သွားပြီးသည့်ရက်ကို ပြသည်။ အဆင့်တစ်ခုကို ထိုအဆင့်သို့ ဝင်သည့်အချိန်မှ စတင်ရေတွက်သည်။"),
    "How vetting ended, per month": "လအလိုက် စိစစ်ခြင်း ပြီးဆုံးပုံ",
    "Passage approved is the genuine enquiries figure; the other columns are the other ways out.": (
        "ခရီးစဉ် အတည်ပြုပြီးသည်မှာ စစ်မှန်သော စုံစမ်းစာများ ကိန်းဂဏန်းဖြစ်သည်။ အခြားကော်လံများမှာ အခြားထွက်ပေါက်များ ဖြစ်သည်။"
    ),
    "Rewards committed per month (tranches approved by two committee members), in US dollars": (
        "လအလိုက် ကတိပြုပြီး ဆုငွေများ (ကော်မတီဝင် နှစ်ဦး အတည်ပြုထားသော အရစ်များ)၊ အမေရိကန်ဒေါ်လာဖြင့်"
    ),
    "Committed means approved to be paid, whether or not it has been paid yet.": (
        "ကတိပြုပြီးဆိုသည်မှာ ပေးချေပြီးသည်ဖြစ်စေ မပေးချေရသေးသည်ဖြစ်စေ ပေးချေရန် အတည်ပြုထားခြင်း ဖြစ်သည်။"
    ),
    "Rewards paid per month, by the currency handed over": "ပေးအပ်သော ငွေကြေးအလိုက် လစဉ် ပေးချေပြီး ဆုငွေများ",
    "Monthly stipends, by month and currency": "လနှင့် ငွေကြေးအလိုက် လစဉ် ထောက်ပံ့ငွေများ",
    "Dependants supported": "ထောက်ပံ့ခံ မိသားစုဝင်များ",
    "Proposed, approved and paid stipends; refused ones are left out.": (
        "အဆိုပြုထားသော၊ အတည်ပြုပြီးသော နှင့် ပေးချေပြီးသော ထောက်ပံ့ငွေများ။ ငြင်းပယ်ထားသည်များ မပါဝင်ပါ။"
    ),
    "Computed %(when)s.": "%(when)s တွင် တွက်ချက်ခဲ့သည်။",
    "These figures have not been computed yet.": "ဤကိန်းဂဏန်းများကို မတွက်ချက်ရသေးပါ။",
    "Compute the figures afresh": "ကိန်းဂဏန်းများကို အသစ်ပြန်တွက်ရန်",
    "Counted as “%(name)s”, version %(version)s:": "“%(name)s” အဖြစ် ရေတွက်သည်၊ ဗားရှင်း %(version)s -",
    ("%(shown)s case paid in these months.", "%(shown)s cases paid in these months."): (
        "ဤလများအတွင်း ကိစ္စ %(shown)s ခုကို ပေးချေခဲ့သည်။"
    ),
    "Download this table (CSV)": "ဤဇယားကို ဒေါင်းလုဒ်လုပ်ရန် (CSV)",
    (
        "Counts and trends for the whole programme. No case, name or message appears here: only numbers, "
        "computed from the cases' stages and dates."
    ): (
        "အစီအစဉ်တစ်ခုလုံးအတွက် အရေအတွက်များနှင့် လမ်းကြောင်းများ။ ဤနေရာတွင် ကိစ္စ၊ အမည် သို့မဟုတ် စာ "
        "မပေါ်ပါ - ကိစ္စများ၏ အဆင့်များနှင့် ရက်စွဲများမှ တွက်ချက်ထားသော ကိန်းဂဏန်းများသာ ဖြစ်သည်။"
    ),
    "computed %(when)s": "%(when)s တွင် တွက်ချက်ခဲ့သည်",
    "not computed yet": "မတွက်ချက်ရသေးပါ",
    "What each figure counts": "ကိန်းဂဏန်းတစ်ခုစီက ရေတွက်သည့်အရာ",
    "Figure": "ကိန်းဂဏန်း",
    "Version": "ဗားရှင်း",
    "In force from": "စတင်အသက်ဝင်သည့်ရက်",
    "What it counts": "ရေတွက်သည့်အရာ",
    "There is no such dashboard.": "ထိုကဲ့သို့ ဒက်ရှ်ဘုတ် မရှိပါ။",
    "There is no such table.": "ထိုကဲ့သို့ ဇယား မရှိပါ။",
    "Definition": "အဓိပ္ပာယ်ဖွင့်ဆိုချက်",
    "version %(n)s": "ဗားရှင်း %(n)s",
    "The figures are being computed afresh; this takes a minute or two.": (
        "ကိန်းဂဏန်းများကို အသစ်ပြန်တွက်နေသည်။ တစ်မိနစ် နှစ်မိနစ်ခန့် ကြာမည်။"
    ),
    "Computing the figures failed %(when)s: the figures shown are from the last time it worked. Tell an "
    "administrator; the server's log says why.": (
        "ကိန်းဂဏန်းများ တွက်ချက်ခြင်း %(when)s တွင် မအောင်မြင်ပါ။ ပြထားသော ကိန်းဂဏန်းများသည် "
        "နောက်ဆုံး အောင်မြင်ခဲ့သည့် အကြိမ်မှ ဖြစ်သည်။ စီမံခန့်ခွဲသူကို အကြောင်းကြားပါ။ "
        "အကြောင်းရင်းကို ဆာဗာ၏ မှတ်တမ်းတွင် တွေ့နိုင်သည်။"
    ),
    "The figures are being computed now; reload this page in a minute or two.": (
        "ကိန်းဂဏန်းများကို ယခု တွက်ချက်နေသည်။ တစ်မိနစ် နှစ်မိနစ်အကြာတွင် ဤစာမျက်နှာကို ပြန်ဖွင့်ပါ။"
    ),
}
