"""Duplicate signals by blind index: spellings meet, strangers do not, the database holds no identifier."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from embrace.accounts.models import Team
from embrace.accounts.tests.scan import database_text
from embrace.cases.duplicates import (
    Duplicate,
    find_duplicates,
    index_identifiers,
    normalise,
    search_identifier,
)
from embrace.cases.models import Case, IdentifierIndex, IdentifierKind
from embrace.vault import actions as vault

pytestmark = pytest.mark.django_db

PHONE_SPELLINGS = ["၀၉ ၄၅၀ ၁၂၃ ၄၅၆", "+959450123456", "09-450-123-456"]
PHONE_FORMS = ["+959450123456", "959450123456", "09450123456", "9450123456", "450123456"]
NAME_ZAWGYI, NAME_UNICODE = "ေအာင္ေက်ာ္ျမင့္", "ဗိုလ်ကြီး အောင်ကျော်မြင့်"
NAME_KEY = "အောင်ကျော်မြင့်"


def _case(team: Team, identity: dict[str, str] | None = None) -> Case:
    """A case as intake leaves it: identifiers sealed in its identity compartment, unreadable here."""
    case = Case.objects.create(
        team=team,
        opened_on="2026-01-05",
        last_enquirer_on="2026-01-05",
        body=vault.create_compartment("body", [], actor=None),
        identity=vault.create_compartment("identity", [], actor=None),
    )
    if identity:
        case.identity_details = vault.seal(case.identity, json.dumps(identity, ensure_ascii=False).encode())
        case.save(update_fields=["identity_details"])
    return case


def test_one_phone_typed_three_ways_links_the_cases(intake_team: Team) -> None:
    cases = [_case(intake_team) for _ in PHONE_SPELLINGS]
    for case, typed in zip(cases, PHONE_SPELLINGS, strict=True):
        assert index_identifiers(case, phones=[typed]) == 1

    first, second, third = cases
    assert find_duplicates(first) == sorted(
        [Duplicate(second.pk, IdentifierKind.PHONE), Duplicate(third.pk, IdentifierKind.PHONE)]
    )
    assert find_duplicates(third) == sorted(
        [Duplicate(first.pk, IdentifierKind.PHONE), Duplicate(second.pk, IdentifierKind.PHONE)]
    )


def test_different_phone_numbers_do_not_link(intake_team: Team) -> None:
    first, second, third = (_case(intake_team) for _ in range(3))
    index_identifiers(first, phones=["09450123456"])
    index_identifiers(second, phones=["09450123457"])
    index_identifiers(third, phones=["+66812345678"])

    assert find_duplicates(first) == []
    assert find_duplicates(second) == []
    assert find_duplicates(third) == []


def test_a_case_without_identifiers_has_no_duplicates(intake_team: Team) -> None:
    lonely = _case(intake_team)
    index_identifiers(_case(intake_team), phones=["09450123456"])

    assert find_duplicates(lonely) == []


def test_zawgyi_and_unicode_spellings_of_a_name_link(intake_team: Team) -> None:
    zawgyi, unicode_, stranger = (_case(intake_team) for _ in range(3))
    index_identifiers(zawgyi, names=[NAME_ZAWGYI])
    index_identifiers(unicode_, names=[NAME_UNICODE])
    index_identifiers(stranger, names=["အောင်အောင်"])

    assert (
        normalise(IdentifierKind.NAME, NAME_ZAWGYI)
        == normalise(IdentifierKind.NAME, NAME_UNICODE)
        == NAME_KEY
    )
    assert find_duplicates(zawgyi) == [Duplicate(unicode_.pk, IdentifierKind.NAME)]
    assert find_duplicates(stranger) == []


@pytest.mark.parametrize(
    ("typed", "other", "same"),
    [
        ("BC-12345", "bc 12345", True),
        ("BC-၁၂၃၄၅", "ＢＣ１２３４５", True),  # noqa: RUF001  (full-width, as some keyboards type)
        ("BC-12345", "BC-12346", False),
        ("BC-12345", "12345", False),  # the prefix is part of an officer's number
    ],
)
def test_service_numbers_link_only_when_equal(intake_team: Team, typed: str, other: str, same: bool) -> None:
    first, second = _case(intake_team), _case(intake_team)
    index_identifiers(first, service_numbers=[typed])
    index_identifiers(second, service_numbers=[other])

    expected = [Duplicate(second.pk, IdentifierKind.SERVICE_NUMBER)] if same else []
    assert find_duplicates(first) == expected


def test_kinds_do_not_link_each_other(intake_team: Team) -> None:
    # Digits typed as a name in one case and as a service number in another normalise alike: no duplicate.
    first, second = _case(intake_team), _case(intake_team)
    index_identifiers(first, names=["12345"])
    index_identifiers(second, service_numbers=["12345"])

    assert normalise(IdentifierKind.NAME, "12345") == normalise(IdentifierKind.SERVICE_NUMBER, "12345")
    assert find_duplicates(first) == []


def test_values_that_cannot_be_identifiers_are_not_indexed(intake_team: Team) -> None:
    first, second = _case(intake_team), _case(intake_team)
    # A Telegram name in the contact field, blanks, a service "number" without digits, a name of punctuation.
    for case in (first, second):
        assert (
            index_identifiers(case, phones=["@aungaung", "", "  "], service_numbers=["BC-"], names=["..."])
            == 0
        )

    assert not IdentifierIndex.objects.exists()
    assert find_duplicates(first) == []


def test_indexing_again_adds_nothing(intake_team: Team) -> None:
    case = _case(intake_team)
    assert index_identifiers(case, phones=PHONE_SPELLINGS, names=[NAME_ZAWGYI, NAME_UNICODE]) == 2
    assert index_identifiers(case, phones=PHONE_SPELLINGS, names=[NAME_ZAWGYI]) == 0
    assert index_identifiers(case, phones=["09450123457"]) == 1

    assert case.identifier_index.count() == 3


def test_search_finds_cases_by_any_spelling(intake_team: Team) -> None:
    match, other = _case(intake_team), _case(intake_team)
    index_identifiers(match, phones=["09-450-123-456"], service_numbers=["BC-12345"])
    index_identifiers(other, phones=["09450123457"])

    for typed in PHONE_SPELLINGS:
        assert list(search_identifier(IdentifierKind.PHONE, typed)) == [match]
    assert list(search_identifier(IdentifierKind.SERVICE_NUMBER, "bc ၁၂၃၄၅")) == [match]
    assert list(search_identifier(IdentifierKind.SERVICE_NUMBER, "09450123456")) == []
    assert list(search_identifier(IdentifierKind.PHONE, "not a number")) == []


def test_search_can_be_narrowed_to_a_team(intake_team: Team, other_team: Team) -> None:
    mine, theirs = _case(intake_team), _case(other_team)
    for case in (mine, theirs):
        index_identifiers(case, phones=["09450123456"])

    found = search_identifier(IdentifierKind.PHONE, "09450123456")
    assert set(found) == {mine, theirs}
    assert list(found.filter(team=intake_team)) == [mine]


def test_unknown_kind_is_refused(intake_team: Team) -> None:
    with pytest.raises(ValueError, match="not an identifier kind"):
        search_identifier("asset", "MiG-29")


def test_no_identifier_reaches_the_database_in_any_form(intake_team: Team) -> None:
    identity = {"contact": PHONE_SPELLINGS[0], "service_number": "BC-12345", "name": NAME_ZAWGYI}
    first, second = _case(intake_team, identity), _case(intake_team, identity)
    for case in (first, second):
        index_identifiers(case, phones=PHONE_SPELLINGS, service_numbers=["BC-12345"], names=[NAME_ZAWGYI])
    assert len(find_duplicates(first)) == 3  # the index is there and works

    text = database_text()
    forms = [*PHONE_SPELLINGS, *PHONE_FORMS, "BC-12345", "BC12345", NAME_ZAWGYI, NAME_KEY, "ေအာင္"]
    # database_text reads bytes as Latin-1, so Burmese is looked for as its UTF-8 bytes read that way.
    leaked = [form for form in forms if form.encode().decode("latin-1") in text]
    assert leaked == []


def _unkeyed_hashes(kind: str, value: str) -> set[str]:
    """What a digest would be without the key: plain hashes of the value, alone or with the kind."""
    candidates = {value, f"{kind}:{value}", f"{kind}\0{value}", f"{kind}{value}"}
    found = set()
    for candidate in candidates:
        for name in ("sha256", "sha1", "md5", "blake2b", "blake2s", "sha512", "sha3_256"):
            hexdigest = hashlib.new(name, candidate.encode()).hexdigest()
            found.update({hexdigest, hexdigest[:32], hexdigest[-32:]})
    return found


def test_stored_digests_cannot_be_recomputed_without_the_key(intake_team: Team) -> None:
    case = _case(intake_team)
    index_identifiers(case, phones=["09450123456"], service_numbers=["BC-12345"], names=[NAME_UNICODE])
    stored = set(IdentifierIndex.objects.values_list("digest", flat=True))
    assert len(stored) == 3

    guesses = (
        _unkeyed_hashes(IdentifierKind.PHONE, "+959450123456")
        | _unkeyed_hashes(IdentifierKind.SERVICE_NUMBER, "BC12345")
        | _unkeyed_hashes(IdentifierKind.NAME, NAME_KEY)
    )
    assert stored.isdisjoint(guesses)


def test_another_key_finds_nothing(intake_team: Team) -> None:
    case = _case(intake_team)
    index_identifiers(case, phones=["09450123456"])
    assert list(search_identifier(IdentifierKind.PHONE, "09450123456")) == [case]

    # A database copied to a server with another key (or none): the digests it holds match no lookup.
    with override_settings(BLIND_INDEX_KEY="another-key-of-the-same-length-0123456789abc"):
        assert list(search_identifier(IdentifierKind.PHONE, "09450123456")) == []


def test_deleting_a_case_deletes_its_entries(intake_team: Team) -> None:
    gone, kept = _case(intake_team), _case(intake_team)
    for case in (gone, kept):
        index_identifiers(case, phones=["09450123456"])

    gone.delete()

    assert find_duplicates(kept) == []
    assert IdentifierIndex.objects.count() == 1


def _plan(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return " | ".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_lookups_are_one_query_through_the_indexes(intake_team: Team) -> None:
    cases = [_case(intake_team) for _ in range(3)]
    for case in cases:
        index_identifiers(case, phones=["09450123456"], names=[NAME_UNICODE])

    with CaptureQueriesContext(connection) as search_queries:
        found = list(search_identifier(IdentifierKind.PHONE, "09450123456"))
    with CaptureQueriesContext(connection) as duplicate_queries:
        duplicates = find_duplicates(cases[0])

    assert len(found) == 3
    assert len(duplicates) == 4
    assert len(search_queries) == 1
    assert len(duplicate_queries) == 1
    # Neither lookup reads the whole index table: the digest is found through an index.
    for sql in (search_queries[0]["sql"], duplicate_queries[0]["sql"]):
        plan = _plan(sql)
        assert "cases_identifier_lookup" in plan, plan
        assert "SCAN cases_identifierindex" not in plan, plan
