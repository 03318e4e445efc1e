"""Burmese for the cases workspace: inbox, case page, steps, identity pages (see tools/my_translations.py).

Terms kept the same throughout: case ကိစ္စ, enquirer စုံစမ်းသူ, handler တာဝန်ခံ, intake officer
လက်ခံရေးအရာရှိ, custodian ကိုယ်ရေးထိန်းသိမ်းသူ, vetting စိစစ်ခြင်း, triage ကနဦးစစ်ဆေးခြင်း, passage ခရီးစဉ်,
identity ကိုယ်ရေးအချက်အလက်, dependant မှီခိုသူ, key သော့, sealed လျှို့ဝှက်သိမ်းထား, note မှတ်စု.
"""

MY = {
    # Statuses.
    "Enquiry": "စုံစမ်းစာ",
    "Dormant pre-registration": "ခေတ္တဆိုင်းငံ့ (မှတ်ပုံမတင်ရသေး)",
    "Triage": "ကနဦးစစ်ဆေးခြင်း",
    "Vetting": "စိစစ်ခြင်း",
    "Passage approved": "ခရီးစဉ် ခွင့်ပြုပြီး",
    "Passage planned": "ခရီးစဉ် စီစဉ်ပြီး",
    "In transit": "ခရီးသွားနေဆဲ",
    "Arrived": "ရောက်ရှိပြီး",
    "Screened": "တွေ့ဆုံစစ်ဆေးပြီး",
    "Registered": "မှတ်ပုံတင်ပြီး",
    "Closed": "ပိတ်ပြီး",
    "Withdrawn": "ရုပ်သိမ်းပြီး",
    "Lost contact": "အဆက်အသွယ် ပြတ်",
    "Rejected (not genuine)": "ငြင်းပယ်ပြီး (အစစ်မဟုတ်)",
    "Duplicate": "ထပ်နေသော ကိစ္စ",
    "Quarantined (junk)": "သီးခြားထားသည် (အမှိုက်စာ ဖြစ်နိုင်)",
    "Enquirer": "စုံစမ်းသူ",
    "Programme": "အစီအစဉ်",
    "Spouse": "ဇနီး/ခင်ပွန်း",
    "Child": "သားသမီး",
    "Parent": "မိဘ",
    "Sibling": "မောင်နှမ",
    "Name": "အမည်",
    "Phone number": "ဖုန်းနံပါတ်",
    "Service number": "တပ်မှတ်ပုံတင်နံပါတ်",
    # Steps.
    "Release from quarantine": "သီးခြားထားရာမှ ပြန်လွှတ်ရန်",
    "Start triage": "ကနဦးစစ်ဆေးမှု စတင်ရန်",
    "Put aside until a check-in date": "ပြန်ဆက်သွယ်မည့်နေ့အထိ ခေတ္တဆိုင်းငံ့ရန်",
    "Refer for vetting": "စိစစ်ရန် လွှဲပို့ရန်",
    "Ask to approve passage": "ခရီးစဉ် ခွင့်ပြုရန် တောင်းဆိုရန်",
    "Mark the passage as planned": "ခရီးစဉ် စီစဉ်ပြီးကြောင်း မှတ်ရန်",
    "Start the journey": "ခရီး စတင်ရန်",
    "Record the arrival": "ရောက်ရှိကြောင်း မှတ်တမ်းတင်ရန်",
    "Record the screening": "တွေ့ဆုံစစ်ဆေးမှု မှတ်တမ်းတင်ရန်",
    "Ask to register": "မှတ်ပုံတင်ရန် တောင်းဆိုရန်",
    "Close the case": "ကိစ္စ ပိတ်ရန်",
    "Ask to close and purge": "ပိတ်ပြီး အပြီးဖျက်ရန် တောင်းဆိုရန်",
    "Withdraw the case": "ကိစ္စ ရုပ်သိမ်းရန်",
    "Record that contact was lost": "အဆက်အသွယ် ပြတ်ကြောင်း မှတ်ရန်",
    "Resume contact": "အဆက်အသွယ် ပြန်စရန်",
    "Reject as not genuine": "အစစ်မဟုတ်၍ ငြင်းပယ်ရန်",
    "Mark as a duplicate": "ထပ်နေသော ကိစ္စအဖြစ် မှတ်ရန်",
    "Another step": "အခြားအဆင့်",
    "second person": "ဒုတိယလူ",
    # What happens next.
    "An intake officer reads the enquiry and starts triage, or puts it aside until a date.": (
        "လက်ခံရေးအရာရှိက စုံစမ်းစာကို ဖတ်ပြီး ကနဦးစစ်ဆေးမှု စတင်မည်၊ သို့မဟုတ် ရက်တစ်ရက်အထိ ခေတ္တဆိုင်းငံ့မည်။"
    ),
    "Waiting for the check-in date; then an intake officer contacts the enquirer again.": (
        "ပြန်ဆက်သွယ်မည့်နေ့ကို စောင့်နေသည်။ ထိုနေ့တွင် လက်ခံရေးအရာရှိက စုံစမ်းသူကို ပြန်ဆက်သွယ်မည်။"
    ),
    "An intake officer talks with the enquirer, assigns a handler and refers the case for vetting.": (
        "လက်ခံရေးအရာရှိက စုံစမ်းသူနှင့် စကားပြောပြီး တာဝန်ခံ သတ်မှတ်ကာ စိစစ်ရန် လွှဲပို့မည်။"
    ),
    (
        "Two vetting reviewers check the enquirer. When both have signed off, a reviewer asks for passage "
        "and a handler of the team approves it."
    ): ("စိစစ်သူ နှစ်ဦးက စုံစမ်းသူကို စစ်ဆေးမည်။ နှစ်ဦးစလုံး လက်မှတ်ထိုးပြီးလျှင် စိစစ်သူက ခရီးစဉ် တောင်းဆိုပြီး အဖွဲ့၏ တာဝန်ခံတစ်ဦးက ခွင့်ပြုမည်။"),
    "The handler makes the passage plan.": "တာဝန်ခံက ခရီးစဉ်အစီအစဉ် ရေးဆွဲမည်။",
    "The handler starts the journey when the plan is ready.": "အစီအစဉ် အဆင်သင့်ဖြစ်လျှင် တာဝန်ခံက ခရီး စတင်မည်။",
    "The handler records the arrival.": "တာဝန်ခံက ရောက်ရှိကြောင်း မှတ်တမ်းတင်မည်။",
    "A vetting reviewer screens the person after arrival.": "ရောက်ရှိပြီးနောက် စိစစ်သူက ထိုသူကို တွေ့ဆုံစစ်ဆေးမည်။",
    "The handler asks to register the person; a vetting reviewer approves.": (
        "တာဝန်ခံက ထိုသူကို မှတ်ပုံတင်ရန် တောင်းဆိုမည်။ စိစစ်သူက အတည်ပြုမည်။"
    ),
    "The handler closes the case, or asks custodians to close and purge it.": (
        "တာဝန်ခံက ကိစ္စကို ပိတ်မည်၊ သို့မဟုတ် ပိတ်ပြီး အပြီးဖျက်ရန် ကိုယ်ရေးထိန်းသိမ်းသူများကို တောင်းဆိုမည်။"
    ),
    "Nothing more is needed. A custodian may approve a purge.": (
        "ထပ်လုပ်စရာ မလိုတော့ပါ။ ကိုယ်ရေးထိန်းသိမ်းသူက အပြီးဖျက်ရန် အတည်ပြုနိုင်သည်။"
    ),
    "Work has stopped. An intake officer may ask custodians to close and purge the case.": (
        "လုပ်ငန်း ရပ်ထားသည်။ လက်ခံရေးအရာရှိက ကိစ္စကို ပိတ်ပြီး အပြီးဖျက်ရန် ကိုယ်ရေးထိန်းသိမ်းသူများကို တောင်းဆိုနိုင်သည်။"
    ),
    "If the enquirer writes again, an intake officer resumes contact.": (
        "စုံစမ်းသူက ထပ်စာရေးလာလျှင် လက်ခံရေးအရာရှိက အဆက်အသွယ် ပြန်စမည်။"
    ),
    "Work goes on in the other case. An intake officer may ask to close and purge this one.": (
        "အခြားကိစ္စတွင် ဆက်လုပ်မည်။ လက်ခံရေးအရာရှိက ဤကိစ္စကို ပိတ်ပြီး အပြီးဖျက်ရန် တောင်းဆိုနိုင်သည်။"
    ),
    "Probably junk. An intake officer reads it and releases it into the inbox if it is a real enquiry.": (
        "အမှိုက်စာ ဖြစ်နိုင်သည်။ လက်ခံရေးအရာရှိက ဖတ်ပြီး စုံစမ်းစာ အစစ်ဖြစ်လျှင် ဝင်စာပုံးထဲ ပြန်လွှတ်မည်။"
    ),
    # What the enquirer chose.
    "Wants to leave, alone": "တစ်ယောက်တည်း ထွက်ခွာလိုသည်",
    "Wants to leave with family": "မိသားစုနှင့်အတူ ထွက်ခွာလိုသည်",
    "Wants to leave and bring equipment": "လက်နက်ပစ္စည်း ယူဆောင်၍ ထွက်ခွာလိုသည်",
    "Asking for a relative": "ဆွေမျိုးတစ်ဦးအတွက် မေးမြန်းသည်",
    "Wants information only": "သတင်းအချက်အလက်သာ လိုသည်",
    "Did not say": "မပြောပါ",
    "Only on the website, with the receipt": "ဝက်ဘ်ဆိုက်တွင်သာ (ပြေစာနံပါတ်ဖြင့်)",
    "Not given": "မပေးထားပါ",
    "What they want": "လိုချင်သည့်အရာ",
    "Equipment they could bring": "ယူဆောင်လာနိုင်မည့် လက်နက်ပစ္စည်း",
    "How to answer them": "ပြန်ဖြေရမည့်နည်း",
    "Where to answer them": "ပြန်ဖြေရမည့်နေရာ",
    "What the enquirer told us": "စုံစမ်းသူ ပြောပြထားချက်",
    # Dates.
    "today": "ယနေ့",
    "yesterday": "မနေ့က",
    # Forms.
    "Reply to the enquirer": "စုံစမ်းသူထံ ပြန်စာ",
    "Photos": "ဓာတ်ပုံများ",
    "Internal note (never shown to the enquirer)": "အတွင်းမှတ်စု (စုံစမ်းသူကို ဘယ်တော့မှ မပြပါ)",
    "Handler": "တာဝန်ခံ",
    "Status": "အခြေအနေ",
    "Any status": "အခြေအနေ မရွေး",
    "Unassigned only": "တာဝန်ခံ မရှိသေးသည်များသာ",
    "Label": "တံဆိပ်",
    "Team": "အဖွဲ့",
    "All my teams": "ကျွန်ုပ်၏ အဖွဲ့အားလုံး",
    "Any label": "တံဆိပ် မရွေး",
    "Anyone": "မည်သူမဆို",
    "Nobody (unassigned)": "မည်သူမျှ (တာဝန်ခံ မရှိ)",
    "Case reference": "ကိစ္စ ရည်ညွှန်းနံပါတ်",
    "A case reference has letters and digits, like ABCD2345.": (
        "ကိစ္စ ရည်ညွှန်းနံပါတ်တွင် ABCD2345 ကဲ့သို့ စာလုံးနှင့် ဂဏန်းများ ပါသည်။"
    ),
    "Search by": "ရှာမည့်နည်း",
    "Phone number, service number or name": "ဖုန်းနံပါတ်၊ တပ်မှတ်ပုံတင်နံပါတ် သို့မဟုတ် အမည်",
    "This is not a %(kind)s that can be searched.": "ဤအရာသည် ရှာဖွေ၍ရသော %(kind)s မဟုတ်ပါ။",
    "Your role does not allow searching cases.": "သင့်တာဝန်ဖြင့် ကိစ္စများကို ရှာခွင့် မရှိပါ။",
    "Why do you need this person's identity?": "ဤသူ၏ ကိုယ်ရေးအချက်အလက် ဘာကြောင့် လိုအပ်သနည်း။",
    "A custodian reads this before deciding. Say what for, not who: no names or units here.": (
        "ကိုယ်ရေးထိန်းသိမ်းသူက မဆုံးဖြတ်မီ ဤစာကို ဖတ်မည်။ ဘာအတွက်လဲ ပြောပါ၊ မည်သူလဲ မပြောပါနှင့်။ အမည်၊ တပ်ဖွဲ့ မရေးပါနှင့်။"
    ),
    "Relation": "တော်စပ်ပုံ",
    "Where": "နေရာ",
    "Where they are now, as precisely as is useful.": "ယခု ရှိနေသည့်နေရာ၊ အသုံးဝင်သလောက် တိကျစွာ။",
    "Risk level": "အန္တရာယ် အဆင့်",
    "Risk": "အန္တရာယ်",
    "Plan": "အစီအစဉ်",
    "Low": "နိမ့်",
    "Medium": "အလယ်အလတ်",
    "High": "မြင့်",
    "Critical": "အလွန်အရေးကြီး",
    # Step page messages.
    "Give the check-in date as a date, for example 2026-03-31.": (
        "ပြန်ဆက်သွယ်မည့်နေ့ကို ရက်စွဲအဖြစ် ရေးပါ၊ ဥပမာ 2026-03-31။"
    ),
    "Keep the reason under 500 characters.": "အကြောင်းပြချက်ကို စာလုံး ၅၀၀ အောက် ရေးပါ။",
    "That step could not be read. Choose it again.": "ထိုအဆင့်ကို ဖတ်၍ မရပါ။ ထပ်ရွေးပါ။",
    "Give the reference of the case this one repeats.": "ဤကိစ္စနှင့် ထပ်နေသော ကိစ္စ၏ ရည်ညွှန်းနံပါတ်ကို ရေးပါ။",
    "No case you can see has the reference %(reference)s. Check it and try again.": (
        "သင်ကြည့်ခွင့်ရှိသော ကိစ္စများထဲတွင် %(reference)s ရည်ညွှန်းနံပါတ် မရှိပါ။ ပြန်စစ်ပြီး ထပ်ကြိုးစားပါ။"
    ),
    "Say why, in a few words: colleagues read it later.": (
        "အကြောင်းကို စကားလုံး အနည်းငယ်ဖြင့် ရေးပါ။ လုပ်ဖော်ကိုင်ဖက်များ နောက်မှ ဖတ်မည်။"
    ),
    "Tick the box to confirm this step.": "ဤအဆင့်ကို အတည်ပြုရန် အကွက်ကို အမှန်ခြစ်ပါ။",
    "Asked for a second person's approval.": "ဒုတိယလူ၏ အတည်ပြုချက်ကို တောင်းပြီးပါပြီ။",
    "The case is now: %(status)s.": "ကိစ္စ၏ ယခုအခြေအနေ - %(status)s။",
    "Choose approve or refuse.": "အတည်ပြုမည် သို့မဟုတ် ငြင်းမည်ကို ရွေးပါ။",
    "Choose to approve or refuse.": "အတည်ပြုရန် သို့မဟုတ် ငြင်းရန် ရွေးပါ။",
    "Decision recorded.": "ဆုံးဖြတ်ချက် မှတ်တမ်းတင်ပြီးပါပြီ။",
    "%(handler)s is not an active handler in %(team)s.": "%(handler)s သည် %(team)s တွင် လက်ရှိ တာဝန်ခံ မဟုတ်ပါ။",
    "You hold no key for this case, so you cannot pass it on.": ("ဤကိစ္စအတွက် သော့ မရှိသဖြင့် အခြားသူထံ လွှဲပေး၍ မရပါ။"),
    # Lifecycle refusals.
    "There is no such step.": "ထိုအဆင့် မရှိပါ။",
    "A case that is %(status)s cannot take the step “%(step)s”; it starts from: %(starts)s.": (
        "%(status)s အခြေအနေရှိ ကိစ္စသည် “%(step)s” အဆင့်ကို မလုပ်နိုင်ပါ။ ဤအဆင့်ကို %(starts)s မှသာ စနိုင်သည်။"
    ),
    "You may not take the step “%(step)s” on this case.": "ဤကိစ္စတွင် “%(step)s” အဆင့်ကို သင် မလုပ်ရပါ။",
    "A dormant case needs a check-in date after today.": (
        "ခေတ္တဆိုင်းငံ့ထားသော ကိစ္စတွင် ယနေ့နောက်ပိုင်း ပြန်ဆက်သွယ်မည့်နေ့ လိုအပ်သည်။"
    ),
    "Choose a check-in date within a year from today.": "ယနေ့မှ တစ်နှစ်အတွင်း ပြန်ဆက်သွယ်မည့်နေ့ကို ရွေးပါ။",
    "Only a dormant case has a check-in date.": "ခေတ္တဆိုင်းငံ့ထားသော ကိစ္စတွင်သာ ပြန်ဆက်သွယ်မည့်နေ့ ရှိသည်။",
    "This case has already been purged.": "ဤကိစ္စကို အပြီးဖျက်ပြီး ဖြစ်သည်။",
    "This request has not been approved.": "ဤတောင်းဆိုချက်ကို အတည်မပြုရသေးပါ။",
    "Only the person who asked or the person who approved may carry this out.": (
        "တောင်းဆိုသူ သို့မဟုတ် အတည်ပြုသူသာ ဤအရာကို ဆောင်ရွက်နိုင်သည်။"
    ),
    "This approval is not for a step in a case's life.": "ဤအတည်ပြုချက်သည် ကိစ္စ၏ အဆင့်တစ်ခုအတွက် မဟုတ်ပါ။",
    "This approval has already been carried out.": "ဤအတည်ပြုချက်ကို ဆောင်ရွက်ပြီး ဖြစ်သည်။",
    "The step “%(step)s” needs the approval of a %(role)s.": "“%(step)s” အဆင့်အတွက် %(role)s ၏ အတည်ပြုချက် လိုအပ်သည်။",
    "The person who asked may no longer take this step on this case.": ("တောင်းဆိုသူသည် ဤကိစ္စတွင် ဤအဆင့်ကို မလုပ်ရတော့ပါ။"),
    "Only another person who is a %(role)s may approve this.": "အခြား %(role)s တစ်ဦးသာ ဤအရာကို အတည်ပြုနိုင်သည်။",
    "Only a %(role)s of the case's own team may approve this.": (
        "ကိစ္စ၏ ကိုယ်ပိုင်အဖွဲ့မှ %(role)s တစ်ဦးသာ ဤအရာကို အတည်ပြုနိုင်သည်။"
    ),
    "Only “Mark as a duplicate” names another case.": "“ထပ်နေသော ကိစ္စအဖြစ် မှတ်ရန်” တွင်သာ အခြားကိစ္စကို ဖော်ပြရသည်။",
    "A case cannot be a duplicate of itself.": "ကိစ္စတစ်ခုသည် ၎င်းကိုယ်တိုင်နှင့် ထပ်နေ၍ မရပါ။",
    "Duplicate of case %(reference)s.": "ကိစ္စ %(reference)s နှင့် ထပ်နေသည်။",
    # Identity refusals.
    "Say why you need this person's identity.": "ဤသူ၏ ကိုယ်ရေးအချက်အလက် ဘာကြောင့် လိုသည်ကို ပြောပါ။",
    "Your role does not allow asking for an identity.": "သင့်တာဝန်ဖြင့် ကိုယ်ရေးအချက်အလက် တောင်းခွင့် မရှိပါ။",
    "You may only ask for the identity of a case you work on.": (
        "သင်ကိုင်တွယ်နေသော ကိစ္စ၏ ကိုယ်ရေးအချက်အလက်ကိုသာ တောင်းနိုင်သည်။"
    ),
    "You already hold this case's identity key.": "ဤကိစ္စ၏ ကိုယ်ရေးအချက်အလက် သော့ သင့်တွင် ရှိပြီး ဖြစ်သည်။",
    "This request is not for an identity.": "ဤတောင်းဆိုချက်သည် ကိုယ်ရေးအချက်အလက်အတွက် မဟုတ်ပါ။",
    "This request names someone other than its requester.": "ဤတောင်းဆိုချက်တွင် တောင်းဆိုသူမဟုတ်သော အခြားသူကို ဖော်ပြထားသည်။",
    "The case of this request no longer exists.": "ဤတောင်းဆိုချက်၏ ကိစ္စ မရှိတော့ပါ။",
    "The requester may no longer ask for identities; refuse the request instead.": (
        "တောင်းဆိုသူသည် ကိုယ်ရေးအချက်အလက် မတောင်းရတော့ပါ။ တောင်းဆိုချက်ကို ငြင်းပါ။"
    ),
    "The requester no longer works on this case; refuse the request instead.": (
        "တောင်းဆိုသူသည် ဤကိစ္စကို မကိုင်တွယ်တော့ပါ။ တောင်းဆိုချက်ကို ငြင်းပါ။"
    ),
    "You hold no key for this identity, so you cannot pass it on.": (
        "ဤကိုယ်ရေးအချက်အလက်အတွက် သော့ မရှိသဖြင့် အခြားသူထံ လွှဲပေး၍ မရပါ။"
    ),
    "A reveal is decided with the decider's own key.": "ဖွင့်ပြခြင်းကို ဆုံးဖြတ်သူ၏ ကိုယ်ပိုင်သော့ဖြင့် ဆုံးဖြတ်ရသည်။",
    "This request has already been decided.": "ဤတောင်းဆိုချက်ကို ဆုံးဖြတ်ပြီး ဖြစ်သည်။",
    "No one may decide their own request: another custodian must.": (
        "မိမိ၏ တောင်းဆိုချက်ကို မိမိ မဆုံးဖြတ်ရပါ။ အခြား ကိုယ်ရေးထိန်းသိမ်းသူက ဆုံးဖြတ်ရမည်။"
    ),
    "Only a custodian may decide this.": "ကိုယ်ရေးထိန်းသိမ်းသူသာ ဤအရာကို ဆုံးဖြတ်နိုင်သည်။",
    "The key could not be sealed to the requester; nothing was changed.": (
        "တောင်းဆိုသူထံ သော့ကို ပေးအပ်၍ မရပါ။ ဘာမှ မပြောင်းလဲပါ။"
    ),
    "Access is passed on with the granter's own key.": "ခွင့်ပြုသူ၏ ကိုယ်ပိုင်သော့ဖြင့်သာ ဝင်ခွင့် လွှဲပေးနိုင်သည်။",
    "Only a custodian may pass on an identity key.": "ကိုယ်ရေးထိန်းသိမ်းသူသာ ကိုယ်ရေးအချက်အလက် သော့ကို လွှဲပေးနိုင်သည်။",
    "Identity keys go to custodians only; others ask for a reveal.": (
        "ကိုယ်ရေးအချက်အလက် သော့များကို ကိုယ်ရေးထိန်းသိမ်းသူများထံသာ ပေးသည်။ အခြားသူများ ဖွင့်ပြရန် တောင်းဆိုရမည်။"
    ),
    "You hold no key for this identity, or they have no key pair.": (
        "ဤကိုယ်ရေးအချက်အလက်အတွက် သင့်တွင် သော့ မရှိပါ၊ သို့မဟုတ် ထိုသူတွင် သော့အစုံ မရှိပါ။"
    ),
    "You hold no key for this identity, so you cannot record its family.": (
        "ဤကိုယ်ရေးအချက်အလက်အတွက် သော့ မရှိသဖြင့် မိသားစုကို မှတ်တမ်းတင်၍ မရပါ။"
    ),
    "Your request is with the custodians. You will be able to read it once one approves.": (
        "သင့်တောင်းဆိုချက်ကို ကိုယ်ရေးထိန်းသိမ်းသူများထံ ပို့ပြီးပါပြီ။ တစ်ဦးက အတည်ပြုလျှင် ဖတ်နိုင်ပါမည်။"
    ),
    "Approved: the requester can now read the identity.": ("အတည်ပြုပြီး - တောင်းဆိုသူသည် ကိုယ်ရေးအချက်အလက်ကို ယခု ဖတ်နိုင်ပါပြီ။"),
    "Refused.": "ငြင်းပြီးပါပြီ။",
    # Page furniture.
    "Embrace staff": "Embrace ဝန်ထမ်း",
    "Approvals": "အတည်ပြုရန်များ",
    "Steps waiting for your approval": "သင့်အတည်ပြုချက်ကို စောင့်နေသော အဆင့်များ",
    "Two-person steps asked for by someone else. You cannot decide your own.": (
        "အခြားသူ တောင်းဆိုထားသော နှစ်ဦးလိုအဆင့်များ။ မိမိတောင်းဆိုချက်ကို မိမိ မဆုံးဖြတ်နိုင်ပါ။"
    ),
    "Case": "ကိစ္စ",
    "Step": "အဆင့်",
    "Asked by": "တောင်းဆိုသူ",
    "Reason": "အကြောင်းပြချက်",
    "Decision": "ဆုံးဖြတ်ချက်",
    "gone": "မရှိတော့",
    "Decide": "ဆုံးဖြတ်မည်",
    "Nothing is waiting for you.": "သင့်ကို စောင့်နေသည့်အရာ မရှိပါ။",
    "Case %(reference)s": "ကိစ္စ %(reference)s",
    "%(status)s · team %(team)s · received %(opened)s": "%(status)s · အဖွဲ့ %(team)s · လက်ခံသည့်နေ့ %(opened)s",
    "handler %(handler)s": "တာဝန်ခံ %(handler)s",
    "no handler yet": "တာဝန်ခံ မရှိသေး",
    "Zawgyi uncertain: check the raw text": "Zawgyi ဟုတ်မဟုတ် မသေချာ - မူရင်းစာကို စစ်ပါ",
    "Check in with the enquirer on %(day)s.": "%(day)s တွင် စုံစမ်းသူကို ပြန်ဆက်သွယ်ပါ။",
    "What happens next:": "နောက်ဘာဖြစ်မလဲ -",
    "Passage plan": "ခရီးစဉ်အစီအစဉ်",
    "Open a passage plan": "ခရီးစဉ်အစီအစဉ် ဖွင့်ရန်",
    "Reward claims": "ဆုငွေ တောင်းခံချက်များ",
    "Conversation": "စကားဝိုင်း",
    "photo %(number)s": "ဓာတ်ပုံ %(number)s",
    "script uncertain": "စာလုံးပုံစံ မသေချာ",
    "As typed (encoding uncertain: check which reads right)": (
        "ရိုက်ထားသည့်အတိုင်း (encoding မသေချာ - မည်သည့်ဟာ မှန်သည်ကို စစ်ပါ)"
    ),
    "As typed (converted from Zawgyi)": "ရိုက်ထားသည့်အတိုင်း (Zawgyi မှ ပြောင်းထားသည်)",
    "Send reply": "ပြန်စာ ပို့မည်",
    "Internal notes": "အတွင်းမှတ်စုများ",
    "no key for this note": "ဤမှတ်စုအတွက် သော့ မရှိ",
    "No notes yet.": "မှတ်စု မရှိသေးပါ။",
    "Add note": "မှတ်စု ထည့်မည်",
    "Next steps": "နောက်အဆင့်များ",
    "Check-in date (within a year)": "ပြန်ဆက်သွယ်မည့်နေ့ (တစ်နှစ်အတွင်း)",
    "Reference of the case this one repeats": "ထပ်နေသော မူလကိစ္စ၏ ရည်ညွှန်းနံပါတ်",
    "Why? (kept as a sealed internal note)": "ဘာကြောင့်လဲ။ (လျှို့ဝှက်သိမ်းထားသော အတွင်းမှတ်စုအဖြစ် သိမ်းမည်)",
    "I am sure: this stops the work on this case.": "သေချာပါသည် - ဤကိစ္စ၏ လုပ်ငန်းကို ရပ်မည်။",
    "(needs a second person)": "(ဒုတိယလူ လိုအပ်သည်)",
    "Assignment": "တာဝန်ခံ သတ်မှတ်ခြင်း",
    "Assign": "သတ်မှတ်မည်",
    "Back to case %(reference)s": "ကိစ္စ %(reference)s သို့ ပြန်သွားရန်",
    "Identity": "ကိုယ်ရေးအချက်အလက်",
    "Identity and dependants": "ကိုယ်ရေးအချက်အလက်နှင့် မှီခိုသူများ",
    "Your request for this person's identity is waiting for a custodian.": (
        "ဤသူ၏ ကိုယ်ရေးအချက်အလက်အတွက် သင့်တောင်းဆိုချက်သည် ကိုယ်ရေးထိန်းသိမ်းသူကို စောင့်နေသည်။"
    ),
    "Sealed to custodians; readable once a custodian approves a request.": (
        "ကိုယ်ရေးထိန်းသိမ်းသူများထံ လျှို့ဝှက်သိမ်းထားသည်။ တောင်းဆိုချက်ကို တစ်ဦးက အတည်ပြုမှ ဖတ်နိုင်သည်။"
    ),
    "Request identity": "ကိုယ်ရေးအချက်အလက် တောင်းရန်",
    "Dependant of case %(reference)s": "ကိစ္စ %(reference)s ၏ မှီခိုသူ",
    "%(relation)s of case %(reference)s": "ကိစ္စ %(reference)s ၏ %(relation)s",
    "Save": "သိမ်းမည်",
    "Back to the identity": "ကိုယ်ရေးအချက်အလက်သို့ ပြန်သွားရန်",
    "Identity of case %(reference)s": "ကိစ္စ %(reference)s ၏ ကိုယ်ရေးအချက်အလက်",
    "Sealed to custodians and to those a custodian approved. Your reading of this page is logged.": (
        "ကိုယ်ရေးထိန်းသိမ်းသူများနှင့် သူတို့ ခွင့်ပြုသူများထံသာ လျှို့ဝှက်သိမ်းထားသည်။ သင် ဤစာမျက်နှာကို ဖတ်ခြင်းကို မှတ်တမ်းတင်ထားသည်။"
    ),
    "Suspected plant": "သံသယရှိသော ထောက်လှမ်းသူ",
    "Raised %(day)s:": "%(day)s တွင် သတိပေးခဲ့သည် -",
    "no vetting key for the reason": "အကြောင်းပြချက်အတွက် စိစစ်ရေးသော့ မရှိ",
    "The enquirer gave no identity details.": "စုံစမ်းသူက ကိုယ်ရေးအချက်အလက် မပေးထားပါ။",
    "Dependants": "မှီခိုသူများ",
    "Edit": "ပြင်မည်",
    "No dependants recorded.": "မှီခိုသူ မှတ်တမ်း မရှိပါ။",
    "Add a dependant": "မှီခိုသူ ထည့်ရန်",
    "Add dependant": "မှီခိုသူ ထည့်မည်",
    "No identity key": "ကိုယ်ရေးအချက်အလက် သော့ မရှိ",
    "You hold no identity key for case %(reference)s": "ကိစ္စ %(reference)s အတွက် ကိုယ်ရေးအချက်အလက် သော့ သင့်တွင် မရှိပါ",
    (
        "Who this enquirer is, and their family, is sealed to the custodians. To read it, ask with a reason: "
        "a custodian decides, and if they approve, the key is sealed to you. "
        "Asking and deciding are both logged."
    ): (
        "ဤစုံစမ်းသူ မည်သူဖြစ်သည်နှင့် ၎င်း၏မိသားစုကို ကိုယ်ရေးထိန်းသိမ်းသူများထံ လျှို့ဝှက်သိမ်းထားသည်။ "
        "ဖတ်လိုလျှင် အကြောင်းပြချက်နှင့် တောင်းပါ။ ကိုယ်ရေးထိန်းသိမ်းသူက ဆုံးဖြတ်ပြီး အတည်ပြုလျှင် သော့ကို သင့်ထံ ပေးမည်။ "
        "တောင်းခြင်းနှင့် ဆုံးဖြတ်ခြင်း နှစ်ခုလုံးကို မှတ်တမ်းတင်သည်။"
    ),
    "Your request of %(day)s is waiting for a custodian.": "%(day)s က သင့်တောင်းဆိုချက်သည် ကိုယ်ရေးထိန်းသိမ်းသူကို စောင့်နေသည်။",
    "Your role cannot ask for identities.": "သင့်တာဝန်ဖြင့် ကိုယ်ရေးအချက်အလက် မတောင်းနိုင်ပါ။",
    "Identity requests": "ကိုယ်ရေးအချက်အလက် တောင်းဆိုချက်များ",
    (
        "Approving seals this case's identity key to the requester. "
        "Your own requests are decided by another custodian."
    ): (
        "အတည်ပြုလျှင် ဤကိစ္စ၏ ကိုယ်ရေးအချက်အလက် သော့ကို တောင်းဆိုသူထံ ပေးမည်။ သင့်ကိုယ်ပိုင် တောင်းဆိုချက်များကို အခြား ကိုယ်ရေးထိန်းသိမ်းသူက ဆုံးဖြတ်မည်။"
    ),
    "When": "အချိန်",
    "not a valid request": "မှန်ကန်သော တောင်းဆိုချက် မဟုတ်",
    "No requests are waiting for you.": "သင့်ကို စောင့်နေသော တောင်းဆိုချက် မရှိပါ။",
    "Triage inbox": "ကနဦးစစ်ဆေးရန် ဝင်စာပုံး",
    "Filter": "စစ်ထုတ်မည်",
    "Quarantine": "သီးခြားထားရာ",
    "(enquiries that looked automated: read them and release the real ones)": (
        "(စက်ဖြင့် ပို့သလို ထင်ရသော စုံစမ်းစာများ - ဖတ်ပြီး အစစ်များကို ပြန်လွှတ်ပါ)"
    ),
    "Received": "လက်ခံသည့်နေ့",
    "Summary": "အကျဉ်း",
    ("(%(counter)s new)", "(%(counter)s new)"): "(အသစ် %(counter)s)",
    "Zawgyi uncertain": "Zawgyi ဟုတ်မဟုတ် မသေချာ",
    "possible duplicate": "ထပ်နေနိုင်သည်",
    "no key": "သော့ မရှိ",
    "No enquiries.": "စုံစမ်းစာ မရှိပါ။",
    "Newer": "အသစ်များ",
    "Older": "အဟောင်းများ",
    "My cases": "ကျွန်ုပ်၏ ကိစ္စများ",
    "Last heard": "နောက်ဆုံး ကြားသိသည့်နေ့",
    "No cases are assigned to you.": "သင့်ထံ ကိစ္စ မသတ်မှတ်ရသေးပါ။",
    "No key": "သော့ မရှိ",
    "You hold no key for case %(reference)s": "ကိစ္စ %(reference)s အတွက် သော့ သင့်တွင် မရှိပါ",
    (
        "Its content is sealed to the people working on it. "
        "Ask the intake team or the case's handler to grant you access."
    ): ("၎င်း၏ အကြောင်းအရာကို ကိုင်တွယ်နေသူများထံသာ လျှို့ဝှက်သိမ်းထားသည်။ ဝင်ခွင့်ရရန် လက်ခံရေးအဖွဲ့ သို့မဟုတ် ကိစ္စ၏ တာဝန်ခံကို မေးပါ။"),
    "Search cases": "ကိစ္စ ရှာရန်",
    (
        "Only cases you may see are searched. "
        "Nothing is decrypted to search: identifiers are matched by their keyed digests."
    ): ("သင်ကြည့်ခွင့်ရှိသော ကိစ္စများကိုသာ ရှာသည်။ ရှာရန် ဘာကိုမျှ ကုဒ်မဖြည်ပါ - သတ်မှတ်အချက်များကို သော့ခတ် digest ဖြင့်သာ တိုက်စစ်သည်။"),
    "Search": "ရှာမည်",
    "Find by phone number, service number or name": "ဖုန်းနံပါတ်၊ တပ်မှတ်ပုံတင်နံပါတ် သို့မဟုတ် အမည်ဖြင့် ရှာရန်",
    (
        "Only cases whose identity you hold the key to are shown. "
        "Each search is recorded, and you may search %(counter)s time an hour.",
        "Only cases whose identity you hold the key to are shown. "
        "Each search is recorded, and you may search %(counter)s times an hour.",
    ): ("ကိုယ်ရေးအချက်အလက် သော့ သင့်တွင်ရှိသော ကိစ္စများကိုသာ ပြသည်။ ရှာတိုင်း မှတ်တမ်းတင်ပြီး တစ်နာရီလျှင် %(counter)s ကြိမ် ရှာနိုင်သည်။"),
    (
        "You have made as many identifier searches as allowed for now. You can search again after %(time)s. "
        "What you typed is kept below."
    ): ("ယခုအတွက် ခွင့်ပြုသလောက် ရှာပြီးပါပြီ။ %(time)s နောက်ပိုင်း ထပ်ရှာနိုင်သည်။ သင်ရိုက်ထားသည်ကို အောက်တွင် ထားပေးသည်။"),
    "Find by identifier": "သတ်မှတ်အချက်ဖြင့် ရှာမည်",
    "identity": "ကိုယ်ရေးအချက်အလက်",
    "No case matches.": "ကိုက်ညီသော ကိစ္စ မရှိပါ။",
    "Only the first %(count)s matches are shown: narrow the search.": (
        "ပထမ %(count)s ခုကိုသာ ပြထားသည် - ရှာဖွေမှုကို ကျဉ်းပါ။"
    ),
    # Recording the identity.
    "You hold no key for this identity, so you cannot change it.": ("ဤကိုယ်ရေးအချက်အလက်အတွက် သော့ မရှိသဖြင့် ပြင်၍ မရပါ။"),
    "Fill in at least one field.": "အကွက် အနည်းဆုံး တစ်ခု ဖြည့်ပါ။",
    "Saved.": "သိမ်းပြီးပါပြီ။",
    (
        "Sealed to the identity key. Name, phone and service number are also matched against other cases "
        "to show duplicates."
    ): (
        "ကိုယ်ရေးအချက်အလက် သော့ဖြင့် လျှို့ဝှက်သိမ်းထားသည်။ ထပ်နေသော ကိစ္စများကို ပြရန် "
        "အမည်၊ ဖုန်းနှင့် တပ်မှတ်ပုံတင်နံပါတ်ကို အခြားကိစ္စများနှင့်လည်း တိုက်စစ်သည်။"
    ),
    "Record or correct name, phone and service number": "အမည်၊ ဖုန်းနှင့် တပ်မှတ်ပုံတင်နံပါတ် မှတ်ရန် သို့မဟုတ် ပြင်ရန်",
}
