"""Verdicts on a numeric claim within one trial: the quantity it is about framed (`Frame`: statistic,
endpoint with its modifiers, population, arm) and the verdict in that frame.

`numbers.check_number` picks the trial and the label numbers a claim may be checked against; here
the claim's value is supported by a row of its frame, or placed where it belongs (another arm,
subgroup, endpoint, unit, analysis) by `elsewhere`, else contradicted as a wrong value. A claim that
names no endpoint takes the one whose value it is, if exactly one (`_endpoint_by_value`).
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.records import Claim, Measurement, replace
from extractors.text import numbers as printed
from extractors.text.names import canonical_arm
from extractors.text.patterns import verdicts as verdict_patterns
from extractors.text.patterns.responders import RESPONDER_POPULATION
from extractors.verdicts import derived, elsewhere, matching, quantity, significance, unsaid
from extractors.verdicts.arms import ArmReading, dose_of_dose_arms, is_arm, read_arm, role
from extractors.verdicts.describe import (
    contradicted,
    describe,
    label_reports,
    said,
    supported,
    unverifiable,
    where,
)
from extractors.verdicts.elsewhere_population import claim_population_in
from extractors.verdicts.quantity import LabelView

# Which measurement statistic a claim's statistic is checked against.
FAMILY = {
    "median": "median",
    "mean": "median",
    "rate": "rate",
    "hr": "hr",
    "rr": "rr",  # a relative risk, checked as a hazard ratio is (AMPLIFY's "relative risk 0.84")
    "risk_reduction": "hr",
    "n": "n",
    "events": "events",
    "difference": "difference",
    "p": "p",
    "event_rate": "event_rate",
    "rrr": "rrr",  # a relative risk reduction the label states as such (verify.stated_reduction)
}
BETWEEN_ARMS = {"hr", "rr", "p", "difference", "rrr"}


def _says_alone(claim: Claim) -> bool:
    """Whether the claim's arm is named as its drug on its own, in the value's clause."""
    if claim.value_span is None:
        return False
    return verdict_patterns.ALONE_AFTER.match(claim.text, claim.value_span[1] - claim.span[0]) is not None


@dataclass(frozen=True, slots=True)
class Frame:
    """The quantity a claim's value is about, and the label numbers of it (``rows``, every arm)."""

    family: str
    population: str | None
    any_population: bool  # the claim names none and the label gives none overall: any of its subgroups
    endpoint: str | None
    modifiers: frozenset[str]
    rows: tuple[Measurement, ...]
    arm: ArmReading

    @property
    def between_arms(self) -> bool:
        return self.family in BETWEEN_ARMS

    def of_arm(self) -> tuple[Measurement, ...]:
        """The rows a value of the claim may be supported by: those of the arms its name may mean
        (the settled one, and combinations it is a part of), all rows when it settles none."""
        if self.between_arms or not self.arm.settled:
            return self.rows
        return tuple(m for m in self.rows if canonical_arm(m.arm) in self.arm.may_mean)

    def target_rows(self) -> tuple[Measurement, ...]:
        """The rows of the claim's own arm: the label's value for its quantity; none when the arm is
        not settled and the frame has more than one."""
        if self.between_arms:
            return self.rows
        if self.arm.settled:
            return tuple(m for m in self.rows if is_arm(self.arm, m.arm))
        return self.rows if len({canonical_arm(m.arm) for m in self.rows}) == 1 else ()


