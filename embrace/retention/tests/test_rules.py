"""Each retention rule destroys exactly the cases it names, on the day it names (dates, not waiting), through
the one destroy path: keys and ciphertext rows gone, the fact in the audit log, everything else untouched."""

from __future__ import annotations

import datetime
import secrets

import pytest

from embrace.accounts.models import Team
from embrace.audit.events import Event
from embrace.audit.log import subject_of, verify_chain
from embrace.audit.models import AuditEntry
from embrace.cases.actions import today
from embrace.cases.lifecycle import request_transition
from embrace.cases.models import Case, Message, Note
from embrace.core.tasks import housekeeping
from embrace.intake.actions import submit_enquiry
from embrace.retention.actions import apply_retention
from embrace.retention.models import Rule, RuleKey
from embrace.testing.personas import PASSWORD, Persona
from embrace.vault.keyring import NoAccess, unlock_with_password
from embrace.vault.models import CompartmentKey, Grant, ReceiptHolder

pytestmark = pytest.mark.django_db


def enquiry(*, quarantine: bool = False) -> Case:
    marker = secrets.token_hex(6)
    case, _ = submit_enquiry(
        {"text": f"body {marker}"},
        {"name": f"name {marker}", "contact": "+959451112233"},
        [],
        token=secrets.token_hex(8),
        quarantine=quarantine,
    )
    return case


def keys_left(case: Case) -> int:
    case = Case.objects.get(pk=case.pk)
    compartments = [case.body_id, case.identity_id, case.notes_id]
    return CompartmentKey.objects.filter(compartment_id__in=compartments).count()


def run(days: int) -> dict[str, int]:
    return apply_retention(today() + datetime.timedelta(days=days))


def test_each_rule_destroys_its_cases_on_its_day_and_nothing_else(
    intake_route: object, intake_officer: Persona
) -> None:
    junk = enquiry(quarantine=True)
    withdrawn = request_transition(enquiry(), "withdraw", actor=intake_officer.user, reason="moved away")
    lost = request_transition(enquiry(), "lose_contact", actor=intake_officer.user)
    open_case = enquiry()
    duplicate = request_transition(
        enquiry(), "mark_duplicate", actor=intake_officer.user, duplicate_of=open_case
    )
    assert isinstance(withdrawn, Case)
    assert isinstance(lost, Case)
    assert isinstance(duplicate, Case)
    everyone = (junk, withdrawn, lost, duplicate, open_case)
    keys = {case.pk: keys_left(case) for case in everyone}
    assert all(keys.values())

    def destroyed() -> set[str]:
        return {case.reference for case in everyone if keys_left(case) == 0}

    assert sum(run(29).values()) == 0
    assert destroyed() == set()
    assert run(30)[RuleKey.QUARANTINED] == 1
    assert destroyed() == {junk.reference}
    assert sum(run(179).values()) == 0
    assert destroyed() == {junk.reference}
    done = run(180)
    assert (done[RuleKey.WITHDRAWN], done[RuleKey.LOST_CONTACT]) == (1, 1)
    assert destroyed() == {junk.reference, withdrawn.reference, lost.reference}
    # Duplicates are kept until purged by hand, and a case still open is never reached.
    assert sum(run(3650).values()) == 0
    assert keys_left(duplicate) == keys[duplicate.pk]
    assert keys_left(open_case) == keys[open_case.pk]
    # The fact, not the content: reference, kinds, rule and day, once per case.
    facts = AuditEntry.objects.filter(event=Event.CONTENT_DESTROYED).order_by("seq")
    assert [(entry.data["reference"], entry.data["rule"]) for entry in facts] == [
        (junk.reference, "quarantined"),
        (withdrawn.reference, "withdrawn"),
        (lost.reference, "lost_contact"),
    ]
    assert facts[1].data["kinds"] == ["body", "identity", "notes", "vetting", "passage"]
    assert facts[1].data["on"] == (today() + datetime.timedelta(days=180)).isoformat()
    assert facts[1].subject == subject_of(withdrawn)
    assert verify_chain().ok


def test_the_days_count_from_the_move_into_the_status_not_from_the_opening(
    intake_route: object, intake_officer: Persona
) -> None:
    case = enquiry()
    Case.objects.filter(pk=case.pk).update(opened_on=today() - datetime.timedelta(days=400))
    request_transition(case, "withdraw", actor=intake_officer.user)
    assert run(179)[RuleKey.WITHDRAWN] == 0
    assert run(180)[RuleKey.WITHDRAWN] == 1


def test_a_changed_rule_applies_from_the_next_run(intake_route: object, intake_officer: Persona) -> None:
    case = request_transition(enquiry(), "withdraw", actor=intake_officer.user)
    assert isinstance(case, Case)
    Rule.objects.filter(key=RuleKey.WITHDRAWN).update(days=None)
    assert run(3650).get(RuleKey.WITHDRAWN, 0) == 0
    assert keys_left(case)
    Rule.objects.filter(key=RuleKey.WITHDRAWN).update(days=10)
    assert run(10)[RuleKey.WITHDRAWN] == 1
    assert keys_left(case) == 0


def test_after_destruction_the_keys_and_ciphertext_rows_are_gone(
    intake_route: object, intake_officer: Persona, other_team: Team
) -> None:
    case = enquiry()
    other = enquiry()
    officer = unlock_with_password(intake_officer.user, PASSWORD)
    envelope = bytes(Message.objects.get(case=case).envelope)
    assert officer.open(envelope)
    identity = bytes(Case.objects.get(pk=case.pk).identity_details or b"")
    assert identity
    request_transition(case, "withdraw", actor=intake_officer.user, reason="moved away")
    case = Case.objects.select_related("body", "identity", "notes", "receipt").get(pk=case.pk)
    assert Note.objects.filter(case=case).exists()
    holder = case.receipt
    assert holder is not None

    assert run(180)[RuleKey.WITHDRAWN] == 1

    case = Case.objects.select_related("body", "identity", "notes").get(pk=case.pk)
    for compartment in (case.body, case.identity, case.notes):
        assert compartment is not None
        assert compartment.destroyed_at is not None
        assert not CompartmentKey.objects.filter(compartment=compartment).exists()
        assert not Grant.objects.filter(key__compartment=compartment).exists()
    assert not Message.objects.filter(case=case).exists()
    assert not Note.objects.filter(case=case).exists()
    assert case.identity_details is None
    assert case.receipt_id is None
    assert not ReceiptHolder.objects.filter(pk=holder.pk).exists()
    with pytest.raises(NoAccess):
        unlock_with_password(intake_officer.user, PASSWORD).open(envelope)
    # The row stays for the counts, with its status; the other case is whole.
    assert case.status == "withdrawn"
    assert keys_left(other)
    assert Message.objects.filter(case=other).exists()
    assert officer.open(bytes(Message.objects.get(case=other).envelope))


def test_housekeeping_runs_the_rules_and_a_second_run_destroys_nothing_more(
    intake_route: object, intake_officer: Persona
) -> None:
    case = enquiry(quarantine=True)
    Case.objects.filter(pk=case.pk).update(opened_on=today() - datetime.timedelta(days=30))
    assert housekeeping.call()["destroyed"] == 1
    assert keys_left(case) == 0
    assert housekeeping.call()["destroyed"] == 0
    assert AuditEntry.objects.filter(event=Event.CONTENT_DESTROYED).count() == 1
