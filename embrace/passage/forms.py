from __future__ import annotations

from django import forms

from embrace.accounts.models import Team

KINDS = [
    ("segment", "Route segment"),
    ("meeting_point", "Meeting point"),
    ("contact", "Contact"),
    ("note", "Note"),
]


class EntryForm(forms.Form):
    kind = forms.ChoiceField(choices=KINDS, label="Kind")
    text = forms.CharField(label="Details", max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class OpenForm(forms.Form):
    team = forms.ModelChoiceField(
        queryset=Team.objects.all(),
        label="Passage team",
        help_text="Only this team's case handlers will hold the plan's key; you too only if you are one.",
    )
