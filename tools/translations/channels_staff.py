"""Burmese for the channels' staff pages: entering an enquiry received by phone, in person or passed on, the
person's receipt, how an enquiry came and what that channel lets others see, and the chat channels' switches
(see tools/my_translations.py).

Terms: enquiry စုံစမ်းစာ, case ကိစ္စ, receipt ပြေစာနံပါတ်, channel ဆက်သွယ်ရာလမ်းကြောင်း, chat channel
ချတ်လမ်းကြောင်း, intake officer လက်ခံရေးအရာရှိ, administrator စီမံခန့်ခွဲသူ, credentials ဝင်ခွင့်သော့များ,
triage inbox ကနဦးစစ်ဆေးရန် ဝင်စာပုံး.
"""

MY = {
    # Short names for the case lists' "Came by" column.
    "Web": "ဝက်ဘ်",
    "Messenger": "Messenger",
    "Call": "ဖုန်း",
    "Met": "တွေ့ဆုံ",
    "Passed on": "တစ်ဆင့်",
    "Came by": "ရောက်လာပုံ",
    # The case page's box.
    "How this enquiry came": "ဤစုံစမ်းစာ ရောက်လာပုံ",
    "Received by": "လက်ခံသူ",
    "Passed on by": "တစ်ဆင့်ပေးပို့သူ",
    "Who else knows": "အခြား သိနိုင်သူများ",
    "Nobody but the programme can read what was written on the web form, whether it came through Tor or not. "
    "Without Tor, the person's internet provider can see that they visited our site, but not what they "
    "wrote.": (
        "ဝက်ဘ်ဖောင်တွင် ရေးသားချက်ကို Tor မှ ဖြစ်စေ၊ မဟုတ်သည်ဖြစ်စေ အစီအစဉ်မှလွဲ၍ မည်သူမျှ မဖတ်နိုင်ပါ။ "
        "Tor မသုံးပါက ထိုသူ၏ အင်တာနက်ဝန်ဆောင်မှုပေးသူက ကျွန်ုပ်တို့ဆိုက်သို့ ဝင်ခဲ့ကြောင်း သိနိုင်သော်လည်း "
        "ရေးသားချက်ကို မသိနိုင်ပါ။"
    ),
    "Telegram, the company, sees the conversation and the person's Telegram account. The person's phone "
    "keeps the chat until they delete it.": (
        "Telegram ကုမ္ပဏီသည် စကားပြောဆိုမှုနှင့် ထိုသူ၏ Telegram အကောင့်ကို မြင်နိုင်သည်။ ထိုသူ၏ ဖုန်းတွင် ချတ်ကို ဖျက်မချင်း ကျန်နေမည်။"
    ),
    "Meta, the company that runs Facebook, sees the conversation and the person's Facebook account. The "
    "person's phone keeps the chat until they delete it.": (
        "Facebook ကို လုပ်ကိုင်သော Meta ကုမ္ပဏီသည် စကားပြောဆိုမှုနှင့် ထိုသူ၏ Facebook အကောင့်ကို "
        "မြင်နိုင်သည်။ ထိုသူ၏ ဖုန်းတွင် ချတ်ကို ဖျက်မချင်း ကျန်နေမည်။"
    ),
    "The phone companies know that a call happened, between which numbers and when, but not what was said.": (
        "ဖုန်းကုမ္ပဏီများသည် ဖုန်းခေါ်ဆိုမှု ရှိခဲ့ကြောင်း၊ မည်သည့်နံပါတ်များကြား၊ မည်သည့်အချိန်တွင် ဖြစ်ကြောင်း "
        "သိနိုင်သော်လည်း ပြောဆိုခဲ့သည်များကို မသိနိုင်ပါ။"
    ),
    "Whoever arranged or saw the meeting knows that this person came to us.": (
        "တွေ့ဆုံမှုကို စီစဉ်ပေးသူ သို့မဟုတ် မြင်ခဲ့သူသည် ဤသူ ကျွန်ုပ်တို့ထံ လာခဲ့ကြောင်း သိသည်။"
    ),
    "Whoever passed it on knows that this person contacted the programme.": (
        "တစ်ဆင့်ပေးပို့သူသည် ဤသူ အစီအစဉ်ကို ဆက်သွယ်ခဲ့ကြောင်း သိသည်။"
    ),
    "How this enquiry came is not known here: assume others may know of it.": (
        "ဤစုံစမ်းစာ မည်သို့ ရောက်လာသည်ကို ဤနေရာတွင် မသိရပါ - အခြားသူများ သိနိုင်သည်ဟု ယူဆပါ။"
    ),
    # The audit log's words.
    "Enquiry received by phone or in person entered": "ဖုန်းဖြင့် သို့မဟုတ် တွေ့ဆုံ၍ ရရှိသော စုံစမ်းစာ ထည့်သွင်းပြီး",
    "Asked to turn on a chat channel": "ချတ်လမ်းကြောင်း ဖွင့်ရန် တောင်းဆိုခဲ့သည်",
    "Chat channel turned on": "ချတ်လမ်းကြောင်း ဖွင့်ပြီး",
    "Chat channel paused": "ချတ်လမ်းကြောင်း ခေတ္တရပ်ပြီး",
    # Entering an enquiry.
    "Enter an enquiry received by phone or in person": "ဖုန်းဖြင့် သို့မဟုတ် တွေ့ဆုံ၍ ရရှိသော စုံစမ်းစာ ထည့်သွင်းရန်",
    "Only an intake officer may enter an enquiry.": "လက်ခံရေးအရာရှိသာ စုံစမ်းစာ ထည့်သွင်းနိုင်သည်။",
    "Choose how the enquiry came: a phone call, a meeting, or someone passing it on.": (
        "စုံစမ်းစာ ရောက်လာပုံကို ရွေးပါ - ဖုန်းခေါ်ဆိုမှု၊ တွေ့ဆုံမှု သို့မဟုတ် တစ်စုံတစ်ဦးမှ တစ်ဆင့်ပေးပို့ခြင်း။"
    ),
    "Who received it must be you or a colleague of one of your teams.": (
        "လက်ခံသူမှာ သင်ကိုယ်တိုင် သို့မဟုတ် သင့်အဖွဲ့တစ်ခုခုမှ လုပ်ဖော်ကိုင်ဖက် ဖြစ်ရမည်။"
    ),
    "How did it come?": "မည်သို့ ရောက်လာသနည်း။",
    "Who received it": "လက်ခံခဲ့သူ",
    "Choose yourself or a colleague of one of your teams.": ("သင်ကိုယ်တိုင် သို့မဟုတ် သင့်အဖွဲ့တစ်ခုခုမှ လုပ်ဖော်ကိုင်ဖက်ကို ရွေးပါ။"),
    "Who passed it on": "တစ်ဆင့်ပေးပို့သူ",
    "Only for an enquiry passed on by a minister or a contact: who they are, as your team knows them. It is "
    "sealed with the enquiry.": (
        "ဝန်ကြီး သို့မဟုတ် အဆက်အသွယ်တစ်ဦးမှ တစ်ဆင့်ပေးပို့သော စုံစမ်းစာအတွက်သာ - သင့်အဖွဲ့ သိထားသည့်အတိုင်း "
        "ထိုသူ မည်သူဖြစ်ကြောင်း။ စုံစမ်းစာနှင့်အတူ လျှို့ဝှက်သိမ်းထားမည်။"
    ),
    "What do they want?": "သူတို့ ဘာလိုချင်သနည်း။",
    "What they said": "သူတို့ ပြောခဲ့သည်များ",
    "As close to their words as you can, in Burmese or English. Do not write their name here.": (
        "သူတို့ ပြောသည့်အတိုင်း တတ်နိုင်သမျှ နီးစပ်အောင် မြန်မာ သို့မဟုတ် English ဖြင့် ရေးပါ။ သူတို့၏ အမည်ကို ဤနေရာတွင် မရေးပါနှင့်။"
    ),
    "Their Telegram name, Signal number or phone number": ("သူတို့၏ Telegram အမည်၊ Signal နံပါတ် သို့မဟုတ် ဖုန်းနံပါတ်"),
    "Only if they want an answer by Telegram, Signal or phone.": (
        "Telegram၊ Signal သို့မဟုတ် ဖုန်းဖြင့် အဖြေလိုချင်မှသာ။"
    ),
    "Write where to answer them, or choose “only on the website”.": (
        "မည်သည့်နေရာတွင် ပြန်ဖြေရမည်ကို ရေးပါ၊ သို့မဟုတ် “ဝက်ဘ်ဆိုက်တွင်သာ” ကို ရွေးပါ။"
    ),
    "Say who passed it on.": "မည်သူ တစ်ဆင့်ပေးပို့ခဲ့သည်ကို ရေးပါ။",
    "Leave this empty unless a minister or a contact passed the enquiry on.": (
        "ဝန်ကြီး သို့မဟုတ် အဆက်အသွယ်တစ်ဦးမှ တစ်ဆင့်ပေးပို့ခြင်း မဟုတ်ပါက ဤနေရာကို အလွတ်ထားပါ။"
    ),
    "This page was open too long. Check what you typed and send it again.": (
        "ဤစာမျက်နှာကို အချိန်ကြာလွန်းစွာ ဖွင့်ထားခဲ့သည်။ ရိုက်ထည့်ထားသည်ကို စစ်ဆေးပြီး ထပ်ပို့ပါ။"
    ),
    "The server is busy. Wait a minute and send it again.": ("ဆာဗာ အလုပ်များနေသည်။ တစ်မိနစ်ခန့် စောင့်ပြီး ထပ်ပို့ပါ။"),
    "No team receives new enquiries at the moment, so this cannot be entered yet.": (
        "ယခုအချိန်တွင် စုံစမ်းစာအသစ် လက်ခံသည့်အဖွဲ့ မရှိသဖြင့် ဤစုံစမ်းစာကို မထည့်သွင်းနိုင်သေးပါ။"
    ),
    "This enquiry was already entered: its case is in the triage inbox. Its receipt was shown once and is "
    "kept nowhere, so it cannot be shown again. If the person did not get it, enter their enquiry again as "
    "a new one and say so in what they said.": (
        "ဤစုံစမ်းစာကို ထည့်သွင်းပြီးဖြစ်သည် - ၎င်း၏ ကိစ္စသည် ကနဦးစစ်ဆေးရန် ဝင်စာပုံးတွင် ရှိသည်။ ၎င်း၏ "
        "ပြေစာနံပါတ်ကို တစ်ကြိမ်သာ ပြခဲ့ပြီး မည်သည့်နေရာတွင်မျှ မသိမ်းထားသဖြင့် ထပ်မပြနိုင်ပါ။ ထိုသူ မရခဲ့ပါက "
        "၎င်းတို့၏ စုံစမ်းစာကို အသစ်အဖြစ် ထပ်ထည့်ပြီး ထိုအကြောင်းကို ပြောခဲ့သည်များတွင် ရေးပါ။"
    ),
    "For someone who called, met one of us, or was passed on by a minister or a contact. It becomes a case "
    "like any enquiry from the website, in the triage inbox, sealed so that only the team that receives it "
    "can read it. After you send it, you will see the person's receipt once: give it to them the same way "
    "they came.": (
        "ဖုန်းဆက်ခဲ့သူ၊ ကျွန်ုပ်တို့ထဲမှ တစ်ဦးနှင့် တွေ့ဆုံခဲ့သူ သို့မဟုတ် ဝန်ကြီး သို့မဟုတ် အဆက်အသွယ်တစ်ဦးမှ "
        "တစ်ဆင့်ပေးပို့ခဲ့သူအတွက်။ ဝက်ဘ်ဆိုက်မှ စုံစမ်းစာကဲ့သို့ပင် ကနဦးစစ်ဆေးရန် ဝင်စာပုံးတွင် ကိစ္စတစ်ခု "
        "ဖြစ်လာပြီး လက်ခံသည့်အဖွဲ့သာ ဖတ်နိုင်အောင် လျှို့ဝှက်သိမ်းထားမည်။ ပို့ပြီးနောက် ထိုသူ၏ ပြေစာနံပါတ်ကို "
        "တစ်ကြိမ်သာ မြင်ရမည် - ၎င်းတို့ ရောက်လာသည့်နည်းအတိုင်းပင် ၎င်းတို့ထံ ပေးပါ။"
    ),
    "Enter the enquiry": "စုံစမ်းစာ ထည့်သွင်းမည်",
    # The receipt, shown once.
    "The person's receipt": "ထိုသူ၏ ပြေစာနံပါတ်",
    "The enquiry is entered": "စုံစမ်းစာ ထည့်သွင်းပြီးပါပြီ",
    'It is case <a href="%(case_url)s">%(reference)s</a>, in the triage inbox of %(team)s.': (
        '၎င်းသည် %(team)s ၏ ကနဦးစစ်ဆေးရန် ဝင်စာပုံးရှိ ကိစ္စ <a href="%(case_url)s">%(reference)s</a> ဖြစ်သည်။'
    ),
    "It is case %(reference)s, in the triage inbox of %(team)s.": (
        "၎င်းသည် %(team)s ၏ ကနဦးစစ်ဆေးရန် ဝင်စာပုံးရှိ ကိစ္စ %(reference)s ဖြစ်သည်။"
    ),
    (
        "%(shown)s photo was kept, without its hidden details (place, time, phone).",
        "%(shown)s photos were kept, without their hidden details (place, time, phone).",
    ): "ဓာတ်ပုံ %(shown)s ပုံကို ၎င်း၏ လျှို့ဝှက်အချက်အလက်များ (နေရာ၊ အချိန်၊ ဖုန်း) မပါဘဲ သိမ်းထားသည်။",
    "Give it to the person the same way they came: read it out on the phone, or tell them face to face.": (
        "ထိုသူ ရောက်လာသည့်နည်းအတိုင်းပင် ပေးပါ - ဖုန်းထဲတွင် ဖတ်ပြပါ၊ သို့မဟုတ် မျက်နှာချင်းဆိုင် ပြောပြပါ။"
    ),
    "Do not write it down where others can see it, and do not send it in a message. Say it where nobody "
    "else can hear.": (
        "အခြားသူများ မြင်နိုင်သည့်နေရာတွင် မရေးပါနှင့်၊ မက်ဆေ့ချ်ဖြင့်လည်း မပို့ပါနှင့်။ အခြားမည်သူမျှ မကြားနိုင်သည့်နေရာတွင် ပြောပါ။"
    ),
    "With it, the person can read our answers and write more on the programme's website, under “I have a "
    "receipt”.": (
        "၎င်းဖြင့် ထိုသူသည် အစီအစဉ်၏ ဝက်ဘ်ဆိုက်ရှိ “ပြေစာနံပါတ် ရှိပြီးသား” တွင် ကျွန်ုပ်တို့၏ အဖြေများကို ဖတ်နိုင်ပြီး ထပ်မံ ရေးသားနိုင်သည်။"
    ),
    "It is shown only this once. It is not kept anywhere, not even for you, and reloading this page will "
    "not show it again.": (
        "၎င်းကို ဤတစ်ကြိမ်သာ ပြသည်။ သင့်အတွက်ပင် မည်သည့်နေရာတွင်မျှ မသိမ်းထားပါ၊ ဤစာမျက်နှာကို ပြန်ဖွင့်လျှင်လည်း ထပ်မပြပါ။"
    ),
    "Back to the triage inbox": "ကနဦးစစ်ဆေးရန် ဝင်စာပုံးသို့ ပြန်သွားရန်",
    # The chat channels' switches.
    "Chat channels": "ချတ်လမ်းကြောင်းများ",
    "A chat channel takes messages only while it is on. Turning one on takes two administrators: one asks, "
    "another approves. Pausing takes one and works at once; messages sent meanwhile wait with the chat "
    "service, which sends them again later (Telegram keeps them about a day).": (
        "ချတ်လမ်းကြောင်းသည် ဖွင့်ထားစဉ်သာ စာများကို လက်ခံသည်။ ဖွင့်ရန် စီမံခန့်ခွဲသူ နှစ်ဦး လိုသည် - တစ်ဦးက "
        "တောင်းဆိုပြီး နောက်တစ်ဦးက အတည်ပြုသည်။ ခေတ္တရပ်ရန် တစ်ဦးသာ လိုပြီး ချက်ချင်း အကျိုးသက်ရောက်သည်။ "
        "ထိုအတောအတွင်း ပို့သောစာများကို ချတ်ဝန်ဆောင်မှုက ထိန်းထားပြီး နောက်မှ ထပ်ပို့မည် (Telegram က "
        "တစ်ရက်ခန့် ထိန်းထားသည်)။"
    ),
    "On: it takes messages.": "ဖွင့်ထားသည် - စာများကို လက်ခံသည်။",
    "Paused: it takes no messages.": "ခေတ္တရပ်ထားသည် - စာများကို လက်မခံပါ။",
    "The server holds this channel's credentials. They are never shown here.": (
        "ဆာဗာတွင် ဤလမ်းကြောင်း၏ ဝင်ခွင့်သော့များ ရှိသည်။ ၎င်းတို့ကို ဤနေရာတွင် ဘယ်တော့မှ မပြပါ။"
    ),
    "The server does not hold this channel's credentials yet, so it cannot be turned on. The people who run "
    "the server set them, as the deployment guide explains.": (
        "ဆာဗာတွင် ဤလမ်းကြောင်း၏ ဝင်ခွင့်သော့များ မရှိသေးသဖြင့် ဖွင့်၍ မရပါ။ ဆာဗာကို လုပ်ကိုင်သူများက "
        "တပ်ဆင်ရေးလမ်းညွှန်တွင် ရှင်းပြထားသည့်အတိုင်း ထည့်သွင်းပေးရမည်။"
    ),
    "Pause now": "ယခု ခေတ္တရပ်မည်",
    "%(who)s asked to turn it on (%(asked)s).": "%(who)s က ဖွင့်ရန် တောင်းဆိုခဲ့သည် (%(asked)s)။",
    "Another administrator must approve or refuse your request.": (
        "အခြား စီမံခန့်ခွဲသူတစ်ဦးက သင့်တောင်းဆိုချက်ကို အတည်ပြုရန် သို့မဟုတ် ငြင်းရန် လိုသည်။"
    ),
    "Ask to turn it on": "ဖွင့်ရန် တောင်းဆိုမည်",
    "Approve: turn it on": "အတည်ပြုသည် - ဖွင့်မည်",
    "There is no such chat channel.": "ထိုကဲ့သို့ ချတ်လမ်းကြောင်း မရှိပါ။",
    "This channel cannot be turned on: the server does not hold its credentials yet. Ask the people who run "
    "the server to set them.": (
        "ဤလမ်းကြောင်းကို ဖွင့်၍ မရပါ - ဆာဗာတွင် ၎င်း၏ ဝင်ခွင့်သော့များ မရှိသေးပါ။ ဆာဗာကို လုပ်ကိုင်သူများကို ထည့်သွင်းပေးရန် တောင်းဆိုပါ။"
    ),
    "This channel is already on.": "ဤလမ်းကြောင်းကို ဖွင့်ထားပြီးဖြစ်သည်။",
    "Asked: another administrator must approve before the channel is turned on.": (
        "တောင်းဆိုပြီး - လမ်းကြောင်းကို မဖွင့်မီ အခြား စီမံခန့်ခွဲသူတစ်ဦးက အတည်ပြုရမည်။"
    ),
    "No one may approve their own request: another administrator must.": (
        "မိမိ၏ တောင်းဆိုချက်ကို မိမိကိုယ်တိုင် အတည်မပြုရပါ - အခြား စီမံခန့်ခွဲသူတစ်ဦးက ပြုရမည်။"
    ),
    "The channel is on.": "လမ်းကြောင်းကို ဖွင့်ပြီးပါပြီ။",
    "The request is refused.": "တောင်းဆိုချက်ကို ငြင်းပယ်ပြီးပါပြီ။",
    "The channel is paused: it takes no messages until two administrators turn it on.": (
        "လမ်းကြောင်းကို ခေတ္တရပ်ထားပြီ - စီမံခန့်ခွဲသူ နှစ်ဦးက ပြန်မဖွင့်မချင်း စာများကို လက်မခံပါ။"
    ),
}
