"""Whether a claim and a measurement are about the same thing, and whether their numbers agree.

Printed numbers are compared with their rounding: 9 agrees with 9.0 and 4.6 with anything from
4.55 to 4.65. Populations are compared by their names as a reader would ("‘Other soft tissue
sarcoma’ subgroup" is the label's "Other STS"), arms by their canonical names.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from extractors.records import Claim, Measurement, replace
from extractors.text import qualifiers, vocabulary
from extractors.text.facts import per_document
from extractors.text.names import DRUG_WORD, arm_mentions, canonical_arm, drug_aliases
from extractors.text.numbers import decimals
from extractors.text.patterns import build
from extractors.text.patterns import claims as claim_patterns
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts import cutoffs, quantity

# --- numbers ----------------------------------------------------------------------------------


def agree(value: float, value_decimals: int, other: float, other_decimals: int) -> bool:
    """Equal after rounding to the coarser of the two printed precisions: 9 ≈ 9.0, 4.6 ≈ 4.63. A zero
    printed whole is none at all (a table's "0" of patients with fatal bleeding), never 0.3 rounded."""
    if (value == 0 and value_decimals == 0) != (other == 0 and other_decimals == 0) and value != other:
        return False
    return bool(abs(value - other) <= 0.5 * 10 ** -min(value_decimals, other_decimals) + 1e-9)


def unit_of(measurement: Measurement) -> str | None:
    """The measurement's unit; for a median printed without one, the time unit its row or column names."""
    if measurement.statistic == "rate":
        return "%"
    if measurement.unit is None and measurement.statistic == "median":
        named = patterns.TIME_UNIT.search(f"{measurement.row or ''} {measurement.column or ''}")
        return vocabulary.find_unit(named.group(1)) if named else None
    return measurement.unit


def _convert(value: float, unit: str | None, to: str | None) -> float | None:
    """A duration in another time unit: 20 weeks in months; None if either is not a time unit."""
    if unit is None or to is None:
        return None
    a, b = vocabulary.months_per(unit), vocabulary.months_per(to)
    if a is None or b is None:
        return None
    return value * a / b


def p_operator(claim: Claim) -> str | None:
    """The sign before an article's p-value: "<" of "p < 0.001"."""
    before = claim.text[: (claim.value_span or claim.span)[0] - claim.span[0]]
    match = patterns.P_OPERATOR_BEFORE.search(before)
    return match.group(1) if match else None


def bound_of(claim: Claim) -> str | None:
    """The bound an article states instead of a value: "<" of "p < 0.001", ">" of "more than 12"."""
    qualifier = claim.statement.qualifier if claim.statement is not None else None
    if qualifier in {"<", "≤", ">", "≥"}:
        return qualifier
    operator = p_operator(claim) if claim.statistic == "p" else None
    return operator if operator in {"<", "≤", ">", "≥"} else None


def _within_bound(claim: Claim, bound: str, m: Measurement, claim_decimals: int) -> bool:
    """A bound holds when the label's value (or every value its own bound allows) lies inside it:
    "p < 0.001" holds for 0.0004 and for "< 0.0001"; not for 0.0462."""
    assert claim.value is not None and m.value is not None
    slack = 0.5 * 10**-claim_decimals
    if bound in {"<", "≤"}:
        return m.qualifier not in {">", "≥"} and m.value <= claim.value + (slack if bound == "≤" else 1e-12)
    return m.qualifier not in {"<", "≤"} and m.value >= claim.value - (slack if bound == "≥" else 1e-12)


def value_agrees(claim: Claim, m: Measurement, claim_decimals: int) -> bool:
    """The claim's value agrees with the measurement's, whatever their intervals say."""
    return matches(replace(claim, ci_low=None, ci_high=None), m, claim_decimals)


# Units of an event rate that are the same scale: a share per year is per 100 patient-years.
_EXPOSURE_UNITS = {"%/year": "per 100 patient-years", "%/yr": "per 100 patient-years"}


def same_exposure(claim_unit: str | None, label_unit: str | None) -> bool:
    """Whether two event rates are on one scale ("3.8% per year" and "per 100 patient-years" are)."""
    if claim_unit is None or label_unit is None:
        return False
    return _EXPOSURE_UNITS.get(claim_unit, claim_unit) == _EXPOSURE_UNITS.get(label_unit, label_unit)


def other_exposure(claim: Claim, measurements: Sequence[Measurement]) -> Claim | None:
    """An event rate the label gives, for the claim's trial, endpoint and arm, with the very same
    number on another time scale ("0.7% per month" where the label gives 0.7%/year; any arm's when the
    article names none): the right number in the wrong unit (``wrong_unit``); None otherwise (another
    scale is no other value)."""
    if claim.statistic != "event_rate" or claim.endpoint is None or not claim.trial:
        return None
    decimals_claimed = decimals(claim.raw or "")
    for m in of_trial(claim.trial, measurements):
        if m.statistic != "event_rate" or m.endpoint != claim.endpoint or m.value is None or claim.value is None:
            continue
        if claim.arm is not None and not same_arm(claim.arm, m):
            continue
        if not agree(claim.value, decimals_claimed, m.value, decimals(m.raw)):
            continue
        return replace(
            claim,
            verdict="contradicted",
            kind="wrong_unit",
            evidence=m,
            explanation=f"Contradicted (wrong unit): the article says {claim.raw} {claim.unit}; the label gives "
            f"{m.raw} {m.unit} for {m.arm}, {m.endpoint} ({m.table or 'its text'}): the same number on another "
            "time scale.",
        )
    return None


def matches(claim: Claim, m: Measurement, claim_decimals: int) -> bool:
    """The claim's value agrees with the measurement's, in the claim's unit (or converted); a bound
    the article states holds for the label's value; a CI the article gives agrees with the label's."""
    assert claim.value is not None
    if m.value is None:
        return False
    other_decimals = decimals(m.raw)
    if claim.statistic == "risk_reduction" and m.statistic == "rrr":
        return agree(claim.value, claim_decimals, m.value, other_decimals)  # the label states the reduction
    if claim.statistic == "risk_reduction":
        derived = (1 - m.value) * 100
        tolerance = 0.5 * 10**-claim_decimals + 0.5 * 10 ** (2 - other_decimals)
        return bool(abs(claim.value - derived) <= tolerance + 1e-9)
    if claim.statistic == "difference" and not (claim.raw or "").startswith(("-", "−", "–", "+")):
        # "a difference of 21.6 percentage points", "lowered LDL-C by 59%": the words give the direction
        # the label's sign gives, so the sizes are compared
        return agree(abs(claim.value), claim_decimals, abs(m.value), other_decimals)
    bound = bound_of(claim)
    if bound is not None:
        return _within_bound(claim, bound, m, claim_decimals)
    if claim.statistic == "p" and m.qualifier in {"<", "≤"} and claim.value < m.value:
        return True  # "p = 0.0004" where the label prints "p < 0.001"
    unit = unit_of(m)
    if claim.statistic == "median" and unit is not None and claim.unit != unit:
        converted = _convert(claim.value, claim.unit, unit)
        if converted is None:
            return False
        factor = _convert(1.0, claim.unit, unit) or 1.0
        return bool(abs(converted - m.value) <= 0.5 * 10**-claim_decimals * factor + 0.5 * 10**-other_decimals + 1e-9)
    if not agree(claim.value, claim_decimals, m.value, other_decimals):
        return False
    if claim.ci_low is not None and claim.ci_high is not None and m.ci_low is not None and m.ci_high is not None:
        return agree(claim.ci_low, 2, m.ci_low, decimals(m.ci_low_raw or str(m.ci_low))) and agree(
            claim.ci_high, 2, m.ci_high, decimals(m.ci_high_raw or str(m.ci_high))
        )
    return True


# --- populations --------------------------------------------------------------------------------


def population_key(population: str | None) -> str | None:
    """ "‘Other soft tissue sarcoma’ subgroup" → "other soft tissue sarcoma"."""
    return None if population is None else _population_key(population)


@functools.lru_cache(maxsize=4096)
def _population_key(population: str) -> str | None:
    """`population_key` of a name, worked out once per name: every claim is compared with the same
    few label populations."""
    key = patterns.QUOTE_MARK.sub("", population.lower())
    key = patterns.POPULATION_FILLER.sub(" ", key)
    return _normal_ranges(" ".join(key.split())) or None


def same_population(one: str | None, other: str | None) -> bool:
    """Whether two population names are one subgroup: the same name, or the same words but filler
    ("HRD-positive" and the label's "HRD-positive status" of another table)."""
    return one == other or (one is not None and other is not None and population_key(one) == population_key(other))


@per_document  # a claim's clause is asked again for each trial and population the claim is tried in
def _normal_ranges(text: str) -> str:
    """ "stage II to IIIA", "stage II – IIIA" → "stage ii-iiia": ranges written one way."""
    text = claim_patterns.ANY_DASH.sub("-", text.lower())
    return str(patterns.COHORTS_TOGETHER.sub("+", patterns.STAGE_RANGE.sub("-", text)))


_SHORT_KEY = 2  # a population key this short is a letter or number, not words


def _named_share(key: str, text: str) -> tuple[int, int]:
    """(words of a population key the text names, words in the key), the key's short forms tried:
    "measurable cns lesions at baseline" is named by "… one or more measurable CNS lesions"."""
    if len(key) <= _SHORT_KEY:  # "a" of "Cohort A" is named as "cohort A" only
        return (1 if patterns.short_population(key).search(text) else 0), 1
    if not cutoffs.named_by(key, text):  # "cps >=5" names "pd-l1 cps ≥5", not "pd-l1 cps<5" nor "… ≥1"
        return 0, max(1, len(_key_words(key)))
    best = (0, 1)
    for form in qualifiers.with_disease_abbreviations(key):
        if _printed(form, text):
            return 1, 1
        tokens = _key_words(form)
        named = sum(1 for token in tokens if _printed(token, text))
        if tokens and named / len(tokens) > best[0] / best[1]:
            best = (named, len(tokens))
    return best


def _printed(form: str, text: str) -> bool:
    """Whether ``text`` prints ``form``, maybe in the plural, not inside a word (`build.with_plural`,
    whose pattern is the form's own characters: a text without them is not searched)."""
    return form in text and build.with_plural(form).search(text) is not None


@functools.lru_cache(maxsize=4096)
def _key_words(form: str) -> tuple[str, ...]:
    """The words of a population key that name it ("cns", "lesions", not "with"), found once per key."""
    return tuple(t for t in patterns.POPULATION_TOKEN.findall(form) if not patterns.POPULATION_NOISE.fullmatch(t))


def claim_population(claim: Claim, measurements: Sequence[Measurement]) -> tuple[bool, str | None]:
    """(known, population) of the claim among the measurements' populations; None is overall ITT.

    A claim names a subgroup when its sentence (or the population carried from its context) names
    a measurement population's words — all of them, or all but one of three or more ("patients with
    CNS metastases" for "Patients with CNS Metastases on a Baseline Brain Scan"); the fullest match
    wins. A subgroup no measurement has is unknown.
    """
    if claim.value_span is not None:
        at = (claim.value_span[0] - claim.span[0], claim.value_span[1] - claim.span[0])
        cut = cutoffs.unreported(claim.text, at, [population_key(p) or "" for p in _populations(measurements)])
        if cut is not None:  # "CPS >=10: mOS 15.0 mo" where the label cuts CPS at 1 and 5: a group it does not report
            return False, cut
    clause = quantity.claim_whole_clause(claim)
    nested = patterns.SUBGROUP_OF_GROUP.search(clause)
    if nested and not _named_whole(quantity.with_short_forms(_normal_ranges(nested.group("qualifier"))), measurements):
        return False, nested.group(0)  # "the BRCA-mutated subgroup of cohort A": a subgroup the label does not report
    own = _named_whole(quantity.with_short_forms(_normal_ranges(clause)), measurements)
    if len(own) == 1:
        # the value's own clause names one population whole: "in hormone receptor–negative disease the PFS
        # hazard ratio was 0.55; in patients with hormone receptor–positive disease, …" — not the one the
        # sentence's other clause names
        return True, own[0]
    if not own and patterns.WHOLE_TRIAL.search(clause):
        # the value's own clause names the whole trial: "In the overall population the RFS hazard ratio was
        # 0.54, and in the PD-L1 positive subgroup it was 0.54" — the first is not the subgroup's
        return True, _whole_population(measurements)
    text = quantity.with_short_forms(_normal_ranges(f"{clause} {claim.population or ''}"))
    best: tuple[int, int, str] | None = None
    whole: list[str] = []  # the populations the clause names every word of
    for population in _populations(measurements):  # ties: one answer every run
        key = population_key(population)
        if not key:
            continue
        named, size = _named_share(key, text)
        if named == size and all(population_key(other) != key for other in whole):  # "Cohort 1", "cohort 1": one
            whole.append(population)
        enough = named == size or (size >= 3 and named >= size - 1)
        if enough and (best is None or (named, len(key)) > best[:2]):
            best = (named, len(key), population)
    if len(whole) > 1 and not _nested(whole):
        # "randomized 13,608 patients with UA/NSTEMI or STEMI": a count of them all is the trial's; any
        # other figure is one of them, which the clause does not say
        return (True, None) if claim.statistic == "n" else (False, " or ".join(whole))
    if best:
        return True, best[2]
    if patterns.WHOLE_TRIAL.search(text):  # "all patients": the label's whole-trial population, if it names one
        return True, _whole_population(measurements)
    if patterns.RESPONSE_SET.search(text) and not any(m.population for m in measurements):
        return True, None  # "in patients with measurable disease": the set a response is measured in, no subgroup
    if claim.population is not None and not patterns.OVERALL_WORD.search(claim.population):
        return False, claim.population
    return True, None


def _whole_population(measurements: Sequence[Measurement]) -> str | None:
    """The label's name for the whole trial's population ("Overall ITT"), if it names one; else None."""
    overall = {m.population for m in measurements if m.population and patterns.OVERALL_WORD.search(m.population)}
    return overall.pop() if len(overall) == 1 else None


def _populations(measurements: Sequence[Measurement]) -> list[str]:
    """The measurements' populations, in order, but for one that is an arm's name ("Enoxaparin/VKA", a
    column misread as a group) or doses alone ("2.5 mg 20 mg Ratio", a header line misread as one):
    an article naming that arm or dose names no subgroup."""
    arms = {m.arm.casefold() for m in measurements if m.arm}
    return sorted(
        {
            m.population
            for m in measurements
            if m.population
            and m.population.casefold() not in arms
            and not patterns.DOSES_ONLY_POPULATION.fullmatch(m.population)
        }
    )


def _named_whole(text: str, measurements: Sequence[Measurement]) -> list[str]:
    """The measurements' populations ``text`` names every word of, one per key."""
    whole: list[str] = []
    for population in _populations(measurements):
        key = population_key(population)
        if not key:
            continue
        named, size = _named_share(key, text)
        if named == size and all(population_key(other) != key for other in whole):
            whole.append(population)
    return whole


def _nested(populations: list[str]) -> bool:
    """Whether one population's words hold another's ("Cohort 1" in "Cohort 1, HR+"), or one is the
    other negated ("non-epithelioid histology", "epithelioid histology"): then the longer is meant.
    ("STEMI" inside "UA/NSTEMI" is neither: a count of patients "with UA/NSTEMI or STEMI" is both's.)"""
    keys = [population_key(p) or "" for p in populations]
    return any(set(a.split()) < set(b.split()) or b in {f"non-{a}", f"non {a}"} for a in keys for b in keys)


# --- arms and trials --------------------------------------------------------------------------


def same_arm(claim_arm: str | None, measurement: Measurement) -> bool:
    """The claim's arm is the measurement's: same name, or a drug named inside it
    ("gefitinib" is the arm "EGFR TKI (gefitinib or erlotinib)")."""
    claim_name, name = canonical_arm(claim_arm), canonical_arm(measurement.arm)
    if not claim_name or not name:
        return False
    if claim_name == name:
        return True
    if build.standalone(claim_name).search(name):
        return True
    # "rivaroxaban 20 mg" (the article names the arm by the dose its randomization gave) is the arm of a
    # table that does not print the dose ("XARELTO"); never of a table printing another dose
    bare = " ".join(patterns.ARM_DOSE.sub(" ", claim_name).split())
    return bare != claim_name and bare == name


def drugs_named(text: str) -> set[str]:
    """The drugs a sentence names, generic or brand ("VOTRIENT" → "pazopanib"), control words left out."""
    return set(_drugs_named(text))


@functools.lru_cache(maxsize=256)  # a sentence is asked once for each of its claims
def _drugs_named(text: str) -> frozenset[str]:
    names = {
        canonical_arm(match.group(0)) for match in DRUG_WORD.finditer(text) if not prior_therapy(text, match.start())
    }
    names |= {
        arm
        for start, _end, arm in arm_mentions(text)
        if arm in drug_aliases().values() and not prior_therapy(text, start)
    }
    return frozenset(name for name in names if name)


_PRIOR_REACH = 40  # the longest `PRIOR_THERAPY_BEFORE` with its spaces


def prior_therapy(text: str, start: int) -> bool:
    """Whether the drug named at ``start`` is a treatment the patients had before ("relapsed after
    bortezomib"): the population's history, not what the sentence is about."""
    return patterns.PRIOR_THERAPY_BEFORE.search(text, max(0, start - _PRIOR_REACH), start) is not None


def names_a_drug(name: str) -> bool:
    """Whether an arm an article names is a drug or a control arm, not a reading's stray words."""
    return bool(drugs_named(name)) or bool(build.any_word(vocabulary.control_arms()).fullmatch(name.strip()))


def arm_is_named(arm: str | None, text: str) -> bool:
    """Whether a sentence names a measurement's arm (or a drug inside it: "EGFR TKI (gefitinib or erlotinib)")."""
    name = canonical_arm(arm) or ""
    if not name:
        return False
    named = drugs_named(text) | {a for _s, _e, a in arm_mentions(text)}
    return any(drug == name or drug in name for drug in named)


def trial_key(m: Measurement) -> str:
    """The trial a measurement belongs to; a label that does not name its trials has one per table."""
    return _family_name(m.trial) if m.trial else (f"{m.table} of {m.source}" if m.table else "")


def trials_of(pool: Sequence[Measurement], measurements: Sequence[Measurement]) -> list[str]:
    """The trials of ``pool`` (`trial_key`), in order; the prose's numbers that name no trial are the
    one trial's when the label's tables and prose name one trial only (EFFIENT's TRITON-TIMI 38: its
    "50% fewer stent thromboses … (0.9%)" is no other study's)."""
    trials = sorted({trial_key(m) for m in pool})
    if len(trials) == 2 and trials[0] == "" and len({m.trial for m in measurements if m.trial}) == 1:
        return trials[1:]
    return trials


def of_trial(trial: str, measurements: Sequence[Measurement]) -> tuple[Measurement, ...]:
    """The measurements of the trial a claim names, by name or NCT number, case aside."""
    key = _family_key(trial)
    if not isinstance(measurements, tuple):
        return _of_trial(key, measurements)
    # each claim asks of the label's numbers (or of one cached pool of them) again: the same tuple
    # object, so its answer is kept with it (the tuple is held, so its id is not reused)
    kept = _OF_TRIAL.get((id(measurements), key))
    if kept is not None and kept[0] is measurements:
        return kept[1]
    if len(_OF_TRIAL) >= 256:
        _OF_TRIAL.clear()
    found = _of_trial(key, measurements)
    _OF_TRIAL[(id(measurements), key)] = (measurements, found)
    return found


_OF_TRIAL: dict[tuple[int, str], tuple[tuple[Measurement, ...], tuple[Measurement, ...]]] = {}


def of_trial_alone(
    trial: str, pool: tuple[Measurement, ...], measurements: Sequence[Measurement]
) -> tuple[Measurement, ...]:
    """The numbers of ``pool`` that are ``trial``'s: those it names, and in a label (``measurements``)
    that names that trial alone, those it names no trial for, given its name (EFFIENT's "50% fewer
    stent thromboses … (0.9%) … (1.8%)", read in prose after the tables, are TRITON-TIMI 38's: the
    label reports no other trial)."""
    own = of_trial(trial, pool)
    if not own or named_trials(measurements) != {trial_key(own[0])}:
        return own
    named = own[0]
    return own + tuple(replace(m, trial=named.trial, nct=named.nct) for m in pool if not (m.trial or m.nct))


def named_trials(measurements: Sequence[Measurement]) -> frozenset[str]:
    """The trials a label's numbers name (`trial_key`): a fact of the label, found once per label
    rather than once per claim (the same tuple object is asked again, as in `of_trial`)."""
    if not isinstance(measurements, tuple):
        return frozenset(trial_key(m) for m in measurements if m.trial or m.nct)
    kept = _NAMED_TRIALS.get(id(measurements))
    if kept is not None and kept[0] is measurements:
        return kept[1]
    if len(_NAMED_TRIALS) >= 16:
        _NAMED_TRIALS.clear()
    found = frozenset(trial_key(m) for m in measurements if m.trial or m.nct)
    _NAMED_TRIALS[id(measurements)] = (measurements, found)
    return found


_NAMED_TRIALS: dict[int, tuple[tuple[Measurement, ...], frozenset[str]]] = {}


def _of_trial(key: str, measurements: Sequence[Measurement]) -> tuple[Measurement, ...]:
    return tuple(m for m in measurements if _family_key(m.trial) == key or _lower(m.nct) == key)


@functools.lru_cache(maxsize=1024)  # a label names a few trials, asked for each claim and number
def _lower(name: str | None) -> str:
    return (name or "").lower()


def _family_name(trial: str) -> str:
    """A trial's name without the study group's number it may carry: "PEGASUS TIMI-54" is PEGASUS
    (the label's prose names it so where it introduces it, its table captions and articles do not)."""
    return trial.split(" TIMI", 1)[0] if " TIMI" in trial else trial


@functools.lru_cache(maxsize=1024)
def _family_key(trial: str | None) -> str:
    """`_family_name`, case aside."""
    return _family_name(trial or "").lower()


_NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
}


