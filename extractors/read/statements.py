"""One reader for results statements, in labels and in articles: a sentence in, records out.

"The ORR was 32% (95% CI: 23, 41)", "the median OS was 15.7 months (95% CI: 12.9, 19.9) in
OPDIVO-treated patients compared to 14.4 months … (HR 0.95; 95.54% CI: 0.73, 1.24)": each value
a sentence asserts becomes a `Measurement` with its statistic, CI, p-value, arm, endpoint,
population and analysis, and the characters it was read from. The numbers of a CI belong to their
estimate; ages, doses, years, follow-up times, maturity shares, ranges and landmarks ("at 84
months") are not results and give nothing. When the sentence does not settle an arm, the arm is
None and the other readings are listed, never guessed.

The same function reads label prose (`read.prose`) and article sentences (`claims`); what the
sentences before said (trial, endpoint, arms) arrives in a `Scene`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

import regex

from extractors.read import attach, roles, subgroups
from extractors.read.scene import Scene
from extractors.records import Alternative, Measurement, replace
from extractors.text import numbers, vocabulary
from extractors.text.patterns import counts as count_patterns
from extractors.text.patterns import rates as rate_patterns
from extractors.text.patterns import statements as patterns
from extractors.text.patterns import subgroups as subgroup_patterns

__all__ = ["Scene", "prose_start", "read_statements"]


@dataclass(slots=True)
class _Value:
    """A number in the sentence and what was read around it, before it becomes a record."""

    start: int  # offsets in the sentence
    end: int
    raw: str
    value: float | None
    unit: str | None = None
    qualifier: str | None = None  # "<", "≤", "NR"
    statistic: str | None = None
    ci: regex.Match[str] | None = None  # the TOKEN match of its interval
    ci_head: bool = False  # "HR (95% CI) of 1.03 (0.55, 1.92)": the ratio's interval was named before it
    sign: float = 1.0  # -1 for a difference stated as a reduction
    word: bool = False  # written as a word: "three", "Eighty-three"
    events_noun_end: int | None = None  # where "351 events" / "4 complete responses" ends
    exposure_end: int | None = None  # where "2.1 events per 100 patient-years" ends
    share_of: int | None = None  # for "93 (16.8%)": the index of the count this share belongs to


def read_statements(sentence: str, offset: int, scene: Scene) -> list[Measurement]:
    """Every result ``sentence`` states, as measurements whose spans are offset by ``offset``."""
    found = _read_in_scene(sentence, scene) if len(sentence) <= _LONG else _read_long_in_scene(sentence, scene)
    return [_shifted(m, offset) for m in found] if offset else list(found)


# A "sentence" longer than this (a pasted run with no full stop, read again by the prose and the
# tables' paths) is kept in a cache of its own, of a few: 256 of them would hold megabytes.
_LONG = 2_000


def _read_at_start(sentence: str, scene: Scene) -> tuple[Measurement, ...]:
    """What ``sentence`` states in ``scene``, spans from its start: a sentence that recurs in the same
    scene (a summary repeated, a pasted text duplicated) is read once. The reading depends on nothing
    else; its position only moves the spans (`_shifted`)."""
    return tuple(_read(sentence, 0, scene))


_read_in_scene = lru_cache(maxsize=256)(_read_at_start)
_read_long_in_scene = lru_cache(maxsize=4)(_read_at_start)


def _shifted(measurement: Measurement, offset: int) -> Measurement:
    """The measurement read at the sentence's start, moved to where the sentence is."""
    start, end = measurement.span
    ci = measurement.ci_span
    return replace(
        measurement,
        span=(start + offset, end + offset),
        ci_span=None if ci is None else (ci[0] + offset, ci[1] + offset),
    )


def _read(sentence: str, offset: int, scene: Scene) -> list[Measurement]:
    values = _values(sentence)
    if not values:
        return _significance(sentence, offset, scene)
    for index, value in enumerate(values):
        if value.statistic is None:
            value.statistic = _statistic(sentence, values, index, scene)
    kept = [v for v in values if v.statistic is not None]
    if not kept:
        return _significance(sentence, offset, scene)
    mentions = attach.arm_mentions(sentence, scene)
    arms = attach.assign_arms(sentence, [(v.start, v.end, v.statistic or "") for v in kept], mentions, scene)
    arms = _shares_follow_counts(values, kept, arms)
    listed = _listed_subgroups(sentence, kept)
    found = [
        _record(sentence, offset, v, arm, kept, scene, listed.get(i))
        for i, (v, arm) in enumerate(zip(kept, arms, strict=True))
    ]
    return _shares_take_endpoints(values, kept, found) + _significance(sentence, offset, scene)


