"""The Messenger (Facebook Page) webhook: verify the signature, bound, parse strictly, store sealed, answer.

Meta calls one public address two ways. GET is the subscription handshake, made when the webhook is saved in
the Meta app: ``hub.mode=subscribe``, ``hub.verify_token`` (compared in constant time with
``MESSENGER_VERIFY_TOKEN``) and ``hub.challenge``, echoed back only when the token matches. POST carries
events, signed: ``X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body with the app secret>``. The body is
read (bounded, 413) and the signature checked in constant time before a byte of it is parsed, so a forged
event costs one HMAC and is refused (403). Then the switch (paused → 503, Meta keeps the event and retries),
strict parsing (400, nothing stored) and ``inbound.receive`` per message, as for Telegram.

Meta batches: one POST may carry several entries, each with its ``messaging`` events. Every event is parsed
before any is stored, so a malformed batch stores nothing. A batch cut short by ``TryLater`` answers 503 and
Meta delivers it all again; the messages already stored are recognised by their message id and stored once.

What we keep of an event is what ``InboundMessage`` holds: a keyed digest of the message id (``mid``, never in
clear: it is Meta's handle on the message), the sender's page-scoped id (digested and sealed), the text and
image URLs (sealed to the outbox key). Messenger sends no name, no language and no phone number in a webhook;
its timestamps are dropped. Nothing of an event is ever logged.

The bot's words cannot ride in the webhook's answer on Messenger: they are sent through the Send API
(``graph_api.send_text``) right after the message's transaction has committed, and never stored or queued.
If that call fails, the person gets no answer to that message — for a first message, no receipt; their next
message joins the same case and is answered "Received", and staff replies still reach them on Messenger.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from embrace.cases.models import Channel
from embrace.channels import bot, graph_api, inbound, switches
from embrace.channels.webhooks import (
    Malformed,
    TooLarge,
    json_object,
    json_string,
    loads,
    parse_command,
    read_body,
    refusal,
    secret_matches,
)
from embrace.core.access import public
from embrace.vault.blind import blind_index

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "HTTP_X_HUB_SIGNATURE_256"
# Meta batches events of a busy page into one POST; a message's text is at most 2000 characters (6 KB of
# Burmese) with a few hundred bytes around it. 256 KiB holds dozens of events; a larger body is not ours.
MAX_BODY_BYTES = 256 * 1024
MAX_ENTRIES = 100
MAX_EVENTS = 100
MAX_TEXT_CHARS = 20_000
MAX_ATTACHMENTS = 10
MAX_URL_CHARS = 4096
MAX_MID_CHARS = 512
# A page-scoped id, a page id: digits only, as Meta sends them (as JSON strings).
_ID = re.compile(r"[0-9]{1,32}")
# Meta's challenge is a number; anything else is not echoed, so the handshake can reflect no markup.
_CHALLENGE = re.compile(r"[A-Za-z0-9_.-]{1,256}")
# Events of a messaging entry we take nothing from: acknowledged, nothing stored.
IGNORED_KINDS = (
    "delivery",
    "read",
    "reaction",
    "referral",
    "optin",
    "account_linking",
    "message_edit",
    "policy_enforcement",
    "pass_thread_control",
    "take_thread_control",
    "request_thread_control",
    "app_roles",
    "game_play",
    "response_feedback",
)


# --- What an event becomes --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ignored:
    """An echo of our own send, a delivery or read receipt…: nothing stored, no answer."""


@dataclass(frozen=True)
class Command:
    """A bot command typed as text ("/help"), or the Get Started button: answered, never stored."""

    psid: str
    name: str
    argument: str


@dataclass(frozen=True)
class Unsupported:
    """A sticker, voice message, video, file or location: answered "send text or photos", nothing stored."""

    psid: str


@dataclass(frozen=True)
class Text:
    """A message to store: text and/or images."""

    psid: str
    message: inbound.InboundMessage


Parsed = Ignored | Command | Unsupported | Text


# --- Signature and handshake ------------------------------------------------------------------------------


def signature_of(body: bytes, secret: str) -> str:
    """The X-Hub-Signature-256 value Meta sends with ``body``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_matches(body: bytes, header: str, secret: str) -> bool:
    return secret_matches(header, signature_of(body, secret))


