"""Security headers on every kind of response: staff page, login page, 404, 403, CSRF failure, static file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from embrace.testing.personas import Persona, log_in

ALLOWED_SOURCES = {"'self'", "'none'", "data:"}


def _responses(admin: Persona, intake_officer: Persona) -> dict[str, object]:
    staff = log_in(Client(), admin)
    other = log_in(Client(), intake_officer)
    anonymous = Client()
    return {
        "staff page": staff.get(reverse("staffing:user_list")),
        "login page": anonymous.get(reverse("accounts:login")),
        "404": anonymous.get("/no/such/page/"),
        "403": other.get(reverse("staffing:user_list")),
        "csrf failure": Client(enforce_csrf_checks=True).post(reverse("accounts:login"), {}),
        "static file": anonymous.get("/static/staff/staff.css"),
    }


def test_every_response_carries_the_security_headers(admin: Persona, intake_officer: Persona) -> None:
    responses = _responses(admin, intake_officer)
    expected = {
        "staff page": 200,
        "login page": 200,
        "404": 404,
        "403": 403,
        "csrf failure": 403,
        "static file": 200,
    }
    for kind, response in responses.items():
        assert response.status_code == expected[kind], kind  # type: ignore[attr-defined]
        headers = response.headers  # type: ignore[attr-defined]
        # same-origin, not no-referrer: see settings and embrace/accounts/tests/test_browser_login.py
        assert headers["Referrer-Policy"] == "same-origin", kind
        assert headers["X-Frame-Options"] == "DENY", kind
        assert headers["X-Content-Type-Options"] == "nosniff", kind
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", kind
        assert "camera=()" in headers["Permissions-Policy"], kind
        assert "Strict-Transport-Security" not in headers, kind  # tests run without TLS
        _assert_strict_csp(headers["Content-Security-Policy"], kind)


def _assert_strict_csp(policy: str, kind: str) -> None:
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["default-src"] == ["'none'"], kind
    assert directives["frame-ancestors"] == ["'none'"], kind
    assert directives["script-src"] in (["'self'"], ["'none'"]), kind
    for name, sources in directives.items():
        # No inline code, no eval, no other origin (a host, a scheme like https:, or a wildcard).
        assert set(sources) <= ALLOWED_SOURCES, (kind, name, sources)
    assert "data:" not in directives["script-src"] + directives["style-src"] + directives["default-src"]


def test_staff_and_login_pages_are_never_cached(admin: Persona, intake_officer: Persona) -> None:
    responses = _responses(admin, intake_officer)
    for kind in ("staff page", "login page", "403"):
        assert responses[kind]["Cache-Control"] == "no-store", kind  # type: ignore[index]


def test_pages_need_no_inline_code(admin: Persona, intake_officer: Persona) -> None:
    # The CSP would block inline scripts and styles; a page that relied on them would silently break.
    for kind, response in _responses(admin, intake_officer).items():
        if kind == "static file":
            continue
        html = response.content.decode()  # type: ignore[attr-defined]
        for inline in ("<script>", "<style", " style="):
            assert inline not in html, (kind, inline)
        assert not re.search(r"\son[a-z]+\s*=", html), kind  # inline event handlers (onclick=...)


def test_hsts_only_over_tls(db: None) -> None:
    with override_settings(SECURE_HSTS_SECONDS=63072000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True):
        client = Client()  # built here so its middleware reads the overridden settings
        assert (
            "max-age=63072000"
            in client.get(reverse("accounts:login"), secure=True)["Strict-Transport-Security"]
        )
        assert "Strict-Transport-Security" not in client.get(reverse("accounts:login")).headers


@pytest.mark.parametrize(("tls", "expect_hsts"), [("1", True), ("0", False)])
def test_settings_tie_hsts_and_secure_cookies_to_tls(tmp_path: Path, tls: str, expect_hsts: bool) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMBRACE_")}
    env.update(EMBRACE_DATA_DIR=str(tmp_path), EMBRACE_TLS=tls)
    script = (
        "import json, embrace.settings as s; print(json.dumps([s.SECURE_HSTS_SECONDS,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_NAME, s.VAULT_KEY_COOKIE_NAME]))"
    )
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    hsts, session_secure, csrf_secure, session_name, key_name = json.loads(out.stdout)
    assert (hsts >= 31536000) is expect_hsts
    assert session_secure is expect_hsts
    assert csrf_secure is expect_hsts
    assert session_name.startswith("__Host-") is expect_hsts
    assert key_name.startswith("__Host-") is expect_hsts
