"""The list filters' selects are written in Python (``forms.QuickSelect``) for speed: what a browser gets must
be what Django's own select template writes, so people and the journeys see the same form."""

from __future__ import annotations

import re

from django import forms

from embrace.cases.forms import QuickSelect

CHOICES = [("", "Any"), ("a&b", "Fish & <chips>"), ("navy", "navy"), (3, "three")]


def _same_markup(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).strip()


def _pair(value: object, attrs: dict[str, object]) -> tuple[str, str]:
    quick = QuickSelect(choices=CHOICES).render("label", value, attrs)
    django = forms.Select(choices=CHOICES).render("label", value, attrs)
    return _same_markup(quick), _same_markup(django)


def test_a_quick_select_writes_what_djangos_select_writes() -> None:
    for value in (None, "", "navy", "a&b", 3, "3", "nothing of these"):
        shapes: list[dict[str, object]] = [
            {"id": "id_label"},
            {"id": "id_label", "required": True, "aria-invalid": "true"},
            {},
        ]
        for attrs in shapes:
            quick, django = _pair(value, attrs)
            assert quick == django, (value, attrs)


def test_a_quick_select_escapes_labels_and_values() -> None:
    quick, _django = _pair("a&b", {"id": "id_label"})
    assert '<option value="a&amp;b" selected>Fish &amp; &lt;chips&gt;</option>' in quick
    assert "<chips>" not in quick


def test_a_quick_select_marks_only_the_first_match() -> None:
    doubled = QuickSelect(choices=[("x", "one"), ("x", "two")]).render("f", "x")
    assert doubled.count(" selected") == 1


def test_a_quick_select_with_groups_falls_back_to_djangos_template() -> None:
    grouped = [("Sea", [("navy", "navy")]), ("", "Any")]
    quick = QuickSelect(choices=grouped).render("label", "navy", {"id": "x"})
    assert _same_markup(quick) == _same_markup(
        forms.Select(choices=grouped).render("label", "navy", {"id": "x"})
    )
    assert "<optgroup" in quick
