"""The rules claims are read by, from ``data/claims.json``: word lists and context windows."""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from extractors.text import vocabulary
from extractors.text.patterns import build
from extractors.text.windows import Window, load_windows

_WINDOWS = (
    "hazard_ratio_words",
    "p_value_words",
    "n_equals",
    "interval_opening",
    "non_endpoint_median",
    "non_statistic_unit",
    "endpoint_after_value",
    "endpoint_before_statement",
    "compared_value_gap",
    "arm_before_value",
    "comparison_before_arm",
    "comparator_arm_gap",
    "trial_name_before_nct",
    "scope_negation",
    "significance_negation",
)


@cache
def data() -> dict[str, Any]:
    keys = ("drug_aliases", "extra_endpoints", "time_to_event_endpoints", "value_lead_words", "number_blockers")
    return vocabulary.load_data("claims.json", keys)


@cache
def _windows() -> dict[str, Window]:
    return load_windows("claims.json", _WINDOWS)


def window(name: str) -> Window:
    """The context window ``name`` of claims.json: how far its rule looks, and which way."""
    return _windows()[name]


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
