"""Context windows: how far a rule looks from a position, and in which direction.

A rule that reads the words around a value ("HR" before 0.35, an endpoint after "4.6 months")
looks only so far, as medspacy's context rules do with ``direction`` and ``max_scope``. The
windows are data (``data/claims.json``, ``data/scope.json``, key ``windows``), each with the
reason for its reach and an example, validated when loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from extractors.text import vocabulary

Direction = Literal["before", "after"]


@dataclass(frozen=True, slots=True)
class Window:
    """A rule's reach: ``max_scope`` characters ``direction`` of a position."""

    name: str
    direction: Direction
    max_scope: int
    why: str

    def bounds(self, position: int) -> tuple[int, int]:
        """Where the rule reads from ``position``: (start, end) offsets, cut at the text's start."""
        if self.direction == "before":
            return max(0, position - self.max_scope), position
        return position, position + self.max_scope

    def of(self, text: str, position: int) -> str:
        """The characters of ``text`` the rule reads from ``position``."""
        start, end = self.bounds(position)
        return text[start:end]

    def around(self, text: str, start: int, end: int) -> str:
        """The span ``start:end`` of ``text`` with the window added on its side."""
        if self.direction == "before":
            return text[max(0, start - self.max_scope) : end]
        return text[start : end + self.max_scope]

    def reaches(self, distance: int) -> bool:
        """Whether something ``distance`` characters away is within the rule's reach."""
        return distance <= self.max_scope


def load_windows(name: str, required: tuple[str, ...]) -> dict[str, Window]:
    """The windows of data file ``name``, validated by `windows_from`."""
    return windows_from(name, vocabulary.load_data(name, ("windows",))["windows"], required)


def windows_from(name: str, rules: dict[str, Any], required: tuple[str, ...]) -> dict[str, Window]:
    """Window rules checked: an object with a known direction, a positive reach, a why and an example;
    every ``required`` rule present. Keys starting with "_" are comments. ``name`` is for messages."""
    windows: dict[str, Window] = {}
    for rule, fields in rules.items():
        if rule.startswith("_"):
            continue
        if not isinstance(fields, dict):
            raise ValueError(f"{name}: window {rule!r} is not an object with direction, max_scope, why, example")
        direction, reach, why = fields.get("direction"), fields.get("max_scope"), fields.get("why")
        if direction not in ("before", "after"):
            raise ValueError(f"{name}: window {rule!r} has direction {direction!r}, not 'before' or 'after'")
        if isinstance(reach, bool) or not isinstance(reach, int) or reach <= 0:
            raise ValueError(f"{name}: window {rule!r} has max_scope {reach!r}, not a positive number of characters")
        if not isinstance(why, str) or not why or not isinstance(fields.get("example"), str):
            raise ValueError(f"{name}: window {rule!r} needs a 'why' and an 'example'")
        windows[rule] = Window(rule, direction, reach, why)
    missing = [rule for rule in required if rule not in windows]
    if missing:
        raise ValueError(f"{name}: windows lack {', '.join(missing)}")
    return windows