def check_in_trial(claim: Claim, pool: tuple[Measurement, ...], view: LabelView, arm_hint: str | None) -> Claim:
    """The verdict of a numeric claim against the measurements of one trial."""
    family = FAMILY[claim.statistic or ""]
    subgroup = quantity.claim_subgroup(claim)
    if claim.population is None and subgroup is not None:
        claim = replace(claim, population=subgroup)
    known, population = claim_population_in(claim, pool, view)
    if not known:
        return unverifiable(
            claim,
            f"The article says {said(claim)} in the {population}; the label does not report that population"
            f"{label_reports(pool, claim.endpoint, family)}.",
        )
    claim = replace(claim, population=population)  # the population as the label names it
    endpoint = claim.endpoint
    if endpoint is None and family != "n":
        endpoints = {m.endpoint for m in pool}
        # a rate of what: a response, an adverse reaction? a median of no endpoint on both sides: a follow-up?
        if len(endpoints) != 1 or family == "rate" or (family == "median" and endpoints == {None}):
            return _endpoint_by_value(claim, pool, view, arm_hint) or unverifiable(
                claim, f"The article says {said(claim)} without naming the endpoint."
            )
        endpoint = next(iter(endpoints))
    same_endpoint = [m for m in pool if family == "n" or m.endpoint == endpoint]
    any_population = (
        population is None
        and bool(same_endpoint)
        and all(m.population for m in same_endpoint)
        # a share of responders ("85% of patients with ACR 20 responses … maintained") is no arm's rate
        and not any(RESPONDER_POPULATION.match(m.population or "") for m in same_endpoint)
        and not verdict_patterns.WHOLE_TRIAL.search(claim.text)  # "In the overall COMPASS trial": not a subgroup's
    )
    in_population = [m for m in same_endpoint if any_population or matching.same_population(m.population, population)]
    modifiers = quantity.claim_modifiers(claim)
    rows = tuple(m for m in in_population if view.modifiers(m) == modifiers)
    only_analysis = quantity.only_analysis(in_population, view) if not rows and not modifiers else frozenset()
    if only_analysis:  # the article names no analysis; the label gives this quantity in one analysis only
        rows = tuple(m for m in in_population if view.modifiers(m) == only_analysis)
    if not rows and (modifiers or in_population):
        what = " ".join(sorted(modifiers)) or "that"
        return unverifiable(
            claim,
            f"The article says {said(claim)}, a {what} figure the label does not report"
            f"{label_reports(tuple(in_population), endpoint, family)}.",
        )
    frame = Frame(family, population, any_population, endpoint, modifiers, rows, _arm_reading(claim, rows, arm_hint))
    result = unsaid.subgroup_unsaid(_judge_in_frame(claim, pool, frame, view, arm_hint), frame, view)
    if only_analysis and result.verdict in {"supported", "contradicted"}:
        analysis = " and ".join(sorted(only_analysis))
        return replace(
            result, explanation=f"{result.explanation} (The label gives this figure in its {analysis} analysis only.)"
        )
    return result


def _arm_reading(claim: Claim, rows: tuple[Measurement, ...], arm_hint: str | None) -> ArmReading:
    """Which of the rows' arms the claim's arm is (none for a statistic between arms)."""
    if FAMILY[claim.statistic or ""] in BETWEEN_ARMS:
        return ArmReading(None, "none")
    reading = read_arm(arm_hint or claim.arm, [m.arm for m in rows])
    if reading.how == "exact" and _says_alone(claim):
        # "2.4 months with trifluridine/tipiracil alone": that arm, not the combinations it is part of
        reading = ArmReading(reading.arm, "exact", (reading.arm,) if reading.arm else ())
    return reading


def _judge_in_frame(
    claim: Claim, pool: tuple[Measurement, ...], frame: Frame, view: LabelView, arm_hint: str | None
) -> Claim:
    """The verdict once the claim's quantity is framed: a total, another trial's arm, a derived
    figure, an arm the label has no row for, else supported or where the number belongs."""
    if frame.family == "n":
        frame = replace(frame, rows=derived.randomized_rows(claim, frame.rows, view))
        total = derived.check_total(claim, list(frame.rows), view)
        if claim.arm is None or total.verdict == "supported":
            return total  # "MONALEESA-7 enrolled 672 women": the trial's total, whatever arm the sentence names
    if (
        not frame.between_arms
        and claim.arm
        and not arm_hint
        and read_arm(claim.arm, [m.arm for m in pool]).how == "none"
        and (matching.names_a_drug(claim.arm) or dose_of_dose_arms(claim.arm, [m.arm for m in pool]))
    ):
        return unverifiable(
            claim,
            f"The article says {said(claim)}; {claim.arm} is not an arm of this trial in the label"
            f"{label_reports(frame.rows, frame.endpoint, frame.family)}.",
        )
    special = derived.check_derived(claim, frame, view) or _arm_without_row(claim, pool, frame, arm_hint)
    return special or _supported(claim, frame, view) or _where_it_belongs(claim, pool, frame, view)


