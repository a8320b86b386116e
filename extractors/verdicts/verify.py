"""Verdicts on an article's claims, checked against the measurements of the label it cites.

A numeric claim is checked only against measurements of its own frame: the same statistic,
endpoint, arm and population (a number is never supported by a coincidental match in an
unrelated row). When the frame's value differs, the other frames say what went wrong: the value
belongs to the other arm (``swapped_arms``), to another subgroup (``wrong_population``), to
another endpoint (``wrong_endpoint``), or is the right number in the wrong unit
(``wrong_unit``); otherwise it is a ``wrong_value``. Printed numbers are compared with their
rounding: 9 agrees with 9.0 and 4.6 with anything from 4.55 to 4.65.

Doses ("800 mg once daily") are not measurements: they are read here from the source text,
with their span, and compared by amount, unit and schedule.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

import regex

from extractors.checks import check_statement
from extractors.claims import find_claims
from extractors.ingest.articles import quoted_label_source, quoted_label_span
from extractors.records import VERDICTS, Article, Claim, Measurement, Source, VerifyReport
from extractors.text import vocabulary
from extractors.text.names import DRUG_WORD, arm_mentions, canonical_arm, drug_aliases
from extractors.verdicts.scope import check_scope

# Which measurement statistic a claim's statistic is checked against.
_FAMILY = {"median": "median", "rate": "rate", "hr": "hr", "risk_reduction": "hr", "n": "n", "p": "p"}

# A dose in label text: "pazopanib 800 mg once daily", "80 mg orally once daily".
_LABEL_DOSE = regex.compile(
    r"""
    (?<![\w.])(?P<amount>\d+(?:\.\d+)?)\s*            # "800"
    (?P<unit>mg/m2|mg/m²|mg/kg|mg|mcg|µg)\b          # "mg"
    (?P<schedule>
      (?:\s+(?:orally|by\s+mouth|intravenously|iv|po))?
      \s+(?:once|twice|three\s+times)\s+(?:a\s+)?(?:daily|day|weekly|week)   # "once daily"
      | (?:\s+(?:orally|intravenously))?\s+(?:daily|weekly)
      | \s+every\s+\d+\s+(?:days|weeks|hours)
    )?
    """,
    regex.VERBOSE | regex.I,
)


def verify(article: Article, sources: Sequence[Source] | None = None) -> VerifyReport:
    """Every claim of ``article`` with its verdict, against ``sources`` or the label it quotes."""
    from extractors.read.pipeline import extract  # the extraction pipeline, imported when needed

    chosen: tuple[Source, ...]
    if sources is None:
        quoted = quoted_label_source(article)
        chosen = (quoted,) if quoted is not None else ()
    else:
        chosen = tuple(sources)
    measurements = extract(chosen).measurements if chosen else ()
    return verify_with(article, chosen, measurements)


def verify_with(article: Article, sources: Sequence[Source], measurements: Sequence[Measurement]) -> VerifyReport:
    """Like `verify`, with the measurements already extracted (a pure function of its inputs)."""
    quoted = quoted_label_span(article)
    claims = [
        claim
        for claim in find_claims(article)
        if quoted is None or not (quoted[0] <= claim.span[0] < quoted[1])  # the quote is the source, not a claim
    ]
    doses = tuple(dose for source in sources for dose in label_doses(source))
    drugs = _source_drugs(sources, measurements)
    trials = {name for m in measurements for name in (m.trial, m.nct) if name}
    claims = [replace(claim, trial=_trial_in_context(article, claim, trials)) for claim in claims]
    checked = _inconsistent_within(
        article,
        tuple(
            _other_drug(article, claim, drugs)
            or check_claim(article, claim, tuple(measurements), doses, tuple(sources))
            for claim in claims
        ),
    )
    counts = Counter(claim.verdict for claim in checked)
    summary: dict[str, int] = {verdict: counts.get(verdict, 0) for verdict in VERDICTS}
    return VerifyReport(article, tuple(sources), tuple(measurements), checked, summary)


# Another trial the article names: "the LASER301 study", "the MARIPOSA trial", "NCT04487080".
_OTHER_TRIAL = regex.compile(
    r"""
    \b(?P<nct>NCT\d{8})\b
    | \b(?P<name>[A-Z][A-Za-z]*[A-Z][A-Za-z0-9-]*)(?=\s+(?:\([^)]{1,30}\)\s+)?(?:phase\s+\w+\s+)?(?:trial|study)\b)
    | (?<=\b(?:trial|study)\s+)(?P<after>[A-Z][A-Z0-9-]{2,})\b
    """,
    regex.VERBOSE,
)


def _source_drugs(sources: Sequence[Source], measurements: Sequence[Measurement]) -> frozenset[str]:
    """The drugs the sources are about: each source's drug and the experimental arms of its ratios."""
    names = {canonical_arm(source.drug) for source in sources if source.drug}
    names |= {canonical_arm(m.arm) for m in measurements if m.statistic == "hr" and m.arm}
    return frozenset(name for name in names if name)


