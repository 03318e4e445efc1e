"""Burmese for the chat bot's own words (embrace/channels/bot.py): the greeting and questions, help, how to
delete the chat, the receipt (see tools/my_translations.py).

Terms as on the web form: receipt ပြေစာနံပါတ်, equipment လက်နက်ပစ္စည်း, relative ဆွေမျိုး, case ကိစ္စ.
"""

MY = {
    (
        "Hello. This is the programme's confidential channel for soldiers and police who want to leave the "
        "armed forces, and for their relatives."
    ): (
        "မင်္ဂလာပါ။ ဤနေရာသည် လက်နက်ကိုင်တပ်ဖွဲ့မှ ထွက်ခွာလိုသော စစ်သား၊ ရဲ နှင့် ၎င်းတို့၏ ဆွေမျိုးများအတွက် "
        "အစီအစဉ်၏ လျှို့ဝှက် ဆက်သွယ်ရာ လမ်းကြောင်း ဖြစ်ပါသည်။"
    ),
    (
        "Please write in one message:\n"
        "1. What you want: to leave alone, to leave with your family, to leave with equipment (a vehicle, an "
        "aircraft, a ship or weapons), to ask for a relative, or only information.\n"
        "2. If you wish: your service (army, navy, air force or police), your rank, your unit, and any "
        "equipment you could bring."
    ): (
        "စာတစ်စောင်တည်းဖြင့် ရေးပေးပါ -\n"
        "၁။ သင် ဘာလိုသလဲ - တစ်ယောက်တည်း ထွက်ခွာလိုခြင်း၊ မိသားစုနှင့်အတူ ထွက်ခွာလိုခြင်း၊ လက်နက်ပစ္စည်း "
        "(ယာဉ်၊ လေယာဉ်၊ သင်္ဘော သို့မဟုတ် လက်နက်) ယူဆောင်၍ ထွက်ခွာလိုခြင်း၊ ဆွေမျိုးတစ်ဦးအတွက် မေးမြန်းခြင်း "
        "သို့မဟုတ် သတင်းအချက်အလက်သာ လိုခြင်း။\n"
        "၂။ ဆန္ဒရှိလျှင် - သင့်တပ်ဖွဲ့ (ကြည်းတပ်၊ ရေတပ်၊ လေတပ် သို့မဟုတ် ရဲတပ်ဖွဲ့)၊ ရာထူး၊ တပ်ရင်း နှင့် "
        "ယူဆောင်လာနိုင်သော လက်နက်ပစ္စည်းများ။"
    ),
    "Do not write your name. You may also send photos.": ("သင့်အမည်ကို မရေးပါနှင့်။ ဓာတ်ပုံများလည်း ပို့နိုင်ပါသည်။"),
    "/help: how this works · /delete: how to delete this chat · /english · /burmese": (
        "/help - အသုံးပြုပုံ · /delete - ဤချက်ကို ဖျက်နည်း · /english · /burmese"
    ),
    (
        "Write your message here, in Burmese or English; you may also send photos. Someone from the "
        "programme will read it and answer in this chat."
    ): (
        "သင့်စာကို ဤနေရာတွင် မြန်မာ သို့မဟုတ် အင်္ဂလိပ်ဘာသာဖြင့် ရေးပါ။ ဓာတ်ပုံများလည်း ပို့နိုင်ပါသည်။ "
        "အစီအစဉ်မှ တစ်ဦးဦးက ဖတ်ပြီး ဤချက်တွင် ပြန်ဖြေပါမည်။"
    ),
    (
        "After your first message you get a receipt (16 digits). Keep it somewhere safe, not on this phone: "
        "with it you can also read our answers and write to us %(where)s."
    ): (
        "ပထမဆုံး စာပို့ပြီးနောက် ပြေစာနံပါတ် (ဂဏန်း ၁၆ လုံး) ရပါမည်။ ဤဖုန်းပေါ်တွင် မထားဘဲ လုံခြုံသော "
        "နေရာတွင် သိမ်းထားပါ - ၎င်းဖြင့် ကျွန်ုပ်တို့၏ အဖြေများကို %(where)s ဖတ်နိုင်ပြီး စာလည်း ရေးနိုင်ပါသည်။"
    ),
    "We cannot receive stickers, voice messages, videos or files here: send text or photos.": (
        "ဤနေရာတွင် စတစ်ကာ၊ အသံမက်ဆေ့ချ်၊ ဗီဒီယို သို့မဟုတ် ဖိုင်များကို လက်မခံနိုင်ပါ - စာ သို့မဟုတ် ဓာတ်ပုံ ပို့ပါ။"
    ),
    "/delete: how to delete this chat · /english · /burmese": (
        "/delete - ဤချက်ကို ဖျက်နည်း · /english · /burmese"
    ),
    (
        "To delete this chat from your phone: in your list of chats, press and hold this chat, then choose "
        "Delete. Delete the chat, but do not block the bot, if you want to read our answers here; you can "
        "also read them %(where)s with your receipt."
    ): (
        "ဤချက်ကို သင့်ဖုန်းမှ ဖျက်ရန် - ချက်စာရင်းထဲတွင် ဤချက်ကို ဖိထားပြီး Delete ကို ရွေးပါ။ "
        "ကျွန်ုပ်တို့၏ အဖြေများကို ဤနေရာတွင် ဖတ်လိုပါက ချက်ကိုသာ ဖျက်ပါ၊ ဘော့ကို Block မလုပ်ပါနှင့်။ "
        "အဖြေများကို ပြေစာနံပါတ်ဖြင့် %(where)s လည်း ဖတ်နိုင်ပါသည်။"
    ),
    (
        "What you wrote stays sealed with the programme: only the staff who handle your case can read it. "
        "Telegram knows that your account wrote to this bot and can see this conversation."
    ): (
        "သင်ရေးသားခဲ့သည်များကို အစီအစဉ်တွင် လုံခြုံစွာ ပိတ်သိမ်းထားပါသည် - သင့်ကိစ္စကို ကိုင်တွယ်သော "
        "ဝန်ထမ်းများသာ ဖတ်နိုင်ပါသည်။ သင့်အကောင့်က ဤဘော့ထံ စာရေးခဲ့ကြောင်းကို Telegram သိပြီး "
        "ဤစကားဝိုင်းကိုလည်း မြင်နိုင်ပါသည်။"
    ),
    "at %(address)s": "%(address)s တွင်",
    "on our website": "ကျွန်ုပ်တို့၏ ဝက်ဘ်ဆိုက်တွင်",
    "From now on I will write to you in English.": "ယခုမှစ၍ အင်္ဂလိပ်ဘာသာဖြင့် ရေးပါမည်။",
    "From now on I will write to you in Burmese.": "ယခုမှစ၍ မြန်မာဘာသာဖြင့် ရေးပါမည်။",
    "Please send text or photos. We cannot receive stickers, voice messages, videos or files here.": (
        "စာ သို့မဟုတ် ဓာတ်ပုံ ပို့ပေးပါ။ ဤနေရာတွင် စတစ်ကာ၊ အသံမက်ဆေ့ချ်၊ ဗီဒီယို သို့မဟုတ် ဖိုင်များကို လက်မခံနိုင်ပါ။"
    ),
    (
        "Thank you, we have received your message. Someone from the programme will read it and answer in "
        "this chat."
    ): ("ကျေးဇူးတင်ပါသည်၊ သင့်စာကို လက်ခံရရှိပါပြီ။ အစီအစဉ်မှ တစ်ဦးဦးက ဖတ်ပြီး ဤချက်တွင် ပြန်ဖြေပါမည်။"),
    "Your receipt: %(receipt)s": "သင့်ပြေစာနံပါတ် - %(receipt)s",
    (
        "With this receipt you can also read our answers and write to us %(where)s. Write it down somewhere "
        "safe, away from this phone, then delete this chat (see /delete)."
    ): (
        "ဤပြေစာနံပါတ်ဖြင့် ကျွန်ုပ်တို့၏ အဖြေများကို %(where)s ဖတ်နိုင်ပြီး စာလည်း ရေးနိုင်ပါသည်။ "
        "ဤဖုန်းနှင့် ဝေးသော လုံခြုံသည့်နေရာတွင် ရေးမှတ်ထားပြီးနောက် ဤချက်ကို ဖျက်ပါ (/delete ကို ကြည့်ပါ)။"
    ),
    "We already have this message.": "ဤစာကို လက်ခံရရှိပြီး ဖြစ်ပါသည်။",
    "Received. Thank you.": "လက်ခံရရှိပါပြီ။ ကျေးဇူးတင်ပါသည်။",
}
