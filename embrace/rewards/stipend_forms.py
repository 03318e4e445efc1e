from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from embrace.myanmar.forms import LocalDigitsErrors
from embrace.rewards.fields import SaneDateField
from embrace.rewards.money import Currency, MoneyError, to_minor


class MonthForm(forms.Form):
    """Which month the list shows: ``?month=2024-05``."""

    month = forms.DateField(input_formats=["%Y-%m"], required=False, label=_("Month"))


class RateForm(LocalDigitsErrors, forms.Form):
    """A new stipend rate, as typed: amounts in the chosen currency, turned into minor units exactly."""

    effective_from = SaneDateField(
        label=_("From the month"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month", "placeholder": "2027-01"}, format="%Y-%m"),
        help_text=_("Year and month, e.g. <kbd>2027-01</kbd>: a coming month, never one under way."),
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices, initial=Currency.MMK)
    base = forms.CharField(label=_("Base a month"), max_length=30, help_text=_("For each supported case."))
    per_dependant = forms.CharField(
        label=_("Per dependant a month"),
        max_length=30,
        help_text=_("For each dependant recorded on the case; 0 for none."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        currency = data.get("currency")
        if currency is None:
            return data
        for name in ("base", "per_dependant"):
            if name not in data:
                continue
            try:
                data[f"{name}_minor"] = to_minor(data[name].strip().replace(",", ""), currency)
            except MoneyError as exc:
                self.add_error(name, str(exc))
        return data
