from __future__ import annotations

from typing import Any

from django import forms

from embrace.rewards.funds import MEMO_MAX
from embrace.rewards.money import Currency, MoneyError, to_minor

# The currencies the programme holds and pays in; a donation in any other is converted before it is recorded.
DONATION_CURRENCIES = [(c.value, c.label) for c in (Currency.USD, Currency.MMK, Currency.THB)]


class DonationForm(forms.Form):
    amount = forms.CharField(
        label="Amount",
        max_length=24,
        help_text="As received, e.g. 25000.00 (no more decimal places than the currency has).",
    )
    currency = forms.ChoiceField(choices=DONATION_CURRENCIES, label="Currency")
    memo = forms.CharField(
        label="Memo",
        max_length=MEMO_MAX,
        required=False,
        help_text="A donor code or a transfer reference — never a person's name.",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        amount, currency = cleaned.get("amount"), cleaned.get("currency")
        if amount is None or currency is None:
            return cleaned
        typed = amount.strip().replace(",", "").replace(" ", "")
        try:
            minor = to_minor(typed, currency)
        except MoneyError as exc:
            self.add_error("amount", str(exc))
            return cleaned
        if minor <= 0:
            self.add_error("amount", "An amount received must be more than nothing.")
            return cleaned
        cleaned["amount_minor"] = minor
        return cleaned


class ReverseDonationForm(forms.Form):
    memo = forms.CharField(
        label="Why is it reversed?",
        max_length=MEMO_MAX,
        help_text="For example: recorded twice, wrong currency. Never a person's name.",
    )
