"""Burmese for the vetting queue, the checklist titles, passage plan refusals and the intake quarantine page
(tools/my_translations.py says how these tables are used).

Words kept the same as casework.py: case ကိစ္စ, team အဖွဲ့, handler ကိုင်တွယ်သူ, vetting reviewer စိစစ်သူ,
sign-off အတည်ပြုလက်မှတ်, suspected plant စေလွှတ်ခံ, passage ထွက်ခွာလာရေးခရီး, passage plan ခရီးစီမံချက်,
passage team ခရီးစီစဉ်ရေးအဖွဲ့, key သော့; from cases.py: quarantine သီးခြားထားရာ, intake officer လက်ခံရေးအရာရှိ.
"""

# ruff: noqa: E501

MY = {
    # --- Vetting queue
    "Cases waiting in vetting, longest waiting first. Cases you handle are not shown: you may not review them.": (
        "စိစစ်ရန် စောင့်နေသော ကိစ္စများ၊ အကြာဆုံး စောင့်နေသည့် ကိစ္စ ဦးစွာ။ သင် ကိုင်တွယ်သော ကိစ္စများကို မပြပါ- ၎င်းတို့ကို သင် စိစစ်ခွင့် မရှိပါ။"
    ),
    "Opened": "ဖွင့်သည့်နေ့",
    "Signed off": "အတည်ပြုလက်မှတ် ထိုးပြီးသူ",
    "suspected plant": "စေလွှတ်ခံ သံသယ",
    "cleared for passage": "ထွက်ခွာလာရေးခရီးအတွက် စိစစ်ပြီး",
    "signed off": "အတည်ပြုလက်မှတ် ထိုးပြီး",
    "not yet": "မပြီးသေး",
    "No case is waiting for vetting.": "စိစစ်ရန် စောင့်နေသော ကိစ္စ မရှိပါ။",
    # --- Vetting: the first checklist (titles seeded as data, translated through the catalogs)
    "Identity document seen on video": "ကိုယ်ရေးအထောက်အထား စာရွက်စာတမ်းကို ဗီဒီယိုဖြင့် မြင်တွေ့ပြီး",
    "Unit and command chain consistent": "တပ်ဖွဲ့နှင့် အမိန့်ပေးကွင်းဆက် ကိုက်ညီသည်",
    "Knowledge questions answered": "အသိပညာ မေးခွန်းများကို ဖြေဆိုပြီး",
    "Equipment photographed with a fresh challenge code": "ပစ္စည်းကိရိယာကို စစ်ဆေးကုဒ်အသစ်နှင့်အတူ ဓာတ်ပုံရိုက်ထားသည်",
    "Vouched for by an earlier defector of the same unit": "တပ်ဖွဲ့တူမှ ယခင် ထွက်ပြေးလာသူတစ်ဦးက အာမခံထားသည်",
    "Repeat interview by a second handler": "ဒုတိယ ကိုင်တွယ်သူတစ်ဦးက ထပ်မံ တွေ့ဆုံမေးမြန်းခြင်း",
    # --- Passage plan refusals
    "Only the case's handler may open its passage plan.": "ကိစ္စ၏ ကိုင်တွယ်သူသာ ၎င်း၏ ခရီးစီမံချက်ကို ဖွင့်နိုင်ပါသည်။",
    "A passage plan opens only once passage is approved and before arrival; this case is %(status)s.": (
        "ခရီးစီမံချက်ကို ထွက်ခွာလာရေးခရီး အတည်ပြုပြီးနောက်နှင့် မရောက်ရှိမီသာ ဖွင့်နိုင်ပါသည်- ဤကိစ္စ၏ အခြေအနေမှာ %(status)s ဖြစ်ပါသည်။"
    ),
    "This case's passage was not approved by two people.": "ဤကိစ္စ၏ ထွက်ခွာလာရေးခရီးကို လူနှစ်ဦး အတည်ပြုထားခြင်း မရှိပါ။",
    "This case already has a passage plan.": "ဤကိစ္စတွင် ခရီးစီမံချက် ရှိပြီးသား ဖြစ်ပါသည်။",
    "Nobody in %(team)s holds a passage key yet: one of its handlers must start it.": (
        "%(team)s တွင် ထွက်ခွာလာရေးခရီး သော့ကို မည်သူမျှ မကိုင်ထားသေးပါ- ၎င်း၏ ကိုင်တွယ်သူတစ်ဦးက စတင်ပေးရပါမည်။"
    ),
    "This passage plan has been destroyed.": "ဤခရီးစီမံချက်ကို ဖျက်ဆီးပြီးပါပြီ။",
    "Only the passage team may write to this plan.": "ခရီးစီစဉ်ရေးအဖွဲ့သာ ဤစီမံချက်တွင် ရေးနိုင်ပါသည်။",
    "You hold no key for this passage plan.": "ဤခရီးစီမံချက်အတွက် သော့ကို သင် မကိုင်ထားပါ။",
    # --- Intake quarantine (staff)
    "Enquiries that looked automated (a filled hidden field, or a form sent faster than a person can). They stay sealed; nobody reads them here. Emptying deletes them for good, so it takes two intake officers of the team: one asks, another approves.": (
        "စက်ဖြင့် ပို့သလို ထင်ရသော စုံစမ်းစာများ (ဝှက်ထားသော အကွက်ကို ဖြည့်ထားသည်၊ သို့မဟုတ် လူတစ်ဦး ပို့နိုင်သည်ထက် ပိုမြန်စွာ ပို့ထားသည်)။ "
        "၎င်းတို့ကို တံဆိပ်ခတ်ထားဆဲ ဖြစ်ပြီး ဤနေရာတွင် မည်သူမျှ မဖတ်ပါ။ ရှင်းလင်းလိုက်လျှင် အပြီးတိုင် ဖျက်ပစ်မည် ဖြစ်သဖြင့် "
        "အဖွဲ့၏ လက်ခံရေးအရာရှိ နှစ်ဦး လိုအပ်ပါသည်- တစ်ဦးက တောင်းဆိုပြီး နောက်တစ်ဦးက အတည်ပြုပါသည်။"
    ),
    "Reference": "ရည်ညွှန်းနံပါတ်",
    "The quarantine is empty.": "သီးခြားထားရာတွင် ဘာမျှ မရှိပါ။",
    "%(who)s asks to empty the quarantine of %(team)s.": "%(who)s က %(team)s ၏ သီးခြားထားရာကို ရှင်းလင်းရန် တောင်းဆိုထားပါသည်။",
    "Ask to empty a team's quarantine": "အဖွဲ့တစ်ခု၏ သီးခြားထားရာကို ရှင်းလင်းရန် တောင်းဆိုရန်",
    "Ask a second officer": "ဒုတိယ အရာရှိတစ်ဦးကို တောင်းဆိုရန်",
}
