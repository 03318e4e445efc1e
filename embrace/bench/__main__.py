"""``python -m embrace.bench [--only NAME ...] [--update] [--output PATH]``: run benchmarks, write the report.

``--update`` (with ``--only``) re-measures some benchmarks and puts their sections into the existing report in
place of the old ones, each marked as coming from that later run; without it the whole report is rewritten.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from embrace.bench.harness import Benchmark, Result, machine_facts, render, update

DEFAULT_OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"


def _isolate(data_dir: str) -> None:
    """Point Django at a throwaway data folder and SQLite database, with production vault costs.

    Must run before ``django.setup()``: settings read the environment once, at import.
    """
    os.environ["EMBRACE_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "embrace.settings"
    # The operator's overrides would make the figures describe something other than the defaults.
    for name in (
        *("DATABASE_URL", "EMBRACE_TESTING", "EMBRACE_VAULT_OPSLIMIT", "EMBRACE_VAULT_MEMLIMIT"),
        *("EMBRACE_RECEIPT_OPSLIMIT", "EMBRACE_RECEIPT_MEMLIMIT", "EMBRACE_RECEIPT_CONCURRENCY"),
        *("EMBRACE_RECEIPT_WAIT_SECONDS", "EMBRACE_INTAKE_MIN_FILL_SECONDS"),
        # The enquirer-path benchmarks talk plain HTTP to 127.0.0.1 and seed the demo accounts.
        *("EMBRACE_PRODUCTION", "EMBRACE_TLS", "EMBRACE_DEBUG"),
        # Secrets go with the throwaway data folder, never into the operator's secrets folder.
        "EMBRACE_SECRETS_DIR",
    ):
        os.environ.pop(name, None)


@contextlib.contextmanager
def _data_folder() -> Iterator[str]:
    """A throwaway data folder, or the one ``EMBRACE_BENCH_DATA_DIR`` names, kept after the run.

    A kept folder lets a developer rerun a bench without rebuilding what it made: the casework bench's
    100,000 cases take about ten minutes to make, and are reused when the folder already holds them.
    """
    kept = os.environ.get("EMBRACE_BENCH_DATA_DIR")
    if kept:
        Path(kept).mkdir(parents=True, exist_ok=True)
        yield str(Path(kept).resolve())
        return
    with tempfile.TemporaryDirectory(prefix="embrace-bench-data-") as data_dir:
        yield data_dir


def _benchmarks() -> list[Benchmark]:
    from embrace.bench import (
        audit,
        backup,
        breakglass,
        cases,
        channels,
        channels_out,
        crash,
        custody,
        figures,
        flood,
        http,
        releases,
        retention,
        rewards,
        seized,
        vault,
        waves,
    )

    return [
        *vault.BENCHMARKS,
        *audit.BENCHMARKS,
        *http.BENCHMARKS,
        *flood.BENCHMARKS,
        *cases.BENCHMARKS,
        *rewards.BENCHMARKS,
        *figures.BENCHMARKS,
        *custody.BENCHMARKS,
        *breakglass.BENCHMARKS,
        *backup.BENCHMARKS,
        *retention.BENCHMARKS,
        *crash.BENCHMARKS,
        *channels.BENCHMARKS,
        *seized.BENCHMARKS,
        *waves.BENCHMARKS,
        *channels_out.BENCHMARKS,
        *releases.BENCHMARKS,
    ]


def _names() -> str:
    return ", ".join(b.name for b in _benchmarks())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m embrace.bench", description=__doc__)
    parser.add_argument("--only", action="append", default=[], help="run only the benchmark with this name")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to write the report")
    parser.add_argument(
        "--update",
        action="store_true",
        help="replace only the chosen benchmarks' sections in the existing report, marked as a later run",
    )
    args = parser.parse_args(argv)
    if args.update and not (args.only and args.output.exists()):
        parser.error("--update needs --only and an existing report to update")
    unknown = set(args.only) - {b.name for b in _benchmarks()}
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}; known: {_names()}")

    with _data_folder() as data_dir:
        _isolate(data_dir)
        import django
        from django.conf import settings
        from django.core.management import call_command

        django.setup()
        if settings.TESTING:
            raise SystemExit("The bench must run with production settings, not test ones (is pytest loaded?)")
        call_command("migrate", verbosity=0, interactive=False)

        from embrace.bench import vault

        chosen = [b for b in _benchmarks() if not args.only or b.name in args.only]
        facts = machine_facts(
            {"libsodium": vault.sodium_version(), "vault password cost": vault.cost_label()}
        )
        results, run_start = [], time.perf_counter()
        for bench in chosen:
            print(f"· {bench.title} …", file=sys.stderr, flush=True)
            start = time.perf_counter()
            rows = bench.run()
            results.append(Result(bench, rows, time.perf_counter() - start))
        if args.update:
            order = [b.title for b in _benchmarks()]
            report = update(args.output.read_text(), results, facts, order)
        else:
            report = render(results, facts, time.perf_counter() - run_start)

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report)
    print(report)
    print(f"Wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
