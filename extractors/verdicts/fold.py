"""Verdicts on fold claims: "more than doubled median PFS" against the ratio of the arms' medians."""

from __future__ import annotations

from extractors.records import Claim, Measurement, replace
from extractors.verdicts import matching
from extractors.verdicts.arms import experimental_and_control, read_arm
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
    places = {(m.trial, m.table) for m in pool}
    tabled = {place for place in places if place[1]}  # a table's pair, not the prose's sensitivity analyses
    pairs = {pair for pair in (_pair_in(pool, place) for place in tabled or places) if pair}
    if len(pairs) > 1 and claim.arm:  # the pair whose experimental arm the article names exactly
        named = {pair for pair in pairs if read_arm(claim.arm, [pair[0].arm]).how == "exact"}
        pairs = named or pairs
    if not known or len(pairs) != 1:
        return unverifiable(
            claim,
            f"The article says '{words}' {claim.endpoint}; the sources give no single pair of medians to compare.",
        )
    exp, ctl = next(iter(pairs))
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


def _pair_in(pool: list[Measurement], place: tuple[str | None, str | None]) -> tuple[Measurement, Measurement] | None:
    """The experimental and control medians of one trial's table (or its prose)."""
    return experimental_and_control(tuple(m for m in pool if (m.trial, m.table) == place))
