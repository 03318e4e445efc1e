"""The analysts' dashboards at 100,000 cases: the statistics task's time, and each dashboard page's time.

The cases are the casework bench's (``embrace.bench.cases``: the demo, then ``embrace synthetic_cases`` and
the bulk fill, in the same data folder, made once when both benches run). The task is timed in-process, as the
worker runs it; then ``embrace serve --no-worker`` answers the demo analyst, logged in through the real
password and TOTP views, one request at a time. A page reads its snapshot and draws its charts; it counts
nothing, so its time should not depend on the number of cases. Targets are reported, never asserted.

The synthetic cases' lifecycle steps are all dated the day they were made, so "time in each stage" reads
zeros; what the task costs depends on the number of rows it reads, not on their dates.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from embrace.bench.cases import CASES, _generate, _get, _log_in, _page_row, _time
from embrace.bench.harness import Benchmark, Row
from embrace.bench.http_client import Client
from embrace.bench.http_server import running_server

TARGET_DASHBOARD_MS = 300.0


def _fetcher(client: Client, path: str) -> Callable[[], tuple[int, float]]:
    return lambda: _get(client, path)


def dashboards() -> list[Row]:
    from django.db import connections

    from embrace.cases.models import CaseTransition
    from embrace.figures.stats import DASHBOARDS, compute

    _generate()
    transitions = CaseTransition.objects.count()
    rows = []
    total = 0.0
    for name in DASHBOARDS:
        start = time.perf_counter()
        compute(name)
        seconds = time.perf_counter() - start
        total += seconds
        rows.append(Row(f"statistics task: {name}", seconds * 1000, "ms", "one snapshot, in-process"))
    rows.insert(
        0,
        Row(
            "statistics task: every dashboard",
            total,
            "s",
            f"{CASES:,} cases, {transitions:,} lifecycle steps; the worker runs it hourly and on demand",
        ),
    )
    connections.close_all()  # the server's workers read the same SQLite file
    with running_server() as server:
        client = _log_in(server.port, "analyst")
        try:
            times = {name: _time(_fetcher(client, f"/staff/figures/{name}/")) for name in DASHBOARDS}
        finally:
            client.close()
    for name, measured in times.items():
        row = _page_row(f"dashboard {name}", measured, "its snapshot read and its charts drawn")
        ok = row.value <= TARGET_DASHBOARD_MS
        note = (
            row.note.rsplit(";", 1)[0]
            + f"; ≤ {TARGET_DASHBOARD_MS:.0f} ms p95: "
            + ("met" if ok else "**missed**")
        )
        rows.append(Row(row.measure, row.value, row.unit, note))
    return rows


BENCHMARKS = [
    Benchmark(
        "figures",
        f"Dashboards at {CASES:,} cases",
        "The casework bench's cases (made once per data folder); the statistics task "
        "(`embrace.figures.tasks.compute_figures`) timed in-process per dashboard; then each dashboard page "
        "fetched 100 times by the demo analyst from `embrace serve --no-worker` on 127.0.0.1, one request at "
        "a time. The pages read snapshots only, so their time does not grow with the cases.",
        dashboards,
    ),
]
