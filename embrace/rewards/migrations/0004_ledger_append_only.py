"""The ledger is append-only in the database too, not only in the ORM.

PostgreSQL refuses UPDATE and DELETE on journals and lines with a trigger (TRUNCATE, which only an owner
dropping everything runs, is a statement trigger's business and stays allowed for test teardown). SQLite
refuses UPDATE; it cannot refuse DELETE the same way because Django's test teardown empties tables with
DELETE, so on SQLite deletes are refused by the ORM alone (``embrace.rewards.models``).
"""

import datetime

from django.db import migrations

TABLES = ("rewards_journal", "rewards_line")

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION embrace_ledger_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: post a reversing journal instead';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "postgresql":
            schema_editor.execute(POSTGRES_FUNCTION)
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION embrace_ledger_append_only()"
            )
        elif vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: post a reversing journal instead'); END"
            )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor in ("postgresql", "sqlite"):
            on = f" ON {table}" if vendor == "postgresql" else ""
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only{on}")


def seed(apps, schema_editor):
    # A starting rate for the demo and for tests: kyat, scaled by family size. A programme sets its own.
    StipendRate = apps.get_model("rewards", "StipendRate")
    StipendRate.objects.get_or_create(
        effective_from=datetime.date(2022, 4, 7),
        defaults={"currency": "MMK", "base_minor": 300_000_00, "per_dependant_minor": 100_000_00},
    )


class Migration(migrations.Migration):
    dependencies = [("rewards", "0003_claims_ledger_stipends")]
    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
