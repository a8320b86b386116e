"""Scope claims checked against the population a label's trial enrolled.

A sentence that says what a treatment is for ("The treatment for soft tissue sarcoma of the
thigh is pazopanib 800 mg once daily.") must carry the qualifiers of the trial population the
evidence comes from: disease stage (metastatic or advanced vs localized), prior therapy,
biomarker, and the histologies the trial excluded. The populations are read with the label
(`extractors.read.populations`); the qualifiers by the vocabulary in ``data/scope.json``.

A sentence that describes the evidence rather than stating an indication ("… is based on a study
where patients with metastatic STS received pazopanib") is only checked for qualifiers that
contradict the trial's (localized where the trial was metastatic).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from extractors.records import Claim, Qualifier, Source, TrialScope, replace
from extractors.text.names import drug_aliases
from extractors.text.patterns import build
from extractors.text.patterns import scope as patterns
from extractors.text.qualifiers import DIMENSION_NAMES, broader_than, cue, qualifiers
from extractors.verdicts.groups import left_out_children

Stated = dict[str, list[Qualifier]]  # the claim's qualifiers by dimension
_GENERIC_DISEASE = frozenset(
    {"cancer", "carcinoma", "tumor", "tumour", "syndrome", "disease", "infection"}
)  # no disease alone
# words a disease's name does not begin with: "used for", "with", "the"
_NOT_OF_A_NAME = frozenset(
    {"a", "an", "the", "and", "or", "for", "with", "in", "of", "to", "by", "from", "used", "treat"}
)


def check_scope(claim: Claim, sources: Sequence[Source], populations: Sequence[TrialScope]) -> Claim:
    """The verdict on a scope claim: supported, overgeneralized (with what is missing), or unverifiable.

    ``populations`` are the sources' trial populations and indications, as extraction read them.
    """
    if claim.arm and sources and not any(_names_drug(source, claim.arm) for source in sources):
        return replace(
            claim,
            verdict="unverifiable",
            explanation=f"The article says: “{claim.text.strip()}” The sources are not about {claim.arm}.",
        )
    about = [source for source in sources if not claim.arm or _names_drug(source, claim.arm)]
    children = left_out_children(claim, about)  # children the indications leave out, in words no population carries
    if children is not None:
        return children
    ids = {source.id for source in about}
    scopes, disease = _of_disease([scope for scope in populations if scope.source in ids], claim.text, about)
    if not scopes:
        if disease:  # named in the label (an indication, a trial's disease) but with no population read
            return replace(
                claim,
                verdict="unverifiable",
                explanation=f"The article says: “{claim.text.strip()}” The label names {disease}, but states no "
                f"trial population of it whose qualifiers this statement could be checked against.",
            )
        return replace(
            claim,
            verdict="unverifiable",
            explanation="The sources state no trial population or indication to check this statement against.",
        )
    text = claim.text
    stated = _by_dimension(tuple(Qualifier(*found) for found in qualifiers(text)))
    fitting = [candidate for candidate in scopes if _misfit(candidate, text, _carried(stated, candidate)) == 0]
    # a population the statement fits, else the fullest one it does not contradict, to explain what is missing
    scope = (
        fitting[0]
        if fitting
        else min(
            scopes,
            key=lambda candidate: (_clash(candidate, text, _carried(stated, candidate)), -len(candidate.qualifiers)),
        )
    )
    stated = _carried(stated, scope)
    conflicts = _conflicts(scope, stated)
    missing = list({q.dimension: q for q in reversed(_narrowest(scope)) if q.dimension not in stated}.values())[::-1]
    excluded_named = [name for name in scope.excluded if _mentions(text, name)]
    where = _where(scope)
    if conflicts or excluded_named:
        problems = [
            f"{DIMENSION_NAMES[said.dimension]}: the article says '{said.phrase}' but the trial enrolled "
            f"'{label.phrase}' ({label.value})"
            for label, said in conflicts
        ] + [f"the article names {name}, which the trial excluded" for name in excluded_named]
        return replace(
            claim,
            verdict="overgeneralized",
            kind="excluded_population" if excluded_named else "population_extrapolation",
            explanation=f"The article says: “{text.strip()}” {where} Conflict: {'; '.join(problems)}.",
        )
    evidence_only = bool(cue("evidence_cues").search(text))
    unlimited = None if evidence_only else _every_value(text, scope)
    if unlimited is not None:
        return replace(
            claim,
            verdict="overgeneralized",
            kind="population_extrapolation",
            explanation=f"The article says: “{text.strip()}” — stated {unlimited}. {where}",
        )
    if evidence_only or not missing:
        carried = ", ".join(f"'{q.phrase}'" for d in stated for q in stated[d]) or "no conflicting qualifier"
        how = "describes the trial evidence and carries" if evidence_only else "carries the population's qualifiers:"
        return replace(claim, verdict="supported", explanation=f"The sentence {how} {carried}. {where}")
    return _missing_qualifiers(claim, scope, missing, where)


def _of_disease(scopes: list[TrialScope], text: str, sources: Sequence[Source]) -> tuple[list[TrialScope], str | None]:
    """The populations of the disease the statement names ("biliary tract cancer"), by its name or
    the abbreviation the label defines for it ("soft tissue sarcoma (STS)"); a label's other
    indications (its lung cancer trials) say nothing about whom the drug is for in biliary tract
    cancer, nor its ulcerative colitis trials about rheumatoid arthritis. All of them when the
    statement names no disease; none, with the disease, when no population names the one it names."""
    unmatched: str | None = None
    for named in patterns.DISEASE_NAMED.finditer(text):
        words = named.group(0).split()
        for start in range(len(words)):  # the longest tail first; "melanoma" alone, not "cancer" alone
            if start == len(words) - 1 and words[-1].lower().rstrip("s") in _GENERIC_DISEASE:
                break
            if words[start].lower() in _NOT_OF_A_NAME:
                continue  # "for rheumatoid arthritis": the name begins after the preposition
            phrase = " ".join(words[start:])
            names = {phrase} | {
                found.group("abbreviation")
                for source in sources
                for found in build.abbreviated(phrase).finditer(source.text)
            }
            fitting = [  # a population that names the disease, or excluded it ("adipocytic sarcoma")
                scope
                for scope in scopes
                if any(build.whole_name(n).search(f"{scope.population} {scope.exclusion or ''}") for n in names)
            ]
            if fitting:
                return fitting, None
            if (
                unmatched is None
                and start < len(words) - 1
                and any(build.whole_name(phrase).search(source.text) for source in sources)
            ):
                unmatched = phrase  # the longest name of two words or more the label has no population of
    return (scopes, None) if unmatched is None else ([], unmatched)


def _where(scope: TrialScope) -> str:
    """ "The label (votrient) says the trial VEG110727 enrolled patients with …; patients with … were excluded." """
    if patterns.INDICATED.search(scope.enrolment):
        where = f"The label ({scope.source}) indicates it for {scope.population}"
    else:
        where = f"The label ({scope.source}) says {'the trial ' + scope.trial if scope.trial else 'the trial'} enrolled {scope.population}"
    if scope.exclusion:
        where += f"; {_sentence_case(scope.exclusion, lower=True).rstrip('.')}"
    return where + "."


def _missing_qualifiers(claim: Claim, scope: TrialScope, missing: list[Qualifier], where: str) -> Claim:
    """Stated for every patient with the disease: what the trial's population adds, and the sentence with it."""
    text = claim.text
    named = [f"{DIMENSION_NAMES[q.dimension]} ({q.phrase})" for q in missing]
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


