"""Cardiovascular and thrombosis results in articles (issue 11), on the case table
tests/cases/verify_cardiovascular.json: sentences checked against real corpus labels (skipped without
../shared), each number by its raw text and the how-manieth of that text, with the verdict expected —
event rates per year against a table's shares per 100 patient-years, bleeding endpoints in lay words,
relative risks and the reductions read from them, endpoints named after the value. Negative cases
(a wrong value, a clause that names another endpoint) are rows of the same table."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES, shared_file

from extractors.ingest.articles import article_from_bytes
from extractors.ingest.labels import load_source
from extractors.read.pipeline import extract
from extractors.records import Claim, ExtractReport
from extractors.verdicts.verify import verify_with

TABLE: dict[str, Any] = json.loads((CASES / "verify_cardiovascular.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def labels() -> dict[str, ExtractReport]:
    return {}


def _claims(text: str, extracted: ExtractReport) -> list[Claim]:
    article = article_from_bytes(f"Results\n\n{text}\n".encode(), "article.txt")  # a lone line would be a heading
    return list(verify_with(article, extracted).claims)


def _verdict(claims: list[Claim], raw: str, nth: int) -> str:
    matching = [c for c in claims if c.raw == raw and c.value_span is not None]
    assert len(matching) > nth, f"no claim number {nth} with value {raw!r}: {[(c.raw, c.statistic) for c in claims]}"
    return matching[nth].verdict


@pytest.mark.parametrize("case", [pytest.param(case, id=case["id"]) for case in TABLE["cases"]])
def test_verdicts_on_corpus_labels(case: dict[str, Any], labels: dict[str, ExtractReport]) -> None:
    path = str(shared_file(case["label"].removeprefix("shared/")))
    if path not in labels:
        labels[path] = extract((load_source(path),))
    claims = _claims(case["text"], labels[path])
    got = [[raw, nth, _verdict(claims, raw, nth)] for raw, nth, _ in case["expect"]]
    assert got == case["expect"], [c.explanation for c in claims]
