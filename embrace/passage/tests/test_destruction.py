"""After arrival and the grace period (the passage retention rule), housekeeping destroys a passage plan:
its keys and its ciphertext, also from the SQLite file and its WAL. Before that, nothing goes."""

from __future__ import annotations

import datetime
import json

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from embrace.audit.events import Event
from embrace.audit.log import subject_of, verify_chain
from embrace.audit.models import AuditEntry
from embrace.cases.actions import today
from embrace.cases.lifecycle import request_transition
from embrace.cases.models import Case
from embrace.core.tasks import housekeeping
from embrace.passage import actions
from embrace.passage.actions import PassageError
from embrace.passage.models import PassagePlan, PlanEntry
from embrace.passage.tests.conftest import Crew, approve_passage, bring_to_arrival, keyring_of, new_case
from embrace.retention.actions import apply_retention
from embrace.retention.models import Rule, RuleKey
from embrace.testing.personas import log_in
from embrace.vault.keyring import NoAccess
from embrace.vault.models import CompartmentKey, Grant
from embrace.vault.tests import seized

MEETING = "MEETING-MARKER-42 Thingannyinaung pagoda gate"
ROUTE = "ROUTE-MARKER-43 by river to Mae Sot"


def _write(crew: Crew, plan: PassagePlan) -> list[bytes]:
    entries = [
        actions.add_plan_entry(plan, {"kind": "meeting_point", "text": MEETING}, actor=crew.courier.user),
        actions.add_plan_entry(plan, {"kind": "segment", "text": ROUTE}, actor=crew.second_courier.user),
    ]
    return [bytes(e.envelope) for e in entries]


def _grace(days: int) -> None:
    """The passage rule's days after arrival (two administrators change it; here it is set directly)."""
    Rule.objects.current()
    Rule.objects.filter(key=RuleKey.PASSAGE).update(days=days)


def _destroy_due(on: datetime.date) -> int:
    """What housekeeping does on ``on``: run the retention rules; how many plans the passage rule reached."""
    return apply_retention(on)[RuleKey.PASSAGE]


def _events(event: Event, plan: PassagePlan) -> int:
    return AuditEntry.objects.filter(event=event, subject=subject_of(plan)).count()


@pytest.mark.django_db
def test_housekeeping_notes_arrival_and_destroys_nothing_before_the_grace_period(
    crew: Crew, plan: PassagePlan
) -> None:
    _grace(7)
    _write(crew, plan)
    case = bring_to_arrival(crew, plan.case)
    # The case moves on before housekeeping runs: the arrival is still found, by its step in the history.
    request_transition(case, "record_screening", actor=crew.reviewer.user)
    housekeeping.call()
    plan.refresh_from_db()
    assert plan.arrived_on == today()
    assert plan.destroyed_on is None
    assert _events(Event.PASSAGE_ARRIVAL_NOTED, plan) == 1
    for day in range(7):
        assert _destroy_due(today() + datetime.timedelta(days=day)) == 0
    assert PlanEntry.objects.filter(plan=plan).count() == 2
    assert plan.compartment is not None
    assert CompartmentKey.objects.filter(compartment=plan.compartment).exists()
    assert json.loads(keyring_of(crew.courier).open(bytes(PlanEntry.objects.first().envelope)))["text"]  # type: ignore[union-attr]
    housekeeping.call()  # idempotent: noted once, still nothing destroyed
    assert _events(Event.PASSAGE_ARRIVAL_NOTED, plan) == 1
    assert _events(Event.PASSAGE_DESTROYED, plan) == 0


@pytest.mark.django_db
def test_a_plan_whose_case_has_not_arrived_is_kept(crew: Crew, plan: PassagePlan) -> None:
    _grace(0)
    _write(crew, plan)
    request_transition(plan.case, "plan_passage", actor=crew.handler.user)
    request_transition(plan.case, "begin_transit", actor=crew.handler.user)
    housekeeping.call()
    assert _destroy_due(today() + datetime.timedelta(days=365)) == 0
    plan.refresh_from_db()
    assert plan.arrived_on is None
    assert plan.destroyed_on is None
    assert PlanEntry.objects.filter(plan=plan).count() == 2