def _arm_without_row(claim: Claim, pool: tuple[Measurement, ...], frame: Frame, arm_hint: str | None) -> Claim | None:
    """Unverifiable when the claim's arm is one of the trial's arms but the label gives this quantity
    for other arms only: KEYNOTE-189's median duration of response is read for the KEYTRUDA arm only,
    and "7.8 months in the chemotherapy group" must not be compared with it."""
    if frame.between_arms or frame.arm.settled or not frame.rows or not (arm_hint or claim.arm):
        return None
    name = arm_hint or claim.arm
    in_trial = read_arm(name, [m.arm for m in pool])
    meant = {in_trial.arm} if in_trial.arm else {arm for arm in in_trial.may_mean if role(arm) == role(name)}
    if not meant or any(canonical_arm(m.arm) in meant for m in frame.rows):
        return None
    return unverifiable(
        claim,
        f"The article says {said(claim)}; the label gives no such figure for the {name} arm"
        f"{label_reports(frame.rows, frame.endpoint, frame.family)}.",
    )


def _endpoint_by_value(
    claim: Claim, pool: tuple[Measurement, ...], view: LabelView, arm_hint: str | None
) -> Claim | None:
    """A ratio or median whose sentence names no endpoint the vocabulary knows ("the hazard ratio for
    stroke was 0.88") or a count of events whose endpoint is named out of reach ("44 deaths", "73
    patients (47%) in the pembrolizumab arm had progressed or died"), in a trial with several: the
    label's value of exactly one endpoint, when it
    agrees with the rows of that one only (its verdict, saying the endpoint is taken from the value);
    else None. Its value is never contradicted on such a guess (its stated significance may be), nor
    is it taken for a ratio turned upside down unless its CI is too: 3.85 (2.13–7.14) is 1/0.26 (0.14–0.47)."""
    if claim.statistic not in {"hr", "risk_reduction", "median", "events"}:
        return None
    fits = []
    for endpoint in sorted({m.endpoint for m in pool if m.endpoint}):
        judged = check_in_trial(replace(claim, endpoint=endpoint), pool, view, arm_hint)
        inverted = judged.kind == "inverted_ratio" and claim.ci_low is not None and claim.ci_high is not None
        inverted = inverted and judged.evidence is not None and judged.evidence.ci_low is not None
        if judged.verdict == "supported" or judged.kind == "wrong_significance" or inverted:
            fits.append(judged)
    if len(fits) != 1:
        return None
    fit = fits[0]
    return replace(
        fit,
        endpoint=None,
        explanation=f"{fit.explanation} The sentence names no endpoint the label's can be told by; the value is "
        f"the label's {fit.evidence.endpoint if fit.evidence else 'figure'}, and no other endpoint's.",
    )


def _supported(claim: Claim, frame: Frame, view: LabelView) -> Claim | None:
    """Supported when a row of the frame (of the claim's arm, if settled) agrees; None when none does.

    A value the article gives no settled arm for is supported when it is one arm's value, saying
    which; when the label gives it for two arms alike, it settles nothing (unverifiable)."""
    decimals = printed.decimals(claim.raw or "")
    agreeing = [m for m in frame.of_arm() if matching.matches(claim, m, decimals)]
    if not agreeing:
        return None
    m = _preferred(claim, agreeing)
    note = ""
    if not frame.between_arms and not frame.arm.settled:
        arms = {canonical_arm(row.arm) for row in agreeing}
        if len(arms) > 1:
            return unverifiable(
                claim,
                f"The article says {said(claim)} without an arm the label's can be told by; the label gives "
                f"that value for more than one arm ({'; '.join(describe(row) for row in agreeing)}).",
            )
        note = f" The article does not settle the arm; the label gives this value for the {m.arm} arm."
    elif claim.arm and (not is_arm(frame.arm, m.arm) or frame.arm.how == "part"):
        note = f" The article's arm '{claim.arm}' is part of the label's arm '{m.arm}'."
    if frame.any_population and m.population:
        note += f" The article names no population; the label gives this value for the {m.population}."
    # a risk reduction read from a ratio the sentence also gives is judged with that ratio, once; a
    # reduction checked against the one the label states (verify.stated_reduction) with that one
    if (claim.statistic, m.statistic) in {("hr", "hr"), ("risk_reduction", "rrr"), ("rrr", "rrr")}:
        overstated = significance.overstated(claim, m, view.denies_significance(m))
        if overstated is not None:
            return overstated
    return supported(claim, m, note)


