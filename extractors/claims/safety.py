"""Adverse-reaction figures: "grade 3 or higher diarrhea occurred in 3% of patients", "rash in 23%
versus 12%", "Grade 3- Diarrhea(3%), reduced appetite (3%), anemia (3%)".

A percentage is a safety figure when the sentence names a reaction it belongs to: the reaction
named last before it (no endpoint such as ORR between them), one named right after it ("3% of
patients had grade 3 diarrhea"), or the item of a list of reactions under a grade heading. Its
grade is the grade phrase said with that reaction (before it, or between it and the number); a
list heading's grade holds for the whole list; none said means all grades. Its arm is the arm named
right after the number ("of IMFINZI patients", "with T-DXd", "on placebo"); a list under a grade
heading that names no arm is the document's drug's (such lists summarise one treatment's severe
toxicities), and otherwise the scene's single arm, if any.

Such a claim has statistic ``adverse_rate``, the reaction (canonical, ``data/reactions.json``) as
its endpoint and the grade in its statement's ``Measurement.grade``: "all", "3", "4", "3-4",
">=3", ">3", "serious", "fatal". It replaces the ordinary rate the statement reader may have read
at the same number, which could not say what the share is of.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import regex

from extractors.claims.categories import category_shares
from extractors.claims.sentences import Number, Sentence, numbers
from extractors.read.scene import Scene
from extractors.records import Claim, Measurement, replace
from extractors.text import vocabulary
from extractors.text.names import arm_mentions, canonical_arm
from extractors.text.patterns import build
from extractors.text.patterns import safety as patterns

STATISTIC = "adverse_rate"
About = tuple[str | None, str | None, str | None]  # (section, trial, population), as `claims.numeric` has it
# What the statement reader may read a percentage as that is no share of patients with a reaction.
_NOT_INCIDENCE = frozenset({"event_rate", "risk_reduction", "rrr"})
_REACH = 160  # how far before a number its reaction may be named (characters)


@dataclass(frozen=True, slots=True)
class Reading:
    """What one percentage of a sentence is a share of: the reaction as printed and canonical, the
    grade code, and the arm (canonical) when the sentence names it."""

    printed: str
    reaction: str
    grade: str
    arm: str | None


@cache
def _data() -> dict[str, object]:
    return vocabulary.load_data("reactions.json", ("terms", "synonyms", "lab_tables"))


@cache
def synonyms() -> dict[str, str]:
    """Another name of a reaction (lower-case) → the name labels use: "reduced appetite" → "decreased appetite"."""
    found = _data()["synonyms"]
    assert isinstance(found, dict)
    return {str(k).lower(): str(v).lower() for k, v in found.items() if not k.startswith("_")}


@cache
def terms() -> tuple[str, ...]:
    found = _data()["terms"]
    assert isinstance(found, list)
    return tuple(dict.fromkeys(str(term) for term in found))


def canonical_reaction(name: str) -> str:
    """A reaction's name compared as a reader would: lower-case, one space, synonyms resolved."""
    key = " ".join(name.lower().split()).strip(" .,;:")
    if key not in synonyms() and key not in _known():
        # a plural of a known reaction, as articles print it: "headaches", "upper respiratory infections"
        key = next((key[: -len(end)] for end in ("s", "es") if key.endswith(end) and key[: -len(end)] in _known()), key)
    return synonyms().get(key, key)


@cache
def _known() -> frozenset[str]:
    """The reactions' names, lower-case, with their other names."""
    return frozenset(term.lower() for term in terms()) | frozenset(synonyms())


def adverse_claims(sentence: Sentence, about: About, claims: list[Claim], scene: Scene) -> list[Claim]:
    """``claims`` (the sentence's, as the statement reader read them) with each percentage that is a
    share of patients with a named reaction made an adverse-reaction claim, added if it had none."""
    readings = read_sentence(sentence.masked, scene)
    if not readings:
        return claims
    claims = _without_grade_numbers(sentence, claims)
    offset = sentence.span[0]
    by_span = {c.value_span: c for c in claims if c.value_span is not None}
    made: list[Claim] = []
    named = {code for code, _, _ in vocabulary.endpoint_mentions(sentence.masked, sentence=True)}
    for number, reading in readings:
        span = (offset + number.start, offset + number.end)
        before = by_span.get(span)
        if before is not None and before.endpoint in named:
            continue  # the statement reader read an endpoint the sentence names: an efficacy figure
        if before is not None and before.statistic in _NOT_INCIDENCE:
            continue  # "Each year, 1.2% … had major bleeding", "31% less bleeding": an event rate or a reduction
        made.append(_claim(sentence, about, number, reading, before))
    taken = {c.value_span for c in made}
    return [c for c in claims if c.value_span not in taken] + made


