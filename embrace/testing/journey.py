"""A person at their own browser, working through the pages by clicking only, with a screenshot per step.

A ``Desk`` is one person (a staff persona, or an enquirer) in their own Chromium context. They start from the
site's address, as they would from a bookmark, sign in by typing what a person types (username, password,
the authenticator's code) and from then on only click links and buttons and fill in forms. Links and buttons
are found by the words the person reads, in their language: ``desk.click("link", "Inbox")`` looks for the
Burmese for "Inbox" on a Burmese desk, so a label that was never translated fails the journey.

After every step the page is kept as a screenshot (``$EMBRACE_TEST_ARTIFACTS/journeys/<language>/``, or
``<name>-<language>/`` for a named journey; by default ``var/test-artifacts`` in the checkout) and read for
words a volunteer should not meet: an internal name anywhere, and on a Burmese page an English sentence
(``testing.language.wording_problems``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Browser, BrowserContext, Locator, Page

from embrace.testing.language import latin_digits, wording_problems
from embrace.testing.personas import Persona

ARTIFACTS = Path(
    os.environ.get("EMBRACE_TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "var" / "test-artifacts")
)


def words(language: str, msgid: str) -> str:
    """What a person reading ``language`` sees for the English ``msgid``."""
    with translation.override(language):
        return str(gettext(msgid))


@dataclass
class Journey:
    """What the desks of one journey share: where screenshots go, the step counter, what is content."""

    language: str
    base_url: str
    name: str = ""  # a journey's own folder of screenshots, beside the others: journeys/<name>-<language>
    folder: Path = field(init=False)
    steps: int = 0
    # Strings that are data, not wording: references, usernames, what the people typed.
    content: set[str] = field(default_factory=set)
    usernames: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    # Also read Burmese pages for Latin digits outside what is marked as data (``language.latin_digits``).
    digits: bool = False

    def __post_init__(self) -> None:
        self.folder = (
            ARTIFACTS / "journeys" / (f"{self.name}-{self.language}" if self.name else self.language)
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()


@dataclass
class Desk:
    browser: Browser
    journey: Journey
    who: str
    persona: Persona | None = None
    width: int = 1024
    javascript: bool = True  # False for a reader of the enquirer's site as it promises to work
    context: BrowserContext = field(init=False)
    page: Page = field(init=False)

    def __post_init__(self) -> None:
        self.context = self.browser.new_context(
            viewport={"width": self.width, "height": 800},
            java_script_enabled=self.javascript,
            accept_downloads=True,
        )
        self.page = self.context.new_page()
        if self.persona is not None:
            self.journey.usernames.add(self.persona.user.username)

    @property
    def language(self) -> str:
        return self.journey.language

    def t(self, msgid: str) -> str:
        return words(self.language, msgid)

    # Finding things by the words a person reads.

    def find(self, role: str, msgid: str, *, within: Locator | None = None, exact: bool = False) -> Locator:
        """The first link or button whose accessible name holds the words for ``msgid``."""
        scope = within if within is not None else self.page
        label = self.t(msgid)
        if "%(" in label:  # words around a value ("Yes, record %(shown)s"): match them, whatever the value
            pattern = re.compile(".+".join(re.escape(part) for part in re.split(r"%\(\w+\)[sd]", label)))
            return scope.get_by_role(role, name=pattern).first  # type: ignore[arg-type]
        return scope.get_by_role(role, name=label, exact=exact).first  # type: ignore[arg-type]

    def section(self, msgid_or_text: str, *, translate: bool = True) -> Locator:
        """The smallest block (a form, a table row, a list item, a details box) that shows this text."""
        text = self.t(msgid_or_text) if translate else msgid_or_text
        return self.page.locator("form, tr, li, details, .msg").filter(has_text=text).last

    # Moving on.

    def open_site(self, path: str, what: str) -> None:
        """Open the site's address, as a person does from a bookmark or a link they were given."""
        response = self.page.goto(self.journey.base_url + path)
        assert response is not None, f"{self.who}: {path}: no page"
        assert response.status < 400, f"{self.who}: {path} answered {response.status}"
        self.done(what)

    def click(
        self, role: str, msgid: str, what: str, *, within: Locator | None = None, exact: bool = False
    ) -> None:
        """Click the link or button labelled with the words for ``msgid`` and wait for the next page."""
        target = self.find(role, msgid, within=within, exact=exact)
        self._go(target, what)

    def click_text(self, role: str, text: str, what: str, *, within: Locator | None = None) -> None:
        """Click a link or button labelled with data (a reference, a username), not words."""
        scope = within if within is not None else self.page
        self._go(scope.get_by_role(role, name=text).first, what)  # type: ignore[arg-type]

    def _go(self, target: Locator, what: str) -> None:
        with self.page.expect_navigation(wait_until="load") as navigation:
            target.click()
        response = navigation.value
        assert response is not None, f"{self.who}: {what}: no page"
        assert response.status < 400, f"{self.who}: {what}: {response.status}\n{self.text()[:2000]}"
        self.done(what)

    def download(self, msgid: str, what: str, *, within: Locator | None = None) -> str:
        """Click the link labelled with the words for ``msgid`` that downloads a file; the file's text."""
        target = self.find("link", msgid, within=within)
        with self.page.expect_download() as started:
            target.click()
        failure = started.value.failure()
        assert failure is None, f"{self.who}: {what}: the download failed: {failure}"
        self.journey.steps += 1
        return Path(started.value.path()).read_text(encoding="utf-8")

    def done(self, what: str) -> None:
        """Keep a screenshot of this step and note any wording a volunteer should not meet on it."""
        journey = self.journey
        journey.steps += 1
        slug = re.sub(r"[^a-z0-9]+", "-", f"{self.who} {what}".lower()).strip("-")
        self.page.screenshot(path=str(journey.folder / f"{journey.steps:03d}-{slug}.png"), full_page=True)
        html = self.page.content()
        for problem in wording_problems(
            html, language=self.language, allowed=journey.usernames, content=journey.content
        ):
            journey.problems.append(f"step {journey.steps} ({self.who}: {what}): {problem}")
        if journey.digits and self.language == "my":
            for piece in latin_digits(html, allowed=journey.usernames | journey.content):
                journey.problems.append(f"step {journey.steps} ({self.who}: {what}): Latin digits {piece!r}")

    # Filling in forms (typing into fields is what people do; only addresses are never typed).

    def fill(self, fields: dict[str, str], *, within: Locator | None = None) -> None:
        scope = within if within is not None else self.page
        for name, value in fields.items():
            scope.locator(f"[name={name}]").first.fill(value)
            if len(value) >= 4:  # what they typed is data, not the page's wording
                self.journey.content.add(value)

    def choose(self, name: str, value: str, *, within: Locator | None = None) -> None:
        """Pick an option of a select, or tick the radio button or checkbox with this value."""
        scope = within if within is not None else self.page
        field = scope.locator(f"[name={name}]").first
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            scope.locator(f"[name={name}][value='{value}']").first.check()

    def sign_in(self) -> None:
        """Staff sign-in: the staff site's address, username and password, then the authenticator's code."""
        assert self.persona is not None
        self.open_site("/staff/", "sign-in page")
        self.switch_language("sign-in page")
        self.fill({"username": self.persona.user.username, "password": self.persona.password})
        self.click("button", "Continue", "password accepted")
        self.fill({"code": self.persona.code()})
        self.click("button", "Log in", "home page")

    def switch_language(self, what: str) -> None:
        """Pages before sign-in start in Burmese: a person reading English presses the language switch."""
        if self.page.get_attribute("html", "lang") != self.language:
            self.click_text("button", "English" if self.language == "en" else "မြန်မာ", what)

    def text(self) -> str:
        return self.page.inner_text("main")

    def close(self) -> None:
        self.context.close()
