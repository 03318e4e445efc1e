"""The envelope and wrap formats byte by byte: what goes in comes out; anything altered, nothing."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import nacl.pwhash
import pytest

from embrace.vault import crypto
from embrace.vault.crypto import ENVELOPE_HEADER_BYTES, STREAM_CHUNK, DecryptionError

KiB, MiB = 1024, 1024 * 1024
# The cheapest Argon2id cost libsodium allows: these tests are about the format, not the cost.
OPS, MEM = nacl.pwhash.argon2id.OPSLIMIT_MIN, nacl.pwhash.argon2id.MEMLIMIT_MIN


@pytest.fixture
def keys() -> tuple[bytes, bytes, uuid.UUID]:
    public, private = crypto.generate_keypair()
    return public, private, uuid.uuid4()


def _sealed_stream(public: bytes, key_id: uuid.UUID, data: bytes) -> bytes:
    sink = io.BytesIO()
    assert crypto.seal_stream(public, key_id, io.BytesIO(data), sink) == len(data)
    return sink.getvalue()


def _unsealer(private: bytes, expected_id: uuid.UUID) -> Callable[[uuid.UUID, bytes], bytes]:
    def unseal_key(key_id: uuid.UUID, sealed: bytes) -> bytes:
        if key_id != expected_id:
            raise DecryptionError("no such key")
        return crypto.unseal(private, sealed)

    return unseal_key


def _open_stream(private: bytes, key_id: uuid.UUID, blob: bytes) -> bytes:
    return b"".join(crypto.open_stream(_unsealer(private, key_id), io.BytesIO(blob)))


def _flip(blob: bytes, position: int) -> bytes:
    damaged = bytearray(blob)
    damaged[position] ^= 0x01
    return bytes(damaged)


# --- Round trips ----------------------------------------------------------------------------------------

SIZES = [0, 1, STREAM_CHUNK - 1, STREAM_CHUNK, STREAM_CHUNK + 1, 3 * STREAM_CHUNK]


@pytest.mark.parametrize("size", SIZES)
def test_message_round_trips(keys: tuple[bytes, bytes, uuid.UUID], size: int) -> None:
    public, private, key_id = keys
    plaintext = os.urandom(size)
    envelope = crypto.seal_message(public, key_id, plaintext)
    assert envelope.startswith(b"EMB1M")
    assert crypto.envelope_key_id(envelope) == key_id
    assert crypto.open_message(private, envelope) == plaintext


@pytest.mark.parametrize("size", SIZES)
def test_stream_round_trips(keys: tuple[bytes, bytes, uuid.UUID], size: int) -> None:
    public, private, key_id = keys
    plaintext = os.urandom(size)
    blob = _sealed_stream(public, key_id, plaintext)
    assert blob.startswith(b"EMB1S")
    assert _open_stream(private, key_id, blob) == plaintext


def test_stream_chunks_are_64_kib(keys: tuple[bytes, bytes, uuid.UUID]) -> None:
    public, private, key_id = keys
    chunks = list(
        crypto.open_stream(
            _unsealer(private, key_id), io.BytesIO(_sealed_stream(public, key_id, b"x" * (STREAM_CHUNK + 1)))
        )
    )
    assert [len(c) for c in chunks] == [STREAM_CHUNK, 1]


def _pattern(total: int) -> Iterator[bytes]:
    block = hashlib.sha512(b"embrace").digest() * (STREAM_CHUNK // 64)
    for start in range(0, total, len(block)):
        yield block[: min(len(block), total - start)]


def test_several_mib_stream_through_files_with_flat_memory(
    keys: tuple[bytes, bytes, uuid.UUID], tmp_path: Path
) -> None:
    public, private, key_id = keys
    size = 6 * MiB + 123
    source, sealed = tmp_path / "plain", tmp_path / "sealed"
    expected = hashlib.sha256()
    with source.open("wb") as out:
        for block in _pattern(size):
            expected.update(block)
            out.write(block)

    tracemalloc.start()
    try:
        with source.open("rb") as src, sealed.open("wb") as sink:
            assert crypto.seal_stream(public, key_id, src, sink) == size
        _, sealing_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        got, seen = hashlib.sha256(), 0
        with sealed.open("rb") as src:
            for chunk in crypto.open_stream(_unsealer(private, key_id), src):
                got.update(chunk)
                seen += len(chunk)
        _, opening_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert seen == size
    assert got.digest() == expected.digest()
    assert sealed.stat().st_size > size
    # A few chunks in flight at most, whatever the file size (6 MiB here would be ~100 chunks).
    assert sealing_peak < 6 * STREAM_CHUNK, sealing_peak
    assert opening_peak < 6 * STREAM_CHUNK, opening_peak


# --- Damage: every altered byte is refused -----------------------------------------------------------------


def test_a_flipped_bit_anywhere_in_a_message_is_refused(keys: tuple[bytes, bytes, uuid.UUID]) -> None:
    public, private, key_id = keys
    envelope = crypto.seal_message(public, key_id, b"the battalion moves on Tuesday")
    for position in range(len(envelope)):
        with pytest.raises(DecryptionError):
            crypto.open_message(private, _flip(envelope, position))


def test_a_truncated_or_extended_message_is_refused(keys: tuple[bytes, bytes, uuid.UUID]) -> None:
    public, private, key_id = keys
    envelope = crypto.seal_message(public, key_id, b"meet at the bridge")
    for length in range(len(envelope)):
        with pytest.raises(DecryptionError):
            crypto.open_message(private, envelope[:length])
    with pytest.raises(DecryptionError):
        crypto.open_message(private, envelope + b"\x00")


def _chunk_starts(blob: bytes) -> list[int]:
    """Where each chunk's length field begins."""
    starts, offset = [], ENVELOPE_HEADER_BYTES + 24
    while offset < len(blob):
        starts.append(offset)
        (length,) = struct.unpack(">I", blob[offset : offset + 4])
        offset += 4 + length
    assert offset == len(blob)
    return starts


