"""Break-glass without a master key: the organisation recovery key and restores.

The recovery key is an X25519 key pair. Its public half receives a copy of every group key generation
(``actions._new_group_generation``); its private half is split at once into k-of-n SLIP-39 shares, each
sealed to one named trustee's own public key until they have written it down, and then exists only on their
paper. No one, and no copy of the database, holds it.

A restore gives one group's keys to one recipient when every holder is gone. Each trustee types their share
in their own session; it is sealed to the recipient's public key at once and never stored in clear. When k
shares are in, the recipient's session unseals them, rebuilds the recovery private key in memory, opens the
group's generations with it, seals them to the recipient as a member, and drops it all; the sealed shares are
emptied. Fewer than k shares rebuild nothing: Shamir's k-1 shares say nothing about the secret.

Who may be a trustee, open a restore or receive one by role is decided above the vault
(``embrace.breakglass``); the vault checks what keys decide: a trustee's own share, the recipient's own
session, k shares that rebuild exactly this public key.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.myanmar.templatetags.myanmar import digits
from embrace.vault import crypto, shamir
from embrace.vault.actions import _new_group_generation, _public_key_of, _public_keys, holders_of
from embrace.vault.keyring import Keyring, NoAccess, VaultError
from embrace.vault.models import (
    GroupGrant,
    KeyGroup,
    RecoveryGrant,
    RecoveryKey,
    Restore,
    RestoreShare,
    RestoreStatus,
    Trustee,
)

if TYPE_CHECKING:
    from embrace.accounts.models import User

MAX_TRUSTEES = shamir.MAX_SHARES


class RecoveryError(VaultError):
    """A break-glass step that cannot be taken now; the message says why, in words for the user."""


class NotTrustee(RecoveryError):
    """The person is not a trustee of the current recovery key: who may not, rather than what cannot."""


def current_recovery_key() -> RecoveryKey | None:
    return RecoveryKey.objects.filter(current=True).first()


def fingerprint(recovery_key: RecoveryKey) -> str:
    """A short, readable fingerprint of the recovery public key, for trustees to compare with their paper."""
    digest = hashlib.sha256(bytes(recovery_key.public_key)).hexdigest().upper()
    return " ".join(digest[i : i + 4] for i in range(0, 20, 4))


# --- Set-up ---------------------------------------------------------------------------------------------


def _retire(old: RecoveryKey, *, actor: User | None) -> None:
    # A retired key must open nothing from now on: its copies of group keys go, unshown shares go, and a
    # restore waiting on it is cancelled with its sealed shares emptied.
    RecoveryGrant.objects.filter(recovery_key=old).delete()
    Trustee.objects.filter(recovery_key=old).update(sealed_share=None)
    RestoreShare.objects.filter(restore__recovery_key=old).update(sealed_share=None)
    old.restores.filter(status=RestoreStatus.OPEN).update(
        status=RestoreStatus.CANCELLED, closed_at=timezone.now()
    )
    old.current = False
    old.save(update_fields=["current"])
    record(Event.RECOVERY_KEY_RETIRED, actor=actor, subject=old)


def _rotate_every_group(*, actor: User | None) -> int:
    """A new generation for every group that has one, sealed to its current holders and to the recovery key:
    content written from now on is restorable without waiting for any holder. Public keys only."""
    rotated = 0
    for group in KeyGroup.objects.select_for_update().order_by("name"):
        latest = group.current_key
        if latest is None:
            continue
        holders = [grant.user for grant in GroupGrant.objects.filter(key=latest).select_related("user")]
        _new_group_generation(group, holders, actor=actor)
        rotated += 1
    return rotated


def create_recovery_key(trustees: Sequence[User], threshold: int, *, actor: User | None) -> RecoveryKey:
    """Make the recovery key, split its private half into one share per trustee (any ``threshold`` rebuild
    it), seal each share to its trustee, and forget the private half. Replaces (retires) a current key and
    rotates every group so what is written from now on is restorable.
    """
    users = {user.pk: user for user in trustees}
    if len(users) != len(trustees):
        raise RecoveryError(_("Each trustee may be named only once."))
    if not 2 <= threshold <= len(users) <= MAX_TRUSTEES:
        raise RecoveryError(
            _(
                "Name between 2 and %(most)s trustees, and ask for at least 2 and at most as many shares as "
                "there are trustees."
            )
            % {"most": digits(MAX_TRUSTEES)}
        )
    try:
        public_keys = _public_keys(users)
    except NoAccess:
        raise RecoveryError(_("Every trustee must have their own keys (an active account).")) from None
    public, private = crypto.generate_keypair()
    share_set, shares = shamir.split(private, threshold, len(users))
    # The private half is dropped here: Python cannot wipe memory, but nothing keeps a reference to it.
    del private
    with transaction.atomic():
        old = RecoveryKey.objects.select_for_update().filter(current=True).first()
        if old is not None:
            _retire(old, actor=actor)
        recovery_key = RecoveryKey.objects.create(public_key=public, threshold=threshold, share_set=share_set)
        Trustee.objects.bulk_create(
            Trustee(
                recovery_key=recovery_key,
                user=user,
                member_index=shamir.parse(share).index,
                sealed_share=crypto.seal_to(public_keys[user.pk], shamir.normalise(share).encode()),
            )
            for user, share in zip(users.values(), shares, strict=True)
        )
        rotated = _rotate_every_group(actor=actor)
        record(
            Event.RECOVERY_KEY_CREATED,
            actor=actor,
            subject=recovery_key,
            threshold=threshold,
            trustees=sorted(str(pk) for pk in users),
            groups_rotated=rotated,
            replaced=str(old.pk) if old else None,
        )
    return recovery_key


def trusteeship_of(user: User) -> Trustee | None:
    """The user's place among the trustees of the current recovery key, or None."""
    return (
        Trustee.objects.filter(recovery_key__current=True, user=user).select_related("recovery_key").first()
    )


