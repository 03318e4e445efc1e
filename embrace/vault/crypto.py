"""Byte-level cryptography: key pairs, wrapping, and the one versioned envelope format.

Everything encrypted in Embrace is one of two formats, both versioned by their first four bytes:

Envelope ``EMB1`` — content sealed to a compartment's public key::

    magic "EMB1" | kind (1: "M" message, "S" stream) | key id (16: the CompartmentKey uuid)
    | sealed data key (80: crypto_box_seal of a random 32-byte key)
    | M: nonce (24) + XChaCha20-Poly1305 ciphertext, the 101-byte header as associated data
    | S: secretstream header (24) + chunks, each a 4-byte big-endian length and a secretstream
      XChaCha20-Poly1305 ciphertext; the first chunk carries the header as associated data, the last is
      tagged FINAL so truncation is detected.

Anyone holding the public key can write an envelope; only a holder of the compartment's private key can read.

Wrap ``EMW1`` — a secret (a private key) encrypted under a symmetric key::

    magic "EMW1" | kind (1: "P" password, "K" raw key) | P: opslimit (4) + memlimit (4) + salt (16)
    | nonce (24) + XChaCha20-Poly1305 ciphertext, header and a purpose label as associated data

Passwords are stretched with Argon2id; the parameters travel with the wrap so they can be raised later.

Signatures (Ed25519, detached) sign the audit log's anchors (``embrace.vault.anchors``).
"""

from __future__ import annotations

import struct
import uuid
from collections.abc import Callable, Iterator
from typing import BinaryIO

import nacl.bindings as sodium
import nacl.exceptions
import nacl.hash
import nacl.pwhash
import nacl.signing
import nacl.utils
from nacl.encoding import RawEncoder
from nacl.public import PrivateKey, PublicKey, SealedBox

ENVELOPE_MAGIC = b"EMB1"
WRAP_MAGIC = b"EMW1"
KIND_MESSAGE = b"M"
KIND_STREAM = b"S"
KIND_PASSWORD = b"P"
KIND_KEY = b"K"
SEALED_KEY_BYTES = 32 + 48  # crypto_box_seal: ephemeral public key + MAC over a 32-byte key
ENVELOPE_HEADER_BYTES = 4 + 1 + 16 + SEALED_KEY_BYTES
NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
STREAM_CHUNK = 64 * 1024
_STREAM_HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_STREAM_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE


class DecryptionError(Exception):
    """The data is damaged, truncated, of an unknown format, or the key is wrong."""


# --- Key pairs ----------------------------------------------------------------------------------------------


def generate_keypair() -> tuple[bytes, bytes]:
    """(public, private) X25519 key bytes."""
    private = PrivateKey.generate()
    return bytes(private.public_key), bytes(private)


def public_key_of(private_key: bytes) -> bytes:
    """The X25519 public key that belongs to ``private_key``: how a session and a rebuilt recovery key prove
    they are the right one."""
    try:
        return bytes(PrivateKey(private_key).public_key)
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise DecryptionError("not a private key") from exc


def fingerprint(public_key: bytes) -> str:
    """A short, speakable digest of a public key: 16 decimal digits in four groups ("0123 4567 …").

    Digits read aloud the same way in Burmese and English and over a bad line. 53 bits is plenty for what
    it is compared against: a key the listener was told of moments ago by the person who holds it.
    """
    digest = nacl.hash.blake2b(public_key, digest_size=8, person=b"embrace/keyfp/1", encoder=RawEncoder)
    digits = f"{int.from_bytes(digest, 'big') % 10**16:016d}"
    return " ".join(digits[i : i + 4] for i in range(0, 16, 4))


def seal_to(public_key: bytes, secret: bytes) -> bytes:
    """Anonymous public-key encryption of a short secret (a key) to one recipient."""
    return SealedBox(PublicKey(public_key)).encrypt(secret)


def unseal(private_key: bytes, sealed: bytes) -> bytes:
    try:
        return SealedBox(PrivateKey(private_key)).decrypt(sealed)
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise DecryptionError("cannot unseal with this key") from exc


