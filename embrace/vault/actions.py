"""Every change to keys goes through here, in one transaction, with its audit entry.

Writing content needs only a compartment's public key (``seal``), so the enquirer's side and channel
adapters never hold a private key. Reading needs a ``Keyring`` whose user holds a grant.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.vault import crypto
from embrace.vault.keyring import Keyring, NoAccess, VaultError, encode_recovery_key, user_key_purpose
from embrace.vault.models import (
    Compartment,
    CompartmentKey,
    Grant,
    GroupGrant,
    GroupKey,
    KeyGroup,
    ReceiptHolder,
    RecoveryGrant,
    RecoveryKey,
    UserKey,
)

if TYPE_CHECKING:
    from embrace.accounts.models import User


def _password_wrap(user: User, password: str, private: bytes) -> bytes:
    return crypto.wrap_with_password(
        password,
        private,
        purpose=user_key_purpose(user.pk, "password"),
        opslimit=settings.VAULT_PASSWORD_OPSLIMIT,
        memlimit=settings.VAULT_PASSWORD_MEMLIMIT,
    )


def _recovery_wrap(user: User, private: bytes) -> tuple[bytes, str]:
    raw = crypto.random_key()
    wrapped = crypto.wrap_with_key(raw, private, purpose=user_key_purpose(user.pk, "recovery"))
    return wrapped, encode_recovery_key(raw)


def create_user_keys(user: User, password: str, *, actor: User | None) -> str:
    """Give a user a key pair wrapped by ``password`` and by a new recovery key, which is returned once.

    For a new account only: on a user who already has keys it replaces the pair, and every grant sealed to
    the old public key stops opening.
    """
    public, private = crypto.generate_keypair()
    wrapped_recovery, recovery_key = _recovery_wrap(user, private)
    with transaction.atomic():
        UserKey.objects.update_or_create(
            user=user,
            defaults={
                "public_key": public,
                "wrapped_by_password": _password_wrap(user, password, private),
                "wrapped_by_recovery": wrapped_recovery,
            },
        )
        record(Event.USER_KEYS_CREATED, actor=actor, subject=user)
    return recovery_key


def rewrap_user_key(keyring: Keyring, new_password: str, *, new_recovery_key: bool = False) -> str | None:
    """After a password change (or a recovery), wrap the same private key under the new password.

    With ``new_recovery_key`` the recovery wrap is replaced too and the new recovery key returned.
    """
    user, private = keyring.user, keyring._private_bytes()
    fields: dict[str, bytes] = {"wrapped_by_password": _password_wrap(user, new_password, private)}
    recovery_key = None
    if new_recovery_key:
        fields["wrapped_by_recovery"], recovery_key = _recovery_wrap(user, private)
    UserKey.objects.filter(user=user).update(**fields, updated_at=timezone.now())
    return recovery_key


def replace_user_keys(keyring: Keyring, new_password: str) -> tuple[Keyring, str]:
    """A new key pair for the user, their grants re-sealed to it; returns the new keyring and recovery key.

    Used when the old wraps may be known to someone else: a temporary password an administrator chose, or a
    recovery key just spent. A copy of the database taken before, with that old secret, then opens a key
    that no longer reads anything sealed from now on — and re-sealed grants are sealed to the new key only.
    """
    user, old_private = keyring.user, keyring._private_bytes()
    public, private = crypto.generate_keypair()
    wrapped_recovery, recovery_key = _recovery_wrap(user, private)
    with transaction.atomic():
        for grant_ in Grant.objects.select_for_update().filter(user=user):
            secret = crypto.unseal(old_private, bytes(grant_.sealed_private_key))
            grant_.sealed_private_key = crypto.seal_to(public, secret)
            grant_.save(update_fields=["sealed_private_key"])
        for held in GroupGrant.objects.select_for_update().filter(user=user):
            secret = crypto.unseal(old_private, bytes(held.sealed_private_key))
            held.sealed_private_key = crypto.seal_to(public, secret)
            held.save(update_fields=["sealed_private_key"])
        UserKey.objects.filter(user=user).update(
            public_key=public,
            wrapped_by_password=_password_wrap(user, new_password, private),
            wrapped_by_recovery=wrapped_recovery,
            updated_at=timezone.now(),
        )
        record(Event.USER_KEYS_CREATED, actor=user, subject=user, replaced=True)
    return Keyring(user, private), recovery_key


def _public_key_of(user: User) -> bytes:
    record_ = UserKey.objects.filter(user=user).first()
    if record_ is None:
        raise NoAccess(f"user {user.pk} has no key pair")
    return bytes(record_.public_key)


class GroupHasNoKey(VaultError):
    """A group has had no member yet, so there is no key to seal to."""


def _public_keys(users: dict[uuid.UUID, User]) -> dict[uuid.UUID, bytes]:
    # One query for every user's public key: a compartment or a group generation may go to many people.
    public_keys = {
        user_id: bytes(public)
        for user_id, public in UserKey.objects.filter(user__in=users).values_list("user_id", "public_key")
    }
    if missing := users.keys() - public_keys.keys():
        raise NoAccess(f"user {next(iter(missing))} has no key pair")
    return public_keys


def _new_generation(
    compartment: Compartment,
    members: Iterable[User],
    version: int,
    receipts: Iterable[ReceiptHolder] = (),
    group_keys: Iterable[GroupKey] = (),
) -> CompartmentKey:
    public, private = crypto.generate_keypair()
    key = CompartmentKey.objects.create(compartment=compartment, version=version, public_key=public)
    users = {m.pk: m for m in members}
    public_keys = _public_keys(users)
    Grant.objects.bulk_create(
        [
            *(
                Grant(key=key, user=user, sealed_private_key=crypto.seal_to(public_keys[user.pk], private))
                for user in users.values()
            ),
            *(
                Grant(key=key, receipt=h, sealed_private_key=crypto.seal_to(bytes(h.public_key), private))
                for h in {h.pk: h for h in receipts}.values()
            ),
            *(
                Grant(key=key, group_key=g, sealed_private_key=crypto.seal_to(bytes(g.public_key), private))
                for g in {g.pk: g for g in group_keys}.values()
            ),
        ]
    )
    return key


def _current_group_keys(groups: Iterable[KeyGroup]) -> list[GroupKey]:
    keys = []
    for group in {g.pk: g for g in groups}.values():
        key = group.current_key
        if key is None:
            raise GroupHasNoKey(f"group {group.name} has no key yet")
        keys.append(key)
    return keys


def create_compartment(
    kind: str,
    members: Iterable[User],
    *,
    groups: Iterable[KeyGroup] = (),
    actor: User | None,
    receipts: Iterable[ReceiptHolder] = (),
    audited: bool = True,
) -> Compartment:
    """A new compartment whose key is sealed to each group's current generation, each direct member and each
    receipt holder. Uses public keys only; GroupHasNoKey if a group has never had a member.

    ``audited=False`` is for compartments opened by an enquirer's own action: an audit entry carries the exact
    time, and the programme keeps only the day of anything an enquirer does.
    """
    members = list(members)
    with transaction.atomic():
        group_keys = _current_group_keys(groups)
        compartment = Compartment.objects.create(kind=kind)
        _new_generation(compartment, members, version=1, receipts=receipts, group_keys=group_keys)
        if not audited:
            return compartment
        record(
            Event.COMPARTMENT_CREATED,
            actor=actor,
            subject=compartment,
            kind=kind,
            members=sorted(str(m.pk) for m in members),
            groups=sorted(str(k.group_id) for k in group_keys),
        )
    return compartment


# The compartment's newest generation and whether any group it is sealed to has a newer generation since
# (a member left). Written by hand because every message sealed runs it: Django spent ~8 ms of Python
# building the same query (an Exists over two joins) for a statement SQLite answers in microseconds. The
# compartment's own row is joined, so a compartment destroyed by a transaction that committed before this
# statement finds no key, whatever the caller's instance still says.
_SEALING_KEY_SQL = """
SELECT k.id, k.version, k.public_key,
  EXISTS (
    SELECT 1 FROM {grant} g
    JOIN {group_key} held ON held.id = g.group_key_id
    JOIN {group_key} newer ON newer.group_id = held.group_id AND newer.version > held.version
    WHERE g.key_id = k.id
  )
