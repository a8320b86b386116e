"""Claims whose own words leave part of their quantity unsaid, so the label cannot contradict them.

A subgroup named by a marker's status the label does not report ("Node-positive patients", "In
HRD-negative tumours") is not judged by the overall value or another subgroup's; an endpoint the
value's own clause does not name ("… and 7% saw their tumors disappear completely" after "Tumors
shrank in 28%") is not the endpoint of the clause before it. A count of events that differs from the
label's may be another data cut's, and a trial's total is not judged by one subgroup's Ns.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from extractors.records import Claim, Measurement
from extractors.text import numbers as printed
from extractors.text import vocabulary
from extractors.text.facts import per_document
from extractors.text.patterns import build
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts import matching, quantity
from extractors.verdicts.describe import describe, label_reports, said, unverifiable, where
from extractors.verdicts.quantity import LabelView

if TYPE_CHECKING:
    from extractors.verdicts.in_trial import Frame

# Kinds where the number itself ties the claim to its endpoint's row: the same number in another unit,
# the other arm's number, the ratio turned upside down.
TIED = frozenset({"wrong_unit", "swapped_arms", "inverted_ratio"})

# Statistics between the arms, which a label's prose states for a whole trial ("HR 0.76"): those an
# overall figure with no endpoint named may be (`_overall_unplaced`).
_BETWEEN_ARMS = frozenset({"hr", "or"})


def subgroup_unsaid(result: Claim, frame: Frame, view: LabelView) -> Claim:
    """A claim the label's populations did not place is not contradicted when its sentence names,
    before its value, a marker's status ("HRD-negative tumours", "Node-positive patients") that is
    none of the frame's subgroups nor the label's own population (a status its text names three times
    or more, "HER2-positive"): its figure is a subgroup's the label does not report, and a subgroup's
    value is never judged by the overall one or another subgroup's. Nor is a figure that names no
    subgroup judged by the only subgroups the label gives it for (`_subgroups_only`): a count of a
    whole trial by the arm Ns of the only subgroup the label counts, an overall response rate by a
    subgroup's ("Tumors shrank in 32% of letrozole patients" against FEMARA's Table 13 of patients
    with prior antiestrogen therapy)."""
    if frame.population is not None or result.kind in TIED:
        return result
    unplaced = _overall_unplaced(frame, view) if frame.any_population and result.verdict == "supported" else ()
    if result.verdict != "contradicted" and not unplaced:
        return result
    unplaced = unplaced or (_overall_unplaced(frame, view) if frame.any_population else ())
    if unplaced:
        return unverifiable(
            result,
            f"The article says {said(result)}, naming no subgroup; the label gives this figure for subgroups "
            f"only, and an overall one ({', '.join(m.raw for m in unplaced)}, {where(unplaced[0])}) in words that "
            "do not name its endpoint: a subgroup's figure is not held for or against an overall one.",
        )
    if frame.any_population and frame.family == "n":  # "796 men" against a subgroup's arm Ns only
        return unverifiable(
            result,
            f"The article says {said(result)}{label_reports(frame.rows, None, frame.family)}: counts of a subgroup, "
            "not of the whole trial.",
        )
    if frame.any_population and _subgroups_only(frame, view):
        return unverifiable(
            result,
            f"The article says {said(result)}, naming no subgroup, and the label gives this figure only for "
            f"subgroups, which are never held against an overall one{label_reports(frame.rows, frame.endpoint, frame.family)}.",
        )
    end = (result.value_span or result.span)[1] - result.span[0]
    keys = " ".join(matching.population_key(m.population) or "" for m in frame.rows).replace(" ", "-")
    statuses = [
        status
        for status in dict.fromkeys(_statuses_before(result.text, end))
        if status.replace(" ", "-") not in keys and view.mentions(status) < _LABEL_POPULATION_MENTIONS
    ]
    if not statuses:
        return result
    return unverifiable(
        result,
        f"The article says {said(result)} for {', '.join(statuses)} patients, a subgroup the label does not "
        f"report{label_reports(frame.rows, frame.endpoint, frame.family)}.",
    )


def _overall_unplaced(frame: Frame, view: LabelView) -> tuple[Measurement, ...]:
    """The trial's figures of the frame's statistic for no population and no endpoint the reader could
    name (XARELTO's COMPASS: "… reduced the risk of stroke, MI or CV death … (HR 0.76 …)", its tables by
    CAD and PAD only): the overall figure an article's may be."""
    first = frame.rows[0]
    if first.statistic not in _BETWEEN_ARMS:
        # an arm's count or share with no endpoint ("Sixty-five … patients") is no trial's overall result
        return ()
    trial = matching.trial_key(first)
    return tuple(
        m
        for m in view.measurements
        if m.statistic == first.statistic
        and m.population is None
        and m.endpoint is None
        and m.value is not None
        and matching.trial_key(m) == trial
    )


