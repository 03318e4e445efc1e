"""A flood of new enquiries, and the genuine enquirers who come at the same time.

``embrace serve`` with its defaults, as in the ``intake`` benchmark. 64 flooding clients obey every form rule
(each sends a form only once it is older than the minimum fill time, one at a time on its own connection, and
sends the next as soon as the last is answered), so nothing tells them from people. Meanwhile a few genuine
visitors come and go: new enquirers (open the form, take the fill time, send) and returning enquirers (type
a receipt they were given before the flood, taking the fill time to type it). Each genuine visit is timed
from sending to the answer; a visit that is not a 200 with a receipt (or the conversation) counts as an
error, whatever the status.
"""

from __future__ import annotations

import collections
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from embrace.bench.harness import Benchmark, Row
from embrace.bench.http import MESSAGES, _min_fill, _receipt, _warm
from embrace.bench.http_client import Client, enquiry_form, hidden_fields
from embrace.bench.http_server import running_server

FLOODERS = 64
NEWCOMERS = 3  # genuine new enquirers, each sending one enquiry after another
RETURNERS = 3  # genuine returning enquirers, each typing their receipt again and again
SETTLE_SECONDS = 10.0  # the flood runs this long before genuine visits are timed
MEASURE_SECONDS = 60.0
TARGET_P95_SECONDS = 10.0


@dataclass
class Visits:
    lock: threading.Lock = field(default_factory=threading.Lock)
    seconds: list[float] = field(default_factory=list)
    statuses: collections.Counter[int] = field(default_factory=collections.Counter)
    errors: int = 0

    def note(self, status: int, seconds: float, ok: bool) -> None:
        with self.lock:
            self.statuses[status] += 1
            self.seconds.append(seconds)
            if not ok:
                self.errors += 1


@dataclass
class Run:
    port: int
    stop: threading.Event = field(default_factory=threading.Event)
    measuring: threading.Event = field(default_factory=threading.Event)
    flood: Visits = field(default_factory=Visits)
    new: Visits = field(default_factory=Visits)
    returns: Visits = field(default_factory=Visits)


def _new_enquiry(client: Client, message: str) -> tuple[int, float, bool]:
    form = client.get("/enquire/")
    fields = hidden_fields(form.text)
    if "token" not in fields:
        return form.status, form.seconds, False
    time.sleep(_min_fill())
    reply = client.post_multipart("/enquire/", enquiry_form(fields, message), empty_file="photos")
    return reply.status, reply.seconds, reply.status == 200 and _receipt(reply.text) is not None


def _return(client: Client, receipt: str) -> tuple[int, float, bool]:
    form = client.get("/return/")
    fields = hidden_fields(form.text)
    # A person types the 16 digits: a returning enquirer sends at a person's pace, as a new one does (without
    # the pause, three returners sending back to back would be a flood of returns of their own).
    time.sleep(_min_fill())
    reply = client.post_form(
        "/return/", {"csrfmiddlewaretoken": fields.get("csrfmiddlewaretoken", ""), "receipt": receipt}
    )
    return reply.status, reply.seconds, reply.status == 200 and 'name="visit"' in reply.text


Visit = Callable[[Client], tuple[int, float, bool]]


def _sender(message: str) -> Visit:
    return lambda client: _new_enquiry(client, message)


def _returner(receipt: str) -> Visit:
    return lambda client: _return(client, receipt)


def _loop(run: Run, visits: Visits, visit: Visit) -> None:
    client = Client(run.port)
    try:
        while not run.stop.is_set():
            try:
                status, seconds, ok = visit(client)
            except OSError:
                client.close()
                status, seconds, ok = 0, 0.0, False
            if run.measuring.is_set() and not run.stop.is_set():
                visits.note(status, seconds, ok)
    finally:
        client.close()


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0


def flood() -> list[Row]:
    with running_server() as server:
        _warm(server.port)
        receipts = []
        # Each returning enquirer sent an enquiry before the flood started and kept its receipt.
        for n in range(RETURNERS):
            client = Client(server.port)
            try:
                form = client.get("/enquire/")
                fields = hidden_fields(form.text)
                time.sleep(_min_fill())
                reply = client.post_multipart(
                    "/enquire/", enquiry_form(fields, MESSAGES[n]), empty_file="photos"
                )
            finally:
                client.close()
            receipt = _receipt(reply.text)
            if receipt is None:
                raise RuntimeError(f"no receipt before the flood ({reply.status})")
            receipts.append(receipt)
        run = Run(server.port)
        threads = [
            threading.Thread(target=_loop, args=(run, run.flood, _sender(MESSAGES[n % len(MESSAGES)])))
            for n in range(FLOODERS)
        ]
        threads += [
            threading.Thread(target=_loop, args=(run, run.new, _sender(MESSAGES[n % len(MESSAGES)])))
            for n in range(NEWCOMERS)
        ]
        threads += [
            threading.Thread(target=_loop, args=(run, run.returns, _returner(receipt)))
            for receipt in receipts
        ]
        for thread in threads:
            thread.start()
        time.sleep(SETTLE_SECONDS)
        run.measuring.set()
        time.sleep(MEASURE_SECONDS)
        run.stop.set()
        for thread in threads:
            thread.join()
        log = server.log_text()
    return _rows(run, log)


def _codes(counter: collections.Counter[int]) -> str:
    return ", ".join(f"{code}: {n}" for code, n in sorted(counter.items())) or "none"


def _genuine_row(label: str, visits: Visits) -> Row:
    p95 = _p95(visits.seconds)
    met = p95 <= TARGET_P95_SECONDS and visits.errors == 0 and visits.seconds
    median = statistics.median(visits.seconds) if visits.seconds else 0.0
    return Row(
        label,
        p95,
        "s p95",
        f"≤ {TARGET_P95_SECONDS:.0f} s with 0 errors: {'met' if met else '**missed**'}; "
        f"{len(visits.seconds)} visits, median {median:.2f} s, errors {visits.errors}; "
        f"statuses {_codes(visits.statuses)}",
    )


def _rows(run: Run, log: str) -> list[Row]:
    flood_ok = len(run.flood.seconds) - run.flood.errors
    tracebacks = sum(1 for line in log.splitlines() if "Traceback" in line)
    return [
        _genuine_row(f"genuine new enquiry during a flood of {FLOODERS}", run.new),
        _genuine_row(f"returning enquirer (receipt) during a flood of {FLOODERS}", run.returns),
        Row(
            "flood enquiries accepted",
            flood_ok / MEASURE_SECONDS,
            "/s",
            f"{FLOODERS} clients obeying the fill time, {MEASURE_SECONDS:.0f} s after "
            f"{SETTLE_SECONDS:.0f} s to settle; statuses {_codes(run.flood.statuses)} "
            "(503: asked to come back in a minute); "
            f"median POST {statistics.median(run.flood.seconds) if run.flood.seconds else 0:.2f} s; "
            f"tracebacks in the server log: {tracebacks}",
        ),
    ]


BENCHMARKS = [
    Benchmark(
        "flood",
        "A flood of new enquiries (64 clients) and genuine enquirers",
        __doc__.split("\n\n", 1)[1].replace("\n", " ").strip() if __doc__ else "",
        flood,
    ),
]
