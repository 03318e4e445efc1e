"""Forms for the claim pages: an item, the verification, the valuation with its tranche plan, a tranche's
decision and a payment's reversal (the payment itself is ``payment_forms``). Amounts are read as typed
("500,000.00") and turned into minor units by ``money.to_minor``, which refuses rather than rounds."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from embrace.intake.forms import PhotosField
from embrace.myanmar.formats import in_reader_language, local_digits
from embrace.myanmar.forms import LocalDigitsErrors
from embrace.rewards.claims import ShareSpec, TranchePlan
from embrace.rewards.fields import SaneDateField
from embrace.rewards.models import AssetKind, ClaimItem, Entry, TrancheCondition
from embrace.rewards.money import Currency, MoneyError, display, from_minor, to_minor

MAX_SHARES = 20
TRANCHE_ROWS = 3  # at least two ("on arrival", "after verification"), and one to spare


def entry_choices() -> list[tuple[str, str]]:
    """Every code of every published schedule: which version applies is decided by the day of the act."""
    seen: dict[str, str] = {}
    for code, title_en, title_my in (
        Entry.objects.filter(schedule__published=True)
        .order_by("-schedule__effective_from", "position")
        .values_list("code", "title_en", "title_my")
    ):
        title = in_reader_language(title_my, title_en)
        # The title in the reader's language, never the code: the code is the schedule's key, not a word.
        seen.setdefault(code, title)
    return list(seen.items())  # in the order the newest schedule lists them


def usd_minor(raw: str) -> int:
    """US cents from what a person typed, commas and a leading $ allowed; MoneyError in words if not."""
    text = raw.strip().replace(",", "").replace(" ", "").removeprefix("$")
    return to_minor(text, Currency.USD)


class ItemForm(LocalDigitsErrors, forms.Form):
    entry = forms.ChoiceField(label=_("Schedule entry"), choices=())
    act_on = SaneDateField(
        label=_("Day of the act"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Decides which published schedule applies."),
    )
    quantity = forms.IntegerField(label=_("How many"), min_value=1, max_value=100, initial=1)
    asset_kind = forms.ChoiceField(
        label=_("Identified by"), choices=[("", "—"), *AssetKind.choices], required=False
    )
    asset_number = forms.CharField(
        label=_("Number (tail, hull or serial)"),
        max_length=60,
        required=False,
        help_text=_("Sealed; the same asset is never paid twice."),
    )
    description = forms.CharField(
        label=_("What it is"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = forms.CharField(label=_("Evidence"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))
    photos = PhotosField(
        label=_("Evidence photos"),
        required=False,
        help_text=_(
            "JPEG, PNG or WebP, up to five; kept without their metadata (place, time, phone), sealed."
        ),
    )
    shares = forms.CharField(
        label=_("Shares"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Leave empty if the whole is this case's. Otherwise one line per case: "
            "“REFERENCE percent”, e.g. “K7Q2M9X4 60”; they must add up to 100."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entry"].choices = entry_choices()  # type: ignore[attr-defined]

    def clean_act_on(self) -> datetime.date:
        act_on: datetime.date = self.cleaned_data["act_on"]
        if act_on > datetime.date.today():
            raise forms.ValidationError(gettext("The day of the act cannot be in the future."))
        return act_on

    def clean_shares(self) -> list[ShareSpec]:
        specs = []
        lines = [line.strip() for line in self.cleaned_data["shares"].splitlines() if line.strip()]
        if len(lines) > MAX_SHARES:
            raise forms.ValidationError(gettext("At most %(count)d shares.") % {"count": MAX_SHARES})
        for line in lines:
            match = re.fullmatch(r"(\S+)\s+(\d{1,3}(?:\.\d{1,2})?)\s*%?", line)
            if match is None:
                raise forms.ValidationError(
                    gettext(
                        "“%(line)s”: write a case reference, a space and a percentage "
                        "with at most two decimals."
                    )
                    % {"line": line}
                )
            percent = Decimal(match.group(2))
            if not 0 < percent <= 100:
                raise forms.ValidationError(
                    gettext("“%(line)s”: a share is more than 0%% and at most 100%%.") % {"line": line}
                )
            specs.append(ShareSpec(match.group(1).upper(), int(percent * 100)))
        return specs

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        if data and data.get("asset_number", "").strip() and not data.get("asset_kind"):
            self.add_error("asset_kind", gettext("Say what kind of number identifies the asset."))
        return data


class VerifyForm(LocalDigitsErrors, forms.Form):
    verdict = forms.ChoiceField(
        label=_("The evidence shows the claim is"),
        choices=[("genuine", _("Genuine")), ("not_genuine", _("Not genuine (rejects the claim)"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note (sealed)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when rejecting: the handler needs to know why."),
    )

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        if data and data.get("verdict") == "not_genuine" and not data.get("note", "").strip():
            self.add_error("note", gettext("Say why the claim is not genuine."))
        return data


class ValueForm(LocalDigitsErrors, forms.Form):
    """A value per item (fixed entries prefilled with the published amount) and the tranche plan: rows of a
    condition and an amount; empty rows are ignored."""

    def __init__(self, items: list[ClaimItem], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            entry = item.entry
            fixed = (
                None
                if entry.valued_by_committee or entry.amount_usd is None
                else int(entry.amount_usd * 100) * item.quantity
            )
            self.fields[f"value_{item.pk}"] = forms.CharField(
                label=gettext("%(code)s, %(count)s of them (US$)")
                % {"code": entry.title, "count": local_digits(item.quantity)}
                if item.quantity > 1
                else f"{entry.title} (US$)",
                max_length=30,
                initial=f"{from_minor(fixed, Currency.USD):,.2f}" if fixed is not None else "",
                help_text=gettext("Published: %(amount)s") % {"amount": display(fixed, Currency.USD)}
                if fixed is not None
                else gettext("Valued by committee"),
            )
        for row in range(1, TRANCHE_ROWS + 1):
            self.fields[f"condition_{row}"] = forms.ChoiceField(
                label=gettext("Tranche %(position)s") % {"position": local_digits(row)},
                choices=[("", "—"), *TrancheCondition.choices],
                required=False,
            )
            self.fields[f"amount_{row}"] = forms.CharField(label="US$", max_length=30, required=False)

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        if data is None:
            return data
        values: dict[str, int] = {}
        for item in self.items:
            name = f"value_{item.pk}"
            if name not in data:
                continue
            try:
                values[str(item.pk)] = usd_minor(data[name])
            except MoneyError as exc:
                self.add_error(name, str(exc))
        plans: list[TranchePlan] = []
        for row in range(1, TRANCHE_ROWS + 1):
            condition, amount = data.get(f"condition_{row}", ""), data.get(f"amount_{row}", "").strip()
            if not condition and not amount:
                continue
            if not condition or not amount:
                self.add_error(f"amount_{row}", gettext("Give both a condition and an amount, or neither."))
                continue
            try:
                plans.append(TranchePlan(TrancheCondition(condition), usd_minor(amount)))
            except MoneyError as exc:
                self.add_error(f"amount_{row}", str(exc))
        if not plans and not self.has_error(None):
            self.add_error(None, gettext("Plan at least one tranche."))
        data["values"], data["plans"] = values, plans
        return data


class WithdrawForm(LocalDigitsErrors, forms.Form):
    # Required: withdrawing ends the claim for good, and whoever reads it later needs to know why.
    note = forms.CharField(label=_("Why (sealed)"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ReverseForm(LocalDigitsErrors, forms.Form):
    memo = forms.CharField(label=_("Why it is reversed"), max_length=200)
