"""Two housekeeping runners (two instances, or housekeeping and an officer emptying the quarantine) that find
the same cases due destroy each once: one audit entry per case and per compartment, never two.

The runners are threads with their own database connections. On PostgreSQL (CI) the second waits on the
case's row lock and then finds nothing left; on SQLite writers are serialised by IMMEDIATE transactions and
the second finds the same."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection

from embrace.audit.events import Event
from embrace.audit.log import subject_of, verify_chain
from embrace.audit.models import AuditEntry
from embrace.cases.actions import today
from embrace.cases.models import Case
from embrace.retention.actions import DESTROYS, due_cases
from embrace.retention.destroy import KINDS, destroy_case_content
from embrace.retention.models import Rule, RuleKey
from embrace.retention.tests.test_rules import enquiry, keys_left

RUNNERS = 2


@pytest.mark.django_db(transaction=True)
def test_two_runners_that_find_the_same_cases_due_destroy_and_audit_each_once(intake_route: object) -> None:
    cases = [enquiry(quarantine=True) for _ in range(3)]
    Case.objects.filter(pk__in=[c.pk for c in cases]).update(opened_on=today() - datetime.timedelta(days=30))
    on = today()
    rule = next(r for r in Rule.objects.current() if r.key == RuleKey.QUARANTINED)
    both_listed = threading.Barrier(RUNNERS)
    destroyed: list[list[str]] = []
    failures: list[BaseException] = []

    def runner() -> None:
        try:
            due = list(due_cases(rule, on))
            # Both have read the same due list before either destroys anything: the race housekeeping on
            # two instances runs into.
            both_listed.wait(timeout=60)
            for case in due:
                destroyed.append(
                    destroy_case_content(
                        case, DESTROYS[rule.key], rule=rule.key, on=on, actor=None, scrub=False
                    )
                )
        except BaseException as exc:  # reported below, where pytest can see it
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner) for _ in range(RUNNERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert sorted(destroyed, key=len) == [[]] * len(cases) + [list(KINDS)] * len(cases)
    for case in cases:
        assert keys_left(case) == 0
        assert AuditEntry.objects.filter(event=Event.CONTENT_DESTROYED, subject=subject_of(case)).count() == 1
    compartments = [
        c for case in Case.objects.filter(pk__in=[c.pk for c in cases]) for c in (case.body, case.identity)
    ]
    for compartment in compartments:
        assert (
            AuditEntry.objects.filter(
                event=Event.COMPARTMENT_DESTROYED, subject=subject_of(compartment)
            ).count()
            == 1
        )
    assert verify_chain().ok


@pytest.mark.django_db
def test_destroying_what_is_already_destroyed_changes_nothing_and_logs_nothing(intake_route: object) -> None:
    case = enquiry(quarantine=True)
    assert destroy_case_content(case, KINDS, rule="quarantine emptied", on=today(), actor=None) == list(KINDS)
    entries = AuditEntry.objects.count()

    assert destroy_case_content(case, KINDS, rule="quarantine emptied", on=today(), actor=None) == []
    assert AuditEntry.objects.count() == entries
