"""Check results and verdicts are sealed to the case's vetting compartment; the gate reads one clear yes/no.

A seized database must not say which enquirers a reviewer doubted: the tables and the audit log hold no
result or verdict, keyholders read them on the vetting page, others see that they are sealed.
"""

from __future__ import annotations

import datetime
import json
import secrets

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from embrace.accounts.models import User
from embrace.accounts.roles import Role
from embrace.audit.events import Event
from embrace.audit.models import AuditEntry
from embrace.cases.lifecycle import request_transition
from embrace.cases.models import Case
from embrace.intake.actions import submit_enquiry
from embrace.testing.personas import PASSWORD, Persona, log_in, make_persona
from embrace.vault import crypto
from embrace.vault.keyring import unlock_with_password
from embrace.vetting import actions
from embrace.vetting.models import CaseVetting, CheckDefinition, SignOff
from embrace.vetting.queries import passage_may_be_requested

pytestmark = [pytest.mark.usefixtures("intake_route")]

CLEAR_WORDS = ("genuine", "not_genuine", "unsure", "pass", "fail", "unclear")


@pytest.fixture
def reviewers(db: None) -> list[Persona]:
    return [make_persona(f"reviewer{i}", Role.VETTING_REVIEWER) for i in (1, 2)]


@pytest.fixture
def case(intake_officer: Persona, reviewers: list[Persona]) -> Case:
    case, _ = submit_enquiry({"text": "t"}, {}, [], token=secrets.token_hex(8), quarantine=False)
    for step in ("start_triage", "refer_for_vetting"):
        request_transition(case, step, actor=intake_officer.user)
    return Case.objects.get(pk=case.pk)


def _raw_rows(table: str, column: str, case: Case) -> list[bytes]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE case_id = %s", [case.pk.hex])  # noqa: S608
        return [bytes(row[0]) for row in cursor.fetchall()]


@pytest.mark.django_db
def test_the_database_and_the_audit_log_hold_no_result_or_verdict(
    case: Case, reviewers: list[Persona]
) -> None:
    client = log_in(Client(), reviewers[0])
    definition = CheckDefinition.objects.filter(active=True).first()
    assert definition is not None
    recorded = client.post(
        reverse("vetting:record_check", args=[case.pk]),
        {"definition": definition.pk, "result": "fail", "evidence": "story does not hold"},
    )
    assert recorded.status_code == 302
    signed = client.post(
        reverse("vetting:sign_off", args=[case.pk]), {"verdict": "not_genuine", "note": "doubtful"}
    )
    assert signed.status_code == 302
    stored = _raw_rows("vetting_casecheck", "result", case) + _raw_rows("vetting_signoff", "verdict", case)
    assert len(stored) == 2
    for value in stored:
        assert value.startswith(crypto.ENVELOPE_MAGIC)
        assert not any(word.encode() in value for word in CLEAR_WORDS)
    entries = AuditEntry.objects.filter(
        event__in=[Event.VETTING_CHECK_RECORDED, Event.VETTING_SIGNED_OFF], subject=f"cases.case:{case.pk}"
    )
    assert entries.count() == 2
    for entry in entries:
        assert not any(word in json.dumps(entry.data) for word in ("fail", "not_genuine"))


@pytest.mark.django_db
def test_keyholders_read_verdicts_and_others_see_that_they_are_sealed(
    case: Case, reviewers: list[Persona]
) -> None:
    for reviewer in reviewers:
        keyring = unlock_with_password(reviewer.user, reviewer.password)
        actions.sign_off(case, "genuine", "fine", actor=reviewer.user, keyring=keyring)
    assert passage_may_be_requested(case)[0]
    page = log_in(Client(), reviewers[0]).get(reverse("vetting:case", args=[case.pk])).content.decode()
    assert page.count("<td>Genuine</td>") == 2
    # A reviewer who joined after the vetting file was opened holds no key to it yet.
    late = make_persona("late_reviewer", Role.VETTING_REVIEWER, keys=False)
    page = log_in(Client(), late).get(reverse("vetting:case", args=[case.pk])).content.decode()
    assert "<td>Genuine</td>" not in page
    assert page.count("sealed: no key") == 2


@pytest.mark.django_db
def test_a_reviewer_without_the_vetting_key_cannot_sign_off(case: Case, reviewers: list[Persona]) -> None:
    first = reviewers[0]
    actions.sign_off(
        case, "genuine", "fine", actor=first.user, keyring=unlock_with_password(first.user, first.password)
    )
    late = make_persona("late_reviewer", Role.VETTING_REVIEWER, keys=False)
    response = log_in(Client(), late).post(
        reverse("vetting:sign_off", args=[case.pk]), {"verdict": "genuine", "note": "looks fine"}
    )
    assert response.status_code == 400
    assert "hold no key to this case" in response.content.decode()
    assert 'value="genuine" checked' in response.content.decode() or "looks fine" in response.content.decode()
    assert not SignOff.objects.filter(reviewer=late.user).exists()
    assert not passage_may_be_requested(case)[0]


