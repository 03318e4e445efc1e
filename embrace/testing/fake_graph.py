"""A fake of Meta's Graph API for tests: the Send API and attachment downloads, on 127.0.0.1 only.

``with FakeGraph(token="...") as graph:`` starts a ThreadingHTTPServer on 127.0.0.1:0 in a thread; point
``settings.GRAPH_API`` at ``graph.url``. ``POST /<version>/me/messages?access_token=...`` is recorded in
``graph.sent`` (recipient, messaging type, text) and answered as Meta does; a wrong token gets Meta's 400
OAuthException (code 190). ``graph.fail_next(status, code=..., subcode=...)`` makes the next sends fail;
``graph.hang_next()`` makes the next send never answer (the client's timeout ends it).
``graph.attachment(data)`` serves bytes at a URL like the CDN addresses in a webhook's image attachment.
"""

from __future__ import annotations

import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Sent:
    recipient: str
    messaging_type: str
    text: str
    tag: str | None = None


@dataclass
class _Failure:
    status: int
    body: dict[str, Any]


@dataclass
class _State:
    token: str
    sent: list[Sent] = field(default_factory=list)
    refused: int = 0
    failures: list[_Failure] = field(default_factory=list)
    hangs: int = 0
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    downloads: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    release: threading.Event = field(default_factory=threading.Event)


class FakeGraph:
    def __init__(self, *, token: str = "fake-page-token") -> None:  # noqa: S107  (a test value)
        self._state = _State(token=token)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- what tests use ---------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_port}/v21.0"

    @property
    def sent(self) -> list[Sent]:
        with self._state.lock:
            return list(self._state.sent)

    @property
    def refused(self) -> int:
        """How many sends were refused for a wrong access token."""
        return self._state.refused

    @property
    def downloads(self) -> int:
        return self._state.downloads

    def fail_next(
        self, status: int = 500, *, code: int = 2, subcode: int | None = None, times: int = 1
    ) -> None:
        error: dict[str, Any] = {"message": "Fake failure", "type": "OAuthException", "code": code}
        if subcode is not None:
            error["error_subcode"] = subcode
        with self._state.lock:
            self._state.failures.extend(_Failure(status, {"error": error}) for _ in range(times))

    def hang_next(self, times: int = 1) -> None:
        with self._state.lock:
            self._state.hangs += times

    def attachment(self, data: bytes, content_type: str = "image/jpeg") -> str:
        name = secrets.token_hex(8)
        with self._state.lock:
            self._state.files[name] = (data, content_type)
        return self.url.rsplit("/", 1)[0] + f"/attachments/{name}.jpg"

    # --- the server -------------------------------------------------------------------------------------

    def __enter__(self) -> FakeGraph:
        state = self._state

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass  # quiet: the URL carries the token

            def _json(self, status: int, data: dict[str, Any]) -> None:
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                path = urlsplit(self.path).path
                name = path.removeprefix("/attachments/").removesuffix(".jpg")
                with state.lock:
                    found = state.files.get(name) if path.startswith("/attachments/") else None
                    state.downloads += found is not None
                if found is None:
                    self._json(404, {"error": {"message": "Not found", "code": 100}})
                    return
                data, content_type = found
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                if not parts.path.endswith("/me/messages"):
                    self._json(404, {"error": {"message": "Unknown path", "code": 803}})
                    return
                token = parse_qs(parts.query).get("access_token", [""])[0]
                if token != state.token:
                    with state.lock:
                        state.refused += 1
                    self._json(
                        400,
                        {
                            "error": {
                                "message": "Invalid OAuth access token.",
                                "type": "OAuthException",
                                "code": 190,
                            }
                        },
                    )
                    return
                with state.lock:
                    hang = state.hangs > 0
                    state.hangs -= hang
                    failure = state.failures.pop(0) if state.failures and not hang else None
                if hang:
                    state.release.wait(30)
                    return
                if failure is not None:
                    self._json(failure.status, failure.body)
                    return
                data = json.loads(raw)
                recipient = data["recipient"]["id"]
                with state.lock:
                    state.sent.append(
                        Sent(recipient, data["messaging_type"], data["message"]["text"], data.get("tag"))
                    )
                self._json(200, {"recipient_id": recipient, "message_id": "m_" + secrets.token_urlsafe(16)})

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._state.release.set()
        assert self._server is not None
        assert self._thread is not None
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
