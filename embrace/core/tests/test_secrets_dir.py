"""The secrets folder, through real processes: where secrets are generated, and a production start that
refuses secrets kept inside the data folder (what `embrace check --deploy` says to an operator)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EMBRACE = Path(sys.executable).parent / "embrace"
SECRET_NAMES = {"django-secret-key", "receipt-salt", "blind-index-key", "channel-outbox-key"}


def _env(data_dir: Path, **extra: str) -> dict[str, str]:
    """A real deployment's environment: no test mode, its own data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMBRACE_", "PYTEST", "DATABASE_URL"))}
    env.update(EMBRACE_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="embrace.settings", **extra)
    return env


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EMBRACE), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _load_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "import embrace.settings"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_secrets_are_generated_in_the_secrets_folder_and_not_in_the_data_folder(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets"
    secrets.mkdir(mode=0o700)
    result = _load_settings(_env(tmp_path / "data", EMBRACE_SECRETS_DIR=str(secrets)))
    assert result.returncode == 0, result.stderr
    assert {path.name for path in secrets.iterdir()} == SECRET_NAMES
    assert not (tmp_path / "data" / "secrets").exists()
    assert all(path.stat().st_mode & 0o077 == 0 for path in secrets.iterdir())


def test_development_keeps_secrets_in_the_data_folder_by_default(tmp_path: Path) -> None:
    result = _load_settings(_env(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert {path.name for path in (tmp_path / "data" / "secrets").iterdir()} == SECRET_NAMES


def test_production_refuses_a_secrets_folder_that_is_not_there(tmp_path: Path) -> None:
    """An unmounted secrets volume must not be filled with fresh secrets that orphan every receipt."""
    missing = tmp_path / "not-mounted"
    result = _load_settings(_env(tmp_path / "data", EMBRACE_PRODUCTION="1", EMBRACE_SECRETS_DIR=str(missing)))
    assert result.returncode != 0
    assert f"EMBRACE_SECRETS_DIR: {missing} does not exist" in result.stderr
    assert not missing.exists()


def _production(data: Path, **extra: str) -> dict[str, str]:
    env = _env(data, EMBRACE_PRODUCTION="1", EMBRACE_ALLOWED_HOSTS="embrace.example", **extra)
    created = _run(
        env, "audit", "new-key"
    )  # as docs/deployment.md has the operator do before the first start
    assert created.returncode == 0, created.stderr
    return env


def test_production_check_fails_with_secrets_inside_the_data_folder(tmp_path: Path) -> None:
    result = _run(_production(tmp_path / "data"), "check", "--deploy")
    assert result.returncode != 0
    assert "embrace.E030" in result.stderr
    assert f"inside the data folder {tmp_path / 'data'}" in result.stderr
    assert "Set EMBRACE_SECRETS_DIR to a folder outside EMBRACE_DATA_DIR" in result.stderr


def test_production_check_passes_with_secrets_apart_as_the_deployment_guide_says(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets"
    secrets.mkdir(mode=0o700)
    env = _production(tmp_path / "data", EMBRACE_SECRETS_DIR=str(secrets))
    result = _run(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert (secrets / "audit-anchor-key").is_file()
