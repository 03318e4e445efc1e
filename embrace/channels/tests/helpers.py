"""Feeding the Telegram webhook recorded updates (tests/updates/*.json, written from the Bot API's documented
Update format with made-up ids), as Telegram's servers would POST them."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from django.test import Client

from embrace.cases.models import Attachment, Case, Message
from embrace.channels.models import Contact, InboundFile, Outgoing, SeenUpdate

UPDATES = Path(__file__).parent / "updates"
URL = "/hooks/telegram/"
SECRET = "test-webhook_SECRET-0123456789"
CHAT_ID = 555000111
_MYANMAR_DIGITS = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")


def update(
    name: str,
    *,
    update_id: int | None = None,
    chat_id: int | None = None,
    text: str | None = None,
    language: str | None = None,
) -> dict[str, Any]:
    """A recorded update, with its number, chat, text or app language changed where asked."""
    data: dict[str, Any] = copy.deepcopy(json.loads((UPDATES / f"{name}.json").read_text()))
    if update_id is not None:
        data["update_id"] = update_id
    body = next(v for k, v in data.items() if k != "update_id")
    if chat_id is not None:
        body["chat"]["id"] = chat_id
        body["from"]["id"] = chat_id
    if text is not None:
        body["caption" if "caption" in body else "text"] = text
    if language is not None:
        body["from"]["language_code"] = language
    return data


def post(
    client: Client, payload: dict[str, Any] | bytes, *, secret: str | None = SECRET, **extra: Any
) -> Any:
    """POST an update as Telegram does: JSON, with the secret token header (None: without it)."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
    headers = {} if secret is None else {"HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN": secret}
    return client.post(URL, data=body, content_type="application/json", **headers, **extra)


def answer(response: Any) -> dict[str, Any]:
    """The bot's answer: the one Bot API method call in the webhook's response body."""
    assert response.status_code == 200, (response.status_code, response.content[:300])
    data: dict[str, Any] = json.loads(response.content)
    assert data["method"] == "sendMessage"
    return data


def receipt_in(text: str) -> str:
    """The 16 digits of a receipt in the bot's words, Latin or Myanmar digits."""
    match = re.search(r"([0-9၀-၉]{4} [0-9၀-၉]{4} [0-9၀-၉]{4} [0-9၀-၉]{4})", text)
    assert match, text
    return match.group(1).translate(_MYANMAR_DIGITS).replace(" ", "")


def stored_counts() -> dict[str, int]:
    """How many rows of everything an update could make."""
    return {
        model.__name__: model.objects.count()
        for model in (Case, Message, Attachment, Contact, SeenUpdate, InboundFile, Outgoing)
    }
