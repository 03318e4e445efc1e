"""Whether a chat channel takes messages, and whether the server holds what it needs to run it.

A channel's credentials (bot token, webhook secret, app secret, page token) are settings read from the
environment or from files it names, never the database; this module only says whether each is present,
never what it is. A channel without them cannot be turned on (``actions.request_channel_on``), and the
webhooks answer 404 for it whatever its switch says.
"""

from __future__ import annotations

import threading
import time

from django.conf import settings
from django.db import transaction

from embrace.cases.models import Channel
from embrace.channels.models import Switch

# The settings each chat channel needs before it may be turned on. Read with getattr: the engineers of
# each channel add these settings, and a deployment without one simply cannot turn that channel on.
CREDENTIALS: dict[str, tuple[str, ...]] = {
    Channel.TELEGRAM: ("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET"),
    Channel.MESSENGER: ("MESSENGER_APP_SECRET", "MESSENGER_VERIFY_TOKEN", "MESSENGER_PAGE_TOKEN"),
}


def missing_credentials(channel: str) -> list[str]:
    """The names of the settings this channel still needs (empty when all are set). Never their values."""
    return [name for name in CREDENTIALS[channel] if not getattr(settings, name, None)]


def is_configured(channel: str) -> bool:
    return not missing_credentials(channel)


# How long a process trusts what it last read of a switch. The webhooks ask on every update, and under load
# the query was a tenth of an update's cost. A change made in this process is seen at once (``forget``); one
# made in another process (a second instance, `embrace` on the command line) within this many seconds.
REMEMBER_SECONDS = 2.0

_remembered: dict[str, tuple[bool, float]] = {}
_lock = threading.Lock()


def is_on(channel: str) -> bool:
    """Whether ``channel`` takes messages now: switched on by two administrators and not paused since.

    The webhooks read this on every update; a channel never switched on has no row and is off. The answer
    is at most ``REMEMBER_SECONDS`` old (see ``forget``).
    """
    now = time.monotonic()
    with _lock:
        remembered = _remembered.get(channel)
    if remembered is not None and now - remembered[1] < REMEMBER_SECONDS:
        return remembered[0]
    on = Switch.objects.filter(channel=channel, enabled=True).exists()
    with _lock:
        _remembered[channel] = (on, now)
    return on


def forget() -> None:
    """Read every switch afresh next time. The actions that write a switch call it, at once and again when
    their transaction commits, so that a request of this process that read the old value in between does
    not keep it. (A request reading at the very moment of the commit may keep the old value, at most
    ``REMEMBER_SECONDS``, like another process.)"""
    _clear()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_clear)


def _clear() -> None:
    with _lock:
        _remembered.clear()
