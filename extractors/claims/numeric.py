"""Numeric claims: a number with a statistical context, one claim per asserted trial statistic.

A numeric claim is a median with a time unit, a hazard ratio (with its CI as part of the same
claim), a rate in percent, a count of patients, a p-value, a dose ("800 mg once daily"), or a
derived figure ("reduced the risk of progression by 65%", i.e. 1 − HR).

Numbers that are not trial statistics make no claim at all, so they can never be reported as
contradicted: ranges that are not CIs ("50-60 Gy", "5-10 years"), sizes and doses of radiation
(">5 cm"), labels such as "(R0)", "G2-3", "exon 19", "stage IV", a median age or follow-up, and a
duration with no endpoint ("after 5 years"). This is a decision: an editor gains nothing from a
list of unverifiable dates and sizes.
"""

from __future__ import annotations

from extractors.claims import arms, context, rules
from extractors.claims.sentences import Number, Sentence, numbers
from extractors.records import Claim
from extractors.text import reach, vocabulary
from extractors.text.patterns import claims as patterns
from extractors.text.patterns import doses as dose_patterns

_TIME_UNITS = frozenset({"months", "weeks", "years", "days"})

# What a claim is about beyond its number: passed from the walk over the article.
About = tuple[str | None, str | None, str | None]  # (section, trial, population)


def numeric_claims(sentence: Sentence, about: About, context_endpoint: str | None) -> list[Claim]:
    """The numeric claims of one sentence, in order, arms of "…, respectively" assigned in order."""
    masked = sentence.masked
    found = numbers(masked)
    consumed: set[int] = set()  # starts of numbers used as CI bounds
    claims: list[Claim] = []
    for index, number in enumerate(found):
        if number.start in consumed or _not_a_statistic(masked, found, index, consumed):
            continue
        before = masked[: number.start]
        comparator_sign = bool(patterns.COMPARATOR_BEFORE.search(before)) and not patterns.P_BEFORE.search(before)
        claim = _classify(sentence, found, index, about, context_endpoint, consumed)
        if claim is None or (comparator_sign and claim.statistic not in {"p"}):
            continue  # "> 5 cm", "≥ 18 years": a threshold, not a value
        claims.append(claim)
    return arms.respectively(sentence, claims)


def _not_a_statistic(masked: str, found: list[Number], index: int, consumed: set[int]) -> bool:
    """A number whose own words make it no trial statistic: a CI level, "exon 19", "50-60 Gy", "5 cm"."""
    number = found[index]
    after = masked[number.end :]
    before = masked[: number.start]
    if patterns.CI_LEVEL_AFTER.match(after):
        return True  # "95% CI": the level of an interval, not a claim
    word_before = patterns.WORD_BEFORE.search(before)
    if word_before and rules.phrases("number_blockers").fullmatch(word_before.group(1)):
        return True  # "exon 19", "stage 4", "phase 3", "Table 9"
    is_range = patterns.RANGE_AFTER.match(after) or patterns.RANGE_BEFORE.search(before)
    if is_range and not patterns.INTERVAL_OPENED.search(
        rules.before(before, len(before), reach.before("interval_opening"))
    ):
        consumed.update(n.start for n in found[index : index + 2])
        return True  # a range that is not an interval: "50-60 Gy", "5-10 years"
    unit_words = rules.after(after.strip(), 0, reach.after("non_statistic_unit"))
    return bool(
        patterns.SIZE_AFTER.match(after)
        or (rules.phrases("non_statistic_units").match(unit_words) and not patterns.TIME_AFTER.match(after))
    )


def _unit_after(masked: str, found: list[Number], index: int) -> str | None:
    """The unit of a number: right after it, or after the next number it is joined to."""
    position = found[index].end
    for following in found[index:]:
        after = masked[following.end :]
        if following is not found[index] and not patterns.JOIN.match(masked[position : following.start]):
            break
        if patterns.PERCENT_AFTER.match(after):
            return "%"
        time = patterns.TIME_AFTER.match(after)
        if time:
            return vocabulary.find_unit(time.group("unit").rstrip(".")) or time.group("unit").lower()
        if dose_patterns.DOSE_AFTER.match(after) and following is found[index]:
            return "mg"
        position = following.end
    if index > 0:  # "4.1 months on pazopanib vs 0.9 on placebo": the unit of the value compared with
        gap = masked[found[index - 1].end : found[index].start]
        if len(gap) <= reach.before("compared_value_gap") and patterns.COMPARED_WITH.search(gap):
            unit = _unit_after(masked, found, index - 1)
            if unit in _TIME_UNITS | {"%"}:
                return unit
    return None


# (statistic, unit, endpoint) of a number, or None when it is no trial statistic.
Reading = tuple[str, str | None, str | None]


