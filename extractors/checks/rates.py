"""Response rates against their counts: ``rate_ci_inconsistent`` when no count of the arm's N
reproduces the printed CI by the exact, Wilson or Wald interval.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence

from extractors.checks.distributions import binomial_cdf_exceeds, binomial_sf_exceeds
from extractors.checks.estimates import estimate_of
from extractors.checks.pvalues import z_level
from extractors.checks.rounding import printed
from extractors.records import Flag, Measurement
from extractors.text.numbers import EPSILON, Interval

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


def _rate_fits(low: Interval, high: Interval, pairs: Sequence[tuple[int, int]], level: float) -> Iterator[str]:
    """ "k/n method" for every (k, n) whose interval by some method rounds to the printed CI, by
    method in the order of :data:`_METHOD_NAMES`, then by pair; found lazily, as most callers
    want the first only."""
    for name, method in zip(_METHOD_NAMES, _methods(low, high, level), strict=True):
        yield from (f"{k}/{n} {name}" for k, n in _fitting(pairs, method))


def _any_fits(low: Interval, high: Interval, pairs: Sequence[tuple[int, int]], level: float) -> bool:
    """Whether any pair's interval by any method rounds to the printed CI: the Wilson and Wald
    intervals first (a few operations each), then the exact one from the largest denominator
    down (the arm's own N, the likeliest)."""
    exact, wilson, wald = _methods(low, high, level)
    return any(
        next(_fitting(pairs, method, largest_first), None)
        for method, largest_first in ((wilson, False), (wald, False), (exact, True))
    )


# How an interval method meets a printed CI: four tests of k (for one n), each false up to some k
# and true from there on (both bounds grow with k): lower bound ≥ the lowest it may be, lower bound
# > the highest, upper bound ≥ the lowest, upper bound > the highest.
Method = Callable[[int], tuple[Callable[[int], bool], ...]]  # n → the four tests


def _methods(low: Interval, high: Interval, level: float) -> tuple[Method, Method, Method]:
    """The exact, Wilson and Wald methods against a printed CI whose bounds round from ``low`` and ``high``."""
    edges = (low[0] - BOUND_SLACK, low[1] + BOUND_SLACK, high[0] - BOUND_SLACK, high[1] + BOUND_SLACK)  # percent
    z, tail = z_level(level), (1 - level / 100) / 2

    def closed_form(interval: Callable[[int, int, float], tuple[float, float]]) -> Method:
        def tests(n: int) -> tuple[Callable[[int], bool], ...]:
            return (
                lambda k: interval(k, n, z)[0] >= edges[0],
                lambda k: interval(k, n, z)[0] > edges[1],
                lambda k: interval(k, n, z)[1] >= edges[2],
                lambda k: interval(k, n, z)[1] > edges[3],
            )

        return tests

    def exact(n: int) -> tuple[Callable[[int], bool], ...]:
        # the bounds are the p at which P(X ≥ k) (lower) and P(X ≤ k) (upper) equal ``tail`` for
        # X ~ Binomial(n, p); the first grows with p, the second falls: a bound is compared with an
        # edge by the tail probability at the edge, without solving for the bound
        lowest_low, highest_low, lowest_high, highest_high = (edge / 100 for edge in edges)
        return (
            lambda k: lowest_low <= 0 if k == 0 else not _at_least_exceeds(k, n, lowest_low, tail),
            lambda k: highest_low < 0 if k == 0 else not _at_least_exceeds(k, n, highest_low, tail),
            lambda k: lowest_high <= 1 if k == n else _at_most_exceeds(k, n, lowest_high, tail),
            lambda k: highest_high < 1 if k == n else _at_most_exceeds(k, n, highest_high, tail),
        )

    return exact, closed_form(_wilson), closed_form(_wald)


def _fitting(
    pairs: Sequence[tuple[int, int]], method: Method, largest_first: bool = False
) -> Iterator[tuple[int, int]]:
    """The pairs (grouped by n, k ascending within a group) whose interval by ``method`` lies in
    the printed CI's box, in their order (or from the last group back). For one n the ks that fit
    are one run, found by bisection instead of trying each k."""
    groups = [(n, [k for k, _ in group]) for n, group in itertools.groupby(pairs, key=lambda pair: pair[1])]
    for n, ks in reversed(groups) if largest_first else groups:
        lower_from_low, lower_past_high, upper_from_low, upper_past_high = method(n)
        first = max(_first(ks, lower_from_low), _first(ks, upper_from_low))
        end = min(_first(ks, lower_past_high), _first(ks, upper_past_high))
        yield from ((k, n) for k in ks[first:end])


def _first(ks: list[int], holds: Callable[[int], bool]) -> int:
    """The index of the first k for which ``holds`` (false up to some k, true from there on)."""
    low, high = 0, len(ks)
    while low < high:
        middle = (low + high) // 2
        if holds(ks[middle]):
            high = middle
        else:
            low = middle + 1
    return low


def _at_least_exceeds(k: int, n: int, p: float, threshold: float) -> bool:
    """Whether P(X ≥ k) > ``threshold`` for X ~ Binomial(n, p), p clipped to [0, 1]."""
    return threshold < (1.0 if p >= 1 else 0.0) if p <= 0 or p >= 1 else binomial_sf_exceeds(k - 1, n, p, threshold)


def _at_most_exceeds(k: int, n: int, p: float, threshold: float) -> bool:
    """Whether P(X ≤ k) > ``threshold`` for X ~ Binomial(n, p), p clipped to [0, 1]."""
    return threshold < (0.0 if p >= 1 else 1.0) if p <= 0 or p >= 1 else binomial_cdf_exceeds(k, n, p, threshold)


def _wilson(k: int, n: int, z: float) -> tuple[float, float]:
    """The Wilson score interval of k of n, in percent."""
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return 100 * max(centre - half, 0.0), 100 * min(centre + half, 1.0)


def _wald(k: int, n: int, z: float) -> tuple[float, float]:
    """The Wald (normal-approximation) interval of k of n, in percent."""
    p = k / n
    wald = z * math.sqrt(p * (1 - p) / n)
    return 100 * max(p - wald, 0.0), 100 * min(p + wald, 1.0)


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
        if _any_fits(e.low, e.high, stated, e.level):
            return []
        other = next(_rate_fits(e.low, e.high, _pairs(e.value, evaluable), e.level), None)
        stated_text = " or ".join(map(str, sorted(set(counts))))
        why = f"the stated {stated_text} responders of N = {shown_ns} do not reproduce it"
        if other:
            method = other.split(" ", 1)
            why += f", though the {method[1]} interval for {method[0]} does"
    else:
        # no stated count gives the printed rate (or none is stated): any count may have been meant
        if _any_fits(e.low, e.high, _pairs(e.value, evaluable), e.level):
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
    return tuple(_rate_fits(low, high, _pairs(rate, [n]), level))
