"""Burmese for replies sent to an enquirer's chat: how each fared, in the words the case page shows, and why
one could not be sent (see tools/my_translations.py).

Terms: case ကိစ္စ, enquirer စုံစမ်းသူ, reply ပြန်စာ, chat ချတ်, bot ဘော့, photo ဓာတ်ပုံ.
"""

MY = {
    # The case page, under each reply that went (or was meant to go) to the enquirer's chat.
    "On the chat:": "ချတ်တွင် -",
    "sent": "ပို့ပြီး",
    "waiting to be sent": "ပို့ရန် စောင့်နေသည်",
    "could not be sent: %(reason)s": "ပို့၍ မရပါ - %(reason)s",
    "may not have arrived — check with them": "ရောက်ရှိမှု မသေချာပါ — စုံစမ်းသူကို မေးကြည့်ပါ",
    "Send it again": "ထပ်ပို့မည်",
    "a photo they sent could not be fetched: %(reason)s": "သူတို့ ပို့သော ဓာတ်ပုံကို ယူ၍ မရပါ - %(reason)s",
    # Why: Telegram's answers and the worker's own reasons.
    "the person blocked the bot": "ထိုသူက ဘော့ကို ပိတ်ထားသည်",
    "the chat no longer exists": "ချတ် မရှိတော့ပါ",
    "Telegram refused the message": "Telegram က စာကို လက်မခံပါ",
    "Telegram could not be reached": "Telegram ကို ဆက်သွယ်၍ မရပါ",
    "Telegram had a fault": "Telegram တွင် ချို့ယွင်းချက် ရှိသည်",
    "Telegram did not answer": "Telegram က ပြန်မဖြေပါ",
    "Telegram asked us to slow down": "Telegram က ဖြည်းဖြည်း ပို့ရန် တောင်းဆိုသည်",
    "the bot's token was refused": "ဘော့၏ တိုကင်ကို လက်မခံပါ",
    "the bot has no token": "ဘော့တွင် တိုကင် မရှိပါ",
    "the file is too large": "ဖိုင် အရမ်းကြီးသည်",
    "the sending was interrupted": "ပို့နေစဉ် ရပ်တန့်သွားသည်",
    "the outbox key was changed before it was sent": "မပို့မီ ပို့ရန်စာပုံး သော့ ပြောင်းသွားသည်",
    "the photo to send was lost": "ပို့ရမည့် ဓာတ်ပုံ ပျောက်သွားသည်",
    "it was not a photo that could be kept": "သိမ်းထားနိုင်သော ဓာတ်ပုံ မဟုတ်ပါ",
    "replies cannot be sent on this channel yet": "ဤလမ်းကြောင်းဖြင့် ပြန်စာ မပို့နိုင်သေးပါ",
    "your keys do not open the chat address": "သင့်သော့များဖြင့် ချတ်လိပ်စာကို ဖွင့်၍ မရပါ",
}
