import datetime
from decimal import Decimal

from django.db import migrations

# The schedule announced on 7 April 2022, the programme's first.
ENTRIES = [
    ("defect-aircraft-or-vessel",
     "Defect with a military aircraft (jet, helicopter, transport) or a navy vessel",
     "စစ်လေယာဉ် (ဂျက်လေယာဉ်၊ ရဟတ်ယာဉ်၊ ပို့ဆောင်ရေးလေယာဉ်) သို့မဟုတ် ရေတပ်သင်္ဘောတစ်စင်းနှင့်အတူ ကူးပြောင်းလာခြင်း",
     Decimal("500000"), Decimal("1000000000"), False, False),
    ("damage-aircraft-or-warship",
     "Seriously damage a parked jet fighter, military helicopter, logistics plane or warship, "
     "or destroy one during a mission",
     "ရပ်နားထားသော တိုက်လေယာဉ်၊ စစ်ရဟတ်ယာဉ်၊ ထောက်ပံ့ပို့ဆောင်ရေးလေယာဉ် သို့မဟုတ် စစ်သင်္ဘောကို "
     "အကြီးအကျယ် ပျက်စီးစေခြင်း၊ သို့မဟုတ် စစ်ဆင်ရေးအတွင်း ဖျက်ဆီးခြင်း",
     Decimal("300000"), None, True, False),
    ("sabotage-fuel-or-factory",
     "Sabotage a jet-fuel storage tank, or blow up an armour or weapons factory",
     "ဂျက်လောင်စာ သိုလှောင်ကန်ကို ဖျက်ဆီးခြင်း၊ သို့မဟုတ် သံချပ်ကာယာဉ် (သို့) လက်နက်စက်ရုံကို ဖောက်ခွဲခြင်း",
     Decimal("100000"), None, False, False),
    ("defect-tank-or-apc",
     "Defect with a tank or an armoured personnel carrier",
     "တင့်ကား သို့မဟုတ် သံချပ်ကာ တပ်သားသယ်ယာဉ်နှင့်အတူ ကူးပြောင်းလာခြင်း",
     Decimal("100000"), None, False, False),
    ("other-weapons-equipment",
     "Other weapons and equipment brought along",
     "ယူဆောင်လာသော အခြားလက်နက်နှင့် စစ်ပစ္စည်းများ",
     None, None, False, True),
]


def seed(apps, schema_editor):
    Schedule = apps.get_model("rewards", "Schedule")
    Entry = apps.get_model("rewards", "Entry")
    schedule, created = Schedule.objects.get_or_create(
        effective_from=datetime.date(2022, 4, 7),
        defaults={"title": "Reward schedule of 7 April 2022", "announced_on": datetime.date(2022, 4, 7)},
    )
    if not created:
        return
    for position, (code, en, my, usd, mmk, per_item, by_committee) in enumerate(ENTRIES, start=1):
        Entry.objects.create(schedule=schedule, position=position, code=code, title_en=en, title_my=my,
                             amount_usd=usd, amount_mmk=mmk, per_item=per_item, valued_by_committee=by_committee)
    # Published once complete: a published schedule's entries are never written again (rewards.models).
    Schedule.objects.filter(pk=schedule.pk).update(published=True)


class Migration(migrations.Migration):
    dependencies = [("rewards", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
