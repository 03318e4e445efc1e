"""One-time form tokens: flood resistance that needs no JavaScript and no record of who asked.

A token is a signed random nonce with its issue time. It proves the form came from us, lets us measure
how long the form was open (bots fill forms in milliseconds), and can be spent once: the spent nonce's hash
is kept until the token would have expired anyway.

A form sent back to be sent again (spent, expired, refused) gets a new token that carries the time the
person already spent on it: without that, following our own "send it again" advice within a few seconds
would look like a robot and send a real enquiry to quarantine.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

_SALT = "embrace.intake.form-token"
_MAX_CREDIT_SECONDS = 24 * 3600


@dataclass(frozen=True)
class TokenCheck:
    valid: bool
    digest: str = ""
    seconds_open: float = 0.0


def issue(carried_seconds: float = 0.0) -> str:
    """A new token; ``carried_seconds`` is time already spent on this form under an earlier token."""
    # A day is more than any robot test needs to be passed; the cap only keeps the number small.
    credit = max(0, min(int(carried_seconds), _MAX_CREDIT_SECONDS))
    return signing.dumps([secrets.token_urlsafe(16), int(time.time()), credit], salt=_SALT, compress=False)


def _load(token: str, max_age: int | None) -> tuple[str, float] | None:
    try:
        nonce, issued, *rest = signing.loads(token, salt=_SALT, max_age=max_age)
        credit = float(rest[0]) if rest else 0.0
        return str(nonce), time.time() - float(issued) + credit
    except (signing.BadSignature, ValueError, TypeError, IndexError):
        return None


def check(token: str) -> TokenCheck:
    loaded = _load(token, settings.INTAKE_FORM_MAX_AGE_SECONDS)
    if loaded is None:
        return TokenCheck(False)
    nonce, seconds_open = loaded
    return TokenCheck(True, hashlib.sha256(nonce.encode()).hexdigest(), seconds_open)


def renew(token: str) -> str:
    """A new token for a form sent back to its sender, carrying the time spent on it under ``token``.

    Only a token we signed carries time (an expired one too: its holder was clearly not a fast robot);
    anything else starts from zero, like a new form.
    """
    loaded = _load(token, None)
    return issue(loaded[1] if loaded else 0.0)