FROM {key} k JOIN {compartment} c ON c.id = k.compartment_id
WHERE k.compartment_id = %s AND c.destroyed_at IS NULL
ORDER BY k.version DESC
LIMIT 1
"""


def _sealing_key_sql() -> str:
    return _SEALING_KEY_SQL.format(
        grant=connection.ops.quote_name(Grant._meta.db_table),
        group_key=connection.ops.quote_name(GroupKey._meta.db_table),
        key=connection.ops.quote_name(CompartmentKey._meta.db_table),
        compartment=connection.ops.quote_name(Compartment._meta.db_table),
    )


def _sealing_key(compartment: Compartment) -> CompartmentKey:
    # The key is read afresh: an instance loaded before the compartment was destroyed elsewhere still says
    # destroyed_at=None, but its keys are gone, and that must be NoAccess, not an AttributeError.
    if compartment.destroyed_at is not None:
        raise NoAccess("compartment destroyed")
    # A group lost a member since this generation was made: re-key before sealing, so what is written from
    # now on reaches the group's current members only. This is what keeps removal O(1): no case is touched
    # until something new is written to it. Asked in the same query as the key: every message sealed pays it.
    compartment_id = Compartment._meta.pk.get_db_prep_value(compartment.pk, connection)
    with connection.cursor() as cursor:
        cursor.execute(_sealing_key_sql(), [compartment_id])
        row = cursor.fetchone()
    if row is None:
        raise NoAccess("compartment destroyed")
    key_id, version, public_key, outdated = row
    if outdated:
        return rekey(compartment, actor=None, audited=False)
    # The id comes back as the backend stores it (a UUID, or 32 hex digits on SQLite).
    return CompartmentKey(
        id=key_id if isinstance(key_id, uuid.UUID) else uuid.UUID(key_id),
        compartment=compartment,
        version=version,
        public_key=bytes(public_key),
    )


def seal(compartment: Compartment, plaintext: bytes) -> bytes:
    """An envelope of ``plaintext`` for the compartment's current key. Anyone may write; few may read."""
    key = _sealing_key(compartment)
    return crypto.seal_message(bytes(key.public_key), key.pk, plaintext)


