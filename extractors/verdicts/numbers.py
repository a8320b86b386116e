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
checked by `derived`. Here the trial and the label numbers a claim may be checked against are picked;
the verdict within one trial is `in_trial`'s.
"""

from __future__ import annotations

from extractors.records import Claim, Measurement, replace
from extractors.text import numbers as printed
from extractors.text.patterns import build
from extractors.verdicts import derived, elsewhere, endpoints, matching, quantity, shares, unsaid
from extractors.verdicts.arms import read_arm
from extractors.verdicts.describe import describe, said, unverifiable, where
from extractors.verdicts.in_trial import BETWEEN_ARMS, FAMILY, check_in_trial
from extractors.verdicts.quantity import LabelView
from extractors.verdicts.trial_names import of_trials_called


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
    result = unsaid.events_agree_only(check_in_trial(claim, pool, view, arm_hint))
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
        judged = check_in_trial(replace(claim, endpoint=alike), pool, view, arm_hint)
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
    kind = (  # (read only of a label that gives rates: none else to tell apart)
        matching.value_kind(rate_words, quantity.value_at_in_clause(claim), (claim.arm,))
        if family == "rate" and view.results(family)
        else None
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
        for judged in (check_in_trial(replace(claim, endpoint=e), pool, view, arm_hint) for e in endpoints)
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
        if claim.statistic not in BETWEEN_ARMS and claim.arm is not None and not read_arm(claim.arm, [m.arm]).settled:
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
        result = check_in_trial(claim, tuple(m for m in pool if matching.trial_key(m) == trial), view, None)
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


def _named_in(trial: str, text: str) -> bool:
    return build.standalone(trial).search(text) is not None
