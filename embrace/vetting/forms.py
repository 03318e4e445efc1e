from __future__ import annotations

from django import forms

from embrace.vetting.models import CheckDefinition, Result, Verdict


class RecordCheckForm(forms.Form):
    definition = forms.ModelChoiceField(
        queryset=CheckDefinition.objects.filter(active=True), label="Check", empty_label=None
    )
    result = forms.ChoiceField(choices=Result.choices, widget=forms.RadioSelect)
    evidence = forms.CharField(
        label="Evidence (what you saw, how, and where it is kept)",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SignOffForm(forms.Form):
    verdict = forms.ChoiceField(choices=Verdict.choices, widget=forms.RadioSelect)
    note = forms.CharField(label="Reasons", max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))


class RaiseFlagForm(forms.Form):
    note = forms.CharField(
        label="Why you suspect a plant", max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ClearFlagForm(forms.Form):
    note = forms.CharField(
        label="Why the suspicion no longer holds", max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
