"""Narrowing someone's access takes effect at once: their sessions end and their keys stop reaching
anything added afterwards."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts.models import StaffSession, User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.personas import Persona, log_in
from embrace.vault import actions as vault
from embrace.vault.keyring import NoAccess, unlock_with_password
from embrace.vault.models import Grant, GroupGrant

HOME = reverse("accounts:home")


def _remove_everything(admin_browser: Client, user: User, **fields: object) -> object:
    data = {"roles": [], "teams": [], "is_active": "on", **fields}
    return admin_browser.post(
        reverse("staffing:user_edit", args=[user.pk]), {k: v for k, v in data.items() if v is not None}
    )


@pytest.mark.parametrize("deactivate", [False, True], ids=["role removed", "deactivated"])
def test_narrowing_ends_every_session_and_revokes_the_keys(
    admin: Persona, custodian: Persona, second_custodian: Persona, deactivate: bool
) -> None:
    identity = vault.create_compartment("identity", [custodian.user, second_custodian.user], actor=None)
    before = vault.seal(identity, b"known before")
    phone = log_in(Client(), custodian)
    # A second device signed in within the same 30 seconds: let the code be used once more.
    TOTPDevice.objects.filter(pk=custodian.device.pk).update(last_t=-1)
    laptop = log_in(Client(), custodian)
    assert StaffSession.objects.filter(user=custodian.user).count() == 2
    assert phone.get(HOME).status_code == 200

    admin_browser = log_in(Client(), admin)
    response = _remove_everything(admin_browser, custodian.user, is_active=None if deactivate else "on")
    assert response.status_code == 302
    page = admin_browser.get(response["Location"])
    assert b"assumed seen" in page.content  # the page says plainly what cannot be taken back

    for browser in (phone, laptop):
        assert browser.get(HOME).status_code in (302, 403)
    assert not StaffSession.objects.filter(user=custodian.user).exists()
    assert not Grant.objects.filter(user=custodian.user).exists()
    # The custodians' group key is left too and rotated: later identities go to a key they never held.
    assert not GroupGrant.objects.filter(user=custodian.user).exists()
    after = vault.seal(identity, b"added afterwards")
    old_keyring = unlock_with_password(custodian.user, custodian.password)
    with pytest.raises(NoAccess):
        old_keyring.open(after)
    with pytest.raises(NoAccess):
        old_keyring.open(before)  # the grant row is gone; a copy they kept is what "assumed seen" means
    # The others keep reading, old and new.
    colleague = unlock_with_password(second_custodian.user, second_custodian.password)
    assert colleague.open(after) == b"added afterwards"
    assert colleague.open(before) == b"known before"
    narrowed = AuditEntry.objects.get(event=Event.ACCESS_NARROWED, actor=admin.user.pk)
    assert narrowed.data["sessions"] == 2
    assert narrowed.data["compartments"] == 1


def test_someone_who_keeps_a_content_role_keeps_their_direct_grants(
    admin: Persona, handler: Persona, other_team: object
) -> None:
    body = vault.create_compartment("body", [handler.user], actor=None)
    browser = log_in(Client(), handler)
    admin_browser = log_in(Client(), admin)
    response = admin_browser.post(
        reverse("staffing:user_edit", args=[handler.user.pk]),
        {"roles": [Role.HANDLER.value], "teams": [], "is_active": "on"},
    )
    assert response.status_code == 302
    assert browser.get(HOME).status_code in (302, 403)  # leaving a team still signs them out
    assert unlock_with_password(handler.user, handler.password).can_read(body)
