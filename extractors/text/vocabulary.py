"""The vocabularies in ``data/vocabulary.json``, loaded and validated once.

Endpoint synonyms ("progression-free survival" → PFS), statistic words, units and the names
of control arms are data, not code: extend the file, not the patterns.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import regex

from extractors.text.facts import per_document
from extractors.text.patterns import build, no_results
from extractors.text.patterns import table_labels as label_patterns
from extractors.text.patterns import tables as patterns

RATIO_STATISTICS = frozenset({"hr", "or", "rr"})
# Statistics of the difference between arms: one value per column group, not one per arm.
BETWEEN_STATISTICS = RATIO_STATISTICS | {"p", "difference"}


def load_data(name: str, keys: tuple[str, ...]) -> dict[str, Any]:
    """The data file ``extractors/data/<name>``, checked to hold ``keys`` (a packaging slip fails loudly)."""
    text = (Path(__file__).parent.parent / "data" / name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    for key in keys:
        if key not in data:
            raise ValueError(f"{name} lacks {key!r}")
    return data


@cache
def _data() -> dict[str, Any]:
    return load_data(
        "vocabulary.json", ("endpoints", "statistics", "units", "unit_months", "control_arms", "parameters")
    )


@cache
def _phrase_pattern(group: str) -> tuple[regex.Pattern[str], dict[str, str]]:
    """One pattern for all phrases of a group, longest first, and phrase → code."""
    phrase_to_code: dict[str, str] = {}
    for code, phrases in _data()[group].items():
        if code.startswith("_"):
            continue  # a note on the group ("_why")
        for phrase in phrases:
            phrase_to_code[phrase.lower()] = code
    pattern = build.phrase_with_footnote_key(tuple(phrase_to_code), median_prefix=group == "endpoints")
    return pattern, phrase_to_code


@cache
def _phrase_words(group: str) -> tuple[str, ...] | None:
    """A word of each phrase of a group (its longest), leaving out a word that holds another: an ASCII
    text that holds none of them in lower case names none of the group's phrases, so its pattern need
    not be run over it. None when a phrase is not ASCII (its case-folded forms are not all ASCII)."""
    phrases = [phrase for code, listed in _data()[group].items() if not code.startswith("_") for phrase in listed]
    if not all(phrase.isascii() for phrase in phrases):
        return None
    # a hyphen stands for any dash (`build.PHRASE_DASH`): a word is taken between hyphens and spaces
    words = {max(phrase.lower().replace("-", " ").split(), key=len) for phrase in phrases}
    return tuple(sorted(word for word in words if not any(other != word and other in word for other in words)))


def _may_name(group: str, text: str) -> bool:
    """Whether ``text`` may name a phrase of ``group``: False only when it holds none of its words."""
    words = _phrase_words(group)
    if words is None or not text.isascii():
        return True
    lowered = text.lower()
    return any(word in lowered for word in words)


def _phrase_key(printed: str) -> str:
    """The vocabulary's spelling of a matched phrase: lower case, its dashes hyphens."""
    return str(build.ANY_PHRASE_DASH.sub("-", printed.lower()))


@per_document  # a row label is asked again by each step that reads the row
def find_endpoint(text: str) -> tuple[str, int, int] | None:
    """The first endpoint named in ``text``: (code, start, end) of its phrase."""
    pattern, codes = _phrase_pattern("endpoints")
    match = pattern.search(text)
    if match is None:
        return None
    code = codes[_phrase_key(match.group("phrase"))]
    kind = label_patterns.RESPONSE_KIND_AFTER.match(text, match.end()) if code == "ORR" else None
    if kind is not None:  # "Response rate CR, n (%)": the kind of response named after the generic words
        return kind.group("kind").upper(), match.start(), kind.end()
    return code, match.start(), match.end()


def last_endpoint(text: str) -> str | None:
    """The endpoint named last in ``text``: the one a number right after it belongs to."""
    mentions = _endpoint_mentions(text, False)  # a sentence's are read once for this and its values
    return mentions[-1][0] if mentions else None


def endpoint_mentions(text: str, *, sentence: bool = False) -> list[tuple[str, int, int]]:
    """Every endpoint ``text`` names, in order: (code, start, end) of each phrase; with ``sentence``,
    also the phrases only sentences use ("reduced the risk of progression" is PFS)."""
    return list(_endpoint_mentions(text, sentence))