def _other_drug(article: Article, claim: Claim, drugs: frozenset[str]) -> Claim | None:
    """A claim whose sentence names only drugs the sources are not about is about another study.

    A sentence that names no drug is about the drug named last before it in its section
    (a heading "Cabozantinib", an earlier sentence), if any.
    """
    if not drugs or claim.statistic == "scope":
        return None
    named = _drugs_named(claim.text)
    if not named:
        start, previous_end = 0, 0
        for _heading, (section_start, section_end) in article.sections:
            if section_start <= claim.span[0] < section_end:
                start = previous_end
            previous_end = section_end
        named = {canonical_arm(m.group(0)) or "" for m in DRUG_WORD.finditer(article.text, start, claim.span[0])}
        named.discard("")
    if not named or named & drugs or any(drug in name or name in drug for name in named for drug in drugs):
        return None
    return _unverifiable(
        claim,
        f"The sentence is about {', '.join(sorted(named))}; the sources are about {', '.join(sorted(drugs))}.",
    )


def _drugs_named(text: str) -> set[str]:
    """The drugs a sentence names, generic or brand ("VOTRIENT" → "pazopanib"), control words left out."""
    names = {canonical_arm(match.group(0)) for match in DRUG_WORD.finditer(text)}
    names |= {arm for _start, _end, arm in arm_mentions(text) if arm in drug_aliases().values()}
    return {name for name in names if name}


def _arm_is_named(arm: str | None, text: str) -> bool:
    """Whether a sentence names a measurement's arm (or a drug inside it: "EGFR TKI (gefitinib or erlotinib)")."""
    name = canonical_arm(arm) or ""
    if not name:
        return False
    named = _drugs_named(text) | {a for _s, _e, a in arm_mentions(text)}
    return any(drug == name or drug in name for drug in named)


def _trial_in_context(article: Article, claim: Claim, trials: set[str]) -> str | None:
    """The trial the article named last in the claim's section, up to the end of its sentence.

    Source trials are found by name wherever they occur; another trial only where the text calls
    it a trial or study ("the LASER301 study"), so that "HER2" or "EGFR" is never a trial.
    """
    start, previous_end = 0, 0
    for _heading, (section_start, section_end) in article.sections:
        if section_start <= claim.span[0] < section_end:
            start = previous_end  # the heading line belongs to its section: "Results of VEG110727"
        previous_end = section_end
    best: tuple[int, str] | None = None
    for trial in trials:
        for match in regex.finditer(
            rf"(?<![\w-]){regex.escape(trial)}(?![\w-])", article.text, pos=start, endpos=claim.span[1]
        ):
            if best is None or match.start() > best[0]:
                best = (match.start(), trial)
    for match in _OTHER_TRIAL.finditer(article.text, start, claim.span[1]):
        name = match.group("nct") or match.group("name") or match.group("after")
        if name and (best is None or match.start() > best[0]):
            best = (match.start(), name)
    return best[1] if best else None


def label_doses(source: Source) -> tuple[Measurement, ...]:
    """Every dose with its schedule the source states, as measurements with statistic "dose"."""
    found: list[Measurement] = []
    for match in _LABEL_DOSE.finditer(source.text):
        drugs = list(DRUG_WORD.finditer(source.text, max(0, match.start() - 40), match.start()))
        drug = canonical_arm(drugs[-1].group(0)) if drugs else source.drug
        unit = " ".join(f"{match.group('unit')}{match.group('schedule') or ''}".split())
        found.append(
            Measurement(
                source=source.id,
                statistic="dose",
                value=float(match.group("amount")),
                raw=match.group("amount"),
                span=(match.start("amount"), match.end("amount")),
                arm=canonical_arm(drug) if drug else None,
                unit=unit,
            )
        )
    return tuple(found)


def check_claim(
    article: Article,
    claim: Claim,
    measurements: tuple[Measurement, ...],
    doses: tuple[Measurement, ...],
    sources: tuple[Source, ...],
) -> Claim:
    """One claim with its verdict, kind, evidence and explanation."""
    if claim.statistic == "scope":
        return check_scope(claim, sources)
    if claim.statistic == "dose":
        return _check_dose(claim, doses)
    if claim.statistic == "fold":
        return _check_fold(article, claim, measurements)
    if claim.statistic in {"significant", "not_significant"}:
        return _check_significance(article, claim, measurements)
    if claim.statistic in _FAMILY and claim.value is not None:
        return _check_number(article, claim, measurements)
    return replace(claim, verdict="unverifiable", explanation="Not a statistic the sources can be checked for.")


# --- numbers ---------------------------------------------------------------------------------


