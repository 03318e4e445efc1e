"""Blind indexes: keyed hashes of normalised identifiers, to match cases without decrypting them.

A phone number, a service number or a name is recorded in a case's sealed identity compartment, which the
server cannot read. To notice that two enquiries give the same phone number, each identifier is also stored as
``HMAC-SHA256(key, kind, value)``. The key lives in the secrets folder (or ``EMBRACE_BLIND_INDEX_KEY_FILE``),
never in the database: Myanmar phone numbers are about a billion values, which an unkeyed hash would give away
to anyone with a database dump or a backup in seconds.

What a digest still reveals, by design: equal identifiers give equal digests, so a copy of the database
shows which cases share a phone number (without saying which number). That link is the whole point of the
index. A full disk image that includes the key file allows the same dictionary attack as no key at all (every
Myanmar mobile number in hours of one core: docs/security.md, 1a), so production refuses the secrets folder
inside the data folder (embrace.E030); keep it on another mount or in a secret store.

Digests are truncated to 128 bits (32 hex characters). Accidental collisions stay negligible (about n²/2¹²⁹:
below 10⁻²⁶ for a million entries), so a duplicate signal is never a coincidence of the hash. Truncating much
further would not hide the link between cases sharing a value, but it would start linking strangers; keeping
the full 256 bits would only make the index larger.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DIGEST_HEX_CHARS = 32
# A generated key is 43 characters (32 random bytes, URL-safe base64); a hand-set one must not be weaker.
MIN_KEY_CHARS = 32
# Bumping the version changes every digest: existing entries must then be rebuilt from the sealed identities.
_PURPOSE = b"embrace/blind-index/v1"
_KIND = re.compile(r"[a-z][a-z_]{0,31}")


def _key() -> bytes:
    # Read on every call (it is cheap) so that a changed setting takes effect and tests can show it matters.
    key: str = settings.BLIND_INDEX_KEY
    if len(key) < MIN_KEY_CHARS:
        raise ImproperlyConfigured(f"BLIND_INDEX_KEY must be at least {MIN_KEY_CHARS} characters")
    return key.encode()


def blind_index(kind: str, normalised_value: str) -> str:
    """The keyed digest of one identifier, as hex. ``kind`` separates domains: a phone number and a service
    number with the same digits never share a digest.

    The value must already be normalised (``embrace.cases.duplicates`` does that): this function only hashes.
    """
    if not _KIND.fullmatch(kind):
        raise ValueError(f"not an identifier kind: {kind!r}")
    if not normalised_value:
        # An empty value would link every case that left the field blank.
        raise ValueError("an empty identifier has no blind index")
    # The kind is NUL-terminated and cannot contain NUL, so (kind, value) pairs map to distinct messages.
    message = b"\0".join((_PURPOSE, kind.encode(), normalised_value.encode()))
    return hmac.new(_key(), message, hashlib.sha256).hexdigest()[:DIGEST_HEX_CHARS]
