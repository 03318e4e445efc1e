"""The Telegram webhook under load: updates acknowledged per second on chats that already have a case, and
none lost when the server is killed mid-run.

`embrace serve` as deployed (gunicorn, one worker of 64 threads, with its task runner) on a data folder of its
own, with production costs, one intake team and the Telegram channel switched on. First 32 chats each send a
first message through the webhook (each opens a case: one receipt derivation apiece). Then 16 connections —
Telegram opens up to 40 to one webhook — POST text updates in Burmese to those chats, each with its own
update number, for 15 seconds: every update is authenticated, parsed, sealed to its case and committed before
its 200. The clients run on the same two cores as the server, so the rate is a floor; the server's CPU per
update is reported beside it.

Then the same load while the whole process tree is SIGKILLed three times and restarted, the clients sending
an unanswered update again as Telegram does. Afterwards every update that got its 200 must be in its own
chat's case (read with the intake officer's key), and none stored twice.
"""

from __future__ import annotations

import contextlib
import http.client
import itertools
import json
import os
import secrets
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from embrace.bench.crash import MIGRATE, MINIMAL, Deployment
from embrace.bench.harness import Benchmark, Row, client_threads
from embrace.bench.http_server import _free_port, cpu_seconds, process_tree

TARGET_PER_SECOND = 200
CHATS = 32
CLIENTS = 16
SECONDS = 15.0
KILLS = 3
LOAD_BEFORE_KILL = (3.0, 5.0)
PATH = "/hooks/telegram/"
FIRST_CHAT = 900_000_001

SWITCH_ON = """
from embrace.cases.models import Channel
from embrace.channels.models import Switch
Switch.objects.update_or_create(channel=Channel.TELEGRAM, defaults={"enabled": True})
print(0)
"""
# Every message of every chat's case, opened with the intake officer's key (the minimal set-up's persona):
# the chat (from the contact's sealed address) and the mark at the end of the text.
STORED = """
from embrace.accounts.models import User
from embrace.cases.thread import read_thread
from embrace.channels.models import Contact
from embrace.testing.personas import PASSWORD
from embrace.vault.keyring import unlock_with_password
keyring = unlock_with_password(User.objects.get(username="intake"), PASSWORD)
for contact in Contact.objects.select_related("case"):
    [chat] = keyring.open_many([bytes(contact.address)])
    for item in read_thread(contact.case, keyring):
        print("MSG", chat.decode(), item.text.rsplit(" ", 1)[-1], sep="\\t")
"""


def update_body(update_id: int, chat: int, mark: str) -> bytes:
    """A text update as Telegram sends it (the names and dates the webhook drops included)."""
    sender = {"id": chat, "is_bot": False, "first_name": "Bench", "language_code": "my"}
    message = {
        "message_id": update_id,
        "from": sender,
        "chat": {"id": chat, "first_name": "Bench", "type": "private"},
        "date": int(time.time()),
        "text": f"ကျွန်တော် တပ်ကနေ ထွက်ချင်ပါတယ်။ မိသားစုနဲ့ အတူ လာမယ်။ {mark}",
    }
    return json.dumps({"update_id": update_id, "message": message}, ensure_ascii=False).encode()


class Poster:
    """One of Telegram's connections to the webhook: keep-alive, the secret token on every request."""

    def __init__(self, port: int, secret: str) -> None:
        self.port, self.secret = port, secret
        self.conn: http.client.HTTPConnection | None = None

    def post(self, body: bytes) -> int:
        """The status, or raises OSError when the server is down."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {
            "Content-Type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": self.secret,
            "Content-Length": str(len(body)),
        }
        try:
            self.conn.request("POST", PATH, body=body, headers=headers)
            response = self.conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            raise OSError(str(exc)) from exc
        if response.will_close:
            self.close()
        return response.status

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


@dataclass
class Load:
    """What the clients sent and were answered."""

    acknowledged: dict[str, int] = field(default_factory=dict)  # mark → chat, for every 200
    latencies: list[float] = field(default_factory=list)
    refused: dict[int, int] = field(default_factory=dict)
    connection_errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _client(port: int, secret: str, numbers: Iterator[int], load: Load, stop: threading.Event) -> None:
    poster = Poster(port, secret)
    pending: tuple[int, int, str] | None = None
    while not stop.is_set():
        if pending is None:
            number = next(numbers)
            chat = FIRST_CHAT + number % CHATS
            pending = (number, chat, f"tg{chat}x{number}")
        update_id, chat, mark = pending
        began = time.perf_counter()
        try:
            status = poster.post(update_body(update_id, chat, mark))
        except (OSError, http.client.HTTPException):
            # The server is down, or died while it answered: send the same update again, as Telegram does
            # until it gets a 2xx.
            with load.lock:
                load.connection_errors += 1
            time.sleep(0.2)
            continue
        with load.lock:
            if status == 200:
                load.acknowledged[mark] = chat
                load.latencies.append(time.perf_counter() - began)
                pending = None
            else:
                load.refused[status] = load.refused.get(status, 0) + 1
        if status != 200:
            time.sleep(0.2)
    poster.close()


def _running(
    port: int, secret: str, load: Load, numbers: Iterator[int]
) -> contextlib.AbstractContextManager[None]:
    return client_threads(CLIENTS, "telegram", lambda _n, stop: _client(port, secret, numbers, load, stop))


def _open_chats(port: int, secret: str, numbers: Iterator[int]) -> None:
    """Each chat's first message, which opens its case (a receipt derivation apiece)."""
    poster = Poster(port, secret)
    try:
        for chat in range(FIRST_CHAT, FIRST_CHAT + CHATS):
            while poster.post(update_body(next(numbers), chat, f"open{chat}")) != 200:
                time.sleep(0.5)  # key stretching full: as Telegram, try again a little later
    finally:
        poster.close()


