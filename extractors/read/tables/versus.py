"""Rows that name the two arms their between-arm statistic compares, under a heading that names the
statistic: "HR [95% CI]; p-value", then "Rd Continuous vs MPT | 0.72 (0.61, 0.85); <0.0001" and "Rd18
vs MPT | 1.03 (0.89, 1.20)" (REVLIMID Table 13, three arms). The value sits in the first column
whatever arms the row names: its statistic is the heading's, its arms the row's."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.text import vocabulary
from extractors.text.patterns import tables as table_patterns


def versus_arms(own: str, arms: Sequence[str]) -> tuple[str, str] | None:
    """(experimental, control) a row label names as "A vs B", both arms of the header; else None."""
    named = table_patterns.VERSUS_ROW.match(own)
    if named is None:
        return None
    known = {" ".join(arm.split()).casefold(): arm for arm in arms}
    first = known.get(" ".join(named.group("first").split()).casefold())
    second = known.get(" ".join(named.group("second").split()).casefold())
    return (first, second) if first and second and first != second else None


def heading_statistic(label: str, own: str) -> str | None:
    """The between-arm statistic a heading row above the row's own label names ("HR [95% CI]; p-value")."""
    if not own or own == label or own not in label:
        return None
    statistic, _ = vocabulary.statistic_of_label(label[: label.rfind(own)])
    return statistic if statistic in vocabulary.BETWEEN_STATISTICS else None
