"""Burmese for the retention rules: settings page, proposals, their approval (see tools/my_translations.py).

Terms: retention သိမ်းထားမည့်ကာလ, destroy အပြီးဖျက်ဆီး, purge အပြီးဖျက်, administrator စီမံခန့်ခွဲသူ,
case ကိစ္စ, quarantine သီးခြားထားရာ, passage plan ခရီးစီမံချက်, vetting စိစစ်ခြင်း, day ရက်.
"""

MY = {
    # Which cases each rule is about.
    "Quarantined enquiries (junk)": "သီးခြားထားသော စုံစမ်းစာများ (အမှိုက်စာ)",
    "Withdrawn cases": "ရုပ်သိမ်းပြီးသော ကိစ္စများ",
    "Cases that lost contact": "အဆက်အသွယ် ပြတ်သွားသော ကိစ္စများ",
    "Cases rejected as not genuine": "အစစ်မဟုတ်ဟု ငြင်းပယ်ထားသော ကိစ္စများ",
    "Duplicate cases": "ထပ်နေသော ကိစ္စများ",
    "Passage plans after arrival": "ရောက်ရှိပြီးနောက် ခရီးစီမံချက်များ",
    # What is destroyed and from when.
    "the passage plan (routes, meeting points, contacts)": (
        "ခရီးစီမံချက် (လမ်းကြောင်းများ၊ တွေ့ဆုံရာနေရာများ၊ ဆက်သွယ်ရမည့်သူများ)"
    ),
    "everything the case holds: messages, files, name and contact, family, notes, vetting, passage plan": (
        "ကိစ္စတွင် ရှိသမျှ - စာများ၊ ဖိုင်များ၊ အမည်နှင့် ဆက်သွယ်ရန်၊ မိသားစု၊ မှတ်စုများ၊ စိစစ်ခြင်း၊ ခရီးစီမံချက်"
    ),
    "after it was put in quarantine": "သီးခြားထားရာသို့ ပို့ပြီးနောက်",
    "after the case was withdrawn": "ကိစ္စကို ရုပ်သိမ်းပြီးနောက်",
    "after contact was lost": "အဆက်အသွယ် ပြတ်ပြီးနောက်",
    "after it was rejected as not genuine": "အစစ်မဟုတ်ဟု ငြင်းပယ်ပြီးနောက်",
    "after it was marked as a duplicate": "ထပ်နေသည်ဟု မှတ်ပြီးနောက်",
    "after the person arrived": "ထိုသူ ရောက်ရှိပြီးနောက်",
    "Kept until someone closes the case with purge.": "တစ်စုံတစ်ယောက်က ကိစ္စကို ပိတ်ပြီး အပြီးဖျက်သည်အထိ သိမ်းထားသည်။",
    ("Destroyed %(days)d day %(when)s.", "Destroyed %(days)d days %(when)s."): (
        "%(when)s %(days)d ရက်တွင် အပြီးဖျက်ဆီးသည်။"
    ),
    # Proposing and deciding.
    "Only an administrator may propose a change to a retention rule.": (
        "သိမ်းထားမည့်ကာလ စည်းမျဉ်းကို ပြောင်းရန် စီမံခန့်ခွဲသူသာ အဆိုပြုနိုင်သည်။"
    ),
    "Give a number of days from 0 to %(max)d.": "ရက်အရေအတွက်ကို 0 မှ %(max)d အထိ ပေးပါ။",
    "Passage plans are always destroyed after arrival; only the days can change.": (
        "ခရီးစီမံချက်များကို ရောက်ရှိပြီးနောက် အမြဲ အပြီးဖျက်ဆီးသည်။ ရက်အရေအတွက်ကိုသာ ပြောင်းနိုင်သည်။"
    ),
    "That is the rule already.": "စည်းမျဉ်းမှာ ထိုအတိုင်း ရှိပြီးသား ဖြစ်သည်။",
    "A change to this rule is already waiting for a decision.": (
        "ဤစည်းမျဉ်းအတွက် ပြောင်းလဲမှုတစ်ခု ဆုံးဖြတ်ချက်ကို စောင့်နေပြီ ဖြစ်သည်။"
    ),
    "Days": "ရက်",
    "Write a whole number of days, such as 30.": "ရက်အရေအတွက်ကို ကိန်းပြည့်ဖြင့် ရေးပါ (ဥပမာ 30)။",
    "Give 0 days or more.": "0 ရက် သို့မဟုတ် ထို့ထက်ပို၍ ပေးပါ။",
    "Give at most %(limit_value)s days.": "အများဆုံး %(limit_value)s ရက်အထိသာ ပေးပါ။",
    "Keep until someone closes the case with purge": "တစ်စုံတစ်ယောက်က ကိစ္စကို ပိတ်ပြီး အပြီးဖျက်သည်အထိ သိမ်းထားရန်",
    "Give the number of days, or tick “keep”.": "ရက်အရေအတွက်ကို ပေးပါ၊ သို့မဟုတ် “သိမ်းထားရန်” ကို အမှန်ခြစ်ပါ။",
    "Proposed: another administrator must approve the change.": (
        "အဆိုပြုပြီးပါပြီ - အခြား စီမံခန့်ခွဲသူတစ်ဦးက ပြောင်းလဲမှုကို ခွင့်ပြုရမည်။"
    ),
    "Approve the change": "ပြောင်းလဲမှုကို ခွင့်ပြုမည်",
    "Refuse the change": "ပြောင်းလဲမှုကို ငြင်းပယ်မည်",
    "No one may decide their own proposal: another administrator must.": (
        "မိမိ၏ အဆိုပြုချက်ကို မိမိကိုယ်တိုင် မဆုံးဖြတ်ရ - အခြား စီမံခန့်ခွဲသူတစ်ဦးက ဆုံးဖြတ်ရမည်။"
    ),
    "The rule is changed.": "စည်းမျဉ်းကို ပြောင်းပြီးပါပြီ။",
    "The change is refused.": "ပြောင်းလဲမှုကို ငြင်းပယ်ပြီးပါပြီ။",
    # The audit viewer.
    "Case content destroyed": "ကိစ္စ၏ အကြောင်းအရာကို အပြီးဖျက်ဆီးပြီး",
    "Change to a retention rule proposed": "သိမ်းထားမည့်ကာလ စည်းမျဉ်း ပြောင်းရန် အဆိုပြုပြီး",
    "Retention rule changed": "သိမ်းထားမည့်ကာလ စည်းမျဉ်း ပြောင်းပြီး",
    # Pages.
    "Retention": "သိမ်းထားမည့်ကာလ",
    "How long case content is kept": "ကိစ္စ၏ အကြောင်းအရာကို မည်မျှကြာ သိမ်းထားသနည်း",
    "Every day the programme destroys the content these rules say is due: the keys and the sealed text "
    "both go, for good, and the audit log keeps only the fact. A change to a rule takes two administrators: "
    "one proposes it, another approves it.": (
        "ဤစည်းမျဉ်းများအရ အချိန်စေ့သော အကြောင်းအရာကို အစီအစဉ်က နေ့စဉ် အပြီးဖျက်ဆီးသည် - သော့များနှင့် "
        "လျှို့ဝှက်သိမ်းထားသော စာသားများ နှစ်မျိုးလုံး ထာဝရ ပျောက်သွားပြီး စစ်ဆေးမှတ်တမ်းတွင် ဖျက်ခဲ့သည်ဟူသော "
        "အချက်ကိုသာ သိမ်းသည်။ စည်းမျဉ်းကို ပြောင်းရန် စီမံခန့်ခွဲသူ နှစ်ဦး လိုသည် - တစ်ဦးက အဆိုပြုပြီး "
        "အခြားတစ်ဦးက ခွင့်ပြုသည်။"
    ),
    "Which cases": "မည်သည့် ကိစ္စများ",
    "What is destroyed": "အပြီးဖျက်ဆီးမည့်အရာ",
    "What is destroyed:": "အပြီးဖျက်ဆီးမည့်အရာ -",
    "Change": "ပြောင်းရန်",
    "A change is waiting for approval": "ပြောင်းလဲမှုတစ်ခု ခွင့်ပြုချက်ကို စောင့်နေသည်",
    "Propose a change": "ပြောင်းလဲမှု အဆိုပြုရန်",
    "All retention rules": "သိမ်းထားမည့်ကာလ စည်းမျဉ်းအားလုံး",
    "Now:": "ယခု -",
    "Now": "ယခု",
    "After the change": "ပြောင်းပြီးနောက်",
    "Propose the change": "ပြောင်းလဲမှုကို အဆိုပြုမည်",
    "Proposed change to a retention rule": "သိမ်းထားမည့်ကာလ စည်းမျဉ်းအတွက် အဆိုပြုထားသော ပြောင်းလဲမှု",
    "Proposed by": "အဆိုပြုသူ",
    "Another administrator must approve or refuse your proposal.": (
        "သင်၏ အဆိုပြုချက်ကို အခြား စီမံခန့်ခွဲသူတစ်ဦးက ခွင့်ပြုရန် သို့မဟုတ် ငြင်းပယ်ရန် လိုသည်။"
    ),
    "This proposal has been decided.": "ဤအဆိုပြုချက်ကို ဆုံးဖြတ်ပြီး ဖြစ်သည်။",
}
