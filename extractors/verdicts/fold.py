"""Verdicts on fold claims: "more than doubled median PFS" against the ratio of the arms' medians."""

from __future__ import annotations

from dataclasses import replace

from extractors.records import Claim, Measurement
from extractors.text import vocabulary
from extractors.text.names import canonical_arm
from extractors.verdicts import matching
from extractors.verdicts.describe import describe, unverifiable, where


def _holds(ratio: float, factor: float, hedge: str) -> bool:
    """Whether the medians' ratio bears out the factor as the article hedges it."""
    if hedge in {"more than", "over"}:
        return ratio >= factor
    if hedge in {"nearly", "almost"}:
        return 0.75 * factor <= ratio <= 1.05 * factor
    if hedge:
        return 0.8 * factor <= ratio <= 1.25 * factor
    return ratio >= 0.9 * factor


def check_fold(claim: Claim, measurements: tuple[Measurement, ...]) -> Claim:
    """ "more than doubled median PFS" against the ratio of the experimental and control medians."""
    assert claim.value is not None and claim.value_span is not None
    words = claim.raw
    pool = [m for m in measurements if m.statistic == "median" and m.endpoint == claim.endpoint and m.value]
    if claim.trial:
        pool = list(matching.of_trial(claim.trial, pool))
    known, population = matching.claim_population(claim, tuple(pool))
    pool = [m for m in pool if m.population == population]
    controls = vocabulary.control_arms()
    comparators = {canonical_arm(m.comparator) for m in measurements if m.statistic == "hr" and m.comparator}
    control = [m for m in pool if canonical_arm(m.arm) in comparators or (canonical_arm(m.arm) or "") in controls]
    experimental = [m for m in pool if m not in control and (claim.arm is None or matching.same_arm(claim.arm, m))]
    if not known or len({matching.trial_key(m) for m in pool}) > 1 or not control or not experimental:
        return unverifiable(
            claim,
            f"The article says '{words}' {claim.endpoint}; the sources give no single pair of medians to compare.",
        )
    exp, ctl = experimental[0], control[0]
    ratio = (exp.value or 0.0) / (ctl.value or 1.0)
    working = f"{exp.raw} / {ctl.raw} = {ratio:.1f}: {describe(exp)} and {describe(ctl)} ({where(exp)})"
    if _holds(ratio, claim.value, claim.hedge or ""):
        return replace(
            claim,
            verdict="supported",
            evidence=exp,
            explanation=f"Supported: the article says '{words}'; the label's medians give {working}.",
        )
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_value",
        evidence=exp,
        explanation=f"Contradicted (wrong value): the article says '{words}'; the label's medians give {working}.",
    )