def _shares_follow_counts(
    values: list[_Value], kept: list[_Value], arms: list[attach.ArmReading]
) -> list[attach.ArmReading]:
    """ "93 (16.8%) progression events in the Gleevec arm": the share has its count's arm."""
    position = {id(v): i for i, v in enumerate(kept)}
    result = list(arms)
    for i, value in enumerate(kept):
        if value.share_of is not None and id(values[value.share_of]) in position:
            result[i] = arms[position[id(values[value.share_of])]]
    return result


def _shares_take_endpoints(values: list[_Value], kept: list[_Value], found: list[Measurement]) -> list[Measurement]:
    """ "13 (52%) had CCyR", "71 (12.8%) … patients died": the share counts what its count counts."""
    position = {id(v): i for i, v in enumerate(kept)}
    for i, value in enumerate(kept):
        if value.share_of is not None and id(values[value.share_of]) in position:
            found[i] = replace(found[i], endpoint=found[position[id(values[value.share_of])]].endpoint)
    return found


def prose_start(sentence: str) -> int | None:
    """Where the prose of ``sentence`` starts: 0 for a sentence, None for flattened table text
    ("Overall Response Rate 34% 9% (95% CI) (28, 41) (5, 13)", "| n (%) | 205 (82.7) |"), and the
    offset of the sentence that scraped text ran into the end of a table ("… (10.1, 12.5) The
    investigator-assessed ORR was 27% …"). Sentences join their numbers with words; a table's cells
    follow one another with nothing but spaces and footnote marks between them (a value and the CI
    right after it are one cell)."""
    if patterns.RENDERED_CELL.search(sentence):
        return None
    if sum(1 for _ in islice(patterns.DIGIT_RUN.finditer(sentence), 3)) < 3:
        return 0  # cells running together need three numbers at least
    last_cell_end = -1
    adjacent = 0
    previous: regex.Match[str] | None = None
    for token in _tokens(sentence):
        if token.group("ci_head"):
            head = patterns.CELL_GAP.match(sentence, token.end())
            if head and patterns.TOKEN.match(sentence, head.end()):
                adjacent += 1  # "ORR (95% CI) 58% (48, 68)": a column head, then its cells
            previous = None
            continue
        joined = previous is not None and not (token.group("ci") and not previous.group("ci"))
        if joined and previous is not None and patterns.CELL_GAP.fullmatch(sentence, previous.end(), token.start()):
            adjacent += 1
            last_cell_end = token.end()
        previous = token
    if adjacent < 2:
        return 0
    return prose_after(sentence, last_cell_end)


@lru_cache(maxsize=64)
def _tokens(sentence: str) -> tuple[regex.Match[str], ...]:
    """The pieces of a sentence, read once for both `prose_start` and `_values`: what
    ``TOKEN.finditer`` finds, found faster. The next piece starts where the first of TOKEN's
    alternatives next matches (each searched alone, `TOKEN_STARTS`); TOKEN matched there is that
    piece. An alternative's next match is searched again only once a piece has passed its start."""
    found: list[regex.Match[str]] = []
    nexts = [
        start.search(sentence) if not hint or hint.search(sentence) else None for hint, start in patterns.TOKEN_STARTS
    ]
    while True:
        starts = [match.start() for match in nexts if match is not None]
        if not starts:
            return tuple(found)
        token = patterns.TOKEN.match(sentence, min(starts))
        if token is None or token.end() == token.start():  # cannot be: an alternative matches there
            found.extend(patterns.TOKEN.finditer(sentence, min(starts)))
            return tuple(found)
        found.append(token)
        nexts = [
            match if match is None or match.start() >= token.end() else start.search(sentence, token.end())
            for match, (_, start) in zip(nexts, patterns.TOKEN_STARTS, strict=True)
        ]


def prose_after(sentence: str, position: int) -> int | None:
    """Where a clause with a verb starts after ``position``: prose resuming after a caption or cells."""
    for restart in patterns.PROSE_RESTART.finditer(sentence, position):
        if patterns.PROSE_VERB.search(sentence, restart.start(), restart.start() + 150):
            return int(restart.start())
    return None


# --- values --------------------------------------------------------------------------------


# TOKEN's alternatives, one group each: the one a piece matched is its kind (and, as its outermost
# group, the group it matched last: `lastgroup` names it without asking each group in turn).
_KINDS = ("ci", "ci_head", "no_value", "p", "n_eq", "value", "word")


