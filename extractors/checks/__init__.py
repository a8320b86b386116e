"""Consistency checks on measurement records, allowing for the rounding of printed numbers.

Extraction reports what the text says; these checks run afterwards on the records and add
flags (STYLE §9). Every printed number stands for the interval it was rounded from: "4.6"
for [4.55, 4.65], "0.35" for [0.345, 0.355], "4" for [3.5, 4.5]. A check flags only what no
values inside those intervals can satisfy, so a label that rounds honestly is not flagged.

Check ids and severities (``../shared/CONTRACT.md``), each in its own module:

- ``ci_excludes_estimate`` (error, `estimates`): the estimate lies outside its CI.
- ``ci_asymmetric`` (warning, `estimates`): a ratio (HR, OR, RR) far from the geometric middle
  of its CI, or a difference far from the arithmetic middle (``ASYMMETRY_LIMIT``).
- ``p_inconsistent_with_ci`` (error, `pvalues`): the p-value implied by the CI (Altman & Bland,
  BMJ 2011;343:d2304) cannot match the reported p; a decision error is named as such.
- ``rate_ci_inconsistent`` (error, `rates`): a response-rate CI that neither the exact
  (Clopper–Pearson) nor the Wilson interval for the counts reproduces.
- ``n_sum_mismatch`` (error, `counts`, `randomization`): arm Ns that do not add up to the stated
  total, subgroup Ns that exceed their arm, or arm Ns that do not fit the randomization ratio.
- ``median_ratio_vs_hr`` (warning, `medians`): the HR far from the ratio of the medians — a hint
  that assumes roughly exponential survival (``MEDIAN_RATIO_FACTOR``).
- ``implausible_count`` (warning, `counts`): an N or count above ``text.numbers.MAX_COUNT``, which
  no trial prints; it is left out of every check (and so never reaches numpy).

`measurements.check_measurements` relates a source's records and runs them all;
`statement.check_statement` checks one stated result, as an article quotes it.

Imports records and text only. The few distribution functions the checks use are the standard
library's (`distributions`), so neither reading a label nor checking it loads numpy or scipy.
"""

from __future__ import annotations

from extractors.checks.measurements import check_measurements
from extractors.checks.randomization import randomization_ratios
from extractors.checks.rates import rate_ci_methods
from extractors.checks.statement import check_statement
from extractors.text.numbers import ci_contains, rounding_interval

__all__ = [
    "check_measurements",
    "check_statement",
    "ci_contains",
    "randomization_ratios",
    "rate_ci_methods",
    "rounding_interval",
]
