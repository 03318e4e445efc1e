from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.personas import Persona, log_in

HOME = reverse("accounts:home")
LOGIN = reverse("accounts:login")


def _tamper(value: str) -> str:
    """The same cookie with one character changed."""
    middle = len(value) // 2
    return value[:middle] + ("a" if value[middle] != "a" else "b") + value[middle + 1 :]


def test_tampered_session_cookie_asks_to_log_in_again(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    name = settings.SESSION_COOKIE_NAME
    client.cookies[name] = _tamper(client.cookies[name].value)
    response = client.get(HOME)
    assert response.status_code == 403
    assert b"Log in again" in response.content
    assert client.cookies[name].value == ""  # the dead cookie is removed, so the next visit is a plain login


def test_tampered_key_cookie_asks_to_log_in_again(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    name = settings.VAULT_KEY_COOKIE_NAME
    client.cookies[name] = _tamper(client.cookies[name].value)
    response = client.get(HOME)
    assert response.status_code == 403
    assert b"Log in again" in response.content
    assert AuditEntry.objects.filter(event=Event.KEY_COOKIE_REJECTED, actor=handler.user.pk).exists()
    # The session is ended too: the key cannot be repaired, only replaced by a new login.
    assert client.get(HOME).status_code == 302


def test_missing_key_cookie_asks_to_log_in_again(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    del client.cookies[settings.VAULT_KEY_COOKIE_NAME]
    response = client.get(HOME)
    assert response.status_code == 403
    assert b"nothing can be decrypted" in response.content


def test_missing_session_cookie_redirects_to_login(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    del client.cookies[settings.SESSION_COOKIE_NAME]
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={HOME}"


def test_idle_session_ends(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    assert client.get(HOME).status_code == 200
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    session = Session.objects.get(session_key=key)
    # Every request pushes expiry SESSION_COOKIE_AGE ahead; idling that long puts it in the past.
    assert session.expire_date > timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60)
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(HOME)
    assert response.status_code == 403
    assert b"session has ended" in response.content


def test_logout_ends_the_session_and_drops_the_key(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert client.cookies[settings.VAULT_KEY_COOKIE_NAME].value == ""
    assert not Session.objects.filter(pk=key).exists()
    assert client.get(HOME).status_code == 302


def test_second_login_in_same_browser_keeps_a_working_key(
    client: Client, handler: Persona, admin: Persona
) -> None:
    log_in(client, handler)
    log_in(client, admin)
    response = client.get(HOME)
    assert response.status_code == 200
    assert b"Welcome, admin" in response.content


def test_a_session_row_written_into_the_database_does_not_act_as_its_user(
    client: Client, handler: Persona
) -> None:
    """Someone who can write the database forges a whole session: a key pair and a cookie of their choice."""
    from types import SimpleNamespace

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp import DEVICE_ID_SESSION_KEY

    from embrace.vault import crypto
    from embrace.vault.keyring import Keyring, start_session

    store = SessionStore()
    store[SESSION_KEY] = str(handler.user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = handler.user.get_session_auth_hash()
    store[DEVICE_ID_SESSION_KEY] = handler.device.persistent_id
    _, forged_private = crypto.generate_keypair()
    cookie = start_session(SimpleNamespace(session=store), Keyring(handler.user, forged_private))  # type: ignore[arg-type]
    store.create()
    client.cookies[settings.SESSION_COOKIE_NAME] = store.session_key
    client.cookies[settings.VAULT_KEY_COOKIE_NAME] = cookie
    response = client.get(HOME)
    assert response.status_code == 403
    assert b"Log in again" in response.content
    assert AuditEntry.objects.filter(event=Event.KEY_COOKIE_REJECTED, actor=handler.user.pk).exists()
