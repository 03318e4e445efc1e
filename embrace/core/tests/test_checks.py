"""A misconfigured production deployment refuses to start: the system checks say why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from embrace.core.checks import check_security
from embrace.vault import anchors

MiB = 1024 * 1024

GOOD_PRODUCTION: dict[str, Any] = {
    "PRODUCTION": True,
    "DEBUG": False,
    "TLS": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 63072000,
    "ALLOWED_HOSTS": ["embrace.example.org"],
    "SECRET_KEY": "kR3v-9sQx_Lm2Pz8WcYt4Hn7Jb1Fd6Ga0Ue5Io" * 2,
    "SECURE_REFERRER_POLICY": "no-referrer",
    # The deployed Argon2id costs (the suite itself runs cheaper ones).
    "VAULT_PASSWORD_OPSLIMIT": 3,
    "VAULT_PASSWORD_MEMLIMIT": 64 * MiB,
    "RECEIPT_OPSLIMIT": 2,
    "RECEIPT_MEMLIMIT": 64 * MiB,
    "PASSWORD_HASHERS": ["embrace.accounts.hashers.EmbraceArgon2PasswordHasher"],
}


@pytest.fixture(autouse=True)
def _anchor_key() -> None:
    """A deployment that was set up: its anchor key exists (outside production it is made at first use)."""
    anchors.public_key()


def _ids(**changes: Any) -> set[str]:
    with override_settings(**{**GOOD_PRODUCTION, **changes}):
        return {message.id for message in check_security()}


def test_good_production_configuration_passes() -> None:
    assert _ids() == set()


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"DEBUG": True}, "embrace.E001"),
        ({"TLS": False, "SESSION_COOKIE_SECURE": False, "CSRF_COOKIE_SECURE": False}, "embrace.E002"),
        ({"ALLOWED_HOSTS": ["*"]}, "embrace.E003"),
        ({"SECRET_KEY": "short"}, "embrace.E004"),
        ({"SECRET_KEY": "ab" * 40}, "embrace.E004"),
        ({"SESSION_COOKIE_SECURE": False}, "embrace.E005"),
        ({"SECURE_REFERRER_POLICY": "origin"}, "embrace.E006"),
        ({"CSRF_COOKIE_SECURE": False}, "embrace.E007"),
        ({"SECURE_HSTS_SECONDS": 3600}, "embrace.E008"),
        ({"VAULT_PASSWORD_MEMLIMIT": 32 * MiB}, "embrace.E020"),
        ({"VAULT_PASSWORD_OPSLIMIT": 1}, "embrace.E020"),
        ({"RECEIPT_MEMLIMIT": 32 * MiB}, "embrace.E021"),
        ({"RECEIPT_OPSLIMIT": 1}, "embrace.E021"),
        ({"PASSWORD_HASHERS": ["embrace.accounts.hashers.CheapArgon2PasswordHasher"]}, "embrace.E022"),
        ({"PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"]}, "embrace.E022"),
        ({"PASSWORD_HASHERS": []}, "embrace.E022"),
        ({"AUDIT_ANCHOR_KEY_FILE": Path("/nonexistent/audit-anchor-key")}, "embrace.E009"),
    ],
)
def test_each_misconfiguration_is_an_error(changes: dict[str, Any], error: str) -> None:
    assert _ids(**changes) == {error}


def test_the_suite_s_cheap_argon2id_costs_are_refused_in_production() -> None:
    with override_settings(PRODUCTION=True):
        ids = {message.id for message in check_security()}
    assert {"embrace.E020", "embrace.E021", "embrace.E022"} <= ids


def test_debug_outside_production_is_allowed() -> None:
    assert "embrace.E001" not in _ids(PRODUCTION=False, DEBUG=True)


def test_open_data_folder_is_a_warning(settings: Any, tmp_path: Any) -> None:
    tmp_path.chmod(0o755)
    settings.DATA_DIR = tmp_path
    assert "embrace.W001" in {m.id for m in check_security()}


def test_errors_stop_management_commands() -> None:
    with (
        override_settings(**{**GOOD_PRODUCTION, "DEBUG": True}),
        pytest.raises(SystemCheckError, match="E001"),
    ):
        call_command("check")
