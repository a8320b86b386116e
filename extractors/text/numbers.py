"""The one reader of printed numbers: the value a number printed in a label or an article stands
for, and how precisely it was printed.

A printed number may carry known damage, read where it stands (the caller keeps the raw text and
its span): "0. 39" (a space after the point, from PDF text), "1,234" (a thousands separator),
"−0.5" (a unicode minus), "4%" (a trailing percent sign). A printed number also stands for the
interval it was rounded from: "4.6" for [4.55, 4.65], "0.35" for [0.345, 0.355].
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

from extractors.text.patterns import numbers as patterns

Interval = tuple[float, float]

EPSILON = 1e-9  # float slack when comparing interval ends computed from decimals
MAX_COUNT = 10**10
"""A count above this (more people than are alive) is no count of patients or events a trial
prints: a misread number, or a hostile one ("n=18446744073709551616"). `to_count` rejects it, so
it never reaches the statistics (numpy has no integers that large)."""


def plain(raw: str) -> str:
    """``raw`` as Python reads numbers: "0. 39" → "0.39", "1,234" → "1234", "−0.5" → "-0.5".

    >>> plain("0. 39"), plain("1,234"), plain("\u22120.5"), plain("4%")
    ('0.39', '1234', '-0.5', '4')
    """
    if raw.isascii() and raw.replace(".", "").isdigit():
        return raw  # the common case, "4.6" or "246": nothing to repair (table reading calls this often)
    text: str = patterns.MINUS.sub("-", raw)
    text = patterns.SPACE.sub("", text)
    text = patterns.THOUSANDS.sub("", text)
    return text.rstrip("%")


def to_float(raw: str) -> float:
    """The value of the printed number ``raw``; ``ValueError`` when it is not one.

    >>> to_float("0. 39"), to_float("1,234"), to_float("246")
    (0.39, 1234.0, 246.0)
    """
    return float(plain(raw))


def to_count(value: float | None) -> int | None:
    """``value`` as a count: a whole number from 0 to `MAX_COUNT`, else None.

    >>> to_count(246.0), to_count(2.5), to_count(-1.0), to_count(1.8446744073709552e19), to_count(float("inf"))
    (246, None, None, None, None)
    """
    if value is None or not math.isfinite(value) or not 0 <= value <= MAX_COUNT or value != int(value):
        return None
    return int(value)


def decimals(raw: str) -> int:
    """How many decimals ``raw`` is printed with: "4.60" → 2, "0. 39" → 2, "246" → 0."""
    compact = raw.replace(" ", "")
    return len(compact.split(".", 1)[1]) if "." in compact else 0


def to_decimal(raw: str) -> Decimal:
    """The printed number ``raw`` as a Decimal that keeps its printed precision ("1.00" ≠ "1")."""
    try:
        number = Decimal(plain(raw))
    except (InvalidOperation, ValueError):
        raise ValueError(f"not a printed number: {raw!r}") from None
    if not number.is_finite() or not math.isfinite(float(number)):
        raise ValueError(f"not a finite printed number: {raw!r}")
    return number


def rounding_interval(raw: str) -> Interval:
    """The interval of true values that print as ``raw`` after rounding to its last digit.

    >>> rounding_interval("4.6")
    (4.55, 4.65)
    >>> rounding_interval("0.35")
    (0.345, 0.355)
    >>> rounding_interval("0. 39")
    (0.385, 0.395)
    >>> rounding_interval("\u22120.5")
    (-0.55, -0.45)
    >>> rounding_interval("4")
    (3.5, 4.5)

    Raises ``ValueError`` when ``raw`` is not a printed number.
    """
    number = to_decimal(raw)
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite numbers have an integer exponent
    half = Decimal(5).scaleb(exponent - 1)  # half a unit in the last printed place
    low, high = float(number - half), float(number + half)
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(f"not a finite printed number: {raw!r}")
    return low, high


def contains(value: Interval, low: Interval, high: Interval) -> bool:
    """Whether some values inside the three rounding intervals satisfy low <= value <= high."""
    return low[0] <= value[1] + EPSILON and value[0] <= high[1] + EPSILON


def ci_contains(value_raw: str, low_raw: str, high_raw: str) -> bool:
    """False only when no values that round to the printed ones satisfy low <= value <= high.

    >>> ci_contains("0.35", "0.26", "0.48")
    True
    >>> ci_contains("0.80", "0.64", "1.00")
    True
    >>> ci_contains("0.35", "0.36", "0.48")  # 0.355 rounds both ways: possible
    True
    >>> ci_contains("0.35", "0.37", "0.48")
    False

    A number that cannot be read gives True: nothing can be said against it.
    """
    try:
        value = rounding_interval(value_raw)
        low = rounding_interval(low_raw)
        high = rounding_interval(high_raw)
    except ValueError:
        return True
    return contains(value, low, high)


def bound(raw: str) -> float | None:
    """A CI bound as printed: its value, or None for a bound not reached or not estimable ("NR",
    "not calculable").

    >>> bound("0.26"), bound("\u22122.1"), bound("NR"), bound("not calculable")
    (0.26, -2.1, None, None)
    """
    if not patterns.HAS_DIGIT.search(raw):
        return None
    return to_float(raw.strip())
