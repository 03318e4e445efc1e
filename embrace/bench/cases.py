"""Staff casework at scale: 100,000 synthetic cases, then the inbox, a filtered list and an identifier search
through the real server, and a new enquiry's duplicate check in-process.

The cases come from ``embrace synthetic_cases`` (real sealed compartments, Burmese messages, blind-indexed
identifiers, statuses reached through the lifecycle) in the bench's temporary data folder; its generation time
is reported too. The command makes the first 2,000 (``EMBRACE_BENCH_COMMAND_CASES``); the rest are filled in
bulk from the same plans by ``embrace.bench.casefill``, which takes minutes rather than an hour.

The pages are fetched by a logged-in intake officer (password and TOTP through the real login views) from
``embrace serve`` on 127.0.0.1, one request at a time: on loopback the time at the client is the server's
time plus well under a millisecond. Where the time goes is shown by the database part alone
(the page's queries, in this process) and by SQLite's query plan. Targets are reported, never asserted.
"""

from __future__ import annotations

import base64
import datetime
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from embrace.bench.harness import Benchmark, Row
from embrace.bench.http_client import Client, hidden_fields
from embrace.bench.http_server import running_server

CASES = int(os.environ.get("EMBRACE_BENCH_CASES", "100000"))
# The first cases are made by `embrace synthetic_cases` itself, to time it; the rest in bulk (bench.casefill).
COMMAND_CASES = min(CASES, int(os.environ.get("EMBRACE_BENCH_COMMAND_CASES", "2000")))
SEED = "bench"
REQUESTS = 100
WARM_UP = 5
DUPLICATE_CHECKS = 300
TARGET_PAGE_MS = 150.0
TARGET_DUPLICATE_MS = 20.0
STATUS, LABEL = "triage", "navy"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _percentiles(seconds: list[float]) -> tuple[float, float]:
    ms = sorted(s * 1000 for s in seconds)
    return statistics.median(ms), ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]


def _made_marker() -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR) / f"bench-cases-{CASES}-{COMMAND_CASES}.json"


def _generate() -> tuple[int, float, float, int]:
    """Run the command as an operator would on the first cases, its progress line passed through to the
    bench's stderr, then fill the rest in bulk. Returns (cases made by the command, its seconds, the bulk
    fill's seconds, the cases there were before: the demo's examples).

    In a data folder kept between runs (``EMBRACE_BENCH_DATA_DIR``) that already holds these cases, nothing
    is made again: the figures of the run that made them are reported.
    """
    marker = _made_marker()
    if marker.exists():
        made = json.loads(marker.read_text())
        return made["by_command"], made["generation"], made["bulk"], made["before"]
    figures = _make()
    marker.write_text(
        json.dumps(dict(zip(("by_command", "generation", "bulk", "before"), figures, strict=True)))
    )
    return figures


def _make() -> tuple[int, float, float, int]:
    from django.db import connections

    from embrace.bench.casefill import fill
    from embrace.cases.models import Case

    for args in (("migrate", "--no-input", "-v0"), ("demo",)):
        subprocess.run(  # noqa: S603  (our own interpreter and fixed arguments)
            [sys.executable, "-m", "embrace.cli", *args], check=True, capture_output=True
        )
    before = Case.objects.count()
    start = time.perf_counter()
    subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-m",
            "embrace.cli",
            "synthetic_cases",
            str(COMMAND_CASES),
            "--seed",
            SEED,
            "--team",
            _team(),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    bulk = fill(_team(), SEED, COMMAND_CASES, CASES)
    connections.close_all()
    # A deployed server runs housekeeping every 15 minutes (which lets SQLite's planner learn the tables'
    # sizes); run it once, as a server that has been up a quarter of an hour would have.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "embrace.cli",
            "shell",
            "-c",
            "from embrace.core.tasks import housekeeping; housekeeping.call()",
        ],
        check=True,
        capture_output=True,
    )
    return COMMAND_CASES, elapsed, bulk, before


def _team() -> str:
    # The demo intake officer's team, which receives the demo's enquiries.
    from embrace.core.management.commands.demo import NORTH

    return NORTH


def _credentials(role: str) -> tuple[str, str, bytes]:
    from embrace.accounts.roles import Role
    from embrace.core.management.commands.demo import credentials_path, demo_username, read_credentials

    found = read_credentials(credentials_path())[demo_username(Role(role))]
    secret = found.totp_secret
    return found.username, found.password, base64.b32decode(secret + "=" * (-len(secret) % 8))


