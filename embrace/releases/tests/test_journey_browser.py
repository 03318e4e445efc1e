"""The analysts' journey in a real browser, by clicking only, in Burmese and in English (issue 13).

Analyst A signs in, opens Figures from the home page, asks for the figures to be computed, walks every
dashboard (a chart, its table, the table's download), asks again from a dashboard, and drafts a public
release titled in both languages; the release waits for a second person, and A's page says so and offers no
way to publish it. Analyst B signs in and publishes it. A reader on a 360-pixel phone with JavaScript off
then finds it on the public site in Burmese and in English, with the small count said as "fewer than 10".
Every step is screenshotted and read for internal names (and, in Burmese, English sentences) by
``embrace.testing.journey``, as in the journey of every role (``core/tests/test_journey_browser.py``).
"""

from __future__ import annotations

import csv
import datetime
import io
import itertools
from collections.abc import Iterator

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Browser, Locator

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.figures.labels import DASHBOARD_LABELS
from embrace.figures.models import Snapshot
from embrace.figures.stats import DASHBOARDS
from embrace.myanmar.formats import local_digits
from embrace.releases.cases import bare_cases
from embrace.releases.models import Release, ReleaseStatus
from embrace.testing.browser import chromium, needs_chromium
from embrace.testing.journey import Desk, Journey
from embrace.testing.language import internal_names
from embrace.testing.personas import make_persona

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), needs_chromium]

TITLES = {"my": "ပြီးခဲ့သည့်လ စုံစမ်းစာများ", "en": "Enquiries last month"}
ENQUIRIES = 24  # published as "between 20 and 29"; nobody arrived, so arrivals are "fewer than 10"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as browser:
        yield browser


def _said(language: str, msgid: str, **numbers: int) -> str:
    """The words for ``msgid`` with its numbers, as a reader of ``language`` sees them."""
    with translation.override(language):
        return gettext(msgid) % {name: local_digits(n) for name, n in numbers.items()}


def _board(language: str, board: str) -> str:
    with translation.override(language):
        return str(DASHBOARD_LABELS[board])


def _labels_stand_beside_the_plot(section: Locator, what: str) -> None:
    """The value axis's marks (a bar chart) or the steps' names (the funnel) end left of the plot, as the
    browser lays them out: none runs over a bar."""
    plot = section.locator("svg .plot > .background").first.bounding_box()
    assert plot is not None, what
    marks = section.locator("svg .axis.y text").all()
    assert marks, f"{what}: no labels beside the plot"
    for mark in marks:
        box = mark.bounding_box()
        if box is not None and box["width"]:
            assert box["x"] + box["width"] <= plot["x"] + 1, (
                f"{what}: {mark.inner_text()!r} runs over the plot"
            )


def _row_names_apart(section: Locator, what: str) -> None:
    """The row names under a chart, when written level, do not run into each other."""
    boxes = [
        box
        for mark in section.locator("svg .axis.x text:not([transform])").all()
        if (box := mark.bounding_box()) is not None and box["width"]
    ]
    for left, right in itertools.pairwise(boxes):
        assert left["x"] + left["width"] <= right["x"] + 1, f"{what}: the names under the chart overlap"


def _last_month() -> tuple[datetime.date, datetime.date]:
    end = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    return end.replace(day=1), end


