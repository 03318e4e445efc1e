"""The keys page's forms: which group and which person; which request and what decision."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from embrace.myanmar.forms import LocalDigitsErrors


class GiveForm(LocalDigitsErrors, forms.Form):
    group = forms.UUIDField()
    user = forms.UUIDField()
    reason = forms.CharField(max_length=300, required=False)


class StartForm(forms.Form):
    group = forms.UUIDField()


class DecideForm(forms.Form):
    approval = forms.UUIDField()
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve and give the key")), ("refuse", _("Refuse"))]
    )
