"""Consistency checks on measurement records, allowing for the rounding of printed numbers.

Extraction reports what the text says; these checks run afterwards on the records and add
flags (STYLE §9). Every printed number stands for the interval it was rounded from: "4.6"
for [4.55, 4.65], "0.35" for [0.345, 0.355], "4" for [3.5, 4.5]. A check flags only what no
values inside those intervals can satisfy, so a label that rounds honestly is not flagged.

Check ids and severities (``../shared/CONTRACT.md``):

- ``ci_excludes_estimate`` (error): the estimate lies outside its CI.
- ``ci_asymmetric`` (warning): a ratio (HR, OR, RR) far from the geometric middle of its CI,
  or a difference far from the arithmetic middle (:data:`ASYMMETRY_LIMIT`).
- ``p_inconsistent_with_ci`` (error): the p-value implied by the CI (Altman & Bland, BMJ
  2011;343:d2304) cannot match the reported p; a decision error is named as such.
- ``rate_ci_inconsistent`` (error): a response-rate CI that neither the exact
  (Clopper–Pearson) nor the Wilson interval for the counts reproduces.
- ``n_sum_mismatch`` (error): arm Ns that do not add up to the stated total, subgroup Ns
  that exceed their arm, or arm Ns that do not fit the randomization ratio.
- ``median_ratio_vs_hr`` (warning): the HR far from the ratio of the medians — a hint that
  assumes roughly exponential survival (:data:`MEDIAN_RATIO_FACTOR`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

import numpy as np
import numpy.typing as npt
import regex
from scipy import stats

from extractors.records import Flag, Measurement

# ---------------------------------------------------------------------------------------------
# Thresholds. Each is applied AFTER the rounding allowance: a check compares the most
# favourable values inside the rounding intervals of the printed numbers.

ASYMMETRY_LIMIT = 0.5
"""``ci_asymmetric`` fires when, for every value inside the rounding intervals, the estimate
sits more than half of the CI's half-width away from the CI's middle (log scale for ratios).
Wald CIs from Cox/logistic models are exactly symmetric on the log scale: of the 250 HRs
with CIs that the corpus labels give, the most lopsided at face value is 0.09 (Opdivo 1.1
(0.9, 1.3); Cabometyx 0.44 (0.36, 0.52)) and every one is 0 once rounding is allowed for.
A planted 0.27 (0.26, 0.48) is 0.76."""

MEDIAN_RATIO_FACTOR = 2.0
"""``median_ratio_vs_hr`` fires when the HR and the ratio of medians (control/experimental)
differ by more than this factor for every value inside the rounding intervals, AND the ratio
of medians also lies outside the HR's own CI. Under exponential survival the two are equal;
real PFS medians are blunted by the scan schedule (placebo medians pile up at the first
assessment, ~1 month), so the pazopanib subgroups differ by up to 1.96-fold (synovial
sarcoma: 0.9/4.1 = 0.22 against HR 0.43) and that is not worth a warning."""

RANDOMIZATION_ALPHA = 0.001
"""Arm Ns fit a randomization ratio unless even simple (unblocked) randomization would give
counts this far from the ratio with probability below 0.001: an exact binomial test for two
arms, a chi-square goodness-of-fit test for more. Blocked randomization fits far closer, so
this only catches Ns that really cannot come from the stated ratio (e.g. 200 and 190 for 2:1)."""

P_Z_TOLERANCE = 0.10
"""``p_inconsistent_with_ci`` compares z-scores: the z implied by the CI (over the rounding
box) may differ from the z of the reported p by this fraction before the pair is flagged.
Labels print a log-rank or stratified test's p beside a Cox-model Wald CI, and the two
disagree a little: Gleevec (Study 2 OS) prints HR 0.45 (0.22, 0.89), p = 0.0187 where the CI
implies p = 0.020–0.030 (z 2.35 against at most 2.33); Padcev EV-301 prints HR 0.70
(0.56, 0.89), p = 0.0014 against 0.0015–0.0041. A p a label calls one-sided (the words
"one-sided"/"1-sided" in the 600 characters before it) may also be read as one-sided."""

DEFAULT_CI_LEVEL = 95.0  # a CI printed without its level is taken as a 95% CI

_RATIO = frozenset({"hr", "or", "rr"})
_DIFFERENCE = frozenset({"difference", "diff", "md", "rd", "mean difference", "risk difference"})
_RESPONDER_ENDPOINTS = frozenset({"DOR", "DOCR", "TTR"})  # endpoints measured in responders only
_BELOW = frozenset({"<", "≤", "<="})
_ABOVE = frozenset({">", "≥", ">="})
_TINY = 1e-300  # a lower bound printed as 0 on a ratio scale is clamped here before taking logs

# Printed damage a raw number may carry before it can be read (all seen in real labels):
_MINUS = regex.compile(r"[\u2212\u2012\u2013\u2014\u2010\u2011\uFE63\uFF0D]")  # "−0.5": unicode minus
_SPACE = regex.compile(r"\s+")  # "0. 39": a space after the point from PDF text
_THOUSANDS = regex.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")  # "1,234": a thousands separator
_EPSILON = 1e-9  # float slack when comparing interval ends computed from decimals

# A randomization ratio in label prose, e.g. Votrient: "were randomized (2:1) to receive
# pazopanib 800 mg once daily or placebo"; Tagrisso: "randomized 1:1 to TAGRISSO";
# "randomized in a 2:1 ratio"; "a 1:1:1 randomization".
_RATIO_TEXT = regex.compile(
    r"""
    (?:
        \b(?:randomi[sz]ed|randomly\s+assigned|allocated)     # the verb ...
        [^.;:\d]{0,40}?                                       # ... "(", "in a", "to", ...
        (?P<ratio>\d{1,2}(?:\s*:\s*\d{1,2}){1,3})(?![\d.:])   # ... then 2:1 or 1:1:1
      |
        (?<![\d.:])(?P<ratio>\d{1,2}(?:\s*:\s*\d{1,2}){1,3})  # 2:1 or 1:1:1 ...
        \s*\)?\s*(?:ratio|randomi[sz]ation|allocation)\b       # ... "ratio", "randomization"
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# Subgroup labels that name a split along one of several crossing dimensions (age, sex,
# region, ...): subgroups like these overlap, so their Ns need not sum to at most the total.
_OVERLAPPING_SUBGROUP = regex.compile(
    r"""[\d<>≤≥]|\b(?:age[ds]?|years?|male|female|men|women|sex|gender|region|race|asian|white|black
    |ecog|performance|prior|previous|pd-?l1|positive|negative|status|score|mutation|smok|stage|grade
    |risk|line|country|america|europe|weight|bmi)""",
    regex.VERBOSE | regex.IGNORECASE,
)

