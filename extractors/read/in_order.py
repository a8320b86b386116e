"""Values whose arms come from the order the sentence names them in.

"5.7 and 5.8 months for the nivolumab and chemotherapy arms, respectively": the values and the arms
are listed in the same order. So are two arms compared before their values ("higher for the 600 mg
group than for the 400 mg group: hematologic response (75% vs 64%)"), and "4.6 vs 1.6 months" in a
sentence about one drug against its comparator (the drug first). "25.5 vs 16.7 months with
osimertinib plus chemotherapy vs osimertinib alone" says "respectively" without the word: the two
values and the two arms right after them are in the same order.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from extractors.text.patterns import statements as patterns

if TYPE_CHECKING:
    from extractors.read.attach import Mention

__all__ = ["compared_in_order", "listed_in_order", "paired", "respectively"]


def respectively(
    sentence: str, values: list[tuple[int, int, str]], per_arm: list[int], mentions: list[Mention]
) -> dict[int, str]:
    """ "… 5.7 and 5.8 months for the nivolumab and chemotherapy arms, respectively": arms in order."""
    word = patterns.RESPECTIVELY.search(sentence)
    if word is None or len(per_arm) < 2:
        return {}
    before = [values[i][1] for i in per_arm if values[i][1] <= word.start()]
    last_value_end = max(before) if before else 0
    listed = [m for m in mentions if last_value_end <= m.start < word.start()]
    arms = [name for m in listed for name in (m.names or (m.name,))]
    if len(arms) == 1 and listed[0].phrase:
        # "71 (12.8%) and 85 (15.4%) patients died in the Gleevec and IFN+Ara-C group, respectively":
        # one head noun shared by the arms of the list
        arms = [part for part in patterns.ARM_LIST_SPLIT.split(arms[0]) if part]
    elif len(arms) > 2 and listed:
        # "… for patients receiving OPDIVO and ipilimumab and platinum-doublet chemotherapy or
        # platinum-doublet chemotherapy, respectively": two arms whose names hold "and", split at "or"
        listing = patterns.ARM_TRIM.sub("", sentence[listed[0].start : word.start()].strip(" ,"))
        alternatives = patterns.OR_SPLIT.split(listing)
        arms = [" ".join(a.split()) for a in alternatives] if len(alternatives) == 2 else arms
    if len(arms) < 2:
        return {}
    groups: dict[str, list[int]] = {}
    for index in per_arm:
        if values[index][1] <= word.start():
            groups.setdefault(values[index][2], []).append(index)
    settled: dict[int, str] = {}
    for members in groups.values():
        if len(members) == len(arms):
            settled.update(zip(members, arms, strict=True))
    return settled


def compared_in_order(
    sentence: str, values: list[tuple[int, int, str]], per_arm: list[int], position: int, mentions: list[Mention]
) -> str | None:
    """ "higher for the 600 mg dose group than for the 400 mg group: hematologic response (75% vs 64%),
    major cytogenetic response (31% vs 19%)": each pair of values after two arms compared in the same
    order takes their arms in order."""
    index = per_arm[position]
    same = [i for i in per_arm if values[i][2] == values[index][2]]
    rank = same.index(index)
    pair: tuple[int, int] | None = None
    if rank + 1 < len(same) and patterns.VERSUS.search(sentence, values[index][1], values[same[rank + 1]][0]):
        pair = (index, same[rank + 1])
    elif rank and patterns.VERSUS.search(sentence, values[same[rank - 1]][1], values[index][0]):
        pair = (same[rank - 1], index)
    if pair is None:
        return None
    named = [m for m in mentions if m.end <= values[same[0]][0] and not m.names]
    if len(named) < 2 or not patterns.VERSUS.search(sentence, named[-2].end, named[-1].start):
        return None
    return named[-2].name if index == pair[0] else named[-1].name


def paired(
    sentence: str,
    values: list[tuple[int, int, str]],
    per_arm: list[int],
    position: int,
    ratio: tuple[str | None, str | None],
) -> str | None:
    """ "4.6 vs 1.6 months" in a sentence about one drug against its comparator: the drug first."""
    index = per_arm[position]
    same = [i for i in per_arm if values[i][2] == values[index][2]]
    # "HR 0.66 … with median survival of 15.6 months (…) and 10.9 months (…)": two values after a
    # ratio are the experimental arm's, then the control arm's
    two_after_ratio = len(same) == 2 and any(v[2] in {"hr", "or", "rr"} for v in values)
    joiner = patterns.PAIR_AND if two_after_ratio else patterns.VERSUS
    if position + 1 < len(per_arm):
        following = values[per_arm[position + 1]]
        if following[2] == values[index][2] and joiner.search(sentence, values[index][1], following[0]):
            return ratio[0]
    if position:
        preceding = values[per_arm[position - 1]]
        if preceding[2] == values[index][2] and joiner.search(sentence, preceding[1], values[index][0]):
            return ratio[1]
    return None


def listed_in_order(
    sentence: str, values: list[tuple[int, int, str]], per_arm: list[int], mentions: list[Mention]
) -> dict[int, str]:
    """ "25.5 vs 16.7 months with osimertinib plus chemotherapy vs osimertinib alone": two values of
    one statistic joined as a pair, and the two arms named right after them, are paired in order."""
    settled: dict[int, str] = {}
    for first, second in pairwise(per_arm):
        (_, first_end, statistic), (second_start, second_end, other) = values[first], values[second]
        if statistic != other or not patterns.PAIR_VALUES_JOIN.fullmatch(sentence, first_end, second_start):
            continue
        arms = _two_arms_after(sentence, second_end, mentions)
        if arms is not None:
            settled[first], settled[second] = arms
    return settled


def _two_arms_after(sentence: str, end: int, mentions: list[Mention]) -> tuple[str, str] | None:
    """The two arms named right after a pair of values, joined as a pair, and no third."""
    after = [m for m in mentions if m.start >= end]
    if not after or not patterns.PAIR_ARMS_LINK.fullmatch(sentence, end, after[0].start):
        return None
    if len(after[0].names) == 2:
        return after[0].names[0], after[0].names[1]  # "in the osimertinib plus chemotherapy and osimertinib arms"
    joined = [
        later
        for earlier, later in pairwise(after)
        if patterns.PAIR_ARMS_JOIN.fullmatch(sentence, earlier.end, later.start)
    ]
    if len(after) < 2 or after[1] not in joined:
        return None
    if len(after) > 2 and (
        after[2] in joined or patterns.ARM_LIST_COMMA.fullmatch(sentence, after[1].end, after[2].start)
    ):
        return None  # "with cabozantinib vs sunitinib, sorafenib or everolimus": a list, not a pair
    return after[0].name, after[1].name