def _values(sentence: str) -> list[_Value]:
    """The numbers of the sentence that may be results, with their CI, p-value and unit attached."""
    values: list[_Value] = []
    ci_head = False
    for token in _tokens(sentence):
        kind = token.lastgroup if token.lastgroup in _KINDS else next(k for k in _KINDS if token.group(k))
        if kind == "no_value":
            continue
        if kind == "ci_head":
            ci_head = True
        elif kind == "ci":
            _attach_ci(sentence, values, token)
            if token.group("ci_p"):
                values.append(_p_value(token, "ci_p", "ci_p_cmp"))
        elif kind == "p":
            values.append(_p_value(token, "p_value", "p_cmp"))
        elif kind == "n_eq":
            values.append(_number(token, "n_value", statistic="n"))
        elif kind == "value":
            value = _plain_value(sentence, token)
            if value is not None:
                value.ci_head = ci_head
                values.append(value)
        else:
            word = _word_value(sentence, token)
            if word is not None:
                values.append(word)
    _share_units(sentence, values)
    _joined_units(sentence, values)
    return values


def _number(token: regex.Match[str], group: str, statistic: str | None = None) -> _Value:
    raw = token.group(group)
    return _Value(token.start(group), token.end(group), raw, numbers.to_float(raw), statistic=statistic)


def _p_value(token: regex.Match[str], group: str, cmp_group: str) -> _Value:
    value = _number(token, group, statistic="p")
    comparison = " ".join((token.group(cmp_group) or "=").split()).lower()
    value.qualifier = {"=": None, "less than": "<", "less than or equal to": "≤", "< =": "≤", "<=": "≤"}.get(
        comparison, comparison
    )
    return value


_PER_REACH = 8  # "per" and two spaces, the longest `PER_BEFORE`: it is looked for there, not in the whole sentence


def _plain_value(sentence: str, token: regex.Match[str]) -> _Value | None:
    value = _number(token, "v_num")
    if rate_patterns.PER_BEFORE.search(sentence, max(0, token.start() - _PER_REACH), token.start()):
        return None  # "per 1,000 patient-years": the scale of a rate, not a value
    if (
        patterns.YEAR.match(value.raw)
        and not token.group("v_unit")
        and not patterns.ENROLMENT_AFTER.match(sentence, token.end())
    ):
        return None  # "in 2019", but not "a substudy of 1974 patients"
    if token.group("v_cmp"):
        value.qualifier = token.group("v_cmp").strip()
    if token.group("v_unit"):
        value.unit = "%"
    else:
        duration = patterns.DURATION_AFTER.match(sentence, token.end())
        if duration:
            value.unit = vocabulary.find_unit(duration.group("unit").rstrip(".")) or "months"
    exposure = rate_patterns.PER_EXPOSURE_AFTER.match(sentence, token.end())
    if exposure is not None and (exposure.group("scale") or value.unit == "%"):
        value.statistic = "event_rate"  # "2.1 events per 100 patient-years", "3.8% per year"
        value.unit = _exposure_unit(exposure)
        value.exposure_end = exposure.end()
    elif value.unit == "%" and _yearly(sentence, token):
        value.statistic = "event_rate"  # "Each year, 1.27% of people …", "the yearly rates were 1.19% and 1.51%"
        value.unit = "%/year"
    if roles.not_a_result(sentence, value.start, max(value.end, token.end()), value.unit):
        return None  # read after the unit: "25% mature", "600-mg dose"
    if value.qualifier in {"<", "≤", ">", "≥"} and value.unit in {"months", "weeks", "years", "days"}:
        return None  # "patients <18 years", "≥ 6 months": a threshold, not a result
    return value


def _yearly(sentence: str, token: regex.Match[str]) -> bool:
    """A share the sentence says is per year before it ("Each year, 1.27% of people …"), unless it is a
    reduction ("… a year, 21% fewer strokes")."""
    if not rate_patterns.YEARLY_BEFORE.search(sentence, 0, token.start()):
        return False
    after = sentence[token.end() : token.end() + 40].lstrip("% ")
    return not (rate_patterns.FEWER_AFTER.match(after) or rate_patterns.LOWER_AFTER.match(after))


def _exposure_unit(exposure: regex.Match[str]) -> str:
    """The unit of an event rate as the labels write it: "per 100 patient-years", "per 1000
    patient-years", "%/year", "%/month"."""
    if exposure.group("scale"):
        return f"per {exposure.group('scale').replace(',', '')} patient-years"
    return "%/month" if exposure.group("period").lower() == "month" else "%/year"


