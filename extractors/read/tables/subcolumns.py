"""Arms' sub-columns, printed on the row under the arms with their cells kept.

A table may split each arm's column in two or more, the names on the row under the arms:

    |  | VERZENIO 200 mg N=132 |
    | Investigator Assessed | Independent Review |
    | Objective Response Rate, n (%) | 26 (19.7) | 23 (17.4) |

(VERZENIO Table 19), or one population per sub-column, each with its N ("| All Patients (n=119) |
Prior Treatment (…) (n=82) |", YERVOY Table 27; the same under each of two arms, OPDIVO Table 68). The
label's markup spans each arm over its sub-columns and the stub over both header rows; rendered, neither
span is kept, so the row of names has no stub cell (or an empty one: "|  | TMB ≥10 mut/Mb n=102 | TMB ≥13
mut/Mb n=70 |" under one arm, KEYTRUDA Table 92) and as many cells as the body rows have values. Those
names are the arms' columns, as many under each arm, in order: an
assessment is said apart (`Measurement.assessment` is read from the table as before), a population
is the column's group, its N the column's N.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.ingest import grids as structured
from extractors.read.tables.cells import Number
from extractors.read.tables.header import Header
from extractors.text.patterns import tables as table_patterns


def with_sub_columns(text: str, header: Header, body_end: int) -> Header:
    """``header`` with each arm split into the sub-columns named on the row under it, when that row
    names as many per arm as the next row has values; else ``header`` as it is."""
    arms = [column for column in header.columns if column.statistic is None]
    if not arms or len(arms) != len(header.columns):
        return header
    # the header may end inside the next row's bar: "… N=132 |\n| " — that row is the first after it
    rows = _rows_after(text, text.rfind("\n", 0, header.end), body_end, 2)
    if len(rows) < 2:
        return header
    (names_start, names_end, names), (_, _, first_body) = rows
    stub_kept = len(names) == len(first_body) and not names[0] and bool(first_body[0])
    if stub_kept:
        # the stub's cell kept empty over a body row's label: "|  | TMB ≥10 mut/Mb n=102 | TMB ≥13 mut/Mb n=70 |"
        # over "| Objective Response Rate |  |  |"; a second header row under it ("|  | Median (95% CI) | Range |") is no body
        names = names[1:]
    if len(names) < 2 * len(arms) or len(names) % len(arms) or len(first_body) != len(names) + 1:
        return header  # the body's rows print a label and one value per sub-column, as many under each arm
    if any(not name[:1].isalpha() for name in names):
        return header  # a row of values or of Ns, not of names
    if (stub_kept or len(arms) > 1) and not all(table_patterns.HEADER_N.search(name) for name in names):
        return header  # each arm's "| Baseline | Week 24 |" (HUMIRA Table 10) are times, no populations with Ns
    per_arm = len(names) // len(arms)
    columns = []
    position = names_start
    for index, name in enumerate(names):
        arm = arms[index // per_arm]
        at = text.find(name, position, names_end)
        position = at + len(name)
        own = table_patterns.HEADER_N.search(name)
        n = Number(own.group("count"), at + own.start("count"), at + own.end("count")) if own and at >= 0 else arm.n
        assessed = table_patterns.ASSESSMENT_COLUMN.match(name)
        group = None if assessed else " ".join(table_patterns.HEADER_N.sub(" ", name).split())
        columns.append(replace(arm, group=group, n=n))
    return replace(header, columns=tuple(columns), end=names_end)


def _rows_after(text: str, start: int, end: int, count: int) -> list[tuple[int, int, list[str]]]:
    """The next ``count`` rendered rows after ``start``: (start, end, cells) of each."""
    rows: list[tuple[int, int, list[str]]] = []
    position = start
    while len(rows) < count and position < end:
        line_start = text.find(f"\n{structured.SEPARATOR} ", position, end)
        if line_start < 0:
            break
        line_end = text.find("\n", line_start + 1, end)
        line_end = end if line_end < 0 else line_end
        line = text[line_start + 1 : line_end]
        cells = [
            " ".join(cell.split()) for cell in line.strip().strip(structured.SEPARATOR).split(structured.SEPARATOR)
        ]
        rows.append((line_start + 1, line_end, cells))
        position = line_end
    return rows
