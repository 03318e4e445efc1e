"""Move suspected-plant flags into the vetting compartment (issue 9, item 10).

Each case's flags — raiser, dates, reasons, who cleared them — become one JSON log sealed to the case's vetting
compartment and padded (as ``embrace.vetting.flags`` writes it); the clear row keeps only the gate's yes/no,
``plant_flag_stands``. Reasons were already sealed: they are opened with nobody's key, so the log carries
each reason's envelope as it was (base64), and the vetting page opens it with the reader's keyring. Every
other vetting row gets an empty sealed log, so a case once flagged and cleared looks like any other.
A purged case's vetting compartment has no keys left: its log is empty, its yes/no kept like its status.

Irreversible once there is a flag: nothing turns the sealed log back into clear rows without a reviewer's key.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from django.db import migrations, models
from django.db.migrations.exceptions import IrreversibleError

PAD = 2048


def seal_flags(apps: Any, schema_editor: Any) -> None:
    from embrace.vault import crypto

    case_vetting = apps.get_model("vetting", "CaseVetting")
    plant_flag = apps.get_model("vetting", "PlantFlag")
    compartment_key = apps.get_model("vault", "CompartmentKey")
    for vetting in case_vetting.objects.select_related("compartment"):
        flags = list(plant_flag.objects.filter(case_id=vetting.case_id).order_by("raised_on", "pk"))
        key = (
            compartment_key.objects.filter(compartment_id=vetting.compartment_id).order_by("-version").first()
            if vetting.compartment.destroyed_at is None
            else None
        )
        rows = [
            {
                "pk": str(flag.pk),
                "raised_by": str(flag.raised_by_id),
                "raised_on": flag.raised_on.isoformat(),
                # Sealed already: kept as the envelope, opened by the reader (see flags.open_log).
                "note": {"sealed": base64.b64encode(bytes(flag.note)).decode()},
                "cleared_by": str(flag.cleared_by_id) if flag.cleared_by_id else None,
                "cleared_on": flag.cleared_on.isoformat() if flag.cleared_on else None,
                "cleared_note": (
                    {"sealed": base64.b64encode(bytes(flag.cleared_note)).decode()}
                    if flag.cleared_note is not None
                    else None
                ),
            }
            for flag in flags
        ]
        text = json.dumps(rows).encode()
        text += b" " * (-len(text) % PAD)
        vetting.plant_flags = crypto.seal_message(bytes(key.public_key), key.pk, text) if key is not None else b""
        vetting.plant_flag_stands = any(flag.active for flag in flags)
        vetting.save(update_fields=["plant_flags", "plant_flag_stands"])


def refuse_unsealing(apps: Any, schema_editor: Any) -> None:
    if apps.get_model("vetting", "CaseVetting").objects.exists():
        raise IrreversibleError("Sealed plant flags cannot be put back in clear without a reviewer's key.")


class Migration(migrations.Migration):
    dependencies = [
        ("vault", "0003_recovery_key"),
        ("vetting", "0003_seal_results_and_verdicts"),
    ]

    operations = [
        migrations.AddField(
            model_name="casevetting",
            name="plant_flag_stands",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="casevetting",
            name="plant_flags",
            field=models.BinaryField(default=b""),
        ),
        migrations.RunPython(seal_flags, reverse_code=refuse_unsealing, elidable=False),
        migrations.DeleteModel(name="PlantFlag"),
    ]