def _decimals(raw: str) -> int:
    raw = raw.replace(" ", "")
    return len(raw.split(".", 1)[1]) if "." in raw else 0


def _agree(value: float, decimals: int, other: float, other_decimals: int) -> bool:
    """Equal after rounding to the coarser of the two printed precisions: 9 ≈ 9.0, 4.6 ≈ 4.63."""
    return bool(abs(value - other) <= 0.5 * 10 ** -min(decimals, other_decimals) + 1e-9)


def _population_key(population: str | None) -> str | None:
    """ "‘Other soft tissue sarcoma’ subgroup" → "other soft tissue sarcoma"."""
    if population is None:
        return None
    key = regex.sub(r"[‘’'\"“”]", "", population.lower())
    key = regex.sub(r"\b(?:subgroups?|population|cohort|subset|patients?|with)\b", " ", key)
    return _normal_ranges(" ".join(key.split())) or None


def _normal_ranges(text: str) -> str:
    """ "stage II to IIIA", "stage II – IIIA" → "stage ii-iiia": ranges written one way."""
    text = regex.sub(r"[‐‑‒–—−]", "-", text.lower())
    return str(regex.sub(r"(?<=\b[ivx]+[abc]?)\s*(?:-|\bto\b|\bthrough\b)\s*(?=[ivx]+[abc]?\b)", "-", text))


def _abbreviated(key: str) -> list[str]:
    """A population key and its common short forms: "soft tissue sarcoma" → "sts"."""
    forms = [key]
    if "soft tissue sarcoma" in key:
        forms.append(key.replace("soft tissue sarcoma", "sts"))
    return forms


def _claim_population(claim: Claim, measurements: tuple[Measurement, ...]) -> tuple[bool, str | None]:
    """(known, population) of the claim among the measurements' populations; None is overall ITT.

    A claim names a subgroup when its sentence (or the population carried from its context)
    contains a measurement population's name; a subgroup no measurement has is unknown.
    """
    text = _normal_ranges(f"{claim.text} {claim.population or ''}")
    best: tuple[int, str] | None = None
    for population in {m.population for m in measurements if m.population}:
        key = _population_key(population)
        named = key and any(
            regex.search(rf"(?<!\w){regex.escape(form)}(?:e?s)?(?!\w)", text) for form in _abbreviated(key)
        )
        if key and named and (best is None or len(key) > best[0]):
            best = (len(key), population)
    if best:
        return True, best[1]
    if claim.population is not None and not regex.search(r"\b(?:overall|itt|intent)", claim.population, regex.I):
        return False, claim.population
    return True, None


def _same_arm(claim_arm: str | None, measurement: Measurement) -> bool:
    """The claim's arm is the measurement's: same name, or a drug named inside it
    ("gefitinib" is the arm "EGFR TKI (gefitinib or erlotinib)")."""
    claim_name, name = canonical_arm(claim_arm), canonical_arm(measurement.arm)
    if not claim_name or not name:
        return False
    if claim_name == name:
        return True
    return bool(regex.search(rf"(?<![\w-]){regex.escape(claim_name)}(?![\w-])", name))


def _unit_of(measurement: Measurement) -> str | None:
    """The measurement's unit; for a median printed without one, the time unit its row or column names."""
    if measurement.statistic == "rate":
        return "%"
    if measurement.unit is None and measurement.statistic == "median":
        named = regex.search(
            r"\b(months?|weeks?|years?|days?)\b", f"{measurement.row or ''} {measurement.column or ''}", regex.I
        )
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


def _describe(m: Measurement) -> str:
    """ "Pazopanib median PFS 4.6 months (overall ITT)"."""
    population = m.population or "overall ITT"
    if m.statistic == "hr":
        ci = f" (95% CI {m.ci_low_raw or m.ci_low}, {m.ci_high_raw or m.ci_high})" if m.ci_low is not None else ""
        against = f" vs {m.comparator}" if m.comparator else ""
        return f"{m.endpoint} hazard ratio {m.raw.replace(' ', '')}{ci}, {m.arm}{against} ({population})"
    if m.statistic == "n":
        return f"N = {m.raw} in the {m.arm} arm ({population})"
    unit = "%" if m.statistic == "rate" else f" {_unit_of(m) or ''}".rstrip()
    what = {"median": f"median {m.endpoint}", "rate": f"{m.endpoint} rate", "p": f"{m.endpoint} p-value"}.get(
        m.statistic, f"{m.statistic} {m.endpoint}"
    )
    qualifier = m.qualifier or ""
    return f"{m.arm}: {what} {qualifier}{m.raw.replace(' ', '')}{unit} ({population})"


def _where(m: Measurement) -> str:
    parts = [
        part
        for part in (m.table, f"row '{m.row}'" if m.row else None, f"column '{m.column}'" if m.column else None)
        if part
    ]
    place = ", ".join(parts) if parts else "the label text"
    return f"{place}, characters {m.span[0]}–{m.span[1]} of {m.source}"


