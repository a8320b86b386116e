"""One walker for markup: an HTML page or fragment, or an XML element, as a stream of `Event`s.

Labels (HTML pages, SPL sections, openFDA table HTML), articles (HTML) and the table grids read
the same stream: a tag opening, closing or standing empty (``<br/>``), and the text between, with
character references decoded. The walker hides what a reader never sees (scripts, styles,
``<noscript>``, ``<template>``, ``<svg>``) and refuses a page nested deeper than browsers build.

The HTML tokenizer is ours rather than ``html.parser``'s, which re-reads the rest of the text at
every malformed tag (quadratic: 40 KB of ``<a b='`` takes 7 s) and raises on ``<![x[``. On the
markup real pages use it gives the same events; where markup is broken it follows the HTML
standard: a tag, comment or quoted value left open runs to the end of the text.

XML is parsed here too (`parse_xml`): entity declarations and external references refused, depth
bounded while reading, every refusal a sentence.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from html import unescape
from typing import Literal, NamedTuple
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

from extractors.records import InputError
from extractors.text.patterns import markup as patterns

EventKind = Literal["open", "close", "empty", "text"]

# Elements whose content a reader never sees.
HIDDEN = frozenset({"script", "style", "noscript", "template", "svg"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
CELLS = frozenset({"td", "th"})

# Elements after which a line breaks. Labels keep the set their table reader was tuned on (with
# SPL's "paragraph" and "item"); articles break at every HTML block. One set for both would move
# the line breaks, and so every span, of the labels already read.
LABEL_BLOCKS = frozenset(
    {"paragraph", "p", "tr", "title", "caption", "item", "li", "br", "div", "h1", "h2", "h3", "h4", "table"}
)
ARTICLE_BLOCKS = frozenset(
    {"p", "div", "section", "article", "header", "footer", "main", "aside", "blockquote", "pre", "table", "tr"}
    | {"ul", "ol", "dl", "dt", "dd", "figure", "figcaption", "br", "hr", "li", "title"}
    | HEADINGS
)

# HTML elements that never hold content, and those a browser closes when the next one opens
# ("<p>one<p>two", "<li>a<li>b"): neither counts towards the depth of a page.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
_SELF_CLOSING = frozenset(
    {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup"}
    | {"rb", "rt", "rp"}
)
# A browser closes those only inside the same table or list: "<td><table><tr><td>" nests.
_SCOPES = ("table", "ul", "ol", "dl", "select")
# Browsers stop nesting at 512 (Chromium's parser); no real label or article comes near it.
MAX_HTML_DEPTH = 512
MAX_XML_DEPTH = 256  # the corpus's deepest SPL is 18 deep, JATS 11


# The places a table cell covers, (columns, rows): colspan and rowspan. Real labels span at most 11;
# a larger span is cut to this, so no cell can make a table of millions of places.
CellSpan = tuple[int, int]
MAX_CELL_SPAN = 64


class Event(NamedTuple):
    kind: EventKind
    value: str  # a tag's name in lower case, or the text


class MarkupError(ValueError):
    """Markup that is refused; the message is a sentence for the person who gave the file."""


def html_events(markup: str) -> Iterator[Event]:
    """The events of an HTML page or fragment; raises `MarkupError` when nested too deep.

    >>> [tuple(e) for e in html_events("<p>4.6 &amp; 1.6<br/></p><script>x()</script>")]
    [('open', 'p'), ('text', '4.6 & 1.6'), ('empty', 'br'), ('close', 'p')]
    """
    for event, _attributes in _visible(markup):
        yield event


def html_cell_spans(markup: str) -> Iterator[CellSpan]:
    """The (colspan, rowspan) of every table cell `html_events` gives for ``markup``, in its order
    (as `cell_spans` gives an XML element's); a missing or unreadable span is 1.

    >>> list(html_cell_spans('<tr><td colspan="3">HL</td><td/><th ROWSPAN=2>x</th></tr>'))
    [(3, 1), (1, 1), (1, 2)]
    """
    for (kind, name), attributes in _visible(markup):
        if name in CELLS and kind in {"open", "empty"}:
            yield _html_cell_span(attributes)


def html_events_and_spans(markup: str) -> tuple[list[Event], list[CellSpan]]:
    """`html_events` and `html_cell_spans` of ``markup`` from one scan of it."""
    events: list[Event] = []
    spans: list[CellSpan] = []
    for event, attributes in _visible(markup):
        events.append(event)
        if event.value in CELLS and event.kind in {"open", "empty"}:
            spans.append(_html_cell_span(attributes))
    return events, spans


def _html_cell_span(attributes: str) -> CellSpan:
    counts = {found["name"].lower(): found["count"] for found in patterns.CELL_SPAN.finditer(attributes)}
    return (_span_count(counts.get("colspan")), _span_count(counts.get("rowspan")))


def _visible(markup: str) -> Iterator[tuple[Event, str]]:
    """The events a reader sees, each with its tag's attributes as written ("" for text and end tags)."""
    hidden = 0
    depth = _Depth()
    for event, attributes in _tokens(markup):
        kind, name = event
        if kind == "text":
            if not hidden:
                yield event, attributes
            continue
        if name in HIDDEN and kind != "empty":
            hidden = hidden + 1 if kind == "open" else max(0, hidden - 1)
            continue
        if hidden:
            continue
        depth.step(kind, name)
        yield event, attributes


def _tokens(markup: str) -> Iterator[tuple[Event, str]]:
    """Tags and text in order, a tag with its attributes; text split where html.parser splits it (at
    every "<") and decoded. One scan finds each "<" and what it opens; a script's text restarts the
    scan after its end."""
    position, end = 0, len(markup)
    while position < end:
        for match in patterns.MARKUP_OR_BRACKET.finditer(markup, position):
            if match.start() > position:
                yield Event("text", unescape(markup[position : match.start()])), ""
            position = match.end()
            if match.group("lone"):  # "p < 0.001": a "<" that opens nothing is text
                yield Event("text", "<"), ""
            elif match.group("close"):
                yield Event("close", match.group("close").lower()), ""
            elif match.group("open"):
                name = match.group("open").lower()
                if match.group("end") == "/>":
                    yield Event("empty", name), match.group("attributes")
                    continue
                yield Event("open", name), match.group("attributes")
                if name in patterns.RAW_TEXT_END:  # a script's text is not markup: skip to its end tag
                    closing = patterns.RAW_TEXT_END[name].search(markup, position)
                    position = closing.end() if closing else end
                    yield Event("close", name), ""
                    break
        else:
            if position < end:
                yield Event("text", unescape(markup[position:])), ""
            return


class _Depth:
    """How deep the open elements of a page nest, counted as a browser would close them."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.where: dict[str, list[int]] = {}  # name → its positions in the stack

    def step(self, kind: EventKind, name: str) -> None:
        if kind == "empty" or name in _VOID:
            return
        if kind == "close" or (name in _SELF_CLOSING and self._in_scope(name)):
            self._close(name)
        if kind == "open":
            self.where.setdefault(name, []).append(len(self.stack))
            self.stack.append(name)
            if len(self.stack) > MAX_HTML_DEPTH:
                raise MarkupError(f"HTML nested more than {MAX_HTML_DEPTH} elements deep is refused")

    def _in_scope(self, name: str) -> bool:
        """Whether an open ``name`` lies inside the innermost open table or list."""
        positions = self.where.get(name)
        if not positions:
            return False
        scopes = [self.where[scope][-1] for scope in _SCOPES if self.where.get(scope)]
        return positions[-1] > max(scopes, default=-1)

    def _close(self, name: str) -> None:
        """Close the innermost open ``name`` and everything opened inside it; nothing if none is open."""
        positions = self.where.get(name)
        if not positions:
            return
        cut = positions[-1]
        while len(self.stack) > cut:
            self.where[self.stack.pop()].pop()


def element_events(root: Element) -> Iterator[Event]:
    """The events of an XML element and everything inside it (not its tail), without recursion."""
    todo: list[tuple[Element, bool]] = [(root, False)]
    while todo:
        node, done = todo.pop()
        name = local_name(node.tag)
        if done or (not node.text and not len(node)):
            yield Event("close" if done else "empty", name)
            if node is not root and node.tail:
                yield Event("text", node.tail)
            continue
        yield Event("open", name)
        if node.text:
            yield Event("text", node.text)
        todo.append((node, True))
        todo.extend((child, False) for child in reversed(node))


def cell_spans(root: Element) -> Iterator[CellSpan]:
    """The (colspan, rowspan) of every table cell in an XML element, in document order (the order
    `element_events` gives their events in); a missing or unreadable span is 1."""
    for node in root.iter():
        if local_name(node.tag) in CELLS:
            yield (_span_count(node.get("colspan")), _span_count(node.get("rowspan")))


def _span_count(value: str | None) -> int:
    digits = (value or "").strip()
    return min(int(digits), MAX_CELL_SPAN) if digits.isdigit() and int(digits) > 0 else 1


def subtree(first: Event, events: Iterator[Event]) -> list[Event]:
    """``first`` and the events up to the one that closes it, taken from ``events``."""
    taken = [first]
    if first.kind != "open":
        return taken
    depth = 1
    for event in events:
        taken.append(event)
        depth += {"open": 1, "close": -1}.get(event.kind, 0)
        if depth == 0:
            break
    return taken


def local_name(tag: object) -> str:
    """An XML element's name without its namespace, in lower case: "{urn:hl7-org:v3}td" → "td"."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def text_of(events: Iterable[Event]) -> str:
    return "".join(value for kind, value in events if kind == "text")


# ---------------------------------------------------------------------------------------------
# XML


def parse_xml(data: str, name: str) -> Element:
    """The root of an XML document, refusing entity declarations, external references and depth
    past `MAX_XML_DEPTH` with an `InputError` that says so in words."""
    parser = safe_xml.iterparse(
        io.BytesIO(data.encode("utf-8")),
        events=("start", "end"),
        forbid_dtd=False,
        forbid_entities=True,
        forbid_external=True,
    )
    depth = 0
    try:
        for event, _element in parser:
            depth += 1 if event == "start" else -1
            if depth > MAX_XML_DEPTH:
                raise InputError(name, f"XML nested more than {MAX_XML_DEPTH} elements deep is refused")
    except EntitiesForbidden:
        raise InputError(name, "XML with entity declarations is refused for safety") from None
    except ExternalReferenceForbidden:
        raise InputError(name, "XML that refers to outside files or addresses is refused for safety") from None
    except DefusedXmlException:
        raise InputError(name, "XML using a feature refused for safety (a DTD of this kind)") from None
    except ParseError as error:
        line, column = error.position
        raise InputError(name, f"malformed XML at line {line}, column {column + 1}: {_expat_reason(error)}") from None
    root: Element = parser.root
    return root


def _expat_reason(error: ParseError) -> str:
    """Expat's words without its position ("not well-formed (invalid token): line 3, column 4")."""
    return str(error).split(": line ", 1)[0]
