"""Every change to keys goes through here, in one transaction, with its audit entry.

Writing content needs only a compartment's public key (``seal``), so the enquirer's side and channel
adapters never hold a private key. Reading needs a ``Keyring`` whose user holds a grant.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, BinaryIO

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.vault import crypto
from embrace.vault.keyring import Keyring, NoAccess, encode_recovery_key, user_key_purpose
from embrace.vault.models import Compartment, CompartmentKey, Grant, ReceiptHolder, UserKey

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


def _new_generation(
    compartment: Compartment, members: Iterable[User], version: int, receipts: Iterable[ReceiptHolder] = ()
) -> CompartmentKey:
    public, private = crypto.generate_keypair()
    key = CompartmentKey.objects.create(compartment=compartment, version=version, public_key=public)
    users = {m.pk: m for m in members}
    # One query for every member's public key: a new enquiry seals two compartments to a whole team.
    public_keys = dict(UserKey.objects.filter(user__in=users).values_list("user_id", "public_key"))
    if missing := users.keys() - public_keys.keys():
        raise NoAccess(f"user {next(iter(missing))} has no key pair")
    Grant.objects.bulk_create(
        [
            *(
                Grant(
                    key=key,
                    user=user,
                    sealed_private_key=crypto.seal_to(bytes(public_keys[user.pk]), private),
                )
                for user in users.values()
            ),
            *(
                Grant(key=key, receipt=h, sealed_private_key=crypto.seal_to(bytes(h.public_key), private))
                for h in {h.pk: h for h in receipts}.values()
            ),
        ]
    )
    return key


def create_compartment(
    kind: str,
    members: Iterable[User],
    *,
    actor: User | None,
    receipts: Iterable[ReceiptHolder] = (),
    audited: bool = True,
) -> Compartment:
    """A new compartment whose key is sealed to each member (and receipt holder). Uses public keys only.

    ``audited=False`` is for compartments opened by an enquirer's own action: an audit entry carries the exact
    time, and the programme keeps only the day of anything an enquirer does.
    """
    members = list(members)
    with transaction.atomic():
        compartment = Compartment.objects.create(kind=kind)
        _new_generation(compartment, members, version=1, receipts=receipts)
        if not audited:
            return compartment
        record(
            Event.COMPARTMENT_CREATED,
            actor=actor,
            subject=compartment,
            kind=kind,
            members=sorted(str(m.pk) for m in members),
        )
    return compartment


def _sealing_key(compartment: Compartment) -> CompartmentKey:
    # The key is read afresh: an instance loaded before the compartment was destroyed elsewhere still says
    # destroyed_at=None, but its keys are gone, and that must be NoAccess, not an AttributeError.
    key = compartment.current_key if compartment.destroyed_at is None else None
    if key is None:
        raise NoAccess("compartment destroyed")
    return key


def seal(compartment: Compartment, plaintext: bytes) -> bytes:
    """An envelope of ``plaintext`` for the compartment's current key. Anyone may write; few may read."""
    key = _sealing_key(compartment)
    return crypto.seal_message(bytes(key.public_key), key.pk, plaintext)


def seal_stream(compartment: Compartment, source: BinaryIO, sink: BinaryIO) -> int:
    """Stream ``source`` into ``sink`` as one envelope for the current key; returns the plaintext size."""
    key = _sealing_key(compartment)
    return crypto.seal_stream(bytes(key.public_key), key.pk, source, sink)


def members_of(compartment: Compartment) -> set[str]:
    """Ids of users who can read the current generation."""
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


def revoke(compartment: Compartment, user: User, *, actor: User) -> None:
    """Delete the user's copies of every generation and re-key, so nothing added later reaches them.

    What they could read before, they may have kept; that cannot be taken back, only not extended.
    """
    with transaction.atomic():
        deleted, _ = Grant.objects.filter(key__compartment=compartment, user=user).delete()
        record(Event.ACCESS_REVOKED, actor=actor, subject=compartment, user=str(user.pk), copies=deleted)
        rekey(compartment, actor=actor)


def rekey(compartment: Compartment, *, actor: User | None) -> CompartmentKey:
    """A new generation sealed to the current members; new content uses it from now on."""
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
        key = _new_generation(compartment, members, version=latest.version + 1, receipts=receipts)
        record(Event.COMPARTMENT_REKEYED, actor=actor, subject=compartment, version=key.version)
    return key


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
