"""Burmese for Messenger replies: why one could not be sent, and what happens to a reply's photos (see
tools/my_translations.py).

Terms: case ကိစ္စ, enquirer စုံစမ်းသူ, reply ပြန်စာ, photo ဓာတ်ပုံ, receipt ပြေစာနံပါတ်, website ဝက်ဘ်ဆိုက်.
"""

MY = {
    "Messenger did not answer": "Messenger က ပြန်မဖြေပါ",
    "Messenger asked us to slow down": "Messenger က ဖြည်းဖြည်း ပို့ရန် တောင်းဆိုသည်",
    "Messenger could not be reached or had a fault": "Messenger ကို ဆက်သွယ်၍ မရပါ သို့မဟုတ် ချို့ယွင်းချက် ရှိသည်",
    "the person cannot be reached on Messenger": "ထိုသူကို Messenger တွင် ဆက်သွယ်၍ မရပါ",
    "the page's access token is missing or was refused": "စာမျက်နှာ၏ ဝင်ခွင့် တိုကင် မရှိပါ သို့မဟုတ် လက်မခံပါ",
    "Messenger refused the message": "Messenger က စာကို လက်မခံပါ",
    "the photo was too large or is no longer available": "ဓာတ်ပုံ ကြီးလွန်းသည် သို့မဟုတ် မရနိုင်တော့ပါ",
    "photos are not sent on Messenger: they see them on the website with their receipt": (
        "ဓာတ်ပုံများကို Messenger ဖြင့် မပို့ပါ - စုံစမ်းသူက ပြေစာနံပါတ်ဖြင့် ဝက်ဘ်ဆိုက်တွင် ကြည့်နိုင်သည်"
    ),
}
