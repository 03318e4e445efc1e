"""Burmese for the last pieces of channels (issue 12): a reply waiting to be tried again, and a chat channel
left on without its credentials (see tools/my_translations.py).

Terms (as channels_staff.py): channel လမ်းကြောင်း, credentials ဝင်ခွင့်သော့များ, server ဆာဗာ.
"""

MY = {
    "waiting to be sent again (the last try failed: %(reason)s)": (
        "ထပ်မံ ပို့ရန် စောင့်နေသည် (နောက်ဆုံး ကြိုးစားမှု မအောင်မြင်ပါ - %(reason)s)"
    ),
    "The server no longer holds this channel's credentials, so every message sent to it is refused and lost. "
    "Pause it now, and ask the people who run the server to set them again.": (
        "ဆာဗာတွင် ဤလမ်းကြောင်း၏ ဝင်ခွင့်သော့များ မရှိတော့သဖြင့် ၎င်းသို့ ပို့သော စာတိုင်းကို ငြင်းပယ်ပြီး "
        "ဆုံးရှုံးသွားသည်။ ယခုပင် ခေတ္တရပ်ပါ၊ ဆာဗာကို လုပ်ကိုင်သူများကို ပြန်လည် ထည့်သွင်းပေးရန် တောင်းဆိုပါ။"
    ),
}
