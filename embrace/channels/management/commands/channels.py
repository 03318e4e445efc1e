"""`embrace channels set-webhook --url https://…/`: tell Telegram where to deliver the bot's updates.

Telegram then repeats ``TELEGRAM_WEBHOOK_SECRET`` in the ``X-Telegram-Bot-Api-Secret-Token`` header of every
update, and the webhook refuses any request without it. Run it once at deployment and again whenever the
address or the secret changes.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.channels.telegram_api import Telegram, TelegramError

# The updates the bot reads: messages, edits (answered, not stored twice) and being blocked.
ALLOWED_UPDATES = ("message", "edited_message", "my_chat_member")
# Telegram's rule for a secret token: 1-256 characters of A-Z, a-z, 0-9, _ and -.
SECRET_FORM = re.compile(r"[A-Za-z0-9_-]{1,256}")


class Command(BaseCommand):
    help = (
        "Chat channel tools. `channels set-webhook --url https://HOST/PATH/` registers the Telegram bot's "
        "webhook with the secret token from EMBRACE_TELEGRAM_WEBHOOK_SECRET."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["set-webhook"])
        parser.add_argument("--url", required=True, help="the public https address of the Telegram webhook")
        parser.add_argument(
            "--max-connections",
            type=int,
            default=40,
            help="how many updates Telegram may deliver at once (1-100; default 40)",
        )

    def handle(self, *args: Any, action: str, url: str, max_connections: int, **options: Any) -> None:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise CommandError("The webhook address must start with https:// (Telegram calls only https).")
        if not 1 <= max_connections <= 100:
            raise CommandError("--max-connections must be between 1 and 100.")
        secret = settings.TELEGRAM_WEBHOOK_SECRET
        if not secret:
            raise CommandError("Set EMBRACE_TELEGRAM_WEBHOOK_SECRET (or _FILE) first.")
        if not SECRET_FORM.fullmatch(secret):
            raise CommandError(
                "EMBRACE_TELEGRAM_WEBHOOK_SECRET may hold only letters, digits, _ and - (at most 256)."
            )
        try:
            with Telegram() as telegram:
                telegram.set_webhook(
                    url, secret_token=secret, allowed_updates=ALLOWED_UPDATES, max_connections=max_connections
                )
        except TelegramError as exc:
            raise CommandError(f"Telegram did not set the webhook: {exc.reason}.") from None
        with transaction.atomic():
            record(Event.CHANNEL_WEBHOOK_SET, subject="telegram", host=parts.hostname)
        self.stdout.write(f"Telegram will deliver the bot's updates to {url}")
