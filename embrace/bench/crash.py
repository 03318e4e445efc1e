"""Crash safety: SIGKILL the whole ``embrace serve`` tree again and again under enquiry load, then check.

The server (gunicorn's master, which `embrace serve` becomes, and its workers, one of whose threads runs the
tasks) runs in a subprocess with the environment it is given, so the same run serves the benchmark
(production costs, the bench's data folder, SQLite or a PostgreSQL database) and the test (cheap costs, a
temporary folder). Sixteen clients send
enquiries as people would (fetch the form, wait the minimum fill time, send it) and keep every receipt a page
showed them. At random moments every process of the tree is killed at once with SIGKILL — no handler runs,
nothing is flushed — and the server is started again on the same port while the clients keep trying.

Afterwards, with the server up once more: every receipt a client was shown must open its case through
``/return/`` and show the message it was given with; then, with the server stopped, ``embrace integrity``
(the database engine's check and every case whole), ``embrace audit verify`` and ``embrace ledger verify``
must pass.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from embrace.bench.harness import Benchmark, Row, client_threads
from embrace.bench.http_client import Client, enquiry_form, hidden_fields
from embrace.bench.http_server import process_tree

START_TIMEOUT_SECONDS = 120
FILL_MARGIN_SECONDS = 0.3
_RECEIPT = re.compile(r"RECEIPT:.*?(\d{4} \d{4} \d{4} \d{4})", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")

# Set up as an operator would after `embrace demo`: the demo's intake team receives enquiries.
OPEN_INTAKE = """
from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.intake.models import IntakeRoute
team = Team.objects.filter(
    members__role_assignments__role=Role.INTAKE_OFFICER, members__is_active=True,
    members__vault_key__isnull=False,
).order_by("name").first()
IntakeRoute.objects.get_or_create(team=team)
"""
# One team and its intake officer, made as the tests make people (embrace.testing.personas).
MINIMAL = """
from embrace.accounts.models import Team
from embrace.accounts.roles import Role
from embrace.intake.models import IntakeRoute
from embrace.testing.personas import make_persona
team = Team.objects.create(name="Intake")
make_persona("intake", Role.INTAKE_OFFICER, teams=(team,))
IntakeRoute.objects.create(team=team)
"""
MIGRATE = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
"""
COUNT_CASES = """
from embrace.cases.models import Case
print(Case.objects.count())
"""
# The three checks through their commands, each one's verdict and last line on a line of its own.
CHECKS = (
    """
import io
from django.core.management import call_command
from django.core.management.base import CommandError
for command in (["integrity"], ["audit", "verify"], ["ledger", "verify"]):
    out = io.StringIO()
    try:
        call_command(*command, stdout=out)
        status, said = "ok", out.getvalue()
    except CommandError as exc:
        status, said = "failed", out.getvalue() + str(exc)
    last = (said.strip().splitlines() or [""])[-1].replace("\\t", " ")
    print(f"CHECK {status}\\t{' '.join(command)}\\t{last}")
"""
    + COUNT_CASES
)


def receipt_on(page: str) -> str | None:
    found = _RECEIPT.search(_TAGS.sub("", page.replace('<p class="receipt">', "RECEIPT:")))
    return found.group(1).replace(" ", "") if found else None


@dataclass
class Outcome:
    """What the clients saw and what the checks found."""

    kills: int = 0
    processes_killed: int = 0
    shown: dict[str, str] = field(default_factory=dict)  # receipt → the unique mark in its message
    refused: Counter[int] = field(default_factory=Counter)  # non-200 answers to a POST
    connection_errors: int = 0
    shown_at_kills: list[int] = field(default_factory=list)  # receipts shown so far, at each kill
    restart_seconds: list[float] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)  # shown receipts that did not open their case
    cases: int = 0
    cases_before: int = 0  # made by the set-up (`embrace demo`), before any client sent anything
    checks: dict[str, str] = field(default_factory=dict)  # command → its last line
    failed_checks: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def problems(self) -> list[str]:
        return [f"receipt lost: {r}" for r in self.lost] + self.failed_checks


