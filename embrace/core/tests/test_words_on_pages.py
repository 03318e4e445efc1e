"""Every staff page, for every role, in both languages: words a volunteer reads, never internal names, and
on a Burmese page no English sentence left untranslated (issue 10)."""

from __future__ import annotations

import re

import pytest

from embrace.accounts.models import User
from embrace.cases.models import Case
from embrace.core.tests.test_access_matrix import staff_targets, url_for
from embrace.testing.language import english_sentences, internal_names
from embrace.testing.world import PERSONAS, build_world

pytestmark = pytest.mark.django_db

# The world's random test markers (MARKER-FINANCE-ASSET-A-…) and what its staff typed are content, and so
# is text a page marks as English on purpose (lang="en": the language switch, the schedule's English column,
# the audit record itself).
# Ids, hashes and raw subjects (rewards.claim:…) in the audit record are the record, not sentences.
_CONTENT = re.compile(
    r"MARKER-[A-Z0-9-]+-[0-9a-f]+|to plan the route"
    r"|\b[a-z]+\.[a-z_]+:[0-9a-f-]+|\b(?=[0-9a-f-]*\d)[0-9a-f-]{6,}\b"
    # Claim references, like case references, are random letters and digits (K7M2P9QX).
    r"|\b(?=[A-Z0-9]*\d)[A-Z0-9]{8}\b"
)
_MARKED_ENGLISH = re.compile(r'<(\w+)[^>]*\blang="en"[^>]*>.*?</\1>', re.DOTALL)
# Written in Latin letters in Burmese text too.
_CODES = frozenset({"USD", "MMK", "THB"})


def test_no_staff_page_shows_an_internal_name_or_burmese_pages_english_sentences() -> None:
    world = build_world()
    clients = world.clients()
    usernames = set(User.objects.values_list("username", flat=True))
    references = set(Case.objects.values_list("reference", flat=True))
    targets = staff_targets()
    assert len(targets) >= 40, "the walker did not reach the staff URLs"
    problems: list[str] = []
    pages = 0
    for language in ("en", "my"):
        User.objects.update(language=language)
        for who in PERSONAS:
            for target in targets:
                if target.name in ("accounts:logout", "accounts:language"):
                    continue
                response = clients[who].get(url_for(world, target))
                if response.status_code != 200 or "html" not in response.headers.get("Content-Type", ""):
                    continue
                pages += 1
                page = _CONTENT.sub("", response.content.decode())
                for reference in references:
                    page = page.replace(reference, "")
                where = f"{target.name} [{target.case}] as {who} in {language}"
                problems += [f"{where}: {name}" for name in sorted(internal_names(page, allowed=usernames))]
                if language == "my":
                    problems += [
                        f"{where}: English {run!r}"
                        for run in english_sentences(
                            _MARKED_ENGLISH.sub("", page), allowed=usernames | _CODES
                        )
                    ]
    assert pages > 100, "too few pages answered 200 for the check to mean anything"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(sorted(set(problems)))