def seal_stream(compartment: Compartment, source: BinaryIO, sink: BinaryIO) -> int:
    """Stream ``source`` into ``sink`` as one envelope for the current key; returns the plaintext size."""
    key = _sealing_key(compartment)
    return crypto.seal_stream(bytes(key.public_key), key.pk, source, sink)


def members_of(compartment: Compartment) -> set[str]:
    """Ids of users who can read the current generation: direct holders and members of its groups."""
    key = compartment.current_key
    direct = Grant.objects.filter(key=key, user__isnull=False).values_list("user_id", flat=True)
    through_groups = GroupGrant.objects.filter(key__grants__key=key).values_list("user_id", flat=True)
    return {str(u) for u in direct} | {str(u) for u in through_groups}


def direct_members_of(compartment: Compartment) -> set[str]:
    """Ids of users who hold the current generation by a grant of their own (not through a group)."""
    return {
        str(u)
        for u in Grant.objects.filter(key=compartment.current_key, user__isnull=False).values_list(
            "user_id", flat=True
        )
    }


def grant(compartment: Compartment, user: User, *, by: Keyring, actor: User) -> None:
    """Seal every generation the granter can open to ``user`` as well."""
    # An invitee whose fingerprint nobody has confirmed yet, or someone deactivated, receives no key.
    if not type(user).objects.filter(pk=user.pk, is_active=True).exists():
        raise NoAccess("the account is not active")
    with transaction.atomic():
        granted = 0
        for key in compartment.keys.order_by("version"):
            try:
                private = by.compartment_private_key(key)
            except NoAccess:
                continue
            _, created = Grant.objects.get_or_create(
                key=key,
                user=user,
                defaults={"sealed_private_key": crypto.seal_to(_public_key_of(user), private)},
            )
            granted += created
        # Checked through the granter's own grants: a receipt keyring has user None, and a filter on
        # user=None would match any receipt's grant.
        if not by._grants().filter(key=compartment.current_key).exists():
            raise NoAccess("the granter cannot read this compartment's current key")
        record(Event.ACCESS_GRANTED, actor=actor, subject=compartment, user=str(user.pk), generations=granted)


