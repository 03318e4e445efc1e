"""The default retention rules: junk 30 days after quarantine, withdrawn and lost-contact cases 180 days,
passage plans the configured grace (EMBRACE_PASSAGE_GRACE_DAYS, 7 unless set) after arrival. Rejected and
duplicate cases are kept until purged by hand: a rejected "enquirer" may be a plant whose file is evidence.
"""

from django.conf import settings
from django.db import migrations

# Written out, not imported: a migration must do the same thing whatever the code says later.
DEFAULTS = {
    "quarantined": 30,
    "withdrawn": 180,
    "lost_contact": 180,
    "rejected": None,
    "duplicate": None,
}


def seed(apps, schema_editor):  # type: ignore[no-untyped-def]
    Rule = apps.get_model("retention", "Rule")
    rules = {**DEFAULTS, "passage": getattr(settings, "PASSAGE_GRACE_DAYS", 7)}
    for key, days in rules.items():
        Rule.objects.get_or_create(key=key, defaults={"days": days})


class Migration(migrations.Migration):
    dependencies = [("retention", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
