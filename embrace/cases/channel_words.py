"""How an enquiry came, in words: a short name for the case lists and, for the case page, what that channel
lets people outside the programme see.

One place for these words, in cases because the case pages show them and ``cases`` may not import the
``channels`` app above it. A handler deciding how to answer (or whether to warn the person to delete a chat)
reads the exposure sentence; keep it true as channels change.
"""

from __future__ import annotations

from functools import cache

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from embrace.cases.models import Channel

# One or two words for a column of the inbox: the full names are in ``Channel``'s choices.
SHORT: dict[str, Promise] = {
    Channel.WEB: _("Web"),
    Channel.TELEGRAM: _("Telegram"),
    Channel.MESSENGER: _("Messenger"),
    Channel.PHONE: _("Call"),
    Channel.IN_PERSON: _("Met"),
    Channel.REFERRAL: _("Passed on"),
}

# What each channel lets others see, in plain words. The web form is the one channel where nobody outside
# the programme reads anything; chat channels are run by companies that keep what passes through them.
EXPOSES: dict[str, Promise] = {
    Channel.WEB: _(
        "Nobody but the programme can read what was written on the web form, whether it came through Tor "
        "or not. Without Tor, the person's internet provider can see that they visited our site, but not "
        "what they wrote."
    ),
    Channel.TELEGRAM: _(
        "Telegram, the company, sees the conversation and the person's Telegram account. The person's "
        "phone keeps the chat until they delete it."
    ),
    Channel.MESSENGER: _(
        "Meta, the company that runs Facebook, sees the conversation and the person's Facebook account. "
        "The person's phone keeps the chat until they delete it."
    ),
    Channel.PHONE: _(
        "The phone companies know that a call happened, between which numbers and when, but not what was "
        "said."
    ),
    Channel.IN_PERSON: _("Whoever arranged or saw the meeting knows that this person came to us."),
    Channel.REFERRAL: _("Whoever passed it on knows that this person contacted the programme."),
}


@cache
def _short_names(language: str) -> dict[str, str]:
    # Called while ``language`` is active, so the lazy words translate into it.
    return {value: str(word) for value, word in SHORT.items()}


def short_names() -> dict[str, str]:
    """Each channel's short name in the active language, translated once per process per language."""
    return _short_names(get_language() or "")


# Never the web form's reassurance for a channel these words do not know: assume the worst.
UNKNOWN = _("How this enquiry came is not known here: assume others may know of it.")


def exposes(channel: str) -> str:
    return str(EXPOSES.get(channel, UNKNOWN))
