"""The one reader of printed numbers: values, printed decimals, and what is not a number."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.text.numbers import decimals, rounding_interval, to_float
from tests.conftest import CASES

CASES_FILE = json.loads((CASES / "numbers.json").read_text(encoding="utf-8"))
VALUES: list[dict[str, Any]] = CASES_FILE["values"]
NOT_NUMBERS: list[dict[str, Any]] = CASES_FILE["not_numbers"]


@pytest.mark.parametrize("case", VALUES, ids=[c["id"] for c in VALUES])
def test_printed_numbers_are_read(case: dict[str, Any]) -> None:
    assert to_float(case["raw"]) == case["value"], case["why"]
    assert decimals(case["raw"]) == case["decimals"], case["why"]


@pytest.mark.parametrize("case", NOT_NUMBERS, ids=[c["id"] for c in NOT_NUMBERS])
def test_what_is_not_a_number_is_refused(case: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        to_float(case["raw"])
    with pytest.raises(ValueError):
        rounding_interval(case["raw"])


@given(st.integers(min_value=0, max_value=10**12))
def test_a_count_printed_with_thousands_separators_reads_back(count: int) -> None:
    assert to_float(f"{count:,}") == count


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=999))
def test_a_space_after_the_point_changes_nothing(whole: int, fraction: int) -> None:
    printed = f"{whole}.{fraction:03d}"
    spaced = printed.replace(".", ". ")
    assert to_float(spaced) == to_float(printed) == float(printed)
    assert decimals(spaced) == decimals(printed) == 3
