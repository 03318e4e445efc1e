"""A small client for the parts of Telegram's Bot API that Embrace calls, over httpx.

Every error comes out as one exception, ``TelegramError``, that says what the caller may do next: wait and
retry (``retry_after``), never retry (``permanent``: the person blocked the bot, the chat is gone), or not
retry because the message may already have arrived (``maybe_delivered``: the request went out and no answer
came back). Its ``reason`` is plain words for a handler; it never holds the address, the text or the token.

The token is part of every URL (``/bot<token>/<method>``), so nothing here logs a URL, exceptions from
httpx are not chained into ours (their messages carry the URL), and the ``httpx``/``httpcore`` loggers —
which log every request with its URL at INFO — are silenced in ``settings.LOGGING``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx
from django.conf import settings
from django.utils.translation import gettext_noop

# Telegram answers a send within a second or two; a connection that takes longer is one to try again
# later, and a read that takes longer may have been delivered (see ``maybe_delivered``).
TIMEOUT = httpx.Timeout(20.0, connect=5.0)
# The largest file the bot downloads from Telegram (the same bound as a photo sent by the web form).
MAX_DOWNLOAD_BYTES = 10 * 1024 * 1024

# The reasons a handler reads (marked for translation, translated where shown).
BLOCKED = gettext_noop("the person blocked the bot")
CHAT_GONE = gettext_noop("the chat no longer exists")
REFUSED = gettext_noop("Telegram refused the message")
UNREACHABLE = gettext_noop("Telegram could not be reached")
TELEGRAM_DOWN = gettext_noop("Telegram had a fault")
NO_ANSWER = gettext_noop("Telegram did not answer")
TOO_FAST = gettext_noop("Telegram asked us to slow down")
BAD_TOKEN = gettext_noop("the bot's token was refused")
NO_TOKEN = gettext_noop("the bot has no token")
TOO_BIG = gettext_noop("the file is too large")


class TelegramError(Exception):
    """A Bot API call that did not succeed, and what may be done about it."""

    def __init__(
        self,
        reason: str,
        *,
        retry_after: float | None = None,
        permanent: bool = False,
        maybe_delivered: bool = False,
        blocked: bool = False,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.permanent = permanent
        self.maybe_delivered = maybe_delivered
        # The person blocked the bot (or left): the contact is unreachable until they write again.
        self.blocked = blocked


@dataclass(frozen=True)
class TelegramFile:
    file_path: str
    size: int | None


class Telegram:
    """The Bot API for one bot. Pass ``client`` to reuse connections across calls (the worker does)."""

    def __init__(
        self,
        *,
        token: str | None = None,
        base: str | None = None,
        client: httpx.Client | None = None,
        timeout: httpx.Timeout = TIMEOUT,
    ) -> None:
        token = token if token is not None else settings.TELEGRAM_BOT_TOKEN
        if not token:
            raise TelegramError(NO_TOKEN)
        self._token = token
        self._base = (base or settings.TELEGRAM_API).rstrip("/")
        self._timeout = timeout
        self._client = client or httpx.Client(timeout=timeout, follow_redirects=False)
        self._own_client = client is None

    def __repr__(self) -> str:
        return "<Telegram bot client>"  # never the token

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    def __enter__(self) -> Telegram:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the methods Embrace uses ----------------------------------------------------------------------
    def send_message(self, chat_id: int | str, text: str) -> dict[str, Any]:
        return self.call("sendMessage", {"chat_id": chat_id, "text": text})

    def send_photo(self, chat_id: int | str, photo: bytes, *, caption: str = "") -> dict[str, Any]:
        data = {"chat_id": str(chat_id)}
        if caption:
            data["caption"] = caption
        return self.call("sendPhoto", data, files={"photo": ("photo.jpg", photo, "image/jpeg")})

    def get_file(self, file_id: str) -> TelegramFile:
        result = self.call("getFile", {"file_id": file_id})
        path = result.get("file_path") if isinstance(result, dict) else None
        if not isinstance(path, str) or not path or ".." in path:
            raise TelegramError(REFUSED, permanent=True)
        size = result.get("file_size")
        return TelegramFile(path, size if isinstance(size, int) else None)

    def download(self, file: TelegramFile, *, max_bytes: int = MAX_DOWNLOAD_BYTES) -> bytes:
        """The file's bytes, refused (permanently) once it passes ``max_bytes`` — counted as it arrives,
        not trusted from a header."""
        if file.size is not None and file.size > max_bytes:
            raise TelegramError(TOO_BIG, permanent=True)
        url = f"{self._base}/file/bot{self._token}/{file.file_path}"
        try:
            with self._client.stream("GET", url, timeout=self._timeout) as response:
                if response.status_code != 200:
                    raise _status_error(response.status_code, {})
                chunks, total = [], 0
                for chunk in response.iter_bytes():
                    total += len(chunk)
                    if total > max_bytes:
                        raise TelegramError(TOO_BIG, permanent=True)
                    chunks.append(chunk)
                return b"".join(chunks)
        except httpx.TransportError as exc:
            raise _transport_error(exc, sending=False) from None

    def set_webhook(
        self, url: str, *, secret_token: str, allowed_updates: Sequence[str], max_connections: int
    ) -> dict[str, Any]:
        return self.call(
            "setWebhook",
            {
                "url": url,
                "secret_token": secret_token,
                "allowed_updates": list(allowed_updates),
                "max_connections": max_connections,
                # Updates that waited while no webhook was set are kept and delivered, not dropped.
                "drop_pending_updates": False,
            },
        )

    # --- the one place a request is made ---------------------------------------------------------------
    def call(
        self, method: str, params: dict[str, Any], *, files: dict[str, tuple[str, bytes, str]] | None = None
    ) -> Any:
        url = f"{self._base}/bot{self._token}/{method}"
        sending = method in ("sendMessage", "sendPhoto")
        try:
            if files:
                response = self._client.post(url, data=params, files=files, timeout=self._timeout)
            else:
                response = self._client.post(url, json=params, timeout=self._timeout)
        except httpx.TransportError as exc:
            raise _transport_error(exc, sending=sending) from None
        try:
            body = response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            body = {}
        if not isinstance(body, dict):
            body = {}
        if response.status_code == 200 and body.get("ok") is True:
            return body.get("result")
        raise _status_error(response.status_code, body)


def _transport_error(exc: httpx.TransportError, *, sending: bool) -> TelegramError:
    # Before the request was sent (no connection), trying again cannot send a message twice. After it
    # was sent (no answer, or a broken answer), Telegram may have delivered it: a send is not repeated.
    before_sending = isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)
    if before_sending or not sending:
        return TelegramError(UNREACHABLE if before_sending else NO_ANSWER)
    return TelegramError(NO_ANSWER, maybe_delivered=True)


def _status_error(status: int, body: dict[str, Any]) -> TelegramError:
    description = str(body.get("description", "")).lower()
    if status == 429:
        parameters = body.get("parameters")
        retry_after = parameters.get("retry_after") if isinstance(parameters, dict) else None
        seconds = float(retry_after) if isinstance(retry_after, int | float) and retry_after >= 0 else 5.0
        return TelegramError(TOO_FAST, retry_after=seconds)
    if status == 403:
        return TelegramError(BLOCKED, permanent=True, blocked=True)
    if status == 400 and "chat not found" in description:
        return TelegramError(CHAT_GONE, permanent=True, blocked=True)
    if status in (401, 404):
        # A token revoked or mistyped: every send fails alike until an operator fixes it, so they are
        # retried (with back-off, within the bounded time) rather than given up one by one.
        return TelegramError(BAD_TOKEN)
    if status >= 500:
        return TelegramError(TELEGRAM_DOWN)
    # Any other 4xx: the same request will be refused again.
    return TelegramError(REFUSED, permanent=True)
