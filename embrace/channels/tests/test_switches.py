"""The chat channels' switches, through the administrators' page: turning a channel on takes two
administrators and its credentials; pausing takes one and is immediate; the credentials are never shown."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.channels.models import Switch
from embrace.channels.switches import is_on
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = pytest.mark.django_db

BOT_TOKEN = "123456:MARKER-BOT-TOKEN-9917"
WEBHOOK_SECRET = "MARKER-WEBHOOK-SECRET-3391"
TELEGRAM_SET = override_settings(TELEGRAM_BOT_TOKEN=BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET=WEBHOOK_SECRET)


@pytest.fixture
def second_admin(db: None) -> Persona:
    return make_persona("admin2", Role.ADMINISTRATOR)


def _ask(client: Client, channel: str = "telegram") -> int:
    return client.post(reverse("channels_staff:switch_ask", args=[channel])).status_code


def _decide(client: Client, approval: Approval, decision: str = "approve") -> int:
    url = reverse("channels_staff:switch_decide", args=[approval.pk])
    return client.post(url, {"decision": decision}).status_code


@TELEGRAM_SET
def test_turning_a_channel_on_takes_a_second_administrator(admin: Persona, second_admin: Persona) -> None:
    first, second = log_in(Client(), admin), log_in(Client(), second_admin)
    assert _ask(first) == 302
    assert not is_on("telegram")  # asking alone turns nothing on
    approval = Approval.objects.get(action="channels.enable")
    assert _decide(first, approval) == 403  # nor may the one who asked approve it
    assert not is_on("telegram")
    page = first.get(reverse("channels_staff:switches")).content.decode()
    assert "Another administrator must approve or refuse your request." in page
    assert _decide(second, approval) == 302
    assert is_on("telegram")
    assert not is_on("messenger")
    events = list(AuditEntry.objects.filter(event__startswith="channels.").values_list("event", "actor"))
    assert events == [
        (Event.CHANNEL_ENABLE_ASKED, admin.user.pk),
        (Event.CHANNEL_ENABLED, second_admin.user.pk),
    ]


@TELEGRAM_SET
def test_a_refused_request_leaves_the_channel_paused(admin: Persona, second_admin: Persona) -> None:
    first, second = log_in(Client(), admin), log_in(Client(), second_admin)
    assert _ask(first) == 302
    assert _decide(second, Approval.objects.get(action="channels.enable"), "refuse") == 302
    assert not is_on("telegram")


def test_a_channel_whose_credentials_are_missing_cannot_be_turned_on(
    admin: Persona, second_admin: Persona
) -> None:
    first, second = log_in(Client(), admin), log_in(Client(), second_admin)
    page = first.get(reverse("channels_staff:switches")).content.decode()
    assert "does not hold this channel" in page
    assert reverse("channels_staff:switch_ask", args=["telegram"]) not in page
    refused = first.post(reverse("channels_staff:switch_ask", args=["telegram"]))
    assert refused.status_code == 400
    assert "cannot be turned on" in refused.content.decode()
    assert not Approval.objects.exists()
    # Asked while the credentials were set, approved after they were taken away: refused, still off.
    with TELEGRAM_SET:
        assert _ask(first) == 302
    assert _decide(second, Approval.objects.get(action="channels.enable")) == 400
    assert not is_on("telegram")


@TELEGRAM_SET
def test_one_administrator_pauses_a_channel_at_once(admin: Persona, second_admin: Persona) -> None:
    first, second = log_in(Client(), admin), log_in(Client(), second_admin)
    _ask(first)
    _decide(second, Approval.objects.get(action="channels.enable"))
    assert is_on("telegram")
    assert first.post(reverse("channels_staff:switch_pause", args=["telegram"])).status_code == 302
    assert not is_on("telegram")
    assert Approval.objects.filter(status="pending").count() == 0  # nobody was asked
    paused = AuditEntry.objects.get(event=Event.CHANNEL_PAUSED)
    assert paused.actor == admin.user.pk
    assert paused.subject == "channels.switch:telegram"


@TELEGRAM_SET
def test_the_switches_page_says_whether_credentials_are_set_but_never_shows_them(admin: Persona) -> None:
    page = log_in(Client(), admin).get(reverse("channels_staff:switches")).content.decode()
    assert "The server holds this channel" in page
    assert BOT_TOKEN not in page
    assert WEBHOOK_SECRET not in page
    assert "MARKER" not in page


def test_only_administrators_reach_the_switches(intake_officer: Persona) -> None:
    Switch.objects.create(channel="telegram", enabled=True)
    client = log_in(Client(), intake_officer)
    assert client.get(reverse("channels_staff:switches")).status_code == 403
    assert client.post(reverse("channels_staff:switch_pause", args=["telegram"])).status_code == 403
    assert is_on("telegram")


def test_an_unknown_channel_is_not_found(admin: Persona) -> None:
    client = log_in(Client(), admin)
    assert client.post(reverse("channels_staff:switch_pause", args=["phone"])).status_code == 404
    assert client.post(reverse("channels_staff:switch_ask", args=["signal"])).status_code == 404
