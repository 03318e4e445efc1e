"""The one form for deciding what someone else asked for: approve or refuse, with a note where one is kept."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from embrace.myanmar.forms import LocalDigitsErrors


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("approve", _("Approve")), ("refuse", _("Refuse"))]
    )

    def __init__(
        self,
        *args: Any,
        approve: str | Promise | None = None,
        refuse: str | Promise | None = None,
        **kwargs: Any,
    ) -> None:
        """``approve`` and ``refuse`` word the choices for what is decided ("Approve and publish")."""
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [  # type: ignore[attr-defined]
            ("approve", approve or _("Approve")),
            ("refuse", refuse or _("Refuse")),
        ]

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"


class NotedDecisionForm(LocalDigitsErrors, DecisionForm):
    """A decision whose note is kept with it (in the approval and the audit log)."""

    note = forms.CharField(label=_("Note"), max_length=500, required=False)
