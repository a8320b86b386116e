"""Reading articles: plain text, Markdown, HTML and JATS; sections, markers, and bad input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.ingest.articles import article_from_bytes, load_article, quoted_label_source
from extractors.records import InputError

CASE_TABLE: dict[str, Any] = json.loads((CASES / "articles_inputs.json").read_text(encoding="utf-8"))
GOOD = [case for case in CASE_TABLE["cases"] if "error" not in case]
BAD = [case for case in CASE_TABLE["cases"] if "error" in case]


def _bytes(case: dict[str, Any]) -> bytes:
    return bytes.fromhex(case["hex"]) if "hex" in case else case["text"].encode("utf-8")


@pytest.mark.parametrize("case", GOOD, ids=[case["id"] for case in GOOD])
def test_article_is_read(case: dict[str, Any]) -> None:
    article = article_from_bytes(_bytes(case), case["name"])
    assert article.title == case["title"]
    headings = [heading for heading, _ in article.sections]
    assert headings[: len(case["sections"])] == case["sections"]
    for piece in case.get("contains", []):
        assert piece in article.text
    for piece in case.get("absent", []):
        assert piece not in article.text
    for _heading, (start, end) in article.sections:
        assert 0 <= start <= end <= len(article.text)
    quoted = quoted_label_source(article)
    if case["quoted"] is None:
        assert quoted is None
    else:
        assert quoted is not None and quoted.text == case["quoted"]
        assert quoted.drug == case["drug"]
        assert quoted.text in article.text


@pytest.mark.parametrize("case", BAD, ids=[case["id"] for case in BAD])
def test_bad_input_is_one_clear_error(case: dict[str, Any]) -> None:
    with pytest.raises(InputError) as raised:
        article_from_bytes(_bytes(case), case["name"])
    assert raised.value.path == case["name"]
    assert case["error"] in raised.value.problem
    assert "\n" not in str(raised.value)


def test_missing_file_and_directory_are_input_errors(tmp_path: Any) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_article(str(tmp_path / "absent.txt"))
    with pytest.raises(InputError, match="directory"):
        load_article(str(tmp_path))


@pytest.mark.parametrize(
    "name",
    [
        "article_PMC13070087_EGFR_NSCLC_review_CurrOncolRep2026_jats.xml",
        "article_PMC13129538_EGFR_NSCLC_review_ExplorTargetAntitumorTher2026_jats.xml",
    ],
    ids=["curr-oncol-rep", "explor-target-antitumor-ther"],
)
def test_real_jats_review_keeps_sections_and_citation_markers(name: str) -> None:
    article = load_article(str(shared_file(f"corpus/raw/{name}")))
    assert "EGFR" in article.title
    assert len(article.sections) >= 5
    assert "[1" in article.text  # bibliography <xref>s stay as markers
    assert "<xref" not in article.text and "</p>" not in article.text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_an_article_or_an_input_error(data: bytes) -> None:
    try:
        article = article_from_bytes(data, "fuzz")
    except InputError as error:
        assert error.path == "fuzz"
    else:
        assert article.text.strip()
