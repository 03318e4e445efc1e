"""An administrator invites; the invitee alone sets password and authenticator; a second administrator who
hears the invitee read their fingerprint confirms. Nobody but the invitee ever holds anything that signs in
as them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from embrace.accounts.models import Team, User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.staffing import actions
from embrace.staffing.actions import StaffingError
from embrace.staffing.models import Invitation
from embrace.testing.language import english_client
from embrace.testing.personas import Persona, log_in
from embrace.vault.keyring import public_fingerprint
from embrace.vault.models import UserKey

PASSWORD = "the invitee's own long passphrase 9"


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def _invite(admin_browser: Client, username: str = "newbie", **fields: object) -> str:
    data = {"username": username, "roles": [Role.INTAKE_OFFICER.value], **fields}
    response = admin_browser.post(reverse("staffing:invite"), data)
    assert response.status_code == 200, response.content[:400]
    return str(response.context["link"])


def _join(link: str, browser: Client | None = None) -> tuple[Client, object]:
    """Open the link, scan the code, choose a password: what the invitee does."""
    # The invitee is not signed in yet: their browser's language switch says English.
    browser = browser or english_client()
    page = browser.get(link)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(pk=browser.session["invitation_device"])
    response = browser.post(
        link, {"new_password": PASSWORD, "new_password_again": PASSWORD, "code": _code(device)}
    )
    return browser, response


def _confirm(browser: Client, invitation: Invitation, fingerprint: str) -> object:
    return browser.post(
        reverse("staffing:invitation", args=[invitation.pk]), {"do": "confirm", "fingerprint": fingerprint}
    )


def test_invitee_sets_up_alone_and_a_second_administrator_confirms(
    admin: Persona, second_admin: Persona, intake_team: Team
) -> None:
    inviter = log_in(Client(), admin)
    link = _invite(inviter, teams=[intake_team.pk])
    invitation = Invitation.objects.get(user__username="newbie")
    assert invitation.token_hash not in link  # only the hash is stored
    newbie = invitation.user
    assert not newbie.is_active
    assert not newbie.has_usable_password()
    assert not UserKey.objects.filter(user=newbie).exists()  # nothing can be sealed to it yet

    _, done = _join(link)
    assert done.status_code == 200  # type: ignore[attr-defined]
    fingerprint = public_fingerprint(newbie)
    assert fingerprint is not None
    assert fingerprint.encode() in done.content  # type: ignore[attr-defined]
    assert b"recovery key" in done.content  # type: ignore[attr-defined]
    # Set up but not active: the password alone does not sign in, and the account has no role.
    refused = Client().post(reverse("accounts:login"), {"username": "newbie", "password": PASSWORD})
    assert refused.status_code == 400
    assert User.objects.get(pk=newbie.pk).roles == frozenset()

    # The inviter cannot confirm their own invitation, even with the right fingerprint.
    response = _confirm(inviter, invitation, fingerprint)
    assert response.status_code == 400
    assert b"another administrator must" in response.content

    second = log_in(Client(), second_admin)
    wrong = "0000 0000 0000 0000" if fingerprint != "0000 0000 0000 0000" else "1111 1111 1111 1111"
    response = _confirm(second, invitation, wrong)
    assert response.status_code == 400
    assert b"does not match" in response.content
    assert not User.objects.get(pk=newbie.pk).is_active

    response = _confirm(second, invitation, fingerprint.replace(" ", ""))
    assert response.status_code == 302
    newbie = User.objects.get(pk=newbie.pk)
    assert newbie.is_active
    assert newbie.roles == {Role.INTAKE_OFFICER}
    assert list(newbie.teams.all()) == [intake_team]
    assert AuditEntry.objects.filter(event=Event.INVITATION_CONFIRMED, actor=second_admin.user.pk).exists()

    # Now they sign in with their own password and authenticator.
    browser = Client()
    response = browser.post(reverse("accounts:login"), {"username": "newbie", "password": PASSWORD})
    assert response["Location"] == reverse("accounts:login_code")


def test_the_administrator_is_never_shown_a_password(admin: Persona) -> None:
    inviter = log_in(Client(), admin)
    response = inviter.post(reverse("staffing:invite"), {"username": "newbie", "roles": ["handler"]})
    assert "password" not in response.context
    assert b"temporary password" not in response.content


def test_a_link_works_once(admin: Persona) -> None:
    link = _invite(log_in(Client(), admin))
    _, done = _join(link)
    assert done.status_code == 200  # type: ignore[attr-defined]
    # Whoever comes second (the real invitee, if someone else got there first) is told to speak up.
    again = english_client().get(link)
    assert again.status_code == 404
    assert b"tell the administrator" in again.content


def test_an_expired_link_is_refused(admin: Persona) -> None:
    link = _invite(log_in(Client(), admin))
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client().get(link).status_code == 404


def test_the_secret_shown_to_an_earlier_visitor_is_not_the_one_confirmed(admin: Persona) -> None:
    """The inviter peeks at the link first: the authenticator the invitee then confirms is another."""
    link = _invite(log_in(Client(), admin))
    peeker = Client()
    peeker.get(link)
    peeked = TOTPDevice.objects.get(pk=peeker.session["invitation_device"])
    _join(link)
    newbie = User.objects.get(username="newbie")
    confirmed = TOTPDevice.objects.get(user=newbie, confirmed=True)
    assert confirmed.bin_key != peeked.bin_key
    assert not TOTPDevice.objects.filter(pk=peeked.pk).exists()


def test_the_only_administrator_may_confirm_a_second_administrator_once(admin: Persona) -> None:
    inviter = log_in(Client(), admin)
    link = _invite(inviter, username="admin2", roles=[Role.ADMINISTRATOR.value])
    _join(link)
    invitation = Invitation.objects.get(user__username="admin2")
    fingerprint = public_fingerprint(invitation.user)
    assert fingerprint is not None
    assert _confirm(inviter, invitation, fingerprint).status_code == 302
    invitation.refresh_from_db()
    assert invitation.bootstrap
    assert AuditEntry.objects.filter(event=Event.INVITATION_CONFIRMED, data__bootstrap=True).exists()

    # Once there are two, never again alone — not even after the other is deactivated.
    User.objects.filter(username="admin2").update(is_active=False)
    third = _invite(inviter, username="admin3", roles=[Role.ADMINISTRATOR.value])
    _join(third)
    invitation = Invitation.objects.get(user__username="admin3")
    fingerprint = public_fingerprint(invitation.user)
    assert fingerprint is not None
    assert _confirm(inviter, invitation, fingerprint).status_code == 400
    assert not User.objects.get(username="admin3").is_active


def test_the_only_administrator_may_not_confirm_anyone_else_alone(admin: Persona) -> None:
    inviter = log_in(Client(), admin)
    _join(_invite(inviter, username="helper", roles=[Role.HANDLER.value]))
    invitation = Invitation.objects.get(user__username="helper")
    fingerprint = public_fingerprint(invitation.user)
    assert fingerprint is not None
    with pytest.raises(StaffingError, match="another administrator must"):
        actions.confirm_invitation(invitation, fingerprint, actor=admin.user)


def test_a_withdrawn_invitation_cannot_be_used_or_confirmed(admin: Persona, second_admin: Persona) -> None:
    inviter = log_in(Client(), admin)
    link = _invite(inviter)
    invitation = Invitation.objects.get(user__username="newbie")
    response = inviter.post(reverse("staffing:invitation", args=[invitation.pk]), {"do": "withdraw"})
    assert response.status_code == 302
    assert Client().get(link).status_code == 404


def test_an_invitee_receives_no_key_before_a_second_administrator_confirms(
    admin: Persona, handler: Persona
) -> None:
    from embrace.vault import actions as vault
    from embrace.vault.keyring import NoAccess, unlock_with_password

    _join(_invite(log_in(Client(), admin)))
    newbie = User.objects.get(username="newbie")
    body = vault.create_compartment("body", [handler.user], actor=None)
    with pytest.raises(NoAccess, match="not active"):
        vault.grant(body, newbie, by=unlock_with_password(handler.user, handler.password), actor=handler.user)


def test_invitee_chooses_the_language_of_their_pages_when_joining(admin: Persona) -> None:
    inviter = log_in(Client(), admin)
    link = _invite(inviter, username="english-reader")
    browser = Client()
    page = browser.get(link)
    assert 'name="language"' in page.content.decode()
    device = TOTPDevice.objects.get(pk=browser.session["invitation_device"])
    data = {"language": "en", "new_password": PASSWORD, "new_password_again": PASSWORD, "code": _code(device)}
    assert browser.post(link, data).status_code == 200
    assert User.objects.get(username="english-reader").language == "en"
