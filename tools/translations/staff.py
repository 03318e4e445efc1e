"""Burmese for the staff pages: sign-in, home, navigation, accounts and teams, keys, break-glass, the audit
log and its event names, programme settings and the error pages (tools/my_translations.py says how these
tables are used).

Terms kept the same everywhere: case ကိစ္စ, team အဖွဲ့, key သော့, authenticator အတည်ပြုအက်ပ်, recovery key
ပြန်လည်ရယူရေးသော့, approval အတည်ပြုချက်, audit log လုပ်ဆောင်ချက်မှတ်တမ်း, label အမှတ်အသား.
"""

MY = {
    "Name, phone or service number recorded": "အမည်၊ ဖုန်း သို့မဟုတ် တပ်နံပါတ် မှတ်တမ်းတင်ပြီး",
    # --- Sign-in, enrolment, recovery, password --------------------------------------------------------
    "Your session has ended (signed out, timed out, or not valid). Log in again.": (
        "သင့်အသုံးပြုမှု ပြီးဆုံးသွားပါပြီ (ထွက်ပြီး၊ အချိန်ကုန်ပြီ သို့မဟုတ် မမှန်ကန်ပါ)။ ပြန်ဝင်ပါ။"
    ),
    "Your key is missing or damaged, so nothing can be decrypted. Log in again.": (
        "သင့်သော့ မရှိပါ သို့မဟုတ် ပျက်စီးနေသဖြင့် ဘာမှ ဖွင့်ဖတ်၍ မရပါ။ ပြန်ဝင်ပါ။"
    ),
    "Your role does not allow this.": "သင့်တာဝန်အခန်းကဏ္ဍဖြင့် ဤအရာကို မလုပ်နိုင်ပါ။",
    "Username": "အသုံးပြုသူအမည်",
    "Password": "စကားဝှက်",
    "Code from your authenticator": "အတည်ပြုအက်ပ်မှ ကုဒ်",
    "Enter the 6-digit code from your authenticator app.": "အတည်ပြုအက်ပ်မှ ဂဏန်း ၆ လုံးကုဒ်ကို ရိုက်ထည့်ပါ။",
    "New password": "စကားဝှက်အသစ်",
    "New password again": "စကားဝှက်အသစ် ထပ်မံ",
    "The two passwords differ.": "စကားဝှက် နှစ်ခု မတူပါ။",
    "Current password": "လက်ရှိ စကားဝှက်",
    "That is not your current password.": "၎င်းသည် သင့်လက်ရှိ စကားဝှက် မဟုတ်ပါ။",
    "Recovery key": "ပြန်လည်ရယူရေးသော့",
    "Name": "အမည်",
    "Description": "ဖော်ပြချက်",
    "A team with this name already exists.": "ဤအမည်ဖြင့် အဖွဲ့တစ်ဖွဲ့ ရှိပြီးသားဖြစ်သည်။",
    "Embrace staff": "Embrace ဝန်ထမ်း",
    "Embrace — staff": "Embrace — ဝန်ထမ်း",
    "Log in": "ဝင်ရန်",
    "Continue": "ဆက်သွားရန်",
    "Next you will be asked for the code from your authenticator app.": ("နောက်တစ်ဆင့်တွင် အတည်ပြုအက်ပ်မှ ကုဒ်ကို မေးပါမည်။"),
    "Lost your password?": "စကားဝှက် မေ့သွားပါသလား။",
    "Use your recovery key": "ပြန်လည်ရယူရေးသော့ကို သုံးပါ",
    "Lost your authenticator?": "အတည်ပြုအက်ပ် ပျောက်သွားပါသလား။",
    "Set up a new one": "အသစ်တစ်ခု ပြင်ဆင်ပါ",
    "Authenticator code": "အတည်ပြုကုဒ်",
    "Set up your authenticator": "အတည်ပြုအက်ပ်ကို ပြင်ဆင်ပါ",
    "Every staff login needs a code from an authenticator app on a device you keep with you. Scan this code "
    "with the app, then type the 6-digit code it shows.": (
        "ဝန်ထမ်းဝင်ရောက်မှုတိုင်းတွင် သင်ကိုယ်တိုင် ဆောင်ထားသော ကိရိယာပေါ်ရှိ အတည်ပြုအက်ပ်မှ ကုဒ် လိုအပ်သည်။ "
        "ဤကုဒ်ကို အက်ပ်ဖြင့် စကန်ဖတ်ပြီး ပြသော ဂဏန်း ၆ လုံးကုဒ်ကို ရိုက်ထည့်ပါ။"
    ),
    "QR code for your authenticator app": "အတည်ပြုအက်ပ်အတွက် QR ကုဒ်",
    "Cannot scan? Enter this key by hand:": "စကန်ဖတ်၍ မရပါက ဤသော့ကို လက်ဖြင့် ရိုက်ထည့်ပါ -",
    "Confirm": "အတည်ပြုရန်",
    "Recover your account": "အကောင့်ကို ပြန်လည်ရယူရန်",
    "Recover with your recovery key": "ပြန်လည်ရယူရေးသော့ဖြင့် ပြန်ယူရန်",
    "Your recovery key, a current authenticator code and a new password. You will get a new recovery key.": (
        "ပြန်လည်ရယူရေးသော့၊ လက်ရှိ အတည်ပြုကုဒ်နှင့် စကားဝှက်အသစ် လိုအပ်သည်။ ပြန်လည်ရယူရေးသော့ အသစ်တစ်ခု ရရှိပါမည်။"
    ),
    "Set new password": "စကားဝှက်အသစ် သတ်မှတ်ရန်",
    "Your recovery key": "သင့် ပြန်လည်ရယူရေးသော့",
    "This key is shown <strong>once</strong>. It is the only way back to your encrypted work if you forget "
    "your password: no administrator can restore it. Write it on paper and keep it apart from your phone.": (
        "ဤသော့ကို <strong>တစ်ကြိမ်သာ</strong> ပြပါမည်။ စကားဝှက်မေ့ပါက သင့်ကုဒ်ဝှက်ထားသော အလုပ်များသို့ "
        "ပြန်ရောက်နိုင်သည့် တစ်ခုတည်းသော နည်းလမ်းဖြစ်သည် - စီမံခန့်ခွဲသူ မည်သူမျှ ပြန်ပေး၍ မရပါ။ "
        "စာရွက်ပေါ်တွင် ရေးမှတ်ပြီး ဖုန်းနှင့် သီးခြား သိမ်းထားပါ။"
    ),
    "I have written it down: set up my new authenticator": "ရေးမှတ်ပြီးပါပြီ - အတည်ပြုအက်ပ်အသစ် ပြင်ဆင်မည်",
    "I have written it down": "ရေးမှတ်ပြီးပါပြီ",
    "With your password and your recovery key you can set up a new authenticator now. Your old one stops "
    "working, every open session of yours ends, and you receive a new recovery key (the old one is spent).": (
        "စကားဝှက်နှင့် ပြန်လည်ရယူရေးသော့ဖြင့် အတည်ပြုအက်ပ်အသစ်ကို ယခု ပြင်ဆင်နိုင်သည်။ အဟောင်းသည် "
        "အလုပ်မလုပ်တော့ဘဲ သင်ဖွင့်ထားသော အသုံးပြုမှုအားလုံး ပြီးဆုံးမည်ဖြစ်ပြီး ပြန်လည်ရယူရေးသော့အသစ် "
        "ရရှိပါမည် (အဟောင်းကို သုံးပြီးဖြစ်သည်)။"
    ),
    "No recovery key either? Ask an administrator: two of them together can reset your authenticator, and "
    "you then sign in with your own password and set up a new one.": (
        "ပြန်လည်ရယူရေးသော့လည်း မရှိပါသလား။ စီမံခန့်ခွဲသူကို မေးပါ - နှစ်ဦးအတူ သင့်အတည်ပြုအက်ပ်ကို "
        "ပြန်လည်သတ်မှတ်ပေးနိုင်ပြီး ထို့နောက် သင့်စကားဝှက်ဖြင့် ဝင်ကာ အသစ်တစ်ခု ပြင်ဆင်ရပါမည်။"
    ),
    "Session ended": "အသုံးပြုမှု ပြီးဆုံးပြီ",
    "Please log in again": "ကျေးဇူးပြု၍ ပြန်ဝင်ပါ",
    "Previous": "ယခင်",
    "Next": "နောက်",
    "Page %(number)s of %(total)s": "စာမျက်နှာ %(total)s မျက်နှာအနက် %(number)s",
    "Language": "ဘာသာစကား",
    "The language of your staff pages": "သင့်ဝန်ထမ်းစာမျက်နှာများ၏ ဘာသာစကား",
    "Save language": "ဘာသာစကား သိမ်းရန်",
    "Change password": "စကားဝှက် ပြောင်းရန်",
    "Language of your pages": "သင့်စာမျက်နှာများ၏ ဘာသာစကား",
    "Too many failed attempts for this username.": "ဤအသုံးပြုသူအမည်ဖြင့် မှားယွင်းကြိုးစားမှု များလွန်းသည်။",
    "Too many failed sign-ins across the site just now.": "ယခုလေးတင် ဆိုက်တစ်ခုလုံးတွင် မှားယွင်းဝင်ရောက်မှု များလွန်းသည်။",
    (
        "Enter your password and the 6-digit code from your authenticator together to sign in now, or try "
        "again without the code in %(seconds)d second.",
        "Enter your password and the 6-digit code from your authenticator together to sign in now, or try "
        "again without the code in %(seconds)d seconds.",
    ): ("ယခုဝင်ရန် စကားဝှက်နှင့် အတည်ပြုအက်ပ်မှ ဂဏန်း ၆ လုံးကုဒ်ကို အတူ ရိုက်ထည့်ပါ၊ သို့မဟုတ် %(seconds)d စက္ကန့်အကြာတွင် ကုဒ်မပါဘဲ ထပ်ကြိုးစားပါ။"),
    "Wrong username, password or code.": "အသုံးပြုသူအမည်၊ စကားဝှက် သို့မဟုတ် ကုဒ် မှားနေသည်။",
    "This account has no usable keys. Ask an administrator to recreate it.": (
        "ဤအကောင့်တွင် သုံးနိုင်သော သော့ မရှိပါ။ စီမံခန့်ခွဲသူကို ပြန်လည်ဖန်တီးပေးရန် မေးပါ။"
    ),
    "Wrong username or password.": "အသုံးပြုသူအမည် သို့မဟုတ် စကားဝှက် မှားနေသည်။",
    "Start with your username and password.": "အသုံးပြုသူအမည်နှင့် စကားဝှက်ဖြင့် စတင်ပါ။",
    "That code is wrong or was already used. Wait for the next code and try again.": (
        "ထိုကုဒ် မှားနေသည် သို့မဟုတ် သုံးပြီးဖြစ်သည်။ နောက်ကုဒ်ကို စောင့်ပြီး ထပ်ကြိုးစားပါ။"
    ),
    "Too many wrong codes. Wait a minute, then try again.": ("မှားသောကုဒ် များလွန်းသည်။ တစ်မိနစ်စောင့်ပြီး ထပ်ကြိုးစားပါ။"),
    "That code is wrong or was already used. Wait for the next code.": (
        "ထိုကုဒ် မှားနေသည် သို့မဟုတ် သုံးပြီးဖြစ်သည်။ နောက်ကုဒ်ကို စောင့်ပါ။"
    ),
    "Your sign-in expired. Log in again.": "သင့်ဝင်ရောက်မှု သက်တမ်းကုန်သွားပြီ။ ပြန်ဝင်ပါ။",
    "Choose English or Burmese.": "အင်္ဂလိပ် သို့မဟုတ် မြန်မာ ကို ရွေးပါ။",
    "The username, recovery key or code is wrong.": "အသုံးပြုသူအမည်၊ ပြန်လည်ရယူရေးသော့ သို့မဟုတ် ကုဒ် မှားနေသည်။",
    "The username, password or recovery key is wrong.": ("အသုံးပြုသူအမည်၊ စကားဝှက် သို့မဟုတ် ပြန်လည်ရယူရေးသော့ မှားနေသည်။"),
    "Password changed. Your keys are now protected by the new password.": (
        "စကားဝှက် ပြောင်းပြီးပါပြီ။ သင့်သော့များကို စကားဝှက်အသစ်ဖြင့် ယခု ကာကွယ်ထားသည်။"
    ),
    # --- Roles -------------------------------------------------------------------------------------------
    "Administrator": "စီမံခန့်ခွဲသူ",
    "Intake officer": "လက်ခံရေးအရာရှိ",
    "Case handler": "ကိစ္စတာဝန်ခံ",
    "Vetting reviewer": "စိစစ်သူ",
    "Custodian": "ကိုယ်ရေးအချက်အလက် ထိန်းသိမ်းသူ",
    "Reward committee": "ဆုငွေကော်မတီ",
    "Finance": "ငွေစာရင်း",
    "Analyst": "ကိန်းဂဏန်း လေ့လာသူ",
    "Auditor": "စစ်ဆေးသူ",
    "%(blind)s cannot also be %(content)s: administrators and auditors never see case contents. Use a "
    "separate account for a separate person.": (
        "%(blind)s သည် %(content)s လည်း ဖြစ်၍ မရပါ - စီမံခန့်ခွဲသူနှင့် စစ်ဆေးသူတို့သည် ကိစ္စအကြောင်းအရာကို "
        "ဘယ်တော့မှ မမြင်ရပါ။ လူတစ်ဦးစီအတွက် သီးခြားအကောင့် သုံးပါ။"
    ),
    " and ": " နှင့် ",
    # --- Navigation and home -----------------------------------------------------------------------------
    "Home": "ပင်မစာမျက်နှာ",
    "Inbox": "ဝင်စာများ",
    "My cases": "ကျွန်ုပ်၏ ကိစ္စများ",
    "Vetting": "စိစစ်ခြင်း",
    "Keys": "သော့များ",
    "Monthly support": "လစဉ်ထောက်ပံ့ငွေ",
    "Accounts": "အကောင့်များ",
    "Teams": "အဖွဲ့များ",
    "Case labels": "ကိစ္စ အမှတ်အသားများ",
    "Intake routes": "စုံစမ်းချက် လမ်းကြောင်းများ",
    "Break-glass": "အရေးပေါ် သော့ပြန်ဖွင့်ခြင်း",
    "Audit log": "လုပ်ဆောင်ချက်မှတ်တမ်း",
    "My settings": "ကျွန်ုပ်၏ ဆက်တင်များ",
    "Log out": "ထွက်ရန်",
    "Welcome, %(name)s": "ကြိုဆိုပါသည်၊ %(name)s",
    "Your roles:": "သင့်တာဝန်များ -",
    "none yet: ask an administrator": "မရှိသေးပါ - စီမံခန့်ခွဲသူကို မေးပါ",
    "Your teams:": "သင့်အဖွဲ့များ -",
    "none yet": "မရှိသေးပါ",
    ("%(n)s request waits for your decision", "%(n)s requests wait for your decision"): (
        "သင့်ဆုံးဖြတ်ချက်ကို စောင့်နေသော တောင်းဆိုချက် %(n)s ခု"
    ),
    ("%(n)s waiting", "%(n)s waiting"): "%(n)s ခု စောင့်နေသည်",
    "Case": "ကိစ္စ",
    "Status": "အခြေအနေ",
    "Last heard from": "နောက်ဆုံး ဆက်သွယ်လာသည့်နေ့",
    ("%(n)s unread", "%(n)s unread"): "မဖတ်ရသေး %(n)s ခု",
    "For everyone": "လူတိုင်းအတွက်",
    "requests that need a second person.": "ဒုတိယလူတစ်ဦး လိုအပ်သော တောင်းဆိုချက်များ။",
    "the keys you hold and who you may give them to.": "သင်ကိုင်ထားသော သော့များနှင့် ပေးနိုင်သူများ။",
    "language and password.": "ဘာသာစကားနှင့် စကားဝှက်။",
    "Your share of the recovery key is waiting:": "ပြန်လည်ရယူရေးသော့၏ သင့်အပိုင်း စောင့်နေသည် -",
    "open it and write it down": "ဖွင့်ပြီး ရေးမှတ်ပါ",
    "Restore of %(key)s to %(to)s, asked by %(by)s on %(day)s: %(status)s.": (
        "%(key)s ကို %(to)s ထံ ပြန်ပေးရန် %(by)s က %(day)s တွင် တောင်းဆိုသည် - %(status)s။"
    ),
    "All restores": "ပြန်ဖွင့်မှု အားလုံး",
    "Intake": "လက်ခံရေး",
    "Read new enquiries, answer them, give each case to a handler, and check the quarantine.": (
        "စုံစမ်းချက်အသစ်များကို ဖတ်ပြီး ပြန်ဖြေပါ၊ ကိစ္စတစ်ခုစီကို တာဝန်ခံထံ အပ်ပါ၊ သီးခြားထားရာနေရာကိုလည်း စစ်ပါ။"
    ),
    "Cases": "ကိစ္စများ",
    "Talk with the people you look after, ask for identity and passage, plan and record arrival.": (
        "သင်စောင့်ရှောက်သူများနှင့် စကားပြောပါ၊ ကိုယ်ရေးအချက်အလက်နှင့် ခရီးစဉ်ကို တောင်းဆိုပါ၊ အစီအစဉ်ဆွဲပြီး ရောက်ရှိမှုကို မှတ်တမ်းတင်ပါ။"
    ),
    "Check each case in vetting, sign it off or raise a concern, and verify reward claims.": (
        "စိစစ်ဆဲ ကိစ္စတစ်ခုစီကို စစ်ဆေးပြီး အတည်ပြုလက်မှတ်ထိုးပါ သို့မဟုတ် စိုးရိမ်ချက် တင်ပြပါ၊ ဆုငွေတောင်းခံချက်များကိုလည်း စိစစ်ပါ။"
    ),
    "Vetting queue": "စိစစ်ရန် စာရင်း",
    "Reward claims": "ဆုငွေ တောင်းခံချက်များ",
    "Identity": "ကိုယ်ရေးအချက်အလက်",
    "Decide who may see a person's identity, and keep names, phones and family details.": (
        "လူတစ်ဦး၏ ကိုယ်ရေးအချက်အလက်ကို မည်သူမြင်နိုင်သည်ကို ဆုံးဖြတ်ပါ၊ အမည်၊ ဖုန်းနှင့် မိသားစုအချက်အလက်များကို ထိန်းသိမ်းပါ။"
    ),
    "Rewards committee": "ဆုငွေကော်မတီ",
    "Value claims, approve payments and monthly support, and agree the published reward schedule.": (
        "တောင်းခံချက်များကို တန်ဖိုးသတ်မှတ်ပါ၊ ငွေပေးချေမှုနှင့် လစဉ်ထောက်ပံ့ငွေကို အတည်ပြုပါ၊ ထုတ်ပြန်ထားသော ဆုငွေဇယားကို သဘောတူပါ။"
    ),
    "Pay approved rewards and monthly support, and record money received.": (
        "အတည်ပြုပြီး ဆုငွေနှင့် လစဉ်ထောက်ပံ့ငွေကို ပေးချေပါ၊ လက်ခံရရှိငွေကို မှတ်တမ်းတင်ပါ။"
    ),
    "Accounts and donations": "ငွေစာရင်းနှင့် လှူဒါန်းငွေ",
    "Figures": "ကိန်းဂဏန်းများ",
    "Programme figures (how many enquiries, cases and arrivals, never who): read the charts and tables, "
    "and draft figures for the public, which a second analyst publishes.": (
        "အစီအစဉ်၏ ကိန်းဂဏန်းများ (စုံစမ်းချက်၊ ကိစ္စနှင့် ရောက်ရှိမှု မည်မျှ - မည်သူဆိုသည်ကို ဘယ်တော့မှ "
        "မပြ)။ ပုံနှင့် ဇယားများကို ဖတ်ပါ၊ အများသို့ ထုတ်ပြန်မည့် ကိန်းဂဏန်းများကို မူကြမ်းရေးပါ - "
        "ဒုတိယ ကိန်းဂဏန်း လေ့လာသူ တစ်ဦးက ထုတ်ပြန်ပါသည်။"
    ),
    "Audit": "စစ်ဆေးခြင်း",
    "Read who did what and who read what, and download the signed anchors to keep.": (
        "မည်သူ ဘာလုပ်သည်၊ မည်သူ ဘာဖတ်သည်ကို ဖတ်ပါ၊ လက်မှတ်ထိုးထားသော မှတ်တိုင်များကို ဒေါင်းလုဒ်လုပ်၍ သိမ်းထားပါ။"
    ),
    "Administration": "စီမံခန့်ခွဲမှု",
    "Invite staff and set their roles and teams, keep the teams, case labels and intake routes.": (
        "ဝန်ထမ်းများကို ဖိတ်ခေါ်ပြီး တာဝန်နှင့် အဖွဲ့ သတ်မှတ်ပါ၊ အဖွဲ့များ၊ ကိစ္စ အမှတ်အသားများနှင့် စုံစမ်းချက် လမ်းကြောင်းများကို ထိန်းသိမ်းပါ။"
    ),
    "Invitations waiting": "စောင့်နေသော ဖိတ်ကြားချက်များ",
    # --- Teams, labels, intake routes --------------------------------------------------------------------
    "New team": "အဖွဲ့သစ်",
    "All teams": "အဖွဲ့အားလုံး",
    "Team “%(name)s”": "“%(name)s” အဖွဲ့",
    "Create": "ဖန်တီးရန်",
    "Members": "အဖွဲ့ဝင်များ",
    "People join or leave a team on their own account page.": (
        "အဖွဲ့သို့ ဝင်ခြင်း၊ ထွက်ခြင်းကို လူတစ်ဦးချင်း၏ အကောင့်စာမျက်နှာတွင် ပြုလုပ်သည်။"
    ),
    "Nobody is in this team yet.": "ဤအဖွဲ့တွင် မည်သူမျှ မရှိသေးပါ။",
    "Team": "အဖွဲ့",
    "Active members": "လက်ရှိ အဖွဲ့ဝင်များ",
    "No teams yet.": "အဖွဲ့ မရှိသေးပါ။",
    "Team “%(name)s” created.": "“%(name)s” အဖွဲ့ကို ဖန်တီးပြီးပါပြီ။",
    "Team “%(name)s” saved.": "“%(name)s” အဖွဲ့ကို သိမ်းပြီးပါပြီ။",
    "One short word or a few joined by dashes, in small letters, such as navy or urgent. Never a name, "
    "a unit or anything that points to a person.": (
        "navy သို့မဟုတ် urgent ကဲ့သို့ အင်္ဂလိပ်စာလုံးအသေး တိုတိုတစ်လုံး (သို့) တုံးတိုဖြင့် ဆက်ထားသော "
        "စာလုံးအနည်းငယ်။ အမည်၊ တပ်ဖွဲ့ သို့မဟုတ် လူတစ်ဦးကို ညွှန်ပြနိုင်သည့် မည်သည့်အရာမျှ မထည့်ပါနှင့်။"
    ),
    "Use only small letters a to z, digits and dashes, with no spaces (for example: needs-doctor).": (
        "အင်္ဂလိပ်စာလုံးအသေး a မှ z၊ ဂဏန်းနှင့် တုံးတိုကိုသာ ကွက်လပ်မပါဘဲ သုံးပါ (ဥပမာ - needs-doctor)။"
    ),
    "This team already has a label with that name.": "ဤအဖွဲ့တွင် ထိုအမည်ဖြင့် အမှတ်အသား ရှိပြီးသားဖြစ်သည်။",
    "This team receives new enquiries": "ဤအဖွဲ့သည် စုံစမ်းချက်အသစ်များကို လက်ခံသည်",
    "Label “%(label)s” created for %(team)s.": "%(team)s အတွက် “%(label)s” အမှတ်အသားကို ဖန်တီးပြီးပါပြီ။",
    "%(team)s now receives new enquiries.": "%(team)s သည် ယခု စုံစမ်းချက်အသစ်များကို လက်ခံပါသည်။",
    "%(team)s no longer receives new enquiries.": "%(team)s သည် စုံစမ်းချက်အသစ်များကို မလက်ခံတော့ပါ။",
    "A label is a short tag a team puts on its cases to sort and find them, such as “navy” or “urgent”. "
    "Labels are stored unencrypted so that staff can filter by them: never put a name, a unit or anything "
    "that points to a person in one.": (
        "အမှတ်အသားဆိုသည်မှာ အဖွဲ့တစ်ဖွဲ့က ၎င်း၏ကိစ္စများကို စီရန်နှင့် ရှာရန် တပ်ထားသော “navy” သို့မဟုတ် "
        "“urgent” ကဲ့သို့ တိုတောင်းသည့် အမှတ်ဖြစ်သည်။ ဝန်ထမ်းများ စစ်ထုတ်နိုင်ရန် ကုဒ်မဝှက်ဘဲ သိမ်းထားသဖြင့် "
        "အမည်၊ တပ်ဖွဲ့ သို့မဟုတ် လူတစ်ဦးကို ညွှန်ပြနိုင်သည့် မည်သည့်အရာမျှ မထည့်ပါနှင့်။"
    ),
    "New label": "အမှတ်အသားသစ်",
    "Create label": "အမှတ်အသား ဖန်တီးရန်",
    "Labels": "အမှတ်အသားများ",
    "No labels yet.": "အမှတ်အသား မရှိသေးပါ။",
    "Intake route": "စုံစမ်းချက် လမ်းကြောင်း",
    "All intake routes": "စုံစမ်းချက် လမ်းကြောင်းအားလုံး",
    "Intake route of “%(name)s”": "“%(name)s” ၏ စုံစမ်းချက် လမ်းကြောင်း",
    "New enquiries go to the teams whose route is open, in turn. A team is passed over while nobody holds "
    "its team key, so that no enquiry waits sealed to a key nobody has.": (
        "စုံစမ်းချက်အသစ်များသည် လမ်းကြောင်းဖွင့်ထားသော အဖွဲ့များထံ အလှည့်ကျ ရောက်သည်။ အဖွဲ့သော့ကို "
        "မည်သူမျှ မကိုင်ထားလျှင် ထိုအဖွဲ့ကို ကျော်သွားမည်ဖြစ်၍ မည်သူမျှမရှိသော သော့ဖြင့် ပိတ်ထားပြီး "
        "စောင့်နေရသည့် စုံစမ်းချက် မရှိစေပါ။"
    ),
    "New enquiries": "စုံစမ်းချက်အသစ်များ",
    "Received so far": "ယခုအထိ လက်ခံရရှိမှု",
    "Team key": "အဖွဲ့သော့",
    "Receives them": "လက်ခံသည်",
    "Does not receive them": "မလက်ခံပါ",
    "Held": "ကိုင်ထားသူ ရှိသည်",
    "Nobody holds it: this team is passed over": "မည်သူမျှ မကိုင်ထားပါ - ဤအဖွဲ့ကို ကျော်သွားမည်",
    # --- Error pages -------------------------------------------------------------------------------------
    "This form has expired": "ဤဖောင် သက်တမ်းကုန်သွားပြီ",
    "Go back, reload the page and send the form again. Nothing was saved.": (
        "နောက်သို့ပြန်သွားပြီး စာမျက်နှာကို ပြန်ဖွင့်ကာ ဖောင်ကို ထပ်ပို့ပါ။ ဘာမှ မသိမ်းရသေးပါ။"
    ),
    "Bad request": "တောင်းဆိုချက် မှားနေသည်",
    "The request could not be understood.": "တောင်းဆိုချက်ကို နားမလည်နိုင်ပါ။",
    "You may not do this.": "သင် ဤအရာကို မလုပ်နိုင်ပါ။",
    "Not allowed": "ခွင့်မပြုပါ",
    "Not found": "မတွေ့ပါ",
    "There is nothing here.": "ဤနေရာတွင် ဘာမှ မရှိပါ။",
    "Something went wrong": "တစ်ခုခု မှားယွင်းသွားသည်",
    "Nothing you sent was lost. Try again in a minute.": ("သင်ပို့ထားသမျှ မပျောက်ပါ။ တစ်မိနစ်အကြာတွင် ထပ်ကြိုးစားပါ။"),
    # --- Audit log: the viewer -----------------------------------------------------------------------------
    "Staff member (username)": "ဝန်ထမ်း (အသုံးပြုသူအမည်)",
    "What happened": "ဖြစ်ခဲ့သည့်အရာ",
    "Case reference": "ကိစ္စ ရည်ညွှန်းနံပါတ်",
    "From (day)": "မှ (နေ့)",
    "To (day, included)": "အထိ (နေ့၊ ပါဝင်သည်)",
    "Anything": "မည်သည့်အရာမဆို",
    "No staff member has the username %(name)s.": "%(name)s အသုံးပြုသူအမည်ဖြင့် ဝန်ထမ်း မရှိပါ။",
    "No case has that id.": "ထို id ဖြင့် ကိစ္စ မရှိပါ။",
    "A case reference is 8 letters and digits, like K7M2P9QX (no 0, O, 1, I or L).": (
        "ကိစ္စ ရည်ညွှန်းနံပါတ်သည် K7M2P9QX ကဲ့သို့ စာလုံးနှင့် ဂဏန်း ၈ လုံး ဖြစ်သည် (0၊ O၊ 1၊ I၊ L မပါ)။"
    ),
    "No case has the reference %(ref)s.": "%(ref)s ရည်ညွှန်းနံပါတ်ဖြင့် ကိစ္စ မရှိပါ။",
    "The last day comes before the first.": "နောက်ဆုံးနေ့သည် ပထမနေ့ထက် စောနေသည်။",
    "That page link is damaged; start again from the newest entries.": (
        "ထိုစာမျက်နှာ လင့်ခ် ပျက်နေသည် - နောက်ဆုံး မှတ်တမ်းများမှ ပြန်စပါ။"
    ),
    "the system": "စနစ်",
    "former account %(id)s": "ယခင်အကောင့် %(id)s",
    "case %(ref)s": "ကိစ္စ %(ref)s",
    "staff member %(name)s": "ဝန်ထမ်း %(name)s",
    "No anchor key is set up on this server.": "ဤဆာဗာတွင် မှတ်တိုင်သော့ ပြင်ဆင်ထားခြင်း မရှိပါ။",
    "Who did what, and who read what, newest first. Entries name cases and people, never what was written.": (
        "မည်သူ ဘာလုပ်သည်၊ မည်သူ ဘာဖတ်သည်၊ နောက်ဆုံးအရင်။ မှတ်တမ်းများတွင် ကိစ္စနှင့် လူကိုသာ "
        "ဖော်ပြပြီး ရေးထားသည့်အကြောင်းအရာကို ဘယ်တော့မှ မဖော်ပြပါ။"
    ),
    "Clear filters": "စစ်ထုတ်မှု ဖယ်ရှားရန်",
    "Download these entries (CSV)": "ဤမှတ်တမ်းများကို ဒေါင်းလုဒ်လုပ်ရန် (CSV)",
    "When": "အချိန်",
    "Who": "မည်သူ",
    "What": "ဘာ",
    "About": "အကြောင်း",
    "Details": "အသေးစိတ်",
    "No entries match these filters.": "ဤစစ်ထုတ်မှုနှင့် ကိုက်ညီသော မှတ်တမ်း မရှိပါ။",
    "No entries.": "မှတ်တမ်း မရှိပါ။",
    "Signed anchors": "လက်မှတ်ထိုးထားသော မှတ်တိုင်များ",
    "Once a day the newest entry is signed with a key kept outside the database. Download the anchors now "
    "and then and keep the file away from this server:": (
        "နေ့စဉ် တစ်ကြိမ် နောက်ဆုံးမှတ်တမ်းကို ဒေတာဘေ့စ်ပြင်ပတွင် သိမ်းထားသော သော့ဖြင့် လက်မှတ်ထိုးသည်။ "
        "မှတ်တိုင်များကို အခါအားလျော်စွာ ဒေါင်းလုဒ်လုပ်ပြီး ဤဆာဗာနှင့် ဝေးရာတွင် သိမ်းထားပါ -"
    ),
    "then shows whether anything before them was rewritten.": (
        "သည် ၎င်းတို့မတိုင်မီ မှတ်တမ်းတစ်ခုခု ပြန်ရေးခံရခြင်း ရှိ၊ မရှိ ပြသည်။"
    ),
    "Public key <code>%(key)s</code> (key id %(key_id)s). Compare it with the one you wrote down when the "
    "programme was set up.": (
        "အများသုံးသော့ <code>%(key)s</code> (သော့ id %(key_id)s)။ အစီအစဉ် စတင်ပြင်ဆင်စဉ် သင်ရေးမှတ်ထားသည့် သော့နှင့် တိုက်စစ်ပါ။"
    ),
    "Download all anchors (JSON lines, with the public key)": (
        "မှတ်တိုင်အားလုံးကို ဒေါင်းလုဒ်လုပ်ရန် (JSON lines၊ အများသုံးသော့ ပါဝင်)"
    ),
    "No anchor key is set up on this server: the log is not being signed.": (
        "ဤဆာဗာတွင် မှတ်တိုင်သော့ ပြင်ဆင်ထားခြင်း မရှိပါ - မှတ်တမ်းကို လက်မှတ်ထိုးမနေပါ။"
    ),
    "Signed": "လက်မှတ်ထိုးချိန်",
    "Up to entry": "မှတ်တမ်းအမှတ် အထိ",
    "Entry hash": "မှတ်တမ်း hash",
    "Key": "သော့",
    "No anchor yet.": "မှတ်တိုင် မရှိသေးပါ။",
    # --- Audit log: what each event is called ---------------------------------------------------------------
    "Signed in": "ဝင်ရောက်ခဲ့သည်",
    "Wrong password at sign-in": "ဝင်ရောက်စဉ် စကားဝှက် မှားသည်",
    "Sign-in slowed after wrong passwords": "စကားဝှက်မှားပြီးနောက် ဝင်ရောက်မှုကို နှေးစေခဲ့သည်",
    "Signed out": "ထွက်ခဲ့သည်",
    "Wrong authenticator code": "အတည်ပြုကုဒ် မှားသည်",
    "Authenticator set up": "အတည်ပြုအက်ပ် ပြင်ဆင်ခဲ့သည်",
    "Password changed": "စကားဝှက် ပြောင်းခဲ့သည်",
    "Password reset with the recovery key": "ပြန်လည်ရယူရေးသော့ဖြင့် စကားဝှက် ပြန်သတ်မှတ်ခဲ့သည်",
    "Session refused: its key did not fit": "အသုံးပြုမှုကို ငြင်းခဲ့သည် - သော့ မကိုက်ညီပါ",
    "Staff account created": "ဝန်ထမ်းအကောင့် ဖန်တီးခဲ့သည်",
    "Staff account changed": "ဝန်ထမ်းအကောင့် ပြောင်းလဲခဲ့သည်",
    "Staff account deactivated": "ဝန်ထမ်းအကောင့် ပိတ်ခဲ့သည်",
    "Staff account reactivated": "ဝန်ထမ်းအကောင့် ပြန်ဖွင့်ခဲ့သည်",
    "Sign-ins ended on every device": "ကိရိယာအားလုံးတွင် ဝင်ရောက်မှု ပြီးဆုံးစေခဲ့သည်",
    "Role given": "တာဝန် ပေးခဲ့သည်",
    "Role taken away": "တာဝန် ရုပ်သိမ်းခဲ့သည်",
    "Team created": "အဖွဲ့ ဖန်တီးခဲ့သည်",
    "Team changed": "အဖွဲ့ ပြောင်းလဲခဲ့သည်",
    "Joined a team": "အဖွဲ့ဝင်ခဲ့သည်",
    "Left a team": "အဖွဲ့မှ ထွက်ခဲ့သည်",
    "Staff keys created": "ဝန်ထမ်းသော့များ ဖန်တီးခဲ့သည်",
    "Sealed section created": "ပိတ်ထားသော အပိုင်း ဖန်တီးခဲ့သည်",
    "Sealed section destroyed": "ပိတ်ထားသော အပိုင်း ဖျက်ဆီးခဲ့သည်",
    "Key given to someone": "သော့ကို တစ်ဦးထံ ပေးခဲ့သည်",
    "Key taken back": "သော့ ပြန်ယူခဲ့သည်",
    "Sealed section re-keyed": "ပိတ်ထားသော အပိုင်းကို သော့အသစ်ပြောင်းခဲ့သည်",
    "Identity revealed to a handler": "ကိုယ်ရေးအချက်အလက်ကို တာဝန်ခံထံ ဖွင့်ပြခဲ့သည်",
    "Approval asked for": "အတည်ပြုချက် တောင်းခဲ့သည်",
    "Approval request withdrawn": "အတည်ပြုချက် တောင်းဆိုမှု ပြန်ရုပ်သိမ်းခဲ့သည်",
    "Message sent to the enquirer": "မေးမြန်းသူထံ စာပို့ခဲ့သည်",
    "Case assigned": "ကိစ္စ တာဝန်ပေးခဲ့သည်",
    "Internal note written": "အတွင်းမှတ်စု ရေးခဲ့သည်",
    "Photo opened": "ဓာတ်ပုံ ဖွင့်ခဲ့သည်",
    "Quarantine emptied": "သီးခြားထားရာနေရာ ရှင်းလင်းခဲ့သည်",
    "Data exported": "ဒေတာ ထုတ်ယူခဲ့သည်",
    "Backup made": "အရန်မိတ္တူ ပြုလုပ်ခဲ့သည်",
    "Restored from a backup": "အရန်မိတ္တူမှ ပြန်ထည့်ခဲ့သည်",
    "Settings changed": "ဆက်တင် ပြောင်းခဲ့သည်",
    "Demonstration data created": "သရုပ်ပြ ဒေတာ ဖန်တီးခဲ့သည်",
    "Case moved to another step": "ကိစ္စကို နောက်တစ်ဆင့်သို့ ရွှေ့ခဲ့သည်",
    "Case purged": "ကိစ္စကို အပြီးဖျက်ခဲ့သည်",
    "Passage plan opened": "ခရီးစီမံချက် ဖွင့်ခဲ့သည်",
    "Passage plan written to": "ခရီးစီမံချက်တွင် ရေးခဲ့သည်",
    "Arrival noted": "ရောက်ရှိမှု မှတ်တမ်းတင်ခဲ့သည်",
    "Identity or family read": "ကိုယ်ရေး သို့မဟုတ် မိသားစု အချက်အလက် ဖတ်ခဲ့သည်",
    "Family member recorded": "မိသားစုဝင် မှတ်တမ်းတင်ခဲ့သည်",
    "Vetting file opened": "စိစစ်ရေးဖိုင် ဖွင့်ခဲ့သည်",
    "Vetting check recorded": "စိစစ်ချက် မှတ်တမ်းတင်ခဲ့သည်",
    "Vetting signed off": "စိစစ်မှုကို အတည်ပြုလက်မှတ်ထိုးခဲ့သည်",
    "Suspected plant flagged": "သံသယရှိ စေလွှတ်ခံရသူဟု အမှတ်ပြုခဲ့သည်",
    "Suspected-plant flag cleared": "သံသယရှိ စေလွှတ်ခံရသူ အမှတ်ကို ဖယ်ရှားခဲ့သည်",
    "Ledger entry posted": "စာရင်းဇယား မှတ်တမ်း တင်ခဲ့သည်",
    "Finance file opened": "ငွေစာရင်းဖိုင် ဖွင့်ခဲ့သည်",
    "Finance file shared": "ငွေစာရင်းဖိုင် မျှဝေခဲ့သည်",
    "Evidence photo opened": "အထောက်အထား ဓာတ်ပုံ ဖွင့်ခဲ့သည်",
    "Reward claim opened": "ဆုငွေတောင်းခံချက် ဖွင့်ခဲ့သည်",
    "Item added to a claim": "တောင်းခံချက်တွင် ပစ္စည်း ထည့်ခဲ့သည်",
    "Claim submitted": "တောင်းခံချက် တင်သွင်းခဲ့သည်",
    "Claim verified": "တောင်းခံချက် စိစစ်ခဲ့သည်",
    "Claim valued": "တောင်းခံချက် တန်ဖိုးသတ်မှတ်ခဲ့သည်",
    "Claim rejected": "တောင်းခံချက် ပယ်ချခဲ့သည်",
    "Claim withdrawn": "တောင်းခံချက် ပြန်ရုပ်သိမ်းခဲ့သည်",
    "Payment instalment asked for": "ငွေအရစ် တောင်းခဲ့သည်",
    "Payment instalment approved": "ငွေအရစ် အတည်ပြုခဲ့သည်",
    "Payment instalment refused": "ငွေအရစ် ငြင်းခဲ့သည်",
    "Payment made": "ငွေပေးချေခဲ့သည်",
    "Payment reversed": "ငွေပေးချေမှု ပြန်ပယ်ခဲ့သည်",
    "Funds entry reversed": "ရန်ပုံငွေ မှတ်တမ်း ပြန်ပယ်ခဲ့သည်",
    "Monthly support proposed": "လစဉ်ထောက်ပံ့ငွေ အဆိုပြုခဲ့သည်",
    "Monthly support approved": "လစဉ်ထောက်ပံ့ငွေ အတည်ပြုခဲ့သည်",
    "Monthly support refused": "လစဉ်ထောက်ပံ့ငွေ ငြင်းခဲ့သည်",
    "Support rate proposed": "ထောက်ပံ့ငွေနှုန်း အဆိုပြုခဲ့သည်",
    "Support rate published": "ထောက်ပံ့ငွေနှုန်း ထုတ်ပြန်ခဲ့သည်",
    "Reward schedule proposed": "ဆုငွေဇယား အဆိုပြုခဲ့သည်",
    "Reward schedule published": "ဆုငွေဇယား ထုတ်ပြန်ခဲ့သည်",
    "Conversation and notes read": "စကားပြောဆိုမှုနှင့် မှတ်စုများ ဖတ်ခဲ့သည်",
    "Case list with opening words read": "အစစာသားပါ ကိစ္စစာရင်း ဖတ်ခဲ့သည်",
    "Passage plan read": "ခရီးစီမံချက် ဖတ်ခဲ့သည်",
    "Vetting evidence and verdicts read": "စိစစ်ရေး အထောက်အထားနှင့် ဆုံးဖြတ်ချက်များ ဖတ်ခဲ့သည်",
    "Claim details read": "တောင်းခံချက် အသေးစိတ် ဖတ်ခဲ့သည်",
    "Audit log signed (anchor)": "လုပ်ဆောင်ချက်မှတ်တမ်းကို လက်မှတ်ထိုးခဲ့သည် (မှတ်တိုင်)",
    "Invitation made": "ဖိတ်ကြားချက် ပြုလုပ်ခဲ့သည်",
    "Invitation accepted": "ဖိတ်ကြားချက် လက်ခံခဲ့သည်",
    "Invitation confirmed by a second administrator": "ဖိတ်ကြားချက်ကို ဒုတိယ စီမံခန့်ခွဲသူက အတည်ပြုခဲ့သည်",
    "Invitation cancelled": "ဖိတ်ကြားချက် ပယ်ဖျက်ခဲ့သည်",
    "More access proposed": "ခွင့်ပြုချက် တိုးရန် အဆိုပြုခဲ့သည်",
    "Access widened": "ခွင့်ပြုချက် တိုးခဲ့သည်",
    "Access narrowed": "ခွင့်ပြုချက် လျှော့ခဲ့သည်",
    "Authenticator reset": "အတည်ပြုအက်ပ် ပြန်လည်သတ်မှတ်ခဲ့သည်",
    "New authenticator set up": "အတည်ပြုအက်ပ်အသစ် ပြင်ဆင်ခဲ့သည်",
    "Shared key created": "မျှဝေသော့ ဖန်တီးခဲ့သည်",
    "Shared key given to someone": "မျှဝေသော့ကို တစ်ဦးထံ ပေးခဲ့သည်",
    "Shared key taken back": "မျှဝေသော့ ပြန်ယူခဲ့သည်",
    "Break-glass recovery key created": "အရေးပေါ် ပြန်လည်ရယူရေးသော့ ဖန်တီးခဲ့သည်",
    "Break-glass recovery key retired": "အရေးပေါ် ပြန်လည်ရယူရေးသော့ အသုံးမပြုတော့ပါ",
    "Recovery share shown to its trustee": "ပြန်လည်ရယူရေး အပိုင်းကို ယုံကြည်အပ်နှံသူထံ ပြခဲ့သည်",
    "Recovery share written down": "ပြန်လည်ရယူရေး အပိုင်းကို ရေးမှတ်ခဲ့သည်",
    "Key covered by break-glass recovery": "သော့ကို အရေးပေါ် ပြန်လည်ရယူမှုဖြင့် ကာကွယ်ခဲ့သည်",
    "Key restore asked for": "သော့ ပြန်ဖွင့်ရန် တောင်းဆိုခဲ့သည်",
    "Recovery share entered for a restore": "ပြန်ဖွင့်ရန်အတွက် ပြန်လည်ရယူရေး အပိုင်း ထည့်ခဲ့သည်",
    "Recovery share refused": "ပြန်လည်ရယူရေး အပိုင်းကို ငြင်းခဲ့သည်",
    "Key restored": "သော့ ပြန်ဖွင့်ခဲ့သည်",
    "Key restore cancelled": "သော့ ပြန်ဖွင့်မှု ပယ်ဖျက်ခဲ့သည်",
    "Case label created": "ကိစ္စ အမှတ်အသား ဖန်တီးခဲ့သည်",
    "Intake route opened or closed": "စုံစမ်းချက် လမ်းကြောင်း ဖွင့်ခြင်း သို့မဟုတ် ပိတ်ခြင်း",
    "Searched by name, phone or service number": "အမည်၊ ဖုန်း သို့မဟုတ် တပ်မှတ်ပုံတင်နံပါတ်ဖြင့် ရှာခဲ့သည်",
    # --- Break-glass -------------------------------------------------------------------------------------
    "Trustees": "ယုံကြည်အပ်နှံသူများ",
    "How many trustees it takes to restore": "ပြန်ဖွင့်ရန် လိုအပ်သော ယုံကြည်အပ်နှံသူ အရေအတွက်",
    "Type your share back from your paper": "သင့်စာရွက်မှ အပိုင်းကို ပြန်ရိုက်ထည့်ပါ",
    "Group to restore": "ပြန်ဖွင့်မည့် အုပ်စု",
    "Who receives its keys": "၎င်း၏သော့များကို လက်ခံမည့်သူ",
    "Why (the other trustees read this)": "အကြောင်းရင်း (အခြား ယုံကြည်အပ်နှံသူများ ဖတ်ရမည်)",
    "Your share, word by word": "သင့်အပိုင်း၊ စကားလုံးတစ်လုံးချင်း",
    "Approve and make the key": "အတည်ပြုပြီး သော့ပြုလုပ်ရန်",
    "Refuse": "ငြင်းရန်",
    "Proposed: another administrator must approve before the key is made.": (
        "အဆိုပြုပြီးပါပြီ - သော့မပြုလုပ်မီ အခြား စီမံခန့်ခွဲသူတစ်ဦး အတည်ပြုရမည်။"
    ),
    "The recovery key is made. Each trustee must now open their share and write it down.": (
        "ပြန်လည်ရယူရေးသော့ ပြုလုပ်ပြီးပါပြီ။ ယုံကြည်အပ်နှံသူတိုင်း မိမိအပိုင်းကို ဖွင့်ပြီး ရေးမှတ်ရမည်။"
    ),
    "Refused.": "ငြင်းပြီးပါပြီ။",
    "Thank you. Your share is now only on your paper: keep it safe.": (
        "ကျေးဇူးတင်ပါသည်။ သင့်အပိုင်းသည် ယခု သင့်စာရွက်ပေါ်တွင်သာ ရှိသည် - လုံခြုံစွာ သိမ်းပါ။"
    ),
    "%(count)d older group keys can now be restored.": "အုပ်စုသော့ဟောင်း %(count)d ခုကို ယခု ပြန်ဖွင့်နိုင်ပြီ။",
    "Only a trustee of the recovery key may ask for a restore.": (
        "ပြန်လည်ရယူရေးသော့၏ ယုံကြည်အပ်နှံသူသာ ပြန်ဖွင့်ရန် တောင်းဆိုနိုင်သည်။"
    ),
    "Asked. The trustees will each see it here and enter their shares.": (
        "တောင်းဆိုပြီးပါပြီ။ ယုံကြည်အပ်နှံသူ တစ်ဦးစီ ဤနေရာတွင် မြင်ရပြီး မိမိအပိုင်းကို ထည့်ပါမည်။"
    ),
    "Your share is in, sealed to the recipient: %(count)d of %(needed)d.": (
        "သင့်အပိုင်း ထည့်ပြီးပါပြီ၊ လက်ခံသူထံ ပိတ်ထားသည် - %(needed)d ခုအနက် %(count)d ခု။"
    ),
    "Only the named recipient completes a restore.": "အမည်ပါ လက်ခံသူသာ ပြန်ဖွင့်မှုကို အပြီးသတ်နိုင်သည်။",
    "Restored: you now hold %(count)d keys of the group.": (
        "ပြန်ဖွင့်ပြီးပါပြီ - သင်သည် ယခု အုပ်စု၏ သော့ %(count)d ခု ကိုင်ထားသည်။"
    ),
    "Cancelled. The shares entered for it are gone.": "ပယ်ဖျက်ပြီးပါပြီ။ ၎င်းအတွက် ထည့်ထားသော အပိုင်းများ ပျက်သွားပြီ။",
    # --- Keys (custody) ----------------------------------------------------------------------------------
    "Cases of team %s": "%s အဖွဲ့၏ ကိစ္စများ",
    "Passage plans of team %s": "%s အဖွဲ့၏ ခရီးစီမံချက်များ",
    "(removed)": "(ဖယ်ရှားပြီး)",
    "Identities (custodians)": "ကိုယ်ရေးအချက်အလက်များ (ထိန်းသိမ်းသူများ)",
    "Vetting files (reviewers)": "စိစစ်ရေးဖိုင်များ (စိစစ်သူများ)",
    "Finance files (committee and finance)": "ငွေစာရင်းဖိုင်များ (ကော်မတီနှင့် ငွေစာရင်း)",
    "Choose a key and a person.": "သော့တစ်ခုနှင့် လူတစ်ဦးကို ရွေးပါ။",
    "No such key or person.": "ထိုသော့ သို့မဟုတ် လူ မရှိပါ။",
    "Asked: another holder must approve before %s gets the key.": (
        "တောင်းဆိုပြီးပါပြီ - %s သော့ရမီ အခြားကိုင်ဆောင်သူတစ်ဦး အတည်ပြုရမည်။"
    ),
    "%s now holds the key.": "%s သည် ယခု သော့ကို ကိုင်ထားသည်။",
    "Choose a key to start.": "စတင်ရန် သော့တစ်ခု ရွေးပါ။",
    "You hold the first key of %s.": "သင်သည် %s ၏ ပထမဆုံးသော့ကို ကိုင်ထားသည်။",
    "Choose a request and approve or refuse it.": "တောင်းဆိုချက်တစ်ခု ရွေးပြီး အတည်ပြု သို့မဟုတ် ငြင်းပါ။",
    "No such request.": "ထိုတောင်းဆိုချက် မရှိပါ။",
    "Approved: the key is given.": "အတည်ပြုပြီးပါပြီ - သော့ကို ပေးလိုက်ပြီ။",
    # --- Accounts and invitations (staffing) ---------------------------------------------------------------
    "What this person could read before is assumed seen: it cannot be taken back. Only content added from "
    "now on is closed to them.": (
        "ဤသူ ယခင်က ဖတ်နိုင်ခဲ့သမျှကို မြင်ပြီးဟု ယူဆရသည် - ပြန်ယူ၍ မရပါ။ ယခုမှစ၍ ထည့်သော အကြောင်းအရာကိုသာ ၎င်းအတွက် ပိတ်ထားမည်။"
    ),
    "Invitation withdrawn.": "ဖိတ်ကြားချက် ပြန်ရုပ်သိမ်းပြီးပါပြီ။",
    "%(name)s is confirmed and active.": "%(name)s ကို အတည်ပြုပြီး အသုံးပြုနိုင်ပါပြီ။",
    "Choose to confirm or to withdraw.": "အတည်ပြုရန် သို့မဟုတ် ပြန်ရုပ်သိမ်းရန် ရွေးပါ။",
    "This page was opened afresh: scan the new code below and try again.": (
        "ဤစာမျက်နှာကို အသစ်ပြန်ဖွင့်ထားသည် - အောက်ပါ ကုဒ်အသစ်ကို စကန်ဖတ်ပြီး ထပ်ကြိုးစားပါ။"
    ),
    "The additions wait for a second administrator to approve them.": (
        "ထပ်တိုးချက်များသည် ဒုတိယ စီမံခန့်ခွဲသူ၏ အတည်ပြုချက်ကို စောင့်နေသည်။"
    ),
    "Approve and apply": "အတည်ပြုပြီး အသုံးချရန်",
    "Applied.": "အသုံးချပြီးပါပြီ။",
    "The reset waits for a second administrator to approve it.": (
        "ပြန်လည်သတ်မှတ်မှုသည် ဒုတိယ စီမံခန့်ခွဲသူ၏ အတည်ပြုချက်ကို စောင့်နေသည်။"
    ),
    "Approve the reset": "ပြန်လည်သတ်မှတ်မှုကို အတည်ပြုရန်",
    "Done.": "ပြီးပါပြီ။",
    "Decision": "ဆုံးဖြတ်ချက်",
    "Approve": "အတည်ပြုရန်",
    "Note": "မှတ်ချက်",
    "Roles": "တာဝန်များ",
    "An account with this username already exists.": "ဤအသုံးပြုသူအမည်ဖြင့် အကောင့် ရှိပြီးသားဖြစ်သည်။",
    "Active": "အသုံးပြုနိုင်သည်",
    "Nobody changes their own roles, teams or active flag. Ask another administrator.": (
        "မိမိကိုယ်ပိုင် တာဝန်၊ အဖွဲ့ သို့မဟုတ် အသုံးပြုနိုင်မှုကို မည်သူမျှ မပြောင်းနိုင်ပါ။ အခြား စီမံခန့်ခွဲသူကို မေးပါ။"
    ),
    "Fingerprint as the person reads it to you": "ထိုသူ ဖတ်ပြသည့်အတိုင်း လက်ဗွေနံပါတ်",
    "withdrawn": "ပြန်ရုပ်သိမ်းပြီး",
    "confirmed": "အတည်ပြုပြီး",
    "waiting for confirmation": "အတည်ပြုချက် စောင့်နေသည်",
    "waiting for the invitee": "ဖိတ်ခံရသူကို စောင့်နေသည်",
    "More access for %(name)s": "%(name)s အတွက် ခွင့်ပြုချက် တိုးရန်",
    "Asked by %(by)s on %(day)s.": "%(by)s က %(day)s တွင် တောင်းဆိုသည်။",
    "Add roles:": "ထည့်မည့် တာဝန်များ -",
    "Add to teams:": "ထည့်မည့် အဖွဲ့များ -",
    "Make the account active again": "အကောင့်ကို ပြန်လည် အသုံးပြုနိုင်စေရန်",
    "A role or team gives the right to ask for keys, not the keys themselves.": (
        "တာဝန် သို့မဟုတ် အဖွဲ့သည် သော့တောင်းခွင့်ကိုသာ ပေးပြီး သော့ကိုယ်တိုင်ကို မပေးပါ။"
    ),
    "Invitation for %(name)s": "%(name)s အတွက် ဖိတ်ကြားချက်",
    "Invited by %(by)s": "%(by)s က ဖိတ်ခေါ်သည်",
    "Roles on confirmation:": "အတည်ပြုပြီးနောက် တာဝန်များ -",
    "none": "မရှိ",
    "Teams:": "အဖွဲ့များ -",
    "You invited this person, so another administrator must confirm them.": (
        "ဤသူကို သင်ဖိတ်ခေါ်ခဲ့သဖြင့် အခြား စီမံခန့်ခွဲသူတစ်ဦးက အတည်ပြုရမည်။"
    ),
    "You are the only administrator:": "သင်သည် တစ်ဦးတည်းသော စီမံခန့်ခွဲသူ ဖြစ်သည် -",
    "you may confirm this second administrator yourself, once. This is recorded in the audit log.": (
        "ဤဒုတိယ စီမံခန့်ခွဲသူကို သင်ကိုယ်တိုင် တစ်ကြိမ်သာ အတည်ပြုနိုင်သည်။ ၎င်းကို လုပ်ဆောင်ချက်မှတ်တမ်းတွင် မှတ်တမ်းတင်မည်။"
    ),
    "Ask %(name)s — in person or by a phone call, where you know their voice — to read the fingerprint shown "
    "on their screen, and type it here. Do not accept it from a message.": (
        "%(name)s ကို ကိုယ်တိုင်တွေ့၍ သို့မဟုတ် အသံကို သင်သိသော ဖုန်းခေါ်ဆိုမှုဖြင့် ၎င်းတို့ဖန်သားပြင်ပေါ်ရှိ "
        "လက်ဗွေနံပါတ်ကို ဖတ်ပြခိုင်းပြီး ဤနေရာတွင် ရိုက်ထည့်ပါ။ စာတိုဖြင့် ပို့လာသည်ကို လက်မခံပါနှင့်။"
    ),
    "Confirm and activate": "အတည်ပြုပြီး အသုံးပြုနိုင်စေရန်",
    "Withdraw the invitation": "ဖိတ်ကြားချက်ကို ပြန်ရုပ်သိမ်းရန်",
    "Back to accounts": "အကောင့်များသို့ ပြန်သွားရန်",
    "Pass this link to %(name)s over a safe channel. It works once and expires on %(expires)s (UTC). It is "
    "shown only now.": (
        "ဤလင့်ခ်ကို %(name)s ထံ လုံခြုံသောနည်းဖြင့် ပေးပို့ပါ။ တစ်ကြိမ်သာ အသုံးပြုနိုင်ပြီး %(expires)s (UTC) "
        "တွင် သက်တမ်းကုန်မည်။ ယခုသာ ပြပါမည်။"
    ),
    "If the person says the link was already used, or the fingerprint they read does not match, withdraw the "
    "invitation: someone else opened it.": (
        "လင့်ခ်ကို သုံးပြီးသားဟု ထိုသူက ပြောလျှင် သို့မဟုတ် ဖတ်ပြသော လက်ဗွေနံပါတ် မကိုက်ညီလျှင် ဖိတ်ကြားချက်ကို ပြန်ရုပ်သိမ်းပါ - အခြားသူတစ်ဦး ဖွင့်ခဲ့သည်။"
    ),
    "The invitation": "ဖိတ်ကြားချက်",
    "Invite someone": "တစ်ဦးကို ဖိတ်ခေါ်ရန်",
    "You get a link to pass on to the person. With it they choose their own password, set up their "
    "authenticator and are shown a short fingerprint. Another administrator who knows them confirms that "
    "fingerprint with them (in person or by phone); only then is the account active with the roles and teams "
    "you choose here.": (
        "ထိုသူထံ ပေးရန် လင့်ခ်တစ်ခု ရပါမည်။ ၎င်းဖြင့် သူတို့ကိုယ်ပိုင် စကားဝှက်ကို ရွေးပြီး အတည်ပြုအက်ပ်ကို "
        "ပြင်ဆင်ကာ လက်ဗွေနံပါတ်တိုတစ်ခု မြင်ရမည်။ သူတို့ကို သိသော အခြား စီမံခန့်ခွဲသူတစ်ဦးက ထိုနံပါတ်ကို "
        "(ကိုယ်တိုင်တွေ့၍ သို့မဟုတ် ဖုန်းဖြင့်) အတည်ပြုပြီးမှသာ ဤနေရာတွင် သင်ရွေးသော တာဝန်နှင့် အဖွဲ့များဖြင့် "
        "အကောင့် အသုံးပြုနိုင်မည်။"
    ),
    "Create the invitation": "ဖိတ်ကြားချက် ပြုလုပ်ရန်",
    "Set up your account": "သင့်အကောင့်ကို ပြင်ဆင်ပါ",
    "Set up your account, %(name)s": "%(name)s၊ သင့်အကောင့်ကို ပြင်ဆင်ပါ",
    "Choose your password. Then scan this code with an authenticator app on a phone you keep with you and "
    "type the 6-digit code it shows.": (
        "သင့်စကားဝှက်ကို ရွေးပါ။ ထို့နောက် သင်ဆောင်ထားသော ဖုန်းပေါ်ရှိ အတည်ပြုအက်ပ်ဖြင့် ဤကုဒ်ကို စကန်ဖတ်ပြီး ပြသော ဂဏန်း ၆ လုံးကုဒ်ကို ရိုက်ထည့်ပါ။"
    ),
    "Set up my account": "ကျွန်ုပ်၏ အကောင့်ကို ပြင်ဆင်ရန်",
    "Invitation not valid": "ဖိတ်ကြားချက် မမှန်ကန်ပါ",
    "This invitation link is not valid": "ဤဖိတ်ကြားချက် လင့်ခ် မမှန်ကန်ပါ",
    "It was used already, has expired or was withdrawn.": ("၎င်းကို သုံးပြီးပြီ၊ သက်တမ်းကုန်ပြီ သို့မဟုတ် ပြန်ရုပ်သိမ်းပြီး ဖြစ်သည်။"),
    "If you did not use it yourself, tell the administrator who sent it, by phone or in person: someone else "
    "may have opened it.": (
        "သင်ကိုယ်တိုင် မသုံးခဲ့လျှင် ပို့ပေးသော စီမံခန့်ခွဲသူကို ဖုန်းဖြင့် သို့မဟုတ် ကိုယ်တိုင်တွေ့၍ ပြောပါ - အခြားသူတစ်ဦး ဖွင့်ခဲ့နိုင်သည်။"
    ),
    "Your account is set up": "သင့်အကောင့် ပြင်ဆင်ပြီးပါပြီ",
    "Your account is set up, %(name)s": "%(name)s၊ သင့်အကောင့် ပြင်ဆင်ပြီးပါပြီ",
    "Your fingerprint": "သင့်လက်ဗွေနံပါတ်",
    "An administrator other than the one who invited you will ask you to read these 16 digits to them, in "
    "person or by phone. Your account becomes active only when they have confirmed them. Never send them by "
    "message.": (
        "သင့်ကို ဖိတ်ခေါ်သူမဟုတ်သော စီမံခန့်ခွဲသူတစ်ဦးက ဤဂဏန်း ၁၆ လုံးကို ကိုယ်တိုင်တွေ့၍ သို့မဟုတ် "
        "ဖုန်းဖြင့် ဖတ်ပြရန် မေးပါမည်။ သူတို့ အတည်ပြုပြီးမှသာ သင့်အကောင့် အသုံးပြုနိုင်မည်။ "
        "စာတိုဖြင့် ဘယ်တော့မှ မပို့ပါနှင့်။"
    ),
    "This key is shown <strong>once</strong>. With your password it lets you set up a new authenticator if "
    "you lose your phone, and it is the only way back to your encrypted work if you forget your password: no "
    "administrator can restore it. Write it on paper and keep it apart from your phone.": (
        "ဤသော့ကို <strong>တစ်ကြိမ်သာ</strong> ပြပါမည်။ ဖုန်းပျောက်လျှင် စကားဝှက်နှင့်အတူ "
        "အတည်ပြုအက်ပ်အသစ် ပြင်ဆင်နိုင်ပြီး စကားဝှက်မေ့လျှင် သင့်ကုဒ်ဝှက်ထားသော အလုပ်များသို့ ပြန်ရောက်နိုင်သည့် "
        "တစ်ခုတည်းသော နည်းလမ်းဖြစ်သည် - စီမံခန့်ခွဲသူ မည်သူမျှ ပြန်ပေး၍ မရပါ။ စာရွက်ပေါ်တွင် ရေးမှတ်ပြီး "
        "ဖုန်းနှင့် သီးခြား သိမ်းထားပါ။"
    ),
    "New authenticator for %(name)s": "%(name)s အတွက် အတည်ပြုအက်ပ်အသစ်",
    "Asked by %(by)s. Approve only if you have spoken to %(name)s yourself. Their authenticator is removed "
    "and their sessions end; they still need their own password to sign in and set up a new one.": (
        "%(by)s က တောင်းဆိုသည်။ %(name)s နှင့် သင်ကိုယ်တိုင် စကားပြောပြီးမှသာ အတည်ပြုပါ။ ၎င်းတို့၏ "
        "အတည်ပြုအက်ပ်ကို ဖယ်ရှားပြီး အသုံးပြုမှုများ ပြီးဆုံးမည် - ဝင်ရန်နှင့် အသစ်ပြင်ဆင်ရန် "
        "မိမိစကားဝှက် လိုအပ်ဆဲဖြစ်သည်။"
    ),
    "Unticking a role or team, or the active box, takes effect at once and signs the person out "
    "everywhere.": ("တာဝန်၊ အဖွဲ့ သို့မဟုတ် အသုံးပြုနိုင်သည့် အကွက်ကို အမှန်ခြစ်ဖြုတ်ခြင်းသည် ချက်ချင်း သက်ရောက်ပြီး ထိုသူကို နေရာတိုင်းမှ ထွက်စေမည်။"),
    "Ticking a new role or team, or reactivating, waits for a second administrator to approve it.": (
        "တာဝန် သို့မဟုတ် အဖွဲ့အသစ်ကို အမှန်ခြစ်ခြင်း၊ ပြန်ဖွင့်ခြင်းသည် ဒုတိယ စီမံခန့်ခွဲသူ၏ အတည်ပြုချက်ကို စောင့်ရမည်။"
    ),
    "Lost authenticator": "ပျောက်သွားသော အတည်ပြုအက်ပ်",
    "If %(name)s has lost their phone and their recovery key, another administrator can approve removing "
    "their authenticator. They then sign in with their own password and set up a new one.": (
        "%(name)s သည် ဖုန်းနှင့် ပြန်လည်ရယူရေးသော့ ပျောက်သွားလျှင် အခြား စီမံခန့်ခွဲသူတစ်ဦးက "
        "၎င်း၏ အတည်ပြုအက်ပ်ကို ဖယ်ရှားရန် အတည်ပြုနိုင်သည်။ ထို့နောက် မိမိစကားဝှက်ဖြင့် ဝင်ပြီး "
        "အသစ်တစ်ခု ပြင်ဆင်ရမည်။"
    ),
    "Ask to reset the authenticator": "အတည်ပြုအက်ပ် ပြန်လည်သတ်မှတ်ရန် တောင်းဆိုရန်",
    "Waiting for you (another administrator asked)": "သင့်ကို စောင့်နေသည် (အခြား စီမံခန့်ခွဲသူက တောင်းဆိုသည်)",
    "asked by %(by)s": "%(by)s က တောင်းဆိုသည်",
    "New authenticator": "အတည်ပြုအက်ပ်အသစ်",
    "Invitations": "ဖိတ်ကြားချက်များ",
    "Invited by": "ဖိတ်ခေါ်သူ",
    "State": "အခြေအနေ",
    "Link expires": "လင့်ခ် သက်တမ်းကုန်ချိန်",
    "People": "လူများ",
    "yes": "ဟုတ်",
    "no": "မဟုတ်",
}
