"""Reading a case's conversation with whatever keyring the reader holds (staff member or receipt)."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from embrace.cases.models import Case, Sender
from embrace.vault.keyring import Keyring, NoAccess

# "referred_by": who passed on an enquiry staff entered (a minister, a contact), sealed like the rest.
ANSWER_KEYS = ("kind", "service", "equipment", "reply_via", "referred_by")


@dataclass(frozen=True)
class ThreadItem:
    sender: str
    sent_on: datetime.date
    text: str
    photos: int
    needs_review: bool = False
    attachments: tuple[str, ...] = ()
    # As typed, when the text was converted from Zawgyi or might need to be (for staff; never shown back).
    raw: str = ""
    # What the enquirer chose on the form (kind, service, equipment, reply channel), as stored, for staff
    # pages to put into words.
    answers: tuple[tuple[str, str], ...] = ()
    # The message's id, for staff pages that say how a reply fared on its way to a chat account.
    message_id: str = ""


def read_thread(case: Case, keyring: Keyring) -> list[ThreadItem]:
    """Every message of the case, oldest first. Raises NoAccess if the keyring holds no grant."""
    messages = list(case.messages.prefetch_related("attachments").order_by("seq"))
    # One query for the whole thread's keys, however long it is.
    opened = [p for p in keyring.open_many([bytes(m.envelope) for m in messages]) if p is not None]
    if len(opened) != len(messages):
        raise NoAccess(f"no key for some messages of case {case.pk}")
    items = []
    for message, plaintext in zip(messages, opened, strict=True):
        document = json.loads(plaintext)
        items.append(
            ThreadItem(
                sender=Sender(message.sender),
                sent_on=message.sent_on,
                text=document.get("text", ""),
                photos=len(message.attachments.all()),
                needs_review=bool(document.get("needs_review")),
                attachments=tuple(str(a.pk) for a in message.attachments.all()),
                raw=document.get("raw", ""),
                answers=tuple((key, str(document[key])) for key in ANSWER_KEYS if key in document),
                message_id=str(message.pk),
            )
        )
    return items
