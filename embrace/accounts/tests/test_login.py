from __future__ import annotations

import hashlib
import logging

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from embrace.accounts import actions
from embrace.accounts.models import LoginThrottle
from embrace.accounts.tests.scan import database_text, log_file_text
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.language import english_client
from embrace.testing.personas import Persona, log_in

LOGIN = reverse("accounts:login")
CODE = reverse("accounts:login_code")
HOME = reverse("accounts:home")
ADDRESS, AGENT = "203.0.113.77", "UA-MARKER-123"


def test_password_alone_does_not_log_in(client: Client, handler: Persona) -> None:
    response = client.post(LOGIN, {"username": "handler", "password": handler.password})
    assert response.status_code == 302
    assert response["Location"] == CODE
    home = client.get(HOME)
    assert home.status_code == 302
    assert home["Location"].startswith(LOGIN)


def test_password_and_totp_log_in(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    response = client.get(HOME)
    assert response.status_code == 200
    assert b"handler" in response.content
    assert settings.VAULT_KEY_COOKIE_NAME in client.cookies
    assert AuditEntry.objects.filter(event=Event.LOGIN, actor=handler.user.pk).exists()


def test_wrong_password_is_refused_without_saying_which_part(client: Client, handler: Persona) -> None:
    wrong = client.post(LOGIN, {"username": "handler", "password": "not the password at all"})
    unknown = client.post(LOGIN, {"username": "nobody", "password": "not the password at all"})
    for response in (wrong, unknown):
        assert response.status_code == 400
        assert b"Wrong username or password" in response.content
    assert client.get(HOME).status_code == 302


def test_empty_login_form_is_400_with_field_errors(db: None) -> None:
    # A browser that never chose a language (this folder's ``client`` fixture chose English).
    response = Client().post(LOGIN, {"username": "", "password": ""})
    assert response.status_code == 400
    # The sign-in page is Burmese by default, and so are Django's own messages on it.
    assert "ဤအကွက်ကို ဖြည့်ရန် လိုအပ်ပါသည်။" in response.content.decode()


def test_wrong_totp_is_refused_with_a_clear_message(client: Client, handler: Persona) -> None:
    client.post(LOGIN, {"username": "handler", "password": handler.password})
    wrong = f"{(int(handler.code()) + 1) % 1_000_000:06d}"
    response = client.post(CODE, {"code": wrong})
    assert response.status_code == 400
    assert b"That code is wrong or was already used" in response.content
    assert client.get(HOME).status_code == 302
    assert AuditEntry.objects.filter(event=Event.OTP_FAILED, actor=handler.user.pk).exists()


def test_malformed_totp_is_400(client: Client, handler: Persona) -> None:
    client.post(LOGIN, {"username": "handler", "password": handler.password})
    response = client.post(CODE, {"code": "12ab"})
    assert response.status_code == 400
    assert b"Enter the 6-digit code" in response.content


def test_replayed_totp_is_refused(handler: Persona) -> None:
    code = handler.code()
    first = english_client()
    first.post(LOGIN, {"username": "handler", "password": handler.password})
    assert first.post(CODE, {"code": code}).status_code == 302
    # Someone who saw the code (over a shoulder, from a phishing page) tries it at once from elsewhere.
    second = english_client()
    assert second.post(LOGIN, {"username": "handler", "password": handler.password}).status_code == 302
    response = second.post(CODE, {"code": code})
    assert response.status_code == 400
    assert second.get(HOME).status_code == 302


def test_code_step_without_password_step_goes_back_to_login(client: Client, handler: Persona) -> None:
    response = client.post(CODE, {"code": handler.code()})
    assert response.status_code == 302
    assert response["Location"] == LOGIN


def test_login_returns_to_the_page_asked_for(client: Client, admin: Persona) -> None:
    wanted = reverse("staffing:user_list")
    first = client.get(wanted)
    assert first.status_code == 302
    client.post(first["Location"], {"username": "admin", "password": admin.password})
    response = client.post(f"{CODE}?next={wanted}", {"code": admin.code()})
    assert response["Location"] == wanted


def test_login_never_redirects_to_another_site(client: Client, handler: Persona) -> None:
    client.post(LOGIN, {"username": "handler", "password": handler.password})
    response = client.post(f"{CODE}?next=https://evil.example/phish", {"code": handler.code()})
    assert response.status_code == 302
    assert response["Location"] == HOME


def test_login_starts_a_new_session(client: Client, handler: Persona) -> None:
    client.get(LOGIN)
    client.session.save()
    planted = client.session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME] = planted
    log_in(client, handler)
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != planted


def test_throttling_stores_and_logs_no_client_metadata(
    handler: Persona, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = english_client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    for _ in range(settings.LOGIN_FAILURES_BEFORE_DELAY):
        assert client.post(LOGIN, {"username": "handler", "password": "wrong guess 123"}).status_code == 400
    # Now even the right password waits: guessing is slowed, whoever is guessing.
    response = client.post(LOGIN, {"username": "handler", "password": handler.password})
    assert response.status_code == 429
    assert b"Too many failed attempts" in response.content
    assert client.get(HOME).status_code == 302

    row = LoginThrottle.objects.exclude(key__startswith=actions.SITE_PREFIX).get()
    assert row.key == actions.throttle_key("handler")
    assert row.key != hashlib.sha256(b"handler").hexdigest()  # keyed: not reversible by trying usernames
    assert row.failures == settings.LOGIN_FAILURES_BEFORE_DELAY

    # Other paths that might log a request: a CSRF failure, a 404, a wrong code, a good login elsewhere.
    english_client(enforce_csrf_checks=True, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT).post(LOGIN, {})
    client.get("/no-such-page/")
    other = english_client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    LoginThrottle.objects.all().delete()
    other.post(LOGIN, {"username": "handler", "password": handler.password})
    other.post(CODE, {"code": "000000"})

    logged = caplog.text + "\n".join(str(r.__dict__) for r in caplog.records) + log_file_text()
    assert caplog.records, "the capture saw nothing: the check below would prove nothing"
    stored = database_text()
    for marker in (ADDRESS, AGENT):
        assert marker not in logged
        assert marker not in stored
