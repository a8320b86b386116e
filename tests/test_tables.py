"""Flattened tables: every cell of the case tables read right, nothing invented, ambiguity said."""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractors.ingest.labels import load_source
from extractors.read.tables import extract_tables
from extractors.read.tables.cells import Token
from extractors.read.tables.rows import _fitting_choices
from extractors.records import Measurement, Source
from extractors.text.patterns.text import LABEL_REPAIRS
from extractors.text.repairs import repair_label
from tests.conftest import CASES, shared_file

# flattened tables, and tables with their cells kept ("| … |" rows) that the structured reader must read
TABLE_CASES = [
    *json.loads((CASES / "tables_flattened.json").read_text(encoding="utf-8")),
    *json.loads((CASES / "tables_structured.json").read_text(encoding="utf-8")),
]


def _source(case: dict[str, Any]) -> Source:
    return Source("case", case["id"], "text", case["drug"], case.get("title", case["id"]), case["text"])


def _matches(measurement: Measurement, expected: dict[str, Any]) -> bool:
    return all(getattr(measurement, key) == value for key, value in expected.items() if key not in {"check"})


@pytest.mark.parametrize("case", TABLE_CASES, ids=[c["id"] for c in TABLE_CASES])
def test_every_expected_cell_is_read(case: dict[str, Any]) -> None:
    measurements = extract_tables(_source(case))
    for expected in case["expect"]:
        hits = [m for m in measurements if _matches(m, expected)]
        assert len(hits) == 1, f"expected exactly one {expected}, got {len(hits)}"
    assert len(measurements) == case["expect_count"], [(m.statistic, m.arm, m.value) for m in measurements]


@pytest.mark.parametrize("case", TABLE_CASES, ids=[c["id"] for c in TABLE_CASES])
def test_no_forbidden_reading_and_every_value_is_in_the_text(case: dict[str, Any]) -> None:
    source = _source(case)
    for measurement in extract_tables(source):
        assert measurement.value not in case["forbid_values"], measurement
        start, end = measurement.span
        assert source.text[start:end] == measurement.raw
        if measurement.value is not None:
            assert float(measurement.raw.replace(" ", "")) == measurement.value


@pytest.mark.parametrize("case", TABLE_CASES, ids=[c["id"] for c in TABLE_CASES])
def test_ambiguity_and_damage_are_reported(case: dict[str, Any]) -> None:
    measurements = extract_tables(_source(case))
    flagged = {(m.statistic, m.endpoint, f.check) for m in measurements for f in m.flags if f.severity != "info"}
    expected_flags = {(f["statistic"], f["endpoint"], f["check"]) for f in case["expect_flags"]}
    assert flagged == expected_flags
    for expected in case["expect_alternatives"]:
        owner = [m for m in measurements if m.statistic == expected["statistic"] and m.endpoint == expected["endpoint"]]
        readings = [a for m in owner for a in m.alternatives]
        wanted = {k: v for k, v in expected.items() if k in {"value", "ci_low", "ci_high"}}
        assert any(all(getattr(a, k) == v for k, v in wanted.items()) for a in readings), readings
    for expected in case.get("expect_confidence", []):
        owner = [m for m in measurements if m.statistic == expected["statistic"] and m.endpoint == expected["endpoint"]]
        assert owner and all(m.confidence == expected["confidence"] for m in owner)


@pytest.mark.parametrize("seed", ["000_daef982d9de4c2d6.txt", "001_98ffd6fb2207c769.txt"])
def test_seed_pages_give_table9_without_invented_values(seed: str) -> None:
    source = load_source(str(shared_file(f"seeds/{seed}")))
    measurements = extract_tables(source)
    overall = {(m.statistic, m.arm): m.value for m in measurements if m.population is None and m.endpoint == "PFS"}
    assert overall[("n", "Pazopanib")] == 246 and overall[("n", "Placebo")] == 123
    assert overall[("median", "Pazopanib")] == 4.6 and overall[("median", "Placebo")] == 1.6
    assert overall[("hr", "Pazopanib")] == 0.35
    assert all(m.value not in {1230, 4.61} for m in measurements)


