"""Counts of patients treated: an arm's safety population, which a label gives in the header of its
adverse-reaction table ("TECENTRIQ with Carboplatin and Etoposide N = 198"), besides the number
randomized to the arm (201).

An article's "Among the 198 patients who received Tecentriq" counts the patients treated; checked
only against the randomized N it would be called wrong. A count whose sentence says the patients
received or were treated with the arm's drug, and does not say they were randomized, is supported by
the same arm's N in an adverse-reaction table of the same trial. Anything else (another arm's N, a
count said to be randomized, a value no safety table gives) is left to the randomized Ns' check.
"""

from __future__ import annotations

from extractors.records import Claim
from extractors.text.names import canonical_arm
from extractors.verdicts import quantity
from extractors.verdicts.arms import read_arm
from extractors.verdicts.describe import supported
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
    if not reading.settled:
        return None
    same_arm = [m for m in rows if canonical_arm(m.arm) == reading.arm]
    found = next((m for m in same_arm if m.value == claim.value), None)
    return None if found is None else supported(claim, found, _NOTE)


_NOTE = " The label gives this arm's patients treated (its safety population) in its adverse-reaction table."
