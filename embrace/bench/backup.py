"""Backup and restore at 100,000 cases: time and the peak memory of the whole process tree, at two sizes.

The data folder is measured at a tenth of the size first, then filled up to the full size and measured
again: the peak memory of the two runs side by side shows whether it grows with the data (it must not: every
part of the archive is streamed in fixed-size chunks).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from embrace.bench.harness import MIB, Benchmark, Row

# The full size; the first measurement is at a tenth of it. EMBRACE_BENCH_BACKUP_CASES wins over the
# casework bench's EMBRACE_BENCH_CASES (as EMBRACE_BENCH_GROUP_CASES does for the custody bench).
CASES = int(os.environ.get("EMBRACE_BENCH_BACKUP_CASES", os.environ.get("EMBRACE_BENCH_CASES", "100000")))
SIZES = (max(CASES // 10, 1), CASES)
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


def _prepare() -> None:
    """The demo's staff and teams, then the uploads (the same for both sizes)."""
    from django.conf import settings

    subprocess.run([sys.executable, "-m", "embrace.cli", "demo"], check=True, capture_output=True)
    # Uploads are stored encrypted: random bytes are as incompressible as the real files.
    for index in range(UPLOAD_FILES):
        shard = Path(settings.UPLOADS_DIR) / f"{index:02x}"[:2]
        shard.mkdir(exist_ok=True)
        (shard / f"bench-{index:04d}").write_bytes(os.urandom(UPLOAD_BYTES))


def _fill_to(cases: int) -> float:
    """Add bulk-filled cases (the casework bench's rows) until the bench's seed has ``cases``."""
    from django.db import connections

    from embrace.bench.casefill import fill
    from embrace.core.management.commands.demo import NORTH

    seconds = fill(NORTH, "backup", _filled[0], cases)
    _filled[0] = cases
    connections.close_all()
    return seconds


_filled = [0]  # how many of the seed's cases exist so far


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _measure(scratch: Path, key: Path, label: str) -> tuple[float, float, float, float, float]:
    """Back up the data folder and restore it into an empty one; (backup s, MiB; restore s, MiB; archive
    MiB)."""
    env = dict(os.environ)
    archive = scratch / f"bench-{label}.embrace-backup"
    backup_s, backup_mib = _measured(["backup", str(archive), "--no-progress"], env)
    archive_mib = archive.stat().st_size / MIB
    restored = dict(env, EMBRACE_DATA_DIR=str(scratch / f"restored-{label}"))
    restore_s, restore_mib = _measured(
        ["restore", str(archive), "--key", str(key), "--no-progress"], restored
    )
    archive.unlink()
    shutil.rmtree(scratch / f"restored-{label}", ignore_errors=True)
    return backup_s, backup_mib, restore_s, restore_mib, archive_mib


def backup_restore() -> list[Row]:
    from django.conf import settings

    from embrace.cases.models import Case

    _prepare()
    database = Path(settings.DATA_DIR) / "embrace.sqlite3"
    rows: list[Row] = []
    peaks: list[float] = []
    with tempfile.TemporaryDirectory(prefix="embrace-bench-backup-") as scratch_name:
        scratch = Path(scratch_name)
        key = scratch / "backup.key"
        subprocess.run(  # noqa: S603
            [sys.executable, "-m", "embrace.cli", "backup", "new-key", "--replace", "--out", str(key)],
            check=True,
            capture_output=True,
        )
        for size in SIZES:
            fill_s = _fill_to(size)
            cases = Case.objects.count()
            db_mib = database.stat().st_size / MIB
            backup_s, backup_mib, restore_s, restore_mib, archive_mib = _measure(scratch, key, str(size))
            peak = max(backup_mib, restore_mib)
            peaks.append(peak)
            data_mib = db_mib + UPLOAD_FILES * UPLOAD_BYTES / MIB
            full = size == CASES
            rows += [
                Row(
                    f"{cases:,} cases: data",
                    data_mib,
                    "MiB",
                    f"SQLite file {db_mib:.0f} MiB + {UPLOAD_FILES} uploads of 1 MiB (cases filled in "
                    f"{fill_s:.0f} s); archive {archive_mib:.0f} MiB",
                ),
                Row(
                    f"{cases:,} cases: backup",
                    backup_s,
                    "s",
                    f"{data_mib / backup_s:.0f} MiB/s"
                    + (
                        f"; target ≤ {TARGET_BACKUP_S:.0f} s: " + _verdict(backup_s <= TARGET_BACKUP_S)
                        if full
                        else ""
                    ),
                ),
                Row(
                    f"{cases:,} cases: restore",
                    restore_s,
                    "s",
                    f"{data_mib / restore_s:.0f} MiB/s"
                    + (
                        f"; target ≤ {TARGET_RESTORE_S:.0f} s: " + _verdict(restore_s <= TARGET_RESTORE_S)
                        if full
                        else ""
                    ),
                ),
                Row(f"{cases:,} cases: backup peak memory (process tree)", backup_mib, "MiB", ""),
                Row(
                    f"{cases:,} cases: restore peak memory (process tree)",
                    restore_mib,
                    "MiB",
                    f"target ≤ {TARGET_MIB:.0f} MiB for both: " + _verdict(peak <= TARGET_MIB),
                ),
            ]
    small, large = peaks[0], peaks[-1]
    rows.append(
        Row(
            "peak memory, full size over a tenth",
            large / small if small else 0.0,
            "times",
            f"{large:.0f} MiB against {small:.0f} MiB for ten times the cases: "
            + ("does not grow with the size" if large <= small * 1.15 else "**grows with the size**"),
        )
    )
    return rows


BENCHMARKS = [
    Benchmark(
        "backup",
        f"Backup and restore at {SIZES[0]:,} and {CASES:,} cases",
        f"A fresh data folder gets `embrace demo`, {UPLOAD_FILES} uploads of 1 MiB, and then cases filled in "
        "bulk by `embrace.bench.casefill` (the casework bench's rows): first a tenth of the full number, "
        "measured, then the rest, measured again. `embrace backup` (SQLite online backup into the data "
        "folder, streamed through the archive's encryption) and then `embrace restore` into an empty data "
        "folder run as child processes; memory is the resident size of the whole process tree, sampled every "
        "50 ms. The two sizes side by side show whether memory grows with the data. "
        "`EMBRACE_BENCH_BACKUP_CASES` (or `EMBRACE_BENCH_CASES`) changes the full number of cases.",
        backup_restore,
    ),
]
