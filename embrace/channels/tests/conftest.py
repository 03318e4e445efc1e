from __future__ import annotations

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from embrace.cases.models import Channel
from embrace.channels.models import Switch
from embrace.channels.tests.helpers import SECRET
from embrace.intake.models import IntakeRoute


@pytest.fixture
def telegram(settings: Settings, intake_route: IntakeRoute) -> None:
    """The webhook configured with its secret and the channel switched on (as two administrators would)."""
    settings.TELEGRAM_WEBHOOK_SECRET = SECRET
    Switch.objects.update_or_create(channel=Channel.TELEGRAM, defaults={"enabled": True})


@pytest.fixture
def bot_client() -> Client:
    """Telegram's servers: a client with no cookie, no session and no CSRF token, on a site that
    enforces CSRF: the webhook must be exempt."""
    return Client(enforce_csrf_checks=True)


# Messenger's fixtures (Meta's client, the channel configured, the fake Graph API) live beside its helpers.
from embrace.channels.tests.messenger_helpers import graph, messenger, meta  # noqa: E402, F401