def _stored(deployment: Deployment) -> list[tuple[int, str]]:
    said = deployment.run("shell", "-c", STORED)
    found = []
    for line in said.stdout.splitlines():
        if line.startswith("MSG\t"):
            _tag, chat, mark = line.split("\t")
            found.append((int(chat), mark))
    return found


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def webhook_bench() -> list[Row]:
    from django.conf import settings

    secret = secrets.token_urlsafe(32)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(dir=settings.DATA_DIR, prefix="telegram-") as folder:
        env = {
            **os.environ,
            "EMBRACE_DATA_DIR": str(Path(folder) / "data"),
            "EMBRACE_TELEGRAM_WEBHOOK_SECRET": secret,
        }
        port = _free_port()
        deployment = Deployment(env, port, Path(folder) / "serve.log")
        deployment.run("shell", "-c", MIGRATE + MINIMAL + SWITCH_ON)
        numbers = itertools.count(1)
        deployment.start()
        try:
            _open_chats(port, secret, numbers)
            if deployment.process is None:
                raise RuntimeError("`embrace serve` is not running")
            tree = process_tree(deployment.process.pid)
            load, cpu_before = Load(), cpu_seconds(tree)
            began = time.perf_counter()
            with _running(port, secret, load, numbers):
                time.sleep(SECONDS)
            elapsed = time.perf_counter() - began
            cpu = cpu_seconds(process_tree(deployment.process.pid)) - cpu_before
            count = len(load.acknowledged)
            per_second = count / elapsed
            latencies = sorted(load.latencies) or [0.0]
            rows += [
                Row(
                    "webhook: updates acknowledged on existing chats",
                    per_second,
                    "updates/s",
                    f"target ≥ {TARGET_PER_SECOND}/s: ratio {per_second / TARGET_PER_SECOND:.2f}, "
                    f"{_verdict(per_second >= TARGET_PER_SECOND)}; {count} updates to {CHATS} chats from "
                    f"{CLIENTS} connections in {elapsed:.0f} s, each sealed and committed before its 200; "
                    f"clients on the same cores; refusals: {load.refused or 'none'}",
                ),
                Row(
                    "webhook: time to the 200",
                    statistics.median(latencies) * 1000,
                    "ms median",
                    f"95th percentile {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms with "
                    f"{CLIENTS} updates in flight",
                ),
                Row(
                    "webhook: server CPU per update",
                    cpu / max(count, 1) * 1000,
                    "ms",
                    f"gunicorn master and worker; {count / max(cpu, 1e-9):.0f} updates per CPU-second, "
                    f"so about {2 * count / max(cpu, 1e-9):.0f}/s if the server had both cores",
                ),
            ]
            rows += _crash(deployment, port, secret, numbers)
        finally:
            deployment.stop()
    return rows


def _crash(deployment: Deployment, port: int, secret: str, numbers: Iterator[int]) -> list[Row]:
    import random

    chance = random.Random(12)  # noqa: S311  (when to kill, not a secret)
    load, restarts, killed = Load(), [], 0
    with _running(port, secret, load, numbers):
        for _ in range(KILLS):
            time.sleep(chance.uniform(*LOAD_BEFORE_KILL))
            killed += deployment.kill()
            restarts.append(deployment.start())
        time.sleep(chance.uniform(*LOAD_BEFORE_KILL))
    deployment.stop()
    stored = _stored(deployment)
    where = {mark: chat for chat, mark in stored}
    twice = len(stored) - len(where)
    lost = [mark for mark, chat in load.acknowledged.items() if where.get(mark) != chat]
    return [
        Row(
            "kill mid-run: acknowledged updates lost",
            len(lost),
            "updates",
            f"target 0: {_verdict(not lost)}; of {len(load.acknowledged)} acknowledged while the server "
            f"was SIGKILLed {KILLS} times ({killed} processes) and restarted (median "
            f"{statistics.median(restarts or [0.0]):.1f} s); each must be in its own chat's case",
        ),
        Row(
            "kill mid-run: updates stored twice",
            twice,
            "updates",
            f"target 0: {_verdict(twice == 0)}; unanswered updates were sent again "
            f"({load.connection_errors} connection failures while down), as Telegram retries",
        ),
    ]


BENCHMARKS = [
    Benchmark(
        "channels",
        "Telegram webhook: updates per second, and a kill mid-run",
        __doc__.split("\n\n", 1)[1].replace("\n", " ").strip() if __doc__ else "",
        webhook_bench,
    )
]
