"""Scope claims checked against the population a label's trial enrolled.

A sentence that says what a treatment is for ("The treatment for soft tissue sarcoma of the
thigh is pazopanib 800 mg once daily.") must carry the qualifiers of the trial population the
evidence comes from: disease stage (metastatic or advanced vs localized), prior therapy,
biomarker, and the histologies the trial excluded. The qualifiers are read from the label text
by the vocabulary in ``data/scope.json`` — the enrolment sentence ("Patients with metastatic STS
who had received prior chemotherapy … were randomized") and the exclusion sentence ("Patients
with gastrointestinal stromal tumors (GIST) or adipocytic sarcoma were excluded").

A sentence that describes the evidence rather than stating an indication ("… is based on a study
where patients with metastatic STS received pazopanib") is only checked for qualifiers that
contradict the trial's (localized where the trial was metastatic).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

import regex

from extractors.records import Claim, Source, Span
from extractors.text import vocabulary
from extractors.text.names import drug_aliases

_SENTENCE = regex.compile(r"[^.!?]*?(?:[.!?](?=\s+[A-Z(‘'\"]|\s*$)|$)", regex.S)


@cache
def _data() -> dict[str, Any]:
    keys = ("stage", "prior_therapy", "biomarker", "exclusion_cues", "enrolment_cues", "evidence_cues")
    return vocabulary.load_data("scope.json", keys)


DIMENSIONS = ("stage", "prior_therapy", "biomarker")
_DIMENSION_NAMES = {"stage": "disease stage", "prior_therapy": "prior therapy", "biomarker": "biomarker"}


def _cue(key: str) -> regex.Pattern[str]:
    return _phrase_pattern(tuple(str(p) for p in _data()[key]))


@cache
def _phrase_pattern(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    body = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return regex.compile(rf"(?<![\w-])(?:{body})(?![\w-])", regex.I)


@dataclass(frozen=True, slots=True)
class Qualifier:
    """One qualifier of a population: its dimension, canonical value and the words that say it."""

    dimension: str  # stage | prior_therapy | biomarker
    value: str  # e.g. "metastatic or advanced"
    phrase: str  # the words as printed, e.g. "metastatic"


@dataclass(frozen=True, slots=True)
class TrialScope:
    """The population a label's trial enrolled, as the label states it."""

    source: str
    trial: str | None
    enrolment: str  # the enrolment sentence as printed
    enrolment_span: Span  # its offsets in the source text
    population: str  # "patients with metastatic STS who had received prior chemotherapy, …"
    qualifiers: tuple[Qualifier, ...]
    exclusion: str | None  # the exclusion sentence as printed
    excluded: tuple[str, ...]  # "gastrointestinal stromal tumors (GIST)", "adipocytic sarcoma"


def qualifiers(text: str) -> tuple[Qualifier, ...]:
    """The stage, prior-therapy and biomarker qualifiers ``text`` states, in order of dimension."""
    found: list[Qualifier] = []
    for dimension in DIMENSIONS:
        hits: list[tuple[int, int, str, str]] = []  # start, end, value, words
        for value, phrases in _data()[dimension].items():
            for match in _phrase_pattern(tuple(str(p) for p in phrases)).finditer(text):
                hits.append((match.start(), match.end(), str(value), str(match.group(0))))
        taken: list[tuple[int, int, str, str]] = []
        for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):  # longest first: "uncommon EGFR mutations"
            if all(hit[1] <= other[0] or other[1] <= hit[0] for other in taken):
                taken.append(hit)
        best: dict[str, tuple[int, int, str, str]] = {}  # value → its longest wording ("prior chemotherapy")
        for hit in taken:
            if hit[2] not in best or len(hit[3]) > len(best[hit[2]][3]):
                best[hit[2]] = hit
        for _start, _end, value, words in sorted(best.values()):
            found.append(Qualifier(dimension, value, words))
    return tuple(found)


def _by_dimension(found: tuple[Qualifier, ...]) -> dict[str, list[Qualifier]]:
    grouped: dict[str, list[Qualifier]] = {}
    for qualifier in found:
        grouped.setdefault(qualifier.dimension, []).append(qualifier)
    return grouped


def _conflicts(scope: TrialScope, stated: dict[str, list[Qualifier]]) -> list[tuple[Qualifier, Qualifier]]:
    """(label qualifier, article qualifier) for each dimension where the article's values are all different."""
    found: list[tuple[Qualifier, Qualifier]] = []
    for dimension, label in _by_dimension(scope.qualifiers).items():
        said = stated.get(dimension, [])
        if said and not {q.value for q in said} & {q.value for q in label}:
            found.append((label[0], said[0]))
    return found


def trial_scope(source: Source) -> TrialScope | None:
    """The enrolled population of the first trial (or indication) in ``source``, or None."""
    scopes = trial_scopes(source)
    return scopes[0] if scopes else None