def _stream_positions(blob: bytes) -> list[int]:
    """Every byte of the headers and length fields, and the first, middle and last bytes of every chunk."""
    positions = list(range(ENVELOPE_HEADER_BYTES + 24))
    for start in _chunk_starts(blob):
        (length,) = struct.unpack(">I", blob[start : start + 4])
        body = start + 4
        positions += [
            start,
            start + 1,
            start + 2,
            start + 3,
            body,
            body + 1,
            body + length // 2,
            body + length - 1,
        ]
    return sorted(set(positions))


def _opened_prefix(private: bytes, key_id: uuid.UUID, blob: bytes) -> tuple[bytes, Exception | None]:
    out = io.BytesIO()
    try:
        for chunk in crypto.open_stream(_unsealer(private, key_id), io.BytesIO(blob)):
            out.write(chunk)
    except DecryptionError as exc:
        return out.getvalue(), exc
    return out.getvalue(), None


def test_a_flipped_bit_in_a_stream_is_refused_and_nothing_altered_comes_out(
    keys: tuple[bytes, bytes, uuid.UUID],
) -> None:
    public, private, key_id = keys
    plaintext = os.urandom(2 * STREAM_CHUNK + 500)
    blob = _sealed_stream(public, key_id, plaintext)
    positions = _stream_positions(blob)
    assert len(positions) == ENVELOPE_HEADER_BYTES + 24 + 3 * 8  # headers, three chunks
    for position in positions:
        out, error = _opened_prefix(private, key_id, _flip(blob, position))
        assert error is not None, position
        # Chunks before the damage are genuine and may have been yielded; nothing else.
        assert plaintext.startswith(out), position
        assert len(out) < len(plaintext), position


def test_a_stream_cut_anywhere_is_refused(keys: tuple[bytes, bytes, uuid.UUID]) -> None:
    public, private, key_id = keys
    plaintext = os.urandom(2 * STREAM_CHUNK + 500)
    blob = _sealed_stream(public, key_id, plaintext)
    starts = _chunk_starts(blob)
    assert len(starts) == 3
    # Inside the headers, inside each length field and chunk, and exactly between chunks: then every chunk
    # that is there is intact, and only the missing FINAL tag shows the cut.
    inside = [p for s in starts for p in (s + 2, s + 4, s + 100)]
    for length in [*range(0, ENVELOPE_HEADER_BYTES + 24, 5), *starts, *inside, len(blob) - 1]:
        out, error = _opened_prefix(private, key_id, blob[:length])
        assert error is not None, length
        assert len(out) < len(plaintext), length


