"""The populations a label's trials enrolled, or its indications name, as `TrialScope` records.

A scope claim ("The treatment for soft tissue sarcoma is pazopanib") is judged against them, so
they are read with the label: the enrolment sentence ("Patients with metastatic STS who had
received prior chemotherapy … were randomized"), its qualifiers (stage, prior therapy, biomarker,
by the vocabulary in ``data/scope.json``), the trial it belongs to and the exclusion that follows
("Patients with gastrointestinal stromal tumors (GIST) or adipocytic sarcoma were excluded").
"""

from __future__ import annotations

from extractors.records import Qualifier, Source, Span, TrialScope
from extractors.text import qualifiers as scope_words
from extractors.text import reach
from extractors.text.patterns import scope as patterns
from extractors.text.patterns import trials as trial_patterns


def extract_populations(source: Source) -> tuple[TrialScope, ...]:
    """Every population the source states a trial enrolled or the drug is indicated for, in order.

    A label with several trials (TAGRISSO: ADAURA, FLAURA, AURA3) has several; a scope claim is
    checked against the one it fits best. An exclusion applies to the population stated before it.
    """
    text = source.text
    found: list[tuple[str, Span]] = []
    exclusions: dict[int, tuple[str, Span]] = {}
    for match in patterns.LABEL_SENTENCE.finditer(text):
        sentence = match.group(0).strip()
        if not sentence:
            continue
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        excludes = scope_words.cue("exclusion_cues").search(sentence) is not None
        if excludes and found and len(found) - 1 not in exclusions:
            exclusions[len(found) - 1] = _exclusion_clause(sentence, start)
        describes = patterns.DESCRIBES_PATIENTS.search(sentence)
        if describes and scope_words.cue("enrolment_cues").search(sentence) and scope_words.states_any(sentence):
            found.append((sentence, (start, start + len(sentence))))
            if excludes:
                exclusions[len(found) - 1] = _exclusion_clause(sentence, start)
    return tuple(_scope(source, sentence, span, exclusions.get(index)) for index, (sentence, span) in enumerate(found))


def _scope(source: Source, sentence: str, span: Span, exclusion: tuple[str, Span] | None) -> TrialScope:
    clause = exclusion[0] if exclusion else None
    # The exclusion is often run into the enrolment sentence ("… or placebo Patients with GIST … were excluded").
    if clause and clause in sentence and not sentence.startswith(clause):
        sentence = sentence[: sentence.index(clause)].rstrip()
        span = (span[0], span[0] + len(sentence))
    return TrialScope(
        source=source.id,
        trial=_trial_near(source.text, span),
        enrolment=sentence,
        enrolment_span=span,
        population=_population_clause(sentence),
        qualifiers=tuple(Qualifier(*found) for found in scope_words.qualifiers(sentence)),
        exclusion=clause,
        excluded=_excluded(clause) if clause else (),
        exclusion_span=exclusion[1] if exclusion else None,
    )


def _trial_near(text: str, span: Span) -> str | None:
    """The trial named in the enrolment sentence, else just before it; a name before its NCT number."""
    before = (max(0, span[0] - reach.before("trial_before_enrolment")), span[0])
    for start, end in (span, before):
        matches = list(trial_patterns.ENROLMENT_TRIAL.finditer(text, start, end))
        names = [m.group("code") or m.group("name") for m in matches if m.group("code") or m.group("name")]
        ncts = [m.group("nct") for m in matches if m.group("nct")]
        if names or ncts:
            return str((names or ncts)[-1] if start != span[0] else (names or ncts)[0])
    return None


def _population_clause(sentence: str) -> str:
    """ "Patients with metastatic STS who had received prior chemotherapy, …, were randomized" →
    "patients with metastatic STS who had received prior chemotherapy, …"."""
    match = patterns.POPULATION_CLAUSE.search(sentence)
    if not match:
        return sentence.rstrip(".")
    clause = match.group("p").rstrip(" ,.")
    return str(clause[0].lower() + clause[1:])


def _exclusion_clause(sentence: str, start: int) -> tuple[str, Span]:
    """The clause that excludes, from the last "Patients with" before the cue to the sentence end,
    and its span in the source (the sentence starts at ``start``)."""
    cue = scope_words.cue("exclusion_cues").search(sentence)
    clause = sentence
    if cue is not None:
        starts = [m.start() for m in patterns.PATIENTS_WITH.finditer(sentence[: cue.start()])]
        clause = sentence[starts[-1] :] if starts else sentence
    end = start + len(sentence)
    return clause, (end - len(clause), end)


def _excluded(sentence: str) -> tuple[str, ...]:
    """ "Patients with gastrointestinal stromal tumors (GIST) or adipocytic sarcoma were excluded"
    → ("gastrointestinal stromal tumors (GIST)", "adipocytic sarcoma")."""
    match = patterns.EXCLUDED_LIST.search(sentence)
    if not match:
        return ()
    parts = patterns.LIST_SEPARATOR.split(match.group("list"))
    return tuple(part.strip() for part in parts if part.strip())
