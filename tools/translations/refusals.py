"""Burmese for the refusals actions raise outside rewards (approvals, break-glass, quarantine, accounts,
staffing, refused photos): whole sentences a volunteer reads on the page when a step is refused (see
tools/my_translations.py).

Terms as in staff.py and keys_pages.py: key သော့, group အုပ်စု, holder ကိုင်ဆောင်သူ, recovery key
ပြန်လည်ရယူရေးသော့, trustee ယုံကြည်အပ်နှံသူ, share အပိုင်း, restore ပြန်ဖွင့်မှု, recipient လက်ခံသူ,
request တောင်းဆိုချက်, administrator စီမံခန့်ခွဲသူ, intake officer လက်ခံရေးအရာရှိ, quarantine သီးခြားထားရာ,
enquiry စုံစမ်းစာ, fingerprint လက်ဗွေ.
"""

MY = {
    # --- Approvals: asking, deciding, withdrawing (approvals/actions.py) -----------------------------------
    "No such role can decide requests.": "ထိုတာဝန်ရှိသူသည် တောင်းဆိုချက်များကို ဆုံးဖြတ်၍ မရပါ။",
    "A request for this is already waiting for a decision.": (
        "ဤအရာအတွက် တောင်းဆိုချက်တစ်ခု ဆုံးဖြတ်ချက်ကို စောင့်နေပြီး ဖြစ်သည်။"
    ),
    "No one may decide their own request: another person must.": (
        "မိမိ၏ တောင်းဆိုချက်ကို မိမိကိုယ်တိုင် ဆုံးဖြတ်၍ မရပါ - အခြားသူတစ်ဦးက ဆုံးဖြတ်ရမည်။"
    ),
    "This was never put to a decision.": "ဤအရာကို ဆုံးဖြတ်ရန် တင်ပြထားခြင်း မရှိခဲ့ပါ။",
    "Only a waiting request can be withdrawn.": "စောင့်ဆိုင်းနေသော တောင်းဆိုချက်ကိုသာ ရုပ်သိမ်းနိုင်သည်။",
    "Only the person who asked may withdraw the request.": ("တောင်းဆိုခဲ့သူကိုယ်တိုင်သာ တောင်းဆိုချက်ကို ရုပ်သိမ်းနိုင်သည်။"),
    # Who may decide: one whole sentence per role.
    "Only an administrator may decide this.": "စီမံခန့်ခွဲသူသာ ဤအရာကို ဆုံးဖြတ်နိုင်သည်။",
    "Only an intake officer may decide this.": "လက်ခံရေးအရာရှိသာ ဤအရာကို ဆုံးဖြတ်နိုင်သည်။",
    "Only a case handler may decide this.": "ကိစ္စတာဝန်ခံသာ ဤအရာကို ဆုံးဖြတ်နိုင်သည်။",
    "Only a vetting reviewer may decide this.": "စိစစ်သူသာ ဤအရာကို ဆုံးဖြတ်နိုင်သည်။",
    "Only a member of the reward committee may decide this.": ("ဆုငွေကော်မတီ အဖွဲ့ဝင်သာ ဤအရာကို ဆုံးဖြတ်နိုင်သည်။"),
    "Only a member of finance may decide this.": "ငွေစာရင်းဌာန အဖွဲ့ဝင်သာ ဤအရာကို ဆုံးဖြတ်နိုင်သည်။",
    "Only an analyst may decide this.": "ကိန်းဂဏန်း လေ့လာသူသာ ဤအရာကို ဆုံးဖြတ်နိုင်သည်။",
    "Only an auditor may decide this.": "စစ်ဆေးသူသာ ဤအရာကို ဆုံးဖြတ်နိုင်သည်။",
    # --- Quarantine (intake/actions.py, intake/staff_views.py) -------------------------------------------
    "You can only ask to empty your own team's quarantine.": ("သင့်အဖွဲ့၏ သီးခြားထားရာကိုသာ ရှင်းလင်းရန် တောင်းဆိုနိုင်သည်။"),
    "Only another intake officer of the same team may decide this.": (
        "အဖွဲ့တူ အခြားလက်ခံရေးအရာရှိ တစ်ဦးသာ ဤအရာကို ဆုံးဖြတ်နိုင်သည်။"
    ),
    "Delete them": "၎င်းတို့ကို ဖျက်ရန်",
    "Keep them": "၎င်းတို့ကို ထားရှိရန်",
    "Asked: another intake officer of the team must approve.": (
        "တောင်းဆိုပြီးပါပြီ - အဖွဲ့၏ အခြားလက်ခံရေးအရာရှိ တစ်ဦးက အတည်ပြုရမည်။"
    ),
    (
        "Deleted %(count)s quarantined enquiry for good.",
        "Deleted %(count)s quarantined enquiries for good.",
    ): "သီးခြားထားသော စုံစမ်းစာ %(count)s ခုကို အပြီးဖျက်လိုက်ပါပြီ။",
    "Kept them.": "၎င်းတို့ကို ထားရှိလိုက်ပါပြီ။",
    # A refused photo, named (intake/views.py: enquirers' and staff replies' photos).
    "“%(name)s” is too large (at most 10 MB).": "“%(name)s” သည် အရွယ်အစား ကြီးလွန်းပါသည် (အများဆုံး 10 MB)။",
    "“%(name)s” has too many pixels.": "“%(name)s” သည် pixel များလွန်းပါသည်။",
    "“%(name)s” is not a photo we can read.": "“%(name)s” ကို ဓာတ်ပုံအဖြစ် ဖတ်၍ မရပါ။",
    "“%(name)s” is not a JPEG, PNG or WebP photo.": "“%(name)s” သည် JPEG၊ PNG သို့မဟုတ် WebP ဓာတ်ပုံ မဟုတ်ပါ။",
    "“%(name)s” is damaged or incomplete.": "“%(name)s” သည် ပျက်စီးနေသည် သို့မဟုတ် မပြည့်စုံပါ။",
    "“%(name)s” is one photo too many (at most 5).": "“%(name)s” သည် ပိုနေပါသည် (အများဆုံး ၅ ပုံ)။",
    "“%(name)s” could not be processed now; send it again in a few minutes.": (
        "“%(name)s” ကို ယခု စီမံ၍ မရသေးပါ။ မိနစ်အနည်းငယ်အကြာတွင် ထပ်ပို့ပါ။"
    ),
    # --- Accounts and staffing (accounts/actions.py, staffing/forms.py) ------------------------------------
    "A fingerprint has 16 digits, in four groups of four.": ("လက်ဗွေတွင် ဂဏန်း ၁၆ လုံး ရှိပြီး လေးလုံးစီ အုပ်စု လေးစု ဖြစ်သည်။"),
    (
        "Removed at once; %(n)s open session ended.",
        "Removed at once; %(n)s open sessions ended.",
    ): "ချက်ချင်း ဖယ်ရှားပြီးပါပြီ၊ ဖွင့်ထားသော အသုံးပြုမှု %(n)s ခု ပြီးဆုံးစေပြီ။",
    # --- Break-glass: the recovery key and restores (vault/recovery.py, vault/shamir.py) -------------------
    # A restore's status on the break-glass page (vault/models.py RestoreStatus).
    "Waiting for shares": "အပိုင်းများကို စောင့်နေသည်",
    "Restored": "ပြန်ဖွင့်ပြီး",
    "Each trustee may be named only once.": "ယုံကြည်အပ်နှံသူ တစ်ဦးစီကို တစ်ကြိမ်သာ အမည်တပ်နိုင်သည်။",
    "Name between 2 and %(most)s trustees, and ask for at least 2 and at most as many shares as there are "
    "trustees.": (
        "ယုံကြည်အပ်နှံသူ ၂ ဦးမှ %(most)s ဦးအထိ အမည်တပ်ပါ၊ လိုအပ်သော အပိုင်းအရေအတွက်ကို အနည်းဆုံး ၂ ခုနှင့် "
        "ယုံကြည်အပ်နှံသူ အရေအတွက်ထက် မပိုစေဘဲ သတ်မှတ်ပါ။"
    ),
    "Every trustee must have their own keys (an active account).": (
        "ယုံကြည်အပ်နှံသူတိုင်းတွင် မိမိကိုယ်ပိုင် သော့များ (အသုံးပြုနေသော အကောင့်) ရှိရမည်။"
    ),
    "You have no share waiting to be written down.": "ရေးမှတ်ရန် စောင့်နေသော သင့်အပိုင်း မရှိပါ။",
    "Your share was sealed to keys you no longer have; ask for a new set-up.": (
        "သင့်အပိုင်းကို သင့်တွင် မရှိတော့သော သော့များဖြင့် တံဆိပ်ခတ်ထားသည် - ပြင်ဆင်မှုအသစ် တောင်းဆိုပါ။"
    ),
    "The words you typed are not your share. Compare your paper with the words shown, word by word.": (
        "သင်ရိုက်ထည့်သော စကားလုံးများသည် သင့်အပိုင်း မဟုတ်ပါ။ သင့်စာရွက်ကို ပြထားသော စကားလုံးများနှင့် တစ်လုံးချင်း တိုက်ကြည့်ပါ။"
    ),
    "Your share has already been written down.": "သင့်အပိုင်းကို ရေးမှတ်ပြီး ဖြစ်သည်။",
    "There is no recovery key yet.": "ပြန်လည်ရယူရေးသော့ မရှိသေးပါ။",
    "The person who asks cannot be the one who receives the keys.": ("တောင်းဆိုသူသည် သော့များကို လက်ခံမည့်သူ ဖြစ်၍ မရပါ။"),
    "The recipient has no keys of their own yet.": "လက်ခံသူတွင် မိမိကိုယ်ပိုင် သော့များ မရှိသေးပါ။",
    (
        "%(count)s person still holds this group's key and can give it; break-glass is only for a group "
        "nobody holds.",
        "%(count)s people still hold this group's key: one of them can give it; break-glass is only for a "
        "group nobody holds.",
    ): (
        "ဤအုပ်စု၏ သော့ကို %(count)s ဦး ကိုင်ဆောင်ထားဆဲ ဖြစ်ပြီး သူတို့ထံမှ ပေးနိုင်သည်။ အရေးပေါ်ဖွင့်ခြင်းသည် "
        "မည်သူမျှ မကိုင်ဆောင်တော့သော အုပ်စုအတွက်သာ ဖြစ်သည်။"
    ),
    "The recovery key holds no copy of this group's keys, so it cannot restore it.": (
        "ပြန်လည်ရယူရေးသော့တွင် ဤအုပ်စု၏ သော့မိတ္တူ မရှိသဖြင့် ၎င်းကို ပြန်ဖွင့်၍ မရပါ။"
    ),
    "A restore of this group is already waiting for shares.": (
        "ဤအုပ်စုအတွက် ပြန်ဖွင့်မှုတစ်ခု အပိုင်းများကို စောင့်နေပြီး ဖြစ်သည်။"
    ),
    "These words are a valid share, but of another recovery key (perhaps an earlier set-up).": (
        "ဤစကားလုံးများသည် မှန်ကန်သော အပိုင်း ဖြစ်သော်လည်း အခြားပြန်လည်ရယူရေးသော့ (ယခင်ပြင်ဆင်မှု ဖြစ်နိုင်သည်) ၏ အပိုင်း ဖြစ်သည်။"
    ),
    "These words are another trustee's share. Each trustee enters their own.": (
        "ဤစကားလုံးများသည် အခြားယုံကြည်အပ်နှံသူ၏ အပိုင်း ဖြစ်သည်။ ယုံကြည်အပ်နှံသူ တစ်ဦးစီက မိမိအပိုင်းကိုသာ ထည့်ရမည်။"
    ),
    "Only a trustee of the recovery key may enter a share.": ("ပြန်လည်ရယူရေးသော့၏ ယုံကြည်အပ်နှံသူသာ အပိုင်းကို ထည့်နိုင်သည်။"),
    "This restore is closed.": "ဤပြန်ဖွင့်မှုကို ပိတ်ပြီး ဖြစ်သည်။",
    "You have already entered your share for this restore.": ("ဤပြန်ဖွင့်မှုအတွက် သင့်အပိုင်းကို ထည့်ပြီး ဖြစ်သည်။"),
    "Only the named recipient completes a restore, in their own session.": (
        "အမည်တပ်ထားသော လက်ခံသူကသာ မိမိ၏ ကိုယ်ပိုင် ဝင်ရောက်မှုတွင် ပြန်ဖွင့်မှုကို အပြီးသတ်နိုင်သည်။"
    ),
    (
        "%(needed)s trustees must enter their shares; %(entered)s has so far.",
        "%(needed)s trustees must enter their shares; %(entered)s have so far.",
    ): "ယုံကြည်အပ်နှံသူ %(needed)s ဦး မိမိတို့အပိုင်းကို ထည့်ရမည် - ယခုထိ %(entered)s ဦး ထည့်ပြီးပါပြီ။",
    "The shares entered do not rebuild the recovery key.": (
        "ထည့်ထားသော အပိုင်းများဖြင့် ပြန်လည်ရယူရေးသော့ကို ပြန်တည်ဆောက်၍ မရပါ။"
    ),
    "Only a trustee, the person who asked or the recipient may cancel a restore.": (
        "ယုံကြည်အပ်နှံသူ၊ တောင်းဆိုခဲ့သူ သို့မဟုတ် လက်ခံသူသာ ပြန်ဖွင့်မှုကို ပယ်ဖျက်နိုင်သည်။"
    ),
    "“%(word)s” is not one of the share words: check the spelling.": (
        "“%(word)s” သည် အပိုင်းစကားလုံးစာရင်းတွင် မပါပါ - စာလုံးပေါင်းကို စစ်ကြည့်ပါ။"
    ),
    "These words are not a valid share: a word is wrong, missing or out of order.": (
        "ဤစကားလုံးများသည် မှန်ကန်သော အပိုင်း မဟုတ်ပါ - စကားလုံးတစ်လုံး မှားနေသည်၊ ကျန်နေသည် သို့မဟုတ် အစီအစဉ် လွဲနေသည်။"
    ),
    (
        "%(needed)s shares are needed; %(entered)s has been entered.",
        "%(needed)s shares are needed; %(entered)s have been entered.",
    ): "အပိုင်း %(needed)s ခု လိုအပ်သည် - %(entered)s ခုသာ ထည့်ထားသည်။",
    "The shares do not fit together: they are not all from the same recovery key.": (
        "အပိုင်းများ တစ်ခုနှင့်တစ်ခု မကိုက်ညီပါ - ၎င်းတို့အားလုံးသည် ပြန်လည်ရယူရေးသော့ တစ်ခုတည်းမှ မဟုတ်ပါ။"
    ),
}
