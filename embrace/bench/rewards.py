"""The ledger at scale: how fast journals are posted, and what the finance figures, the ledger check and the
CSV export cost once it holds 100,000 lines.

Journals are posted through ``ledger.post`` as the actions post them (one transaction each, with its lock on
the ledger head and its audit entry), in the mix a programme makes: donations, tranches owed per case and
schedule entry, payments in dollars and, through the exchange account, in kyat. Targets are reported, never
asserted; the finance page has none of its own, so the casework pages' 150 ms is given for scale.
"""

from __future__ import annotations

import datetime
import os
import statistics
import time
from collections.abc import Callable

from embrace.bench.harness import Benchmark, Row

LINES = int(os.environ.get("EMBRACE_BENCH_LEDGER_LINES", "100000"))
CASES = 200
RUNS = 15
PAGE_MS = 150.0


def _p95_ms(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]


def _post_mix(lines_wanted: int) -> tuple[int, int, float]:
    from django.core.management import call_command

    from embrace.cases.models import Case
    from embrace.rewards import ledger
    from embrace.rewards.ledger import Leg
    from embrace.rewards.models import Account, Entry, JournalKind, Line

    # The demo's intake team receives the cases (the casework bench may already have run it: idempotent).
    call_command("demo", verbosity=0)
    call_command("synthetic_cases", CASES, seed="ledger-bench", verbosity=0)
    cases = list(Case.objects.order_by("reference")[:CASES])
    entries = list(Entry.objects.filter(schedule__published=True, amount_usd__isnull=False))
    day = datetime.date(2022, 4, 7)
    journals, i = 0, 0
    start = time.perf_counter()
    while Line.objects.count() < lines_wanted:
        for _ in range(500):
            case, entry = cases[i % len(cases)], entries[i % len(entries)]
            on = day + datetime.timedelta(days=i // 40)
            amount = 10_000_000 + (i % 97) * 100
            if i % 20 == 0:
                for currency, donated in (("USD", 50_000_000_00), ("MMK", 100_000_000_000_00)):
                    ledger.post(
                        JournalKind.DONATION,
                        [Leg(Account.CASH, currency, donated), Leg(Account.DONATIONS, currency, -donated)],
                        actor=None,
                        on=on,
                    )
                    journals += 1
            ledger.post(
                JournalKind.REWARD_OWED,
                [
                    Leg(Account.REWARDS, "USD", amount, case, entry),
                    Leg(Account.REWARDS_OWED, "USD", -amount, case, entry),
                ],
                actor=None,
                on=on,
            )
            paid = [Leg(Account.REWARDS_OWED, "USD", amount, case, entry)]
            if i % 3:
                paid.append(Leg(Account.CASH, "USD", -amount, case))
            else:
                kyat = amount * 2100
                paid += [
                    Leg(Account.EXCHANGE, "USD", -amount, case),
                    Leg(Account.EXCHANGE, "MMK", kyat, case),
                    Leg(Account.CASH, "MMK", -kyat, case),
                ]
            ledger.post(JournalKind.REWARD_PAID, paid, actor=None, on=on)
            journals += 2
            i += 1
    seconds = time.perf_counter() - start
    return journals, Line.objects.count(), seconds


def ledger_at_scale() -> list[Row]:
    from embrace.rewards import finance, ledger
    from embrace.rewards.finance_views import _export_rows
    from embrace.rewards.models import Journal

    journals, lines, seconds = _post_mix(LINES)
    rows = [
        Row(
            f"ledger.post, {journals:,} journals ({lines:,} lines)",
            journals / seconds,
            "journals/s",
            "one transaction each: head lock, lines, audit entry",
        )
    ]
    for label, fn in (
        ("funds available / committed / paid, per currency", finance.totals),
        ("the same by schedule entry", finance.by_entry),
        ("the same by month", finance.by_month),
    ):
        median, p95 = _p95_ms(fn)
        rows.append(
            Row(
                f"{label}, {lines:,} lines (p95)",
                p95,
                "ms",
                f"median {median:.0f} ms; {p95 / PAGE_MS:.2f} x a casework page's 150 ms",
            )
        )
    page = _p95_ms(
        lambda: (finance.totals(), finance.by_entry(), finance.by_month(), finance.recent_donations())
    )
    rows.append(Row("the finance page's queries together (p95)", page[1], "ms", f"median {page[0]:.0f} ms"))
    start = time.perf_counter()
    problems = ledger.verify()
    verify_seconds = time.perf_counter() - start
    if problems:
        raise RuntimeError(f"the bench ledger does not verify: {problems}")
    rows.append(Row(f"embrace ledger verify, {lines:,} lines", verify_seconds * 1000, "ms", "all checks"))
    through = Journal.objects.count()
    start = time.perf_counter()
    size = sum(len(row) for row in _export_rows(through))
    export_seconds = time.perf_counter() - start
    rows.append(
        Row(
            f"CSV export, {lines:,} rows",
            lines / export_seconds,
            "rows/s",
            f"{export_seconds:.2f} s, {size / 1024 / 1024:.1f} MiB",
        )
    )
    return rows


BENCHMARKS = [
    Benchmark(
        "ledger",
        "Ledger and finance figures",
        "Journals posted one transaction at a time, in the mix of donations, rewards owed and payments (a "
        "third in kyat through the exchange account) a programme makes; then the finance figures, the ledger "
        "check and the CSV export over the whole ledger. A throwaway SQLite database in the data folder.",
        ledger_at_scale,
    ),
]
