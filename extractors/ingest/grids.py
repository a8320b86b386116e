"""Tables that still have their cell boundaries: openFDA ``clinical_studies_table`` HTML and SPL ``<table>``.

We render each table as text with its boundaries kept — one row per line, cells between
``|`` — so the same reader that reads flattened tables reads these, with the separators
settling what the flattened forms leave to constraints::

    Table 9. Efficacy Results in STS Patients by Independent Assessment in VEG110727
    Abbreviations: CI, confidence interval; … a P value < 0.001. b There were 11 partial responses …
    | | | | HR |
    | Endpoint/Trial Population | VOTRIENT | Placebo | (95% CI) |
    | Overall ITT | N = 246 | N = 123 | 0.35 a |

Footnotes printed inside cells (SPL ``<footnote>``) move to a line of their own under the
caption, so a cell holds only its value and its marker.

An SPL cell that spans columns or rows (``colspan``, ``rowspan``: read from the XML element, see
`markup.cell_spans`) is laid out over every place it covers, so each column and row keeps its
place under the header: a name ("HL", "Duration of Response, in months", a row's endpoint) is
printed in each place it covers, a cell with a figure ("N = 102", "Placebo N=110") only in its
first and the places after it are left empty, so no figure is printed twice::

    | | HL | HL | HL | sALCL | sALCL | sALCL |
    | | Total N = 102 % of patients | | | Total N = 58 % of patients | | |
    | Adverse Reaction | Any Grade | Grade 3 | Grade 4 | Any Grade | Grade 3 | Grade 4 |

The openFDA efficacy tables (their spans read from the tags, `markup.html_cell_spans`) are laid
out the same way in their header only (``parse_tables(…, header_spans=True)``): the cells of the
``<thead>`` cover their places (XARELTO Table 27: "| | VOYAGER | VOYAGER | VOYAGER | COMPASS PAD |
…"), while a header cell spanning down into the body and every body row stay cell by cell, as
the reader was tuned on. The flattened forms articles quote are made from the cells as a page
prints them, each once (``labels.load_source(…, laid_out=False)``, `table_alone`), never from the
laid-out grid, which prints a spanned name once per column.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

import regex

from extractors.ingest.markup import CellSpan, Event, html_events, html_events_and_spans
from extractors.records import Source
from extractors.text.patterns import grids as grid_patterns
from extractors.text.patterns import tables as patterns

SEPARATOR = "|"
TABLES_HEADING = "CLINICAL STUDIES TABLES"  # where ingest puts an openFDA label's structured tables
ADVERSE_TABLES_HEADING = "ADVERSE REACTIONS TABLES"  # and the adverse-reaction tables (openFDA, SPL 34084-4)
# and, last of all, the prose of the adverse-reactions section (its tables left out): the serious,
# fatal and discontinuation rates it states ("Serious adverse reactions occurred in 39% of patients")
ADVERSE_PROSE_HEADING = "ADVERSE REACTIONS"
_NO_SPAN: CellSpan = (1, 1)
# Places a row may have before spans stop widening it: real tables have a dozen columns; a page of
# cells each spanning 64 columns and rows would otherwise lay out tens of millions of places.
MAX_ROW_PLACES = 256


INGESTED_KINDS = frozenset({"openfda-json", "spl-xml"})  # labels whose text ingest laid out in sections


def adverse_prose_start(source: Source) -> int:
    """Where the adverse-reactions prose ingest puts last in a label's text begins (its heading), or
    the text's length when it has none (a page or a text file is read as it comes): every other
    reader reads the text before it."""
    found = source.text.rfind(f"\n\n{ADVERSE_PROSE_HEADING}\n") if source.kind in INGESTED_KINDS else -1
    return len(source.text) if found < 0 else found


@dataclass(slots=True)
class TableGrid:
    caption: str = ""
    notes: list[str] = field(default_factory=list)  # tfoot text and in-cell footnotes
    rows: list[list[str]] = field(default_factory=list)
    # cells spanning rows still to come: column → (what the rows below print there, rows left)
    carried: dict[int, tuple[str, int]] = field(default_factory=dict, repr=False, compare=False)


def lay_out(cells: list[tuple[str, CellSpan]], carried: dict[int, tuple[str, int]]) -> list[str]:
    """One row's cells in the columns they cover, after the cells above that span down into it;
    ``carried`` is updated for the rows below. A spanned place prints `spanned_text`."""
    row: list[str] = []
    below: dict[int, tuple[str, int]] = {}

    def place(text: str, rows_left: int, covered: str) -> None:
        if rows_left > 0 and len(row) < MAX_ROW_PLACES:
            below[len(row)] = (covered, rows_left)
        row.append(text)

    def take_carried() -> None:
        while len(row) in carried:
            text, rows_left = carried[len(row)]
            place(text, rows_left - 1, text)

    for text, (columns, rows) in cells:
        take_carried()
        covered = spanned_text(text)
        for column in range(max(1, min(columns, MAX_ROW_PLACES - len(row)))):
            place(text if column == 0 else covered, rows - 1, covered)
    for column in sorted(c for c in carried if c >= len(row)):  # spanned places after the row's last cell
        row.extend([""] * (column - len(row)))
        take_carried()
    carried.clear()
    carried.update(below)
    return row


def spanned_text(text: str) -> str:
    """What a place a cell spans prints: the cell's text when it is a name, nothing when it holds a figure."""
    return "" if grid_patterns.FIGURE_IN_CELL.search(text) else text


