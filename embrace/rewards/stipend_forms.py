from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from embrace.rewards.money import Currency

CHANNEL_MAX = 120


class MonthForm(forms.Form):
    """Which month the list shows: ``?month=2024-05``."""

    month = forms.DateField(input_formats=["%Y-%m"], required=False, label="Month")


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Approve"), ("refuse", "Refuse")])

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"


class PayForm(forms.Form):
    currency = forms.ChoiceField(choices=Currency.choices, label="Paid in")
    rate = forms.DecimalField(
        label="Exchange rate",
        max_digits=20,
        decimal_places=8,
        min_value=Decimal("0.00000001"),
        initial=1,
        help_text="Units paid per unit owed: 1 when paid in the currency owed.",
    )
    rate_source = forms.CharField(
        label="Rate source",
        max_length=120,
        required=False,
        help_text="Where the rate comes from (needed when paid in another currency).",
    )
    channel = forms.CharField(
        label="Channel reference",
        max_length=CHANNEL_MAX,
        help_text=(
            "An opaque reference to how the money went (a transfer or hawala code) — never a name or an "
            "account number. It is sealed to the case's finance file."
        ),
    )

    def __init__(self, *args: Any, owed_currency: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owed_currency = owed_currency
        if not self.is_bound:
            self.initial.setdefault("currency", owed_currency)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        currency, rate = data.get("currency"), data.get("rate")
        if currency is None or rate is None:
            return data
        if currency == self.owed_currency and rate != 1:
            self.add_error("rate", f"Paid in {currency}, the currency owed, the rate is 1.")
        if currency != self.owed_currency and not data.get("rate_source", "").strip():
            self.add_error("rate_source", "Say where the exchange rate comes from.")
        return data
