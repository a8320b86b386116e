"""Verdicts on durations of treatment: an article's "taken for 35 days" against the durations the
label's dosing states ("the recommended duration of treatment is 35 days", "10 mg taken orally twice
daily for 7 days").

A duration is supported only by the same number of the same unit in a label sentence about dosing
(one that states a dose or says "duration of treatment"). Otherwise it stays unverifiable, saying
which durations the label gives: which of the label's regimens an article's duration belongs to
(hip or knee surgery, the first week of a DVT's treatment) is not read, so a different number is
never called wrong.
"""

from __future__ import annotations

from functools import lru_cache

from extractors.records import Claim, Measurement, Source, replace
from extractors.text.patterns import doses as dose_patterns
from extractors.text.patterns import durations as patterns
from extractors.verdicts.describe import unverifiable

SENTENCE_REACH = 300  # characters either side of a duration where its sentence's dose is looked for


def check_duration(claim: Claim, sources: tuple[Source, ...]) -> Claim:
    """Supported by a label duration of the same number and unit; else unverifiable."""
    stated = [d for source in sources for d in label_durations(source)]
    said = f"{claim.raw} {claim.unit}"
    for duration in stated:
        if duration.value == claim.value and _singular(duration.unit) == _singular(claim.unit):
            return replace(
                claim,
                verdict="supported",
                kind=None,
                evidence=duration,
                explanation=f"Supported: the article says treatment for {said}; the label's dosing says "
                f"{duration.raw} {duration.unit} (characters {duration.span[0]}–{duration.span[1]} of {duration.source}).",
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
                value=float(match.group("amount")),
                raw=match.group("amount"),
                span=match.span("amount"),
                unit=match.group("unit").lower(),
            )
        )
    return tuple(found)


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
