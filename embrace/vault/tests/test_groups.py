"""Group keys: a compartment sealed to a group is read by whoever holds the group's key, given by a holder.

Keyrings are real (unlocked with each persona's password); the groups here are the vault's own, with names
no custody rule uses, so nothing but these tests puts anyone in them.
"""

from __future__ import annotations

import io

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.personas import Persona
from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring, NoAccess, unlock_with_password
from embrace.vault.models import Grant, GroupGrant, GroupKey, KeyGroup

SECRET = b"the boat leaves at dawn"


def _keyring(persona: Persona) -> Keyring:
    return unlock_with_password(persona.user, persona.password)


def _group_of(*holders: Persona) -> KeyGroup:
    group = vault.group_named("test:crew")
    first, *rest = holders
    vault.add_group_member(group, first.user, by=None, actor=first.user)
    for persona in rest:
        vault.add_group_member(group, persona.user, by=_keyring(first), actor=first.user)
    return group


def test_a_compartment_sealed_to_a_group_is_read_by_its_members_only(
    handler: Persona, custodian: Persona, outsider: Persona
) -> None:
    group = _group_of(handler, custodian)
    compartment = vault.create_compartment("body", [], groups=[group], actor=None)
    envelope = vault.seal(compartment, SECRET)
    assert _keyring(handler).open(envelope) == SECRET
    assert _keyring(custodian).open(envelope) == SECRET
    assert _keyring(handler).open_many([envelope, b"junk"]) == [SECRET, None]
    with pytest.raises(NoAccess):
        _keyring(outsider).open(envelope)
    assert _keyring(outsider).open_many([envelope]) == [None]
    assert Grant.objects.filter(key__compartment=compartment, user__isnull=False).count() == 0


def test_a_joiner_reads_existing_compartments_at_once_with_one_grant(
    handler: Persona, custodian: Persona
) -> None:
    group = _group_of(handler)
    compartments = [vault.create_compartment("body", [], groups=[group], actor=None) for _ in range(3)]
    envelopes = [vault.seal(c, SECRET) for c in compartments]
    assert _keyring(custodian).open_many(envelopes) == [None, None, None]

    given = vault.add_group_member(group, custodian.user, by=_keyring(handler), actor=handler.user)

    assert given == 1
    assert GroupGrant.objects.filter(user=custodian.user, key__group=group).count() == 1
    assert _keyring(custodian).open_many(envelopes) == [SECRET] * 3
    assert AuditEntry.objects.filter(event=Event.GROUP_MEMBER_ADDED, subject__endswith=str(group.pk)).exists()


def test_only_a_holder_can_give_a_group_key_once_it_exists(
    handler: Persona, custodian: Persona, outsider: Persona
) -> None:
    group = _group_of(handler)
    with pytest.raises(NoAccess):
        vault.add_group_member(group, outsider.user, by=None, actor=outsider.user)
    with pytest.raises(NoAccess):
        vault.add_group_member(group, outsider.user, by=_keyring(custodian), actor=custodian.user)
    assert not GroupGrant.objects.filter(user=outsider.user, key__group=group).exists()
    assert group.keys.count() == 1


def test_a_group_with_no_key_cannot_seal_anything(handler: Persona) -> None:
    group = vault.group_named("test:empty")
    with pytest.raises(vault.GroupHasNoKey):
        vault.create_compartment("body", [handler.user], groups=[group], actor=None)


def test_a_leaver_cannot_open_content_added_after_they_left_nor_new_compartments(
    handler: Persona, custodian: Persona
) -> None:
    group = _group_of(handler, custodian)
    compartment = vault.create_compartment("body", [], groups=[group], actor=None)
    before = vault.seal(compartment, b"before")
    leaver = _keyring(custodian)  # kept across the removal, as a live session would be
    assert leaver.open(before) == b"before"

    assert vault.remove_group_member(group, custodian.user, actor=handler.user)

    after = vault.seal(compartment, b"after")
    stream = io.BytesIO()
    vault.seal_stream(compartment, io.BytesIO(b"photo bytes"), stream)
    later_case = vault.seal(vault.create_compartment("body", [], groups=[group], actor=None), b"new case")
    for keyring in (leaver, _keyring(custodian)):
        for envelope in (after, later_case):
            with pytest.raises(NoAccess):
                keyring.open(envelope)
        with pytest.raises(NoAccess):
            b"".join(keyring.open_stream(io.BytesIO(stream.getvalue())))
    stayer = _keyring(handler)
    assert [stayer.open(e) for e in (before, after, later_case)] == [b"before", b"after", b"new case"]
    assert b"".join(stayer.open_stream(io.BytesIO(stream.getvalue()))) == b"photo bytes"


