"""Read a label file of any supported kind into a `Source` whose text every span indexes into.

The kind is detected from the content, never trusted from the file name: openFDA drug-label
JSON (one record or an API response with ``results``), DailyMed SPL XML, HTML, or plain text.
Every problem with the input becomes an `InputError` naming the file and the problem.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from extractors.ingest import grids as structured
from extractors.ingest import markup
from extractors.ingest.files import decode_text, input_name, load_json, read_input
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


def load_source(path: str, laid_out: bool = True) -> Source:
    """Read the label file at ``path``; raise `InputError` when it cannot be used. ``laid_out``: see
    `source_from_bytes`."""
    return source_from_bytes(read_input(path, "a label file"), input_name(path), laid_out)


def source_from_bytes(data: bytes, name: str, laid_out: bool = True) -> Source:
    """Build a `Source` from the bytes of an uploaded or pasted label called ``name``.

    A table cell that spans columns or rows is printed over each place it covers, as the reader
    reads it (`grids`); with ``laid_out`` False each cell is printed once, as a page shows it to a
    scraper: the tables articles quote flattened are made from that (`table_alone`)."""
    text = decode_text(data, name)
    source_id = _source_id(name)
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return _from_openfda_json(text, name, source_id, laid_out)
    if stripped.startswith("<"):
        head = stripped[:4000].lower()
        if patterns.JATS.search(head):
            raise InputError(name, "this is a journal article (JATS), not a label: give it as the article to verify")
        if "urn:hl7-org:v3" in head or head.startswith("<?xml"):
            return _from_spl_xml(text, name, source_id, laid_out)
        return _from_html(text, name, source_id)
    return Source(source_id, name, "text", _guess_drug(text), _first_line(text), text)


def _from_openfda_json(text: str, name: str, source_id: str, laid_out: bool = True) -> Source:
    record = _openfda_record(load_json(text, name))
    if record is None:
        raise InputError(name, "JSON is not an openFDA drug label (no label sections such as clinical_studies)")
    parts = []
    for heading, key in _OPENFDA_SECTIONS:
        body = " ".join(_strings(record.get(key))).strip()
        if body:
            parts.append(f"{heading}\n{body}")
    try:
        tables = [
            structured.render_table(grid)
            for html in _strings(record.get("clinical_studies_table"))
            for grid in structured.parse_tables(html, header_spans=laid_out)
        ]
    except markup.MarkupError as error:
        raise InputError(name, f"a clinical studies table: {error}") from None
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
    adverse_prose = " ".join(_strings(record.get("adverse_reactions"))).strip()
    if adverse_prose:
        parts.append(f"{structured.ADVERSE_PROSE_HEADING}\n{adverse_prose}")
    openfda = record.get("openfda")
    if not isinstance(openfda, dict):
        openfda = {}
    drug = _first(openfda.get("generic_name")) or _guess_drug(text)
    brand = _first(openfda.get("brand_name"))
    title = " ".join(x for x in (brand or drug or "label", _scalar_text(record.get("effective_time"))) if x).strip()
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


def _from_spl_xml(text: str, name: str, source_id: str, laid_out: bool = True) -> Source:
    root = markup.parse_xml(text, name)
    if not isinstance(root.tag, str) or not root.tag.startswith(_HL7):
        raise InputError(name, f"XML is not an SPL label document (root element <{markup.local_name(root.tag)}>)")
    parts = []
    for heading, code in _SPL_SECTIONS:
        for section in root.iter(f"{_HL7}section"):
            code_element = section.find(f"{_HL7}code")
            if code_element is not None and code_element.get("code") == code:
                body = _xml_text(section, laid_out=laid_out).strip()
                if body:
                    parts.append(f"{heading}\n{body}")
                break
    if not parts:
        raise InputError(name, "SPL document has no indications or clinical studies section")
    adverse = _spl_tables(root, _SPL_ADVERSE_REACTIONS, laid_out)
    if adverse:
        parts.append(f"{structured.ADVERSE_TABLES_HEADING}\n" + "\n\n".join(adverse))
    adverse_prose = _spl_prose(root, _SPL_ADVERSE_REACTIONS)
    if adverse_prose:
        parts.append(f"{structured.ADVERSE_PROSE_HEADING}\n{adverse_prose}")
    title_element = root.find(f"{_HL7}title")
    title = " ".join(_xml_text(title_element).split()) if title_element is not None else _first_line(text)
    body_text = "\n\n".join(parts)
    drug = _spl_drug(root) or _guess_drug(body_text)
    return Source(source_id, name, "spl-xml", drug, title[:200], body_text)


def _spl_tables(root: Element, code: str, laid_out: bool = True) -> list[str]:
    """The tables of the first SPL section with LOINC ``code``, rendered with their cells kept
    (``laid_out``: over the places they span)."""
    for section in root.iter(f"{_HL7}section"):
        code_element = section.find(f"{_HL7}code")
        if code_element is not None and code_element.get("code") == code:
            return [
                structured.render_table(grid)
                for table in section.iter(f"{_HL7}table")
                for grid in structured.collect_tables(
                    markup.element_events(table), markup.cell_spans(table) if laid_out else None
                )
            ]
    return []


def _spl_prose(root: Element, code: str) -> str:
    """The text of the first SPL section with LOINC ``code``, its tables left out (they are read
    from their own heading)."""
    for section in root.iter(f"{_HL7}section"):
        code_element = section.find(f"{_HL7}code")
        if code_element is not None and code_element.get("code") == code:
            return _xml_text(section, tables=False).strip()
    return ""


def _spl_drug(root: Element) -> str | None:
    for medicine in root.iter(f"{_HL7}manufacturedProduct"):
        generic = medicine.find(f".//{_HL7}genericMedicine/{_HL7}name")
        if generic is not None and generic.text:
            return generic.text.strip().lower()
    return None


def _xml_text(element: Element, tables: bool = True, laid_out: bool = True) -> str:
    """The text of an XML element: block elements end their line, table cells are spaced, and
    tables keep their cell boundaries (see grids.render_table; ``laid_out``: over the places the
    cells span), or are left out."""
    pieces: list[str] = []
    events = markup.element_events(element)
    spans = markup.cell_spans(element) if laid_out else None  # every cell's, in the tables' events' order
    for event in events:
        kind, name = event
        if kind == "text":
            pieces.append(name)
        elif name == "table":
            grids = structured.collect_tables(markup.subtree(event, events), spans)
            pieces.extend(f"\n\n{structured.render_table(grid)}\n\n" for grid in grids if tables)
        elif kind != "open":
            pieces.append(_line_break(name))
    return collapse_spaces("".join(pieces))


def _line_break(name: str) -> str:
    """What ends an element in a label's text: a space after a cell, a line after a block."""
    if name in markup.CELLS:
        return " "
    return "\n" if name in markup.LABEL_BLOCKS else ""


