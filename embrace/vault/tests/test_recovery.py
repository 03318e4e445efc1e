"""The organisation recovery key at the vault level: every group generation reaches it, and nothing else
does. The pages (set-up, shares, restores) are walked in embrace/breakglass/tests."""

from __future__ import annotations

import pytest

from embrace.testing.personas import Persona
from embrace.vault import actions as vault
from embrace.vault import recovery
from embrace.vault.keyring import unlock_with_password
from embrace.vault.models import GroupKey, RecoveryGrant, Trustee

pytestmark = pytest.mark.django_db


def test_every_group_generation_made_after_set_up_is_sealed_to_the_recovery_key(
    handler: Persona, custodian: Persona, second_custodian: Persona
) -> None:
    group = vault.group_named("test:crew")
    vault.add_group_member(group, handler.user, by=None, actor=None)
    recovery_key = recovery.create_recovery_key([custodian.user, second_custodian.user], 2, actor=None)
    vault.add_group_member(
        group, custodian.user, by=unlock_with_password(handler.user, handler.password), actor=None
    )
    vault.remove_group_member(group, custodian.user, actor=None)
    vault.remove_group_member(group, handler.user, actor=None)

    versions = list(
        GroupKey.objects.filter(group=group).order_by("version").values_list("version", flat=True)
    )
    covered = set(
        RecoveryGrant.objects.filter(recovery_key=recovery_key).values_list("group_key__version", flat=True)
    )
    # v1 predates the key; the set-up rotated to v2; each removal made another, all sealed to it.
    assert versions == [1, 2, 3, 4]
    assert covered == {2, 3, 4}


def test_the_server_keeps_no_share_in_clear_and_no_recovery_private_key(
    custodian: Persona, second_custodian: Persona, handler: Persona
) -> None:
    recovery_key = recovery.create_recovery_key(
        [custodian.user, second_custodian.user, handler.user], 2, actor=None
    )
    words = recovery.show_share(
        unlock_with_password(custodian.user, custodian.password), actor=custodian.user
    )
    assert len(words) == 33
    for trustee in Trustee.objects.filter(recovery_key=recovery_key):
        assert " ".join(words).encode() not in bytes(trustee.sealed_share)
    assert [f.name for f in type(recovery_key)._meta.get_fields() if "private" in f.name] == []


def test_trustees_must_be_distinct_and_the_threshold_between_two_and_their_number(
    custodian: Persona, second_custodian: Persona
) -> None:
    with pytest.raises(recovery.RecoveryError):
        recovery.create_recovery_key([custodian.user, custodian.user], 2, actor=None)
    with pytest.raises(recovery.RecoveryError):
        recovery.create_recovery_key([custodian.user, second_custodian.user], 3, actor=None)
    with pytest.raises(recovery.RecoveryError):
        recovery.create_recovery_key([custodian.user, second_custodian.user], 1, actor=None)
