from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from embrace.accounts.models import Team
from embrace.myanmar.forms import LocalDigitsErrors

KINDS = [
    ("segment", _("Route segment")),
    ("meeting_point", _("Meeting point")),
    ("contact", _("Contact")),
    ("note", _("Note")),
]
KIND_LABELS = dict(KINDS)


class EntryForm(LocalDigitsErrors, forms.Form):
    kind = forms.ChoiceField(choices=KINDS, label=_("Kind"))
    text = forms.CharField(label=_("Details"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4}))


class OpenForm(forms.Form):
    team = forms.ModelChoiceField(
        queryset=Team.objects.all(),
        label=_("Passage team"),
        help_text=_("Only this team's case handlers will hold the plan's key; you too only if you are one."),
    )
