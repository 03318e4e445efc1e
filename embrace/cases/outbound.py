"""Where a staff reply goes after it is stored: the hook the channels app registers, and nothing else.

``cases`` stands below ``channels`` and must not import it, yet a reply written on the case page of a case
that came by Telegram has to leave by Telegram. So the channels app registers one ``Outbound`` here when it
starts (``ChannelsConfig.ready()``), and the case views and actions call it through this module: an
explicit registry, no Django signals. Without a registered hook (the channels app not installed) replies
stay on the web thread, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from embrace.accounts.models import User
    from embrace.cases.actions import Photo
    from embrace.cases.models import Case, Message
    from embrace.vault.keyring import Keyring


@dataclass(frozen=True)
class DeliveryState:
    """How a staff message fared on its way to a chat account, in words for the case page."""

    words: str
    # Whether the handler may send it again (it could not be sent; the old attempt stays as it is).
    can_resend: bool = False
    problem: bool = False


class Outbound(Protocol):
    def queue_reply(
        self, case: Case, message: Message, text: str, photos: Sequence[Photo], *, keyring: Keyring
    ) -> None:
        """Called inside the reply's transaction: queue ``message`` for the case's chat account, if any."""

    def states(self, case: Case) -> dict[str, DeliveryState]:
        """Each staff message's delivery, by message id (messages never sent to a chat are absent)."""

    def resend(self, case: Case, message_id: str, *, keyring: Keyring, actor: User) -> bool:
        """Queue a message that could not be sent again; False if there is no such failed message."""


_registered: Outbound | None = None


def register(outbound: Outbound) -> None:
    global _registered  # the one registry, set once at start-up
    _registered = outbound


def queue_reply(
    case: Case, message: Message, text: str, photos: Sequence[Photo], *, keyring: Keyring | None
) -> None:
    # No keyring (a command, a fixture): nothing can open the chat address, so nothing is queued.
    if _registered is not None and keyring is not None:
        _registered.queue_reply(case, message, text, photos, keyring=keyring)


def states(case: Case) -> dict[str, DeliveryState]:
    return _registered.states(case) if _registered is not None else {}


def resend(case: Case, message_id: str, *, keyring: Keyring, actor: User) -> bool:
    return _registered is not None and _registered.resend(case, message_id, keyring=keyring, actor=actor)
