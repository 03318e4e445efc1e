"""`embrace audit verify` as an operator runs it: a real process against a real SQLite file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

EMBRACE = str(Path(sys.executable).with_name("embrace"))
RECORD_FIVE = (
    "from embrace.audit.events import Event\n"
    "from embrace.audit.log import record\n"
    "for n in range(5):\n"
    "    record(Event.CONFIG_CHANGED, subject=f'config:{n}', n=n)\n"
)


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # Outside pytest's process the settings must not take test mode, nor a database from the environment.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST", "EMBRACE_", "DJANGO_")) and k != "DATABASE_URL"
    }
    env["EMBRACE_DATA_DIR"] = str(data_dir)
    return subprocess.run([EMBRACE, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


def test_verify_command_exits_non_zero_on_a_tampered_file(tmp_path: Path) -> None:
    assert run(tmp_path, "migrate", "--no-input").returncode == 0
    made = run(tmp_path, "shell", "-c", RECORD_FIVE)
    assert made.returncode == 0, made.stderr

    intact = run(tmp_path, "audit", "verify")
    assert intact.returncode == 0, intact.stderr
    assert "Audit log OK: 5 entries" in intact.stdout

    with sqlite3.connect(tmp_path / "embrace.sqlite3") as db:
        db.execute("UPDATE audit_auditentry SET subject = 'config:elsewhere' WHERE seq = 3")
    tampered = run(tmp_path, "audit", "verify")
    assert tampered.returncode != 0
    assert "entry #3 " in tampered.stderr
    assert "altered" in tampered.stderr


EXPORT_ANCHORS = (
    "from pathlib import Path\n"
    "from embrace.audit.models import AuditAnchor\n"
    "from embrace.vault.anchors import export_lines\n"
    "Path({path!r}).write_text(''.join(export_lines(AuditAnchor.objects.order_by('at'))))\n"
)
DELETE_AND_RECHAIN = "from embrace.audit.tests.tampering import rechain_without\nrechain_without(2)\n"


def test_verify_with_anchors_exits_non_zero_on_a_rechained_file(tmp_path: Path) -> None:
    assert run(tmp_path, "migrate", "--no-input").returncode == 0
    assert run(tmp_path, "shell", "-c", RECORD_FIVE).returncode == 0
    assert run(tmp_path, "audit", "anchor").returncode == 0
    kept = tmp_path / "kept-by-the-auditor.jsonl"
    exported = run(tmp_path, "shell", "-c", EXPORT_ANCHORS.format(path=str(kept)))
    assert exported.returncode == 0, exported.stderr
    assert run(tmp_path, "audit", "verify", "--anchors", str(kept)).returncode == 0

    assert run(tmp_path, "shell", "-c", DELETE_AND_RECHAIN).returncode == 0
    assert run(tmp_path, "audit", "verify").returncode == 0  # the chain alone is fooled
    checked = run(tmp_path, "audit", "verify", "--anchors", str(kept))
    assert checked.returncode != 0
    assert "the anchor of #5 " in checked.stderr
