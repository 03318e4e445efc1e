"""Anchors: the audit chain's head signed with a key outside the database, and `embrace audit verify
--anchors` catching a log that was rewritten and re-chained behind them."""

from __future__ import annotations

import json
import stat
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from embrace.audit.events import Event
from embrace.audit.log import record, verify_chain
from embrace.audit.models import AuditAnchor, AuditEntry
from embrace.audit.tests import tampering
from embrace.core.tasks import housekeeping
from embrace.vault import anchors, crypto

pytestmark = pytest.mark.django_db


def _entries(n: int) -> None:
    for i in range(n):
        record(Event.CONFIG_CHANGED, actor=uuid.uuid4(), subject=f"config:{i}", n=i)


def _export(path: Path) -> Path:
    path.write_text("".join(anchors.export_lines(AuditAnchor.objects.order_by("at", "pk"))))
    return path


def test_anchor_is_signed_by_a_key_kept_in_a_file_not_in_the_database() -> None:
    _entries(3)
    anchor = anchors.sign_anchor()
    key_file = Path(settings.AUDIT_ANCHOR_KEY_FILE)
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    seed = bytes.fromhex(key_file.read_text().strip())
    public = crypto.signing_public_key(seed)
    assert (anchor.seq, anchor.key_id) == (3, anchors.key_id(public))
    message = anchors.signed_message(anchor.seq, anchor.hash, anchor.at)
    assert crypto.signature_is_valid(public, message, bytes.fromhex(anchor.signature))
    # Neither half of the key pair's secret is anywhere in the database.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            assert not any(seed.hex() in str(row) for row in cursor.fetchall()), table
    # Making the anchor is itself in the log, after the seq it pins.
    assert AuditEntry.objects.order_by("-seq").first().event == Event.AUDIT_ANCHORED


def test_export_pins_the_public_key_and_an_intact_log_verifies_against_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _entries(4)
    anchors.sign_anchor()
    _entries(2)
    anchors.sign_anchor()
    exported = _export(tmp_path / "anchors.jsonl")
    header = json.loads(exported.read_text().splitlines()[0])
    assert header["public_key"] == anchors.public_key().hex()
    call_command("audit", "verify", "--anchors", str(exported))
    assert "2 signed anchors fit" in capsys.readouterr().out
    call_command("audit", "verify", "--anchors", str(exported), "--public-key", anchors.public_key().hex())
    assert "Audit log OK" in capsys.readouterr().out


def test_deleting_an_entry_and_rechaining_the_rest_fails_verification_against_anchors(tmp_path: Path) -> None:
    _entries(5)
    first = anchors.sign_anchor()  # pins #5
    _entries(3)
    second = anchors.sign_anchor()  # pins #9 (entry #6 is the first anchor's own)
    exported = _export(tmp_path / "anchors.jsonl")

    tampering.rechain_without(2)

    # The chain alone cannot tell: every link and the head fit again.
    assert verify_chain().ok
    call_command("audit", "verify")
    with pytest.raises(CommandError) as failure:
        call_command("audit", "verify", "--anchors", str(exported))
    message = str(failure.value)
    assert "FAILED" in message
    # The first anchor that no longer fits is named: the older one, at its seq and time.
    assert f"the anchor of #{first.seq} signed {first.at.isoformat()}" in message
    assert f"#{second.seq}" not in message


def test_removing_entries_after_the_newest_anchor_is_named(tmp_path: Path) -> None:
    _entries(4)
    anchor = anchors.sign_anchor()
    exported = _export(tmp_path / "anchors.jsonl")
    # The anchor's own entry and two before it, cut from the end with the head moved back.
    for seq in (5, 4, 3):
        tampering.rechain_without(seq)
    with pytest.raises(CommandError, match=rf"the anchor of #{anchor.seq} .* entries were removed"):
        call_command("audit", "verify", "--anchors", str(exported))


def test_an_anchor_rewritten_to_fit_a_rewritten_log_is_refused(tmp_path: Path) -> None:
    _entries(5)
    anchors.sign_anchor()
    exported = _export(tmp_path / "anchors.jsonl")
    tampering.rechain_without(2)
    # Whoever rewrote the log rewrites the anchor in the file to the new hash, but cannot sign it.
    lines = exported.read_text().splitlines()
    forged = json.loads(lines[1]) | {"seq": 4, "hash": AuditEntry.objects.get(seq=4).hash}
    exported.write_text("\n".join([lines[0], json.dumps(forged)]) + "\n")
    with pytest.raises(CommandError, match="is not signed by the trusted key"):
        call_command("audit", "verify", "--anchors", str(exported))