# A row of Table 9 with its digits and separators scrambled must never raise, hang or invent a number.
_ROW_ALPHABET = "0123456789.,() N=a–"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=_ROW_ALPHABET, min_size=1, max_size=40))
@example("0(1 0)")  # a damaged CI whose bounds are split by a space once raised ValueError
def test_scrambled_cells_never_raise_and_every_value_is_in_the_text(cells: str) -> None:
    text = (
        "Patients were randomized (2:1) to receive pazopanib or placebo. Table 9 Results "
        f"HR Endpoint/Trial populationPazopanibPlacebo(95% CI) PFS Overall ITT{cells} Median (months){cells}"
    )
    source = Source("p", "p", "text", "pazopanib", "p", text)
    for measurement in extract_tables(source):
        start, end = measurement.span
        assert text[start:end] == measurement.raw
        for low, high, raw in ((measurement.ci_low, measurement.ci_high, measurement.ci_low_raw),):
            if low is not None and high is not None and raw is not None:
                assert raw in text


def _arm_n_table(header: str) -> Source:
    text = (
        "Patients were randomized (1:1) to receive Drugamab or placebo.\n"
        f"Table 3. Efficacy Results in TRIAL-1\n{header}\nOverall Survival\nMedian (months) 12.1 10.2\n"
    )
    return Source("case", "arm-ns", "text", "drugamab", "Drugamab label", text)


def test_arm_ns_with_thousands_separators_are_read() -> None:
    """Large trials print "(N=9,333)": the N is read from those characters (it once raised ValueError)."""
    source = _arm_n_table("Drugamab (N=1,180) Placebo (N=1,181)")
    ns = {m.arm: (m.raw, m.value) for m in extract_tables(source) if m.statistic == "n"}
    assert ns == {"Drugamab": ("1,180", 1180.0), "Placebo": ("1,181", 1181.0)}
    for measurement in extract_tables(source):
        assert source.text[measurement.span[0] : measurement.span[1]] == measurement.raw


def test_a_misprinted_count_gives_no_n() -> None:
    """ "(N=1,18)" is no count: neither 1, 18 nor 118 is read from it."""
    source = _arm_n_table("Drugamab (N=1,18) Placebo (N=1,181)")
    values = {m.value for m in extract_tables(source) if m.statistic == "n"}
    assert not values & {1.0, 18.0, 118.0}


_KINDS = st.sampled_from(["run", "ci", "qual", "dash", "pct", "sep"])


@given(st.lists(st.tuples(_KINDS, st.integers(min_value=1, max_value=3)), max_size=7), st.integers(0, 5))
@settings(max_examples=200, deadline=None)
def test_depth_first_readings_are_the_fitting_products_in_order(shape: list[tuple[str, int]], ncols: int) -> None:
    """The pruned enumeration (issue 13) gives exactly the combinations itertools.product gives whose
    cells fit the columns, in the same order: pruning changes the cost, never the reading chosen."""
    tokens = [Token(kind, 0, 1, "1") for kind, _ in shape]
    options: list[list[Any]] = [
        [[None] * parts for parts in range(1, width + 1)]
        if kind == "run"
        else [True, False]
        if kind == "ci"
        else [None]
        for kind, width in shape
    ]

    def started(token: Token, choice: Any) -> int:
        if token.kind == "run":
            return len(choice)
        if token.kind == "ci":
            return 0 if choice else 1
        return 1 if token.kind in {"qual", "dash"} else 0

    expected = [
        combo
        for combo in itertools.product(*options)
        if sum(started(t, c) for t, c in zip(tokens, combo, strict=True)) <= ncols
    ]
    assert list(_fitting_choices(tokens, options, ncols)) == expected


@pytest.mark.parametrize("rule", LABEL_REPAIRS, ids=[rule[0] for rule in LABEL_REPAIRS])
def test_each_label_repair_does_what_its_example_says(rule: tuple[str, regex.Pattern[str], str, str, str]) -> None:
    name, pattern, replacement, _why, example = rule
    damaged, repaired = example.split(" → ")
    assert pattern.sub(replacement, damaged) == repaired
    assert pattern.sub(replacement, repaired) == repaired  # the rule leaves what it repaired alone
    assert name in repair_label(damaged)[1]
