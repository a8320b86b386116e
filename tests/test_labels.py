"""Real labels: every table value typed from TAGRISSO, VOTRIENT, HERCEPTIN, VENCLEXTA and LIPITOR
comes out of the structured form, at least 90% of them out of the spaced and the glued forms (but
where a case names a gap), and no form invents a value."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from extractors.ingest.grids import table_forms
from extractors.ingest.labels import load_source
from extractors.read.pipeline import extract
from extractors.read.tables import extract_tables
from extractors.records import Measurement, Source
from tests.conftest import CASES, shared_file

LABEL_CASES = json.loads((CASES / "labels_truth.json").read_text(encoding="utf-8"))["cases"]
FORMS = {"structured": 1.0, "spaced": 0.9, "glued": 0.9}  # the share of expected values each form must give


def _same(a: float | None, b: float | None) -> bool:
    return a is b is None or (a is not None and b is not None and math.isclose(a, b))


def _found(expected: dict[str, Any], measurements: list[Measurement]) -> bool:
    for m in measurements:
        if "population_contains" in expected and expected["population_contains"] not in (m.population or ""):
            continue
        if "population_contains" not in expected and "table" in expected and m.population is not None:
            continue
        exact = {k: v for k, v in expected.items() if k not in {"population_contains", "value", "ci_low", "ci_high"}}
        if not all(getattr(m, k) == v for k, v in exact.items()):
            continue
        if all(_same(getattr(m, k), expected[k]) for k in ("value", "ci_low", "ci_high") if k in expected):
            return True
    return False


def _source(case: dict[str, Any]) -> Source:
    return load_source(str(shared_file(f"corpus/raw/{case['file']}")))


def _form_cases() -> list[Any]:
    """(case, form) pairs; a form a case names under "gaps" is an xfail(strict) with its reason."""
    return [
        pytest.param(
            case,
            form,
            id=f"{case['id']}-{form}",
            marks=[pytest.mark.xfail(strict=True, reason=case["gaps"][form])] if form in case.get("gaps", {}) else [],
        )
        for case in LABEL_CASES
        for form in FORMS
    ]


@pytest.mark.parametrize(("case", "form"), _form_cases())
def test_table_values_come_out_of_every_form(case: dict[str, Any], form: str) -> None:
    source, start, end = table_forms(_source(case))[form]
    measurements = [m for m in extract_tables(source) if start <= m.span[0] < end]
    missing = [e for e in case["tables"] if not _found(e, measurements)]
    share = 1 - len(missing) / len(case["tables"])
    assert share >= FORMS[form], f"{form}: {share:.0%} found; missing {missing[:5]}"


PROSE_CASES = [c for c in LABEL_CASES if c["prose"]]  # the table-only cases type no prose


@pytest.mark.parametrize("case", PROSE_CASES, ids=[c["id"] for c in PROSE_CASES])
def test_results_stated_in_prose(case: dict[str, Any]) -> None:
    measurements = list(extract([_source(case)]).measurements)
    missing = [e for e in case["prose"] if not _found(e, measurements)]
    assert not missing


@pytest.mark.parametrize("case", LABEL_CASES, ids=[c["id"] for c in LABEL_CASES])
def test_no_form_invents_a_value(case: dict[str, Any]) -> None:
    for form, (source, _, _) in table_forms(_source(case)).items():
        for m in extract_tables(source):
            assert source.text[m.span[0] : m.span[1]] == m.raw, (form, m)
            if m.value is not None:
                assert float(m.raw.replace(" ", "")) == m.value, (form, m)
