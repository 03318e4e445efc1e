"""The yearly privacy budget per definition: spent atomically, never past its total."""

from __future__ import annotations

import threading
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction

from embrace.releases.budget import spend_epsilon
from embrace.releases.disclosure import Overspent
from embrace.releases.models import PrivacyBudget


@pytest.mark.django_db
def test_spending_past_the_years_budget_is_refused_and_spends_nothing() -> None:
    with transaction.atomic():
        spend_epsilon("defection", 2026, Decimal("0.7"))
    with pytest.raises(Overspent), transaction.atomic():
        spend_epsilon("defection", 2026, Decimal("0.4"))
    row = PrivacyBudget.objects.get(key="defection", year=2026)
    assert (row.total, row.spent) == (Decimal("1.000"), Decimal("0.700"))


@pytest.mark.django_db
def test_each_definition_and_year_has_its_own_budget() -> None:
    with transaction.atomic():
        spend_epsilon("defection", 2026, Decimal("1.0"))
        spend_epsilon("enquiry", 2026, Decimal("1.0"))
        spend_epsilon("defection", 2027, Decimal("1.0"))
    assert PrivacyBudget.objects.count() == 3


@pytest.mark.django_db
def test_the_database_refuses_a_budget_spent_past_its_total_whatever_the_code_does() -> None:
    with transaction.atomic():
        spend_epsilon("enquiry", 2026, Decimal("0.5"))
    with pytest.raises(IntegrityError), transaction.atomic():
        PrivacyBudget.objects.filter(key="enquiry").update(spent=Decimal("1.5"))


@pytest.mark.django_db(transaction=True)
def test_two_drafts_at_once_cannot_overspend_the_budget() -> None:
    with transaction.atomic():
        spend_epsilon("registration", 2026, Decimal("0.2"))  # the row exists before the race
    start = threading.Barrier(2)
    results: list[str] = []

    def draft() -> None:
        try:
            start.wait(timeout=60)
            with transaction.atomic():
                spend_epsilon("registration", 2026, Decimal("0.6"))
            results.append("spent")
        except Overspent:
            results.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=draft) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["refused", "spent"]
    assert PrivacyBudget.objects.get(key="registration").spent == Decimal("0.800")