def _without_grade_numbers(sentence: Sentence, claims: list[Claim]) -> list[Claim]:
    """``claims`` less those read from a grade phrase's number ("pneumonia of grade 3 or 4": 4 is no
    count of events)."""
    offset = sentence.span[0]
    grades = [(offset + m.start(), offset + m.end()) for m in patterns.GRADE.finditer(sentence.masked)]
    return [
        c for c in claims if c.value_span is None or not any(start <= c.value_span[0] < end for start, end in grades)
    ]


def _claim(sentence: Sentence, about: About, number: Number, reading: Reading, before: Claim | None) -> Claim:
    section, trial, population = about
    offset = sentence.span[0]
    span = (offset + number.start, offset + number.end)
    raw = sentence.text[number.start : number.end]
    statement = Measurement(
        source="article",
        statistic="rate",
        value=number.value,
        raw=raw,
        span=span,
        trial=trial,
        endpoint=reading.reaction,
        arm=reading.arm,
        unit="%",
        row=reading.printed,
        grade=reading.grade,
    )
    base = before or Claim(
        text=sentence.text,
        span=sentence.span,
        value_span=span,
        value=number.value,
        population=population,
        trial=trial,
        section=section,
        cites=sentence.cites,
    )
    return replace(
        base,
        value=number.value,
        statistic=STATISTIC,
        endpoint=reading.reaction,
        arm=reading.arm,
        unit="%",
        raw=raw,
        ci_low=None,
        ci_high=None,
        statement=statement,
    )


def read_sentence(masked: str, scene: Scene) -> list[tuple[Number, Reading]]:
    """Each percentage of a (masked) sentence that is a share of patients with a reaction, read."""
    categories = category_shares(masked)
    if "%" not in masked and not categories:
        return []  # a share is a number before "%" (`_is_share`): the numbers need not be looked at
    percents = [n for n in numbers(masked) if _is_share(masked, n) or n.start in categories]
    if not percents:
        return []
    mentions = _mentions(masked)
    grades = [(m.start(), m.end(), _grade_code(m)) for m in patterns.GRADE.finditer(masked)]
    listed = _listed(masked)
    endpoints = [start for _, start, _ in vocabulary.endpoint_mentions(masked)]
    found: list[tuple[Number, Reading]] = []
    read_from: set[int] = set()
    for number in percents:
        if number.start in categories:  # "Serious side effects occurred in 37%", "11% stopped X because of them"
            printed, endpoint, grade, stopped = categories[number.start]
            found.append((number, Reading(printed, endpoint, grade, _arm_after(masked, number) or stopped)))
            continue
        if number.start in listed:
            printed, grade = listed[number.start]
            arm = _arm_after(masked, number) or _list_arm(scene)
            found.append((number, Reading(printed, canonical_reaction(printed), grade, arm)))
            continue
        reading = _prose_reading(masked, number, mentions, grades, endpoints, read_from)
        if reading is not None:
            named_at, printed, grade = reading
            read_from.add(named_at)
            arm = _arm_after(masked, number)  # unnamed: any arm's, never taken as the drug's
            found.append((number, Reading(printed, canonical_reaction(printed), grade, arm)))
    return _paired_arms(masked, found, scene)


def _paired_arms(masked: str, found: list[tuple[Number, Reading]], scene: Scene) -> list[tuple[Number, Reading]]:
    """A reaction's pair whose second share alone names its arm, a control arm: "pruritus 12% versus 19%
    on placebo" — the first share is the other arm's, the drug's, not any arm's (placebo's 12% would
    have supported it)."""
    controls = set(vocabulary.control_arms())
    drug = canonical_arm(scene.experimental) if scene.experimental else None
    out = list(found)
    for index, ((first, one), (second, other)) in enumerate(pairwise(found)):
        if (
            drug
            and one.arm is None
            and other.arm is not None
            and other.arm.lower() in controls
            and (one.reaction, one.grade) == (other.reaction, other.grade)
            and patterns.PAIR_BETWEEN.match(masked[first.end : second.start])
        ):
            out[index] = (first, replace(one, arm=drug))
    return out


