"""Burmese text: Zawgyi detection and conversion, digits, name and phone keys.

Some phones still type in the legacy Zawgyi font encoding, which reuses Unicode's Myanmar code points with
other meanings. Converting Unicode text as if it were Zawgyi garbles it, so conversion happens only when
Google's detector is confident; otherwise the raw text is kept and flagged for staff. See docs/myanmar.md.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import warnings
from dataclasses import dataclass
from functools import cache
from typing import Literal

import icu
import phonenumbers
from myanmartools import ZawgyiDetector

# The myanmar-tools authors suggest 0.95 when a wrong guess leads to automatic conversion (fewer than 1% of
# Unicode strings pass it) and 0.05 as the point below which Zawgyi is rare. Real sentences score within
# 1e-4 of 0 or 1; short words land in between, and those are the ones a person should look at.
ZAWGYI_ABOVE = 0.95
UNICODE_BELOW = 0.05

Encoding = Literal["unicode", "zawgyi", "uncertain", "none"]
Summary = Literal["unicode", "zawgyi", "uncertain", "none", "mixed"]


@dataclass(frozen=True)
class Detection:
    encoding: Encoding
    # Probability that the text is Zawgyi; None when it has no Myanmar letters (digits are the same in both).
    probability: float | None


@dataclass(frozen=True)
class Normalised:
    text: str
    raw: str
    encoding: Summary
    converted: bool
    needs_review: bool


@cache
def _detector() -> ZawgyiDetector:
    # myanmartools 1.2.1 loads its bundled model with importlib.resources.open_binary, deprecated in 3.11.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()


@cache
def _transliterator() -> icu.Transliterator:
    return icu.Transliterator.createInstance("Zawgyi-my")


# ICU does not promise that one Transliterator may be used by several threads at once.
_transliterator_lock = threading.Lock()


def _zawgyi_to_unicode(text: str) -> str:
    with _transliterator_lock:
        return str(_transliterator().transliterate(text))


def detect(text: str) -> Detection:
    probability = _detector().get_zawgyi_probability(text)
    if probability == float("-inf"):
        return Detection("none", None)
    if probability > ZAWGYI_ABOVE:
        return Detection("zawgyi", probability)
    if probability < UNICODE_BELOW:
        return Detection("unicode", probability)
    return Detection("uncertain", probability)


def to_unicode(text: str) -> Normalised:
    """Unicode (NFC) form of `text`, decided line by line.

    Each line is detected on its own, so a Zawgyi paragraph pasted into a Unicode message is converted and
    the rest left alone. A line too short to call takes the whole message's encoding when the whole message
    is confident and no line confidently says otherwise (one phone, one keyboard); failing that it is kept
    raw and flagged, unless both readings of it are the same text anyway.
    """
    lines = text.splitlines(keepends=True)
    verdicts = [detect(line).encoding for line in lines]
    # A message of one line (most chat messages) is its own whole: detected once, not twice.
    whole = verdicts[0] if len(lines) == 1 else detect(text).encoding
    confident = {v for v in verdicts if v in ("unicode", "zawgyi")}
    fallback = whole if whole in ("unicode", "zawgyi") and confident <= {whole} else None

    out: list[str] = []
    seen: set[str] = set()
    converted = needs_review = False
    for line, detected in zip(lines, verdicts, strict=True):
        verdict: str = fallback if detected == "uncertain" and fallback is not None else detected
        if verdict == "zawgyi":
            unicode_line = _zawgyi_to_unicode(line)
            converted = converted or unicode_line != line
            out.append(unicodedata.normalize("NFC", unicode_line))
        elif verdict == "uncertain":
            if _zawgyi_to_unicode(line) == line:
                verdict = "same"  # both readings give this very text, so nobody needs to choose
            else:
                needs_review = True
            # Kept as typed: normalising it could reorder Zawgyi marks and spoil a later conversion.
            out.append(line)
        else:
            # Unicode, or no Myanmar letters: never through the Zawgyi converter.
            out.append(unicodedata.normalize("NFC", line))
        seen.add(verdict)

    return Normalised(
        text="".join(out),
        raw=text,
        encoding=_summarise(seen),
        converted=converted,
        needs_review=needs_review,
    )


def _summarise(seen: set[str]) -> Summary:
    if "uncertain" in seen:
        return "uncertain"
    if "zawgyi" in seen:
        return "mixed" if "unicode" in seen else "zawgyi"
    if "unicode" in seen:
        return "unicode"
    # Myanmar text that reads the same in both encodings: the encoding is unknown, and harmlessly so.
    return "uncertain" if "same" in seen else "none"


def _myanmar_digit_table() -> dict[int, int]:
    # Myanmar (U+1040), Shan (U+1090) and Tai Laing (U+A9F0) digits: every decimal digit the Myanmar blocks
    # define, found by name so a digit of another script is left for the caller to reject.
    table = {}
    for start, end in ((0x1000, 0x10A0), (0xA9E0, 0xAA00), (0xAA60, 0xAA80)):
        for code in range(start, end):
            char = chr(code)
            if unicodedata.category(char) == "Nd" and unicodedata.name(char, "").startswith("MYANMAR"):
                table[code] = ord(str(unicodedata.decimal(char)))
    return table


_DIGITS = _myanmar_digit_table()
# The letter wa (U+101D) and the digit zero (U+1040) look identical and are typed for each other; in a
# number it is 0.
_WA, _ZERO = "\u101d", "\u1040"
_DIGITS_IN_NUMBERS = {**_DIGITS, ord(_WA): ord("0")}
_SEPARATORS = frozenset(" .·‧\u2024\u00a0\u200b\u200c\u200d\u2060\ufeff\u2212")


_TO_MYANMAR = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")


def myanmar_digits(text: str) -> str:
    """ASCII digits as Myanmar digits (for Burmese pages); everything else untouched."""
    return text.translate(_TO_MYANMAR)


def normalise_digits(text: str) -> str:
    """Myanmar-block digits as ASCII digits; everything else untouched."""
    return text.translate(_DIGITS)


def digits_only(text: str) -> str:
    """A receipt, phone or service number with its separators removed and its digits in ASCII.

    Only spaces, dashes and dots go; any other character stays, so the caller's validation can reject it.
    """
    text = text.translate(_DIGITS_IN_NUMBERS)
    return "".join(
        c for c in text if not (c in _SEPARATORS or c.isspace() or unicodedata.category(c) == "Pd")
    )


# Leading titles and ranks, as whole tokens. A rank changes and a title depends on who speaks, so neither
# helps to tell one person from another. Ranks matter here: enquirers are soldiers and police.
_HONORIFICS = frozenset(
    unicodedata.normalize("NFC", word).casefold()
    for word in (
        # Burmese: U, Daw, Ko, Ma, Maung, Doctor, Saya, Sayama; Karen Saw, Naw.
        "ဦး", "ဒေါ်", "ကို", "မ", "မောင်", "ဒေါက်တာ", "ဆရာ", "ဆရာမ", "စော", "နော်",
        # Army: 2nd Lt, Lt, Captain, Major, Lt Col, Colonel, Lance Corporal, Corporal, Sergeant, Private.
        "ဒုဗိုလ်", "ဗိုလ်", "ဗိုလ်ကြီး", "ဗိုလ်မှူး", "ဒုဗိုလ်မှူးကြီး", "ဗိုလ်မှူးကြီး",
        "ဒုတပ်ကြပ်", "တပ်ကြပ်", "တပ်ကြပ်ကြီး", "တပ်သား",
        # Police: sub-inspector, inspector, constable.
        "ဒုရဲအုပ်", "ရဲအုပ်", "ရဲတပ်သား",
        # Latin spellings.
        "u", "daw", "ko", "ma", "maung", "mg", "dr", "saya", "sayama", "saw", "naw",
        "mr", "mrs", "ms", "miss", "capt", "maj", "col", "lt", "sgt", "cpl", "pte",
    )
)  # fmt: skip
_PHONE_SHAPE = re.compile(r"\+?[0-9]+")
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff")


def name_key(text: str) -> str:
    """A key under which two spellings of one personal name should meet, for duplicate signals.

    Not an identity: different people share names, and a name typed in too short a Zawgyi string to detect
    keeps its raw form. Honorifics go only as separate leading words ("ဦး အောင်အောင်", not "ဦးအောင်အောင်").
    """
    unicode_text = unicodedata.normalize("NFC", to_unicode(text).text)
    # Zero-width characters would hide a word boundary from split(); treat them as spaces.
    words = "".join(" " if c in _INVISIBLE else c for c in unicode_text).casefold().split()
    while len(words) > 1 and words[0].rstrip(".") in _HONORIFICS:
        words.pop(0)
    # Digit zero typed for the identical-looking letter wa: a name has no digits, so it is the letter.
    joined = "".join(words).replace(_ZERO, _WA)
    return "".join(c for c in normalise_digits(joined) if unicodedata.category(c)[0] in "LMN")


def phone_key(text: str) -> str | None:
    """E.164 form of a phone number (Myanmar by default), or None when it cannot be a number.

    Checked for a possible length only, not against the current list of allocated ranges, so that numbers
    from ranges newer than our copy of phonenumbers still meet their duplicates.
    """
    candidate = digits_only(text).replace("(", "").replace(")", "")
    # phonenumbers would read letters as a keypad spelling (1-800-FLOWERS); an enquirer's number has none.
    if not _PHONE_SHAPE.fullmatch(candidate):
        return None
    try:
        number = phonenumbers.parse(candidate, "MM")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