def test_the_key_on_the_command_line_is_trusted_over_the_one_in_the_file(tmp_path: Path) -> None:
    """A file whose header was swapped for the forger's own key verifies only against that key: the auditor's
    own copy of the public key, given with --public-key, refuses it."""
    _entries(3)
    anchors.sign_anchor()
    genuine = anchors.public_key().hex()
    forger_seed = crypto.generate_signing_seed()
    forger_public = crypto.signing_public_key(forger_seed)
    at = timezone.now().replace(microsecond=0)
    entry = AuditEntry.objects.get(seq=3)
    line = {
        "seq": 3,
        "hash": entry.hash,
        "at": at.isoformat(),
        "signature": crypto.sign_detached(forger_seed, anchors.signed_message(3, entry.hash, at)).hex(),
        "key_id": anchors.key_id(forger_public),
    }
    header = {"kind": anchors.EXPORT_KIND, "version": 1, "public_key": forger_public.hex()}
    forged = tmp_path / "forged.jsonl"
    forged.write_text(json.dumps(header) + "\n" + json.dumps(line) + "\n")
    call_command("audit", "verify", "--anchors", str(forged))  # the file vouches for itself
    with pytest.raises(CommandError, match="not signed by the trusted key"):
        call_command("audit", "verify", "--anchors", str(forged), "--public-key", genuine)


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("not json\n", "line 1 is not an anchor"),
        ('{"seq": 1}\n', "line 1 is not an anchor"),
        ('{"seq": 1, "hash": "ab", "at": "yesterday", "signature": "00"}\n', "line 1 is not an anchor"),
        ("", "holds no anchors"),
    ],
)
def test_an_unreadable_anchors_file_is_a_clear_error(tmp_path: Path, content: str, error: str) -> None:
    bad = tmp_path / "anchors.jsonl"
    bad.write_text(content)
    with pytest.raises(CommandError, match=error):
        call_command("audit", "verify", "--anchors", str(bad), "--public-key", "00" * 32)


def test_a_file_without_its_header_needs_a_public_key(tmp_path: Path) -> None:
    _entries(2)
    anchors.sign_anchor()
    bare = tmp_path / "anchors.jsonl"
    bare.write_text("".join(_export(tmp_path / "full.jsonl").read_text().splitlines(keepends=True)[1:]))
    with pytest.raises(CommandError, match="No public key to trust"):
        call_command("audit", "verify", "--anchors", str(bare))
    call_command("audit", "verify", "--anchors", str(bare), "--public-key", anchors.public_key().hex())
    with pytest.raises(CommandError, match="64 hex digits"):
        call_command("audit", "verify", "--anchors", str(bare), "--public-key", "xyz")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("audit", "verify", "--anchors", str(tmp_path / "missing.jsonl"))


def test_housekeeping_signs_an_anchor_at_least_daily() -> None:
    assert housekeeping.call()["anchors"] == 0  # an empty log has nothing to pin
    _entries(2)
    assert housekeeping.call()["anchors"] == 1
    assert housekeeping.call()["anchors"] == 0  # the next one waits a day
    _entries(1)
    assert anchors.anchor_if_due(timezone.now() + timedelta(hours=23)) is None
    later = anchors.anchor_if_due(timezone.now() + timedelta(days=1, minutes=1))
    assert later is not None
    assert AuditAnchor.objects.count() == 2


def test_audit_anchor_command_signs_now(capsys: pytest.CaptureFixture[str]) -> None:
    _entries(1)
    call_command("audit", "anchor")
    assert "Signed anchor of #1" in capsys.readouterr().out
    assert AuditAnchor.objects.get().seq == 1


def test_production_never_generates_a_signing_key(settings, tmp_path: Path) -> None:
    settings.PRODUCTION = True
    settings.AUDIT_ANCHOR_KEY_FILE = tmp_path / "anchor-key"
    _entries(1)
    with pytest.raises(CommandError, match="audit new-key"):
        call_command("audit", "anchor")
    assert not settings.AUDIT_ANCHOR_KEY_FILE.exists()
    call_command("audit", "new-key")
    assert stat.S_IMODE(settings.AUDIT_ANCHOR_KEY_FILE.stat().st_mode) == 0o600
    call_command("audit", "anchor")
    with pytest.raises(CommandError, match="exists already"):
        call_command("audit", "new-key")
