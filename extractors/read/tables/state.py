"""What a table row is read against: the row itself (`Row`) and what the rows above it hand down
(`TableState`: the endpoint and population they named, the arms' overall Ns, estimates awaiting
the CI printed on the row below).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from extractors.read.tables.cells import Cell
from extractors.read.tables.header import Column, Footnote, Header
from extractors.records import Measurement

# Statistics a row label names that win over what a column's header says its cells hold: a
# "Median (months)" row under "n (%)" columns holds medians.
LABEL_STATISTICS_OVER_COLUMNS = frozenset({"median", "mean", "hr", "or", "rr", "p", "difference"})


@dataclass(slots=True)
class TableState:
    """What a table's rows inherit from the rows above them; updated as the table is read."""

    subset: str | None = None  # the population the caption names: "Patients with Measurable CNS Lesions …"
    endpoint: str | None = None
    response_heading: str | None = None  # "ORR" over its "Complete response" and "Partial response" rows
    population: str | None = None
    overall_n: dict[int, float] = field(default_factory=dict)  # arm column → overall N
    open_between: dict[int, int] = field(default_factory=dict)  # column → index of an estimate awaiting its CI
    formats: dict[int, str] = field(default_factory=dict)  # column → what a row of Ns says its cells hold: "n (%)"
    trial: str | None = None  # the trial a row names, for the rows below it: "EINSTEIN PE Study"
    analysis: str | None = None  # the analysis an endpoint's row names, for the rows below it: "Updated OS"
    caption: str = ""  # the caption and the notes before the header: "HR: Atorvastatin 80 mg: atorvastatin 10 mg"
    subgroup_rows: bool = False  # each row prints its own Ns ("| N | % with events |"): rows are subgroups
    notes: dict[str, str] = field(default_factory=dict)  # footnote key → its text: "e" → "Includes asthenia, fatigue."
    versus_statistic: str | None = None  # a heading's between-arm statistic, for rows naming two arms ("Rd18 vs MPT")


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a table: its label, the columns its values fill and what its label announces."""

    text: str  # the whole source text: spans index into it
    header: Header
    label: str  # "Median (months)", "Hazard ratio (95% CI)"
    columns: tuple[Column, ...]  # the columns this row's values fill (see Header.columns_for)
    statistic: str | None  # the statistic the label names, None when it names none
    unit: str | None
    ratio: tuple[int, int] | None  # the randomization ratio stated before the table
    state: TableState
    footnotes: Mapping[str, Footnote]  # key → footnote
    base: Measurement  # what every measurement of the row shares (trial, table, CI level, …)
    versus: tuple[str, str] | None = None  # the arms a row naming two compares: ("Rd18", "MPT")

    def statistic_for(self, column: Column, cell: Cell) -> str:
        """The statistic a cell holds: the column's ("HR"), an N, else what the row label names."""
        if column.statistic is not None:
            return column.statistic
        if cell.is_n:
            return "n"
        if column.holds and self.statistic not in LABEL_STATISTICS_OVER_COLUMNS:
            return column.holds  # "n (%)", "All Grades (%)": the header says what the cells hold
        if self.statistic == "rate" and cell.pct is not None and cell.number is not None and "." not in cell.number.raw:
            return "count"  # "Overall Response Rate | 56 (19%)": the responders, their rate beside them
        return self.statistic or "value"

    def unit_for(self, column: Column, statistic: str) -> str | None:
        """The unit of a cell's value: patients for an N, the column's for what it holds, else the row's."""
        if statistic == "n":
            return "patients"
        if column.statistic is not None:
            return "%" if statistic in {"rrr", "difference"} and "%" in column.name else None
        if column.holds and statistic == column.holds:
            return column.unit
        return self.unit
