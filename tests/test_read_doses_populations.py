"""Doses and trial populations read with the label (extractors/read/doses.py, read/populations.py):
every value and sentence is the source's characters at its span, and ``extract`` lists them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import CASES, PROJECT, SHARED

from extractors import extract, render_extract
from extractors.ingest.articles import load_article, quoted_label_source
from extractors.ingest.labels import load_source
from extractors.read.doses import extract_doses
from extractors.read.populations import extract_populations
from extractors.records import InputError, Source

SEED_COPY = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"
CORPUS = sorted((SHARED / "corpus" / "raw").glob("*")) if (SHARED / "corpus" / "raw").exists() else []


def _seed_label() -> Source:
    source = quoted_label_source(load_article(str(SEED_COPY)))
    assert source is not None
    return source


def test_the_seed_label_states_one_dose_and_one_population() -> None:
    source = _seed_label()
    (dose,) = extract_doses(source)
    assert (dose.statistic, dose.raw, dose.unit, dose.arm) == ("dose", "800", "mg once daily", "pazopanib")
    (population,) = extract_populations(source)
    assert population.trial == "VEG110727"
    assert population.exclusion is not None and population.exclusion.startswith("Patients with gastrointestinal")


def test_extract_json_lists_doses_and_populations_with_spans() -> None:
    source = _seed_label()
    report = json.loads(render_extract(extract([source]), "json"))
    assert [d["raw"] for d in report["doses"]] == ["800"]
    (population,) = report["populations"]
    start, end = population["enrolment_span"]
    assert source.text[start:end] == population["enrolment"]
    assert {q["phrase"] for q in population["qualifiers"]} == {"metastatic", "prior chemotherapy"}


@pytest.mark.parametrize("path", CORPUS, ids=[p.name for p in CORPUS])
def test_every_dose_and_population_is_the_source_at_its_span(path: Path) -> None:
    try:
        source = load_source(str(path))
    except InputError as error:
        pytest.skip(f"{error.path} is not a label ({error.problem})")
    for dose in extract_doses(source):
        assert source.text[dose.span[0] : dose.span[1]] == dose.raw
        assert dose.value == float(dose.raw)
    for population in extract_populations(source):
        assert source.text[population.enrolment_span[0] : population.enrolment_span[1]] == population.enrolment
        if population.exclusion is not None:
            assert population.exclusion_span is not None
            assert source.text[population.exclusion_span[0] : population.exclusion_span[1]] == population.exclusion
        assert all(q.phrase.lower() in population.enrolment.lower() for q in population.qualifiers)


LABEL_DOSES: dict[str, Any] = json.loads((CASES / "label_doses.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", LABEL_DOSES["cases"], ids=[case["id"] for case in LABEL_DOSES["cases"]])
def test_a_label_dose_is_read_with_its_whole_unit(case: dict[str, Any]) -> None:
    source = Source(
        id="case", path="case.txt", kind="text", drug="trifluridine", title="LONSURF label", text=case["text"]
    )
    assert [[d.raw, d.unit] for d in extract_doses(source)] == case["doses"]
