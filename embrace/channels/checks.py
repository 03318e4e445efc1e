"""The chat channels' configuration as system checks: a channel that is on must be able to run.

A channel two administrators switched on (``Switch.enabled``) whose credentials the deployment lost (a
secret file not mounted after a move, an environment variable dropped) answers 404 to every update: Telegram
and Meta retry for a while and then give up, so people who write are silently lost. In production that stops
the start (``embrace.E050``); elsewhere it is a warning (``embrace.W050``). The message names the settings
to set, never their values.

The switches live in the database, which ``embrace check`` may run before ``embrace migrate`` (CI checks a
fresh deployment; ``migrate`` itself runs the checks first). So the switch check reads the database only
when Django passes it the databases to check (``check --database``, ``migrate``, ``embrace preflight``), and
only once the switches' table exists: a database not yet migrated has no channel on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.db import connections

from embrace.channels.models import CHAT_CHANNELS, Switch
from embrace.channels.switches import missing_credentials

# What Telegram's setWebhook accepts as secret_token: 1-256 characters of A-Z, a-z, 0-9, _ and -.
WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def _setting_names(name: str) -> str:
    return f"EMBRACE_{name} (or EMBRACE_{name}_FILE)"


def _switched_on(alias: str) -> list[str]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    if Switch._meta.db_table not in tables:
        return []  # not migrated yet: no channel can be on
    return list(Switch.objects.using(alias).filter(enabled=True).values_list("channel", flat=True))


@register(Tags.security, Tags.database, deploy=False)
def check_channels_on_have_credentials(
    app_configs: Any = None, databases: Sequence[str] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    if not databases:
        return []
    level, code = (Error, "embrace.E050") if settings.PRODUCTION else (Warning, "embrace.W050")
    messages: list[CheckMessage] = []
    names_of = dict(CHAT_CHANNELS)
    for channel in sorted({channel for alias in databases for channel in _switched_on(alias)}):
        missing = missing_credentials(channel)
        if not missing:
            continue
        names = ", ".join(_setting_names(name) for name in missing)
        verb = "is" if len(missing) == 1 else "are"
        messages.append(
            level(
                f"The {names_of.get(channel, channel)} channel is switched on but {names} {verb} not set: "
                "every message people send on it would be refused and lost.",
                hint=f"Set {names} (docs/deployment.md, Chat channels) and restart, or have an "
                "administrator pause the channel on the Chat channels page until they are set.",
                id=code,
            )
        )
    return messages


@register(Tags.security, deploy=False)
def check_telegram_webhook_secret(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """``settings`` refuses a bad secret read from the environment; this catches one set any other way (a
    local settings module), before setWebhook would be refused by Telegram."""
    secret = settings.TELEGRAM_WEBHOOK_SECRET
    if secret is None or WEBHOOK_SECRET.fullmatch(secret):
        return []
    return [
        Error(
            "EMBRACE_TELEGRAM_WEBHOOK_SECRET is not a secret Telegram accepts: it must be 1 to 256 "
            "characters of A-Z, a-z, 0-9, _ and -.",
            hint="Make a new one (`python3 -c 'import secrets; print(secrets.token_urlsafe(48))'`), set it, "
            "and register it with `embrace channels set-webhook` (docs/deployment.md, The Telegram bot).",
            id="embrace.E051",
        )
    ]