@lru_cache(maxsize=512)  # a sentence is asked once for each of its values
def _endpoint_mentions(text: str, sentence: bool) -> tuple[tuple[str, int, int], ...]:
    if not sentence:
        pattern, codes = _phrase_pattern("endpoints")
        plain: list[tuple[str, int, int]] = []
        for m in pattern.finditer(text):
            if not (plain and _head_noun(text, plain[-1][2], m.start())):
                plain.append((codes[_phrase_key(m.group("phrase"))], m.start(), m.end()))
        return tuple(plain)
    # the plain mentions, from the cache: `claims.context.extra_endpoint` asks for both of a sentence
    found = list(_endpoint_mentions(text, False))
    extra, extra_codes = _phrase_pattern("sentence_endpoints")
    taken = [(start, end) for _, start, end in found]
    for m in extra.finditer(text) if _may_name("sentence_endpoints", text) else ():
        if any(text[end - 1 : end].isdigit() and end <= m.start() for _, end in taken):
            # "ACR 20, 50 and 70 response rates …, compared to placebo responses of 13%": after an
            # endpoint named by its threshold, "responses" are of that endpoint, not objective responses
            continue
        if not any(start <= m.start() < end or m.start() <= start < m.end() for start, end in taken) and not any(
            _abbreviation_of(text, named_end, m.start(), m.end()) for _, _, named_end in found
        ):
            found.append((extra_codes[_phrase_key(m.group("phrase"))], m.start(), m.end()))
    for m in patterns.RESPONSES_LASTED.finditer(text):
        if not any(start <= m.start() < end for start, end in taken):
            found.append(("DOR", m.start(), m.end()))
    found.sort(key=lambda mention: mention[1])
    return tuple(found)


def _abbreviation_of(text: str, named_end: int, start: int, end: int) -> bool:
    """Whether the phrase at ``start``..``end`` is in brackets right after an endpoint named up to
    ``named_end``: its abbreviation ("… need for extracorporeal membrane oxygenation (ECMO)")."""
    return bool(no_results.ABBREVIATION_OPENS.fullmatch(text, named_end, start)) and bool(
        no_results.ABBREVIATION_CLOSES.match(text, end)
    )


def _head_noun(text: str, named_end: int, start: int) -> bool:
    """Whether the phrase at ``start`` is the head noun of an endpoint named by a threshold that ends at
    ``named_end`` ("ACR 20 response rates", "ASAS 20/50/70 responses"), not an endpoint of its own."""
    return text[named_end - 1 : named_end].isdigit() and bool(
        no_results.HEAD_NOUN_GAP.fullmatch(text, named_end, start)
    )


def share_endpoints(text: str) -> set[str]:
    """The time-to-event endpoints whose share of patients still free of the event ``text`` names in
    lay words: {"IDFS"} for "alive and free of invasive disease" (data "share_phrases")."""
    pattern, codes = _phrase_pattern("share_phrases")
    return {codes[_phrase_key(m.group("phrase"))] for m in pattern.finditer(text)}


def event_share_endpoints(text: str) -> set[str]:
    """The time-to-event endpoints whose share of patients with the event ``text`` names in lay
    words: {"OS"} for "29% of patients had died" (data "event_share_phrases")."""
    pattern, codes = _phrase_pattern("event_share_phrases")
    return {codes[_phrase_key(m.group("phrase"))] for m in pattern.finditer(text)}


def names_an_event(text: str) -> bool:
    """Whether ``text`` names an event of an endpoint it does not name: "had an event" (data "event_words")."""
    return build.any_word(tuple(_data()["event_words"]["phrases"])).search(text) is not None


def endpoint_phrases(code: str) -> tuple[str, ...]:
    phrases: list[str] = _data()["endpoints"].get(code, [])
    return tuple(phrases)


@lru_cache(maxsize=1024)  # the same few words ("months", "mo", "weeks") after most durations a document prints
def find_unit(text: str) -> str | None:
    pattern, codes = _phrase_pattern("units")
    match = pattern.search(text)
    return codes[_phrase_key(match.group("phrase"))] if match else None


