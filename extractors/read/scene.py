"""What a sentence is read against: the document's arms, and what the sentences before it said.

A `Scene` carries the trial, NCT number, endpoint, population, analysis and assessment named
earlier, each for as far as it reaches (`advance` decides), and the arm names the document uses.
The statement reader takes one scene per sentence and never looks back at the text itself, so
reading a document is one pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from extractors.records import replace
from extractors.text import vocabulary
from extractors.text.patterns import build

# The words of data/statements.json that every step reads, loaded and checked once.
_KEYS = (
    "statistic_cues",
    "negative_differences",
    "count_nouns",
    "event_nouns",
    "not_results",
    "duration_units",
    "analyses",
    "number_words",
    "not_trials",
)


@cache
def data() -> dict[str, Any]:
    loaded = vocabulary.load_data("statements.json", _KEYS)
    return loaded


@cache
def words(*path: str) -> tuple[str, ...]:
    """A list of phrases in data/statements.json, by its keys: ``words("not_results", "before")``."""
    node: Any = data()
    for key in path:
        node = node[key]
    return tuple(str(word).lower() for word in node)


@cache
def worded(*path: str, letters: int = 1) -> bool:
    """Whether every phrase at ``path`` has ``letters`` letters (a-z) in a row: a window with none
    cannot hold any of them, a test cheaper than their pattern."""
    return all(
        any(all(c.isascii() and c.isalpha() for c in phrase[i : i + letters]) for i in range(len(phrase) - letters + 1))
        for phrase in words(*path)
    )


@cache
def phrases(*path: str) -> build.Pattern:
    """The phrases at ``path`` as one pattern, longest first, not inside a word."""
    return build.any_phrase(words(*path))


@dataclass(frozen=True, slots=True)
class Scene:
    """The context of one sentence. ``None`` means the text has not said."""

    source: str  # the id of the source (a label) or "article"
    arms: tuple[str, ...] = ()  # arm names the document uses, as it spells them
    experimental: str | None = None  # the drug the document is about ("OPDIVO")
    drugs: tuple[str, ...] = ()  # every name of that drug: brand and generic ("OPDIVO", "nivolumab")
    default_arm: str | None = None  # the arm of a trial with one arm: a value that names none is its
    trial_arms: tuple[str, ...] = ()  # the current trial's arms as its randomization names them, drug first
    # the section said its studies compare arms ("… assessed in randomized, placebo-controlled studies")
    # before naming any: the trials it names next are of those, not studies with one arm
    arms_compared: bool = False
    controls: tuple[str, ...] = field(default_factory=vocabulary.control_arms)
    trials: frozenset[str] = frozenset()  # the trials a label introduces by name (`context.trials_introduced`)
    trial: str | None = None
    nct: str | None = None
    endpoint: str | None = None
    population: str | None = None
    analysis: str | None = None
    assessment: str | None = None

    def with_arms(self, *names: str) -> Scene:
        """The scene with more arm names known (from a randomization statement, a table header)."""
        known = dict.fromkeys(self.arms)
        known.update(dict.fromkeys(name for name in names if name))
        return replace(self, arms=tuple(known))


@cache
def ending_with(*path: str) -> build.Pattern:
    """The phrases at ``path`` right before a position: search with ``endpos`` at the number."""
    return build.ending_with(words(*path))


@cache
def starting_with(*path: str) -> build.Pattern:
    """The phrases at ``path`` right after a position: match with ``pos`` at the number's end."""
    return build.starting_with(words(*path))
