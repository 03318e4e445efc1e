"""Security requirements as system checks: a misconfigured deployment refuses to start.

``embrace serve`` runs every check (with the deploy set in production) before it binds a socket, and Django
runs them before ``migrate``. Errors stop the command; ``check --deploy`` is clean in a correct production
configuration.
"""

from __future__ import annotations

import stat
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register


@register(Tags.security, deploy=False)
def check_security(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    if settings.PRODUCTION:
        if settings.DEBUG:
            errors.append(Error("DEBUG is on in production.", hint="Unset EMBRACE_DEBUG.", id="embrace.E001"))
        if not settings.TLS:
            errors.append(
                Error(
                    "Production without TLS: cookies would travel in clear.",
                    hint="Serve behind TLS and set EMBRACE_TLS=1.",
                    id="embrace.E002",
                )
            )
        if "*" in settings.ALLOWED_HOSTS:
            errors.append(
                Error("ALLOWED_HOSTS accepts any host.", hint="List the real host names.", id="embrace.E003")
            )
        if len(settings.SECRET_KEY) < 50 or len(set(settings.SECRET_KEY)) < 5:
            errors.append(Error("SECRET_KEY is too short or too simple.", id="embrace.E004"))
        if not settings.AUDIT_ANCHOR_KEY_FILE.is_file():
            # Generated only outside production: here a missing key is a misplaced one, and a fresh key would
            # sign anchors no auditor's pinned public key accepts.
            errors.append(
                Error(
                    f"No audit anchor key at {settings.AUDIT_ANCHOR_KEY_FILE}: the audit log's head cannot "
                    "be signed.",
                    hint="Create one with `embrace audit new-key` (it prints the public key auditors pin), "
                    "or point EMBRACE_AUDIT_ANCHOR_KEY_FILE at it.",
                    id="embrace.E009",
                )
            )
    if settings.TLS and not settings.SESSION_COOKIE_SECURE:
        errors.append(Error("TLS is on but session cookies are not Secure.", id="embrace.E005"))
    if settings.TLS and not settings.CSRF_COOKIE_SECURE:
        errors.append(Error("TLS is on but the CSRF cookie is not Secure.", id="embrace.E007"))
    if settings.TLS and settings.SECURE_HSTS_SECONDS < 31536000:
        errors.append(
            Error(
                "TLS is on but HSTS is shorter than a year: a first visit could be downgraded.",
                hint="Set SECURE_HSTS_SECONDS to at least 31536000.",
                id="embrace.E008",
            )
        )
    mode = stat.S_IMODE(settings.DATA_DIR.stat().st_mode)
    if mode & 0o077:
        errors.append(
            Warning(
                f"The data folder {settings.DATA_DIR} is readable by other users (mode {mode:o}).",
                hint="chmod 700 it: it holds the database, uploads and generated secrets.",
                id="embrace.W001",
            )
        )
    if settings.SECURE_REFERRER_POLICY not in ("no-referrer", "same-origin"):
        errors.append(Error("Referrer-Policy must be no-referrer or same-origin.", id="embrace.E006"))
    return errors
