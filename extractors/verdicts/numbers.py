"""Verdicts on numeric claims: medians, rates, hazard ratios, risk reductions, counts, p-values.

A numeric claim is checked only against measurements of its own frame: the same statistic,
endpoint, arm and population (a number is never supported by a coincidental match in an
unrelated row). When the frame's value differs, the other frames say what went wrong: the value
belongs to the other arm (``swapped_arms``), to another subgroup (``wrong_population``), to
another endpoint (``wrong_endpoint``), or is the right number in the wrong unit
(``wrong_unit``); otherwise it is a ``wrong_value``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from extractors.records import Claim, Measurement
from extractors.text import numbers as printed
from extractors.text.names import arm_mentions
from extractors.verdicts import matching
from extractors.verdicts.describe import contradicted, corrected, describe, said, unverifiable, where

# Which measurement statistic a claim's statistic is checked against.
FAMILY = {"median": "median", "rate": "rate", "hr": "hr", "risk_reduction": "hr", "n": "n", "p": "p"}


def check_number(claim: Claim, measurements: tuple[Measurement, ...]) -> Claim:
    """The verdict on a numeric claim, in the trial it names, else in the one trial whose frame agrees."""
    assert claim.value is not None and claim.raw is not None
    decimals = printed.decimals(claim.raw)
    family = FAMILY[claim.statistic or ""]
    says = said(claim)
    # an adverse-reaction table ("Diarrhea, all grades 47%", its safety population's Ns) answers only
    # a claim about that reaction: hundreds of its numbers would otherwise turn a coincidental efficacy
    # number into a "wrong endpoint", and its Ns would join the randomized arms' in a total
    graded = {(m.source, m.table) for m in measurements if m.grade is not None}
    pool = tuple(
        m
        for m in measurements
        if m.statistic == family
        and matching.same_kind_of_value(claim, m)
        and ((m.source, m.table) not in graded or (m.endpoint is not None and m.endpoint == claim.endpoint))
    )
    everything = pool
    if claim.trial and pool:
        pool = matching.of_trial(claim.trial, pool)
        if not pool:
            return unverifiable(
                claim, f"The article says {says} about {claim.trial}; the sources report no {family} for that trial."
            )
    if not pool:
        return unverifiable(claim, f"The article says {says}; the sources state no {family} to check it against.")
    trials = sorted({matching.trial_key(m) for m in pool})
    if len(trials) > 1:
        return _check_across_trials(claim, pool, trials)
    result = _check_in_trial(claim, pool)
    if result.kind == "wrong_value" and claim.trial:
        elsewhere = [
            m
            for m in everything
            if m not in pool
            and m.endpoint == claim.endpoint
            and (family in {"hr", "p"} or claim.arm is None or matching.same_arm(claim.arm, m))
            and matching.matches(claim, m, decimals)
        ]
        if elsewhere:
            m = elsewhere[0]
            return replace(
                result,
                kind="wrong_trial",
                explanation=result.explanation.replace("Contradicted (wrong value)", "Contradicted (wrong trial)", 1)
                + f" {claim.raw} is the label's {describe(m)} in {m.trial} ({where(m)}), not {claim.trial}'s.",
            )
    return result


def _check_across_trials(claim: Claim, pool: tuple[Measurement, ...], trials: list[str]) -> Claim:
    """A claim that names no trial, against a label with several: supported if one trial's frame
    agrees; judged in the one trial that has its frame; otherwise unverifiable, naming the trials."""
    results = {
        trial: _check_in_trial(claim, tuple(m for m in pool if matching.trial_key(m) == trial)) for trial in trials
    }
    for trial, result in results.items():
        if result.verdict == "supported":
            named = result.evidence.trial if result.evidence else None
            return replace(result, trial=named, explanation=f"{result.explanation} (Trial: {named or trial}.)")
    # With no trial named, a value that fits no trial is not called wrong: it may come from another study.
    return unverifiable(
        claim,
        f"The article says {said(claim)} without naming which trial; the label reports several ({', '.join(t or 'unnamed' for t in trials)}) "
        "and the value agrees with none of them.",
    )


@dataclass(frozen=True, slots=True)
class _Frame:
    """The statistic, population, endpoint and arm a claim's value is about."""

    family: str
    population: str | None
    endpoint: str | None
    arm: str | None

    @property
    def arm_free(self) -> bool:
        return self.family in {"hr", "p"}  # between the arms: no arm to match

    def holds(self, m: Measurement, *, arm: bool = True, pop: bool = True, end: bool = True) -> bool:
        """Whether ``m`` is in the frame, leaving out the arm, population or endpoint when told."""
        if pop and m.population != self.population:
            return False
        if end and self.family != "n" and m.endpoint != self.endpoint:
            return False
        return not (arm and not self.arm_free and self.arm is not None and not matching.same_arm(self.arm, m))


def _check_in_trial(claim: Claim, pool: tuple[Measurement, ...]) -> Claim:
    """The verdict of a numeric claim against the measurements of one trial."""
    assert claim.value is not None
    family = FAMILY[claim.statistic or ""]
    known, population = matching.claim_population(claim, pool)
    if not known:
        return unverifiable(
            claim, f"The article says {said(claim)} in the {population}; the sources report no such population."
        )
    claim = replace(claim, population=population)  # the population as the label names it
    endpoint = claim.endpoint
    if endpoint is None and family != "n":
        endpoints = {m.endpoint for m in pool}
        if len(endpoints) != 1:
            return unverifiable(claim, f"The article says {said(claim)} without naming the endpoint.")
        endpoint = next(iter(endpoints))
    frame = _Frame(family, population, endpoint, claim.arm)
    in_frame = [m for m in pool if frame.holds(m)]
    if family == "n" and claim.arm is None:
        return _check_total(claim, in_frame)
    return _supported(claim, in_frame, frame) or _where_it_belongs(claim, pool, in_frame, frame)


