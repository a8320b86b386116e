"""Context windows (extractors/text/windows.py): bad rules are refused when loaded; good ones read
the slice they say (tests/cases/windows_rules.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES
from hypothesis import given
from hypothesis import strategies as st

from extractors.claims import rules as claim_rules
from extractors.text import qualifiers
from extractors.text.windows import Window, windows_from

CASE_TABLE: dict[str, Any] = json.loads((CASES / "windows_rules.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASE_TABLE["refused"], ids=[c["id"] for c in CASE_TABLE["refused"]])
def test_a_bad_rule_is_refused_naming_it(case: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=r"^case\.json: ") as error:
        windows_from("case.json", case["rules"], ("w",))
    assert case["says"] in str(error.value)


@pytest.mark.parametrize("case", CASE_TABLE["read"], ids=[c["id"] for c in CASE_TABLE["read"]])
def test_a_window_reads_its_slice(case: dict[str, Any]) -> None:
    window = windows_from("case.json", {"w": case["rule"]}, ("w",))["w"]
    assert window.of(case["text"], case["position"]) == case["reads"]


def test_the_bundled_rules_load() -> None:
    assert claim_rules.window("hazard_ratio_words").max_scope > 0
    assert qualifiers.windows()["trial_before_enrolment"].direction == "before"


@given(st.text(max_size=60), st.integers(0, 60), st.integers(1, 30), st.sampled_from(["before", "after"]))
def test_a_window_reads_at_most_its_reach_on_its_side(text: str, position: int, reach: int, direction: Any) -> None:
    position = min(position, len(text))
    window = Window("w", direction, reach, "why")
    read = window.of(text, position)
    assert len(read) <= reach
    if direction == "before":
        assert text[:position].endswith(read)
    else:
        assert text[position:].startswith(read)
    assert window.reaches(reach) and not window.reaches(reach + 1)
