"""{% load myanmar %}: Myanmar digits and Burmese dates on Burmese pages, nothing changed on English ones."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from embrace.testing.language import latin_digits


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


def test_a_month_is_its_burmese_name_and_year_in_myanmar_digits() -> None:
    december = datetime.date(2026, 12, 1)
    assert _render("{{ d|month }}", "my", d=december) == "၂၀၂၆ ဒီဇင်ဘာ"
    assert _render("{{ d|month }}", "en", d=december) == "December 2026"
    assert _render('{{ d|month:"Y-m" }}', "en", d=december) == "2026-12"
    assert _render("{{ d|month }}", "my", d=None) == ""


def test_a_moment_is_the_day_and_the_time_in_myanmar_in_myanmar_digits() -> None:
    # 07:35 UTC is 14:05 in Yangon (UTC+6:30).
    instant = datetime.datetime(2026, 12, 5, 7, 35, 9, tzinfo=datetime.UTC)
    assert _render("{{ t|moment }}", "my", t=instant) == "၂၀၂၆၊ ဒီဇင်ဘာ ၅ ၁၄:၀၅"
    assert _render('{{ t|moment:"Y-m-d H:i:s" }}', "my", t=instant) == "၂၀၂၆၊ ဒီဇင်ဘာ ၅ ၁၄:၀၅:၀၉"
    assert _render("{{ t|moment }}", "en", t=instant) == "5 Dec 2026 14:05"
    assert _render('{{ t|moment:"Y-m-d H:i" }}', "en", t=instant) == "2026-12-05 14:05"
    assert _render("{{ t|clock }}", "my", t=instant) == "၁၄:၀၅"
    assert _render("{{ t|clock }}", "en", t=instant) == "14:05"


def test_english_pages_keep_the_format_the_template_names() -> None:
    assert _render('{{ d|day:"Y-m-d" }}', "en", d=datetime.date(2026, 12, 5)) == "2026-12-05"
    assert _render('{{ d|day:"Y-m-d" }}', "my", d=datetime.date(2026, 12, 5)) == "၂၀၂၆၊ ဒီဇင်ဘာ ၅"


def test_an_amount_is_grouped_and_keeps_its_currency_code() -> None:
    assert _render('{{ a|amount:"USD" }}', "my", a=Decimal("1500")) == "၁,၅၀၀.၀၀ USD"
    assert _render('{{ a|amount:"USD" }}', "en", a=Decimal("1500")) == "1,500.00 USD"
    assert _render('{{ a|amount:"MMK" }}', "my", a="1,500") == "၁,၅၀၀ MMK"


def test_an_identifier_is_marked_as_data_and_keeps_its_latin_digits() -> None:
    assert _render("{{ n|ref }}", "my", n="HW-1") == '<span class="ref" translate="no">HW-1</span>'
    assert _render("{{ n|ref }}", "my", n="<b>") == '<span class="ref" translate="no">&lt;b&gt;</span>'


def test_the_filters_need_no_load_tag() -> None:
    # The library is a template builtin (settings.TEMPLATES), so a template without {% load myanmar %}
    # can still write its numbers in Myanmar digits.
    with translation.override("my"):
        assert Template("{{ n|digits }} {{ d|day }}").render(
            Context({"n": 7, "d": datetime.date(2026, 1, 2)})
        ) == ("၇ ၂၀၂၆၊ ဇန်နဝါရီ ၂")


def test_the_latin_digit_check_finds_digits_outside_what_is_marked_as_data() -> None:
    page = (
        "<html><body><p>ဓာတ်ပုံ 1</p><p>ဓာတ်ပုံ ၁</p><code>K7M2</code><kbd>2027-01</kbd>"
        '<span class="ref" translate="no">HW-1</span><p class="secret">1234 5678</p>'
        "<p>case AB12</p></body></html>"
    )
    assert latin_digits(page, allowed=["AB12"]) == ["ဓာတ်ပုံ 1"]
