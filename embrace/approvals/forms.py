"""The one form for deciding what someone else asked for: approve or refuse, with a note where one is kept."""

from __future__ import annotations

from typing import Any

from django import forms


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Approve"), ("refuse", "Refuse")])

    def __init__(self, *args: Any, approve: str = "Approve", refuse: str = "Refuse", **kwargs: Any) -> None:
        """``approve`` and ``refuse`` word the choices for what is decided ("Approve and publish")."""
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [("approve", approve), ("refuse", refuse)]  # type: ignore[attr-defined]

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"


class NotedDecisionForm(DecisionForm):
    """A decision whose note is kept with it (in the approval and the audit log)."""

    note = forms.CharField(label="Note", max_length=500, required=False)
