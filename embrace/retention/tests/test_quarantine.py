"""Emptying the quarantine destroys through the same path as the retention rules: each junk case's content
is destroyed and audited as such (reference, kinds, "quarantine emptied") before its rows go."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.models import Case, Message
from embrace.intake import actions as intake
from embrace.retention.tests.test_rules import enquiry
from embrace.testing.personas import Persona, log_in, make_persona
from embrace.vault.models import CompartmentKey

pytestmark = pytest.mark.django_db


def test_emptying_the_quarantine_destroys_through_the_one_path(
    intake_route: object, intake_team: Team, intake_officer: Persona
) -> None:
    second = make_persona("intake-two", Role.INTAKE_OFFICER, teams=(intake_team,))
    junk = [enquiry(quarantine=True), enquiry(quarantine=True)]
    kept = enquiry()
    compartments = [c for case in junk for c in (case.body_id, case.identity_id, case.notes_id)]
    assert CompartmentKey.objects.filter(compartment_id__in=compartments).exists()

    approval = intake.request_quarantine_emptying(intake_team, actor=intake_officer.user)
    browser = log_in(Client(), second)
    response = browser.post(
        reverse("intake_staff:quarantine_decide", args=[approval.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302

    facts = AuditEntry.objects.filter(event=Event.CONTENT_DESTROYED)
    assert sorted(entry.data["reference"] for entry in facts) == sorted(case.reference for case in junk)
    assert {entry.data["rule"] for entry in facts} == {"quarantine emptied"}
    assert {entry.actor for entry in facts} == {second.user.pk}
    assert not Case.objects.filter(pk__in=[case.pk for case in junk]).exists()
    assert not CompartmentKey.objects.filter(compartment_id__in=compartments).exists()
    assert not Message.objects.filter(case_id__in=[case.pk for case in junk]).exists()
    assert Message.objects.filter(case=kept).exists()