def spanned_once(cells: list[str]) -> list[str]:
    """A rendered row's cells with a name printed over each column it spans given once: "| | Study
    UC-I | Study UC-I | Study UC-II | Study UC-II |" names two groups, as the SPL cells it came from."""
    return [cell for at, cell in enumerate(cells) if at == 0 or not cell or cell != cells[at - 1]]


class _GridCollector:
    """Builds table grids from markup events (namespace prefixes ignored: "ns0:td" is a cell);
    ``spans`` gives each cell's `CellSpan` in document order (`markup.cell_spans`,
    `markup.html_cell_spans`), else none spans; with ``header_only`` only the cells of the
    ``<thead>`` span (the openFDA table HTML: see the module's doc)."""

    def __init__(self, spans: Iterator[CellSpan] | None = None, header_only: bool = False) -> None:
        self.tables: list[TableGrid] = []
        self._spans = spans
        self._header_only = header_only
        self._span = _NO_SPAN
        self._cell: list[str] | None = None
        self._row: list[tuple[str, CellSpan]] | None = None
        self._in: list[str] = []  # open elements we care about: caption, tfoot, footnote
        self._footnote: list[str] = []

    def feed(self, kind: str, value: str) -> None:
        if kind == "text":
            self._text(value)
            return
        name = value.rsplit(":", 1)[-1]
        if kind == "open":
            self._open(name)
        elif kind == "close":
            self._close(name)
        elif name in {"td", "th"}:
            span = self._next_span()
            if self._row is not None and "tfoot" not in self._in:
                self._row.append(("", span))  # an empty cell, <td/>, still takes its columns
        elif name == "br" and self._cell is not None:
            self._cell.append(" ")

    def _open(self, name: str) -> None:
        if name in {"td", "th"}:  # every cell takes its span, even one outside a table, to keep in step
            self._span = self._next_span()
        if name == "table":
            self.tables.append(TableGrid())
        elif not self.tables:
            return
        elif name == "tr":
            self._row = []
        elif name in {"td", "th"}:
            self._cell = []
        elif name in {"caption", "thead", "tfoot", "footnote"}:
            self._in.append(name)
            if name == "footnote":
                self._footnote = []
        elif name in {"br", "paragraph", "p"} and self._cell is not None:
            self._cell.append(" ")

    def _close(self, name: str) -> None:
        if not self.tables:
            return
        table = self.tables[-1]
        if name in {"td", "th"} and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            if "tfoot" in self._in:
                table.notes.append(text)
            elif self._row is not None:
                self._row.append((text, self._span))
            self._cell = None
        elif name == "tr" and self._row is not None:
            if "tfoot" not in self._in:
                row = lay_out(self._row, table.carried)
                if any(row):
                    table.rows.append(row)
            self._row = None
        elif name == "footnote" and "footnote" in self._in:
            self._in.remove("footnote")
            note = " ".join("".join(self._footnote).split())
            if note:
                table.notes.append(note)
        elif name in {"caption", "thead", "tfoot"} and name in self._in:
            self._in.remove(name)
            if name == "thead" and self._header_only:
                table.carried.clear()  # a header cell spans no body row

    def _next_span(self) -> CellSpan:
        span = next(self._spans, _NO_SPAN) if self._spans is not None else _NO_SPAN
        return span if "thead" in self._in or not self._header_only else _NO_SPAN

    def _text(self, data: str) -> None:
        if not self.tables:
            return
        if "footnote" in self._in:
            self._footnote.append(data)
        elif "caption" in self._in:
            self.tables[-1].caption += data
        elif self._cell is not None:
            self._cell.append(data)


