"""Django's Argon2 password hasher, at the vault's cost.

A login checks the password hash, then unwraps the private key with an Argon2id of the same password. Django's
default (100 MiB, 8 lanes) made the check twice the cost of the unwrap for no gain: a guesser holding the
database attacks the cheaper of the two. Both now cost the same, and peak memory per login halves.
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class EmbraceArgon2PasswordHasher(Argon2PasswordHasher):
    # Same algorithm name as Django's, so stored hashes stay valid; must_update() re-hashes old ones at login.
    time_cost = 3
    memory_cost = 64 * 1024  # KiB
    parallelism = 1


class CheapArgon2PasswordHasher(EmbraceArgon2PasswordHasher):
    """For the test suite only (settings.TESTING): the same code path at the smallest cost."""

    time_cost = 1
    memory_cost = 8 * 1024
