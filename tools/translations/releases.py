"""Burmese for public releases: drafting, publishing, the public list, refusals
(see tools/my_translations.py).

Terms: release ထုတ်ပြန်ချက်, figure ကိန်းဂဏန်း, analyst ကိန်းဂဏန်း လေ့လာသူ, draft မူကြမ်း, publish ထုတ်ပြန်,
withdraw ရုပ်သိမ်း, breakdown ခွဲခြမ်းပြချက်, privacy budget ကိုယ်ရေးလုံခြုံမှု ဘတ်ဂျက်, case ကိစ္စ.
"""

MY = {
    "Programme totals only": "အစီအစဉ် စုစုပေါင်းသာ",
    "By the way the enquiry came": "စုံစမ်းစာ ရောက်လာသည့် နည်းလမ်းအလိုက်",
    "Waiting for a second person": "ဒုတိယလူကို စောင့်နေသည်",
    "Together with the release “%(release)s”, the figure “%(figure)s” would let a reader work out a group of "
    "fewer than the smallest number we publish. Change the period or the figures.": (
        "“%(release)s” ထုတ်ပြန်ချက်နှင့် ပေါင်းလိုက်လျှင် “%(figure)s” ကိန်းဂဏန်းက ကျွန်ုပ်တို့ ထုတ်ပြန်သည့် "
        "အငယ်ဆုံး အရေအတွက်ထက် နည်းသော အုပ်စုကို စာဖတ်သူ တွက်ထုတ်နိုင်စေမည်။ ကာလ သို့မဟုတ် ကိန်းဂဏန်းများကို ပြောင်းပါ။"
    ),
    "The figures of this draft would together let a reader work out a group of fewer than the smallest "
    "number we publish (the figure “%(figure)s”). Leave out the breakdown or change the period.": (
        "ဤမူကြမ်း၏ ကိန်းဂဏန်းများ ပေါင်းလိုက်လျှင် ကျွန်ုပ်တို့ ထုတ်ပြန်သည့် အငယ်ဆုံး အရေအတွက်ထက် နည်းသော "
        "အုပ်စုကို စာဖတ်သူ တွက်ထုတ်နိုင်စေမည် (“%(figure)s” ကိန်းဂဏန်း)။ ခွဲခြမ်းပြချက်ကို ချန်ပါ သို့မဟုတ် ကာလကို ပြောင်းပါ။"
    ),
    "This year's privacy budget for this figure has %(left)s left; %(asked)s was asked for.": (
        "ဤကိန်းဂဏန်းအတွက် ယခုနှစ် ကိုယ်ရေးလုံခြုံမှု ဘတ်ဂျက် %(left)s သာ ကျန်သည်။ %(asked)s တောင်းထားသည်။"
    ),
    "%(figure)s, by %(channel)s": "%(figure)s၊ %(channel)s မှ",
    "Only an analyst may do this.": "ကိန်းဂဏန်း လေ့လာသူသာ ဤအရာကို လုပ်နိုင်သည်။",
    "No definition of “%(figure)s” was in force at the end of the period.": (
        "ကာလ ကုန်ဆုံးချိန်တွင် “%(figure)s” ၏ အဓိပ္ပာယ်ဖွင့်ဆိုချက် မရှိသေးပါ။"
    ),
    "Give the release a title in Burmese and in English.": (
        "ထုတ်ပြန်ချက်အတွက် မြန်မာလို ခေါင်းစဉ်နှင့် အင်္ဂလိပ်လို ခေါင်းစဉ် ပေးပါ။"
    ),
    "Title in Burmese": "မြန်မာလို ခေါင်းစဉ်",
    "Title in English": "အင်္ဂလိပ်လို ခေါင်းစဉ်",
    "Shown on the public page in Burmese.": "အများပြည်သူ စာမျက်နှာကို မြန်မာလို ဖတ်သူများ မြင်ရမည်။",
    "Shown on the public page in English.": "အများပြည်သူ စာမျက်နှာကို အင်္ဂလိပ်လို ဖတ်သူများ မြင်ရမည်။",
    "Give the release a title in Burmese.": "ထုတ်ပြန်ချက်အတွက် မြန်မာလို ခေါင်းစဉ် ပေးပါ။",
    "Give the release a title in English.": "ထုတ်ပြန်ချက်အတွက် အင်္ဂလိပ်လို ခေါင်းစဉ် ပေးပါ။",
    "Write the Burmese title in Burmese letters: readers of the Burmese page see it.": (
        "မြန်မာလို ခေါင်းစဉ်ကို မြန်မာစာဖြင့် ရေးပါ။ မြန်မာလို စာမျက်နှာကို ဖတ်သူများ မြင်ရမည်။"
    ),
    "Write the English title in English: readers of the English page see it.": (
        "အင်္ဂလိပ်လို ခေါင်းစဉ်ကို အင်္ဂလိပ်စာဖြင့် ရေးပါ။ အင်္ဂလိပ်လို စာမျက်နှာကို ဖတ်သူများ မြင်ရမည်။"
    ),
    "The period must start before it ends.": "ကာလသည် မကုန်ဆုံးမီ စတင်ရမည်။",
    "The period must have ended: choose an end before today.": (
        "ကာလသည် ကုန်ဆုံးပြီး ဖြစ်ရမည်။ ယနေ့မတိုင်မီ နောက်ဆုံးရက်ကို ရွေးပါ။"
    ),
    "Choose at least one figure.": "ကိန်းဂဏန်း အနည်းဆုံး တစ်ခု ရွေးပါ။",
    "Give a privacy cost (epsilon) above 0 and at most 1.": (
        "ကိုယ်ရေးလုံခြုံမှု ကုန်ကျစရိတ် (epsilon) ကို ၀ ထက်ကြီးပြီး ၁ ထက် မပိုစေဘဲ ပေးပါ။"
    ),
    "“%(figure)s” counts a case that is still open: figures below the programme total wait until every case "
    "they count has closed. Leave out the breakdown.": (
        "“%(figure)s” သည် ဖွင့်ထားဆဲ ကိစ္စတစ်ခုကို ရေတွက်ထားသည်။ အစီအစဉ် စုစုပေါင်းအောက် ခွဲခြမ်းပြသော ကိန်းဂဏန်းများသည် "
        "၎င်းတို့ ရေတွက်သော ကိစ္စအားလုံး ပိတ်ပြီးသည်အထိ စောင့်ရမည်။ ခွဲခြမ်းပြချက်ကို ချန်ပါ။"
    ),
    "This year's privacy budget for “%(figure)s” has too little left for this draft.": (
        "“%(figure)s” အတွက် ယခုနှစ် ကိုယ်ရေးလုံခြုံမှု ဘတ်ဂျက်သည် ဤမူကြမ်းအတွက် မလုံလောက်တော့ပါ။"
    ),
    "This release is not waiting for a decision.": "ဤထုတ်ပြန်ချက်သည် ဆုံးဖြတ်ချက်ကို စောင့်နေခြင်း မဟုတ်ပါ။",
    "Only the analyst who drafted it may take a draft back.": (
        "မူကြမ်းကို ရေးဆွဲသော ကိန်းဂဏန်း လေ့လာသူသာ ပြန်ရုပ်သိမ်းနိုင်သည်။"
    ),
    "This release is not up or waiting.": "ဤထုတ်ပြန်ချက်သည် ထုတ်ပြန်ထားခြင်း သို့မဟုတ် စောင့်နေခြင်း မဟုတ်ပါ။",
    "Title": "ခေါင်းစဉ်",
    "First day": "ပထမရက်",
    "For example <kbd>2026-01-01</kbd>": "ဥပမာ <kbd>2026-01-01</kbd>",
    "Last day": "နောက်ဆုံးရက်",
    "For example <kbd>2026-03-31</kbd>": "ဥပမာ <kbd>2026-03-31</kbd>",
    "Figures": "ကိန်းဂဏန်းများ",
    "Breakdown": "ခွဲခြမ်းပြချက်",
    "Add noise (differential privacy) instead of ranges": ("အပိုင်းအခြားအစား ဆူညံမှု ထည့်ရန် (differential privacy)"),
    "Each figure then costs some of its yearly privacy budget.": (
        "ထိုအခါ ကိန်းဂဏန်းတစ်ခုစီသည် ၎င်း၏ နှစ်စဉ် ကိုယ်ရေးလုံခြုံမှု ဘတ်ဂျက်မှ အချို့ကို သုံးမည်။"
    ),
    "Privacy cost (epsilon)": "ကိုယ်ရေးလုံခြုံမှု ကုန်ကျစရိတ် (epsilon)",
    "Smaller adds more noise. For example <kbd>0.5</kbd>": ("ငယ်လေ ဆူညံမှု ပိုထည့်လေ ဖြစ်သည်။ ဥပမာ <kbd>0.5</kbd>"),
    "between %(low)s and %(high)s": "%(low)s နှင့် %(high)s ကြား",
    "about %(value)s": "%(value)s ခန့်",
    "fewer than %(threshold)s": "%(threshold)s ထက်နည်း",
    "Drafted: another analyst must publish it.": ("မူကြမ်း ရေးပြီးပါပြီ။ အခြား ကိန်းဂဏန်း လေ့လာသူတစ်ဦးက ထုတ်ပြန်ရမည်။"),
    "Choose to publish or to refuse.": "ထုတ်ပြန်ရန် သို့မဟုတ် ငြင်းရန် ရွေးပါ။",
    "Published.": "ထုတ်ပြန်ပြီးပါပြီ။",
    "Refused.": "ငြင်းပြီးပါပြီ။",
    "Withdrawn: it no longer shows on the public site.": ("ရုပ်သိမ်းပြီးပါပြီ။ အများပြည်သူ ဆိုက်တွင် မပြတော့ပါ။"),
    "Public figures": "အများသို့ ထုတ်ပြန်သော ကိန်းဂဏန်းများ",
    "Figures the programme publishes on its public site. One analyst drafts a release; another publishes "
    "it.": (
        "အစီအစဉ်က အများပြည်သူ ဆိုက်တွင် ထုတ်ပြန်သော ကိန်းဂဏန်းများ။ ကိန်းဂဏန်း လေ့လာသူ တစ်ဦးက မူကြမ်း ရေးပြီး အခြားတစ်ဦးက ထုတ်ပြန်သည်။"
    ),
    "Draft a release": "ထုတ်ပြန်ချက် မူကြမ်း ရေးရန်",
    "Period": "ကာလ",
    "State": "အခြေအနေ",
    "Drafted by": "မူကြမ်း ရေးသူ",
    "No release yet.": "ထုတ်ပြန်ချက် မရှိသေးပါ။",
    "All releases": "ထုတ်ပြန်ချက် အားလုံး",
    "Counts are published as ranges; small counts as “fewer than”. A release that, together with one already "
    "published, would point at a small group of people is refused. No breakdown is allowed while a case it "
    "counts is still open.": (
        "အရေအတွက်များကို အပိုင်းအခြားဖြင့် ထုတ်ပြန်သည်။ အရေအတွက် နည်းလျှင် “ထက်နည်း” ဟု ထုတ်ပြန်သည်။ ထုတ်ပြီးသား "
        "ထုတ်ပြန်ချက်နှင့် ပေါင်းလိုက်လျှင် လူအုပ်စုငယ်တစ်ခုကို ညွှန်ပြမည့် ထုတ်ပြန်ချက်ကို ငြင်းပယ်သည်။ ရေတွက်သော "
        "ကိစ္စတစ်ခု ဖွင့်ထားဆဲ ရှိနေစဉ် ခွဲခြမ်းပြချက် မပြုရပါ။"
    ),
    "Draft": "မူကြမ်း",
    "Figure": "ကိန်းဂဏန်း",
    "Published as": "ထုတ်ပြန်ပုံ",
    "Drafted by %(who)s.": "%(who)s က မူကြမ်း ရေးသည်။",
    "Counts with added noise (differential privacy).": ("ဆူညံမှု ထည့်ထားသော အရေအတွက်များ (differential privacy)။"),
    "Another analyst must publish this release.": ("အခြား ကိန်းဂဏန်း လေ့လာသူတစ်ဦးက ဤထုတ်ပြန်ချက်ကို ထုတ်ပြန်ရမည်။"),
    "Publish": "ထုတ်ပြန်ရန်",
    "Refuse": "ငြင်းရန်",
    "Withdraw": "ရုပ်သိမ်းရန်",
    "How the programme is going": "အစီအစဉ် လုပ်ဆောင်နေပုံ",
    "Counts are given as ranges, and small numbers as “fewer than”, so that no one can be recognised from "
    "them.": ("မည်သူမျှ မသိနိုင်စေရန် အရေအတွက်များကို အပိုင်းအခြားဖြင့်၊ အရေအတွက် နည်းလျှင် “ထက်နည်း” ဟု ဖော်ပြသည်။"),
    "A count of people, such as family members received, is not published when it rests on too few "
    "families.": "လက်ခံခဲ့သော မိသားစုဝင်များကဲ့သို့ လူဦးရေ အရေအတွက်ကို မိသားစု နည်းလွန်းလျှင် မထုတ်ပြန်ပါ။",
    "No figures have been published yet.": "ကိန်းဂဏန်း မထုတ်ပြန်ရသေးပါ။",
    "Public figures drafted": "အများသို့ ထုတ်ပြန်မည့် ကိန်းဂဏန်းများ မူကြမ်း ရေးပြီး",
    "Public figures published by a second analyst": ("အများသို့ ကိန်းဂဏန်းများကို ဒုတိယ ကိန်းဂဏန်း လေ့လာသူက ထုတ်ပြန်ပြီး"),
    "Public figures refused by a second analyst": ("အများသို့ ကိန်းဂဏန်းများကို ဒုတိယ ကိန်းဂဏန်း လေ့လာသူက ငြင်းပြီး"),
    "Public figures withdrawn": "အများသို့ ထုတ်ပြန်ထားသော ကိန်းဂဏန်းများ ရုပ်သိမ်းပြီး",
    "not published: too few families": "မိသားစု နည်းလွန်း၍ မထုတ်ပြန်ပါ",
    "“%(figure)s” cannot have noise added: one family can change it by several people, so the noise would "
    "not hide a family. Publish it as a range, or leave it out.": (
        "“%(figure)s” ကို ဆူညံမှု ထည့်၍ မရပါ။ မိသားစု တစ်စုက ၎င်းကို လူအများအပြား ပြောင်းလဲစေနိုင်သဖြင့် "
        "ဆူညံမှုက မိသားစုကို မဖုံးကွယ်နိုင်ပါ။ အပိုင်းအခြားဖြင့် ထုတ်ပြန်ပါ သို့မဟုတ် ချန်ထားပါ။"
    ),
}