@pytest.mark.parametrize("language", ["my", "en"])
def test_an_analyst_reads_the_figures_and_a_second_publishes_what_the_first_drafted(
    browser: Browser, live_server, intake_team: Team, language: str
) -> None:
    start, end = _last_month()
    bare_cases(intake_team, ENQUIRIES, opened_on=start + datetime.timedelta(days=3))
    drafter, publisher = (
        make_persona(f"{who}-{language}", Role.ANALYST, language=language) for who in ("drafter", "publisher")
    )
    journey = Journey(language, live_server.url, name="analysts", digits=True)
    desks: list[Desk] = []
    try:
        a = Desk(browser, journey, "analyst A", drafter)
        desks.append(a)
        a.sign_in()

        # The figures: nothing computed yet, computed on asking, every dashboard read and downloaded.
        a.click("link", "Figures", "figures", within=a.page.locator("main"), exact=True)
        assert a.t("not computed yet") in a.text()
        a.click("button", "Compute the figures afresh", "figures computed")
        assert a.t("The figures are being computed afresh; this takes a minute or two.") in a.text()
        assert a.t("not computed yet") not in a.text()
        for board in DASHBOARDS:
            a.click_text("link", _board(language, board), f"dashboard {board}", within=a.page.locator("main"))
            sections = a.page.locator("main section")
            figures = Snapshot.objects.get(dashboard=board).data["figures"]
            assert sections.count() == len(figures) > 0, board
            for n in range(sections.count()):
                section = sections.nth(n)
                assert section.locator("svg").count() == 1, f"{board}: figure {n} has no chart"
                _labels_stand_beside_the_plot(section, f"{board}: figure {n}")
                _row_names_apart(section, f"{board}: figure {n}")
                table = section.locator("table")
                assert table.count() == 1, f"{board}: figure {n} has no table"
                head = [h.strip() for h in table.locator("thead th").all_inner_texts()]
                download = a.download("Download this table (CSV)", board, within=section)
                assert not internal_names(download), f"{board}: {internal_names(download)} in the download"
                rows = list(csv.reader(io.StringIO(download)))
                assert rows[0] == head, f"{board}: the download's columns are not the table's"
                assert len(rows) - 1 >= table.locator("tbody tr").count(), board
        before = Snapshot.objects.get(dashboard=DASHBOARDS[-1]).computed_at
        a.click("button", "Compute the figures afresh", "figures computed again")
        assert Snapshot.objects.get(dashboard=DASHBOARDS[-1]).computed_at > before
        assert a.page.locator("main h1").inner_text() == _board(language, DASHBOARDS[-1])

        # A public release, drafted by A: titled in both languages, for last month, two figures.
        a.click("link", "Home", "home again")
        a.click("link", "Public figures", "public figures", within=a.page.locator("main"))
        a.click("link", "Draft a release", "the draft form")
        a.fill(
            {
                "title_my": TITLES["my"],
                "title_en": TITLES["en"],
                "start": start.isoformat(),
                "end": end.isoformat(),
            }
        )
        a.choose("keys", "enquiry")
        a.choose("keys", "defection")
        a.click("button", "Draft", "drafted", exact=True)
        page = a.text()
        assert TITLES[language] in page
        assert a.t("Waiting for a second person") in page
        assert _said(language, "between %(low)s and %(high)s", low=20, high=29) in page
        assert _said(language, "fewer than %(threshold)s", threshold=10) in page
        # A may not publish their own draft: the page says another analyst must, and offers no button.
        assert a.t("Another analyst must publish this release.") in page
        assert a.find("button", "Publish", exact=True).count() == 0
        release = Release.objects.get()
        assert release.status == ReleaseStatus.DRAFT

        # B publishes it.
        b = Desk(browser, journey, "analyst B", publisher)
        desks.append(b)
        b.sign_in()
        b.click("link", "Public figures", "public figures", within=b.page.locator("main"))
        b.click_text("link", TITLES[language], "the draft")
        b.click("button", "Publish", "published", exact=True)
        assert b.t("Published.") in b.text()
        release.refresh_from_db()
        assert release.status == ReleaseStatus.PUBLISHED

        # The public site, as a phone with JavaScript off reads it: each language shows its own title.
        reader = Desk(browser, journey, "reader", width=360, javascript=False)
        desks.append(reader)
        reader.open_site("/", "landing page")
        if language == "en":
            reader.click_text("link", "English", "landing page in English")
        reader.click("link", "How the programme is going", "public figures")
        html = reader.page.content()
        assert "<script" not in html.lower()
        shown = reader.text()
        other = "en" if language == "my" else "my"
        assert TITLES[language] in shown
        assert TITLES[other] not in shown
        assert _said(language, "between %(low)s and %(high)s", low=20, high=29) in shown
        assert _said(language, "fewer than %(threshold)s", threshold=10) in shown
        assert reader.page.evaluate("document.documentElement.scrollWidth") <= 360, "wider than the phone"
    finally:
        for desk in desks:
            desk.close()

    assert not journey.problems, "\n".join(journey.problems)
