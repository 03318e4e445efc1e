"""Burmese for vetting, passage and rewards staff pages (tools/my_translations.py says how these tables are used).

Words kept the same throughout: case ကိစ္စ, team အဖွဲ့, handler ကိုင်တွယ်သူ, vetting reviewer စိစစ်သူ,
sign-off အတည်ပြုလက်မှတ်, suspected plant သံသယရှိသော စေလွှတ်ခံ, passage ထွက်ခွာလာရေးခရီး, passage plan
ခရီးစီမံချက်, committee ကော်မတီ, finance ငွေစာရင်း, stipend ထောက်ပံ့ငွေ, claim ဆုငွေတောင်းခံမှု,
tranche အရစ်, approve အတည်ပြု, refuse ငြင်းပယ်, key သော့.
"""

# Keys are the msgids exactly as the templates write them, one per line so a translator can review them
# side by side; a long sentence stays one long key.
# ruff: noqa: E501

MY = {
    # --- Vetting: choices and forms
    "Pass": "အောင်",
    "Fail": "ကျ",
    "Unclear": "မရှင်းလင်း",
    "Genuine": "စစ်မှန်သည်",
    "Not genuine": "စစ်မှန်ခြင်း မရှိ",
    "Unsure": "မသေချာ",
    "Check": "စစ်ဆေးချက်",
    "Result": "ရလဒ်",
    "Evidence (what you saw, how, and where it is kept)": "အထောက်အထား (ဘာတွေ့ခဲ့သည်၊ မည်သို့၊ မည်သည့်နေရာတွင် သိမ်းထားသည်)",
    "Verdict": "ဆုံးဖြတ်ချက်",
    "Reasons": "အကြောင်းပြချက်များ",
    "Why you suspect a plant": "စေလွှတ်ခံဟု သံသယရှိရသည့် အကြောင်း",
    "Why the suspicion no longer holds": "သံသယ မရှိတော့သည့် အကြောင်း",
    # --- Vetting: refusals
    "You handle this case, so you cannot review it: vetting must be independent.": (
        "ဤကိစ္စကို သင် ကိုင်တွယ်နေသဖြင့် စိစစ်ခွင့် မရှိပါ- စိစစ်ခြင်းသည် လွတ်လပ်ရပါမည်။"
    ),
    "You may not review this case: you are no vetting reviewer, or it is not in vetting.": (
        "ဤကိစ္စကို သင် စိစစ်ခွင့် မရှိပါ- သင်သည် စိစစ်သူ မဟုတ်ပါ၊ သို့မဟုတ် ကိစ္စသည် စိစစ်ဆဲ အဆင့်တွင် မရှိပါ။"
    ),
    "This case is closed; its vetting can no longer change.": (
        "ဤကိစ္စ ပိတ်ပြီးပါပြီ၊ ၎င်း၏ စိစစ်မှုကို ပြောင်းလဲ၍ မရတော့ပါ။"
    ),
    "No reviewer or custodian holds a vetting key yet: nothing could be read back.": (
        "စိစစ်ရေးသော့ကို မည်သည့် စိစစ်သူ သို့မဟုတ် ထိန်းသိမ်းသူကမျှ မကိုင်ထားသေးပါ- မည်သူမျှ ပြန်ဖတ်နိုင်မည် မဟုတ်ပါ။"
    ),
    "Choose pass, fail or unclear.": "အောင်၊ ကျ သို့မဟုတ် မရှင်းလင်း ကို ရွေးပါ။",
    "This check is no longer on the programme's checklist.": "ဤစစ်ဆေးချက်သည် အစီအစဉ်၏ စစ်ဆေးစာရင်းတွင် မရှိတော့ပါ။",
    "Choose genuine, not genuine or unsure.": "စစ်မှန်သည်၊ စစ်မှန်ခြင်း မရှိ သို့မဟုတ် မသေချာ ကို ရွေးပါ။",
    "Sign-off is for a case in vetting; this one has moved on.": (
        "အတည်ပြုလက်မှတ်သည် စိစစ်ဆဲ ကိစ္စအတွက်သာ ဖြစ်ပါသည်၊ ဤကိစ္စ နောက်အဆင့်သို့ ရောက်သွားပါပြီ။"
    ),
    "You have already signed off this case; a second reviewer must sign.": (
        "ဤကိစ္စကို သင် အတည်ပြုလက်မှတ် ထိုးပြီးပါပြီ၊ ဒုတိယ စိစစ်သူတစ်ဦး ထိုးရပါမည်။"
    ),
    "You hold no key to this case's vetting file, so you cannot sign it off: ask a reviewer who holds it to share it with you.": (
        "ဤကိစ္စ၏ စိစစ်ရေးဖိုင် သော့ကို သင် မကိုင်ထားသဖြင့် အတည်ပြုလက်မှတ် ထိုး၍ မရပါ- သော့ကိုင်ထားသော စိစစ်သူတစ်ဦးကို မျှဝေပေးရန် တောင်းဆိုပါ။"
    ),
    "You hold no key to this case's vetting file, so you cannot raise or clear a flag: ask a reviewer who holds it to share it with you.": (
        "ဤကိစ္စ၏ စိစစ်ရေးဖိုင် သော့ကို သင် မကိုင်ထားသဖြင့် သတိပေးအမှတ်အသား တင်ခြင်း သို့မဟုတ် ရုပ်သိမ်းခြင်း မပြုနိုင်ပါ- "
        "သော့ကိုင်ထားသော စိစစ်သူတစ်ဦးကို မျှဝေပေးရန် တောင်းဆိုပါ။"
    ),
    "Say why you suspect a plant.": "စေလွှတ်ခံဟု သံသယရှိရသည့် အကြောင်းကို ရေးပါ။",
    "Say why the suspicion no longer holds.": "သံသယ မရှိတော့သည့် အကြောင်းကို ရေးပါ။",
    "There is no such flag on this case.": "ဤကိစ္စတွင် ထိုသတိပေးအမှတ်အသား မရှိပါ။",
    "This flag has already been cleared.": "ဤသတိပေးအမှတ်အသားကို ရုပ်သိမ်းပြီးပါပြီ။",
    "Another reviewer must clear a flag you raised.": "သင်တင်ခဲ့သော သတိပေးအမှတ်အသားကို အခြား စိစစ်သူတစ်ဦးက ရုပ်သိမ်းရပါမည်။",
    "(sealed with an older key of the vetting file that you do not hold)": (
        "(သင် မကိုင်ထားသော စိစစ်ရေးဖိုင်၏ သော့ဟောင်းဖြင့် တံဆိပ်ခတ်ထားသည်)"
    ),
    # --- Vetting: the gate
    "Two independent vetting reviewers (not the case's handler) must sign off the enquirer as genuine; that has not happened yet (or one of them may no longer count).": (
        "လွတ်လပ်သော စိစစ်သူ နှစ်ဦး (ကိစ္စ၏ ကိုင်တွယ်သူ မဟုတ်သူ) က မေးမြန်းသူကို စစ်မှန်သည်ဟု အတည်ပြုလက်မှတ် ထိုးရပါမည်- "
        "ထိုသို့ မဖြစ်သေးပါ (သို့မဟုတ် ၎င်းတို့အနက် တစ်ဦး၏ လက်မှတ် မရေတွက်တော့ပါ)။"
    ),
    "A suspected-plant flag is raised; another reviewer must clear it first.": (
        "စေလွှတ်ခံဟု သံသယ သတိပေးအမှတ်အသား တင်ထားပါသည်- အခြား စိစစ်သူတစ်ဦးက ဦးစွာ ရုပ်သိမ်းရပါမည်။"
    ),
    "Two independent reviewers found the enquirer genuine and no suspected-plant flag is raised.": (
        "လွတ်လပ်သော စိစစ်သူ နှစ်ဦးက မေးမြန်းသူကို စစ်မှန်သည်ဟု တွေ့ရှိပြီး စေလွှတ်ခံ သံသယ သတိပေးအမှတ်အသား မရှိပါ။"
    ),
    # --- Vetting and passage: the passage request
    "Passage": "ထွက်ခွာလာရေးခရီး",
    "Passage may not be requested yet.": "ထွက်ခွာလာရေးခရီးကို မတောင်းဆိုနိုင်သေးပါ။",
    "Passage was asked for on %(on)s. Next: a handler of team %(team)s (not the person who asked) approves or refuses it under Approvals.": (
        "ထွက်ခွာလာရေးခရီးကို %(on)s တွင် တောင်းဆိုထားပါသည်။ နောက်တစ်ဆင့်- %(team)s အဖွဲ့မှ ကိုင်တွယ်သူတစ်ဦး "
        "(တောင်းဆိုသူ မဟုတ်သူ) က အတည်ပြုချက်များ စာမျက်နှာတွင် အတည်ပြု သို့မဟုတ် ငြင်းပယ်ပါမည်။"
    ),
    "Open Approvals to decide": "ဆုံးဖြတ်ရန် အတည်ပြုချက်များ စာမျက်နှာကို ဖွင့်ပါ",
    "Two independent reviewers found the enquirer genuine and no suspected-plant flag stands: passage may be requested.": (
        "လွတ်လပ်သော စိစစ်သူ နှစ်ဦးက မေးမြန်းသူကို စစ်မှန်သည်ဟု တွေ့ရှိပြီး စေလွှတ်ခံ သံသယ သတိပေးအမှတ်အသား မရှိပါ- ထွက်ခွာလာရေးခရီးကို တောင်းဆိုနိုင်ပါပြီ။"
    ),
    "When you ask, a handler of team %(team)s approves or refuses it; then the case's handler plans the passage.": (
        "သင် တောင်းဆိုပြီးနောက် %(team)s အဖွဲ့မှ ကိုင်တွယ်သူတစ်ဦးက အတည်ပြု သို့မဟုတ် ငြင်းပယ်ပါမည်- ထို့နောက် ကိစ္စ၏ ကိုင်တွယ်သူက ခရီးကို စီစဉ်ပါမည်။"
    ),
    "Why passage now (for the approver)": "ယခု ထွက်ခွာလာရေးခရီး လိုအပ်သည့် အကြောင်း (အတည်ပြုမည့်သူအတွက်)",
    "Ask for passage": "ထွက်ခွာလာရေးခရီး တောင်းဆိုရန်",
    "Next: a vetting reviewer of team %(team)s who does not handle the case asks for passage, and a handler of that team approves it.": (
        "နောက်တစ်ဆင့်- ကိစ္စကို မကိုင်တွယ်သော %(team)s အဖွဲ့မှ စိစစ်သူတစ်ဦးက ထွက်ခွာလာရေးခရီးကို တောင်းဆိုပြီး ထိုအဖွဲ့မှ ကိုင်တွယ်သူတစ်ဦးက အတည်ပြုပါမည်။"
    ),
    "Passage asked for. A handler of the case's team decides next.": (
        "ထွက်ခွာလာရေးခရီး တောင်းဆိုပြီးပါပြီ။ နောက်တစ်ဆင့်တွင် ကိစ္စ၏ အဖွဲ့မှ ကိုင်တွယ်သူတစ်ဦးက ဆုံးဖြတ်ပါမည်။"
    ),
    # --- Vetting page
    "Vetting %(reference)s": "စိစစ်မှု %(reference)s",
    "Back to the vetting queue": "စိစစ်ရန် စာရင်းသို့ ပြန်သွားရန်",
    "Open the case": "ကိစ္စကို ဖွင့်ရန်",
    "Vetting: case %(reference)s": "စိစစ်မှု- ကိစ္စ %(reference)s",
    "team": "အဖွဲ့",
    "opened": "ဖွင့်သည့်နေ့",
    "handler": "ကိုင်တွယ်သူ",
    "none": "မရှိ",
    "This case has left vetting; what you recorded stays here to read.": (
        "ဤကိစ္စ စိစစ်မှုအဆင့်မှ ထွက်သွားပါပြီ- သင်မှတ်တမ်းတင်ခဲ့သည်များကို ဤနေရာတွင် ဆက်ဖတ်နိုင်ပါသည်။"
    ),
    "The flags are sealed and you hold no key to this case's vetting file.": (
        "သတိပေးအမှတ်အသားများကို တံဆိပ်ခတ်ထားပြီး ဤကိစ္စ၏ စိစစ်ရေးဖိုင် သော့ကို သင် မကိုင်ထားပါ။"
    ),
    "A suspected-plant flag stands.": "စေလွှတ်ခံ သံသယ သတိပေးအမှတ်အသား ရှိနေပါသည်။",
    "Raised": "တင်ထားသည်",
    "Cleared": "ရုပ်သိမ်းပြီး",
    "raised by %(who)s on %(on)s": "%(on)s တွင် %(who)s က တင်ခဲ့သည်",
    "cleared by %(who)s on %(on)s": "%(on)s တွင် %(who)s က ရုပ်သိမ်းခဲ့သည်",
    "Clear this flag": "ဤသတိပေးအမှတ်အသားကို ရုပ်သိမ်းရန်",
    "No flag has been raised.": "သတိပေးအမှတ်အသား တစ်ခုမျှ မတင်ရသေးပါ။",
    "Raise a suspected-plant flag": "စေလွှတ်ခံ သံသယ သတိပေးအမှတ်အသား တင်ရန်",
    "Checklist": "စစ်ဆေးစာရင်း",
    "Results": "ရလဒ်များ",
    "(retired)": "(အသုံးမပြုတော့)",
    "sealed: no key": "တံဆိပ်ခတ်ထားသည်- သော့မရှိ",
    "not checked": "မစစ်ဆေးရသေး",
    ("%(counter)s earlier result replaced", "%(counter)s earlier results replaced"): (
        "ယခင်ရလဒ် %(counter)s ခုကို အစားထိုးပြီး"
    ),
    "Record result": "ရလဒ် မှတ်တမ်းတင်ရန်",
    "Sign-off": "အတည်ပြုလက်မှတ်",
    "Reviewer": "စိစစ်သူ",
    "On": "နေ့",
    "Nobody has signed off yet.": "မည်သူမျှ အတည်ပြုလက်မှတ် မထိုးရသေးပါ။",
    "Two reviewers who do not handle the case must each sign off the enquirer as genuine before passage may be asked for.": (
        "ထွက်ခွာလာရေးခရီး မတောင်းဆိုမီ ကိစ္စကို မကိုင်တွယ်သော စိစစ်သူ နှစ်ဦးစလုံးက မေးမြန်းသူကို စစ်မှန်သည်ဟု အတည်ပြုလက်မှတ် ထိုးရပါမည်။"
    ),
    "Sign off": "အတည်ပြုလက်မှတ် ထိုးရန်",
    "You have signed off this case.": "ဤကိစ္စကို သင် အတည်ပြုလက်မှတ် ထိုးပြီးပါပြီ။",
    # --- Passage
    "Route segment": "ခရီးလမ်းအပိုင်း",
    "Meeting point": "တွေ့ဆုံမည့်နေရာ",
    "Contact": "ဆက်သွယ်ရမည့်သူ",
    "Note": "မှတ်ချက်",
    "Kind": "အမျိုးအစား",
    "Details": "အသေးစိတ်",
    "Passage team": "ခရီးစီစဉ်ရေးအဖွဲ့",
    "Only this team's case handlers will hold the plan's key; you too only if you are one.": (
        "ဤအဖွဲ့၏ ကိုင်တွယ်သူများသာ စီမံချက်၏ သော့ကို ကိုင်ထားမည်- သင်သည် ထိုအဖွဲ့ဝင် ဖြစ်မှသာ သင်လည်း ကိုင်ထားမည်။"
    ),
    "Passage plan destroyed": "ခရီးစီမံချက် ဖျက်ဆီးပြီး",
    "This passage plan has been destroyed": "ဤခရီးစီမံချက်ကို ဖျက်ဆီးပြီးပါပြီ",
    "Its keys and entries were destroyed on %(on)s, after the case arrived. Nothing of it can be read again.": (
        "ကိစ္စ ရောက်ရှိပြီးနောက် %(on)s တွင် ၎င်း၏ သော့များနှင့် မှတ်တမ်းများကို ဖျက်ဆီးခဲ့ပါသည်။ မည်သည့်အရာကိုမျှ ထပ်မံ ဖတ်၍ မရတော့ပါ။"
    ),
    "You hold no key for this passage plan": "ဤခရီးစီမံချက်အတွက် သော့ကို သင် မကိုင်ထားပါ",
    "It is sealed to the members of %(team)s who were in the team when it was opened. Ask one of them to grant you access.": (
        "၎င်းကို ဖွင့်ခဲ့စဉ်က %(team)s အဖွဲ့ဝင်ဖြစ်သူများထံသာ တံဆိပ်ခတ်ထားပါသည်။ ၎င်းတို့အနက် တစ်ဦးကို ဝင်ခွင့်ပေးရန် တောင်းဆိုပါ။"
    ),
    "Passage plan %(reference)s": "ခရီးစီမံချက် %(reference)s",
    "Back to case %(reference)s": "ကိစ္စ %(reference)s သို့ ပြန်သွားရန်",
    "Passage plan for case %(reference)s": "ကိစ္စ %(reference)s အတွက် ခရီးစီမံချက်",
    "Open since %(on)s, held by the passage team %(team)s.": (
        "%(on)s ကတည်းက ဖွင့်ထားပြီး ခရီးစီစဉ်ရေးအဖွဲ့ %(team)s က ကိုင်ထားပါသည်။"
    ),
    "Destroyed on %(on)s.": "%(on)s တွင် ဖျက်ဆီးခဲ့သည်။",
    "Open the plan": "စီမံချက်ကို ဖွင့်ရန်",
    "(members of %(team)s only)": "(%(team)s အဖွဲ့ဝင်များသာ)",
    "Next: the passage team %(team)s writes the route, meeting points and contacts in the plan; the case's handler records the start of transit and the arrival on the case page. The plan is destroyed a grace period after arrival.": (
        "နောက်တစ်ဆင့်- ခရီးစီစဉ်ရေးအဖွဲ့ %(team)s က ခရီးလမ်း၊ တွေ့ဆုံမည့်နေရာနှင့် ဆက်သွယ်ရမည့်သူများကို "
        "စီမံချက်တွင် ရေးပါမည်- ကိစ္စ၏ ကိုင်တွယ်သူက ခရီးစတင်ခြင်းနှင့် ရောက်ရှိခြင်းကို ကိစ္စစာမျက်နှာတွင် "
        "မှတ်တမ်းတင်ပါမည်။ ရောက်ရှိပြီး သတ်မှတ်ကာလ ကုန်လျှင် စီမံချက်ကို ဖျက်ဆီးပါမည်။"
    ),
    "A plan opens once passage has been approved by two people: a vetting reviewer of the case's team asks for it, and a handler of the team approves it.": (
        "ထွက်ခွာလာရေးခရီးကို လူနှစ်ဦး အတည်ပြုပြီးမှ စီမံချက် ဖွင့်နိုင်ပါသည်- ကိစ္စ၏ အဖွဲ့မှ စိစစ်သူတစ်ဦးက တောင်းဆိုပြီး အဖွဲ့မှ ကိုင်တွယ်သူတစ်ဦးက အတည်ပြုပါသည်။"
    ),
    "The case's handler opens the plan and chooses the passage team: only that team's members will hold its key and write in it. The plan is destroyed a grace period after arrival.": (
        "ကိစ္စ၏ ကိုင်တွယ်သူက စီမံချက်ကို ဖွင့်ပြီး ခရီးစီစဉ်ရေးအဖွဲ့ကို ရွေးပါသည်- ထိုအဖွဲ့ဝင်များသာ "
        "သော့ကိုင်ပြီး ရေးသားနိုင်ပါမည်။ ရောက်ရှိပြီး သတ်မှတ်ကာလ ကုန်လျှင် စီမံချက်ကို ဖျက်ဆီးပါမည်။"
    ),
    "Open the passage plan": "ခရီးစီမံချက် ဖွင့်ရန်",
    "Next: the case's handler opens the plan.": "နောက်တစ်ဆင့်- ကိစ္စ၏ ကိုင်တွယ်သူက စီမံချက်ကို ဖွင့်ပါမည်။",
    "passage team %(team)s": "ခရီးစီစဉ်ရေးအဖွဲ့ %(team)s",
    "opened %(on)s": "%(on)s တွင် ဖွင့်ခဲ့သည်",
    "arrived %(on)s, destroyed automatically after the grace period": (
        "%(on)s တွင် ရောက်ရှိခဲ့သည်၊ သတ်မှတ်ကာလ ကုန်လျှင် အလိုအလျောက် ဖျက်ဆီးပါမည်"
    ),
    "Next: nothing; the plan is destroyed automatically after the grace period.": (
        "နောက်တစ်ဆင့်- ဘာမှ မလိုပါ- သတ်မှတ်ကာလ ကုန်လျှင် စီမံချက်ကို အလိုအလျောက် ဖျက်ဆီးပါမည်။"
    ),
    "Next: your team writes the route, meeting points and contacts here; the case's handler records the start of transit and the arrival on the case page.": (
        "နောက်တစ်ဆင့်- သင့်အဖွဲ့က ခရီးလမ်း၊ တွေ့ဆုံမည့်နေရာနှင့် ဆက်သွယ်ရမည့်သူများကို ဤနေရာတွင် ရေးပါမည်- "
        "ကိစ္စ၏ ကိုင်တွယ်သူက ခရီးစတင်ခြင်းနှင့် ရောက်ရှိခြင်းကို ကိစ္စစာမျက်နှာတွင် မှတ်တမ်းတင်ပါမည်။"
    ),
    "Entries": "မှတ်တမ်းများ",
    "No entries yet.": "မှတ်တမ်း မရှိသေးပါ။",
    "Add an entry": "မှတ်တမ်း ထည့်ရန်",
    "Add": "ထည့်ရန်",
    # --- Rewards: money, dates, forms
    "Give a date between %(first)s and %(last)s.": "%(first)s နှင့် %(last)s ကြားရှိ ရက်စွဲကို ထည့်ပါ။",
    "Type the amount in plain digits, e.g. 1500 or 1,500.00: no letters, no exponent.": (
        "ပမာဏကို ဂဏန်းသက်သက်ဖြင့် ရိုက်ပါ၊ ဥပမာ 1500 သို့မဟုတ် 1,500.00- စာလုံးနှင့် ထပ်ကိန်း (e) မပါရ။"
    ),
    "%(amount)r is not an amount.": "%(amount)r သည် ပမာဏ မဟုတ်ပါ။",
    "An amount must be a number.": "ပမာဏသည် ဂဏန်း ဖြစ်ရပါမည်။",
    "%(currency)s has %(places)d decimal places; %(value)s has more.": (
        "%(currency)s တွင် ဒသမနေရာ %(places)d နေရာသာ ရှိပါသည်- %(value)s တွင် ပိုများနေပါသည်။"
    ),
    "That amount is too large.": "ထိုပမာဏ အလွန်များလွန်းပါသည်။",
    "US dollar": "အမေရိကန်ဒေါ်လာ",
    "Myanmar kyat": "မြန်မာကျပ်",
    "Thai baht": "ထိုင်းဘတ်",
    "US dollars": "အမေရိကန်ဒေါ်လာ",
    "kyat": "ကျပ်",
    "baht": "ဘတ်",
    "%(words)s %(currency)s": "%(words)s %(currency)s",
    "%(words)s %(currency)s and %(cents)s/100": "%(words)s %(currency)s နှင့် %(cents)s/100",
    "Amount": "ပမာဏ",
    "As received, in plain digits, e.g. 25000.00 (no more decimal places than the currency has).": (
        "လက်ခံရရှိသည့်အတိုင်း ဂဏန်းသက်သက်ဖြင့်၊ ဥပမာ 25000.00 (ငွေကြေး၏ ဒသမနေရာထက် မပိုရ)။"
    ),
    "Currency": "ငွေကြေး",
    "Memo": "မှတ်စု",
    "A donor code or a transfer reference — never a person's name.": (
        "အလှူရှင်ကုဒ် သို့မဟုတ် ငွေလွှဲ ရည်ညွှန်းနံပါတ် — လူတစ်ဦး၏ အမည် လုံးဝ မရေးရ။"
    ),
    "An amount received must be more than nothing.": "လက်ခံရရှိသော ပမာဏသည် သုညထက် များရပါမည်။",
    "Why is it reversed?": "ဘာကြောင့် ပြန်ပယ်ဖျက်သနည်း။",
    "For example: recorded twice, wrong currency. Never a person's name.": (
        "ဥပမာ- နှစ်ကြိမ် မှတ်မိသည်၊ ငွေကြေး မှားသည်။ လူတစ်ဦး၏ အမည် လုံးဝ မရေးရ။"
    ),
    # --- Rewards: donations and the confirmation step
    "Confirm the amount": "ပမာဏကို အတည်ပြုပါ",
    "You typed <strong>%(shown)s</strong>:": "သင် ရိုက်ထည့်ခဲ့သည်မှာ <strong>%(shown)s</strong>-",
    "That is more than the programme records without a second look. If it is right, record it; if not, go back and correct it.": (
        "ဤပမာဏသည် အစီအစဉ်က ထပ်မံ မစစ်ဘဲ မှတ်တမ်းတင်သည့် ပမာဏထက် များပါသည်။ မှန်လျှင် မှတ်တမ်းတင်ပါ၊ မမှန်လျှင် ပြန်သွား၍ ပြင်ပါ။"
    ),
    "Yes, record %(shown)s": "ဟုတ်ကဲ့၊ %(shown)s ကို မှတ်တမ်းတင်ပါ",
    "No, correct it": "မဟုတ်ပါ၊ ပြင်မည်",
    "Back to finance": "ငွေစာရင်းသို့ ပြန်သွားရန်",
    "Record funds received": "လက်ခံရရှိသော ရန်ပုံငွေ မှတ်တမ်းတင်ရန်",
    "Posts to the ledger: funds held rise, funds received are credited. A mistake is corrected by reversing it, never by editing.": (
        "စာရင်းဇယားသို့ ထည့်သွင်းပါသည်- ကိုင်ထားသော ရန်ပုံငွေ တိုးလာပြီး လက်ခံငွေကို စာရင်းသွင်းပါသည်။ "
        "အမှားကို ပြန်ပယ်ဖျက်ခြင်းဖြင့်သာ ပြင်ရပါသည်၊ တည်းဖြတ်၍ မရပါ။"
    ),
    "The memo is a donor code or a transfer reference, never a person's name.": (
        "မှတ်စုသည် အလှူရှင်ကုဒ် သို့မဟုတ် ငွေလွှဲ ရည်ညွှန်းနံပါတ် ဖြစ်ရပါမည်၊ လူတစ်ဦး၏ အမည် လုံးဝ မဟုတ်ရ။"
    ),
    "It stays out of the audit log and the CSV export.": "၎င်းကို စစ်ဆေးရေးမှတ်တမ်းနှင့် CSV ထုတ်ယူမှုတွင် မထည့်ပါ။",
    "Record": "မှတ်တမ်းတင်ရန်",
    # --- Rewards home
    "Rewards": "ဆုငွေများ",
    "Claims: the case's handler writes and submits a claim; a vetting reviewer of the case's team verifies the evidence; a committee member values it; two other committee members approve each tranche; finance pays. Nobody takes two parts in one claim.": (
        "ဆုငွေတောင်းခံမှု- ကိစ္စ၏ ကိုင်တွယ်သူက ရေးသား တင်သွင်းပါသည်၊ ကိစ္စ၏ အဖွဲ့မှ စိစစ်သူတစ်ဦးက "
        "အထောက်အထားကို စစ်ဆေးပါသည်၊ ကော်မတီဝင်တစ်ဦးက တန်ဖိုးဖြတ်ပါသည်၊ အခြား ကော်မတီဝင် နှစ်ဦးက "
        "အရစ်တိုင်းကို အတည်ပြုပါသည်၊ ငွေစာရင်းက ပေးချေပါသည်။ တောင်းခံမှုတစ်ခုတွင် မည်သူမျှ အခန်းကဏ္ဍ နှစ်ခု မယူရ။"
    ),
    "Stipends: proposed each month for every arrived case; a committee member approves or refuses each; finance pays, never the person who approved.": (
        "ထောက်ပံ့ငွေ- ရောက်ရှိပြီး ကိစ္စတိုင်းအတွက် လစဉ် အဆိုပြုပါသည်၊ ကော်မတီဝင်တစ်ဦးက တစ်ခုချင်း "
        "အတည်ပြု သို့မဟုတ် ငြင်းပယ်ပါသည်၊ ငွေစာရင်းက ပေးချေပါသည် — အတည်ပြုသူကိုယ်တိုင် ဘယ်တော့မှ မပေးချေရ။"
    ),
    "What waits for you": "သင့်ကို စောင့်နေသည့် အလုပ်များ",
    ("%(counter)s open claim on your cases", "%(counter)s open claims on your cases"): (
        "သင့်ကိစ္စများတွင် ဖွင့်ထားသော ဆုငွေတောင်းခံမှု %(counter)s ခု"
    ),
    ("%(counter)s claim to verify", "%(counter)s claims to verify"): "စစ်ဆေးရန် ဆုငွေတောင်းခံမှု %(counter)s ခု",
    ("%(counter)s claim to value", "%(counter)s claims to value"): "တန်ဖိုးဖြတ်ရန် ဆုငွေတောင်းခံမှု %(counter)s ခု",
    (
        "%(counter)s tranche waiting for a first approval",
        "%(counter)s tranches waiting for a first approval",
    ): "ပထမ အတည်ပြုချက် စောင့်နေသော အရစ် %(counter)s ခု",
    (
        "%(counter)s tranche waiting for a second approval",
        "%(counter)s tranches waiting for a second approval",
    ): "ဒုတိယ အတည်ပြုချက် စောင့်နေသော အရစ် %(counter)s ခု",
    ("%(counter)s approved tranche to pay", "%(counter)s approved tranches to pay"): (
        "ပေးချေရန် အတည်ပြုပြီး အရစ် %(counter)s ခု"
    ),
    ("%(counter)s stipend to approve or refuse", "%(counter)s stipends to approve or refuse"): (
        "အတည်ပြုရန် သို့မဟုတ် ငြင်းပယ်ရန် ထောက်ပံ့ငွေ %(counter)s ခု"
    ),
    ("%(counter)s approved stipend to pay", "%(counter)s approved stipends to pay"): (
        "ပေးချေရန် အတည်ပြုပြီး ထောက်ပံ့ငွေ %(counter)s ခု"
    ),
    "Nothing waits for you.": "သင့်ကို စောင့်နေသည့် အလုပ် မရှိပါ။",
    "Pages": "စာမျက်နှာများ",
    "Stipends": "ထောက်ပံ့ငွေများ",
    "Stipend rates": "ထောက်ပံ့ငွေ နှုန်းထားများ",
    "Finance: funds, commitments and payments": "ငွေစာရင်း- ရန်ပုံငွေ၊ ပေးရန်ကတိနှင့် ပေးချေမှုများ",
    "Reward schedules": "ဆုငွေ ဇယားများ",
    # --- Stipends
    "One stipend a month for each case that has arrived and is not closed: a base per case and an amount per dependant recorded on the case.": (
        "ရောက်ရှိပြီး မပိတ်ရသေးသော ကိစ္စတိုင်းအတွက် လစဉ် ထောက်ပံ့ငွေ တစ်ခု- ကိစ္စတစ်ခုလျှင် အခြေခံငွေနှင့် "
        "ကိစ္စတွင် မှတ်တမ်းတင်ထားသော မှီခိုသူတစ်ဦးလျှင် ပမာဏတစ်ခု။"
    ),
    "In force for %(month)s: %(base)s plus %(per)s per dependant (from %(since)s).": (
        "%(month)s အတွက် အသက်ဝင်နေသည်- %(base)s နှင့် မှီခိုသူတစ်ဦးလျှင် %(per)s (%(since)s မှစ၍)။"
    ),
    "No rate is in force for %(month)s.": "%(month)s အတွက် အသက်ဝင်နေသော နှုန်းထား မရှိပါ။",
    "Rates": "နှုန်းထားများ",
    "A job proposes them every quarter of an hour; the committee approves or refuses each; finance then pays, never the person who approved.": (
        "စနစ်က ၁၅ မိနစ်တိုင်း အဆိုပြုပါသည်၊ ကော်မတီက တစ်ခုချင်း အတည်ပြု သို့မဟုတ် ငြင်းပယ်ပါသည်၊ "
        "ထို့နောက် ငွေစာရင်းက ပေးချေပါသည် — အတည်ပြုသူကိုယ်တိုင် ဘယ်တော့မှ မပေးချေရ။"
    ),
    "Propose the stipends for %(month)s now": "%(month)s အတွက် ထောက်ပံ့ငွေများကို ယခု အဆိုပြုရန်",
    "Month": "လ",
    ("%(counter)s to decide", "%(counter)s to decide"): "ဆုံးဖြတ်ရန် %(counter)s ခု",
    "Show": "ပြရန်",
    "Case": "ကိစ္စ",
    "Dependants": "မှီခိုသူများ",
    "Status": "အခြေအနေ",
    "approved by %(who)s on %(on)s": "%(on)s တွင် %(who)s က အတည်ပြုခဲ့သည်",
    "paid by %(who)s on %(on)s": "%(on)s တွင် %(who)s က ပေးချေခဲ့သည်",
    "Approve": "အတည်ပြုရန်",
    "Refuse…": "ငြင်းပယ်ရန်…",
    "I am sure: refusing cannot be undone.": "သေချာပါသည်- ငြင်းပယ်ခြင်းကို ပြန်ပြင်၍ မရပါ။",
    "Refuse this stipend": "ဤထောက်ပံ့ငွေကို ငြင်းပယ်ရန်",
    "Record payment": "ပေးချေမှု မှတ်တမ်းတင်ရန်",
    "You approved this: someone else in finance pays it.": (
        "ဤထောက်ပံ့ငွေကို သင် အတည်ပြုခဲ့သည်- ငွေစာရင်းမှ အခြားသူတစ်ဦးက ပေးချေပါမည်။"
    ),
    "Next: a committee member approves or refuses it.": "နောက်တစ်ဆင့်- ကော်မတီဝင်တစ်ဦးက အတည်ပြု သို့မဟုတ် ငြင်းပယ်ပါမည်။",
    "Next: finance pays it (not the person who approved).": "နောက်တစ်ဆင့်- ငွေစာရင်းက ပေးချေပါမည် (အတည်ပြုသူ မဟုတ်သူ)။",
    "No stipends for this month.": "ဤလအတွက် ထောက်ပံ့ငွေ မရှိပါ။",
    "Finance": "ငွေစာရင်း",
    "Choose to approve or to refuse the stipend.": "ထောက်ပံ့ငွေကို အတည်ပြုမည် သို့မဟုတ် ငြင်းပယ်မည်ကို ရွေးပါ။",
    "Tick the box to confirm that you refuse this stipend.": (
        "ဤထောက်ပံ့ငွေကို ငြင်းပယ်ကြောင်း အတည်ပြုရန် အကွက်ကို အမှန်ခြစ်ပါ။"
    ),
    # --- Rewards: model choices
    "Funds held": "ကိုင်ထားသော ရန်ပုံငွေ",
    "Funds received": "လက်ခံရရှိသော ရန်ပုံငွေ",
    "Rewards owed": "ပေးရန်ရှိသော ဆုငွေ",
    "Stipends owed": "ပေးရန်ရှိသော ထောက်ပံ့ငွေ",
    "Currency exchange": "ငွေလဲလှယ်ခြင်း",
    "Reward tranche approved": "ဆုငွေအရစ် အတည်ပြုပြီး",
    "Reward paid": "ဆုငွေ ပေးချေပြီး",
    "Stipend approved": "ထောက်ပံ့ငွေ အတည်ပြုပြီး",
    "Stipend paid": "ထောက်ပံ့ငွေ ပေးချေပြီး",
    "Reversal": "ပြန်ပယ်ဖျက်ခြင်း",
    "Draft": "မူကြမ်း",
    "Submitted": "တင်သွင်းပြီး",
    "Approved (every tranche)": "အတည်ပြုပြီး (အရစ်အားလုံး)",
    "Paid": "ပေးချေပြီး",
    "Rejected": "ပယ်ချပြီး",
    "Withdrawn": "ရုပ်သိမ်းပြီး",
    "Claimed (handler)": "တောင်းခံသူ (ကိုင်တွယ်သူ)",
    "Verified": "စစ်ဆေးပြီး",
    "Valued": "တန်ဖိုးဖြတ်ပြီး",
    "Approved tranches (committee)": "အရစ်များ အတည်ပြုသူ (ကော်မတီ)",
    "Released payments (finance)": "ငွေပေးချေသူ (ငွေစာရင်း)",
    "Tail number (aircraft)": "အမြီးနံပါတ် (လေယာဉ်)",
    "Hull number (vessel)": "ကိုယ်ထည်နံပါတ် (သင်္ဘော)",
    "Serial number": "စက်နံပါတ်",
    "On arrival": "ရောက်ရှိချိန်တွင်",
    "After verification": "စစ်ဆေးပြီးနောက်",
    "Planned": "စီစဉ်ထားသည်",
    "Awaiting a second committee member": "ဒုတိယ ကော်မတီဝင်ကို စောင့်နေသည်",
    "Approved": "အတည်ပြုပြီး",
    "Cancelled": "ပယ်ဖျက်ပြီး",
    "Proposed": "အဆိုပြုထားသည်",
    "Refused": "ငြင်းပယ်ပြီး",
}
