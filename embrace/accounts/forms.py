from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from embrace.accounts.models import Team, User
from embrace.myanmar.forms import LocalDigitsErrors


class LoginForm(LocalDigitsErrors, forms.Form):
    username = forms.CharField(
        label=_("Username"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=1024,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    # Asked for only after repeated failures (for this name or across the site): with the password, a valid
    # code signs in at once, whatever a stranger has been trying.
    code = forms.RegexField(
        label=_("Code from your authenticator"),
        regex=r"^\s*\d{6}\s*$",
        required=False,
        error_messages={"invalid": _("Enter the 6-digit code from your authenticator app.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}),
    )

    def clean_code(self) -> str:
        return str(self.cleaned_data.get("code") or "").strip()


class CodeForm(forms.Form):
    code = forms.RegexField(
        label=_("Code from your authenticator"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the 6-digit code from your authenticator app.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}),
    )

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).strip()


class NewPasswordForm(LocalDigitsErrors, forms.Form):
    new_password = forms.CharField(
        label=_("New password"),
        max_length=1024,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password_again = forms.CharField(
        label=_("New password again"),
        max_length=1024,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("new_password"), data.get("new_password_again")
        if first and second and first != second:
            self.add_error("new_password_again", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(first, self.user)
            except forms.ValidationError as exc:
                self.add_error("new_password", exc)
        return data


class EnrolForm(NewPasswordForm, CodeForm):
    """First login: confirm the authenticator (and choose a password if the account has a temporary one)."""

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        if not user.must_change_password:
            del self.fields["new_password"], self.fields["new_password_again"]


class PasswordChangeForm(NewPasswordForm):
    current_password = forms.CharField(
        label=_("Current password"),
        max_length=1024,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    field_order = ["current_password", "new_password", "new_password_again"]

    def clean_current_password(self) -> str:
        password = self.cleaned_data["current_password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your current password."))
        return str(password)


class RecoverForm(NewPasswordForm, CodeForm):
    username = forms.CharField(label=_("Username"), max_length=150)
    recovery_key = forms.CharField(
        label=_("Recovery key"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    field_order = ["username", "recovery_key", "code", "new_password", "new_password_again"]


class TeamForm(LocalDigitsErrors, forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name", "description"]
        labels = {"name": _("Name"), "description": _("Description")}
        error_messages = {"name": {"unique": _("A team with this name already exists.")}}


class ReenrolForm(LocalDigitsErrors, forms.Form):
    """A lost authenticator: the password and the recovery key together set up a new one."""

    username = forms.CharField(
        label=_("Username"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=1024,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    recovery_key = forms.CharField(
        label=_("Recovery key"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
