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


# --- The secrets folder: apart from the data folder, closed to other users ----------------------------------


def _checks(**changes: Any) -> list[Any]:
    with override_settings(**{**GOOD_PRODUCTION, **changes}):
        return check_security()


def test_the_suite_keeps_its_secrets_outside_its_data_folder(settings: Any) -> None:
    """The suite runs as production is laid out, so its own checks stay quiet (no embrace.W030)."""
    data = settings.DATA_DIR.resolve()
    assert data not in settings.SECRETS_DIR.resolve().parents
    assert "embrace.W030" not in {m.id for m in check_security()}


def test_production_secrets_inside_the_data_folder_is_an_error_saying_what_to_set(settings: Any) -> None:
    inside = settings.DATA_DIR / "secrets"
    inside.mkdir(mode=0o700, exist_ok=True)
    [message] = _checks(SECRETS_DIR=inside)
    assert message.id == "embrace.E030"
    assert str(inside) in message.msg
    assert "EMBRACE_SECRETS_DIR" in message.hint
    assert "outside EMBRACE_DATA_DIR" in message.hint


def test_production_secrets_folder_equal_to_the_data_folder_is_an_error(settings: Any) -> None:
    # The data folder's own files (the test database) may also draw E031 here: what matters is E030.
    assert "embrace.E030" in _ids(SECRETS_DIR=settings.DATA_DIR)


def test_a_secrets_folder_symlinked_into_the_data_folder_is_found(settings: Any, tmp_path: Path) -> None:
    target = settings.DATA_DIR / "hidden-secrets"
    target.mkdir(mode=0o700, exist_ok=True)
    link = tmp_path / "secrets"  # looks outside; is not
    link.symlink_to(target)
    assert _ids(SECRETS_DIR=link) == {"embrace.E030"}


def test_a_data_folder_reached_through_a_symlink_is_found(settings: Any, tmp_path: Path) -> None:
    (tmp_path / "data").symlink_to(settings.SECRETS_DIR.parent)  # the secrets folder lies below it
    assert "embrace.E030" in _ids(DATA_DIR=tmp_path / "data")


def test_an_anchor_key_file_pointed_into_the_data_folder_is_an_error(settings: Any) -> None:
    key = settings.DATA_DIR / "audit-anchor-key"
    key.write_text("00" * 32)
    key.chmod(0o600)
    [message] = _checks(AUDIT_ANCHOR_KEY_FILE=key)
    assert message.id == "embrace.E030"
    assert str(key) in message.msg


def test_secrets_inside_the_data_folder_outside_production_is_a_warning(settings: Any) -> None:
    ids = _ids(PRODUCTION=False, SECRETS_DIR=settings.DATA_DIR / "secrets")
    assert "embrace.W030" in ids
    assert "embrace.E030" not in ids


def _secrets_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "secrets"
    folder.mkdir(mode=0o700)
    (folder / "blind-index-key").write_text("k")
    (folder / "blind-index-key").chmod(0o600)
    return folder


def test_a_closed_secrets_folder_passes(tmp_path: Path) -> None:
    assert _ids(SECRETS_DIR=_secrets_folder(tmp_path)) == set()


def test_a_group_readable_secrets_folder_is_refused_in_production(tmp_path: Path) -> None:
    folder = _secrets_folder(tmp_path)
    folder.chmod(0o750)
    [message] = _checks(SECRETS_DIR=folder)
    assert message.id == "embrace.E031"
    assert "750" in message.msg


def test_a_world_readable_secret_file_is_refused_in_production(tmp_path: Path) -> None:
    folder = _secrets_folder(tmp_path)
    (folder / "blind-index-key").chmod(0o644)
    [message] = _checks(SECRETS_DIR=folder)
    assert message.id == "embrace.E031"
    assert "blind-index-key" in message.msg
