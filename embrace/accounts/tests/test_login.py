from __future__ import annotations

from django.conf import settings
from django.test import Client
from django.urls import reverse

from embrace.testing.personas import Persona, log_in


def test_password_alone_does_not_log_in(client: Client, handler: Persona) -> None:
    response = client.post(reverse("accounts:login"), {"username": "handler", "password": handler.password})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login_code")
    home = client.get(reverse("accounts:home"))
    assert home.status_code == 302
    assert home["Location"].startswith(reverse("accounts:login"))


def test_password_and_totp_log_in(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    response = client.get(reverse("accounts:home"))
    assert response.status_code == 200
    assert b"handler" in response.content
    assert settings.VAULT_KEY_COOKIE_NAME in client.cookies