class Opener:
    """Unseals many secrets sealed to one key pair: the public half is derived once, not per secret (an
    inbox page unseals fifty case keys sealed to the same group generation)."""

    __slots__ = ("_box", "private_key")

    def __init__(self, private_key: bytes) -> None:
        self.private_key = private_key
        self._box = SealedBox(PrivateKey(private_key))

    def __repr__(self) -> str:
        return "<Opener>"  # never the key

    def unseal(self, sealed: bytes) -> bytes:
        try:
            return self._box.decrypt(sealed)
        except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
            raise DecryptionError("cannot unseal with this key") from exc


def opener(private_key: bytes) -> Opener:
    try:
        return Opener(private_key)
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise DecryptionError("not a private key") from exc


def random_key() -> bytes:
    return nacl.utils.random(32)


# --- Wrapping secrets under a password or a key ---------------------------------------------------------


def _aead_encrypt(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = nacl.utils.random(NONCE_BYTES)
    return nonce + sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(plaintext, aad, nonce, key)


def _aead_decrypt(key: bytes, blob: bytes, aad: bytes) -> bytes:
    if len(blob) < NONCE_BYTES + 16:
        raise DecryptionError("ciphertext too short")
    try:
        return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
            blob[NONCE_BYTES:], aad, blob[:NONCE_BYTES], key
        )
    except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
        raise DecryptionError("wrong key or damaged data") from exc


def wrap_with_key(key: bytes, secret: bytes, *, purpose: bytes) -> bytes:
    header = WRAP_MAGIC + KIND_KEY
    return header + _aead_encrypt(key, secret, header + purpose)


def unwrap_with_key(key: bytes, wrapped: bytes, *, purpose: bytes) -> bytes:
    header = WRAP_MAGIC + KIND_KEY
    if len(key) != 32 or not wrapped.startswith(header):
        raise DecryptionError("not a key-wrapped secret")
    return _aead_decrypt(key, wrapped[len(header) :], header + purpose)


def stretch(password: bytes, salt: bytes, *, opslimit: int, memlimit: int, size: int = 32) -> bytes:
    """Argon2id: a key (32 bytes unless asked) from a low-entropy secret."""
    return nacl.pwhash.argon2id.kdf(size, password, salt, opslimit=opslimit, memlimit=memlimit)


# Bounds on the Argon2id cost read back from a wrap. The parameters travel in the wrap so they can be raised
# later, which also means a damaged (or planted) wrap chooses the cost of its own unwrapping: without a cap,
# one row claiming 2**32 passes hangs a login for ever. Wraps are refused outside the same bounds, so a
# deployment cannot write a wrap it would later refuse to read.
MAX_OPSLIMIT = 16
MAX_MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_SENSITIVE  # 1 GiB

# The least a production deployment may stretch a password or a receipt with: libsodium's "interactive"
# profile (2 passes over 64 MiB). Below it a guesser holding a wrap, or the database and the receipt salt,
# tries too many values a second. Tests run cheaper on purpose; the system check embrace.E020 refuses a
# production configuration under these floors (embrace/core/checks.py).
FLOOR_OPSLIMIT = nacl.pwhash.argon2id.OPSLIMIT_INTERACTIVE  # 2
FLOOR_MEMLIMIT = nacl.pwhash.argon2id.MEMLIMIT_INTERACTIVE  # 64 MiB


def _check_cost(opslimit: int, memlimit: int) -> bool:
    return (
        nacl.pwhash.argon2id.OPSLIMIT_MIN <= opslimit <= MAX_OPSLIMIT
        and nacl.pwhash.argon2id.MEMLIMIT_MIN <= memlimit <= MAX_MEMLIMIT
    )


def wrap_with_password(
    password: str, secret: bytes, *, purpose: bytes, opslimit: int, memlimit: int
) -> bytes:
    if not _check_cost(opslimit, memlimit):
        raise ValueError(f"Argon2id cost out of bounds: opslimit {opslimit}, memlimit {memlimit}")
    salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
    header = WRAP_MAGIC + KIND_PASSWORD + struct.pack(">II", opslimit, memlimit) + salt
    key = stretch(password.encode(), salt, opslimit=opslimit, memlimit=memlimit)
    return header + _aead_encrypt(key, secret, header + purpose)