def _subgroups_only(frame: Frame, view: LabelView) -> bool:
    """Whether the frame's populations are subgroups an overall figure is none of: several of them
    (XARELTO's COMPASS by CAD and PAD), or one whose arms the label counts at under half the trial's
    overall arms (FEMARA's 84 of P025's 458 with prior antiestrogen therapy). One population the label
    counts at most of the trial, or does not count, is the trial's main analysis ("Cohort 1", 5120 of
    monarchE's 5637; "Intermediate/Poor-Risk", 847 of 1096): its figures judge the article's."""
    keys = {matching.population_key(m.population) or "" for m in frame.rows}
    if len(keys) != 1:
        return len(keys) > 1
    key = keys.pop()
    trial = matching.trial_key(frame.rows[0])
    counts = [
        m for m in view.measurements if m.statistic == "n" and m.arm and m.value and matching.trial_key(m) == trial
    ]
    overall = [m.value or 0 for m in counts if m.population is None]
    own = [m.value or 0 for m in counts if (matching.population_key(m.population) or "").startswith(key)]
    return bool(overall and own) and 2 * max(own) < max(overall)


def _statuses_before(text: str, end: int) -> list[str]:
    """The marker statuses ``text`` names before ``end`` (a claim's value), in lower case. The sentence is
    searched once for all its claims; the part before ``end`` is searched alone only where that may read
    another way: a status found runs across ``end`` ("HER2-positive" cut inside), or a word is cut at
    ``end`` (every status ends in a letter, and ``end`` is a word's end to the search cut there)."""
    found = _statuses(text)
    if (end and (text[end - 1].isalnum() or text[end - 1] == "_")) or any(
        start < end <= stop for start, stop, _ in found
    ):
        return [match.group(0).lower() for match in patterns.STATUS_SUBGROUP.finditer(text, 0, end)]
    return [status for _, stop, status in found if stop < end]


@per_document
def _statuses(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group(0).lower()) for m in patterns.STATUS_SUBGROUP.finditer(text))


def events_agree_only(result: Claim) -> Claim:
    """A count of events supports or stays unverifiable: counts grow with every data cut, and an
    article's "44 deaths" differing from the label's is more often a later analysis than a misquote.
    The other arm's count is the exception: that is arms swapped, whatever the analysis."""
    if result.statistic != "events" or result.verdict != "contradicted" or result.evidence is None:
        return result
    if result.kind == "swapped_arms":
        return result  # the other arm's count is no later data cut
    return unverifiable(
        result,
        f"The article says {said(result)}; the label gives {describe(result.evidence)}"
        f" in {where(result.evidence)}. Event counts differ from one analysis to the next, so the article's may "
        "be from another data cut: it is not called wrong.",
    )


_LABEL_POPULATION_MENTIONS = 3  # a status a label names this often is its trial's population ("HER2-positive")


def names_endpoint_in_clause(claim: Claim) -> bool:
    """Whether the value's own clause (from the comma, semicolon or "and" before it to the one after
    it, or a table cell's column header) names the claim's endpoint, in the vocabulary's words or in
    the label's ("stroke" for the row "Stroke")."""
    if claim.value_span is None:
        return True
    start, end = claim.value_span[0] - claim.span[0], claim.value_span[1] - claim.span[0]
    left = max((m.end() for m in patterns.VALUE_CLAUSE_BREAK.finditer(claim.text, 0, start)), default=0)
    after = patterns.VALUE_CLAUSE_BREAK.search(claim.text, end)
    clause = f"{claim.column or ''} {claim.text[left : after.start() if after else len(claim.text)]}"
    if claim.endpoint in {code for code, _, _ in vocabulary.endpoint_mentions(clause, sentence=True)}:
        return True
    return bool(claim.endpoint) and build.with_plural((claim.endpoint or "").lower()).search(clause.lower()) is not None


def endpoint_outside_clause(claim: Claim, result: Claim) -> Claim:
    """Unverifiable: the value is the label's for another endpoint, and the claim's endpoint was read
    from another clause of its sentence, so the value's own endpoint is not known to be the claim's."""
    return unverifiable(
        claim,
        f"The article says {said(claim)}, but the clause of its value does not name {claim.endpoint} (it is "
        f"read from the words before it), and the label gives the value for another endpoint "
        f"({result.explanation.split('; ', 1)[-1].rstrip('.')}).",
    )