# "a p-value estimated from one-sided log-rank test" (Kisqali), "One-sided p-Value" (Keytruda)
_ONE_SIDED = regex.compile(r"\b(?:one|1)[\s-]sided\b", regex.IGNORECASE)

# a qualifier or "p =" left on a raw p-value: "<0.0001", "p < 0.001", "P=0.02"
_P_PREFIX = regex.compile(r"\s*(?:[pP]\s*)?(?P<qualifier><=|>=|[<>≤≥=])?\s*")

Interval = tuple[float, float]


# ---------------------------------------------------------------------------------------------
# Rounding


def _decimal(raw: str) -> Decimal:
    """The printed number ``raw`` as a Decimal that keeps its printed precision."""
    text = _MINUS.sub("-", raw)
    text = _SPACE.sub("", text)
    text = _THOUSANDS.sub("", text)
    text = text.rstrip("%")
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        raise ValueError(f"not a printed number: {raw!r}") from None
    if not number.is_finite() or not math.isfinite(float(number)):
        raise ValueError(f"not a finite printed number: {raw!r}")
    return number


def rounding_interval(raw: str) -> tuple[float, float]:
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
    number = _decimal(raw)
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite numbers have an integer exponent
    half = Decimal(5).scaleb(exponent - 1)  # half a unit in the last printed place
    low, high = float(number - half), float(number + half)
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(f"not a finite printed number: {raw!r}")
    return low, high


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
    return _contains(value, low, high)


def _contains(value: Interval, low: Interval, high: Interval) -> bool:
    return low[0] <= value[1] + _EPSILON and value[0] <= high[1] + _EPSILON


def _printed(raw: str | None, value: float | None = None) -> Interval | None:
    """The rounding interval of ``raw``; else of ``value`` as Python prints it; else None."""
    for text in (raw, None if value is None else repr(value)):
        if text is not None:
            try:
                return rounding_interval(text)
            except ValueError:
                continue
    return None


def _clip(interval: Interval, low: float, high: float) -> Interval:
    return max(interval[0], low), min(interval[1], high)


# ---------------------------------------------------------------------------------------------
# One estimate with its CI (and p): the checks that need nothing else


@dataclass(frozen=True, slots=True)
class _Estimate:
    """A stated estimate as rounding intervals: what every single-statement check reads."""

    statistic: str
    value: Interval
    low: Interval | None
    high: Interval | None
    level: float  # CI level in percent
    text: str  # how the statement was printed, for messages


def _level(level: float | None) -> float:
    """A CI level in percent: 95 for 95 or 0.95; the default when missing or impossible."""
    if level is None or not math.isfinite(level) or not 0 < level < 100:
        return DEFAULT_CI_LEVEL
    return 100 * level if level < 1 else level


def _estimate(m: Measurement) -> _Estimate | None:
    if m.value is None or m.qualifier in {"NR", "NE"}:
        return None
    value = _printed(m.raw, m.value)
    if value is None:
        return None
    low = _printed(m.ci_low_raw, m.ci_low)
    high = _printed(m.ci_high_raw, m.ci_high)
    level = _level(m.ci_level)
    text = f"{m.statistic.upper()} {m.raw}"
    if m.ci_low_raw is not None and m.ci_high_raw is not None:
        text += f" ({level:g}% CI {m.ci_low_raw}, {m.ci_high_raw})"
    return _Estimate(m.statistic.lower(), value, low, high, level, text)


