"""Burmese text handling, on real Zawgyi and Unicode samples.

The Zawgyi samples were typed in Zawgyi's visual order (vowel sign E and medial RA before the consonant,
U+1039 as the asat, stacked consonants from U+1060-U+1097); each Unicode twin is the standard spelling.
"""

from __future__ import annotations

import unicodedata
from importlib.resources import files

import pytest
from django.apps import apps
from hypothesis import given, settings
from hypothesis import strategies as st

from embrace.myanmar.text import (
    UNICODE_BELOW,
    ZAWGYI_ABOVE,
    Normalised,
    detect,
    digits_only,
    name_key,
    normalise_digits,
    phone_key,
    to_unicode,
)

# (Zawgyi, Unicode): each confidently detected on its own.
PAIRS = [
    ("ျမန္မာ", "မြန်မာ"),  # Myanmar
    ("ကၽြန္ေတာ္", "ကျွန်တော်"),  # I (male speaker)
    ("ေက်းဇူးတင္ပါတယ္", "ကျေးဇူးတင်ပါတယ်"),  # thank you
    ("ေနေကာင္းလား", "နေကောင်းလား"),  # how are you?
    ("ရန္ကုန္", "ရန်ကုန်"),  # Yangon
    ("ျပည္ေထာင္စု", "ပြည်ထောင်စု"),  # union
    ("အမ်ိဳးသားညီညြတ္ေရးအစိုးရ", "အမျိုးသားညီညွတ်ရေးအစိုးရ"),  # National Unity Government
    ("တပ္မေတာ္", "တပ်မတော်"),  # Tatmadaw
    ("ဖုန္းနံပါတ္", "ဖုန်းနံပါတ်"),  # phone number
    ("ကၽြန္ေတာ္ စစ္တပ္က ထြက္ခ်င္ပါတယ္", "ကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်"),  # I want to leave the army
    ("ႏွင့္", "နှင့်"),  # and (NA with its short-leg form)
    ("ၿပီ", "ပြီ"),  # already (RA with its narrow form)
]
# Short ones: one syllable, two or three code points.
SHORT_PAIRS = [("ေန", "နေ"), ("ေမ", "မေ"), ("စစ္", "စစ်"), ("မင္း", "မင်း")]
# Unicode that the Zawgyi converter would garble (each maps to something else under Zawgyi-my).
UNICODE_ONLY = ["မင်္ဂလာပါ", "ကျ", "ပြော", "ချစ်", "ကျော်", "မြို့", "ဗိုလ်ကြီး", *(u for _, u in PAIRS)]


@pytest.mark.parametrize(("zawgyi", "unicode"), PAIRS + SHORT_PAIRS)
def test_confident_zawgyi_is_converted_and_the_raw_kept(zawgyi: str, unicode: str) -> None:
    assert detect(zawgyi).encoding == "zawgyi"
    result = to_unicode(zawgyi)
    assert result.text == unicode
    assert result.raw == zawgyi
    assert (result.encoding, result.converted, result.needs_review) == ("zawgyi", True, False)


@pytest.mark.parametrize("unicode", UNICODE_ONLY)
def test_unicode_text_is_never_converted(unicode: str) -> None:
    result = to_unicode(unicode)
    assert detect(unicode).encoding == "unicode"
    assert result.text == unicode
    assert (result.encoding, result.converted, result.needs_review) == ("unicode", False, False)


def probability(text: str) -> float:
    value = detect(text).probability
    assert value is not None
    return value


def test_sentences_are_far_from_the_thresholds() -> None:
    # If a new myanmartools model moved a sample near a threshold, the tests above would pass by luck.
    for zawgyi, unicode in PAIRS:
        assert probability(zawgyi) > 0.97
        assert probability(unicode) < 0.01
    assert UNICODE_BELOW < ZAWGYI_ABOVE


def test_mixed_burmese_english_and_digits() -> None:
    result = to_unicode("Hello ေက်းဇူးတင္ပါတယ္ 2024 ၁၂၃")
    assert result.text == "Hello ကျေးဇူးတင်ပါတယ် 2024 ၁၂၃"
    assert result.converted


