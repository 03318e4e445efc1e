"""The key cookie, the half of a staff user's key that only their browser holds, as the staff views see it."""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse

from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.personas import Persona, log_in
from embrace.vault import keyring

HOME = reverse("accounts:home")
NAME = settings.VAULT_KEY_COOKIE_NAME
REFUSAL = b"Your key is missing or damaged"


def _refused(client: Client, persona: Persona) -> None:
    response = client.get(HOME)
    assert response.status_code == 403, response.status_code
    assert REFUSAL in response.content
    assert AuditEntry.objects.filter(event=Event.KEY_COOKIE_REJECTED, actor=persona.user.pk).exists()
    # The refusal ends the session: the cookie that was good a moment ago no longer helps.
    assert response.cookies[NAME].value == ""
    assert client.get(HOME).status_code == 302


def _changed_one_char(value: str) -> str:
    middle = len(value) // 2
    return value[:middle] + ("A" if value[middle] != "A" else "B") + value[middle + 1 :]


@pytest.mark.parametrize(
    "spoil",
    [
        _changed_one_char,
        lambda v: v[:-4],  # too short
        lambda v: v[:-1] + "AAAA",  # too long
        lambda v: base64.urlsafe_b64encode(base64.urlsafe_b64decode(v)[:16]).decode(),  # a 16-byte key
        lambda v: "",
        lambda v: "*not*base64*",
        lambda v: "A",  # padding that cannot be
        lambda v: "ကီး".encode().decode("latin-1"),  # UTF-8 bytes, as WSGI hands them over
        lambda v: base64.urlsafe_b64encode(bytes(32)).decode(),  # well-formed, wrong
    ],
    ids=["one-char", "short", "long", "16-bytes", "empty", "not-base64", "bad-padding", "burmese", "zeros"],
)
def test_damaged_key_cookie_is_a_clear_403_and_ends_the_session(
    client: Client, handler: Persona, spoil: Callable[[str], str]
) -> None:
    log_in(client, handler)
    assert client.get(HOME).status_code == 200
    good = client.cookies[NAME].value
    client.cookies[NAME] = spoil(good)
    _refused(client, handler)


def test_missing_key_cookie_is_a_clear_403(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    del client.cookies[NAME]
    _refused(client, handler)


def test_another_users_key_cookie_is_refused(handler: Persona, custodian: Persona) -> None:
    mine, theirs = log_in(Client(), handler), log_in(Client(), custodian)
    mine.cookies[NAME] = theirs.cookies[NAME].value
    _refused(mine, handler)


def test_the_same_users_key_from_another_session_is_refused(handler: Persona) -> None:
    first = log_in(Client(), handler)
    second = Client()
    second.post(reverse("accounts:login"), {"username": handler.user.username, "password": handler.password})
    # The next TOTP step: the current code was spent by the first login, and reuse is refused.
    assert second.post(reverse("accounts:login_code"), {"code": handler.code(1)}).status_code == 302
    assert second.get(HOME).status_code == 200
    assert first.cookies[NAME].value != second.cookies[NAME].value
    first.cookies[NAME] = second.cookies[NAME].value
    _refused(first, handler)
    assert second.get(HOME).status_code == 200  # the other session is untouched


def test_key_cookie_is_httponly_and_samesite_strict(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    cookie = client.cookies[NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/"
    assert not cookie["max-age"]  # gone when the browser closes
    assert len(base64.urlsafe_b64decode(cookie.value)) == 32


@override_settings(TLS=True)
def test_key_cookie_is_secure_under_tls() -> None:
    response = HttpResponse()
    keyring.set_key_cookie(response, "value")
    cookie = response.cookies[NAME]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
