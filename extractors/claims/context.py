"""What a claim is about beyond its own words: the endpoint, the subgroup and the trial.

A sentence often leaves them to its context: "Median PFS was 4.6 months" names the endpoint,
"In the leiomyosarcoma subgroup, it was 4.6 months" the population for the sentences after it in
the same paragraph, and "The efficacy of pazopanib was evaluated in VEG110727" the trial for the
section. The trial of a claim is decided here and only here.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from functools import lru_cache

from extractors.claims import rules
from extractors.ingest.articles import section_start
from extractors.records import Article, Span
from extractors.text import reach, vocabulary
from extractors.text.patterns import build
from extractors.text.patterns import claims as patterns
from extractors.text.patterns import trials as trial_patterns

# --- endpoints --------------------------------------------------------------------------------


def extra_endpoint(text: str) -> str | None:
    """The endpoint a sentence-only phrase of the vocabulary names last in ``text``: "risk of progression" → PFS."""
    named = vocabulary.endpoint_mentions(text, sentence=True)
    plain = {start for _, start, _ in vocabulary.endpoint_mentions(text)}
    extra = [code for code, start, _ in named if start not in plain]
    return extra[-1] if extra else None


def named_here(masked: str) -> bool:
    """Whether the sentence names an endpoint itself, rather than leaving it to its context."""
    return vocabulary.find_endpoint(masked) is not None or extra_endpoint(masked) is not None


def endpoint_of(masked: str, start: int, end: int, context: str | None) -> str | None:
    """The endpoint named last before the number at ``start:end`` in its sentence, else just after, else context."""
    before = masked[:start]
    named = vocabulary.last_endpoint(before)
    extra = extra_endpoint(before)
    if named is None and extra is not None:
        named = extra
    if named is None:
        found = vocabulary.find_endpoint(rules.after(masked, end, reach.after("endpoint_after_value")))
        named = found[0] if found else None
    return named or context


def named_endpoint(masked: str) -> str | None:
    """The endpoint a sentence names last: the context of the sentences after it in its section."""
    return vocabulary.last_endpoint(masked) or extra_endpoint(masked)


# --- populations ------------------------------------------------------------------------------

_POPULATION_STOP = frozenset({"the", "in", "a", "an", "of", "for", "among", "and", "was", "were", "with", "patients"})


def subgroup(masked: str) -> str | None:
    """A subgroup the sentence names ("in the leiomyosarcoma subgroup" → "leiomyosarcoma"), or None
    (overall); named as the statement reader names populations."""
    match = patterns.SUBGROUP.search(masked)
    if not match:
        return None
    words = match.group("pop").split()
    while words and words[0].lower() in _POPULATION_STOP:
        words = words[1:]
    # keep the last few words: "median PFS in the leiomyosarcoma" → "leiomyosarcoma"
    tail: list[str] = []
    for word in reversed(words):
        if word.lower() in _POPULATION_STOP:
            break
        tail.insert(0, word)
    return " ".join(tail) if tail else None


def names_overall(masked: str) -> bool:
    """ "in the overall population", "ITT": the sentence is not about the subgroup named before."""
    return patterns.OVERALL.search(masked) is not None


# --- trials -----------------------------------------------------------------------------------


def trial_of(article: Article, span: Span, trials: Collection[str] | None) -> str | None:
    """The trial of the sentence at ``span``: the trial named last before its end.

    ``trials`` are the names of the trials the sources report (``None`` when the sources are not
    known). Without sources, any trial code named earlier in the article counts. With them, a source
    trial counts by its name, another trial only where the text calls it a trial or study ("the
    LASER301 study", so that "HER2" or "EGFR" is never a trial), and only within the sentence's
    section.

    The article's trial names are found once (`_mentions`, `_codes`) and each sentence looks up the
    last one before it, so a long article costs its length, not its length times its sentences.
    """
    if trials is None:
        return _code_named_last(article.text, span[1])
    start = section_start(article, span[0])
    mentions = _mentions(article.text, tuple(sorted(trials)))
    index = bisect.bisect_right(mentions, (span[1],)) - 1
    best: tuple[int, int, str] | None = None
    while index >= 0 and mentions[index][0] >= start:
        mention_start, end, order, name = mentions[index]
        if end <= span[1] and (best is None or mention_start == best[0]):
            best = min(best or (mention_start, order, name), (mention_start, order, name))
        elif best is not None:
            break
        index -= 1
    return best[2] if best else None


@lru_cache(maxsize=8)
def _mentions(text: str, trials: tuple[str, ...]) -> list[tuple[int, int, int, str]]:
    """(start, end, order, name) of every trial named in ``text``: the sources' trials by name (in
    ``trials`` order), then any other called a trial or study; sorted by where they start."""
    found: list[tuple[int, int, int, str]] = []
    for order, trial in enumerate(trials):
        found += [(m.start(), m.end(), order, trial) for m in build.standalone(trial).finditer(text)]
    for match in trial_patterns.CALLED_TRIAL.finditer(text):
        name = match.group("nct") or match.group("name") or match.group("after")
        if name:
            found.append((match.start(), match.end(), len(trials), name))
    return sorted(found)


def _code_named_last(text: str, position: int) -> str | None:
    """The trial code named last before ``position``: its name, else its NCT number."""
    codes = _codes(text)
    index = bisect.bisect_right(codes, (position, chr(0x10FFFF))) - 1
    return codes[index][1] if index >= 0 else None


@lru_cache(maxsize=8)
def _codes(text: str) -> list[tuple[int, str]]:
    """(end, trial named last so far) after each trial code in ``text``, in order."""
    found: list[tuple[int, str]] = []
    last: str | None = None
    for match in trial_patterns.ARTICLE_TRIAL.finditer(text):
        name = match.group("code") or match.group("name") or match.group("nct")
        if name and name not in trial_patterns.NOT_TRIALS:
            near = rules.before(text, match.start(), reach.before("trial_name_before_nct"))
            if match.group("nct") and last is not None and last in near:
                continue  # "VEG110727 ( NCT00753688)": keep the trial's name
            last = name
            found.append((match.end(), last))
    return found
