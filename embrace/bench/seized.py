"""What a seized disk costs an attacker, with and without the secrets folder (docs/security.md)."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import os

from django.conf import settings

from embrace.bench.harness import Benchmark, Row, fmt, median_seconds, rate

# Myanmar mobile numbers (+959 and 7 to 10 more digits, in the ranges operators use): about a billion.
MOBILE_NUMBERS = 10**9
RECEIPT_SPACE = 10**16  # 16 random digits
CASES = 100_000  # receipts in use: one derivation under the shared salt tests a guess against all of them
YEAR = 365 * 86400


def seized_disk() -> list[Row]:
    from embrace.vault import crypto
    from embrace.vault.blind import blind_index

    numbers = itertools.count(400_000_000)
    # The real function, on one core, over the normalised form duplicates.py gives it (E.164).
    indexed = rate(lambda: blind_index("phone", f"+959{next(numbers)}"), seconds=3.0)
    key, message = os.urandom(32), b"embrace/blind-index/v1\0phone\0+959400000000"
    raw = rate(lambda: hmac.new(key, message, hashlib.sha256).digest(), seconds=2.0)
    guess = median_seconds(
        lambda: crypto.stretch(
            b"1234567890123456",
            os.urandom(16),
            opslimit=settings.RECEIPT_OPSLIMIT,
            memlimit=settings.RECEIPT_MEMLIMIT,
            size=64,
        ),
        runs=5,
    )
    first_receipt_years = RECEIPT_SPACE / CASES * guess / YEAR
    return [
        Row("blind index of one phone number (vault.blind)", indexed, "/s", "one core, Python"),
        Row("raw HMAC-SHA256 (hashlib, same message)", raw, "/s", f"{raw / indexed:.1f}x the wrapped call"),
        Row(
            "every Myanmar mobile number (10⁹) through the blind index, with the key",
            MOBILE_NUMBERS / indexed / 60,
            "core-minutes",
            f"raw HMAC: {fmt(MOBILE_NUMBERS / raw / 60)} core-minutes; "
            "without the key: a 256-bit key to guess",
        ),
        Row(
            "one receipt guess (Argon2id at the receipt cost), with the salt",
            guess * 1000,
            "ms",
            f"{1 / guess:.1f} guesses per second per core; without the salt: a 128-bit salt to guess first",
        ),
        Row(
            f"first receipt found among {CASES:,} in use (10¹⁶ / {CASES:,} guesses)",
            first_receipt_years,
            "core-years",
            f"every receipt: {fmt(RECEIPT_SPACE * guess / YEAR)} core-years",
        ),
    ]


BENCHMARKS = [
    Benchmark(
        "seized",
        "A seized disk",
        "What the secrets folder protects: with the blind-index key, a copy of the database gives contact "
        "numbers by enumerating every Myanmar mobile number; with the receipt salt, every receipt guess "
        "costs one Argon2id derivation. Without the secrets folder neither can start.",
        seized_disk,
    ),
]
