"""The rules claims are read by: the word lists of ``data/claims.json``, and the slices of text a
rule reads (how far is ``data/reach.json``, asked for by name: ``reach.before("ratio_cue")``)."""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from extractors.text import vocabulary
from extractors.text.patterns import build


@cache
def data() -> dict[str, Any]:
    keys = ("drug_aliases", "time_to_event_endpoints", "value_lead_words", "number_blockers", "table_columns")
    return vocabulary.load_data("claims.json", keys)


@cache
def words(key: str) -> tuple[str, ...]:
    """A word list of claims.json, lower-case."""
    return tuple(str(word).lower() for word in data()[key])


@cache
def phrases(key: str) -> regex.Pattern[str]:
    """One case-insensitive pattern for a word list, longest first, not inside a word or a path."""
    return build.any_phrase(words(key), "/")


def time_to_event() -> frozenset[str]:
    """Endpoints whose values are times (PFS, OS, DOR, …): a duration of them is a median."""
    return frozenset(str(code) for code in data()["time_to_event_endpoints"])


def before(text: str, position: int, chars: int) -> str:
    """The ``chars`` characters of ``text`` before ``position`` (fewer at its start)."""
    return text[max(0, position - chars) : position]


def after(text: str, position: int, chars: int) -> str:
    """The ``chars`` characters of ``text`` from ``position`` on (fewer at its end)."""
    return text[position : position + chars]
