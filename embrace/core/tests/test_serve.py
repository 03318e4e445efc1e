"""End to end: `embrace migrate`, `embrace demo`, then the real `embrace serve`, spoken to over HTTP."""

from __future__ import annotations

import base64
import http.client
import http.cookiejar
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django_otp.oath import totp
from gunicorn.config import Config

from embrace.core.management.commands._gunicorn import AddressFreeLogger

EMBRACE = Path(sys.executable).with_name("embrace")
STARTUP_LIMIT_SECONDS = 25


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def embrace_env(data_dir: Path) -> dict[str, str]:
    """A deployment's environment: no test mode, its own data folder, the vault's cheapest allowed Argon2."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMBRACE_", "PYTEST", "DATABASE_URL"))}
    env.update(
        EMBRACE_DATA_DIR=str(data_dir),
        EMBRACE_VAULT_OPSLIMIT="2",
        EMBRACE_VAULT_MEMLIMIT=str(8 * 1024 * 1024),
    )
    return env


def wait_until_listening(process: subprocess.Popen[bytes], port: int, errors: Path) -> None:
    deadline = time.monotonic() + STARTUP_LIMIT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"embrace serve exited early ({process.returncode}):\n{errors.read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"embrace serve was not listening on port {port} after {STARTUP_LIMIT_SECONDS} s")


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert match, html[:500]
    return match.group(1)


class Browser:
    """urllib with a cookie jar: follows redirects, keeps cookies, posts forms with their CSRF token."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> http.client.HTTPResponse:
        return self.opener.open(self.base + path, timeout=10)

    def submit(self, path: str, fields: dict[str, str]) -> tuple[str, str]:
        """GET the form, POST it back with ``fields``; returns the final URL path and page."""
        with self.get(path) as page:
            token = csrf_token(page.read().decode())
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        with self.opener.open(self.base + path, data=body, timeout=10) as response:
            return urllib.parse.urlsplit(response.geturl()).path, response.read().decode()


