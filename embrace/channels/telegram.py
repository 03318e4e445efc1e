"""The Telegram webhook: authenticate, bound, parse strictly, store sealed, then answer 200.

Telegram POSTs each Update as JSON to the URL given to ``setWebhook``, with the secret token we gave it in
the ``X-Telegram-Bot-Api-Secret-Token`` header. The address is public and fixed; the token is the
authentication, checked before anything else (in constant time), so a forged update is refused without its
body being read. Then: the channel's switch (paused → 503, so Telegram keeps the update and retries), the size
(413), strict parsing of the shapes we accept (400 for anything malformed), and ``inbound.receive``, which
stores the message sealed in one transaction. Only then the 200, whose body is the bot's answer as one Bot
API method call (Telegram runs it for us), so the bot's words — the receipt above all — are never stored or
queued.

What we keep of an update is what ``embrace.channels.inbound.InboundMessage`` holds: its number, the chat id
(digested and sealed), the text, photo file ids (sealed to the outbox key) and "my"/"en" of the person's app
language. Names, usernames, phone numbers and dates are dropped unread. Nothing of an update is ever logged.

Updates of kinds we do not take (a channel post, a callback, a group's message) get a 200 with nothing
stored, so Telegram does not deliver them again and again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from embrace.cases.models import Channel
from embrace.channels import bot, inbound, switches
from embrace.channels.webhooks import Malformed, TooLarge, loads, read_body
from embrace.channels.webhooks import json_object as _object
from embrace.channels.webhooks import json_string as _string
from embrace.channels.webhooks import parse_command as _command
from embrace.channels.webhooks import refusal as _refusal
from embrace.channels.webhooks import secret_matches as _secret_matches
from embrace.core.access import public

SECRET_HEADER = "HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN"  # noqa: S105  (a header name, not a secret)
# An update with a full 4096-character message in Burmese (3 bytes a character) and its metadata is under
# 20 KiB; Telegram sends nothing larger to a bot that takes text and photo references.
MAX_BODY_BYTES = 64 * 1024
MAX_TEXT_CHARS = 4096  # Telegram's own limit for a message (a caption: 1024)
MAX_PHOTO_SIZES = 20  # the sizes of one photo Telegram lists (a handful in practice)
MAX_FILE_ID_CHARS = 256
# JSON numbers Telegram uses for ids fit in 52 bits; anything wider is not from Telegram.
MAX_ID = 2**53
# Message kinds we cannot take (voice, stickers, files…): answered politely, nothing stored.
UNSUPPORTED = (
    "sticker",
    "voice",
    "video_note",
    "video",
    "audio",
    "document",
    "animation",
    "contact",
    "location",
    "venue",
    "poll",
    "dice",
    "game",
    "story",
)
# Update kinds Telegram may send that carry nothing for us (acknowledged, nothing stored).
IGNORED_KINDS = (
    "channel_post",
    "edited_channel_post",
    "business_connection",
    "business_message",
    "edited_business_message",
    "deleted_business_messages",
    "message_reaction",
    "message_reaction_count",
    "inline_query",
    "chosen_inline_result",
    "callback_query",
    "shipping_query",
    "pre_checkout_query",
    "purchased_paid_media",
    "poll",
    "poll_answer",
    "chat_member",
    "chat_join_request",
    "chat_boost",
    "removed_chat_boost",
)
MESSAGE_KINDS = ("message", "edited_message")
KNOWN_KINDS = (*MESSAGE_KINDS, "my_chat_member", *IGNORED_KINDS)


# --- What an update becomes ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ignored:
    """A kind of update we take nothing from: 200, nothing stored, no answer."""


@dataclass(frozen=True)
class Command:
    """A bot command (/start, /help, /delete, /english, /burmese): answered, never stored."""

    chat_id: int
    name: str
    argument: str
    language: str


@dataclass(frozen=True)
class Unsupported:
    """A sticker, voice message, file…: answered with "send text or photos", nothing stored."""

    chat_id: int
    language: str


@dataclass(frozen=True)
class Membership:
    """The person blocked ("kicked") or unblocked the bot."""

    chat_id: int
    blocked: bool


@dataclass(frozen=True)
class Text:
    """A message to store: text and/or photos."""

    chat_id: int
    message: inbound.InboundMessage


Parsed = Ignored | Command | Unsupported | Membership | Text


# --- Strict parsing --------------------------------------------------------------------------------------


def _integer(value: object, *, positive: bool = False) -> int:
    # bool is an int in Python; JSON true is not an id.
    if isinstance(value, bool) or not isinstance(value, int) or not -MAX_ID < value < MAX_ID:
        raise Malformed("not an id")
    if positive and value <= 0:
        raise Malformed("not a positive id")
    return value


def _language(sender: object) -> str:
    if sender is None:
        return "my"
    code = _object(sender).get("language_code")
    if code is None:
        return "my"
    # Kept only as "my" or "en": a language tag narrows down who someone is.
    return inbound.language_of(_string(code, limit=35))


def _photo_ref(sizes: object) -> str:
    if not isinstance(sizes, list) or not 1 <= len(sizes) <= MAX_PHOTO_SIZES:
        raise Malformed("not a photo")
    refs = [_string(_object(size).get("file_id"), limit=MAX_FILE_ID_CHARS) for size in sizes]
    if not all(refs):
        raise Malformed("a photo without a file id")
    # Telegram lists one photo's sizes smallest first: the last is the original size.
    return refs[-1]


def _message(update_id: int, raw: object, *, edited: bool) -> Parsed:
    message = _object(raw)
    _integer(message.get("message_id"), positive=True)
    chat = _object(message.get("chat"))
    chat_id = _integer(chat.get("id"))
    chat_type = _string(chat.get("type"), limit=20)
    language = _language(message.get("from"))
    text = message.get("text")
    caption = message.get("caption")
    if text is not None:
        text = _string(text, limit=MAX_TEXT_CHARS)
    if caption is not None:
        caption = _string(caption, limit=MAX_TEXT_CHARS)
    photo = _photo_ref(message["photo"]) if "photo" in message else None
    if text is not None and (caption is not None or photo is not None):
        raise Malformed("a message is text or a photo, not both")
    # A quoted message (reply_to_message, quote, external_reply) is the bot's or the person's own earlier
    # words: never read, never stored again.
    if chat_type != "private":
        # The bot added to a group or channel: other people's words, not an enquiry.
        return Ignored()
    command = _command(text) if text is not None else None
    if command is not None:
        # A command edited afterwards asks nothing new.
        return Ignored() if edited else Command(chat_id, command[0], command[1], language)
    if text is None and photo is None:
        if any(kind in message for kind in UNSUPPORTED) and not edited:
            return Unsupported(chat_id, language)
        # A service message (pinned, chat photo changed…) or an edit of something we did not store.
        return Ignored()
    return Text(
        chat_id,
        inbound.InboundMessage(
            channel=Channel.TELEGRAM,
            update_key=str(update_id),
            account=str(chat_id),
            text=text if text is not None else (caption or ""),
            photos=(photo,) if photo is not None else (),
            language=language,
            edited=edited,
        ),
    )


def _membership(raw: object) -> Parsed:
    change = _object(raw)
    chat = _object(change.get("chat"))
    chat_id = _integer(chat.get("id"))
    status = _string(_object(change.get("new_chat_member")).get("status"), limit=20)
    if _string(chat.get("type"), limit=20) != "private":
        return Ignored()
    if status == "kicked":
        return Membership(chat_id, blocked=True)
    if status == "member":
        return Membership(chat_id, blocked=False)
    return Ignored()


def parse_update(data: dict[str, Any]) -> Parsed:
    """What an Update (already JSON) asks of us, or Malformed. Fields we do not use are not read, so a field
    Telegram adds later changes nothing; fields we use must have exactly the documented type."""
    update_id = _integer(data.get("update_id"), positive=True)
    kinds = [key for key in data if key != "update_id"]
    if len(kinds) != 1:
        # Telegram sends exactly one optional field per update.
        raise Malformed("not one kind of update")
    kind = kinds[0]
    if kind in MESSAGE_KINDS:
        return _message(update_id, data[kind], edited=kind == "edited_message")
    if kind == "my_chat_member":
        return _membership(data[kind])
    if kind in IGNORED_KINDS:
        _object(data[kind])
        return Ignored()
    # A kind Telegram added after this was written: acknowledged and dropped, as documented for bots.
    if not kind.isidentifier():
        raise Malformed("not an update kind")
    return Ignored()


# --- The view ---------------------------------------------------------------------------------------------


def _answer(chat_id: int | None, text: str | None) -> HttpResponse:
    if chat_id is None or text is None:
        return _refusal(200)
    response = JsonResponse({"method": "sendMessage", "chat_id": chat_id, "text": text})
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@public
@csrf_exempt
@never_cache
def webhook(request: HttpRequest) -> HttpResponse:
    expected = settings.TELEGRAM_WEBHOOK_SECRET
    if not expected:
        return _refusal(404)
    if not _secret_matches(request.META.get(SECRET_HEADER, ""), expected):
        return _refusal(403)
    if not switches.is_on(Channel.TELEGRAM):
        # Paused: Telegram keeps the update (about a day) and delivers it again once we answer 2xx.
        response = _refusal(503)
        response["Retry-After"] = "60"
        return response
    try:
        parsed = parse_update(loads(read_body(request, MAX_BODY_BYTES)))
    except TooLarge:
        return _refusal(413)
    except Malformed:
        return _refusal(400)
    try:
        return _respond(parsed)
    except inbound.TryLater:
        response = _refusal(503)
        response["Retry-After"] = "30"
        return response


def _respond(parsed: Parsed) -> HttpResponse:
    """Do what the update asks (store, remember a choice) and answer with the bot's words, if any."""
    if isinstance(parsed, Text):
        received = inbound.receive(parsed.message)
        return _answer(parsed.chat_id, bot.message_answer(received))
    if isinstance(parsed, Command):
        account = str(parsed.chat_id)
        text = bot.command_answer(Channel.TELEGRAM, account, parsed.name, parsed.argument, parsed.language)
        return _answer(parsed.chat_id, text)
    if isinstance(parsed, Unsupported):
        language = inbound.contact_language(Channel.TELEGRAM, str(parsed.chat_id), parsed.language)
        return _answer(parsed.chat_id, bot.unsupported_answer(language))
    if isinstance(parsed, Membership):
        # Blocked: nothing more is sent (replies wait on the case). Telegram would not deliver an answer.
        inbound.mark_unreachable(Channel.TELEGRAM, str(parsed.chat_id), unreachable=parsed.blocked)
    return _answer(None, None)
