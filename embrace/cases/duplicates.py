"""Duplicate signals: cases that share a phone number, a service number or a name, found by blind index.

Identifiers are normalised (so that "၀၉ ၄၅၀ ၁၂၃ ၄၅၆" and "+959450123456" meet, and a Zawgyi spelling meets
its Unicode one), then stored only as keyed digests (embrace.vault.blind). Matching never decrypts a case.

These are signals for staff, never shown to the enquirer. A shared name is weak (people share names); a
shared phone or service number is strong. The functions here do not decide who may see which case: callers
narrow the results to the user's teams (``search_identifier`` returns a QuerySet for that reason).
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from embrace.cases.models import Case, IdentifierIndex, IdentifierKind
from embrace.myanmar import text as burmese
from embrace.vault.blind import blind_index


@dataclass(frozen=True, order=True)
class Duplicate:
    case_id: uuid.UUID
    kind: str


def _service_number(raw: str) -> str | None:
    # "BC-12345", "bc 12345", "BC-၁၂၃၄၅" and its full-width form are one number: letters kept (officers'
    # numbers carry a prefix), upper case, Myanmar and full-width digits as ASCII, separators dropped.
    unicode_text = unicodedata.normalize("NFKC", burmese.to_unicode(raw).text)
    value = "".join(c for c in burmese.digits_only(unicode_text) if c.isalnum()).upper()
    # Without a digit it is not a number, and letters alone would link unrelated cases.
    return value if any(c.isdigit() for c in value) else None


def normalise(kind: str, raw: str) -> str | None:
    """The form of ``raw`` that is hashed, or None when it cannot be an identifier of this kind.

    Forms can call this to tell a person that what they typed is not, say, a phone number.
    """
    if kind == IdentifierKind.PHONE:
        return burmese.phone_key(raw)
    if kind == IdentifierKind.SERVICE_NUMBER:
        return _service_number(raw)
    if kind == IdentifierKind.NAME:
        return burmese.name_key(raw) or None
    raise ValueError(f"not an identifier kind: {kind!r}")


def _digests(kind: str, raws: Iterable[str]) -> set[str]:
    values = {normalise(kind, raw) for raw in raws if raw and raw.strip()}
    return {blind_index(kind, value) for value in values if value}


def index_identifiers(
    case: Case, *, phones: Iterable[str] = (), service_numbers: Iterable[str] = (), names: Iterable[str] = ()
) -> int:
    """Record blind-index entries for these identifiers of ``case``; returns how many were new.

    Values that cannot be identifiers (a Telegram name given as a phone, an empty field) are skipped.
    Indexing the same value again adds nothing. Call it inside the transaction that records the identifiers.
    """
    wanted = [
        (kind, digest)
        for kind, raws in (
            (IdentifierKind.PHONE, phones),
            (IdentifierKind.SERVICE_NUMBER, service_numbers),
            (IdentifierKind.NAME, names),
        )
        for digest in sorted(_digests(kind, raws))
    ]
    if not wanted:
        return 0
    existing = set(case.identifier_index.values_list("kind", "digest"))
    new = [(kind, digest) for kind, digest in wanted if (kind, digest) not in existing]
    # A concurrent call indexing the same value is not an error: the unique constraint keeps one row.
    IdentifierIndex.objects.bulk_create(
        [
            IdentifierIndex(case=case, kind=kind, digest=digest, created_on=timezone.localdate())
            for kind, digest in new
        ],
        ignore_conflicts=True,
    )
    return len(new)


def find_duplicates(case: Case) -> list[Duplicate]:
    """Other cases that share any indexed identifier with ``case``, one entry per case and kind.

    One query, through the digest index: no case is decrypted and no digest is recomputed.
    """
    mine = IdentifierIndex.objects.filter(case=case)
    rows = (
        IdentifierIndex.objects.filter(digest__in=mine.values("digest"))
        .exclude(case=case)
        .values_list("case_id", "kind")
        .distinct()
    )
    return sorted(Duplicate(case_id, kind) for case_id, kind in rows)


def search_identifier(kind: str, raw_value: str) -> QuerySet[Case]:
    """Cases with this identifier, typed in any of its spellings. Nothing matches what cannot be one."""
    value = normalise(kind, raw_value)
    if not value:
        return Case.objects.none()
    return Case.objects.filter(identifier_index__kind=kind, identifier_index__digest=blind_index(kind, value))


def with_duplicates(cases: list[Case]) -> set[str]:
    """Ids (as text) of those cases that share an identifier with some other case: one query for a page."""
    others = IdentifierIndex.objects.filter(digest=OuterRef("digest"), kind=OuterRef("kind")).exclude(
        case=OuterRef("case")
    )
    rows = (
        IdentifierIndex.objects.filter(case__in=cases)
        .filter(Exists(others))
        .values_list("case_id", flat=True)
    )
    return {str(pk) for pk in rows.distinct()}
