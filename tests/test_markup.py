"""The markup walker: events from HTML and XML, the same tables either way, refusals in words."""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree

import pytest

from extractors.ingest import grids, markup
from extractors.ingest.labels import source_from_bytes
from extractors.ingest.markup import MAX_HTML_DEPTH, MAX_XML_DEPTH, MarkupError
from extractors.ingest.table_alone import tables_alone
from extractors.records import InputError
from tests.conftest import CASES

EVENT_CASES: list[dict[str, Any]] = json.loads((CASES / "markup_events.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", EVENT_CASES, ids=[c["id"] for c in EVENT_CASES])
def test_html_events(case: dict[str, Any]) -> None:
    assert [list(event) for event in markup.html_events(case["markup"])] == case["events"]


TABLE = (
    "<table><caption>Table 9 Results</caption><tbody>"
    "<tr><td>PFS<footnote>a by IRC</footnote></td><td>4.6<br/>months</td><td/></tr>"
    "<tr><td></td><td></td></tr>"
    "</tbody><tfoot><tr><td>CI, confidence interval</td></tr></tfoot></table>"
)


def test_html_and_xml_give_the_same_table() -> None:
    from_html = grids.parse_tables(TABLE)
    from_xml = grids.collect_tables(markup.element_events(ElementTree.fromstring(TABLE)))
    assert from_html == from_xml
    (grid,) = from_html
    assert grid.caption == "Table 9 Results"
    assert grid.rows == [["PFS", "4.6 months", ""]]  # the all-empty row is dropped, the empty cell kept
    assert grid.notes == ["a by IRC", "CI, confidence interval"]


SPAN_CASES: list[dict[str, Any]] = json.loads((CASES / "grid_spans.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SPAN_CASES, ids=[c["id"] for c in SPAN_CASES])
def test_spl_cells_cover_the_places_they_span(case: dict[str, Any]) -> None:
    table = ElementTree.fromstring(case["markup"])
    (grid,) = grids.collect_tables(markup.element_events(table), markup.cell_spans(table))
    assert grid.rows == case["rows"]


@pytest.mark.parametrize("case", SPAN_CASES, ids=[c["id"] for c in SPAN_CASES])
def test_html_and_xml_give_the_same_spans(case: dict[str, Any]) -> None:
    """The openFDA table HTML's spans are read from its tags as an SPL table's from its elements."""
    from_xml = list(markup.cell_spans(ElementTree.fromstring(case["markup"])))
    assert list(markup.html_cell_spans(case["markup"])) == from_xml


HTML_SPAN_CASES: list[dict[str, Any]] = json.loads((CASES / "html_spans.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", HTML_SPAN_CASES, ids=[c["id"] for c in HTML_SPAN_CASES])
def test_html_header_names_cover_the_columns_they_span(case: dict[str, Any]) -> None:
    grids_read = grids.parse_tables(case["markup"], header_spans=True)
    assert [row for grid in grids_read for row in grid.rows] == case["rows"]


@pytest.mark.parametrize("case", HTML_SPAN_CASES, ids=[c["id"] for c in HTML_SPAN_CASES])
def test_html_tables_as_a_page_prints_them(case: dict[str, Any]) -> None:
    """Without the layout each cell is printed once, as a scraper sees the page."""
    assert [row for grid in grids.parse_tables(case["markup"]) for row in grid.rows] == case["printed"]


@pytest.mark.parametrize("case", HTML_SPAN_CASES, ids=[c["id"] for c in HTML_SPAN_CASES])
def test_tables_alone_are_flattened_from_the_cells_as_printed(case: dict[str, Any]) -> None:
    """The flattened forms articles quote are made from each cell once ("VOYAGER" over three
    columns is printed once), while the reader reads the label laid out."""
    record = {"clinical_studies": ["CLINICAL STUDIES"], "clinical_studies_table": [case["markup"]]}
    data = json.dumps(record).encode()
    laid_out = source_from_bytes(data, "label.json")
    printed = source_from_bytes(data, "label.json", laid_out=False)
    for source, rows in ((laid_out, case["rows"]), (printed, case["printed"])):
        flat = tables_alone(source, " ")[0].text
        assert flat == " ".join(" ".join(cell for cell in row if cell) for row in rows)


def test_html_tables_are_read_without_spans_by_default() -> None:
    """Negative: without ``header_spans`` (the adverse-reaction tables, a label as a page prints it)
    the openFDA table HTML is read cell by cell."""
    (grid,) = grids.parse_tables('<table><thead><tr><td/><td colspan="3">HL</td></tr></thead></table>')
    assert grid.rows == [["", "HL"]]


def test_html_spans_are_capped() -> None:
    """A hostile span is cut to `MAX_CELL_SPAN`, however many digits it has."""
    assert list(markup.html_cell_spans('<td colspan="99999999999999" rowspan=0>x</td>')) == [(64, 1)]


def test_element_events_do_not_recurse() -> None:
    root = current = ElementTree.Element("div")
    for _ in range(5000):  # deeper than Python's recursion limit
        current = ElementTree.SubElement(current, "div")
    current.text = "4.6"
    assert markup.text_of(markup.element_events(root)) == "4.6"


@pytest.mark.parametrize("unit", ["<div>", "<span>x", "<table><tr><td><table>"])
def test_html_nested_too_deep_is_refused(unit: str) -> None:
    with pytest.raises(MarkupError, match="nested more than"):
        list(markup.html_events(unit * (MAX_HTML_DEPTH + 1)))


@pytest.mark.parametrize("unit", ["<p>x", "<li>x", "<td>1</td>", "<br>", "<img src=x>", "<div></div>"])
def test_html_that_browsers_close_is_not_deep(unit: str) -> None:
    """Negative: unclosed paragraphs and list items, void elements and closed ones do not nest."""
    assert list(markup.html_events(unit * (MAX_HTML_DEPTH * 4)))


XML_REFUSALS = {
    "entity-expansion": (
        '<!DOCTYPE d [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><d>&b;</d>',
        "XML with entity declarations is refused for safety",
    ),
    "external-entity": (
        '<!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>',
        "XML with entity declarations is refused for safety",
    ),
    "too-deep": ("<d>" * (MAX_XML_DEPTH + 1), f"XML nested more than {MAX_XML_DEPTH} elements deep is refused"),
    "malformed": ("<d><e></d>", "malformed XML at line 1, column 9: mismatched tag"),
}


@pytest.mark.parametrize("case", XML_REFUSALS.values(), ids=XML_REFUSALS.keys())
def test_xml_refusals_are_sentences(case: tuple[str, str]) -> None:
    text, problem = case
    with pytest.raises(InputError) as raised:
        markup.parse_xml(text, "label.xml")
    assert raised.value.path == "label.xml"
    assert raised.value.problem == problem


def test_a_public_doctype_is_read() -> None:
    """Negative: PMC's JATS files start with a public DOCTYPE; that alone is not refused."""
    text = '<!DOCTYPE article PUBLIC "-//NLM//DTD JATS//EN" "JATS-archivearticle1.dtd"><article><p>4.6</p></article>'
    assert markup.local_name(markup.parse_xml(text, "a.xml").tag) == "article"