def _preferred(claim: Claim, rows: list[Measurement]) -> Measurement:
    """Of several rows, the one whose assessment the claim names, else one printed in a table; for a
    risk reduction, the reduction the label states before the ratio it may be read from."""
    assessment = quantity.claim_assessment(claim)
    return min(
        rows,
        key=lambda m: (
            assessment is not None and m.assessment != assessment,
            claim.statistic == "risk_reduction" and m.statistic != "rrr",
            m.table is None,
        ),
    )


def _several(rows: tuple[Measurement, ...] | list[Measurement]) -> bool:
    """Whether rows of one arm hold several quantities the claim's words do not tell apart: values
    that differ in different table rows ("Hazard ratio" of three outcomes with no endpoint named), or
    in prose alone. A table's value repeated or refined in prose (a BICR sensitivity analysis) is one."""
    tabled = [m for m in rows if m.table]
    if tabled:
        return len({(m.table, m.row) for m in tabled}) > 1 and len({m.value for m in tabled}) > 1
    return len({m.value for m in rows}) > 1


def _target(claim: Claim, frame: Frame) -> tuple[Measurement | None, bool]:
    """The label's value for the claim's quantity (one row of its arm, else None) and whether the
    frame holds several quantities the article's words do not tell apart."""
    rows = frame.target_rows()
    if rows:
        return (None, True) if _several(rows) else (_preferred(claim, list(rows)), False)
    if frame.between_arms or frame.arm.settled:
        return None, False
    arms: dict[str | None, list[Measurement]] = {}
    for m in frame.rows:
        arms.setdefault(canonical_arm(m.arm), []).append(m)
    return None, any(_several(members) for members in arms.values())


def _where_it_belongs(claim: Claim, pool: tuple[Measurement, ...], frame: Frame, view: LabelView) -> Claim:
    """Not in its frame: the frame whose value the number is (another arm, population, endpoint or
    unit), else another analysis, else a wrong value against the frame's own."""
    decimals = printed.decimals(claim.raw or "")
    target, several = _target(claim, frame)
    same_value = [m for m in frame.of_arm() if matching.value_agrees(claim, m, decimals)]
    if same_value:
        return unverifiable(
            claim,
            f"The article says {said(claim)}; the label gives {describe(same_value[0])} in {where(same_value[0])}: "
            "the value agrees but the interval does not, so it may be another analysis.",
        )
    belongs = elsewhere.belongs_elsewhere(claim, pool, frame, target, view)
    if belongs is not None:
        return belongs
    if several:
        return unverifiable(
            claim,
            f"The article says {said(claim)}; the label gives several such figures for this trial that the "
            f"article's words do not tell apart{label_reports(frame.rows, frame.endpoint, frame.family)}.",
        )
    if target is None:
        if frame.rows and not frame.between_arms:
            analysis = elsewhere.other_analysis(claim, frame.rows[0], view, others=frame.rows)
            return analysis or contradicted(claim, "wrong_value", None, None, others=frame.rows)
        return unverifiable(
            claim,
            f"The article says {said(claim)}; the sources report no {frame.endpoint or ''} {frame.family} for "
            f"{claim.arm or 'this arm'} ({frame.population or 'overall ITT'}).".replace("  ", " "),
        )
    analysis = elsewhere.other_analysis(claim, target, view)
    if analysis is not None:
        return analysis
    return contradicted(claim, "wrong_value", None, target)
