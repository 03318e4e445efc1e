"""The blind-index key: generated once into the data folder, private to its owner, never in the database."""

from __future__ import annotations

import hashlib
import stat

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from embrace.accounts.models import Team
from embrace.accounts.tests.scan import database_text
from embrace.cases.duplicates import index_identifiers
from embrace.cases.models import Case
from embrace.vault import actions as vault
from embrace.vault.blind import DIGEST_HEX_CHARS, blind_index

OTHER_KEY = "a-different-key-for-the-same-deployment-0123456789"


def test_key_file_is_in_the_secrets_folder_and_readable_by_its_owner_only() -> None:
    path = settings.SECRETS_DIR / "blind-index-key"

    assert path.read_text().strip() == settings.BLIND_INDEX_KEY
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(settings.BLIND_INDEX_KEY) >= 40  # 32 random bytes


@pytest.mark.django_db
def test_key_never_reaches_the_database(intake_team: Team) -> None:
    case = Case.objects.create(
        team=intake_team,
        opened_on="2026-01-05",
        last_enquirer_on="2026-01-05",
        body=vault.create_compartment("body", [], actor=None),
        identity=vault.create_compartment("identity", [], actor=None),
    )
    assert index_identifiers(case, phones=["09450123456"], names=["Aung Aung"]) == 2

    assert settings.BLIND_INDEX_KEY not in database_text()


def test_digest_is_hex_of_fixed_length() -> None:
    digest = blind_index("phone", "+959450123456")

    assert len(digest) == DIGEST_HEX_CHARS
    assert int(digest, 16) >= 0
    assert blind_index("phone", "+959450123456") == digest


def test_digest_depends_on_the_key() -> None:
    ours = blind_index("phone", "+959450123456")
    with override_settings(BLIND_INDEX_KEY=OTHER_KEY):
        theirs = blind_index("phone", "+959450123456")

    assert ours != theirs


def test_digest_is_no_plain_hash_of_the_value() -> None:
    value = "+959450123456"
    digest = blind_index("phone", value)
    for candidate in (value, f"phone:{value}", f"phone\0{value}", f"phone{value}"):
        for name in ("sha256", "sha1", "md5", "blake2b", "blake2s", "sha512", "sha3_256"):
            plain = hashlib.new(name, candidate.encode()).hexdigest()
            assert digest not in (plain[:DIGEST_HEX_CHARS], plain[-DIGEST_HEX_CHARS:])


def test_kinds_are_separate_domains() -> None:
    assert blind_index("phone", "959450123456") != blind_index("service_number", "959450123456")
    # Moving characters between kind and value must not give the same message.
    assert blind_index("service_number", "1") != blind_index("service", "_number1")


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        ("phone", "", "empty identifier"),
        ("", "+959450123456", "not an identifier kind"),
        ("phone\0x", "+959450123456", "not an identifier kind"),
        ("Phone", "+959450123456", "not an identifier kind"),
    ],
)
def test_bad_kind_or_empty_value_is_refused(kind: str, value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        blind_index(kind, value)


def test_a_short_configured_key_is_refused() -> None:
    with (
        override_settings(BLIND_INDEX_KEY="short"),
        pytest.raises(ImproperlyConfigured, match="BLIND_INDEX_KEY"),
    ):
        blind_index("phone", "+959450123456")