def _every_value(text: str, scope: TrialScope) -> str | None:
    """How the statement says it holds for every stage or age ("whatever the stage") where the label's
    population names the stages or ages it is limited to ("Stage IIB, IIC, or III melanoma"); None
    when it says neither or the population names no limit of that kind."""
    for key, limit, what in (
        ("every_stage_cues", patterns.NAMED_STAGE, "for every stage"),
        ("every_age_cues", patterns.NAMED_AGE, "for every age"),
    ):
        said = cue(key).search(text)
        if said is not None and limit.search(f"{scope.population} {scope.enrolment}"):
            return f"{what} ('{said.group(0)}'), while the label names the {'stages' if 'stage' in key else 'ages'}"
    return None


def _narrowest(scope: TrialScope) -> tuple[Qualifier, ...]:
    """The population's qualifiers less those broader than another of their dimension: a heading's
    "EGFR Mutation-Positive" beside the enrolment's "exon 19 deletions" names nothing more."""
    values = {(q.dimension, q.value) for q in scope.qualifiers}
    return tuple(
        q for q in scope.qualifiers if not any((q.dimension, narrower) in values for narrower in broader_than(q.value))
    )


def _carried(stated: Stated, scope: TrialScope) -> Stated:
    """The article's qualifiers less those broader than the population's own in their dimension:
    "EGFR-mutated" does not carry "exon 19 deletion or L858R" (scope.json "broader")."""
    label: dict[str, set[str]] = {q.dimension: set() for q in scope.qualifiers}
    for q in scope.qualifiers:
        label[q.dimension].add(q.value)
    carried: Stated = {}
    for dimension, said in stated.items():
        kept = [q for q in said if not (broader_than(q.value) & label.get(dimension, set()))]
        if kept:
            carried[dimension] = kept
    return carried