def _word_value(sentence: str, token: regex.Match[str]) -> _Value | None:
    """ "Eighty-three percent", "three patients": a number written in words, when a unit says what it is."""
    words = attach.number_words()
    tens = words.get((token.group("w_tens") or "").lower(), 0)
    ones = words.get((token.group("w_ones") or token.group("w_small") or "").lower(), 0)
    after = sentence[token.end() : token.end() + 40]
    if count_patterns.FRACTION_AFTER.match(after):
        return None  # "about one-fifth of these patients had a response": a share in words, no count
    value = _Value(token.start(), token.end(), token.group(0), float(tens + ones), word=True)
    if roles.not_a_result(sentence, value.start, value.end, None):
        return None  # "the two treatment arms"
    if patterns.PERCENT_WORD_AFTER.match(after):
        value.unit = "%"
        return value
    if (
        patterns.EVENTS_AFTER.match(after)
        or patterns.ENROLMENT_AFTER.match(after)
        or patterns.COUNT_VERB_AFTER.match(after)
    ):
        return value
    return None


def _attach_ci(sentence: str, values: list[_Value], token: regex.Match[str]) -> None:
    """A CI belongs to the value just before it, with at most a unit or a few words between."""
    if not values:
        return
    last = values[-1]
    gap = sentence[last.end : token.start()]
    if last.statistic in {"n", "p"}:
        return  # "(n = 219, 95% CI, 29 to 43 months)": the interval is not the N's
    named = token.group("ci_level") is not None
    if not named and not patterns.BARE_CI_GAP.fullmatch(gap):
        return  # "60 months [see Clinical Studies (14.2, 14.3)]": bare brackets far from a value are no CI
    if last.ci is None and len(gap) <= 40 and (len(gap.strip()) <= 1 or not patterns.CLAUSE_BREAK.search(gap)):
        last.ci = token
        if last.unit is None:  # "20.9 [13.1, 34.4] months"
            duration = patterns.DURATION_AFTER.match(sentence, token.end())
            if duration:
                last.unit = vocabulary.find_unit(duration.group("unit").rstrip(".")) or "months"


def _joined_units(sentence: str, values: list[_Value]) -> None:
    """ "5.7 and 5.8 months", "71 (12.8%) and 85 (15.4%) patients died": a value takes the unit of the
    value it is joined to."""
    for index in range(len(values) - 2, -1, -1):
        value, following = values[index], values[index + 1]
        if _share_of_yearly(value, following) and patterns.JOINED_TO_NEXT.match(sentence[value.end : following.start]):
            value.statistic, value.unit = "event_rate", following.unit  # "(0.83% and 0.82% a year)"
            continue
        if value.unit is not None or value.statistic is not None or following.unit is None:
            continue
        if following.share_of is not None:
            continue
        gap_start = value.ci.end() if value.ci is not None else value.end
        if patterns.JOINED_TO_NEXT.match(sentence[gap_start : following.start]):
            value.unit = following.unit
            if following.statistic == "event_rate":
                value.statistic = "event_rate"  # "2.1 vs 2.4 events per 100 patient-years"
    for index in range(1, len(values)):
        value, preceding = values[index], values[index - 1]
        timed = preceding.unit in {"months", "weeks", "years", "days"} or preceding.statistic == "event_rate"
        # "0.82% per year with Eliquis versus 0.33% with warfarin": the same scale
        if (value.unit is None or _share_of_yearly(value, preceding)) and value.statistic is None and timed:
            gap_start = preceding.ci.end() if preceding.ci is not None else preceding.exposure_end or preceding.end
            gap = sentence[gap_start : value.start]
            if patterns.COMPARED_GAP.fullmatch(gap):
                value.unit = preceding.unit  # "4.1 months on pazopanib vs 0.9 on placebo"
                if preceding.statistic == "event_rate":
                    value.statistic = "event_rate"  # "111 per 1,000 patient-years … compared with 131"


def _share_of_yearly(value: _Value, other: _Value) -> bool:
    """Whether ``value`` is a plain share said with an event rate in percent per period, whose scale it shares."""
    return (
        value.unit == "%"
        and value.statistic is None
        and other.statistic == "event_rate"
        and (other.unit or "").startswith("%/")
    )