def _pending_share(keyring: Keyring) -> tuple[Trustee, str]:
    trustee = trusteeship_of(keyring.user)
    if trustee is None or trustee.sealed_share is None:
        raise RecoveryError(_("You have no share waiting to be written down."))
    try:
        words = crypto.unseal(keyring._private_bytes(), bytes(trustee.sealed_share)).decode()
    except crypto.DecryptionError:
        raise RecoveryError(
            _("Your share was sealed to keys you no longer have; ask for a new set-up.")
        ) from None
    return trustee, words


def show_share(keyring: Keyring, *, actor: User) -> list[str]:
    """The trustee's own share, as words to write down, while it waits for them. Audited each time."""
    trustee, words = _pending_share(keyring)
    record(Event.RECOVERY_SHARE_SHOWN, actor=actor, subject=trustee.recovery_key)
    return words.split()


def confirm_share_written(keyring: Keyring, typed: str, *, actor: User) -> None:
    """The trustee typed their share back from paper: it matches, so the sealed copy is deleted and from now
    on only their paper has it. A mismatch changes nothing."""
    trustee, words = _pending_share(keyring)
    if not hmac.compare_digest(shamir.normalise(typed).encode(), words.encode()):
        raise RecoveryError(
            _(
                "The words you typed are not your share. Compare your paper with the words shown, word by "
                "word."
            )
        )
    with transaction.atomic():
        updated = Trustee.objects.filter(pk=trustee.pk, sealed_share__isnull=False).update(
            sealed_share=None, written_down_on=timezone.localdate()
        )
        if updated != 1:
            raise RecoveryError(_("Your share has already been written down."))
        record(Event.RECOVERY_SHARE_WRITTEN_DOWN, actor=actor, subject=trustee.recovery_key)


# --- Older generations ----------------------------------------------------------------------------------


def uncovered_generations(keyring: Keyring) -> list[uuid.UUID]:
    """Ids of group generations this user holds that the current recovery key has no copy of (they were
    made before set-up)."""
    recovery_key = current_recovery_key()
    if recovery_key is None:
        return []
    held = set(keyring.group_keys())
    covered = set(
        RecoveryGrant.objects.filter(recovery_key=recovery_key, group_key_id__in=held).values_list(
            "group_key_id", flat=True
        )
    )
    return sorted(held - covered, key=str)


def cover_held_generations(keyring: Keyring, *, actor: User) -> int:
    """Seal every group generation this holder opens, and the recovery key lacks, to the recovery key.

    Generations made before set-up are not restorable until someone who holds them does this: the server
    has their private keys only inside holders' sessions. Returns how many were sealed.
    """
    recovery_key = current_recovery_key()
    if recovery_key is None:
        raise RecoveryError(_("There is no recovery key yet."))
    missing = uncovered_generations(keyring)
    public = bytes(recovery_key.public_key)
    held = keyring.group_keys()
    with transaction.atomic():
        RecoveryGrant.objects.bulk_create(
            [
                RecoveryGrant(
                    group_key_id=key_id,
                    recovery_key=recovery_key,
                    sealed_private_key=crypto.seal_to(public, held[key_id]),
                )
                for key_id in missing
            ],
            ignore_conflicts=True,
        )
        record(Event.RECOVERY_COVERED, actor=actor, subject=recovery_key, generations=len(missing))
    return len(missing)


