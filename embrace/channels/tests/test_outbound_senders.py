"""Several senders drain the outbox at once (as the worker does, outside any transaction): every reply still
reaches its chat exactly once and in the order it was written."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from embrace.cases.actions import reply_to_enquirer
from embrace.channels.delivery import Clock, Pacer, drain_due
from embrace.channels.models import Delivery, Outgoing
from embrace.channels.tests.outbound_helpers import telegram_case
from embrace.testing.fake_telegram import FakeTelegram
from embrace.testing.personas import PASSWORD, Persona
from embrace.vault.keyring import unlock_with_password

# Committed rows, as the worker sees them: the senders' own connections must see what the test wrote.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("intake_route")]

CHATS = [str(7_100_000_000 + n) for n in range(4)]


class Tomorrow(Clock):
    """Real pacing, but a day ahead for what is due: the first attempt, made at once by the test suite's
    immediate task backend without a bot token, set each reply to wait its back-off."""

    def now(self) -> datetime:
        return timezone.now() + timedelta(days=1)


def test_several_senders_send_every_reply_once_and_in_order(intake_officer: Persona) -> None:
    keyring = unlock_with_password(intake_officer.user, PASSWORD)
    written: dict[str, list[str]] = {chat: [] for chat in CHATS}
    cases = {chat: telegram_case(chat)[0] for chat in CHATS}
    for n in range(3):
        for chat, case in cases.items():
            text = f"reply {n} to {chat}"
            reply_to_enquirer(case, text, actor=intake_officer.user, keyring=keyring)
            written[chat].append(text)
    clock = Tomorrow()
    with FakeTelegram() as fake, override_settings(**fake.settings()):
        report = drain_due(clock=clock, pacer=Pacer(clock), senders=4)
    assert report.counts == {"sent": 12}
    delivered = [call.params for call in fake.delivered()]
    for chat in CHATS:
        assert [p["text"] for p in delivered if p["chat_id"] == chat] == written[chat]
    assert set(Outgoing.objects.values_list("status", flat=True)) == {Delivery.SENT}