def _share_units(sentence: str, values: list[_Value]) -> None:
    """ "93 (16.8%) progression events": the share is the count's percent of its arm."""
    for index, value in enumerate(values[:-1]):
        following = values[index + 1]
        if following.unit == "%" and patterns.SHARE_AFTER.match(sentence, value.end, following.end + 3):
            following.share_of = index
        elif (
            index + 2 < len(values)
            and values[index + 2].unit == "%"
            and patterns.OF_GROUP_SHARE.fullmatch(sentence, value.end, values[index + 2].start)
        ):
            values[index + 2].share_of = index  # "128 of 335 children (38.2%)": 38.2% is 128's share


# --- statistics ------------------------------------------------------------------------------


def _statistic(sentence: str, values: list[_Value], index: int, scene: Scene) -> str | None:
    value = values[index]
    before = sentence[: value.start]
    previous = values[index - 1] if index else None
    if value.share_of is not None:
        return "rate"
    left = previous.end if previous and previous.statistic not in {"n", None} else 0
    ratio = roles.ratio_cue(sentence, value.start, left)
    if ratio and value.unit is None:
        return ratio
    # the estimate before, past the p-value printed with it: "HR 0.58 (…; p=0.01) … and 0.69 (…)"
    estimate = next((values[i] for i in range(index - 1, -1, -1) if values[i].statistic != "p"), None)
    if estimate and estimate.statistic in {"hr", "or", "rr"} and value.unit is None and value.ci is not None:
        return (
            estimate.statistic
        )  # "a HR of 1.17 (…), 0.67 (…)", "0.58 (…) in the PD-L1 negative subgroup and 0.69 (…)"
    if estimate and estimate.statistic in {"difference", "mean", "median"} and value.unit == estimate.unit == "%":
        if estimate.statistic == "difference" and estimate.sign < 0 and (value.value or 0) > 0:
            value.sign = estimate.sign  # "absolute risk reductions … were 1.27% and 1.19%": both reductions
        return estimate.statistic  # "was −71% (…; p < 0.0001) and −63% (…) for the 140 mg … and 420 mg … dosages"
    inherited = _breakdown(sentence, values, index) or _count_against(sentence, values, index)
    if inherited is not None:
        return inherited
    if value.unit == "%":
        return roles.percent_statistic(sentence, value.start, value.end, value, previous.end if previous else 0)
    if value.unit in {"months", "weeks", "years", "days"}:
        endpoint, _ = attach.endpoint_for(sentence, value.start, value.end, "median", scene)
        return roles.duration_statistic(sentence, value.start, value.end, endpoint)
    if value.unit is None and (value.word or value.raw.replace(",", "").isdigit()):
        return roles.count_statistic(sentence, value.start, value.end, before, value)
    return None


def _breakdown(sentence: str, values: list[_Value], index: int) -> str | None:
    """ "37 deaths occurred (20 in the nivolumab arm, 17 in the placebo arm)", "A total of 8281 (3449 in
    EINSTEIN DVT and 4832 in EINSTEIN PE) patients": counts in brackets after a count split it."""
    value = values[index]
    if value.unit is not None or not value.raw.replace(",", "").isdigit():
        return None
    opening = sentence.rfind("(", 0, value.start)
    if opening < 0 or ")" in sentence[opening : value.start]:
        return None
    parents = [v for v in values[:index] if v.end <= opening]
    if parents and parents[-1].unit is None and parents[-1].statistic in {"events", "n"}:
        return parents[-1].statistic
    return None


def _count_against(sentence: str, values: list[_Value], index: int) -> str | None:
    """ "73 patients (47%) in the pembrolizumab arm had progressed or died, against 116 (77%) with
    chemotherapy", "145 of 347 patients … had progressed or died, compared with 114 of 174": a bare
    count set against a count of events counts events too, not patients."""
    value = values[index]
    if value.unit is not None or not value.raw.replace(",", "").isdigit():
        return None
    if not patterns.COUNT_SET_AGAINST.search(sentence, max(0, value.start - 20), value.start):
        return None
    counts = [
        v
        for v in values[:index]
        if v.unit is None
        and v.raw.replace(",", "").isdigit()
        and not patterns.GROUP_OF_BEFORE.search(sentence, max(0, v.start - 12), v.start)  # "of 347": a group's size
    ]
    return "events" if counts and counts[-1].statistic == "events" else None


# --- records ----------------------------------------------------------------------------------