def test_short_zawgyi_that_cannot_be_called_is_kept_and_flagged() -> None:
    # "Mingalaba" in Zawgyi: real, but seven code points are not enough for the detector (p ~ 0.54).
    detection = detect("မဂၤလာပါ")
    assert detection.encoding == "uncertain"
    assert UNICODE_BELOW < probability("မဂၤလာပါ") < ZAWGYI_ABOVE
    result = to_unicode("မဂၤလာပါ")
    assert result.text == "မဂၤလာပါ"
    assert (result.encoding, result.converted, result.needs_review) == ("uncertain", False, True)


@pytest.mark.parametrize("text", ["က", "ပါ", "မိသားစု", "ဆို", "လား"])
def test_uncertain_text_that_reads_the_same_in_both_encodings_needs_no_review(text: str) -> None:
    result = to_unicode(text)
    assert detect(text).encoding == "uncertain"
    assert (result.text, result.needs_review, result.converted) == (text, False, False)


@pytest.mark.parametrize("text", ["", " ", "  \n\t ", "\u200b"])
def test_empty_and_blank_text(text: str) -> None:
    assert detect(text).encoding == "none"
    assert to_unicode(text) == Normalised(
        text=text, raw=text, encoding="none", converted=False, needs_review=False
    )


def test_text_without_myanmar_letters_is_left_alone_but_normalised() -> None:
    decomposed = "Cafe\u0301 ၀၉၁၂"
    assert detect(decomposed) == detect("abc")
    assert detect("abc").probability is None
    assert to_unicode(decomposed).text == "Café ၀၉၁၂"


def test_zawgyi_paragraph_inside_a_unicode_message_is_converted_alone() -> None:
    message = "မင်္ဂလာပါ\nကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်\n\nေက်းဇူးတင္ပါတယ္\n"
    result = to_unicode(message)
    assert result.text == "မင်္ဂလာပါ\nကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်\n\nကျေးဇူးတင်ပါတယ်\n"
    assert (result.encoding, result.converted, result.needs_review) == ("mixed", True, False)


def test_short_line_takes_the_encoding_of_a_confident_message() -> None:
    zawgyi = to_unicode("မဂၤလာပါ\nကၽြန္ေတာ္ စစ္တပ္က ထြက္ခ်င္ပါတယ္")
    assert zawgyi.text == "မင်္ဂလာပါ\nကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်"
    assert not zawgyi.needs_review
    # "ကြ" alone is uncertain (p ~ 0.68) and Zawgyi-my would make it "ကွ"; in a Unicode message it stays.
    assert detect("ကြ").encoding == "uncertain"
    unicode = to_unicode("ကြ\nကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်")
    assert unicode.text == "ကြ\nကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်"
    assert (unicode.encoding, unicode.converted, unicode.needs_review) == ("unicode", False, False)


def test_short_line_in_a_message_of_both_encodings_is_flagged() -> None:
    result = to_unicode("ကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်\nေက်းဇူးတင္ပါတယ္\nမဂၤလာပါ")
    assert result.text == "ကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်\nကျေးဇူးတင်ပါတယ်\nမဂၤလာပါ"
    assert (result.encoding, result.converted, result.needs_review) == ("uncertain", True, True)


def test_very_long_message_is_converted_per_line() -> None:
    unicode_line = "ကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်\n"
    message = unicode_line * 2000 + "ကၽြန္ေတာ္ စစ္တပ္က ထြက္ခ်င္ပါတယ္\n" + unicode_line * 2000
    result = to_unicode(message)
    assert result.text == unicode_line * 4001
    assert (result.encoding, result.converted, result.needs_review) == ("mixed", True, False)


