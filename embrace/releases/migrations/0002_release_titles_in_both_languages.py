"""A release's title in Burmese and in English. A release drafted before had one title, in whatever language
the analyst wrote it: it becomes both, so no page shows an empty title. Going back keeps the English one."""

from django.db import migrations, models
from django.db.models import F


def copy_title(apps, schema_editor):  # type: ignore[no-untyped-def]
    Release = apps.get_model("releases", "Release")
    Release.objects.update(title_my=F("title"), title_en=F("title"))


def keep_english(apps, schema_editor):  # type: ignore[no-untyped-def]
    Release = apps.get_model("releases", "Release")
    Release.objects.update(title=F("title_en"))


class Migration(migrations.Migration):
    dependencies = [("releases", "0001_initial")]

    operations = [
        migrations.AddField(
            "release", "title_my", models.CharField(default="", max_length=120), preserve_default=False
        ),
        migrations.AddField(
            "release", "title_en", models.CharField(default="", max_length=120), preserve_default=False
        ),
        migrations.RunPython(copy_title, keep_english),
        migrations.AlterModelOptions("release", options={"ordering": ["-drafted_on", "title_en"]}),
        migrations.RemoveField("release", "title"),
    ]
