"""How a payment was made, as finance records it: one form for a tranche share and for a stipend, so both
pages ask the same questions and answer bad input in the same words. ``embrace.rewards.payments`` checks it
all again; the form is there to keep what was typed and say what to change."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from embrace.myanmar.forms import LocalDigitsErrors
from embrace.rewards.money import Currency
from embrace.rewards.payments import HowPaid

CHANNEL_MAX = 200
RATE_STEP = Decimal("1e-8")  # the payment's rate column: twelve digits before the point, eight after
RATE_LIMIT = Decimal(10) ** 12


class HowPaidForm(LocalDigitsErrors, forms.Form):
    currency = forms.ChoiceField(label=_("Paid in"), choices=Currency.choices)
    rate = forms.CharField(
        label=_("Exchange rate"),
        max_length=30,
        initial="1",
        help_text=_("Units paid per unit owed: 1 when paid in the currency owed."),
    )
    rate_source = forms.CharField(
        label=_("Rate source"),
        max_length=120,
        required=False,
        help_text=_("Where the rate comes from (needed when paid in another currency)."),
    )
    channel = forms.CharField(
        label=_("Channel reference (sealed)"),
        max_length=CHANNEL_MAX,
        help_text=_(
            "An opaque reference to how the money went (a transfer or hawala code) — never a name or an "
            "account number. It is sealed to the case's finance file."
        ),
    )

    def __init__(self, *args: Any, owed_currency: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owed_currency = owed_currency
        if not self.is_bound:
            self.initial.setdefault("currency", owed_currency)

    def clean_rate(self) -> Decimal:
        text = self.cleaned_data["rate"].strip().replace(",", "")
        try:
            rate = Decimal(text)
        except InvalidOperation:
            rate = Decimal("NaN")
        if not rate.is_finite():
            raise forms.ValidationError(gettext("Write the rate as a number, e.g. 2100 or 35.75."))
        if rate <= 0:
            raise forms.ValidationError(gettext("An exchange rate must be more than zero."))
        if rate >= RATE_LIMIT or rate != rate.quantize(RATE_STEP):
            raise forms.ValidationError(gettext("At most twelve digits before the point and eight after it."))
        return rate

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        currency, rate = data.get("currency"), data.get("rate")
        if currency is None or rate is None:
            return data
        if currency == self.owed_currency and rate != 1:
            self.add_error(
                "rate",
                gettext("Paid in %(currency)s, the currency owed, the rate is 1.") % {"currency": currency},
            )
        if currency != self.owed_currency and not data.get("rate_source", "").strip():
            self.add_error("rate_source", gettext("Say where the exchange rate comes from."))
        return data

    def how(self) -> HowPaid:
        data = self.cleaned_data
        return HowPaid(data["currency"], data["rate"], data["rate_source"], data["channel"])


class SharePayForm(HowPaidForm):
    """A tranche is paid case by case: which claimant's share this payment is for."""

    case = forms.ChoiceField(label=_("Share of case"), choices=())
    field_order = ["case"]

    def __init__(self, references: list[str], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["case"].choices = [(r, r) for r in references]  # type: ignore[attr-defined]