def html_to_text(page: str) -> tuple[str, str]:
    """(title, visible text) of an HTML page; raises `markup.MarkupError` only when nested too deep."""
    pieces: list[str] = []
    title: list[str] = []
    in_title = False
    for kind, value in markup.html_events(page):
        if kind == "text":
            (title if in_title else pieces).append(value)
        elif value == "title":
            in_title = kind == "open"
        elif kind == "open":
            pieces.append("\n" if value in markup.LABEL_BLOCKS else "")
        elif kind == "close":
            pieces.append(_line_break(value))
        else:  # an empty element, <br/>, opens and closes
            pieces.append(("\n" if value in markup.LABEL_BLOCKS else "") + _line_break(value))
    return " ".join("".join(title).split()), collapse_spaces("".join(pieces)).strip()


def _from_html(text: str, name: str, source_id: str) -> Source:
    try:
        title, body = html_to_text(text)
    except markup.MarkupError as error:
        raise InputError(name, str(error)) from None
    if not body:
        raise InputError(name, "HTML page has no visible text")
    return Source(source_id, name, "html", _guess_drug(body), title or _first_line(body), body)


def _guess_drug(text: str) -> str | None:
    """The drug a label text is about: the word 'efficacy of X was evaluated' names, if any."""
    match = prose_patterns.EFFICACY_OF_DRUG.search(text)
    return match.group("drug").lower() if match else None


def _strings(value: Any) -> list[str]:
    """The texts of an openFDA field: a list of strings (other items skipped), or one string."""
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _scalar_text(value: Any) -> str:
    """A field printed as is when it is text or a whole number ("20230915"), else nothing."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else ""


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