def mid_key(mid: str) -> str:
    """The dedupe key of a message id: a keyed digest, so the table of seen updates holds no Meta handle."""
    return blind_index("messenger_mid", mid)


# --- Strict parsing --------------------------------------------------------------------------------------


def _id(value: object) -> str:
    text = json_string(value, limit=32)
    if not _ID.fullmatch(text):
        raise Malformed("not an id")
    return text


def _image_url(attachment: dict[str, Any]) -> str | None:
    payload = json_object(attachment.get("payload"))
    if "sticker_id" in payload:
        # A sticker (the thumbs-up among them) comes as an image with a sticker id: not an enquiry's photo.
        return None
    url = json_string(payload.get("url"), limit=MAX_URL_CHARS)
    if not url.startswith(("https://", "http://")):
        raise Malformed("not an attachment address")
    return url


def _message(psid: str, raw: object) -> Parsed:
    message = json_object(raw)
    is_echo = message.get("is_echo", False)
    if not isinstance(is_echo, bool):
        raise Malformed("is_echo")
    mid = json_string(message.get("mid"), limit=MAX_MID_CHARS)
    if not mid:
        raise Malformed("a message without an id")
    if is_echo:
        # Our own send (the bot's answer, a staff reply) coming back: already ours, nothing to store.
        return Ignored()
    text = message.get("text")
    if text is not None:
        text = json_string(text, limit=MAX_TEXT_CHARS)
    attachments = message.get("attachments", [])
    if not isinstance(attachments, list) or len(attachments) > MAX_ATTACHMENTS:
        raise Malformed("attachments")
    images: list[str] = []
    other = False
    for raw_attachment in attachments:
        attachment = json_object(raw_attachment)
        kind = json_string(attachment.get("type"), limit=30)
        url = _image_url(attachment) if kind == "image" else None
        if url is None:
            other = True
        else:
            images.append(url)
    # A quoted message (reply_to), a quick reply's payload: never read.
    if text is not None and not images:
        command = parse_command(text)
        if command is not None:
            return Command(psid, command[0], command[1])
    if not text and not images:
        return Unsupported(psid) if other else Ignored()
    return Text(
        psid,
        inbound.InboundMessage(
            channel=Channel.MESSENGER,
            update_key=mid_key(mid),
            account=psid,
            text=text or "",
            photos=tuple(images),
            # Messenger's webhook says nothing of the person's language: Burmese until they ask.
            language="my",
        ),
    )


def _event(raw: object) -> Parsed:
    event = json_object(raw)
    sender = _id(json_object(event.get("sender")).get("id"))
    _id(json_object(event.get("recipient")).get("id"))
    kinds = [key for key in event if key not in ("sender", "recipient", "timestamp")]
    if len(kinds) != 1:
        raise Malformed("not one kind of event")
    kind = kinds[0]
    if kind == "message":
        return _message(sender, event[kind])
    if kind == "postback":
        # The Get Started button (or any button we never sent): answered with the greeting.
        json_object(event[kind])
        return Command(sender, "start", "")
    if kind in IGNORED_KINDS:
        json_object(event[kind])
        return Ignored()
    if not kind.isidentifier():
        raise Malformed("not an event kind")
    # A kind Meta added after this was written: acknowledged and dropped.
    return Ignored()


def parse_events(data: dict[str, Any]) -> list[Parsed]:
    """Every event of a webhook body, in order, or Malformed for the whole body. Fields we do not use are
    not read; fields we use must have exactly the documented type."""
    if data.get("object") != "page":
        raise Malformed("not a page's events")
    entries = data.get("entry")
    if not isinstance(entries, list) or not 1 <= len(entries) <= MAX_ENTRIES:
        raise Malformed("entry")
    parsed: list[Parsed] = []
    for raw_entry in entries:
        entry = json_object(raw_entry)
        _id(entry.get("id"))
        if "messaging" in entry:
            events = entry["messaging"]
            if not isinstance(events, list) or len(events) > MAX_EVENTS:
                raise Malformed("messaging")
            parsed.extend(_event(event) for event in events)
        elif "standby" in entry or "changes" in entry:
            # Another app holds the conversation (handover protocol), or a change to the page itself.
            continue
        else:
            raise Malformed("an entry without events")
    return parsed


