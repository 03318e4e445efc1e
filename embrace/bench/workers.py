"""Work run in fresh child processes, so that peak memory and parallel throughput are measured cleanly.

Only ``embrace.vault.crypto`` is imported here, not Django: a spawned child starts small, and its peak
resident memory then reflects the operation alone.
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from pathlib import Path

from embrace.bench.harness import MIB, current_rss_kib, peak_rss_kib, reset_peak_rss
from embrace.vault import crypto


def argon2id_for(seconds: float, opslimit: int, memlimit: int) -> tuple[int, float]:
    """Derive keys back to back for about ``seconds``; returns (derivations, elapsed)."""
    salt = os.urandom(16)
    crypto.stretch(b"warm-up", salt, opslimit=opslimit, memlimit=memlimit)
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        crypto.stretch(b"a password guess", salt, opslimit=opslimit, memlimit=memlimit)
        count += 1
    return count, time.perf_counter() - start


def _write_random_file(path: Path, size: int) -> None:
    block = os.urandom(MIB)  # incompressible, like a photo or a scan; reused so making it is cheap
    with path.open("wb") as handle:
        for _ in range(size // MIB):
            handle.write(block)


def stream_round_trip(size: int) -> dict[str, float]:
    """Encrypt a ``size``-byte file to a file, then decrypt it, measuring speed and peak memory growth."""
    public, private = crypto.generate_keypair()
    key_id = uuid.uuid4()
    with tempfile.TemporaryDirectory(prefix="embrace-bench-") as folder:
        plain, sealed = Path(folder) / "plain", Path(folder) / "sealed"
        _write_random_file(plain, size)
        reset_peak_rss()
        baseline = current_rss_kib()
        start = time.perf_counter()
        with plain.open("rb") as source, sealed.open("wb") as sink:
            crypto.seal_stream(public, key_id, source, sink)
        encrypt_seconds = time.perf_counter() - start
        encrypt_peak = peak_rss_kib()
        reset_peak_rss()
        decrypt_baseline = current_rss_kib()
        start = time.perf_counter()
        received = 0
        with sealed.open("rb") as source:
            for chunk in crypto.open_stream(
                lambda _key_id, data_key: crypto.unseal(private, data_key), source
            ):
                received += len(chunk)
        decrypt_seconds = time.perf_counter() - start
        decrypt_peak = peak_rss_kib()
        # The control: the same measurement around reading the file whole must show about its size, or the
        # figures above prove nothing.
        reset_peak_rss()
        control_baseline = current_rss_kib()
        whole = plain.read_bytes()
        control_peak = peak_rss_kib()
        del whole
        if received != size:
            raise RuntimeError(f"stream round trip lost data: {received} of {size} bytes")
        return {
            "encrypt_seconds": encrypt_seconds,
            "decrypt_seconds": decrypt_seconds,
            "encrypt_growth_kib": max(0, encrypt_peak - baseline),
            "decrypt_growth_kib": max(0, decrypt_peak - decrypt_baseline),
            "control_growth_kib": max(0, control_peak - control_baseline),
            "overhead_bytes": sealed.stat().st_size - size,
        }
