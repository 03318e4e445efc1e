"""Fair admission to key stretching: a FIFO queue per process, two lanes, a reserved share for each.

Every enquirer request costs one Argon2id derivation (64 MiB, a few hundred milliseconds of a core), and only
``slots`` of them may run at once in a process (memory and cores are the bound). Before this queue a request
that found no slot waited on a semaphore, which admits waiters in no particular order, and a flood of new
enquiries could keep a returning enquirer waiting indefinitely.

- **FIFO with hand-off.** A released slot is handed to the longest-waiting eligible request, never grabbed by
  a newcomer that happens to run first, so a request's wait depends only on how many are ahead of it.
- **Lanes with reserved shares.** New enquiries and returns (receipt entry) wait in separate lanes. When a
  slot frees up, a lane that has waiters and runs fewer than its reserved share is served first; otherwise
  the oldest waiter of any lane. The reservation costs nothing when the other lane is idle (no slot is kept
  empty), and during a flood of new enquiries a returning enquirer waits for at most one derivation to end.
- **Bounded wait.** A request that would wait longer than the bound (estimated from the derivations just
  measured and the queue ahead of it) is refused at once with ``Busy``, so a flood does not pile up
  threads; one that was admitted but still waits past the bound (a stall) gives up at the bound.

Nothing about the requester is known or kept: lanes are chosen by the page (enquiry form or receipt entry),
so a flood can only ever take its own lane's share. See docs/security.md, "Floods".
"""

from __future__ import annotations

import collections
import enum
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

# A first guess for one derivation before any has been measured (64 MiB, 2 passes on a small server core).
_INITIAL_SECONDS = 0.25
_SMOOTHING = 0.2  # weight of the newest measurement in the running mean


class Lane(enum.StrEnum):
    NEW = "new"  # a new enquiry: deriving a fresh receipt
    RETURN = "return"  # someone typing their receipt to read replies


class Busy(Exception):
    """Waiting for a slot would take longer than the bound; nothing was done."""

    def __init__(self, wait_seconds: float) -> None:
        super().__init__(f"estimated wait {wait_seconds:.1f} s")
        self.wait_seconds = wait_seconds


@dataclass(eq=False)
class _Waiter:
    lane: Lane
    arrived: float
    granted: bool = False
    event: threading.Event = field(default_factory=threading.Event)


class StretchQueue:
    """``slots`` concurrent derivations, admitted in order of arrival, with ``reserved`` slots per lane."""

    def __init__(self, slots: int, reserved: Mapping[Lane, int]) -> None:
        if slots < 1:
            raise ValueError("at least one slot")
        if sum(reserved.values()) > slots:
            raise ValueError("the reserved shares exceed the slots")
        self.slots = slots
        self.reserved = {lane: reserved.get(lane, 0) for lane in Lane}
        self._lock = threading.Lock()
        self._running = dict.fromkeys(Lane, 0)
        self._waiting: dict[Lane, collections.deque[_Waiter]] = {lane: collections.deque() for lane in Lane}
        self._seconds = _INITIAL_SECONDS

    # --- what a request sees ----------------------------------------------------------------------------

    @contextmanager
    def slot(self, lane: Lane, max_wait: float) -> Iterator[None]:
        """Hold one slot of ``lane`` for the block (raises ``Busy`` rather than wait past ``max_wait`` s)."""
        self.acquire(lane, max_wait)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.release(lane, time.perf_counter() - started)

    def acquire(self, lane: Lane, max_wait: float) -> None:
        with self._lock:
            if not self._waiting_anywhere() and self._free() > 0:
                self._running[lane] += 1
                return
            estimate = self.estimated_wait(lane)
            if estimate > max_wait:
                raise Busy(estimate)
            waiter = _Waiter(lane, time.monotonic())
            self._waiting[lane].append(waiter)
        waiter.event.wait(max_wait)
        with self._lock:
            if waiter.granted:
                return
            self._waiting[lane].remove(waiter)
        raise Busy(max_wait)

    def release(self, lane: Lane, seconds: float | None = None) -> None:
        with self._lock:
            if seconds is not None:
                self._seconds += _SMOOTHING * (seconds - self._seconds)
            self._running[lane] -= 1
            self._hand_off()

    # --- the rules ----------------------------------------------------------------------------------------

    def estimated_wait(self, lane: Lane) -> float:
        """How long a request arriving now in ``lane`` would wait, from the queue ahead and recent speed.

        Its lane is served at least at its reserved share of the slots, and at the whole rate while the other
        lane has no one waiting; those ahead of it in its own lane go first either way.
        """
        ahead = len(self._waiting[lane]) + 1
        others_waiting = any(self._waiting[other] for other in Lane if other is not lane)
        share = max(1, self.reserved[lane]) if others_waiting else self.slots
        rounds = -(-ahead // share)  # each round: every slot of the share finishes one derivation
        return rounds * self._seconds

    def _free(self) -> int:
        return self.slots - sum(self._running.values())

    def _waiting_anywhere(self) -> bool:
        return any(self._waiting.values())

    def _next(self) -> _Waiter | None:
        under_share = [
            queue[0]
            for lane, queue in self._waiting.items()
            if queue and self._running[lane] < self.reserved[lane]
        ]
        candidates = under_share or [queue[0] for queue in self._waiting.values() if queue]
        return min(candidates, key=lambda w: w.arrived, default=None)

    def _hand_off(self) -> None:
        while self._free() > 0 and (waiter := self._next()) is not None:
            self._waiting[waiter.lane].popleft()
            self._running[waiter.lane] += 1
            waiter.granted = True
            waiter.event.set()

    def snapshot(self) -> dict[str, dict[str, int]]:
        """Counts per lane (for tests and the bench): running and waiting."""
        with self._lock:
            return {
                lane.value: {"running": self._running[lane], "waiting": len(self._waiting[lane])}
                for lane in Lane
            }
