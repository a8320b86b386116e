"""Verdicts on durations of treatment: an article's "taken for 35 days" against the durations the
label's dosing states ("the recommended duration of treatment is 35 days", "10 mg taken orally twice
daily for 7 days").

A duration is supported only by the same number of the same unit in a label sentence about dosing
(one that states a dose or says "duration of treatment"), and only when the article's clause names
no regimen (hip or knee surgery, a DVT, children …: data/quantities.json "regimen_contexts") that
another duration's sentence names and that sentence does not: "after a knee replacement, for 35
days" is not ELIQUIS's 35 days for a hip. Otherwise it stays unverifiable, saying which durations
the label gives: which regimen a duration belongs to is not read well enough to call a number wrong.
"""

from __future__ import annotations

from functools import lru_cache

from extractors.records import Claim, Measurement, Source, replace
from extractors.text.numbers import to_float
from extractors.text.patterns import doses as dose_patterns
from extractors.text.patterns import durations as patterns
from extractors.verdicts import quantity
from extractors.verdicts.describe import unverifiable

SENTENCE_REACH = 300  # characters either side of a duration where its sentence's dose is looked for


def check_duration(claim: Claim, sources: tuple[Source, ...]) -> Claim:
    """Supported by a label duration of the same number and unit; else unverifiable."""
    stated = [d for source in sources for d in label_durations(source)]
    said = f"{claim.raw} {claim.unit}"
    clause = _regimen_words(_clause_before_value(claim))
    same = [d for d in stated if d.value == claim.value and _singular(d.unit) == _singular(claim.unit)]
    another_regimens: list[tuple[Measurement, str, Measurement]] = []
    for duration in same:
        other = _other_regimen(duration, clause, sources)
        if other is None:
            return replace(
                claim,
                verdict="supported",
                kind=None,
                evidence=duration,
                explanation=f"Supported: the article says treatment for {said}; the label's dosing says "
                f"{duration.raw} {duration.unit} (characters {duration.span[0]}–{duration.span[1]} of {duration.source}).",
            )
        another_regimens.append((duration, *other))
    if another_regimens:
        duration, word, elsewhere = another_regimens[0]
        return unverifiable(
            claim,
            f"The article says treatment for {said} with '{word}'; the label gives {duration.raw} {duration.unit} "
            f"for another regimen, and {elsewhere.raw} {elsewhere.unit} where it names '{word}' (characters "
            f"{elsewhere.span[0]}–{elsewhere.span[1]} of {elsewhere.source}).",
        )
    if not stated:
        return unverifiable(claim, f"The article says treatment for {said}; the label's dosing states no duration.")
    listed = ", ".join(dict.fromkeys(f"{d.raw} {d.unit}" for d in stated))
    return unverifiable(
        claim,
        f"The article says treatment for {said}; the label's dosing states {listed}, none of them for this "
        "regimen as read.",
    )


@lru_cache(maxsize=8)  # the same few labels are asked for each duration an article quotes
def label_durations(source: Source) -> tuple[Measurement, ...]:
    """The durations of treatment the label states in sentences about dosing, as measurements."""
    text = source.text
    found = []
    for match in patterns.LABEL_DURATION.finditer(text):
        start, end = _sentence(text, match.start(), match.end())
        said_of_treatment = text[match.start() : match.start("amount")].lower().startswith("duration")
        if not said_of_treatment and not dose_patterns.LABEL_DOSE.search(text, start, end):
            continue  # "followed for 12 months": no dose in the sentence, no regimen's duration
        found.append(
            Measurement(
                source=source.id,
                statistic="duration",
                value=to_float(match.group("amount")),
                raw=match.group("amount"),
                span=match.span("amount"),
                unit=match.group("unit").lower(),
            )
        )
    return tuple(found)


def _clause_before_value(claim: Claim) -> str:
    """The article's words before its duration, back to the last ';' ("after a knee replacement, for")."""
    offset = claim.value_span[0] - claim.span[0] if claim.value_span else len(claim.text)
    if not 0 <= offset <= len(claim.text):
        offset = len(claim.text)  # a clause shorter than its sentence: its words are all the article's
    before = claim.text[:offset]
    return before[before.rfind(";") + 1 :]


def _regimen_words(text: str) -> set[str]:
    return set(patterns.WORD.findall(text.lower())) & set(quantity.words("regimen_contexts", "words"))


def _other_regimen(
    duration: Measurement, clause: set[str], sources: tuple[Source, ...]
) -> tuple[str, Measurement] | None:
    """A regimen word of the article's clause that the label names only beside another duration."""
    regimens = [pair for source in sources for pair in _label_regimens(source)]
    own = next(words for stated, words in regimens if stated == duration)
    for other, words in regimens:
        if other.value == duration.value and other.unit == duration.unit:
            continue
        for word in sorted(clause - own):
            if word in words:
                return word, other
    return None


@lru_cache(maxsize=8)  # as label_durations: a label's regimen words are read once, not once per claim
def _label_regimens(source: Source) -> tuple[tuple[Measurement, frozenset[str]], ...]:
    """Each duration the label states, with the regimen words of its sentence."""
    return tuple(
        (duration, frozenset(_regimen_words(source.text[slice(*_sentence(source.text, *duration.span))])))
        for duration in label_durations(source)
    )


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from the last full stop or line break before it."""
    low = max(0, start - SENTENCE_REACH)
    before = max(text.rfind(". ", low, start), text.rfind("\n", low, start))
    after = [
        i for i in (text.find(". ", end, end + SENTENCE_REACH), text.find("\n", end, end + SENTENCE_REACH)) if i >= 0
    ]
    return (before + 1 if before >= 0 else low), (min(after) if after else min(len(text), end + SENTENCE_REACH))


def _singular(unit: str | None) -> str:
    return (unit or "").lower().removesuffix("s")
