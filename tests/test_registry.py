"""Label vs registry: where a label and its trial's ClinicalTrials.gov record agree and differ."""

from __future__ import annotations

import json
from typing import Any

import pytest

from extractors.ingest.labels import load_source
from extractors.ingest.registry import load_registry
from extractors.read.pipeline import extract
from extractors.records import InputError
from extractors.verdicts.registry import compare
from tests.conftest import CASES, shared_file

REGISTRY_CASES = json.loads((CASES / "registry_compare.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", REGISTRY_CASES, ids=[c["id"] for c in REGISTRY_CASES])
def test_label_measurement_beside_the_registry(case: dict[str, Any]) -> None:
    label = load_source(str(shared_file(f"corpus/raw/{case['label']}")))
    registry = load_registry(str(shared_file(f"corpus/raw/{case['registry']}")))
    comparisons = compare(extract([label]).measurements, registry)
    wanted = case["measurement"]
    hits = [c for c in comparisons if all(getattr(c.measurement, k) == v for k, v in wanted.items())]
    assert len(hits) == 1, [(c.measurement.table, c.measurement.statistic, c.measurement.raw) for c in comparisons]
    assert hits[0].status == case["status"], hits[0].note
    assert (hits[0].result.raw if hits[0].result else None) == case["registry_raw"]


@pytest.mark.parametrize(
    "name, problem",
    [
        ("votrient_pazopanib_openfda_label_NDA022465_2023.json", "not a ClinicalTrials.gov study record"),
        ("inomax_nitric_oxide_dailymed_spl_v14_2019.xml", "not a ClinicalTrials.gov record"),
    ],
)
def test_a_label_is_not_a_registry_record(name: str, problem: str) -> None:
    with pytest.raises(InputError, match=problem):
        load_registry(str(shared_file(f"corpus/raw/{name}")))


def test_registry_command_reports_agreement_as_json() -> None:
    import json as json_module
    import subprocess
    import sys

    label = shared_file("corpus/raw/votrient_pazopanib_openfda_label_NDA022465_2023.json")
    record = shared_file("corpus/raw/ctgov_NCT00753688_PALETTE_pazopanib_legacy_EXCERPT.xml")
    run = subprocess.run(
        [sys.executable, "-m", "extractors", "registry", str(label), str(record), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    report = json_module.loads(run.stdout)
    assert report["registries"][0]["nct"] == "NCT00753688"
    statuses = {
        (c["label"]["statistic"], c["label"]["endpoint"], c["label"]["value"]): c["status"]
        for c in report["comparisons"]
    }
    assert statuses[("hr", "OS", 0.87)] == "differ"
    assert statuses[("median", "PFS", 4.6)] == "agree"


def test_registry_command_refuses_a_label_given_as_the_registry() -> None:
    import subprocess
    import sys

    label = shared_file("corpus/raw/votrient_pazopanib_openfda_label_NDA022465_2023.json")
    run = subprocess.run(
        [sys.executable, "-m", "extractors", "registry", str(label), str(label)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "not a ClinicalTrials.gov study record" in run.stderr
