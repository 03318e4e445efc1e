"""The whole enquirer path in a real headless Chromium with JavaScript switched off, in Burmese."""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from embrace.cases.actions import reply_to_enquirer
from embrace.cases.models import Case, Status
from embrace.intake.tests.helpers import jpeg_with_metadata
from embrace.testing.browser import chromium, follow, needs_chromium
from embrace.testing.personas import Persona

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("intake_route"),
    needs_chromium,
]

MESSAGE = "ကျွန်တော် တပ်ကနေ ထွက်ချင်ပါတယ်။ BROWSER-MARKER-1"
SECOND = "ကျေးဇူးတင်ပါတယ်။ BROWSER-MARKER-2"
REPLY = "မင်္ဂလာပါ။ ဒီမှာ ဆက်ပြောပါ။ STAFF-REPLY-3"
MYANMAR_DIGITS = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=False, locale="my-MM")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests  # type: ignore[attr-defined]
    yield page
    context.close()


def test_enquirer_walks_the_whole_path_without_javascript(
    page: Page, live_server, settings, intake_officer: Persona, tmp_path: Path
) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 1
    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(jpeg_with_metadata())

    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "my"
    follow(page, "text=လျှို့ဝှက်စာ ပို့ရန်")
    page.check("input[name=kind][value=leave_family]")
    page.fill("textarea[name=message]", MESSAGE)
    page.fill("input[name=unit]", "ခမရ ၁၂၃")
    page.set_input_files("input[name=photos]", str(photo))
    time.sleep(1.2)  # a person takes longer than the minimum fill time
    follow(page)

    assert "သင့်စာ ရောက်ရှိပါပြီ" in page.content()
    myanmar_receipt = page.locator(".receipt").inner_text().splitlines()[0].strip()
    assert len(myanmar_receipt.replace(" ", "")) == 16
    assert myanmar_receipt == myanmar_receipt.translate(MYANMAR_DIGITS)  # shown in Myanmar digits
    case = Case.objects.get()
    assert case.status == Status.ENQUIRY
    assert case.messages.get().attachments.count() == 1
    reply_to_enquirer(case, REPLY, actor=intake_officer.user)

    page.goto(live_server.url + "/")
    follow(page, "text=ပြေစာနံပါတ် ရှိပြီးသား")
    page.fill("input[name=receipt]", myanmar_receipt)
    follow(page)
    content = page.content()
    assert MESSAGE in content
    assert REPLY in content

    page.fill("textarea[name=message]", SECOND)
    follow(page)
    assert "ပို့ပြီးပါပြီ" in page.content()
    assert SECOND in page.content()
    assert case.messages.count() == 3

    # Nothing was fetched from anywhere but our own server, and no script ran or was even asked for.
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in page.requests)  # type: ignore[attr-defined]
    assert not [url for url in page.requests if url.endswith(".js")]  # type: ignore[attr-defined]


def test_english_is_one_click_away(page: Page, live_server) -> None:
    page.goto(live_server.url + "/")
    follow(page, "text=English")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Send a confidential message" in page.content()


@pytest.mark.skipif(shutil.which("w3m") is None, reason="w3m is not installed (.ci/run installs it)")
def test_pages_read_in_a_text_browser(live_server) -> None:
    for path, expected in (("/", "လျှို့ဝှက်စာ ပို့ရန်"), ("/enquire/", "သင့်စာ"), ("/en/return/", "Your receipt")):
        dump = subprocess.run(
            ["w3m", "-dump", "-cols", "100", live_server.url + path],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
        ).stdout
        assert expected in dump, dump[:500]


def test_the_receipt_keeps_its_groups_whole_on_a_360_px_phone(
    browser: Browser, live_server, settings
) -> None:
    settings.INTAKE_MIN_FILL_SECONDS = 0
    context = browser.new_context(
        java_script_enabled=False, locale="my-MM", viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.goto(live_server.url + "/enquire/")
    page.check("input[name=kind][value=leave_alone]")
    page.fill("textarea[name=message]", MESSAGE)
    follow(page)
    receipt = page.locator(".receipt").bounding_box()
    assert receipt
    assert receipt["x"] + receipt["width"] <= 360
    pieces = page.locator(".receipt span")
    assert pieces.count() == 4
    boxes = [pieces.nth(i).bounding_box() for i in range(4)]
    line = min(box["height"] for box in boxes if box)
    for i, box in enumerate(boxes):
        assert box, i
        assert box["height"] < 1.5 * line, f"pair {i} wraps inside itself"  # each pair of groups on one line
        assert box["x"] + box["width"] <= receipt["x"] + receipt["width"], f"pair {i} overflows"
    # In Latin digits, the whole receipt fits on one line at 360 px: 4 groups, no 3 + 1.
    assert boxes[2]["y"] == boxes[3]["y"]  # type: ignore[index]
    context.close()
