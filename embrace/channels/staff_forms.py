"""The form staff fill in for an enquiry received by phone, in person or passed on.

It asks what the web form asks, from the same lists and with the same length limits (``intake.forms``),
worded for the staff member who writes down what the person said; plus how it came, who received it and,
for a referral, who passed it on.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from embrace.accounts.models import User
from embrace.cases import words
from embrace.channels.actions import STAFF_CHANNELS, receivers
from embrace.intake import forms as enquiry
from embrace.intake import tokens
from embrace.myanmar import text as burmese
from embrace.myanmar.forms import LocalDigitsErrors

# The web form's lists, keyed the same (the case page words them), in the words staff read on case pages.
KIND_CHOICES = [(key, words.KINDS[key]) for key, _label in enquiry.KINDS]
SERVICE_CHOICES = [(key, words.SERVICES[key]) for key, _label in enquiry.SERVICES]
REPLY_CHOICES = [(key, words.REPLY_CHANNELS[key]) for key, _label in enquiry.REPLY_CHANNELS]


class ReceiverField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.username)

    def to_python(self, value: Any) -> Any:
        # Anything that is not one of the listed people gets the same plain words, never Django's
        # "“…” is not a valid UUID" (an internal name, and untranslated).
        try:
            return super().to_python(value)
        except ValidationError:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from None


class StaffEnquiryForm(LocalDigitsErrors, forms.Form):
    channel = forms.ChoiceField(
        label=_("How did it come?"),
        choices=[(c.value, c.label) for c in STAFF_CHANNELS],
        widget=forms.RadioSelect,
    )
    received_by = ReceiverField(
        label=_("Who received it"),
        queryset=User.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose yourself or a colleague of one of your teams.")},
    )
    referred_by = forms.CharField(
        label=_("Who passed it on"),
        max_length=200,
        required=False,
        help_text=_(
            "Only for an enquiry passed on by a minister or a contact: who they are, as your team knows "
            "them. It is sealed with the enquiry."
        ),
    )
    kind = forms.ChoiceField(label=_("What do they want?"), choices=KIND_CHOICES, widget=forms.RadioSelect)
    message = forms.CharField(
        label=_("What they said"),
        max_length=enquiry.MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "As close to their words as you can, in Burmese or English. Do not write their name here."
        ),
    )
    service = forms.ChoiceField(label=_("Service"), choices=SERVICE_CHOICES, required=False)
    rank = forms.CharField(label=_("Rank"), max_length=enquiry.RANK_MAX_LENGTH, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=enquiry.UNIT_MAX_LENGTH, required=False)
    equipment = forms.CharField(
        label=_("Equipment they could bring"),
        max_length=enquiry.EQUIPMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    reply_via = forms.ChoiceField(
        label=_("How to answer them"), choices=REPLY_CHOICES, initial="site", widget=forms.RadioSelect
    )
    contact = forms.CharField(
        label=_("Their Telegram name, Signal number or phone number"),
        max_length=enquiry.CONTACT_MAX_LENGTH,
        required=False,
        help_text=_("Only if they want an answer by Telegram, Signal or phone."),
    )
    photos = enquiry.PhotosField(label=_("Photos (optional)"), required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_by"].queryset = receivers(user)  # type: ignore[attr-defined]

    def clean_contact(self) -> str:
        return burmese.normalise_digits(self.cleaned_data["contact"].strip())

    def clean_referred_by(self) -> str:
        return burmese.to_unicode(self.cleaned_data["referred_by"].strip()).text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reply_via") in ("telegram", "signal", "phone") and not data.get("contact"):
            self.add_error("contact", _("Write where to answer them, or choose “only on the website”."))
        referral = data.get("channel") == "referral"
        if referral and not data.get("referred_by"):
            self.add_error("referred_by", _("Say who passed it on."))
        elif data.get("referred_by") and not referral and "channel" in data:
            self.add_error(
                "referred_by", _("Leave this empty unless a minister or a contact passed the enquiry on.")
            )
        return data

    def fresh_token(self) -> None:
        """A new token for a page sent back to be sent again (expired, or already sent)."""
        data = self.data.copy()  # type: ignore[attr-defined]
        data["token"] = tokens.renew(str(self.data.get("token") or ""))
        self.data = data

    def token_check(self) -> tokens.TokenCheck:
        return tokens.check(self.cleaned_data.get("token") or "")
