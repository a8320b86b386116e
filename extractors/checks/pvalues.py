"""A reported p-value against the p its CI implies (Altman & Bland, BMJ 2011;343:d2304):
``p_inconsistent_with_ci``.
"""

from __future__ import annotations

import math

from extractors.checks.distributions import normal_isf, normal_quantile, normal_sf
from extractors.checks.estimates import RATIO, Estimate, scale_of, transform
from extractors.checks.rounding import clip, printed
from extractors.records import Flag
from extractors.text.numbers import EPSILON, Interval, to_decimal
from extractors.text.patterns import checks as patterns

P_Z_TOLERANCE = 0.10
"""``p_inconsistent_with_ci`` compares z-scores: the z implied by the CI (over the rounding
box) may differ from the z of the reported p by this fraction before the pair is flagged.
Labels print a log-rank or stratified test's p beside a Cox-model Wald CI, and the two
disagree a little: Gleevec (Study 2 OS) prints HR 0.45 (0.22, 0.89), p = 0.0187 where the CI
implies p = 0.020–0.030 (z 2.35 against at most 2.33); Padcev EV-301 prints HR 0.70
(0.56, 0.89), p = 0.0014 against 0.0015–0.0041. A p a label calls one-sided (the words
"one-sided"/"1-sided" in the 600 characters before it) may also be read as one-sided."""


_BELOW = frozenset({"<", "≤", "<="})
_ABOVE = frozenset({">", "≥", ">="})


def z_level(level: float) -> float:
    """|z| of a two-sided ``level``% CI: 1.96 for 95."""
    return normal_quantile(1 - (1 - level / 100) / 2)


def _implied_z(e: Estimate) -> Interval | None:
    """The range of z = |estimate| / SE (SE from the CI width) over the rounding box."""
    scale = scale_of(e)
    if scale is None or e.low is None or e.high is None:
        return None
    value, low, high = (transform(i, scale) for i in (e.value, e.low, e.high))
    nearest = 0.0 if value[0] <= 0 <= value[1] else min(abs(value[0]), abs(value[1]))
    farthest = max(abs(value[0]), abs(value[1]))
    widest = high[1] - low[0]
    narrowest = high[0] - low[1]
    if widest <= 0:
        return None
    z = 2 * z_level(e.level)
    z_low = nearest * z / widest
    z_high = farthest * z / narrowest if narrowest > 0 else math.inf
    return z_low, z_high


def _p_interval(p_raw: str, qualifier: str | None) -> Interval | None:
    """The p-values a printed p allows: "0.0462" -> its rounding interval, "< 0.001" -> [0, 0.001]."""
    prefix = patterns.P_PREFIX.match(p_raw)
    if prefix and prefix.group("qualifier"):
        qualifier = qualifier or prefix.group("qualifier")
    p_raw = p_raw[prefix.end() :] if prefix else p_raw
    interval = printed(p_raw)
    if interval is None:
        return None
    value = float(to_decimal(p_raw))
    if qualifier in _BELOW:
        return 0.0, min(value, 1.0)
    if qualifier in _ABOVE:
        return max(value, 0.0), 1.0
    if qualifier not in {None, "", "="}:
        return None
    return clip(interval, 0.0, 1.0)


def _p_from_z(z: float) -> float:
    return 1.0 if z <= 0 else 2 * normal_sf(z)


def _null_position(e: Estimate) -> tuple[bool, bool] | None:
    """(the CI surely spans the null, the CI surely excludes it), rounding allowed for."""
    if e.low is None or e.high is None:
        return None
    null = 1.0 if e.statistic in RATIO else 0.0
    spans = e.low[1] < null < e.high[0]
    excludes = e.high[1] < null or e.low[0] > null
    return spans, excludes


def _z_from_p(p: float, sides: int) -> float:
    """|z| of a p-value read as ``sides``-sided (inf for p = 0)."""
    if p <= 0:
        return math.inf
    return max(normal_isf(min(p, 1.0) / sides), 0.0)


def p_inconsistent(e: Estimate, p_raw: str, qualifier: str | None, one_sided: bool = False) -> list[Flag]:
    """Flag a reported p that the CI's implied p cannot match (see :data:`P_Z_TOLERANCE`)."""
    reported = _p_interval(p_raw, qualifier)
    implied_z = _implied_z(e)
    if reported is None or implied_z is None or reported[0] > reported[1]:
        return []
    z_low, z_high = implied_z[0] * (1 - P_Z_TOLERANCE), implied_z[1] * (1 + P_Z_TOLERANCE)
    for sides in (2, 1) if one_sided else (2,):
        reported_z = (_z_from_p(reported[1], sides), _z_from_p(reported[0], sides))
        if reported_z[0] <= z_high + EPSILON and z_low <= reported_z[1] + EPSILON:
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