@pytest.mark.django_db
def test_after_the_grace_period_keys_and_entries_are_destroyed_once(
    client: Client, crew: Crew, plan: PassagePlan
) -> None:
    _grace(7)
    envelopes = _write(crew, plan)
    bring_to_arrival(crew, plan.case)
    # The arrival step itself notes the day (cases.lifecycle); noting it again changes nothing.
    assert PassagePlan.objects.get(pk=plan.pk).arrived_on == today()
    assert actions.note_arrival(plan.case) is False
    due = today() + datetime.timedelta(days=7)

    assert _destroy_due(due) == 1

    plan.refresh_from_db()
    assert plan.destroyed_on == due
    assert plan.compartment is not None
    assert plan.compartment.destroyed_at is not None
    assert not PlanEntry.objects.filter(plan=plan).exists()
    assert not CompartmentKey.objects.filter(compartment=plan.compartment).exists()
    assert not Grant.objects.filter(key__compartment=plan.compartment).exists()
    for envelope in envelopes:
        with pytest.raises(NoAccess):
            keyring_of(crew.courier).open(envelope)
    destroyed = AuditEntry.objects.get(event=Event.PASSAGE_DESTROYED, subject=subject_of(plan))
    assert destroyed.data == {"case": str(plan.case_id), "entries": 2}
    assert AuditEntry.objects.filter(
        event=Event.COMPARTMENT_DESTROYED, subject=subject_of(plan.compartment)
    ).exists()
    # Idempotent: a second run, or a later day, destroys nothing more and writes nothing more; nor does a
    # run that had listed the plan before the first one destroyed it.
    assert actions.destroy_plan(plan, on=due) is False
    assert _destroy_due(due) == 0
    assert _destroy_due(due + datetime.timedelta(days=30)) == 0
    assert _events(Event.PASSAGE_DESTROYED, plan) == 1
    assert verify_chain().ok
    with pytest.raises(PassageError, match="destroyed"):
        actions.add_plan_entry(plan, {"kind": "note", "text": "late"}, actor=crew.courier.user)
    log_in(client, crew.courier)
    page = client.get(reverse("passage:plan", args=[plan.case_id]))
    assert page.status_code == 410
    assert MEETING not in page.content.decode()
    assert (
        client.post(
            reverse("passage:add_entry", args=[plan.case_id]), {"kind": "note", "text": "x"}
        ).status_code
        == 410
    )


@pytest.mark.django_db
def test_housekeeping_destroys_a_plan_once_the_grace_period_is_over(crew: Crew, plan: PassagePlan) -> None:
    _grace(0)
    _write(crew, plan)
    bring_to_arrival(crew, plan.case)
    housekeeping.call()
    plan.refresh_from_db()
    assert plan.destroyed_on == today()
    assert not PlanEntry.objects.filter(plan=plan).exists()
    assert not CompartmentKey.objects.filter(compartment=plan.compartment).exists()
    assert _events(Event.PASSAGE_ARRIVAL_NOTED, plan) == 1
    assert _events(Event.PASSAGE_DESTROYED, plan) == 1


@pytest.mark.django_db(transaction=True)
def test_a_destroyed_plan_leaves_no_ciphertext_or_key_in_the_database_file_or_its_wal(crew: Crew) -> None:
    _grace(0)
    doomed_case = approve_passage(crew, new_case(crew))
    kept_case = approve_passage(crew, new_case(crew))
    doomed = actions.open_passage(doomed_case, crew.passage_team, actor=crew.handler.user)
    kept = actions.open_passage(kept_case, crew.passage_team, actor=crew.handler.user)
    envelopes = _write(crew, doomed)
    survivor = bytes(
        actions.add_plan_entry(
            kept, {"kind": "note", "text": "still planning"}, actor=crew.courier.user
        ).envelope
    )
    assert doomed.compartment is not None
    secrets = {f"entry {i}": envelope for i, envelope in enumerate(envelopes)}
    for grant in Grant.objects.filter(key__compartment=doomed.compartment):
        secrets[f"sealed grant of {grant.user_id}"] = bytes(grant.sealed_private_key)
    secrets["compartment private key"] = keyring_of(crew.courier).compartment_private_key(
        doomed.compartment.current_key
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # as some builds default; destruction must not rely on it
            cursor.execute("PRAGMA secure_delete = OFF")
    before = {"table rows": seized.table_rows(), **seized.data_folder()}
    assert all(
        seized.find(envelope, before) for envelope in envelopes
    )  # the scan does see them while they live

    bring_to_arrival(crew, Case.objects.get(pk=doomed_case.pk))
    housekeeping.call()

    assert PassagePlan.objects.get(pk=doomed.pk).destroyed_on == today()
    copy = {"table rows": seized.table_rows(), **seized.data_folder()}
    if connection.vendor == "sqlite":
        assert any(name.startswith("test.sqlite3") for name in copy)
    assert any(survivor in data for data in copy.values())  # what was not destroyed is still seen
    leaks = {name: where for name, secret in secrets.items() if (where := seized.find(secret, copy))}
    assert leaks == {}
    for marker in (MEETING.encode(), ROUTE.encode()):
        assert [name for name, data in copy.items() if marker in data] == []
