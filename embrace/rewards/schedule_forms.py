"""Forms for proposing a schedule version (a header and a formset of entry rows) and deciding on one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from embrace.myanmar.forms import LocalDigitsErrors
from embrace.rewards.fields import GroupedDecimalField, SaneDateField
from embrace.rewards.models import Schedule
from embrace.rewards.schedules import MAX_ENTRIES, EntryDraft, ScheduleError, check_entry

EXTRA_ROWS = 3


class ScheduleForm(LocalDigitsErrors, forms.Form):
    title = forms.CharField(
        max_length=120, label=_("Title"), help_text=_("As announced, e.g. “Reward schedule of …”.")
    )
    effective_from = SaneDateField(
        label=_("Takes effect on"),
        help_text=_("Today or later, after the latest published version. Acts done before keep the old one."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    announced_on = SaneDateField(
        label=_("Announced on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("On or before that day."),
    )


class EntryForm(LocalDigitsErrors, forms.Form):
    code = forms.SlugField(max_length=40, label=_("Code"))
    title_en = forms.CharField(max_length=300, label=_("English"))
    title_my = forms.CharField(max_length=300, label=_("Burmese"))
    amount_usd = GroupedDecimalField(
        max_digits=12, decimal_places=2, required=False, label="US$", min_value=Decimal("0.01")
    )
    amount_mmk = GroupedDecimalField(
        max_digits=16, decimal_places=0, required=False, label=_("Kyat"), min_value=Decimal(1)
    )
    per_item = forms.BooleanField(required=False, label=_("each"))
    valued_by_committee = forms.BooleanField(required=False, label=_("valued by committee"))

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        if not self.errors:
            try:
                check_entry(self.draft())
            except ScheduleError as exc:
                self.add_error(None, str(exc))
        return data

    def draft(self) -> EntryDraft:
        data = self.cleaned_data
        return EntryDraft(
            code=data["code"],
            title_en=data["title_en"],
            title_my=data["title_my"],
            amount_usd=data.get("amount_usd"),
            amount_mmk=data.get("amount_mmk"),
            per_item=data.get("per_item", False),
            valued_by_committee=data.get("valued_by_committee", False),
        )


class BaseEntryFormSet(forms.BaseFormSet["EntryForm"]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Every row may be left blank: clearing a row drops that entry from the new version.
        kwargs.setdefault("form_kwargs", {})["empty_permitted"] = True
        super().__init__(*args, **kwargs)

    def clean(self) -> None:
        if any(self.errors):
            return
        codes = [form.cleaned_data["code"] for form in self.filled()]
        if not codes:
            raise forms.ValidationError(gettext("A schedule needs at least one entry."))
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            raise forms.ValidationError(
                gettext("Each entry needs its own code; used twice: %(codes)s.") % {"codes": ", ".join(twice)}
            )

    def filled(self) -> list[EntryForm]:
        return [form for form in self.forms if form.has_changed() and form.cleaned_data]

    def drafts(self) -> list[EntryDraft]:
        return [form.draft() for form in self.filled()]


EntryFormSet = cast(
    type[BaseEntryFormSet],
    forms.formset_factory(
        EntryForm,
        formset=BaseEntryFormSet,
        extra=EXTRA_ROWS,
        max_num=MAX_ENTRIES,
        validate_max=True,
        absolute_max=MAX_ENTRIES + EXTRA_ROWS,
    ),
)


def entry_rows(schedule: Schedule | None) -> list[dict[str, Any]]:
    """A version's entries as the formset's initial rows, so a proposal starts from what is in force."""
    if schedule is None:
        return []
    return [
        {
            "code": e.code,
            "title_en": e.title_en,
            "title_my": e.title_my,
            "amount_usd": e.amount_usd,
            "amount_mmk": e.amount_mmk,
            "per_item": e.per_item,
            "valued_by_committee": e.valued_by_committee,
        }
        for e in schedule.entries.all()
    ]
