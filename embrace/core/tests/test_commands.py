"""The command-line side: `embrace demo`, `embrace init`, and `embrace serve` refusing a bad configuration."""

from __future__ import annotations

import base64
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts.models import RoleAssignment, Team, User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.log import verify_chain
from embrace.audit.models import AuditEntry
from embrace.core.management.commands import demo
from embrace.vault import keyring as vault_keyring

EMBRACE = Path(sys.executable).with_name("embrace")

# Every role, some twice or three times (each two-person step needs two different people).
ACCOUNTS = len(demo.ACCOUNTS)


@pytest.fixture
def data_dir(settings, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


def run_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def read_credentials(data_dir: Path) -> list[dict]:
    return json.loads((data_dir / "demo-credentials.json").read_text())


def code_for(secret: str) -> str:
    """What an authenticator app shows for this base32 secret right now."""
    return f"{totp(base64.b32decode(secret)):06d}"


def log_in(username: str, password: str, secret: str) -> Client:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": username, "password": password})
    assert response.status_code == 302, response.content[:300]
    assert response.url == reverse("accounts:login_code")
    response = client.post(reverse("accounts:login_code"), {"code": code_for(secret)})
    assert response.status_code == 302, response.content[:300]
    return client


# --- embrace demo -------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_demo_writes_credentials_file_mode_0600_even_with_a_permissive_umask(data_dir: Path) -> None:
    previous = os.umask(0)
    try:
        run_demo()
    finally:
        os.umask(previous)
    mode = stat.S_IMODE((data_dir / "demo-credentials.json").stat().st_mode)
    assert mode == 0o600
    assert not [p for p in data_dir.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.django_db
def test_demo_creates_one_account_per_role_with_the_documented_shape(data_dir: Path) -> None:
    output = run_demo()
    rows = read_credentials(data_dir)
    assert all(set(row) == {"username", "password", "totp_secret", "roles"} for row in rows)
    # At least one account per role, each with exactly the roles the file says.
    assert {role for row in rows for role in row["roles"]} == {r.value for r in Role}
    assert len(rows) == ACCOUNTS
    assert {row["username"] for row in rows} >= {
        "demo-handler",
        "demo-administrator",
        "demo-administrator-2",
        "demo-auditor",
    }
    for row in rows:
        user = User.objects.get(username=row["username"])
        assert {r.value for r in user.roles} == set(row["roles"])
        assert not user.must_change_password
        assert len(row["password"]) >= 16
        assert len(base64.b32decode(row["totp_secret"])) >= 20
        # The printed table carries the same credentials.
        assert row["password"] in output
        assert row["totp_secret"] in output
    assert set(Team.objects.values_list("name", flat=True)) >= {
        "Intake — North",
        "Intake — South",
        "Passage team",
        "Vetting",
        "Reward committee",
    }
    assert AuditEntry.objects.filter(event=Event.DEMO_SEEDED).count() == 1


@pytest.mark.django_db
def test_demo_run_twice_keeps_the_same_accounts_and_credentials(data_dir: Path) -> None:
    run_demo()
    first = read_credentials(data_dir)
    counts = (User.objects.count(), Team.objects.count(), TOTPDevice.objects.count())
    output = run_demo()
    assert read_credentials(data_dir) == first
    assert (User.objects.count(), Team.objects.count(), TOTPDevice.objects.count()) == counts
    assert RoleAssignment.objects.count() == ACCOUNTS
    assert f"0 created, 0 re-issued, {ACCOUNTS} kept" in output
    assert verify_chain().ok


@pytest.mark.django_db
def test_demo_credentials_log_in_through_the_real_views(data_dir: Path) -> None:
    run_demo()
    run_demo()  # the second run must not invalidate what the first wrote
    for row in read_credentials(data_dir):
        client = log_in(row["username"], row["password"], row["totp_secret"])
        response = client.get(reverse("accounts:home"))
        assert response.status_code == 200
        assert row["username"] in response.content.decode()


@pytest.mark.django_db
def test_demo_reissues_working_credentials_when_the_file_was_lost(data_dir: Path) -> None:
    run_demo()
    old = {row["username"]: row for row in read_credentials(data_dir)}
    (data_dir / "demo-credentials.json").unlink()
    output = run_demo()
    assert f"0 created, {ACCOUNTS} re-issued" in output
    new = {row["username"]: row for row in read_credentials(data_dir)}
    assert new.keys() == old.keys()
    assert User.objects.count() == ACCOUNTS
    handler = new["demo-handler"]
    assert handler["password"] != old["demo-handler"]["password"]
    user = User.objects.get(username="demo-handler")
    assert not user.check_password(old["demo-handler"]["password"])
    # The key pair was re-made under the new password, so the vault opens with it.
    vault_keyring.unlock_with_password(user, handler["password"])
    log_in("demo-handler", handler["password"], handler["totp_secret"])


@pytest.mark.django_db
def test_demo_reissues_only_the_account_whose_password_no_longer_matches(data_dir: Path) -> None:
    run_demo()
    before = {row["username"]: row for row in read_credentials(data_dir)}
    user = User.objects.get(username="demo-analyst")
    user.set_password("changed by someone in the staff pages")
    user.save()
    output = run_demo()
    after = {row["username"]: row for row in read_credentials(data_dir)}
    assert f"0 created, 1 re-issued, {ACCOUNTS - 1} kept" in output
    assert after["demo-analyst"]["password"] != before["demo-analyst"]["password"]
    assert after["demo-handler"] == before["demo-handler"]
    log_in("demo-analyst", after["demo-analyst"]["password"], after["demo-analyst"]["totp_secret"])


@pytest.mark.django_db
def test_demo_refuses_to_run_in_production(data_dir: Path, settings) -> None:
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        run_demo()
    assert not User.objects.exists()
    assert not (data_dir / "demo-credentials.json").exists()


@pytest.mark.django_db
def test_demo_ignores_a_corrupt_credentials_file(data_dir: Path) -> None:
    (data_dir / "demo-credentials.json").write_text("{not json")
    run_demo()
    assert len(read_credentials(data_dir)) == ACCOUNTS


def test_credentials_reader_skips_malformed_rows(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        json.dumps(
            [{"username": "a"}, "x", {"username": "b", "password": "p", "totp_secret": "S", "roles": []}]
        )
    )
    assert list(demo.read_credentials(path)) == ["b"]


# --- embrace init -------------------------------------------------------------------------------------------


def run_init(*args: str) -> str:
    out = io.StringIO()
    call_command("init", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_init_creates_the_first_administrator_and_shows_the_recovery_key_once(tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("a long and unusual passphrase 9\n")
    output = run_init("--username", "root-admin", "--password-file", str(secret))
    user = User.objects.get(username="root-admin")
    assert user.roles == {Role.ADMINISTRATOR}
    assert user.check_password("a long and unusual passphrase 9")
    assert not user.must_change_password
    assert "shown this once" in output
    recovery_key = output.split("never again")[1].split("\n\n")[1].strip()
    vault_keyring.unlock_with_recovery_key(user, recovery_key)


@pytest.mark.django_db
def test_init_refuses_a_second_administrator(tmp_path: Path) -> None:
    run_init("--generate-password")
    with pytest.raises(CommandError, match="already exists"):
        run_init("--username", "another", "--generate-password")
    assert not User.objects.filter(username="another").exists()
    assert RoleAssignment.objects.filter(role=Role.ADMINISTRATOR).count() == 1


@pytest.mark.django_db
def test_init_generated_password_is_printed_and_logs_in_to_totp_enrolment() -> None:
    output = run_init("--generate-password")
    password = output.split("not stored anywhere): ")[1].split()[0]
    response = Client().post(reverse("accounts:login"), {"username": "admin", "password": password})
    assert response.status_code == 302
    assert response.url == reverse("accounts:enrol")


@pytest.mark.django_db
def test_init_refuses_a_weak_password(tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("password\n")
    with pytest.raises(CommandError, match="Password refused"):
        run_init("--password-file", str(secret))
    assert not User.objects.exists()


@pytest.mark.django_db
def test_init_refuses_different_passwords_at_the_prompt(monkeypatch) -> None:
    answers = iter(["first long passphrase 12", "second long passphrase 12"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setattr("sys.stdin", io.StringIO())
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    with pytest.raises(CommandError, match="differ"):
        run_init()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_init_without_a_terminal_asks_for_a_password_source(monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO())
    with pytest.raises(CommandError, match="--password-file"):
        run_init()


@pytest.mark.django_db
def test_init_reports_an_unreadable_password_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Cannot read"):
        run_init("--password-file", str(tmp_path / "missing"))


# --- embrace serve refuses an insecure configuration -------------------------------------------------------


def embrace_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a real deployment: no test mode, its own data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMBRACE_", "PYTEST", "DATABASE_URL"))}
    env.update(EMBRACE_DATA_DIR=str(data_dir), **extra)
    return env


def test_serve_refuses_to_start_in_production_with_debug_on(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(EMBRACE), "serve", "--bind", "127.0.0.1:9"],
        env=embrace_env(tmp_path / "data", EMBRACE_PRODUCTION="1", EMBRACE_DEBUG="1"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "embrace.E001" in result.stderr
    assert "Embrace is starting" not in result.stdout


def test_serve_refuses_to_start_on_an_unmigrated_database(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(EMBRACE), "serve", "--bind", "127.0.0.1:9"],
        env=embrace_env(tmp_path / "data"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "embrace migrate" in result.stderr


@pytest.mark.django_db
def test_demo_routes_public_enquiries_to_a_team_whose_officer_can_read_them(tmp_path, settings) -> None:
    from embrace.intake.models import IntakeRoute

    settings.DATA_DIR = tmp_path
    call_command("demo", stdout=io.StringIO())
    call_command("demo", stdout=io.StringIO())
    route = IntakeRoute.objects.get()
    assert route.active
    assert route.team.members.filter(role_assignments__role=Role.INTAKE_OFFICER).exists()
