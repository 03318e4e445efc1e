from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.language import english_client
from embrace.testing.personas import Persona, log_in
from embrace.vault import actions as vault
from embrace.vault.keyring import VaultLocked, unlock_with_password, unlock_with_recovery_key

NEW_PASSWORD = "another long passphrase 9"
RECOVER = reverse("accounts:recover")


def test_password_change_rewraps_the_keys(client: Client, handler: Persona) -> None:
    compartment = vault.create_compartment("body", [handler.user], actor=None)
    envelope = vault.seal(compartment, b"what the enquirer said")
    log_in(client, handler)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "current_password": handler.password,
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("accounts:home")).status_code == 200  # this session carries on
    with pytest.raises(VaultLocked):
        unlock_with_password(handler.user, handler.password)
    assert unlock_with_password(handler.user, NEW_PASSWORD).open(envelope) == b"what the enquirer said"
    assert AuditEntry.objects.filter(event=Event.PASSWORD_CHANGED, actor=handler.user.pk).exists()


def test_password_change_needs_the_current_password(client: Client, handler: Persona) -> None:
    log_in(client, handler)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "current_password": "not my password",
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )
    assert response.status_code == 400
    assert b"That is not your current password" in response.content
    unlock_with_password(handler.user, handler.password)


def test_password_change_ends_other_sessions(handler: Persona) -> None:
    elsewhere = english_client()
    log_in(elsewhere, handler)
    here = english_client()
    # Log in here with the following code: the one just used is spent.
    here.post(reverse("accounts:login"), {"username": "handler", "password": handler.password})
    assert here.post(reverse("accounts:login_code"), {"code": handler.code(1)}).status_code == 302
    here.post(
        reverse("accounts:password_change"),
        {
            "current_password": handler.password,
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )
    assert elsewhere.get(reverse("accounts:home")).status_code != 200


def _recover(client: Client, persona: Persona, username: str, recovery_key: str) -> object:
    return client.post(
        RECOVER,
        {
            "username": username,
            "recovery_key": recovery_key,
            "code": persona.code(),
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )


def test_recovery_sets_a_new_password_and_a_new_recovery_key(client: Client, handler: Persona) -> None:
    compartment = vault.create_compartment("body", [handler.user], actor=None)
    envelope = vault.seal(compartment, b"kept across recovery")
    response = _recover(client, handler, "handler", handler.recovery_key)
    assert response.status_code == 200
    new_key = str(response.context["recovery_key"])
    assert new_key != handler.recovery_key
    assert new_key.encode() in response.content
    with pytest.raises(VaultLocked):
        unlock_with_recovery_key(handler.user, handler.recovery_key)  # a recovery key works once
    with pytest.raises(VaultLocked):
        unlock_with_password(handler.user, handler.password)
    assert unlock_with_recovery_key(handler.user, new_key).open(envelope) == b"kept across recovery"
    assert unlock_with_password(handler.user, NEW_PASSWORD).open(envelope) == b"kept across recovery"
    assert AuditEntry.objects.filter(event=Event.PASSWORD_RECOVERED, actor=handler.user.pk).exists()
    login = english_client().post(
        reverse("accounts:login"), {"username": "handler", "password": NEW_PASSWORD}
    )
    assert login["Location"] == reverse("accounts:login_code")


def test_wrong_recovery_key_does_not_say_whether_the_user_exists(client: Client, handler: Persona) -> None:
    made_up = handler.recovery_key[:-4] + ("AAAA" if not handler.recovery_key.endswith("AAAA") else "BBBB")
    wrong_key = _recover(client, handler, "handler", made_up)
    no_user = _recover(client, handler, "nobody-here", handler.recovery_key)
    garbage = _recover(client, handler, "handler", "not a key at all")
    for response in (wrong_key, no_user, garbage):
        assert response.status_code == 400
        assert response.context["form"].errors == {
            "__all__": ["The username, recovery key or code is wrong."]
        }
    unlock_with_password(handler.user, handler.password)
    unlock_with_recovery_key(handler.user, handler.recovery_key)


def test_a_strangers_failures_do_not_keep_the_real_person_out_of_recovery(
    client: Client, handler: Persona
) -> None:
    stranger = english_client()
    for _ in range(settings.LOGIN_FAILURES_BEFORE_DELAY * 3):
        assert _recover(stranger, handler, "handler", "WRONG-WRONG").status_code == 400
    assert (
        AuditEntry.objects.filter(event=Event.LOGIN_FAILED).count()
        == settings.LOGIN_FAILURES_BEFORE_DELAY * 3
    )
    response = _recover(client, handler, "handler", handler.recovery_key)
    assert response.status_code == 200
    assert b"recovery key" in response.content


def test_recovery_needs_the_second_factor_too(client: Client, handler: Persona) -> None:
    wrong_code = f"{(int(handler.code()) + 1) % 1_000_000:06d}"
    response = client.post(
        RECOVER,
        {
            "username": "handler",
            "recovery_key": handler.recovery_key,
            "code": wrong_code,
            "new_password": NEW_PASSWORD,
            "new_password_again": NEW_PASSWORD,
        },
    )
    assert response.status_code == 400
    assert b"The username, recovery key or code is wrong." in response.content
    unlock_with_password(handler.user, handler.password)
    unlock_with_recovery_key(handler.user, handler.recovery_key)
