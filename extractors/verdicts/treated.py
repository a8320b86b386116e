"""Counts of patients treated: an arm's safety population, which a label gives in the header of its
adverse-reaction table ("TECENTRIQ with Carboplatin and Etoposide N = 198"), besides the number
randomized to the arm (201).

An article's "Among the 198 patients who received Tecentriq" counts the patients treated; checked
only against the randomized N it would be called wrong. A count whose sentence says the patients
received or were treated with the arm's drug, and does not say they were randomized, is supported by
the same arm's N in an adverse-reaction table of the same trial, and a total by the sum of one such
table's arms when the sentence names each of them ("682 patients were treated" in "Study 1 (one year of
imatinib vs placebo)": 337 + 345). Anything else (another arm's N, a
count said to be randomized, a value no safety table gives) is left to the randomized Ns' check.
"""

from __future__ import annotations

from extractors.records import Claim, Measurement, replace
from extractors.text.names import canonical_arm
from extractors.verdicts import derived, matching, quantity
from extractors.verdicts.arms import read_arm
from extractors.verdicts.describe import said, supported, where
from extractors.verdicts.trial_names import of_trials_called


def treated_count(claim: Claim, view: quantity.LabelView) -> Claim | None:
    """The claim supported by its arm's N in an adverse-reaction table of its trial, when its sentence
    counts patients treated (not randomized); None otherwise."""
    if claim.statistic != "n" or claim.value is None or not claim.trial or not claim.arm:
        return None
    if not quantity.sentence_says(claim, "counts", "treated") or quantity.sentence_says(claim, "counts", "randomized"):
        return None
    graded = view.graded()
    headers = tuple(m for m in view.measurements if m.statistic == "n" and (m.source, m.table) in graded)
    rows = of_trials_called(claim.trial, headers, view.measurements) if headers else ()
    reading = read_arm(claim.arm, [m.arm for m in rows])
    if reading.settled:
        same_arm = [m for m in rows if canonical_arm(m.arm) == reading.arm]
        found = next((m for m in same_arm if m.value == claim.value), None)
        if found is not None:
            return supported(claim, found, _NOTE)
    return _treated_total(claim, list(rows))


def _treated_total(claim: Claim, rows: list[Measurement]) -> Claim | None:
    """The claim supported by the sum of one adverse-reaction table's arm Ns when its sentence names
    every one of those arms ("In Study 1 (one year of imatinib vs placebo), 682 patients were treated":
    Table 14's 337 + 345); None otherwise."""
    for members, total in derived.sums_per_table(rows):
        if total == claim.value and all(matching.arm_is_named(m.arm, claim.text) for m in members):
            arms = " + ".join(m.raw for m in members)
            return replace(
                supported(claim, members[0]),
                explanation=f"Supported: the article says {said(claim)}; the label's arms treated (their safety "
                f"populations, in its adverse-reaction table) sum to {arms} = {total:g} in {where(members[0])}.",
            )
    return None


_NOTE = " The label gives this arm's patients treated (its safety population) in its adverse-reaction table."
