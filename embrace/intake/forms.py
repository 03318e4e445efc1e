"""The enquirer's forms. They ask for little; every field has a defined answer to bad input."""

from __future__ import annotations

import unicodedata
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from embrace.intake import tokens
from embrace.myanmar import text as burmese
from embrace.myanmar.forms import LocalDigitsErrors

KINDS = [
    ("leave_alone", _("I want to leave, alone")),
    ("leave_family", _("I want to leave with my family")),
    ("leave_equipment", _("I want to leave and bring equipment")),
    ("relative", _("I am asking for a relative")),
    ("information", _("I only want information")),
]
SERVICES = [
    ("", _("Prefer not to say")),
    ("army", _("Army")),
    ("navy", _("Navy")),
    ("air_force", _("Air force")),
    ("police", _("Police")),
    ("other", _("Other")),
]
REPLY_CHANNELS = [
    ("site", _("Only on this website, with my receipt")),
    ("telegram", _("Telegram")),
    ("signal", _("Signal")),
    ("phone", _("Phone call")),
]


# How long each answer of an enquiry may be: one definition for every form that takes one (the web form,
# staff entry in embrace.channels), so an enquiry entered by staff holds no more and no less than the web's.
MESSAGE_MAX_LENGTH = 5000
RANK_MAX_LENGTH = 100
UNIT_MAX_LENGTH = 200
EQUIPMENT_MAX_LENGTH = 1000
CONTACT_MAX_LENGTH = 100


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(PhotosField, self).clean(f, initial) for f in files]


class TokenFormMixin(LocalDigitsErrors, forms.Form):
    """The one-time token and the honeypot, shared by both enquirer forms."""

    token = forms.CharField(widget=forms.HiddenInput, required=False)
    # A field people leave empty and form-filling robots do not: a filled one sends the enquiry to quarantine.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def fresh_token(self) -> None:
        """A new token that keeps the time already spent on this form (see tokens.renew)."""
        data = self.data.copy()  # type: ignore[attr-defined]
        data["token"] = tokens.renew(str(self.data.get("token") or ""))
        self.data = data

    def token_check(self) -> tokens.TokenCheck:
        return tokens.check(self.cleaned_data.get("token") or "")

    def looks_automated(self, check: tokens.TokenCheck) -> bool:
        return bool(self.cleaned_data.get("website")) or check.seconds_open < settings.INTAKE_MIN_FILL_SECONDS


class EnquiryForm(TokenFormMixin):
    kind = forms.ChoiceField(label=_("What would you like?"), choices=KINDS, widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Write in Burmese or English. Do not write your name here."),
    )
    service = forms.ChoiceField(label=_("Service"), choices=SERVICES, required=False)
    rank = forms.CharField(label=_("Rank"), max_length=RANK_MAX_LENGTH, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=UNIT_MAX_LENGTH, required=False)
    equipment = forms.CharField(
        label=_("Equipment you could bring"),
        max_length=EQUIPMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reply_via = forms.ChoiceField(
        label=_("How should we answer?"), choices=REPLY_CHANNELS, initial="site", widget=forms.RadioSelect
    )
    contact = forms.CharField(
        label=_("Telegram name, Signal number or phone number"),
        max_length=CONTACT_MAX_LENGTH,
        required=False,
        help_text=_("Only if you chose Telegram, Signal or phone."),
    )
    photos = PhotosField(label=_("Photos (optional)"), required=False)

    field_order = [
        "kind",
        "message",
        "service",
        "rank",
        "unit",
        "equipment",
        "reply_via",
        "contact",
        "photos",
        "website",
        "token",
    ]

    def clean_contact(self) -> str:
        return burmese.normalise_digits(self.cleaned_data["contact"].strip())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reply_via") in ("telegram", "signal", "phone") and not data.get("contact"):
            self.add_error("contact", _("Tell us where to answer you, or choose “only on this website”."))
        return data


class ReceiptForm(LocalDigitsErrors, forms.Form):
    receipt = forms.CharField(
        label=_("Your receipt"),
        max_length=64,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 22}),
        help_text=_("16 digits. Myanmar or Latin digits, with or without spaces."),
    )

    def clean_receipt(self) -> str:
        """The receipt as 16 ASCII digits, however it was typed: full-width or Myanmar digits (NFKC, then
        the Myanmar table), with spaces, dashes or dots. Anything else is a typing slip, answered with a
        format message before any receipt is tried, so it never counts as a wrong guess."""
        typed = unicodedata.normalize("NFKC", self.cleaned_data["receipt"])
        digits = burmese.digits_only(burmese.normalise_digits(typed))
        if not (digits.isascii() and digits.isdigit()):
            raise forms.ValidationError(
                _("A receipt has only digits (0–9 or ၀–၉). Check for letters or other signs and try again.")
            )
        if len(digits) != 16:
            raise forms.ValidationError(_("A receipt has 16 digits. Please check it and try again."))
        return digits


class ReplyForm(TokenFormMixin):
    visit = forms.CharField(widget=forms.HiddenInput, max_length=200)
    message = forms.CharField(
        label=_("Write to the programme"),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    photos = PhotosField(label=_("Add photos"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("message") and not data.get("photos") and not self.errors:
            raise forms.ValidationError(_("Write a message or add a photo."))
        return data
