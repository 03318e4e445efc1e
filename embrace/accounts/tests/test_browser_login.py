"""Staff login in a real Chromium: real form posts, so browser-only CSRF/Origin behaviour is exercised."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from embrace.testing.personas import Persona

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
    ),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # see embrace/intake/tests/test_browser.py
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def test_staff_log_in_with_password_and_code_then_log_out(
    browser: Browser, live_server, handler: Persona
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server.url + "/staff/login/")
    page.fill("input[name=username]", handler.user.username)
    page.fill("input[name=password]", handler.password)
    page.click("button[type=submit]")
    assert page.url.endswith("/staff/login/code/"), page.content()[:800]
    page.fill("input[name=code]", handler.code())
    page.click("button[type=submit]")
    assert "Welcome, handler" in page.content(), page.content()[:800]
    cookies = {c["name"]: c for c in context.cookies()}
    key_cookie = next(c for name, c in cookies.items() if name.endswith("embrace-key"))
    assert key_cookie["httpOnly"]
    assert key_cookie["sameSite"] == "Strict"
    page.click("text=Log out")
    assert page.url.endswith("/staff/login/")
    context.close()
