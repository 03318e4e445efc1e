"""Emptying the quarantine deletes enquiries for good, so two intake officers of the team do it."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.approvals.models import Approval
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.actions import Photo
from embrace.cases.models import Case, Status
from embrace.intake.actions import submit_enquiry
from embrace.intake.tests.helpers import jpeg_with_metadata
from embrace.testing.personas import Persona, log_in, make_persona

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("intake_route")]


@pytest.fixture
def junk(intake_officer: Persona) -> list[Case]:
    photo = Photo(jpeg_with_metadata(), "image/jpeg", 48, 64)
    return [
        submit_enquiry({"text": f"spam {i}"}, {}, [photo], token=secrets.token_hex(8), quarantine=True)[0]
        for i in range(2)
    ]


def _files() -> list[Path]:
    return [p for p in Path(settings.UPLOADS_DIR).rglob("*") if p.is_file()]


def test_one_officer_asks_another_approves_and_the_junk_is_gone(
    intake_officer: Persona, intake_team: Team, junk: list[Case]
) -> None:
    second = make_persona("intake2", Role.INTAKE_OFFICER, teams=(intake_team,))
    first_client = log_in(Client(), intake_officer)
    assert (
        first_client.post(reverse("intake_staff:quarantine_empty"), {"team": intake_team.pk}).status_code
        == 302
    )
    approval = Approval.objects.get(action="intake.empty_quarantine")
    # The one who asked cannot approve: the request is not even offered to them.
    decide = reverse("intake_staff:quarantine_decide", args=[approval.pk])
    assert first_client.post(decide, {"decision": "approve"}).status_code == 404
    assert Case.objects.filter(status=Status.QUARANTINED).count() == 2
    assert len(_files()) == 2

    second_client = log_in(Client(), second)
    assert (
        intake_officer.user.username in second_client.get(reverse("intake_staff:quarantine")).content.decode()
    )
    assert second_client.post(decide, {"decision": "approve"}).status_code == 302
    assert not Case.objects.filter(status=Status.QUARANTINED).exists()
    assert _files() == []
    assert AuditEntry.objects.filter(event=Event.QUARANTINE_EMPTIED, actor=second.user.pk).exists()


def test_refusal_keeps_the_quarantine(intake_officer: Persona, intake_team: Team, junk: list[Case]) -> None:
    second = make_persona("intake2", Role.INTAKE_OFFICER, teams=(intake_team,))
    log_in(Client(), intake_officer).post(reverse("intake_staff:quarantine_empty"), {"team": intake_team.pk})
    approval = Approval.objects.get(action="intake.empty_quarantine")
    response = log_in(Client(), second).post(
        reverse("intake_staff:quarantine_decide", args=[approval.pk]), {"decision": "refuse"}
    )
    assert response.status_code == 302
    assert Case.objects.filter(status=Status.QUARANTINED).count() == 2


def test_another_teams_officer_can_neither_ask_nor_decide(
    intake_officer: Persona, intake_team: Team, other_team: Team, junk: list[Case]
) -> None:
    foreign = make_persona("intake_b", Role.INTAKE_OFFICER, teams=(other_team,))
    foreign_client = log_in(Client(), foreign)
    response = foreign_client.post(reverse("intake_staff:quarantine_empty"), {"team": intake_team.pk})
    assert response.status_code == 400
    log_in(Client(), intake_officer).post(reverse("intake_staff:quarantine_empty"), {"team": intake_team.pk})
    approval = Approval.objects.get(action="intake.empty_quarantine")
    decide = reverse("intake_staff:quarantine_decide", args=[approval.pk])
    assert foreign_client.post(decide, {"decision": "approve"}).status_code == 404
    assert Case.objects.filter(status=Status.QUARANTINED).count() == 2
