"""The checks of one stated result (value, CI, p) without the records around it, as an article
quotes it.
"""

from __future__ import annotations

from extractors.checks.estimates import Estimate, ci_asymmetric, ci_excludes, ci_level_percent
from extractors.checks.pvalues import p_inconsistent
from extractors.checks.rounding import printed
from extractors.records import Flag


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
    value = printed(value_raw)
    if value is None:
        return ()
    level = ci_level_percent(ci_level)
    text = f"{statistic.upper()} {value_raw}"
    if ci_low_raw is not None and ci_high_raw is not None:
        text += f" ({level:g}% CI {ci_low_raw}, {ci_high_raw})"
    e = Estimate(statistic.lower(), value, printed(ci_low_raw), printed(ci_high_raw), level, text)
    excludes = ci_excludes(e)
    flags = excludes + ci_asymmetric(e)
    if p_raw is not None and not excludes:
        flags += p_inconsistent(e, p_raw, p_qualifier)
    return tuple(flags)
