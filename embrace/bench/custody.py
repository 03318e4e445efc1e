"""Group keys at scale: giving a joiner the key to 100,000 cases, and taking it back, touches no case.

A joiner gets one sealed copy of the group key per generation, whatever the number of cases; a leaver's
removal makes one new generation, and a case re-keys only when something new is written to it.
"""

from __future__ import annotations

import os
import time
import uuid
from typing import TYPE_CHECKING

from django.db import transaction

from embrace.bench.harness import Benchmark, Row

if TYPE_CHECKING:
    from embrace.accounts.models import User
    from embrace.vault.models import KeyGroup

CASES = int(os.environ.get("EMBRACE_BENCH_GROUP_CASES", os.environ.get("EMBRACE_BENCH_CASES", "100000")))
PASSWORD = "a long bench passphrase 42"  # noqa: S105  (throwaway accounts in a temporary database)
TARGET_SECONDS = 1.0
BATCH = 1000


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _fill(group: KeyGroup, count: int) -> list[bytes]:
    """``count`` compartments sealed to the group's current key, one envelope each: the rows intake writes
    (a compartment, its first key generation, that key sealed to the group), made in bulk so that setting up
    100,000 cases takes seconds rather than the quarter of an hour one ``create_compartment`` at a time
    takes. What is measured afterwards (giving, reading, removing) does not depend on how they were made."""
    from embrace.vault import crypto
    from embrace.vault.models import Compartment, CompartmentKey, Grant

    group_key = group.current_key
    if group_key is None:
        raise RuntimeError("the group has no key")
    group_public = bytes(group_key.public_key)
    envelopes = []
    for start in range(0, count, BATCH):
        compartments, keys, grants = [], [], []
        for _ in range(min(BATCH, count - start)):
            public, private = crypto.generate_keypair()
            compartment = Compartment(kind="body")
            key = CompartmentKey(compartment=compartment, version=1, public_key=public)
            compartments.append(compartment)
            keys.append(key)
            grants.append(
                Grant(key=key, group_key=group_key, sealed_private_key=crypto.seal_to(group_public, private))
            )
            envelopes.append(crypto.seal_message(public, key.pk, b"a synthetic enquiry"))
        with transaction.atomic():
            Compartment.objects.bulk_create(compartments)
            CompartmentKey.objects.bulk_create(keys)
            Grant.objects.bulk_create(grants)
    return envelopes


def groups_at_scale() -> list[Row]:
    from embrace.accounts import actions
    from embrace.vault import actions as vault
    from embrace.vault.keyring import unlock_with_password
    from embrace.vault.models import Compartment

    def person() -> User:
        user, _, _ = actions.create_user(
            f"bench-{uuid.uuid4().hex[:8]}", roles=[], password=PASSWORD, actor=None
        )
        return user

    holder, joiner = person(), person()
    group = vault.group_named(f"bench:{uuid.uuid4().hex[:8]}")
    vault.add_group_member(group, holder, by=None, actor=None)
    start = time.perf_counter()
    envelopes = _fill(group, CASES)
    filled = time.perf_counter() - start
    giver = unlock_with_password(holder, PASSWORD)

    start = time.perf_counter()
    vault.add_group_member(group, joiner, by=giver, actor=holder)
    join = time.perf_counter() - start
    reader = unlock_with_password(joiner, PASSWORD)
    page = envelopes[-50:]
    start = time.perf_counter()
    opened = reader.open_many(page)
    first_page = time.perf_counter() - start
    if not all(opened):
        raise RuntimeError("the joiner could not read the cases at once")

    start = time.perf_counter()
    vault.remove_group_member(group, joiner, actor=holder)
    leave = time.perf_counter() - start
    compartment_key = Compartment.objects.filter(keys__grants__group_key__group=group).first()
    if compartment_key is None:
        raise RuntimeError("no case is sealed to the group")
    start = time.perf_counter()
    vault.seal(compartment_key, b"written after the leaver left")
    rekey = time.perf_counter() - start
    return [
        Row(
            f"{CASES:,} cases sealed to one group key", CASES / filled, "cases/s", f"{filled:.0f} s to set up"
        ),
        Row(
            "give the key to a joiner",
            join * 1000,
            "ms",
            f"one sealed copy per generation; ≤ {TARGET_SECONDS:.0f} s: {_verdict(join <= TARGET_SECONDS)}",
        ),
        Row(
            "the joiner opens a page of 50 cases at once",
            first_page * 1000,
            "ms",
            "open_many, constant queries",
        ),
        Row(
            "remove the joiner and rotate the group key",
            leave * 1000,
            "ms",
            f"no case touched; ≤ {TARGET_SECONDS:.0f} s: {_verdict(leave <= TARGET_SECONDS)}",
        ),
        Row("first write to a case after the rotation", rekey * 1000, "ms", "re-keys that one case, lazily"),
    ]


BENCHMARKS = [
    Benchmark(
        "groups",
        f"Group keys at {CASES:,} cases",
        "A joiner is given a group key that opens every case sealed to the group; a leaver is removed and "
        "the group key rotated. Neither may depend on the number of cases. `EMBRACE_BENCH_GROUP_CASES` "
        "changes the number of cases.",
        groups_at_scale,
    ),
]
