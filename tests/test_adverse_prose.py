"""The adverse-reactions prose of a label and an article's wording of the same rates, on the case table
tests/cases/adverse_prose.json: what is read from each sentence (or nothing), that the section is read
for these rates only, and, as a property, that every rate read is characters of the label at its span."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.claims.categories import category_shares
from extractors.ingest import grids
from extractors.ingest.labels import load_source
from extractors.read.adverse import SECTION, extract_adverse_prose
from extractors.read.pipeline import extract
from extractors.read.tables.arms import group_grade
from extractors.records import Source

CASES_TABLE: dict[str, Any] = json.loads((CASES / "adverse_prose.json").read_text(encoding="utf-8"))


def _label(prose: str, kind: str = "openfda-json") -> Source:
    """An openFDA-like label: its efficacy text, then the adverse-reactions section as ingest places it."""
    text = f"CLINICAL STUDIES\n{CASES_TABLE['efficacy']}\n\n{grids.ADVERSE_PROSE_HEADING}\n{prose}"
    return Source(id="label", path="label", kind=kind, drug="durvalumab", title="IMFINZI 20230101", text=text)


def _cases(table: str) -> list[Any]:
    return [pytest.param(case, id=case["id"]) for case in CASES_TABLE[table]]


@pytest.mark.parametrize("case", _cases("label"))
def test_label_prose(case: dict[str, Any]) -> None:
    source = _label(case["text"])
    found = extract_adverse_prose(source)
    assert [[m.raw, m.endpoint, m.grade, m.arm, m.trial] for m in found] == case["expect"]
    assert all(source.text[m.span[0] : m.span[1]] == m.raw and m.table == SECTION for m in found)


@pytest.mark.parametrize("case", _cases("article"))
def test_article_wording(case: dict[str, Any]) -> None:
    shares = category_shares(case["text"])
    found = [
        [case["text"][at:].split("%")[0], endpoint, grade] for at, (_, endpoint, grade, _) in sorted(shares.items())
    ]
    assert found == case["expect"]


@pytest.mark.parametrize(
    ("group", "grade"), CASES_TABLE["grade_groups"], ids=[g for g, _ in CASES_TABLE["grade_groups"]]
)
def test_grade_groups(group: str, grade: str | None) -> None:
    assert group_grade(group) == grade


def test_section_is_read_for_its_rates_only() -> None:
    """The section's exposure shares, ages and doses are not results: nothing but its rates is read there."""
    prose = " ".join(case["text"] for case in CASES_TABLE["label"])
    source = _label(prose)
    start = grids.adverse_prose_start(source)
    report = extract((source,))
    inside = [m for m in report.measurements if m.span[0] >= start]
    assert inside and all(m.table == SECTION for m in inside)
    assert all(d.span[0] < start for d in report.doses)


def test_only_ingested_labels_have_the_section() -> None:
    """A page or a text file is read as it comes: a heading of its own named ADVERSE REACTIONS cuts nothing."""
    source = _label("Serious adverse reactions occurred in 29% of patients receiving IMFINZI.", kind="text")
    assert grids.adverse_prose_start(source) == len(source.text)
    assert extract_adverse_prose(source) == []


def test_openfda_label_puts_the_section_last() -> None:
    path = shared_file("corpus/raw/imfinzi_durvalumab_openfda_label_BLA761069_2023.json")
    source = load_source(str(path))
    start = grids.adverse_prose_start(source)
    assert start < len(source.text) and grids.ADVERSE_TABLES_HEADING not in source.text[start:]
    rates = extract_adverse_prose(source)
    assert ["29", "adverse reactions", "serious", "PACIFIC"] in [[m.raw, m.endpoint, m.grade, m.trial] for m in rates]


def test_spl_label_section_without_its_tables() -> None:
    path = shared_file("corpus/raw/eliquis_apixaban_dailymed_spl_v30_2025.xml")
    source = load_source(str(path))
    start = grids.adverse_prose_start(source)
    assert start < len(source.text)
    assert f"\n{grids.SEPARATOR} " not in source.text[start:]  # its tables are read under their own heading


_WORDS = st.sampled_from(
    ["Serious adverse reactions occurred in", "Fatal adverse reactions occurred in", "IMFINZI was discontinued due to",
     "adverse reactions in", "of patients receiving IMFINZI", "and", "placebo", "(", ")", "45", "in", ";", "."]
)  # fmt: skip
_SHARE = st.from_regex(r"\d{1,3}(\.\d)?%", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_WORDS, _SHARE), max_size=14))
def test_every_rate_is_the_label_text(words: list[str]) -> None:
    """Whatever the words, every rate read is the characters at its span, and reading never raises."""
    source = _label(" ".join(words))
    for m in extract_adverse_prose(source):
        assert source.text[m.span[0] : m.span[1]] == m.raw
        assert m.value == float(m.raw)
