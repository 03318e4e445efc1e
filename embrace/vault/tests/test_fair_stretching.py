"""Fair key stretching: a flood in one lane never starves the other, waits are first come first served, and a
wait past the bound is refused rather than endured. Real Argon2id derivations run inside the slots."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

import pytest

from embrace.vault import crypto
from embrace.vault.stretching import Busy, Lane, StretchQueue

LONG_WAIT = 600.0  # long enough never to be reached: these tests are about order, not time


class Recorder:
    """Runs real derivations through a queue and notes the order in which slots were granted."""

    def __init__(self, queue: StretchQueue) -> None:
        self.queue = queue
        self.granted: list[str] = []
        self.refused: list[str] = []
        self._lock = threading.Lock()
        self._salt = os.urandom(16)

    def derive(self, name: str, lane: Lane, *, max_wait: float = LONG_WAIT) -> None:
        try:
            with self.queue.slot(lane, max_wait):
                with self._lock:
                    self.granted.append(name)
                crypto.stretch(name.encode(), self._salt, opslimit=2, memlimit=8 * 1024 * 1024, size=64)
        except Busy:
            with self._lock:
                self.refused.append(name)

    def start(self, name: str, lane: Lane) -> threading.Thread:
        thread = threading.Thread(target=self.derive, args=(name, lane))
        thread.start()
        return thread


def _until(condition: Callable[[], bool]) -> None:
    """Wait for another thread to reach a state (not a timing assertion: it only orders the test's steps)."""
    deadline = time.monotonic() + 60
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the queue never reached the expected state")
        time.sleep(0.001)


def _waiting(queue: StretchQueue, lane: Lane) -> int:
    return queue.snapshot()[lane.value]["waiting"]


def _flood(recorder: Recorder, lane: Lane, size: int) -> list[threading.Thread]:
    """Take every slot, then queue ``size`` more of ``lane`` behind them."""
    queue = recorder.queue
    for _ in range(queue.slots):
        queue.acquire(lane, LONG_WAIT)  # derivations of the flood already running
    threads = []
    for n in range(size):
        threads.append(recorder.start(f"{lane.value}-{n}", lane))
        _until(lambda n=n: _waiting(queue, lane) == n + 1)
    return threads


@pytest.mark.parametrize(("flooded", "other"), [(Lane.NEW, Lane.RETURN), (Lane.RETURN, Lane.NEW)])
def test_a_flood_in_one_lane_does_not_starve_the_other(flooded: Lane, other: Lane) -> None:
    queue = StretchQueue(2, {Lane.NEW: 1, Lane.RETURN: 1})
    recorder = Recorder(queue)
    flood = _flood(recorder, flooded, 12)
    latecomer = recorder.start("latecomer", other)
    _until(lambda: _waiting(queue, other) == 1)
    # The flood's running derivations end one by one; the first slot freed goes to the latecomer, who
    # arrived after the twelve waiting ones but whose lane runs below its reserved share.
    queue.release(flooded)
    # Who got the freed slot, before the next one frees: two woken threads would otherwise race to note it.
    _until(lambda: len(recorder.granted) == 1)
    queue.release(flooded)
    for thread in [*flood, latecomer]:
        thread.join()
    assert recorder.granted[0] == "latecomer"
    assert len(recorder.granted) == 13
    assert recorder.refused == []


def test_within_a_lane_slots_go_in_order_of_arrival() -> None:
    queue = StretchQueue(1, {})
    recorder = Recorder(queue)
    flood = _flood(recorder, Lane.NEW, 8)
    queue.release(Lane.NEW)
    for thread in flood:
        thread.join()
    assert recorder.granted == [f"new-{n}" for n in range(8)]


def test_without_a_flood_one_lane_may_use_every_slot() -> None:
    # The reservation keeps no slot idle: with no returns waiting, new enquiries run on all of them.
    queue = StretchQueue(2, {Lane.NEW: 1, Lane.RETURN: 1})
    queue.acquire(Lane.NEW, max_wait=0)
    queue.acquire(Lane.NEW, max_wait=0)
    assert queue.snapshot()["new"] == {"running": 2, "waiting": 0}


def test_a_wait_longer_than_the_bound_is_refused_at_once_and_leaves_no_one_queued() -> None:
    queue = StretchQueue(1, {})
    recorder = Recorder(queue)
    flood = _flood(recorder, Lane.NEW, 4)
    recorder.derive("too-late", Lane.NEW, max_wait=0.0)
    assert recorder.refused == ["too-late"]
    assert _waiting(queue, Lane.NEW) == 4
    queue.release(Lane.NEW)
    for thread in flood:
        thread.join()
    assert "too-late" not in recorder.granted


def test_an_admitted_request_that_stalls_past_the_bound_gives_up_and_leaves_the_queue() -> None:
    queue = StretchQueue(1, {})
    queue.acquire(Lane.RETURN, LONG_WAIT)  # a derivation that never ends (a stall)
    recorder = Recorder(queue)
    # The estimate (one derivation ahead) fits in the bound, so it queues, then gives up at the bound.
    recorder.derive("stalled", Lane.RETURN, max_wait=1.0)
    assert recorder.refused == ["stalled"]
    assert queue.snapshot()["return"] == {"running": 1, "waiting": 0}
    queue.release(Lane.RETURN)
    recorder.derive("after", Lane.RETURN)
    assert recorder.granted == ["after"]


def test_reserved_shares_cannot_exceed_the_slots() -> None:
    with pytest.raises(ValueError, match="exceed"):
        StretchQueue(2, {Lane.NEW: 2, Lane.RETURN: 1})
