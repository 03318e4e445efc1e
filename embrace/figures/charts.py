"""A snapshot's figure as an SVG chart, drawn on the server by pygal and cleaned to sit inline in a page.

pygal writes a configuration ``<script>`` even with ``js=[]``, a ``<style>`` and comments naming itself. The
staff pages' policy allows no inline script or style, and the page should carry nothing it does not need, so
all three are removed; colours and fonts come from the app's own stylesheet (``figures/charts.css``), keyed to
pygal's class names. Every word stays a ``<text>`` element, so the browser shapes Burmese itself.
"""

from __future__ import annotations

import math
from typing import Any
from xml.etree import ElementTree as ET

import pygal

from embrace.figures.labels import label, short_row_label
from embrace.myanmar.formats import local_digits

SVG = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")

_KINDS = {"stacked": pygal.StackedBar, "bars": pygal.Bar, "funnel": pygal.HorizontalBar}


def _series(figure: dict[str, Any]) -> list[tuple[str, list[float | None]]]:
    shown = figure.get("chart_columns") or list(range(len(figure["columns"])))
    if figure["chart"] == "funnel":
        shown = [0]
    series = []
    for index in shown:
        what, code = figure["columns"][index]
        values = [row[index + 1] for row in figure["rows"]]
        series.append((label(what, code), [v if isinstance(v, int | float) else None for v in values]))
    return series


# About how wide one character of an axis label is drawn (11px text), and how wide the plot is.
_CHARACTER_PX, _PLOT_PX = 6, 680


def _crowded(figure: dict[str, Any]) -> bool:
    """Whether the row names under a bar chart would run into each other side by side (the stages'
    "Dormant pre-registration", a Burmese month): then they are tilted. A funnel names its rows on the left,
    one above the other, so never."""
    if figure["chart"] == "funnel" or not figure["rows"]:
        return False
    longest = max(len(short_row_label(figure["rows_of"], row[0])) for row in figure["rows"])
    return len(figure["rows"]) > 12 or longest * _CHARACTER_PX > _PLOT_PX / len(figure["rows"])


def axis_ticks(top: float) -> list[int]:
    """Whole-number marks on the value axis from 0 to at least ``top``, at most ten steps apart: the charts
    count people, cases, days and money, so pygal's own marks (0.1 … 0.9 when every value is 0) read wrong."""
    for exponent in range(0, 16):
        for multiple in (1, 2, 5):
            step = multiple * 10**exponent
            if math.ceil(top / step) <= 10:
                return [i * step for i in range(max(1, math.ceil(top / step)) + 1)]
    raise ValueError(top)


def _top(figure: dict[str, Any], series: list[tuple[str, list[float | None]]]) -> float:
    columns = [[v or 0 for v in values] for _, values in series] or [[0]]
    if figure["chart"] == "stacked":
        return max((sum(row) for row in zip(*columns, strict=True)), default=0)
    return max((max(values, default=0) for values in columns), default=0)


def axis_number(value: float) -> str:
    """A mark on the value axis in the page's digits (Myanmar digits on a Burmese page)."""
    shown = f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"
    return local_digits(shown)


# Dropped whole: code, inline style, and what only pygal's script reads (tooltip data and its empty box).
_DROPPED = {f"{{{SVG}}}script", f"{{{SVG}}}style", f"{{{SVG}}}desc", f"{{{SVG}}}defs"}


def clean(svg: str, title: str = "") -> str:
    """The SVG as drawing and text only: no script, no style, no comments, no ids (several charts share a
    page), no tooltip machinery; its ``<title>`` is ``title``."""
    root = ET.fromstring(svg)  # noqa: S314 - pygal's own output, see above
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in _DROPPED or "tooltip-overlay" in child.get("class", "").split():
                parent.remove(child)
    for element in root.iter():
        element.attrib.pop("id", None)
        element.attrib.pop("style", None)
        if element.tag == f"{{{SVG}}}title" and element.text == "Pygal":
            element.text = title
    # ElementTree drops comments while parsing, which is the other half of the cleaning.
    return ET.tostring(root, encoding="unicode")


def draw(figure: dict[str, Any], title: str) -> str:
    """The figure's chart as inline SVG. An empty table still draws (pygal says so in words)."""
    chart = _KINDS[figure["chart"]](
        js=[],
        disable_xml_declaration=True,
        no_prefix=True,
        width=760,
        height=340,
        explicit_size=False,
        show_legend=figure["chart"] != "funnel",
        legend_at_bottom=True,
        # Two columns: a channel's Burmese name is longer than a third of the chart and would run off it.
        legend_at_bottom_columns=2,
        x_label_rotation=45 if _crowded(figure) else 0,
        print_values=False,
        truncate_legend=-1,
        truncate_label=-1,
        no_data_text="-",
        classes=["pygal-chart", "figure-chart"],
        value_formatter=axis_number,
    )
    chart.x_labels = [short_row_label(figure["rows_of"], row[0]) for row in figure["rows"]]
    series = _series(figure)
    chart.y_labels = axis_ticks(_top(figure, series))
    for name, values in series:
        chart.add(name, values)
    root = ET.fromstring(clean(chart.render(is_unicode=True), title))  # noqa: S314 - as above
    root.set("role", "img")
    root.set("aria-label", title)
    return ET.tostring(root, encoding="unicode")
