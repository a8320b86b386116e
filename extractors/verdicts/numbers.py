"""Verdicts on numeric claims: medians, rates, hazard ratios, risk reductions, counts, p-values.

A numeric claim is checked only against label numbers of its own quantity (`Frame`): the same
trial, statistic, endpoint with its modifiers, population and arm. A number is never supported by a
coincidental match in an unrelated row, and never contradicted by another quantity: when the label
does not state the claim's quantity, the verdict is unverifiable and says what the label does
report. When the frame's value differs, the other frames say what went wrong: the value belongs to
the other arm (``swapped_arms``, only when the article's arm is unambiguously the other label
arm), to another subgroup (``wrong_population``) or endpoint (``wrong_endpoint``), is the right
number in the wrong unit (``wrong_unit``), is the ratio turned upside down (``inverted_ratio``),
or the article names another analysis than the label's (``other_analysis``); otherwise it is a
``wrong_value``. Figures an article derives (1 − HR, differences of medians, sums of arms) are
checked by `derived`.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.records import Claim, Measurement, replace
from extractors.text import numbers as printed
from extractors.text.names import canonical_arm
from extractors.text.patterns import build
from extractors.text.patterns import verdicts as verdict_patterns
from extractors.text.patterns.responders import RESPONDER_POPULATION
from extractors.verdicts import derived, elsewhere, endpoints, matching, quantity, shares, significance, unsaid
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
from extractors.verdicts.trial_names import of_trials_called

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
_BETWEEN_ARMS = {"hr", "rr", "p", "difference", "rrr"}


def check_number(claim: Claim, view: LabelView, arm_hint: str | None = None) -> Claim:
    """The verdict on a numeric claim, in the trial it names, else in the one trial whose frame agrees.

    ``arm_hint`` is the arm the claim's sentence leaves to it ("39.1 vs 5.6 months" once 39.1 is
    the experimental arm's): used when the claim's own arm is not settled."""
    assert claim.value is not None and claim.raw is not None
    if shares.no_time_of(claim):  # "responses were durable, with a median duration of 25 months": not ORR's
        claim = replace(claim, endpoint=None)  # the endpoint whose value it is, if exactly one (`_endpoint_by_value`)
    family = FAMILY[claim.statistic or ""]
    says = said(claim)
    claim = replace(claim, endpoint=endpoints.label_composite(claim, view) or claim.endpoint)
    named = endpoints.label_named(claim, view, family)
    if named is not None:
        claim = replace(claim, endpoint=named)  # "the HR for stroke, MI or cardiovascular death": the label's row
    if family == "rate" and named is None and (claim.endpoint is None or not endpoints.names_endpoint(claim)):
        claim = shares.event_share(claim)
    refused = _no_result(claim, family, named, view)
    if refused is not None:
        return unverifiable(claim, refused)
    everything = _candidates(claim, family, named, view)
    pool = everything
    if claim.trial and pool and any(m.trial or m.nct for m in pool):
        # (a label that names no trial for any of these numbers cannot say they are another trial's)
        pool = of_trials_called(claim.trial, pool, view.measurements)
        if not pool:
            return _other_ratio(claim, view) or unverifiable(
                claim, f"The article says {says} about {claim.trial}; the sources report no {family} for that trial."
            )
    if not pool:
        return (
            _other_ratio(claim, view)
            or derived.from_rates(claim, view)
            or matching.other_exposure(claim, view.measurements)
            or unverifiable(claim, f"The article says {says}; the sources state no {family} to check it against.")
        )
    trials = matching.trials_of(pool, view.measurements)
    if len(trials) > 1:
        across = _check_across_trials(claim, pool, trials, view)
        return unsaid.death_unsaid(across) if across.verdict == "supported" and not named else across
    result = unsaid.events_agree_only(_check_in_trial(claim, pool, view, arm_hint))
    if result.verdict == "contradicted" and named is not None:
        result = _in_row_alike(claim, result, pool, view, arm_hint)
    # the label's words for it are the sentence's own; a median time is not of an endpoint that is no
    # time ("Responses were similar (60% and 64%) and lasted a median of 4.2 and 3.9 months": not ORR's)
    named_here = (named is not None or endpoints.names_endpoint(claim)) and not shares.no_time_of(claim)
    if (
        result.verdict == "contradicted"
        and result.kind not in _TIED
        and claim.endpoint
        and not named_here
        and not (result.kind == "other_analysis" and _the_only_endpoint(claim, pool))
    ):
        return unsaid.death_unsaid(_endpoint_from_context(claim, result, pool, view, arm_hint))
    if result.verdict == "supported" and not endpoints.names_endpoint(claim):
        result = unsaid.death_unsaid(result)
    result = elsewhere.earlier_figure(claim, result, pool, view) or result
    if result.kind == "wrong_endpoint" and not unsaid.names_endpoint_in_clause(claim):
        return unsaid.endpoint_outside_clause(claim, result)
    if result.kind in {"wrong_value", "other_analysis"}:
        result = unsaid.agreeing_or_unread(claim, result, view) or result
    if result.kind == "wrong_value" and claim.trial:
        return _wrong_trial(claim, result, pool, everything, view) or result
    return result


def _in_row_alike(
    claim: Claim, result: Claim, pool: tuple[Measurement, ...], view: LabelView, arm_hint: str | None
) -> Claim:
    """A value the label gives in another row named by part of the same words ("hemorrhagic strokes":
    ELIQUIS's on-treatment row "Hemorrhagic stroke" and the ITT stroke table's "Hemorrhagic") is
    supported there; else the contradiction stands."""
    for alike in endpoints.rows_alike(claim.endpoint, pool):
        judged = _check_in_trial(replace(claim, endpoint=alike), pool, view, arm_hint)
        if judged.verdict == "supported":
            return replace(
                judged,
                explanation=f"{judged.explanation} The label's row '{alike}' is named by the same words as "
                f"'{claim.endpoint}', whose value differs ({describe(result.evidence) if result.evidence else 'another'}): "
                "the label gives the quantity twice, and the article's is one of them.",
            )
    return result


def _no_result(claim: Claim, family: str, named: str | None, view: LabelView) -> str | None:
    """Why the claim's number is no result the label could state, as the explanation says it; None
    when it may be one: a maturity or follow-up time, a "p-value" over 1, a share of no named
    endpoint, a clinician's own patients, a count of trials or samples, a count not said to be patients."""
    assert claim.value is not None
    says = said(claim)
    if quantity.claim_is_non_result(claim):
        unit = "%" if claim.unit == "%" else " " + (claim.unit or "")
        return (
            f"The article's {claim.raw}{unit} says how mature an analysis was or how long patients were "
            "followed; it is no result."
        )
    if family == "p" and claim.value > 1:
        return f"The article's {claim.raw} is no p-value (a p-value is at most 1)."
    if family == "rate":
        what = shares.what_rate(claim, named is not None, named is not None and view.in_event_table(named))
        return f"The article says {says}; {what}" if what is not None else None
    if family != "n":
        return None
    if quantity.sentence_says(claim, "counts", "practice"):
        return f"The article says {says}; it counts a clinician's own patients, not a trial's."
    if quantity.counts_other_things(claim):
        return f"The article says {says}; it counts {quantity.counted(claim)}, not patients."
    if quantity.counts_a_part(claim):
        return f"The article says {says}; it counts a part of a group (patients with an outcome), not a trial's or an arm's patients."
    if not quantity.sentence_says(claim, "counts", "enrolment"):
        return f"The article says {says}; it does not say they are a trial's or an arm's patients, the counts the label gives."
    return None


