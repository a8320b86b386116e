"""Consistency checks on measurement records, allowing for the rounding of printed numbers.

Every printed number stands for the interval it was rounded from: "4.6" for [4.55, 4.65],
"0.35" for [0.345, 0.355], "4" for [3.5, 4.5]. A check flags only what no values inside
those intervals can satisfy, so a label that rounds honestly is never flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

import regex

from extractors.records import Flag, Measurement

# Printed damage a raw number may carry before it can be read (all seen in real labels):
_MINUS = regex.compile(r"[\u2212\u2012\u2013\u2014\u2010\u2011\uFE63\uFF0D]")  # "−0.5": unicode minus/dashes
_SPACE = regex.compile(r"\s+")  # "0. 39": a space after the point from PDF text
_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")  # "1,234": a thousands separator
_EPSILON = 1e-9  # float slack when comparing interval ends computed from decimals


def _decimal(raw: str) -> Decimal:
    """The printed number ``raw`` as a Decimal that keeps its printed precision."""
    text = _MINUS.sub("-", raw)
    text = _SPACE.sub("", text)
    text = _THOUSANDS.sub("", text)
    text = text.rstrip("%")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"not a printed number: {raw!r}") from None
    if not number.is_finite():
        raise ValueError(f"not a finite printed number: {raw!r}")
    return number


def rounding_interval(raw: str) -> tuple[float, float]:
    """The interval of true values that print as ``raw`` after rounding to its last digit.

    >>> rounding_interval("4.6")
    (4.55, 4.65)
    >>> rounding_interval("0. 39")
    (0.385, 0.395)
    >>> rounding_interval("\u22120.5")
    (-0.55, -0.45)
    >>> rounding_interval("4")
    (3.5, 4.5)

    Raises ``ValueError`` when ``raw`` is not a printed number.
    """
    number = _decimal(raw)
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite numbers have an integer exponent
    half = Decimal(5).scaleb(exponent - 1)  # half a unit in the last printed place
    return float(number - half), float(number + half)


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
    >>> ci_contains("0.35", "0.355", "0.48")
    True

    A number that cannot be read gives True: nothing can be said against it.
    """
    try:
        value_low, value_high = rounding_interval(value_raw)
        low_low, _ = rounding_interval(low_raw)
        _, high_high = rounding_interval(high_raw)
    except ValueError:
        return True
    return low_low <= value_high + _EPSILON and value_low <= high_high + _EPSILON


def check_measurements(ms: Sequence[Measurement], context: str | None = None) -> tuple[Measurement, ...]:
    """The same measurements in the same order, with consistency flags appended (in progress)."""
    return tuple(ms)


def check_statement(
    statistic: str,
    value_raw: str,
    ci_low_raw: str | None,
    ci_high_raw: str | None,
    ci_level: float | None,
    p_raw: str | None,
    p_qualifier: str | None,
) -> tuple[Flag, ...]:
    """Flags for one stated result, e.g. "HR 0.62 (95% CI 0.49-0.79), p = 0.21" (in progress)."""
    return ()
