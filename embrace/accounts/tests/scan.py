"""Where a client's metadata could end up: every log line and every database row."""

from __future__ import annotations

from django.conf import settings
from django.db import connection


def log_file_text() -> str:
    return "\n".join(
        p.read_text(errors="replace") for p in sorted(settings.LOG_DIR.rglob("*")) if p.is_file()
    )


def data_folder_bytes() -> bytes:
    """Every file the server wrote in its data folder: the SQLite file and its WAL, uploads (the outbox's
    sealed photos among them), logs, secrets."""
    from pathlib import Path

    return b"\n".join(p.read_bytes() for p in Path(settings.DATA_DIR).rglob("*") if p.is_file())


def database_text() -> str:
    """Every value of every row of every table, as text (bytes decoded leniently)."""
    parts: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608  (our own table names)
            for row in cursor.fetchall():
                for value in row:
                    raw = bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode()
                    parts.append(raw.decode("latin-1"))
    return "\n".join(parts)