@pytest.mark.django_db
def test_a_doubtful_verdict_keeps_the_case_from_clearing_until_two_say_genuine(
    case: Case, reviewers: list[Persona]
) -> None:
    third = make_persona("reviewer3", Role.VETTING_REVIEWER)
    vetting = CaseVetting.objects.filter(case=case)
    for reviewer, verdict in ((reviewers[0], "genuine"), (reviewers[1], "unsure")):
        keyring = unlock_with_password(reviewer.user, reviewer.password)
        actions.sign_off(case, verdict, "", actor=reviewer.user, keyring=keyring)
        assert not vetting.get().cleared_for_passage
    # The third reviewer was there when the file was opened, so holds its key.
    actions.sign_off(
        case, "genuine", "", actor=third.user, keyring=unlock_with_password(third.user, third.password)
    )
    cleared = vetting.get()
    assert cleared.cleared_for_passage
    assert set(cleared.cleared_by) == {str(reviewers[0].user.pk), str(third.user.pk)}


@pytest.mark.django_db(transaction=True)
def test_existing_clear_values_are_sealed_and_the_gate_kept_by_the_migration() -> None:
    before, after = [("vetting", "0002_seed_checklist")], [("vetting", "0003_seal_results_and_verdicts")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    today = datetime.date.today()
    public, private = crypto.generate_keypair()

    def compartment(kind: str):  # type: ignore[no-untyped-def]
        made = old.get_model("vault", "Compartment").objects.create(kind=kind)
        key = old.get_model("vault", "CompartmentKey").objects.create(
            compartment=made, version=1, public_key=public
        )
        return made, key

    team = old.get_model("accounts", "Team").objects.create(name="Old team")
    # Accounts stay at their newest schema (only vetting went back): make people with today's model, which
    # fills the columns added since (the staff language), and use them through the old one.
    user_model = old.get_model("accounts", "User")
    people = [
        user_model.objects.get(pk=User.objects.create(username=f"old{i}", password=PASSWORD).pk)
        for i in range(3)
    ]
    for person in people:
        old.get_model("accounts", "RoleAssignment").objects.create(user=person, role="vetting_reviewer")
    cases = []
    for label in ("cleared", "doubted"):
        case = old.get_model("cases", "Case").objects.create(
            reference=label.upper()[:8],
            status="vetting",
            team=team,
            opened_on=today,
            last_enquirer_on=today,
            body=compartment("body")[0],
            identity=compartment("identity")[0],
        )
        vetting_compartment, key = compartment("vetting")
        old.get_model("vetting", "CaseVetting").objects.create(case=case, compartment=vetting_compartment)
        cases.append((case, key))
    definition = old.get_model("vetting", "CheckDefinition").objects.order_by("position").first()
    (cleared, key), (doubted, _) = cases
    check_model, sign_off_model = old.get_model("vetting", "CaseCheck"), old.get_model("vetting", "SignOff")
    check_model.objects.create(
        case=cleared,
        definition=definition,
        result="fail",
        reviewer=people[0],
        recorded_on=today,
        evidence=b"",
    )
    for person, verdict in zip(people, ("genuine", "not_genuine", "genuine"), strict=True):
        sign_off_model.objects.create(
            case=cleared, reviewer=person, verdict=verdict, signed_on=today, note=b""
        )
    sign_off_model.objects.create(
        case=doubted, reviewer=people[0], verdict="genuine", signed_on=today, note=b""
    )
    sign_off_model.objects.create(
        case=doubted, reviewer=people[1], verdict="not_genuine", signed_on=today, note=b""
    )

    executor.loader.build_graph()
    executor.migrate(after)

    check = CheckDefinition.objects.get(pk=definition.pk).results.get()
    assert crypto.open_message(private, bytes(check.result)) == b"fail"
    opened = {
        str(s.reviewer_id): crypto.open_message(private, bytes(s.verdict))
        for s in SignOff.objects.filter(case_id=cleared.pk)
    }
    assert opened == {
        str(people[0].pk): b"genuine",
        str(people[1].pk): b"not_genuine",
        str(people[2].pk): b"genuine",
    }
    assert crypto.envelope_key_id(bytes(check.result)) == key.pk
    # Read through 0003's models: the newest CaseVetting has columns 0004 adds.
    gates = executor.loader.project_state(after).apps.get_model("vetting", "CaseVetting")
    gate = gates.objects.get(case_id=cleared.pk)
    assert gate.cleared_for_passage
    assert gate.cleared_by == [str(people[0].pk), str(people[2].pk)]
    assert not gates.objects.get(case_id=doubted.pk).cleared_for_passage
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
