"""Burmese for messages that write their numbers in Myanmar digits on a Burmese page (issue 10).

A count shown in a sentence is passed to ``blocktranslate`` twice: ``count counter=n`` chooses the plural and
``with shown=n|digits`` is what the reader sees, so the msgids here say ``%(shown)s``. Examples of what to
type stay in Latin digits, as typed, inside <kbd> (see docs/architecture.md, "Burmese pages").
"""

MY: dict[object, str] = {
    (
        "%(shown)s request waits for your decision",
        "%(shown)s requests wait for your decision",
    ): "သင့်ဆုံးဖြတ်ချက်ကို စောင့်နေသော တောင်းဆိုချက် %(shown)s ခု",
    ("%(shown)s waiting", "%(shown)s waiting"): "%(shown)s ခု စောင့်နေသည်",
    ("%(shown)s unread", "%(shown)s unread"): "မဖတ်ရသေး %(shown)s ခု",
    (
        "You hold %(shown)s group key made before the recovery key was set up. Until someone who holds them "
        "adds them, the recovery key cannot restore the cases sealed to them.",
        "You hold %(shown)s group keys made before the recovery key was set up. Until someone who holds them "
        "adds them, the recovery key cannot restore the cases sealed to them.",
    ): (
        "ပြန်လည်ရယူရေးသော့ မပြင်ဆင်မီ ပြုလုပ်ခဲ့သော အုပ်စုသော့ %(shown)s ခုကို သင်ကိုင်ထားသည်။ "
        "၎င်းတို့ကို ကိုင်ထားသူက မထည့်မချင်း ၎င်းတို့ဖြင့် ပိတ်ထားသော ကိစ္စများကို ပြန်လည်ရယူရေးသော့က ပြန်ဖွင့်၍ မရပါ။"
    ),
    ("(%(shown)s new)", "(%(shown)s new)"): "(အသစ် %(shown)s)",
    (
        "Only cases whose identity you hold the key to are shown. Each search is recorded, and you may "
        "search %(shown)s time an hour.",
        "Only cases whose identity you hold the key to are shown. Each search is recorded, and you may "
        "search %(shown)s times an hour.",
    ): ("ကိုယ်ရေးအချက်အလက် သော့ သင့်တွင်ရှိသော ကိစ္စများကိုသာ ပြသည်။ ရှာတိုင်း မှတ်တမ်းတင်ပြီး တစ်နာရီလျှင် %(shown)s ကြိမ် ရှာနိုင်သည်။"),
    (
        "%(shown)s open claim on your cases",
        "%(shown)s open claims on your cases",
    ): "သင့်ကိစ္စများတွင် ဖွင့်ထားသော ဆုငွေတောင်းခံမှု %(shown)s ခု",
    ("%(shown)s claim to verify", "%(shown)s claims to verify"): "စစ်ဆေးရန် ဆုငွေတောင်းခံမှု %(shown)s ခု",
    ("%(shown)s claim to value", "%(shown)s claims to value"): "တန်ဖိုးဖြတ်ရန် ဆုငွေတောင်းခံမှု %(shown)s ခု",
    (
        "%(shown)s tranche waiting for a first approval",
        "%(shown)s tranches waiting for a first approval",
    ): "ပထမ အတည်ပြုချက် စောင့်နေသော အရစ် %(shown)s ခု",
    (
        "%(shown)s tranche waiting for a second approval",
        "%(shown)s tranches waiting for a second approval",
    ): "ဒုတိယ အတည်ပြုချက် စောင့်နေသော အရစ် %(shown)s ခု",
    (
        "%(shown)s approved tranche to pay",
        "%(shown)s approved tranches to pay",
    ): "ပေးချေရန် အတည်ပြုပြီး အရစ် %(shown)s ခု",
    (
        "%(shown)s stipend to approve or refuse",
        "%(shown)s stipends to approve or refuse",
    ): "အတည်ပြုရန် သို့မဟုတ် ငြင်းပယ်ရန် ထောက်ပံ့ငွေ %(shown)s ခု",
    (
        "%(shown)s approved stipend to pay",
        "%(shown)s approved stipends to pay",
    ): "ပေးချေရန် အတည်ပြုပြီး ထောက်ပံ့ငွေ %(shown)s ခု",
    ("%(shown)s dependant", "%(shown)s dependants"): "မှီခိုသူ %(shown)s ဦး",
    ("%(shown)s to decide", "%(shown)s to decide"): "ဆုံးဖြတ်ရန် %(shown)s ခု",
    (
        "%(shown)s earlier result replaced",
        "%(shown)s earlier results replaced",
    ): "ယခင်ရလဒ် %(shown)s ခုကို အစားထိုးပြီး",
    "Year and month, e.g. <kbd>2027-01</kbd>: a coming month, never one under way.": (
        "နှစ်နှင့် လ၊ ဥပမာ <kbd>2027-01</kbd>- လာမည့်လ ဖြစ်ရမည်၊ လက်ရှိလ မဖြစ်ရ။"
    ),
    (
        "As received, in plain digits, e.g. <kbd>25000.00</kbd> "
        "(no more decimal places than the currency has)."
    ): ("လက်ခံရရှိသည့်အတိုင်း ဂဏန်းသက်သက်ဖြင့်၊ ဥပမာ <kbd>25000.00</kbd> (ငွေကြေး၏ ဒသမနေရာထက် မပိုရ)။"),
}
