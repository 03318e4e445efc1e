"""Staff login in a real Chromium: real form posts, so browser-only CSRF/Origin behaviour is exercised."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from embrace.testing.browser import chromium, follow, needs_chromium
from embrace.testing.personas import Persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    needs_chromium,
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


def test_staff_log_in_with_password_and_code_then_log_out(
    browser: Browser, live_server, handler: Persona
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server.url + "/staff/login/")
    page.fill("input[name=username]", handler.user.username)
    page.fill("input[name=password]", handler.password)
    follow(page)
    assert page.url.endswith("/staff/login/code/"), page.content()[:800]
    page.fill("input[name=code]", handler.code())
    follow(page)
    assert "Welcome, handler" in page.content(), page.content()[:800]
    cookies = {c["name"]: c for c in context.cookies()}
    key_cookie = next(c for name, c in cookies.items() if name.endswith("embrace-key"))
    assert key_cookie["httpOnly"]
    assert key_cookie["sameSite"] == "Strict"
    follow(page, "text=Log out")
    assert page.url.endswith("/staff/login/")
    context.close()
