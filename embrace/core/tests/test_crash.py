"""Crash safety: the whole `embrace serve` tree killed with SIGKILL under enquiry load.

Every receipt a client was shown must open its case afterwards, no case may be half-stored, and the database,
audit chain and ledger checks must pass. On SQLite always; on PostgreSQL too when the suite runs there (CI
sets DATABASE_URL), in a database of its own. The benchmark (`python -m embrace.bench --only crash`) does the
same with twenty kills and production costs; the test kills once, which proves the same things (receipts
shown before the kill open their cases, the restarted server stores whole cases, the checks pass) in a
third less time: each start of the server costs seconds of imports, and so does each `embrace` command,
so the set-up and the checks run in one process each.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from embrace.bench import crash
from embrace.core.tests.test_serve import embrace_env, free_port

pytestmark = pytest.mark.e2e
KILLS = 1


def _databases() -> list[str]:
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres:", "postgresql:"))
    return ["sqlite", "postgresql"] if on_postgres else ["sqlite"]


@pytest.fixture(params=_databases())
def database_url(request: pytest.FixtureRequest, django_db_blocker: object) -> Iterator[str]:
    if request.param == "sqlite":
        yield ""
        return
    # A database of its own on the suite's cluster: the server must not write into the test database.
    name = f"embrace_crash_{secrets.token_hex(4)}"
    with django_db_blocker.unblock(), connection.cursor() as cursor:  # type: ignore[attr-defined]
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres:///{name}"
    finally:
        with django_db_blocker.unblock(), connection.cursor() as cursor:  # type: ignore[attr-defined]
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_receipts_shown_survive_sigkill_of_every_server_process_and_no_case_is_half_stored(
    tmp_path: Path, database_url: str
) -> None:
    env = embrace_env(tmp_path / "data")
    env.update(EMBRACE_INTAKE_MIN_FILL_SECONDS="0", EMBRACE_RECEIPT_CONCURRENCY="4")
    if database_url:
        env["DATABASE_URL"] = database_url
    outcome = crash.run(
        env,
        free_port(),
        tmp_path / "serve.log",
        kills=KILLS,
        clients=16,
        between=(1.5, 3.0),
        min_fill=0,
        setup="minimal",
    )

    assert outcome.kills == KILLS
    # Not vacuous: the clients were really served between the kills, and each kill took the whole tree
    # (gunicorn's master, which `embrace serve` becomes, and its worker, whose thread runs the tasks).
    assert len(outcome.shown) >= 10, outcome
    assert outcome.shown_at_kills[0] > 0, "nothing was shown before the kill"
    assert len(outcome.shown) > outcome.shown_at_kills[-1], "the restarted server stored nothing"
    assert outcome.processes_killed >= 2 * KILLS
    assert outcome.problems == []
    assert outcome.cases - outcome.cases_before >= len(outcome.shown)
    assert outcome.checks["integrity"].startswith("Integrity OK")
