"""Where a claim's number belongs when it is not its frame's value, and what kind of error that is.

Each rule names a kind an editor can act on: the other arm's value (``swapped_arms``), another
population's (``wrong_population``) or endpoint's (``wrong_endpoint``), the right number in the
wrong unit (``wrong_unit``), the hazard ratio turned upside down with its interval
(``inverted_ratio``), or a figure of another analysis than the label's, which the article names
(``other_analysis``: it may be the publication's figure, not a misquote).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from extractors.records import Claim, Measurement, replace
from extractors.text import numbers as printed
from extractors.text import vocabulary
from extractors.text.names import arm_mentions, canonical_arm
from extractors.text.patterns import prose as prose_patterns
from extractors.verdicts import matching, quantity
from extractors.verdicts.arms import is_arm, read_arm
from extractors.verdicts.describe import contradicted, describe, said, supported, where
from extractors.verdicts.quantity import LabelView

if TYPE_CHECKING:
    from extractors.verdicts.in_trial import Frame


def belongs_elsewhere(
    claim: Claim, pool: tuple[Measurement, ...], frame: Frame, target: Measurement | None, view: LabelView
) -> Claim | None:
    """The kind of error when the claim's number is the label's value of a neighbouring quantity."""
    decimals = printed.decimals(claim.raw or "")
    inverted = _inverted(claim, frame, decimals)
    if inverted is not None:
        return inverted
    same = frame.modifiers

    def neighbour(m: Measurement, *, pop: bool = True, end: bool = True, arm: bool = True) -> bool:
        """``m`` is of the claim's frame except where told to leave out its population, endpoint or arm."""
        if view.modifiers(m) != same:
            return False
        if pop and not frame.any_population and not matching.same_population(m.population, frame.population):
            return False
        if end and frame.family != "n" and m.endpoint != frame.endpoint:
            return False
        return not (arm and frame.arm.settled and not frame.between_arms and not is_arm(frame.arm, m.arm))

    checks: list[tuple[str, Callable[[Measurement], bool]]] = [
        (
            "wrong_unit",
            lambda m: (
                neighbour(m)
                and matching.unit_of(m) not in {None, claim.unit}
                and matching.agree(claim.value or 0, decimals, m.value or 0, printed.decimals(m.raw))
            ),
        ),
        (
            "swapped_arms",  # only when the article's arm is unambiguously the other label arm
            lambda m: (
                frame.arm.unambiguous
                and not frame.between_arms
                and neighbour(m, arm=False)
                and not is_arm(frame.arm, m.arm)
                and target is not None
                and target.value != m.value
            ),
        ),
        (
            "wrong_population",
            lambda m: (
                not frame.any_population
                and neighbour(m, pop=False)
                and not matching.same_population(m.population, frame.population)
            ),
        ),
        (
            "wrong_endpoint",  # only for an endpoint the vocabulary or the label knows: "UA/NSTEMI: CV death,
            # MI or stroke", an article table's row the reader kept whole, may be the label's own row named otherwise
            lambda m: (
                m.endpoint is not None
                and _known_endpoint(frame.endpoint, pool)
                and neighbour(m, end=False)
                and m.endpoint != frame.endpoint
                and not kin_endpoints(m.endpoint, frame.endpoint)
                # "24-mo OS rate 31%" where the label gives no OS rate at all: a partial-response rate of
                # 31% is a coincidence, not the figure misplaced
                and (frame.family != "rate" or any(r.endpoint == frame.endpoint for r in pool))
            ),
        ),
    ]
    if frame.family == "p":
        return None  # "p<0.001" holds for many rows: it cannot say which one it was taken from
    for kind, belongs in checks:
        for m in pool:
            if m.value is None or not belongs(m):
                continue
            if kind != "wrong_unit" and not matching.matches(claim, m, decimals):
                continue
            return contradicted(claim, kind, m, target)
    return None


def kin_endpoints(one: str | None, other: str | None) -> bool:
    """Whether two endpoint names are one endpoint, one qualified: "rPFS" (radiographic) and the PFS of
    a label that reads it so, "clinical remission" and HUMIRA's row "Induction of Clinical Remission
    (Clinical Remission at Week 8)"; a value of one is no misquote of the other's. A composite that
    names it among others ("Stroke, MI or CV death") is another endpoint."""
    a, b = (one or "").lower(), (other or "").lower()
    if not (a and b) or a == b:
        return False
    if a.endswith(b) or b.endswith(a):
        return True
    shorter, longer = sorted((a, b), key=len)
    if any(joint in longer for joint in (",", " or ", " and ", "/", "+", " vs")):
        return False
    return _within(_word_list(shorter), _word_list(longer))