def _said(article: Article, claim: Claim) -> str:
    """What the article says, as printed: "median PFS 4.6 months (pazopanib)"."""
    raw = article.text[claim.value_span[0] : claim.value_span[1]] if claim.value_span else ""
    what = {
        "median": f"median {claim.endpoint or '(endpoint not named)'}",
        "rate": f"{claim.endpoint or ''} rate".strip(),
        "hr": f"{claim.endpoint or ''} hazard ratio".strip(),
        "risk_reduction": f"a {claim.endpoint or ''} risk reduction (1 − HR)".replace("  ", " "),
        "n": "number of patients",
        "p": "p-value",
    }.get(claim.statistic or "", claim.statistic or "value")
    unit = "%" if claim.unit == "%" else f" {claim.unit}" if claim.unit and claim.statistic != "n" else ""
    arm = f" for {claim.arm}" if claim.arm else ""
    ci = f" (CI {claim.ci_low}–{claim.ci_high})" if claim.ci_low is not None else ""
    return f"{what} {raw}{unit}{ci}{arm}"


def _corrected(article: Article, claim: Claim, value: str, unit: str | None = None) -> str:
    """The claim's sentence with the value (and unit word) replaced by the label's."""
    if claim.value_span is None:
        return claim.text
    start = claim.value_span[0] - claim.span[0]
    end = claim.value_span[1] - claim.span[0]
    after = claim.text[end:]
    if unit is not None:
        after = regex.sub(r"^(\s*)(?:months?|weeks?|years?|days?)\b", lambda m: f"{m.group(1)}{unit}", after, count=1)
    return f"{claim.text[:start]}{value}{after}".strip()


def _matches(claim: Claim, m: Measurement, decimals: int) -> bool:
    """The claim's value agrees with the measurement's, in the claim's unit (or converted)."""
    assert claim.value is not None
    if m.value is None:
        return False
    other_decimals = _decimals(m.raw)
    if claim.statistic == "risk_reduction":
        derived = (1 - m.value) * 100
        tolerance = 0.5 * 10**-decimals + 0.5 * 10 ** (2 - other_decimals)
        return bool(abs(claim.value - derived) <= tolerance + 1e-9)
    if claim.statistic == "p":
        return _agree(claim.value, decimals, m.value, other_decimals) or (
            m.qualifier in {"<", "≤"} and claim.value >= m.value and _p_operator(claim) in {"<", "≤"}
        )
    unit = _unit_of(m)
    if claim.statistic == "median" and unit is not None and claim.unit != unit:
        converted = _convert(claim.value, claim.unit, unit)
        if converted is None:
            return False
        factor = _convert(1.0, claim.unit, unit) or 1.0
        return bool(abs(converted - m.value) <= 0.5 * 10**-decimals * factor + 0.5 * 10**-other_decimals + 1e-9)
    if not _agree(claim.value, decimals, m.value, other_decimals):
        return False
    if claim.ci_low is not None and claim.ci_high is not None and m.ci_low is not None and m.ci_high is not None:
        return _agree(claim.ci_low, 2, m.ci_low, _decimals(m.ci_low_raw or str(m.ci_low))) and _agree(
            claim.ci_high, 2, m.ci_high, _decimals(m.ci_high_raw or str(m.ci_high))
        )
    return True


