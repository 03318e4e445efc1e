"""Anchors: the audit chain's head, signed at least daily with a key that is not in the database.

The chain alone shows that entries fit together, not that they are the entries that were written: whoever can
write to the database can delete one entry and re-chain everything after it. An anchor pins (seq, hash) at a
moment under an Ed25519 signature made with a key kept in a file (``settings.AUDIT_ANCHOR_KEY_FILE``). An
auditor who keeps exported anchors and the public key outside the server can then show that the chain before
the newest anchor is the one that was signed (``embrace audit verify --anchors``).

The verifier trusts only the public key it is given (on the command line, or pinned in the export the auditor
kept), never one read back from the database or the server's key file.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from embrace.audit.events import Event
from embrace.audit.log import Verdict, record, verify_chain
from embrace.audit.models import GENESIS, AuditAnchor, AuditEntry, AuditHead
from embrace.vault import crypto

EXPORT_KIND = "embrace-audit-anchors"
EXPORT_VERSION = 1


class AnchorKeyMissing(Exception):
    """Production has no anchor key file: it is never generated there (see embrace.E009)."""


# --- The signing key ----------------------------------------------------------------------------------------


def _key_path() -> Path:
    return Path(settings.AUDIT_ANCHOR_KEY_FILE)


def create_signing_key() -> bytes:
    """Write a new signing key to its file (mode 0600) and return its public key; never over an existing one,
    whose anchors auditors may already have pinned."""
    path = _key_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    seed = crypto.generate_signing_seed()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # FileExistsError if there is one
    with os.fdopen(fd, "w") as handle:
        handle.write(seed.hex() + "\n")
    return crypto.signing_public_key(seed)


def _signing_seed() -> bytes:
    """The signing key from its file; generated at first use outside production."""
    path = _key_path()
    if not path.exists() and not settings.PRODUCTION:
        # Another process may make it first: then read theirs.
        with contextlib.suppress(FileExistsError):
            create_signing_key()
    try:
        seed = bytes.fromhex(path.read_text().strip())
    except FileNotFoundError:
        raise AnchorKeyMissing(f"no audit anchor key at {path}") from None
    except ValueError:
        raise AnchorKeyMissing(f"the audit anchor key at {path} is not a hex-encoded key") from None
    if len(seed) != crypto.SIGNING_SEED_BYTES:
        raise AnchorKeyMissing(f"the audit anchor key at {path} is not {crypto.SIGNING_SEED_BYTES} bytes")
    return seed


def key_id(public_key: bytes) -> str:
    """A short name for a public key, so an anchor says which key signed it."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def public_key() -> bytes:
    return crypto.signing_public_key(_signing_seed())


# --- Signing ------------------------------------------------------------------------------------------------


def signed_message(seq: int, head_hash: str, at: datetime.datetime) -> bytes:
    """What an anchor's signature covers; versioned so the format can change without ambiguity."""
    return f"embrace-audit-anchor:v1\n{seq}\n{head_hash}\n{at.isoformat()}".encode()


def sign_anchor() -> AuditAnchor:
    """Sign the chain's head now, store the anchor and record that it was made."""
    seed = _signing_seed()
    public = crypto.signing_public_key(seed)
    with transaction.atomic():
        head = AuditHead.objects.select_for_update().filter(pk=1).first() or AuditHead(seq=0, hash=GENESIS)
        at = timezone.now().replace(microsecond=0)
        signature = crypto.sign_detached(seed, signed_message(head.seq, head.hash, at))
        anchor = AuditAnchor.objects.create(
            seq=head.seq, hash=head.hash, at=at, signature=signature.hex(), key_id=key_id(public)
        )
        # The anchor's own entry comes after the seq it pins, so the next anchor covers it.
        record(Event.AUDIT_ANCHORED, subject=f"audit.anchor:{anchor.pk}", seq=anchor.seq, key=anchor.key_id)
    return anchor


def anchor_if_due(now: datetime.datetime | None = None) -> AuditAnchor | None:
    """Housekeeping's step: a new anchor when there is none yet or the newest is older than the interval."""
    now = now or timezone.now()
    newest = AuditAnchor.objects.order_by("-at").first()
    if newest is not None and now - newest.at < settings.AUDIT_ANCHOR_EVERY:
        return None
    if newest is None and not AuditEntry.objects.exists():
        return None  # an empty log has nothing to pin
    return sign_anchor()


# --- Exporting and checking ---------------------------------------------------------------------------------


def anchor_line(anchor: AuditAnchor) -> dict[str, object]:
    return {
        "seq": anchor.seq,
        "hash": anchor.hash,
        "at": anchor.at.isoformat(),
        "signature": anchor.signature,
        "key_id": anchor.key_id,
    }


def export_lines(anchors: Iterable[AuditAnchor]) -> Iterator[str]:
    """JSON lines: a header pinning the public key, then one anchor a line, oldest first."""
    public = public_key()
    header = {
        "kind": EXPORT_KIND,
        "version": EXPORT_VERSION,
        "public_key": public.hex(),
        "key_id": key_id(public),
    }
    yield json.dumps(header) + "\n"
    for anchor in anchors:
        yield json.dumps(anchor_line(anchor)) + "\n"


class AnchorFileError(ValueError):
    """The anchors file cannot be read as an export."""


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str
    at: datetime.datetime
    signature: bytes
    key_id: str

    def describe(self) -> str:
        return f"the anchor of #{self.seq} signed {self.at.isoformat()}"


def parse_export(text: str) -> tuple[bytes | None, list[Anchor]]:
    """The pinned public key (if the file has a header) and the anchors of an export file."""
    pinned: bytes | None = None
    anchors: list[Anchor] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if item.get("kind") == EXPORT_KIND:
                if item.get("version") != EXPORT_VERSION:
                    raise AnchorFileError(f"line {number}: unknown export version {item.get('version')!r}")
                pinned = parse_public_key(str(item["public_key"]))
                continue
            anchors.append(
                Anchor(
                    seq=int(item["seq"]),
                    hash=str(item["hash"]),
                    at=datetime.datetime.fromisoformat(item["at"]),
                    signature=bytes.fromhex(item["signature"]),
                    key_id=str(item.get("key_id", "")),
                )
            )
        except AnchorFileError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise AnchorFileError(f"line {number} is not an anchor ({exc.__class__.__name__})") from None
    return pinned, sorted(anchors, key=lambda a: (a.seq, a.at))


def parse_public_key(text: str) -> bytes:
    """A public key given as 64 hex digits."""
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        raise AnchorFileError("a public key is 64 hex digits") from None
    if len(key) != 32:
        raise AnchorFileError("a public key is 64 hex digits")
    return key


def verify_with_anchors(anchors: list[Anchor], trusted_key: bytes) -> Verdict:
    """Every anchor's signature under ``trusted_key``, then the chain, which must have each anchored hash at
    its anchored seq. The first anchor that does not fit is named."""
    for anchor in anchors:
        message = signed_message(anchor.seq, anchor.hash, anchor.at)
        if not crypto.signature_is_valid(trusted_key, message, anchor.signature):
            return Verdict(False, 0, f"{anchor.describe()} is not signed by the trusted key", anchor.seq)
    pins: dict[int, list[tuple[str, str]]] = {}
    for anchor in anchors:
        pins.setdefault(anchor.seq, []).append((anchor.hash, anchor.describe()))
    verdict = verify_chain(pins)
    if not verdict.ok:
        return verdict
    newest = f", the newest pins #{anchors[-1].seq}" if anchors else ""
    return Verdict(True, verdict.entries, f"{verdict.message}; {len(anchors)} signed anchors fit{newest}")
