from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from embrace.figures.models import Key
from embrace.myanmar.forms import LocalDigitsErrors
from embrace.releases.actions import MAX_EPSILON, RELEASABLE
from embrace.releases.models import Breakdown


class DraftForm(LocalDigitsErrors, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120)
    start = forms.DateField(label=_("First day"), help_text=_("For example <kbd>2026-01-01</kbd>"))
    end = forms.DateField(label=_("Last day"), help_text=_("For example <kbd>2026-03-31</kbd>"))
    keys = forms.MultipleChoiceField(
        label=_("Figures"),
        choices=[(key.value, key.label) for key in RELEASABLE],
        widget=forms.CheckboxSelectMultiple,
    )
    breakdown = forms.ChoiceField(label=_("Breakdown"), choices=Breakdown.choices, required=False)
    private = forms.BooleanField(
        label=_("Add noise (differential privacy) instead of ranges"),
        required=False,
        help_text=_("Each figure then costs some of its yearly privacy budget."),
    )
    epsilon = forms.DecimalField(
        label=_("Privacy cost (epsilon)"),
        required=False,
        min_value=Decimal("0.01"),
        max_value=MAX_EPSILON,
        decimal_places=3,
        help_text=_("Smaller adds more noise. For example <kbd>0.5</kbd>"),
    )

    def clean_keys(self) -> list[str]:
        return [Key(k).value for k in self.cleaned_data["keys"]]
