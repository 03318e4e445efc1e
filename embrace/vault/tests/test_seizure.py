"""A copy of the database and the data folder, without a live session cookie, decrypts nothing.

Everything is committed (a transactional test) so that it reaches the database file and its WAL, as it would
on a seized server; then the whole copy is searched for content and for every secret that could unlock it.
"""

from __future__ import annotations

import base64
import io

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.http import HttpRequest
from django.test import Client, RequestFactory
from django.urls import reverse

from embrace.accounts.roles import Role
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault import actions as vault
from embrace.vault import crypto
from embrace.vault.keyring import (
    SESSION_FIELD,
    Keyring,
    VaultLocked,
    decode_recovery_key,
    keyring_from_request,
    unlock_with_password,
    unlock_with_recovery_key,
)
from embrace.vault.models import CompartmentKey, Grant, UserKey
from embrace.vault.tests import seized

MARKER = b"PLAINTEXT-MARKER-Tatmadaw-LIB-77"
STREAM_MARKER = b"STREAMED-MARKER-Hmawbi-airbase-"


def _private_of(persona: Persona) -> bytes:
    by_password = unlock_with_password(persona.user, persona.password)._private_bytes()
    by_recovery = unlock_with_recovery_key(persona.user, persona.recovery_key)._private_bytes()
    assert by_password == by_recovery
    return by_password


def _request_with(session: dict[str, object], cookie: str | None, persona: Persona) -> HttpRequest:
    request = RequestFactory().get("/")
    request.session = SessionStore()
    request.session.update(session)
    if cookie is not None:
        request.COOKIES[settings.VAULT_KEY_COOKIE_NAME] = cookie
    request.user = persona.user
    return request


