"""The charts' value axis: whole-number marks from zero, in the page's digits."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

import pytest
from django.utils import translation

from embrace.figures.charts import SVG, axis_ticks, draw

MYANMAR_DIGITS = "၀၁၂၃၄၅၆၇၈၉"


def _figure(values: list[int], chart: str = "stacked") -> dict[str, object]:
    return {
        "name": "test",
        "title": "Enquiries",
        "chart": chart,
        "columns": [["channel", "web"], ["channel", "telegram"]],
        "rows_of": "month",
        "rows": [[f"2026-{m:02d}-01", v, v] for m, v in enumerate(values, start=1)],
    }


def _value_axis(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # noqa: S314 - our own drawing
    axis = [g for g in root.iter(f"{{{SVG}}}g") if g.get("class", "").split()[:2] == ["axis", "y"]]
    return [t.text or "" for g in axis for t in g.iter(f"{{{SVG}}}text")]


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (0, [0, 1]),
        (1, [0, 1]),
        (3, [0, 1, 2, 3]),
        (24, [0, 5, 10, 15, 20, 25]),
        (48, [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50]),
        (1_234_567, [i * 200_000 for i in range(8)]),
    ],
)
def test_the_value_axis_marks_whole_numbers_from_zero_past_the_largest_value(
    top: int, ticks: list[int]
) -> None:
    assert axis_ticks(top) == ticks


def test_a_chart_of_zeros_has_no_fractional_marks() -> None:
    # pygal alone marks 0.1 … 0.9 on a chart whose every value is 0: nobody counts a tenth of a case.
    with translation.override("en"):
        marks = _value_axis(draw(_figure([0, 0, 0]), "Enquiries"))
    assert marks
    assert not [m for m in marks if "." in m]


@pytest.mark.parametrize(("language", "digits"), [("my", MYANMAR_DIGITS), ("en", "0123456789")])
def test_the_value_axis_is_written_in_the_pages_digits(language: str, digits: str) -> None:
    with translation.override(language):
        marks = _value_axis(draw(_figure([3, 12, 7]), "Enquiries"))
    # Stacked: the largest month is 12 + 12 = 24, so the marks go to 25 in fives.
    shown = {m for m in marks if m}
    expected = {"".join(digits[int(c)] for c in str(n)) for n in (0, 5, 10, 15, 20, 25)}
    assert shown == expected
    assert not re.search("[0-9]" if language == "my" else "[၀-၉]", "".join(shown))


def _row_names(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg)  # noqa: S314 - our own drawing
    axis = [g for g in root.iter(f"{{{SVG}}}g") if g.get("class", "").split()[:2] == ["axis", "x"]]
    return [t for g in axis for t in g.iter(f"{{{SVG}}}text") if t.text]


def test_long_row_names_under_a_chart_are_tilted_and_short_ones_level() -> None:
    # Nine stages, "Dormant pre-registration" among them, ran into each other written level.
    stages = {
        "name": "stages",
        "title": "Days",
        "chart": "bars",
        "columns": [["word", "Median days"]],
        "rows_of": "status",
        "rows": [
            [s, 1]
            for s in (
                "enquiry",
                "dormant",
                "triage",
                "vetting",
                "passage_approved",
                "passage_planned",
                "in_transit",
                "arrived",
                "screened",
            )
        ],
    }
    with translation.override("en"):
        tilted = _row_names(draw(stages, "Days"))
        level = _row_names(draw(_figure([1, 2, 3]), "Enquiries"))
        funnel = _row_names(draw({**stages, "chart": "funnel"}, "Days"))
    assert tilted
    assert all(t.get("transform") for t in tilted)
    assert level
    assert not any(t.get("transform") for t in level)
    assert funnel
    assert not any(t.get("transform") for t in funnel)
