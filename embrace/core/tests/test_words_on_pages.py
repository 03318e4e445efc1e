"""Every staff page, for every role, in both languages: words a volunteer reads, never internal names, and
on a Burmese page no English sentence left untranslated (issue 10)."""

from __future__ import annotations

import pytest

from embrace.accounts.models import User
from embrace.cases.models import Case
from embrace.core.tests.test_access_matrix import staff_targets, url_for
from embrace.rewards.models import Entry
from embrace.testing.language import wording_problems
from embrace.testing.world import PERSONAS, build_world

pytestmark = pytest.mark.django_db


def test_no_staff_page_shows_an_internal_name_or_burmese_pages_english_sentences() -> None:
    world = build_world()
    clients = world.clients()
    usernames = set(User.objects.values_list("username", flat=True))
    references = set(Case.objects.values_list("reference", flat=True))
    # Schedule codes are what the committee typed to name each entry (the schedule pages show and edit
    # them; the audit record keeps them): data, like a username. Claims and payments show the titles.
    codes = set(Entry.objects.values_list("code", flat=True))
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
                where = f"{target.name} [{target.case}] as {who} in {language}"
                problems += [
                    f"{where}: {problem}"
                    for problem in wording_problems(
                        response.content.decode(),
                        language=language,
                        allowed=usernames,
                        content=[*references, *codes, "to plan the route"],
                    )
                ]
    assert pages > 100, "too few pages answered 200 for the check to mean anything"
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(sorted(set(problems)))
