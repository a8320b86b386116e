"""Rates an article gives for a trial's adverse reactions as a whole: serious or fatal ones, and those
that made patients stop the drug or have its dose lowered or paused.

"Serious side effects occurred in 37% of patients, and 11% stopped Tecentriq because of them";
"Dose reductions were needed in 28% and 12% discontinued treatment because of adverse reactions".
Each such share is read as the category the label's adverse-reactions prose states
(`read.adverse`): its endpoint and grade are the label's, so the verdicts compare them as any
adverse-reaction figure. A share of one reaction that led to a change ("diarrhea led to
discontinuation in 1%") is no such figure and is left to `claims.safety`, which does not read it.
"""

from __future__ import annotations

import regex

from extractors.read.adverse import ADVERSE_REACTIONS, CHANGES
from extractors.text.names import arm_mentions
from extractors.text.patterns import adverse as patterns
from extractors.text.patterns import safety as safety_patterns

_GRADE_REACH = 30  # characters before a category where a grade said of it may start


def category_shares(masked: str) -> dict[int, tuple[str, str, str, str | None]]:
    """Where each share of a category starts in the (masked) sentence → (the words that name it,
    its endpoint, its grade, the arm it names: "stopped Tecentriq" is the Tecentriq arm's)."""
    found: dict[int, tuple[str, str, str, str | None]] = {}
    for match in patterns.ARTICLE_CATEGORY.finditer(masked):
        if _graded_before(masked, match.start()):
            continue  # "grade 3 or 4 serious adverse reactions": another quantity than all serious ones
        printed = match.group(0)[: match.start("value") - match.start()].strip()
        found[match.start("value")] = (printed, *_category(match), None)
    for match in patterns.ARTICLE_STOPPED.finditer(masked):
        if match.group("them") is not None and not patterns.ARTICLE_REACTIONS_NAMED.search(masked, 0, match.start()):
            continue  # "because of them": of what the sentence named, when it named reactions
        printed = match.group(0)[match.end("value") - match.start() :].strip(" %")
        # the arm named before the verb ("of people on Humira stopped treatment") or the drug stopped
        stopped = arm_mentions((match.group("arm") or "").strip()) or arm_mentions((match.group("drug") or "").strip())
        found.setdefault(match.start("value"), (printed, *_category(match), stopped[0][2] if stopped else None))
    return found


def _graded_before(masked: str, start: int) -> bool:
    """Whether a grade by number is said right before a category: "grade 3 or 4 serious adverse reactions"."""
    return any(
        grade.group("serious") is None and grade.group("fatal") is None and grade.group("all") is None
        for grade in safety_patterns.GRADE.finditer(masked, max(0, start - _GRADE_REACH), start)
    )


def _category(match: regex.Match[str]) -> tuple[str, str]:
    """(endpoint, grade) of a matched category: "adverse reactions" and "serious", or the change
    reactions led to and "all"."""
    change = next((name for name in CHANGES if match.group(name)), None)
    if change is not None:
        return CHANGES[change], "all"
    return ADVERSE_REACTIONS, match.group("severity").lower()
