"""Argon2id really stretches what it should, at the configured cost: each stored value is recomputed here
with an independent Argon2id implementation (argon2-cffi, not the vault's libsodium call) and the configured
parameters, and must come out the same.

A cheap hash put in place of the stretching, or a cost quietly halved in the code, makes the recomputed key
differ from the stored one and these tests fail; a cost lowered in the settings for production is refused by
the system checks embrace.E020-E022 (embrace/core/tests/test_checks.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import subprocess
import sys

import nacl.bindings as sodium
import nacl.exceptions
import pytest
from argon2.low_level import Type, hash_secret_raw, verify_secret
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.utils.module_loading import import_string
from nacl.public import PrivateKey

from embrace.accounts.hashers import EmbraceArgon2PasswordHasher
from embrace.accounts.roles import Role
from embrace.testing.personas import make_persona
from embrace.vault import crypto, receipts
from embrace.vault.models import UserKey

pytestmark = pytest.mark.django_db

NONCE = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES


def _argon2id(secret: bytes, salt: bytes, *, opslimit: int, memlimit: int, size: int) -> bytes:
    # libsodium's Argon2id: one lane, version 1.3, memory in bytes where argon2-cffi counts KiB.
    return hash_secret_raw(
        secret,
        salt,
        time_cost=opslimit,
        memory_cost=memlimit // 1024,
        parallelism=1,
        hash_len=size,
        type=Type.ID,
    )


def _aead_open(key: bytes, blob: bytes, aad: bytes) -> bytes:
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(blob[NONCE:], aad, blob[:NONCE], key)


def test_a_staff_key_wrap_is_argon2id_of_the_password_at_the_configured_cost() -> None:
    persona = make_persona("stretched", Role.HANDLER)
    record = UserKey.objects.get(user=persona.user)
    wrapped = bytes(record.wrapped_by_password)
    assert wrapped[:5] == b"EMW1P"
    opslimit, memlimit = struct.unpack(">II", wrapped[5:13])
    # The cost written in the header is the configured one, not less.
    assert (opslimit, memlimit) == (settings.VAULT_PASSWORD_OPSLIMIT, settings.VAULT_PASSWORD_MEMLIMIT)
    salt, body = wrapped[13:29], wrapped[29:]
    key = _argon2id(persona.password.encode(), salt, opslimit=opslimit, memlimit=memlimit, size=32)
    purpose = f"embrace/user-private-key/password/{persona.user.pk}".encode()
    # ...and the wrapping key really is that Argon2id: it opens the wrap, which holds the user's private key.
    private = _aead_open(key, body, wrapped[:29] + purpose)
    assert bytes(PrivateKey(private).public_key) == bytes(record.public_key)


def test_a_password_wrap_refuses_a_key_stretched_any_cheaper() -> None:
    wrapped = crypto.wrap_with_password(
        "a long passphrase here",
        b"secret",
        purpose=b"p",
        opslimit=settings.VAULT_PASSWORD_OPSLIMIT,
        memlimit=settings.VAULT_PASSWORD_MEMLIMIT,
    )
    salt = wrapped[13:29]
    cheaper = _argon2id(
        b"a long passphrase here",
        salt,
        opslimit=settings.VAULT_PASSWORD_OPSLIMIT,
        memlimit=settings.VAULT_PASSWORD_MEMLIMIT // 2,
        size=32,
    )
    with pytest.raises(nacl.exceptions.CryptoError):
        _aead_open(cheaper, wrapped[29:], wrapped[:29] + b"p")


def test_a_receipt_is_argon2id_at_the_configured_cost_for_both_lookup_and_key() -> None:
    holder, receipt = receipts.prepare_holder()
    salt = hashlib.blake2b(settings.RECEIPT_SALT.encode(), digest_size=16, person=b"embrace-receipt").digest()
    out = _argon2id(
        receipt.encode(),
        salt,
        opslimit=settings.RECEIPT_OPSLIMIT,
        memlimit=settings.RECEIPT_MEMLIMIT,
        size=64,
    )
    assert hashlib.sha256(out[:32]).hexdigest() == holder.lookup
    wrapped = bytes(holder.wrapped_private_key)
    assert wrapped[:5] == b"EMW1K"
    private = _aead_open(out[32:], wrapped[5:], wrapped[:5] + b"embrace/receipt-holder/v1")
    assert bytes(PrivateKey(private).public_key) == bytes(holder.public_key)


def test_a_stored_password_hash_is_argon2id_at_the_configured_hasher_s_cost() -> None:
    persona = make_persona("hashed", Role.HANDLER)
    algorithm, phc = persona.user.password.split("$", 1)
    assert algorithm == "argon2"
    hasher = import_string(settings.PASSWORD_HASHERS[0])
    variant, _version, params, _salt, _digest = phc.split("$")
    assert variant == "argon2id"
    assert params == f"m={hasher.memory_cost},t={hasher.time_cost},p={hasher.parallelism}"
    assert verify_secret(("$" + phc).encode(), persona.password.encode(), Type.ID)


def test_the_deployed_password_hasher_is_argon2id_at_no_less_than_the_floor() -> None:
    encoded = make_password("a long passphrase here", hasher=EmbraceArgon2PasswordHasher())
    phc = "$" + encoded.split("$", 1)[1]
    params = dict(item.split("=") for item in phc.split("$")[3].split(","))
    assert int(params["t"]) >= crypto.FLOOR_OPSLIMIT
    assert int(params["m"]) * 1024 >= crypto.FLOOR_MEMLIMIT
    assert verify_secret(phc.encode(), b"a long passphrase here", Type.ID)


def test_production_defaults_stretch_at_no_less_than_the_floor(tmp_path) -> None:  # type: ignore[no-untyped-def]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "EMBRACE_", "DJANGO_"))}
    clean["EMBRACE_DATA_DIR"] = str(tmp_path)
    code = (
        "import json, os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'embrace.settings'; django.setup();"
        "from django.conf import settings as s;"
        "print(json.dumps([s.VAULT_PASSWORD_OPSLIMIT, s.VAULT_PASSWORD_MEMLIMIT,"
        " s.RECEIPT_OPSLIMIT, s.RECEIPT_MEMLIMIT]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=60, check=True
    )
    vault_ops, vault_mem, receipt_ops, receipt_mem = json.loads(result.stdout)
    assert vault_ops >= crypto.FLOOR_OPSLIMIT
    assert vault_mem >= crypto.FLOOR_MEMLIMIT
    assert receipt_ops >= crypto.FLOOR_OPSLIMIT
    assert receipt_mem >= crypto.FLOOR_MEMLIMIT
