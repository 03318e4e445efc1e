"""/start, /help, /delete and the language switches, in Burmese and English: answered, never stored."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from embrace.channels.models import Contact
from embrace.channels.tests.helpers import answer, post, receipt_in, stored_counts, update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("telegram")]

GREETING_MY = "သင့်အမည်ကို မရေးပါနှင့်"
GREETING_EN = "Do not write your name"


def test_start_greets_in_burmese_with_the_web_forms_questions(bot_client: Client) -> None:
    before = stored_counts()
    said = answer(post(bot_client, update("start")))["text"]
    assert GREETING_MY in said
    for asked in ("မိသားစုနှင့်အတူ", "လက်နက်ပစ္စည်း", "ဆွေမျိုး", "ရာထူး", "တပ်ရင်း"):
        assert asked in said
    assert stored_counts() == before


def test_start_in_english_when_the_app_is_english_or_asked(bot_client: Client) -> None:
    said = answer(post(bot_client, update("start", language="en")))["text"]
    assert GREETING_EN in said
    for asked in ("leave alone", "with your family", "with equipment", "for a relative", "information"):
        assert asked in said
    assert GREETING_EN in answer(post(bot_client, update("start_en")))["text"]


@pytest.mark.parametrize(
    ("name", "burmese", "english"),
    [
        ("help", "ပြေစာနံပါတ် (ဂဏန်း ၁၆ လုံး)", "you get a receipt (16 digits)"),
        ("delete", "Block မလုပ်ပါနှင့်", "do not block the bot"),
    ],
)
def test_help_and_delete_in_both_languages(bot_client: Client, name: str, burmese: str, english: str) -> None:
    before = stored_counts()
    assert burmese in answer(post(bot_client, update(name)))["text"]
    assert english in answer(post(bot_client, update(name, language="en")))["text"]
    assert stored_counts() == before


def test_delete_says_what_telegram_sees_and_that_the_programme_keeps_it_sealed(bot_client: Client) -> None:
    said = answer(post(bot_client, update("delete", language="en")))["text"]
    assert "Telegram knows that your account wrote to this bot" in said
    assert "stays sealed" in said


def test_the_web_address_is_named_when_set(bot_client: Client) -> None:
    assert "on our website" in answer(post(bot_client, update("help", language="en")))["text"]
    with override_settings(ENQUIRER_ADDRESS="http://example2abcdefghijklmnop.onion/"):
        said = answer(post(bot_client, update("help", language="en")))["text"]
    assert "at http://example2abcdefghijklmnop.onion/" in said


def test_english_is_remembered_once_the_person_has_a_case(bot_client: Client) -> None:
    post(bot_client, update("text"))
    assert Contact.objects.get().language == "my"
    assert "in English" in answer(post(bot_client, update("english")))["text"]
    assert Contact.objects.get().language == "en"
    # The app still says Burmese; the choice wins.
    assert GREETING_EN in answer(post(bot_client, update("start")))["text"]
    said = answer(post(bot_client, update("text", update_id=700000201, text="more")))["text"]
    assert said == "Received. Thank you."
    assert "မြန်မာဘာသာ" in answer(post(bot_client, update("burmese", update_id=700000202)))["text"]
    assert Contact.objects.get().language == "my"


def test_a_language_chosen_before_the_first_message_stores_nothing(bot_client: Client) -> None:
    before = stored_counts()
    assert "in English" in answer(post(bot_client, update("english")))["text"]
    assert stored_counts() == before


def test_the_receipt_is_in_latin_digits_in_english(bot_client: Client) -> None:
    said = answer(post(bot_client, update("text", language="en")))["text"]
    assert "Your receipt:" in said
    assert receipt_in(said).isascii()
    assert Contact.objects.get().language == "en"
