"""How a receipt is shown: in groups of four, in Latin and Myanmar digits, for reading aloud."""

from __future__ import annotations

from dataclasses import dataclass

_MYANMAR = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")


@dataclass(frozen=True)
class ShownReceipt:
    latin: str
    myanmar: str

    # Two groups to a piece, each piece kept on one line: a narrow screen wraps the receipt 2 + 2.
    @property
    def latin_pairs(self) -> list[str]:
        return _pairs(self.latin)

    @property
    def myanmar_pairs(self) -> list[str]:
        return _pairs(self.myanmar)


def _pairs(grouped: str) -> list[str]:
    groups = grouped.split(" ")
    return [" ".join(groups[i : i + 2]) for i in range(0, len(groups), 2)]


def group_receipt(digits: str) -> ShownReceipt:
    latin = " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))
    return ShownReceipt(latin, latin.translate(_MYANMAR))
