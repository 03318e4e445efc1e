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
import uuid
from collections.abc import Iterator
from typing import BinaryIO

from django.conf import settings

from embrace.vault import crypto

_PURPOSE = b"embrace/channel-outbox/v1"
# The outbox key has one generation and is no compartment: stream envelopes name it with the nil id.
_STREAM_KEY_ID = uuid.UUID(int=0)


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


def seal_stream_for_outbox(source: BinaryIO, sink: BinaryIO) -> int:
    """Stream ``source`` into ``sink`` sealed to the outbox key (a photo waiting to be sent, too large for
    one sealed box in a database row); returns the plaintext size."""
    return crypto.seal_stream(crypto.public_key_of(_private_key()), _STREAM_KEY_ID, source, sink)


def open_stream_from_outbox(source: BinaryIO) -> Iterator[bytes]:
    """The plaintext chunks of what ``seal_stream_for_outbox`` wrote; raises ``crypto.DecryptionError``."""
    private = _private_key()

    def unseal_key(key_id: uuid.UUID, sealed_data_key: bytes) -> bytes:
        if key_id != _STREAM_KEY_ID:
            raise crypto.DecryptionError("not sealed to the outbox key")
        return crypto.unseal(private, sealed_data_key)

    return crypto.open_stream(unseal_key, source)
