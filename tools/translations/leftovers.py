"""Burmese for the leftovers of issues 9–11: numbers that now show in Myanmar digits on a Burmese page.

Django writes the numbers of three of its limit messages with ``%d``, which only ever prints Latin digits;
``embrace.myanmar.forms.PERCENT_S`` gives the same English sentences with ``%s`` and these are their Burmese
(the same words as Django's own in django.py). Counts in flash messages and labels say ``%(shown)s`` or
pass the number through ``local_digits`` (see digits.py).
"""

MY: dict[object, str] = {
    (
        "Ensure this value has at most %(limit_value)s character (it has %(show_value)s).",
        "Ensure this value has at most %(limit_value)s characters (it has %(show_value)s).",
    ): "စာလုံး အများဆုံး %(limit_value)s လုံးသာ ရေးနိုင်ပါသည် (ယခု %(show_value)s လုံး ရှိနေပါသည်)။",
    (
        "Ensure this value has at least %(limit_value)s character (it has %(show_value)s).",
        "Ensure this value has at least %(limit_value)s characters (it has %(show_value)s).",
    ): "စာလုံး အနည်းဆုံး %(limit_value)s လုံး လိုအပ်ပါသည် (ယခု %(show_value)s လုံးသာ ရှိပါသည်)။",
    (
        "Ensure this filename has at most %(max)s character (it has %(length)s).",
        "Ensure this filename has at most %(max)s characters (it has %(length)s).",
    ): "ဖိုင်အမည်သည် စာလုံး %(max)s လုံးထက် မရှည်ရပါ (ယခု %(length)s လုံး ရှိပါသည်)။",
    ("Moved %(shown)s enquiry to quarantine.", "Moved %(shown)s enquiries to quarantine."): (
        "စုံစမ်းစာ %(shown)s ခုကို သီးခြားထားရာသို့ ရွှေ့ပြီးပါပြီ။"
    ),
    (
        "Left out %(shown)s that was triaged, answered or moved since the request.",
        "Left out %(shown)s that were triaged, answered or moved since the request.",
    ): "တောင်းဆိုပြီးနောက် ကနဦးစစ်ဆေးပြီး၊ ပြန်စာပို့ပြီး သို့မဟုတ် ရွှေ့ပြီးသော %(shown)s ခုကို ချန်ထားခဲ့သည်။",
    "%(code)s, %(count)s of them (US$)": "%(code)s၊ %(count)s ခု (US$)",
}
