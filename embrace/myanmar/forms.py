"""Django's own form errors with their numbers in the page's digits: "စာလုံး အများဆုံး ၅၀၀၀ လုံးသာ …" on a
Burmese page, "at most 5000 characters" on an English one.

Django raises a limit error with its numbers as parameters (``%(limit_value)d``, ``%(max)s``) and fills them
in only when the error is shown, in the page's language. ``LocalDigitsErrors``, mixed into a form, wraps
those numbers after validation in ``Shown`` numbers, which print in Myanmar digits through ``%s`` on a
Burmese page and still count as numbers (the plural is chosen from them). Three of Django's messages write
their numbers with ``%d``, which prints Latin digits whatever the number's type, and a translation may not
change ``%d`` into ``%s`` (msgfmt refuses it): those errors are given the same English sentence with ``%s``
(``PERCENT_S``; Burmese in tools/translations/leftovers.py).

A form whose fields carry a length, value or digit limit mixes this in first:
``class NoteForm(LocalDigitsErrors, forms.Form)``; ``core/tests/test_local_digits_errors.py`` finds the forms
that need it. See docs/architecture.md, "Burmese pages".
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext_lazy

from embrace.myanmar.formats import local_digits

# The parameter that carries what the person typed: never a count, shown (if at all) as typed.
TYPED = "value"


class ShownInt(int):
    """A whole number that prints (``str``, ``%s``) in the page's digits and counts as itself."""

    def __str__(self) -> str:
        return local_digits(int.__repr__(self))


class ShownDecimal(Decimal):
    """A decimal limit (``min_value=Decimal("0.01")``) that prints in the page's digits."""

    def __str__(self) -> str:
        return local_digits(Decimal.__str__(self))


# Django's messages that write their numbers with %d, keyed by (code, the parameter the plural counts):
# the same sentences with %s. The keys tell a text field's length limit from a file name's (both
# "max_length").
PERCENT_S: dict[tuple[str, str], Any] = {
    ("max_length", "limit_value"): ngettext_lazy(
        "Ensure this value has at most %(limit_value)s character (it has %(show_value)s).",
        "Ensure this value has at most %(limit_value)s characters (it has %(show_value)s).",
        "limit_value",
    ),
    ("min_length", "limit_value"): ngettext_lazy(
        "Ensure this value has at least %(limit_value)s character (it has %(show_value)s).",
        "Ensure this value has at least %(limit_value)s characters (it has %(show_value)s).",
        "limit_value",
    ),
    ("max_length", "max"): ngettext_lazy(
        "Ensure this filename has at most %(max)s character (it has %(length)s).",
        "Ensure this filename has at most %(max)s characters (it has %(length)s).",
        "max",
    ),
}


def shown(value: Any) -> Any:
    """``value`` as a number that prints in the page's digits, if it is a number; else ``value``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return ShownInt(value)
    if isinstance(value, Decimal | float):
        return ShownDecimal(str(value))
    return value


def in_page_digits(error: ValidationError) -> None:
    """Make one of Django's errors show its numbers in the page's digits, in place. What the person typed
    (``value``) and errors without numbers are left as they are."""
    if not error.params:
        return
    numbers = [name for name, value in error.params.items() if name != TYPED and shown(value) is not value]
    if not numbers:
        return
    error.params = {name: shown(value) if name in numbers else value for name, value in error.params.items()}
    for counted in numbers:
        replacement = PERCENT_S.get((error.code or "", counted))
        if replacement is not None:
            error.message = replacement
            break


class LocalDigitsErrors(forms.BaseForm):
    """Mixed in first, before ``forms.Form`` or ``forms.ModelForm``: after validation, every error Django
    raised with numbers shows them in the page's digits."""

    def full_clean(self) -> None:
        super().full_clean()
        for errors in self.errors.values():
            for error in errors.data:
                if isinstance(error, ValidationError):
                    in_page_digits(error)
