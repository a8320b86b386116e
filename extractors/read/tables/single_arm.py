"""The header of a single-arm trial's table, which names no arm: its columns are the one drug's.

A single-arm trial's table prints each column's N where a randomized trial's prints its arms,
under the disease or cohort the column reports, or under nothing when the caption names it::

    |  | HL | HL | HL | sALCL | sALCL | sALCL |                         (ADCETRIS Table 1)
    |  | Total N = 102 % of patients |  |  | Total N = 58 % of patients |  |  |
    | Adverse Reaction | Any Grade | Grade 3 | Grade 4 | Any Grade | Grade 3 | Grade 4 |

    | | N = 102 | | |                                                   (ADCETRIS Table 2, "… in Patients
    | | Percent (95%CI) | Duration of Response, in months | …            with Hodgkin Lymphoma")

The arm is the label's brand. When the rows under an N name what each of its columns holds, only a
column of percents is read ("Percent (95%CI)"); the others ("Duration of Response, in months:
Median (95% CI)", "Range") hold figures of the responders the row names, which no header of arms
says how to attribute, and are left unread. Read only with the cells kept, when no arm the reader knows heads
the table and the label says a trial is single-arm: a randomized trial's table whose arms the
reader does not know stays unread rather than be given the brand for every column.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from extractors.ingest import grids as structured
from extractors.read.tables.arms import ArmCell, HeaderItems, read_items
from extractors.read.tables.cells import Number, line_start
from extractors.read.tables.groups import spanning_labels
from extractors.read.tables.header import Column, Header, header_of
from extractors.text.patterns import captions as caption_patterns
from extractors.text.patterns import grids as grid_patterns
from extractors.text.patterns import statements as statement_patterns
from extractors.text.patterns import tables as table_patterns


def single_arm_header(text: str, start: int, limit: int, brand: str | None) -> Header | None:
    """The header after the caption at ``start`` of a single-arm trial's table with its cells kept:
    the first rendered row whose cells after the stub are each an N and nothing else names an arm
    (`grid_patterns.SINGLE_ARM_N_CELL`); each N column is ``brand``'s, under the column group
    (disease, cohort) printed over it, one per N."""
    if not brand:
        return None
    position = text.find(f"\n{structured.SEPARATOR} ", start, limit)
    while 0 <= position < limit:
        row_start = position + 1
        line_end = text.find("\n", row_start)
        line_end = len(text) if line_end < 0 or line_end > limit else line_end
        items = _n_cells(text, row_start, line_end, brand)
        if items is not None and not _says_single_arm(text):
            return None
        if items is not None:
            header = _with_groups(text, start, _header(text, start, items, line_end, limit), items)
            return _named_grid_columns(text, header, items, (row_start, line_end), limit)
        if _names_no_n(text, row_start, line_end):
            position = text.find(f"\n{structured.SEPARATOR} ", line_end, limit)
            continue
        return None  # a body row, or a header that names something other than Ns
    return None


@functools.lru_cache(maxsize=4)  # asked once per table that names no arm; the answer is the label's
def _says_single_arm(text: str) -> bool:
    return statement_patterns.SINGLE_ARM.search(text) is not None


def _n_cells(text: str, row_start: int, line_end: int, brand: str) -> HeaderItems | None:
    """The row's N cells as arms named ``brand``, when every named cell after the stub is one."""
    cells = list(table_patterns.RENDERED_CELL.finditer(text, row_start, line_end))
    if len(cells) < 2 or cells[0].group(0).strip():
        return None  # a header's N row leaves the cell over the row labels empty
    named = [cell for cell in cells[1:] if cell.group(0).strip()]
    arms: list[ArmCell] = []
    for cell in named:
        lead = grid_patterns.SINGLE_ARM_N_CELL.match(text, cell.start(), cell.end())
        n = table_patterns.HEADER_N.match(text, lead.end(), cell.end()) if lead else None
        if n is None:
            return None
        arms.append(
            ArmCell(brand, cell.start(), cell.end(), Number(n.group("count"), n.start("count"), n.end("count")))
        )
    if not arms:
        return None
    items = HeaderItems(arms=arms)
    for arm, cell in zip(arms, named, strict=True):  # "% of patients" after the N: what the arm's cells hold
        read_items(text, arm.n.end if arm.n else cell.start(), cell.end(), items, after_arms=False)
    return items


