"""What the bot says: the greeting and the web form's questions, help, how to delete the chat, the receipt.

Channel-neutral: an adapter calls these with what it parsed and sends the words back its own way (Telegram:
in the webhook's answer). None of these words is stored or queued; the receipt exists only in the answer.
Burmese by default, English when the person asks (/english, "/start en") or their app is set to English;
the Burmese is in tools/translations/channels_bot.py.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from embrace.cases.models import Channel
from embrace.channels import inbound
from embrace.intake.receipts import group_receipt

COMMANDS = frozenset({"start", "help", "delete", "english", "burmese"})
_SWITCHES = {"english": "en", "burmese": "my"}


def _greeting() -> str:
    return "\n\n".join(
        (
            _(
                "Hello. This is the programme's confidential channel for soldiers and police who want to "
                "leave the armed forces, and for their relatives."
            ),
            _(
                "Please write in one message:\n"
                "1. What you want: to leave alone, to leave with your family, to leave with equipment (a "
                "vehicle, an aircraft, a ship or weapons), to ask for a relative, or only information.\n"
                "2. If you wish: your service (army, navy, air force or police), your rank, your unit, and "
                "any equipment you could bring."
            ),
            _("Do not write your name. You may also send photos."),
            _("/help: how this works · /delete: how to delete this chat · /english · /burmese"),
        )
    )


def _help() -> str:
    return "\n\n".join(
        (
            _(
                "Write your message here, in Burmese or English; you may also send photos. Someone from the "
                "programme will read it and answer in this chat."
            ),
            _(
                "After your first message you get a receipt (16 digits). Keep it somewhere safe, not on this "
                "phone: with it you can also read our answers and write to us %(where)s."
            )
            % {"where": _where()},
            _("We cannot receive stickers, voice messages, videos or files here: send text or photos."),
            _("/delete: how to delete this chat · /english · /burmese"),
        )
    )


def _delete() -> str:
    return "\n\n".join(
        (
            _(
                "To delete this chat from your phone: in your list of chats, press and hold this chat, "
                "then choose Delete. Delete the chat, but do not block the bot, if you want to read our "
                "answers here; you can also read them %(where)s with your receipt."
            )
            % {"where": _where()},
            _(
                "What you wrote stays sealed with the programme: only the staff who handle your case can "
                "read it. Telegram knows that your account wrote to this bot and can see this conversation."
            ),
        )
    )


def _where() -> str:
    address = settings.ENQUIRER_ADDRESS
    return _("at %(address)s") % {"address": address} if address else _("on our website")


def command_answer(channel: Channel, account: str, name: str, argument: str, hint: str) -> str:
    """The answer to a bot command. /english, /burmese and "/start en" remember the choice once the
    account has a case (before that, the app's language decides)."""
    chosen = _SWITCHES.get(name) or (argument if name == "start" and argument in inbound.LANGUAGES else "")
    if chosen:
        inbound.set_language(channel, account, chosen)
        language = chosen
    else:
        language = inbound.contact_language(channel, account, hint)
    with translation.override(language):
        if name == "help":
            return _help()
        if name == "delete":
            return _delete()
        if name in _SWITCHES:
            return (
                _("From now on I will write to you in English.")
                if chosen == "en"
                else _("From now on I will write to you in Burmese.")
            )
        return _greeting()


def unsupported_answer(language: str) -> str:
    with translation.override(language):
        return _(
            "Please send text or photos. We cannot receive stickers, voice messages, videos or files here."
        )


def message_answer(received: inbound.Received) -> str:
    """The answer to a message stored (the receipt, for the first), or to one already stored."""
    with translation.override(received.language):
        if received.outcome is inbound.Outcome.OPENED and received.receipt is not None:
            shown = group_receipt(received.receipt)
            return "\n\n".join(
                (
                    _(
                        "Thank you, we have received your message. Someone from the programme will read it "
                        "and answer in this chat."
                    ),
                    _("Your receipt: %(receipt)s")
                    % {"receipt": shown.myanmar if received.language == "my" else shown.latin},
                    _(
                        "With this receipt you can also read our answers and write to us %(where)s. Write it "
                        "down somewhere safe, away from this phone, then delete this chat (see /delete)."
                    )
                    % {"where": _where()},
                )
            )
        if received.outcome is inbound.Outcome.DUPLICATE:
            return _("We already have this message.")
        return _("Received. Thank you.")
