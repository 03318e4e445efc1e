"""The enquirer's path against the server as deployed: gunicorn through ``embrace serve``, not runserver.

Two benchmarks, each with its own server in the bench's temporary data folder:

- ``pages``: what each enquirer page costs on the wire (2G phones): the HTML as served to a client that
  accepts gzip, plus every same-site subresource it references, and the number of requests;
- ``intake``: sustained enquiries per second from 16 concurrent clients for 30 s, then, in the same run and
  on the same cores, the raw Argon2id rate with the receipt parameters, and the server's memory.

The production costs and intake settings apply unchanged (``EMBRACE_INTAKE_MIN_FILL_SECONDS`` included):
each client holds forms it fetched earlier and sends one only once the minimum fill time has passed for its
token, as a person typing would, so that no enquiry is quarantined as automated.
"""

from __future__ import annotations

import collections
import gzip
import os
import re
import statistics
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings

from embrace.bench.harness import MIB, Benchmark, Row, fmt, usable_cores
from embrace.bench.http_client import (
    HOST,
    Client,
    Reply,
    css_subresources,
    enquiry_form,
    hidden_fields,
    is_local,
    path_of,
    subresources,
)
from embrace.bench.http_server import MemorySample, Sampler, Server, cpu_seconds, running_server
from embrace.vault import crypto

PAGE_BUDGET_BYTES = 15_000  # "15 KB", read strictly
PAGE_BUDGET_REQUESTS = 3
CLIENTS = 16
LOAD_SECONDS = 30.0
FORMS_HELD = 8  # forms each client holds: enough that the minimum fill time never throttles the load
FILL_MARGIN_SECONDS = 0.5
RAW_THREADS = 2
RAW_SECONDS = 5.0  # before the load and again after it: other work on the machine varies
TARGET_RATE = 10.0
TARGET_RATIO = 0.75  # issue 11
TARGET_PEAK_MIB = 300
TARGET_IDLE_MIB = 150

