"""Seal check results and sign-off verdicts to each case's vetting compartment, and keep only the gate's yes/no.

Sealing needs only the compartment's public key, so this runs without anyone's private key. Whether each case
was cleared for passage is worked out from the clear verdicts once, here, before they are dropped: two
independent genuine sign-offs (an active reviewer, not the case's handler), as the gate counted them.
A purged case's vetting compartment has no keys left: its results and verdicts become empty, like its evidence.

Irreversible once there is anything to seal: nothing turns the sealed values back into clear ones without a
reviewer's key. An empty database may go back (the migration's own test does).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations, models
from django.db.migrations.exceptions import IrreversibleError

REQUIRED_SIGN_OFFS = 2


def seal_clear_values(apps: Any, schema_editor: Any) -> None:
    from embrace.vault import crypto

    case_vetting = apps.get_model("vetting", "CaseVetting")
    case_check = apps.get_model("vetting", "CaseCheck")
    sign_off = apps.get_model("vetting", "SignOff")
    compartment_key = apps.get_model("vault", "CompartmentKey")
    role_assignment = apps.get_model("accounts", "RoleAssignment")
    reviewers = set(role_assignment.objects.filter(role="vetting_reviewer").values_list("user_id", flat=True))

    for vetting in case_vetting.objects.select_related("compartment", "case"):
        key = (
            compartment_key.objects.filter(compartment_id=vetting.compartment_id).order_by("-version").first()
            if vetting.compartment.destroyed_at is None
            else None
        )

        def seal(text: str, key: Any = key) -> bytes:
            return crypto.seal_message(bytes(key.public_key), key.pk, text.encode()) if key is not None else b""

        for check in case_check.objects.filter(case_id=vetting.case_id):
            check.result_sealed = seal(check.result)
            check.save(update_fields=["result_sealed"])
        genuine: list[str] = []
        for signed in sign_off.objects.filter(case_id=vetting.case_id).select_related("reviewer").order_by("pk"):
            signed.verdict_sealed = seal(signed.verdict)
            signed.save(update_fields=["verdict_sealed"])
            eligible = (
                signed.reviewer.is_active
                and signed.reviewer_id in reviewers
                and signed.reviewer_id != vetting.case.handler_id
            )
            if signed.verdict == "genuine" and eligible and str(signed.reviewer_id) not in genuine:
                genuine.append(str(signed.reviewer_id))
        counted = genuine[:REQUIRED_SIGN_OFFS]
        vetting.cleared_for_passage = len(counted) == REQUIRED_SIGN_OFFS
        vetting.cleared_by = counted if vetting.cleared_for_passage else []
        vetting.save(update_fields=["cleared_for_passage", "cleared_by"])
    # Rows of a case without a vetting compartment cannot exist (writing one opens it); none is left in clear.
    case_check.objects.filter(result_sealed__isnull=True).update(result_sealed=b"")
    sign_off.objects.filter(verdict_sealed__isnull=True).update(verdict_sealed=b"")


def refuse_unsealing(apps: Any, schema_editor: Any) -> None:
    if apps.get_model("vetting", "CaseCheck").objects.exists() or apps.get_model("vetting", "SignOff").objects.exists():
        raise IrreversibleError(
            "Sealed vetting results and verdicts cannot be put back in clear without a reviewer's key."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("vault", "0001_initial"),
        ("vetting", "0002_seed_checklist"),
    ]

    operations = [
        migrations.AddField(
            model_name="casevetting",
            name="cleared_for_passage",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="casevetting",
            name="cleared_by",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="casecheck",
            name="result_sealed",
            field=models.BinaryField(null=True),
        ),
        migrations.AddField(
            model_name="signoff",
            name="verdict_sealed",
            field=models.BinaryField(null=True),
        ),
        migrations.RunPython(seal_clear_values, reverse_code=refuse_unsealing, elidable=False),
        migrations.RemoveConstraint(model_name="casecheck", name="case_check_result_valid"),
        migrations.RemoveConstraint(model_name="signoff", name="sign_off_verdict_valid"),
        migrations.RemoveField(model_name="casecheck", name="result"),
        migrations.RemoveField(model_name="signoff", name="verdict"),
        migrations.RenameField(model_name="casecheck", old_name="result_sealed", new_name="result"),
        migrations.RenameField(model_name="signoff", old_name="verdict_sealed", new_name="verdict"),
        migrations.AlterField(model_name="casecheck", name="result", field=models.BinaryField()),
        migrations.AlterField(model_name="signoff", name="verdict", field=models.BinaryField()),
    ]
