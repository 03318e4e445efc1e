"""Audit rows hold ids and hashes, never what someone typed."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.testing.personas import log_in, make_persona

pytestmark = pytest.mark.django_db

USERNAME = "amber-ledger-3141"
WRONG_PASSWORD = "violet-quarry-wrong-8642"
UNKNOWN_USERNAME = "nobody-named-xq7"


def test_login_entries_hold_no_usernames_or_passwords(client: Client) -> None:
    persona = make_persona(USERNAME, Role.HANDLER)
    start = AuditEntry.objects.count()

    log_in(client, persona)
    client.post(reverse("accounts:logout"))
    wrong = client.post(reverse("accounts:login"), {"username": USERNAME, "password": WRONG_PASSWORD})
    unknown = client.post(
        reverse("accounts:login"), {"username": UNKNOWN_USERNAME, "password": WRONG_PASSWORD}
    )
    client.post(reverse("accounts:login"), {"username": USERNAME, "password": persona.password})
    bad_code = client.post(reverse("accounts:login_code"), {"code": persona.code(offset=10)})
    assert (wrong.status_code, unknown.status_code, bad_code.status_code) == (400, 400, 400)

    entries = list(AuditEntry.objects.filter(seq__gt=start))
    events = [e.event for e in entries]
    assert events.count(Event.LOGIN) == 1
    assert events.count(Event.LOGIN_FAILED) == 2
    assert events.count(Event.OTP_FAILED) == 1
    for secret in (USERNAME, UNKNOWN_USERNAME, WRONG_PASSWORD, persona.password):
        for entry in AuditEntry.objects.all():
            assert secret not in json.dumps(entry.data) + entry.subject, (secret, entry)
    unknown_entry = next(e for e in entries if e.event == Event.LOGIN_FAILED and e.actor is None)
    # Keyed: a plain hash of a guessable username could be reversed by trying candidates.
    assert unknown_entry.data["username_hash"] not in hashlib.sha256(UNKNOWN_USERNAME.encode()).hexdigest()
