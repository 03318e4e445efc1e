"""Timing, memory and reporting helpers shared by every benchmark."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import importlib.metadata
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

MIB = 1024 * 1024


@dataclass(frozen=True)
class Row:
    """One figure: what was measured, its value and unit, and a note (often a ratio that gives it meaning)."""

    measure: str
    value: float
    unit: str
    note: str = ""


@dataclass(frozen=True)
class Benchmark:
    name: str
    title: str
    about: str
    run: Callable[[], list[Row]]


@dataclass
class Result:
    benchmark: Benchmark
    rows: list[Row] = field(default_factory=list)
    seconds: float = 0.0


def median_seconds(fn: Callable[[], object], *, runs: int) -> float:
    """Median wall time of ``runs`` calls: for slow operations (tenths of a second) a few calls suffice."""
    fn()  # warm-up: first-call allocations and imports are not the steady state
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rate(fn: Callable[[], object], *, seconds: float = 1.0) -> float:
    """Calls per second of a fast operation, called repeatedly for at least ``seconds``."""
    fn()
    calls, start = 0, time.perf_counter()
    deadline = start + seconds
    while True:
        fn()
        calls += 1
        now = time.perf_counter()
        if now >= deadline:
            return calls / (now - start)


def _proc_status_kib(field_name: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field_name + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def current_rss_kib() -> int:
    """Resident memory now (Linux), falling back to the peak where /proc is missing."""
    value = _proc_status_kib("VmRSS")
    return value if value is not None else peak_rss_kib()


def reset_peak_rss() -> None:
    """Make the peak equal the current resident size (Linux 4.0+), so a peak measures one operation only.

    Where that is not possible the peak keeps counting from process start; the callers run in fresh child
    processes, which keeps that error small.
    """
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_rss_kib() -> int:
    import resource

    value = _proc_status_kib("VmHWM")
    return value if value is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def memory_total_mib() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


def source_commit() -> str | None:
    """The checkout's commit, marked when files differ from it; None outside a git checkout."""
    git = shutil.which("git")
    if git is None:
        return None
    root = str(Path(__file__).resolve().parents[2])

    def ask(*args: str) -> str:
        command = [git, "-C", root, *args]
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()  # noqa: S603

    try:
        head = ask("rev-parse", "--short", "HEAD")
        changed = ask("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{head} (with uncommitted changes)" if changed else head


def machine_facts(extra: dict[str, str]) -> dict[str, str]:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    memory = memory_total_mib()
    facts = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": cpu_model(),
        "usable cores": str(usable_cores()),
        "memory": f"{memory} MiB" if memory else "n/a",
        "load average at start (1, 5, 15 min)": load,
        "OS": f"{platform.system()} {platform.release()}",
        "Python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "Django": importlib.metadata.version("Django"),
        "SQLite": sqlite3.sqlite_version,
    }
    commit = source_commit()
    if commit:
        facts["commit"] = commit
    facts.update(extra)
    return facts


def fmt(value: float) -> str:
    """Three significant figures, thousands separated: enough for figures that vary run to run by ~10 %."""
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{round(value, -len(str(int(abs(value)))) + 3):,.0f}"
    return f"{value:.3g}"


HEADER = [
    "# Benchmarks",
    "",
    "Written by `make bench` (`python -m embrace.bench`); do not edit by hand. One run on one",
    "machine: compare ratios and sizes across machines, not absolute times. The figures vary by about",
    "10 % between runs, more when other work shares the cores (see the load average).",
    "",
]
WHOLE_RUN = "Whole run: "


def _machine(facts: dict[str, str]) -> list[str]:
    return [
        "## Machine",
        "",
        "| fact | value |",
        "|---|---|",
        *(f"| {key} | {value} |" for key, value in facts.items()),
        "",
    ]


