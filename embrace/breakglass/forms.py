"""Forms of the break-glass pages. Share words are typed in a text area; the vault normalises case and
spacing and checks them."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from embrace.accounts.models import User
from embrace.approvals.forms import DecisionForm
from embrace.custody import groups as custody_groups
from embrace.myanmar.forms import LocalDigitsErrors
from embrace.vault.models import KeyGroup
from embrace.vault.recovery import MAX_TRUSTEES

WORDS = forms.Textarea(attrs={"rows": 4, "cols": 60, "autocomplete": "off", "spellcheck": "false"})


class SetUpForm(LocalDigitsErrors, forms.Form):
    trustees = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple, label=_("Trustees")
    )
    threshold = forms.IntegerField(
        min_value=2, max_value=MAX_TRUSTEES, label=_("How many trustees it takes to restore")
    )

    def __init__(self, *args: Any, candidates: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["trustees"].queryset = candidates  # type: ignore[attr-defined]


class SetUpDecisionForm(DecisionForm):
    approval = forms.UUIDField(widget=forms.HiddenInput)


class ConfirmShareForm(LocalDigitsErrors, forms.Form):
    words = forms.CharField(widget=WORDS, label=_("Type your share back from your paper"), max_length=1000)


class OpenRestoreForm(LocalDigitsErrors, forms.Form):
    group = forms.ModelChoiceField(queryset=KeyGroup.objects.none(), label=_("Group to restore"))
    recipient = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Who receives its keys"))
    reason = forms.CharField(max_length=500, label=_("Why (the other trustees read this)"))

    def __init__(
        self, *args: Any, groups: QuerySet[KeyGroup], recipients: QuerySet[User], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups  # type: ignore[attr-defined]
        self.fields["group"].label_from_instance = custody_groups.label  # type: ignore[attr-defined]
        self.fields["recipient"].queryset = recipients  # type: ignore[attr-defined]


class RestoreForm(forms.Form):
    restore = forms.UUIDField(widget=forms.HiddenInput)


class EnterShareForm(LocalDigitsErrors, RestoreForm):
    words = forms.CharField(widget=WORDS, label=_("Your share, word by word"), max_length=1000)