def unwrap_with_password(password: str, wrapped: bytes, *, purpose: bytes) -> bytes:
    fixed = len(WRAP_MAGIC) + 1 + 8 + nacl.pwhash.argon2id.SALTBYTES
    if not wrapped.startswith(WRAP_MAGIC + KIND_PASSWORD) or len(wrapped) < fixed:
        raise DecryptionError("not a password-wrapped secret")
    opslimit, memlimit = struct.unpack(">II", wrapped[5:13])
    if not _check_cost(opslimit, memlimit):
        raise DecryptionError("password wrap with an implausible Argon2id cost")
    salt, header = wrapped[13:fixed], wrapped[:fixed]
    key = stretch(password.encode(), salt, opslimit=opslimit, memlimit=memlimit)
    return _aead_decrypt(key, wrapped[fixed:], header + purpose)


# --- Envelopes: content sealed to a compartment ---------------------------------------------------------


def _envelope_header(kind: bytes, key_id: uuid.UUID, public_key: bytes) -> tuple[bytes, bytes]:
    data_key = random_key()
    header = ENVELOPE_MAGIC + kind + key_id.bytes + seal_to(public_key, data_key)
    return header, data_key


def envelope_key_id(envelope: bytes) -> uuid.UUID:
    """Which compartment key an envelope (or the start of a stream) was sealed to."""
    if len(envelope) < ENVELOPE_HEADER_BYTES or envelope[:4] != ENVELOPE_MAGIC:
        raise DecryptionError("not an Embrace envelope")
    return uuid.UUID(bytes=envelope[5:21])


def seal_message(public_key: bytes, key_id: uuid.UUID, plaintext: bytes) -> bytes:
    header, data_key = _envelope_header(KIND_MESSAGE, key_id, public_key)
    return header + _aead_encrypt(data_key, plaintext, header)


def open_message(private_key: bytes, envelope: bytes) -> bytes:
    """The plaintext of a message envelope, or DecryptionError. ``private_key`` is the compartment's."""
    envelope_key_id(envelope)
    if envelope[4:5] != KIND_MESSAGE:
        raise DecryptionError("not a message envelope")
    header = envelope[:ENVELOPE_HEADER_BYTES]
    data_key = unseal(private_key, header[21:])
    return _aead_decrypt(data_key, envelope[ENVELOPE_HEADER_BYTES:], header)


def seal_stream(public_key: bytes, key_id: uuid.UUID, source: BinaryIO, sink: BinaryIO) -> int:
    """Encrypt ``source`` into ``sink`` in 64 KiB chunks; returns the plaintext size. Memory stays flat."""
    header, data_key = _envelope_header(KIND_STREAM, key_id, public_key)
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    sink.write(header)
    sink.write(sodium.crypto_secretstream_xchacha20poly1305_init_push(state, data_key))
    total, aad = 0, header
    # One chunk of look-ahead: a chunk is tagged FINAL only when the next read comes back empty, so the
    # last chunk (or the only, empty one for an empty source) carries the tag that proves nothing was cut.
    chunk = source.read(STREAM_CHUNK)
    while True:
        following = source.read(STREAM_CHUNK) if chunk else b""
        tag = _TAG_FINAL if not following else _TAG_MESSAGE
        sealed = sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, aad or None, tag)
        sink.write(struct.pack(">I", len(sealed)) + sealed)
        total, aad = total + len(chunk), b""
        if tag == _TAG_FINAL:
            return total
        chunk = following


