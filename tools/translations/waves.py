"""Burmese for flood waves: the waves page, its requests and decisions, and the inbox's link to it (see
tools/my_translations.py).

Terms: wave (of near-identical enquiries) လှိုင်း, flood အစုလိုက်ဝင်လာခြင်း, enquiry စုံစမ်းစာ, quarantine
သီးခြားထားရာ, intake officer လက်ခံရေးအရာရှိ, triage ကနဦးစစ်ဆေးခြင်း, approve အတည်ပြု.
"""

MY = {
    "Flood waves": "အစုလိုက် ဝင်လာသော စုံစမ်းစာ လှိုင်းများ",
    (
        "New enquiries whose first messages say nearly the same thing, grouped to be moved to the "
        "quarantine together. Only the newest %(window)s new enquiries are looked at; %(shown)s was read, "
        "with your own keys, just now.",
        "New enquiries whose first messages say nearly the same thing, grouped to be moved to the "
        "quarantine together. Only the newest %(window)s new enquiries are looked at; %(shown)s were read, "
        "with your own keys, just now.",
    ): (
        "ပထမစာတွင် အလားတူနီးပါး ပြောထားသော စုံစမ်းစာအသစ်များကို သီးခြားထားရာသို့ အတူတကွ ပို့နိုင်ရန် "
        "အုပ်စုဖွဲ့ထားသည်။ နောက်ဆုံးရောက် စုံစမ်းစာအသစ် %(window)s ခုကိုသာ ကြည့်သည်။ ယခုပင် သင့်သော့ဖြင့် "
        "%(shown)s ခုကို ဖတ်ခဲ့သည်။"
    ),
    "Nearly the same: equal once numbers, punctuation, capitals and spacing are set aside, or sharing "
    "almost all of their word pairs. A group is shown from %(minimum)s enquiries up. Moving a group takes "
    "two intake officers of the team: one asks, another approves.": (
        "အလားတူနီးပါး ဆိုသည်မှာ ဂဏန်း၊ ပုဒ်ဖြတ်သင်္ကေတ၊ စာလုံးကြီးအသေးနှင့် နေရာလွတ်များကို ဖယ်ထားလျှင် "
        "တူညီခြင်း၊ သို့မဟုတ် စကားလုံးအတွဲ အားလုံးနီးပါး တူခြင်း ဖြစ်သည်။ စုံစမ်းစာ %(minimum)s ခုနှင့် "
        "အထက်ရှိသော အုပ်စုကိုသာ ပြသည်။ အုပ်စုတစ်ခုကို ရွှေ့ရန် အဖွဲ့၏ လက်ခံရေးအရာရှိ နှစ်ဦး လိုသည် - "
        "တစ်ဦးက တောင်းဆိုပြီး နောက်တစ်ဦးက အတည်ပြုသည်။"
    ),
    "%(who)s asks to move a wave to the quarantine": "%(who)s က လှိုင်းတစ်ခုကို သီးခြားထားရာသို့ ရွှေ့ရန် တောင်းဆိုသည်",
    "Reason:": "အကြောင်းပြချက် -",
    (
        "%(still)s of %(shown)s enquiry is still new; the others were triaged, answered or moved since, "
        "and will be left out.",
        "%(still)s of %(shown)s enquiries are still new; the others were triaged, answered or moved since, "
        "and will be left out.",
    ): (
        "စုံစမ်းစာ %(shown)s ခုအနက် %(still)s ခုသာ အသစ်ဖြစ်နေသေးသည်။ ကျန်သည်တို့ကို ထိုနောက် "
        "ကနဦးစစ်ဆေးပြီး၊ ပြန်စာပို့ပြီး သို့မဟုတ် ရွှေ့ပြီး ဖြစ်သဖြင့် ချန်ထားမည်။"
    ),
    "(no key to read it)": "(ဖတ်ရန် သော့ မရှိပါ)",
    (
        "You asked to move a wave of %(shown)s enquiry; another intake officer of the team must approve.",
        "You asked to move a wave of %(shown)s enquiries; another intake officer of the team must approve.",
    ): ("သင်သည် စုံစမ်းစာ %(shown)s ခုပါ လှိုင်းကို ရွှေ့ရန် တောင်းဆိုထားသည်။ အဖွဲ့၏ အခြား လက်ခံရေးအရာရှိတစ်ဦးက အတည်ပြုရမည်။"),
    ("A wave of %(shown)s enquiry", "A wave of %(shown)s enquiries"): ("စုံစမ်းစာ %(shown)s ခုပါ လှိုင်း"),
    "Received from %(first)s to %(last)s.": "%(first)s မှ %(last)s အထိ ရောက်ရှိသည်။",
    "Why is this a flood?": "ဤစာများသည် အစုလိုက် ဝင်လာခြင်း ဖြစ်သည်ဟု အဘယ်ကြောင့် ထင်သနည်း။",
    "Ask a second officer to move this wave to quarantine": (
        "ဤလှိုင်းကို သီးခြားထားရာသို့ ရွှေ့ရန် ဒုတိယ အရာရှိတစ်ဦးကို တောင်းဆိုမည်"
    ),
    "No waves among the new enquiries.": "စုံစမ်းစာအသစ်များတွင် လှိုင်း မရှိပါ။",
    "Move them to quarantine": "၎င်းတို့ကို သီးခြားထားရာသို့ ရွှေ့မည်",
    "Leave them in the inbox": "၎င်းတို့ကို စာဝင်ပုံးတွင် ထားမည်",
    "Left them in the inbox.": "၎င်းတို့ကို စာဝင်ပုံးတွင် ထားခဲ့သည်။",
    "Say why these enquiries are a flood.": "ဤစုံစမ်းစာများသည် အစုလိုက် ဝင်လာခြင်း ဖြစ်ကြောင်း အကြောင်းပြပါ။",
    "This wave names no enquiries the page showed.": "ဤလှိုင်းတွင် စာမျက်နှာက ပြခဲ့သော စုံစမ်းစာ မပါပါ။",
    "Some of these enquiries are no longer new, or not your team's: open the waves page again.": (
        "ဤစုံစမ်းစာအချို့သည် အသစ် မဟုတ်တော့ပါ၊ သို့မဟုတ် သင့်အဖွဲ့၏ စာ မဟုတ်ပါ - လှိုင်းများ စာမျက်နှာကို ပြန်ဖွင့်ပါ။"
    ),
    "Only an intake officer may ask for this.": "ဤအရာကို လက်ခံရေးအရာရှိသာ တောင်းဆိုနိုင်သည်။",
    "Only another intake officer of the same team may approve this.": (
        "ဤအရာကို အဖွဲ့တူ အခြား လက်ခံရေးအရာရှိတစ်ဦးသာ အတည်ပြုနိုင်သည်။"
    ),
    "This request has not been approved by you.": "ဤတောင်းဆိုချက်ကို သင် အတည်မပြုရသေးပါ။",
    "The person who asked may no longer take this step.": "တောင်းဆိုသူသည် ဤအဆင့်ကို မလုပ်ဆောင်နိုင်တော့ပါ။",
    "Move to quarantine with its wave": "၎င်း၏ လှိုင်းနှင့်အတူ သီးခြားထားရာသို့ ရွှေ့ခြင်း",
    "Asked to move a flood wave to quarantine": "စုံစမ်းစာ လှိုင်းကို သီးခြားထားရာသို့ ရွှေ့ရန် တောင်းဆိုခဲ့သည်",
    "Flood wave moved to quarantine": "စုံစမ်းစာ လှိုင်းကို သီးခြားထားရာသို့ ရွှေ့ပြီး",
    "(many near-identical new enquiries on this page: two of you can move them to quarantine together)": (
        "(ဤစာမျက်နှာတွင် အလားတူနီးပါး စုံစမ်းစာအသစ် အများအပြား ရှိသည် - သင်တို့ နှစ်ဦး အတူ သီးခြားထားရာသို့ ရွှေ့နိုင်သည်)"
    ),
}
