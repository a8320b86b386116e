"""One stated estimate with its CI, as rounding intervals, and the checks that need nothing else:
``ci_excludes_estimate`` and ``ci_asymmetric``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from extractors.checks.rounding import printed
from extractors.records import Flag, Measurement
from extractors.text.numbers import EPSILON, Interval, contains

ASYMMETRY_LIMIT = 0.5
"""``ci_asymmetric`` fires when, for every value inside the rounding intervals, the estimate
sits more than half of the CI's half-width away from the CI's middle (log scale for ratios).
Wald CIs from Cox/logistic models are exactly symmetric on the log scale: of the 250 HRs
with CIs that the corpus labels give, the most lopsided at face value is 0.09 (Opdivo 1.1
(0.9, 1.3); Cabometyx 0.44 (0.36, 0.52)) and every one is 0 once rounding is allowed for.
A planted 0.27 (0.26, 0.48) is 0.76."""


DEFAULT_CI_LEVEL = 95.0  # a CI printed without its level is taken as a 95% CI

RATIO = frozenset({"hr", "or", "rr"})
DIFFERENCE = frozenset({"difference", "diff", "md", "rd", "mean difference", "risk difference"})


_TINY = 1e-300  # a lower bound printed as 0 on a ratio scale is clamped here before taking logs


@dataclass(frozen=True, slots=True)
class Estimate:
    """A stated estimate as rounding intervals: what every single-statement check reads."""

    statistic: str
    value: Interval
    low: Interval | None
    high: Interval | None
    level: float  # CI level in percent
    text: str  # how the statement was printed, for messages


def ci_level_percent(level: float | None) -> float:
    """A CI level in percent: 95 for 95 or 0.95; the default when missing or impossible."""
    if level is None or not math.isfinite(level) or not 0 < level < 100:
        return DEFAULT_CI_LEVEL
    return 100 * level if level < 1 else level


def estimate_of(m: Measurement) -> Estimate | None:
    if m.value is None or m.qualifier in {"NR", "NE"}:
        return None
    # a difference stated as a reduction ("an absolute reduction of 1.2%") carries its sign in the
    # words, not the characters: its rounding interval is the negative one
    signed = f"-{m.raw}" if m.value < 0 and not m.raw.lstrip().startswith(("-", "\u2212")) else m.raw
    value = printed(signed, m.value)
    if value is None:
        return None
    low = printed(m.ci_low_raw, m.ci_low)
    high = printed(m.ci_high_raw, m.ci_high)
    level = ci_level_percent(m.ci_level)
    text = f"{m.statistic.upper()} {m.raw}"
    if m.ci_low_raw is not None and m.ci_high_raw is not None:
        text += f" ({level:g}% CI {m.ci_low_raw}, {m.ci_high_raw})"
    return Estimate(m.statistic.lower(), value, low, high, level, text)


def ci_excludes(e: Estimate) -> list[Flag]:
    if e.low is None or e.high is None:
        return []
    if e.low[0] > e.high[1] + EPSILON:
        return [Flag("ci_excludes_estimate", "error", f"{e.text}: the CI bounds are reversed")]
    if contains(e.value, e.low, e.high):
        return []
    side = "below" if e.value[1] < e.low[0] else "above"
    return [
        Flag(
            "ci_excludes_estimate",
            "error",
            f"{e.text}: the estimate lies {side} its CI even allowing for rounding",
        )
    ]


def scale_of(e: Estimate) -> str | None:
    """'log' for ratios, 'linear' for differences, None when the CI cannot be read on a scale."""
    if e.statistic in RATIO:
        ends = [e.value, e.low, e.high]
        if any(end is None or end[1] <= 0 for end in ends):
            return None
        return "log"
    if e.statistic in DIFFERENCE:
        return "linear"
    return None


def transform(interval: Interval, scale: str) -> Interval:
    if scale == "log":
        return math.log(max(interval[0], _TINY)), math.log(max(interval[1], _TINY))
    return interval


def _asymmetry(e: Estimate) -> float | None:
    """The smallest |estimate − middle| / half-width over the rounding box, or None."""
    scale = scale_of(e)
    if scale is None or e.low is None or e.high is None:
        return None
    value, low, high = (transform(i, scale) for i in (e.value, e.low, e.high))
    if not contains(value, low, high):
        return None  # ci_excludes_estimate says it better
    # The middle (l+h)/2 ranges over [middle of the low corners, middle of the high corners]:
    # if that range meets the estimate's interval, some values are exactly symmetric.
    if (low[0] + high[0]) / 2 <= value[1] and value[0] <= (low[1] + high[1]) / 2:
        return 0.0
    # Otherwise the distance to the nearest estimate is linear in (l, h) and the ratio to the
    # half-width linear-fractional, so its minimum over the box lies at a corner.
    best = math.inf
    for lo in low:
        for hi in high:
            half = (hi - lo) / 2
            if half <= 0:
                return 0.0
            middle = (lo + hi) / 2
            nearest = min(max(middle, value[0]), value[1])
            best = min(best, abs(nearest - middle) / half)
    return best


def ci_asymmetric(e: Estimate) -> list[Flag]:
    asymmetry = _asymmetry(e)
    if asymmetry is None or asymmetry <= ASYMMETRY_LIMIT:
        return []
    where = "geometric" if e.statistic in RATIO else "arithmetic"
    return [
        Flag(
            "ci_asymmetric",
            "warning",
            f"{e.text}: the estimate sits {asymmetry:.2f} half-widths from the {where} middle of "
            f"its CI even allowing for rounding (limit {ASYMMETRY_LIMIT:g}); a model-based CI is "
            "symmetric there, so the estimate or a bound may be misprinted",
        )
    ]
