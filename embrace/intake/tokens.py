"""One-time form tokens: flood resistance that needs no JavaScript and no record of who asked.

A token is a signed random nonce with its issue time. It proves the form came from us, lets us measure
how long the form was open (bots fill forms in milliseconds), and can be spent once: the spent nonce's hash
is kept until the token would have expired anyway.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

_SALT = "embrace.intake.form-token"


@dataclass(frozen=True)
class TokenCheck:
    valid: bool
    digest: str = ""
    seconds_open: float = 0.0


def issue() -> str:
    return signing.dumps([secrets.token_urlsafe(16), int(time.time())], salt=_SALT, compress=False)


def check(token: str) -> TokenCheck:
    try:
        nonce, issued = signing.loads(token, salt=_SALT, max_age=settings.INTAKE_FORM_MAX_AGE_SECONDS)
    except (signing.BadSignature, ValueError, TypeError):
        return TokenCheck(False)
    digest = hashlib.sha256(str(nonce).encode()).hexdigest()
    return TokenCheck(True, digest, time.time() - float(issued))
