"""Version 1 of every definition. The rules and words are copied here, not imported from
``embrace.figures.seeds``: a migration must mean the same thing forever, whatever the module later says."""

import datetime

from django.db import migrations

V1_FROM = datetime.date(2021, 2, 1)

V1 = {
    "enquiry": (
        {"event": "opened", "exclude_statuses": ["quarantined", "duplicate"]},
        "Cases opened in the period, by any channel, leaving out enquiries now set aside as junk and those "
        "marked as repeats of another case.",
    ),
    "genuine_enquiry": (
        {"event": "transition_to", "statuses": ["passage_approved"]},
        "Cases whose passage was approved in the period: two reviewers found the enquirer genuine and a "
        "handler of the team agreed.",
    ),
    "defection": (
        {"event": "transition_to", "statuses": ["arrived"]},
        "Cases whose arrival was recorded in the period.",
    ),
    "registration": (
        {"event": "transition_to", "statuses": ["registered"]},
        "Cases registered in the period, after screening on arrival and a second person's approval.",
    ),
    "reward_paid": (
        {"event": "paid", "what": "tranche"},
        "Cases paid a share of a reward in the period. Stipends and payments later reversed are not counted.",
    ),
    "dependants_received": (
        {"event": "transition_to", "statuses": ["arrived"], "count": "dependants"},
        "Family members recorded with the cases whose arrival was recorded in the period.",
    ),
}


def seed(apps, schema_editor):
    Definition = apps.get_model("figures", "Definition")
    for key, (rule, description) in V1.items():
        Definition.objects.get_or_create(
            key=key,
            version=1,
            defaults={"effective_from": V1_FROM, "rule": rule, "description": description},
        )


def unseed(apps, schema_editor):
    apps.get_model("figures", "Definition").objects.filter(version=1, key__in=list(V1)).delete()


class Migration(migrations.Migration):
    dependencies = [("figures", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
