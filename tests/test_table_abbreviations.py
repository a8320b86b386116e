"""Arms a table prints by short names its notes define, on tests/cases/table_abbreviations.json: the
combinations found and their drugs' names, and verdicts against the real PERJETA label's Table 9."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES, nth_claim, shared_file, verified_claims

from extractors.ingest.labels import load_source
from extractors.read.pipeline import extract
from extractors.read.tables.abbreviations import defined_arms
from extractors.records import ExtractReport

TABLE: dict[str, Any] = json.loads((CASES / "table_abbreviations.json").read_text(encoding="utf-8"))


def _cases(name: str) -> list[Any]:
    return [pytest.param(case, id=case["id"]) for case in TABLE[name]]


@pytest.mark.parametrize("case", _cases("cases"))
def test_defined_arms(case: dict[str, Any]) -> None:
    assert defined_arms(case["text"], 0, len(case["text"])) == case["expect"]


@pytest.fixture(scope="module")
def perjeta() -> ExtractReport:
    return extract((load_source(str(shared_file("corpus/raw/perjeta_pertuzumab_openfda_label_BLA125409_2020.json"))),))


@pytest.mark.parametrize("case", _cases("corpus"))
def test_neosphere_verdicts(case: dict[str, Any], perjeta: ExtractReport) -> None:
    claims = verified_claims(case["text"], perjeta)
    got = [[raw, nth, nth_claim(claims, raw, nth).verdict] for raw, nth, _ in case["expect"]]
    assert got == case["expect"], [c.explanation for c in claims]