def _inconsistent_within(article: Article, claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """Flag numbers an article states that cannot all be right, whatever the label says:
    "HR 0.62 (95% CI 0.49–0.79), p = 0.21". The ratio and its p-value in one sentence are checked
    with `check_statement`; a p-value the label could not settle is then contradicted by its own CI."""
    flagged = list(claims)
    for index, claim in enumerate(claims):
        if claim.statistic not in {"hr", "or", "rr"} or claim.value_span is None:
            continue
        p_claims = [i for i, other in enumerate(claims) if other.statistic == "p" and other.span == claim.span]
        p_index = p_claims[0] if p_claims else None
        p_raw = _raw(article, claims[p_index]) if p_index is not None else None
        p_operator = _p_operator(claims[p_index]) if p_index is not None else None
        flags = check_statement(
            claim.statistic, _raw(article, claim), claim.ci_low_raw, claim.ci_high_raw, claim.ci_level,
            p_raw, None if p_operator in (None, "=") else p_operator,
        )  # fmt: skip
        if not flags:
            continue
        flagged[index] = replace(flagged[index], flags=flagged[index].flags + flags)
        if p_index is not None and any(f.check == "p_inconsistent_with_ci" for f in flags):
            p_claim = flagged[p_index]
            message = next(f.message for f in flags if f.check == "p_inconsistent_with_ci")
            p_claim = replace(p_claim, flags=p_claim.flags + flags)
            if p_claim.verdict == "unverifiable":
                p_claim = replace(
                    p_claim,
                    verdict="contradicted",
                    kind="inconsistent_statistics",
                    explanation=f"The article's own numbers cannot all be right: {message}",
                )
            flagged[p_index] = p_claim
    return tuple(flagged)


def _raw(article: Article, claim: Claim) -> str:
    assert claim.value_span is not None
    return article.text[claim.value_span[0] : claim.value_span[1]]


def _p_operator(claim: Claim) -> str | None:
    before = claim.text[: (claim.value_span or claim.span)[0] - claim.span[0]]
    match = regex.search(r"([<=>≤≥])\s*$", before)
    return match.group(1) if match else None


def _check_number(article: Article, claim: Claim, measurements: tuple[Measurement, ...]) -> Claim:
    assert claim.value is not None and claim.value_span is not None
    raw = article.text[claim.value_span[0] : claim.value_span[1]]
    decimals = _decimals(raw)
    family = _FAMILY[claim.statistic or ""]
    said = _said(article, claim)
    pool = tuple(m for m in measurements if m.statistic == family and _same_kind_of_value(claim, m))
    everything = pool
    if claim.trial and pool:
        pool = tuple(m for m in pool if claim.trial.lower() in {(m.trial or "").lower(), (m.nct or "").lower()})
        if not pool:
            return _unverifiable(
                claim, f"The article says {said} about {claim.trial}; the sources report no {family} for that trial."
            )
    if not pool:
        return _unverifiable(claim, f"The article says {said}; the sources state no {family} to check it against.")
    trials = sorted({_trial_key(m) for m in pool})
    if len(trials) > 1:
        return _check_across_trials(article, claim, pool, trials, said)
    result = _check_in_trial(article, claim, pool, raw, decimals, family, said)
    if result.kind == "wrong_value" and claim.trial:
        elsewhere = [
            m
            for m in everything
            if m not in pool
            and m.endpoint == claim.endpoint
            and (family in {"hr", "p"} or claim.arm is None or _same_arm(claim.arm, m))
            and _matches(claim, m, decimals)
        ]
        if elsewhere:
            m = elsewhere[0]
            return replace(
                result,
                kind="wrong_trial",
                explanation=result.explanation.replace("Contradicted (wrong value)", "Contradicted (wrong trial)", 1)
                + f" {raw} is the label's {_describe(m)} in {m.trial} ({_where(m)}), not {claim.trial}'s.",
            )
    return result


_EVENT_ROW = regex.compile(r"\b(?:events?|deaths?|died|progressive\s+disease|progressed|discontinu\w*)\b", regex.I)
_LANDMARK = regex.compile(
    r"\b(?P<n>\d+)[- ](?P<unit>year|month|week)s?\b|\bat\s+(?P<n2>\d+)\s+(?P<unit2>year|month|week)s?\b", regex.I
)


def _landmarks(text: str) -> set[tuple[str, str]]:
    return {
        (m.group("n") or m.group("n2"), (m.group("unit") or m.group("unit2")).lower()) for m in _LANDMARK.finditer(text)
    }


def _same_kind_of_value(claim: Claim, m: Measurement) -> bool:
    """A rate of patients with events is not a response or survival rate; a 2-year rate is not a 4-year one."""
    if m.statistic != "rate":
        return True
    where = f"{m.row or ''} {m.column or ''}"
    if _EVENT_ROW.search(where) and not _EVENT_ROW.search(claim.text):
        return False
    said = _landmarks(claim.text)
    return not said or bool(said & _landmarks(where))


def _trial_key(m: Measurement) -> str:
    """The trial a measurement belongs to; a label that does not name its trials has one per table."""
    return m.trial or (f"{m.table} of {m.source}" if m.table else "")


def _check_across_trials(
    article: Article, claim: Claim, pool: tuple[Measurement, ...], trials: list[str], said: str
) -> Claim:
    """A claim that names no trial, against a label with several: supported if one trial's frame
    agrees; judged in the one trial that has its frame; otherwise unverifiable, naming the trials."""
    assert claim.value_span is not None
    raw = article.text[claim.value_span[0] : claim.value_span[1]]
    family = _FAMILY[claim.statistic or ""]
    results = {
        trial: _check_in_trial(
            article, claim, tuple(m for m in pool if _trial_key(m) == trial), raw, _decimals(raw), family, said
        )
        for trial in trials
    }
    for trial, result in results.items():
        if result.verdict == "supported":
            named = result.evidence.trial if result.evidence else None
            return replace(result, trial=named, explanation=f"{result.explanation} (Trial: {named or trial}.)")
    # With no trial named, a value that fits no trial is not called wrong: it may come from another study.
    return _unverifiable(
        claim,
        f"The article says {said} without naming which trial; the label reports several ({', '.join(t or 'unnamed' for t in trials)}) "
        "and the value agrees with none of them.",
    )


def _check_in_trial(
    article: Article,
    claim: Claim,
    pool: tuple[Measurement, ...],
    raw: str,
    decimals: int,
    family: str,
    said: str,
) -> Claim:
    """The verdict of a numeric claim against the measurements of one trial."""
    assert claim.value is not None
    known, population = _claim_population(claim, pool)
    if not known:
        return _unverifiable(
            claim, f"The article says {said} in the {population}; the sources report no such population."
        )
    claim = replace(claim, population=population)  # the population as the label names it
    arm_free = family in {"hr", "p"}
    endpoint = claim.endpoint
    if endpoint is None and family != "n":
        endpoints = {m.endpoint for m in pool}
        if len(endpoints) != 1:
            return _unverifiable(claim, f"The article says {said} without naming the endpoint.")
        endpoint = next(iter(endpoints))

    def frame(m: Measurement, *, arm: bool = True, pop: bool = True, end: bool = True) -> bool:
        if pop and m.population != population:
            return False
        if end and family != "n" and m.endpoint != endpoint:
            return False
        return not (arm and not arm_free and claim.arm is not None and not _same_arm(claim.arm, m))

    in_frame = [m for m in pool if frame(m)]
    if family == "n" and claim.arm is None:
        return _check_total(article, claim, in_frame, decimals, said)
    sentence_names_arms = bool(_drugs_named(claim.text) or arm_mentions(claim.text))
    for m in in_frame:
        if claim.arm is None and not arm_free and sentence_names_arms and not _arm_is_named(m.arm, claim.text):
            continue  # "11.4 months for GC" in a sentence on erlotinib: not the label's osimertinib arm
        if _matches(claim, m, decimals):
            note = ""
            if claim.arm is None and not arm_free:
                note = f" The article does not name the arm; the value is the {m.arm} arm's."
            return replace(
                claim,
                verdict="supported",
                evidence=m,
                explanation=f"Supported: the article says {said}; the label gives {_describe(m)} in {_where(m)}.{note}",
            )
    # Not in its frame: find where the number does belong.
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
                frame(m)
                and _unit_of(m) not in {None, claim.unit}  # a label value with no unit printed cannot say
                and _agree(claim.value or 0, decimals, m.value or 0, _decimals(m.raw))
            ),
        ),
        ("swapped_arms", lambda m: frame(m, arm=False) and not arm_free and not _same_arm(claim.arm, m)),
        ("wrong_population", lambda m: frame(m, pop=False) and m.population != population),
        ("wrong_endpoint", lambda m: frame(m, end=False) and m.endpoint != endpoint),
    ]
    if family == "p":
        checks = []  # "p<0.001" holds for many rows: it cannot say which one it was taken from
    for kind, belongs in checks:
        for m in pool:
            if m.value is None or not belongs(m):
                continue
            if kind != "wrong_unit" and not _matches(claim, m, decimals):
                continue
            return _contradicted(article, claim, kind, m, target, said, raw)
    if target is None:
        return _unverifiable(
            claim,
            f"The article says {said}; the sources report no {endpoint or ''} {family} for "
            f"{claim.arm or 'this arm'} ({population or 'overall ITT'}).".replace("  ", " "),
        )
    return _contradicted(article, claim, "wrong_value", None, target, said, raw)


