"""{% load myanmar %}: Myanmar digits and Burmese dates on Burmese pages, nothing changed on English ones."""

from __future__ import annotations

import datetime

from django.template import Context, Template
from django.utils import translation


def _render(source: str, language: str, **context: object) -> str:
    with translation.override(language):
        return Template("{% load myanmar %}" + source).render(Context(context))


def test_numbers_are_written_in_myanmar_digits_on_a_burmese_page() -> None:
    assert _render("{{ n|digits }}", "my", n=1204) == "၁၂၀၄"
    assert _render("{{ n|digits }}", "my", n="1,000,000") == "၁,၀၀၀,၀၀၀"
    assert _render("{{ n|digits }}", "en", n=1204) == "1204"
    assert _render("{{ n|digits }}", "my", n=None) == ""


def test_a_date_has_its_burmese_month_name_and_myanmar_digits() -> None:
    day = datetime.date(2026, 12, 5)
    assert _render("{{ d|day }}", "my", d=day) == "၂၀၂၆၊ ဒီဇင်ဘာ ၅"
    assert _render("{{ d|day }}", "my", d=datetime.date(2027, 1, 31)) == "၂၀၂၇၊ ဇန်နဝါရီ ၃၁"
    assert _render("{{ d|day }}", "en", d=day) == "5 Dec 2026"
    assert _render("{{ d|day }}", "my", d=None) == ""


def test_an_instant_is_shown_as_the_day_it_was_in_myanmar() -> None:
    # 18:00 UTC is 00:30 the next day in Yangon (UTC+6:30), where the programme's days are counted.
    evening = datetime.datetime(2026, 12, 5, 18, 0, tzinfo=datetime.UTC)
    assert _render("{{ d|day }}", "my", d=evening) == "၂၀၂၆၊ ဒီဇင်ဘာ ၆"
    assert _render("{{ d|day }}", "my", d=datetime.datetime(2026, 12, 5, 23, 30)) == "၂၀၂၆၊ ဒီဇင်ဘာ ၅"