def _supported(claim: Claim, in_frame: list[Measurement], frame: _Frame) -> Claim | None:
    """Supported when a measurement of the frame agrees; None when none does."""
    decimals = printed.decimals(claim.raw or "")
    sentence_names_arms = bool(matching.drugs_named(claim.text) or arm_mentions(claim.text))
    for m in in_frame:
        if (
            claim.arm is None
            and not frame.arm_free
            and sentence_names_arms
            and not matching.arm_is_named(m.arm, claim.text)
        ):
            continue  # "11.4 months for GC" in a sentence on erlotinib: not the label's osimertinib arm
        if matching.matches(claim, m, decimals):
            note = ""
            if claim.arm is None and not frame.arm_free:
                note = f" The article does not name the arm; the value is the {m.arm} arm's."
            return replace(
                claim,
                verdict="supported",
                evidence=m,
                explanation=f"Supported: the article says {said(claim)}; the label gives {describe(m)} in {where(m)}.{note}",
            )
    return None


def _where_it_belongs(claim: Claim, pool: tuple[Measurement, ...], in_frame: list[Measurement], frame: _Frame) -> Claim:
    """Not in its frame: the frame whose value the number is (another arm, population, endpoint or
    unit), else a wrong value against the frame's own."""
    decimals = printed.decimals(claim.raw or "")
    # the frame's value: the one measurement, else the one printed in a table (prose often repeats or
    # adds sensitivity analyses), else any when the claim names no arm
    tabled = [m for m in in_frame if m.table]
    target = in_frame[0] if len(in_frame) == 1 else tabled[0] if len(tabled) == 1 else None
    if target is None and in_frame and claim.arm is None:
        target = in_frame[0]
    checks: list[tuple[str, Callable[[Measurement], bool]]] = [
        (
            "wrong_unit",
            lambda m: (
                frame.holds(m)
                and matching.unit_of(m) not in {None, claim.unit}  # a label value with no unit printed cannot say
                and matching.agree(claim.value or 0, decimals, m.value or 0, printed.decimals(m.raw))
            ),
        ),
        (
            # the claim's arm must be one of the trial's: an arm the label does not name ("T-DXd") is
            # not the other arm
            "swapped_arms",
            lambda m: (
                frame.holds(m, arm=False)
                and not frame.arm_free
                and not matching.same_arm(claim.arm, m)
                and any(matching.same_arm(claim.arm, other) for other in pool)
            ),
        ),
        ("wrong_population", lambda m: frame.holds(m, pop=False) and m.population != frame.population),
        ("wrong_endpoint", lambda m: frame.holds(m, end=False) and m.endpoint != frame.endpoint),
    ]
    if frame.family == "p":
        checks = []  # "p<0.001" holds for many rows: it cannot say which one it was taken from
    for kind, belongs in checks:
        for m in pool:
            if m.value is None or not belongs(m):
                continue
            if kind != "wrong_unit" and not matching.matches(claim, m, decimals):
                continue
            return contradicted(claim, kind, m, target)
    if target is None:
        return unverifiable(
            claim,
            f"The article says {said(claim)}; the sources report no {frame.endpoint or ''} {frame.family} for "
            f"{claim.arm or 'this arm'} ({frame.population or 'overall ITT'}).".replace("  ", " "),
        )
    return contradicted(claim, "wrong_value", None, target)


def _check_total(claim: Claim, rows: list[Measurement]) -> Claim:
    """A count with no arm: the number randomized, the sum of the arms' N (or one arm's N)."""
    assert claim.value is not None
    decimals = printed.decimals(claim.raw or "")
    says = said(claim)
    if not rows:
        return unverifiable(claim, f"The article says {says}; the sources give no N for this population.")
    # one set of arms: the first table's, its header Ns or else its first endpoint's block ("N | 261 |
    # 263" under PFS, not with "N | 248 | 241" under ORR)
    rows = sorted(rows, key=lambda m: m.span)
    first = rows[0]
    block = [m for m in rows if m.source == first.source and m.table == first.table and m.endpoint == first.endpoint]
    rows = block or rows
    total = sum(m.value or 0 for m in rows)
    arms = " + ".join(f"{m.raw} ({m.arm})" for m in rows)
    if matching.agree(claim.value, decimals, total, 0):
        return replace(
            claim,
            verdict="supported",
            evidence=rows[0],
            explanation=f"Supported: the article says {says}; the label's arms sum to {arms} = {total:g} in {where(rows[0])}.",
        )
    for m in rows:
        if m.value is not None and matching.agree(claim.value, decimals, m.value, 0):
            return replace(
                claim,
                verdict="supported",
                evidence=m,
                explanation=f"Supported: the article says {says}; the label gives {describe(m)} in {where(m)}.",
            )
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_value",
        evidence=rows[0],
        explanation=(
            f"Contradicted (wrong value): the article says {says}; the label's arms are {arms} = {total:g} "
            f"patients in {where(rows[0])}. Corrected: '{corrected(claim, f'{total:g}')}'"
        ),
    )
