"""Response rates against their counts: ``rate_ci_inconsistent`` when no count of the arm's N
reproduces the printed CI by the exact, Wilson or Wald interval. numpy and scipy are imported by
the functions that use them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from extractors.checks.estimates import estimate_of
from extractors.checks.pvalues import z_level
from extractors.checks.rounding import printed
from extractors.records import Flag, Measurement
from extractors.text.numbers import EPSILON, Interval

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


RESPONSE_ENDPOINTS = frozenset(
    {"ORR", "CR", "PR", "CRR", "CRH", "CRI", "DCR", "CBR", "BOR", "PCR", "MRD", "MMR", "CCYR", "MCYR", "CHR"}
)
"""Endpoints whose rate is a binomial proportion. Landmark rates of time-to-event endpoints
(a 2-year PFS or IDFS rate) are Kaplan–Meier estimates with Greenwood CIs, not binomial ones,
so ``rate_ci_inconsistent`` leaves them alone."""

EVALUABLE_SHARE = 0.70
"""Response rates are often computed among patients with measurable disease, a subset of the
arm's N (Padcev EV-301: 17.9% (13.7, 22.8) is the exact CI for 53/296, not for any k of the
307 randomized; Kisqali MONALEESA-3: 28.7 (22.1, 35.3) is the Wald CI for 52 of the 181
placebo patients with measurable disease, 75% of the 242 randomized). When the CI fits no count of N, denominators down to this share of N are
tried too, and only a CI that none of them reproduces is flagged."""

RATE_PAIR_BUDGET = 400_000
"""The rate check tries at most this many (count, denominator) pairs (about 0.5 s); an arm of
some 12,000 patients or more exceeds it and its rate CI is left unchecked."""

BOUND_SLACK = 0.01
"""Percentage points by which a computed bound may miss the printed one's rounding interval:
statistical software rounds its own floating-point result, and 11/19's exact lower bound
33.49978% prints as 34 in KEYTRUDA KEYNOTE-811 ("58% (95% CI: 34, 80)")."""

MAX_N = 100_000  # an N above this is no trial arm (a misread number): its rates are left unchecked

_METHOD_NAMES = ("exact (Clopper–Pearson)", "Wilson", "Wald")
"""The Wald (normal-approximation) interval is accepted as well: Votrient's RCC table prints
30 (25.1, 35.6) and 3 (0.5, 6.4), the Wald intervals for 88/290 and 5/145, which neither the
exact nor the Wilson interval reproduces."""


def _rate_intervals(
    k: npt.NDArray[np.float64], n: npt.NDArray[np.float64], level: float
) -> list[tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]]:
    """(lower, upper) in percent for counts k of n, by each of :data:`_METHOD_NAMES`."""
    import numpy as np
    from scipy import stats

    alpha = 1 - level / 100
    z = z_level(level)
    with np.errstate(all="ignore"):
        exact_low = np.where(k > 0, stats.beta.ppf(alpha / 2, np.maximum(k, 1), n - k + 1), 0.0)
        exact_high = np.where(k < n, stats.beta.ppf(1 - alpha / 2, k + 1, np.maximum(n - k, 1)), 1.0)
        p = k / n
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        wald = z * np.sqrt(p * (1 - p) / n)
    return [
        (100 * exact_low, 100 * exact_high),
        (100 * np.maximum(centre - half, 0.0), 100 * np.minimum(centre + half, 1.0)),
        (100 * np.maximum(p - wald, 0.0), 100 * np.minimum(p + wald, 1.0)),
    ]


def _rate_fits(
    rate: Interval, low: Interval, high: Interval, pairs: Sequence[tuple[int, int]], level: float
) -> list[str]:
    """ "k/n method" for every (k, n) whose interval by some method rounds to the printed CI."""
    import numpy as np

    if not pairs:
        return []
    k = np.array([p[0] for p in pairs], dtype=np.float64)
    n = np.array([p[1] for p in pairs], dtype=np.float64)
    found: list[str] = []
    for name, (lows, highs) in zip(_METHOD_NAMES, _rate_intervals(k, n, level), strict=True):
        fits = (
            (lows >= low[0] - BOUND_SLACK)
            & (lows <= low[1] + BOUND_SLACK)
            & (highs >= high[0] - BOUND_SLACK)
            & (highs <= high[1] + BOUND_SLACK)
        )
        found.extend(f"{pairs[i][0]}/{pairs[i][1]} {name}" for i in np.flatnonzero(fits).tolist())
    return found


def _rate_ks(rate: Interval, n: int) -> range:
    """Every responder count k of n whose rate k/n (in percent) rounds to the printed rate."""
    low = max(0, math.ceil(rate[0] * n / 100 - EPSILON))
    high = min(n, math.floor(rate[1] * n / 100 + EPSILON))
    return range(low, high + 1)


def _pairs(rate: Interval, denominators: Iterable[int], counts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """(k, n) pairs whose rate rounds to the printed one: the stated counts if any, else every k."""
    pairs: list[tuple[int, int]] = []
    for n in denominators:
        ks = _rate_ks(rate, n)
        pairs.extend((k, n) for k in (sorted({k for k in counts if k in ks}) if counts else ks))
    return pairs


def rate_flags(m: Measurement, counts: Sequence[int], ns: Sequence[int]) -> list[Flag]:
    """Flag a rate CI that no count (the stated one, else any giving the rate) reproduces."""
    e = estimate_of(m)
    if e is None or e.low is None or e.high is None or (m.endpoint or "").upper() not in RESPONSE_ENDPOINTS:
        return []
    usable = sorted({n for n in ns if 0 < n <= MAX_N})
    if not usable:
        return []
    full = usable
    evaluable = sorted({d for n in usable for d in range(max(1, math.ceil(EVALUABLE_SHARE * n)), n + 1)})
    shown_ns = "/".join(map(str, full))
    if sum(len(_rate_ks(e.value, n)) for n in evaluable) > RATE_PAIR_BUDGET:
        return []  # too many candidate counts to try quickly: say nothing rather than guess
    stated = _pairs(e.value, evaluable, counts) if counts else []
    if stated:
        if _rate_fits(e.value, e.low, e.high, stated, e.level):
            return []
        others = _rate_fits(e.value, e.low, e.high, _pairs(e.value, evaluable), e.level)
        stated_text = " or ".join(map(str, sorted(set(counts))))
        why = f"the stated {stated_text} responders of N = {shown_ns} do not reproduce it"
        if others:
            method = others[0].split(" ", 1)
            why += f", though the {method[1]} interval for {method[0]} does"
    else:
        # no stated count gives the printed rate (or none is stated): any count may have been meant
        if _rate_fits(e.value, e.low, e.high, _pairs(e.value, evaluable), e.level):
            return []
        possible = _pairs(e.value, full)
        why = (
            f"no count k of N = {shown_ns} (nor of a response-evaluable subset down to {EVALUABLE_SHARE:.0%} of N) "
            "with a rate that rounds to the printed one has a matching interval"
            if possible
            else f"no count of N = {shown_ns} gives this rate"
        )
    return [
        Flag(
            "rate_ci_inconsistent",
            "error",
            f"{e.text}: neither the exact (Clopper–Pearson) nor the Wilson interval (nor the Wald) reproduces "
            f"this CI even allowing for rounding: {why}",
        )
    ]


def rate_ci_methods(rate_raw: str, low_raw: str, high_raw: str, n: int, level: float = 95.0) -> tuple[str, ...]:
    """Which "k/n method" intervals for counts k of exactly ``n`` reproduce a printed rate CI.

    >>> rate_ci_methods("4", "2.3", "7.9", 246)
    ('11/246 exact (Clopper–Pearson)',)
    >>> rate_ci_methods("0", "0.0", "3.0", 123)
    ('0/123 exact (Clopper–Pearson)', '0/123 Wilson')
    """
    rate, low, high = printed(rate_raw), printed(low_raw), printed(high_raw)
    if rate is None or low is None or high is None or not 0 < n <= MAX_N:
        return ()
    return tuple(_rate_fits(rate, low, high, _pairs(rate, [n]), level))