def _candidates(claim: Claim, family: str, named: str | None, view: LabelView) -> tuple[Measurement, ...]:
    """The label's numbers the claim may be checked against, any trial: of its statistic and, for a
    rate, of its kind; of an adverse-reaction table only when the claim names that reaction (its many
    numbers would otherwise make a coincidental efficacy number "another endpoint's", and its Ns
    would join the randomized arms' in a total)."""
    # the time point of a rate may be named once for a pair ("4-year DFS: 70% vs. 29%"): the clause of
    # the second value has lost it, the statement reader's modifiers keep it ("at 4 years"); a label
    # endpoint the sentence names is what the share counts ("heart attack, stroke or CV death: 9.8%")
    named_words = (named, "events") if named is not None else ()  # a share of patients with the row's events
    modifiers = claim.statement.modifiers if claim.statement else ()
    rate_words = " ".join((quantity.claim_clause(claim), *modifiers, *named_words))
    kind = (
        matching.value_kind(rate_words, quantity.value_at_in_clause(claim), (claim.arm,)) if family == "rate" else None
    )
    everything = view.candidates(family, kind, claim.endpoint)
    if claim.statistic == "risk_reduction":  # checked against 1 − HR, 1 − RR and a reduction the label states
        everything += view.candidates("rr", None, claim.endpoint) + view.candidates("rrr", None, claim.endpoint)
    if family == "event_rate":
        everything = tuple(m for m in everything if matching.same_exposure(claim.unit, m.unit))
    return everything


def _other_ratio(claim: Claim, view: LabelView) -> Claim | None:
    """A hazard ratio of a trial whose label states that value as another ratio ("a hazard ratio of
    0.77" where MAGELLAN's table gives the relative risk 0.77): the statistic is misnamed
    (``wrong_statistic``), whatever the value; None when the label gives no other ratio of that value."""
    if claim.statistic != "hr" or not claim.trial:
        return None
    decimals = printed.decimals(claim.raw or "")
    others = [
        m
        for m in matching.of_trial(claim.trial, view.measurements)
        if m.statistic in {"rr", "or"} and not view.is_non_result(m) and matching.value_agrees(claim, m, decimals)
    ]
    if not others:
        return None
    m = others[0]
    name = "relative risk" if m.statistic == "rr" else "odds ratio"
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_statistic",
        evidence=m,
        explanation=f"Contradicted (wrong statistic): the article calls {claim.raw} a hazard ratio; the label gives it "
        f"as a {name} ({describe(m)} in {where(m)}) and states no hazard ratio for {claim.trial}. The number is the "
        f"label's; the statistic is not.",
    )


