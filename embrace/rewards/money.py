"""Money as whole numbers of a currency's minor unit (cents, satang, pya), never floats.

Every amount the programme stores is an ``int`` of minor units beside its currency; ``Decimal`` is used only
at the edges, to read what a person typed and to show it back. Minor units are ISO 4217's: two for all three
currencies the programme pays in (the kyat's pya are no longer coined, but ISO keeps two places, and
exchange-rate arithmetic needs them).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from django.db import models
from django.utils.translation import get_language, gettext, gettext_lazy
from django.utils.translation import gettext as _

from embrace.myanmar.formats import amount
from embrace.myanmar.templatetags.myanmar import digits


class Currency(models.TextChoices):
    USD = "USD", gettext_lazy("US dollar")
    MMK = "MMK", gettext_lazy("Myanmar kyat")
    THB = "THB", gettext_lazy("Thai baht")


MINOR_UNITS: dict[str, int] = {Currency.USD: 2, Currency.MMK: 2, Currency.THB: 2}
# Larger than any sum the programme will hold, small enough for a 64-bit column after any addition.
MAX_MINOR = 10**15


class MoneyError(ValueError):
    """An amount that cannot be money in this currency; the message says why, in words for the user."""


def _places(currency: str) -> int:
    try:
        return MINOR_UNITS[currency]
    except KeyError:
        raise MoneyError(
            _("%(currency)s is not a currency the programme pays in.") % {"currency": currency}
        ) from None


# What a person may type: digits, optionally grouped by commas in threes, optionally a point and decimals.
# Not "1e9", "Infinity", "NaN" or "0x10", which Decimal would take.
PLAIN_AMOUNT = re.compile(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_MYANMAR_DIGITS = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")


def typed(raw: str) -> str:
    """What a person typed, made plain: full-width and Myanmar digits as ASCII, no spaces, no ``$``."""
    text = unicodedata.normalize("NFKC", raw).translate(_MYANMAR_DIGITS)
    return "".join(text.split()).removeprefix("$")


def to_minor(amount: Decimal | str | int, currency: str) -> int:
    """Exact conversion: an amount with more decimal places than the currency has is refused, not rounded.

    Text must be a plain decimal (``PLAIN_AMOUNT``): a typed "1e9" is refused, not read as a billion.
    """
    places = _places(currency)
    if isinstance(amount, str):
        text = typed(amount)
        if not PLAIN_AMOUNT.fullmatch(text):
            raise MoneyError(
                _("Type the amount in plain digits, e.g. 1500 or 1,500.00: no letters, no exponent.")
            )
        amount = text.replace(",", "")
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError):
        raise MoneyError(_("%(amount)r is not an amount.") % {"amount": amount}) from None
    if not value.is_finite():
        raise MoneyError(_("An amount must be a number."))
    scaled = value.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise MoneyError(
            _("%(currency)s has %(places)d decimal places; %(value)s has more.")
            % {"currency": currency, "places": places, "value": value}
        )
    minor = int(scaled)
    if abs(minor) >= MAX_MINOR:
        raise MoneyError(_("That amount is too large."))
    return minor


def from_minor(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-_places(currency))


def convert(minor: int, currency: str, to_currency: str, rate: Decimal) -> int:
    """``minor`` of ``currency`` in ``to_currency`` at ``rate`` (units of ``to_currency`` per unit of
    ``currency``), rounded half-even to the target's minor unit: the one rounding a payment makes."""
    if rate <= 0:
        raise MoneyError(_("An exchange rate must be more than zero."))
    value = from_minor(minor, currency) * rate
    places = _places(to_currency)
    return int(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN).scaleb(places))


def display(minor: int, currency: str) -> str:
    """``1,000,000.00 MMK``: grouped with commas in every language, like the published schedule, in Myanmar
    digits on a Burmese page (``myanmar.formats.amount``). For pages only: exports write plain numbers."""
    return amount(from_minor(minor, currency), currency, _places(currency))