def months_per(unit: str) -> float | None:
    """How many months one ``unit`` is (weeks → 0.23), for comparing durations across units."""
    factor = _data()["unit_months"].get(unit)
    return float(factor) if factor is not None else None


@cache
def row_group_headings() -> tuple[str, ...]:
    """Headings printed over the rows they group ("Gastrointestinal", "Secondary endpoints")."""
    return tuple(str(h).lower() for h in _data()["row_group_headings"]["headings"])


@cache
def label_number_words() -> tuple[str, ...]:
    """Words a row label ends with that take a number of their own: "PASI 75", "Week 24"."""
    return tuple(str(w).lower() for w in _data()["label_number_words"]["words"])


@cache
def parameters() -> tuple[str, ...]:
    """Measured quantities that head the columns of a table whose rows are arms ("LDL-C", "Apo B")."""
    return tuple(str(p).lower() for p in _data()["parameters"]["phrases"])


@cache
def control_arms() -> tuple[str, ...]:
    return tuple(arm.lower() for arm in _data()["control_arms"])


@per_document
def statistic_of_label(label: str) -> tuple[str | None, str | None]:
    """(statistic, unit) a table row label announces: "Median (months)" → ("median", "months").
    An endpoint's name says no statistic: "Progression-Free Survival (PFS) per BICR N" counts
    patients, not progressions."""
    endpoint = find_endpoint(label)
    rest, named = label, endpoint
    while named is not None:
        rest = rest[: named[1]] + " " + rest[named[2] :]
        named = find_endpoint(rest)
    if label_patterns.LABEL_N.fullmatch(rest):
        return "n", "patients"
    statistic, unit = _statistic_of_words(rest)
    if statistic is None and endpoint and endpoint[0] in {"ORR", "CR", "PR", "PCR"}:
        # "Number of patients with pCR | 43": the responders; "Overall Response Rate | 34%": their rate
        return ("count", "patients") if label_patterns.LABEL_NUMBER_OF_PATIENTS.search(rest) else ("rate", "%")
    return statistic, unit


def _statistic_of_words(label: str) -> tuple[str | None, str | None]:
    unit = find_unit(label)
    if label_patterns.LABEL_DIFFERENCE.search(label):  # "pCR difference (95% CI)": between the arms, not an arm's rate
        return "difference", "%" if "%" in label else unit
    if label_patterns.LABEL_MEDIAN.search(label):
        return "median", unit if unit != "%" else None
    if label_patterns.LABEL_MEAN.search(label):
        return "mean", unit
    if label_patterns.LABEL_ODDS_RATIO.search(label):
        return "or", None
    if label_patterns.LABEL_HAZARD_RATIO.search(label):
        return "hr", None
    if label_patterns.LABEL_P_VALUE.search(label):
        return "p", None
    if label_patterns.LABEL_PROPORTION.search(label):
        return "rate", "%"  # "Proportion of responders with …": their share, not a count
    if label_patterns.LABEL_RESPONDERS.search(label):
        return "count", "patients"
    if label_patterns.LABEL_COUNT_PERCENT.search(label) and not label_patterns.LABEL_EVENTS.search(label):
        return "count", "patients"  # "Objective response rate (n, %)": responders, their percent beside them
    if label_patterns.LABEL_PERCENT.search(label) and not label_patterns.LABEL_EVENTS.search(label):
        return "rate", "%"
    if label_patterns.LABEL_EVENTS.search(label):
        return "events", "patients"
    return None, unit


TIME_TO_EVENT = frozenset({"PFS", "rPFS", "OS", "DFS", "EFS", "RFS", "IDFS", "DMFS", "MFS", "DOR", "TTP", "TTR"})


def time_to_event() -> frozenset[str]:
    """Endpoints measured as a time: their durations are medians ("the duration of response was 9 months")."""
    return TIME_TO_EVENT


@cache
def same_composite(code: str) -> frozenset[str]:
    """The endpoint codes labels use for the composite ``code`` names, ``code`` among them ({"DFS",
    "RFS"} for DFS: recurrence or death); empty for an endpoint no other code names (data "same_composites")."""
    for group in _data()["same_composites"]["groups"]:
        if code in group:
            return frozenset(str(member) for member in group)
    return frozenset()
