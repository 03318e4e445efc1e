from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from embrace.myanmar.forms import LocalDigitsErrors
from embrace.vetting.models import CheckDefinition, Result, Verdict


class RecordCheckForm(LocalDigitsErrors, forms.Form):
    definition = forms.ModelChoiceField(
        queryset=CheckDefinition.objects.filter(active=True), label=_("Check"), empty_label=None
    )
    result = forms.ChoiceField(label=_("Result"), choices=Result.choices, widget=forms.RadioSelect)
    evidence = forms.CharField(
        label=_("Evidence (what you saw, how, and where it is kept)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SignOffForm(LocalDigitsErrors, forms.Form):
    verdict = forms.ChoiceField(label=_("Verdict"), choices=Verdict.choices, widget=forms.RadioSelect)
    note = forms.CharField(label=_("Reasons"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class RaiseFlagForm(LocalDigitsErrors, forms.Form):
    note = forms.CharField(
        label=_("Why you suspect a plant"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ClearFlagForm(LocalDigitsErrors, forms.Form):
    note = forms.CharField(
        label=_("Why the suspicion no longer holds"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