def _contradicted(
    article: Article,
    claim: Claim,
    kind: str,
    belongs: Measurement | None,
    target: Measurement | None,
    said: str,
    raw: str,
) -> Claim:
    reason = {
        "wrong_unit": "the number is right but its unit is not",
        "swapped_arms": "the value belongs to the other arm",
        "wrong_population": "the value belongs to another population",
        "wrong_endpoint": "the value belongs to another endpoint",
        "wrong_value": "the label gives a different value",
    }[kind]
    parts = [f"Contradicted ({kind.replace('_', ' ')}): the article says {said}"]
    if target is not None:
        parts.append(f"the label gives {_describe(target)} in {_where(target)}")
    if belongs is not None and belongs is not target:
        parts.append(f"{raw} is the label's {_describe(belongs)} ({_where(belongs)}) — {reason}")
    elif kind == "wrong_unit" and target is not None:
        parts.append(f"the label's unit is {_unit_of(target)}, the article's {claim.unit}")
    text = "; ".join(parts) + "."
    if target is not None and target.value is not None:
        unit = _unit_of(target) if kind == "wrong_unit" else None
        value = raw if kind == "wrong_unit" else target.raw.replace(" ", "")
        if claim.statistic == "risk_reduction":
            value = f"{round((1 - target.value) * 100)}"
        corrected = _corrected(article, claim, value, unit)
        if kind == "swapped_arms":
            corrected = _swapped(claim, raw, value)
        text += f" Corrected: '{corrected}'"
    elif kind == "wrong_endpoint" and belongs is not None:
        text += f" The label reports {raw} as {belongs.endpoint}, not {claim.endpoint}; it gives no {claim.endpoint} value here."
    return replace(claim, verdict="contradicted", kind=kind, evidence=target or belongs, explanation=text)


