from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from embrace.accounts.forms import CodeForm, NewPasswordForm
from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role, duties_conflict
from embrace.myanmar.forms import LocalDigitsErrors


class _RolesAndTeams(LocalDigitsErrors, forms.Form):
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("Roles"), choices=Role.choices, widget=forms.CheckboxSelectMultiple, required=False
    )
    teams = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Teams"),
        queryset=Team.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if conflict := duties_conflict(data.get("roles", [])):
            self.add_error("roles", conflict)
        return data


class InviteForm(_RolesAndTeams):
    username = forms.CharField(
        label=gettext_lazy("Username"), max_length=150, validators=[User.username_validator]
    )
    field_order = ["username", "roles", "teams"]

    def clean_username(self) -> str:
        username = str(self.cleaned_data["username"]).strip()
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(gettext_lazy("An account with this username already exists."))
        return username


class AccessForm(_RolesAndTeams):
    """The whole access of one account: what is unticked is removed at once, what is ticked anew waits for
    a second administrator."""

    is_active = forms.BooleanField(label=gettext_lazy("Active"), required=False)

    def __init__(self, *args: Any, user: User, editor: User, **kwargs: Any) -> None:
        self.user, self.editor = user, editor
        kwargs.setdefault(
            "initial",
            {
                "roles": [r.value for r in user.roles],
                "teams": list(user.teams.all()),
                "is_active": user.is_active,
            },
        )
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        if self.user.pk == self.editor.pk:
            raise forms.ValidationError(
                gettext_lazy(
                    "Nobody changes their own roles, teams or active flag. Ask another administrator."
                )
            )
        return super().clean()


class AcceptInvitationForm(NewPasswordForm, CodeForm):
    # Each person's pages are in the language they choose here (changeable later on "My settings").
    language = forms.ChoiceField(
        label=gettext_lazy("Language of your pages"),
        choices=[("my", "မြန်မာ"), ("en", "English")],
        initial="my",
        required=False,
    )
    field_order = ["language", "new_password", "new_password_again", "code"]


class FingerprintForm(LocalDigitsErrors, forms.Form):
    fingerprint = forms.CharField(
        label=gettext_lazy("Fingerprint as the person reads it to you"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_fingerprint(self) -> str:
        value = str(self.cleaned_data["fingerprint"])
        if len([ch for ch in value if ch.isdigit()]) != 16:
            raise forms.ValidationError(gettext_lazy("A fingerprint has 16 digits, in four groups of four."))
        return value
