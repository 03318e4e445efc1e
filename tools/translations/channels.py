"""Burmese for channels: how an enquiry reached the programme (Telegram, Messenger, a call, a meeting, a
minister), the bot's words, and the staff pages that enter and answer such enquiries (see
tools/my_translations.py).

Terms: enquiry စုံစမ်းစာ, case ကိစ္စ, receipt ပြေစာ, channel ဆက်သွယ်ရာလမ်းကြောင်း, web form ဝက်ဘ်ဖောင်.
"""

MY = {
    "Web form": "ဝက်ဘ်ဖောင်",
    "Facebook Messenger": "Facebook Messenger",
    "In person": "လူကိုယ်တိုင် တွေ့ဆုံ၍",
    "Passed on by a minister or a contact": "ဝန်ကြီး သို့မဟုတ် အဆက်အသွယ်တစ်ဦးမှ တစ်ဆင့်",
    "Waiting to be sent": "ပို့ရန် စောင့်နေသည်",
    "Being sent": "ပို့နေသည်",
    "Sent": "ပို့ပြီး",
    "Could not be sent": "ပို့၍ မရပါ",
    "May not have arrived": "ရောက်ရှိမှု မသေချာပါ",
    "Reply queued to go out by chat": "ချတ်မှ ပို့ရန် အဖြေကို တန်းစီထားသည်",
    "Reply sent again by chat": "ချတ်မှ အဖြေကို ထပ်ပို့သည်",
    "Reply by chat could not be delivered": "ချတ်မှ အဖြေကို မပို့နိုင်ခဲ့ပါ",
    "Telegram told where to send messages": "Telegram ကို စာများ ပို့ရမည့်နေရာ ပြောထားသည်",
}
