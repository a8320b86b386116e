"""Durations of treatment an article quotes from a label's dosing: "Eliquis is usually taken for 35
days", "started at 10 mg twice a day for 7 days".

A duration is no trial result but part of how the drug is given, like a dose (`numeric._doses`):
each is a claim with statistic "duration", its unit the days, weeks or months, checked against the
durations the label's dosing states (`verdicts.durations`). How long patients were followed or a
study lasted ("followed for 12 months") is no duration of treatment and gives no claim.
"""

from __future__ import annotations

from extractors.claims.sentences import Sentence, numbers
from extractors.records import Claim
from extractors.text.patterns import durations as patterns

About = tuple[str | None, str | None, str | None]  # (section, trial, population), as `numeric.About`

DOSING_REACH = 120  # characters before "for" where the sentence says the drug is taken: "taken … for"
NOT_TREATMENT_REACH = 60  # characters before "for" where "followed", "lasting" … would say otherwise


def duration_claims(sentence: Sentence, about: About, claimed: list[Claim]) -> list[Claim]:
    """The durations of treatment the sentence states, each a claim; numbers ``claimed`` already
    (as a result or a dose) are left to those claims."""
    section, trial, population = about
    masked = sentence.masked
    taken = {claim.value_span for claim in claimed if claim.value_span is not None}
    found: list[Claim] = []
    if not patterns.FOR_ANYWHERE.search(masked):
        return found  # no "for": no duration (and a long run of numbers is not looked at one by one)
    for number in numbers(masked):
        lead = patterns.FOR_BEFORE.search(masked, max(0, number.start - 24), number.start)
        unit = patterns.UNIT_AFTER.match(masked, number.end)
        if lead is None or unit is None or number.decimals or "," in masked[number.start : number.end]:
            continue
        if not patterns.DOSING_BEFORE.search(masked, max(0, lead.start() - DOSING_REACH), lead.start()):
            continue  # "a condition present for 5 days": nothing says the drug was taken
        if patterns.NOT_TREATMENT_BEFORE.search(masked, max(0, lead.start() - NOT_TREATMENT_REACH), lead.start()):
            continue  # "followed for 12 months", "trials lasting up to 6 months"
        span = (sentence.span[0] + number.start, sentence.span[0] + number.end)
        if span in taken:
            continue
        found.append(
            Claim(
                text=sentence.text,
                span=sentence.span,
                value_span=span,
                value=number.value,
                statistic="duration",
                population=population,
                trial=trial,
                unit=unit.group("unit").lower(),
                section=section,
                cites=sentence.cites,
                raw=sentence.text[number.start : number.end],
            )
        )
    return found
