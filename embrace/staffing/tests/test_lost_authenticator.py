"""A lost authenticator: the recovery key with the password sets up a new one; without the recovery key two
administrators reset it, and the person still needs their own password."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts.models import StaffSession
from embrace.approvals.models import Approval, Status
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.staffing.actions import RESET_AUTHENTICATOR
from embrace.testing.personas import Persona, log_in
from embrace.vault.keyring import VaultLocked, unlock_with_recovery_key

LOGIN = reverse("accounts:login")
HOME = reverse("accounts:home")
ENROL = reverse("accounts:enrol")


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _enrol_new(browser: Client, persona: Persona) -> None:
    assert browser.get(ENROL).status_code == 200  # the QR code of a new authenticator
    device = TOTPDevice.objects.get(user=persona.user, confirmed=False)
    response = browser.post(ENROL, {"code": _code(device)})
    assert response.status_code == 302
    assert browser.get(HOME).status_code == 200


def test_password_and_recovery_key_set_up_a_new_authenticator(handler: Persona) -> None:
    old_session = log_in(Client(), handler)
    browser = Client()
    response = browser.post(
        reverse("accounts:reenrol"),
        {"username": "handler", "password": handler.password, "recovery_key": handler.recovery_key},
    )
    assert response.status_code == 200
    new_key = response.context["recovery_key"]
    assert not TOTPDevice.objects.filter(pk=handler.device.pk).exists()  # the lost one no longer works
    assert old_session.get(HOME).status_code in (302, 403)
    _enrol_new(browser, handler)
    # The recovery key is spent and replaced.
    unlock_with_recovery_key(handler.user, new_key)
    with pytest.raises(VaultLocked):
        unlock_with_recovery_key(handler.user, handler.recovery_key)
    assert AuditEntry.objects.filter(event=Event.AUTHENTICATOR_REENROLLED, actor=handler.user.pk).exists()


def test_the_recovery_key_alone_does_not_replace_the_authenticator(handler: Persona) -> None:
    response = Client().post(
        reverse("accounts:reenrol"),
        {"username": "handler", "password": "not the password 12", "recovery_key": handler.recovery_key},
    )
    assert response.status_code == 400
    assert TOTPDevice.objects.filter(pk=handler.device.pk, confirmed=True).exists()


def test_two_administrators_reset_a_lost_authenticator(
    admin: Persona, second_admin: Persona, handler: Persona
) -> None:
    handler_browser = log_in(Client(), handler)
    first = log_in(Client(), admin)
    response = first.post(reverse("staffing:reset_request", args=[handler.user.pk]))
    assert response.status_code == 302
    approval = Approval.objects.get(action=RESET_AUTHENTICATOR)
    # The one who asked cannot decide; nothing changes.
    response = first.post(reverse("staffing:reset", args=[approval.pk]), {"decision": "approve"})
    assert response.status_code == 400
    assert TOTPDevice.objects.filter(user=handler.user, confirmed=True).exists()

    second = log_in(Client(), second_admin)
    assert b"New authenticator" in second.get(reverse("staffing:user_list")).content
    response = second.post(reverse("staffing:reset", args=[approval.pk]), {"decision": "approve"})
    assert response.status_code == 302
    approval.refresh_from_db()
    assert approval.status == Status.APPROVED
    assert not TOTPDevice.objects.filter(user=handler.user).exists()
    assert not StaffSession.objects.filter(user=handler.user).exists()
    assert handler_browser.get(HOME).status_code in (302, 403)

    # The administrators learnt nothing that signs in: the person's own password leads to a new enrolment.
    browser = Client()
    response = browser.post(LOGIN, {"username": "handler", "password": handler.password})
    assert response["Location"] == ENROL
    _enrol_new(browser, handler)


def test_nobody_asks_to_reset_their_own_authenticator(admin: Persona) -> None:
    browser = log_in(Client(), admin)
    browser.post(reverse("staffing:reset_request", args=[admin.user.pk]))
    assert not Approval.objects.filter(action=RESET_AUTHENTICATOR).exists()