def _word_list(name: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in name).split()


def _within(part: list[str], whole: list[str]) -> bool:
    """Whether ``part``'s words are a run of ``whole``'s."""
    return bool(part) and any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


def _inverted(claim: Claim, frame: Frame, decimals: int) -> Claim | None:
    """ "HR 1.80 (1.39, 2.33)" where the label gives 0.556 (0.429, 0.720): 1/HR, its CI inverted too."""
    if claim.statistic != "hr" or claim.value is None or claim.value <= 0:
        return None
    for m in frame.rows:
        if m.value is None or m.value <= 0 or claim.value <= 0:
            continue
        inverse = 1 / m.value
        if not matching.agree(claim.value, decimals, inverse, decimals):
            continue
        if (
            claim.ci_low
            and claim.ci_high
            and m.ci_low
            and m.ci_high
            and not (
                matching.agree(claim.ci_low, 2, 1 / m.ci_high, 2) and matching.agree(claim.ci_high, 2, 1 / m.ci_low, 2)
            )
        ):
            continue
        if _control_first(claim, m):
            return supported(
                claim,
                m,
                f" The article compares the arms the other way round ({m.comparator or 'the control'} vs {m.arm}): "
                f"1/{m.raw} = {inverse:.2f}.",
            )
        explanation = (
            f"Contradicted (inverted ratio): the article says {said(claim)}; the label gives {describe(m)} in "
            f"{where(m)}. 1/{m.raw} = {inverse:.2f} is the ratio of {m.comparator or 'the control'} vs {m.arm}, "
            "the other way round from the article's words, and a ratio above 1 reads as harm where the label "
            "shows benefit."
        )
        return replace(claim, verdict="contradicted", kind="inverted_ratio", evidence=m, explanation=explanation)
    return None


def _control_first(claim: Claim, m: Measurement) -> bool:
    """Whether the claim's clause names the label's control arm before its experimental one ("patients
    on chemotherapy had a hazard ratio of 1.43 compared with those on Padcev"): a ratio stated that
    way round is the label's turned upside down, rightly."""
    clause = quantity.claim_from_clause(claim)
    order = []
    for _start, _end, name in sorted(arm_mentions(clause)):
        reading = read_arm(name, [m.arm, m.comparator])
        if reading.settled:
            order.append(reading.arm)
    named = [arm for arm in dict.fromkeys(order)]
    return len(named) >= 2 and named[0] == canonical_arm(m.comparator) and named[1] == canonical_arm(m.arm)


def other_analysis(
    claim: Claim, target: Measurement, view: LabelView, others: tuple[Measurement, ...] = ()
) -> Claim | None:
    """The article names an analysis or assessment the label's value is not: a wrong value only
    perhaps — the figure may be the publication's (a later data cut, the investigators' reading)."""
    said_analysis = quantity.claim_analysis(claim)
    label_analysis = view.analysis(target)
    said_assessment = quantity.claim_assessment(claim)
    differs = said_analysis is not None and said_analysis != label_analysis
    differs_assessment = said_assessment is not None and target.assessment not in {None, said_assessment}
    if not (differs or differs_assessment):
        return None
    if differs:
        article_side = f"the {said_analysis} analysis"
        label_side = f"the {label_analysis} analysis" if label_analysis else "a figure of the analysis it reports"
    else:
        article_side = f"the {said_assessment} assessment"
        label_side = f"the {target.assessment} assessment"
    result = (
        contradicted(claim, "other_analysis", None, None, others=others)
        if others
        else contradicted(claim, "other_analysis", None, target)
    )
    note = (
        f" The article gives {article_side}; the label gives {label_side}. The figure may be the "
        "publication's, not a misquote: cite the analysis it comes from, or the label's."
    )
    return replace(result, explanation=result.explanation + note)


_LATER = frozenset({"final", "updated"})  # analyses after the first: a label's "updated" OS is often its final


