"""Money as whole numbers of a currency's minor unit (cents, satang, pya), never floats.

Every amount the programme stores is an ``int`` of minor units beside its currency; ``Decimal`` is used only
at the edges, to read what a person typed and to show it back. Minor units are ISO 4217's: two for all three
currencies the programme pays in (the kyat's pya are no longer coined, but ISO keeps two places, and
exchange-rate arithmetic needs them).
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from django.db import models


class Currency(models.TextChoices):
    USD = "USD", "US dollar"
    MMK = "MMK", "Myanmar kyat"
    THB = "THB", "Thai baht"


MINOR_UNITS: dict[str, int] = {Currency.USD: 2, Currency.MMK: 2, Currency.THB: 2}
# Larger than any sum the programme will hold, small enough for a 64-bit column after any addition.
MAX_MINOR = 10**15


class MoneyError(ValueError):
    """An amount that cannot be money in this currency; the message says why, in words for the user."""


def _places(currency: str) -> int:
    try:
        return MINOR_UNITS[currency]
    except KeyError:
        raise MoneyError(f"{currency!r} is not a currency the programme pays in.") from None


def to_minor(amount: Decimal | str | int, currency: str) -> int:
    """Exact conversion: an amount with more decimal places than the currency has is refused, not rounded."""
    places = _places(currency)
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError):
        raise MoneyError(f"{amount!r} is not an amount.") from None
    if not value.is_finite():
        raise MoneyError("An amount must be a number.")
    scaled = value.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise MoneyError(f"{currency} has {places} decimal places; {value} has more.")
    minor = int(scaled)
    if abs(minor) >= MAX_MINOR:
        raise MoneyError("That amount is too large.")
    return minor


def from_minor(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-_places(currency))


def convert(minor: int, currency: str, to_currency: str, rate: Decimal) -> int:
    """``minor`` of ``currency`` in ``to_currency`` at ``rate`` (units of ``to_currency`` per unit of
    ``currency``), rounded half-even to the target's minor unit: the one rounding a payment makes."""
    if rate <= 0:
        raise MoneyError("An exchange rate must be more than zero.")
    value = from_minor(minor, currency) * rate
    places = _places(to_currency)
    return int(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN).scaleb(places))


def display(minor: int, currency: str) -> str:
    """``1,000,000.00 MMK``: grouped with commas in every language, like the published schedule."""
    places = _places(currency)
    return f"{from_minor(minor, currency):,.{places}f} {currency}"


def split(total: int, weights: list[int]) -> list[int]:
    """``total`` divided in proportion to ``weights`` so the parts add up exactly to ``total``.

    Largest remainder: each part gets its floor, and the minor units left over go one each to the parts
    with the largest remainders (ties to the earlier part), so no cent is invented or lost.
    """
    whole = sum(weights)
    if whole <= 0 or any(w < 0 for w in weights):
        raise MoneyError("Shares must be positive.")
    floors = [total * w // whole for w in weights]
    remainders = [total * w % whole for w in weights]
    left = total - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:left]:
        floors[i] += 1
    return floors
