from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from embrace.figures.models import Key
from embrace.myanmar import text as burmese
from embrace.myanmar.forms import LocalDigitsErrors
from embrace.releases.actions import MAX_EPSILON, RELEASABLE
from embrace.releases.models import TITLE_LENGTH, Breakdown


class DraftForm(LocalDigitsErrors, forms.Form):
    # Each language's page shows its own title, so each is asked for in words saying where it shows.
    title_my = forms.CharField(
        label=_("Title in Burmese"),
        max_length=TITLE_LENGTH,
        help_text=_("Shown on the public page in Burmese."),
        error_messages={"required": _("Give the release a title in Burmese.")},
    )
    title_en = forms.CharField(
        label=_("Title in English"),
        max_length=TITLE_LENGTH,
        help_text=_("Shown on the public page in English."),
        error_messages={"required": _("Give the release a title in English.")},
    )
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

    def clean_title_my(self) -> str:
        # A Zawgyi keyboard's text becomes Unicode, or the public page would show it garbled.
        title = burmese.to_unicode(self.cleaned_data["title_my"]).text
        if burmese.detect(title).encoding == "none":
            raise forms.ValidationError(
                _("Write the Burmese title in Burmese letters: readers of the Burmese page see it.")
            )
        return title

    def clean_title_en(self) -> str:
        title: str = self.cleaned_data["title_en"]
        if burmese.detect(title).encoding != "none":
            raise forms.ValidationError(
                _("Write the English title in English: readers of the English page see it.")
            )
        return title

    def clean_keys(self) -> list[str]:
        return [Key(k).value for k in self.cleaned_data["keys"]]
