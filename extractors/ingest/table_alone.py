"""A label's tables on their own, as articles and scrapers pass them around: no prose around them.

Ingest renders every table with its cell boundaries kept (`grids.render_table`). Articles quote
those tables flattened — cells separated by spaces, or run together — and without the label's
prose, so the reader cannot learn the arm names from "patients were randomized to …". This
module cuts the rendered tables out of a `Source` and flattens them, to measure how much of the
structured reading survives::

    Table 9. Efficacy Results … in VEG110727 … HR Endpoint/Trial PopulationVOTRIENTPlacebo(95% CI)
    PFS Overall ITTN = 246N = 1230.35 a Median (months)4.61.6(0.26,0.48) …
"""

from __future__ import annotations

from dataclasses import replace

from extractors.ingest import grids
from extractors.records import Source
from extractors.text.patterns import tables as patterns

Span = tuple[int, int]

# Headings ingest prints above a label's tables; not part of any table.
SECTION_HEADINGS = frozenset({grids.TABLES_HEADING, grids.ADVERSE_TABLES_HEADING})


def table_blocks(text: str, section: str | None = None) -> list[Span]:
    """The spans of the rendered tables in ``text``: caption, notes and ``| … |`` rows; with
    ``section`` "efficacy" or "adverse", only those before or after the adverse-reaction tables'
    heading.

    A block is a paragraph (text between blank lines) with at least one rendered row. An SPL
    table whose caption is printed as a paragraph of its own just above it keeps that caption.
    """
    blocks: list[Span] = []
    cut = text.find(grids.ADVERSE_TABLES_HEADING)
    cut = len(text) if cut < 0 else cut
    paragraphs = [
        (start, end)
        for start, end in _paragraphs(text)
        if section is None or (start < cut if section == "efficacy" else start >= cut)
    ]
    for index, (start, end) in enumerate(paragraphs):
        if not _has_rows(text, (start, end)):
            continue
        if text.startswith(f"{grids.SEPARATOR} ", start) and index > 0:
            before = paragraphs[index - 1]
            if patterns.TABLE_CAPTION.match(text, before[0], before[1]) and not _has_rows(text, before):
                start = before[0]  # the caption paragraph printed above the rows
        blocks.append((start, end))
    return blocks


def tables_alone(source: Source, glue: str, section: str | None = None) -> tuple[Source, list[Span]]:
    """The tables of ``source`` (of one ``section``, see `table_blocks`) flattened with ``glue``
    between cells (" " or ""), nothing else, and the spans in ``source.text`` they come from."""
    blocks = table_blocks(source.text, section)
    text = "\n\n".join(flatten_block(source.text[start:end], glue) for start, end in blocks)
    return replace(source, text=text), blocks


def flatten_block(block: str, glue: str) -> str:
    """One rendered table as one paragraph: each row's non-empty cells joined by ``glue``, rows and
    the caption lines joined by a space. Run together (``glue=""``), a CI loses the space after its
    comma too, as scraped articles print it: "(0.26,0.48)". A section heading above the first
    table is not part of it."""
    lines = []
    for line in block.splitlines():
        line = line.strip()
        if not line or line in SECTION_HEADINGS:
            continue
        if len(line) > 1 and line.startswith(grids.SEPARATOR) and line.endswith(grids.SEPARATOR):
            cells = [cell.strip() for cell in line[1:-1].split(grids.SEPARATOR)]
            if glue == "":
                cells = [patterns.CI_COMMA_SPACE.sub(",", cell) for cell in cells]
            line = glue.join(cell for cell in cells if cell)
        if line:
            lines.append(line)
    return " ".join(lines)


def _paragraphs(text: str) -> list[Span]:
    """Non-blank paragraphs, each span trimmed of the blank lines around it."""
    spans: list[Span] = []
    start = 0
    while start < len(text):
        cut = text.find("\n\n", start)
        end = len(text) if cut < 0 else cut
        body = text[start:end]
        if body.strip():
            lead = len(body) - len(body.lstrip())
            spans.append((start + lead, start + len(body.rstrip())))
        start = end + 2
    return spans


def _has_rows(text: str, span: Span) -> bool:
    return bool(patterns.RENDERED_ROW.search(text, span[0], span[1]))
