"""The channels' outbox key: what waits to be sent to (or fetched from) a chat channel, sealed at rest.

A staff member's reply to an enquirer on Telegram or Messenger leaves from the task worker, which holds no
staff key. So the reply and the enquirer's chat address are sealed, in the staff member's request, to a key
pair derived from ``settings.CHANNEL_OUTBOX_KEY`` — a secret in the secrets folder, never in the database —
and the worker opens them just before sending. The sealed payload is emptied as soon as it has been sent or
given up (embrace.channels), so the key opens only what is still on its way.

What this protects against: a copy of the database (or a backup) alone opens nothing in the outbox. What it
does not: someone holding both the database and the secrets folder reads what is waiting at that moment, as
they could read it by watching the worker send it.
"""

from __future__ import annotations

import hashlib

from django.conf import settings

from embrace.vault import crypto

_PURPOSE = b"embrace/channel-outbox/v1"


def _private_key() -> bytes:
    # Read on every call, like the blind-index key: a changed setting takes effect, and tests can show it.
    secret: str = settings.CHANNEL_OUTBOX_KEY
    return hashlib.blake2b(secret.encode(), key=_PURPOSE, digest_size=32).digest()


def seal_for_outbox(data: bytes) -> bytes:
    """Seal ``data`` so that only a holder of the outbox secret opens it (an anonymous sealed box)."""
    return crypto.seal_to(crypto.public_key_of(_private_key()), data)


def open_outbox(sealed: bytes) -> bytes:
    """Open what ``seal_for_outbox`` sealed; raises ``crypto.DecryptionError`` for anything else."""
    return crypto.unseal(_private_key(), sealed)
