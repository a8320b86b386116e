"""Which arm a value belongs to: the drug or control named with it in its sentence."""

from __future__ import annotations

from dataclasses import replace

from extractors.claims import rules
from extractors.claims.sentences import Number, Sentence
from extractors.records import Claim
from extractors.text import reach, vocabulary
from extractors.text.names import arm_mentions
from extractors.text.patterns import claims as patterns


def arm_of(masked: str, numbers: list[Number], index: int) -> str | None:
    """The arm a value belongs to: named right after it ("4.6 months for pazopanib"), else before."""
    start, end = numbers[index].start, numbers[index].end
    mentions = arm_mentions(masked)
    next_start = numbers[index + 1].start if index + 1 < len(numbers) else len(masked)
    previous_end = numbers[index - 1].end if index > 0 else 0
    after = [m for m in mentions if end <= m[0] < next_start]
    before = [m for m in mentions if previous_end <= m[0] and m[1] <= start]
    if after:
        gap = masked[end : after[0][0]]
        if rules.phrases("arm_link_words").search(gap) or not before:
            return after[0][2]
    if before:
        gap = masked[before[-1][1] : start]
        # "compared to EGFR-TKIs (gefitinib or erlotinib) with a median of 18.9 months": a drug named
        # as the comparison, or inside brackets closed before the value, is not the value's arm.
        compared = patterns.COMPARISON_WORD.search(
            rules.before(masked, before[-1][0], reach.before("comparison_before_arm"))
        )
        closed = gap.count(")") > gap.count("(")
        as_comparator = compared is not None and len(gap) > reach.before("comparator_arm_gap")
        if len(gap) <= reach.before("arm_before_value") and not closed and not as_comparator:
            return before[-1][2]
    return after[0][2] if after else None


def both_arms_after(masked: str, end: int) -> bool:
    """ "… to pazopanib or placebo": the arm after a count is one of two joined arms."""
    mentions = [m for m in arm_mentions(masked) if m[0] >= end]
    return len(mentions) >= 2 and bool(patterns.ARMS_JOINED.fullmatch(masked[mentions[0][1] : mentions[1][0]]))


def first_drug(masked: str) -> str | None:
    """The first drug (not a control arm) the sentence names: the subject of a ratio or a statement."""
    for _start, _end, arm in arm_mentions(masked):
        if arm not in vocabulary.control_arms():
            return arm
    return None


def dose_drug(masked: str, start: int) -> str | None:
    """The drug a dose is of: named just before the dose ("pazopanib 800 mg")."""
    mentions = [m for m in arm_mentions(masked[:start]) if m[2] not in vocabulary.control_arms()]
    return mentions[-1][2] if mentions else first_drug(masked)


def respectively(sentence: Sentence, claims: list[Claim]) -> list[Claim]:
    """ "4.6 and 1.6 months for pazopanib and placebo, respectively": arms in order."""
    if not patterns.RESPECTIVELY.search(sentence.masked) or len(claims) < 2:
        return claims
    last_value = max((c.value_span or c.span)[1] for c in claims) - sentence.span[0]
    arms = [m[2] for m in arm_mentions(sentence.masked[last_value:])]
    groups: dict[str | None, list[int]] = {}
    for position, claim in enumerate(claims):
        if claim.statistic in {"median", "rate", "n"}:
            groups.setdefault(claim.statistic, []).append(position)
    result = list(claims)
    for positions in groups.values():
        if len(positions) == len(arms):
            for position, arm in zip(positions, arms, strict=True):
                result[position] = replace(result[position], arm=arm)
    return result
