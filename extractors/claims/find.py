"""The walk over an article: every claim of every sentence, with its section, trial and population.

Each claim's arm, endpoint, population and trial are resolved from its sentence and the context
before it (earlier sentences in the section, the trial named last).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from extractors.claims import context
from extractors.claims.numeric import numeric_claims
from extractors.claims.qualitative import fold_claims, scope_claims, significance_claims
from extractors.claims.sentences import sentences
from extractors.ingest.articles import section_of
from extractors.read import discourse
from extractors.read.scene import Scene
from extractors.records import Article, Claim
from extractors.text import budget


def find_claims(
    article: Article, trials: Collection[str] | None = None, drugs: Collection[str] = ()
) -> tuple[Claim, ...]:
    """Every numeric and qualitative claim in the article, in order, each with verdict unverifiable.

    ``trials`` are the names (and NCT numbers) of the trials the sources report, so that a claim's
    trial is read once, knowing them (`context.trial_of`); ``None`` when the sources are unknown.
    ``drugs`` are the names of the drug the sources are about (brand and generic): a ratio whose
    sentence names no drug is that drug's against its comparator.
    """
    claims: list[Claim] = []
    scene = Scene(source="article", drugs=tuple(drugs), experimental=next(iter(drugs), None))
    try:
        _read_claims(article, trials, scene, claims)
    except budget.STOPPED:
        budget.stop()  # the budget ran out: the claims found so far stand, the article is flagged
    return tuple(claims)


def _read_claims(article: Article, trials: Collection[str] | None, scene: Scene, claims: list[Claim]) -> None:
    """Each sentence's claims appended to ``claims`` as it is read (so a stop keeps them)."""
    context_endpoint: dict[str | None, str] = {}  # section → endpoint named last
    context_population: tuple[int, str] | None = None  # (block, population)
    for sentence in sentences(article):
        budget.check(sentence.span[0])
        section = section_of(article, sentence.span[0])
        trial = context.trial_of(article, sentence.span, trials)
        population = context.subgroup(sentence.masked)
        if context.names_overall(sentence.masked):
            context_population = None  # "in the overall population", "ITT": not the subgroup named before
        elif population is None and context_population and context_population[0] == sentence.block:
            population = context_population[1]
        if population is not None:
            context_population = (sentence.block, population)
        about = (section, trial, population)
        scene = discourse.before_sentence(replace(scene, endpoint=context_endpoint.get(section)), sentence.masked)
        found = numeric_claims(sentence, about, scene)
        found += significance_claims(sentence, about)
        found += scope_claims(sentence, about, scene.drugs)
        found += fold_claims(sentence, about)
        found = [_own_trial(article, claim, trials) for claim in found]
        claims.extend(sorted(found, key=lambda claim: (claim.value_span or claim.span)[0]))
        named = context.named_endpoint(sentence.masked)
        if named:
            context_endpoint[section] = named
        scene = discourse.after_article_sentence(scene, sentence.masked)


def _own_trial(article: Article, claim: Claim, trials: Collection[str] | None) -> Claim:
    """The claim with its number's own trial, where its sentence names several (`context.number_trial`)."""
    if claim.value_span is None:
        return claim
    trial = context.number_trial(article, claim.span, claim.value_span, trials, claim.trial)
    return claim if trial == claim.trial else replace(claim, trial=trial)
