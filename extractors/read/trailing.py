"""A value in a clause of its own after a comparison of two arms, whose arm the sentence leaves open.

"Responses were confirmed in 55.7% of patients on the combination versus 27.1% on sunitinib, with
complete responses in 8%": the arm nearest the 8% is the one the 27.1% was given to, and the clause
after the comma does not say which arm's 8% is (here the combination's). Giving it the nearest arm
calls a faithful figure the other arm's, so the value keeps both arms as alternatives instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.text.patterns import statements as patterns

if TYPE_CHECKING:
    from extractors.read.attach import Mention


def pair_left_behind(
    sentence: str,
    values: list[tuple[int, int, str]],
    per_arm: list[int],
    index: int,
    mentions: list[Mention],
    experimental: str | None,
) -> tuple[str, ...]:
    """The two arms of the comparison the value at ``index`` trails in a clause of its own, or () when
    it does not: the arm nearest before it follows the second of two values compared ("versus"), and a
    new clause (", with", "; and") opens after that arm. The first value's arm is the one named
    between the two, else ``experimental`` (the arm a "X versus Y on sunitinib" pair gives X)."""
    start = values[index][0]
    named = [m for m in mentions if m.end <= start and not m.names]
    if not named or not patterns.NEW_STATEMENT.match(sentence, named[-1].end):
        return ()
    second_arm = named[-1]
    earlier = [values[i] for i in per_arm if i < index and values[i][1] <= second_arm.start]
    if len(earlier) < 2 or not _follows(sentence, earlier[-1][1], second_arm):
        return ()
    first, second = earlier[-2], earlier[-1]
    if not patterns.VERSUS.search(sentence, first[1], second[0]):
        return ()
    between = [m for m in named if first[1] <= m.start and m.end <= second[0]]
    first_arm = between[-1].name if between else experimental
    if first_arm is None or first_arm == second_arm.name:
        return ()
    return (first_arm, second_arm.name)


def _follows(sentence: str, end: int, mention: Mention) -> bool:
    """The arm is the value's: "27.1% on sunitinib", "55.7% of patients on the combination"."""
    gap = sentence[end : mention.start]
    return mention.phrase or not gap.strip() or bool(patterns.ARM_LINK_GAP.search(gap))