def trial_scopes(source: Source) -> tuple[TrialScope, ...]:
    """Every population the source states a trial enrolled or the drug is indicated for, in order.

    A label with several trials (TAGRISSO: ADAURA, FLAURA, AURA3) has several; a scope claim is
    checked against the one it fits best. An exclusion applies to the population stated before it.
    """
    text = source.text
    found: list[tuple[str, Span]] = []
    exclusions: dict[int, str] = {}
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if not sentence:
            continue
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        if _cue("exclusion_cues").search(sentence) and found and len(found) - 1 not in exclusions:
            exclusions[len(found) - 1] = _exclusion_clause(sentence)
        describes = regex.search(
            r"\bpatients\s+(?:with|whose|who)\b|\bindicated\b|\btreatment\s+of\b", sentence, regex.I
        )
        if describes and _cue("enrolment_cues").search(sentence) and qualifiers(sentence):
            found.append((sentence, (start, start + len(sentence))))
            if _cue("exclusion_cues").search(sentence):
                exclusions[len(found) - 1] = _exclusion_clause(sentence)
    scopes: list[TrialScope] = []
    for index, (sentence, span) in enumerate(found):
        exclusion = exclusions.get(index)
        # The exclusion is often run into the enrolment sentence ("… or placebo Patients with GIST … were excluded").
        if exclusion and exclusion in sentence and not sentence.startswith(exclusion):
            sentence = sentence[: sentence.index(exclusion)].rstrip()
            span = (span[0], span[0] + len(sentence))
        scopes.append(
            TrialScope(
                source=source.id,
                trial=_trial_near(text, span),
                enrolment=sentence,
                enrolment_span=span,
                population=_population_clause(sentence),
                qualifiers=qualifiers(sentence),
                exclusion=exclusion,
                excluded=_excluded(exclusion) if exclusion else (),
            )
        )
    return tuple(scopes)


# A trial name: "VEG110727", "AURA3", "(FLAURA [NCT02296125])", "NCT00753688".
_TRIAL_NAME = regex.compile(
    r"""
    \b(?P<nct>NCT\d{8})\b
    | \b(?P<code>[A-Z]{2,}[A-Z-]*\d{2,}[A-Z]?|[A-Z]{3,}\d)\b        # "VEG110727", "AURA3"
    | (?<=\()(?P<name>[A-Z][A-Z0-9-]{3,})(?=\s*[\[(]?\s*NCT\d)      # "(FLAURA [NCT02296125]"
    """,
    regex.VERBOSE,
)


def _trial_near(text: str, span: Span) -> str | None:
    """The trial named in the enrolment sentence, else just before it; a name before its NCT number."""
    for start, end in (span, (max(0, span[0] - 300), span[0])):
        matches = list(_TRIAL_NAME.finditer(text, start, end))
        names = [m.group("code") or m.group("name") for m in matches if m.group("code") or m.group("name")]
        ncts = [m.group("nct") for m in matches if m.group("nct")]
        if names or ncts:
            return str((names or ncts)[-1] if start != span[0] else (names or ncts)[0])
    return None


def _population_clause(sentence: str) -> str:
    """ "Patients with metastatic STS who had received prior chemotherapy, …, were randomized" →
    "patients with metastatic STS who had received prior chemotherapy, …"."""
    match = regex.search(
        r"\b(?P<p>patients\s+with\s.+?)(?:,?\s+(?:were|was)\s+(?:randomi[sz]ed|enrolled|eligible|included)\b|$)",
        sentence,
        regex.I,
    )
    if not match:
        return sentence.rstrip(".")
    clause = match.group("p").rstrip(" ,.")
    return str(clause[0].lower() + clause[1:])


def _exclusion_clause(sentence: str) -> str:
    """The clause that excludes: from the last "Patients with" before the cue to the sentence end."""
    cue = _cue("exclusion_cues").search(sentence)
    if cue is None:
        return sentence
    starts = [m.start() for m in regex.finditer(r"\bpatients\s+with\b", sentence[: cue.start()], regex.I)]
    return sentence[starts[-1] :] if starts else sentence


