"""CI: two `embrace serve` instances on one PostgreSQL database behind nginx, as docs/deployment.md has it.

Run inside `pg_virtualenv` (it exports PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE), from the repository:

    pg_virtualenv -t -v 15 .venv/bin/python deploy/ci/two_instances.py

It migrates, seeds the demo, starts two instances (each `embrace serve` with its task runner) sharing one data
folder, and nginx in front of them (a non-root configuration in a temporary folder, on 127.0.0.1, that
includes the shipped deploy/nginx/embrace-proxy.conf). Then:

1. enquiries go through nginx from several clients at once, and both instances must have stored some;
2. an enquiry stored by one instance is read and answered by a staff member signed in on the other, and the
   enquirer, back with the receipt on the first, reads the answer;
3. exactly one task runner holds the runner lock (one PostgreSQL advisory lock), housekeeping ran, and when
   the holder's instance stops the other instance's runner takes over.

Exits non-zero naming the first check that failed. Every process it starts is stopped on exit, whatever
happens, and the whole run is bounded by ``DEADLINE_SECONDS``.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import FrameType

import psycopg
from django_otp.oath import totp

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from embrace.bench.http_client import Client, enquiry_form, hidden_fields  # noqa: E402

EMBRACE = Path(sys.executable).with_name("embrace")
# Bounds for a stuck run, not speed targets: on a quiet 2-core machine the whole run takes about a minute,
# but a CI host shared with other jobs may take minutes over `migrate` and `demo` alone.
DEADLINE_SECONDS = 480
COMMAND_SECONDS = 300
START_SECONDS = 60
CLIENTS = 8
FILL_SECONDS = 1  # EMBRACE_INTAKE_MIN_FILL_SECONDS for this run; clients wait a little longer
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
RECEIPT = re.compile(r"(\d{4} \d{4} \d{4} \d{4})")
TAGS = re.compile(r"<[^>]+>")

NGINX_CONF = """\
worker_processes 1;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
user {user};
events {{ worker_connections 256; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/client_body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    upstream embrace {{
        server 127.0.0.1:{port_a} max_fails=1 fail_timeout=10s;
        server 127.0.0.1:{port_b} max_fails=1 fail_timeout=10s;
        keepalive 8;
    }}
    server {{
        listen 127.0.0.1:{port};
        server_name 127.0.0.1;
        set $embrace_proto http;
        # CI only: which instance answered, so the test can see that both did.
        add_header X-Embrace-Upstream $upstream_addr always;
        location / {{
            include {snippet};
        }}
    }}
}}
"""


class Failed(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise Failed(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise Failed(f"a process exited early ({process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise Failed(f"nothing listening on port {port} after {START_SECONDS} s:\n{log.read_text()[-3000:]}")


class Run:
    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="embrace-two-"))
        self.data = self.tmp / "data"
        self.processes: list[subprocess.Popen[bytes]] = []
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("EMBRACE_", "DATABASE_URL"))}
        self.env.update(
            DATABASE_URL=f"postgres:///{os.environ['PGDATABASE']}",
            EMBRACE_DATA_DIR=str(self.data),
            EMBRACE_ALLOWED_HOSTS="127.0.0.1,localhost",
            EMBRACE_INTAKE_MIN_FILL_SECONDS=str(FILL_SECONDS),
            # The vault's cheapest allowed Argon2 for staff keys: the demo makes many accounts.
            EMBRACE_VAULT_OPSLIMIT="2",
            EMBRACE_VAULT_MEMLIMIT=str(8 * 1024 * 1024),
            DJANGO_SETTINGS_MODULE="embrace.settings",
        )

    # --- processes ---
    def embrace(self, *args: str) -> str:
        try:
            result = subprocess.run(  # noqa: S603  (our own command)
                [str(EMBRACE), *args],
                env=self.env,
                capture_output=True,
                text=True,
                timeout=COMMAND_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise Failed(f"embrace {' '.join(args)} took longer than {COMMAND_SECONDS} s") from None
        check(result.returncode == 0, f"embrace {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self, argv: list[str], log: Path) -> subprocess.Popen[bytes]:
        with log.open("wb") as sink:
            process = subprocess.Popen(  # noqa: S603  (our own commands and nginx)
                argv,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes.append(process)
        return process

    def serve(self, port: int) -> subprocess.Popen[bytes]:
        log = self.tmp / f"serve-{port}.log"
        process = self.start([str(EMBRACE), "serve", "--bind", f"127.0.0.1:{port}", "--threads", "4"], log)
        wait_for_port(port, process, log)
        return process

    def nginx(self, port: int, port_a: int, port_b: int) -> None:
        for folder in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.tmp / folder).mkdir()
        conf = self.tmp / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                tmp=self.tmp,
                user=pwd.getpwuid(os.getuid()).pw_name,
                port=port,
                port_a=port_a,
                port_b=port_b,
                snippet=ROOT / "deploy" / "nginx" / "embrace-proxy.conf",
            )
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        log = self.tmp / "nginx.out"
        process = self.start([nginx, "-p", str(self.tmp), "-c", str(conf)], log)
        wait_for_port(port, process, log)

    def stop(self, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def cleanup(self) -> None:
        for process in reversed(self.processes):
            with contextlib.suppress(ProcessLookupError):
                self.stop(process, timeout=15)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-2500:]}"
            for path in sorted(self.tmp.glob("*.log")) + sorted(self.tmp.glob("*.out"))
        )


# --- what a person does ---


def send_enquiry(port: int, marker: str) -> tuple[str, str]:
    """An enquirer through ``port``: fetch the form, wait the fill time, send it.

    Returns the receipt and the instance that stored the enquiry."""
    client = Client(port)
    try:
        form = client.get("/enquire/")
        check(form.status == 200, f"GET /enquire/ answered {form.status}")
        fields = hidden_fields(form.text)
        time.sleep(FILL_SECONDS + 0.3)
        reply = client.post_multipart(
            "/enquire/",
            enquiry_form(fields, f"I want to leave with my family. {marker}"),
            empty_file="photos",
        )
        check(reply.status == 200, f"POST /enquire/ answered {reply.status}:\n{reply.text[:1500]}")
        found = RECEIPT.search(TAGS.sub("", reply.text))
        if found is None:
            raise Failed(f"no receipt on the page:\n{reply.text[:1500]}")
        return found.group(1).replace(" ", ""), reply.headers.get("x-embrace-upstream", "")
    finally:
        client.close()


def sign_in(port: int, credential: dict[str, str]) -> Client:
    client = Client(port)
    page = client.get("/staff/login/")
    code = f"{totp(base64.b32decode(credential['totp_secret'])):06d}"
    reply = client.post_form(
        "/staff/login/",
        {
            "csrfmiddlewaretoken": hidden_fields(page.text)["csrfmiddlewaretoken"],
            "username": credential["username"],
            "password": credential["password"],
            "code": code,
        },
    )
    check(reply.status == 302, f"signing in on port {port} answered {reply.status}:\n{reply.text[:1500]}")
    return client


def find_case(staff: Client, marker: str) -> str:
    """The case whose message carries ``marker``, read (decrypted) on the staff member's instance."""
    inbox = staff.get("/staff/cases/")
    check(inbox.status == 200, f"the inbox answered {inbox.status}")
    for case_id in dict.fromkeys(re.findall(rf"/staff/cases/({UUID})/", inbox.text)):
        page = staff.get(f"/staff/cases/{case_id}/")
        if page.status == 200 and marker in page.text:
            return case_id
    raise Failed(f"no case in the inbox shows the message {marker!r}")


