"""Tables in articles (tests/cases/article_tables.json): how each article form places a table in the
article text and which cells `Article.tables` gives; the claims a table's cells make, in their row's
trial and arms and under their column's header; and, as a property, that every cell span is the
article's own characters, in order."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.claims import find_claims
from extractors.claims.tables import Rows, _role, _starts, cell_context, table_layout
from extractors.ingest.articles import article_from_bytes
from extractors.records import Article

CASE_TABLE: dict[str, Any] = json.loads((CASES / "article_tables.json").read_text(encoding="utf-8"))


def _cells(article: Article) -> list[list[list[str]]]:
    return [[[article.text[a:b] for a, b in row] for row in table.rows] for table in article.tables]


@pytest.mark.parametrize("case", CASE_TABLE["ingest"], ids=[case["id"] for case in CASE_TABLE["ingest"]])
def test_a_table_is_placed_in_the_article_text_cell_by_cell(case: dict[str, Any]) -> None:
    article = article_from_bytes(case["text"].encode("utf-8"), case["name"])
    for piece in case["contains"]:
        assert piece in article.text
    if case["rows"] is None:
        assert article.tables == ()
    else:
        assert _cells(article) == [case["rows"]]


@pytest.mark.parametrize("case", CASE_TABLE["claims"], ids=[case["id"] for case in CASE_TABLE["claims"]])
def test_a_cells_claims_are_read_in_its_row_and_column(case: dict[str, Any]) -> None:
    article = article_from_bytes(case["text"].encode("utf-8"), case["name"])
    claims = [c for c in find_claims(article, case["trials"], case["drugs"]) if c.value_span is not None]
    assert len(claims) == len(case["expect"]), [c.raw for c in claims]
    for expected in case["expect"]:
        claim = next(c for c in claims if c.raw == expected["raw"])
        assert article.text[claim.value_span[0] : claim.value_span[1]] == claim.raw
        assert article.text[claim.span[0] : claim.span[1]] == claim.text
        for field, value in expected.items():
            assert getattr(claim, field) == value, (field, claim)


_CELL = st.text(alphabet=st.sampled_from("ab 1.%|\t"), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=4), min_size=1, max_size=4), st.sampled_from(["a.md", "a.txt"]))
def test_every_cell_span_is_the_articles_own_text_in_order(rows: list[list[str]], name: str) -> None:
    text = "Title\n\n" + "\n".join("\t".join(row) for row in rows) + "\n\nEnd.\n"
    article = article_from_bytes(text.encode("utf-8"), name)
    last = 0
    for table in article.tables:
        for row in table.rows:
            for start, end in row:
                assert last <= start <= end <= len(article.text)
                assert article.text[start:end] == article.text[start:end].strip()
                last = end


@pytest.mark.parametrize("case", CASE_TABLE["claims"], ids=[case["id"] for case in CASE_TABLE["claims"]])
def test_a_rows_context_read_once_is_what_each_of_its_cells_reads(case: dict[str, Any]) -> None:
    """Each row's trial, arms and population are read at its first cell and kept for the others."""
    article = article_from_bytes(case["text"].encode("utf-8"), case["name"])
    rows: Rows = {}
    for index, table in enumerate(article.tables):
        layout = table_layout(article, table)
        for row_index, row in enumerate(table.rows):
            for column in range(len(row)):
                cell = (index, row_index, column)
                kept = cell_context(article, cell, case["trials"], layout, rows)
                assert kept == cell_context(article, cell, case["trials"], layout)
    assert len(rows) == sum(len(table.rows) for table in article.tables)


def test_every_column_role_word_starts_with_a_letter() -> None:
    """`tables._role` passes over a header's words that do not start with a letter (numbers): no role
    word may start otherwise."""
    for role in ("trial", "experimental", "comparator", "arms", "endpoint"):
        assert all(word[0].isalpha() and word == word.lower() for word in _starts(role)), role


@given(st.lists(st.sampled_from(["Arm", "2", "(n=12)", "Control", "12.5%", "Trial", "–", "Endpoint", "x"]), max_size=6))
def test_a_headers_role_is_that_of_its_words_starting_with_a_letter(words: list[str]) -> None:
    header = " ".join(words)
    assert _role(header) == _role(" ".join(word for word in words if word[0].isalpha()) or "-")