def revoke(compartment: Compartment, user: User, *, actor: User | None) -> None:
    """Delete the user's own copies of every generation and re-key, so nothing added later reaches them.

    What they could read before, they may have kept; that cannot be taken back, only not extended. Access
    through a group is not touched here: that goes with ``remove_group_member``.
    """
    with transaction.atomic():
        deleted, _ = Grant.objects.filter(key__compartment=compartment, user=user).delete()
        record(Event.ACCESS_REVOKED, actor=actor, subject=compartment, user=str(user.pk), copies=deleted)
        rekey(compartment, actor=actor)


def rekey(compartment: Compartment, *, actor: User | None, audited: bool = True) -> CompartmentKey:
    """A new generation sealed to the current direct members, receipts and each group's current generation;
    new content uses it from now on. Public keys only.

    ``audited=False`` when sealing content re-keys lazily: the writer may be an enquirer, whose actions keep
    only a day; the group rotation that made it necessary was audited when it happened.
    """
    from embrace.accounts.models import User

    with transaction.atomic():
        current = (
            CompartmentKey.objects.select_for_update().filter(compartment=compartment).order_by("-version")
        )
        latest = current.first()
        if latest is None:  # only a destroyed compartment has no generation left
            raise NoAccess("compartment destroyed")
        members = User.objects.filter(vault_grants__key=latest)
        receipts = ReceiptHolder.objects.filter(grants__key=latest)
        groups = KeyGroup.objects.filter(keys__grants__key=latest).distinct()
        key = _new_generation(
            compartment,
            members,
            version=latest.version + 1,
            receipts=receipts,
            group_keys=_current_group_keys(groups),
        )
        if audited:
            record(Event.COMPARTMENT_REKEYED, actor=actor, subject=compartment, version=key.version)
    return key


# --- Groups -------------------------------------------------------------------------------------------------


def group_named(name: str) -> KeyGroup:
    """The group of that name, made (without a key) the first time it is asked for."""
    group, _ = KeyGroup.objects.get_or_create(name=name)
    return group


def holders_of(group: KeyGroup) -> set[str]:
    """Ids of users who hold the group's current generation."""
    key = group.current_key
    if key is None:
        return set()
    return {str(u) for u in GroupGrant.objects.filter(key=key).values_list("user_id", flat=True)}


def _new_group_generation(group: KeyGroup, holders: Iterable[User], *, actor: User | None) -> GroupKey:
    """The one place a group key generation is born, sealed to ``holders`` with their public keys.

    Every generation, the first and each rotation, comes from here, so anything that must receive every
    group key (an organisation recovery key, for break-glass) has one place to be added.
    """
    latest = group.keys.order_by("-version").first()
    public, private = crypto.generate_keypair()
    key = GroupKey.objects.create(
        group=group, version=(latest.version + 1) if latest else 1, public_key=public
    )
    users = {u.pk: u for u in holders}
    public_keys = _public_keys(users)
    GroupGrant.objects.bulk_create(
        GroupGrant(key=key, user=user, sealed_private_key=crypto.seal_to(public_keys[user.pk], private))
        for user in users.values()
    )
    # Break-glass: every generation is also sealed to the organisation recovery key, so k trustees can
    # restore the group after its holders are gone. Public key only; none before a recovery key is set up.
    recovery = RecoveryKey.objects.filter(current=True).first()
    if recovery is not None:
        RecoveryGrant.objects.create(
            group_key=key,
            recovery_key=recovery,
            sealed_private_key=crypto.seal_to(bytes(recovery.public_key), private),
        )
    record(Event.GROUP_KEY_CREATED, actor=actor, subject=group, version=key.version, holders=len(users))
    return key