# --- The view ---------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@public
@csrf_exempt
@never_cache
def webhook(request: HttpRequest) -> HttpResponse:
    app_secret, verify_token = settings.MESSENGER_APP_SECRET, settings.MESSENGER_VERIFY_TOKEN
    if not (app_secret and verify_token and settings.MESSENGER_PAGE_TOKEN):
        return refusal(404)
    if request.method == "GET":
        return _handshake(request, verify_token)
    try:
        body = read_body(request, MAX_BODY_BYTES)
    except TooLarge:
        return refusal(413)
    except Malformed:
        return refusal(400)
    if not signature_matches(body, request.META.get(SIGNATURE_HEADER, ""), app_secret):
        return refusal(403)
    if not switches.is_on(Channel.MESSENGER):
        # Paused: Meta keeps the events and delivers them again once we answer 200.
        response = refusal(503)
        response["Retry-After"] = "60"
        return response
    try:
        events = parse_events(loads(body))
    except Malformed:
        return refusal(400)
    try:
        for event in events:
            _respond(event)
    except inbound.TryLater:
        response = refusal(503)
        response["Retry-After"] = "30"
        return response
    return refusal(200)


def _handshake(request: HttpRequest, verify_token: str) -> HttpResponse:
    mode = request.GET.get("hub.mode", "")
    token = request.GET.get("hub.verify_token", "")
    challenge = request.GET.get("hub.challenge", "")
    if mode != "subscribe" or not secret_matches(token, verify_token):
        return refusal(403)
    if not _CHALLENGE.fullmatch(challenge):
        return refusal(400)
    response = HttpResponse(challenge, content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response


def _respond(parsed: Parsed) -> None:
    """Do what the event asks (store, remember a choice), then send the bot's words, if any."""
    if isinstance(parsed, Text):
        # receive() commits before it returns: the answer goes out only for a message already stored.
        received = inbound.receive(parsed.message)
        _send(parsed.psid, bot.message_answer(received))
    elif isinstance(parsed, Command):
        if parsed.name == "delete":
            language = inbound.contact_language(Channel.MESSENGER, parsed.psid, "my")
            _send(parsed.psid, delete_answer(language))
        else:
            _send(
                parsed.psid,
                bot.command_answer(Channel.MESSENGER, parsed.psid, parsed.name, parsed.argument, "my"),
            )
    elif isinstance(parsed, Unsupported):
        language = inbound.contact_language(Channel.MESSENGER, parsed.psid, "my")
        _send(parsed.psid, bot.unsupported_answer(language))


def delete_answer(language: str) -> str:
    """How to delete the conversation, and what Meta sees (bot.py's /delete speaks of Telegram)."""
    with translation.override(language):
        return "\n\n".join(
            (
                _(
                    "To delete this conversation from your phone: in Messenger, press and hold this "
                    "conversation, then choose Delete. Do not block the page if you want to read our answers "
                    "here; you can also read them %(where)s with your receipt."
                )
                % {"where": bot._where()},  # the same words as the bot's own /delete
                _(
                    "What you wrote stays sealed with the programme: only the staff who handle your case can "
                    "read it. Meta (Facebook) knows that your account wrote to this page and can see this "
                    "conversation."
                ),
            )
        )


def _send(psid: str, text: str) -> None:
    """Send the bot's words; a failure is logged without the person or the words and otherwise dropped:
    the message is already stored, and answering Meta with an error would only make it deliver the event
    again (then answered "we already have this message")."""
    try:
        graph_api.send_text(psid, text)
    except graph_api.GraphError as exc:
        logger.warning("Messenger: the bot's answer could not be sent: %s", exc)
