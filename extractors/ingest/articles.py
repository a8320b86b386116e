"""Read an article (plain text, Markdown, HTML or JATS XML) into an `Article`.

The article is reduced to plain text that every claim span indexes into, keeping what a
reader of the claims needs: section headings as lines of their own ("From the FDA Drug
Label", "Key points:"), list items as "• " lines, and citation markers ("… once daily 2",
"[3]", JATS ``<xref>``) where the article put them. The kind is detected from the content.

`quoted_label_source` turns the label passage an article quotes into a `Source`, so an
article can be checked against the label text it quotes itself.
"""

from __future__ import annotations

import bisect
from collections import Counter
from xml.etree.ElementTree import Element

from extractors.ingest import grids, markup
from extractors.ingest.files import decode_text, input_name, read_input
from extractors.records import Article, ArticleTable, InputError, Source, Span
from extractors.text.names import DRUG_WORD
from extractors.text.patterns import articles as patterns
from extractors.text.patterns import markup as markup_patterns

MAX_TITLE = 200
CELL_BREAK = "\t"  # between the cells of a table's row in the article text


def load_article(path: str) -> Article:
    """Read the article file at ``path``; raise `InputError` when it cannot be used."""
    return article_from_bytes(read_input(path, "an article file"), input_name(path))


def article_from_bytes(data: bytes, name: str) -> Article:
    """Build an `Article` from the bytes of an uploaded or pasted article called ``name``."""
    text = decode_text(data, name)
    head = text.lstrip()[:2000].lower()
    if head.startswith("<?xml") or head.startswith("<!doctype article") or head.startswith("<article"):
        title, body, headings = _from_jats(text, name)
    elif patterns.HTML_START.search(head):
        title, body, headings = _from_html(text, name)
    else:
        title, body, headings = _from_markdown(text)
    body = _tidy(body)
    if not body.strip():
        raise InputError(name, "the article has no text")
    sections = _sections(body, headings)
    if not title:
        title = next((line.strip() for line in body.splitlines() if line.strip()), name)
    return Article(path=name, title=_short(title), text=body, sections=sections, tables=_tables(body))


def _short(title: str) -> str:
    """A title as reports show it: at most `MAX_TITLE` characters (a pasted article may be one line)."""
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip() + "…"


def section_of(article: Article, position: int) -> str | None:
    """The heading of the section that ``position`` of the article text falls in."""
    index = _section_index(article, position)
    return article.sections[index][0] if index is not None else None


def section_start(article: Article, position: int) -> int:
    """Where the section of ``position`` starts, its heading line included ("Results of VEG110727"):
    the end of the section before it (0 for the first, or outside every section)."""
    index = _section_index(article, position)
    return article.sections[index - 1][1][1] if index else 0


def _section_index(article: Article, position: int) -> int | None:
    """Which of ``article.sections`` holds ``position``, by bisection: the sections follow each other
    without overlapping, and an article may have thousands of heading-like lines."""
    starts = _section_starts(article)
    index = bisect.bisect_right(starts, position) - 1
    if index < 0 or position >= article.sections[index][1][1]:
        return None
    return index


_starts_of: tuple[Article | None, list[int]] = (None, [])  # the last article asked about, kept alive


def _section_starts(article: Article) -> list[int]:
    global _starts_of
    if _starts_of[0] is not article:
        _starts_of = (article, [span[0] for _, span in article.sections])
    return _starts_of[1]


def quoted_label_span(article: Article) -> Span | None:
    """The label passage an article offers to be checked against when no label is given: the first
    paragraph of a label section ("From the FDA Drug Label").

    The heading only says where to look when there is no label to compare with. Which paragraphs
    quote a label, and so are no claims, is decided by their content (`quoted.quoted_spans`): with
    a label given, by comparing with its text; without, the passage found here is the label, and the
    other sentences of its section are the article's own.
    """
    for heading, (start, end) in article.sections:
        if not patterns.LABEL_HEADING.search(heading):
            continue
        body = article.text[start:end]
        lead = len(body) - len(body.lstrip())
        paragraph = patterns.PARAGRAPH_BREAK.split(body[lead:], maxsplit=1)[0]
        stripped = paragraph.rstrip()
        if stripped:
            return (start + lead, start + lead + len(stripped))
    return None


