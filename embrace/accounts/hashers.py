"""Django's Argon2 password hasher, at the vault's cost.

A login checks the password hash, then unwraps the private key with an Argon2id of the same password. Django's
default (100 MiB, 8 lanes) made the check twice the cost of the unwrap for no gain: a guesser holding the
database attacks the cheaper of the two. Both now cost the same, and peak memory per login halves.

At most two checks run at once per process: `embrace serve` runs many threads (so that enquirers waiting for
key stretching do not hold up returns), and a burst of sign-in attempts must not hold 64 MiB per thread. The
private-key unwrap runs only after a right password, so a stranger cannot reach it.
"""

from __future__ import annotations

import threading

from django.contrib.auth.hashers import Argon2PasswordHasher

_CHECKS = threading.BoundedSemaphore(2)


class EmbraceArgon2PasswordHasher(Argon2PasswordHasher):
    # Same algorithm name as Django's, so stored hashes stay valid; must_update() re-hashes old ones at login.
    time_cost = 3
    memory_cost = 64 * 1024  # KiB
    parallelism = 1

    def encode(self, password: str, salt: str) -> str:
        with _CHECKS:
            return super().encode(password, salt)

    def verify(self, password: str, encoded: str) -> bool:
        with _CHECKS:
            return super().verify(password, encoded)

    def harden_runtime(self, password: str, encoded: str) -> None:
        with _CHECKS:
            super().harden_runtime(password, encoded)


class CheapArgon2PasswordHasher(EmbraceArgon2PasswordHasher):
    """For the test suite only (settings.TESTING): the same code path at the smallest cost."""

    time_cost = 1
    memory_cost = 8 * 1024
