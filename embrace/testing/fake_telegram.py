"""A local stand-in for Telegram's Bot API, for tests and the bench: never the real one, always 127.0.0.1.

It serves what Embrace calls — ``setWebhook``, ``sendMessage``, ``sendPhoto``, ``getFile`` under
``/bot<token>/<method>`` and file downloads under ``/file/bot<token>/<file_path>`` — with the answers the Bot
API documents (``{"ok": true, "result": …}`` or ``{"ok": false, "error_code": …, "description": …}``). A wrong
token gets 401, as from Telegram. Every call is recorded with the time it arrived, so a test can count what
reached "Telegram" and how far apart; and the fake can be told to misbehave for the next calls: 429 with a
``retry_after``, 403 "bot was blocked by the user", 400 "chat not found", a 5xx, or hang without answering.

Usage::

    with FakeTelegram() as telegram, override_settings(**telegram.settings()):
        ...
        assert telegram.sent_texts() == ["hello"]
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

TOKEN = "123456789:FAKE-test-token-never-real"  # a made-up token, for the fake alone
# The failures the fake can be told to give, as Telegram gives them.
FAILURES: dict[str, tuple[int, str]] = {
    "429": (429, "Too Many Requests: retry after {retry_after}"),
    "403": (403, "Forbidden: bot was blocked by the user"),
    "400": (400, "Bad Request: chat not found"),
    "500": (500, "Internal Server Error"),
    "502": (502, "Bad Gateway"),
}
SENDING = ("sendMessage", "sendPhoto")


@dataclass(frozen=True)
class Call:
    """One request the fake answered: the method, its parameters, when it arrived and what it answered."""

    method: str
    params: dict[str, Any]
    at: float
    status: int
    photo: bytes = b""


@dataclass
class _Failure:
    kind: str
    retry_after: int = 1


@dataclass
class FakeTelegram:
    token: str = TOKEN
    # How long a "hang" holds the request before answering (the client's timeout should be shorter).
    hang_seconds: float = 5.0
    # What stamps each call's arrival: the wall's monotonic clock, or a test's own clock, so that spacing is
    # checked in the worker's (injected) time rather than the machine's.
    clock: Callable[[], float] = time.monotonic
    calls: list[Call] = field(default_factory=list)
    webhook: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: dict[str, deque[_Failure]] = {}
        self._files: dict[str, tuple[str, bytes]] = {}
        self._message_ids = itertools.count(1)
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None

    # --- running ---------------------------------------------------------------------------------------
    def __enter__(self) -> FakeTelegram:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            # Keep-alive, as Telegram's servers: the worker's client reuses its connections, and a fake that
            # closed each one would make every send pay a new connection (and a new thread here).
            protocol_version = "HTTP/1.1"
            # Headers and body go in two writes: without this, Nagle's algorithm holds the second until the
            # client's delayed acknowledgement of the first, tens of milliseconds a call on a kept connection.
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                fake._handle(self)

            def do_GET(self) -> None:
                fake._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # the test's output is not the place for request lines

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None, "use FakeTelegram as a context manager"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def settings(self) -> dict[str, Any]:
        """The settings that point Embrace at this fake, for ``override_settings``."""
        return {"TELEGRAM_API": self.url, "TELEGRAM_BOT_TOKEN": self.token}

    # --- scripting -------------------------------------------------------------------------------------
    def fail_next(
        self, kind: str, *, method: str = "sendMessage", times: int = 1, retry_after: int = 1
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with ``kind``: "429", "403", "400", "500", "502" or
        "hang" (hold the request ``hang_seconds``, then answer 200 as if it had been sent)."""
        assert kind in FAILURES or kind == "hang", kind
        with self._lock:
            queue = self._failures.setdefault(method, deque())
            queue.extend(_Failure(kind, retry_after) for _ in range(times))

    def add_file(self, file_id: str, data: bytes, file_path: str = "") -> None:
        """A file an enquirer "sent": getFile answers with its path, and the path downloads ``data``."""
        with self._lock:
            self._files[file_id] = (file_path or f"photos/file_{len(self._files)}.jpg", data)

    # --- what happened ---------------------------------------------------------------------------------
    def delivered(self) -> list[Call]:
        """The sendMessage and sendPhoto calls that were answered with success, in order of arrival."""
        with self._lock:
            return [c for c in self.calls if c.method in SENDING and c.status == 200]

    def sent_texts(self) -> list[str]:
        return [str(c.params.get("text", c.params.get("caption", ""))) for c in self.delivered()]

    def attempts(self, method: str = "sendMessage") -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    # --- serving ---------------------------------------------------------------------------------------
    def _handle(self, request: BaseHTTPRequestHandler) -> None:
        arrived = self.clock()
        path = request.path.split("?", 1)[0]
        if path.startswith("/file/bot"):
            self._download(request, path.removeprefix("/file/bot"))
            return
        token, _, method = path.removeprefix("/bot").partition("/")
        if not path.startswith("/bot") or token != self.token:
            self._answer(request, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        params, photo = self._params(request)
        with self._lock:
            queue = self._failures.get(method)
            failure = queue.popleft() if queue else None
        hang = failure is not None and failure.kind == "hang"
        # A hung call is recorded as done (Telegram did send it) before the answer that never comes in time.
        status, body = self._result(method, params, None if hang else failure)
        with self._lock:
            self.calls.append(Call(method, params, arrived, status, photo))
        if hang:
            self._stopping.wait(self.hang_seconds)
        self._answer(request, status, body)

    def _result(
        self, method: str, params: dict[str, Any], failure: _Failure | None
    ) -> tuple[int, dict[str, Any]]:
        if failure is not None:
            status, words = FAILURES[failure.kind]
            body: dict[str, Any] = {
                "ok": False,
                "error_code": status,
                "description": words.format(retry_after=failure.retry_after),
            }
            if failure.kind == "429":
                body["parameters"] = {"retry_after": failure.retry_after}
            return status, body
        if method in SENDING:
            if "chat_id" not in params:
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: chat_id is empty"}
            result = {"message_id": next(self._message_ids), "chat": {"id": params["chat_id"]}}
            return 200, {"ok": True, "result": result}
        if method == "getFile":
            with self._lock:
                found = self._files.get(str(params.get("file_id")))
            if found is None:
                return 400, {"ok": False, "error_code": 400, "description": "Bad Request: invalid file_id"}
            result = {"file_id": params["file_id"], "file_size": len(found[1]), "file_path": found[0]}
            return 200, {"ok": True, "result": result}
        if method == "setWebhook":
            self.webhook = dict(params)
            return 200, {"ok": True, "result": True, "description": "Webhook was set"}
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}

    def _download(self, request: BaseHTTPRequestHandler, rest: str) -> None:
        token, _, file_path = rest.partition("/")
        if token != self.token:
            self._answer(request, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        with self._lock:
            found = [data for stored_path, data in self._files.values() if stored_path == file_path]
            self.calls.append(Call("download", {"file_path": file_path}, self.clock(), 200 if found else 404))
        if not found:
            self._answer(request, 404, {"ok": False, "error_code": 404, "description": "Not Found"})
            return
        request.send_response(200)
        request.send_header("Content-Type", "application/octet-stream")
        request.send_header("Content-Length", str(len(found[0])))
        request.end_headers()
        request.wfile.write(found[0])

    @staticmethod
    def _params(request: BaseHTTPRequestHandler) -> tuple[dict[str, Any], bytes]:
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        kind = request.headers.get("Content-Type", "")
        if kind.startswith("application/json"):
            return json.loads(raw or b"{}"), b""
        if kind.startswith("multipart/form-data"):
            boundary = kind.split("boundary=", 1)[1].strip('"').encode()
            params: dict[str, Any] = {}
            photo = b""
            for part in raw.split(b"--" + boundary):
                head, separator, body = part.partition(b"\r\n\r\n")
                name = re.search(rb'name="([^"]*)"', head)
                if not separator or name is None:
                    continue  # the preamble and the closing "--"
                body = body.removesuffix(b"\r\n")
                if b"filename=" in head:
                    photo = body
                else:
                    params[name.group(1).decode()] = body.decode()
            return params, photo
        return dict(parse_qsl(raw.decode())), b""

    @staticmethod
    def _answer(request: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        try:
            request.send_response(status)
            request.send_header("Content-Type", "application/json")
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (a "hang"): nothing to answer
