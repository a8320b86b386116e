"""A subgroup the trial reports other figures for is still a subgroup where the label gives this one
only for the whole trial.

CHECKMATE-274's Table 66 gives DFS medians for all randomized patients (20.8 vs 10.8 months) and a
hazard ratio for the PD-L1 ≥1% subgroup. An abstract's "In PD-L1 >=1%: mDFS NR vs 8.4 mo" names
that subgroup; among the label's medians alone it names none of theirs, and would be read as the
whole trial's and called a wrong value. Its population is looked for among all the trial's results:
found there and not among this quantity's, the label does not report the figure for it.
"""

from __future__ import annotations

from extractors.records import Claim, Measurement
from extractors.text import numbers as printed
from extractors.verdicts import matching
from extractors.verdicts.quantity import LabelView


def claim_population_in(claim: Claim, pool: tuple[Measurement, ...], view: LabelView) -> tuple[bool, str | None]:
    """`matching.claim_population` of the claim among ``pool``; where that finds the whole trial, the
    subgroup its clause names among the trial's other results, as one ``pool`` does not report."""
    known, population = matching.claim_population(claim, pool)
    if not known or population is not None:
        return known, population
    trials = {m.trial for m in pool if m.trial}
    if not trials:
        return known, population
    reported = {m.population for m in pool}
    decimals = printed.decimals(claim.raw or "")
    if claim.value is not None and any(
        m.population and m.value is not None and matching.agree(claim.value, decimals, m.value, printed.decimals(m.raw))
        for m in pool
    ):
        return known, population  # the figure is another subgroup's: judged among them (wrong_population)
    others = tuple(m for m in view.measurements if m.trial in trials and m.population and m.population not in reported)
    if not others:
        return known, population
    _, elsewhere = matching.claim_population(claim, pool + others)
    if elsewhere is not None and elsewhere not in reported:
        return False, elsewhere
    return known, population
