"""How a receipt is shown: in groups of four, in Latin and Myanmar digits, for reading aloud."""

from __future__ import annotations

from dataclasses import dataclass

_MYANMAR = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")


@dataclass(frozen=True)
class ShownReceipt:
    latin: str
    myanmar: str


def group_receipt(digits: str) -> ShownReceipt:
    latin = " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    return ShownReceipt(latin, latin.translate(_MYANMAR))
