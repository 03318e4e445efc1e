"""State changes to accounts and teams, each in one transaction with its audit entry."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts.models import LoginThrottle, RoleAssignment, StaffSession, Team, User
from embrace.accounts.roles import Role, duties_conflict
from embrace.audit.events import Event
from embrace.audit.log import record
from embrace.vault import actions as vault
from embrace.vault.keyring import Keyring


class AccountError(Exception):
    """A change to an account that is not allowed; the message says why, in words for the page."""


def _not_oneself(user: User, actor: User | None) -> None:
    if actor is not None and actor.pk == user.pk:
        raise AccountError(
            _("Nobody changes their own roles, teams or active flag. Ask another administrator.")
        )


def set_roles(user: User, roles: Iterable[Role], *, actor: User | None) -> None:
    """Make the user's roles exactly ``roles``. Refuses a content-blind role mixed with a content role.

    Widening through the pages goes through ``embrace.staffing`` (two administrators); this is the step
    that writes, used by it, by account creation and by the demo.
    """
    wanted, current = set(roles), set(user.roles)
    _not_oneself(user, actor)
    if conflict := duties_conflict(wanted):
        raise AccountError(conflict)
    for role in sorted(current - wanted):
        RoleAssignment.objects.filter(user=user, role=role).delete()
        record(Event.ROLE_REVOKED, actor=actor, subject=user, role=role.value)
    for role in sorted(wanted - current):
        RoleAssignment.objects.create(user=user, role=role)
        record(Event.ROLE_GRANTED, actor=actor, subject=user, role=role.value)
    user.forget_roles()


def set_teams(user: User, teams: Iterable[Team], *, actor: User | None) -> None:
    _not_oneself(user, actor)
    wanted, current = {t.pk: t for t in teams}, {t.pk: t for t in user.teams.all()}
    for pk in wanted.keys() - current.keys():
        user.teams.add(wanted[pk])
        record(Event.TEAM_JOINED, actor=actor, subject=user, team=str(pk))
    for pk in current.keys() - wanted.keys():
        user.teams.remove(current[pk])
        record(Event.TEAM_LEFT, actor=actor, subject=user, team=str(pk))


def set_active(user: User, is_active: bool, *, actor: User | None) -> None:
    _not_oneself(user, actor)
    was_active = User.objects.select_for_update().values_list("is_active", flat=True).get(pk=user.pk)
    user.is_active = is_active
    if was_active != is_active:
        User.objects.filter(pk=user.pk).update(is_active=is_active)
        record(Event.USER_DEACTIVATED if not is_active else Event.USER_REACTIVATED, actor=actor, subject=user)


# --- Sessions: found by person, so that narrowing someone's access ends them ------------------------------


def note_session(session_key: str, user: User) -> None:
    """Remember that this (freshly cycled) session key belongs to ``user``."""
    StaffSession.objects.update_or_create(session_key=session_key, defaults={"user": user})


def forget_session(session_key: str | None) -> None:
    if session_key:
        StaffSession.objects.filter(session_key=session_key).delete()


def end_sessions(user: User) -> int:
    """Delete every session the user has open; each of their browsers is signed out at its next request."""
    keys = list(StaffSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    StaffSession.objects.filter(user=user).delete()
    return len(keys)


def create_user(
    username: str,
    *,
    roles: Iterable[Role],
    teams: Iterable[Team] = (),
    password: str,
    actor: User | None,
) -> tuple[User, str, str]:
    """An active staff account with its key pair, made directly. Returns (user, password, recovery key).

    For ``embrace init`` (the first administrator), ``embrace demo`` and the test personas only: no page
    reaches it. On the staff pages accounts are made by invitation (``embrace.staffing``), so that nobody
    but the person ever holds their password.
    """
    with transaction.atomic():
        user = User(username=username)
        user.set_password(password)
        user.save()
        record(Event.USER_CREATED, actor=actor, subject=user)
        set_roles(user, roles, actor=actor)
        set_teams(user, teams, actor=actor)
        recovery_key = vault.create_user_keys(user, password, actor=actor)
    return user, password, recovery_key


def create_team(name: str, description: str, *, actor: User | None) -> Team:
    with transaction.atomic():
        team = Team.objects.create(name=name, description=description)
        record(Event.TEAM_CREATED, actor=actor, subject=team)
    return team


def update_team(team: Team, name: str, description: str, *, actor: User | None) -> Team:
    """Rename a team or change its description. Membership is changed on each person's page."""
    with transaction.atomic():
        changed = sorted(
            field
            for field, value in (("name", name), ("description", description))
            if getattr(team, field) != value
        )
        team.name, team.description = name, description
        team.save(update_fields=["name", "description"])
        # Which fields changed, never their values: a team's name may say more than its id.
        record(Event.TEAM_UPDATED, actor=actor, subject=team, changed=changed)
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


