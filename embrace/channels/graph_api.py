"""A small client for Meta's Send API (Messenger): the bot's words, staff replies, and attachment downloads.

``POST {GRAPH_API}/me/messages?access_token=<page token>`` with ``recipient.id`` (the page-scoped id),
``messaging_type`` and ``message.text``. The URL carries the page access token, so it is never logged: the
errors raised here name no URL and no recipient, httpx's own request log is held at WARNING (settings
LOGGING), and the httpx exception a failure came from is dropped from the chain.

Errors, for whoever sends (the webhook for the bot's words, the outbox worker for staff replies):
``TryAgain`` — network trouble, a timeout, 5xx or Meta's rate limits: the same message may be sent later
(``retry_after`` seconds, when Meta said or we guess); ``Unreachable`` — the person cannot be messaged (they
blocked the page, deleted their account, or the answering window closed): do not retry, mark the contact;
``Refused`` — anything else Meta refused (a bad page token, a malformed request): do not retry, tell an
administrator. All are ``GraphError``.
"""

from __future__ import annotations

from typing import Any

import httpx
from django.conf import settings

# Meta answers a Send API call in well under a second; a stalled one must not hold a webhook request (Meta
# gives up on a webhook after about 20 seconds) or a worker for long.
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
# The Send API takes at most 2000 characters of text in one message.
MAX_TEXT_CHARS = 2000
# A photo an enquirer sends is at most 25 MB on Messenger.
MAX_DOWNLOAD_BYTES = 25 * 1024 * 1024
# Graph error codes: 4, 17, 32, 613 are rate limits; 2 and 1200 "temporary"; 551 and 10/2018278 "this person
# isn't available" / outside the window in which the page may answer; 200/2018108, 2018109 blocked.
RATE_LIMITED = frozenset({4, 17, 32, 613, 80006})
_TEMPORARY = frozenset({1, 2, 1200})
_UNREACHABLE_CODES = frozenset({551})
_UNREACHABLE_SUBCODES = frozenset({2018001, 2018108, 2018109, 2018278, 1545041})


class GraphError(Exception):
    """The Send API did not take the message. The message (str) says why in words, never with a URL."""

    def __init__(self, reason: str, *, status: int | None = None, code: int | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.code = code


class TryAgain(GraphError):
    def __init__(
        self, reason: str, *, status: int | None = None, code: int | None = None, retry_after: float = 30.0
    ) -> None:
        super().__init__(reason, status=status, code=code)
        self.retry_after = retry_after


class NoAnswer(TryAgain):
    """The request went out and no (understandable) answer came back: Meta may have delivered it. The
    webhook's bot words may simply be dropped; the outbox worker never sends such a reply again."""


class Unreachable(GraphError):
    pass


class Refused(GraphError):
    pass


def _error_of(response: httpx.Response) -> GraphError:
    code = subcode = None
    try:
        error = response.json().get("error") or {}
        code, subcode = error.get("code"), error.get("error_subcode")
    except (ValueError, AttributeError):
        pass
    status = response.status_code
    if status >= 500 or code in _TEMPORARY:
        return TryAgain(f"Messenger answered {status}", status=status, code=code)
    if status == 429 or code in RATE_LIMITED:
        return TryAgain("Messenger's rate limit", status=status, code=code, retry_after=60.0)
    if code in _UNREACHABLE_CODES or subcode in _UNREACHABLE_SUBCODES:
        return Unreachable("the person cannot be reached on Messenger", status=status, code=code)
    if code == 190:
        return Refused("the page access token was refused", status=status, code=code)
    return Refused(f"Messenger refused the message ({status}, code {code})", status=status, code=code)


def send_text(recipient: str, text: str, *, messaging_type: str = "RESPONSE", tag: str | None = None) -> str:
    """Send ``text`` to the page-scoped id ``recipient``; return Meta's message id, or raise a GraphError.

    ``messaging_type`` RESPONSE answers a message received within the last 24 hours; a staff reply later
    than that needs ``messaging_type="MESSAGE_TAG"`` and ``tag="HUMAN_AGENT"`` (seven days).
    """
    token = settings.MESSENGER_PAGE_TOKEN
    if not token:
        raise Refused("no page access token is configured")
    if not text or len(text) > MAX_TEXT_CHARS:
        raise ValueError("a Send API text is 1-2000 characters")
    payload: dict[str, Any] = {
        "recipient": {"id": recipient},
        "messaging_type": messaging_type,
        "message": {"text": text},
    }
    if tag is not None:
        payload["tag"] = tag
    try:
        response = httpx.post(
            f"{settings.GRAPH_API}/me/messages",
            params={"access_token": token},
            json=payload,
            timeout=TIMEOUT,
            follow_redirects=False,
        )
    except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout):
        # Nothing was sent: trying again cannot deliver it twice.
        raise TryAgain("Messenger could not be reached") from None
    except httpx.HTTPError:
        # Sent, but the answer timed out or broke off: it may have arrived.
        raise NoAnswer("Messenger did not answer") from None
    if response.status_code != 200:
        raise _error_of(response)
    try:
        message_id = response.json()["message_id"]
    except (ValueError, KeyError, TypeError):
        raise NoAnswer("Messenger's answer was not understood") from None
    return str(message_id)


def download(url: str, *, max_bytes: int = MAX_DOWNLOAD_BYTES) -> bytes:
    """The file behind an attachment URL from a webhook (Meta's CDN; no token is sent), at most
    ``max_bytes``; TryAgain for network trouble and 5xx, Refused for anything else (an expired URL: 403/404).
    """
    if not (url.startswith("https://") or (settings.TESTING and url.startswith("http://127.0.0.1:"))):
        # Only Meta's HTTPS URLs (and, in tests, the fake on this machine): never plain HTTP elsewhere.
        raise Refused("not an attachment address")
    try:
        with httpx.stream("GET", url, timeout=TIMEOUT, follow_redirects=False) as response:
            if response.status_code >= 500:
                raise TryAgain(f"the attachment server answered {response.status_code}")
            if response.status_code != 200:
                raise Refused(f"the attachment is no longer available ({response.status_code})")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise Refused("the attachment is too large")
                chunks.append(chunk)
    except httpx.TimeoutException:
        raise TryAgain("the attachment server did not answer in time") from None
    except httpx.HTTPError:
        raise TryAgain("the attachment server could not be reached") from None
    return b"".join(chunks)
