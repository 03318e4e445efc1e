"""Burmese for Django's own messages that the project's pages can show (listed in
embrace/core/django_messages.py; tools/my_translations.py says how these tables are used).

Plain words for a volunteer or an enquirer typing on a phone: say what to fix, not what the code checked.
"""

MY = {
    "This field is required.": "ဤအကွက်ကို ဖြည့်ရန် လိုအပ်ပါသည်။",
    "Enter a whole number.": "ကိန်းပြည့် (ဒသမ မပါသော ဂဏန်း) ထည့်ပါ။",
    "Enter a number.": "ဂဏန်း ထည့်ပါ။",
    "Enter a valid date.": "ရက်စွဲ မှန်မှန်ကန်ကန် ထည့်ပါ။",
    "Enter a valid time.": "အချိန် မှန်မှန်ကန်ကန် ထည့်ပါ။",
    "Enter a valid date/time.": "ရက်စွဲနှင့် အချိန် မှန်မှန်ကန်ကန် ထည့်ပါ။",
    "Enter a valid UUID.": "ဤအမှတ်အသားကို ဖတ်၍ မရပါ။ စာမျက်နှာကို ပြန်ဖွင့်၍ ထပ်စမ်းပါ။",
    "Enter a list of values.": "တန်ဖိုးများကို စာရင်းအဖြစ် ထည့်ပါ။",
    "Select a valid choice. %(value)s is not one of the available choices.": (
        "ပေးထားသော ရွေးချယ်စရာများထဲမှ တစ်ခုကို ရွေးပါ။ %(value)s သည် ရွေးချယ်စရာများထဲတွင် မပါပါ။"
    ),
    "Select a valid choice. That choice is not one of the available choices.": (
        "ပေးထားသော ရွေးချယ်စရာများထဲမှ တစ်ခုကို ရွေးပါ။ ထိုရွေးချယ်မှုသည် ယခု မရနိုင်တော့ပါ။"
    ),
    "“%(pk)s” is not a valid value.": "“%(pk)s” သည် မှန်ကန်သော တန်ဖိုး မဟုတ်ပါ။",
    "(Hidden field %(name)s) %(error)s": "(မမြင်ရသော အကွက် %(name)s) %(error)s",
    "No file was submitted. Check the encoding type on the form.": ("ဖိုင် မရောက်လာပါ။ စာမျက်နှာကို ပြန်ဖွင့်၍ ထပ်ပို့ပါ။"),
    "No file was submitted.": "ဖိုင် မပါလာပါ။",
    "The submitted file is empty.": "ပို့လိုက်သော ဖိုင်ထဲတွင် ဘာမှ မပါပါ။",
    "Please either submit a file or check the clear checkbox, not both.": (
        "ဖိုင်အသစ် ပို့ခြင်း သို့မဟုတ် ဖိုင်ကို ဖယ်ရန် အမှန်ခြစ်ခြင်း တစ်ခုသာ လုပ်ပါ၊ နှစ်ခုလုံး မလုပ်ပါနှင့်။"
    ),
    "Upload a valid image. The file you uploaded was either not an image or a corrupted image.": (
        "ဓာတ်ပုံ မှန်မှန်ကန်ကန် တင်ပါ။ တင်လိုက်သော ဖိုင်သည် ဓာတ်ပုံ မဟုတ်ပါ သို့မဟုတ် ပျက်စီးနေပါသည်။"
    ),
    "Enter a valid value.": "တန်ဖိုး မှန်မှန်ကန်ကန် ထည့်ပါ။",
    "Enter a valid integer.": "ကိန်းပြည့် မှန်မှန်ကန်ကန် ထည့်ပါ။",
    "Enter a valid email address.": "အီးမေးလ်လိပ်စာ မှန်မှန်ကန်ကန် ထည့်ပါ။",
    "Enter a valid URL.": "ဝက်ဘ်လိပ်စာ မှန်မှန်ကန်ကန် ထည့်ပါ။",
    "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.": (
        "အင်္ဂလိပ်အက္ခရာ၊ ဂဏန်း၊ အောက်မျဉ်း (_) နှင့် တုံးတို (-) တို့ဖြင့်သာ ရေးပါ။"
    ),
    "Ensure this value is less than or equal to %(limit_value)s.": ("%(limit_value)s ထက် မကျော်သော တန်ဖိုး ထည့်ပါ။"),
    "Ensure this value is greater than or equal to %(limit_value)s.": ("%(limit_value)s နှင့် အထက် တန်ဖိုး ထည့်ပါ။"),
    "Null characters are not allowed.": "ဖတ်၍ မရသော သင်္ကေတ ပါနေပါသည်။ ၎င်းကို ဖယ်၍ ထပ်ပို့ပါ။",
    "%(model_name)s with this %(field_label)s already exists.": (
        "ဤ %(field_label)s ဖြင့် %(model_name)s ရှိပြီးသား ဖြစ်ပါသည်။"
    ),
    "%(model_name)s with this %(field_labels)s already exists.": (
        "ဤ %(field_labels)s ဖြင့် %(model_name)s ရှိပြီးသား ဖြစ်ပါသည်။"
    ),
    (
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
    ): "စာလုံး အများဆုံး %(limit_value)d လုံးသာ ရေးနိုင်ပါသည် (ယခု %(show_value)d လုံး ရှိနေပါသည်)။",
    (
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
    ): "စာလုံး အနည်းဆုံး %(limit_value)d လုံး လိုအပ်ပါသည် (ယခု %(show_value)d လုံးသာ ရှိပါသည်)။",
    (
        "Ensure this filename has at most %(max)d character (it has %(length)d).",
        "Ensure this filename has at most %(max)d characters (it has %(length)d).",
    ): "ဖိုင်အမည်သည် စာလုံး %(max)d လုံးထက် မရှည်ရပါ (ယခု %(length)d လုံး ရှိပါသည်)။",
    (
        "Ensure that there are no more than %(max)s digit in total.",
        "Ensure that there are no more than %(max)s digits in total.",
    ): "ဂဏန်း စုစုပေါင်း %(max)s လုံးထက် မပိုပါစေနှင့်။",
    (
        "Ensure that there are no more than %(max)s decimal place.",
        "Ensure that there are no more than %(max)s decimal places.",
    ): "ဒသမ နောက်တွင် ဂဏန်း %(max)s လုံးထက် မပိုပါစေနှင့်။",
    (
        "Ensure that there are no more than %(max)s digit before the decimal point.",
        "Ensure that there are no more than %(max)s digits before the decimal point.",
    ): "ဒသမ ရှေ့တွင် ဂဏန်း %(max)s လုံးထက် မပိုပါစေနှင့်။",
    (
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ): "ဤစကားဝှက် တိုလွန်းပါသည်။ အနည်းဆုံး စာလုံး %d လုံး ပါရပါမည်။",
    (
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
    ): "စကားဝှက်တွင် အနည်းဆုံး စာလုံး %(min_length)d လုံး ပါရပါမည်။",
    "The password is too similar to the %(verbose_name)s.": "စကားဝှက်သည် %(verbose_name)s နှင့် ဆင်တူလွန်းပါသည်။",
    "Your password can’t be too similar to your other personal information.": (
        "စကားဝှက်သည် သင့်ကိုယ်ရေးအချက်အလက်များနှင့် ဆင်တူလွန်း၍ မရပါ။"
    ),
    "This password is too common.": "ဤစကားဝှက်ကို လူအများ သုံးလွန်းပါသည်။",
    "Your password can’t be a commonly used password.": "လူအများ သုံးလေ့ရှိသော စကားဝှက်ကို မသုံးရပါ။",
    "This password is entirely numeric.": "ဤစကားဝှက်တွင် ဂဏန်းများသာ ပါနေပါသည်။",
    "Your password can’t be entirely numeric.": "စကားဝှက်သည် ဂဏန်းများချည်း ဖြစ်၍ မရပါ။",
}