def reenrol_authenticator(keyring: Keyring, password: str) -> str:
    """A lost authenticator, with the password and the recovery key: the old authenticators go, every open
    session ends, and the spent recovery key is replaced (returned once). The new authenticator is enrolled
    at the next step, as at a first login."""
    user = keyring.user
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        end_sessions(user)
        recovery_key = vault.rewrap_user_key(keyring, password, new_recovery_key=True)
        record(Event.AUTHENTICATOR_REENROLLED, actor=user, subject=user)
    return str(recovery_key)  # never None: a new recovery key was asked for


def confirm_totp(device: TOTPDevice, *, actor: User) -> None:
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
        record(Event.OTP_ENROLLED, actor=actor, subject=actor)


# --- Login throttling by keyed hash of the username: no address is ever stored --------------------------
#
# Throttling slows guessing; it must never let a stranger keep the real person out. So a throttled username
# (or a site over its failure budget) refuses only sign-ins *without* an authenticator code: the login form
# then asks for the password and the code together, and both right always pass. A guesser who lacks the code
# gains nothing from that door, and the code is checked only after the password is right, so a stranger
# cannot use up the authenticator's own wrong-code budget either.

SITE_PREFIX = "site:"


def throttle_key(username: str) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), username.strip().lower().encode(), hashlib.sha256
    ).hexdigest()


def _site_key(now: float | None = None) -> str:
    return f"{SITE_PREFIX}{int((now if now is not None else time.time()) // 60)}"


def throttle_wait(username: str) -> int:
    """Seconds until this username may try again without a code (0 if it may now)."""
    row = LoginThrottle.objects.filter(key=throttle_key(username)).first()
    if row is None or row.blocked_until is None:
        return 0
    return max(0, int((row.blocked_until - timezone.now()).total_seconds()))


def site_wait() -> int:
    """Seconds until sign-ins without a code are taken again across the site (0 if they are now): more
    than ``LOGIN_SITE_FAILURES_PER_MINUTE`` failures this minute slow everyone to the end of the minute."""
    now = time.time()
    row = LoginThrottle.objects.filter(key=_site_key(now)).first()
    if row is None or row.failures < settings.LOGIN_SITE_FAILURES_PER_MINUTE:
        return 0
    return max(1, 60 - int(now % 60))


def register_failure(username: str, *, user: User | None) -> None:
    with transaction.atomic():
        row, _ = LoginThrottle.objects.select_for_update().get_or_create(key=throttle_key(username))
        row.failures += 1
        excess = row.failures - settings.LOGIN_FAILURES_BEFORE_DELAY
        if excess >= 0:
            # Doubling delay per further failure, capped at a day: slows guessing without a code; with
            # the code, the real person passes at once.
            delay = min(settings.LOGIN_DELAY_SECONDS * 2 ** min(excess, 10), 86400)
            row.blocked_until = timezone.now() + timedelta(seconds=delay)
        row.save()
        site_key = _site_key()
        LoginThrottle.objects.get_or_create(key=site_key)
        LoginThrottle.objects.filter(pk=site_key).update(failures=F("failures") + 1)
        LoginThrottle.objects.filter(key__startswith=SITE_PREFIX).exclude(key=site_key).delete()
        record(
            Event.LOGIN_FAILED, actor=user, username_hash=throttle_key(username)[:16], failures=row.failures
        )


def register_success(username: str) -> None:
    LoginThrottle.objects.filter(key=throttle_key(username)).delete()


def choose_language(user: User, language: str) -> None:
    """The language of this person's staff pages. Not audited: it changes only what they see, nothing they
    can reach."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unknown language {language!r}")
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language
