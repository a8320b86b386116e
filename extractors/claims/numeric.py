"""Numeric claims: the results an article's sentence states, read by the same reader as label prose.

`read.statements` turns the sentence into `Measurement` records — the statistic, value, CI, arm,
endpoint, population and analysis, exactly as a label's prose result is read. A claim is that
statement plus what only an article has: its sentence, section, citation markers and trial as the
article names it. Numbers that are no trial result (ages, follow-up, maturity, ranges, CI bounds,
dates and citation markers, which `claims.sentences` masks) give no claim, so they are never
reported as contradicted.

Doses ("800 mg once daily") are not results; a dose the article states is a claim of its own,
checked against the doses the label states; so is a duration of treatment ("for 35 days").
"""

from __future__ import annotations

from extractors.claims import arms
from extractors.claims.durations import duration_claims
from extractors.claims.safety import adverse_claims
from extractors.claims.sentences import Number, Sentence, numbers
from extractors.read.scene import Scene
from extractors.read.statements import prose_start, read_statements
from extractors.records import Claim, Measurement, replace
from extractors.text.names import canonical_arm
from extractors.text.patterns import counts as count_patterns
from extractors.text.patterns import doses as dose_patterns
from extractors.text.patterns import statements as patterns

# What a claim is about beyond its number: passed from the walk over the article.
About = tuple[str | None, str | None, str | None]  # (section, trial, population)

# Statistics of the reader as the verdicts name them: a relative risk reduction is checked as 1 − HR.
_STATISTIC = {"rrr": "risk_reduction"}


def numeric_claims(sentence: Sentence, about: About, scene: Scene) -> list[Claim]:
    """The numeric claims of one sentence, in order: its results, then its doses."""
    if not patterns.MAY_HOLD_VALUE.search(sentence.masked):
        return []  # no digit and no number word: no result, reaction share or dose to read
    start = prose_start(sentence.masked)
    if start is None:  # flattened table text: an article's tables are read as tables
        return adverse_claims(sentence, about, [], scene)  # but "Grade 3- Diarrhea(3%), …" lists are read here
    statements = read_statements(sentence.masked[start:], sentence.span[0] + start, scene)
    claims = [claim_of(sentence, about, m) for m in statements if _asserted(sentence, m)]
    found = adverse_claims(sentence, about, claims, scene) + _doses(sentence, about)
    return found + duration_claims(sentence, about, found)


def _asserted(sentence: Sentence, statement: Measurement) -> bool:
    """Whether an article asserts the statement as a trial result it could have taken from a label:
    not a "no significant difference" (a significance claim of its own) and not a count inside a
    sub-analysis ("3 of 18 patients in the osimertinib group had a recurrence"), whose group no label
    reports, nor that group's size; a count of an endpoint's events out of an arm is one."""
    if statement.statistic == "significance":
        return False
    if statement.statistic in {"n", "events"}:
        start, end = statement.span[0] - sentence.span[0], statement.span[1] - sentence.span[0]
        if patterns.GROUP_OF_BEFORE.search(sentence.masked, max(0, start - patterns.GROUP_OF_REACH), start):
            return False
        if statement.statistic == "n" and _part_of_a_group(sentence.masked, end, statement):
            return False
        if patterns.OF_GROUP.match(sentence.masked, end):
            # "145 of 347 patients (41.8%) on palbociclib had progressed or died": a count of an
            # endpoint's events (which a label's event table gives, and which is never called wrong
            # but for the other arm's); a count of a group with no endpoint named is a sub-analysis's
            return statement.statistic == "events" and statement.endpoint is not None
    return True


def _part_of_a_group(text: str, end: int, statement: Measurement) -> bool:
    """Whether a count with its share after it counts a part of a group that the sentence does not
    name as a subgroup: "Two infants (2%) in the INOMAX arm were withdrawn" (not the arm's size).
    A subgroup the sentence names is one the label may report the size of: "162 (66%) patients had a
    BRCA mutation", "5120 (91%) were randomized in cohort 1"; all of a group, "97 infants (100%)", is it."""
    part = count_patterns.PART_WITH_SHARE.match(text, end)
    return part is not None and float(part.group("share")) < 100 and statement.population is None


def _as_printed(statement: Measurement) -> float | None:
    """The value as the article prints it: "an absolute risk reduction of 1.27%" is 1.27, not the
    reader's signed difference −1.27 (the words give the direction; a difference is checked by its
    size, `matching.matches`)."""
    value = statement.value
    if (
        statement.statistic == "difference"
        and value is not None
        and value < 0
        and not statement.raw.startswith(("-", "−", "–"))
    ):
        return -value
    return value


def claim_of(sentence: Sentence, about: About, statement: Measurement) -> Claim:
    """The claim an article makes by stating ``statement`` in ``sentence``."""
    section, trial, population = about
    offset = sentence.span[0]
    return Claim(
        text=sentence.text,
        span=sentence.span,
        value_span=statement.span,
        value=_as_printed(statement),
        statistic=_STATISTIC.get(statement.statistic, statement.statistic),
        endpoint=statement.endpoint,
        arm=canonical_arm(statement.arm) or arms.leading_dose(sentence.masked, statement.span[0] - offset),
        population=statement.population or population,
        trial=trial,
        unit=statement.unit,
        ci_low=statement.ci_low,
        ci_high=statement.ci_high,
        section=section,
        cites=sentence.cites,
        ci_low_raw=statement.ci_low_raw,
        ci_high_raw=statement.ci_high_raw,
        ci_level=statement.ci_level,
        raw=sentence.text[statement.span[0] - offset : statement.span[1] - offset],
        statement=_in_article(statement, trial),
    )


def _in_article(statement: Measurement, trial: str | None) -> Measurement:
    """The statement as the article's, in ``trial``: itself when it already is (no copy of its record)."""
    if statement.source == "article" and statement.trial == trial:
        return statement
    return replace(statement, source="article", trial=trial)


def _doses(sentence: Sentence, about: About) -> list[Claim]:
    """ "pazopanib 800 mg once daily": a dose with its schedule, and the drug named before it."""
    section, trial, population = about
    claims: list[Claim] = []
    if not dose_patterns.DOSE_UNIT_ANYWHERE.search(sentence.masked):
        return claims  # no unit of a dose: no number of the sentence is one
    found: list[Number] = numbers(sentence.masked)
    for number in found:
        if not _may_be_dose(sentence.masked, number.end):
            continue
        dose = dose_patterns.DOSE_AFTER.match(sentence.masked[number.end :])
        if dose is None:
            continue
        start = sentence.span[0]
        claims.append(
            Claim(
                text=sentence.text,
                span=sentence.span,
                value_span=(start + number.start, start + number.end),
                value=number.value,
                statistic="dose",
                arm=arms.dose_drug(sentence.masked, number.start),
                population=population,
                trial=trial,
                unit=" ".join(dose.group(0).split()),
                section=section,
                cites=sentence.cites,
                raw=sentence.text[number.start : number.end],
            )
        )
    return claims


def _may_be_dose(masked: str, end: int) -> bool:
    """Whether a unit may follow the number ending at ``end`` (`DOSE_AFTER`'s units start with "m",
    "g", "µ" or "p"): most numbers are told apart by one character, without copying the rest of the sentence."""
    head = masked[end : end + 64].lstrip()
    return not head or not head[0].isascii() or head[0] in "mMgGpP"