def _names_no_n(text: str, row_start: int, line_end: int) -> bool:
    """Whether a row over the N row holds names only (column groups, "Percent (95%CI)"), no figure
    that a body row would print."""
    cells = [
        cell.strip() for cell in text[row_start:line_end].strip(f" {structured.SEPARATOR}").split(structured.SEPARATOR)
    ]
    return not any(grid_patterns.FIGURE_IN_CELL.search(cell) for cell in cells)


def _header(text: str, start: int, items: HeaderItems, line_end: int, limit: int) -> Header:
    items.end = read_items(text, line_end, limit, items, after_arms=True)  # grades and formats on the rows below
    return header_of(text, start, items.arms[0].start, items)


def _with_groups(text: str, start: int, header: Header, items: HeaderItems) -> Header:
    """The header with each arm's columns under the group printed over its N ("HL", "sALCL"): a
    single-arm column group spans one arm, where a randomized trial's spans two or more."""
    labels = spanning_labels(text, start, items.arms[0].start)
    if labels is None and len(items.arms) == 1:
        labels = caption_disease(text, start)
    if labels is None or len(labels) != len(items.arms):
        return header
    columns, arm = [], -1
    for column in header.columns:
        if column.statistic is None:
            arm = _arm_of(column, items, arm)
            column = replace(column, group=labels[arm])
        columns.append(column)
    return replace(header, columns=tuple(columns))


def caption_disease(text: str, caption_end: int) -> list[str] | None:
    """The disease a single-arm table's caption names its patients by ("Efficacy Results in Patients
    with Hodgkin Lymphoma"): with no arm to tell a label's single-arm trials apart, it is the column's
    population (a randomized trial's caption names the whole trial's patients so, and is left alone)."""
    line_end = text.find("\n", caption_end)
    caption = text[line_start(text, caption_end) : line_end if line_end >= 0 else len(text)]
    named = caption_patterns.CAPTION_POPULATION.search(caption)
    disease = grid_patterns.PATIENTS_WITH.sub("", named.group("population")) if named else ""
    return [disease] if disease else None


def _arm_of(column: Column, items: HeaderItems, previous: int) -> int:
    """Which arm an arm column of the header is: its N is that arm's N."""
    n = column.n
    for index, arm in enumerate(items.arms):
        if arm.n is not None and n is not None and (arm.n.start, arm.n.end) == (n.start, n.end):
            return index
    return max(previous, 0)


def _named_grid_columns(text: str, header: Header, items: HeaderItems, n_row: tuple[int, int], limit: int) -> Header:
    """One column per place an N spans when the rows under it name each place ("Percent (95%CI)",
    "Duration of Response, in months", "Range" under "N = 102"): a place named as percents holds
    the arm's rates, every other place is left unread ("value"). The header then ends after those rows."""
    if any(arm.subs for arm in items.arms) or any(c.statistic is not None for c in header.columns):
        return header  # the header said what the cells hold: "% of patients" over grades
    below, end = _rows_of_names(text, n_row[1], limit)
    n_cells = _cells(text, *n_row)
    width = max((len(row) for row in below), default=0)
    while len(n_cells) > width and not n_cells[-1].strip():
        n_cells.pop()  # an N spanning past the table's last column ("N = 58" over four of three, ADCETRIS Table 3)
    if not below or any(len(row) != len(n_cells) for row in below):
        return header
    arms = iter(header.columns)
    columns: list[Column] = []
    owner: Column | None = None
    for place, cell in enumerate(n_cells):
        if cell.strip():
            owner = next(arms, None)
        if owner is None or place == 0:
            continue
        names = " ".join(dict.fromkeys(row[place].strip() for row in below if row[place].strip()))
        percents = grid_patterns.PERCENT_COLUMN.match(names) is not None
        columns.append(replace(owner, holds="rate" if percents else "value", unit="%" if percents else None))
    if not any(c.holds == "rate" for c in columns):
        return header
    return replace(header, columns=tuple(columns), end=end)


def _rows_of_names(text: str, position: int, limit: int) -> tuple[list[list[str]], int]:
    """The rendered rows of names only right after ``position`` (the N row's end), and where they end."""
    rows: list[list[str]] = []
    while text.startswith(f"\n{structured.SEPARATOR} ", position) and position < limit:
        line_end = text.find("\n", position + 1)
        line_end = len(text) if line_end < 0 else line_end
        if not _names_no_n(text, position + 1, line_end):
            break
        rows.append(_cells(text, position + 1, line_end))
        position = line_end
    return rows, position


def _cells(text: str, start: int, end: int) -> list[str]:
    return text[start:end].strip().strip(structured.SEPARATOR).split(structured.SEPARATOR)
