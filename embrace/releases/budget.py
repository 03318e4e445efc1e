"""The yearly privacy budget per definition, spent atomically.

Two drafts at once cannot overspend: the year's row is locked (``select_for_update``) before the sum is
checked, and the database's check ``spent <= total`` refuses whatever slips past the code. Epsilon is spent
when the noise is drawn (drafting), and never given back: a draft withdrawn after an analyst saw its noisy
value has still spent it.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import transaction

from embrace.releases.disclosure import Budget, spend
from embrace.releases.models import PrivacyBudget


def budget_row(key: str, year: int) -> PrivacyBudget:
    """The year's row for ``key``, locked for the caller's transaction; made at the configured total the
    first time."""
    total = Decimal(settings.RELEASE_YEARLY_EPSILON_MILLI) / 1000
    PrivacyBudget.objects.get_or_create(key=key, year=year, defaults={"total": total})
    return PrivacyBudget.objects.select_for_update().get(key=key, year=year)


def spend_epsilon(key: str, year: int, epsilon: Decimal) -> PrivacyBudget:
    """Spend ``epsilon`` of ``key``'s budget for ``year``; raises ``disclosure.Overspent`` if it is not there.
    Call inside the transaction that stores what the epsilon paid for."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("spend_epsilon must run inside the transaction that uses the noise")
    row = budget_row(key, year)
    after = spend(Budget(row.total, row.spent), epsilon)
    row.spent = after.spent
    row.save(update_fields=["spent"])
    return row