def _section(result: Result, provenance: str = "") -> list[str]:
    bench = result.benchmark
    return [
        f"## {bench.title}",
        "",
        " ".join(bench.about.split()),  # one paragraph, however the bench's docstring was wrapped
        "",
        *([provenance, ""] if provenance else []),
        "| measure | value | unit | note |",
        "|---|---:|---|---|",
        *(f"| {r.measure} | {fmt(r.value)} | {r.unit} | {r.note} |" for r in result.rows),
        "",
        f"_Took {result.seconds:.1f} s._",
        "",
    ]


def render(results: list[Result], facts: dict[str, str], total_seconds: float) -> str:
    lines = [*HEADER, *_machine(facts)]
    for result in results:
        lines += _section(result)
    lines.append(f"{WHOLE_RUN}{total_seconds:.0f} s.")
    return "\n".join(lines) + "\n"


def _sections(report: str) -> tuple[list[str], dict[str, list[str]], str]:
    """A report split into what comes before its first benchmark (title, machine), each benchmark's lines
    by title, and its closing "Whole run" line."""
    head: list[str] = []
    sections: dict[str, list[str]] = {}
    closing = ""
    current = head
    for line in report.splitlines():
        if line.startswith(WHOLE_RUN):
            closing = line
        elif line.startswith("## ") and line != "## Machine":
            current = sections.setdefault(line[3:], [])
            current.append(line)
        else:
            current.append(line)
    return head, sections, closing


def update(report: str, results: list[Result], facts: dict[str, str], order: list[str]) -> str:
    """``report`` with the sections of ``results`` put in place of their old ones (or added where ``order``,
    the benchmarks' titles in running order, puts them); each says it comes from this later, partial run, so
    a reader never takes figures of two runs for one. The rest, machine table included, stays as it was."""
    head, sections, closing = _sections(report)
    load = facts.get("load average at start (1, 5, 15 min)", "n/a")
    commit = f" at commit {facts['commit']}" if "commit" in facts else ""
    names = ", ".join(r.benchmark.name for r in results)
    provenance = (
        f"_This section alone comes from a later partial run (`--only {names}`){commit}, {facts['date']}, "
        f"load average at start {load}. The machine table above is the full run's; the next `make bench` "
        "rewrites the whole file in one run._"
    )
    for result in results:
        sections[result.benchmark.title] = _section(result, provenance)
    known = [title for title in order if title in sections]
    rest = [title for title in sections if title not in order]
    lines = list(head)
    for title in [*known, *rest]:
        body = sections[title]
        while body and not body[-1]:
            body = body[:-1]
        lines += [*body, ""]
    if closing:
        lines.append(closing)
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def client_threads(count: int, name: str, client: Callable[[int, threading.Event], None]) -> Iterator[None]:
    """``count`` load threads, each ``client(number, stop)``, running for as long as the block: they are
    told to stop and joined on the way out, whatever the block raised (a bench that kills its server stops
    its clients too)."""
    stop = threading.Event()
    threads = [threading.Thread(target=client, args=(n, stop), name=f"{name}-{n}") for n in range(count)]
    for thread in threads:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        for thread in threads:
            thread.join()


def rows_from_child(module: str) -> list[Row]:
    """Run ``python -m module`` in a child process with a throwaway data folder of its own, so a bench that
    destroys or fills data cannot touch another bench's; the child prints its rows (``print_rows``) as the
    last line of its output."""
    with tempfile.TemporaryDirectory(prefix=f"embrace-bench-{module.rsplit('.', 1)[-1]}-") as data_dir:
        child = subprocess.run(  # noqa: S603  (our own bench module, named in code)
            [sys.executable, "-m", module],
            env={**os.environ, "EMBRACE_DATA_DIR": data_dir},
            check=True,
            capture_output=True,
            text=True,
        )
    return [Row(**row) for row in json.loads(child.stdout.splitlines()[-1])]


def print_rows(rows: list[Row]) -> None:
    """The child's side of ``rows_from_child``."""
    print(json.dumps([dataclasses.asdict(row) for row in rows]))