def amount_shown(minor: int, currency: str) -> str:
    """An amount inside a sentence on a page, with its currency as a volunteer reads it: "US$1,250.00",
    "1,000,000.00 kyat"; Myanmar digits and the currency's Burmese name on a Burmese page."""
    places = _places(currency)
    number = digits(f"{from_minor(minor, currency):,.{places}f}")
    if currency == Currency.USD:
        return f"US${number}"
    return f"{number} {_NAMES[currency]}"


def split(total: int, weights: list[int]) -> list[int]:
    """``total`` divided in proportion to ``weights`` so the parts add up exactly to ``total``.

    Largest remainder: each part gets its floor, and the minor units left over go one each to the parts
    with the largest remainders (ties to the earlier part), so no cent is invented or lost.
    """
    whole = sum(weights)
    if whole <= 0 or any(w < 0 for w in weights):
        raise MoneyError(_("Shares must be positive."))
    floors = [total * w // whole for w in weights]
    remainders = [total * w % whole for w in weights]
    left = total - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        floors[i] += 1
    return floors


# --- Amounts in words, for the confirmation step above a threshold ------------------------------------------

_EN_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def _en_words(n: int) -> str:
    if n < 20:
        return _EN_SMALL[n]
    if n < 100:
        return _EN_TENS[n // 10] + ("-" + _EN_SMALL[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _EN_SMALL[n // 100] + " hundred" + (" and " + _en_words(rest) if rest else "")
    for size, name in _EN_SCALES:
        if n >= size:
            rest = n % size
            joiner = " and " if 0 < rest < 100 else " "
            return _en_words(n // size) + " " + name + (joiner + _en_words(rest) if rest else "")
    raise AssertionError(n)  # pragma: no cover


# Burmese counts in its own places: ten, hundred, thousand, ten thousand (သောင်း), lakh (သိန်း), million
# (သန်း), ten million (ကုဋေ); larger numbers are a count of ကုဋေ, as Burmese speakers say them.
_MY_DIGITS = ["", "တစ်", "နှစ်", "သုံး", "လေး", "ငါး", "ခြောက်", "ခုနစ်", "ရှစ်", "ကိုး"]
_MY_PLACES = [
    (10**7, "ကုဋေ"),
    (10**6, "သန်း"),
    (10**5, "သိန်း"),
    (10**4, "သောင်း"),
    (1000, "ထောင်"),
    (100, "ရာ"),
    (10, "ဆယ်"),
]


def _my_words(n: int) -> str:
    if n == 0:
        return "သုည"
    parts = []
    if n >= 10**8:
        parts.append(_my_words(n // 10**7) + " ကုဋေ")
        n %= 10**7
    for size, name in _MY_PLACES:
        if n >= size:
            parts.append(_MY_DIGITS[n // size] + name)
            n %= size
    if n:
        parts.append(_MY_DIGITS[n])
    return " ".join(parts)


_NAMES: dict[str, object] = {
    Currency.USD: gettext_lazy("US dollars"),
    Currency.MMK: gettext_lazy("kyat"),
    Currency.THB: gettext_lazy("baht"),
}


def currency_name(currency: str) -> str:
    """The currency in words for a sentence: "US dollars", "kyat", "baht" (Burmese on a Burmese page)."""
    return str(_NAMES[currency])


def needs_confirmation(minor: int, currency: str) -> bool:
    """Above the programme's threshold for the currency (settings.REWARDS_CONFIRM_ABOVE, whole units), a
    page repeats the amount in words and asks before it is taken."""
    from django.conf import settings

    limit = settings.REWARDS_CONFIRM_ABOVE.get(currency)
    return limit is not None and abs(minor) > limit * 10 ** _places(currency)


def in_words(minor: int, currency: str) -> str:
    """The amount in words in the page's language, e.g. "one thousand two hundred US dollars and 50 cents";
    staff read it back before a large amount is taken, so a slip of a digit or a comma shows."""
    places = _places(currency)
    whole, cents = divmod(abs(minor), 10**places)
    name = str(_NAMES[currency])
    burmese = (get_language() or "").startswith("my")
    words = _my_words(whole) if burmese else _en_words(whole)
    if cents:
        return gettext("%(words)s %(currency)s and %(cents)s/100") % {
            "words": words,
            "currency": name,
            "cents": cents,
        }
    return gettext("%(words)s %(currency)s") % {"words": words, "currency": name}