def _ci_excludes(e: _Estimate) -> list[Flag]:
    if e.low is None or e.high is None:
        return []
    if e.low[0] > e.high[1] + _EPSILON:
        return [Flag("ci_excludes_estimate", "error", f"{e.text}: the CI bounds are reversed")]
    if _contains(e.value, e.low, e.high):
        return []
    side = "below" if e.value[1] < e.low[0] else "above"
    return [
        Flag(
            "ci_excludes_estimate",
            "error",
            f"{e.text}: the estimate lies {side} its CI even allowing for rounding",
        )
    ]


def _scale(e: _Estimate) -> str | None:
    """'log' for ratios, 'linear' for differences, None when the CI cannot be read on a scale."""
    if e.statistic in _RATIO:
        ends = [e.value, e.low, e.high]
        if any(end is None or end[1] <= 0 for end in ends):
            return None
        return "log"
    if e.statistic in _DIFFERENCE:
        return "linear"
    return None


def _transform(interval: Interval, scale: str) -> Interval:
    if scale == "log":
        return math.log(max(interval[0], _TINY)), math.log(max(interval[1], _TINY))
    return interval


def _asymmetry(e: _Estimate) -> float | None:
    """The smallest |estimate − middle| / half-width over the rounding box, or None."""
    scale = _scale(e)
    if scale is None or e.low is None or e.high is None:
        return None
    value, low, high = (_transform(i, scale) for i in (e.value, e.low, e.high))
    if not _contains(value, low, high):
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


def _ci_asymmetric(e: _Estimate) -> list[Flag]:
    asymmetry = _asymmetry(e)
    if asymmetry is None or asymmetry <= ASYMMETRY_LIMIT:
        return []
    where = "geometric" if e.statistic in _RATIO else "arithmetic"
    return [
        Flag(
            "ci_asymmetric",
            "warning",
            f"{e.text}: the estimate sits {asymmetry:.2f} half-widths from the {where} middle of "
            f"its CI even allowing for rounding (limit {ASYMMETRY_LIMIT:g}); a model-based CI is "
            "symmetric there, so the estimate or a bound may be misprinted",
        )
    ]


def _z_level(level: float) -> float:
    return float(stats.norm.ppf(1 - (1 - level / 100) / 2))


def _implied_z(e: _Estimate) -> Interval | None:
    """The range of z = |estimate| / SE (SE from the CI width) over the rounding box."""
    scale = _scale(e)
    if scale is None or e.low is None or e.high is None:
        return None
    value, low, high = (_transform(i, scale) for i in (e.value, e.low, e.high))
    nearest = 0.0 if value[0] <= 0 <= value[1] else min(abs(value[0]), abs(value[1]))
    farthest = max(abs(value[0]), abs(value[1]))
    widest = high[1] - low[0]
    narrowest = high[0] - low[1]
    if widest <= 0:
        return None
    z = 2 * _z_level(e.level)
    z_low = nearest * z / widest
    z_high = farthest * z / narrowest if narrowest > 0 else math.inf
    return z_low, z_high


def _p_interval(p_raw: str, qualifier: str | None) -> Interval | None:
    """The p-values a printed p allows: "0.0462" -> its rounding interval, "< 0.001" -> [0, 0.001]."""
    prefix = _P_PREFIX.match(p_raw)
    if prefix and prefix.group("qualifier"):
        qualifier = qualifier or prefix.group("qualifier")
    p_raw = p_raw[prefix.end() :] if prefix else p_raw
    printed = _printed(p_raw)
    if printed is None:
        return None
    value = float(_decimal(p_raw))
    if qualifier in _BELOW:
        return 0.0, min(value, 1.0)
    if qualifier in _ABOVE:
        return max(value, 0.0), 1.0
    if qualifier not in {None, "", "="}:
        return None
    return _clip(printed, 0.0, 1.0)


def _p_from_z(z: float) -> float:
    return 1.0 if z <= 0 else float(2 * stats.norm.sf(z))


def _null_position(e: _Estimate) -> tuple[bool, bool] | None:
    """(the CI surely spans the null, the CI surely excludes it), rounding allowed for."""
    if e.low is None or e.high is None:
        return None
    null = 1.0 if e.statistic in _RATIO else 0.0
    spans = e.low[1] < null < e.high[0]
    excludes = e.high[1] < null or e.low[0] > null
    return spans, excludes


def _z_from_p(p: float, sides: int) -> float:
    """|z| of a p-value read as ``sides``-sided (inf for p = 0)."""
    if p <= 0:
        return math.inf
    return max(float(stats.norm.isf(min(p, 1.0) / sides)), 0.0)