def send_malformed_request(port: int) -> bytes:
    """gunicorn logs "Invalid request from ip=<client>" for this: the log must not keep the address."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"NOT A REQUEST\r\n\r\n")
        return sock.recv(200)


@pytest.mark.e2e
def test_make_run_sequence_serves_logs_in_with_demo_credentials_and_stops_cleanly(tmp_path: Path) -> None:
    data_dir, port = tmp_path / "data", free_port()
    env = embrace_env(data_dir)
    for command in (["migrate", "--no-input"], ["demo"]):
        subprocess.run([str(EMBRACE), *command], env=env, check=True, capture_output=True, timeout=120)
    handler = next(
        row
        for row in json.loads((data_dir / "demo-credentials.json").read_text())
        if row["username"] == "demo-handler"
    )
    out, err = (tmp_path / "serve.out").open("wb"), (tmp_path / "serve.err").open("wb")
    process = subprocess.Popen(
        [str(EMBRACE), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        # An operator's stray gunicorn options must not switch an access log on.
        env={**env, "GUNICORN_CMD_ARGS": "--access-logfile=-"},
        stdout=out,
        stderr=err,
    )
    try:
        wait_until_listening(process, port, tmp_path / "serve.err")
        browser = Browser(f"http://127.0.0.1:{port}")

        with browser.get("/staff/login/") as response:
            assert response.status == 200
            headers = response.headers
        assert "default-src 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] in ("no-referrer", "same-origin")
        assert headers["Cache-Control"] == "no-store"

        path, _ = browser.submit(
            "/staff/login/", {"username": handler["username"], "password": handler["password"]}
        )
        assert path == "/staff/login/code/"
        code = f"{totp(base64.b32decode(handler['totp_secret'])):06d}"
        path, page = browser.submit("/staff/login/code/", {"code": code})
        assert path == "/staff/"
        assert "demo-handler" in page

        assert send_malformed_request(port).startswith(b"HTTP/1.1 400")
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        returncode = process.wait(timeout=30)
        out.close()
        err.close()

    assert returncode == 0
    stdout, stderr = (tmp_path / "serve.out").read_text(), (tmp_path / "serve.err").read_text()
    assert "Embrace stopped." in stdout
    # The task runner in the gunicorn worker took the runner lock and ran the housekeeping it enqueued.
    assert "runs the background tasks" in stderr
    with sqlite3.connect(data_dir / "embrace.sqlite3") as db:
        done = db.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path LIKE '%housekeeping' "
            "AND status = 'SUCCESSFUL'"
        ).fetchone()[0]
    assert done >= 1
    # gunicorn did log the malformed request, with the client address removed.
    assert "Invalid request from ip=[address]" in stderr
    assert "127.0.0.1" not in stderr
    # Standard output names the address only where we announce what we listen on.
    assert [line for line in stdout.splitlines() if "127.0.0.1" in line] == [
        f"Embrace is starting on http://127.0.0.1:{port}/staff/login/"
    ]
    log_files = [p for p in (data_dir / "logs").rglob("*") if p.is_file()]
    assert log_files
    for log_file in log_files:
        assert "127.0.0.1" not in log_file.read_text(errors="replace"), log_file


# --- the gunicorn logger itself ----------------------------------------------------------------------------


def make_logger(**settings: str) -> AddressFreeLogger:
    config = Config()
    for name, value in {"errorlog": "-", **settings}.items():
        config.set(name, value)
    return AddressFreeLogger(config)


def test_gunicorn_logger_writes_no_access_line_even_when_configured_to(capsys) -> None:
    logger = make_logger(accesslog="-")
    response = SimpleNamespace(status="200 OK", headers=[], sent=10)
    environ = {
        "REMOTE_ADDR": "203.0.113.9",
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/staff/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_USER_AGENT": "Agent/1.0",
    }
    logger.access(response, SimpleNamespace(headers=[]), environ, timedelta(milliseconds=5))
    captured = capsys.readouterr()
    assert "203.0.113.9" not in captured.out + captured.err
    assert "/staff/" not in captured.out + captured.err


@pytest.mark.parametrize(
    ("address", "identifying"),
    [
        ("203.0.113.9", "203.0.113.9"),
        ("2001:db8::17", "2001:db8::17"),
        ("2001:0db8:0000:0000:0000:ff00:0042:8329", "ff00:0042:8329"),
        ("::ffff:198.51.100.4", "198.51.100.4"),
        ("[::1]", "::1"),
    ],
)
def test_gunicorn_logger_removes_addresses_from_the_error_log(capsys, address: str, identifying: str) -> None:
    logger = make_logger()
    logger.warning("Invalid request from ip=%s: Invalid HTTP request line: 'x'", address)
    try:
        raise ValueError(f"peer {address} went away")
    except ValueError:
        logger.exception("Error handling request")
    err = capsys.readouterr().err
    assert "Invalid request from ip=" in err
    assert "went away" in err
    assert err.count("[address]") == 2
    assert identifying not in err


def test_gunicorn_logger_leaves_ordinary_messages_alone(capsys) -> None:
    make_logger().info("Booting worker with pid: %s at 12:30:45", 4242)
    assert "Booting worker with pid: 4242 at 12:30:45" in capsys.readouterr().err


@pytest.mark.e2e
def test_serve_exits_non_zero_saying_the_address_is_in_use_when_the_port_is_taken(tmp_path: Path) -> None:
    env = embrace_env(tmp_path / "data")
    subprocess.run(
        [str(EMBRACE), "migrate", "--no-input"], env=env, check=True, capture_output=True, timeout=120
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [str(EMBRACE), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    # `serve` became gunicorn, which names the address it could not take (redacted) and exits non-zero.
    assert result.returncode != 0
    assert "Connection in use" in result.stderr
    assert "Embrace stopped." not in result.stdout
