"""The real server for the enquirer-path benchmarks: ``embrace serve`` (gunicorn) as a child process.

Set up as an operator would: ``embrace migrate``, ``embrace demo``, a team that receives enquiries, then
``embrace serve`` on a free port of 127.0.0.1 (with ``--no-worker`` unless the bench wants the task
runner). The environment is the bench's (a temporary data folder, production costs); nothing here overrides
a receipt or intake setting.

Memory is read from /proc for the whole process tree (gunicorn master and workers; ``serve`` becomes the
master), sampled in a
background thread: RSS as the operator's tools show it, and PSS, which counts a page shared by forked
workers once rather than once per process.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from embrace.bench.http_client import Client

START_TIMEOUT_SECONDS = 90
SAMPLE_EVERY_SECONDS = 0.2
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _embrace(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(  # noqa: S603  (our own interpreter and fixed arguments)
        [sys.executable, "-m", "embrace.cli", *args], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"`embrace {' '.join(args)}` failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return done


def _open_intake() -> str:
    """Let the demo's intake team receive enquiries (``embrace demo`` creates teams, not routes).

    Without a route the enquiry form refuses with 503: nobody could ever read an enquiry.
    """
    from django.db import connections

    from embrace.accounts.models import Team
    from embrace.accounts.roles import Role
    from embrace.intake.models import IntakeRoute

    try:
        team = (
            Team.objects.filter(
                members__role_assignments__role=Role.INTAKE_OFFICER,
                members__is_active=True,
                members__vault_key__isnull=False,
            )
            .order_by("name")
            .first()
        )
        if team is None:
            raise RuntimeError("`embrace demo` created no intake officer with a vault key")
        IntakeRoute.objects.get_or_create(team=team)
        return team.name
    finally:
        # The server's workers write to the same SQLite file; this process must hold no lock or connection.
        connections.close_all()


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def process_tree(root: int) -> list[int]:
    children, tree, todo = _children_map(), [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def _kib(path: str, name: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(name + ":"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes so far."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / CLOCK_TICKS


@dataclass
class MemorySample:
    rss_kib: int
    pss_kib: int
    processes: int


@dataclass
class Sampler:
    """Samples the memory of a process tree every ``SAMPLE_EVERY_SECONDS`` between ``start`` and ``stop``."""

    root: int
    samples: list[MemorySample] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sample(self) -> MemorySample:
        pids = process_tree(self.root)
        return MemorySample(
            sum(_kib(f"/proc/{p}/status", "VmRSS") for p in pids),
            sum(_kib(f"/proc/{p}/smaps_rollup", "Pss") for p in pids),
            len(pids),
        )

    def start(self) -> None:
        self.samples, self._stop = [], threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(self.sample())
            self._stop.wait(SAMPLE_EVERY_SECONDS)

    def peak(self) -> MemorySample:
        return max(self.samples, key=lambda s: s.rss_kib)


@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]
    log: Path
    team: str

    @property
    def pids(self) -> list[int]:
        return process_tree(self.process.pid)

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


def _wait_until_serving(server: Server) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(
                f"`embrace serve` exited ({server.process.returncode}):\n{server.log_text()[-3000:]}"
            )
        client = Client(server.port)
        try:
            if client.get("/").status == 200:
                return
        except OSError:
            pass
        finally:
            client.close()
        time.sleep(0.2)
    raise RuntimeError(
        f"`embrace serve` did not answer within {START_TIMEOUT_SECONDS} s:\n{server.log_text()[-3000:]}"
    )


@contextlib.contextmanager
def running_server(serve_args: Sequence[str] = (), *, task_runner: bool = False) -> Iterator[Server]:
    """Migrate, seed the demo, open intake and serve; stop the server (SIGTERM, as an operator) on exit.

    ``task_runner``: serve as deployed, with the background task runner in the worker (it enqueues and runs
    housekeeping at start), rather than ``--no-worker``."""
    from django.conf import settings

    _embrace("migrate", "--no-input")
    _embrace("demo")
    team = _open_intake()
    port = _free_port()
    log = Path(settings.DATA_DIR) / "logs" / f"bench-serve-{port}.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(  # noqa: S603  (our own interpreter and fixed arguments)
            [
                sys.executable,
                "-m",
                "embrace.cli",
                "serve",
                "--bind",
                f"127.0.0.1:{port}",
                *([] if task_runner else ["--no-worker"]),
                *serve_args,
            ],
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    server = Server(port, process, log, team)
    try:
        _wait_until_serving(server)
        yield server
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    tree = process_tree(process.pid)
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # gunicorn's master stops gracefully, as for an operator
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    # Whatever of the tree outlived the master (a worker stuck past its graceful timeout) is ended by pid.
    for pid in tree[1:]:
        with contextlib.suppress(OSError):
            if b"gunicorn" in Path(f"/proc/{pid}/cmdline").read_bytes():  # still ours, not a reused pid
                os.kill(pid, signal.SIGKILL)
