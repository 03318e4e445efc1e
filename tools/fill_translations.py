"""Fill the Burmese catalog from my_translations.MY (a maintainer tool, run by `make messages`)."""

import sys
from pathlib import Path

import polib  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).parent))
from my_translations import MY

po = polib.pofile(str(Path(__file__).parent.parent / "embrace/locale/my/LC_MESSAGES/django.po"))
missing = []
for entry in po:
    key = (entry.msgid, entry.msgid_plural) if entry.msgid_plural else entry.msgid
    if key not in MY:
        missing.append(key)
        continue
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
    if entry.msgid_plural:
        entry.msgstr_plural = {0: MY[key]}
    else:
        entry.msgstr = MY[key]
po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
po.metadata["Language"] = "my"
po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
po.save()
if missing:
    sys.exit("untranslated: " + "; ".join(map(str, missing)))
