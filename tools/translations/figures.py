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
}
