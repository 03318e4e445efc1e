"""Every form that can raise one of Django's limit errors ("at most 5000 characters (it has 5012)", "less
than or equal to 100") mixes in ``myanmar.forms.LocalDigitsErrors``, so a Burmese page shows those numbers
in Myanmar digits.

Static, over the source (ast), like test_refusals_translated: a form class (a subclass of ``forms.Form``,
``forms.ModelForm`` or of another form of the project) whose body passes a length, value or digit limit to
a field, or that is a ModelForm (its model's fields carry lengths), must have the mixin among its bases or
inherit it from a form of the project. What the mixin does is tested through the pages
(intake/tests/test_enquirer_fixes.py and rewards/tests/test_refusals_burmese.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import embrace

ROOT = Path(embrace.__file__).parent
NOT_SCANNED_PARTS = frozenset({"tests", "bench", "migrations", "management"})

LIMITS = frozenset({"max_length", "min_length", "max_value", "min_value", "max_digits", "decimal_places"})
DJANGO_FORMS = frozenset({"Form", "ModelForm"})
MIXIN = "LocalDigitsErrors"


def _base_names(node: ast.ClassDef) -> list[str]:
    return [
        b.attr if isinstance(b, ast.Attribute) else b.id
        for b in node.bases
        if isinstance(b, ast.Name | ast.Attribute)
    ]


def _classes(root: Path) -> dict[str, list[tuple[str, ast.ClassDef]]]:
    """Every class of the project outside tests, by name (two modules may use the same name)."""
    found: dict[str, list[tuple[str, ast.ClassDef]]] = {}
    for path in sorted(root.rglob("*.py")):
        if NOT_SCANNED_PARTS & set(path.relative_to(root).parts):
            continue
        module = ast.parse(path.read_text(), filename=str(path))
        for node in module.body:
            if isinstance(node, ast.ClassDef):
                found.setdefault(node.name, []).append((path.relative_to(root).as_posix(), node))
    return found


def _limits(node: ast.ClassDef) -> set[str]:
    return {
        keyword.arg
        for call in ast.walk(node)
        if isinstance(call, ast.Call)
        for keyword in call.keywords
        if keyword.arg in LIMITS
    }


def forms_without_the_mixin(root: Path = ROOT) -> list[str]:
    classes = _classes(root)

    def is_form(name: str, seen: frozenset[str] = frozenset()) -> bool:
        if name in DJANGO_FORMS:
            return True
        if name in seen or name not in classes:
            return False
        return any(is_form(base, seen | {name}) for _, node in classes[name] for base in _base_names(node))

    def has_mixin(name: str, seen: frozenset[str] = frozenset()) -> bool:
        if name == MIXIN:
            return True
        if name in seen or name not in classes:
            return False
        # Every class of that name must have it: a same-named form elsewhere proves nothing.
        return all(
            any(has_mixin(base, seen | {name}) for base in _base_names(node)) for _, node in classes[name]
        )

    missing = []
    for name, defined in classes.items():
        for path, node in defined:
            bases = _base_names(node)
            if name == MIXIN or not any(is_form(base) for base in bases):
                continue
            needs = _limits(node) or "ModelForm" in bases
            if needs and not any(has_mixin(base) for base in bases):
                missing.append(f"{path}: {name} ({', '.join(sorted(_limits(node))) or 'ModelForm'})")
    return missing


def test_every_form_with_a_limit_shows_its_numbers_in_the_pages_digits() -> None:
    assert forms_without_the_mixin() == []


def test_the_check_finds_a_form_with_a_limit_and_no_mixin(tmp_path: Path) -> None:
    """The check itself: a form with a length limit and no mixin is reported, one with it is not."""
    source = (
        "from django import forms\n"
        "class Bare(forms.Form):\n    note = forms.CharField(max_length=10)\n"
        "class Mixed(LocalDigitsErrors, forms.Form):\n    note = forms.CharField(max_length=10)\n"
        "class Child(Mixed):\n    other = forms.IntegerField(max_value=5)\n"
        "class Plain(forms.Form):\n    note = forms.CharField()\n"
    )
    (tmp_path / "sample.py").write_text(source)
    assert forms_without_the_mixin(tmp_path) == ["sample.py: Bare (max_length)"]
