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
from extractors.text import names, reach, vocabulary
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
    match = patterns.SUBGROUP.search(masked) if patterns.SUBGROUP_WORD.search(masked) else None
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


def lead_group(masked: str) -> str | None:
    """A group cut at a biomarker's value that heads the sentence ("In CPS >=5, mOS …" → "CPS >=5"): an
    abstract's next sentences are about it too, until another group or the whole population is named.
    A group before a colon labels its own sentence's values only ("In PD-L1 >=1%: mDFS NR vs 8.4 mo; …"
    is not the next sentence's "One slide showed mDFS 10.8 vs 20.8 mo"): None, as for no group."""
    match = patterns.LEAD_CUTOFF_GROUP.match(masked)
    return match.group("pop") if match and match.group("close") == "," else None


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
    section. The article's trial names are found once (`_named_trials`), then looked up by position.
    """
    if trials is None:
        return _last_named(_named_codes(article.text), 0, span[1])
    named = _named_trials(article.text, tuple(sorted(trials)))
    return _last_named(named, _trial_scope(article, span[0]), span[1]) or _only_trial(article, named, span[1])


_LEAD = 200  # characters of text a section has at least to be an article's lead, not a breadcrumb or a byline


def _only_trial(article: Article, named: Named, end: int) -> str | None:
    """The one trial the whole article names, when it names it in its headline or lead and names no
    other anywhere: a news story on "what the VOYAGER trial found" reports VOYAGER's numbers in its
    later sections without naming it again, though the label reports COMPASS and ROCKET AF too. A
    trial first named in a later section ("2. IDEAL: 80 mg versus …") is that section's only."""
    one = _one_trial(named)
    if one is None or one[1] >= end:
        return None
    lead_end = next((body[1] for _, body in article.sections if body[1] - body[0] >= _LEAD), 0)
    return one[0] if one[1] < lead_end else None


@lru_cache(maxsize=8)
def _one_trial(named: Named) -> tuple[str, int] | None:
    """(name, where first named) of the one trial ``named`` holds (its NCT ids aside), else None."""
    starts, _, names_ = named
    called = {name for name in names_ if not name.upper().startswith("NCT")}
    return (next(iter(called)), starts[0]) if len(called) == 1 else None


_BULLET_REACH = 6  # the longest `BULLETED_HEADING`: four spaces, the bullet, a space


def _trial_scope(article: Article, position: int) -> int:
    """Where the trial of ``position`` may be named from: its section's start, or the start of the
    section its section's heading is a list item under ("• Bleeding:" under "1. … ROCKET AF")."""
    start = section_start(article, position)
    for _ in range(8):  # a list nests a few levels at most
        # the window is the longest a bullet can be, so that the match is not given the whole text
        # with a timeout (which costs more than the match, at every sentence)
        if start == 0 or not patterns.BULLETED_HEADING.match(article.text, start, start + _BULLET_REACH):
            break
        start = section_start(article, start - 1)
    return start


Named = tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...]]  # starts, ends, names; by start


def number_trial(
    article: Article, span: Span, value_span: Span, trials: Collection[str] | None, trial: str | None
) -> str | None:
    """The trial of the number at ``value_span`` in the sentence at ``span``, whose trial is ``trial``.

    A sentence that names several trials gives each number its own: the trial it is given for
    ("3,449 in EINSTEIN DVT"), else the trial named last before it in the sentence ("EINSTEIN PE:
    HR 1.12"), else none — "8,281 patients took part (3,449 in EINSTEIN DVT and 4,832 in EINSTEIN
    PE)" counts both, so its trial is not the one named last. A sentence naming one trial or none
    keeps ``trial``.
    """
    named = _named_trials(article.text, tuple(sorted(trials))) if trials is not None else _named_codes(article.text)
    starts, ends, names_ = named
    first, last = bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])
    inside = [(starts[i], ends[i], names_[i]) for i in range(first, last) if ends[i] <= span[1]]
    if len({name for _, _, name in inside if not name.upper().startswith("NCT")}) < 2:
        return trial
    for start, _, name in inside:
        if start >= value_span[1] and patterns.NUMBER_FOR_TRIAL.fullmatch(article.text, value_span[1], start):
            return name
    before = [name for _, end, name in inside if end <= value_span[0]]
    return before[-1] if before else None


