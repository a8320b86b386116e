"""The checks' distribution functions (standard library only) against scipy's, which they replace.

scipy stays the reference here: every function must give scipy's value to within floating-point
noise, and the rate check's bisection over counts must find exactly the counts that trying every
count with scipy's intervals finds.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats

from extractors.checks import distributions as d
from extractors.checks import rate_ci_methods
from extractors.checks.rates import BOUND_SLACK
from extractors.text.numbers import EPSILON, rounding_interval

probabilities = st.floats(min_value=1e-12, max_value=1 - 1e-12)
trials = st.integers(min_value=1, max_value=3000)


@given(probabilities)
def test_normal_quantile_and_tails_match_scipy(p: float) -> None:
    assert d.normal_quantile(p) == pytest.approx(stats.norm.ppf(p), rel=1e-12, abs=1e-12)
    assert d.normal_isf(p) == pytest.approx(stats.norm.isf(p), rel=1e-12, abs=1e-12)
    z = stats.norm.ppf(p)
    assert d.normal_sf(z) == pytest.approx(stats.norm.sf(z), rel=1e-12)


@pytest.mark.parametrize(("p", "expected"), [(0.0, -math.inf), (1.0, math.inf), (-0.1, math.nan), (1.5, math.nan)])
def test_normal_quantile_at_and_beyond_the_ends_is_what_scipy_gives(p: float, expected: float) -> None:
    assert d.normal_quantile(p) == pytest.approx(expected, nan_ok=True)
    assert float(stats.norm.ppf(p)) == pytest.approx(expected, nan_ok=True)


@settings(max_examples=300, deadline=None)
@given(trials, st.data(), st.floats(min_value=1e-4, max_value=1 - 1e-4))
def test_binomial_probabilities_match_scipy(n: int, data: st.DataObject, p: float) -> None:
    k = data.draw(st.integers(min_value=-1, max_value=n + 1))
    assert d.binomial_pmf(k, n, p) == pytest.approx(stats.binom.pmf(k, n, p), rel=1e-9, abs=1e-15)
    assert d.binomial_cdf(k, n, p) == pytest.approx(stats.binom.cdf(k, n, p), rel=1e-9, abs=1e-14)
    assert d.binomial_sf(k, n, p) == pytest.approx(stats.binom.sf(k, n, p), rel=1e-9, abs=1e-14)


@settings(max_examples=300, deadline=None)
@given(trials, st.data(), st.floats(min_value=1e-4, max_value=1 - 1e-4), st.floats(min_value=1e-6, max_value=0.5))
def test_tail_comparisons_say_what_the_full_sum_says(n: int, data: st.DataObject, p: float, threshold: float) -> None:
    k = data.draw(st.integers(min_value=-1, max_value=n + 1))
    sf, cdf = float(stats.binom.sf(k, n, p)), float(stats.binom.cdf(k, n, p))
    assume(abs(sf - threshold) > 1e-9 and abs(cdf - threshold) > 1e-9)  # a tie may fall either way
    assert d.binomial_sf_exceeds(k, n, p, threshold) is (sf > threshold)
    assert d.binomial_cdf_exceeds(k, n, p, threshold) is (cdf > threshold)


@settings(max_examples=300, deadline=None)
@given(trials, st.data(), st.sampled_from([1 / 2, 2 / 3, 1 / 3, 3 / 4, 0.2]))
def test_the_exact_binomial_test_matches_scipy(n: int, data: st.DataObject, p: float) -> None:
    k = data.draw(st.integers(min_value=0, max_value=n))
    assert d.binomial_test(k, n, p) == pytest.approx(stats.binomtest(k, n, p).pvalue, rel=1e-9, abs=1e-14)


@given(st.floats(min_value=0, max_value=200), st.integers(min_value=1, max_value=8))
def test_chi_square_tail_matches_scipy(x: float, df: int) -> None:
    assert d.chi_square_sf(x, df) == pytest.approx(stats.chi2.sf(x, df), rel=1e-9, abs=1e-15)


def _scipy_intervals(k: int, n: int, level: float) -> list[tuple[str, float, float]]:
    """The exact, Wilson and Wald intervals of k of n in percent, by scipy (the old implementation)."""
    alpha = 1 - level / 100
    z = float(stats.norm.ppf(1 - alpha / 2))
    low = 0.0 if k == 0 else float(stats.beta.ppf(alpha / 2, k, n - k + 1))
    high = 1.0 if k == n else float(stats.beta.ppf(1 - alpha / 2, k + 1, n - k))
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    wald = z * math.sqrt(p * (1 - p) / n)
    return [
        ("exact (Clopper–Pearson)", 100 * low, 100 * high),
        ("Wilson", 100 * max(centre - half, 0.0), 100 * min(centre + half, 1.0)),
        ("Wald", 100 * max(p - wald, 0.0), 100 * min(p + wald, 1.0)),
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=1500),
    st.data(),
    st.sampled_from([95.0, 90.0, 99.0]),
    st.sampled_from([0, 1, 2]),
    st.integers(min_value=-2, max_value=2),
)
def test_rate_methods_find_the_counts_trying_every_count_finds(
    n: int, data: st.DataObject, level: float, decimals: int, shift: int
) -> None:
    """Bisection over the counts (each bound grows with k) finds what trying each k with scipy finds."""
    k = data.draw(st.integers(min_value=0, max_value=n))
    method = data.draw(st.sampled_from([0, 1, 2]))
    _, low, high = _scipy_intervals(k, n, level)[method]
    unit = 10.0**-decimals
    rate_raw, low_raw, high_raw = (f"{v:.{decimals}f}" for v in (100 * k / n, max(low + shift * unit, 0), high))
    rate, low_box, high_box = (rounding_interval(raw) for raw in (rate_raw, low_raw, high_raw))
    ks = range(max(0, math.ceil(rate[0] * n / 100 - EPSILON)), min(n, math.floor(rate[1] * n / 100 + EPSILON)) + 1)
    expected: dict[str, list[str]] = {}
    for count in ks:
        for name, lower, upper in _scipy_intervals(count, n, level):
            edges = (
                low_box[0] - BOUND_SLACK,
                low_box[1] + BOUND_SLACK,
                high_box[0] - BOUND_SLACK,
                high_box[1] + BOUND_SLACK,
            )
            assume(all(abs(bound - edge) > 1e-9 for bound in (lower, upper) for edge in edges))
            if edges[0] <= lower <= edges[1] and edges[2] <= upper <= edges[3]:
                expected.setdefault(name, []).append(f"{count}/{n} {name}")
    order = ("exact (Clopper–Pearson)", "Wilson", "Wald")
    assert rate_ci_methods(rate_raw, low_raw, high_raw, n, level) == tuple(
        fit for name in order for fit in expected.get(name, [])
    )