def quoted_label_source(article: Article) -> Source | None:
    """The label passage the article itself quotes, as a `Source` whose text is that passage."""
    span = quoted_label_span(article)
    if span is None:
        return None
    passage = article.text[span[0] : span[1]]
    return Source(
        id="quoted-label",
        path=article.path,
        kind="text",
        drug=guess_drug(passage),
        title=f"Label passage quoted in {article.title}",
        text=passage,
    )


def guess_drug(text: str) -> str | None:
    """The drug a passage is about: the drug-like word it names most often (lower-case)."""
    counts = Counter(match.group(0).lower() for match in DRUG_WORD.finditer(text))
    if not counts:
        return None
    return str(counts.most_common(1)[0][0])


# ---------------------------------------------------------------------------------------------
# decoding and the three readers


def _from_markdown(text: str) -> tuple[str, str, set[str]]:
    """Markdown (or plain text, which passes through unchanged) to plain text."""
    lines: list[str] = []
    headings: set[str] = set()
    title = ""
    for line in text.split("\n"):
        heading = patterns.MD_HEADING.match(line)
        if heading:
            line = _md_inline(heading.group(1).rstrip(" \t#"))
            headings.add(line.strip())
            title = title or line.strip()
            lines.extend(["", line, ""])
            continue
        line = patterns.MD_BULLET.sub(lambda m: f"{m.group(1)}• ", line)
        lines.append(_md_inline(line))
    return title, _unwrapped(lines), headings


def _unwrapped(lines: list[str]) -> str:
    """The lines joined, a hard-wrapped line and the line that continues its sentence by a space: the
    sentence "… hazard ratio⏎0.50 (95% CI 0.37-0.68)" is read whole, as Markdown renders it."""
    parts: list[str] = []
    for index, line in enumerate(lines):
        if index:
            previous = lines[index - 1]
            wrapped = line.strip() and patterns.WRAPPED_LINE.match(previous) and not patterns.BLOCK_START.match(line)
            parts.append(" " if wrapped else "\n")
        parts.append(line)
    return "".join(parts)


def _md_inline(line: str) -> str:
    line = patterns.MD_LINK.sub(r"\1", line)
    line = patterns.MD_CODE.sub(r"\1", line)
    return str(patterns.MD_EMPHASIS.sub(lambda m: m.group("bold") or m.group("underscored") or m.group("italic"), line))


