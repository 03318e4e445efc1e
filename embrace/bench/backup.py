"""Backup and restore at 100,000 cases: time and the peak memory of the whole process tree."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from embrace.bench.harness import MIB, Benchmark, Row

CASES = int(os.environ.get("EMBRACE_BENCH_CASES", "100000"))
UPLOAD_FILES, UPLOAD_BYTES = 100, 1024 * 1024
TARGET_BACKUP_S, TARGET_RESTORE_S, TARGET_MIB = 60.0, 120.0, 200.0


def _tree_rss_kib(root: int) -> int:
    """RSS of ``root`` and every descendant (pg_dump, pg_restore), from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(pid)
        rss[pid] = int(fields["VmRSS"].split()[0]) if "VmRSS" in fields else 0
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def _measured(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run ``embrace ARGS``; return (seconds, peak MiB of its process tree, sampled every 50 ms)."""
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and fixed arguments
        [sys.executable, "-m", "embrace.cli", *args], env=env, stdout=subprocess.DEVNULL
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(process.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    status = process.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if status != 0:
        raise RuntimeError(f"embrace {' '.join(args)} failed with status {status}")
    return elapsed, peak / 1024


def _fill() -> None:
    from django.conf import settings
    from django.db import connections

    from embrace.bench.casefill import fill
    from embrace.core.management.commands.demo import NORTH

    subprocess.run([sys.executable, "-m", "embrace.cli", "demo"], check=True, capture_output=True)
    fill(NORTH, "backup", 0, CASES)
    connections.close_all()
    # Uploads are stored encrypted: random bytes are as incompressible as the real files.
    for index in range(UPLOAD_FILES):
        shard = Path(settings.UPLOADS_DIR) / f"{index:02x}"[:2]
        shard.mkdir(exist_ok=True)
        (shard / f"bench-{index:04d}").write_bytes(os.urandom(UPLOAD_BYTES))


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def backup_restore() -> list[Row]:
    from django.conf import settings

    from embrace.cases.models import Case

    _fill()
    cases = Case.objects.count()
    database = Path(settings.DATA_DIR) / "embrace.sqlite3"
    db_mib = database.stat().st_size / MIB
    env = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="embrace-bench-backup-") as scratch:
        key, archive = Path(scratch) / "backup.key", Path(scratch) / "bench.embrace-backup"
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "embrace.cli", "backup", "new-key", "--replace", "--out", str(key)],
            check=True,
            capture_output=True,
            env=env,
        )
        backup_s, backup_mib = _measured(["backup", str(archive), "--no-progress"], env)
        archive_mib = archive.stat().st_size / MIB
        restored = dict(env, EMBRACE_DATA_DIR=str(Path(scratch) / "restored"))
        restore_s, restore_mib = _measured(
            ["restore", str(archive), "--key", str(key), "--no-progress"], restored
        )
    peak = max(backup_mib, restore_mib)
    return [
        Row("cases in the database", cases, "cases", f"SQLite file {db_mib:.0f} MiB"),
        Row("uploads", UPLOAD_FILES, "files", f"{UPLOAD_FILES * UPLOAD_BYTES / MIB:.0f} MiB"),
        Row(
            "archive size", archive_mib, "MiB", f"{archive_mib / (db_mib + UPLOAD_FILES):.2f} times the data"
        ),
        Row(
            "backup",
            backup_s,
            "s",
            f"{(db_mib + UPLOAD_FILES) / backup_s:.0f} MiB/s; target ≤ {TARGET_BACKUP_S:.0f} s: "
            + _verdict(backup_s <= TARGET_BACKUP_S),
        ),
        Row(
            "restore",
            restore_s,
            "s",
            f"target ≤ {TARGET_RESTORE_S:.0f} s: " + _verdict(restore_s <= TARGET_RESTORE_S),
        ),
        Row("backup peak memory (process tree)", backup_mib, "MiB", ""),
        Row(
            "restore peak memory (process tree)",
            restore_mib,
            "MiB",
            f"target ≤ {TARGET_MIB:.0f} MiB for both: " + _verdict(peak <= TARGET_MIB),
        ),
    ]


BENCHMARKS = [
    Benchmark(
        "backup",
        f"Backup and restore at {CASES:,} cases",
        "A fresh data folder gets `embrace demo` and then cases filled in bulk by `embrace.bench.casefill` "
        f"(the casework bench's rows), plus {UPLOAD_FILES} uploads of 1 MiB. `embrace backup` (SQLite online "
        "backup into the data folder, streamed through the archive's encryption) and then `embrace restore` "
        "into an empty data folder run as child processes; memory is the resident size of the whole process "
        "tree, sampled every 50 ms. `EMBRACE_BENCH_CASES` changes the number of cases.",
        backup_restore,
    ),
]
