"""A chat channel switched on without its credentials stops a production start, and a webhook secret Telegram
would refuse is refused at start; neither check reads a database that is not migrated yet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import Error, Warning
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from embrace.cases.models import Channel
from embrace.channels.checks import check_channels_on_have_credentials, check_telegram_webhook_secret
from embrace.channels.models import Switch

pytestmark = pytest.mark.django_db

NO_CREDENTIALS = {
    "TELEGRAM_BOT_TOKEN": None,
    "TELEGRAM_WEBHOOK_SECRET": None,
    "MESSENGER_APP_SECRET": None,
    "MESSENGER_VERIFY_TOKEN": None,
    "MESSENGER_PAGE_TOKEN": None,
}
APP_SECRET = "MARKER-APP-SECRET-5521"


def _on(channel: str) -> None:
    Switch.objects.update_or_create(channel=channel, defaults={"enabled": True})


def _messages() -> list:
    return check_channels_on_have_credentials(databases=["default"])


@override_settings(PRODUCTION=True, **NO_CREDENTIALS)
def test_a_channel_on_without_its_credentials_is_an_error_in_production() -> None:
    _on(Channel.TELEGRAM)
    [message] = _messages()
    assert isinstance(message, Error)
    assert message.id == "embrace.E050"
    assert "EMBRACE_TELEGRAM_BOT_TOKEN" in message.msg
    assert "EMBRACE_TELEGRAM_WEBHOOK_SECRET" in message.msg
    assert "pause" in (message.hint or "")


@override_settings(PRODUCTION=False, **NO_CREDENTIALS)
def test_a_channel_on_without_its_credentials_is_a_warning_outside_production() -> None:
    _on(Channel.TELEGRAM)
    [message] = _messages()
    assert isinstance(message, Warning)
    assert message.id == "embrace.W050"


@override_settings(PRODUCTION=True, **{**NO_CREDENTIALS, "MESSENGER_APP_SECRET": APP_SECRET})
def test_the_message_names_only_the_missing_settings_never_a_value() -> None:
    _on(Channel.MESSENGER)
    [message] = _messages()
    said = message.msg + (message.hint or "")
    assert "EMBRACE_MESSENGER_PAGE_TOKEN" in said
    assert "EMBRACE_MESSENGER_VERIFY_TOKEN" in said
    assert "EMBRACE_MESSENGER_APP_SECRET" not in said
    assert APP_SECRET not in said


@override_settings(PRODUCTION=True, **NO_CREDENTIALS)
def test_a_paused_or_never_switched_on_channel_needs_no_credentials() -> None:
    Switch.objects.create(channel=Channel.MESSENGER, enabled=False)
    assert _messages() == []


@override_settings(
    PRODUCTION=True,
    TELEGRAM_BOT_TOKEN="123:MARKER-TOKEN",
    TELEGRAM_WEBHOOK_SECRET="MARKER-SECRET",
)
def test_a_channel_on_with_its_credentials_passes() -> None:
    _on(Channel.TELEGRAM)
    assert _messages() == []


@override_settings(PRODUCTION=True, **NO_CREDENTIALS)
def test_the_check_stops_a_command_that_checks_the_database() -> None:
    _on(Channel.TELEGRAM)
    with pytest.raises(SystemCheckError, match=r"embrace\.E050"):
        call_command("check", databases=["default"], tags=["database"])


@override_settings(PRODUCTION=True, **NO_CREDENTIALS)
def test_without_databases_to_check_the_database_is_not_read() -> None:
    # Plain `embrace check` (CI checks a fresh deployment before any migrate) never touches the database.
    _on(Channel.TELEGRAM)
    assert check_channels_on_have_credentials(databases=None) == []


def test_a_database_not_yet_migrated_passes_the_check(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMBRACE_", "PYTEST", "DATABASE_URL"))}
    env.update(EMBRACE_DATA_DIR=str(tmp_path / "data"), DJANGO_SETTINGS_MODULE="embrace.settings")
    done = subprocess.run(
        [sys.executable, "-m", "django", "check", "--database", "default", "--tag", "database"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "secret",
    ["", "has spaces", "ümlaut", "semi;colon", "x" * 257],
    ids=["empty", "space", "8bit", "semi", "long"],
)
def test_a_webhook_secret_telegram_would_refuse_is_an_error(secret: str) -> None:
    with override_settings(TELEGRAM_WEBHOOK_SECRET=secret):
        [message] = check_telegram_webhook_secret()
    assert message.id == "embrace.E051"
    assert secret == "" or secret not in message.msg + (message.hint or "")


@pytest.mark.parametrize("secret", [None, "a", "A-z_09" * 40, "x" * 256])
def test_a_webhook_secret_telegram_accepts_passes(secret: str | None) -> None:
    with override_settings(TELEGRAM_WEBHOOK_SECRET=secret):
        assert check_telegram_webhook_secret() == []