def add_group_member(group: KeyGroup, user: User, *, by: Keyring | None, actor: User | None) -> int:
    """Seal every generation of the group that ``by`` can open to ``user``; returns how many.

    One grant makes every compartment sealed to the group readable to the joiner at once. The giver must
    hold the current generation. A group that has never had a key gets its first one here, sealed to the
    joiner alone (there is nothing to read yet, so nobody needs to give it); once a generation exists, that
    path is closed and only a holder can give.
    """
    with transaction.atomic():
        locked = KeyGroup.objects.select_for_update().get(pk=group.pk)
        keys = list(locked.keys.order_by("version"))
        if not keys:
            _new_group_generation(locked, [user], actor=actor)
            record(
                Event.GROUP_MEMBER_ADDED,
                actor=actor,
                subject=locked,
                user=str(user.pk),
                generations=1,
                first=True,
            )
            return 1
        if by is None:
            raise NoAccess("only a holder of this group's key can give it")
        try:
            by.group_private_key(keys[-1])
        except NoAccess:
            raise NoAccess("the giver does not hold this group's current key") from None
        public = _public_key_of(user)
        given = 0
        for key in keys:
            try:
                private = by.group_private_key(key)
            except NoAccess:
                continue
            _, created = GroupGrant.objects.get_or_create(
                key=key, user=user, defaults={"sealed_private_key": crypto.seal_to(public, private)}
            )
            given += created
        record(Event.GROUP_MEMBER_ADDED, actor=actor, subject=locked, user=str(user.pk), generations=given)
    return given


def remove_group_member(group: KeyGroup, user: User, *, actor: User | None) -> bool:
    """Take every generation of the group from ``user`` and rotate: a new generation, sealed to the remaining
    holders with their public keys, is what compartments are re-keyed to when content is next written.

    O(1) in the number of compartments. What the leaver could read before is assumed seen. Returns whether
    they held anything.
    """
    with transaction.atomic():
        locked = KeyGroup.objects.select_for_update().get(pk=group.pk)
        deleted, _ = GroupGrant.objects.filter(key__group=locked, user=user).delete()
        if not deleted:
            return False
        latest = locked.keys.order_by("-version").first()
        from embrace.accounts.models import User as UserModel

        remaining = UserModel.objects.filter(vault_group_grants__key=latest).exclude(pk=user.pk)
        key = _new_group_generation(locked, remaining, actor=actor)
        record(
            Event.GROUP_MEMBER_REMOVED,
            actor=actor,
            subject=locked,
            user=str(user.pk),
            copies=deleted,
            version=key.version,
        )
    return True


def _scrub_deleted_rows() -> None:
    """On SQLite, make deleted rows leave the files, not just the tables.

    A DELETE only marks space free, and in WAL mode the rows written earlier stay in the -wal file until
    it is reset. secure_delete zeroes freed pages; a TRUNCATE checkpoint copies the WAL into the database
    and empties it. It waits (up to the busy timeout) for readers, and only does part of the work if one
    lingers; a destruction is rare enough for that. PostgreSQL keeps dead tuples until VACUUM, and backups
    keep everything: neither can be helped from here.
    """
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def destroy_compartment(compartment: Compartment, *, actor: User | None) -> None:
    """Delete every key of the compartment: its content becomes unreadable for everyone, for good.

    The sealed private keys are the only way into the content, so they must not survive in the data
    folder either: one user's key, coerced later, would otherwise reopen a purged passage plan.
    """
    with transaction.atomic():
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA secure_delete = ON")
        compartment.keys.all().delete()
        compartment.destroyed_at = timezone.now()
        compartment.save(update_fields=["destroyed_at"])
        record(Event.COMPARTMENT_DESTROYED, actor=actor, subject=compartment)
        transaction.on_commit(_scrub_deleted_rows)
