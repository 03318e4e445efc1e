"""Break-glass: what a k-of-n restore of a group costs the server (target: ≤ 5 s in all)."""

from __future__ import annotations

import statistics
import time
import uuid
from typing import TYPE_CHECKING

from embrace.bench.harness import Benchmark, Row

if TYPE_CHECKING:
    from embrace.accounts.models import User

PASSWORD = "a long bench passphrase 42"  # noqa: S105  (throwaway accounts in a temporary database)
TARGET_SECONDS = 5.0
# (k, n, generations of the group): a small team, and one that has seen many leavers (each a generation).
SHAPES = ((2, 3, 1), (3, 5, 100), (5, 16, 1000))


def _restore_cost(k: int, n: int, generations: int) -> tuple[float, float, float]:
    """(seconds per share entered, seconds to complete, seconds in all) for one restore of that shape."""
    from embrace.accounts import actions as accounts
    from embrace.accounts.roles import Role
    from embrace.vault import actions as vault
    from embrace.vault import recovery
    from embrace.vault.keyring import unlock_with_password

    tag = uuid.uuid4().hex[:6]

    def person(name: str) -> User:
        user, _, _ = accounts.create_user(
            f"{name}-{tag}", roles=[Role.CUSTODIAN], password=PASSWORD, actor=None
        )
        return user

    trustees = [person(f"trustee{i}") for i in range(n)]
    holder, recipient = person("holder"), person("recipient")
    recovery.create_recovery_key(trustees, k, actor=None)
    shares = {}
    for trustee in trustees[:k]:
        keyring = unlock_with_password(trustee, PASSWORD)
        shares[trustee] = " ".join(recovery.show_share(keyring, actor=trustee))
    group = vault.group_named(f"bench:{tag}")
    vault.add_group_member(group, holder, by=None, actor=None)
    for _ in range(generations - 1):
        vault._new_group_generation(group, [holder], actor=None)
    vault.remove_group_member(group, holder, actor=None)
    restore = recovery.open_restore(group, recipient, reason="bench", actor=trustees[0])
    entering = []
    for trustee, words in shares.items():
        start = time.perf_counter()
        recovery.enter_share(restore, words, actor=trustee)
        entering.append(time.perf_counter() - start)
    keyring = unlock_with_password(recipient, PASSWORD)
    start = time.perf_counter()
    given = recovery.complete_restore(restore, keyring=keyring, actor=recipient)
    completing = time.perf_counter() - start
    if given != generations + 1:  # every generation, and the one made when the holder left
        raise RuntimeError(f"restored {given} generations, expected {generations + 1}")
    return statistics.median(entering), completing, sum(entering) + completing


def restore() -> list[Row]:
    rows = []
    for k, n, generations in SHAPES:
        per_share, complete, total = _restore_cost(k, n, generations)
        shape = f"{k} of {n}, {generations + 1} generations"
        rows.append(Row(f"enter one share ({shape})", per_share * 1000, "ms", "check, seal to the recipient"))
        rows.append(
            Row(
                f"complete ({shape})",
                complete * 1000,
                "ms",
                "unseal k shares, combine, re-seal each generation to the recipient",
            )
        )
        rows.append(
            Row(
                f"whole restore at the server ({shape})",
                total * 1000,
                "ms",
                f"{total / TARGET_SECONDS:.1%} of the {TARGET_SECONDS:.0f} s target; logins not counted",
            )
        )
    return rows


BENCHMARKS = [
    Benchmark(
        "breakglass",
        "Break-glass restore",
        "A k-of-n restore of a group nobody holds: each of k trustees enters a share (checked, sealed to the "
        "recipient), then the recipient completes it (shares combined, every generation of the group opened "
        "with the recovery key and sealed to them). Server time only; each person's login is the login "
        "cost above.",
        restore,
    ),
]
