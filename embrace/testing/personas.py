"""Shared test personas: real users with real keys and TOTP devices, logged in through the real views."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts import actions
from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.custody import groups
from embrace.vault import actions as vault
from embrace.vault.keyring import VaultLocked, unlock_with_password

PASSWORD = "correct horse battery staple 42"


@dataclass
class Persona:
    user: User
    password: str
    recovery_key: str
    device: TOTPDevice

    def code(self, offset: int = 0) -> str:
        """The TOTP code for now (or ``offset`` steps away), as the user's phone would show it."""
        step = self.device.step
        return f"{totp(self.device.bin_key, step=step, t0=self.device.t0, digits=6, drift=offset):06d}"


def make_persona(
    username: str, *roles: Role, teams: tuple[Team, ...] = (), keys: bool = True, language: str = "en"
) -> Persona:
    """A user with a key pair and an authenticator; with ``keys`` (the default) also given every group key
    their roles and teams entitle them to, as colleagues would have given them. ``keys=False`` is a newcomer
    nobody has given a key yet. Personas read English pages unless made with ``language="my"``."""
    user, password, recovery_key = actions.create_user(
        username, roles=roles, teams=teams, password=PASSWORD, actor=None
    )
    actions.choose_language(user, language)
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    if keys:
        give_entitled_keys(user)
    return Persona(user, password, recovery_key, device)


def give_entitled_keys(user: User) -> None:
    """Give the user every group key their roles and teams entitle them to, through the real
    ``add_group_member``: sealed by a holder unlocked with the shared test password (a test-only bootstrap;
    in production a holder does it from their own session), or as the group's first key."""
    for group in groups.entitled_groups(user):
        if groups.holds(user, group):
            continue
        key = group.current_key
        if key is None:
            vault.add_group_member(group, user, by=None, actor=None)
            continue
        for holder in User.objects.filter(vault_group_grants__key=key).exclude(pk=user.pk):
            try:
                keyring = unlock_with_password(holder, PASSWORD)
            except VaultLocked:  # this holder changed their password in the test: ask the next
                continue
            vault.add_group_member(group, user, by=keyring, actor=holder)
            break


def log_in(client: Client, persona: Persona) -> Client:
    """Password step, then the TOTP step, through the views, as a person does."""
    response = client.post(
        reverse("accounts:login"), {"username": persona.user.username, "password": persona.password}
    )
    assert response.status_code == 302, response.content[:500]
    response = client.post(reverse("accounts:login_code"), {"code": persona.code()})
    assert response.status_code == 302, response.content[:500]
    assert settings.VAULT_KEY_COOKIE_NAME in client.cookies
    return client


def wait_for_next_step(persona: Persona) -> None:
    """Sleep into the next 30-second TOTP window (for tests that need a fresh, unused code)."""
    step = persona.device.step
    time.sleep(step - (time.time() % step) + 0.1)