def _p_inconsistent(e: _Estimate, p_raw: str, qualifier: str | None, one_sided: bool = False) -> list[Flag]:
    """Flag a reported p that the CI's implied p cannot match (see :data:`P_Z_TOLERANCE`)."""
    reported = _p_interval(p_raw, qualifier)
    implied_z = _implied_z(e)
    if reported is None or implied_z is None or reported[0] > reported[1]:
        return []
    z_low, z_high = implied_z[0] * (1 - P_Z_TOLERANCE), implied_z[1] * (1 + P_Z_TOLERANCE)
    for sides in (2, 1) if one_sided else (2,):
        reported_z = (_z_from_p(reported[1], sides), _z_from_p(reported[0], sides))
        if reported_z[0] <= z_high + _EPSILON and z_low <= reported_z[1] + _EPSILON:
            return []
    implied = (_p_from_z(implied_z[1]), _p_from_z(implied_z[0]))
    p_text = f"p {qualifier or '='} {p_raw}"
    alpha = round(1 - e.level / 100, 12)
    position = _null_position(e)
    decision = ""
    if position is not None:
        spans, excludes = position
        below = reported[1] < alpha or (qualifier in _BELOW and reported[1] <= alpha)
        above = reported[0] > alpha or (qualifier in _ABOVE and reported[0] >= alpha)
        if spans and below:
            decision = (
                f"decision error — the reported p is below {alpha:g} (significant) but the "
                f"{e.level:g}% CI spans the null value; "
            )
        elif excludes and above:
            decision = (
                f"decision error — the reported p is above {alpha:g} (not significant) but the "
                f"{e.level:g}% CI excludes the null value; "
            )
    return [
        _p_flag(
            f"{e.text}, {p_text}: {decision}the CI implies a two-sided p{_implied_text(implied)} "
            f"(Altman & Bland, BMJ 2011), which the reported p cannot match even allowing for rounding "
            f"and a {P_Z_TOLERANCE:.0%} difference in z between the test and the CI"
            + (" or a one-sided reading" if one_sided else "")
        )
    ]


def _implied_text(implied: Interval) -> str:
    low, high = implied
    if f"{low:.2g}" == f"{high:.2g}":
        return f" of about {low:.2g}"
    return f" between {low:.2g} and {high:.2g}"


def _p_flag(message: str) -> Flag:
    return Flag("p_inconsistent_with_ci", "error", message)


def check_statement(
    statistic: str,
    value_raw: str,
    ci_low_raw: str | None,
    ci_high_raw: str | None,
    ci_level: float | None,
    p_raw: str | None,
    p_qualifier: str | None,
) -> tuple[Flag, ...]:
    """Flags for one stated result, such as numbers quoted in an article.

    >>> [f.check for f in check_statement("hr", "0.62", "0.49", "0.79", 95, "0.21", None)]
    ['p_inconsistent_with_ci']
    >>> check_statement("hr", "0.80", "0.64", "1.00", 95, "0.0462", None)
    ()
    """
    value = _printed(value_raw)
    if value is None:
        return ()
    level = _level(ci_level)
    text = f"{statistic.upper()} {value_raw}"
    if ci_low_raw is not None and ci_high_raw is not None:
        text += f" ({level:g}% CI {ci_low_raw}, {ci_high_raw})"
    e = _Estimate(statistic.lower(), value, _printed(ci_low_raw), _printed(ci_high_raw), level, text)
    excludes = _ci_excludes(e)
    flags = excludes + _ci_asymmetric(e)
    if p_raw is not None and not excludes:
        flags += _p_inconsistent(e, p_raw, p_qualifier)
    return tuple(flags)


# ---------------------------------------------------------------------------------------------
# Response rates against their counts

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

_METHOD_NAMES = ("exact (Clopper–Pearson)", "Wilson", "Wald")
"""The Wald (normal-approximation) interval is accepted as well: Votrient's RCC table prints
30 (25.1, 35.6) and 3 (0.5, 6.4), the Wald intervals for 88/290 and 5/145, which neither the
exact nor the Wilson interval reproduces."""


def _rate_intervals(
    k: npt.NDArray[np.float64], n: npt.NDArray[np.float64], level: float
) -> list[tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]]:
    """(lower, upper) in percent for counts k of n, by each of :data:`_METHOD_NAMES`."""
    alpha = 1 - level / 100
    z = _z_level(level)
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
    if not pairs:
        return []
    k = np.array([p[0] for p in pairs], dtype=np.float64)
    n = np.array([p[1] for p in pairs], dtype=np.float64)
    found: list[str] = []
    for name, (lows, highs) in zip(_METHOD_NAMES, _rate_intervals(k, n, level), strict=True):
        fits = (
            (lows >= low[0] - _EPSILON)
            & (lows <= low[1] + _EPSILON)
            & (highs >= high[0] - _EPSILON)
            & (highs <= high[1] + _EPSILON)
        )
        found.extend(f"{pairs[i][0]}/{pairs[i][1]} {name}" for i in np.flatnonzero(fits).tolist())
    return found


def _rate_ks(rate: Interval, n: int) -> range:
    """Every responder count k of n whose rate k/n (in percent) rounds to the printed rate."""
    low = max(0, math.ceil(rate[0] * n / 100 - _EPSILON))
    high = min(n, math.floor(rate[1] * n / 100 + _EPSILON))
    return range(low, high + 1)


