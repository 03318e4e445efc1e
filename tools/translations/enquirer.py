"""Burmese for the enquirer's site (tools/my_translations.py says how these tables are used)."""

MY = {
    "I want to leave, alone": "ကျွန်ုပ် တစ်ယောက်တည်း ထွက်ခွာလိုပါသည်",
    "I want to leave with my family": "မိသားစုနှင့်အတူ ထွက်ခွာလိုပါသည်",
    "I want to leave and bring equipment": "လက်နက်ပစ္စည်းများ ယူဆောင်၍ ထွက်ခွာလိုပါသည်",
    "I am asking for a relative": "ဆွေမျိုးတစ်ဦးအတွက် မေးမြန်းခြင်း ဖြစ်ပါသည်",
    "I only want information": "သတင်းအချက်အလက်သာ သိလိုပါသည်",
    "Prefer not to say": "မပြောလိုပါ",
    "Army": "ကြည်းတပ်",
    "Navy": "ရေတပ်",
    "Air force": "လေတပ်",
    "Police": "ရဲတပ်ဖွဲ့",
    "Other": "အခြား",
    "Only on this website, with my receipt": "ဤဝက်ဘ်ဆိုက်တွင်သာ (ပြေစာနံပါတ်ဖြင့်)",
    "Telegram": "Telegram",
    "Signal": "Signal",
    "Phone call": "ဖုန်းခေါ်ဆိုခြင်း",
    "Leave this field empty": "ဤအကွက်ကို ဘာမှမဖြည့်ပါနှင့်",
    "What would you like?": "သင် ဘာလိုချင်ပါသလဲ။",
    "Your message": "သင့်စာ",
    "Write in Burmese or English. Do not write your name here.": (
        "မြန်မာ သို့မဟုတ် အင်္ဂလိပ်လို ရေးနိုင်ပါသည်။ ဤနေရာတွင် သင့်အမည် မရေးပါနှင့်။"
    ),
    "Service": "တပ်ဖွဲ့",
    "Rank": "ရာထူး/အဆင့်",
    "Unit": "တပ်ရင်း/တပ်ဖွဲ့ခွဲ",
    "Equipment you could bring": "ယူဆောင်လာနိုင်မည့် လက်နက်ပစ္စည်း",
    "How should we answer?": "ကျွန်ုပ်တို့ မည်သို့ ပြန်ဖြေရမလဲ။",
    "Telegram name, Signal number or phone number": "Telegram အမည်၊ Signal နံပါတ် သို့မဟုတ် ဖုန်းနံပါတ်",
    "Only if you chose Telegram, Signal or phone.": ("Telegram၊ Signal သို့မဟုတ် ဖုန်း ရွေးထားမှသာ ဖြည့်ပါ။"),
    "Photos (optional)": "ဓာတ်ပုံများ (မဖြစ်မနေ မလိုပါ)",
    "Tell us where to answer you, or choose “only on this website”.": (
        "မည်သည့်နေရာတွင် ပြန်ဖြေရမည်ကို ပြောပါ၊ သို့မဟုတ် “ဤဝက်ဘ်ဆိုက်တွင်သာ” ကို ရွေးပါ။"
    ),
    "Your receipt": "သင့်ပြေစာနံပါတ်",
    "16 digits. Myanmar or Latin digits, with or without spaces.": (
        "ဂဏန်း ၁၆ လုံး။ မြန်မာဂဏန်း သို့မဟုတ် အင်္ဂလိပ်ဂဏန်း၊ ကြားခြားလည်း ရပါသည်။"
    ),
    "A receipt has 16 digits. Please check it and try again.": (
        "ပြေစာနံပါတ်တွင် ဂဏန်း ၁၆ လုံး ရှိပါသည်။ ပြန်စစ်ပြီး ထပ်ကြိုးစားပါ။"
    ),
    "Write to the programme": "အစီအစဉ်ထံ စာရေးရန်",
    "Add photos": "ဓာတ်ပုံ ထည့်ရန်",
    "Write a message or add a photo.": "စာရေးပါ သို့မဟုတ် ဓာတ်ပုံ ထည့်ပါ။",
    "Safe way out": "လုံခြုံစွာ ထွက်ခွာရေး",
    "This site keeps no record of your address or device. Close this tab when you are done.": (
        "ဤဆိုက်သည် သင့်လိပ်စာ သို့မဟုတ် ဖုန်းအချက်အလက်ကို မှတ်တမ်းမတင်ပါ။ ပြီးလျှင် ဤစာမျက်နှာကို ပိတ်ပါ။"
    ),
    "Send a confidential message": "လျှို့ဝှက်စာ ပို့ရန်",
    "We are busy right now. Nothing was lost: wait a minute, then press Send again.": (
        "ယခု အလုပ်များနေပါသည်။ ဘာမှ မပျောက်ပါ။ တစ်မိနစ်ခန့် စောင့်ပြီး “ပို့မည်” ကို ထပ်နှိပ်ပါ။"
    ),
    "Please check the marked fields. Everything you typed is still here.": (
        "အမှတ်အသားပြထားသော အကွက်များကို စစ်ပါ။ သင်ရိုက်ထားသမျှ ဒီမှာ ရှိနေဆဲပါ။"
    ),
    "Only the message is needed. Everything else is optional.": ("စာတစ်ခုသာ လိုအပ်ပါသည်။ ကျန်တာများ မဖြည့်လည်း ရပါသည်။"),
    "Send": "ပို့မည်",
    (
        "This form could not be accepted (it expired, or your "
        "browser blocked our cookie). Everything you typed is below: "
        "press Send again."
    ): (
        "ဤပုံစံကို လက်ခံ၍ မရပါ (သက်တမ်းကုန်သွားသည်၊ သို့မဟုတ် "
        "browser က cookie ကို ပိတ်ထားသည်)။ သင်ရိုက်ထားသမျှ အောက်တွင် "
        "ရှိပါသည်။ “ပို့မည်” ကို ထပ်နှိပ်ပါ။"
    ),
    "You can leave. We can help you and your family.": ("သင် ထွက်ခွာနိုင်ပါသည်။ သင်နှင့် သင့်မိသားစုကို ကျွန်ုပ်တို့ ကူညီနိုင်ပါသည်။"),
    (
        "This programme helps soldiers and police who no longer want "
        "to serve the military regime to leave safely, with their "
        "families, and to start again. Relatives may also ask for "
        "them."
    ): (
        "ဤအစီအစဉ်သည် စစ်အာဏာရှင်အတွက် ဆက်လက် အမှုမထမ်းလိုတော့သော "
        "စစ်သားများနှင့် ရဲများကို မိသားစုနှင့်အတူ လုံခြုံစွာ "
        "ထွက်ခွာပြီး ဘဝသစ် စတင်နိုင်ရန် ကူညီပါသည်။ ဆွေမျိုးများကလည်း "
        "သူတို့ကိုယ်စား မေးမြန်းနိုင်ပါသည်။"
    ),
    "I have a receipt": "ပြေစာနံပါတ် ရှိပြီးသား",
    "What happens after you write": "စာပို့ပြီးနောက် ဘာဖြစ်မလဲ",
    "You get a receipt: 16 digits. With it you can come back here to read our answer and write again.": (
        "သင် ဂဏန်း ၁၆ လုံးပါ ပြေစာနံပါတ် ရပါမည်။ ၎င်းဖြင့် ဤနေရာသို့ ပြန်လာ၍ ကျွန်ုပ်တို့၏ အဖြေကို ဖတ်ပြီး ထပ်စာရေးနိုင်ပါသည်။"
    ),
    "A member of our team reads your message and answers here, usually within a few days.": (
        "ကျွန်ုပ်တို့အဖွဲ့ဝင်တစ်ဦးက သင့်စာကို ဖတ်ပြီး ဤနေရာတွင် ပြန်ဖြေပါမည်။ များသောအားဖြင့် ရက်အနည်းငယ်အတွင်း ဖြစ်ပါသည်။"
    ),
    (
        "We check every request carefully. We plan the way out "
        "together with you, step by step. Nothing happens without "
        "your agreement."
    ): ("တောင်းဆိုချက်တိုင်းကို သေချာ စစ်ဆေးပါသည်။ ထွက်ခွာမည့် လမ်းကြောင်းကို သင်နှင့်အတူ တစ်ဆင့်ချင်း စီစဉ်ပါသည်။ သင် သဘောမတူဘဲ ဘာမှ မလုပ်ပါ။"),
    (
        "After you arrive, we support you and your family, and pay "
        "the rewards below when there is sufficient evidence."
    ): ("ရောက်ရှိပြီးနောက် သင်နှင့် သင့်မိသားစုကို ထောက်ပံ့ပါမည်။ လုံလောက်သော အထောက်အထား ရှိပါက အောက်ပါ ဆုငွေများကို ပေးပါမည်။"),
    "Stay safe": "လုံခြုံအောင် နေပါ",
    "Use Tor Browser if you can. Otherwise use a private window and close it afterwards.": (
        "ဖြစ်နိုင်လျှင် Tor Browser ကို သုံးပါ။ မဟုတ်လျှင် private window (သီးသန့်ဝင်းဒိုး) ကို သုံးပြီး ပြီးလျှင် ပိတ်ပါ။"
    ),
    "Clear your browser history after each visit.": ("ဝင်ရောက်ပြီးတိုင်း browser မှတ်တမ်း (history) ကို ဖျက်ပါ။"),
    (
        "Keep your receipt out of sight: learn it by heart, or write "
        "it somewhere that does not look like a code. Do not keep it "
        "in your phone's notes."
    ): (
        "ပြေစာနံပါတ်ကို သူများ မမြင်အောင် ထားပါ။ အလွတ်ကျက်ပါ၊ "
        "သို့မဟုတ် ကုဒ်နံပါတ်နှင့် မတူသော ပုံစံဖြင့် ရေးထားပါ။ "
        "ဖုန်းထဲ မှတ်စုအဖြစ် မသိမ်းပါနှင့်။"
    ),
    "Do not tell anyone you wrote to us, and do not write your name unless we ask.": (
        "ကျွန်ုပ်တို့ထံ စာရေးခဲ့ကြောင်း မည်သူ့ကိုမျှ မပြောပါနှင့်။ ကျွန်ုပ်တို့ မမေးမချင်း သင့်အမည် မရေးပါနှင့်။"
    ),
    "Rewards": "ဆုငွေများ",
    "Announced on %(date)s. Paid on sufficient evidence.": (
        "%(date)s တွင် ကြေညာခဲ့သည်။ လုံလောက်သော အထောက်အထား ရှိမှ ပေးပါသည်။"
    ),
    "valued by committee": "ကော်မတီက တန်ဖိုးဖြတ်မည်",
    "each": "တစ်စီးလျှင်",
    "%(kyat)s kyat": "%(kyat)s ကျပ်",
    "Your message was received": "သင့်စာ ရောက်ရှိပါပြီ",
    (
        "%(shown)s photo was received, without its hidden details (place, time, phone).",
        "%(shown)s photos were received, without their hidden details (place, time, phone).",
    ): ("ဓာတ်ပုံ %(shown)s ပုံ ရောက်ရှိပါပြီ။ ပုံထဲတွင် ဝှက်ထားသော အချက်များ (နေရာ၊ အချိန်၊ ဖုန်း) ကို ဖယ်ရှားပြီးပါပြီ။"),
    (
        "This is your receipt. It is shown only once, on this page, and never again. "
        "You need it to read our answer."
    ): (
        "ဤသည်မှာ သင့်ပြေစာနံပါတ် ဖြစ်ပါသည်။ ဤစာမျက်နှာတွင် တစ်ကြိမ်သာ ပြပြီး နောက်ထပ် ဘယ်တော့မှ မပြတော့ပါ။"
        " ကျွန်ုပ်တို့၏ အဖြေကို ဖတ်ရန် ၎င်းကို လိုအပ်ပါသည်။"
    ),
    "If you lose it": "ပျောက်သွားလျှင်",
    (
        "Nobody can show it to you again, not even us: we keep it only in a form that cannot be read back. "
        "Reloading this page will not show it again either. If you lose it, send a new message and say that "
        "you wrote before."
    ): (
        "မည်သူမျှ ၎င်းကို ထပ်ပြ၍ မရပါ၊ ကျွန်ုပ်တို့ပင် မရပါ။ ပြန်ဖတ်၍ မရသော ပုံစံဖြင့်သာ သိမ်းထားပါသည်။"
        " ဤစာမျက်နှာကို ပြန်ဖွင့် (reload) လျှင်လည်း ထပ်မပြပါ။ ပျောက်သွားလျှင် စာအသစ် ပို့ပြီး"
        " ယခင်က စာရေးခဲ့ဖူးကြောင်း ဖော်ပြပါ။"
    ),
    "This message was already received: the receipt page was reloaded, or the form was sent twice.": (
        "ဤစာ ရောက်ရှိပြီး ဖြစ်ပါသည်။ ပြေစာနံပါတ် စာမျက်နှာကို ပြန်ဖွင့်ခဲ့ခြင်း သို့မဟုတ် ပုံစံကို နှစ်ကြိမ် ပို့ခဲ့ခြင်း ဖြစ်ပါသည်။"
    ),
    (
        "Its receipt was shown only once. We cannot show it again: "
        "it is not stored anywhere in a form anyone can read, not even by us."
    ): (
        "၎င်း၏ ပြေစာနံပါတ်ကို တစ်ကြိမ်သာ ပြခဲ့ပါသည်။ ထပ်ပြ၍ မရပါ။ မည်သူမျှ ဖတ်နိုင်သော ပုံစံဖြင့်"
        " မည်သည့်နေရာတွင်မျှ မသိမ်းထားပါ၊ ကျွန်ုပ်တို့ပင် မဖတ်နိုင်ပါ။"
    ),
    (
        "If you wrote the receipt down, use it with “I have a receipt”. If you lost it, you can send your "
        "message again below: you will get a new receipt. Say in the message that you wrote before."
    ): (
        "ပြေစာနံပါတ်ကို ရေးမှတ်ထားခဲ့လျှင် “ပြေစာနံပါတ် ရှိပြီးသား” တွင် သုံးပါ။ ပျောက်သွားလျှင် အောက်တွင်"
        " သင့်စာကို ထပ်ပို့နိုင်ပြီး ပြေစာနံပါတ် အသစ် ရပါမည်။ ယခင်က စာရေးခဲ့ဖူးကြောင်း စာထဲတွင် ဖော်ပြပါ။"
    ),
    "See photo %(n)s": "ဓာတ်ပုံ %(n)s ကြည့်ရန်",
    "A receipt has only digits (0–9 or ၀–၉). Check for letters or other signs and try again.": (
        "ပြေစာနံပါတ်တွင် ဂဏန်း (0–9 သို့မဟုတ် ၀–၉) များသာ ပါပါသည်။ စာလုံး သို့မဟုတ် အခြား သင်္ကေတများ ပါနေသလား စစ်ပြီး ထပ်ကြိုးစားပါ။"
    ),
    "Learn it by heart, or write it down where nobody will recognise it.": (
        "အလွတ်ကျက်ပါ၊ သို့မဟုတ် မည်သူမျှ သတိမထားမိမည့် နေရာတွင် ရေးမှတ်ထားပါ။"
    ),
    "Do not take a screenshot. Do not save it in your phone.": ("Screenshot မရိုက်ပါနှင့်။ ဖုန်းထဲတွင် မသိမ်းပါနှင့်။"),
    "Come back in a few days and choose “I have a receipt”.": (
        "ရက်အနည်းငယ်အကြာတွင် ပြန်လာပြီး “ပြေစာနံပါတ် ရှိပြီးသား” ကို ရွေးပါ။"
    ),
    "Read our answer": "ကျွန်ုပ်တို့၏ အဖြေကို ဖတ်ရန်",
    "We are busy right now. Wait a minute, then try again.": (
        "ယခု အလုပ်များနေပါသည်။ တစ်မိနစ်ခန့် စောင့်ပြီး ထပ်ကြိုးစားပါ။"
    ),
    "This conversation is no longer available.": "ဤစကားဝိုင်းကို မရနိုင်တော့ပါ။",
    "Your message was not sent. Here it is, to copy:": "သင့်စာ မပို့ရသေးပါ။ ကူးယူရန် ဒီမှာ ရှိပါသည်-",
    "Open": "ဖွင့်မည်",
    "Your conversation": "သင့်စကားဝိုင်း",
    "Sent. Thank you.": "ပို့ပြီးပါပြီ။ ကျေးဇူးတင်ပါသည်။",
    "The programme": "အစီအစဉ်",
    "You": "သင်",
    (
        "%(shown)s photo",
        "%(shown)s photos",
    ): ("ဓာတ်ပုံ %(shown)s ပုံ"),
    "Your message was not sent yet. Everything you typed is still here.": (
        "သင့်စာ မပို့ရသေးပါ။ သင်ရိုက်ထားသမျှ ဒီမှာ ရှိနေဆဲပါ။"
    ),
    "We are busy right now. Wait a minute, then press Send again.": (
        "ယခု အလုပ်များနေပါသည်။ တစ်မိနစ်ခန့် စောင့်ပြီး “ပို့မည်” ကို ထပ်နှိပ်ပါ။"
    ),
    "This form was open too long. Check it and send it again.": ("ဤပုံစံကို ကြာလွန်းစွာ ဖွင့်ထားခဲ့ပါသည်။ ပြန်စစ်ပြီး ထပ်ပို့ပါ။"),
    # No longer shown (a resent form now says what happened); kept while the catalog keeps it as obsolete.
    "This form was already sent once. If you did not see a receipt, send it again.": (
        "ဤပုံစံကို တစ်ကြိမ် ပို့ပြီးပါပြီ။ ပြေစာနံပါတ် မမြင်ခဲ့ရလျှင် ထပ်ပို့ပါ။"
    ),
    "We cannot receive messages at this moment. Please try again later.": (
        "ယခုအချိန်တွင် စာများ လက်ခံ၍ မရသေးပါ။ နောက်မှ ထပ်ကြိုးစားပါ။"
    ),
    "This receipt does not open anything. Check the digits and try again.": (
        "ဤပြေစာနံပါတ်ဖြင့် ဘာမှ ဖွင့်၍ မရပါ။ ဂဏန်းများကို ပြန်စစ်ပြီး ထပ်ကြိုးစားပါ။"
    ),
    ("This page was open too long. Enter your receipt again; copy your message first so you can paste it."): (
        "ဤစာမျက်နှာကို ကြာလွန်းစွာ ဖွင့်ထားခဲ့ပါသည်။ ပြေစာနံပါတ်ကို ထပ်ရိုက်ပါ။ သင့်စာကို အရင် ကူးယူထားပါ၊ ပြီးမှ ပြန်ထည့်နိုင်ပါသည်။"
    ),
    "This form was open too long. Send it again.": "ဤပုံစံကို ကြာလွန်းစွာ ဖွင့်ထားခဲ့ပါသည်။ ထပ်ပို့ပါ။",
    "This message was already sent.": "ဤစာကို ပို့ပြီးပါပြီ။",
    "We are preparing the next steps with you. Read the messages below carefully.": (
        "နောက်အဆင့်များကို သင်နှင့်အတူ ပြင်ဆင်နေပါသည်။ အောက်ပါစာများကို သေချာ ဖတ်ပါ။"
    ),
    "Welcome. Your handler will keep in touch here.": ("ကြိုဆိုပါသည်။ သင့်တာဝန်ခံက ဤနေရာမှ ဆက်သွယ်နေပါမည်။"),
    "This conversation is closed. You can still write to us here.": (
        "ဤစကားဝိုင်း ပိတ်ထားပါသည်။ ဤနေရာတွင် ကျွန်ုပ်တို့ထံ စာရေးနိုင်ပါသေးသည်။"
    ),
    "We have received your message. Someone from the programme will read it and answer here.": (
        "သင့်စာ ရရှိပါပြီ။ အစီအစဉ်မှ တစ်ဦးဦးက ဖတ်ပြီး ဤနေရာတွင် ပြန်ဖြေပါမည်။"
    ),
}
