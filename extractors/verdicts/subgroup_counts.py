"""The size of a subgroup: "in the 229 patients with PD-L1 on at least 50% of tumor cells".

A count of patients the article gives for a subgroup (its claim has a population) is no trial's or
arm's N, and the randomized Ns never judge it. A label may state the same subgroup's size ("In a
pre-specified secondary subgroup analysis of patients with PD-L1 TC ≥ 50% Stage II – IIIA NSCLC
(n=229)"): the count is supported when the label gives that very number as a count of patients of
the same trial, in words that share a word of the article's subgroup beyond the filler ("with",
"patients", "tumor"; the 'subgroup_filler' words) and the arms' names. Nothing is ever contradicted
here: another subgroup's size, or none, leaves the claim to the ordinary check.
"""

from __future__ import annotations

from extractors.records import Claim, Measurement, replace
from extractors.text.patterns import counts as patterns
from extractors.verdicts import quantity
from extractors.verdicts.describe import said, where
from extractors.verdicts.trial_names import of_trials_called


def subgroup_count(claim: Claim, view: quantity.LabelView) -> Claim | None:
    """The claim supported by the label's count of the same subgroup of the same trial; None when the
    claim is no subgroup's count or the label gives no such count."""
    if claim.statistic != "n" or claim.value is None or not claim.population:
        return None
    said_words = _words(claim.population) - _words(claim.arm or "")
    if not said_words:
        return None
    counts = tuple(m for m in view.measurements if m.statistic == "n" and m.value == claim.value)
    if claim.trial and any(m.trial for m in counts):
        counts = of_trials_called(claim.trial, counts, view.measurements)
    found = next((m for m in counts if said_words & (_label_words(m, view) - _words(m.arm or ""))), None)
    if found is None:
        return None
    return replace(
        claim,
        verdict="supported",
        kind=None,
        evidence=found,
        explanation=f"Supported: the article says {said(claim)} {claim.population}; the label counts {found.raw} "
        f"patients of the same subgroup (its words: {_shared(said_words, found, view)}) in {where(found)}.",
    )


def _label_words(m: Measurement, view: quantity.LabelView) -> set[str]:
    return _words(f"{m.population or ''} {view.words_of(m)}")


def _shared(words: set[str], m: Measurement, view: quantity.LabelView) -> str:
    return ", ".join(sorted(words & _label_words(m, view)))


def _words(text: str) -> set[str]:
    """The words that tell a subgroup apart, lower-case: not the filler, not a bare number."""
    filler = set(quantity.words("counts", "subgroup_filler"))
    found = {w.lower() for w in patterns.SUBGROUP_WORD.findall(text)}
    return {w for w in found if w not in filler and not w.isdigit()}
