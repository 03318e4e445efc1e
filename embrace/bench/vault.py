"""Vault costs with the production Argon2id parameters from settings (never the fast test ones)."""

from __future__ import annotations

import multiprocessing
import os
import uuid
from concurrent.futures import ProcessPoolExecutor

from django.conf import settings

from embrace.bench import workers
from embrace.bench.harness import MIB, Benchmark, Row, fmt, median_seconds, rate, usable_cores
from embrace.vault import crypto

PASSWORD = "a long bench passphrase 42"  # noqa: S105  (a throwaway account in a temporary database)
ARGON2_SECONDS = 3.0


def _cost() -> tuple[int, int]:
    return settings.VAULT_PASSWORD_OPSLIMIT, settings.VAULT_PASSWORD_MEMLIMIT


def cost_label() -> str:
    ops, mem = _cost()
    return f"Argon2id opslimit={ops}, memlimit={mem // MIB} MiB (settings.VAULT_PASSWORD_*)"


def login_cost() -> list[Row]:
    from embrace.accounts import actions
    from embrace.vault import keyring

    user, _, _ = actions.create_user(f"bench-{uuid.uuid4().hex[:8]}", roles=[], password=PASSWORD, actor=None)
    unwrap = median_seconds(lambda: keyring.unlock_with_password(user, PASSWORD), runs=5)
    django_check = median_seconds(lambda: user.check_password(PASSWORD), runs=5)
    ops, mem = _cost()
    raw = median_seconds(lambda: crypto.stretch(b"x", os.urandom(16), opslimit=ops, memlimit=mem), runs=5)
    total = unwrap + django_check
    return [
        Row("vault unwrap of the private key", unwrap * 1000, "ms", f"{1 / unwrap:.1f} per second per core"),
        Row(
            "raw Argon2id derivation",
            raw * 1000,
            "ms",
            f"unwrap / raw = {unwrap / raw:.2f}x: the unwrap is all Argon2id",
        ),
        Row(
            "Django password check (argon2-cffi, Django's defaults)",
            django_check * 1000,
            "ms",
            "done first, by authenticate()",
        ),
        Row(
            "login, server time (check + unwrap)",
            total * 1000,
            "ms",
            f"estimate: ≈ {usable_cores() / total:.1f} logins/s with all {usable_cores()} cores busy",
        ),
    ]


def argon2id_throughput() -> list[Row]:
    ops, mem = _cost()
    cores = usable_cores()
    # Fresh processes: each holds its own memlimit-sized buffer, as gunicorn workers would.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=cores, mp_context=context) as pool:
        single_count, single_seconds = pool.submit(workers.argon2id_for, ARGON2_SECONDS, ops, mem).result()
        parallel = list(
            pool.map(workers.argon2id_for, [ARGON2_SECONDS] * cores, [ops] * cores, [mem] * cores)
        )
    single = single_count / single_seconds
    together = sum(count / seconds for count, seconds in parallel)
    return [
        Row("derivations per second, one process", single, "/s", ""),
        Row(
            f"derivations per second, {cores} processes at once",
            together,
            "/s",
            f"{together / single:.2f}x one process (ideal {cores}x); "
            f"{cores * mem // MIB} MiB of Argon2 memory in use",
        ),
        Row(
            "offline guesses per core per day against one stolen wrap",
            single * 86400,
            "guesses",
            f"a random 5-word Diceware passphrase (7776⁵ choices) takes ≈ {fmt(_core_years(single))} "
            "core-years on average",
        ),
    ]


def _core_years(guesses_per_second: float) -> float:
    return 7776**5 / 2 / guesses_per_second / (365 * 86400)


