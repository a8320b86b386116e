"""Verdicts on significance claims: "significantly longer PFS" against the label's p-value or CI."""

from __future__ import annotations

from dataclasses import replace

from extractors.records import Claim, Measurement
from extractors.text.patterns import claims as claim_patterns
from extractors.verdicts import matching
from extractors.verdicts.describe import describe, unverifiable, where


def _significance(pvalues: list[Measurement], ratios: list[Measurement]) -> tuple[bool, Measurement, str] | None:
    """(significant, the measurement that says so, why) from the p-value, else the ratio's CI; None
    when neither decides."""
    if pvalues and pvalues[0].value is not None:  # the p-value decides; a CI is rounded
        evidence = pvalues[0]
        significant = (evidence.value or 1.0) < 0.05 or (
            evidence.qualifier in {"<", "≤"} and (evidence.value or 1.0) <= 0.05
        )
        return (
            significant,
            evidence,
            f"the label's {describe(evidence)} is {'below' if significant else 'not below'} 0.05",
        )
    if ratios and 1.0 not in {ratios[0].ci_low, ratios[0].ci_high}:  # a bound printed as 1.00 decides nothing
        evidence = ratios[0]
        low, high = evidence.ci_low or 0.0, evidence.ci_high or 0.0
        significant = high < 1 or low > 1
        return significant, evidence, f"the label's {describe(evidence)} {'excludes' if significant else 'includes'} 1"
    return None


def overstated(claim: Claim, ratio: Measurement) -> Claim | None:
    """A ratio the article calls significant ("significantly improved PFS (HR 0.90)") whose label CI
    includes 1: the value is right, the word is not (``wrong_significance``). None otherwise."""
    if claim.value_span is None or ratio.ci_low is None or ratio.ci_high is None:
        return None
    before = claim.text[: claim.value_span[0] - claim.span[0]]
    said = claim_patterns.SIGNIFICANT.search(before)
    if (
        said is None
        or said.group("neg")
        or claim_patterns.SIGNIFICANCE_DENIED.search(before, max(0, said.start() - 30), said.start())
    ):
        return None
    if ratio.ci_high < 1 or ratio.ci_low > 1 or 1.0 in {ratio.ci_low, ratio.ci_high}:
        return None  # significant as the label prints it, or a bound of 1.00 that decides nothing
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_significance",
        evidence=ratio,
        explanation=(
            f"Contradicted (wrong significance): the article calls the difference significant ('{said.group(0)}'); "
            f"the label's {describe(ratio)} includes 1 ({where(ratio)}), so it is not. The ratio itself is the label's."
        ),
    )


def check_significance(claim: Claim, measurements: tuple[Measurement, ...]) -> Claim:
    """ "significantly longer PFS" against the hazard ratio's CI (or a p-value) for that endpoint."""
    if claim.trial:
        measurements = matching.of_trial(claim.trial, measurements)
    known, population = matching.claim_population(claim, measurements)
    ratios = [
        m
        for m in measurements
        if m.statistic == "hr" and m.endpoint == claim.endpoint and m.population == population and m.ci_low is not None
    ]
    pvalues = [
        m for m in measurements if m.statistic == "p" and m.endpoint == claim.endpoint and m.population == population
    ]
    if not known or len({matching.trial_key(m) for m in ratios + pvalues}) > 1:
        return unverifiable(
            claim,
            f"The article makes a significance statement about {claim.endpoint} without naming which trial "
            "or population; the sources report several.",
        )
    decided = _significance(pvalues, ratios)
    if decided is None:
        return unverifiable(
            claim,
            f"The article makes a significance statement about {claim.endpoint}; the sources give no CI or p-value for it.",
        )
    significant, evidence, why = decided
    word = claim.raw or "significant"
    if (claim.statistic == "significant") == significant:
        return replace(
            claim,
            verdict="supported",
            evidence=evidence,
            explanation=f"Supported: the article says '{word}'; {why} ({where(evidence)}).",
        )
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_significance",
        evidence=evidence,
        explanation=f"Contradicted (wrong significance): the article says '{word}' about {claim.endpoint}; {why} ({where(evidence)}).",
    )
