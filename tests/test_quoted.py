"""Label passages an article quotes, known by their content (tests/cases/quoted_passages.json, issue 11 item 4)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.ingest.articles import article_from_bytes, load_article, quoted_label_span
from extractors.ingest.labels import load_source
from extractors.ingest.quoted import MIN_CHARS, letters_and_digits, paragraph_spans, quoted_spans
from extractors.read.prose import label_scene
from extractors.verdicts.verify import verify

QUOTES: dict[str, Any] = json.loads((CASES / "quoted_passages.json").read_text(encoding="utf-8"))
SEEDS = ("000_daef982d9de4c2d6.txt", "001_98ffd6fb2207c769.txt")
VOTRIENT = (
    "votrient_pazopanib_openfda_label_NDA022465_2023.json",
    "votrient_pazopanib_openfda_label_NDA022465_2019_snapshot2019-12.json",
)


def _starts(text: str, openings: list[str]) -> set[int]:
    return {text.index(opening) for opening in openings}


@pytest.mark.parametrize("case", QUOTES["cases"], ids=[case["id"] for case in QUOTES["cases"]])
def test_a_quote_is_known_by_its_text(case: dict[str, Any]) -> None:
    label = load_source(str(shared_file(case["label"])))
    article = article_from_bytes(case["text"].encode("utf-8"), "case.txt")
    found = {start for start, _ in quoted_spans(article, [label.text], label_scene(label).drugs)}
    assert found == _starts(article.text, case["quoted"])
    report = verify(article, [label])
    read = {c.span[0] for c in report.claims}
    for start in _starts(article.text, case["own"]):
        paragraph = next(span for span in paragraph_spans(article.text) if span[0] == start)
        assert any(paragraph[0] <= s < paragraph[1] for s in read), (
            f"no claim read at {article.text[start : start + 40]!r}"
        )
    for start in found:
        paragraph = next(span for span in paragraph_spans(article.text) if span[0] == start)
        assert not any(paragraph[0] <= s < paragraph[1] for s in read)


@pytest.mark.parametrize("label_name", VOTRIENT)
@pytest.mark.parametrize("seed", SEEDS)
def test_a_seeds_quote_is_no_claim_with_the_label_given_and_its_key_points_are(seed: str, label_name: str) -> None:
    article = load_article(str(shared_file(f"seeds/{seed}")))
    report = verify(article, [load_source(str(shared_file(f"corpus/raw/{label_name}")))])
    quoted = quoted_label_span(article)
    assert quoted is not None
    assert [c.text for c in report.claims if quoted[0] <= c.span[0] < quoted[1]] == []
    assert report.summary["contradicted"] == 0
    medians = {c.value for c in report.claims if c.statistic == "median" and c.verdict == "supported"}
    assert {4.6, 1.6} <= medians


def test_a_short_quoted_passage_checked_against_itself_is_no_claim() -> None:
    text = "From the FDA Drug Label\n\nMedian PFS was 4.6 months with pazopanib.\n\nMedian PFS was 4.6 months, it says."
    article = article_from_bytes(text.encode("utf-8"), "case.txt")
    report = verify(article)
    assert [c.text for c in report.claims] == ["Median PFS was 4.6 months, it says."]
    assert report.claims[0].verdict == "supported"


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcdefgh .,()\n0123")), max_size=600), st.text(max_size=200))
def test_quoted_spans_are_paragraphs_and_an_article_quotes_itself(text: str, label: str) -> None:
    if not text.strip():
        return
    article = article_from_bytes(text.encode("utf-8"), "fuzz.txt")
    paragraphs = paragraph_spans(article.text)
    assert set(quoted_spans(article, [label])) <= set(paragraphs)
    long_enough = {p for p in paragraphs if len(letters_and_digits(article.text[p[0] : p[1]])) >= MIN_CHARS}
    assert long_enough <= set(quoted_spans(article, [article.text])) <= set(paragraphs)