def _log_in(port: int, role: str = "intake_officer") -> Client:
    from django_otp.oath import totp

    username, password, key = _credentials(role)
    client = Client(port)
    form = hidden_fields(client.get("/staff/login/").text)
    reply = client.post_form(
        "/staff/login/",
        {"csrfmiddlewaretoken": form["csrfmiddlewaretoken"], "username": username, "password": password},
    )
    if reply.status != 302:
        raise RuntimeError(f"login answered {reply.status}")
    form = hidden_fields(client.get("/staff/login/code/").text)
    code = f"{totp(key, step=30, t0=0, digits=6):06d}"
    reply = client.post_form(
        "/staff/login/code/", {"csrfmiddlewaretoken": form["csrfmiddlewaretoken"], "code": code}
    )
    if reply.status != 302:
        raise RuntimeError(f"the TOTP step answered {reply.status}")
    return client


def _time(request: Callable[[], tuple[int, float]], count: int = REQUESTS) -> list[float]:
    for _ in range(WARM_UP):
        request()
    times = []
    for _ in range(count):
        status, seconds = request()
        if status != 200:
            raise RuntimeError(f"a timed request answered {status}")
        times.append(seconds)
    return times


def _phones() -> list[str]:
    """Phone numbers of generated cases, as the command spelt them (recomputed from the seed)."""
    from embrace.cases.management.commands.synthetic_cases import _phone

    return [_phone(SEED, i) for i in range(0, CASES, max(1, CASES // 500))]


def _page_row(label: str, times: list[float], note: str) -> Row:
    p50, p95 = _percentiles(times)
    return Row(
        f"{label}: p95 (p50)",
        p95,
        "ms",
        f"p50 {p50:.1f} ms over {len(times)} requests; {note}; ≤ {TARGET_PAGE_MS:.0f} ms p95: "
        f"{_verdict(p95 <= TARGET_PAGE_MS)}",
    )


def _plan(sql: str, params: tuple[Any, ...]) -> str:
    from django.db import connection

    if connection.vendor != "sqlite":
        return "plan shown for SQLite only"
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        details = [row[-1] for row in cursor.fetchall()]
    return "plan: " + "; ".join(details)


def _database_part(user_name: str) -> list[Row]:
    """The inbox's and the filtered list's queries alone (count and first page), and their plans."""
    from embrace.accounts.models import User
    from embrace.cases import queries, search

    user = User.objects.get(username=user_name)
    rows = []
    for label, cases in (
        ("triage inbox", queries.triage_inbox(user)),
        (
            f"filtered list (status {STATUS}, label {LABEL})",
            search.search_cases(user, search.Filters(status=STATUS, label=LABEL)),
        ),
    ):
        times = []
        for _ in range(30):
            start = time.perf_counter()
            # A fresh queryset each time: a queryset caches its results.
            cases.all().count()
            list(cases.all()[:50])
            times.append(time.perf_counter() - start)
        p50, p95 = _percentiles(times)
        sql, params = cases[:50].query.sql_with_params()
        rows.append(Row(f"{label}, queries only: p95", p95, "ms", f"p50 {p50:.1f} ms; {_plan(sql, params)}"))
    return rows


def _duplicate_check() -> Row:
    """index_identifiers + find_duplicates for a new case, each in a transaction rolled back afterwards."""
    from django.db import transaction

    from embrace.accounts.models import Team
    from embrace.cases.duplicates import find_duplicates, index_identifiers
    from embrace.cases.models import Case
    from embrace.vault import actions as vault

    team = Team.objects.get(name=_team())
    phones = _phones()
    times, found = [], 0
    today = datetime.date.today()
    for i in range(DUPLICATE_CHECKS):
        with transaction.atomic():
            case = Case.objects.create(
                team=team,
                opened_on=today,
                last_enquirer_on=today,
                body=vault.create_compartment("body", [], actor=None, audited=False),
                identity=vault.create_compartment("identity", [], actor=None, audited=False),
            )
            start = time.perf_counter()
            index_identifiers(case, phones=[phones[i % len(phones)]], names=["အောင်ကျော်"])
            duplicates = find_duplicates(case)
            times.append(time.perf_counter() - start)
            found += bool(duplicates)
            transaction.set_rollback(True)
    p50, p95 = _percentiles(times)
    return Row(
        "duplicate check of a new enquiry: p95",
        p95,
        "ms",
        f"p50 {p50:.2f} ms over {DUPLICATE_CHECKS} checks (index a phone and a name, then find other cases "
        f"sharing any; {found} of {DUPLICATE_CHECKS} found some); ≤ {TARGET_DUPLICATE_MS:.0f} ms p95: "
        f"{_verdict(p95 <= TARGET_DUPLICATE_MS)}",
    )


def casework() -> list[Row]:
    from django.db import connections

    from embrace.cases.models import Case

    by_command, generation, bulk, examples = _generate()
    made = Case.objects.count() - examples
    rows = [
        Row(
            f"`embrace synthetic_cases {by_command:,}`",
            by_command / generation,
            "cases/s",
            f"{generation:.0f} s for the first {by_command:,} cases (sealed compartments, 1 to 4 messages, "
            "identifiers indexed, lifecycle steps with their audit entries; no receipts)",
        ),
        Row(
            f"the other {made - by_command:,} cases in bulk",
            (made - by_command) / bulk if bulk else 0.0,
            "cases/s",
            f"{bulk:.0f} s; the same plans and rows, thousands at a time, without an audit entry per "
            f"lifecycle step; {made:,} cases in all",
        ),
        _duplicate_check(),
    ]
    from embrace.accounts.roles import Role
    from embrace.core.management.commands.demo import demo_username

    rows += _database_part(demo_username(Role.INTAKE_OFFICER))
    connections.close_all()  # the server's workers write to the same SQLite file
    phones = _phones()
    # Identifier search answers only those whose keys open the identities (the demo custodian here), a few
    # dozen times an hour per person: the server this bench starts allows enough searches for the run.
    os.environ["EMBRACE_IDENTIFIER_SEARCHES_PER_HOUR"] = str(10 * (REQUESTS + WARM_UP))
    with running_server() as server:
        client = _log_in(server.port)
        custodian = _log_in(server.port, "custodian")
        try:
            inbox = _time(lambda: _get(client, "/staff/cases/"))
            query = urlencode({"status": STATUS, "label": LABEL})
            filtered = _time(lambda: _get(client, f"/staff/cases/search/?{query}"))
            token = hidden_fields(custodian.get("/staff/cases/search/").text)["csrfmiddlewaretoken"]
            turn = iter(range(10**9))

            def identifier() -> tuple[int, float]:
                phone = phones[next(turn) % len(phones)]
                fields = {"csrfmiddlewaretoken": token, "kind": "phone", "identifier": phone}
                reply = custodian.post_form("/staff/cases/search/", fields)
                return reply.status, reply.seconds

            by_identifier = _time(identifier)
        finally:
            client.close()
            custodian.close()
        os.environ.pop("EMBRACE_IDENTIFIER_SEARCHES_PER_HOUR", None)
    rows += [
        _page_row(
            "triage inbox, first page of 50", inbox, "each row's first message decrypted for its summary"
        ),
        _page_row(f"filtered list, status {STATUS} + label {LABEL}", filtered, "first page of 50, decrypted"),
        _page_row(
            "identifier search (phone, by blind index)",
            by_identifier,
            "POST by the demo custodian, a different number each time; each candidate's identity key checked",
        ),
    ]
    return rows


def _get(client: Client, path: str) -> tuple[int, float]:
    reply = client.get(path)
    return reply.status, reply.seconds


BENCHMARKS = [
    Benchmark(
        "cases",
        f"Casework at {CASES:,} cases",
        "`embrace synthetic_cases` makes the first cases of a fresh data folder (after `embrace migrate` "
        "and `embrace demo`), realistic ones in the demo's northern intake team, and the rest are filled in "
        "bulk from the same plans (`embrace.bench.casefill`: the same sealed rows, without an audit entry "
        "per lifecycle step); then `embrace serve --no-worker` "
        "answers the demo intake officer, logged in through the real password and TOTP views, one request"
        " at a time on one keep-alive connection. Times are at the client on 127.0.0.1 (the server's time"
        " plus well under a millisecond); the database part alone and SQLite's query plan show where the "
        "time goes. The duplicate check is timed in-process: indexing a new enquiry's phone number and "
        "name, then one query for other cases sharing any. `EMBRACE_BENCH_CASES` changes the number of "
        "cases; a data folder kept with `EMBRACE_BENCH_DATA_DIR` keeps them for the next run. Targets are "
        "reported, not asserted.",
        casework,
    ),
]