def _pairs(rate: Interval, denominators: Iterable[int], counts: Sequence[int] = ()) -> list[tuple[int, int]]:
    """(k, n) pairs whose rate rounds to the printed one: the stated counts if any, else every k."""
    pairs: list[tuple[int, int]] = []
    for n in denominators:
        ks = _rate_ks(rate, n)
        pairs.extend((k, n) for k in (sorted({k for k in counts if k in ks}) if counts else ks))
    return pairs


def _rate_flags(m: Measurement, counts: Sequence[int], ns: Sequence[int]) -> list[Flag]:
    """Flag a rate CI that no count (the stated one, else any giving the rate) reproduces."""
    e = _estimate(m)
    if e is None or e.low is None or e.high is None or (m.endpoint or "").upper() not in RESPONSE_ENDPOINTS:
        return []
    usable = sorted({n for n in ns if 0 < n <= 100_000})
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
    rate, low, high = _printed(rate_raw), _printed(low_raw), _printed(high_raw)
    if rate is None or low is None or high is None or not 0 < n <= 100_000:
        return ()
    return tuple(_rate_fits(rate, low, high, _pairs(rate, [n]), level))


# ---------------------------------------------------------------------------------------------
# Medians against the hazard ratio


def _median_ratio_flags(
    hr: Measurement, experimental: Sequence[Measurement], control: Sequence[Measurement]
) -> list[Flag]:
    """Warn when every pairing of the arms' medians gives a ratio far from the HR."""
    e = _estimate(hr)
    if e is None or e.statistic != "hr" or e.value[1] <= 0:
        return []
    gaps: list[tuple[float, str]] = []
    for exp, ctl in itertools.product(experimental, control):
        exp_iv, ctl_iv = _median_interval(exp), _median_interval(ctl)
        if exp_iv is None or ctl_iv is None:
            return []  # a median we cannot read: no hint either way
        ratio = (ctl_iv[0] / exp_iv[1], ctl_iv[1] / exp_iv[0])
        # the smallest fold-difference between an HR value and a ratio value in the box
        if ratio[1] < e.value[0]:
            gap = e.value[0] / ratio[1]
        elif ratio[0] > e.value[1]:
            gap = ratio[0] / e.value[1]
        else:
            return []
        if e.low is not None and e.high is not None and _contains(ratio, e.low, e.high):
            return []  # the median ratio lies inside the HR's own CI
        gaps.append((gap, f"{ctl.raw}/{exp.raw} = {ctl_iv[0] / exp_iv[1]:.2g}–{ctl_iv[1] / exp_iv[0]:.2g}"))
    if not gaps or min(g for g, _ in gaps) <= MEDIAN_RATIO_FACTOR:
        return []
    gap, shown = min(gaps)
    return [
        Flag(
            "median_ratio_vs_hr",
            "warning",
            f"{e.text}: the ratio of medians (control/experimental) {shown} differs from the HR by "
            f"{gap:.1f}-fold and lies outside the HR's CI; under roughly exponential survival they "
            "would agree, so this is a hint to check the medians and the HR, not an error",
        )
    ]


def _median_interval(m: Measurement) -> Interval | None:
    if m.value is None or m.qualifier is not None:
        return None
    interval = _printed(m.raw, m.value)
    return interval if interval is not None and interval[0] > 0 else None


# ---------------------------------------------------------------------------------------------
# Ns: totals, subgroups, randomization ratios


def _n(m: Measurement) -> int | None:
    if m.value is None or m.qualifier is not None or not math.isfinite(m.value):
        return None
    return int(m.value) if m.value == int(m.value) and m.value >= 0 else None


def _arm_key(arm: str | None) -> str | None:
    return None if arm is None else " ".join(arm.casefold().split())


PASSAGE_GAP = 600
"""Ns are compared only within one passage: one table, or prose Ns no more than this many
characters apart. A label states Ns for many populations (ITT, safety, evaluable, other
trials); a total and arm Ns printed far apart need not describe the same patients."""


def _passages(ns: Sequence[Measurement]) -> list[list[Measurement]]:
    """``ns`` split into passages: each table, and runs of prose Ns close together."""
    tables: dict[str, list[Measurement]] = {}
    prose: list[list[Measurement]] = []
    for m in sorted(ns, key=lambda m: m.span):
        if m.table is not None:
            tables.setdefault(m.table, []).append(m)
        elif prose and m.span[0] - prose[-1][-1].span[1] <= PASSAGE_GAP:
            prose[-1].append(m)
        else:
            prose.append([m])
    return [*tables.values(), *prose]


def _by_arm(ns: Iterable[Measurement]) -> dict[str, list[Measurement]]:
    arms: dict[str, list[Measurement]] = {}
    for m in ns:
        arm = _arm_key(m.arm)
        if arm is not None:
            arms.setdefault(arm, []).append(m)
    return arms


def _values(ms: Iterable[Measurement]) -> list[int]:
    return sorted({n for m in ms if (n := _n(m)) is not None})


