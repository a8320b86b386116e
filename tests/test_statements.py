"""One reader of results statements for labels and articles (tests/cases/statements.json).

Each sentence is read twice: as a label's prose (`read.prose.extract_prose`, the path `extract`
takes) and as an article's claims (`claims.find_claims`, the path `verify` takes). Both must give
the records the case lists, and nothing else; a case with no records is a negative case.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from conftest import CASES
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractors.claims import find_claims
from extractors.ingest.articles import article_from_bytes
from extractors.read.prose import extract_prose
from extractors.read.scene import Scene
from extractors.read.statements import read_statements
from extractors.records import Measurement, Source
from extractors.text.names import canonical_arm

CASE_TABLE: dict[str, Any] = json.loads((CASES / "statements.json").read_text(encoding="utf-8"))
COMPARED = ("statistic", "endpoint", "population", "analysis", "unit", "qualifier", "trial", "value")


def _as_label(case: dict[str, Any]) -> tuple[str, list[Measurement]]:
    brand, generic = case["drugs"]
    source = Source(
        id="case", path="case.txt", kind="text", drug=generic, title=f"{brand} label", text=case["sentence"]
    )
    return source.text, extract_prose(source)


def _as_article(case: dict[str, Any]) -> tuple[str, list[Measurement]]:
    article = article_from_bytes(case["sentence"].encode("utf-8"), "case.txt")
    claims = find_claims(article, drugs=tuple(case["drugs"]))
    return article.text, [claim.statement for claim in claims if claim.statement is not None]


def _at(text: str, expected: dict[str, Any]) -> int:
    start = -1
    for _ in range(expected.get("nth", 0) + 1):
        start = text.index(_plain(expected["at"]), start + 1)
    return start


def _plain(raw: str) -> str:
    return raw.replace("−", "-")  # an article's text is read with its minus signs repaired


def _check(text: str, records: list[Measurement], case: dict[str, Any], side: str) -> None:
    text = _plain(text)
    got = sorted((r.span[0], _plain(r.raw), r.statistic) for r in records)
    want = sorted((_at(text, e), _plain(e["at"]), e["statistic"]) for e in case["records"])
    assert got == want, f"{side}: read {[(r.raw, r.statistic, r.arm) for r in records]}"
    for expected in case["records"]:
        record = next(r for r in records if r.span[0] == _at(text, expected))
        where = f"{side}, record at {expected['at']!r}"
        for field in COMPARED:
            if field in expected:
                got_value = getattr(record, field)
                assert got_value == expected[field], f"{where}: {field} {got_value!r}"
        for field in ("arm", "comparator"):
            if field in expected:
                want_arm = expected[field] and canonical_arm(expected[field])
                got_arm = getattr(record, field) and canonical_arm(getattr(record, field))
                assert got_arm == want_arm, f"{where}: {field} {getattr(record, field)!r}"
        if "modifiers" in expected:
            assert list(record.modifiers) == expected["modifiers"], f"{where}: modifiers {record.modifiers}"
        if "ci" in expected:
            assert [record.ci_low, record.ci_high] == expected["ci"], f"{where}: ci"
        if "ci_low" in expected:
            assert record.ci_low == expected["ci_low"] and record.ci_high is None, f"{where}: open ci"


def _cases(side: str) -> list[Any]:
    return [pytest.param(case, id=case["id"]) for case in CASE_TABLE["cases"] if side in case.get("sides", (side,))]


@pytest.mark.parametrize("case", _cases("label"))
def test_label_prose_reads_the_sentence(case: dict[str, Any]) -> None:
    text, records = _as_label(case)
    _check(text, records, case, "label")


@pytest.mark.parametrize("case", _cases("article"))
def test_article_claims_read_the_sentence_the_same_way(case: dict[str, Any]) -> None:
    text, records = _as_article(case)
    _check(text, records, case, "article")


_WORDS = st.sampled_from(
    ["median", "PFS", "OS", "HR", "95%", "CI", "(", ")", ",", "vs", "and", "respectively", "months", "%",
     "in", "the", "arm", "placebo", "OPDIVO", "was", "p", "<", "=", "0.05", "4.6", "12", "1.6", "0.35", "-", ":", ";"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40))
def test_every_value_read_is_the_text_at_its_span(words: list[str]) -> None:
    sentence = " ".join(words)
    scene = Scene(source="case", experimental="OPDIVO", drugs=("OPDIVO", "nivolumab"))
    for record in read_statements(sentence, 0, scene):
        assert sentence[record.span[0] : record.span[1]] == record.raw
        if record.ci_low is not None and record.ci_high is not None and record.value is not None:
            assert record.ci_low <= record.ci_high or "ci_inverted" in record.flags


_SCENES = (
    Scene(source="case", experimental="OPDIVO", drugs=("OPDIVO", "nivolumab")),
    Scene(source="case", experimental="OPDIVO", drugs=("OPDIVO", "nivolumab"), endpoint="OS", trial="CheckMate 214",
          trial_arms=("OPDIVO", "placebo"), analysis="final"),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_WORDS, max_size=30),
    st.lists(st.tuples(st.integers(0, 10**6), st.sampled_from(_SCENES)), max_size=4),
    st.booleans(),
)
def test_a_sentence_read_again_reads_as_it_would_fresh(
    words: list[str], readings: list[tuple[int, Scene]], long: bool
) -> None:
    """A sentence that recurs (elsewhere in the text, in the same or another scene) is read from the
    cache: its records are those a fresh reading gives at that place in that scene. ``long``: a
    "sentence" past `_LONG` characters, which has a cache of its own."""
    from extractors.read.statements import _LONG, _read

    sentence = " ".join(words) + (" and" * (_LONG // 4 + 1) if long else "")
    for offset, scene in [(0, _SCENES[0]), *readings]:
        assert read_statements(sentence, offset, scene) == _read(sentence, offset, scene)


def test_a_label_and_an_article_give_the_same_record_type() -> None:
    case = CASE_TABLE["cases"][0]
    (_, label), (_, article) = _as_label(case), _as_article(case)
    assert label and article
    assert type(label[0]) is type(article[0]) is Measurement
    assert replace(label[0], source="x") == replace(article[0], source="x")


# Text built to sit on the edges of the cheap tests a number's reading makes before its patterns
# (no letter near it, no two letters in a row, "per" right before it, TOKEN's alternatives; the
# last row: cut-offs, searched for only in a sentence with a comparator).
_EDGE_WORDS = st.sampled_from(
    ["N", "n", "p", "P", "A", "D", "HR", "of", "to", "in", "per", "(", ")", "[", "]", "%", ",", ";", ":", "=", "<",
     "-", "\u2013", "\u2212", "\u2009", "  ", "4.6", "12", "1,000", "0.35", "246N", "95%", "CI", "deaths", "events",
     "patients", "had", "arm", "three", "Eighty-three", "percent", "months", "vs", "range", "aged", "MONARCH",
     "PD-L1", "TPS", "\u2265", ">", "less than", "Less Than", "greater than or equal to", "favors", "expression"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_EDGE_WORDS, max_size=12), st.sampled_from(["", " "]))
def test_the_cheap_tests_before_a_numbers_patterns_change_no_reading(words: list[str], joint: str) -> None:
    """A window with no letter, or no two letters in a row, is read without the word patterns: the
    records are those the patterns give when every window is read."""
    from unittest import mock

    import regex

    from extractors.text.patterns import statements as patterns
    from extractors.text.patterns.timed import Timed

    sentence = joint.join(words)
    scene = Scene(source="case", experimental="OPDIVO", drugs=("OPDIVO", "nivolumab"))
    quick = read_statements(sentence, 0, scene)
    always = Timed(regex.compile(""))  # finds a "letter" in every window: no window is skipped
    with mock.patch.object(patterns, "LETTER", always), mock.patch.object(patterns, "LETTER_PAIR", always):
        read_statements.__globals__["_tokens"].cache_clear()
        read_statements.__globals__["_read_in_scene"].cache_clear()  # read again, not from the cache
        read_statements.__globals__["_read_long_in_scene"].cache_clear()
        full = read_statements(sentence + "", 0, scene)
    assert quick == full


@settings(max_examples=300, deadline=None)
@given(st.lists(_EDGE_WORDS, max_size=12), st.sampled_from(["", " "]))
@example(["TPS", "less than", "1", "%"], " ")  # cut-offs: of words, of a sign, and a side a ratio favours
@example(["PD-L1", "\u2265", "1", "%"], " ")
@example(["HR", "<", "1", "favors", "OPDIVO"], " ")
def test_a_sentences_pieces_are_those_token_finds_searched_whole(words: list[str], joint: str) -> None:
    from extractors.read.statements import _tokens
    from extractors.text.patterns import statements as patterns

    sentence = joint.join(words)
    fast = [(m.span(), m.groupdict()) for m in _tokens.__wrapped__(sentence)]
    assert fast == [(m.span(), m.groupdict()) for m in patterns.TOKEN.finditer(sentence)]
