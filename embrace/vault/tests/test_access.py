"""Need-to-know enforced by keys: the model layer itself gives nothing to someone without a grant.

Every keyring here is real: unlocked with the user's password, as at login. Nothing is mocked.
"""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.personas import Persona, log_in
from embrace.vault import actions as vault
from embrace.vault import crypto
from embrace.vault.keyring import Keyring, NoAccess, unlock_with_password
from embrace.vault.models import Compartment, CompartmentKey, Grant, UserKey

SECRET = b"the convoy leaves from gate 3"


def _keyring(persona: Persona) -> Keyring:
    return unlock_with_password(persona.user, persona.password)


def _stream(compartment: Compartment, data: bytes) -> bytes:
    sink = io.BytesIO()
    vault.seal_stream(compartment, io.BytesIO(data), sink)
    return sink.getvalue()


def _read_stream(keyring: Keyring, blob: bytes) -> bytes:
    return b"".join(keyring.open_stream(io.BytesIO(blob)))


# --- No grant, no plaintext ------------------------------------------------------------------------------


def test_user_without_grant_gets_no_plaintext_from_the_model_layer(
    handler: Persona, outsider: Persona
) -> None:
    compartment = vault.create_compartment("body", [handler.user], actor=handler.user)
    envelope = vault.seal(compartment, SECRET)
    stream = _stream(compartment, SECRET * 1000)
    assert _keyring(handler).open(envelope) == SECRET
    assert _read_stream(_keyring(handler), stream) == SECRET * 1000

    stranger = _keyring(outsider)
    with pytest.raises(NoAccess):
        stranger.open(envelope)
    with pytest.raises(NoAccess):
        _read_stream(stranger, stream)
    with pytest.raises(NoAccess):
        stranger.compartment_private_key(compartment.current_key)
    assert not stranger.can_open(envelope)


def test_someone_elses_grant_row_does_not_open_with_my_key(handler: Persona, outsider: Persona) -> None:
    compartment = vault.create_compartment("identity", [handler.user], actor=handler.user)
    envelope = vault.seal(compartment, SECRET)
    theirs = Grant.objects.get(key=compartment.current_key, user=handler.user)
    stranger = _keyring(outsider)
    # Straight at the crypto, past every check: the sealed key was sealed to the handler's public key.
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(stranger._private_bytes(), bytes(theirs.sealed_private_key))
    # And a copy of the handler's grant row relabelled as the outsider's still opens nothing.
    Grant.objects.create(key=theirs.key, user=outsider.user, sealed_private_key=theirs.sealed_private_key)
    with pytest.raises(NoAccess, match="does not open"):
        stranger.open(envelope)


def test_administrator_who_creates_accounts_holds_no_grant_and_opens_nothing(
    client: Client, admin: Persona, handler: Persona
) -> None:
    log_in(client, admin)
    response = client.post(
        reverse("staffing:invite"),
        {"username": "newcomer", "roles": [Role.HANDLER.value]},
    )
    assert response.status_code == 200, response.content[:300]
    # An invitee has no key (nor password) until they set up the account themselves.
    assert not UserKey.objects.filter(user__username="newcomer").exists()
    body = vault.create_compartment("body", [handler.user], actor=handler.user)
    identity = vault.create_compartment("identity", [handler.user], actor=handler.user)
    envelopes = [vault.seal(body, SECRET), vault.seal(identity, SECRET)]

    assert Grant.objects.filter(user=admin.user).count() == 0
    keyring = _keyring(admin)
    for envelope in envelopes:
        with pytest.raises(NoAccess):
            keyring.open(envelope)
    for key in CompartmentKey.objects.all():
        with pytest.raises(NoAccess):
            keyring.compartment_private_key(key)
    with pytest.raises(NoAccess):
        vault.grant(body, admin.user, by=keyring, actor=admin.user)
    assert Grant.objects.filter(user=admin.user).count() == 0


def test_a_swapped_key_id_gives_a_holder_of_the_other_key_nothing(
    handler: Persona, outsider: Persona
) -> None:
    mine = vault.create_compartment("body", [handler.user], actor=handler.user)
    theirs = vault.create_compartment("body", [outsider.user, handler.user], actor=outsider.user)
    envelope = vault.seal(mine, SECRET)
    swapped = envelope[:5] + theirs.current_key.pk.bytes + envelope[21:]
    for persona in (outsider, handler):  # one holds only the named key, the other holds both
        with pytest.raises(NoAccess):
            _keyring(persona).open(swapped)


