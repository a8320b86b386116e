"""Arm Ns a header prints on a row of their own, below rows that go on the arms' names.

With its cells kept, a header may name its arms over two or three rows and print their Ns on the
last: "| Adverse | Femara | Tamoxifen |", "| Reactions | 2.5 mg | 20 mg |", "|  | (N = 455) | (N = 455) |"
(FEMARA Table 4). Each N is its column's: it goes to the arm whose cell is above it, never by
order, so an empty cell or a between-arm column ("P-Value (2-sided)") beside the Ns moves none.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import regex

from extractors.ingest import grids as structured
from extractors.read.tables.cells import Number, Token
from extractors.text.patterns import header_ns as patterns
from extractors.text.patterns import tables as table_patterns

if TYPE_CHECKING:  # arms.structured_line calls ns_below
    from extractors.read.tables.arms import ArmCell

MAX_ROWS_BETWEEN = 2  # rows between the arms' names and their Ns: a dose row, and a second name row (FEMARA Table 5)


def ns_below(text: str, arms: Sequence[ArmCell], row_start: int, limit: int) -> int | None:
    """Give each of ``arms`` (on the rendered row at ``row_start``, none with an N) the N printed under
    it, on a header row after at most MAX_ROWS_BETWEEN rows whose cells go on the names above them.
    Returns where the row of Ns ends, None (and no N given) when the rows below are not that."""
    if any(arm.n is not None for arm in arms):
        return None
    line_end = _line_end(text, row_start, limit)
    cells = _cells(text, row_start, line_end)
    columns = [index for arm in arms if (index := _column_of(cells, arm.start)) is not None]
    if len(columns) != len(arms) or len(set(columns)) != len(columns):
        return None  # each arm in a cell of its own
    for _ in range(MAX_ROWS_BETWEEN + 1):
        row_start = line_end + 1
        if not text.startswith(f"{structured.SEPARATOR} ", row_start, limit):
            return None
        line_end = _line_end(text, row_start, limit)
        below = _cells(text, row_start, line_end)
        if len(below) != len(cells):
            return None  # another grid: the header has ended
        ns = {index: patterns.N_CELL.fullmatch(text, a, b) for index, (a, b) in enumerate(below)}
        if _row_of_ns(text, below, ns, columns):
            for arm, index in zip(arms, columns, strict=True):
                match = ns[index]
                if match is not None:
                    arm.n = Number(match.group("count"), match.start("count"), match.end("count"))
            return line_end
        if any(ns.values()) or not _goes_on_names(text, below, columns):
            return None
    return None


def _row_of_ns(
    text: str, cells: list[tuple[int, int]], ns: dict[int, regex.Match[str] | None], columns: Sequence[int]
) -> bool:
    """Whether a rendered row prints Ns under the arms and nowhere else; an arm's cell without one names
    a between-arm column the row above took for an arm ("Hazard or Odds" over "P-Value (2-sided)")."""
    if any(match for index, match in ns.items() if index not in columns) or not any(ns[i] for i in columns):
        return False
    if 0 not in columns and text[slice(*cells[0])].strip():
        return False  # a body row's label: "| Overall ITT | N = 290 | N = 145 |" counts that population
    return all(ns[index] or patterns.BETWEEN_CELL.fullmatch(text, *cells[index]) for index in columns)


def _goes_on_names(text: str, cells: list[tuple[int, int]], columns: Sequence[int]) -> bool:
    """Whether a rendered row's cells each go on the cell above them: a dose or a word or two under
    every arm ("| Reactions | 2.5 mg | 20 mg |"), never a heading row with the arms' cells empty
    ("| PFS |  |  |  |")."""
    if not all(text[slice(*cells[index])].strip() for index in columns):
        return False
    filled = [(a, b) for a, b in cells if text[a:b].strip()]
    return all(patterns.NAME_GOES_ON.fullmatch(text, a, b) for a, b in filled)


def _cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [match.span() for match in table_patterns.RENDERED_CELL.finditer(text, start, end)]


def _column_of(cells: list[tuple[int, int]], position: int) -> int | None:
    return next((index for index, (a, b) in enumerate(cells) if a <= position < b), None)


def _line_end(text: str, start: int, limit: int) -> int:
    end = text.find("\n", start, limit)
    return end if end >= 0 else limit


def ns_under_lost_cells(label: str, tokens: Sequence[Token]) -> bool:
    """Whether a row that opens with Ns in parentheses ("|  | (N = 145) | (N = 95) |") sits under cells the reader
    could not read, run into its label as numbers, one per arm ("Median 18 months 16 months"): the Ns
    count the patients of those lost cells, not of what the label names, and are left unread."""
    if not tokens or tokens[0].kind not in {"nprefix", "sep"}:
        return False
    return parenthesised_ns(tokens) and len(patterns.NUMBER_IN_LABEL.findall(label)) >= 2


def parenthesised_ns(tokens: Sequence[Token]) -> bool:
    """Whether a row's cells print Ns in parentheses: "(n=93)"."""
    return any(token.kind == "nprefix" and token.raw.startswith("(") for token in tokens)
