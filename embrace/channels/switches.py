"""Whether a chat channel takes messages, and whether the server holds what it needs to run it.

A channel's credentials (bot token, webhook secret, app secret, page token) are settings read from the
environment or from files it names, never the database; this module only says whether each is present,
never what it is. A channel without them cannot be turned on (``actions.request_channel_on``), and the
webhooks answer 404 for it whatever its switch says.
"""

from __future__ import annotations

from django.conf import settings

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


def is_on(channel: str) -> bool:
    """Whether ``channel`` takes messages now: switched on by two administrators and not paused since.

    The webhooks read this on every update; a channel never switched on has no row and is off.
    """
    return Switch.objects.filter(channel=channel, enabled=True).exists()