def _excluded(sentence: str) -> tuple[str, ...]:
    """ "Patients with gastrointestinal stromal tumors (GIST) or adipocytic sarcoma were excluded"
    → ("gastrointestinal stromal tumors (GIST)", "adipocytic sarcoma")."""
    match = regex.search(
        r"\bpatients\s+with\s+(?P<list>.+?)\s+(?:were|was)\s+(?:excluded|not\s+eligible|ineligible)", sentence, regex.I
    )
    if not match:
        return ()
    parts = regex.split(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+", match.group("list"))
    return tuple(part.strip() for part in parts if part.strip())


def _mentions(claim_text: str, excluded: str) -> bool:
    """Whether a claim names an excluded histology ("GIST", "adipocytic sarcoma")."""
    names = [excluded]
    abbreviation = regex.search(r"\(([A-Za-z0-9-]{2,})\)", excluded)
    if abbreviation:
        names.append(abbreviation.group(1))
        names.append(excluded[: abbreviation.start()].strip())
    return any(regex.search(rf"(?<!\w){regex.escape(name)}(?!\w)", claim_text, regex.I) for name in names if name)


def check_scope(claim: Claim, sources: Sequence[Source]) -> Claim:
    """The verdict on a scope claim: supported, overgeneralized (with what is missing), or unverifiable."""
    if claim.arm and sources and not any(_names_drug(source, claim.arm) for source in sources):
        return replace(
            claim,
            verdict="unverifiable",
            explanation=f"The article says: “{claim.text.strip()}” The sources are not about {claim.arm}.",
        )
    scopes = [
        scope for source in sources if not claim.arm or _names_drug(source, claim.arm) for scope in trial_scopes(source)
    ]
    if not scopes:
        return replace(
            claim,
            verdict="unverifiable",
            explanation="The sources state no trial population or indication to check this statement against.",
        )
    text = claim.text
    stated = _by_dimension(qualifiers(text))
    fitting = [candidate for candidate in scopes if _misfit(candidate, text, stated) == 0]
    # a population the statement fits, else the fullest one it does not contradict, to explain what is missing
    scope = (
        fitting[0]
        if fitting
        else min(scopes, key=lambda candidate: (_clash(candidate, text, stated), -len(candidate.qualifiers)))
    )
    conflicts = _conflicts(scope, stated)
    missing = list({q.dimension: q for q in reversed(scope.qualifiers) if q.dimension not in stated}.values())[::-1]
    excluded_named = [name for name in scope.excluded if _mentions(text, name)]
    evidence_only = bool(_cue("evidence_cues").search(text))
    if regex.search(r"\bindicated\b", scope.enrolment, regex.I):
        where = f"The label ({scope.source}) indicates it for {scope.population}"
    else:
        where = f"The label ({scope.source}) says {'the trial ' + scope.trial if scope.trial else 'the trial'} enrolled {scope.population}"
    if scope.exclusion:
        where += f"; {_sentence_case(scope.exclusion, lower=True).rstrip('.')}"
    where += "."
    if conflicts or excluded_named:
        problems = [
            f"{_DIMENSION_NAMES[said.dimension]}: the article says '{said.phrase}' but the trial enrolled "
            f"'{label.phrase}' ({label.value})"
            for label, said in conflicts
        ] + [f"the article names {name}, which the trial excluded" for name in excluded_named]
        return replace(
            claim,
            verdict="overgeneralized",
            kind="excluded_population" if excluded_named else "population_extrapolation",
            explanation=f"The article says: “{text.strip()}” {where} Conflict: {'; '.join(problems)}.",
        )
    if evidence_only or not missing:
        carried = ", ".join(f"'{q.phrase}'" for d in stated for q in stated[d]) or "no conflicting qualifier"
        how = "describes the trial evidence and carries" if evidence_only else "carries the population's qualifiers:"
        return replace(claim, verdict="supported", explanation=f"The sentence {how} {carried}. {where}")
    named = [f"{_DIMENSION_NAMES[q.dimension]} ({q.phrase})" for q in missing]
    if scope.excluded:
        named.append(f"excluded histologies ({', '.join(scope.excluded)})")
    notes = [f"as studied in {scope.trial}"] if scope.trial else []
    if scope.excluded:
        notes.append(f"patients with {' or '.join(scope.excluded)} were excluded")
    corrected = f"{text.strip().rstrip('.')}, for {scope.population}" + (f" ({'; '.join(notes)})." if notes else ".")
    return replace(
        claim,
        verdict="overgeneralized",
        kind="population_extrapolation",
        explanation=(
            f"The article says: “{text.strip()}” — stated for every patient with the disease. {where} "
            f"Missing qualifiers: {'; '.join(named)}. Suggested: '{corrected}'"
        ),
    )


def _clash(scope: TrialScope, text: str, stated: dict[str, list[Qualifier]]) -> int:
    return len(_conflicts(scope, stated)) + sum(_mentions(text, name) for name in scope.excluded)


def _misfit(scope: TrialScope, text: str, stated: dict[str, list[Qualifier]]) -> int:
    """How badly a claim fits a population: conflicts and excluded histologies count double."""
    conflicts = len(_conflicts(scope, stated))
    missing = len({q.dimension for q in scope.qualifiers if q.dimension not in stated})
    excluded = sum(_mentions(text, name) for name in scope.excluded)
    return 2 * conflicts + 2 * excluded + missing


def _names_drug(source: Source, drug: str) -> bool:
    """Whether a source is about ``drug`` (generic or brand name)."""
    names = {drug} | {brand for brand, generic in drug_aliases().items() if generic == drug}
    return any(regex.search(rf"(?<!\w){regex.escape(name)}(?!\w)", source.text, regex.I) for name in names)


def _sentence_case(text: str, *, lower: bool) -> str:
    text = text.strip()
    if not text:
        return text
    return (text[0].lower() if lower else text[0].upper()) + text[1:]
