"""Forms of the identity pages: asking for a reveal, deciding one, recording a dependant."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from embrace.cases.identity import RISK_LEVELS, DependantDetails
from embrace.cases.models import Dependant
from embrace.myanmar.forms import LocalDigitsErrors


class RevealRequestForm(LocalDigitsErrors, forms.Form):
    reason = forms.CharField(
        label=_("Why do you need this person's identity?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A custodian reads this before deciding. Say what for, not who: no names or units here."),
    )


class DependantForm(LocalDigitsErrors, forms.Form):
    relation = forms.ChoiceField(label=_("Relation"), choices=Dependant.Relation.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    location = forms.CharField(
        label=_("Where"), max_length=200, help_text=_("Where they are now, as precisely as is useful.")
    )
    risk = forms.ChoiceField(label=_("Risk level"), choices=RISK_LEVELS)
    plan = forms.CharField(
        label=_("Plan"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @classmethod
    def for_details(cls, details: DependantDetails) -> DependantForm:
        return cls(
            initial={
                "relation": details.relation,
                "name": details.name,
                "location": details.location,
                "risk": details.risk,
                "plan": details.plan,
            }
        )

    def sealed_fields(self) -> dict[str, str]:
        return {key: self.cleaned_data[key] for key in ("name", "location", "risk", "plan")}


class IdentityDetailsForm(LocalDigitsErrors, forms.Form):
    """Who the enquirer is, as a custodian records or corrects it; every field may stay empty but not all."""

    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=50, required=False)
    service_number = forms.CharField(label=_("Service number"), max_length=50, required=False)
    rank = forms.CharField(label=_("Rank"), max_length=100, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=200, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(str(value).strip() for value in data.values()):
            raise forms.ValidationError(_("Fill in at least one field."))
        return data
