"""A record's numbers as the intervals they were rounded from (see `text.numbers`): every check
compares the most favourable values inside those intervals, so honest rounding is never flagged.
"""

from __future__ import annotations

import functools

from extractors.text.numbers import Interval, rounding_interval


def printed(raw: str | None, value: float | None = None) -> Interval | None:
    """The rounding interval of ``raw``; else of ``value`` as Python prints it; else None."""
    for text in (raw, None if value is None else repr(value)):
        if text is not None and (interval := _interval_of(text)) is not None:
            return interval
    return None


@functools.lru_cache(maxsize=4096)  # the checks ask again for the same few printed numbers, pair after pair
def _interval_of(text: str) -> Interval | None:
    try:
        return rounding_interval(text)
    except ValueError:
        return None


def clip(interval: Interval, low: float, high: float) -> Interval:
    return max(interval[0], low), min(interval[1], high)