# "A total of 307 patients were enrolled and randomized" (Keytruda KEYNOTE-177); "In total, ..."
_TOTAL_WORDS = regex.compile(r"\b(?:total\s+of|in\s+total|overall|all)\W*$", regex.IGNORECASE)
# the end of a sentence between two numbers: ". A", "; " does not end one
_SENTENCE_END = regex.compile(r"[.!?]\s+[A-Z(]")


def _is_total(m: Measurement, context: str | None) -> bool:
    """An N with no arm is a total only if the text calls it one ("A total of 346 patients")."""
    if m.arm is not None or m.population is not None:
        return False
    if context is None:
        return True
    return _TOTAL_WORDS.search(context[max(0, m.span[0] - 30) : m.span[0]]) is not None


def _same_sentence(a: Measurement, b: Measurement, context: str | None) -> bool:
    if context is None or a.table is not None:
        return True
    start, end = sorted((a.span[0], b.span[0]))
    return _SENTENCE_END.search(context[start:end]) is None


def _without_subarms(arms: dict[str, list[Measurement]]) -> dict[str, list[Measurement]]:
    """Drop arms that are parts of another ("investigator's choice (n=272): paclitaxel (n=90),
    docetaxel (n=92), or vinflunine (n=90)"): two or more arm Ns that sum to another arm's N."""
    single = {arm: values[0] for arm, ms in arms.items() if len(values := _values(ms)) == 1}
    if len(single) > 12:
        return arms  # a passage with this many "arms" is a listing, not one trial's arms
    parts: set[str] = set()
    for whole, n in single.items():
        others = [arm for arm in single if arm != whole and arm not in parts]
        for size in range(2, min(len(others), 5) + 1):
            subset = next((c for c in itertools.combinations(others, size) if sum(single[a] for a in c) == n), None)
            if subset:
                parts.update(subset)
                break
    return {arm: ms for arm, ms in arms.items() if arm not in parts}


def _total_flags(passage: Sequence[Measurement], context: str | None) -> dict[int, list[Flag]]:
    """Arm Ns (any pairing of the values each arm states) that cannot sum to a stated total."""
    found: dict[int, list[Flag]] = {}
    for total in (m for m in passage if _is_total(m, context)):
        stated = _n(total)
        arms = _without_subarms(
            _by_arm(m for m in passage if m.population is None and _same_sentence(total, m, context))
        )
        if stated is None or len(arms) < 2:
            continue
        options = [_values(ms) for ms in arms.values()]
        if math.prod(len(o) for o in options) > 4096:
            continue
        if stated in {sum(combo) for combo in itertools.product(*options)}:
            continue
        shown = " + ".join(f"{ms[0].arm} {'/'.join(map(str, o))}" for ms, o in zip(arms.values(), options, strict=True))
        flag = Flag(
            "n_sum_mismatch",
            "error",
            f"{total.trial or 'trial'}: the arm Ns ({shown}) do not add up to the stated total of {total.raw}",
        )
        for m in [total, *itertools.chain.from_iterable(arms.values())]:
            found.setdefault(id(m), []).append(flag)
    return found


def _subgroup_flags(passage: Sequence[Measurement]) -> dict[int, list[Flag]]:
    """Subgroup Ns above their arm's overall N, or a partition of subgroups that sums above it."""
    found: dict[int, list[Flag]] = {}
    overall = _by_arm(m for m in passage if m.population is None)
    subgroups = _by_arm(m for m in passage if m.population is not None)
    for arm, members in subgroups.items():
        ns = _values(overall.get(arm, []))
        if not ns:
            continue
        limit = max(ns)
        name = overall[arm][0].arm
        for m in members:
            n = _n(m)
            if n is not None and n > limit:
                found.setdefault(id(m), []).append(
                    Flag(
                        "n_sum_mismatch",
                        "error",
                        f"{m.population}: {name} N = {m.raw} exceeds the arm's overall N = {limit}",
                    )
                )
        parts: dict[tuple[str | None, str], int] = {}
        counted: list[Measurement] = []
        for m in members:
            n = _n(m)
            if n is None or m.population is None or _OVERLAPPING_SUBGROUP.search(m.population):
                continue
            if (m.endpoint, m.population) not in parts:
                parts[(m.endpoint, m.population)] = n
                counted.append(m)
        for endpoint in {e for e, _ in parts}:
            shares = [n for (e, _), n in parts.items() if e == endpoint]
            if len(shares) >= 2 and sum(shares) > limit:
                flag = Flag(
                    "n_sum_mismatch",
                    "error",
                    f"{name}: the subgroup Ns ({' + '.join(map(str, shares))} = {sum(shares)}) exceed the "
                    f"arm's overall N = {limit} (subgroups named as one partition, e.g. histologies)",
                )
                for m in counted:
                    if m.endpoint == endpoint:
                        found.setdefault(id(m), []).append(flag)
    return found


