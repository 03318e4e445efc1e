"""Suspected-plant flags as one sealed log per case (issue 9, item 10).

The log is a JSON list sealed to the case's vetting compartment and padded to a multiple of ``PAD`` bytes, so
the envelope's length does not count the flags either. Only the clear yes/no ``CaseVetting.plant_flag_stands``
is left for the passage gate. Reading the log takes a key to the vetting file; writing it too (a flag is
added to what is there), which is why raising and clearing take the reviewer's keyring.
"""

from __future__ import annotations

import base64
import datetime
import json
import uuid
from dataclasses import asdict, dataclass, replace

from django.utils.translation import gettext

from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring, NoAccess
from embrace.vault.models import Compartment

# One page of log holds a few flags with their reasons; a case with many flags shows a longer envelope, which
# says no more than "some vetting happened".
PAD = 2048


@dataclass(frozen=True)
class Flag:
    """One suspected-plant flag, as opened from the log. User ids as strings, dates as dates."""

    pk: uuid.UUID
    raised_by: str
    raised_on: datetime.date
    note: str
    cleared_by: str | None = None
    cleared_on: datetime.date | None = None
    cleared_note: str | None = None

    @property
    def active(self) -> bool:
        return self.cleared_by is None

    def cleared(self, by: str, on: datetime.date, note: str) -> Flag:
        return replace(self, cleared_by=by, cleared_on=on, cleared_note=note)


def _encode(flags: list[Flag]) -> bytes:
    rows = []
    for flag in flags:
        row = asdict(flag)
        row["pk"] = str(flag.pk)
        row["raised_on"] = flag.raised_on.isoformat()
        row["cleared_on"] = flag.cleared_on.isoformat() if flag.cleared_on else None
        rows.append(row)
    text = json.dumps(rows, ensure_ascii=False).encode()
    # Trailing spaces are valid JSON whitespace: the padding needs no framing of its own.
    return text + b" " * (-len(text) % PAD)


def _text(keyring: Keyring, value: str | dict[str, str] | None) -> str | None:
    """A reason as text. Flags moved by migration 0004 carry their reason as the envelope it already was
    (the migration holds no key to open it); the reader's keyring opens it here, and the next write of the
    log stores it opened, inside the log's own envelope."""
    if value is None or isinstance(value, str):
        return value
    try:
        return keyring.open(base64.b64decode(value["sealed"])).decode()
    except NoAccess:
        return gettext("(sealed with an older key of the vetting file that you do not hold)")


def _decode(keyring: Keyring, plain: bytes) -> list[Flag]:
    flags = []
    for row in json.loads(plain.decode()):
        flags.append(
            Flag(
                pk=uuid.UUID(row["pk"]),
                raised_by=row["raised_by"],
                raised_on=datetime.date.fromisoformat(row["raised_on"]),
                note=_text(keyring, row["note"]) or "",
                cleared_by=row["cleared_by"],
                cleared_on=datetime.date.fromisoformat(row["cleared_on"]) if row["cleared_on"] else None,
                cleared_note=_text(keyring, row["cleared_note"]),
            )
        )
    return flags


def seal_log(compartment: Compartment, flags: list[Flag]) -> bytes:
    """The log as an envelope for the compartment's current key (needs no private key)."""
    return vault.seal(compartment, _encode(flags))


def open_log(keyring: Keyring, envelope: bytes | memoryview) -> list[Flag]:
    """The flags in the log, oldest first; raises ``NoAccess`` for a reader without the vetting key.

    An empty envelope (a purged case's, or a vetting file opened before the log existed) has no flags.
    """
    raw = bytes(envelope)
    if not raw:
        return []
    return _decode(keyring, keyring.open(raw))
