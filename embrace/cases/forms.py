from __future__ import annotations

from functools import cache
from typing import Any

from django import forms
from django.forms.renderers import BaseRenderer
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.cases import search
from embrace.cases.models import Case, Status
from embrace.intake.forms import PhotosField
from embrace.myanmar.forms import LocalDigitsErrors


class ReplyForm(LocalDigitsErrors, forms.Form):
    text = forms.CharField(
        label=_("Reply to the enquirer"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    photos = PhotosField(label=_("Photos"), required=False)


class NoteForm(LocalDigitsErrors, forms.Form):
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


def _attributes(attrs: dict[str, Any]) -> str:
    """Attributes as Django's ``attrs.html`` writes them: True alone, False left out, the rest quoted."""
    return "".join(
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value)
        for name, value in attrs.items()
        if value is not False
    )


class QuickSelect(forms.Select):
    """A select written in Python, the same HTML as Django's template for it.

    Django draws each option through two included templates: the list filters' selects (every status, label,
    handler and team) cost more than the rest of their form. A plain list of options (no groups) is written
    here in one pass; grouped choices still go through the template.
    """

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: BaseRenderer | None = None,
    ) -> SafeString:
        if any(isinstance(label, (list, tuple)) for _value, label in self.choices):
            return super().render(name, value, attrs, renderer)
        chosen = self.format_value(value)
        parts = [
            format_html('<select name="{}"', name),
            _attributes(self.build_attrs(self.attrs, attrs)),
            ">",
        ]
        found = False
        for option_value, label in self.choices:
            text = "" if option_value is None else str(option_value)
            selected = not found and text in chosen
            found = found or selected
            parts.append(
                format_html(
                    '\n  <option value="{}"{}>{}</option>', text, " selected" if selected else "", label
                )
            )
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308  (every part was escaped by format_html)


@cache
def _status_choices(language: str) -> list[tuple[str, str]]:
    # Called while ``language`` is active, so the lazy names translate into it.
    return [("", str(_("Any status"))), *((value, str(label)) for value, label in Status.choices)]


def status_choices() -> list[tuple[str, str]]:
    """A status filter's choices in the active language, translated once per process per language."""
    return _status_choices(get_language() or "")


class InboxFilter(forms.Form):
    status = forms.ChoiceField(
        widget=QuickSelect,
        label=_("Status"),
        choices=[("", _("Any status")), *Status.choices],
        required=False,
    )
    unassigned = forms.BooleanField(required=False, label=_("Unassigned only"))
    label = forms.ChoiceField(widget=QuickSelect, label=_("Label"), choices=[], required=False)
    assignee = forms.ChoiceField(widget=QuickSelect, choices=[], required=False, label=_("Handler"))
    team = forms.ChoiceField(widget=QuickSelect, label=_("Team"), choices=[], required=False)

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["status"].choices = status_choices()  # type: ignore[attr-defined]
        teams = [("", _("All my teams")), *((str(t.pk), t.name) for t in user.teams.all())]
        self.fields["team"].choices = teams  # type: ignore[attr-defined]
        self.fields["label"].choices = search.label_choices(user)  # type: ignore[attr-defined]
        self.fields["assignee"].choices = search.assignee_choices(user, unassigned=False)  # type: ignore[attr-defined]
