"""Separation of duties in the database: nobody holds a content-blind role (administrator, auditor) together
with a content role (intake officer, handler, reviewer, custodian, committee, finance).

The form and ``accounts.actions.set_roles`` refuse the mix with a clear message; this trigger refuses it for
anything that writes the table another way (a bug, a shell, a direct ``update()``). Both role lists are
written out here on purpose: a migration must not change meaning when ``roles.py`` changes later.

Accounts that already mix them lose their content roles: the content-blind role is the one that was
meant to be trusted with no content (see the CHANGELOG).
"""

from django.db import migrations

BLIND = ("administrator", "auditor")
CONTENT = ("intake_officer", "handler", "vetting_reviewer", "custodian", "reward_committee", "finance")
TABLE = "accounts_roleassignment"
MESSAGE = "separation of duties: administrators and auditors cannot hold a content role"


def _in(values):
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


CONFLICT = (
    f"(NEW.role IN {_in(BLIND)} AND EXISTS (SELECT 1 FROM {TABLE} r WHERE r.user_id = NEW.user_id "
    f"AND r.role IN {_in(CONTENT)})) OR (NEW.role IN {_in(CONTENT)} AND EXISTS (SELECT 1 FROM {TABLE} r "
    f"WHERE r.user_id = NEW.user_id AND r.role IN {_in(BLIND)}))"
)

POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION embrace_separation_of_duties() RETURNS trigger AS $$
BEGIN
    -- Two transactions adding the two halves at once would each miss the other's row: serialise on the user.
    PERFORM 1 FROM accounts_user WHERE id = NEW.user_id FOR UPDATE;
    IF {CONFLICT} THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    RoleAssignment = apps.get_model("accounts", "RoleAssignment")
    mixed = RoleAssignment.objects.filter(role__in=BLIND).values("user_id")
    RoleAssignment.objects.filter(user_id__in=mixed, role__in=CONTENT).delete()
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION)
        schema_editor.execute(
            f"CREATE TRIGGER {TABLE}_duties BEFORE INSERT OR UPDATE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION embrace_separation_of_duties()"
        )
    elif vendor == "sqlite":
        for when in ("INSERT", "UPDATE"):
            schema_editor.execute(
                f"CREATE TRIGGER {TABLE}_duties_{when.lower()} BEFORE {when} ON {TABLE} "
                f"WHEN {CONFLICT} BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
            )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_duties ON {TABLE}")
        schema_editor.execute("DROP FUNCTION IF EXISTS embrace_separation_of_duties()")
    elif vendor == "sqlite":
        for when in ("insert", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_duties_{when}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_staffsession")]
    operations = [migrations.RunPython(forwards, backwards)]
