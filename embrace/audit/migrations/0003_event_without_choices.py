from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_head")]
    operations = [
        migrations.AlterField(model_name="auditentry", name="event", field=models.CharField(max_length=64)),
    ]
