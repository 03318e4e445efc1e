"""What the outbound tests share: a case that came by Telegram, and a clock the test moves by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.utils import timezone

from embrace.cases.models import Case, Channel
from embrace.channels.delivery import Clock
from embrace.channels.models import Contact
from embrace.intake.actions import submit_enquiry
from embrace.vault import actions as vault
from embrace.vault.blind import blind_index


def telegram_case(chat_id: str, text: str = "hello from Telegram") -> tuple[Case, Contact]:
    """A case born on Telegram and its contact, made as the inbound webhook makes them: the chat id kept
    only as a blind index and sealed to the case's body."""
    case, _receipt = submit_enquiry(
        {"text": text}, {}, [], token=None, quarantine=False, channel=Channel.TELEGRAM
    )
    contact = Contact.objects.create(
        channel=Channel.TELEGRAM,
        digest=blind_index("telegram_chat", chat_id),
        case=case,
        address=vault.seal(case.body, chat_id.encode()),
        created_on=timezone.localdate(),
    )
    return case, contact


def messenger_case(
    psid: str, text: str = "hello from Messenger", *, last_inbound_on: date | None = None
) -> tuple[Case, Contact]:
    """A case born on Messenger and its contact, as the Messenger webhook makes them; the person last wrote
    on ``last_inbound_on`` (today unless told)."""
    case, _receipt = submit_enquiry(
        {"text": text}, {}, [], token=None, quarantine=False, channel=Channel.MESSENGER
    )
    contact = Contact.objects.create(
        channel=Channel.MESSENGER,
        digest=blind_index("messenger_psid", psid),
        case=case,
        address=vault.seal(case.body, psid.encode()),
        created_on=timezone.localdate(),
        last_inbound_on=last_inbound_on or timezone.localdate(),
    )
    return case, contact


class FakeClock(Clock):
    """Time that passes only when the worker sleeps or the test says so."""

    def __init__(self, start: datetime | None = None) -> None:
        self.start = start or timezone.now()
        self.seconds = 0.0
        self.sleeps: list[float] = []

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds)

    def monotonic(self) -> float:
        return self.seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.seconds += seconds

    def advance(self, seconds: float) -> None:
        self.seconds += seconds