def _last_named(named: Named, start: int, end: int) -> str | None:
    """The name found last that lies wholly between ``start`` and ``end``."""
    starts, ends, names_ = named
    index = bisect.bisect_right(starts, end) - 1
    while index >= 0 and starts[index] >= start:
        if ends[index] <= end:
            return names_[index]
        index -= 1
    return None


@lru_cache(maxsize=8)
def _named_trials(text: str, trials: tuple[str, ...]) -> Named:
    """Where the text names a source trial, or calls something a trial or study; at one place the
    longest name ("EINSTEIN DVT", not "EINSTEIN"), and a source trial before a trial so called."""
    found: dict[int, tuple[int, str]] = {}
    for trial in sorted(trials, key=len):
        for match in build.trial_named(trial).finditer(text):
            found[match.start()] = (match.end(), trial)
    for trial in trials:  # "DESTINY-Breast06" beside the label's "DESTINY-Breast04": another trial, by its name
        sibling = build.siblings(trial)
        for match in sibling.finditer(text) if sibling else ():
            if match.start() not in found and match.group(0) not in trials:
                found[match.start()] = (match.end(), match.group(0))
    for match in names.first_way(trial_patterns.CALLED_TRIAL_WAYS, text):
        name = match.group(match.lastgroup or 0)  # each way's one group: "nct", "name" or "after"
        if name and match.start() not in found:
            found[match.start()] = (match.end(), name)
    _described(text, found)
    ordered = sorted(found.items())
    names_ = [name for _, (_, name) in ordered]
    for index in range(1, len(ordered)):
        # "VEG110727, a randomized … trial ( NCT00753688)": the id printed with a name is that trial's
        start, (_, name) = ordered[index]
        previous_end = ordered[index - 1][1][0]
        if name.upper().startswith("NCT") and 0 <= start - previous_end <= reach.before("trial_name_before_nct"):
            names_[index] = names_[index - 1]
    return tuple(k for k, _ in ordered), tuple(v[0] for _, v in ordered), tuple(names_)


def _described(text: str, found: dict[int, tuple[int, str]]) -> None:
    """Each later "the adjuvant trial" added to ``found`` as the trial the text first described so
    ("In the adjuvant trial CA184-029, …"): the description is given with the name right after
    it, and stands for that name where no name follows."""
    described: dict[str, str] = {}
    for match in trial_patterns.DESCRIBED_TRIAL.finditer(text):
        description = " ".join(match.group("desc").lower().split())
        named = found.get(match.end()) if match.group("gap") else None
        if named is not None:
            described.setdefault(description, named[1])
        elif description in described and match.start() not in found:
            found[match.start()] = (match.end(), described[description])


@lru_cache(maxsize=8)
def _named_codes(text: str) -> Named:
    """Where the text names a trial code, each with the trial named last so far: its name, else its
    NCT number ("VEG110727 ( NCT00753688)" keeps the trial's name)."""
    starts: list[int] = []
    ends: list[int] = []
    lasts: list[str] = []
    last: str | None = None
    for match in trial_patterns.ARTICLE_TRIAL.finditer(text):
        name = match.group("code") or match.group("name") or match.group("nct")
        if not name or name in trial_patterns.NOT_TRIALS:
            continue
        near = rules.before(text, match.start(), reach.before("trial_name_before_nct"))
        if not (match.group("nct") and last is not None and last in near):
            last = name
        starts.append(match.start())
        ends.append(match.end())
        lasts.append(last)
    return tuple(starts), tuple(ends), tuple(lasts)
