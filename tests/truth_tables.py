"""Scoring the table reader against the hand-read label tables in ``tests/cases/tables_truth``.

Each truth entry is one cell read by a person (see the README there). A measurement matches an
entry when it says the same thing about the same cell:

- table and statistic are equal; value, qualifier and CI bounds are equal (``math.isclose``), a
  CI the truth does not print must not be there either;
- the arm's first word is the same, case-insensitively ("KEYTRUDA" for "KEYTRUDA 200 mg every 3
  weeks", the experimental arm for a hazard ratio);
- the population: none where the truth names none; where the truth names a population, every
  word of it is in the measurement's population ("HR+ Cohort"), except that for the whole
  randomized population (``overall``) none is right too;
- the endpoint is equal, ignoring case and everything but letters and digits ("pCR" = "PCR",
  "Fatigue/Asthenia" = "Fatigue Asthenia");
- the grade (adverse reactions) is equal;
- a cell of an updated analysis ("Updated OS", "Updated Analysis") is read as updated, any other not.

Entries and measurements are paired one to one (a bipartite matching), so one measurement never
answers for two cells. The forms are those articles quote a label's tables in: ``structured``
(the label as ingest reads it, cells kept, prose around), ``spaced`` and ``glued`` (the tables
alone, flattened with spaces or with the cells run together from the label as a page prints it,
each cell once however many columns it spans; `extractors.ingest.table_alone`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from extractors.ingest.labels import load_source
from extractors.ingest.table_alone import tables_alone
from extractors.read.tables import extract_tables
from extractors.records import Measurement, Source

TRUTH = Path(__file__).resolve().parent / "cases" / "tables_truth"
FORMS = ("structured", "spaced", "glued")
Entry = dict[str, Any]

_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
_EDGE_PUNCTUATION = regex.compile(r"^[^\p{L}\p{N}+≥≤<>-]+|[^\p{L}\p{N}+%]+$")


def truth_labels() -> list[str]:
    return sorted(path.stem for path in TRUTH.glob("*.json"))


def truth_of(label: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((TRUTH / f"{label}.json").read_text(encoding="utf-8"))
    return data


def form_of(path: Path, form: str) -> Source:
    if form == "structured":
        return load_source(str(path))
    printed = load_source(str(path), laid_out=False)
    return tables_alone(printed, " " if form == "spaced" else "")[0]


def read_forms(path: Path) -> dict[str, list[Measurement]]:
    """Every table measurement of the label at ``path``, in each form."""
    return {form: extract_tables(form_of(path, form)) for form in FORMS}


def _same(a: float | None, b: float | None) -> bool:
    return a is b is None or (a is not None and b is not None and math.isclose(a, b, abs_tol=1e-9))


def _first_word(arm: str | None) -> str | None:
    if not arm or not arm.split():
        return None
    return _EDGE_PUNCTUATION.sub("", arm.split()[0]).casefold() or None


def _compact(text: str | None) -> str | None:
    return _NOT_ALNUM.sub("", text).casefold() if text else None


def _population_fits(entry: Entry, population: str | None) -> bool:
    wanted = entry.get("population")
    if wanted is None:
        return population is None
    if population is None:
        return bool(entry.get("overall"))
    have = "".join(population.split()).casefold()
    words = [_EDGE_PUNCTUATION.sub("", word).casefold() for word in wanted.split()]
    return all(word in have for word in words if word)


# Each check: (field it is about, whether the measurement passes it).
CHECKS: tuple[tuple[str, Callable[[Entry, Measurement], bool]], ...] = (
    ("table", lambda e, m: m.table == e["table"]),
    ("statistic", lambda e, m: m.statistic == e["statistic"]),
    ("value", lambda e, m: _same(m.value, e.get("value")) and m.qualifier == e.get("qualifier")),
    ("ci", lambda e, m: _same(m.ci_low, e.get("ci_low")) and _same(m.ci_high, e.get("ci_high"))),
    ("arm", lambda e, m: _first_word(m.arm) == _first_word(e.get("arm"))),
    ("population", lambda e, m: _population_fits(e, m.population)),
    ("endpoint", lambda e, m: _compact(m.endpoint) == _compact(e.get("endpoint"))),
    ("grade", lambda e, m: getattr(m, "grade", None) == e.get("grade")),
    # an updated analysis's cell is not the first analysis's, however equal their values ("0" both)
    ("analysis", lambda e, m: (m.analysis == "updated") == str(e.get("analysis", "")).startswith("Updated")),
)


def matches(entry: Entry, measurement: Measurement, skip: str | None = None) -> bool:
    return all(check(entry, measurement) for name, check in CHECKS if name != skip)


def pair(entries: Sequence[Entry], measurements: Sequence[Measurement]) -> list[int | None]:
    """For each entry, the index of the measurement paired with it (or None): a maximum one-to-one
    matching (augmenting paths), so the share found does not depend on the order of the cells."""
    by_key: dict[tuple[object, ...], list[int]] = {}
    for index, m in enumerate(measurements):
        by_key.setdefault((m.table, m.statistic), []).append(index)
    candidates = [
        [i for i in by_key.get((e["table"], e["statistic"]), []) if matches(e, measurements[i])] for e in entries
    ]
    owner: dict[int, int] = {}  # measurement index → entry index

    def augment(entry: int, seen: set[int]) -> bool:
        for index in candidates[entry]:
            if index in seen:
                continue
            seen.add(index)
            if index not in owner or augment(owner[index], seen):
                owner[index] = entry
                return True
        return False

    for entry in range(len(entries)):
        augment(entry, set())
    paired: list[int | None] = [None] * len(entries)
    for index, entry in owner.items():
        paired[entry] = index
    return paired


@dataclass(frozen=True, slots=True)
class Score:
    found: int
    total: int
    missing: tuple[Entry, ...]

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 1.0


def score(entries: Sequence[Entry], measurements: Sequence[Measurement]) -> Score:
    paired = pair(entries, measurements)
    missing = tuple(e for e, p in zip(entries, paired, strict=True) if p is None)
    return Score(len(entries) - len(missing), len(entries), missing)


def near_misses(entry: Entry, measurements: Iterable[Measurement]) -> list[str]:
    """The fields that alone keep some measurement from matching ``entry`` ("arm", "population" …),
    or "absent" when no measurement of the table has the entry's value."""
    same_value = [m for m in measurements if m.table == entry["table"] and _same(m.value, entry.get("value"))]
    failing = sorted({name for name, _ in CHECKS for m in same_value if matches(entry, m, skip=name)})
    return failing or (["other"] if same_value else ["absent"])
