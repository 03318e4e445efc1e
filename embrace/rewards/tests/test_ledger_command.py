"""`embrace ledger verify`: success on a sound ledger, a non-zero exit on one written around ``post``."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from embrace.rewards import ledger
from embrace.rewards.ledger import Leg, Unbalanced
from embrace.rewards.models import Account, Journal, JournalKind, Line

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 1, 1)


def _donate(amount: int) -> Journal:
    legs = [Leg(Account.CASH, "USD", amount), Leg(Account.DONATIONS, "USD", -amount)]
    return ledger.post(JournalKind.DONATION, legs, actor=None, on=TODAY)


def test_verify_passes_a_balanced_ledger() -> None:
    _donate(10_000)
    out = io.StringIO()
    call_command("ledger", "verify", stdout=out)
    assert "Ledger OK: 1 journals" in out.getvalue()


def test_post_refuses_an_unbalanced_journal_and_writes_nothing() -> None:
    with pytest.raises(Unbalanced):
        ledger.post(
            JournalKind.DONATION,
            [Leg(Account.CASH, "USD", 100), Leg(Account.DONATIONS, "USD", -99)],
            actor=None,
            on=TODAY,
        )
    # Balanced in total but not per currency: dollars are not kyat.
    with pytest.raises(Unbalanced):
        ledger.post(
            JournalKind.DONATION,
            [Leg(Account.CASH, "USD", 100), Leg(Account.DONATIONS, "MMK", -100)],
            actor=None,
            on=TODAY,
        )
    assert not Journal.objects.exists()


def test_verify_fails_on_a_line_written_around_post() -> None:
    journal = _donate(10_000)
    Line.objects.create(journal=journal, account=Account.CASH, currency="USD", amount_minor=1)
    with pytest.raises(CommandError, match=f"journal {journal.number} does not balance"):
        call_command("ledger", "verify", stdout=io.StringIO())


def test_a_journal_is_reversed_once() -> None:
    journal = _donate(10_000)
    ledger.reverse(journal, actor=None, on=TODAY, memo="entered twice")
    assert ledger.balance(Account.CASH, "USD") == 0
    with pytest.raises(IntegrityError):  # the one-to-one link
        ledger.reverse(Journal.objects.get(pk=journal.pk), actor=None, on=TODAY, memo="again")
    assert ledger.verify() == []