def _statistic(masked: str, found: list[Number], index: int, context_endpoint: str | None) -> Reading | None:
    """What the words around a number make it: "HR 0.35", "p<0.001", "4.6 months", "246 patients"."""
    number = found[index]
    before, after = masked[: number.start], masked[number.end :]
    clause_before = before[max(before.rfind(";"), 0) :]
    endpoint = context.endpoint_of(masked, number.start, number.end, context_endpoint)
    unit = _unit_after(masked, found, index)
    if patterns.HR_BEFORE.search(rules.before(clause_before, len(clause_before), reach.before("hazard_ratio_words"))):
        return "hr", None, endpoint
    if patterns.P_BEFORE.search(rules.before(before, len(before), reach.before("p_value_words"))):
        return "p", None, endpoint
    if patterns.N_BEFORE.search(rules.before(before, len(before), reach.before("n_equals"))):
        return "n", "patients", endpoint
    if unit == "mg":
        dose = dose_patterns.DOSE_AFTER.match(after)
        return "dose", " ".join((dose.group(0) if dose else "mg").split()), endpoint
    if unit == "%":
        return _percent(masked, before, after, endpoint)
    if unit in _TIME_UNITS:
        return _duration(masked, number, unit, endpoint, context_endpoint)
    if patterns.OF_BEFORE.search(before) or patterns.OF_AFTER.match(after):
        return None  # "3 of 18 patients": a count of events within a sub-analysis, not an arm's N
    counted = (
        _count_after(after)
        or patterns.RANDOMIZED_BEFORE.search(before)
        or (  # "369 were randomized: 246 to pazopanib and 123 to placebo"
            patterns.RANDOMIZED_WORD.search(masked) and patterns.TO_AN_ARM_AFTER.match(after)
        )
    )
    return ("n", "patients", endpoint) if counted else None


def _percent(masked: str, before: str, after: str, endpoint: str | None) -> Reading | None:
    """A percentage: a risk reduction ("reduced the risk … by 65%"), a rate, or a share of the patients."""
    reduction = patterns.REDUCTION.search(masked)
    reduces = reduction and (patterns.BY_BEFORE.search(before) or patterns.REDUCTION_AFTER.match(after))
    statistic = "risk_reduction" if reduces else "rate"
    if statistic == "rate" and _share_of_patients(before, after) and not context.named_here(masked):
        return None  # "female (59%)", "22% were Asian": a description of the patients
    return statistic, "%", endpoint


def _duration(
    masked: str, number: Number, unit: str, endpoint: str | None, context_endpoint: str | None
) -> Reading | None:
    """A duration is a median of a time-to-event endpoint, or of an endpoint the sentence calls a median."""
    median_before = patterns.MEDIAN_WORD.search(masked[: number.start])
    words_before = rules.before(masked, number.start, reach.before("words_before_duration"))
    if rules.phrases("non_endpoint_medians").search(words_before):
        return None  # "a median age of 55 years", "median follow-up of 15 months"
    if endpoint not in rules.time_to_event() and endpoint == context_endpoint and not context.named_here(masked):
        endpoint = None  # "Responses lasted 9 months" after a sentence on ORR: not a median ORR
    if endpoint in rules.time_to_event() or (median_before and endpoint is not None):
        return "median", unit, endpoint
    return None  # "after 5 years", "over 5-6 weeks": no endpoint, not a trial statistic


def _classify(
    sentence: Sentence, found: list[Number], index: int, about: About, context_endpoint: str | None, consumed: set[int]
) -> Claim | None:
    reading = _statistic(sentence.masked, found, index, context_endpoint)
    if reading is None:
        return None
    statistic, unit, endpoint = reading
    number, masked = found[index], sentence.masked
    ci_match = patterns.CI_AFTER.match(masked[number.end :])
    if ci_match and not (ci_match.group("open") or ci_match.group("ci")):
        ci_match = None  # "0.35, 0.26-0.48" without brackets or "CI" is not read as an interval
    if statistic not in {"hr", "rate"}:
        ci_match = None
    if ci_match:
        for other in found:
            if number.end + ci_match.start("low") <= other.start < number.end + ci_match.end():
                consumed.add(other.start)
    if statistic == "risk_reduction" and endpoint is None:
        endpoint = context.extra_endpoint(masked)
    section, trial, population = about
    start = sentence.span[0]
    return Claim(
        text=sentence.text,
        span=sentence.span,
        value_span=(start + number.start, start + number.end),
        value=number.value,
        statistic=statistic,
        endpoint=endpoint if statistic not in {"dose"} else None,
        arm=_arm(statistic, masked, found, index),
        population=population,
        trial=trial,
        unit=unit,
        ci_low=float(ci_match.group("low")) if ci_match else None,
        ci_high=float(ci_match.group("high")) if ci_match else None,
        section=section,
        cites=sentence.cites,
        ci_low_raw=ci_match.group("low") if ci_match else None,
        ci_high_raw=ci_match.group("high") if ci_match else None,
        ci_level=float(ci_match.group("level")) if ci_match and ci_match.group("level") else None,
        raw=sentence.text[number.start : number.end],
    )


def _arm(statistic: str, masked: str, found: list[Number], index: int) -> str | None:
    """The arm of a value; a ratio's is the experimental drug, a dose's the drug named before it."""
    if statistic == "hr":
        return arms.first_drug(masked)
    if statistic == "dose":
        return arms.dose_drug(masked, found[index].start)
    if statistic in {"risk_reduction", "p"}:
        return None
    arm = arms.arm_of(masked, found, index)
    if statistic == "n" and arm is not None and arms.both_arms_after(masked, found[index].end):
        return None  # "369 patients were randomized to pazopanib or placebo": the total
    return arm


def _share_of_patients(before: str, after: str) -> bool:
    """ "female (59%)", "72% of patients were white": a share of the enrolled patients."""
    if patterns.OPEN_BRACKET_BEFORE.search(before) and patterns.CLOSE_BRACKET_AFTER.match(after):
        return True
    return bool(patterns.SHARE_OF_PATIENTS_AFTER.match(after))


def _count_after(after: str) -> bool:
    """ "246 patients", "246 randomized patients", "246 were randomized"."""
    head = patterns.COUNT_HEAD_AFTER.match(after)
    if head and rules.phrases("count_nouns").fullmatch(head.group("noun")):
        return True
    return bool(patterns.COUNTED_AFTER.match(after))
