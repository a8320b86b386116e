"""An article's own numbers checked against each other, whatever the label says (issue 4, point 8)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from extractors.ingest.articles import article_from_bytes
from extractors.verdicts.verify import verify
from tests.conftest import CASES

CASES_INTERNAL = json.loads((CASES / "verify_internal.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES_INTERNAL, ids=[c["id"] for c in CASES_INTERNAL])
def test_article_numbers_that_cannot_all_be_right(case: dict[str, Any]) -> None:
    article = article_from_bytes(case["text"].encode("utf-8"), "article.txt")
    report = verify(article, [])
    hr = next(c for c in report.claims if c.statistic == "hr")
    p = next(c for c in report.claims if c.statistic == "p")
    assert [f.check for f in hr.flags] == case["hr_flags"]
    assert (p.verdict, p.kind) == (case["p_verdict"], case["p_kind"]), p.explanation