def other_analysis_agrees(claim: Claim, result: Claim, view: LabelView) -> Claim | None:
    """Unverifiable when a wrong value is the label's value of the same quantity in another of its
    tables: the same trial and population, a rate of an endpoint named alike ("Hemorrhagic" under
    the intent-to-treat stroke table, "Hemorrhagic stroke" in the on-treatment bleeding table). A
    label that states one quantity in two analyses cannot say which the article quotes; None otherwise."""
    target = result.evidence
    if result.kind != "wrong_value" or target is None or not target.endpoint or claim.value is None:
        return None
    words = set(patterns.POPULATION_TOKEN.findall(target.endpoint.lower()))
    decimals = printed.decimals(claim.raw or "")
    for m in matching.of_trial(target.trial or "", view.measurements) if target.trial else ():
        if m.table == target.table or not m.endpoint or m.value is None:
            continue
        if _KIN.get(m.statistic, m.statistic) != _KIN.get(target.statistic, target.statistic):
            continue
        other = set(patterns.POPULATION_TOKEN.findall(m.endpoint.lower()))
        alike = bool(words and other) and (words <= other or other <= words)
        if not alike or not matching.same_population(m.population, target.population):
            continue
        if matching.agree(claim.value, decimals, m.value, printed.decimals(m.raw)):
            return unverifiable(
                claim,
                f"The article says {said(claim)}; the label gives {describe(target)} in {where(target)}, and "
                f"{describe(m)} in {where(m)}: two analyses of this figure, and the article's agrees with the second.",
            )
    return None


_KIN = {"event_rate": "rate"}  # a yearly event rate and a share of patients are one figure in two tables


def death_unsaid(result: Claim) -> Claim:
    """A value supported by an endpoint its sentence does not name (taken from the context or from
    the value) is unverifiable when the sentence says it is about death ("a hazard ratio of 0.83 for
    death", "deaths from any cause") and the label's endpoint is not: the value then matches another
    quantity by chance."""
    evidence = result.evidence
    if result.verdict != "supported" or evidence is None or not patterns.DEATH_WORD.search(result.text):
        return result
    if evidence.endpoint == "OS" or patterns.DEATH_ENDPOINT.search(evidence.endpoint or ""):
        return result
    return unverifiable(
        result,
        f"The article says {said(result)} about death, and the label's {evidence.endpoint or 'figure'} of that "
        f"value ({describe(evidence)} in {where(evidence)}) is not a death endpoint; the sentence does not name "
        "the label's endpoint, so the match may be chance.",
    )


_UNREAD_REACH = 2000  # characters from the trial's last read result that an unread number may lie


def agreeing_or_unread(claim: Claim, result: Claim, view: LabelView) -> Claim | None:
    """What a wrong value or another analysis's figure is instead, if anything: the label's figure of the
    analysis the article names (`other_analysis_agrees`, wrong values only), or a figure printed unread."""
    if result.kind == "wrong_value":
        agrees = other_analysis_agrees(claim, result, view)
        if agrees is not None:
            return agrees
    return printed_unread(claim, result, view)


def printed_unread(claim: Claim, result: Claim, view: LabelView) -> Claim | None:
    """Unverifiable when a wrong p-value is printed, unread, among the same trial's results in the
    label (a table cell the reader could not attribute: "Table 7 … 0.87 (0.76, 0.99) 0.03"): a trial
    reports p-values for several analyses and rows, so the article's may be the label's own for
    another; it is not called wrong on what was read alone. Only p-values: a value of another kind
    printed somewhere nearby is too often chance (measured: 8 of 199 planted misquotes lost). None
    otherwise. Also a hazard ratio said of another assessment than the label's figure ("Investigator-assessed
    … (HR 0.37)" where LENVIMA's prose gives the independent review's 0.43 and its Table 16, per investigator
    assessment, prints 0.37 in a row not read): the label may well give it, so it is no other analysis's."""
    target = result.evidence
    other_reading = (
        result.kind == "other_analysis"
        and claim.statistic == "hr"
        and target is not None
        and quantity.claim_assessment(claim) not in {None, target.assessment}
    )
    wrong_p = result.kind == "wrong_value" and claim.statistic == "p"
    if not (wrong_p or other_reading) or target is None or not target.trial or not claim.raw:
        return None
    text = view.texts.get(target.source, "")
    read = sorted((m for m in view.measurements if m.source == target.source), key=lambda m: m.span[0])
    starts = [m.span[0] for m in read]
    for found in build.printed_number(claim.raw).finditer(text):
        if _covered(found.start(), read):
            continue
        before = bisect.bisect_right(starts, found.start()) - 1
        if before < 0 or read[before].trial != target.trial or found.start() - starts[before] > _UNREAD_REACH:
            continue
        shown = " ".join(text[max(0, found.start() - 60) : found.end() + 20].split())
        return unverifiable(
            claim,
            f"The article says {said(claim)}; the label gives {describe(target)} in {where(target)}, but it also "
            f"prints {claim.raw} among {target.trial}'s results where trialproof read no value "
            f"(characters {found.start()}–{found.end()}: \"…{shown}…\"): the article's figure may be the label's own "
            "for another analysis or row, so it is not called wrong.",
        )
    return None


def _covered(position: int, read: list[Measurement]) -> bool:
    """Whether a value or CI read from the label covers ``position``."""
    return any(
        m.span[0] <= position < m.span[1] or (m.ci_span is not None and m.ci_span[0] <= position < m.ci_span[1])
        for m in read
    )
