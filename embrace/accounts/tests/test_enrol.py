from __future__ import annotations

import base64
import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts import actions
from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.testing.language import english_client
from embrace.testing.personas import Persona
from embrace.vault import keyring as vault_keyring

NEW_PASSWORD = "a fresh long passphrase 7"


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


TEMPORARY = "a temporary password an administrator chose 1"


def legacy_account(team: Team) -> str:
    """An account as administrators made them before invitations: a password the administrator chose,
    to be replaced at first login. Such accounts may still exist; their first login must still work."""
    user, _, _ = actions.create_user(
        "newbie", roles=[Role.INTAKE_OFFICER], teams=[team], password=TEMPORARY, actor=None
    )
    User.objects.filter(pk=user.pk).update(must_change_password=True)
    return TEMPORARY


@pytest.fixture
def temporary_password(intake_team: Team) -> str:
    return legacy_account(intake_team)


def test_new_account_enrols_and_receives_its_recovery_key(temporary_password: str) -> None:
    newbie = User.objects.get(username="newbie")
    assert newbie.must_change_password
    assert newbie.roles == {Role.INTAKE_OFFICER}
    browser = english_client()
    response = browser.post(reverse("accounts:login"), {"username": "newbie", "password": temporary_password})
    assert response["Location"] == reverse("accounts:enrol")
    assert browser.get(reverse("accounts:home")).status_code == 302  # not in before the second factor

    page = browser.get(reverse("accounts:enrol"))
    device = TOTPDevice.objects.get(user=newbie, confirmed=False)
    assert page.status_code == 200
    assert b'<img src="data:image/svg+xml;base64,' in page.content
    assert base64.b32encode(device.bin_key) in page.content
    assert "img-src 'self' data:" in page["Content-Security-Policy"]

    done = browser.post(
        reverse("accounts:enrol"),
        {"code": _code(device), "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD},
    )
    assert done.status_code == 200
    recovery_key = str(done.context["recovery_key"])
    assert recovery_key.encode() in done.content
    assert browser.get(reverse("accounts:home")).status_code == 200

    newbie.refresh_from_db()
    device.refresh_from_db()
    assert device.confirmed
    assert not newbie.must_change_password
    assert (
        english_client()
        .post(reverse("accounts:login"), {"username": "newbie", "password": temporary_password})
        .status_code
        == 400
    )
    with pytest.raises(vault_keyring.VaultLocked):
        vault_keyring.unlock_with_password(newbie, temporary_password)
    vault_keyring.unlock_with_password(newbie, NEW_PASSWORD)
    vault_keyring.unlock_with_recovery_key(newbie, recovery_key)


def test_enrolment_with_a_wrong_code_changes_nothing(temporary_password: str) -> None:
    browser = english_client()
    browser.post(reverse("accounts:login"), {"username": "newbie", "password": temporary_password})
    browser.get(reverse("accounts:enrol"))
    device = TOTPDevice.objects.get(user__username="newbie")
    wrong = f"{(int(_code(device)) + 1) % 1_000_000:06d}"
    response = browser.post(
        reverse("accounts:enrol"),
        {"code": wrong, "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD},
    )
    assert response.status_code == 400
    assert b"That code is wrong" in response.content
    newbie = User.objects.get(username="newbie")
    assert newbie.must_change_password
    assert newbie.check_password(temporary_password)
    assert browser.get(reverse("accounts:home")).status_code == 302


def test_enrolment_refuses_a_weak_or_mismatched_password(temporary_password: str) -> None:
    browser = english_client()
    browser.post(reverse("accounts:login"), {"username": "newbie", "password": temporary_password})
    browser.get(reverse("accounts:enrol"))
    device = TOTPDevice.objects.get(user__username="newbie")
    short = browser.post(
        reverse("accounts:enrol"),
        {"code": _code(device), "new_password": "short", "new_password_again": "short"},
    )
    assert short.status_code == 400
    # (in English, as this browser chose; Django's Burmese messages are checked on the sign-in page)
    assert "This password is too short" in short.content.decode()
    differ = browser.post(
        reverse("accounts:enrol"),
        {"code": _code(device), "new_password": NEW_PASSWORD, "new_password_again": NEW_PASSWORD + "x"},
    )
    assert differ.status_code == 400
    assert b"The two passwords differ" in differ.content
    assert not TOTPDevice.objects.filter(user__username="newbie", confirmed=True).exists()


def test_enrol_page_needs_the_password_step(client: Client, db: None) -> None:
    response = client.get(reverse("accounts:enrol"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")


def test_enrolled_user_cannot_enrol_a_second_device(client: Client, handler: Persona) -> None:
    client.post(reverse("accounts:login"), {"username": "handler", "password": handler.password})
    response = client.get(reverse("accounts:enrol"))
    assert response["Location"] == reverse("accounts:login_code")
    assert TOTPDevice.objects.filter(user=handler.user).count() == 1


def test_enrolment_qr_code_is_a_standalone_svg_with_a_size(temporary_password: str) -> None:
    """A ``data:`` SVG without its namespace or size is a broken image: the QR code would not show."""
    browser = english_client()
    browser.post(reverse("accounts:login"), {"username": "newbie", "password": temporary_password})
    page = browser.get(reverse("accounts:enrol"))
    uri = page.context["qr"]
    assert uri.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(uri.split(",", 1)[1]).decode()
    root = re.search(r"<svg\b[^>]*>", svg)
    assert root is not None
    assert 'xmlns="http://www.w3.org/2000/svg"' in root.group(0)
    width = re.search(r'\bwidth="(\d+)"', root.group(0))
    height = re.search(r'\bheight="(\d+)"', root.group(0))
    assert width is not None
    assert height is not None
    assert int(width.group(1)) > 0
    assert int(height.group(1)) > 0