def collect_tables(
    events: Iterable[Event], spans: Iterator[CellSpan] | None = None, header_only: bool = False
) -> list[TableGrid]:
    """The tables in a stream of markup events (`markup.html_events`, `markup.element_events`), with
    the spans of their cells in document order when known (`markup.cell_spans`,
    `markup.html_cell_spans`), all of them or, with ``header_only``, the header's."""
    collector = _GridCollector(spans, header_only)
    for kind, value in events:
        collector.feed(kind, value)
    return collector.tables


def parse_tables(markup: str, header_spans: bool = False) -> list[TableGrid]:
    """The tables in a piece of HTML (openFDA table HTML), with ``header_spans`` the cells of their
    ``<thead>`` laid out over the places they span (see the module's doc); raises
    `markup.MarkupError` only when it is nested too deep."""
    if not header_spans:
        return collect_tables(html_events(markup))
    events, spans = html_events_and_spans(markup)  # one scan of the markup for both
    return collect_tables(events, iter(spans), header_only=True)


def render_table(grid: TableGrid) -> str:
    """One table as text: caption, notes, then one ``| a | b |`` line per row."""
    lines = [" ".join(grid.caption.split())]
    notes = " ".join(note for note in grid.notes if note)
    if notes:
        lines.append(notes)
    for row in grid.rows:
        cells = [cell.replace(SEPARATOR, "/") for cell in row]
        lines.append(f"{SEPARATOR} " + f" {SEPARATOR} ".join(cells) + f" {SEPARATOR}")
    return "\n".join(line for line in lines if line)


def flatten_rendered(text: str, glue: str) -> str:
    """The flattened form of every rendered table in ``text``, as scrapers print them.

    ``glue=" "`` gives the openFDA ``clinical_studies`` form (cells separated by spaces);
    ``glue=""`` gives the form scraped articles print, cells run together and CIs without
    spaces ("N = 246N = 1230.35 a Median (months)4.61.6(0.26,0.48)"). Rows and the lines
    under a caption join with a space. Used to test that all forms read the same.
    """

    def flatten_row(match: regex.Match[str]) -> str:
        cells = [cell.strip() for cell in match.group("cells").split(f" {SEPARATOR} ") if cell.strip()]
        if glue == "":
            cells = [patterns.CI_COMMA_SPACE.sub(",", cell) for cell in cells]
        return glue.join(cells)

    flat = patterns.RENDERED_ROW.sub(flatten_row, text)
    # a table's lines become one paragraph, as in the openFDA text; tables stay apart
    return "\n\n".join(
        " ".join(line.strip() for line in block.splitlines() if line.strip()) for block in flat.split("\n\n")
    )


def table_forms(source: Source) -> dict[str, tuple[Source, int, int]]:
    """The structured, spaced and glued forms of a label's tables, and the span range each is read from."""
    text = source.text
    cut = text.find(TABLES_HEADING)
    if cut >= 0:  # openFDA: its own spaced text, then the tables with their cells kept
        prose = text[:cut]
        glued = prose + flatten_rendered(text[cut:], "")
        return {
            "structured": (source, cut, len(text)),
            "spaced": (replace(source, text=prose), 0, cut),
            "glued": (replace(source, text=glued), cut, len(glued)),
        }
    return {
        "structured": (source, 0, len(text)),
        "spaced": (replace(source, text=flatten_rendered(text, " ")), 0, 10**9),
        "glued": (replace(source, text=flatten_rendered(text, "")), 0, 10**9),
    }
