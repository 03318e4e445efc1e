"""Security requirements as system checks: a misconfigured deployment refuses to start.

``embrace serve`` runs every check (with the deploy set in production) before it binds a socket, and Django
runs them before ``migrate``. Errors stop the command; ``check --deploy`` is clean in a correct production
configuration.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.utils.module_loading import import_string

from embrace.vault.crypto import FLOOR_MEMLIMIT, FLOOR_OPSLIMIT


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
        errors += _stretching_floors()
        errors += _secrets_closed()
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
                hint="chmod 700 it: it holds the database, uploads and logs.",
                id="embrace.W001",
            )
        )
    errors += _secrets_apart()
    if settings.SECURE_REFERRER_POLICY not in ("no-referrer", "same-origin"):
        errors.append(Error("Referrer-Policy must be no-referrer or same-origin.", id="embrace.E006"))
    return errors


_FLOOR = f"at least {FLOOR_OPSLIMIT} passes over {FLOOR_MEMLIMIT // (1024 * 1024)} MiB"


def _below_floor(opslimit: int, memlimit: int) -> bool:
    return opslimit < FLOOR_OPSLIMIT or memlimit < FLOOR_MEMLIMIT


def _stretching_floors() -> list[CheckMessage]:
    """Argon2id costs under the floor make a stolen wrap, password hash or receipt cheap to guess."""
    errors: list[CheckMessage] = []
    if _below_floor(settings.VAULT_PASSWORD_OPSLIMIT, settings.VAULT_PASSWORD_MEMLIMIT):
        errors.append(
            Error(
                "Staff private keys would be wrapped under a cheap Argon2id of the password.",
                hint=f"Set EMBRACE_VAULT_OPSLIMIT and EMBRACE_VAULT_MEMLIMIT to {_FLOOR}.",
                id="embrace.E020",
            )
        )
    if _below_floor(settings.RECEIPT_OPSLIMIT, settings.RECEIPT_MEMLIMIT):
        errors.append(
            Error(
                "Enquirers' receipts would be stretched with a cheap Argon2id.",
                hint=f"Set EMBRACE_RECEIPT_OPSLIMIT and EMBRACE_RECEIPT_MEMLIMIT to {_FLOOR}.",
                id="embrace.E021",
            )
        )
    hasher = import_string(settings.PASSWORD_HASHERS[0]) if settings.PASSWORD_HASHERS else None
    if not (
        isinstance(hasher, type)
        and issubclass(hasher, Argon2PasswordHasher)
        and not _below_floor(hasher.time_cost, hasher.memory_cost * 1024)
    ):
        errors.append(
            Error(
                "Staff passwords would be hashed with something cheaper than the vault's Argon2id.",
                hint="Keep embrace.accounts.hashers.EmbraceArgon2PasswordHasher first in PASSWORD_HASHERS.",
                id="embrace.E022",
            )
        )
    return errors


@register(Tags.security, deploy=False)
def check_onion_only(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Onion-only mode with no .onion host allowed would refuse every enquirer: say so before starting."""
    errors: list[CheckMessage] = []
    onion_hosts = [host for host in settings.ALLOWED_HOSTS if host.lower().rstrip(".").endswith(".onion")]
    if (settings.ONION_ONLY or settings.STAFF_ONION_ONLY) and not onion_hosts:
        errors.append(
            Error(
                "Onion-only mode is on but no .onion host is allowed: every enquirer would be refused.",
                hint="Add the onion address (the hostname file Tor writes) to EMBRACE_ALLOWED_HOSTS.",
                id="embrace.E040",
            )
        )
    if settings.STAFF_ONION_ONLY and not settings.ONION_ONLY:
        errors.append(
            Error(
                "EMBRACE_STAFF_ONION_ONLY is on without EMBRACE_ONION_ONLY: the enquirer's pages would stay "
                "open on clearnet while the staff's are not.",
                hint="Turn EMBRACE_ONION_ONLY on too, or turn EMBRACE_STAFF_ONION_ONLY off.",
                id="embrace.E041",
            )
        )
    return errors


# --- The secrets folder -------------------------------------------------------------------------------------


def _secret_paths() -> list[Path]:
    """The secrets folder and every file a secret is read from, wherever it was pointed."""
    paths = [
        Path(settings.SECRETS_DIR),
        *map(Path, settings.SECRET_FILES),
        Path(settings.AUDIT_ANCHOR_KEY_FILE),
    ]
    return list(dict.fromkeys(paths))


def _inside(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or lies below it, once symbolic links on either side are followed."""
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def _secrets_apart() -> list[CheckMessage]:
    """Secrets inside the data folder travel with every copy of it: a seized disk image, a volume snapshot,
    a backup. With the blind-index key a copy gives contact numbers by dictionary; with the receipt salt each
    receipt guess costs only the Argon2id (docs/security.md, "A seized disk")."""
    data = Path(settings.DATA_DIR)
    inside = [path for path in _secret_paths() if _inside(path, data)]
    # Name the secrets folder once rather than each file in it.
    inside = [path for path in inside if not any(other != path and _inside(path, other) for other in inside)]
    if not inside:
        return []
    where = ", ".join(str(path) for path in inside)
    level = Error if settings.PRODUCTION else Warning
    return [
        level(
            f"Secrets are kept inside the data folder {data.resolve()} ({where}): whoever copies or seizes "
            "the data folder gets the keys that make contact numbers searchable and receipts guessable.",
            hint="Set EMBRACE_SECRETS_DIR to a folder outside EMBRACE_DATA_DIR (for example "
            "/etc/embrace/secrets, mode 0700, owned by the service user), move the files of the old secrets "
            "folder there, and point any EMBRACE_*_FILE setting there too (docs/deployment.md, Secrets).",
            id="embrace.E030" if settings.PRODUCTION else "embrace.W030",
        )
    ]


def _secrets_closed() -> list[CheckMessage]:
    """Production: a secret another local account can read is as good as published to that account."""
    candidates = _secret_paths()
    folder = Path(settings.SECRETS_DIR)
    if folder.is_dir():
        candidates += [child for child in folder.iterdir() if child.is_file()]
    errors: list[CheckMessage] = []
    for path in dict.fromkeys(candidates):
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            continue  # a missing anchor key is embrace.E009's to report
        if mode & 0o077:
            errors.append(
                Error(
                    f"The secret {'folder' if path.is_dir() else 'file'} {path} can be read by other users "
                    f"(mode {mode:o}).",
                    hint="chmod 700 the secrets folder and 600 every file in it; they belong to the service "
                    "user alone.",
                    id="embrace.E031",
                )
            )
    return errors
