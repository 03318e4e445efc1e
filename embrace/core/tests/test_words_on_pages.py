"""Every staff page, for every role, in both languages: words a volunteer reads, never internal names, and
on a Burmese page no English sentence left untranslated (issue 10)."""

from __future__ import annotations

import re

import pytest

from embrace.accounts.models import User
from embrace.cases.models import Case
from embrace.core.tests.test_access_matrix import staff_targets, url_for
from embrace.rewards.models import Claim, Entry, Journal
from embrace.testing.language import latin_digits, wording_problems
from embrace.testing.world import PERSONAS, build_world

pytestmark = pytest.mark.django_db

# What the shared world writes into sealed content, to find it again: text typed by a person.
_MARKER = re.compile(r"MARKER-[A-Z0-9-]+-[0-9a-f]+")


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


def test_burmese_staff_pages_write_numbers_and_dates_in_myanmar_digits() -> None:
    world = build_world()
    clients = world.clients()
    User.objects.update(language="my")
    # Data a person copies or compares character by character stays in Latin digits (docs/architecture.md,
    # "Burmese pages"): case and claim references, usernames and schedule codes, written unmarked in many
    # sentences and titles, and what staff typed (memos; the world's markers).
    data = {
        *User.objects.values_list("username", flat=True),
        *Case.objects.values_list("reference", flat=True),
        *Claim.objects.values_list("reference", flat=True),
        *Entry.objects.values_list("code", flat=True),
        *Journal.objects.values_list("memo", flat=True),
    }
    problems: set[str] = set()
    pages = 0
    for who in PERSONAS:
        for target in staff_targets():
            if target.name in ("accounts:logout", "accounts:language"):
                continue
            response = clients[who].get(url_for(world, target))
            if response.status_code != 200 or "html" not in response.headers.get("Content-Type", ""):
                continue
            pages += 1
            page = _MARKER.sub("", response.content.decode())
            for piece in latin_digits(page, allowed=data):
                problems.add(f"{target.name} [{target.case}]: {piece!r}")
    assert pages > 50, "too few pages answered 200 for the check to mean anything"
    assert not problems, f"{len(problems)} pieces in Latin digits:\n" + "\n".join(sorted(problems))