def test_removal_touches_no_compartment_until_something_is_written(
    handler: Persona, custodian: Persona
) -> None:
    group = _group_of(handler, custodian)
    compartments = [vault.create_compartment("body", [], groups=[group], actor=None) for _ in range(5)]
    vault.remove_group_member(group, custodian.user, actor=handler.user)
    assert all(c.keys.count() == 1 for c in compartments)
    assert group.keys.count() == 2
    vault.seal(compartments[0], SECRET)
    assert compartments[0].keys.count() == 2
    # Sealing again to an up-to-date compartment re-keys nothing.
    vault.seal(compartments[0], SECRET)
    assert compartments[0].keys.count() == 2


def test_the_lazy_rekey_keeps_direct_holders_and_receipts(
    handler: Persona, custodian: Persona, outsider: Persona
) -> None:
    group = _group_of(handler, custodian)
    compartment = vault.create_compartment("body", [outsider.user], groups=[group], actor=None)
    vault.remove_group_member(group, custodian.user, actor=handler.user)
    envelope = vault.seal(compartment, SECRET)
    assert _keyring(outsider).open(envelope) == SECRET
    new_key = compartment.current_key
    assert Grant.objects.filter(key=new_key, group_key=group.current_key).exists()


def test_joiners_after_a_rotation_get_the_old_generations_the_giver_holds(
    handler: Persona, custodian: Persona, outsider: Persona
) -> None:
    group = _group_of(handler, custodian)
    old = vault.seal(vault.create_compartment("body", [], groups=[group], actor=None), b"old")
    vault.remove_group_member(group, custodian.user, actor=handler.user)
    vault.add_group_member(group, outsider.user, by=_keyring(handler), actor=handler.user)
    assert _keyring(outsider).open(old) == b"old"
    assert GroupGrant.objects.filter(user=outsider.user, key__group=group).count() == 2


def test_a_compartment_built_the_old_way_stays_readable_to_its_direct_holders(
    handler: Persona, custodian: Persona
) -> None:
    compartment = vault.create_compartment("body", [handler.user], actor=None)
    envelope = vault.seal(compartment, SECRET)
    _group_of(custodian)
    assert _keyring(handler).open(envelope) == SECRET
    assert _keyring(handler).open_many([envelope]) == [SECRET]


def test_open_many_takes_a_constant_number_of_queries(handler: Persona) -> None:
    group = _group_of(handler)
    envelopes = [
        vault.seal(vault.create_compartment("body", [], groups=[group], actor=None), SECRET) for _ in range(2)
    ]
    more = envelopes + [
        vault.seal(vault.create_compartment("body", [], groups=[group], actor=None), SECRET) for _ in range(8)
    ]
    counts = []
    for batch in (envelopes, more):
        keyring = _keyring(handler)
        with CaptureQueriesContext(connection) as queries:
            assert keyring.open_many(batch) == [SECRET] * len(batch)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 2


def test_a_grant_has_exactly_one_holder(handler: Persona) -> None:
    group = _group_of(handler)
    compartment = vault.create_compartment("body", [handler.user], groups=[group], actor=None)
    key = compartment.current_key
    group_key = GroupKey.objects.get(group=group)
    with pytest.raises(IntegrityError), transaction.atomic():
        Grant.objects.create(key=key, user=handler.user, group_key=group_key, sealed_private_key=b"x")


def test_a_new_key_pair_keeps_the_group_keys(handler: Persona) -> None:
    group = _group_of(handler)
    envelope = vault.seal(vault.create_compartment("body", [], groups=[group], actor=None), SECRET)
    keyring, _ = vault.replace_user_keys(_keyring(handler), "another long password 77")
    assert keyring.open(envelope) == SECRET


def test_one_keyring_reads_every_generation_it_holds_and_ignores_a_grant_it_cannot_open(
    handler: Persona, custodian: Persona, outsider: Persona
) -> None:
    group = _group_of(handler, custodian)
    old = vault.seal(vault.create_compartment("body", [], groups=[group], actor=None), b"old")
    vault.remove_group_member(group, custodian.user, actor=handler.user)
    new = vault.seal(vault.create_compartment("body", [], groups=[group], actor=None), b"new")
    # A generation whose grant was sealed to someone else's key pair (as after a key pair was replaced
    # without the grant being re-sealed): it must open nothing, and spoil nothing else.
    stray = vault.group_named("test:stray")
    vault.add_group_member(stray, outsider.user, by=None, actor=outsider.user)
    stray_key = GroupKey.objects.get(group=stray)
    GroupGrant.objects.filter(key=stray_key, user=outsider.user).update(user=handler.user)
    unreadable = vault.seal(vault.create_compartment("body", [], groups=[stray], actor=None), b"stray")

    keyring = _keyring(handler)
    assert keyring.open_many([old, unreadable, new]) == [b"old", None, b"new"]
    assert [keyring.open(old), keyring.open(new)] == [b"old", b"new"]
    with pytest.raises(NoAccess):
        keyring.open(unreadable)
    held = keyring.group_keys()
    assert set(GroupKey.objects.filter(group=group).values_list("pk", flat=True)) <= set(held)
    assert stray_key.pk not in held
    with pytest.raises(NoAccess):
        keyring.group_private_key(stray_key)