WORDS = st.sampled_from([*UNICODE_ONLY, "Hello", "2024", "၁၂၃", "ကျွန်တော် စစ်တပ်က ထွက်ချင်ပါတယ်"])


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=6), st.sampled_from([" ", "\n", "\n\n"]))
def test_unicode_messages_come_back_unchanged(words: list[str], separator: str) -> None:
    message = separator.join(words)
    result = to_unicode(message)
    assert result.text == message
    assert not result.converted


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_text_keeps_its_raw_form(text: str) -> None:
    result = to_unicode(text)
    assert result.raw == text
    if not result.converted:
        # Nothing converted: at most a change of normal form (lines kept for review stay exactly as typed).
        assert unicodedata.normalize("NFC", result.text) == unicodedata.normalize("NFC", text)


def test_myanmar_digits_become_ascii() -> None:
    assert normalise_digits("၀၉၁၂၃၄၅၆၇၈") == "0912345678"
    assert normalise_digits("Shan ႐႑႒႙, Tai Laing ꧰꧹") == "Shan 0129, Tai Laing 09"
    # Other scripts' digits are not Myanmar digits: left for the caller's validation to refuse.
    assert normalise_digits("๑ \u0661 abc မ") == "๑ \u0661 abc မ"


def test_digits_only_strips_separators_and_keeps_anything_else() -> None:
    assert digits_only("၀၉-၄၅၀ ၁၂၃.၄၅၆") == "09450123456"
    assert digits_only("1234\u00a05678\u20139012\u200b3456") == "1234567890123456"
    assert digits_only("ဝ၉ ၄၅ဝ") == "09450"  # letter wa typed for the identical-looking zero
    assert digits_only("12a4") == "12a4"
    assert digits_only("") == ""


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("၀၉ ၄၅၀ ၁၂၃ ၄၅၆", "+959450123456"),
        ("09-450-123-456", "+959450123456"),
        ("+95 9 450 123 456", "+959450123456"),
        ("(၀၉) ၄၅၀ ၁၂၃၄၅၆", "+959450123456"),
        ("ဝ၉၄၅ဝ၁၂၃၄၅၆", "+959450123456"),
        ("+66 81 234 5678", "+66812345678"),
    ],
)
def test_phone_key_is_e164(typed: str, e164: str) -> None:
    assert phone_key(typed) == e164


@pytest.mark.parametrize("typed", ["", "   ", "123", "abc", "09-FLOWERS", "0945012345a", "++95"])
def test_phone_key_refuses_what_cannot_be_a_number(typed: str) -> None:
    assert phone_key(typed) is None


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (["အောင်အောင်", "ဦး အောင်အောင်", "ဦး ေအာင္ေအာင္", " ဦး  အောင် အောင် ", "အောင်\u200bအောင်"], "အောင်အောင်"),
        (["ဗိုလ်ကြီး ဇော်ဝင်း", "ဇော် ဝင်း", "ဇော်၀င်း", "တပ်ကြပ် ဇော်ဝင်း။"], "ဇော်ဝင်း"),
        (["ဒေါ် မြင့်မြင့်", "မ မြင့်မြင့်", "\u1025\u102eး မြင့်မြင့်"], "မြင့်မြင့်"),
        (["U Aung Aung", "aung aung", "Mg. Aung-Aung", "AUNG AUNG"], "aungaung"),
    ],
)
def test_name_key_joins_spellings_of_one_name(spellings: list[str], key: str) -> None:
    assert {name_key(s) for s in spellings} == {key}


def test_name_key_limits() -> None:
    # A title joined to the name is not a separate word, and a name that is only a title stays whole.
    assert name_key("ဦးအောင်အောင်") == "ဦးအောင်အောင်"
    assert name_key("ဦး") == "ဦး"
    assert name_key("Ko Ko") == "ko"
    assert name_key("") == ""
    assert name_key("Aung Aung") != name_key("Aung Kyaw")


def test_detector_model_ships_inside_the_package() -> None:
    model = files("myanmartools.resources") / "zawgyiUnicodeModel.dat"
    assert model.is_file()
    assert len(model.read_bytes()) > 10_000


def test_app_is_installed() -> None:
    assert apps.get_app_config("myanmar").name == "embrace.myanmar"