def _swapped(claim: Claim, raw: str, value: str) -> str:
    """The sentence with the two arms' values exchanged, when it states both."""
    assert claim.value_span is not None
    start, end = claim.value_span[0] - claim.span[0], claim.value_span[1] - claim.span[0]
    other = regex.search(rf"(?<![\d.]){regex.escape(value)}(?![\d]|\.\d)", claim.text[end:])
    if other is None:
        other_before = list(regex.finditer(rf"(?<![\d.]){regex.escape(value)}(?![\d]|\.\d)", claim.text[:start]))
        if not other_before:
            return f"{claim.text[:start]}{value}{claim.text[end:]}".strip()
        o = other_before[-1]
        return f"{claim.text[: o.start()]}{raw}{claim.text[o.end() : start]}{value}{claim.text[end:]}".strip()
    o_start, o_end = end + other.start(), end + other.end()
    return f"{claim.text[:start]}{value}{claim.text[end:o_start]}{raw}{claim.text[o_end:]}".strip()


def _check_total(article: Article, claim: Claim, rows: list[Measurement], decimals: int, said: str) -> Claim:
    """A count with no arm: the number randomized, the sum of the arms' N (or one arm's N)."""
    assert claim.value is not None
    if not rows:
        return _unverifiable(claim, f"The article says {said}; the sources give no N for this population.")
    total = sum(m.value or 0 for m in rows)
    arms = " + ".join(f"{m.raw} ({m.arm})" for m in rows)
    if _agree(claim.value, decimals, total, 0):
        return replace(
            claim,
            verdict="supported",
            evidence=rows[0],
            explanation=f"Supported: the article says {said}; the label's arms sum to {arms} = {total:g} in {_where(rows[0])}.",
        )
    for m in rows:
        if m.value is not None and _agree(claim.value, decimals, m.value, 0):
            return replace(
                claim,
                verdict="supported",
                evidence=m,
                explanation=f"Supported: the article says {said}; the label gives {_describe(m)} in {_where(m)}.",
            )
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_value",
        evidence=rows[0],
        explanation=(
            f"Contradicted (wrong value): the article says {said}; the label's arms are {arms} = {total:g} "
            f"patients in {_where(rows[0])}. Corrected: '{_corrected(article, claim, f'{total:g}')}'"
        ),
    )


def _unverifiable(claim: Claim, explanation: str) -> Claim:
    return replace(claim, verdict="unverifiable", kind=None, evidence=None, explanation=explanation)


# --- doses and significance ------------------------------------------------------------------


def _schedule(unit: str | None) -> str:
    text = (unit or "").lower()
    text = regex.sub(r"\b(?:orally|by mouth|intravenously|iv|po)\b", " ", text)
    text = regex.sub(r"\bonce\s+a\s+day\b|\bonce\s+daily\b|\bdaily\b", "once-daily", text)
    text = regex.sub(r"\btwice\s+(?:a\s+day|daily)\b", "twice-daily", text)
    return " ".join(text.split())


def _check_dose(claim: Claim, doses: tuple[Measurement, ...]) -> Claim:
    drug = canonical_arm(claim.arm)
    relevant = [d for d in doses if drug is None or d.arm is None or canonical_arm(d.arm) == drug]
    if not relevant:
        return _unverifiable(claim, f"The article gives a dose of {claim.arm or 'the drug'}; the sources state none.")
    said = f"{claim.arm or ''} {claim.value:g} {claim.unit}".strip()
    claim_schedule = _schedule(claim.unit)
    for dose in relevant:
        same_amount = dose.value == claim.value
        label_schedule = _schedule(dose.unit)
        same_schedule = claim_schedule == label_schedule or (
            claim_schedule.split()[0:1] == label_schedule.split()[0:1]
            and (len(claim_schedule.split()) == 1 or len(label_schedule.split()) == 1)
        )
        if same_amount and same_schedule:
            return replace(
                claim,
                verdict="supported",
                evidence=dose,
                explanation=f"Supported: the article says {said}; the label says {dose.raw} {dose.unit} "
                f"(characters {dose.span[0]}–{dose.span[1]} of {dose.source}).",
            )
    first = relevant[0]
    stated = "; ".join(f"{d.raw} {d.unit}" for d in relevant)
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_value",
        evidence=first,
        explanation=f"Contradicted (wrong value): the article says {said}; the label states {stated} "
        f"(characters {first.span[0]}–{first.span[1]} of {first.source}).",
    )


