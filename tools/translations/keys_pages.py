"""Burmese for the keys page (custody), the break-glass pages, and the refusals of keys, break-glass and staff
accounts (tools/my_translations.py says how these tables are used).

Terms as in staff.py: key သော့, group အုပ်စု, holder ကိုင်ဆောင်သူ, recovery key ပြန်လည်ရယူရေးသော့, trustee
ယုံကြည်အပ်နှံသူ, share အပိုင်း, restore ပြန်ဖွင့်, administrator စီမံခန့်ခွဲသူ, audit log လုပ်ဆောင်ချက်မှတ်တမ်း,
passage plan ခရီးစီမံချက်.
"""

MY = {
    # --- Keys page (custody/keys.html) -------------------------------------------------------------------
    "A key opens a set of files. Your role or team only lets you <em>be given</em> a key: someone who "
    "already holds it gives it from their own session, and for identities and passage plans a second holder "
    "approves. Giving a key is recorded in the audit log.": (
        "သော့တစ်ခုသည် ဖိုင်အစုတစ်ခုကို ဖွင့်ပေးသည်။ သင့်တာဝန် သို့မဟုတ် အဖွဲ့က သော့ကို <em>ပေးခံရခွင့်</em>သာ ပေးသည် - "
        "ကိုင်ထားပြီးသူက မိမိအသုံးပြုမှုမှ ပေးရပြီး ကိုယ်ရေးအချက်အလက်နှင့် ခရီးစီမံချက်များအတွက် ဒုတိယကိုင်ဆောင်သူ "
        "အတည်ပြုရသည်။ သော့ပေးခြင်းကို လုပ်ဆောင်ချက်မှတ်တမ်းတွင် မှတ်တမ်းတင်သည်။"
    ),
    "When someone leaves a role or a team, their keys are taken back. What they could read before is assumed "
    "seen: only what is written afterwards is closed to them.": (
        "တစ်ဦးဦး တာဝန် သို့မဟုတ် အဖွဲ့မှ ထွက်သွားသောအခါ ၎င်း၏သော့များကို ပြန်ယူသည်။ ယခင်က ဖတ်နိုင်ခဲ့သမျှကို "
        "မြင်ပြီးဟု ယူဆရသည် - နောက်မှ ရေးသောအရာကိုသာ ၎င်းအတွက် ပိတ်ထားသည်။"
    ),
    "Keys you hold": "သင်ကိုင်ထားသော သော့များ",
    "This key opens %(reach)s. Whoever you give it to will be able to read all of it at once, and everything "
    "added later while they hold it.": (
        "ဤသော့သည် %(reach)s ကို ဖွင့်ပေးသည်။ သင်ပေးလိုက်သူသည် ၎င်းအားလုံးကို ချက်ချင်း ဖတ်နိုင်မည်ဖြစ်ပြီး "
        "ကိုင်ထားစဉ် နောက်ထပ်ထည့်သမျှကိုလည်း ဖတ်နိုင်မည်။"
    ),
    "A second holder must approve each give of this key.": ("ဤသော့ကို ပေးတိုင်း ဒုတိယကိုင်ဆောင်သူတစ်ဦး အတည်ပြုရမည်။"),
    "Waiting for a key": "သော့စောင့်နေသူ",
    "Ask to give %(name)s this key (%(reach)s)": "%(name)s ကို ဤသော့ ပေးရန် တောင်းဆိုမည် (%(reach)s)",
    "Give %(name)s this key (%(reach)s)": "%(name)s ကို ဤသော့ ပေးမည် (%(reach)s)",
    "Nobody is waiting for this key.": "ဤသော့ကို စောင့်နေသူ မရှိပါ။",
    "Asked to give it to": "ပေးရန် တောင်းဆိုထားသူ",
    "Waiting for another holder.": "အခြားကိုင်ဆောင်သူကို စောင့်နေသည်။",
    "You hold no key.": "သင် သော့ မကိုင်ထားပါ။",
    "Keys you may be given": "သင် ရနိုင်သော သော့များ",
    "Waiting: someone who holds it must give it to you.": "စောင့်နေသည် - ကိုင်ထားသူတစ်ဦးက သင့်ကို ပေးရမည်။",
    "Nobody holds this key yet: make its first key (it opens nothing yet)": (
        "ဤသော့ကို မည်သူမျှ မကိုင်ရသေးပါ - ပထမဆုံးသော့ကို ပြုလုပ်မည် (ဘာမှ မဖွင့်ပေးရသေးပါ)"
    ),
    "Approve and give the key": "အတည်ပြုပြီး သော့ပေးရန်",
    # What a key opens (custody/groups.py)
    "nothing yet": "ဘာမှ မရှိသေး",
    ("%(n)d body file", "%(n)d body files"): "ကိစ္စဖိုင် %(n)d ခု",
    ("%(n)d identity file", "%(n)d identity files"): "ကိုယ်ရေးအချက်အလက်ဖိုင် %(n)d ခု",
    ("%(n)d vetting file", "%(n)d vetting files"): "စိစစ်ရေးဖိုင် %(n)d ခု",
    ("%(n)d finance file", "%(n)d finance files"): "ငွေစာရင်းဖိုင် %(n)d ခု",
    ("%(n)d passage file", "%(n)d passage files"): "ခရီးစီမံချက်ဖိုင် %(n)d ခု",
    ("%(n)d notes file", "%(n)d notes files"): "မှတ်စုဖိုင် %(n)d ခု",
    ("%(n)d %(kind)s file", "%(n)d %(kind)s files"): "%(kind)s ဖိုင် %(n)d ခု",
    # Refusals (custody/actions.py)
    "Only someone who holds this key can give it.": "ဤသော့ကို ကိုင်ထားသူသာ ပေးနိုင်သည်။",
    "%(user)s is not entitled to this key (role, team, or account state).": (
        "%(user)s သည် ဤသော့ကို ရခွင့်မရှိပါ (တာဝန်၊ အဖွဲ့ သို့မဟုတ် အကောင့်အခြေအနေ)။"
    ),
    "%(user)s already holds this key.": "%(user)s သည် ဤသော့ကို ကိုင်ထားပြီးဖြစ်သည်။",
    "This key is given only when a second holder approves: ask for it instead.": (
        "ဤသော့ကို ဒုတိယကိုင်ဆောင်သူ အတည်ပြုမှသာ ပေးသည် - ယင်းအစား တောင်းဆိုပါ။"
    ),
    "You are not entitled to this key.": "သင်သည် ဤသော့ကို ရခွင့်မရှိပါ။",
    "This key already exists: someone who holds it must give it to you.": (
        "ဤသော့ ရှိပြီးသားဖြစ်သည် - ကိုင်ထားသူတစ်ဦးက သင့်ကို ပေးရမည်။"
    ),
    "This request is about a key or a person that no longer exists.": (
        "ဤတောင်းဆိုချက်သည် မရှိတော့သော သော့ သို့မဟုတ် လူအကြောင်း ဖြစ်သည်။"
    ),
    "This request is about something else.": "ဤတောင်းဆိုချက်သည် အခြားကိစ္စအကြောင်း ဖြစ်သည်။",
    "No one may approve their own request: another holder must.": (
        "မိမိတောင်းဆိုချက်ကို မိမိ အတည်မပြုရပါ - အခြားကိုင်ဆောင်သူက အတည်ပြုရမည်။"
    ),
    "This request is not waiting for a decision.": "ဤတောင်းဆိုချက်သည် ဆုံးဖြတ်ချက် စောင့်နေခြင်း မဟုတ်ပါ။",
    "Only someone who holds this key can decide.": "ဤသော့ကို ကိုင်ထားသူသာ ဆုံးဖြတ်နိုင်သည်။",
    # --- Break-glass (breakglass/overview.html, my_share.html) -------------------------------------------
    "If everyone who holds a group's key is gone, the group's cases would be closed for good. The "
    "organisation recovery key prevents that without a master key: it is split into word lists held by named "
    "trustees, and it takes several of them together, each in their own session, to restore a group's keys "
    "to one person. Fewer trustees than that can do nothing.": (
        "အုပ်စုတစ်ခု၏ သော့ကိုင်ထားသူ အားလုံး မရှိတော့ပါက ထိုအုပ်စု၏ ကိစ္စများ အပြီးပိတ်သွားမည်။ အဖွဲ့အစည်း၏ "
        "ပြန်လည်ရယူရေးသော့က မာစတာသော့ မလိုဘဲ ယင်းကို ကာကွယ်သည် - ၎င်းကို အမည်ပါ ယုံကြည်အပ်နှံသူများ ကိုင်ထားသော "
        "စကားလုံးစာရင်းများအဖြစ် ခွဲထားပြီး အုပ်စု၏သော့များကို လူတစ်ဦးထံ ပြန်ဖွင့်ပေးရန် ၎င်းတို့အနက် အများအပြားက "
        "မိမိအသုံးပြုမှု တစ်ခုစီမှ ပူးပေါင်းရသည်။ ထိုထက်နည်းသော ယုံကြည်အပ်နှံသူများ ဘာမှ မလုပ်နိုင်ပါ။"
    ),
    "Recovery key fingerprint: <code>%(fingerprint)s</code>. It takes %(threshold)s trustees to restore a "
    "group. Set up on %(day)s.": (
        "ပြန်လည်ရယူရေးသော့ လက်ဗွေ - <code>%(fingerprint)s</code>။ အုပ်စုတစ်ခု ပြန်ဖွင့်ရန် ယုံကြည်အပ်နှံသူ "
        "%(threshold)s ဦး လိုသည်။ %(day)s တွင် ပြင်ဆင်ခဲ့သည်။"
    ),
    "Trustee": "ယုံကြည်အပ်နှံသူ",
    "Share written down": "အပိုင်း ရေးမှတ်ပြီး",
    "No recovery key is set up yet: a group whose holders are all gone cannot be restored.": (
        "ပြန်လည်ရယူရေးသော့ ပြင်ဆင်ထားခြင်း မရှိသေးပါ - ကိုင်ဆောင်သူအားလုံး မရှိတော့သော အုပ်စုကို ပြန်ဖွင့်၍ မရပါ။"
    ),
    "You are a trustee and your share is waiting for you.": ("သင်သည် ယုံကြည်အပ်နှံသူဖြစ်ပြီး သင့်အပိုင်း သင့်ကို စောင့်နေသည်။"),
    "Open your share and write it down": "သင့်အပိုင်းကို ဖွင့်ပြီး ရေးမှတ်ပါ",
    (
        "You hold %(counter)s group key made before the recovery key was set up. Until someone who holds "
        "them adds them, the recovery key cannot restore the cases sealed to them.",
        "You hold %(counter)s group keys made before the recovery key was set up. Until someone who holds "
        "them adds them, the recovery key cannot restore the cases sealed to them.",
    ): (
        "ပြန်လည်ရယူရေးသော့ မပြင်ဆင်မီ ပြုလုပ်ခဲ့သော အုပ်စုသော့ %(counter)s ခုကို သင်ကိုင်ထားသည်။ ၎င်းတို့ကို "
        "ကိုင်ထားသူက မထည့်မချင်း ၎င်းတို့ဖြင့် ပိတ်ထားသော ကိစ္စများကို ပြန်လည်ရယူရေးသော့က ပြန်ဖွင့်၍ မရပါ။"
    ),
    "Add them to the recovery key": "၎င်းတို့ကို ပြန်လည်ရယူရေးသော့တွင် ထည့်ရန်",
    "Restores": "ပြန်ဖွင့်မှုများ",
    "Restore of <strong>%(key)s</strong> to <strong>%(to)s</strong>, asked by %(by)s on %(day)s: "
    "“%(reason)s”.": (
        "<strong>%(key)s</strong> ကို <strong>%(to)s</strong> ထံ ပြန်ဖွင့်ပေးရန် %(by)s က %(day)s တွင် "
        "တောင်းဆိုသည် - “%(reason)s”။"
    ),
    "%(status)s: %(count)s of %(needed)s shares in.": "%(status)s - အပိုင်း %(needed)s ခုအနက် %(count)s ခု ရောက်ပြီ။",
    "Your share, word by word (it is sealed to %(name)s at once and never kept readable)": (
        "သင့်အပိုင်း၊ စကားလုံးတစ်လုံးချင်း (%(name)s ထံ ချက်ချင်း ပိတ်ထားပြီး ဖတ်၍ရသောပုံစံဖြင့် ဘယ်တော့မှ မသိမ်းပါ)"
    ),
    "Enter my share": "ကျွန်ုပ်၏ အပိုင်းကို ထည့်ရန်",
    "Complete the restore": "ပြန်ဖွင့်မှုကို အပြီးသတ်ရန်",
    "Cancel this restore": "ဤပြန်ဖွင့်မှုကို ပယ်ဖျက်ရန်",
    "No restores.": "ပြန်ဖွင့်မှု မရှိပါ။",
    "Ask for a restore": "ပြန်ဖွင့်ရန် တောင်းဆိုခြင်း",
    "Only for a group nobody holds any more: anyone who still holds it can give it instead.": (
        "မည်သူမျှ မကိုင်တော့သော အုပ်စုအတွက်သာ - ကိုင်ထားဆဲသူ ရှိပါက ၎င်းက ပေးနိုင်သည်။"
    ),
    "Ask the trustees": "ယုံကြည်အပ်နှံသူများကို တောင်းဆိုရန်",
    "%(by)s proposes a recovery key held by": "%(by)s က ပြန်လည်ရယူရေးသော့ကို အောက်ပါသူများ ကိုင်ရန် အဆိုပြုသည် -",
    "any %(threshold)s of them together can restore a group.": (
        "၎င်းတို့အနက် မည်သူမဆို %(threshold)s ဦး ပူးပေါင်း၍ အုပ်စုတစ်ခုကို ပြန်ဖွင့်နိုင်သည်။"
    ),
    "It replaces the current key: shares of the current key will open nothing.": (
        "၎င်းသည် လက်ရှိသော့ကို အစားထိုးသည် - လက်ရှိသော့၏ အပိုင်းများ ဘာမှ ဖွင့်နိုင်တော့မည် မဟုတ်ပါ။"
    ),
    "Replace the recovery key": "ပြန်လည်ရယူရေးသော့ကို အစားထိုးရန်",
    "Set up the recovery key": "ပြန်လည်ရယူရေးသော့ကို ပြင်ဆင်ရန်",
    "Choose trustees you trust not to act together against the programme, in different places, and how many "
    "of them it takes. Administrators and auditors cannot be trustees. A second administrator must "
    "approve.": (
        "အစီအစဉ်ကို ပူးပေါင်းဆန့်ကျင်မည် မဟုတ်ဟု ယုံကြည်ရသော၊ နေရာအသီးသီးရှိ ယုံကြည်အပ်နှံသူများနှင့် ၎င်းတို့အနက် "
        "မည်မျှ လိုသည်ကို ရွေးပါ။ စီမံခန့်ခွဲသူနှင့် စစ်ဆေးသူများ ယုံကြည်အပ်နှံသူ မဖြစ်နိုင်ပါ။ "
        "ဒုတိယ စီမံခန့်ခွဲသူတစ်ဦး အတည်ပြုရမည်။"
    ),
    "Propose": "အဆိုပြုရန်",
    "Your recovery share": "သင့် ပြန်လည်ရယူရေး အပိုင်း",
    "Your share of the recovery key": "ပြန်လည်ရယူရေးသော့၏ သင့်အပိုင်း",
    "You are one of the trustees. Write your share down on paper, word by word, and keep it somewhere safe "
    "and private. Nobody else has it: when you have typed it back below, the server deletes its copy. Your "
    "share alone reads nothing; only together with other trustees' shares can it restore a group.": (
        "သင်သည် ယုံကြည်အပ်နှံသူများထဲမှ တစ်ဦးဖြစ်သည်။ သင့်အပိုင်းကို စာရွက်ပေါ်တွင် စကားလုံးတစ်လုံးချင်း ရေးမှတ်ပြီး "
        "လုံခြုံ၍ သီးသန့်ကျသော နေရာတွင် သိမ်းပါ။ အခြားမည်သူ့ထံမျှ မရှိပါ - အောက်တွင် ပြန်ရိုက်ထည့်ပြီးသောအခါ "
        "ဆာဗာက ၎င်း၏မိတ္တူကို ဖျက်သည်။ သင့်အပိုင်း တစ်ခုတည်းဖြင့် ဘာမှ မဖတ်နိုင်ပါ - အခြား ယုံကြည်အပ်နှံသူများ၏ "
        "အပိုင်းများနှင့် ပူးပေါင်းမှသာ အုပ်စုတစ်ခုကို ပြန်ဖွင့်နိုင်သည်။"
    ),
    "Show my share": "ကျွန်ုပ်၏ အပိုင်းကို ပြရန်",
    "Check and delete the server's copy": "စစ်ဆေးပြီး ဆာဗာ၏မိတ္တူကို ဖျက်ရန်",
    # Refusals (breakglass/actions.py)
    "Only an administrator may propose the set-up.": "စီမံခန့်ခွဲသူသာ ပြင်ဆင်မှုကို အဆိုပြုနိုင်သည်။",
    "%(names)s cannot be a trustee: trustees need an active account with their own keys, and administrators "
    "and auditors may not hold a share of the key to content.": (
        "%(names)s သည် ယုံကြည်အပ်နှံသူ မဖြစ်နိုင်ပါ - ယုံကြည်အပ်နှံသူတွင် ကိုယ်ပိုင်သော့ပါသော အသုံးပြုနေသည့် "
        "အကောင့် လိုအပ်ပြီး စီမံခန့်ခွဲသူနှင့် စစ်ဆေးသူများသည် အကြောင်းအရာဖွင့်သော့၏ အပိုင်းကို မကိုင်ရပါ။"
    ),
    "Name between 2 and %(most)d trustees, and ask for at least 2 of them and no more than there are.": (
        "ယုံကြည်အပ်နှံသူ ၂ ဦးမှ %(most)d ဦးအထိ အမည်ပေးပြီး ၎င်းတို့အနက် အနည်းဆုံး ၂ ဦး၊ ရှိသည်ထက် မပိုစေဘဲ လိုအပ်ကြောင်း သတ်မှတ်ပါ။"
    ),
    "%(names)s can no longer be a trustee: propose again.": (
        "%(names)s သည် ယုံကြည်အပ်နှံသူ မဖြစ်နိုင်တော့ပါ - ထပ်မံ အဆိုပြုပါ။"
    ),
    "%(name)s may not receive this group's keys (administrators and auditors never do).": (
        "%(name)s သည် ဤအုပ်စု၏သော့များကို မရနိုင်ပါ (စီမံခန့်ခွဲသူနှင့် စစ်ဆေးသူများ ဘယ်တော့မှ မရပါ)။"
    ),
    "You may no longer receive this group's keys.": "သင်သည် ဤအုပ်စု၏သော့များကို မရနိုင်တော့ပါ။",
    # --- Staff accounts: refusals (staffing/actions.py) ----------------------------------------------------
    "Only an active administrator may do this.": "အသုံးပြုနေသော စီမံခန့်ခွဲသူသာ ဤအရာကို လုပ်နိုင်သည်။",
    "Nothing to add: the account already has all of this.": "ထည့်စရာ မရှိပါ - အကောင့်တွင် ဤအားလုံး ရှိပြီးဖြစ်သည်။",
    "This invitation link is no longer valid. Ask for a new one.": (
        "ဤဖိတ်ကြားချက်လင့်ခ် မမှန်ကန်တော့ပါ။ အသစ်တစ်ခု တောင်းပါ။"
    ),
    "This authenticator belongs to another account.": "ဤအတည်ပြုအက်ပ်သည် အခြားအကောင့်နှင့် သက်ဆိုင်သည်။",
    "This invitation is closed.": "ဤဖိတ်ကြားချက် ပိတ်ပြီးဖြစ်သည်။",
    "The invitee has not set up their account yet.": "ဖိတ်ကြားခံရသူ မိမိအကောင့်ကို မပြင်ဆင်ရသေးပါ။",
    "The person who invited may not confirm: another administrator must.": (
        "ဖိတ်ကြားသူက အတည်မပြုရပါ - အခြား စီမံခန့်ခွဲသူက အတည်ပြုရမည်။"
    ),
    "This fingerprint does not match. Do not confirm: someone else may have used the link. Withdraw this "
    "invitation and send a new one.": (
        "ဤလက်ဗွေ မကိုက်ညီပါ။ အတည်မပြုပါနှင့် - အခြားသူတစ်ဦး လင့်ခ်ကို သုံးထားနိုင်သည်။ ဤဖိတ်ကြားချက်ကို ပြန်ရုပ်သိမ်းပြီး အသစ်တစ်ခု ပို့ပါ။"
    ),
}
