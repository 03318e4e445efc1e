"""Retention at work: housekeeping destroys every case its rules say is due, through the one destroy path.

``embrace demo`` and ``embrace synthetic_cases`` make real cases (sealed compartments, messages, statuses
reached through the lifecycle) in a data folder of its own — a child process, so that the run reaches only
these cases and never the hundreds of thousands the casework and backup benches made (nor spoils them in a
folder kept with ``EMBRACE_BENCH_DATA_DIR``); then one ``apply_retention`` run, dated
ten years ahead so every rule with days is due, destroys what the rules reach. Reported: the cases reached,
the time per case (keys, ciphertext, audit entry, in its own transaction) and the scrub at the end (SQLite
checkpoint, or VACUUM on PostgreSQL), and a second run that finds nothing.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import time

from embrace.bench.harness import Benchmark, Row, print_rows, rows_from_child

CASES = int(os.environ.get("EMBRACE_BENCH_RETENTION_CASES", "1000"))


def retention_run() -> list[Row]:
    return rows_from_child("embrace.bench.retention")


def _measure() -> list[Row]:
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)

    from django.db import connections

    from embrace.cases.actions import today
    from embrace.retention import destroy
    from embrace.retention.actions import apply_retention

    for args in (("demo",), ("synthetic_cases", str(CASES), "--seed", "retention")):
        subprocess.run(  # noqa: S603  (our own interpreter and fixed arguments)
            [sys.executable, "-m", "embrace.cli", *args], check=True, capture_output=True
        )
    connections.close_all()
    on = today() + datetime.timedelta(days=3650)
    start = time.perf_counter()
    done = apply_retention(on)
    first = time.perf_counter() - start
    reached = sum(done.values())
    start = time.perf_counter()
    destroy.scrub_destroyed_rows()
    scrub = time.perf_counter() - start
    start = time.perf_counter()
    again = sum(apply_retention(on).values())
    second = time.perf_counter() - start
    per_case = first / reached * 1000 if reached else 0.0
    by_rule = ", ".join(f"{key} {count}" for key, count in done.items() if count)
    return [
        Row("cases whose content was destroyed", reached, "cases", by_rule or "none due"),
        Row("first run, all rules", first, "s", f"{per_case:.1f} ms per case, scrub included"),
        Row("a scrub on its own (checkpoint or VACUUM)", scrub * 1000, "ms", "after nothing new"),
        Row("second run", second * 1000, "ms", f"{again} destroyed: idempotent"),
    ]


BENCHMARKS = [
    Benchmark(
        "retention",
        f"Retention over {CASES:,} synthetic cases",
        "One housekeeping retention run dated ten years ahead destroys every case a rule reaches, one "
        "transaction per case, then scrubs the freed space. `EMBRACE_BENCH_RETENTION_CASES` changes the "
        "number of cases.",
        retention_run,
    ),
]


if __name__ == "__main__":
    # The child: the parent's environment (production settings, operator overrides removed) with its own
    # data folder. The rows are the last line of its output.
    print_rows(_measure())
