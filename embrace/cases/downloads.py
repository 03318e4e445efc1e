"""Serving a sealed file (a message's photo, a claim's evidence photo) to someone whose keyring opens it."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.http import Http404, StreamingHttpResponse

from embrace.cases.actions import attachment_path
from embrace.vault.keyring import Keyring


def sealed_file_response(keyring: Keyring, stored_name: str, sealed_meta: bytes) -> StreamingHttpResponse:
    """A sealed file, decrypted as it streams out: never written to disk in clear, never cached. Raises
    ``NoAccess`` if the keyring cannot open it, ``Http404`` if the file is gone."""
    meta = json.loads(keyring.open(sealed_meta))
    path = attachment_path(stored_name)
    if not path.exists():
        raise Http404("This file is no longer stored.")

    def decrypted() -> Iterator[bytes]:
        with open(path, "rb") as source:
            yield from keyring.open_stream(source)

    response = StreamingHttpResponse(decrypted(), content_type=meta["mime"])
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "no-store"
    return response
