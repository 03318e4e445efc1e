"""Burmese for the Messenger channel's own words (embrace/channels/messenger.py): how to delete the
conversation, and what Meta sees (see tools/my_translations.py). The rest of the bot's words are in
channels_bot.py."""

MY = {
    (
        "To delete this conversation from your phone: in Messenger, press and hold this conversation, then "
        "choose Delete. Do not block the page if you want to read our answers here; you can also read them "
        "%(where)s with your receipt."
    ): (
        "ဤစကားဝိုင်းကို သင့်ဖုန်းမှ ဖျက်ရန် - Messenger တွင် ဤစကားဝိုင်းကို ဖိထားပြီး Delete ကို ရွေးပါ။ "
        "ကျွန်ုပ်တို့၏ အဖြေများကို ဤနေရာတွင် ဖတ်လိုပါက စာမျက်နှာ (Page) ကို Block မလုပ်ပါနှင့်။ "
        "အဖြေများကို ပြေစာနံပါတ်ဖြင့် %(where)s လည်း ဖတ်နိုင်ပါသည်။"
    ),
    (
        "What you wrote stays sealed with the programme: only the staff who handle your case can read it. "
        "Meta (Facebook) knows that your account wrote to this page and can see this conversation."
    ): (
        "သင်ရေးသားခဲ့သည်များကို အစီအစဉ်တွင် လုံခြုံစွာ ပိတ်သိမ်းထားပါသည် - သင့်ကိစ္စကို ကိုင်တွယ်သော "
        "ဝန်ထမ်းများသာ ဖတ်နိုင်ပါသည်။ သင့်အကောင့်က ဤစာမျက်နှာသို့ စာရေးခဲ့ကြောင်း Meta (Facebook) "
        "သိပြီး ဤစကားဝိုင်းကိုလည်း မြင်နိုင်ပါသည်။"
    ),
}