@functools.lru_cache(maxsize=4096)  # asked for every (claim, rate) pair, of a few distinct texts
def _landmarks(text: str, value_at: int | None = None) -> frozenset[tuple[str, str]]:
    """The time points of rates a text names: {("3", "year")} for "3-year", "three-year", "after three
    years"; {("8", "week")} for "at Week 8". Where the text names several and says where its value is
    (``value_at``), the value's own: the last named before it, else the first after ("9% were in
    remission at week 8, compared with 7% on placebo, and at week 52 the rates were 17.3%": 9 and 7
    at week 8, 17.3 at week 52)."""
    found = []
    for m in patterns.LANDMARK.finditer(text):
        number = (m.group("n") or m.group("n2") or m.group("n3")).lower()
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower()
        found.append((m.end(), (_NUMBER_WORDS.get(number, number), unit)))
    if value_at is None or len({point for _, point in found}) < 2:
        return frozenset(point for _, point in found)
    before = [point for end, point in found if end <= value_at]
    return frozenset({before[-1] if before else found[0][1]})


@functools.lru_cache(maxsize=4096)
def _names_events(text: str) -> bool:
    return patterns.EVENT_ROW.search(text) is not None


ValueKind = tuple[bool, frozenset[tuple[str, str]]]  # (names events, time points)


def value_kind(words: str, value_at: int | None = None, arms: tuple[str | None, ...] = ()) -> ValueKind:
    """What `same_kind` compares of a rate's words (a label rate's are read once per label), whose value
    starts at ``value_at`` when known; the names of ``arms`` are no time point ("of the 12-month arm":
    GLEEVEC's arms are durations of treatment)."""
    for arm in arms:
        if arm and patterns.LANDMARK.search(arm):
            value_at = None  # the arm's name removed, the value's place in the words is lost
            words = build.whole_name(arm).sub(" ", words)
    return _names_events(words), _landmarks(words, value_at)


def same_kind(claim: ValueKind, label: ValueKind) -> bool:
    """A rate of patients with events is not a response or survival rate; a 2-year rate is not a
    4-year one, nor a rate with no time point one at 2 years. ``claim`` is the kind the words of the
    claim's clause say, ``label`` the kind of the words that say what the label's rate counts."""
    if label[0] and not claim[0]:
        return False
    return claim[1] == label[1]