def _list_arm(scene: Scene) -> str | None:
    """The arm of a list of reactions under a grade heading that names none: the scene's one arm, or
    the first of its trial's arms (a table row's intervention), or the document's drug."""
    arm = scene.default_arm or next(iter(scene.trial_arms), None) or scene.experimental
    return canonical_arm(patterns.ARM_NOTE.sub("", arm)) if arm else None  # "Osimertinib (adjuvant)" is osimertinib


def _is_share(masked: str, number: Number) -> bool:
    after = masked[number.end : number.end + 40]
    return after.lstrip(" \t").startswith("%") and not patterns.NOT_A_SHARE.match(after)


def _mentions(masked: str) -> list[tuple[int, int, str]]:
    """(start, end, printed) of every reaction the sentence names, in the singular or plural."""
    return [(m.start(), m.end(), m.group(0)) for m in build.any_word_or_plural(terms()).finditer(masked)]


def _listed(masked: str) -> dict[int, tuple[str, str]]:
    """Where each number of a list under a grade heading starts → (reaction as printed, grade)."""
    leads = list(patterns.GRADE_LIST_LEAD.finditer(masked))
    found: dict[int, tuple[str, str]] = {}
    for index, lead in enumerate(leads):
        end = leads[index + 1].start() if index + 1 < len(leads) else len(masked)
        grade_match = patterns.GRADE.search(masked, lead.start(), lead.end())
        if grade_match is None:
            continue
        grade = _grade_code(grade_match)
        for item in patterns.LIST_ITEM.finditer(masked, lead.end(), end):
            name = item.group("name").strip()
            opening = masked.index("(", item.end("name"))
            digits = next((n for n in numbers(masked[opening : item.end()])), None)
            if digits is not None:
                found[opening + digits.start] = (name, grade)
    return found


def _prose_reading(
    masked: str,
    number: Number,
    mentions: list[tuple[int, int, str]],
    grades: list[tuple[int, int, str]],
    endpoints: list[int],
    read_from: set[int],
) -> tuple[int, str, str] | None:
    """(where the reaction is named, the reaction as printed, grade) of a percentage in prose, or None
    when no reaction is its. ``read_from`` are where the reactions named that already have a number of
    this sentence start."""
    before = [m for m in mentions if m[1] <= number.start and number.start - m[1] <= _REACH]
    named_after = _reaction_after(masked, number, mentions)
    if not before or named_after is not None:
        return named_after  # "…, with 15% having severe (grade 3 or 4) hypertension": the reaction it is said of
    start, end, printed = _item_before(masked, number, before[-1][1]) or _joined(masked, before)
    if any(end <= e < number.start for e in endpoints):
        return None  # "diarrhea was common, but the ORR was 65%": the share is the endpoint's
    if patterns.CONSEQUENCE.search(masked, max(0, start - 40), number.end + 30):
        return None  # "diarrhea led to discontinuation in 1%": not the reaction's incidence
    if (
        start not in read_from
        and _listed_before(masked, before)
        and patterns.ALL_EVENTS.search(masked, end, number.start)
    ):
        return None  # "paronychia, rash and VTE, with grade ≥3 events in 75%": the share of all events
    said = [g for g in grades if start - 30 <= g[0] < number.start and not (start <= g[0] < end)]
    near = [g for g in said if g[0] >= end or masked[g[1] : start].strip(" \t-") == ""]
    # a grade said of all the events a list names: "grade ≥ 3 AEs included stomatitis (9.5%), anemia (5.8%)"
    leading = [g for g in grades if g[1] <= start and patterns.ALL_EVENTS.search(masked, g[1], min(g[1] + 30, start))]
    return start, printed, (near or leading)[-1][2] if near or leading else "all"


def _listed_before(masked: str, before: list[tuple[int, int, str]]) -> bool:
    """Whether the reaction named last ends a list of reactions: "paronychia, rash, and venous
    thromboembolism"."""
    return len(before) > 1 and bool(patterns.LIST_SEPARATOR.fullmatch(masked[before[-2][1] : before[-1][0]]))


