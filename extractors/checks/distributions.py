"""The few distribution functions the checks use, from the standard library: normal quantiles and
tails, binomial probabilities and tails, the two-sided exact binomial test and the chi-square
tail. scipy.stats gave the same numbers at the price of ~0.8 s of imports on every command-line
call; tests/test_distributions.py holds these to scipy's values.

Imports the standard library only.
"""

from __future__ import annotations

import math
from statistics import NormalDist

_NORMAL = NormalDist()
_NEGLIGIBLE = 1e-17
"""A tail sum stops once its next term is this small against the sum so far: the terms fall
geometrically away from the mode, so what is left cannot reach a double's last digit."""
_BINOMIAL_TEST_TOLERANCE = 1 + 1e-7
"""Outcomes as probable as the observed one up to this relative error count as "as extreme" in the
two-sided binomial test, as in scipy.stats.binomtest (floating-point ties on the other side)."""


def normal_quantile(p: float) -> float:
    """z with P(Z ≤ z) = p: 1.959963984540054 for 0.975; ±inf at 1 and 0; nan outside [0, 1]."""
    if not 0 <= p <= 1:
        return math.nan
    if p in (0, 1):
        return math.inf if p == 1 else -math.inf
    return _NORMAL.inv_cdf(p)


def normal_sf(z: float) -> float:
    """P(Z > z), accurate far into the tail (erfc, not 1 − cdf)."""
    return 0.5 * math.erfc(z / math.sqrt(2))


def normal_isf(q: float) -> float:
    """z with P(Z > z) = q."""
    return -normal_quantile(q)


def binomial_pmf(k: int, n: int, p: float) -> float:
    """P(X = k) for X ~ Binomial(n, p)."""
    if k < 0 or k > n:
        return 0.0
    if p <= 0 or p >= 1:
        return 1.0 if k == (0 if p <= 0 else n) else 0.0
    log_choose = math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
    return math.exp(log_choose + k * math.log(p) + (n - k) * math.log1p(-p))


def binomial_cdf(k: int, n: int, p: float) -> float:
    """P(X ≤ k) for X ~ Binomial(n, p)."""
    if k < 0:
        return 0.0
    if k >= n:
        return 1.0
    if k < n * p:  # below the mean: the terms fall from k down to 0
        return _tail_sum(k, n, p, step=-1)
    return 1.0 - _tail_sum(k + 1, n, p, step=1)


def binomial_sf(k: int, n: int, p: float) -> float:
    """P(X > k) for X ~ Binomial(n, p)."""
    if k < 0:
        return 1.0
    if k >= n:
        return 0.0
    if k + 1 > n * p:  # above the mean: the terms fall from k + 1 up to n
        return _tail_sum(k + 1, n, p, step=1)
    return 1.0 - _tail_sum(k, n, p, step=-1)


def _tail_sum(k: int, n: int, p: float, step: int) -> float:
    """P(X = k) + P(X = k + step) + … to the end, for a k on the far side of the mode from the end
    (so every term is smaller than the one before)."""
    term = binomial_pmf(k, n, p)
    total = term
    odds = p / (1 - p) if 0 < p < 1 else 0.0
    j = k
    while term > total * _NEGLIGIBLE and 0 <= j + step <= n:
        term *= (n - j) / (j + 1) * odds if step > 0 else j / (n - j + 1) / odds
        j += step
        total += term
    return total


def binomial_sf_exceeds(k: int, n: int, p: float, threshold: float) -> bool:
    """Whether P(X > k) > ``threshold`` for X ~ Binomial(n, p), 0 < p < 1: what comparing
    `binomial_sf` says (a tie in floating point may fall either way), with as few terms as the
    answer needs. The terms fall faster and faster away from the mode, so once a partial sum is
    past the threshold, or short of it by more than a geometric bound on the rest, it is known."""
    if k < 0:
        return threshold < 1
    if k >= n:
        return threshold < 0
    if k + 1 > n * p:  # above the mean: the tail itself is the short side
        return _short_side_exceeds(k + 1, n, p, 1, threshold)
    return not _short_side_exceeds(k, n, p, -1, 1 - threshold)


def binomial_cdf_exceeds(k: int, n: int, p: float, threshold: float) -> bool:
    """Whether P(X ≤ k) > ``threshold`` for X ~ Binomial(n, p), 0 < p < 1 (see `binomial_sf_exceeds`)."""
    return not binomial_sf_exceeds(k, n, p, 1 - threshold)


def _short_side_exceeds(k: int, n: int, p: float, step: int, threshold: float) -> bool:
    """Whether P(X = k) + P(X = k + step) + … to the end is above ``threshold``, for a k on the far
    side of the mode from that end (so each term is smaller than the one before, by a ratio that
    shrinks: the rest is at most term · ratio / (1 − ratio))."""
    term = binomial_pmf(k, n, p)
    total = term
    odds = p / (1 - p)
    j = k
    while total <= threshold and 0 <= j + step <= n:
        ratio = (n - j) / (j + 1) * odds if step > 0 else j / (n - j + 1) / odds
        if ratio < 1 and total + term * ratio / (1 - ratio) < threshold:
            return False
        term *= ratio
        j += step
        total += term
    return total > threshold


def binomial_test(k: int, n: int, p: float) -> float:
    """The two-sided exact binomial test's p-value of k successes in n at probability p: the
    probability of outcomes no likelier than k (scipy.stats.binomtest's method)."""
    d = binomial_pmf(k, n, p) * _BINOMIAL_TEST_TOLERANCE
    if k == p * n:
        return 1.0
    if k < p * n:
        # the outcomes above the mode no likelier than k: from the first such one up to n
        first = _first_above_mode(n, p, d)
        return min(1.0, binomial_cdf(k, n, p) + binomial_sf(first - 1, n, p))
    last = _last_below_mode(n, p, d)
    return min(1.0, binomial_cdf(last, n, p) + binomial_sf(k - 1, n, p))


def _first_above_mode(n: int, p: float, limit: float) -> int:
    """The smallest j ≥ ceil(np) with P(X = j) ≤ limit (n + 1 if none): the pmf falls from there."""
    low, high = math.ceil(p * n), n + 1
    while low < high:
        middle = (low + high) // 2
        if binomial_pmf(middle, n, p) <= limit:
            high = middle
        else:
            low = middle + 1
    return low


def _last_below_mode(n: int, p: float, limit: float) -> int:
    """The largest j ≤ floor(np) with P(X = j) ≤ limit (-1 if none): the pmf rises up to there."""
    low, high = -1, math.floor(p * n)
    while low < high:
        middle = (low + high + 1) // 2
        if binomial_pmf(middle, n, p) <= limit:
            low = middle
        else:
            high = middle - 1
    return low


def chi_square_sf(x: float, df: int) -> float:
    """P(χ² > x) with ``df`` degrees of freedom (a whole number ≥ 1): the upper regularized gamma
    Q(df/2, x/2), built up from Q(1/2) = erfc(√y) or Q(1) = e^−y by Q(s + 1) = Q(s) + yˢe^−y/Γ(s + 1)."""
    y = x / 2
    if y <= 0:  # x ≤ 0, or so small that halving it leaves 0
        return 1.0
    if df % 2:
        s, q = 0.5, math.erfc(math.sqrt(y))
    else:
        s, q = 1.0, math.exp(-y)
    while s < df / 2:
        q += math.exp(s * math.log(y) - y - math.lgamma(s + 1))
        s += 1
    return q
