"""Burmese for every message in the project's catalogs, kept as data so a translator can review it.

Each area keeps its own table in ``tools/translations/<area>.py``: a dict ``MY`` from the English msgid (or
``(singular, plural)``) to Burmese. ``make messages`` regenerates embrace/locale/*/django.po from templates
and code, fills the Burmese one from the union of these tables (failing on any message without a translation)
and compiles the catalogs.
"""

import runpy
from pathlib import Path

MY: dict[object, str] = {}
for _path in sorted((Path(__file__).parent / "translations").glob("*.py")):
    for _key, _text in runpy.run_path(str(_path))["MY"].items():
        if MY.get(_key, _text) != _text:
            raise SystemExit(f"{_path.name}: {_key!r} is translated differently in another table")
        MY[_key] = _text
