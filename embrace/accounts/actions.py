"""State changes to accounts and teams, each in one transaction with its audit entry."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts.models import LoginThrottle, RoleAssignment, Team, User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring


def temporary_password() -> str:
    return "-".join(secrets.token_hex(3) for _ in range(4))


def set_roles(user: User, roles: Iterable[Role], *, actor: User | None) -> None:
    wanted, current = set(roles), set(user.roles)
    for role in sorted(wanted - current):
        RoleAssignment.objects.create(user=user, role=role)
        record(Event.ROLE_GRANTED, actor=actor, subject=user, role=role.value)
    for role in sorted(current - wanted):
        RoleAssignment.objects.filter(user=user, role=role).delete()
        record(Event.ROLE_REVOKED, actor=actor, subject=user, role=role.value)
    user.forget_roles()


def set_teams(user: User, teams: Iterable[Team], *, actor: User | None) -> None:
    wanted, current = {t.pk: t for t in teams}, {t.pk: t for t in user.teams.all()}
    for pk in wanted.keys() - current.keys():
        user.teams.add(wanted[pk])
        record(Event.TEAM_JOINED, actor=actor, subject=user, team=str(pk))
    for pk in current.keys() - wanted.keys():
        user.teams.remove(current[pk])
        record(Event.TEAM_LEFT, actor=actor, subject=user, team=str(pk))


def create_user(
    username: str,
    *,
    roles: Iterable[Role],
    teams: Iterable[Team] = (),
    password: str | None = None,
    actor: User | None,
) -> tuple[User, str, str]:
    """A staff account with its key pair. Returns (user, password, recovery key).

    Without ``password`` a temporary one is made and must be changed at first login; the recovery key is
    then re-issued to the user alone, so whoever created the account never holds a working one.
    """
    with transaction.atomic():
        user = User(username=username, must_change_password=password is None)
        chosen = password or temporary_password()
        user.set_password(chosen)
        user.save()
        record(Event.USER_CREATED, actor=actor, subject=user)
        set_roles(user, roles, actor=actor)
        set_teams(user, teams, actor=actor)
        recovery_key = vault.create_user_keys(user, chosen, actor=actor)
    return user, chosen, recovery_key


def update_user(
    user: User, *, roles: Iterable[Role], teams: Iterable[Team], is_active: bool, actor: User
) -> None:
    with transaction.atomic():
        # Compare with the stored row: a bound ModelForm has already copied the new value onto ``user``.
        was_active = User.objects.select_for_update().values_list("is_active", flat=True).get(pk=user.pk)
        if was_active != is_active:
            User.objects.filter(pk=user.pk).update(is_active=is_active)
            user.is_active = is_active
            record(Event.USER_DEACTIVATED if not is_active else Event.USER_UPDATED, actor=actor, subject=user)
        set_roles(user, roles, actor=actor)
        set_teams(user, teams, actor=actor)


def create_team(name: str, description: str, *, actor: User | None) -> Team:
    with transaction.atomic():
        team = Team.objects.create(name=name, description=description)
        record(Event.TEAM_CREATED, actor=actor, subject=team)
    return team


def change_password(keyring: Keyring, new_password: str, *, new_recovery_key: bool = False) -> str | None:
    """Set the password and re-wrap the private key under it, atomically: they can never disagree."""
    user = keyring.user
    with transaction.atomic():
        user.set_password(new_password)
        user.must_change_password = False
        user.save(update_fields=["password", "must_change_password"])
        recovery_key = vault.rewrap_user_key(keyring, new_password, new_recovery_key=new_recovery_key)
        record(Event.PASSWORD_CHANGED, actor=user, subject=user, new_recovery_key=new_recovery_key)
    return recovery_key


def replace_password_and_keys(keyring: Keyring, new_password: str) -> tuple[Keyring, str]:
    """A new password, a new key pair (grants re-sealed) and a new recovery key, atomically.

    For a first login with a temporary password (the administrator who chose it must not be able to
    unwrap the user's key from a copy of the database) and for recovery (the spent recovery key likewise).
    """
    user = keyring.user
    with transaction.atomic():
        user.set_password(new_password)
        user.must_change_password = False
        user.save(update_fields=["password", "must_change_password"])
        new_keyring, recovery_key = vault.replace_user_keys(keyring, new_password)
        record(Event.PASSWORD_CHANGED, actor=user, subject=user, new_recovery_key=True)
    return new_keyring, recovery_key


def recover_account(keyring: Keyring, new_password: str) -> str:
    """Recovery with the one-time key: new password, new keys, new recovery key (the old one is spent)."""
    with transaction.atomic():
        _, recovery_key = replace_password_and_keys(keyring, new_password)
        record(Event.PASSWORD_RECOVERED, actor=keyring.user, subject=keyring.user)
    return recovery_key


def confirm_totp(device: TOTPDevice, *, actor: User) -> None:
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
        record(Event.OTP_ENROLLED, actor=actor, subject=actor)


# --- Login throttling by keyed hash of the username: no address is ever stored --------------------------


def throttle_key(username: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), username.strip().lower().encode(), hashlib.sha256
    ).hexdigest()


def throttle_wait(username: str) -> int:
    """Seconds until this username may try again (0 if it may now)."""
    row = LoginThrottle.objects.filter(key=throttle_key(username)).first()
    if row is None or row.blocked_until is None:
        return 0
    return max(0, int((row.blocked_until - timezone.now()).total_seconds()))


def register_failure(username: str, *, user: User | None) -> None:
    with transaction.atomic():
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(key=throttle_key(username))
        row.failures += 1
        excess = row.failures - settings.LOGIN_FAILURES_BEFORE_DELAY
        if excess >= 0:
            # Doubling delay per further failure, capped at a day: slows guessing, never locks out for good.
            delay = min(settings.LOGIN_DELAY_SECONDS * 2 ** min(excess, 10), 86400)
            row.blocked_until = timezone.now() + timedelta(seconds=delay)
        row.save()
        record(
            Event.LOGIN_FAILED, actor=user, username_hash=throttle_key(username)[:16], failures=row.failures
        )


def register_success(username: str) -> None:
    LoginThrottle.objects.filter(key=throttle_key(username)).delete()
