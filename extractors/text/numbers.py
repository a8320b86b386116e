"""Printed numbers read in one place: "1,067" → 1067, "0. 39" → 0.39, "−2.1" → -2.1, "NR" → None."""

from __future__ import annotations

from extractors.text.patterns import numbers as patterns


def to_float(raw: str) -> float:
    """The value of a printed number: thousands separators, spaces after the point and unicode
    minus signs allowed. Raises ValueError for text that is not a number."""
    return float(patterns.NOT_NUMERIC.sub("", raw.replace("−", "-").replace("–", "-")))


def bound(raw: str) -> float | None:
    """A CI bound as printed: a number, or None for a bound not reached or not estimable."""
    text = raw.strip()
    if not patterns.HAS_DIGIT.search(text):
        return None
    return to_float(text)