def test_dropping_the_final_chunk_is_refused(keys: tuple[bytes, bytes, uuid.UUID]) -> None:
    public, private, key_id = keys
    blob = _sealed_stream(public, key_id, b"a" * (STREAM_CHUNK + 10))
    last = len(blob) - (4 + 10 + crypto._STREAM_ABYTES)
    with pytest.raises(DecryptionError, match="truncated"):
        _open_stream(private, key_id, blob[:last])


def test_a_stream_with_trailing_data_is_refused(keys: tuple[bytes, bytes, uuid.UUID]) -> None:
    public, private, key_id = keys
    blob = _sealed_stream(public, key_id, b"a" * 1000)
    with pytest.raises(DecryptionError, match="after the end"):
        _open_stream(private, key_id, blob + b"\x00")
    # Even a whole second valid stream glued on.
    with pytest.raises(DecryptionError, match="after the end"):
        _open_stream(private, key_id, blob + _sealed_stream(public, key_id, b"b"))


def test_chunks_cannot_be_reordered_or_spliced_between_streams(keys: tuple[bytes, bytes, uuid.UUID]) -> None:
    public, private, key_id = keys
    one = _sealed_stream(public, key_id, b"1" * (2 * STREAM_CHUNK))
    two = _sealed_stream(public, key_id, b"2" * (2 * STREAM_CHUNK))
    head = ENVELOPE_HEADER_BYTES + 24
    with pytest.raises(DecryptionError):
        _open_stream(private, key_id, one[:head] + two[head:])
    with pytest.raises(DecryptionError):
        _open_stream(private, key_id, two[:head] + one[head:])


def test_a_message_is_not_a_stream_and_back(keys: tuple[bytes, bytes, uuid.UUID]) -> None:
    public, private, key_id = keys
    message = crypto.seal_message(public, key_id, b"x")
    stream = _sealed_stream(public, key_id, b"x")
    with pytest.raises(DecryptionError):
        crypto.open_message(private, stream)
    with pytest.raises(DecryptionError):
        _open_stream(private, key_id, message)


# --- Wrong keys -----------------------------------------------------------------------------------------


def test_wrong_private_key_opens_nothing(keys: tuple[bytes, bytes, uuid.UUID]) -> None:
    public, _, key_id = keys
    _, stranger = crypto.generate_keypair()
    with pytest.raises(DecryptionError):
        crypto.open_message(stranger, crypto.seal_message(public, key_id, b"secret"))
    with pytest.raises(DecryptionError):
        _open_stream(stranger, key_id, _sealed_stream(public, key_id, b"secret"))
    for junk in (b"", b"\x00" * 31, b"\x00" * 33):
        with pytest.raises(DecryptionError):
            crypto.open_message(junk, crypto.seal_message(public, key_id, b"secret"))


def test_a_swapped_key_id_is_refused_even_by_a_holder_of_the_right_key(
    keys: tuple[bytes, bytes, uuid.UUID],
) -> None:
    public, private, key_id = keys
    other_id = uuid.uuid4()
    envelope = crypto.seal_message(public, key_id, b"secret")
    swapped = envelope[:5] + other_id.bytes + envelope[21:]
    assert crypto.envelope_key_id(swapped) == other_id
    # The key id is bound to the ciphertext as associated data: the right private key still refuses it.
    with pytest.raises(DecryptionError):
        crypto.open_message(private, swapped)
    stream = _sealed_stream(public, key_id, b"secret")
    with pytest.raises(DecryptionError):
        _open_stream(private, other_id, stream[:5] + other_id.bytes + stream[21:])


# --- Wraps ----------------------------------------------------------------------------------------------