_TIED = unsaid.TIED  # the number ties the claim to its endpoint's row: a context's endpoint is then borne out


def _the_only_endpoint(claim: Claim, pool: tuple[Measurement, ...]) -> bool:
    """Whether the trial's label numbers of the claim's statistic are all of the endpoint its context
    gives: "A later five-year update put the hazard ratio at 0.680" after monarchE's IDFS result, where
    the label gives a hazard ratio for IDFS only. The endpoint is then no guess: the statistic can be of
    no other in this trial. Asked only of a figure the article gives for another analysis than the
    label's: a subgroup the article names in words not read ("Patients whose tumours had a Ki-67 score
    of 20% or more … (HR 0.626)") would otherwise be taken for the trial's whole population."""
    return bool(pool) and all(m.endpoint == claim.endpoint for m in pool)


def _endpoint_from_context(
    claim: Claim, result: Claim, pool: tuple[Measurement, ...], view: LabelView, arm_hint: str | None
) -> Claim:
    """A claim whose endpoint only its context gives is never contradicted on that guess: supported when
    its value is the label's for exactly one other endpoint, else unverifiable."""
    endpoints = sorted({m.endpoint for m in pool if m.endpoint and m.endpoint != claim.endpoint})
    fits = [
        judged
        for judged in (_check_in_trial(replace(claim, endpoint=e), pool, view, arm_hint) for e in endpoints)
        if judged.verdict == "supported"
    ]
    if len(fits) == 1:
        fit = fits[0]
        return replace(
            fit,
            explanation=f"{fit.explanation} The sentence does not name the endpoint; its context suggested "
            f"{claim.endpoint}, but the value is the label's {fit.endpoint}.",
        )
    return unverifiable(
        claim,
        f"The article says {said(claim)}, but its sentence does not name the endpoint: {claim.endpoint} comes "
        f"from the sentences before it, and the label's {claim.endpoint} value differs "
        f"({result.explanation.split('; ', 1)[-1].rstrip('.')}).",
    )


def _wrong_trial(
    claim: Claim, result: Claim, pool: tuple[Measurement, ...], everything: tuple[Measurement, ...], view: LabelView
) -> Claim | None:
    """A wrong value that is another trial's value of the same quantity: endpoint with its modifiers,
    population (and arm)."""
    decimals = printed.decimals(claim.raw or "")
    modifiers = quantity.claim_modifiers(claim)
    for m in everything:
        if m in pool or m.endpoint != claim.endpoint or not matching.matches(claim, m, decimals):
            continue
        if view.modifiers(m) != modifiers or not matching.same_population(m.population, claim.population):
            continue
        if claim.statistic not in _BETWEEN_ARMS and claim.arm is not None and not read_arm(claim.arm, [m.arm]).settled:
            continue
        return replace(
            result,
            kind="wrong_trial",
            explanation=result.explanation.replace("Contradicted (wrong value)", "Contradicted (wrong trial)", 1)
            + f" {claim.raw} is the label's {describe(m)} in {m.trial} ({where(m)}), not {claim.trial}'s.",
        )
    return None


def _check_across_trials(claim: Claim, pool: tuple[Measurement, ...], trials: list[str], view: LabelView) -> Claim:
    """A claim that names no trial, against a label with several: supported if one trial's frame
    agrees, or a count the sum of the trials its sentence names; otherwise unverifiable, naming the
    trials (the value may come from another study)."""
    for trial in trials:
        result = _check_in_trial(claim, tuple(m for m in pool if matching.trial_key(m) == trial), view, None)
        if result.verdict == "supported":
            named = result.evidence.trial if result.evidence else None
            return replace(result, trial=named, explanation=f"{result.explanation} (Trial: {named or trial}.)")
    if claim.statistic == "n":
        pools = {t: [m for m in pool if matching.trial_key(m) == t] for t in trials if t and _named_in(t, claim.text)}
        combined = derived.check_combined_total(claim, pools, view) if len(pools) > 1 else None
        if combined is not None:
            return combined
    which = (
        f"about {claim.trial}, a name the label gives several trials" if claim.trial else "without naming which trial"
    )
    return unverifiable(
        claim,
        f"The article says {said(claim)} {which}; the label reports several "
        f"({', '.join(t or 'unnamed' for t in trials)}) and the value agrees with none of them.",
    )


def _says_alone(claim: Claim) -> bool:
    """Whether the claim's arm is named as its drug on its own, in the value's clause."""
    if claim.value_span is None:
        return False
    return verdict_patterns.ALONE_AFTER.match(claim.text, claim.value_span[1] - claim.span[0]) is not None


def _named_in(trial: str, text: str) -> bool:
    return build.standalone(trial).search(text) is not None


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
        return self.family in _BETWEEN_ARMS

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


def _check_in_trial(claim: Claim, pool: tuple[Measurement, ...], view: LabelView, arm_hint: str | None) -> Claim:
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
    if FAMILY[claim.statistic or ""] in _BETWEEN_ARMS:
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
        judged = _check_in_trial(replace(claim, endpoint=endpoint), pool, view, arm_hint)
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
