"""What every chat channel's webhook does the same way: strict JSON, bounded bodies, constant-time secrets,
bodiless refusals and the bot commands typed as text.

Shared by ``embrace.channels.telegram`` and ``embrace.channels.messenger`` so that a fix to how a body is
bounded or a secret compared reaches both channels at once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.http import HttpRequest, HttpResponse

from embrace.channels import bot


class Malformed(ValueError):
    """Not an update we accept: refused with a 400 and nothing stored."""


class TooLarge(ValueError):
    """A body over the channel's bound: refused with a 413 and nothing read further."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            # Two values for one key: which one a parser keeps differs between parsers.
            raise Malformed("duplicate key")
        result[key] = value
    return result


def _refuse_constant(name: str) -> None:
    raise Malformed(f"not JSON: {name}")


def loads(body: bytes) -> dict[str, Any]:
    """The update as a JSON object, or Malformed: UTF-8 only, no NaN/Infinity, no duplicate keys."""
    try:
        text = body.decode("utf-8")
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise Malformed("not JSON") from exc
    if not isinstance(data, dict):
        raise Malformed("not an object")
    return data


def json_object(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Malformed("not an object")
    return value


def json_string(value: object, *, limit: int) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise Malformed("not a string of the right size")
    return value


def secret_matches(given: str | bytes, expected: str | bytes) -> bool:
    """Whether two secrets are equal, in constant time. Digests of equal length are compared, so the time
    taken says nothing about the length of the guess either."""

    def raw(value: str | bytes) -> bytes:
        return value if isinstance(value, bytes) else value.encode("utf-8", "surrogateescape")

    return hmac.compare_digest(hashlib.sha256(raw(given)).digest(), hashlib.sha256(raw(expected)).digest())


def refusal(status: int) -> HttpResponse:
    # No body worth reading: a forger learns nothing from it, and the channel's servers do not read it.
    response = HttpResponse(status=status, content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response


def read_body(request: HttpRequest, limit: int) -> bytes:
    """The request body, at most ``limit`` bytes: TooLarge for more (declared or sent), Malformed for a
    Content-Length that is not a number. Never reads more than one byte past the limit."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise Malformed("Content-Length") from None
    if declared > limit:
        raise TooLarge
    body = request.read(limit + 1)
    if len(body) > limit:
        raise TooLarge
    return body


def parse_command(text: str) -> tuple[str, str] | None:
    """("start", "en") for "/start en" or "/start@OurBot en"; None when the text is not one of ours."""
    if not text.startswith("/"):
        return None
    head, _, argument = text[1:].partition(" ")
    name = head.split("@", 1)[0].lower()
    return (name, argument.strip().lower()) if name in bot.COMMANDS else None
