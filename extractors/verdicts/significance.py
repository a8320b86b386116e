"""Verdicts on significance claims: "significantly longer PFS" against the label's p-value or CI."""

from __future__ import annotations

from collections.abc import Callable

from extractors.records import Claim, Measurement, replace
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


def overstated(claim: Claim, ratio: Measurement, denied: bool = False) -> Claim | None:
    """A ratio (or the risk reduction read from it) the article calls significant ("significantly
    improved PFS (HR 0.90)", "Strokes fell by 26%, a reduction that was statistically significant")
    whose label CI includes 1, or whose label sentence says it is not significant (``denied``: an
    interim analysis that did not cross its boundary): the value is right, the word is not
    (``wrong_significance``). None otherwise."""
    if claim.value_span is None:
        return None
    said = _said_significant(claim)
    if said is None:
        return None
    includes_one = ratio.ci_low is not None and ratio.ci_high is not None and ratio.ci_low <= 1 <= ratio.ci_high
    if ratio.ci_low is not None and 1.0 in {ratio.ci_low, ratio.ci_high} and not denied:
        return None  # a bound printed as 1.00 decides nothing
    if not (includes_one or denied):
        return None
    why = (
        f"the label says {describe(ratio)} did not reach statistical significance ({where(ratio)})"
        if denied
        else f"the label's {describe(ratio)} includes 1 ({where(ratio)}), so it is not"
    )
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_significance",
        evidence=ratio,
        explanation=(
            f"Contradicted (wrong significance): the article calls the difference significant ('{said}'); {why}. "
            "The value itself is the label's."
        ),
    )


def _said_significant(claim: Claim) -> str | None:
    """The words calling the claim's difference significant: before its value, or after it in the
    same clause with no other number between ("fell by 26%, a reduction that was statistically significant")."""
    assert claim.value_span is not None
    start, end = claim.value_span[0] - claim.span[0], claim.value_span[1] - claim.span[0]
    before = claim.text[:start]
    said = claim_patterns.SIGNIFICANT.search(before)
    text = before
    if said is None:
        after = claim_patterns.CLAUSE_AFTER_VALUE.match(claim.text, end)
        text = after.group(0) if after else ""
        said = claim_patterns.SIGNIFICANT.search(text)
    if said is None or said.group("neg"):
        return None
    # "not statistically significant", "did not significantly prolong": the word denied
    if claim_patterns.SIGNIFICANCE_DENIED.search(text, max(0, said.start() - 30), said.start() + 4):
        return None
    return str(said.group(0))


def check_significance(
    claim: Claim, measurements: tuple[Measurement, ...], denies: Callable[[Measurement], bool] | None = None
) -> Claim:
    """ "significantly longer PFS" against the hazard ratio's CI (or a p-value) for that endpoint;
    ``denies`` says whether the label's sentence calls a value not significant (an interim analysis
    that did not cross its boundary, though its interval excludes 1)."""
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
    if significant and denies is not None and denies(evidence):
        significant, why = False, f"the label says its {describe(evidence)} did not reach statistical significance"
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