@pytest.mark.django_db(transaction=True)
def test_a_copy_of_database_and_data_folder_without_the_cookie_decrypts_nothing(client: Client) -> None:
    alice = make_persona("alice", Role.HANDLER)
    bob = make_persona("bob", Role.CUSTODIAN)
    admin = make_persona("admin", Role.ADMINISTRATOR)
    log_in(client, alice)
    assert client.get(reverse("accounts:home")).status_code == 200
    cookie = client.cookies[settings.VAULT_KEY_COOKIE_NAME].value
    session_key = base64.urlsafe_b64decode(cookie)
    assert len(session_key) == 32

    body = vault.create_compartment("body", [alice.user, bob.user], actor=alice.user)
    identity = vault.create_compartment("identity", [bob.user], actor=bob.user)
    settings.UPLOADS_DIR.mkdir(parents=True, exist_ok=True)
    envelopes = {
        "body-1": vault.seal(body, b"first words " + MARKER),
        "identity-1": vault.seal(identity, b"real name " + MARKER),
    }
    vault.revoke(body, bob.user, actor=alice.user)  # a second generation, and deleted grants
    envelopes["body-2"] = vault.seal(body, b"after revocation " + MARKER)
    for name, envelope in envelopes.items():
        (settings.UPLOADS_DIR / f"{name}.emb").write_bytes(envelope)
    stream_path = settings.UPLOADS_DIR / "photo.emb"
    stream_plain = STREAM_MARKER * (3 * crypto.STREAM_CHUNK // len(STREAM_MARKER))
    with stream_path.open("wb") as sink:
        vault.seal_stream(identity, io.BytesIO(stream_plain), sink)
    stream_header = stream_path.read_bytes()[: crypto.ENVELOPE_HEADER_BYTES]

    # --- The secrets, captured with what the test (but not the adversary) knows ---------------------------
    people = {"alice": alice, "bob": bob, "admin": admin}
    secrets = {"session key (cookie)": session_key, "the personas' password": alice.password.encode()}
    for name, persona in people.items():
        secrets[f"{name}'s private key"] = _private_of(persona)
        recovery = decode_recovery_key(persona.recovery_key)
        assert recovery is not None
        secrets[f"{name}'s recovery key"] = recovery
    holders = {"body": Keyring(alice.user, secrets["alice's private key"])}
    holders["identity"] = Keyring(bob.user, secrets["bob's private key"])
    compartment_keys: dict[str, bytes] = {}
    for key in CompartmentKey.objects.select_related("compartment"):
        holder = holders[key.compartment.kind]
        compartment_keys[str(key.pk)] = holder.compartment_private_key(key)
        secrets[f"{key.compartment.kind} v{key.version} private key"] = compartment_keys[str(key.pk)]
    for name, envelope in [*envelopes.items(), ("photo", stream_header)]:
        private = compartment_keys[str(crypto.envelope_key_id(envelope))]
        secrets[f"data key of {name}"] = crypto.unseal(private, envelope[21 : crypto.ENVELOPE_HEADER_BYTES])
    assert len(set(secrets.values())) == len(secrets)
    assert holders["body"].open(envelopes["body-2"]).endswith(MARKER)  # the captured keys are the real ones

    # --- The copy ------------------------------------------------------------------------------------------
    sessions = seized.decoded_sessions()
    copy = {
        "model rows": seized.model_rows(),
        "table rows": seized.table_rows(),
        "decoded sessions": repr(sessions).encode(),
        **{f"file {name}": data for name, data in seized.data_folder().items()},
    }
    everything = b"\n".join(copy.values())
    # The copy really holds the data: envelopes, public keys, and on SQLite the database files themselves.
    assert all(envelope in everything for envelope in envelopes.values())
    for record in UserKey.objects.all():
        assert bytes(record.public_key) in copy["table rows"]
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        files = b"".join(data for name, data in copy.items() if name.startswith("file test.sqlite3"))
        assert bytes(UserKey.objects.get(user=alice.user).public_key) in files

    # (a) no plaintext
    for marker in (MARKER, STREAM_MARKER, b"first words", b"real name"):
        assert [name for name, data in copy.items() if marker in data] == [], marker

    # (b) no key that could unlock it, in any usual spelling
    leaks = {name: where for name, secret in secrets.items() if (where := seized.find(secret, copy))}
    assert leaks == {}

    # (c) the session half is there, but without the cookie it is inert; the cookie is the missing half
    alices = [s for s in sessions if s.get("vault_user") == str(alice.user.pk)]
    assert len(alices) == 1
    assert alices[0].get(SESSION_FIELD)
    with pytest.raises(VaultLocked):
        keyring_from_request(_request_with(alices[0], None, alice), alice.user)
    wrong = base64.urlsafe_b64encode(crypto.random_key()).decode()
    with pytest.raises(VaultLocked):
        keyring_from_request(_request_with(alices[0], wrong, alice), alice.user)
    rebuilt = keyring_from_request(_request_with(alices[0], cookie, alice), alice.user)
    assert rebuilt.open(envelopes["body-1"]) == b"first words " + MARKER


@pytest.mark.django_db(transaction=True)
def test_a_destroyed_compartment_leaves_no_key_behind_in_the_data_folder() -> None:
    alice = make_persona("alice", Role.HANDLER)
    passage = vault.create_compartment("passage", [alice.user], actor=alice.user)
    kept = vault.create_compartment("body", [alice.user], actor=alice.user)
    keyring = unlock_with_password(alice.user, alice.password)
    doomed = {
        "sealed grant": bytes(Grant.objects.get(key__compartment=passage).sealed_private_key),
        "private key": keyring.compartment_private_key(passage.current_key),
    }
    survivor = bytes(Grant.objects.get(key__compartment=kept).sealed_private_key)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # as some builds default; destruction must not rely on it
            cursor.execute("PRAGMA secure_delete = OFF")

    vault.destroy_compartment(passage, actor=alice.user)

    copy = {"table rows": seized.table_rows(), **seized.data_folder()}
    assert any(survivor in data for data in copy.values())  # the scan does see grants that still exist
    leaks = {name: where for name, secret in doomed.items() if (where := seized.find(secret, copy))}
    assert leaks == {}
