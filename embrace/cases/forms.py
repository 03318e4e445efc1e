from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.cases import search
from embrace.cases.models import Case, Status
from embrace.intake.forms import PhotosField


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply to the enquirer"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    photos = PhotosField(label=_("Photos"), required=False)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note (never shown to the enquirer)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(queryset=User.objects.none(), label=_("Handler"))

    def __init__(self, *args: object, case: Case, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["handler"].queryset = User.objects.filter(  # type: ignore[attr-defined]
            is_active=True, teams=case.team, role_assignments__role=Role.HANDLER
        ).distinct()


class InboxFilter(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Status.choices], required=False
    )
    unassigned = forms.BooleanField(required=False, label=_("Unassigned only"))
    label = forms.ChoiceField(label=_("Label"), choices=[], required=False)
    assignee = forms.ChoiceField(choices=[], required=False, label=_("Handler"))
    team = forms.ChoiceField(label=_("Team"), choices=[], required=False)

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        teams = [("", _("All my teams")), *((str(t.pk), t.name) for t in user.teams.all())]
        self.fields["team"].choices = teams  # type: ignore[attr-defined]
        self.fields["label"].choices = search.label_choices(user)  # type: ignore[attr-defined]
        self.fields["assignee"].choices = search.assignee_choices(user, unassigned=False)  # type: ignore[attr-defined]
