"""Every message in the project's Burmese catalog has a Burmese translation: non-empty, not fuzzy, every
plural form filled (issue 10).

It reads the .po file itself (no polib: not a project dependency) and skips the header and obsolete (#~)
entries, which gettext never serves.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

CATALOG = Path(__file__).resolve().parents[2] / "locale" / "my" / "LC_MESSAGES" / "django.po"


@dataclass
class Entry:
    msgid: str = ""
    flags: set[str] = field(default_factory=set)
    msgstr: dict[str, str] = field(default_factory=dict)  # "" for a singular msgstr, "0", "1"… for plurals


def _entries(text: str) -> list[Entry]:
    entries, current, last = [], Entry(), None
    for raw in [*text.splitlines(), ""]:
        line = raw.strip()
        if not line:
            if last is not None:
                entries.append(current)
            current, last = Entry(), None
        elif line.startswith("#~"):
            current, last = Entry(), None  # obsolete: never served
            continue
        elif line.startswith("#,"):
            current.flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if last == "msgid":
                current.msgid += ast.literal_eval(line)
            elif last is not None:
                current.msgstr[last] += ast.literal_eval(line)
        else:
            keyword, _, value = line.partition(" ")
            if keyword == "msgid":
                last, current.msgid = "msgid", ast.literal_eval(value)
            elif keyword == "msgid_plural":
                last = "msgid_plural"
                current.msgstr.setdefault("msgid_plural", "")
            elif keyword.startswith("msgstr"):
                last = keyword.removeprefix("msgstr").strip("[]")
                current.msgstr[last] = ast.literal_eval(value)
    return [e for e in entries if e.msgid]  # the header's msgid is empty


def test_every_message_in_the_burmese_catalog_is_translated() -> None:
    entries = _entries(CATALOG.read_text(encoding="utf-8"))
    assert len(entries) > 100, "the catalog was not found or not read"
    untranslated = [
        e.msgid
        for e in entries
        if "fuzzy" in e.flags
        or not [v for k, v in e.msgstr.items() if k != "msgid_plural"]
        or any(not v.strip() for k, v in e.msgstr.items() if k != "msgid_plural")
    ]
    assert not untranslated, f"{len(untranslated)} without Burmese, e.g. {untranslated[:5]}"


def test_the_catalog_reader_sees_fuzzy_empty_and_plural_entries() -> None:
    sample = (
        '#, fuzzy\nmsgid ""\nmsgstr ""\n"Language: my\\n"\n\n'
        'msgid "Done"\nmsgstr "ပြီးပါပြီ"\n\n'
        '#, fuzzy\nmsgid "Old"\nmsgstr "ဟောင်း"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        'msgid "%(n)s photo"\nmsgid_plural "%(n)s photos"\nmsgstr[0] ""\n"ဓာတ်ပုံ %(n)s ပုံ"\n\n'
        '#~ msgid "Gone"\n#~ msgstr ""\n'
    )
    entries = {e.msgid: e for e in _entries(sample)}
    assert set(entries) == {"Done", "Old", "Empty", "%(n)s photo"}
    assert "fuzzy" in entries["Old"].flags
    assert entries["Empty"].msgstr[""] == ""
    assert entries["%(n)s photo"].msgstr["0"] == "ဓာတ်ပုံ %(n)s ပုံ"
