"""Cardiovascular and thrombosis results in articles (issue 11), on the case table
tests/cases/verify_cardiovascular.json: sentences checked against real corpus labels (skipped without
../shared), each number by its raw text and the how-manieth of that text, with the verdict expected —
event rates per year against a table's shares per 100 patient-years, bleeding endpoints in lay words,
relative risks and the reductions read from them, endpoints named after the value. Negative cases
(a wrong value, a clause that names another endpoint) are rows of the same table. The same test reads
tests/cases/verify_false_alarms.json: false alarms guarded against on real labels."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES, nth_claim, shared_file, verified_claims

from extractors.ingest.labels import load_source
from extractors.read.pipeline import extract
from extractors.records import ExtractReport

CASES_OF = [
    case
    for table in (
        "verify_cardiovascular.json",
        "verify_false_alarms.json",
        "verify_heldout6.json",
        "verify_misnamed.json",
        "verify_dose_arms.json",
        "verify_partner_swaps.json",
        "verify_heldout7.json",
    )
    for case in json.loads((CASES / table).read_text(encoding="utf-8"))["cases"]
]


@pytest.fixture(scope="module")
def labels() -> dict[str, ExtractReport]:
    return {}


def _param(case: dict[str, Any]) -> Any:
    """A case, marked xfail(strict) with its reason when the table says it is a known gap."""
    gap = case.get("known_gap")
    marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES_OF])
def test_verdicts_on_corpus_labels(case: dict[str, Any], labels: dict[str, ExtractReport]) -> None:
    path = str(shared_file(case["label"].removeprefix("shared/")))
    if path not in labels:
        labels[path] = extract((load_source(path),))
    claims = verified_claims(case["text"], labels[path])
    got = [[raw, nth, nth_claim(claims, raw, nth).verdict] for raw, nth, _ in case["expect"]]
    assert got == case["expect"], [c.explanation for c in claims]