def test_password_wrap_round_trips_and_refuses_wrong_password_or_purpose() -> None:
    secret = os.urandom(32)
    wrapped = crypto.wrap_with_password("hunter2 hunter2", secret, purpose=b"a", opslimit=OPS, memlimit=MEM)
    assert secret not in wrapped
    assert crypto.unwrap_with_password("hunter2 hunter2", wrapped, purpose=b"a") == secret
    with pytest.raises(DecryptionError):
        crypto.unwrap_with_password("hunter2 hunter3", wrapped, purpose=b"a")
    with pytest.raises(DecryptionError):
        crypto.unwrap_with_password("hunter2 hunter2", wrapped, purpose=b"b")
    with pytest.raises(DecryptionError):
        crypto.unwrap_with_key(os.urandom(32), wrapped, purpose=b"a")


def test_key_wrap_round_trips_and_refuses_wrong_key_or_purpose() -> None:
    key, secret = os.urandom(32), os.urandom(32)
    wrapped = crypto.wrap_with_key(key, secret, purpose=b"a")
    assert crypto.unwrap_with_key(key, wrapped, purpose=b"a") == secret
    with pytest.raises(DecryptionError):
        crypto.unwrap_with_key(os.urandom(32), wrapped, purpose=b"a")
    with pytest.raises(DecryptionError):
        crypto.unwrap_with_key(key, wrapped, purpose=b"b")
    with pytest.raises(DecryptionError):
        crypto.unwrap_with_key(key[:16], wrapped, purpose=b"a")
    with pytest.raises(DecryptionError):
        crypto.unwrap_with_password("anything", wrapped, purpose=b"a")
    for position in range(len(wrapped)):
        with pytest.raises(DecryptionError):
            crypto.unwrap_with_key(key, _flip(wrapped, position), purpose=b"a")


def test_argon2_parameters_travel_in_the_password_wrap() -> None:
    secret = os.urandom(32)
    cheap = crypto.wrap_with_password("pw", secret, purpose=b"p", opslimit=OPS, memlimit=MEM)
    dearer = crypto.wrap_with_password("pw", secret, purpose=b"p", opslimit=OPS + 1, memlimit=2 * MEM)
    assert struct.unpack(">II", cheap[5:13]) == (OPS, MEM)
    assert struct.unpack(">II", dearer[5:13]) == (OPS + 1, 2 * MEM)
    # Unwrapping is told nothing about the cost: each wrap carries its own.
    assert crypto.unwrap_with_password("pw", cheap, purpose=b"p") == secret
    assert crypto.unwrap_with_password("pw", dearer, purpose=b"p") == secret
    # And the parameters are authenticated: lowering them (to make guessing cheaper) breaks the wrap.
    lowered = dearer[:5] + struct.pack(">II", OPS, MEM) + dearer[13:]
    with pytest.raises(DecryptionError):
        crypto.unwrap_with_password("pw", lowered, purpose=b"p")
    for position in range(len(cheap)):
        with pytest.raises(DecryptionError):
            crypto.unwrap_with_password("pw", _flip(cheap, position), purpose=b"p")


@pytest.mark.parametrize(
    ("opslimit", "memlimit"),
    [(0, MEM), (OPS, 0), (2**32 - 1, MEM), (OPS, 2**32 - 1)],
    ids=["no-passes", "no-memory", "endless-passes", "4-GiB"],
)
def test_a_wrap_claiming_an_absurd_cost_is_refused_before_any_work(opslimit: int, memlimit: int) -> None:
    wrapped = crypto.wrap_with_password("pw", b"s" * 32, purpose=b"p", opslimit=OPS, memlimit=MEM)
    planted = wrapped[:5] + struct.pack(">II", opslimit, memlimit) + wrapped[13:]
    with pytest.raises(DecryptionError, match="implausible"):
        crypto.unwrap_with_password("pw", planted, purpose=b"p")
    with pytest.raises(ValueError, match="out of bounds"):
        crypto.wrap_with_password("pw", b"s" * 32, purpose=b"p", opslimit=opslimit, memlimit=memlimit)


def test_sealed_keys_open_only_with_their_private_key() -> None:
    public, private = crypto.generate_keypair()
    _, other = crypto.generate_keypair()
    sealed = crypto.seal_to(public, b"k" * 32)
    assert crypto.unseal(private, sealed) == b"k" * 32
    with pytest.raises(DecryptionError):
        crypto.unseal(other, sealed)
    with pytest.raises(DecryptionError):
        crypto.unseal(private, sealed[:-1])
