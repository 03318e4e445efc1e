"""What a seizure of the server yields, and the shapes a secret could hide in within it."""

from __future__ import annotations

import base64
import json

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection


def _as_bytes(value: object) -> bytes:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False).encode()
    return str(value).encode()


def model_rows() -> bytes:
    """Every field of every row of every model, including many-to-many tables."""
    parts: list[bytes] = []
    for model in apps.get_models(include_auto_created=True):
        names = [f.attname for f in model._meta.concrete_fields]
        for row in model._base_manager.values_list(*names):
            parts.extend(_as_bytes(v) for v in row)
    return b"\n".join(parts)


def table_rows() -> bytes:
    """Every value of every table, models or not (migrations, task queues ...), through plain SQL."""
    parts: list[bytes] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608  (our own tables)
            for row in cursor.fetchall():
                parts.extend(_as_bytes(v) for v in row)
    return b"\n".join(parts)


def decoded_sessions() -> list[dict[str, object]]:
    """Session rows as their contents: the secret key that signs them is in the data folder too."""
    return [SessionStore().decode(s.session_data) for s in Session.objects.all()]


def data_folder() -> dict[str, bytes]:
    """Every file under DATA_DIR: on SQLite, the database file, its WAL and shared memory among them."""
    return {
        str(p.relative_to(settings.DATA_DIR)): p.read_bytes()
        for p in sorted(settings.DATA_DIR.rglob("*"))
        if p.is_file()
    }


def _b64_forms(secret: bytes) -> set[bytes]:
    """Base64, standard and URL-safe, of ``secret`` at each of the three alignments it can have inside a
    longer encoded string, trimmed to the characters that depend on ``secret`` alone."""
    forms: set[bytes] = set()
    for encode in (base64.b64encode, base64.urlsafe_b64encode):
        forms.add(encode(secret))
        forms.add(encode(secret).rstrip(b"="))
        for shift in range(3):
            encoded = encode(bytes(shift) + secret)
            start = 4 if shift else 0
            forms.add(encoded[start:-4])
    return forms


def shapes(secret: bytes) -> set[bytes]:
    """The raw bytes, hex in either case, and base64 forms of a secret."""
    return {secret, secret.hex().encode(), secret.hex().upper().encode(), *_b64_forms(secret)}


def find(secret: bytes, haystacks: dict[str, bytes]) -> list[str]:
    """Where any shape of ``secret`` occurs: names of the haystacks that hold it."""
    found = []
    for name, haystack in haystacks.items():
        if any(shape in haystack for shape in shapes(secret)):
            found.append(name)
    return found
