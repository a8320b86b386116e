"""Read the results a label states in sentences rather than tables.

"At the protocol-specified final analysis of OS, the median OS was 12.6 months for patients
randomized to VOTRIENT and 10.7 months for the placebo arm [HR = 0.87 (95% CI: 0.67, 1.12)]."
Each number becomes a measurement with the endpoint, arm and trial the sentence and the
sentences before it name. Sentences inside tables already read are skipped.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import replace

import regex

from extractors.read.context import arm_names
from extractors.records import Measurement, Source
from extractors.text import names, reach, vocabulary
from extractors.text.numbers import to_float
from extractors.text.patterns import build
from extractors.text.patterns import prose as prose_patterns


def extract_prose(source: Source, already: Sequence[Measurement] = ()) -> list[Measurement]:
    """Measurements stated in the prose of ``source``, skipping text ``already`` read from tables."""
    text = source.text
    taken = sorted(m.span[0] for m in already)
    arms = arm_names(source, len(text))
    arm_pattern = build.any_word(tuple(arms))
    controls = set(vocabulary.control_arms())
    found: list[Measurement] = []
    trial: str | None = None
    nct: str | None = None
    endpoint: str | None = None
    for start, end in _sentences(text):
        sentence = text[start:end]
        for match in prose_patterns.TRIAL_NAME.finditer(sentence):
            trial = names.trial_name(match)
            nct = None
        nct_match = prose_patterns.NCT_ID.search(sentence)
        nct = nct_match.group(0) if nct_match else nct
        first_taken = bisect.bisect_left(taken, start)
        if first_taken < len(taken) and taken[first_taken] < end:
            continue  # a flattened table: its numbers were read as cells
        named = vocabulary.find_endpoint(sentence)
        endpoint = named[0] if named else endpoint
        base = Measurement(
            source=source.id,
            statistic="",
            value=None,
            raw="",
            span=(0, 0),
            trial=trial,
            nct=nct,
            endpoint=endpoint,
            row="prose",
            confidence="medium",
            assessment=names.assessment_of(sentence),
        )
        experimental, control = _arms_in(sentence, arms, arm_pattern, controls)
        found += _ratios(sentence, start, base, experimental, control)
        if "median" in sentence.lower():
            found += _medians(sentence, start, base, arm_pattern)
        found += _counts(sentence, start, base)
        significance = prose_patterns.NOT_SIGNIFICANT.search(sentence)
        if significance:
            found.append(
                replace(
                    base,
                    statistic="significance",
                    qualifier="not significant",
                    raw=significance.group(0),
                    span=(start + significance.start(), start + significance.end()),
                    arm=experimental,
                    comparator=control,
                )
            )
    return found


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    for match in prose_patterns.SENTENCE.finditer(text):
        if match.group(0).strip():
            yield match.start(), match.end()


def _arms_in(
    sentence: str, arms: Sequence[str], arm_pattern: regex.Pattern[str], controls: set[str]
) -> tuple[str | None, str | None]:
    """The experimental and control arm a sentence names, as it spells them (longer names first)."""
    spelled: dict[str, str] = {}
    for match in arm_pattern.finditer(sentence):
        spelled.setdefault(match.group(0).lower(), match.group(0))
    experimental = next((spelled[arm] for arm in arms if arm in spelled and arm not in controls), None)
    control = next((spelled[arm] for arm in arms if arm in spelled and arm in controls), None)
    return experimental, control


def _ratios(
    sentence: str, offset: int, base: Measurement, experimental: str | None, control: str | None
) -> list[Measurement]:
    found = []
    for match in prose_patterns.PROSE_RATIO.finditer(sentence):
        name = match.group("name").lower()
        statistic = "or" if name.startswith("odds") else "rr" if "risk" in name or "rate" in name else "hr"
        measurement = replace(
            base,
            statistic=statistic,
            value=to_float(match.group("value")),
            raw=match.group("value"),
            endpoint=vocabulary.last_endpoint(sentence[: match.start()]) or base.endpoint,
            span=(offset + match.start("value"), offset + match.end("value")),
            arm=experimental,
            comparator=control,
        )
        if match.group("low") and match.group("high"):
            measurement = replace(
                measurement,
                ci_low=to_float(match.group("low")),
                ci_high=to_float(match.group("high")),
                ci_low_raw=match.group("low"),
                ci_high_raw=match.group("high"),
                ci_level=float(match.group("level")) if match.group("level") else None,
                ci_span=(offset + match.start("low"), offset + match.end("high")),
            )
        found.append(measurement)
        if match.group("p"):
            comparison = match.group("cmp").replace(" ", "")
            found.append(
                replace(
                    measurement,
                    statistic="p",
                    value=to_float(match.group("p")),
                    raw=match.group("p"),
                    span=(offset + match.start("p"), offset + match.end("p")),
                    qualifier=None if comparison == "=" else comparison,
                    ci_low=None,
                    ci_high=None,
                    ci_low_raw=None,
                    ci_high_raw=None,
                    ci_span=None,
                    ci_level=None,
                )
            )
    return found


def _medians(sentence: str, offset: int, base: Measurement, arm_pattern: regex.Pattern[str]) -> list[Measurement]:
    """Each duration in a sentence about medians, with the arm named nearest after it."""
    found = []
    durations = list(prose_patterns.PROSE_DURATION.finditer(sentence))
    reach_before, reach_after = reach.before("words_before_duration"), reach.after("words_after_duration")
    for index, match in enumerate(durations):
        around = sentence[max(0, match.start() - reach_before) : match.end() + reach_after]
        if prose_patterns.NOT_AN_ENDPOINT.search(around) or sentence[: match.start()].rstrip().endswith(
            ("<", ">", "≥", "≤")
        ):
            continue  # an age, a follow-up time or a threshold such as "≥65 years", not a result
        clause_end = durations[index + 1].start() if index + 1 < len(durations) else len(sentence)
        after = arm_pattern.search(sentence, match.end(), clause_end)
        before = list(arm_pattern.finditer(sentence, 0, match.start()))
        arm = after.group(0) if after else before[-1].group(0) if before else None
        unit = vocabulary.find_unit(match.group("unit"))
        found.append(
            replace(
                base,
                statistic="median",
                value=to_float(match.group("value")),
                raw=match.group("value"),
                endpoint=vocabulary.last_endpoint(sentence[: match.start()]) or base.endpoint,
                span=(offset + match.start("value"), offset + match.end("value")),
                arm=arm,
                unit=unit,
            )
        )
    return found


def _counts(sentence: str, offset: int, base: Measurement) -> list[Measurement]:
    """ "A total of 682 patients were randomized to TAGRISSO (n=339) or placebo (n=343)"."""

    def count(match: regex.Match[str], arm: str | None, row: str) -> Measurement:
        return replace(
            base,
            statistic="n",
            value=to_float(match.group("value")),
            raw=match.group("value"),
            span=(offset + match.start("value"), offset + match.end("value")),
            unit="patients",
            arm=arm,
            endpoint=None,
            row=row,
        )

    found = [
        count(match, None, "randomized total") for match in prose_patterns.PROSE_RANDOMIZED_TOTAL.finditer(sentence)
    ]
    if "randomi" in sentence.lower():
        found += [
            count(match, match.group("arm"), "randomized") for match in prose_patterns.PROSE_ARM_N.finditer(sentence)
        ]
    return found