def _reaction_after(masked: str, number: Number, mentions: list[tuple[int, int, str]]) -> tuple[int, str, str] | None:
    """The reaction named right after its share: "2% of patients had grade 3 diarrhea", "15% having
    severe (grade 3 or 4) hypertension"."""
    after = patterns.REACTION_AFTER.match(masked, number.end)
    if after is None:
        return None
    grade = patterns.GRADE.match(masked, after.end())
    position = grade.end() if grade else after.end()
    named = [m for m in mentions if masked[position : m[0]].strip(" \t)") == "" and m[0] >= position]
    if not named or patterns.CONSEQUENCE.search(masked, max(0, number.start - 40), named[0][1] + 30):
        return None
    return named[0][0], named[0][2], _grade_code(grade) if grade else "all"


def _item_before(masked: str, number: Number, known_end: int) -> tuple[int, int, str] | None:
    """The name a share is printed after in brackets, when it is not the reaction named last but one
    listed after it: "stomatitis (9.5%), anemia (5.8%), and increased amylase (5.8%)" — the last 5.8%
    is increased amylase's, a reaction the vocabulary does not know; "nausea (52% vs 29%) and
    infections (50% vs 42%)" — both of the last are infections'. None when the bracket follows the
    known reaction's own clause, or a name of patients or an arm ("in the osimertinib arm (58%)")."""
    opening = masked.rfind("(", max(0, number.start - 40), number.start)
    if opening < known_end or ")" in masked[opening : number.start]:
        return None
    item = patterns.ITEM_BEFORE.search(masked, max(known_end, opening - 80), opening + 1)
    if item is None:
        return None
    pieces = list(patterns.ITEM_LEAD.finditer(masked, item.start("name"), item.end("name")))
    start = pieces[-1].end() if pieces else item.start("name")
    name = masked[start : item.end("name")].strip()
    if not name or patterns.NOT_A_REACTION.search(name) or arm_mentions(name):
        return None
    if not patterns.LIST_GAP.search(masked, known_end, start):
        return None  # no list between them: the bracket is the known reaction's clause's
    start += len(masked[start : item.end("name")]) - len(masked[start : item.end("name")].lstrip())
    return start, item.end("name"), name


def _joined(masked: str, before: list[tuple[int, int, str]]) -> tuple[int, int, str]:
    """The reaction named last, with those joined to it: "pneumonitis or radiation pneumonitis"."""
    start, end, _ = before[-1]
    index = len(before) - 1
    while index > 0 and patterns.ROW_JOIN.fullmatch(masked[before[index - 1][1] : before[index][0]]):
        index -= 1
        start = before[index][0]
    return start, end, masked[start:end]


def _arm_after(masked: str, number: Number) -> str | None:
    """The arm named right after a percentage: "34% of IMFINZI patients" → "durvalumab"; a dose
    alone, as printed, where the arms are doses: "28% of men on 50 mg" → "50 mg"."""
    dose = patterns.DOSE_ARM_AFTER.match(masked, number.end)
    if dose is not None:
        return " ".join(dose.group("dose").split())
    lead = patterns.ARM_LEAD.match(masked, number.end)
    if lead is None:
        return None
    window = masked[lead.end() : lead.end() + 80]
    mentions = arm_mentions(window)
    if not mentions or mentions[0][0] != 0:
        return None
    last = 0  # a combination is one arm: "osimertinib plus chemotherapy", "IMFINZI with tremelimumab"
    while last + 1 < len(mentions) and patterns.COMBINED_WITH.fullmatch(
        window[mentions[last][1] : mentions[last + 1][0]]
    ):
        last += 1
    if last == 0:
        return mentions[0][2] or None
    return canonical_arm(window[: mentions[last][1]])


def _grade_code(match: regex.Match[str]) -> str:
    """ "all", "3", "3-4", ">=3", ">3", "serious" or "fatal" for a grade phrase."""
    for name in ("all", "serious", "fatal"):
        if match.group(name) is not None:
            return name
    for name in ("above", "atleast"):
        if match.group(name):
            return f">={match.group(name)}"
    if match.group("over"):
        return f">{match.group('over')}"
    low, high = match.group("low"), match.group("high")
    if match.group("higher") is not None or match.group("plus") is not None:
        return f">={low}"
    return f"{low}-{high}" if high else str(low)