class Deployment:
    """``embrace`` commands and ``embrace serve`` with one environment, on one port."""

    def __init__(self, env: dict[str, str], port: int, log: Path) -> None:
        self.env, self.port, self.log = env, port, log
        self.process: subprocess.Popen[bytes] | None = None

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(  # noqa: S603  (our own interpreter and fixed arguments)
            [sys.executable, "-m", "embrace.cli", *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        if check and done.returncode != 0:
            raise RuntimeError(
                f"`embrace {' '.join(args)}` failed ({done.returncode}):\n{done.stderr[-3000:]}"
            )
        return done

    def prepare(self, setup: str) -> int:
        """Migrate and fill the database: ``"demo"`` as an operator trying Embrace would (``embrace demo``,
        then open intake), ``"minimal"`` one team and its intake officer (fast, for tests). Returns the
        number of cases it holds then."""
        if setup == "demo":
            self.run("migrate", "--no-input")
            self.run("demo")
            said = self.run("shell", "-c", OPEN_INTAKE + COUNT_CASES)
        else:
            # One process for all three steps: each `embrace` start costs seconds of imports.
            said = self.run("shell", "-c", MIGRATE + MINIMAL + COUNT_CASES)
        return int(said.stdout.strip().splitlines()[-1])

    def check(self) -> tuple[dict[str, str], list[str], int]:
        """``embrace integrity``, ``audit verify`` and ``ledger verify`` (the commands themselves, in one
        process to save two starts) and the number of cases: (command → its last line, failures, cases)."""
        said = self.run("shell", "-c", CHECKS, check=False)
        checks: dict[str, str] = {}
        failed: list[str] = []
        for line in said.stdout.splitlines():
            if line.startswith("CHECK "):
                status, command, last = line.removeprefix("CHECK ").split("\t", 2)
                checks[command] = last
                if status != "ok":
                    failed.append(f"`embrace {command}` failed: {last}")
        missing = [c for c in ("integrity", "audit verify", "ledger verify") if c not in checks]
        if said.returncode != 0 or missing:
            failed.append(f"the checks did not run ({said.returncode}): {said.stderr[-2000:]}")
        lines = said.stdout.strip().splitlines()
        cases = int(lines[-1]) if lines and lines[-1].isdigit() else -1
        return checks, failed, cases

    def start(self) -> float:
        """Start ``embrace serve`` (with its task worker) and wait until it answers; returns the seconds."""
        began = time.monotonic()
        with self.log.open("ab") as sink:
            self.process = subprocess.Popen(  # noqa: S603  (our own interpreter and fixed arguments)
                [sys.executable, "-m", "embrace.cli", "serve", "--bind", f"127.0.0.1:{self.port}"],
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        deadline = began + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                tail = self.log.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"`embrace serve` exited ({self.process.returncode}):\n{tail}")
            client = Client(self.port)
            try:
                if client.get("/").status == 200:
                    return time.monotonic() - began
            except OSError:
                pass
            finally:
                client.close()
            time.sleep(0.1)
        raise RuntimeError(f"`embrace serve` did not answer within {START_TIMEOUT_SECONDS} s")

    def kill(self) -> int:
        """SIGKILL every process of the server's tree at once (a power cut, the OOM killer); returns how
        many. The master dies first, so nothing is left to restart a worker."""
        if self.process is None:
            return 0
        tree = process_tree(self.process.pid)
        for pid in tree:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait()
        # gunicorn children are in their own process group and may have forked since the snapshot.
        for pid in process_tree(self.process.pid)[1:] + _orphans(tree):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        _wait_gone(tree)
        return len(tree)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.kill()


def _orphans(tree: list[int]) -> list[int]:
    """Children of killed processes that were re-parented before their parent's death was seen."""
    found = []
    for pid in tree:
        with contextlib.suppress(OSError):
            if b"embrace" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.append(pid)
    return found


def _wait_gone(pids: list[int]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        alive = [p for p in pids if Path(f"/proc/{p}").exists() and not _zombie(p)]
        if not alive:
            return
        time.sleep(0.05)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return False


def _client(port: int, number: int, min_fill: float, outcome: Outcome, stop: threading.Event) -> None:
    client, sent = Client(port), 0
    while not stop.is_set():
        try:
            form = client.get("/enquire/")
            fields = hidden_fields(form.text) if form.status == 200 else {}
            if "token" not in fields:
                time.sleep(0.2)
                continue
            time.sleep(min_fill)
            mark = f"crash-{number}-{sent}"
            sent += 1
            reply = client.post_multipart(
                "/enquire/", enquiry_form(fields, f"ကျွန်တော် တပ်မတော်က ထွက်ချင်ပါတယ်။ {mark}"), empty_file="photos"
            )
        except (OSError, http.client.HTTPException):
            # The server is down (killed, restarting), or died while it answered (a short body): try again,
            # as a person would reload the page.
            client.close()
            with outcome.lock:
                outcome.connection_errors += 1
            time.sleep(0.2)
            continue
        receipt = receipt_on(reply.text) if reply.status == 200 else None
        with outcome.lock:
            if receipt is not None:
                outcome.shown[receipt] = mark
            else:
                outcome.refused[reply.status] += 1
    client.close()


def _load(
    port: int, clients: int, min_fill: float, outcome: Outcome
) -> contextlib.AbstractContextManager[None]:
    return client_threads(clients, "crash-client", lambda n, stop: _client(port, n, min_fill, outcome, stop))


def _opens(port: int, receipt: str, mark: str) -> bool:
    client = Client(port)
    try:
        for _attempt in range(5):
            form = client.get("/return/")
            fields = hidden_fields(form.text)
            reply = client.post_form(
                "/return/", {"csrfmiddlewaretoken": fields.get("csrfmiddlewaretoken", ""), "receipt": receipt}
            )
            if reply.status == 429:  # every stretching slot busy: wait as a person would
                time.sleep(1)
                continue
            return reply.status == 200 and mark in reply.text
        return False
    finally:
        client.close()


def run(
    env: dict[str, str],
    port: int,
    log: Path,
    *,
    kills: int,
    clients: int = 16,
    between: tuple[float, float] = (2.0, 5.0),
    min_fill: float = 3.0,
    seed: int | None = None,
    setup: str = "demo",
) -> Outcome:
    """Prepare a deployment in ``env``, kill it ``kills`` times under load, check everything; the server
    is stopped on return. ``between`` bounds the random load time before each kill."""
    chance = random.Random(seed)  # noqa: S311  (when to kill, not a secret)
    deployment, outcome = Deployment(env, port, log), Outcome()
    outcome.cases_before = deployment.prepare(setup)
    deployment.start()
    try:
        with _load(port, clients, min_fill + FILL_MARGIN_SECONDS, outcome):
            for _ in range(kills):
                # Kill while enquiries are being stored: once the restarted server has answered one with a
                # receipt (a restart can take longer than the clients' fill time), then at a random moment.
                _wait_for_receipt(outcome, len(outcome.shown))
                time.sleep(chance.uniform(*between))
                outcome.shown_at_kills.append(len(outcome.shown))
                outcome.processes_killed += deployment.kill()
                outcome.kills += 1
                outcome.restart_seconds.append(deployment.start())
            # The last server stores enquiries too (its receipts are checked like the others), and those
            # sent to it finish before the checks start.
            _wait_for_receipt(outcome, len(outcome.shown))
            time.sleep(chance.uniform(*between))
        with ThreadPoolExecutor(max_workers=4) as pool:
            opened = dict(
                zip(
                    outcome.shown,
                    pool.map(lambda item: _opens(port, *item), outcome.shown.items()),
                    strict=True,
                )
            )
        outcome.lost = sorted(receipt for receipt, ok in opened.items() if not ok)
    finally:
        deployment.stop()
    outcome.checks, outcome.failed_checks, outcome.cases = deployment.check()
    return outcome


def _wait_for_receipt(outcome: Outcome, shown: int, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while len(outcome.shown) <= shown and time.monotonic() < deadline:
        time.sleep(0.05)


# --- The benchmark ------------------------------------------------------------------------------------------

BENCH_KILLS = 20


def postgres_available() -> bool:
    """A PostgreSQL cluster named by libpq's environment (``pg_virtualenv`` sets it)."""
    return bool(os.environ.get("PGHOST") or os.environ.get("PGDATABASE"))


@contextlib.contextmanager
def postgres_database() -> Iterator[str]:
    """A throwaway database on that cluster, with amcheck where the role may create it; yields its URL."""
    import psycopg

    name, home = f"embrace_crash_{os.getpid()}", os.environ.get("PGDATABASE", "postgres")
    with psycopg.connect(dbname=home, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        with psycopg.connect(dbname=name, autocommit=True) as db, contextlib.suppress(psycopg.Error):
            # amcheck lets `embrace integrity` check every index; creating it needs a superuser.
            db.execute("CREATE EXTENSION IF NOT EXISTS amcheck")
        yield f"postgres:///{name}"
    finally:
        with psycopg.connect(dbname=home, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _rows(label: str, outcome: Outcome, seconds: float) -> list[Row]:
    lost = len(outcome.lost)
    unseen = outcome.cases - outcome.cases_before - len(outcome.shown)
    restarts = sorted(outcome.restart_seconds) or [0.0]
    refused = ", ".join(f"{code}: {n}" for code, n in sorted(outcome.refused.items())) or "none"
    return [
        Row(
            f"{label}: kills survived",
            outcome.kills,
            "kills",
            f"target ≥ {BENCH_KILLS}: {_verdict(outcome.kills >= BENCH_KILLS and not outcome.problems)}; "
            f"{outcome.processes_killed} processes killed with SIGKILL (gunicorn master and "
            f"worker, with the task runner), all of a tree at once; {seconds:.0f} s in all",
        ),
        Row(
            f"{label}: receipts lost",
            lost,
            "receipts",
            f"target 0: {_verdict(lost == 0)}; of {len(outcome.shown)} receipts shown to the 16 clients, "
            "each must open its case through /return/ and show its own message",
        ),
        Row(
            f"{label}: cases stored",
            outcome.cases,
            "cases",
            f"{outcome.cases_before} from the set-up; {unseen} more than receipts shown (committed, but "
            f"the answer died with the server); POST refusals: {refused}; connection failures while down: "
            f"{outcome.connection_errors}",
        ),
        Row(
            f"{label}: restart",
            restarts[len(restarts) // 2],
            "s median",
            f"`embrace serve` started to first page (checks, static files, gunicorn); slowest "
            f"{restarts[-1]:.1f} s",
        ),
        Row(
            f"{label}: checks failed after the kills",
            len(outcome.failed_checks),
            "checks",
            "; ".join(f"`embrace {cmd}`: {said}" for cmd, said in outcome.checks.items()),
        ),
    ]


def crash_bench() -> list[Row]:
    import tempfile

    from django.conf import settings

    from embrace.bench.http_server import _free_port

    rows: list[Row] = []
    with tempfile.TemporaryDirectory(dir=settings.DATA_DIR, prefix="crash-") as folder:
        for label in ("SQLite", "PostgreSQL"):
            # Each database in its own data folder: the bench's own database stays out of it.
            env = {**os.environ, "EMBRACE_DATA_DIR": str(Path(folder) / label)}
            log = Path(folder) / f"{label}.log"
            began = time.monotonic()
            if label == "SQLite":
                outcome = run(env, _free_port(), log, kills=BENCH_KILLS)
            elif not postgres_available():
                rows.append(
                    Row("PostgreSQL", 0, "kills", "not run: no cluster (run the bench under `pg_virtualenv`)")
                )
                continue
            else:
                with postgres_database() as url:
                    outcome = run({**env, "DATABASE_URL": url}, _free_port(), log, kills=BENCH_KILLS)
            rows += _rows(label, outcome, time.monotonic() - began)
    return rows


BENCHMARKS = [
    Benchmark(
        "crash",
        "Crash safety: SIGKILL under load",
        "`embrace serve` with its task worker, production costs and intake settings, 16 clients sending "
        "enquiries as people do (form, minimum fill time, send). Every 2-5 s the whole process tree is "
        f"killed with SIGKILL and started again, {BENCH_KILLS} times, on SQLite and, when the bench runs "
        "under `pg_virtualenv`, on PostgreSQL. Then every receipt a client was shown is opened through "
        "/return/, and `embrace integrity`, `embrace audit verify` and `embrace ledger verify` run.",
        crash_bench,
    )
]
