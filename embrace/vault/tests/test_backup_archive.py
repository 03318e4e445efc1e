"""The backup archive's encryption: written as a producer writes, read back only whole, with its key."""

from __future__ import annotations

import io
import os

import pytest

from embrace.vault import backup, crypto


@pytest.mark.parametrize(
    "size", [0, 1, crypto.STREAM_CHUNK, crypto.STREAM_CHUNK + 1, 3 * crypto.STREAM_CHUNK]
)
def test_archive_written_in_pieces_reads_back_whole(size: int):
    public, private = crypto.generate_keypair()
    data = os.urandom(size)
    sink = io.BytesIO()
    sealer = backup.sealer(public, sink)
    for start in range(0, size, 1000):
        sealer.write(data[start : start + 1000])
    sealer.close()

    assert b"".join(backup.open_archive(private, io.BytesIO(sink.getvalue()))) == data


def test_archive_cut_at_a_chunk_boundary_is_refused():
    public, private = crypto.generate_keypair()
    sink = io.BytesIO()
    sealer = backup.sealer(public, sink)
    sealer.write(os.urandom(2 * crypto.STREAM_CHUNK + 10))
    sealer.close()
    whole = sink.getvalue()
    # Header, stream header, then the first two full chunks: stop right after them.
    first_two = crypto.ENVELOPE_HEADER_BYTES + 24 + 2 * (4 + crypto.STREAM_CHUNK + 17)

    with pytest.raises(crypto.DecryptionError, match="truncated"):
        b"".join(backup.open_archive(private, io.BytesIO(whole[:first_two])))


def test_archive_opened_with_another_key_says_so():
    public, _ = crypto.generate_keypair()
    _, other = crypto.generate_keypair()
    sink = io.BytesIO()
    sealer = backup.sealer(public, sink)
    sealer.write(b"database")
    sealer.close()

    with pytest.raises(backup.WrongBackupKey):
        b"".join(backup.open_archive(other, io.BytesIO(sink.getvalue())))