def _listed_subgroups(sentence: str, kept: list[_Value]) -> dict[int, str]:
    """ "… in patients with IMDC favorable, intermediate, intermediate/poor, and poor risk demonstrated a
    HR (95% CI) of 1.03 (…), 0.74 (…), 0.65 (…), and 0.49 (…), respectively": each value of a statistic
    stated once per listed subgroup is that subgroup's, in order (by index into ``kept``). None when
    the counts differ: which value is whose is then not said."""
    listed = subgroup_patterns.LISTED_SUBGROUPS.search(sentence)
    respectively = patterns.RESPECTIVELY.search(sentence, listed.end()) if listed else None
    if listed is None or respectively is None:
        return {}
    items = [" ".join(item.split()) for item in subgroup_patterns.LIST_ITEM_SEPARATOR.split(listed.group("list"))]
    by_statistic: dict[str, list[int]] = {}
    for index, value in enumerate(kept):
        if listed.end() <= value.start < respectively.start():
            by_statistic.setdefault(value.statistic or "", []).append(index)
    found: dict[int, str] = {}
    for members in by_statistic.values():
        if len(members) == len(items):
            found.update(zip(members, items, strict=True))
    return found


def _record(
    sentence: str, offset: int, value: _Value, arm: tuple[str | None, str | None, tuple[str, ...]],
    values: list[_Value], scene: Scene, listed_population: str | None = None,
) -> Measurement:  # fmt: skip
    experimental, comparator, alternatives = arm
    endpoint, modifiers = attach.endpoint_for(sentence, value.start, value.end, value.statistic or "", scene)
    measurement = Measurement(
        source=scene.source,
        statistic=value.statistic or "",
        value=None if value.value is None else value.sign * value.value,
        raw=value.raw,
        span=(offset + value.start, offset + value.end),
        trial=scene.trial,
        nct=scene.nct,
        endpoint=endpoint,
        population=listed_population
        or _subset(sentence, value)
        or subgroups.population_for(sentence, value.start, value.end, scene),
        arm=experimental,
        comparator=comparator,
        qualifier=value.qualifier,
        unit=_unit(value),
        confidence="medium" if alternatives or experimental is None else "high",
        row="prose",
        assessment=attach.assessment_of(sentence) or scene.assessment,
        analysis=attach.analysis_of(sentence) or scene.analysis,
        modifiers=modifiers,
    )
    if alternatives:
        why = "the sentence does not say which arm this value is for"
        measurement = replace(
            measurement,
            alternatives=tuple(Alternative(measurement.value, None, None, why, arm=a) for a in alternatives),
        )
    if value.ci is not None:
        measurement = _with_ci(measurement, value.ci, offset)
    return measurement


def _subset(sentence: str, value: _Value) -> str | None:
    """ "77 (79%) had tumors that expressed PD-L1 with a CPS ≥ 1": a count with its share of the arm is
    the size of a subgroup, named by what its patients had or received."""
    if value.statistic != "n":
        return None
    described = patterns.SUBSET_DESCRIBED.match(sentence, value.end)
    return " ".join(described.group("what").split()) if described else None


def _unit(value: _Value) -> str | None:
    if value.statistic in {"n", "events"}:
        return "patients"
    if value.statistic in {"hr", "or", "rr", "p"}:
        return None
    return value.unit


def _with_ci(measurement: Measurement, ci: regex.Match[str], offset: int) -> Measurement:
    low, high = ci.group("ci_low"), ci.group("ci_high")
    return replace(
        measurement,
        ci_low=numbers.bound(low),
        ci_high=numbers.bound(high),
        ci_low_raw=" ".join(low.split()),
        ci_high_raw=" ".join(high.split()),
        ci_level=float(ci.group("ci_level")) if ci.group("ci_level") else None,
        ci_span=(offset + ci.start(), offset + ci.end()),
    )


def _significance(sentence: str, offset: int, scene: Scene) -> list[Measurement]:
    """ "No statistically significant difference was observed": a statement with no value."""
    match = patterns.NOT_SIGNIFICANT.search(sentence)
    if match is None:
        return []
    endpoint, modifiers = attach.endpoint_for(sentence, match.start(), match.end(), "significance", scene)
    experimental, comparator = attach.ratio_arms(attach.arm_mentions(sentence, scene), scene)
    return [
        Measurement(
            source=scene.source,
            statistic="significance",
            value=None,
            raw=match.group(0),
            span=(offset + match.start(), offset + match.end()),
            trial=scene.trial,
            nct=scene.nct,
            endpoint=endpoint,
            arm=experimental,
            comparator=comparator,
            qualifier="not significant",
            row="prose",
            confidence="medium",
            modifiers=modifiers,
        )
    ]
