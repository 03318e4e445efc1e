"""A destruction leaves nothing behind in the files: on SQLite, the destroying connection zeroes what it
deletes (``secure_delete``) and the WAL is emptied, so a seized data folder holds neither the ciphertext nor
the sealed keys; on PostgreSQL, the touched tables are vacuumed after commit, and no dead row keeps them."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from embrace.cases.actions import today
from embrace.cases.lifecycle import request_transition
from embrace.cases.models import Case, Message
from embrace.core.tasks import housekeeping
from embrace.retention.actions import apply_retention
from embrace.retention.destroy import KINDS, destroy_case_content
from embrace.retention.models import Rule, RuleKey
from embrace.retention.tests.test_rules import enquiry
from embrace.testing.personas import Persona
from embrace.vault.models import Grant
from embrace.vault.tests import seized


def _secure_delete_off() -> None:
    # As some SQLite builds default: destruction must not rely on it being on already.
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = OFF")


@pytest.mark.django_db
def test_the_destroying_connection_has_secure_delete_on(intake_route: object) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("secure_delete is SQLite's")
    case = enquiry()
    _secure_delete_off()
    destroy_case_content(case, KINDS, rule="test", on=today(), actor=None)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        assert cursor.fetchone()[0] == 1


@pytest.mark.django_db(transaction=True)
def test_a_withdrawn_case_leaves_no_ciphertext_or_key_in_the_data_folder(
    intake_route: object, intake_officer: Persona
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the database is not in the data folder on PostgreSQL (see the VACUUM test)")
    case = enquiry()
    kept = enquiry()
    secrets = {"message": bytes(Message.objects.get(case=case).envelope)}
    secrets["identity"] = bytes(Case.objects.get(pk=case.pk).identity_details or b"")
    for i, grant in enumerate(Grant.objects.filter(key__compartment__in=[case.body_id, case.identity_id])):
        secrets[f"sealed key {i}"] = bytes(grant.sealed_private_key)
    survivor = bytes(Message.objects.get(case=kept).envelope)
    request_transition(case, "withdraw", actor=intake_officer.user)
    _secure_delete_off()
    before = seized.data_folder()
    assert all(
        seized.find(secret, before) for secret in secrets.values()
    )  # the scan sees them while they live

    # Housekeeping runs 180 days later (the default rule); its connection starts with secure_delete off.
    _secure_delete_off()
    Rule.objects.filter(key=RuleKey.WITHDRAWN).update(days=180)
    housekeeping.call()  # today: nothing due yet
    assert Message.objects.filter(case=case).exists()

    apply_retention(today() + datetime.timedelta(days=180))

    copy = {"table rows": seized.table_rows(), **seized.data_folder()}
    assert any(survivor in data for data in copy.values())  # what was not destroyed is still seen
    leaks = {name: where for name, secret in secrets.items() if (where := seized.find(secret, copy))}
    assert leaks == {}


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_touched_tables_are_vacuumed_after_a_destruction(
    intake_route: object, intake_officer: Persona
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("VACUUM is PostgreSQL's")
    case = enquiry()
    request_transition(case, "withdraw", actor=intake_officer.user)

    def vacuumed() -> dict[str, object]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT relname, last_vacuum FROM pg_stat_user_tables WHERE relname = ANY(%s)",
                [["vault_compartmentkey", "vault_grant", "cases_message"]],
            )
            return dict(cursor.fetchall())

    before = vacuumed()

    assert apply_retention(today() + datetime.timedelta(days=180))[RuleKey.WITHDRAWN] == 1
    after = vacuumed()
    assert set(after) == {"vault_compartmentkey", "vault_grant", "cases_message"}
    # Vacuumed by this destruction: an earlier test's VACUUM may have set a time, this one moves it on.
    assert all(
        when is not None and (before[name] is None or when > before[name]) for name, when in after.items()
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'vault_compartmentkey'")
        assert cursor.fetchone()[0] == 0
