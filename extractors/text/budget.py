"""A time budget per document: reading stops with a flag, never hangs.

Every pattern is linear and every reading loop bounded, so a document is read in time that grows
with its length. The budget is for what that still leaves: a megabyte of numbers is read in
seconds, but not in the moment a reviewer waits for. `extract` and `verify` read each document
inside `reading`; the readers call `check` at each sentence, table or claim, and every regular
expression of `text.patterns` is given the time that remains (the ``regex`` module's ``timeout=``).
When the budget runs out the reader stops where it is, keeps what it read, and the document gets
a flag (``reading_stopped``) saying `stopped_message`: "reading stopped after 20 s at character
412,003 of 1,000,000".
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


class ReadingStopped(Exception):
    """The budget ran out; raised by `check` and by a pattern given no time left."""


STOPPED = (ReadingStopped, TimeoutError)  # TimeoutError: a regular expression that ran out of time


@dataclass(slots=True)
class Budget:
    deadline: float
    seconds: float
    position: int = 0  # where the reader last said it was
    stopped_at: int | None = None  # where reading stopped, once it has

    def remaining(self) -> float:
        return self.deadline - time.monotonic()


_current: ContextVar[Budget | None] = ContextVar("trialproof_budget", default=None)


@contextmanager
def reading(seconds: float = DOCUMENT_SECONDS) -> Iterator[Budget]:
    """The budget for reading one document, for the code run inside this block."""
    budget = Budget(time.monotonic() + seconds, seconds)
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
    if budget.stopped_at is not None or budget.remaining() <= 0:
        raise ReadingStopped


def stop() -> None:
    """Record that reading stopped (called where `STOPPED` is caught): later readers read no more."""
    budget = _current.get()
    if budget is not None and budget.stopped_at is None:
        budget.stopped_at = budget.position


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
    return (
        f"reading stopped after {budget.seconds:.0f} s at character {budget.stopped_at:,} of {length:,}: "
        "what follows was not read"
    )