def randomization_ratios(text: str, trials: Iterable[str | None]) -> dict[str | None, tuple[tuple[int, ...], int]]:
    """Each trial's randomization ratio found in ``text``, with the offset where it is stated.

    A ratio belongs to the trial named last before it; when ``trials`` holds one trial only
    (or none named at all), to that one. A trial stated with two different ratios gets none.

    >>> randomization_ratios("In VEG110727 patients were randomized (2:1) to receive pazopanib", ["VEG110727"])
    {'VEG110727': ((2, 1), 27)}
    """
    names = sorted({t for t in trials if t}, key=len, reverse=True)
    found: dict[str | None, tuple[tuple[int, ...], int]] = {}
    clashing: set[str | None] = set()
    for match in _RATIO_TEXT.finditer(text):
        parts = tuple(int(p) for p in regex.split(r"\s*:\s*", match.group("ratio")))
        if any(p == 0 for p in parts):
            continue
        trial: str | None
        before = [(text.rfind(name, 0, match.start()), name) for name in names]
        before = [(at, name) for at, name in before if at >= 0]
        if before:
            trial = max(before)[1]
        elif len(names) <= 1:
            trial = names[0] if names else None
        else:
            continue
        if trial in found and found[trial][0] != parts:
            clashing.add(trial)
        found.setdefault(trial, (parts, match.start()))
    return {t: r for t, r in found.items() if t not in clashing}


RATIO_ARMS_REACH = 400
"""The arms a randomization ratio divides must be named within this many characters after
it ("randomized (2:1) to receive pazopanib 800 mg once daily or placebo"), in the order of
its shares; otherwise the ratio is not checked."""


def _ratio_flags(
    ratio: tuple[int, ...], at: int, context: str, arms: dict[str, list[Measurement]]
) -> dict[int, list[Flag]]:
    """Arm Ns that simple randomization in ``ratio`` would give with probability < RANDOMIZATION_ALPHA."""
    found: dict[int, list[Flag]] = {}
    if len(arms) != len(ratio):
        return found
    after = context[at : at + RATIO_ARMS_REACH].casefold()
    # "a randomized (2:1), double-blind, placebo-controlled trial … randomized to receive Lynparza
    # … or placebo": the design adjective names no arm; the arms come where the patients go
    positions = {arm: _named_at(after, arm) for arm in arms}
    if any(p < 0 for p in positions.values()) or len(set(positions.values())) < len(arms):
        return found  # the arms are not named after the ratio: which share is whose is unknown
    order = sorted(arms, key=lambda arm: positions[arm])
    shares = list(ratio)
    options = [sorted({n for m in arms[arm] if (n := _n(m)) is not None}) for arm in order]
    if any(not o for o in options) or math.prod(len(o) for o in options) > 256:
        return found
    best_p = 0.0
    for combo in itertools.product(*options):
        best_p = max(best_p, _ratio_p(list(combo), shares))
    if best_p >= RANDOMIZATION_ALPHA:
        return found
    shown = ", ".join(f"{arms[arm][0].arm} {'/'.join(map(str, o))}" for arm, o in zip(order, options, strict=True))
    flag = Flag(
        "n_sum_mismatch",
        "error",
        f"arm Ns ({shown}) do not fit the stated {':'.join(map(str, ratio))} randomization "
        "(in the order the arms are named after it): even unblocked randomization gives Ns this far off with p = "
        f"{best_p:.1g} "
        f"(threshold {RANDOMIZATION_ALPHA:g})",
    )
    for ms in arms.values():
        for m in ms:
            found.setdefault(id(m), []).append(flag)
    return found


def _named_at(text: str, arm: str) -> int:
    """Where ``arm`` is first named as an arm in ``text`` (-1 if not): not as in "placebo-controlled"."""
    match = regex.search(rf"\b{regex.escape(arm)}\b(?!-controlled)", text)
    return match.start() if match else -1


def _ratio_p(counts: Sequence[int], shares: Sequence[int]) -> float:
    total = sum(counts)
    if total == 0:
        return 1.0
    if len(counts) == 2:
        return float(stats.binomtest(counts[0], total, shares[0] / sum(shares)).pvalue)
    expected = [total * share / sum(shares) for share in shares]
    return float(stats.chisquare(counts, expected).pvalue)


# ---------------------------------------------------------------------------------------------
# All records together


def _group_key(m: Measurement) -> tuple[str, str | None, str | None, str | None]:
    return m.source, m.trial, (m.endpoint or "").upper() or None, m.population


