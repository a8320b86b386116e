"""The label's own median, printed character for character, under another name in the article.

A claim whose quantity could not be framed (its arm, trial or endpoint not settled: "patients on
continuous Rd lived an average of 58.9 months" where REVLIMID's label gives Rd Continuous and Rd18;
"Responses lasted a median of 16.6 weeks" in a review of several REVLIMID trials) is unverifiable by
`numbers`. When its printed number is nonetheless a median the label prints for the same endpoint
and population, in the article's trial, the article has misnamed that median:

- an average or mean where the label states a median and no mean (``wrong_statistic``): "lived an
  average of 58.9 months" for the median OS 58.9 months;
- the number in another time unit (``wrong_unit``): "16.6 weeks" for the median duration of
  response 16.6 months.

Only the very characters count, never a rounding: "18 weeks" is not "18.0 months". A number printed
whole is taken only when the article names both the trial and the endpoint, and the label's row is
the one of them. Each explanation names the label's median and where it is printed.
"""

from __future__ import annotations

from extractors.records import Claim, Measurement, replace
from extractors.text import vocabulary
from extractors.verdicts import matching
from extractors.verdicts.describe import corrected, describe, where
from extractors.verdicts.quantity import LabelView
from extractors.verdicts.trial_names import of_trials_called


def misnamed_median(claim: Claim, judged: Claim, view: LabelView) -> Claim:
    """``judged`` (the verdict `numbers` gave), or, when it is unverifiable and the claim's number is
    one label median under another statistic or time unit, that contradiction."""
    if judged.verdict != "unverifiable" or claim.statistic not in {"median", "mean"}:
        return judged
    raw = (claim.raw or "").strip()
    if claim.value is None or not raw or claim.unit is None or vocabulary.months_per(claim.unit) is None:
        return judged
    rows = _printed_medians(claim, raw, view)
    if not rows or (len({(m.endpoint, m.arm, m.population) for m in rows}) > 1 and not claim.endpoint):
        return judged  # the number is several quantities' and the article names none of them
    m = rows[0]
    label_unit = matching.unit_of(m)
    if claim.statistic == "mean" and label_unit in {claim.unit, None} and not _label_mean(raw, view):
        return _average(claim, m)
    if claim.statistic == "median" and label_unit not in {claim.unit, None} and vocabulary.months_per(label_unit):
        return _unit(claim, m, label_unit)
    return judged


def _printed_medians(claim: Claim, raw: str, view: LabelView) -> list[Measurement]:
    """The label's medians printed as the claim's number, of its endpoint (when it names one), its
    population, and its trial (when it names one; a whole number only with both named)."""
    whole = "." not in raw
    if whole and not (claim.trial and claim.endpoint):
        return []
    pool = view.results("median")
    if claim.trial:
        pool = of_trials_called(claim.trial, pool, view.measurements)
    return [
        m
        for m in pool
        if m.value is not None
        and m.raw.replace(" ", "") == raw
        and (claim.endpoint is None or m.endpoint == claim.endpoint)
        and (m.population is None or matching.same_population(m.population, claim.population))
    ]


def _label_mean(raw: str, view: LabelView) -> bool:
    """Whether the label prints the number as a mean somewhere: then the article's average may be it."""
    return any(m.statistic == "mean" and m.raw.replace(" ", "") == raw for m in view.measurements)


def _average(claim: Claim, m: Measurement) -> Claim:
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_statistic",
        evidence=m,
        explanation=(
            f"Contradicted (wrong statistic): the article gives an average (mean) of {claim.raw} {claim.unit}; "
            f"{claim.raw} is the label's median, {describe(m)}, in {where(m)}, and the label states no mean. "
            "A median is the middle of the patients' values (half lie below it, half above); it is not an average."
        ),
    )


def _unit(claim: Claim, m: Measurement, label_unit: str | None) -> Claim:
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_unit",
        evidence=m,
        explanation=(
            f"Contradicted (wrong unit): the article says a median of {claim.raw} {claim.unit}; the label gives "
            f"{describe(m)} in {where(m)}: the same number in {label_unit}, not {claim.unit}. "
            f"Corrected: '{corrected(claim, claim.raw or '', label_unit)}'"
        ),
    )
