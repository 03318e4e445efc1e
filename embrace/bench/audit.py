"""The audit chain: how fast entries are appended and how long a full verification takes."""

from __future__ import annotations

import time
import uuid

from embrace.bench.harness import Benchmark, Row

ENTRIES = 10_000


def chain() -> list[Row]:
    from embrace.audit.events import Event
    from embrace.audit.log import record, verify_chain

    subjects = [f"vault.compartment:{uuid.uuid4()}" for _ in range(100)]
    actor = uuid.uuid4()
    start = time.perf_counter()
    for i in range(ENTRIES):
        # Each append is its own transaction, as in real use: it locks the head row and chains to it.
        record(Event.ACCESS_GRANTED, actor=actor, subject=subjects[i % 100], user=str(actor), generations=1)
    append_seconds = time.perf_counter() - start
    start = time.perf_counter()
    verdict = verify_chain()
    verify_seconds = time.perf_counter() - start
    if not verdict.ok:
        raise RuntimeError(f"the bench chain does not verify: {verdict.message}")
    return [
        Row(f"record(), {ENTRIES:,} appends", ENTRIES / append_seconds, "/s", "one transaction each"),
        Row(
            f"verify_chain() over {verdict.entries:,} entries",
            verdict.entries / verify_seconds,
            "entries/s",
            f"{verify_seconds:.2f} s in all; a million entries: "
            f"≈ {1e6 * verify_seconds / verdict.entries:.0f} s",
        ),
    ]


BENCHMARKS = [
    Benchmark(
        "audit",
        "Audit chain",
        "Every state change appends one hash-chained entry inside its own transaction; "
        "`embrace audit verify` re-hashes the whole log. Measured on a throwaway SQLite database in a "
        "temporary data folder.",
        chain,
    ),
]
