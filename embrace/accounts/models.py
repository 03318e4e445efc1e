from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models

from embrace.accounts.roles import ROLE_PERMISSIONS, Perm, Role


class Team(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(max_length=80, unique=True)
    description = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A staff member. Enquirers are never users: they hold only a receipt."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # Staff are known by username; we keep no e-mail address or real name unless a deployment adds them.
    teams = models.ManyToManyField(Team, related_name="members", blank=True)
    # Accounts made by an administrator before invitations started with a temporary password; their first
    # login replaces it and the key pair it wrapped (and issues the recovery key to the user alone). New
    # accounts are made by invitation and never have one.
    must_change_password = models.BooleanField(default=False)
    # The language of this person's staff pages: a programme of Burmese-speaking volunteers starts in Burmese.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)

    objects: UserManager[User] = UserManager()  # type: ignore[assignment,misc]

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.username

    @property
    def roles(self) -> frozenset[Role]:
        cached: frozenset[Role] | None = getattr(self, "_roles_cache", None)
        if cached is None:
            cached = frozenset(Role(r) for r in self.role_assignments.values_list("role", flat=True))
            self._roles_cache = cached
        return cached

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def can(self, perm: Perm) -> bool:
        return self.is_active and any(perm in ROLE_PERMISSIONS[r] for r in self.roles)

    def forget_roles(self) -> None:
        self.__dict__.pop("_roles_cache", None)

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        self.forget_roles()
        super().refresh_from_db(*args, **kwargs)


def afresh(user: User, perm: Perm | None = None) -> User | None:
    """The user as the database has them now (roles included), or None if deactivated, or without ``perm``.

    Every state change reads its actor this way: the object a caller holds may predate a deactivation, a
    revoked role or a change of teams.
    """
    current = User.objects.filter(pk=user.pk, is_active=True).first()
    return current if current is not None and (perm is None or current.can(perm)) else None


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField(max_length=32, choices=Role.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="unique_role_per_user")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.role}"


class LoginThrottle(models.Model):
    """Failed logins per keyed hash of the username typed. No address is ever stored."""

    key = models.CharField(max_length=64, primary_key=True)
    failures = models.PositiveIntegerField(default=0)
    blocked_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.key[:8]}… {self.failures}"


class StaffSession(models.Model):
    """Which signed-in session belongs to whom, written at login, so that narrowing someone's access can end
    every session they have open (the session table itself holds only opaque, encoded rows)."""

    session_key = models.CharField(max_length=40, primary_key=True)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="staff_sessions")
    started_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"session of {self.user_id}"