def answer(staff: Client, case_id: str, text: str) -> None:
    page = staff.get(f"/staff/cases/{case_id}/")
    reply = staff.post_multipart(
        f"/staff/cases/{case_id}/reply/",
        {"csrfmiddlewaretoken": hidden_fields(page.text)["csrfmiddlewaretoken"], "text": text},
        empty_file="photos",
    )
    check(reply.status == 302, f"replying answered {reply.status}:\n{reply.text[:1500]}")


def read_thread(port: int, receipt: str) -> str:
    client = Client(port)
    try:
        page = client.get("/return/")
        reply = client.post_form(
            "/return/",
            {"csrfmiddlewaretoken": hidden_fields(page.text)["csrfmiddlewaretoken"], "receipt": receipt},
        )
        check(reply.status == 200, f"returning with the receipt answered {reply.status}")
        return reply.text
    finally:
        client.close()


def advisory_locks() -> int:
    """Runner locks held: single-key advisory locks (objsubid 1). A runner also holds a two-key lock
    (objsubid 2) for each task it is running, e.g. the housekeeping it runs as soon as it takes over."""
    with psycopg.connect(dbname=os.environ["PGDATABASE"]) as db:
        row = db.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted"
        ).fetchone()
        return int(row[0]) if row else 0


def housekeeping_runs() -> int:
    with psycopg.connect(dbname=os.environ["PGDATABASE"]) as db:
        row = db.execute(
            "SELECT count(*) FROM django_tasks_database_dbtaskresult "
            "WHERE task_path LIKE '%%housekeeping' AND status = 'SUCCESSFUL'"
        ).fetchone()
        return int(row[0]) if row else 0


