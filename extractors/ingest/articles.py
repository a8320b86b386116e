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
from functools import lru_cache
from html.parser import HTMLParser
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_xml
import regex
from defusedxml import DefusedXmlException

from extractors.ingest.files import decode_text, read_input
from extractors.records import Article, InputError, Source, Span
from extractors.text.names import DRUG_WORD

# A heading line: short, capitalised, no sentence end. "From the FDA Drug Label", "Key points:".
_HEADING = regex.compile(
    r"""
    ^[ \t]*(?:[•\-*][ \t]+)?            # optional bullet before the heading ("  • Key points:")
    (?P<title>
      [A-Z][^\n.!?]{0,70}?              # capitalised, no sentence punctuation
    )
    (?P<colon>:)?[ \t]*$                # "Key points:" ends with a colon
    """,
    regex.VERBOSE | regex.MULTILINE,
)
# Section headings that introduce a passage quoted from a label.
_LABEL_HEADING = regex.compile(r"\b(?:FDA|drug)\s+label\b|\bprescribing\s+information\b|\blabel(?:ing)?\b", regex.I)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "blockquote",
        "pre",
        "table",
        "tr",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "br",
        "hr",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "title",
    ]
)
_SKIP_TAGS = frozenset(["script", "style", "noscript", "template", "svg"])


def load_article(path: str) -> Article:
    """Read the article file at ``path``; raise `InputError` when it cannot be used."""
    return article_from_bytes(read_input(path, "an article file"), path)


def article_from_bytes(data: bytes, name: str) -> Article:
    """Build an `Article` from the bytes of an uploaded or pasted article called ``name``."""
    text = decode_text(data, name)
    head = text.lstrip()[:2000].lower()
    if head.startswith("<?xml") or head.startswith("<!doctype article") or head.startswith("<article"):
        title, body, headings = _from_jats(text, name)
    elif regex.search(r"<(?:html|body|p|div|h[1-6]|article|section)\b", head):
        title, body, headings = _from_html(text)
    else:
        title, body, headings = _from_markdown(text)
    body = _tidy(body)
    if not body.strip():
        raise InputError(name, "the article has no text")
    sections = _sections(body, headings)
    if not title:
        title = next((line.strip() for line in body.splitlines() if line.strip()), name)
    return Article(path=name, title=title, text=body, sections=sections)


def section_of(article: Article, position: int) -> str | None:
    """The heading of the section that ``position`` of the article text falls in."""
    index = section_index(article, position)
    return article.sections[index][0] if index is not None else None


def section_index(article: Article, position: int) -> int | None:
    """Which of ``article.sections`` holds ``position`` (sections follow one another, none inside another)."""
    index = bisect.bisect_right(_section_starts(article.sections), position) - 1
    if index >= 0 and position < article.sections[index][1][1]:
        return index
    return None


@lru_cache(maxsize=8)
def _section_starts(sections: tuple[tuple[str, Span], ...]) -> tuple[int, ...]:
    return tuple(start for _, (start, _end) in sections)


def quoted_label_span(article: Article) -> Span | None:
    """The span of the label passage the article quotes: the first paragraph of its label section.

    Pages like the seeds put the quoted label text as the first paragraph under "From the FDA
    Drug Label" and the article's own words in the paragraphs after it; only that first
    paragraph is the quote.
    """
    for heading, (start, end) in article.sections:
        if not _LABEL_HEADING.search(heading):
            continue
        body = article.text[start:end]
        lead = len(body) - len(body.lstrip())
        paragraph = regex.split(r"\n[ \t]*\n", body[lead:], maxsplit=1)[0]
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


_MD_HEADING = regex.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$")
_MD_BULLET = regex.compile(r"^([ \t]*)[-*+][ \t]+")
_MD_LINK = regex.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MD_EMPHASIS = regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_CODE = regex.compile(r"`([^`\n]*)`")


def _from_markdown(text: str) -> tuple[str, str, set[str]]:
    """Markdown (or plain text, which passes through unchanged) to plain text."""
    lines: list[str] = []
    headings: set[str] = set()
    title = ""
    for line in text.split("\n"):
        heading = _MD_HEADING.match(line)
        if heading:
            line = _md_inline(heading.group(1))
            headings.add(line.strip())
            title = title or line.strip()
            lines.extend(["", line, ""])
            continue
        line = _MD_BULLET.sub(lambda m: f"{m.group(1)}• ", line)
        lines.append(_md_inline(line))
    return title, "\n".join(lines), headings


def _md_inline(line: str) -> str:
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_CODE.sub(r"\1", line)
    return str(_MD_EMPHASIS.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(3), line))


class _HtmlText(HTMLParser):
    """Visible text of an HTML page: blocks on lines of their own, headings remembered."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.heading: list[str] | None = None
        self.headings: set[str] = set()
        self.title = ""
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
            return
        if tag == "title" and not self.skip:
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.parts.append("\n")
            self.heading = []
        elif tag == "li":
            self.parts.append("• ")
        elif tag in {"td", "th", "sup"}:
            self.parts.append(" ")  # a superscript citation "sarcoma<sup>2</sup>" stays a marker: "sarcoma 2"

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag == "title":
            self.in_title = False
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and self.heading is not None:
            heading = " ".join("".join(self.heading).split())
            if heading:
                self.headings.add(heading)
                if tag == "h1" and not self.title:
                    self.title = heading
            self.heading = None
            self.parts.append("\n\n")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title = self.title or " ".join(data.split())
            return
        text = regex.sub(r"\s+", " ", data)
        if self.heading is not None:
            self.heading.append(text)
        self.parts.append(text)


def _from_html(text: str) -> tuple[str, str, set[str]]:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    body = "\n".join(lines)
    return parser.title, body, parser.headings


def _local(tag: object) -> str:
    name = tag if isinstance(tag, str) else ""
    return name.rsplit("}", 1)[-1]


def _from_jats(text: str, name: str) -> tuple[str, str, set[str]]:
    """JATS XML: article title, abstract and body sections, paragraphs with their [n] markers."""
    try:
        root = safe_xml.fromstring(text.encode("utf-8"))
    except (ParseError, DefusedXmlException) as error:
        raise InputError(name, f"malformed XML ({error})") from None
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
        elif tag == "list-item":
            out.append("• ")
            _jats_block(child, out, headings)
        elif tag == "tr":
            cells = [" ".join(_inline(cell).split()) for cell in child]
            out.append(" | ".join(cells) + "\n")
        elif tag in {"ref-list", "fn-group", "ack", "back"}:
            continue
        else:
            _jats_block(child, out, headings)


def _inline(element: Element) -> str:
    """The text of an inline element; a bare citation <xref> becomes "[n]" so it stays a marker."""
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = _local(child.tag)
        inner = _inline(child)
        if tag == "xref" and child.get("ref-type") == "bibr":
            before = "".join(parts).rstrip()
            bracketed = before.endswith(("[", "(", ",", "–", "-"))
            if regex.fullmatch(r"\s*\d+\s*", inner) and not bracketed:
                inner = f"[{inner.strip()}]"
        elif tag in {"table-wrap", "fig", "disp-formula"}:
            inner = ""
        parts.append(inner)
        parts.append(child.tail or "")
    return "".join(parts)


def _tidy(text: str) -> str:
    """Trailing spaces off each line, at most one blank line in a row."""
    lines = [line.rstrip() for line in text.split("\n")]
    return str(regex.sub(r"\n{3,}", "\n\n", "\n".join(lines))).strip("\n") + "\n"


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
        match = _HEADING.match(line)
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