def test_garbage_is_no_access_not_an_error(handler: Persona) -> None:
    keyring = _keyring(handler)
    for junk in (b"", b"EMB1", b"not an envelope at all, just bytes" * 4):
        with pytest.raises(NoAccess):
            keyring.open(junk)
        assert not keyring.can_open(junk)


def test_flipped_byte_in_a_stored_envelope_is_no_access(handler: Persona) -> None:
    compartment = vault.create_compartment("body", [handler.user], actor=handler.user)
    envelope = bytearray(vault.seal(compartment, SECRET))
    envelope[-1] ^= 1
    with pytest.raises(NoAccess):
        _keyring(handler).open(bytes(envelope))


# --- Grant and revoke ------------------------------------------------------------------------------------


def test_revoked_user_cannot_read_what_is_added_afterwards(
    handler: Persona, custodian: Persona, outsider: Persona
) -> None:
    compartment = vault.create_compartment("body", [handler.user, custodian.user], actor=handler.user)
    before = vault.seal(compartment, b"before")
    first_version = compartment.current_key.version

    vault.revoke(compartment, custodian.user, actor=handler.user)

    assert compartment.current_key.version == first_version + 1
    assert not Grant.objects.filter(user=custodian.user).exists()
    assert vault.members_of(compartment) == {str(handler.user.pk)}
    after = vault.seal(compartment, b"after")
    after_stream = _stream(compartment, b"after, streamed")
    assert crypto.envelope_key_id(after) == compartment.current_key.pk
    revoked = _keyring(custodian)
    for envelope in (before, after):
        with pytest.raises(NoAccess):
            revoked.open(envelope)
    with pytest.raises(NoAccess):
        _read_stream(revoked, after_stream)
    remaining = _keyring(handler)
    assert remaining.open(before) == b"before"
    assert remaining.open(after) == b"after"
    assert _read_stream(remaining, after_stream) == b"after, streamed"
    assert AuditEntry.objects.filter(
        event=Event.ACCESS_REVOKED, subject__endswith=str(compartment.pk)
    ).exists()
    # The revoked user cannot re-admit themselves either.
    with pytest.raises(NoAccess):
        vault.grant(compartment, custodian.user, by=revoked, actor=custodian.user)


def test_revocation_rekeys_to_a_new_key_pair(handler: Persona, custodian: Persona) -> None:
    compartment = vault.create_compartment("body", [handler.user, custodian.user], actor=handler.user)
    old = compartment.current_key
    vault.revoke(compartment, custodian.user, actor=handler.user)
    new = compartment.current_key
    assert (new.version, new.pk) != (old.version, old.pk)
    assert bytes(new.public_key) != bytes(old.public_key)
    keyring = _keyring(handler)
    assert keyring.compartment_private_key(new) != keyring.compartment_private_key(old)


def test_rekey_keeps_the_members_and_moves_new_content_to_the_new_generation(
    handler: Persona, custodian: Persona
) -> None:
    compartment = vault.create_compartment("body", [handler.user, custodian.user], actor=handler.user)
    key = vault.rekey(compartment, actor=handler.user)
    assert key.version == 2
    assert compartment.current_key == key
    assert vault.members_of(compartment) == {str(handler.user.pk), str(custodian.user.pk)}
    envelope = vault.seal(compartment, SECRET)
    assert crypto.envelope_key_id(envelope) == key.pk
    assert _keyring(custodian).open(envelope) == SECRET


def test_grant_by_a_non_member_fails_and_grants_nothing(handler: Persona, outsider: Persona) -> None:
    compartment = vault.create_compartment("body", [handler.user], actor=handler.user)
    with pytest.raises(NoAccess):
        vault.grant(compartment, outsider.user, by=_keyring(outsider), actor=outsider.user)
    assert not Grant.objects.filter(user=outsider.user).exists()
    assert not AuditEntry.objects.filter(event=Event.ACCESS_GRANTED).exists()