def wait_until(condition: object, seconds: float, message: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.5)
    raise Failed(message)


def runner_pid(log: Path) -> str | None:
    found = re.findall(
        r"This process \(pid (\d+)\) runs the background tasks", log.read_text(errors="replace")
    )
    return found[-1] if found else None


def main() -> int:
    started = time.monotonic()
    run = Run()

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise Failed(f"the run took longer than {DEADLINE_SECONDS} s")

    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
    signal.alarm(DEADLINE_SECONDS)
    try:
        run.embrace("migrate", "--no-input")
        run.embrace("demo")
        credentials = {
            row["username"]: row for row in json.loads((run.data / "demo-credentials.json").read_text())
        }
        port_a, port_b, port_n = free_port(), free_port(), free_port()
        serve_a, serve_b = run.serve(port_a), run.serve(port_b)
        run.nginx(port_n, port_a, port_b)
        print(
            f"   two instances on :{port_a} and :{port_b}, nginx on :{port_n} "
            f"({time.monotonic() - started:.0f} s)"
        )

        # 1. Enquiries through nginx, several at once: both instances store some.
        results: dict[str, tuple[str, str]] = {}
        errors: list[BaseException] = []

        def enquirer(marker: str) -> None:
            try:
                results[marker] = send_enquiry(port_n, marker)
            except BaseException as error:  # reported below, in the main thread
                errors.append(error)

        markers = [f"two-instances-{n}-{os.urandom(4).hex()}" for n in range(CLIENTS * 2)]
        threads = [threading.Thread(target=enquirer, args=(m,), daemon=True) for m in markers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(90)
        if errors:
            raise Failed(f"{len(errors)} enquiries failed; the first: {errors[0]}")
        check(len(results) == len(markers), f"{len(markers) - len(results)} enquiries did not finish")
        upstreams = {upstream for _, upstream in results.values()}
        wanted = {f"127.0.0.1:{port_a}", f"127.0.0.1:{port_b}"}
        check(
            upstreams == wanted,
            f"enquiries were stored by {sorted(upstreams)}, not by both of {sorted(wanted)}",
        )
        print(f"   {len(results)} enquiries through nginx, stored by both instances")

        # 2. Stored on one instance, read and answered on the other, read back by the enquirer on the first.
        marker = next(m for m, (_, upstream) in results.items() if upstream == f"127.0.0.1:{port_a}")
        receipt = results[marker][0]
        staff = sign_in(port_b, credentials["demo-intake-officer"])
        case_id = find_case(staff, marker)
        reply_text = f"We read you on the other server. {os.urandom(4).hex()}"
        answer(staff, case_id, reply_text)
        staff.close()
        check(
            reply_text in read_thread(port_a, receipt),
            "the enquirer did not see the answer on the first instance",
        )
        print(
            "   a case stored through one instance was read and answered on the other; the answer read back"
        )

        # 3. One task runner across both instances; the other takes over when the holder stops.
        wait_until(lambda: housekeeping_runs() >= 1, 30, "housekeeping never ran")
        check(advisory_locks() == 1, f"{advisory_locks()} runner locks are held, not exactly one")
        holders = [
            (p, s)
            for p, s in ((port_a, serve_a), (port_b, serve_b))
            if runner_pid(run.tmp / f"serve-{p}.log")
        ]
        check(len(holders) == 1, f"{len(holders)} instances said they run the background tasks, not one")
        (holder_port, holder), (other_port, _) = (
            holders[0],
            next((p, s) for p, s in ((port_a, serve_a), (port_b, serve_b)) if p != holders[0][0]),
        )
        run.stop(holder)
        wait_until(
            lambda: runner_pid(run.tmp / f"serve-{other_port}.log") is not None,
            30,
            "the other instance's task runner did not take over",
        )
        check(advisory_locks() == 1, f"{advisory_locks()} runner locks are held after the take-over, not one")
        print(f"   one task runner (on :{holder_port}); on :{other_port} after that instance stopped")
    except Failed as failure:
        signal.alarm(0)
        print(f"FAILED: {failure}\n{run.logs()}", file=sys.stderr)
        return 1
    finally:
        signal.alarm(0)
        run.cleanup()
    print(f"   passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
