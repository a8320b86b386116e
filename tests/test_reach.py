"""The reach of each reading rule (data/reach.json): every rule well formed, every rule the code
asks for present and read the way it is written, malformed files refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex

from extractors.text import reach

EXTRACTORS = Path(__file__).resolve().parent.parent / "extractors"
# reach.before("trial_of_table"), reach.after("nct_id")
ASKED = regex.compile(r"""\breach\.(?P<direction>before|after)\(\s*"(?P<name>[a-z_]+)"\s*\)""")


def _asked() -> list[tuple[str, str, str]]:
    return [
        (str(path.relative_to(EXTRACTORS)), match.group("name"), match.group("direction"))
        for path in sorted(EXTRACTORS.rglob("*.py"))
        for match in ASKED.finditer(path.read_text(encoding="utf-8"))
    ]


def test_every_rule_loads_and_says_why() -> None:
    rules = reach.rules()
    assert rules, "data/reach.json holds no rules"
    for name, rule in rules.items():
        assert rule.chars > 0 and rule.direction in reach.DIRECTIONS and len(rule.why) > 20, name


def test_the_code_asks_for_rules_that_exist_the_way_they_read() -> None:
    asked = _asked()
    assert asked, "no reach.before/after call found: the scan is broken"
    for where, name, direction in asked:
        rule = reach.rules().get(name)
        assert rule is not None, f"{where} asks for {name!r}, which data/reach.json lacks"
        assert rule.direction == direction, f"{where} asks for {name!r} {direction}; it reads {rule.direction}"


def test_every_rule_is_used() -> None:
    used = {name for _, name, _ in _asked()}
    assert set(reach.rules()) <= used, f"rules nothing reads: {sorted(set(reach.rules()) - used)}"


def test_asking_the_wrong_way_round_or_for_a_missing_rule_fails() -> None:
    name, rule = next(iter(reach.rules().items()))
    wrong = reach.after if rule.direction == "before" else reach.before
    with pytest.raises(ValueError):
        wrong(name)
    with pytest.raises(KeyError):
        reach.before("no_such_rule")


@pytest.mark.parametrize(
    "rule",
    [
        {"chars": 0, "direction": "before", "why": "a reach of nothing"},
        {"chars": -40, "direction": "before", "why": "a negative reach"},
        {"chars": True, "direction": "before", "why": "a flag is not a number"},
        {"chars": 40.5, "direction": "before", "why": "characters are whole"},
        {"chars": 40, "direction": "around", "why": "around is two rules"},
        {"chars": 40, "direction": "before", "why": " "},
        {"chars": 40, "direction": "before"},
        {"chars": 40, "direction": "before", "why": "an unknown key", "max": 3},
        [40, "before"],
    ],
    ids=["zero", "negative", "bool", "fraction", "around", "blank-why", "no-why", "extra-key", "not-an-object"],
)
def test_malformed_rules_are_refused(rule: Any) -> None:
    with pytest.raises(ValueError):
        reach.validate({"_about": "a test file", "some_rule": rule})
