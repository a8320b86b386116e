"""The evidence for a claim as the label shows it: a small table with the cited cell marked, or the
prose sentence with the number marked.

Three cases, by where the measurement was read:

- a table whose cell boundaries were kept (openFDA ``clinical_studies_table``, SPL ``<table>``):
  ingest renders it in the source text as a caption, a line of notes and one ``| a | b |`` line
  per row, so the table is rebuilt from those lines around the span, every cell's characters
  taken from the source at their offsets;
- a table that reached us flattened (cells run together): the cell boundaries are gone, so the
  small table is made of what was read — the caption we know, the row label as printed, and one
  column per measurement of the same row, each cell the source's characters at its span;
- prose: the sentence around the span.

Every character shown comes from the source text and is escaped; nothing is retyped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.records import Claim, Measurement, Source, Span, TrialScope

_CELL_SEPARATOR = " | "
_CONTEXT_ROWS = 2  # rows shown on each side of the cited row when a table is long
_SHORT_TABLE = 8  # tables up to this many rows are shown whole
_SENTENCE_REACH = 400  # characters searched on each side of a prose span for the sentence's ends
_PRINTED_REACH = 80  # characters shown on each side of a flattened row, as printed
_AFTER_STOP = frozenset("[]()0123456789,–-\"'’”")  # closing marks and glued citations after a full stop
_CITATION_REACH = 12


@dataclass(frozen=True, slots=True)
class GridRow:
    """One ``| a | b |`` line of a rendered table: the span of each cell's text in the source."""

    cells: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class GridBlock:
    """A rendered table found around a span: its caption line, its rows, and the cited row."""

    caption: Span | None
    rows: tuple[GridRow, ...]
    cited_row: int


def _line_at(text: str, offset: int) -> Span:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _grid_row(text: str, line: Span) -> GridRow | None:
    """The cells of a rendered row line (``| a | b |``), or None if the line is not one."""
    start, end = line
    if end - start < 3 or not text.startswith("| ", start) or not text.endswith(" |", start, end):
        return None
    cells: list[Span] = []
    cursor = start + 2
    inner_end = end - 2
    while True:
        cut = text.find(_CELL_SEPARATOR, cursor, inner_end)
        stop = inner_end if cut < 0 else cut
        cells.append((cursor, stop))
        if cut < 0:
            break
        cursor = cut + len(_CELL_SEPARATOR)
    return GridRow(tuple(cells))


def find_grid(text: str, span: Span) -> GridBlock | None:
    """The rendered table whose row holds ``span``, or None when the span is not in one."""
    if not 0 <= span[0] < span[1] <= len(text):
        return None
    line = _line_at(text, span[0])
    if _grid_row(text, line) is None or span[1] > line[1]:
        return None
    lines = [line]
    while lines[0][0] > 0:  # rows above
        above = _line_at(text, lines[0][0] - 1)
        if _grid_row(text, above) is None:
            break
        lines.insert(0, above)
    cited = len(lines) - 1
    while lines[-1][1] < len(text):  # rows below
        below = _line_at(text, lines[-1][1] + 1)
        if _grid_row(text, below) is None:
            break
        lines.append(below)
    rows = tuple(row for row in (_grid_row(text, ln) for ln in lines) if row is not None)
    return GridBlock(_caption_above(text, lines[0][0]), rows, cited)


def _caption_above(text: str, start: int) -> Span | None:
    """The caption of a rendered table: in the paragraph above its rows, the line that names the
    table ("Table 16. Efficacy Results in FLAURA"), else the paragraph's first line."""
    if start == 0:
        return None
    paragraph = text.rfind("\n\n", 0, start - 1)
    lines: list[Span] = []
    cursor = paragraph + 2 if paragraph >= 0 else 0
    while cursor < start:
        line = _line_at(text, cursor)
        if line[1] > line[0]:
            lines.append(line)
        cursor = line[1] + 1
    named = [line for line in lines if text.startswith(("Table ", "TABLE "), line[0])]
    chosen = named or lines
    return chosen[0] if chosen else None


def _is_value_cell(text: str, cell: Span) -> bool:
    head = text[cell[0] : cell[1]].lstrip()[:2]
    return bool(head) and (head[0].isdigit() or head[0] in "<≤>≥-–" or head in ("NR", "NE"))


def header_rows(text: str, grid: GridBlock) -> int:
    """How many leading rows are the column header: the first rows with no value in any cell."""
    count = 0
    for row in grid.rows[:3]:
        if len(row.cells) < 2 or any(_is_value_cell(text, cell) for cell in row.cells[1:]):
            break
        count += 1
    return count