class _HtmlArticle:
    """Visible text of an HTML article: blocks on lines of their own, headings remembered."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.heading: list[str] | None = None
        self.headings: set[str] = set()
        self.title = ""
        self.in_title = False

    def open(self, tag: str) -> None:
        if tag == "title":
            self.in_title = True
        if tag in markup.ARTICLE_BLOCKS:
            self.parts.append("\n")
        if tag in markup.HEADINGS:
            self.parts.append("\n")
            self.heading = []
        elif tag == "li":
            self.parts.append("• ")
        elif tag in {"td", "th", "sup"}:
            self.parts.append(" ")  # a superscript citation "sarcoma<sup>2</sup>" stays a marker: "sarcoma 2"

    def close(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in markup.HEADINGS and self.heading is not None:
            heading = " ".join("".join(self.heading).split())
            if heading:
                self.headings.add(heading)
                if tag == "h1" and not self.title:
                    self.title = heading
            self.heading = None
            self.parts.append("\n\n")
        elif tag in markup.ARTICLE_BLOCKS:
            self.parts.append("\n")

    def text(self, data: str) -> None:
        if self.in_title:
            self.title = self.title or " ".join(data.split())
            return
        text = markup_patterns.WHITESPACE.sub(" ", data)
        if self.heading is not None:
            self.heading.append(text)
        self.parts.append(text)


def _from_html(text: str, name: str) -> tuple[str, str, set[str]]:
    page = _HtmlArticle()
    try:
        events = markup.html_events(text)
        for event in events:
            kind, value = event
            if kind == "open" and value == "table" and not page.in_title:
                tables = grids.collect_tables(markup.subtree(event, events))
                page.parts.extend(f"\n\n{_render_table(grid)}\n\n" for grid in tables)
                continue
            if kind == "text":
                page.text(value)
            if kind in ("open", "empty"):
                page.open(value)
            if kind in ("close", "empty"):
                page.close(value)
    except markup.MarkupError as error:
        raise InputError(name, str(error)) from None
    lines = [line.strip() for line in "".join(page.parts).split("\n")]
    return page.title, "\n".join(lines), page.headings


def _local(tag: object) -> str:
    name = tag if isinstance(tag, str) else ""
    return name.rsplit("}", 1)[-1]


def _from_jats(text: str, name: str) -> tuple[str, str, set[str]]:
    """JATS XML: article title, abstract and body sections, paragraphs with their [n] markers."""
    root = markup.parse_xml(text, name)
    if _local(root.tag) != "article":
        raise InputError(name, f"XML document is not a JATS article (root element <{_local(root.tag)}>)")
    headings: set[str] = set()
    out: list[str] = []
    title = ""
    for element in root.iter():
        if _local(element.tag) == "article-title":
            title = " ".join(_inline(element).split())
            break
    if title:
        out.append(f"{title}\n\n")
    for element in root.iter():
        if _local(element.tag) == "abstract":
            headings.add("Abstract")
            out.append("Abstract\n\n")
            _jats_block(element, out, headings)
            break
    for element in root.iter():
        if _local(element.tag) == "body":
            _jats_block(element, out, headings)
            break
    return title, "".join(out), headings


def _jats_block(element: Element, out: list[str], headings: set[str]) -> None:
    for child in element:
        tag = _local(child.tag)
        if tag == "title":
            heading = " ".join(_inline(child).split())
            if heading:
                headings.add(heading)
                out.append(f"\n{heading}\n\n")
        elif tag == "p":
            out.append(" ".join(_inline(child).split()) + "\n\n")
            out.extend(_jats_table(wrap) for wrap in child.iter() if _local(wrap.tag) == "table-wrap")
        elif tag == "list-item":
            out.append("• ")
            _jats_block(child, out, headings)
        elif tag in {"table-wrap", "table"}:
            out.append(_jats_table(child))
        elif tag in {"ref-list", "fn-group", "ack", "back"}:
            continue
        else:
            _jats_block(child, out, headings)


def _jats_table(wrap: Element) -> str:
    """A JATS <table-wrap> as text (`_render_table`): its label and caption on the line above its rows."""
    title = " ".join(" ".join(_inline(part).split()) for part in wrap if _local(part.tag) in {"label", "caption"})
    rendered: list[str] = []
    for table in wrap.iter():
        if _local(table.tag) == "table":
            for grid in grids.collect_tables(markup.element_events(table)):
                grid.caption = grid.caption or title
                rendered.append(_render_table(grid))
    return "".join(f"{block}\n\n" for block in rendered)


def _inline(element: Element) -> str:
    """The text of an inline element; a bare citation <xref> becomes "[n]" so it stays a marker."""
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = _local(child.tag)
        inner = _inline(child)
        if tag == "xref" and child.get("ref-type") == "bibr":
            before = "".join(parts).rstrip()
            bracketed = before.endswith(("[", "(", ",", "–", "-"))
            if patterns.CITATION_NUMBER.fullmatch(inner) and not bracketed:
                inner = f"[{inner.strip()}]"
        elif tag in {"table-wrap", "fig", "disp-formula"}:
            inner = ""
        parts.append(inner)
        parts.append(child.tail or "")
    return "".join(parts)


def _tidy(text: str) -> str:
    """Trailing spaces off each line, at most one blank line in a row."""
    lines = [line.rstrip() for line in text.split("\n")]
    return str(patterns.BLANK_LINES.sub("\n\n", "\n".join(lines))).strip("\n") + "\n"


def _render_table(grid: grids.TableGrid) -> str:
    """A table of an article as text: its caption and notes, then one line per row with a tab
    between cells — whitespace, so a passage copied from the page across cells ("Diabetes 8.8%
    8.2%") is found in the text, and a boundary no other line of an HTML or JATS article has."""
    lines = [" ".join(grid.caption.split()), " ".join(note for note in grid.notes if note)]
    lines += [CELL_BREAK.join(cell.replace(CELL_BREAK, " ") for cell in row) for row in grid.rows]
    return "\n".join(line for line in lines if line.strip())


def _tables(text: str) -> tuple[ArticleTable, ...]:
    """The tables of the article text, each cell's span: runs of lines with a tab between cells (an
    HTML or JATS table, a pasted tab-separated one), and Markdown tables (a row of cells between
    bars, the rule line under it, more rows), kept as their author wrote them."""
    tables: list[ArticleTable] = []
    rows: list[tuple[Span, ...]] = []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    markdown = False  # inside a Markdown table
    for index, line in enumerate(lines):
        if markdown and patterns.MD_TABLE_RULE.match(line):
            continue
        if not markdown and _md_table_starts(lines, index):
            _close(tables, rows)
            markdown = True
        if markdown and patterns.MD_TABLE_ROW.match(line):
            rows.append(_md_cell_spans(line, starts[index]))
        elif CELL_BREAK in line.strip() and not markdown:
            rows.append(_cell_spans(line, starts[index]))
        else:
            markdown = False
            _close(tables, rows)
    _close(tables, rows)
    return tuple(tables)


def _close(tables: list[ArticleTable], rows: list[tuple[Span, ...]]) -> None:
    """The rows gathered so far made a table of ``tables``; ``rows`` emptied for the next."""
    if rows:
        tables.append(ArticleTable((rows[0][0][0], rows[-1][-1][1]), tuple(rows)))
        rows.clear()


def _md_table_starts(lines: list[str], index: int) -> bool:
    """A Markdown table's header row at ``index``: a row of cells with the rule line under it."""
    return (
        index + 1 < len(lines)
        and patterns.MD_TABLE_ROW.match(lines[index]) is not None
        and patterns.MD_TABLE_RULE.match(lines[index + 1]) is not None
    )


def _md_cell_spans(line: str, start: int) -> tuple[Span, ...]:
    """The spans of a Markdown row's cells: between its bars ("| FLAURA | 18.9 |"), blanks trimmed."""
    stripped = line.rstrip()
    first = len(line) - len(line.lstrip())
    first += 1 if stripped[first : first + 1] == "|" else 0
    last = len(stripped) - 1 if stripped.endswith("|") and not stripped.endswith("\\|") else len(stripped)
    spans: list[Span] = []
    position = first
    for bar in [*(m.start() for m in patterns.MD_CELL_BAR.finditer(line, first, last)), last]:
        spans.append(_trimmed(line[position:bar], start + position))
        position = bar + 1
    return tuple(spans)


def _cell_spans(line: str, start: int) -> tuple[Span, ...]:
    """The spans of a row's cells (``line`` starts at ``start`` of the text), blanks trimmed."""
    spans: list[Span] = []
    for cell in line.split(CELL_BREAK):
        spans.append(_trimmed(cell, start))
        start += len(cell) + len(CELL_BREAK)
    return tuple(spans)


def _trimmed(cell: str, start: int) -> Span:
    """The span of a cell's text without its surrounding blanks (an empty cell: empty at its start)."""
    if not cell.strip():
        return (start, start)
    return (start + len(cell) - len(cell.lstrip()), start + len(cell.rstrip()))


def row_start(text: str, row: tuple[Span, ...]) -> int:
    """Where the line of a table row (`ArticleTable.rows`) starts in the article text."""
    return text.rfind("\n", 0, row[0][0]) + 1


def _sections(text: str, headings: set[str]) -> tuple[tuple[str, Span], ...]:
    """(heading, body span) for each heading line; a body runs to the next heading."""
    found: list[tuple[str, int, int]] = []  # heading, heading line end, heading line start
    lines = text.split("\n")
    offset = 0
    for index, line in enumerate(lines):
        start, offset = offset, offset + len(line) + 1
        stripped = line.strip().lstrip("•-* \t").strip()
        if not stripped:
            continue
        if stripped in headings:
            found.append((stripped.rstrip(":").strip(), start + len(line), start))
            continue
        match = patterns.HEADING.match(line)
        if not match:
            continue
        before = lines[index - 1].strip() if index else ""
        after = lines[index + 1].strip() if index + 1 < len(lines) else ""
        standalone = not before and not after
        if match.group("colon") or (standalone and len(match.group("title").split()) <= 8):
            found.append((match.group("title").strip(), start + len(line), start))
    sections: list[tuple[str, Span]] = []
    for position, (heading, body_start, _line_start) in enumerate(found):
        end = found[position + 1][2] if position + 1 < len(found) else len(text)
        sections.append((heading, (min(body_start + 1, end), end)))
    return tuple(sections)