class StreamSealer:
    """``seal_stream`` for a producer that writes rather than a source that is read (an archive being built).

    Writes the same ``EMB1`` stream format: 64 KiB chunks as they fill, and on ``close`` the rest (possibly
    nothing) tagged FINAL, so a reader tells a whole stream from a cut one. Memory holds one chunk.
    """

    def __init__(self, public_key: bytes, key_id: uuid.UUID, sink: BinaryIO) -> None:
        header, data_key = _envelope_header(KIND_STREAM, key_id, public_key)
        self._state = sodium.crypto_secretstream_xchacha20poly1305_state()
        self._sink = sink
        self._aad: bytes | None = header
        self._buffer = bytearray()
        self._closed = False
        self.written = 0
        sink.write(header)
        sink.write(sodium.crypto_secretstream_xchacha20poly1305_init_push(self._state, data_key))

    def _push(self, chunk: bytes, tag: int) -> None:
        sealed = sodium.crypto_secretstream_xchacha20poly1305_push(self._state, chunk, self._aad, tag)
        self._sink.write(struct.pack(">I", len(sealed)) + sealed)
        self._aad = None

    def write(self, data: bytes) -> int:
        if self._closed:
            raise ValueError("stream already closed")
        self._buffer += data
        self.written += len(data)
        # Keep at least one byte back: the last chunk must go out tagged FINAL from ``close``.
        while len(self._buffer) > STREAM_CHUNK:
            self._push(bytes(self._buffer[:STREAM_CHUNK]), _TAG_MESSAGE)
            del self._buffer[:STREAM_CHUNK]
        return len(data)

    def close(self) -> None:
        if not self._closed:
            self._push(bytes(self._buffer), _TAG_FINAL)
            self._buffer.clear()
            self._closed = True


def open_stream(unseal_key: Callable[[uuid.UUID, bytes], bytes], source: BinaryIO) -> Iterator[bytes]:
    """Yield plaintext chunks of a stream envelope; raises DecryptionError on damage or truncation.

    ``unseal_key(key_id, sealed_data_key)`` returns the data key; it is where access is decided.

    Every chunk is authenticated before it is yielded, so nothing forged or reordered ever comes out. But a
    stream cut short (or with data appended) is only known to be so at its end: until the iterator is
    exhausted without an exception, what it gave is a genuine *prefix*, not necessarily the whole. Callers
    that must not act on a partial file write it somewhere provisional and keep it only once this returns.
    """
    header = source.read(ENVELOPE_HEADER_BYTES)
    key_id = envelope_key_id(header)
    if header[4:5] != KIND_STREAM:
        raise DecryptionError("not a stream envelope")
    data_key = unseal_key(key_id, header[21:])
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    stream_header = source.read(_STREAM_HEADER_BYTES)
    if len(stream_header) != _STREAM_HEADER_BYTES:
        raise DecryptionError("stream truncated")
    sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, stream_header, data_key)
    aad: bytes | None = header
    while True:
        length_bytes = source.read(4)
        if len(length_bytes) != 4:
            raise DecryptionError("stream truncated")
        (length,) = struct.unpack(">I", length_bytes)
        if length < _STREAM_ABYTES or length > STREAM_CHUNK + _STREAM_ABYTES:
            raise DecryptionError("stream damaged")
        sealed = source.read(length)
        # The length field is outside the authenticated data: a last chunk whose length was raised would
        # otherwise be read short and still verify, and the damage would pass unnoticed.
        if len(sealed) != length:
            raise DecryptionError("stream truncated")
        try:
            chunk, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, sealed, aad)
        except (nacl.exceptions.CryptoError, ValueError, TypeError) as exc:
            raise DecryptionError("stream damaged") from exc
        aad = None
        yield chunk
        if tag == _TAG_FINAL:
            if source.read(1):
                raise DecryptionError("data after the end of the stream")
            return


# --- Signatures (the audit log's anchors) -----------------------------------------------------------------

SIGNING_SEED_BYTES = 32


def generate_signing_seed() -> bytes:
    """A fresh Ed25519 signing key, as the 32-byte seed it is stored as."""
    return bytes(nacl.signing.SigningKey.generate())


def signing_public_key(seed: bytes) -> bytes:
    return bytes(nacl.signing.SigningKey(seed).verify_key)


def sign_detached(seed: bytes, message: bytes) -> bytes:
    """A 64-byte Ed25519 signature of ``message``."""
    return nacl.signing.SigningKey(seed).sign(message).signature


def signature_is_valid(public_key: bytes, message: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is ``public_key``'s over ``message``; a malformed key or signature is not."""
    try:
        nacl.signing.VerifyKey(public_key).verify(message, signature)
    except (nacl.exceptions.BadSignatureError, nacl.exceptions.CryptoError, ValueError, TypeError):
        return False
    return True