def check_measurements(ms: Sequence[Measurement], context: str | None = None) -> tuple[Measurement, ...]:
    """The same measurements in the same order, with consistency flags appended.

    Records are related by (source, trial, endpoint, population) — an HR, its p-value and the
    arms' medians — and by arm within a trial (Ns, response counts). Ns are compared within
    one passage (:data:`PASSAGE_GAP`). ``context`` is the source text the spans index into;
    it is read only for randomization ratios such as "randomized (2:1)" (attributed to the
    trial named last before them) and for the words "one-sided" just before a p-value.
    A flag is appended at most once to a record.
    """
    extra: dict[int, list[Flag]] = {}

    def add(m: Measurement, flags: Iterable[Flag]) -> None:
        extra.setdefault(id(m), []).extend(flags)

    def merge(found: dict[int, list[Flag]]) -> None:
        for key, flags in found.items():
            extra.setdefault(key, []).extend(flags)

    # one record at a time: a CI against its own estimate
    excluded: set[int] = set()
    for m in ms:
        e = _estimate(m)
        if e is None:
            continue
        bad = _ci_excludes(e)
        if bad:
            excluded.add(id(m))
        add(m, bad + _ci_asymmetric(e))

    # an HR/OR/RR with its p-value and the arms' medians
    groups: dict[tuple[str, str | None, str | None, str | None], list[Measurement]] = {}
    for m in ms:
        groups.setdefault(_group_key(m), []).append(m)
    for group in groups.values():
        ratios = [m for m in group if m.statistic.lower() in _RATIO and id(m) not in excluded]
        for p in (m for m in group if m.statistic.lower() == "p" and m.raw):
            ratio = _ratio_for(p, ratios)
            e = None if ratio is None else _estimate(ratio)
            if ratio is None or e is None:
                continue
            found = _p_inconsistent(e, p.raw, p.qualifier, _says_one_sided(context, p))
            add(p, found)
            add(ratio, found)
        medians = [m for m in group if m.statistic.lower() == "median"]
        for r in ratios:
            if r.statistic.lower() != "hr" or r.arm is None or r.comparator is None:
                continue
            experimental = [m for m in medians if _arm_key(m.arm) == _arm_key(r.arm)]
            control = [m for m in medians if _arm_key(m.arm) == _arm_key(r.comparator)]
            if experimental and control:
                add(r, _median_ratio_flags(r, experimental, control))

    # Ns and counts by trial, arm and passage
    by_trial: dict[tuple[str, str | None], list[Measurement]] = {}
    for m in ms:
        by_trial.setdefault((m.source, m.trial), []).append(m)
    stated_ratios = randomization_ratios(context, {t for _, t in by_trial}) if context else {}
    for (_, trial), members in by_trial.items():
        # the N of a duration-of-response row counts responders, not the arm ("Duration of Response N=58")
        ns = [
            m
            for m in members
            if m.statistic.lower() == "n"
            and _n(m) is not None
            and (m.endpoint or "").upper() not in _RESPONDER_ENDPOINTS
        ]
        for passage in _passages(ns):
            merge(_total_flags(passage, context))
            merge(_subgroup_flags(passage))
            if context and trial in stated_ratios:
                shares, at = stated_ratios[trial]
                merge(_ratio_flags(shares, at, context, _by_arm(m for m in passage if m.population is None)))
        for m in members:
            if m.statistic.lower() == "rate" and m.ci_low_raw is not None and m.ci_high_raw is not None:
                arm_ns = [n for n in ns if _arm_key(n.arm) == _arm_key(m.arm) and n.population == m.population]
                add(m, _rate_flags(m, _responders(members, m), _values(arm_ns)))

    checked = []
    for m in ms:
        new = [f for f in dict.fromkeys(extra.get(id(m), [])) if f not in m.flags]
        checked.append(replace(m, flags=m.flags + tuple(new)) if new else m)
    return tuple(checked)


RATIO_P_DISTANCE = 400
"""A p-value printed in prose belongs to the ratio before it within this many characters."""


def _ratio_for(p: Measurement, ratios: Sequence[Measurement]) -> Measurement | None:
    """The ratio ``p`` tests: the nearest one printed before it in the same table, or close by in prose."""
    candidates = [
        r
        for r in ratios
        if r.source == p.source
        and r.span[0] <= p.span[0]
        and (r.table == p.table if p.table is not None else p.span[0] - r.span[1] <= RATIO_P_DISTANCE)
        and (p.arm is None or r.arm is None or _same_comparison(r, p) or p.comparator is None)
    ]
    return max(candidates, key=lambda r: r.span[0], default=None)


def _says_one_sided(context: str | None, p: Measurement) -> bool:
    if context is None:
        return False
    before = context[max(0, p.span[0] - 600) : p.span[0]]
    return _ONE_SIDED.search(before) is not None


def _same_comparison(ratio: Measurement, p: Measurement) -> bool:
    return _arm_key(ratio.arm) == _arm_key(p.arm) and _arm_key(ratio.comparator) == _arm_key(p.comparator)


def _responders(members: Sequence[Measurement], rate: Measurement) -> list[int]:
    """Stated responder counts for ``rate``'s arm: an ORR count, else PR + CR counts."""
    counts: dict[str, list[int]] = {}
    for m in members:
        if m.statistic.lower() != "count" or _arm_key(m.arm) != _arm_key(rate.arm) or m.population != rate.population:
            continue
        if m.table != rate.table or (m.table is None and abs(m.span[0] - rate.span[0]) > PASSAGE_GAP):
            continue  # counts printed with another table or far away may count another population
        n = _n(m)
        if n is not None:
            counts.setdefault((m.endpoint or "").upper(), []).append(n)
    endpoint = (rate.endpoint or "").upper()
    if endpoint in counts:
        return counts[endpoint]
    if endpoint == "ORR" and "PR" in counts and "CR" in counts:
        return [pr + cr for pr, cr in itertools.product(counts["PR"], counts["CR"])]
    return []
