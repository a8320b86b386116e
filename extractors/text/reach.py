"""How far each reading rule looks, from ``data/reach.json``: a number of characters and a
direction, validated when loaded (as medspacy's ``max_scope`` and ``direction``).

Code asks for a rule by its name and the direction it reads: ``reach.before("trial_of_table")``.
Asking for a rule the other way round, or for one the file lacks, fails loudly.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from extractors.text import vocabulary

DIRECTIONS = frozenset({"before", "after"})


@dataclass(frozen=True, slots=True)
class Reach:
    chars: int  # how many characters the rule reads
    direction: str  # "before" or "after" the place it reads from
    why: str  # why that far: what the rule looks for and where the text prints it


def validate(data: dict[str, Any]) -> dict[str, Reach]:
    """The rules of a reach file, or ``ValueError`` naming the first malformed one."""
    rules: dict[str, Reach] = {}
    for name, rule in data.items():
        if name.startswith("_"):
            continue  # "_about"
        if not isinstance(rule, dict) or set(rule) != {"chars", "direction", "why"}:
            raise ValueError(f"reach.json: {name!r} must have exactly chars, direction and why")
        chars, direction, why = rule["chars"], rule["direction"], rule["why"]
        if not isinstance(chars, int) or isinstance(chars, bool) or chars <= 0:
            raise ValueError(f"reach.json: {name!r} chars must be a positive whole number, not {chars!r}")
        if direction not in DIRECTIONS:
            raise ValueError(f"reach.json: {name!r} direction must be 'before' or 'after', not {direction!r}")
        if not isinstance(why, str) or not why.strip():
            raise ValueError(f"reach.json: {name!r} must say why it reaches that far")
        rules[name] = Reach(chars, direction, why)
    return rules


@cache
def rules() -> dict[str, Reach]:
    return validate(vocabulary.load_data("reach.json", ()))


def _chars(name: str, direction: str) -> int:
    rule = rules().get(name)
    if rule is None:
        raise KeyError(f"reach.json has no rule {name!r}")
    if rule.direction != direction:
        raise ValueError(f"reach.json: {name!r} reads {rule.direction} the place it reads from, not {direction}")
    return rule.chars


def before(name: str) -> int:
    """How many characters before the place it reads from the rule ``name`` looks."""
    return _chars(name, "before")


def after(name: str) -> int:
    """How many characters after the place it reads from the rule ``name`` looks."""
    return _chars(name, "after")
