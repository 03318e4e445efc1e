"""Each case says how its enquiry came and, in plain words, what that channel lets others see; the lists show
the channel in a word."""

from __future__ import annotations

import secrets

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.cases import channel_words
from embrace.cases.models import Case, Channel
from embrace.intake.actions import submit_enquiry
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("intake_route")]


def _case(channel: Channel) -> Case:
    case, _receipt = submit_enquiry(
        {"text": f"MARKER-{channel.value}", "kind": "leave_alone"},
        {},
        [],
        token=None if channel != Channel.WEB else secrets.token_hex(8),
        quarantine=False,
        channel=channel,
    )
    return case


def test_every_channel_has_a_short_name_and_says_what_it_exposes_in_both_languages() -> None:
    for language in ("en", "my"):
        with translation.override(language):
            shorts = channel_words.short_names()
            for channel in Channel:
                assert shorts[channel.value]
                assert channel_words.exposes(channel.value) != str(channel_words.UNKNOWN)
    with translation.override("my"):
        # Burmese, not the English words left in place.
        assert "Telegram, the company" not in channel_words.exposes(Channel.TELEGRAM)
        assert channel_words.short_names()[Channel.PHONE] == "ဖုန်း"


def test_a_telegram_case_says_telegram_sees_the_conversation_and_a_web_case_that_nobody_does(
    client: Client, intake_officer: Persona
) -> None:
    telegram, web = _case(Channel.TELEGRAM), _case(Channel.WEB)
    log_in(client, intake_officer)
    page = client.get(reverse("cases:detail", args=[telegram.pk])).content.decode()
    assert "How this enquiry came" in page
    assert "Telegram, the company, sees the conversation and the person&#x27;s Telegram account" in page
    assert "keeps the chat until they delete it" in page
    assert "Received by" not in page  # nobody on staff took it
    page = client.get(reverse("cases:detail", args=[web.pk])).content.decode()
    assert "Nobody but the programme can read what was written on the web form" in page
    inbox = client.get(reverse("cases:inbox")).content.decode()
    assert "<td>Telegram</td>" in inbox
    assert "<td>Web</td>" in inbox


def test_the_channel_words_are_burmese_on_a_burmese_page(client: Client, intake_team: Team) -> None:
    messenger = _case(Channel.MESSENGER)
    officer = make_persona("intake_my", Role.INTAKE_OFFICER, teams=(intake_team,), language="my")
    log_in(client, officer)
    page = client.get(reverse("cases:detail", args=[messenger.pk])).content.decode()
    assert "ဤစုံစမ်းစာ ရောက်လာပုံ" in page
    assert "Meta ကုမ္ပဏီသည် စကားပြောဆိုမှုနှင့်" in page
    assert "sees the conversation" not in page