def test_grant_gives_every_generation_the_granter_holds(
    handler: Persona, custodian: Persona, outsider: Persona
) -> None:
    compartment = vault.create_compartment("body", [handler.user, custodian.user], actor=handler.user)
    envelopes = [vault.seal(compartment, b"v1")]
    vault.rekey(compartment, actor=handler.user)
    envelopes.append(vault.seal(compartment, b"v2"))
    vault.revoke(compartment, custodian.user, actor=handler.user)
    envelopes.append(vault.seal(compartment, b"v3"))

    vault.grant(compartment, outsider.user, by=_keyring(handler), actor=handler.user)

    newcomer = _keyring(outsider)
    assert [newcomer.open(e) for e in envelopes] == [b"v1", b"v2", b"v3"]
    assert Grant.objects.filter(user=outsider.user).count() == 3
    assert str(outsider.user.pk) in vault.members_of(compartment)
    # Granting again adds nothing and breaks nothing.
    vault.grant(compartment, outsider.user, by=_keyring(handler), actor=handler.user)
    assert Grant.objects.filter(user=outsider.user).count() == 3


def test_grant_reaches_only_the_generations_the_granter_holds(handler: Persona, custodian: Persona) -> None:
    compartment = vault.create_compartment("body", [handler.user], actor=handler.user)
    old = vault.seal(compartment, b"from before the custodian joined")
    vault.grant(compartment, custodian.user, by=_keyring(handler), actor=handler.user)
    vault.revoke(compartment, handler.user, actor=custodian.user)
    assert not Grant.objects.filter(user=handler.user).exists()
    # The custodian holds both generations (granted v1, member at the rekey): re-admitting the handler
    # hands them both back, and nothing else.
    vault.grant(compartment, handler.user, by=_keyring(custodian), actor=custodian.user)
    assert _keyring(handler).open(old) == b"from before the custodian joined"
    assert Grant.objects.filter(user=handler.user).count() == 2


# --- Destruction -----------------------------------------------------------------------------------------


def test_destroyed_compartment_is_unreadable_to_everyone_and_takes_no_more_content(
    handler: Persona, custodian: Persona
) -> None:
    compartment = vault.create_compartment("passage", [handler.user, custodian.user], actor=handler.user)
    stale = Compartment.objects.get(pk=compartment.pk)  # loaded before, as another request would hold it
    envelope = vault.seal(compartment, SECRET)
    stream = _stream(compartment, SECRET)

    vault.destroy_compartment(compartment, actor=handler.user)

    assert compartment.destroyed_at is not None
    assert not CompartmentKey.objects.filter(compartment=compartment).exists()
    assert not Grant.objects.filter(key__compartment=compartment).exists()
    for persona in (handler, custodian):
        keyring = _keyring(persona)
        with pytest.raises(NoAccess):
            keyring.open(envelope)
        with pytest.raises(NoAccess):
            _read_stream(keyring, stream)
    for target in (compartment, stale):
        with pytest.raises(NoAccess):
            vault.seal(target, b"more")
        with pytest.raises(NoAccess):
            _stream(target, b"more")
        with pytest.raises(NoAccess):
            vault.rekey(target, actor=handler.user)
        with pytest.raises(NoAccess):
            vault.grant(target, custodian.user, by=_keyring(handler), actor=handler.user)
    assert AuditEntry.objects.filter(event=Event.COMPARTMENT_DESTROYED).count() == 1


@pytest.mark.django_db
def test_open_many_opens_exactly_what_open_opens(handler: Persona, outsider: Persona) -> None:
    mine = vault.create_compartment("body", [handler.user], actor=None)
    theirs = vault.create_compartment("body", [outsider.user], actor=None)
    envelopes = [
        vault.seal(mine, b"one"),
        vault.seal(theirs, b"two"),
        b"not an envelope",
        vault.seal(mine, b"3"),
    ]
    keyring = _keyring(handler)
    assert keyring.open_many(envelopes) == [b"one", None, None, b"3"]
    for envelope, opened in zip(envelopes, keyring.open_many(envelopes), strict=True):
        assert opened == (keyring.open(envelope) if keyring.can_open(envelope) else None)
    # A copied grant row of someone else's does not open with this key either.
    foreign = Grant.objects.get(key=theirs.current_key)
    Grant.objects.create(
        key=theirs.current_key, user=handler.user, sealed_private_key=foreign.sealed_private_key
    )
    assert keyring.open_many(envelopes[1:2]) == [None]
