"""Throttling slows guessing, per username and across the site, but never keeps out the real person, who has
their authenticator: a stranger must not be able to lock a custodian out."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.testing.language import english_client
from embrace.testing.personas import Persona

LOGIN = reverse("accounts:login")
HOME = reverse("accounts:home")


def _guess(username: str, times: int) -> None:
    stranger = english_client()
    for i in range(times):
        response = stranger.post(LOGIN, {"username": username, "password": f"guess number {i} !!"})
        assert response.status_code in (400, 429)


def _away_from_the_minutes_edge() -> None:
    # The site budget counts per clock minute: start a test well inside one.
    if time.time() % 60 > 50:
        time.sleep(61 - time.time() % 60)


def test_a_stranger_cannot_keep_a_custodian_out(custodian: Persona) -> None:
    _guess("custodian", settings.LOGIN_FAILURES_BEFORE_DELAY * 4)
    browser = english_client()
    # Without the code the name is throttled, and the page says how to get in now.
    response = browser.post(LOGIN, {"username": "custodian", "password": custodian.password})
    assert response.status_code == 429
    assert b"password and the 6-digit code from your authenticator together" in response.content
    assert b'name="code"' in response.content
    # With password and code together, the real person is in at once.
    response = browser.post(
        LOGIN, {"username": "custodian", "password": custodian.password, "code": custodian.code()}
    )
    assert response.status_code == 302
    assert response["Location"] == HOME
    assert browser.get(HOME).status_code == 200


def test_a_code_does_not_help_a_wrong_password_nor_is_it_spent_by_one(custodian: Persona) -> None:
    _guess("custodian", settings.LOGIN_FAILURES_BEFORE_DELAY)
    for _ in range(5):
        response = english_client().post(
            LOGIN, {"username": "custodian", "password": "not the password 1", "code": "123456"}
        )
        assert response.status_code == 400
        assert b"Wrong username, password or code" in response.content
    # The wrong codes never reached the authenticator: its own wrong-code delay is untouched.
    assert TOTPDevice.objects.get(pk=custodian.device.pk).throttling_failure_count == 0


def test_too_many_failures_across_the_site_slow_everyone_without_a_code(
    handler: Persona, settings: pytest.FixtureRequest
) -> None:
    settings.LOGIN_SITE_FAILURES_PER_MINUTE = 3  # type: ignore[attr-defined]
    _away_from_the_minutes_edge()
    for name in ("someone", "someone-else", "a-third"):
        _guess(name, 1)
    browser = english_client()
    response = browser.post(LOGIN, {"username": "handler", "password": handler.password})
    assert response.status_code == 429
    assert b"across the site" in response.content
    response = browser.post(
        LOGIN, {"username": "handler", "password": handler.password, "code": handler.code()}
    )
    assert response.status_code == 302
