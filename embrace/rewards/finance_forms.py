from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from embrace.myanmar.forms import LocalDigitsErrors
from embrace.rewards.funds import MEMO_MAX
from embrace.rewards.money import Currency, MoneyError, needs_confirmation, to_minor

# The currencies the programme holds and pays in; a donation in any other is converted before it is recorded.
DONATION_CURRENCIES = [(c.value, c.label) for c in (Currency.USD, Currency.MMK, Currency.THB)]


class DonationForm(LocalDigitsErrors, forms.Form):
    amount = forms.CharField(
        label=_("Amount"),
        max_length=24,
        help_text=_(
            "As received, in plain digits, e.g. <kbd>25000.00</kbd> "
            "(no more decimal places than the currency has)."
        ),
    )
    currency = forms.ChoiceField(choices=DONATION_CURRENCIES, label=_("Currency"))
    # Set by the confirmation page (currency:minor units), so what is confirmed is what is recorded.
    confirmed = forms.CharField(required=False, widget=forms.HiddenInput)
    memo = forms.CharField(
        label=_("Memo"),
        max_length=MEMO_MAX,
        required=False,
        help_text=_("A donor code or a transfer reference — never a person's name."),
    )

    @property
    def needs_confirmation(self) -> bool:
        """A large amount not yet read back and confirmed on the page."""
        data = self.cleaned_data
        return needs_confirmation(data["amount_minor"], data["currency"]) and data.get("confirmed") != (
            f"{data['currency']}:{data['amount_minor']}"
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        amount, currency = cleaned.get("amount"), cleaned.get("currency")
        if amount is None or currency is None:
            return cleaned
        try:
            minor = to_minor(amount, currency)
        except MoneyError as exc:
            self.add_error("amount", str(exc))
            return cleaned
        if minor <= 0:
            self.add_error("amount", _("An amount received must be more than nothing."))
            return cleaned
        cleaned["amount_minor"] = minor
        return cleaned


class ReverseDonationForm(LocalDigitsErrors, forms.Form):
    memo = forms.CharField(
        label=_("Why is it reversed?"),
        max_length=MEMO_MAX,
        help_text=_("For example: recorded twice, wrong currency. Never a person's name."),
    )