# Realistic enquiries: Burmese in Unicode, and one in Zawgyi (some phones still type it), a few hundred bytes.
MESSAGES = [
    "မင်္ဂလာပါ။ ကျွန်တော် တပ်မတော်မှာ တပ်ကြပ်ကြီးအဖြစ် တာဝန်ထမ်းဆောင်နေပါတယ်။ ကျွန်တော့်မိသားစု "
    "(ဇနီးနဲ့ ကလေးနှစ်ယောက်) နဲ့အတူ ထွက်ချင်ပါတယ်။ ဘယ်လိုလုပ်ရမလဲ၊ ဘယ်မှာ ဆုံရမလဲ ပြောပြပေးပါ။ "
    "ဖုန်းကို စစ်ဆေးတတ်လို့ ဒီဝက်ဘ်ဆိုက်ကနေပဲ ဆက်သွယ်ပါမယ်။ ကျေးဇူးတင်ပါတယ်။",
    "ကျွန်တော့်အစ်ကို ရဲတပ်ဖွဲ့မှာ ရှိပါတယ်။ သူ ထွက်ချင်ပေမယ့် မိဘတွေကို စိုးရိမ်နေပါတယ်။ မိသားစုကို ဘယ်လို ကာကွယ်ပေးနိုင်မလဲ။ ဆုငွေအကြောင်းလည်း သိချင်ပါတယ်။",
    "ကၽြန္ေတာ္ စစ္တပ္က ထြက္ခ်င္ပါတယ္။ ေက်းဇူးတင္ပါတယ္။",
    "ဗိုလ်ကြီးတစ်ယောက်ပါ။ ရန်ကုန်အနီးက တပ်ရင်းမှာ ရှိပါတယ်။ ကား တစ်စီး ယူလာနိုင်ပါတယ်။ ဘယ်နေ့ ဘယ်အချိန် ဆက်သွယ်ရမလဲ ပြောပါ။",
]
_RECEIPT = re.compile(r"RECEIPT:.*?(\d{4} \d{4} \d{4} \d{4})", re.DOTALL)
_ERRORS = re.compile(r'<ul class="errorlist[^"]*">(.*?)</ul>', re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _receipt(page: str) -> str | None:
    # The receipt is shown in spans that keep its groups together: read it without the tags.
    found = _RECEIPT.search(_TAGS.sub("", page.replace('<p class="receipt">', "RECEIPT:")))
    return found.group(1).replace(" ", "") if found else None


def _min_fill() -> float:
    return float(settings.INTAKE_MIN_FILL_SECONDS) + FILL_MARGIN_SECONDS


# --- Page weight -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Weight:
    html_wire: int
    html_raw: int
    html_gzip: bool  # the server compressed the HTML
    html_if_gzipped: int  # what the HTML would weigh gzipped (level 6, as Django's GZipMiddleware)
    parts: list[tuple[str, int, str]]  # (path, wire bytes, content-encoding) of each same-site subresource
    foreign: list[str]  # references to another origin: counted as requests, never fetched

    @property
    def requests(self) -> int:
        return 1 + len(self.parts) + len(self.foreign)

    @property
    def subresource_bytes(self) -> int:
        return sum(size for _, size, _ in self.parts)

    @property
    def wire(self) -> int:
        return self.html_wire + self.subresource_bytes


def _weigh(port: int, path: str, reply: Reply) -> Weight:
    if reply.status != 200:
        raise RuntimeError(
            f"{path} answered {reply.status}, not 200: the page weights would describe an error"
        )
    page = reply.text
    base = f"http://{HOST}:{port}{path}"
    parts, foreign, fetcher = [], [], Client(port)
    try:
        todo = subresources(page, base)
        while todo:
            url = todo.pop(0)
            if not is_local(url, port):
                foreign.append(url)
                continue
            got = fetcher.get(path_of(url))
            if got.status != 200:
                raise RuntimeError(f"{path_of(url)} (referenced by {path}) answered {got.status}")
            parts.append((path_of(url), len(got.wire), got.headers.get("content-encoding", "identity")))
            if got.headers.get("content-type", "").startswith("text/css"):
                todo += [u for u in css_subresources(got.text, url) if u not in todo]
    finally:
        fetcher.close()
    compressed = reply.headers.get("content-encoding") == "gzip"
    raw = page.encode()
    gzipped = len(reply.wire) if compressed else len(gzip.compress(raw, 6))
    return Weight(len(reply.wire), len(raw), compressed, gzipped, parts, foreign)


def _page_row(label: str, weight: Weight, extra: str = "") -> Row:
    fits = weight.wire <= PAGE_BUDGET_BYTES and weight.requests <= PAGE_BUDGET_REQUESTS
    if weight.html_gzip:
        html_note = f"HTML {weight.html_wire:,} B gzip ({weight.html_raw:,} B raw)"
    else:
        html_note = (
            f"HTML {weight.html_wire:,} B **not compressed** by the server "
            f"(gzip would make it {weight.html_if_gzipped:,} B, "
            f"the page {weight.html_if_gzipped + weight.subresource_bytes:,} B)"
        )
    parts = "; ".join(f"{p.rsplit('/', 1)[-1]} {size:,} B {enc}" for p, size, enc in weight.parts)
    foreign = f"; **{len(weight.foreign)} other-origin references**" if weight.foreign else ""
    return Row(
        label,
        weight.wire,
        "bytes",
        f"{weight.requests} request(s): {html_note}{'; ' + parts if parts else ''}{foreign}{extra}; "
        f"≤ {PAGE_BUDGET_BYTES:,} B in ≤ {PAGE_BUDGET_REQUESTS}: {_verdict(fits)}",
    )


def _send_enquiry(client: Client, prefix: str, message: str) -> tuple[Reply, int]:
    form = client.get(f"{prefix}/enquire/")
    fields = hidden_fields(form.text)
    time.sleep(_min_fill())
    body = enquiry_form(fields, message)
    reply = client.post_multipart(f"{prefix}/enquire/", body, empty_file="photos")
    return reply, sum(len(v.encode()) for v in body.values())


def pages() -> list[Row]:
    rows = []
    with running_server() as server:
        port = server.port
        for prefix, language in (("", "Burmese"), ("/en", "English")):
            for path, name in (
                ("/", "landing"),
                ("/enquire/", "enquiry form"),
                ("/return/", "receipt entry"),
            ):
                client = Client(port)
                try:
                    reply = client.get(prefix + path)
                finally:
                    client.close()
                rows.append(
                    _page_row(f"{name} `{prefix}{path}` ({language})", _weigh(port, prefix + path, reply))
                )
            client = Client(port)
            try:
                sent, sent_bytes = _send_enquiry(client, prefix, MESSAGES[0])
                receipt = _receipt(sent.text)
                if receipt is None:
                    raise RuntimeError(f"POST {prefix}/enquire/ answered {sent.status} without a receipt")
                rows.append(
                    _page_row(
                        f"receipt page, answer to POST `{prefix}/enquire/` ({language})",
                        _weigh(port, f"{prefix}/enquire/", sent),
                        f"; the form sent {sent_bytes:,} B of fields",
                    )
                )
                form = client.get(f"{prefix}/return/")
                fields = hidden_fields(form.text)
                thread = client.post_form(
                    f"{prefix}/return/",
                    {"csrfmiddlewaretoken": fields["csrfmiddlewaretoken"], "receipt": receipt},
                )
                rows.append(
                    _page_row(
                        f"conversation page, answer to POST `{prefix}/return/` ({language})",
                        _weigh(port, f"{prefix}/return/", thread),
                        "; one message in the thread",
                    )
                )
            finally:
                client.close()
    return rows


# --- Sustained enquiries ---------------------------------------------------------------------------------


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    receipts: list[str] = field(default_factory=list)
    late: int = 0  # finished after the window closed: not counted in the rate
    post_codes: collections.Counter[int] = field(default_factory=collections.Counter)
    get_codes: collections.Counter[int] = field(default_factory=collections.Counter)
    without_receipt: int = 0
    failures: collections.Counter[str] = field(default_factory=collections.Counter)
    post_seconds: list[float] = field(default_factory=list)
    waits: int = 0
    first_refusal: str = ""
    requests: int = 0


@dataclass
class Window:
    start: float = 0.0
    end: float = 0.0
    go: threading.Event = field(default_factory=threading.Event)


@dataclass
class HeldForm:
    fields: dict[str, str]
    fetched: float


def _fetch_form(client: Client, tally: Tally) -> HeldForm | None:
    try:
        reply = client.get("/enquire/")
    except OSError as exc:
        with tally.lock:
            tally.failures[f"GET: {type(exc).__name__}"] += 1
        client.close()
        return None
    with tally.lock:
        tally.get_codes[reply.status] += 1
        tally.requests += 1
    fields = hidden_fields(reply.text) if reply.status == 200 else {}
    if "token" not in fields or "csrfmiddlewaretoken" not in fields:
        return None
    return HeldForm(fields, time.monotonic())


def _submit(client: Client, held: HeldForm, message: str, tally: Tally, window: Window) -> None:
    ready = held.fetched + _min_fill()
    if (now := time.monotonic()) < ready:
        with tally.lock:
            tally.waits += 1
        time.sleep(ready - now)
    try:
        reply = client.post_multipart("/enquire/", enquiry_form(held.fields, message), empty_file="photos")
    except OSError as exc:
        with tally.lock:
            tally.failures[f"POST: {type(exc).__name__}"] += 1
        client.close()
        return
    counted = time.monotonic() <= window.end
    page = reply.text
    receipt = _receipt(page) if reply.status == 200 else None
    with tally.lock:
        tally.requests += 1
        if not counted:
            tally.late += 1
            return
        tally.post_codes[reply.status] += 1
        tally.post_seconds.append(reply.seconds)
        if receipt is not None:
            tally.receipts.append(receipt)
        elif reply.status == 200:
            tally.without_receipt += 1
        if receipt is None and not tally.first_refusal:
            said = " / ".join(_TAGS.sub("", m).strip() for m in _ERRORS.findall(page))
            tally.first_refusal = f"{reply.status}: {said or page[:200]}"


def _client(port: int, number: int, tally: Tally, window: Window, ready: threading.Barrier) -> None:
    client, held = Client(port), collections.deque[HeldForm]()
    message = MESSAGES[number % len(MESSAGES)]
    try:
        while len(held) < FORMS_HELD:
            form = _fetch_form(client, tally)
            if form is None:
                break
            held.append(form)
        ready.wait()
        window.go.wait()
        while held and time.monotonic() < window.end:
            _submit(client, held.popleft(), message, tally, window)
            if time.monotonic() < window.end and (form := _fetch_form(client, tally)) is not None:
                held.append(form)
    finally:
        client.close()


def _load(port: int, on_open: Callable[[], None]) -> Tally:
    tally, window = Tally(), Window()
    ready = threading.Barrier(CLIENTS + 1)
    threads = [
        threading.Thread(target=_client, args=(port, n, tally, window, ready), name=f"client-{n}")
        for n in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    ready.wait()
    # Every held form is now old enough to be sent: the window opens with none of the clients waiting.
    time.sleep(_min_fill())
    on_open()
    window.start = time.monotonic()
    window.end = window.start + LOAD_SECONDS
    window.go.set()
    for thread in threads:
        thread.join()
    return tally


@dataclass
class Cpu:
    """CPU seconds used by the server tree and by this process (the clients) from the window's opening."""

    pids: list[int]
    server: float = 0.0
    clients: float = 0.0

    def open(self) -> None:
        self.server, self.clients = cpu_seconds(self.pids), time.process_time()

    def close(self) -> None:
        self.server = cpu_seconds(self.pids) - self.server
        self.clients = time.process_time() - self.clients


def raw_argon2id_rate(threads: int = RAW_THREADS, seconds: float = RAW_SECONDS) -> tuple[float, float]:
    """(derivations per second on ``threads`` threads, CPU seconds per derivation), receipt parameters."""
    salt, counts = os.urandom(16), [0] * threads
    start_line = threading.Barrier(threads + 1)
    deadline = [0.0]

    def work(i: int) -> None:
        start_line.wait()
        while time.perf_counter() < deadline[0]:
            crypto.stretch(
                f"{i:016d}".encode(),
                salt,
                opslimit=settings.RECEIPT_OPSLIMIT,
                memlimit=settings.RECEIPT_MEMLIMIT,
                size=64,
            )
            counts[i] += 1

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    cpu = time.process_time()
    start = time.perf_counter()
    deadline[0] = start + seconds
    start_line.wait()
    for worker in workers:
        worker.join()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    return sum(counts) / elapsed, cpu / max(1, sum(counts))


def _serve_options(serve_args: Sequence[str]) -> tuple[int, int]:
    from embrace.core.management.commands.serve import Command

    options = Command().create_parser("embrace", "serve").parse_args(list(serve_args))
    return options.workers, options.threads


def _mib(kib: float) -> float:
    return kib / 1024


def _idle(server: Server, seconds: float) -> tuple[float, float]:
    """(median RSS, median PSS) of the server tree in KiB over ``seconds`` without traffic."""
    sampler = Sampler(server.process.pid)
    sampler.start()
    time.sleep(seconds)
    sampler.stop()
    return (
        statistics.median(s.rss_kib for s in sampler.samples),
        statistics.median(s.pss_kib for s in sampler.samples),
    )


def _warm(port: int) -> None:
    """First requests compile templates and open the database in each worker: not the steady state."""
    clients = [Client(port) for _ in range(4)]
    try:
        for _ in range(5):
            for client in clients:
                client.get("/enquire/")
    finally:
        for client in clients:
            client.close()


def _stored_cases() -> collections.Counter[str]:
    from django.db import connections

    from embrace.cases.models import Case

    try:
        return collections.Counter(Case.objects.values_list("status", flat=True))
    finally:
        connections.close_all()


def _server_errors_logged(server: Server) -> int:
    return sum(1 for line in server.log_text().splitlines() if "Traceback" in line or " ERROR " in line)


def intake(serve_args: Sequence[str] = ()) -> list[Row]:
    """The load, the raw rate and the memory; ``serve_args`` (e.g. ``--workers 3``) are for experiments."""
    workers, threads = _serve_options(serve_args)
    with running_server(serve_args, task_runner=True) as server:
        _warm(server.port)
        idle_rss, idle_pss = _idle(server, 3.0)
        raw_before = raw_argon2id_rate()
        load_before = os.getloadavg()[0]
        sampler, cpu = Sampler(server.process.pid), Cpu(server.pids)
        sampler.start()
        tally = _load(server.port, cpu.open)
        cpu.close()
        sampler.stop()
        load_after = os.getloadavg()[0]
        after_rss, _ = _idle(server, 2.0)
        raw_after = raw_argon2id_rate()
        errors_logged = _server_errors_logged(server)
        processes = len(server.pids)
    return _intake_rows(
        tally=tally,
        workers=workers,
        threads=threads,
        idle=(idle_rss, idle_pss),
        peak=sampler.peak(),
        after_rss=after_rss,
        raw=(raw_before, raw_after),
        cpu=cpu,
        load=(load_before, load_after),
        serve_args=serve_args,
        cases=_stored_cases(),
        errors_logged=errors_logged,
        processes=processes,
    )


def _database_label() -> str:
    database = settings.DATABASES["default"]
    pragmas = database.get("OPTIONS", {}).get("init_command", "")
    return f"{database['ENGINE'].rsplit('.', 1)[-1]} {pragmas}".strip()


def _codes(counter: Mapping[int, int]) -> str:
    return ", ".join(f"{code}: {n}" for code, n in sorted(counter.items())) or "none"


def _intake_rows(
    *,
    tally: Tally,
    workers: int,
    threads: int,
    idle: tuple[float, float],
    peak: MemorySample,
    after_rss: float,
    raw: tuple[tuple[float, float], tuple[float, float]],
    cpu: Cpu,
    load: tuple[float, float],
    serve_args: Sequence[str],
    cases: collections.Counter[str],
    errors_logged: int,
    processes: int,
) -> list[Row]:
    from embrace.cases.models import Status

    successes = len(tally.receipts)
    rate = successes / LOAD_SECONDS
    raw_rate = (raw[0][0] + raw[1][0]) / 2
    raw_cpu = (raw[0][1] + raw[1][1]) / 2
    cores = usable_cores()
    errors_5xx = sum(n for code, n in tally.post_codes.items() if code >= 500) + sum(
        n for code, n in tally.get_codes.items() if code >= 500
    )
    refused = {code: n for code, n in tally.post_codes.items() if 400 <= code < 500}
    latencies = sorted(tally.post_seconds)
    p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0.0
    handled = successes + tally.late  # every enquiry the server finished while its CPU time was counted
    per_enquiry = cpu.server / handled if handled else 0.0
    serve_label = " ".join(serve_args) if serve_args else "defaults"

    argon_memory = workers * settings.RECEIPT_CONCURRENCY * settings.RECEIPT_MEMLIMIT // MIB
    quarantined = cases.get(Status.QUARANTINED, 0)
    distinct = len(set(tally.receipts))
    return [
        Row(
            "server configuration",
            workers * threads,
            "threads",
            f"`embrace serve` {serve_label}: {workers} gunicorn workers x {threads} threads (gthread); "
            f"RECEIPT_CONCURRENCY={settings.RECEIPT_CONCURRENCY} per worker, receipt Argon2id "
            f"opslimit={settings.RECEIPT_OPSLIMIT}, memlimit={settings.RECEIPT_MEMLIMIT // MIB} MiB; "
            f"database {_database_label()}; INTAKE_MIN_FILL_SECONDS={settings.INTAKE_MIN_FILL_SECONDS} "
            "(not overridden)",
        ),
        Row(
            f"successful enquiries per second, {CLIENTS} clients, {LOAD_SECONDS:.0f} s",
            rate,
            "/s",
            f"≥ {TARGET_RATE:.0f}/s on {cores} cores: {_verdict(rate >= TARGET_RATE)}; {successes} receipts "
            f"({distinct} distinct); POST median {statistics.median(latencies) if latencies else 0:.2f} s, "
            f"p95 {p95:.2f} s; {tally.late} more finished after the window (not counted)",
        ),
        Row(
            "server errors (5xx)",
            errors_5xx,
            "responses",
            f"0: {_verdict(errors_5xx == 0)}; refused POSTs by status: {_codes(refused)}; "
            f"200 without a receipt: {tally.without_receipt}; connection failures: "
            f"{sum(tally.failures.values())}; tracebacks or errors in the server log: {errors_logged}"
            + (f"; first refusal: {tally.first_refusal[:160]}" if tally.first_refusal else ""),
        ),
        Row(
            f"raw Argon2id derivations per second, {RAW_THREADS} threads",
            raw_rate,
            "/s",
            "crypto.stretch with RECEIPT_OPSLIMIT/RECEIPT_MEMLIMIT, 64-byte output, in the bench process on "
            f"the same cores, {RAW_SECONDS:.0f} s just before the load ({fmt(raw[0][0])}/s) and "
            f"{RAW_SECONDS:.0f} s just after it ({fmt(raw[1][0])}/s), the mean; "
            f"{raw_cpu * 1000:.0f} ms of CPU each",
        ),
        Row(
            "enquiries ÷ raw Argon2id rate",
            100 * rate / raw_rate if raw_rate else 0.0,
            "%",
            f"≥ {TARGET_RATIO:.0%}: {_verdict(raw_rate > 0 and rate / raw_rate >= TARGET_RATIO)}; "
            "each enquiry costs one derivation",
        ),
        Row(
            "server CPU per enquiry (its GET and POST)",
            per_enquiry * 1000,
            "ms",
            f"one derivation alone is {raw_cpu * 1000:.0f} ms ({raw_cpu / per_enquiry:.0%} of it); server "
            f"processes used {cpu.server:.1f} CPU-s in the window, "
            f"{cpu.server / (cores * LOAD_SECONDS):.0%} of the {cores} cores: the rest went to the clients "
            "and to other work on the machine"
            if per_enquiry
            else f"{cpu.server:.1f} CPU-s, no enquiry succeeded",
        ),
        Row(
            "load generator CPU",
            cpu.clients,
            "CPU-s",
            f"the bench's {CLIENTS} client threads, on the same {cores} cores as the server "
            f"({cores * LOAD_SECONDS:.0f} CPU-s in the window); {tally.requests} requests in all "
            f"(GET /enquire/ then POST, per enquiry); GET statuses: {_codes(tally.get_codes)}; "
            f"load average {load[0]:.2f} before, {load[1]:.2f} after",
        ),
        Row(
            "server RSS, idle",
            _mib(idle[0]),
            "MiB",
            f"≤ {TARGET_IDLE_MIB} MiB: {_verdict(_mib(idle[0]) <= TARGET_IDLE_MIB)}; sum of VmRSS over "
            f"{processes} processes (gunicorn master, workers with the task runner thread); "
            f"PSS {fmt(_mib(idle[1]))} MiB",
        ),
        Row(
            "server RSS, peak under load",
            _mib(peak.rss_kib),
            "MiB",
            f"≤ {TARGET_PEAK_MIB} MiB: {_verdict(_mib(peak.rss_kib) <= TARGET_PEAK_MIB)}; sampled every "
            f"0.2 s; PSS then {fmt(_mib(peak.pss_kib))} MiB; Argon2 alone may hold up to {argon_memory} MiB "
            f"({workers} workers x {settings.RECEIPT_CONCURRENCY} slots x "
            f"{settings.RECEIPT_MEMLIMIT // MIB} MiB)",
        ),
        Row("server RSS, idle after the load", _mib(after_rss), "MiB", "median over 2 s without traffic"),
        Row(
            "enquiries stored",
            sum(cases.values()),
            "cases",
            f"quarantined as automated: {quarantined} (tokens held ≥ "
            f"{settings.INTAKE_MIN_FILL_SECONDS} s, as a person would); includes the late ones",
        ),
    ]


BENCHMARKS = [
    Benchmark(
        "pages",
        "Enquirer pages on the wire",
        "Each enquirer page as a first visit on a slow phone costs it: the HTML exactly as `embrace serve` "
        "(gunicorn) sends it to a client that accepts gzip, plus every same-site subresource the page "
        'references (stylesheet, images; the favicon is suppressed by `<link rel="icon" href="data:,">`), '
        "each counted as a request. Bytes are response bodies on the wire, without headers. The stylesheet "
        "has a hashed name and a year-long cache lifetime, so a return visit costs one request.",
        pages,
    ),
    Benchmark(
        "intake",
        "Sustained enquiries (gunicorn, 16 clients)",
        "`embrace serve` with its default workers and threads and its task runner, in a fresh data folder "
        "after "
        "`embrace migrate` and `embrace demo`, with one intake team receiving. Each of 16 clients keeps its "
        "own connection and CSRF cookie and loops: send the oldest form it holds (a realistic Burmese "
        "message, multipart as a browser posts it) once its token is older than the minimum fill time, "
        "then fetch a new form. A success is a 200 with a receipt on the page. Then, in the same run and "
        "on the same cores, the raw Argon2id rate at the receipt parameters: every enquiry costs one "
        "derivation, so the ratio shows what the rest of the request costs. Memory is the sum over the "
        "server's process tree, sampled every 0.2 s. Targets are reported, not asserted.",
        intake,
    ),
]