def shown_rows(text: str, grid: GridBlock) -> list[int | None]:
    """The rows worth showing, in order; None where rows were left out.

    A short table is shown whole. A long one keeps its header, the section heading above the
    cited row (a row of one cell, such as "Overall Survival (OS)") and a few rows on each side.
    """
    total = len(grid.rows)
    if total <= _SHORT_TABLE:
        return list(range(total))
    keep = set(range(header_rows(text, grid)))
    keep |= set(range(max(0, grid.cited_row - _CONTEXT_ROWS), min(total, grid.cited_row + _CONTEXT_ROWS + 1)))
    section = next((i for i in range(grid.cited_row, -1, -1) if len(grid.rows[i].cells) == 1), None)
    if section is not None:
        keep.add(section)
    shown: list[int | None] = []
    for index in sorted(keep):
        if shown and shown[-1] is not None and index > shown[-1] + 1:
            shown.append(None)
        shown.append(index)
    if shown and shown[-1] is not None and shown[-1] < total - 1:
        shown.append(None)
    return shown


def _colspans(cells: int, width: int) -> list[int]:
    """Column spans for a row of ``cells`` cells in a table ``width`` columns wide.

    Cell boundaries survive rendering but spans do not: a row with fewer values than columns
    ("| Hazard ratio | 0.17 (0.12, 0.23) | 0.20 (0.15, 0.27) |" under four arm columns) spreads
    its values evenly when they divide the columns, else its last cell takes what is left.
    """
    if cells <= 1:
        return [width]
    values, columns = cells - 1, width - 1
    if columns % values == 0:
        return [1] + [columns // values] * values
    return [1] * (cells - 1) + [width - cells + 1]


def _marked(text: str, start: int, end: int, marks: Sequence[tuple[int, int, str]]) -> str:
    """``text[start:end]`` escaped, with each (start, end, css class) mark inside it in ``<mark>``."""
    parts: list[str] = []
    cursor = start
    for mark_start, mark_end, css in sorted(marks):
        if mark_start < cursor or mark_end > end or mark_start >= mark_end:
            continue  # outside this piece, or overlapping a mark already placed
        parts.append(html.escape(text[cursor:mark_start]))
        attr = f' class="{css}"' if css else ""
        parts.append(f"<mark{attr}>{html.escape(text[mark_start:mark_end])}</mark>")
        cursor = mark_end
    parts.append(html.escape(text[cursor:end]))
    return "".join(parts)


def _marks(m: Measurement) -> list[tuple[int, int, str]]:
    marks = [(m.span[0], m.span[1], "")]
    if m.ci_span is not None and (m.ci_span[1] <= m.span[0] or m.ci_span[0] >= m.span[1]):
        marks.append((m.ci_span[0], m.ci_span[1], "tp-ci"))
    return marks


def grid_html(text: str, grid: GridBlock, m: Measurement) -> str:
    """The rebuilt table as HTML: header rows in ``<th>``, the cited row and cell marked."""
    width = max(len(row.cells) for row in grid.rows)
    heads = header_rows(text, grid)
    marks = _marks(m)
    lines: list[str] = []
    for index in shown_rows(text, grid):
        if index is None:
            lines.append(f'<tr class="tp-gap"><td colspan="{width}">⋯</td></tr>')
            continue
        row = grid.rows[index]
        tag = "th" if index < heads else "td"
        css = ' class="tp-cited-row"' if index == grid.cited_row else ""
        if len(row.cells) == 1 and index >= heads:
            css = ' class="tp-section"'
        cells = []
        for (start, end), span in zip(row.cells, _colspans(len(row.cells), width), strict=True):
            cited = start <= m.span[0] and m.span[1] <= end
            attrs = (f' colspan="{span}"' if span > 1 else "") + (' class="tp-cited"' if cited else "")
            cells.append(f"<{tag}{attrs}>{_marked(text, start, end, marks)}</{tag}>")
        lines.append(f"<tr{css}>{''.join(cells)}</tr>")
    caption = ""
    if grid.caption is not None:
        caption = f"<caption>{html.escape(text[grid.caption[0] : grid.caption[1]])}</caption>"
    return f'<table class="tp-evidence-table">{caption}{"".join(lines)}</table>'


def _same_row(m: Measurement, other: Measurement) -> bool:
    return (
        other.source == m.source
        and other.table == m.table
        and other.row == m.row
        and other.trial == m.trial
        and other.population == m.population
        and other.column is not None
    )


def flattened_html(text: str, m: Measurement, measurements: Sequence[Measurement]) -> str:
    """A flattened table's row as a small table: the row label, then a column per value read on it.

    Each cell is the source's characters at the value's span, with its CI when the label printed
    one; the cited cell is marked. The caption is the table's name; the columns are the headers
    the reader matched the values to.
    """
    row = [other for other in measurements if _same_row(m, other) and 0 <= other.span[0] < other.span[1] <= len(text)]
    if not any(other.span == m.span for other in row):
        row.append(m)
    row.sort(key=lambda other: other.span[0])
    heads, cells = [], []
    for other in row:
        marks = _marks(m) if other.span == m.span else []
        value = _marked(text, other.span[0], other.span[1], marks)
        if other.ci_span is not None and 0 <= other.ci_span[0] < other.ci_span[1] <= len(text):
            ci = _marked(text, other.ci_span[0], other.ci_span[1], marks)
            value = f"{value} {ci}" if other.ci_span[0] >= other.span[1] else f"{ci} {value}"
        cited = ' class="tp-cited"' if other.span == m.span else ""
        heads.append(f"<th>{html.escape(other.column or '')}</th>")
        cells.append(f"<td{cited}>{value}</td>")
    caption = " · ".join(x for x in (m.table, m.trial, m.population) if x)
    start, end = min(other.span[0] for other in row), max(other.span[1] for other in row)
    printed = _marked(text, max(0, start - _PRINTED_REACH), min(len(text), end + _PRINTED_REACH), _marks(m))
    return (
        f'<table class="tp-evidence-table"><caption>{html.escape(caption)}</caption>'
        f"<tr><th></th>{''.join(heads)}</tr>"
        f'<tr class="tp-cited-row"><td>{html.escape(m.row or "")}</td>{"".join(cells)}</tr></table>'
        f'<details class="tp-printed"><summary>As printed in the label (cells run together)</summary>'
        f'<div class="tp-source">…{printed}…</div></details>'
    )


def _ends_sentence(text: str, at: int) -> int | None:
    """Where the sentence ending with the punctuation at ``at`` ends, or None if it does not end there.

    A full stop (or ! or ?) ends a sentence when whitespace follows it, possibly after closing
    marks and a citation glued to it, as scholarly articles print them: ".[10] The", ".)", ".16 The".
    """
    if text[at] not in ".!?":
        return None
    before = text[max(0, at - 8) : at].split()
    if text[at] == "." and before and before[-1].lower() in _ABBREVIATIONS:
        return None  # "18.9 vs. 10.2 months", "et al. reported"
    cursor = at + 1
    while cursor < len(text) and cursor - at <= _CITATION_REACH and text[cursor] in _AFTER_STOP:
        cursor += 1
    if cursor == len(text) or text[cursor].isspace():
        return cursor if cursor - at == 1 or not text[at + 1].isdigit() or text[at - 1 : at].isalpha() else None
    return None


# Words a full stop follows without ending the sentence.
_ABBREVIATIONS = frozenset({"vs", "e.g", "i.e", "al", "approx", "fig", "ref", "cf"})
_LINE_OR_CELL = "\n\t"  # a line break, or the tab between an article table's cells, ends a sentence


def sentence_around(text: str, span: Span) -> Span:
    """The sentence holding ``span``: from after the last sentence end (or line break, or table cell
    boundary) before it to the next one after it, within a bounded reach on each side."""
    lo = max(0, span[0] - _SENTENCE_REACH)
    start = lo
    for cursor in range(span[0] - 1, lo - 1, -1):
        if text[cursor] in _LINE_OR_CELL:
            start = cursor + 1
            break
        end_here = _ends_sentence(text, cursor)
        if end_here is not None and end_here <= span[0]:
            start = end_here
            break
    hi = min(len(text), span[1] + _SENTENCE_REACH)
    end = hi
    for cursor in range(span[1], hi):
        if text[cursor] in _LINE_OR_CELL:
            end = cursor
            break
        end_here = _ends_sentence(text, cursor)
        if end_here is not None:
            end = end_here
            break
    while start < span[0] and text[start].isspace():
        start += 1
    return start, end


def prose_html(text: str, m: Measurement) -> str:
    """The sentence the number was read from, the number (and its CI) marked."""
    marks = _marks(m)
    start, end = sentence_around(text, m.span)
    if m.ci_span is not None:
        start, end = min(start, m.ci_span[0]), max(end, m.ci_span[1])
    # An ellipsis where no sentence end was found within reach and the text goes on.
    head = "…" if 0 < start <= m.span[0] - _SENTENCE_REACH else ""
    tail = "…" if len(text) > end >= m.span[1] + _SENTENCE_REACH else ""
    return f'<blockquote class="tp-evidence-prose">{head}{_marked(text, start, end, marks)}{tail}</blockquote>'


def evidence_html(source: Source, m: Measurement, measurements: Sequence[Measurement] = ()) -> str:
    """The label's own presentation of ``m``: a small table or a sentence, the number marked.

    ``measurements`` are the other measurements read from the same sources; a flattened table's
    row is rebuilt from those read on the same row.
    """
    text = source.text
    if not 0 <= m.span[0] < m.span[1] <= len(text):
        return '<div class="tp-evidence-prose">(the span is outside the label text)</div>'
    grid = find_grid(text, m.span)
    if grid is not None:
        return grid_html(text, grid, m)
    if m.table is not None and m.row is not None and m.column is not None:
        return flattened_html(text, m, measurements)
    return prose_html(text, m)


def claim_quote_html(article_text: str, claim: Claim) -> str:
    """The article's sentence that makes the claim, its number marked (a scope claim: the sentence)."""
    if claim.value_span is None or not 0 <= claim.value_span[0] < claim.value_span[1] <= len(article_text):
        return f'<blockquote class="tp-evidence-prose">{html.escape(claim.text)}</blockquote>'
    start, end = sentence_around(article_text, claim.value_span)
    marks = [(claim.value_span[0], claim.value_span[1], "")]
    return f'<blockquote class="tp-evidence-prose">{_marked(article_text, start, end, marks)}</blockquote>'


def cell_words(text: str, m: Measurement) -> tuple[str, str, str, str] | None:
    """(caption, row, column, cell) of a table measurement as the label prints them, or None for prose.

    A table with its cell boundaries gives the whole cell ("18.9 (15.2, 21.4)"), the row's first
    cell and the column's header; a flattened one the row and column the reader matched and the
    value with its CI, each the source's characters.
    """
    if not 0 <= m.span[0] < m.span[1] <= len(text):
        return None
    grid = find_grid(text, m.span)
    if grid is not None:
        row = grid.rows[grid.cited_row]
        index = next(i for i, (start, end) in enumerate(row.cells) if start <= m.span[0] and m.span[1] <= end)
        heads = header_rows(text, grid)
        column = ""
        if heads and index > 0:
            header = grid.rows[heads - 1]
            if len(header.cells) == len(row.cells):
                column = text[header.cells[index][0] : header.cells[index][1]]
        caption = text[grid.caption[0] : grid.caption[1]] if grid.caption else (m.table or "")
        first, cited = row.cells[0], row.cells[index]
        return caption, text[first[0] : first[1]], column or (m.column or ""), text[cited[0] : cited[1]]
    if m.table is None:
        return None
    value = text[m.span[0] : m.span[1]]
    if m.ci_span is not None and 0 <= m.ci_span[0] < m.ci_span[1] <= len(text):
        value = f"{value} {text[m.ci_span[0] : m.ci_span[1]]}"
    return m.table, m.row or "", m.column or "", value


def label_wording(text: str, m: Measurement) -> str:
    """What the label says for ``m``, in its own words, on one line: the table cell with its row and
    column, or the sentence."""
    words = cell_words(text, m)
    if words is None:
        start, end = sentence_around(text, m.span)
        return " ".join(text[start:end].split())
    caption, row, column, cell = (" ".join(part.split()) for part in words)
    where = f"{caption}, row “{row}”" + (f", column “{column}”" if column else "")
    return f"{where}: {cell}"


def scope_for(claim: Claim, populations: Sequence[TrialScope]) -> TrialScope | None:
    """The trial population a scope claim was checked against: the one its explanation quotes.

    A claim does not point at its population record (yet); the verdict's explanation quotes the
    population as printed, so the longest population quoted there is the one.
    """
    quoted = [p for p in populations if p.population and p.population in claim.explanation]
    return max(quoted, key=lambda p: len(p.population), default=None)


def _printed_span(text: str, span: Span | None) -> str:
    if span is None or not 0 <= span[0] < span[1] <= len(text):
        return ""
    return " ".join(text[span[0] : span[1]].split())


def scope_wording(text: str, scope: TrialScope) -> str:
    """Whom the label says the trial enrolled (and excluded), in its own words, on one line."""
    return " ".join(
        x for x in (_printed_span(text, scope.enrolment_span), _printed_span(text, scope.exclusion_span)) if x
    )


def scope_html(text: str, scope: TrialScope) -> str:
    """The label's enrolment sentence (and exclusion sentence), the qualifiers it names marked."""
    parts = []
    for span in (scope.enrolment_span, scope.exclusion_span):
        if span is None or not 0 <= span[0] < span[1] <= len(text):
            continue
        piece = text[span[0] : span[1]]
        marks = []
        for phrase in [q.phrase for q in scope.qualifiers] + list(scope.excluded):
            at = piece.find(phrase) if phrase else -1
            if at >= 0:
                marks.append((span[0] + at, span[0] + at + len(phrase), ""))
        parts.append(f'<blockquote class="tp-evidence-prose">{_marked(text, span[0], span[1], marks)}</blockquote>')
    return "".join(parts)
