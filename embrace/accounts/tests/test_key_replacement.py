"""The administrator chose the temporary password; after first login it must open nothing new."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts.models import Team, User
from embrace.accounts.tests.test_enrol import NEW_PASSWORD, _code, legacy_account
from embrace.testing.personas import Persona
from embrace.vault import actions as vault
from embrace.vault import crypto
from embrace.vault.keyring import Keyring, NoAccess, user_key_purpose
from embrace.vault.models import UserKey

pytestmark = pytest.mark.django_db


def test_temporary_password_and_an_old_backup_open_nothing_sealed_after_first_login(
    client: Client, admin: Persona, intake_team: Team
) -> None:
    temporary = legacy_account(intake_team)
    newbie = User.objects.get(username="newbie")
    before = vault.create_compartment("body", [newbie], actor=None)
    early = vault.seal(before, b"sealed before the first login")
    backup = bytes(UserKey.objects.get(user=newbie).wrapped_by_password)  # what a copy taken now would hold

    browser = Client()
    browser.post(reverse("accounts:login"), {"username": "newbie", "password": temporary})
    browser.get(reverse("accounts:enrol"))  # shows the QR code, creating the unconfirmed device
    device = TOTPDevice.objects.get(user=newbie, confirmed=False)
    done = browser.post(
        reverse("accounts:enrol"),
        {"code": _code(device), "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD},
    )
    assert done.status_code == 200
    assert browser.get(reverse("accounts:home")).status_code == 200  # the new key cookie works

    later = vault.seal(before, b"sealed after the first login")
    after = vault.create_compartment("body", [newbie], actor=None)
    fresh = vault.seal(after, b"a new compartment")
    old_key = crypto.unwrap_with_password(temporary, backup, purpose=user_key_purpose(newbie.pk, "password"))
    attacker = Keyring(newbie, old_key)
    for envelope in (later, fresh):
        with pytest.raises(NoAccess):
            attacker.open(envelope)

    from embrace.vault.keyring import unlock_with_password

    newbie_now = unlock_with_password(newbie, NEW_PASSWORD)
    assert newbie_now.open(early) == b"sealed before the first login"
    assert newbie_now.open(later) == b"sealed after the first login"
    assert newbie_now.open(fresh) == b"a new compartment"