# --- Restores -------------------------------------------------------------------------------------------


def restorable(group: KeyGroup) -> bool:
    """Whether the current recovery key holds a copy of any of the group's generations."""
    return RecoveryGrant.objects.filter(recovery_key__current=True, group_key__group=group).exists()


def open_restore(group: KeyGroup, recipient: User, *, reason: str, actor: User) -> Restore:
    """Ask the trustees to restore ``group`` to ``recipient``. Only a trustee asks; the recipient is someone
    else; only a group nobody holds any more (anyone who still holds it can give it instead)."""
    recovery_key = current_recovery_key()
    if recovery_key is None:
        raise RecoveryError(_("There is no recovery key yet."))
    if not Trustee.objects.filter(recovery_key=recovery_key, user=actor).exists():
        raise NotTrustee(_("Only a trustee of the recovery key may ask for a restore."))
    if recipient.pk == actor.pk:
        raise RecoveryError(_("The person who asks cannot be the one who receives the keys."))
    try:
        _public_key_of(recipient)
    except NoAccess:
        raise RecoveryError(_("The recipient has no keys of their own yet.")) from None
    if holders := holders_of(group):
        raise RecoveryError(
            ngettext(
                "%(count)s person still holds this group's key and can give it; break-glass is only for a "
                "group nobody holds.",
                "%(count)s people still hold this group's key: one of them can give it; break-glass is only "
                "for a group nobody holds.",
                len(holders),
            )
            % {"count": digits(len(holders))}
        )
    if not restorable(group):
        raise RecoveryError(
            _("The recovery key holds no copy of this group's keys, so it cannot restore it.")
        )
    try:
        with transaction.atomic():
            restore = Restore.objects.create(
                recovery_key=recovery_key, group=group, recipient=recipient, opened_by=actor, reason=reason
            )
            record(
                Event.RESTORE_OPENED,
                actor=actor,
                subject=restore,
                group=str(group.pk),
                recipient=str(recipient.pk),
            )
    except IntegrityError:
        raise RecoveryError(_("A restore of this group is already waiting for shares.")) from None
    return restore


def _check_share(restore: Restore, trustee: Trustee, words: str) -> None:
    info = shamir.parse(words)
    recovery_key = restore.recovery_key
    if info.identifier != recovery_key.share_set or info.threshold != recovery_key.threshold:
        raise shamir.BadShare(
            _("These words are a valid share, but of another recovery key (perhaps an earlier set-up).")
        )
    if info.index != trustee.member_index:
        raise shamir.BadShare(_("These words are another trustee's share. Each trustee enters their own."))


def enter_share(restore: Restore, words: str, *, actor: User) -> int:
    """A trustee's share for the restore, checked and sealed at once to the recipient's public key (never
    stored in clear). Returns how many shares are in. A wrong share: RecoveryError, nothing stored."""
    trustee = Trustee.objects.filter(recovery_key=restore.recovery_key, user=actor).first()
    if trustee is None:
        raise NotTrustee(_("Only a trustee of the recovery key may enter a share."))
    try:
        _check_share(restore, trustee, words)
    except shamir.BadShare as exc:
        # Refusals are recorded: a run of them is someone guessing, or a trustee who needs help.
        record(Event.RESTORE_SHARE_REFUSED, actor=actor, subject=restore)
        raise RecoveryError(str(exc)) from None
    with transaction.atomic():
        locked = Restore.objects.select_for_update().select_related("recipient").get(pk=restore.pk)
        if locked.status != RestoreStatus.OPEN:
            raise RecoveryError(_("This restore is closed."))
        if locked.shares.filter(trustee=trustee).exists():
            raise RecoveryError(_("You have already entered your share for this restore."))
        sealed = crypto.seal_to(_public_key_of(locked.recipient), shamir.normalise(words).encode())
        RestoreShare.objects.create(restore=locked, trustee=trustee, sealed_share=sealed)
        count = locked.shares.count()
        record(Event.RESTORE_SHARE_ENTERED, actor=actor, subject=locked, shares=count)
    return count