def _check_fold(article: Article, claim: Claim, measurements: tuple[Measurement, ...]) -> Claim:
    """ "more than doubled median PFS" against the ratio of the experimental and control medians."""
    assert claim.value is not None and claim.value_span is not None
    words = article.text[claim.value_span[0] : claim.value_span[1]]
    pool = [m for m in measurements if m.statistic == "median" and m.endpoint == claim.endpoint and m.value]
    if claim.trial:
        pool = [m for m in pool if claim.trial.lower() in {(m.trial or "").lower(), (m.nct or "").lower()}]
    known, population = _claim_population(claim, tuple(pool))
    pool = [m for m in pool if m.population == population]
    controls = vocabulary.control_arms()
    comparators = {canonical_arm(m.comparator) for m in measurements if m.statistic == "hr" and m.comparator}
    control = [m for m in pool if canonical_arm(m.arm) in comparators or (canonical_arm(m.arm) or "") in controls]
    experimental = [m for m in pool if m not in control and (claim.arm is None or _same_arm(claim.arm, m))]
    if not known or len({_trial_key(m) for m in pool}) > 1 or not control or not experimental:
        return _unverifiable(
            claim,
            f"The article says '{words}' {claim.endpoint}; the sources give no single pair of medians to compare.",
        )
    exp, ctl = experimental[0], control[0]
    ratio = (exp.value or 0.0) / (ctl.value or 1.0)
    hedge = claim.hedge or ""
    factor = claim.value
    if hedge in {"more than", "over"}:
        holds = ratio >= factor
    elif hedge in {"nearly", "almost"}:
        holds = 0.75 * factor <= ratio <= 1.05 * factor
    elif hedge:
        holds = 0.8 * factor <= ratio <= 1.25 * factor
    else:
        holds = ratio >= 0.9 * factor
    where = f"{_describe(exp)} and {_describe(ctl)} ({_where(exp)})"
    if holds:
        return replace(
            claim,
            verdict="supported",
            evidence=exp,
            explanation=f"Supported: the article says '{words}'; the label's medians give {exp.raw} / {ctl.raw} = {ratio:.1f}: {where}.",
        )
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_value",
        evidence=exp,
        explanation=f"Contradicted (wrong value): the article says '{words}'; the label's medians give {exp.raw} / {ctl.raw} = {ratio:.1f}: {where}.",
    )


def _check_significance(article: Article, claim: Claim, measurements: tuple[Measurement, ...]) -> Claim:
    """ "significantly longer PFS" against the hazard ratio's CI (or a p-value) for that endpoint."""
    if claim.trial:
        measurements = tuple(
            m for m in measurements if claim.trial.lower() in {(m.trial or "").lower(), (m.nct or "").lower()}
        )
    known, population = _claim_population(claim, measurements)
    ratios = [
        m
        for m in measurements
        if m.statistic == "hr" and m.endpoint == claim.endpoint and m.population == population and m.ci_low is not None
    ]
    pvalues = [
        m for m in measurements if m.statistic == "p" and m.endpoint == claim.endpoint and m.population == population
    ]
    if not known or len({_trial_key(m) for m in ratios + pvalues}) > 1:
        return _unverifiable(
            claim,
            f"The article makes a significance statement about {claim.endpoint} without naming which trial "
            "or population; the sources report several.",
        )
    evidence: Measurement | None = None
    significant: bool | None = None
    why = ""
    if pvalues and pvalues[0].value is not None:  # the p-value decides; a CI is rounded
        evidence = pvalues[0]
        significant = (evidence.value or 1.0) < 0.05 or (
            evidence.qualifier in {"<", "≤"} and (evidence.value or 1.0) <= 0.05
        )
        why = f"the label's {_describe(evidence)} is {'below' if significant else 'not below'} 0.05"
    elif ratios and 1.0 not in {ratios[0].ci_low, ratios[0].ci_high}:  # a bound printed as 1.00 decides nothing
        evidence = ratios[0]
        low, high = evidence.ci_low or 0.0, evidence.ci_high or 0.0
        significant = high < 1 or low > 1
        why = f"the label's {_describe(evidence)} {'excludes' if significant else 'includes'} 1"
    if significant is None or evidence is None:
        return _unverifiable(
            claim,
            f"The article makes a significance statement about {claim.endpoint}; the sources give no CI or p-value for it.",
        )
    says = claim.statistic == "significant"
    word = article.text[claim.value_span[0] : claim.value_span[1]] if claim.value_span else "significant"
    if says == significant:
        return replace(
            claim,
            verdict="supported",
            evidence=evidence,
            explanation=f"Supported: the article says '{word}'; {why} ({_where(evidence)}).",
        )
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_significance",
        evidence=evidence,
        explanation=f"Contradicted (wrong significance): the article says '{word}' about {claim.endpoint}; {why} ({_where(evidence)}).",
    )


__all__ = ["check_claim", "label_doses", "verify", "verify_with"]
