"""A time budget per document: reading stops with a flag, never hangs.

Every pattern is linear and every reading loop bounded, so a document is read in time that grows
with its length. The budget is for what that still leaves: a megabyte of numbers is read in
seconds, but not in the moment a reviewer waits for. `extract` and `verify` read each document
inside `reading`; the readers call `check` at each sentence, table or claim, and every regular
expression of `text.patterns` is given the time that remains (the ``regex`` module's ``timeout=``).
When the budget runs out the reader stops where it is, keeps what it read, and the document gets
a flag (``reading_stopped``) saying `stopped_message`: "reading stopped after 20 s at character
412,003 of 1,000,000".

The budget is counted in the reading thread's CPU time (`time.thread_time`), so what a document
gives does not depend on how busy the machine is: a text read whole on an idle machine is read
whole under load, only later. The regex module counts its ``timeout=`` the same way (a pattern
given 2 s stops after 2 s of CPU, 7.6 s of wall time on a machine loaded fourfold). A hang is still
stopped: past `WALL_FACTOR` times the budget in wall-clock time (a machine so busy that the CPU
seconds come too slowly, or a thread that waits) reading stops all the same, and the message says
so.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

DOCUMENT_SECONDS = 20.0
"""Seconds one document may take to read (its tables, prose, claims or verdicts). A real label or
article takes well under a second; a megabyte of hostile text a few seconds."""


WALL_FACTOR = 3
"""How many times the budget a document may take in wall-clock time, however little CPU it got."""


class ReadingStopped(Exception):
    """The budget ran out; raised by `check` and by a pattern given no time left."""


STOPPED = (ReadingStopped, TimeoutError)  # TimeoutError: a regular expression that ran out of time


@dataclass(slots=True)
class Budget:
    deadline: float  # in the thread's CPU time
    seconds: float
    wall_deadline: float  # in wall-clock time (`time.monotonic`)
    unspent_until: float  # in wall-clock time: until then the CPU budget cannot be spent (see `check`)
    position: int = 0  # where the reader last said it was
    stopped_at: int | None = None  # where reading stopped, once it has
    busy: bool = False  # whether the wall clock stopped it (the CPU seconds came too slowly)

    def remaining(self) -> float:
        """The CPU seconds left, or the wall-clock seconds left if fewer."""
        return min(self.deadline - time.thread_time(), self.wall_deadline - time.monotonic())


_current: ContextVar[Budget | None] = ContextVar("trialproof_budget", default=None)


@contextmanager
def reading(seconds: float = DOCUMENT_SECONDS) -> Iterator[Budget]:
    """The budget for reading one document, for the code run inside this block."""
    started = time.monotonic()  # read before the CPU clock: the CPU time since is at most the wall time since
    budget = Budget(
        time.thread_time() + seconds, seconds, started + WALL_FACTOR * seconds, started + min(WALL_FACTOR, 1) * seconds
    )
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)


def check(position: int) -> None:
    """Note that reading has reached ``position``; raise `ReadingStopped` if the budget is spent."""
    budget = _current.get()
    if budget is None:
        return
    budget.position = position
    # A thread spends at most a second of CPU a wall-clock second, so before `unspent_until` neither
    # deadline has passed and the CPU clock is not asked: reading it is a system call, ~20 µs of CPU each on
    # a busy machine, ~10% of verifying a review that checks ~480 times.
    if budget.stopped_at is not None or (time.monotonic() >= budget.unspent_until and budget.remaining() <= 0):
        raise ReadingStopped


def stop() -> None:
    """Record that reading stopped (called where `STOPPED` is caught): later readers read no more."""
    budget = _current.get()
    if budget is not None and budget.stopped_at is None:
        budget.stopped_at = budget.position
        budget.busy = budget.deadline - time.thread_time() > 0  # CPU time left: the wall clock stopped it


def stopped() -> bool:
    budget = _current.get()
    return budget is not None and budget.stopped_at is not None


def seconds_left() -> float | None:
    """What a regular expression may take now: None without a budget, else the seconds left (at
    least a millisecond, so that a spent budget makes the next pattern stop at once)."""
    budget = _current.get()
    return None if budget is None else max(budget.remaining(), 0.001)


def stopped_message(budget: Budget, length: int) -> str | None:
    """What the document's ``reading_stopped`` flag says, when reading stopped: when and where."""
    if budget.stopped_at is None:
        return None
    spent = f"{budget.seconds * WALL_FACTOR:.0f} s, the machine busy," if budget.busy else f"{budget.seconds:.0f} s"
    return f"reading stopped after {spent} at character {budget.stopped_at:,} of {length:,}: what follows was not read"