def complete_restore(restore: Restore, *, keyring: Keyring, actor: User) -> int:
    """In the recipient's own session: rebuild the recovery key from k shares, give the recipient every
    generation of the group it holds a copy of, and close the restore. Returns how many generations.

    Anything wrong (too few shares, shares that do not rebuild this key) changes nothing.
    """
    if actor.pk != restore.recipient_id or keyring.user.pk != restore.recipient_id:
        raise RecoveryError(_("Only the named recipient completes a restore, in their own session."))
    with transaction.atomic():
        locked = Restore.objects.select_for_update().select_related("recovery_key").get(pk=restore.pk)
        if locked.status != RestoreStatus.OPEN:
            raise RecoveryError(_("This restore is closed."))
        recovery_key = locked.recovery_key
        sealed = list(locked.shares.filter(sealed_share__isnull=False).values_list("sealed_share", flat=True))
        if len(sealed) < recovery_key.threshold:
            raise RecoveryError(
                ngettext(
                    "%(needed)s trustees must enter their shares; %(entered)s has so far.",
                    "%(needed)s trustees must enter their shares; %(entered)s have so far.",
                    len(sealed),
                )
                % {"needed": digits(recovery_key.threshold), "entered": digits(len(sealed))}
            )
        try:
            words = [crypto.unseal(keyring._private_bytes(), bytes(s or b"")).decode() for s in sealed]
            secret = shamir.combine(words, recovery_key.threshold)
            rebuilt = crypto.public_key_of(secret)
        except (crypto.DecryptionError, shamir.BadShare):
            raise RecoveryError(_("The shares entered do not rebuild the recovery key.")) from None
        if not hmac.compare_digest(rebuilt, bytes(recovery_key.public_key)):
            raise RecoveryError(_("The shares entered do not rebuild the recovery key."))
        public = _public_key_of(keyring.user)
        # In bulk: a group that saw many leavers has many generations, and a restore must stay in seconds.
        held = set(
            GroupGrant.objects.filter(user=keyring.user, key__group=locked.group_id).values_list(
                "key_id", flat=True
            )
        )
        missing = RecoveryGrant.objects.filter(
            recovery_key=recovery_key, group_key__group=locked.group_id
        ).exclude(group_key_id__in=held)
        created = GroupGrant.objects.bulk_create(
            GroupGrant(
                key_id=grant.group_key_id,
                user=keyring.user,
                sealed_private_key=crypto.seal_to(
                    public, crypto.unseal(secret, bytes(grant.sealed_private_key))
                ),
            )
            for grant in missing
        )
        given = len(created)
        del secret
        locked.shares.update(sealed_share=None)
        locked.status, locked.closed_at = RestoreStatus.COMPLETED, timezone.now()
        locked.save(update_fields=["status", "closed_at"])
        record(
            Event.RESTORE_COMPLETED,
            actor=actor,
            subject=locked,
            group=str(locked.group_id),
            generations=given,
        )
    return given


def cancel_restore(restore: Restore, *, actor: User) -> None:
    """Close a waiting restore: its sealed shares are emptied. The opener, the recipient or a trustee."""
    with transaction.atomic():
        locked = Restore.objects.select_for_update().get(pk=restore.pk)
        involved = (
            actor.pk in (locked.opened_by_id, locked.recipient_id)
            or Trustee.objects.filter(recovery_key=locked.recovery_key_id, user=actor).exists()
        )
        if not involved:
            raise NotTrustee(_("Only a trustee, the person who asked or the recipient may cancel a restore."))
        if locked.status != RestoreStatus.OPEN:
            raise RecoveryError(_("This restore is closed."))
        locked.shares.update(sealed_share=None)
        locked.status, locked.closed_at = RestoreStatus.CANCELLED, timezone.now()
        locked.save(update_fields=["status", "closed_at"])
        record(Event.RESTORE_CANCELLED, actor=actor, subject=locked)


def restores_for(user: User) -> QuerySet[Restore]:
    """Restores this user may see: every restore of a key they are a trustee of (so each trustee sees that
    one happened), and those they asked for or receive."""
    keys = Trustee.objects.filter(user=user).values("recovery_key_id")
    return (
        Restore.objects.filter(Q(recovery_key_id__in=keys) | Q(opened_by=user) | Q(recipient=user))
        .select_related("group", "recipient", "opened_by")
        .distinct()
    )
