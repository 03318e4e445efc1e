"""Real-browser tests: Debian's Chromium driven by Playwright, and a click that waits for its next page."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"

needs_chromium = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)


@contextmanager
def chromium() -> Iterator[Browser]:
    # Playwright's sync API keeps an event loop running in this thread, which makes Django refuse database
    # calls from the test itself; the calls are still synchronous, so allow them while the browser runs.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                headless=True,
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-quic",
                ],
            )
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def follow(page: Page, selector: str = "button[type=submit]") -> None:
    """Click a link or button that leads to another page and wait until that page has loaded.

    `page.click` returns once the navigation has started; read the page before it has loaded (a slow POST, a
    redirect after it) and `page.content()` is empty. Waiting for the navigation makes the next read see it.
    """
    with page.expect_navigation(wait_until="load"):
        page.click(selector)