def messages() -> list[Row]:
    from embrace.accounts import actions
    from embrace.vault import actions as vault
    from embrace.vault import keyring

    user, _, _ = actions.create_user(f"bench-{uuid.uuid4().hex[:8]}", roles=[], password=PASSWORD, actor=None)
    ring = keyring.unlock_with_password(user, PASSWORD)
    compartment = vault.create_compartment("body", [user], actor=None)
    plaintext = os.urandom(1024)
    envelope = vault.seal(compartment, plaintext)
    key = compartment.current_key
    public, key_id = bytes(key.public_key), key.pk
    private = ring.compartment_private_key(key)

    seal_api = rate(lambda: vault.seal(compartment, plaintext))
    open_api = rate(lambda: ring.open(envelope))
    seal_raw = rate(lambda: crypto.seal_message(public, key_id, plaintext))
    open_raw = rate(lambda: crypto.open_message(private, envelope))
    overhead = len(envelope) - len(plaintext)
    return [
        Row("seal (vault.actions.seal)", seal_api, "/s", f"crypto alone: {fmt(seal_raw)}/s"),
        Row(
            "open (Keyring.open)",
            open_api,
            "/s",
            f"crypto alone: {fmt(open_raw)}/s; the rest is looking up the key and the grant",
        ),
        Row("envelope overhead", overhead, "bytes", f"{overhead / len(plaintext):.1%} of 1 KiB"),
    ]


def streaming() -> list[Row]:
    context = multiprocessing.get_context("spawn")
    rows = []
    for size in (8 * MIB, 64 * MIB):
        # A fresh process per size, so that neither the other size nor Django's own memory blurs the peak.
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            figures = pool.submit(workers.stream_round_trip, size).result()
        label = f"{size // MIB} MiB"
        for direction in ("encrypt", "decrypt"):
            growth = figures[f"{direction}_growth_kib"]
            rows.append(
                Row(
                    f"{direction} {label}",
                    size / MIB / figures[f"{direction}_seconds"],
                    "MiB/s",
                    "file to file",
                )
            )
            rows.append(
                Row(
                    f"{direction} {label}: peak memory growth",
                    growth,
                    "KiB",
                    f"{growth * 1024 / size:.2%} of the file size",
                )
            )
        control = figures["control_growth_kib"]
        rows.append(
            Row(
                f"control: reading the {label} file whole",
                control,
                "KiB",
                f"{control * 1024 / size:.0%} of the file size: the measurement does see growth",
            )
        )
        rows.append(
            Row(
                f"ciphertext overhead, {label}",
                figures["overhead_bytes"],
                "bytes",
                f"{figures['overhead_bytes'] / size:.3%}: a header and 21 bytes per 64 KiB chunk",
            )
        )
    return rows


BENCHMARKS = [
    Benchmark(
        "login",
        "Login cost",
        "What one staff login costs the server, and what one password guess costs someone holding a copy of "
        "the database: the same Argon2id derivation. Parameters are the production defaults from settings "
        "(the test suite uses cheaper ones).",
        login_cost,
    ),
    Benchmark(
        "argon2id",
        "Argon2id throughput",
        "Raw derivations per second at the production memory cost, on one core and on all of them at once; "
        "memory bandwidth, not core count, usually limits the parallel figure.",
        argon2id_throughput,
    ),
    Benchmark(
        "messages",
        "Messages (1 KiB)",
        "Sealing needs only the compartment's public key (enquirers, channel adapters); opening needs a "
        "keyring whose user holds a grant. Each envelope carries its own data key sealed to the compartment.",
        messages,
    ),
    Benchmark(
        "streaming",
        "Streaming files",
        "Uploads are encrypted in 64 KiB chunks. Peak memory growth should stay the same whatever the file "
        "size: a file is never held in memory whole.",
        streaming,
    ),
]


def sodium_version() -> str:
    """libsodium's version as the vault reports it; PyNaCl's version where the vault does not (yet) say."""
    reported = getattr(crypto, "sodium_version", None)
    if callable(reported):
        return str(reported())
    import importlib.metadata

    return f"bundled with PyNaCl {importlib.metadata.version('PyNaCl')}"
