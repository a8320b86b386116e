"""Read a label file of any supported kind into a `Source` whose text every span indexes into.

The kind is detected from the content, never trusted from the file name: openFDA drug-label
JSON (one record or an API response with ``results``), DailyMed SPL XML, HTML, or plain text.
Every problem with the input becomes an `InputError` naming the file and the problem.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.etree import ElementTree
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from extractors.ingest import grids as structured
from extractors.ingest.files import decode_text, read_input
from extractors.records import InputError, Source
from extractors.text.patterns import prose as prose_patterns
from extractors.text.patterns import text as patterns
from extractors.text.repairs import collapse_spaces

# openFDA label sections that carry what a reviewer checks claims against, in reading order.
_OPENFDA_SECTIONS = (
    ("INDICATIONS AND USAGE", "indications_and_usage"),
    ("DOSAGE AND ADMINISTRATION", "dosage_and_administration"),
    ("CLINICAL STUDIES", "clinical_studies"),
)
_LABEL_KEYS = {"set_id", "openfda", "spl_product_data_elements", "clinical_studies", "indications_and_usage"}

# SPL section codes (LOINC) read from an SPL document.
_SPL_SECTIONS = (
    ("INDICATIONS AND USAGE", "34067-9"),
    ("DOSAGE AND ADMINISTRATION", "34068-7"),
    ("CLINICAL STUDIES", "34092-7"),
)
_HL7 = "{urn:hl7-org:v3}"
_SPL_ADVERSE_REACTIONS = "34084-4"  # its tables only: per-arm percentages of each reaction and grade


def load_source(path: str) -> Source:
    """Read the label file at ``path``; raise `InputError` when it cannot be used."""
    return source_from_bytes(read_input(path, "a label file"), path)


def source_from_bytes(data: bytes, name: str) -> Source:
    """Build a `Source` from the bytes of an uploaded or pasted label called ``name``."""
    text = decode_text(data, name)
    source_id = _source_id(name)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return _from_openfda_json(text, name, source_id)
    if stripped.startswith("<"):
        head = stripped[:4000].lower()
        if patterns.JATS.search(head):
            raise InputError(name, "this is a journal article (JATS), not a label: give it as the article to verify")
        if "urn:hl7-org:v3" in head or head.startswith("<?xml"):
            return _from_spl_xml(text, name, source_id)
        return _from_html(text, name, source_id)
    return Source(source_id, name, "text", _guess_drug(text), _first_line(text), text)


def _from_openfda_json(text: str, name: str, source_id: str) -> Source:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(name, f"malformed JSON at line {error.lineno}: {error.msg}") from None
    record = _openfda_record(document)
    if record is None:
        raise InputError(name, "JSON is not an openFDA drug label (no label sections such as clinical_studies)")
    parts = []
    for heading, key in _OPENFDA_SECTIONS:
        body = " ".join(str(item) for item in record.get(key) or [] if isinstance(item, str)).strip()
        if body:
            parts.append(f"{heading}\n{body}")
    tables = [
        structured.render_table(grid)
        for markup in record.get("clinical_studies_table") or []
        if isinstance(markup, str)
        for grid in structured.parse_tables(markup)
    ]
    if tables:
        parts.append(f"{structured.TABLES_HEADING}\n" + "\n\n".join(tables))
    adverse = [
        structured.render_table(grid)
        for markup in record.get("adverse_reactions_table") or []
        if isinstance(markup, str)
        for grid in structured.parse_tables(markup)
    ]
    if adverse:
        parts.append(f"{structured.ADVERSE_TABLES_HEADING}\n" + "\n\n".join(adverse))
    if not parts:
        raise InputError(name, "openFDA label has no indications or clinical studies text")
    openfda = record.get("openfda") or {}
    drug = _first(openfda.get("generic_name")) or _guess_drug(text)
    brand = _first(openfda.get("brand_name"))
    title = " ".join(x for x in (brand or drug or "label", record.get("effective_time") or "") if x).strip()
    return Source(source_id, name, "openfda-json", drug.lower() if drug else None, title, "\n\n".join(parts))


def _openfda_record(document: Any) -> dict[str, Any] | None:
    if isinstance(document, dict) and isinstance(document.get("results"), list):
        records = [r for r in document["results"] if isinstance(r, dict)]
        document = records[0] if records else None
    if isinstance(document, list) and document and isinstance(document[0], dict):
        document = document[0]
    if isinstance(document, dict) and _LABEL_KEYS & document.keys():
        return document
    return None


def _from_spl_xml(text: str, name: str, source_id: str) -> Source:
    try:
        root = safe_xml.fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise InputError(name, f"XML refused for safety: {type(error).__name__}") from None
    except safe_xml.ParseError as error:
        raise InputError(name, f"malformed XML: {error}") from None
    if not root.tag.startswith(_HL7):
        raise InputError(name, f"XML is not an SPL label document (root element {root.tag!r})")
    parts = []
    for heading, code in _SPL_SECTIONS:
        for section in root.iter(f"{_HL7}section"):
            code_element = section.find(f"{_HL7}code")
            if code_element is not None and code_element.get("code") == code:
                body = _xml_text(section).strip()
                if body:
                    parts.append(f"{heading}\n{body}")
                break
    if not parts:
        raise InputError(name, "SPL document has no indications or clinical studies section")
    adverse = _spl_tables(root, _SPL_ADVERSE_REACTIONS)
    if adverse:
        parts.append(f"{structured.ADVERSE_TABLES_HEADING}\n" + "\n\n".join(adverse))
    title_element = root.find(f"{_HL7}title")
    title = " ".join(_xml_text(title_element).split()) if title_element is not None else _first_line(text)
    body_text = "\n\n".join(parts)
    drug = _spl_drug(root) or _guess_drug(body_text)
    return Source(source_id, name, "spl-xml", drug, title[:200], body_text)


def _spl_tables(root: Element, code: str) -> list[str]:
    """The tables of the first SPL section with LOINC ``code``, rendered with their cells kept."""
    for section in root.iter(f"{_HL7}section"):
        code_element = section.find(f"{_HL7}code")
        if code_element is not None and code_element.get("code") == code:
            return [
                structured.render_table(grid)
                for table in section.iter(f"{_HL7}table")
                for grid in structured.parse_tables(ElementTree.tostring(table, encoding="unicode"))
            ]
    return []


def _spl_drug(root: Element) -> str | None:
    for medicine in root.iter(f"{_HL7}manufacturedProduct"):
        generic = medicine.find(f".//{_HL7}genericMedicine/{_HL7}name")
        if generic is not None and generic.text:
            return generic.text.strip().lower()
    return None


# Elements after which SPL and HTML text breaks a line, so table rows and paragraphs stay apart.
_BLOCK_TAGS = {"paragraph", "p", "tr", "title", "caption", "item", "li", "br", "div", "h1", "h2", "h3", "h4", "table"}
_CELL_TAGS = {"td", "th"}


def _xml_text(element: Element) -> str:
    """The text of an XML element: block elements on their own lines, table cells spaced."""
    pieces: list[str] = []

    def walk(node: Element) -> None:
        local = node.tag.rsplit("}", 1)[-1] if isinstance(node.tag, str) else ""
        if local == "table":  # keep its cell boundaries: see structured.render_table
            markup = ElementTree.tostring(node, encoding="unicode")
            pieces.extend(f"\n\n{structured.render_table(grid)}\n\n" for grid in structured.parse_tables(markup))
            return
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if local in _CELL_TAGS:
            pieces.append(" ")
        elif local in _BLOCK_TAGS:
            pieces.append("\n")

    walk(element)
    return collapse_spaces("".join(pieces))


class _HtmlText(HTMLParser):
    """Visible text of an HTML page: scripts and styles dropped, blocks on their own lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "noscript", "template"}:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "noscript", "template"}:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in _CELL_TAGS:
            self.pieces.append(" ")
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.pieces.append(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """(title, visible text) of an HTML document; never raises on malformed markup."""
    parser = _HtmlText()
    parser.feed(markup)
    parser.close()
    return " ".join(parser.title.split()), collapse_spaces("".join(parser.pieces)).strip()


def _from_html(text: str, name: str, source_id: str) -> Source:
    title, body = html_to_text(text)
    if not body:
        raise InputError(name, "HTML page has no visible text")
    return Source(source_id, name, "html", _guess_drug(body), title or _first_line(body), body)


def _guess_drug(text: str) -> str | None:
    """The drug a label text is about: the word 'efficacy of X was evaluated' names, if any."""
    match = prose_patterns.EFFICACY_OF_DRUG.search(text)
    return match.group("drug").lower() if match else None


def _first(values: Any) -> str | None:
    return values[0] if isinstance(values, list) and values and isinstance(values[0], str) else None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def _source_id(name: str) -> str:
    stem = Path(name).stem.lower() or "source"
    return patterns.NON_SLUG.sub("-", stem).strip("-") or "source"
