"""The programme's first checklist. Later changes are data too: add rows, or retire them with active=False."""

from django.db import migrations

FIRST_CHECKLIST = [
    ("identity_document_video", "Identity document seen on video"),
    ("unit_and_command_chain", "Unit and command chain consistent"),
    ("knowledge_questions", "Knowledge questions answered"),
    ("equipment_challenge_photo", "Equipment photographed with a fresh challenge code"),
    ("vouched_by_earlier_defector", "Vouched for by an earlier defector of the same unit"),
    ("repeat_interview", "Repeat interview by a second handler"),
]


def seed(apps, schema_editor):
    CheckDefinition = apps.get_model("vetting", "CheckDefinition")
    for position, (code, title) in enumerate(FIRST_CHECKLIST, start=1):
        CheckDefinition.objects.get_or_create(code=code, defaults={"title": title, "position": position * 10})


def unseed(apps, schema_editor):
    CheckDefinition = apps.get_model("vetting", "CheckDefinition")
    # Only rows nothing refers to: results recorded against a check keep their definition.
    CheckDefinition.objects.filter(code__in=[c for c, _ in FIRST_CHECKLIST], results__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("vetting", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