def _by_dimension(found: tuple[Qualifier, ...]) -> Stated:
    grouped: Stated = {}
    for qualifier in found:
        grouped.setdefault(qualifier.dimension, []).append(qualifier)
    return grouped


def _conflicts(scope: TrialScope, stated: Stated) -> list[tuple[Qualifier, Qualifier]]:
    """(label qualifier, article qualifier) for each dimension where the article's values are all different."""
    found: list[tuple[Qualifier, Qualifier]] = []
    for dimension, label in _by_dimension(_narrowest(scope)).items():
        said = stated.get(dimension, [])
        if said and not {q.value for q in said} & {q.value for q in label}:
            found.append((label[0], said[0]))
    return found


def _mentions(claim_text: str, excluded: str) -> bool:
    """Whether a claim names an excluded histology ("GIST", "adipocytic sarcoma")."""
    names = [excluded]
    abbreviation = patterns.ABBREVIATION.search(excluded)
    if abbreviation:
        names.append(abbreviation.group(1))
        names.append(excluded[: abbreviation.start()].strip())
    return any(build.whole_name(name).search(claim_text) for name in names if name)


def _clash(scope: TrialScope, text: str, stated: Stated) -> int:
    return len(_conflicts(scope, stated)) + sum(_mentions(text, name) for name in scope.excluded)


def _misfit(scope: TrialScope, text: str, stated: Stated) -> int:
    """How badly a claim fits a population: conflicts and excluded histologies count double; a
    qualifier the claim states that the population does not (its biomarker, where the population
    names only a stage) leaves the claim unchecked there, so that population cannot bear it out."""
    conflicts = len(_conflicts(scope, stated))
    missing = len({q.dimension for q in scope.qualifiers if q.dimension not in stated})
    unchecked = len(set(stated) - {q.dimension for q in scope.qualifiers})
    excluded = sum(_mentions(text, name) for name in scope.excluded)
    return 2 * conflicts + 2 * excluded + missing + unchecked


def _names_drug(source: Source, drug: str) -> bool:
    """Whether a source is about ``drug`` (generic or brand name)."""
    return _text_names_drug(source.text, drug)


@lru_cache(maxsize=64)  # asked for each scope claim, of the one or two labels being checked against
def _text_names_drug(text: str, drug: str) -> bool:
    names = {drug} | {brand for brand, generic in drug_aliases().items() if generic == drug}
    return any(build.whole_name(name).search(text) for name in names)


def _sentence_case(text: str, *, lower: bool) -> str:
    text = text.strip()
    if not text:
        return text
    return (text[0].lower() if lower else text[0].upper()) + text[1:]