def earlier_figure(claim: Claim, result: Claim, pool: tuple[Measurement, ...], view: LabelView) -> Claim | None:
    """Contradicted (other analysis) when a value the label gives for one analysis is said of another
    analysis whose figure the label also gives: "At the final analysis, the overall survival hazard
    ratio was 0.60" where the label's 0.60 is the interim analysis and its updated (final) one 0.70."""
    given = result.evidence
    assessed = _other_assessment(claim, result, pool, view)
    if assessed is not None:
        return assessed
    said_analysis = quantity.claim_analysis(claim)
    if result.verdict != "supported" or given is None or said_analysis is None or claim.value is None:
        return None
    said_later, given_analysis = said_analysis in _LATER, view.analysis(given)
    if said_analysis == given_analysis or (said_later and given_analysis in _LATER):
        return None
    if not said_later and given_analysis not in _LATER:
        return None  # "at the interim analysis": a figure of no named analysis may well be the interim one
    decimals = printed.decimals(claim.raw or "")
    for other in pool:
        analysis = view.analysis(other)
        if (
            other is given
            or other.value is None
            or (analysis in _LATER) != said_later
            or (not said_later and analysis not in {None, said_analysis})
            or (other.statistic, other.endpoint, canonical_arm(other.arm))
            != (given.statistic, given.endpoint, canonical_arm(given.arm))
            or not matching.same_population(other.population, given.population)
            or matching.agree(claim.value, decimals, other.value, printed.decimals(other.raw))
        ):
            continue
        found = contradicted(claim, "other_analysis", given, other)
        note = (
            f" The article gives the {said_analysis} analysis; the label's {analysis or 'first'} analysis gives "
            f"{other.raw}, and {claim.raw} is its figure of {f'the {given_analysis}' if given_analysis else 'an earlier'} "
            "analysis. The figure may be the "
            "publication's, not a misquote: cite the analysis it comes from, or the label's."
        )
        return replace(found, explanation=found.explanation + note)
    if said_later and given_analysis == "interim":
        # "the final analysis gave a hazard ratio of 0.65" where the label's 0.65 is its interim analysis
        # and it gives no later one: the article's analysis is not the label's
        return other_analysis(claim, given, view)
    return None


def _other_assessment(claim: Claim, result: Claim, pool: tuple[Measurement, ...], view: LabelView) -> Claim | None:
    """Contradicted (other analysis) when the value the label gives for one assessment is said of another
    and the label gives it for none of the claim's: "an investigator-assessed hazard ratio of 0.43" where
    LENVIMA's 0.43 is the independent review's (its investigator-assessed PFS hazard ratio is 0.37). Not
    where the label's own words for its value name the claim's assessment too (VERZENIO's Table 19 heads
    its columns "Investigator Assessed | Independent Review": which one a cell is, is the reading's guess)."""
    given = result.evidence
    said = quantity.claim_assessment(claim)
    if result.verdict != "supported" or given is None or said is None or given.assessment in {None, said}:
        return None
    words = _table_before(given, view) if given.table else view.words_of(given)
    if said in {assessment_named(found) for found in prose_patterns.ASSESSMENT.finditer(words)}:
        return None
    if claim.value is None:
        return None
    decimals = printed.decimals(claim.raw or "")
    if any(
        m.assessment == said
        and m.value is not None
        and matching.agree(claim.value, decimals, m.value, printed.decimals(m.raw))
        for m in pool
    ):
        return None  # the label gives the same figure for the claim's assessment too
    found = contradicted(claim, "other_analysis", None, given)
    return replace(
        found,
        explanation=found.explanation
        + f" The article gives the {said} assessment; {claim.raw} is the label's figure of the {given.assessment}"
        " assessment. The figure may be the publication's, not a misquote: cite the assessment it comes from, or"
        " the label's.",
    )


_TABLE_REACH = 3000  # characters from a table's caption to a cell, at most


def _table_before(m: Measurement, view: LabelView) -> str:
    """A table's text from its caption to the cell ``m`` (its header rows with it)."""
    text = view.texts.get(m.source, "")
    caption = text.rfind(m.table or "\0", max(0, m.span[0] - _TABLE_REACH), m.span[0])
    return text[caption if caption >= 0 else max(0, m.span[0] - _TABLE_REACH) : m.span[0]]


def assessment_named(found: regex.Match[str]) -> str:
    """ "BICR" or "investigator" for a match of `prose.ASSESSMENT`, as `names.assessment_of` names it."""
    return "BICR" if found.group("bicr") else "investigator"


def _known_endpoint(endpoint: str | None, pool: tuple[Measurement, ...]) -> bool:
    """Whether the claim's endpoint is one an editor can be told is another: a vocabulary endpoint
    ("PFS", "OS") or one of the label's own rows, not words the reader could not name."""
    return endpoint is not None and (
        bool(vocabulary.endpoint_phrases(endpoint)) or any(m.endpoint == endpoint for m in pool)
    )
