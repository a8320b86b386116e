"""Report serializers, the HTML highlighter and the dashboard's figures, on records built by hand."""

from __future__ import annotations

import csv
import html
import io
import json
from html.parser import HTMLParser
from typing import Any

import pytest

from extractors.ingest.articles import article_from_bytes
from extractors.records import (
    Alternative,
    Article,
    Claim,
    ExtractReport,
    Flag,
    Measurement,
    Source,
    VerifyReport,
)
from extractors.report import (
    extract_csv,
    extract_json,
    extract_table,
    number,
    verify_csv,
    verify_html,
    verify_json,
    verify_table,
)
from extractors.views.frames import measurement_frame
from extractors.views.highlight import highlight_article, highlight_source
from tests.conftest import CASES

NUMBER_CASES: list[dict[str, Any]] = json.loads((CASES / "report_numbers.json").read_text(encoding="utf-8"))

LABEL = (
    "Table 9 PFS Overall ITT N = 246 N = 123 0.35 (0.26, 0.48) Median (months) 4.6 1.6 "
    "Leiomyosarcoma subgroup N = 109 N = 49 0.37 (0.23, 0.60) Median (months) 4.6 1.9 NR"
)
SOURCE = Source("votrient", "votrient.txt", "text", "pazopanib", "VOTRIENT label", LABEL)


def at(raw: str, start: int = 0) -> tuple[int, int]:
    """The span of ``raw`` in the label text, so every record below points at real characters."""
    i = LABEL.index(raw, start)
    return (i, i + len(raw))


def m(statistic: str, raw: str, value: float | None, **kw: Any) -> Measurement:
    start = kw.pop("after", 0)
    kw.setdefault("endpoint", "PFS")
    return Measurement("votrient", statistic, value, raw, at(raw, start), trial="VEG110727", **kw)


OVERALL_HR = m("hr", "0.35", 0.35, arm="Pazopanib", comparator="Placebo", ci_low=0.26, ci_high=0.48, ci_level=95,
               ci_low_raw="0.26", ci_high_raw="0.48", table="Table 9")  # fmt: skip
SUBGROUP_HR = m("hr", "0.37", 0.37, arm="Pazopanib", comparator="Placebo", ci_low=0.23, ci_high=0.60, ci_level=95,
                ci_low_raw="0.23", ci_high_raw="0.60", population="Leiomyosarcoma subgroup", table="Table 9")  # fmt: skip
MEASUREMENTS = (
    m("n", "246", 246.0, arm="Pazopanib", unit="patients"),
    m("median", "4.6", 4.6, arm="Pazopanib", unit="months", table="Table 9"),
    m("median", "1.6", 1.6, arm="Placebo", unit="months", table="Table 9"),
    SUBGROUP_HR,  # stated before the overall ratio on purpose: the plot must still put the overall first
    OVERALL_HR,
    m("median", "NR", None, arm="Placebo", unit="months", qualifier="NR", population="Leiomyosarcoma subgroup"),
    m("median", "4.6", 4.6, arm="Pazopanib", unit="months", population="Leiomyosarcoma subgroup", after=150),
)

ARTICLE_TEXT = "Median PFS was 4.6 months with pazopanib. Pazopanib is the treatment for all sarcoma."


def claim(value_raw: str | None, verdict: str, evidence: Measurement | None = None, **kw: Any) -> Claim:
    sentence = ARTICLE_TEXT.split(". ")[0] + "." if value_raw else "Pazopanib is the treatment for all sarcoma."
    start = ARTICLE_TEXT.index(sentence)
    value_span = None
    value = None
    if value_raw:
        vs = ARTICLE_TEXT.index(value_raw)
        value_span = (vs, vs + len(value_raw))
        value = float(value_raw)
    return Claim(sentence, (start, start + len(sentence)), value_span, value, verdict=verdict,  # type: ignore[arg-type]
                 evidence=evidence, raw=value_raw, **kw)  # fmt: skip


CLAIMS = (
    claim(
        "4.6",
        "supported",
        MEASUREMENTS[1],
        statistic="median",
        endpoint="PFS",
        arm="pazopanib",
        unit="months",
        explanation="Label Table 9: pazopanib median PFS 4.6 months.",
    ),
    claim(None, "overgeneralized", kind="population_extrapolation", explanation="The trial enrolled metastatic STS."),
)
VERIFY = VerifyReport(Article("article.txt", "An article", ARTICLE_TEXT), (SOURCE,), MEASUREMENTS, CLAIMS)
EXTRACT = ExtractReport((SOURCE,), MEASUREMENTS)


# --- numbers --------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", NUMBER_CASES, ids=[c["id"] for c in NUMBER_CASES])
def test_number_is_int_only_when_printed_without_decimals(case: dict[str, Any]) -> None:
    value = float(case["value"]) if case["value"] is not None else None
    result = number(value, case["raw"])
    assert result == case["expected"]
    assert type(result).__name__ == {"int": "int", "float": "float", "null": "NoneType"}[case["type"]]


# --- JSON -----------------------------------------------------------------------------------------


def test_extract_json_shape_and_types() -> None:
    data = json.loads(extract_json(EXTRACT))
    assert [s["id"] for s in data["sources"]] == ["votrient"]
    first, hr, nr = data["measurements"][0], data["measurements"][4], data["measurements"][5]
    assert first["value"] == 246 and isinstance(first["value"], int)
    assert hr["value"] == 0.35 and hr["ci_low"] == 0.26 and hr["ci_high"] == 0.48 and hr["ci_level"] == 95
    assert nr["value"] is None and nr["qualifier"] == "NR"
    for item in data["measurements"]:
        assert isinstance(item["span"], list) and len(item["span"]) == 2
        assert LABEL[item["span"][0] : item["span"][1]] == item["raw"]


def test_json_carries_flags_and_alternatives() -> None:
    flagged = m("hr", "0.35", 0.35, flags=(Flag("ci_excludes_estimate", "error", "0.35 is outside (0.40, 0.60)"),),
                alternatives=(Alternative(3.5, None, None, "HR 3.5 would not fit its CI"),))  # fmt: skip
    item = json.loads(extract_json(ExtractReport((SOURCE,), (flagged,))))["measurements"][0]
    assert item["flags"] == [
        {"check": "ci_excludes_estimate", "severity": "error", "message": "0.35 is outside (0.40, 0.60)"}
    ]
    assert item["alternatives"] == [
        {"value": 3.5, "ci_low": None, "ci_high": None, "why": "HR 3.5 would not fit its CI"}
    ]


def test_verify_json_shape() -> None:
    data = json.loads(verify_json(VERIFY))
    assert data["summary"] == {"supported": 1, "contradicted": 0, "overgeneralized": 1, "unverifiable": 0}
    supported, scope = data["claims"]
    assert supported["value"] == 4.6 and supported["value_span"] == [15, 18]
    assert ARTICLE_TEXT[15:18] == "4.6"
    assert supported["evidence"]["raw"] == "4.6" and supported["evidence"]["source"] == "votrient"
    assert scope["value"] is None and scope["value_span"] is None and scope["kind"] == "population_extrapolation"
    assert data["article"]["text"] == ARTICLE_TEXT


def test_verify_summary_prefers_the_reports_own_counts() -> None:
    report = VerifyReport(VERIFY.article, VERIFY.sources, (), VERIFY.claims, {"supported": 1, "overgeneralized": 1})
    assert json.loads(verify_json(report))["summary"]["contradicted"] == 0


# --- CSV ------------------------------------------------------------------------------------------


def test_extract_csv_rows() -> None:
    rows = list(csv.DictReader(io.StringIO(extract_csv(EXTRACT))))
    assert len(rows) == len(MEASUREMENTS)
    assert rows[0]["value"] == "246" and rows[0]["raw"] == "246"
    assert rows[5]["value"] == "" and rows[5]["qualifier"] == "NR"  # not reached is empty, never 0
    assert (int(rows[4]["span_start"]), int(rows[4]["span_end"])) == OVERALL_HR.span


def test_verify_csv_rows_and_formula_text_is_neutralised() -> None:
    text = '=HYPERLINK("http://x") median PFS 4.6'
    hostile = Claim(text, (0, len(text)), (len(text) - 3, len(text)), 4.6, verdict="contradicted", explanation="-1+2")
    report = VerifyReport(Article("a.txt", "a", text), (), (), (hostile,))
    row = next(csv.DictReader(io.StringIO(verify_csv(report))))
    assert row["text"].startswith("'=") and row["explanation"] == "'-1+2"
    assert row["value"] == "4.6" and row["verdict"] == "contradicted"
    assert len(list(csv.DictReader(io.StringIO(verify_csv(VERIFY))))) == len(CLAIMS)


# --- text tables ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("severity", "mark"), [("error", "!"), ("warning", "?")], ids=["error-marked-bang", "warning-marked-question"]
)
def test_extract_table_marks_flags(severity: str, mark: str) -> None:
    flagged = m("hr", "0.35", 0.35, flags=(Flag("ci_asymmetric", severity, "look"),))  # type: ignore[arg-type]
    clean = m("median", "4.6", 4.6)
    text = extract_table(ExtractReport((SOURCE,), (clean, flagged)))
    rows = text.split("\n\n")[1].splitlines()[2:]
    assert rows[0].split()[1] == "VEG110727"  # no flag, so the flag column is blank
    assert rows[1].split()[1] == mark
    assert f"{mark} #2 ci_asymmetric: look" in text


def test_tables_strip_terminal_control_characters() -> None:
    text = "Median \x1b[31mPFS\x1b[0m 4.6"
    hostile = Claim(text, (0, len(text)), (len(text) - 3, len(text)), 4.6, verdict="supported")
    out = verify_table(VerifyReport(Article("a.txt", "t\x1b]0;x\x07", text), (), (), (hostile,)))
    assert "\x1b" not in out and "\x07" not in out
    assert "SUPPORTED" in out


def test_verify_table_says_each_verdict_in_words() -> None:
    out = verify_table(VERIFY)
    assert "SUPPORTED" in out and "OVERGENERALIZED" in out
    assert "Summary: 1 supported, 0 contradicted, 1 overgeneralized, 0 unverifiable" in out
    assert "Label Table 9: pazopanib median PFS 4.6 months." in out


# --- HTML -----------------------------------------------------------------------------------------

XSS = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"


class _Tags(HTMLParser):
    """Collects start tags and checks that every opened span/mark/div is closed in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br", "img", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def parse(markup: str) -> _Tags:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    return parser


def test_verify_html_is_standalone_and_escapes_everything() -> None:
    text = f"Median PFS was 4.6 months. {XSS}"
    c = Claim(text, (0, len(text)), (15, 18), 4.6, verdict="contradicted", kind="wrong_value", explanation=XSS,
              evidence=MEASUREMENTS[1])  # fmt: skip
    hostile_source = Source("votrient", XSS, "text", None, XSS, LABEL)
    page = verify_html(VerifyReport(Article(XSS, XSS, text), (hostile_source,), MEASUREMENTS, (c,)))
    tags = parse(page)
    names = {t for t, _ in tags.tags}
    assert "script" not in names and "img" not in names
    assert not any(k.startswith("on") for _, attrs in tags.tags for k in attrs)
    assert html.escape(XSS) in page  # shown as text
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "http://" not in page and "https://" not in page  # nothing fetched from elsewhere
    assert "contradicted" in page  # the verdict in words, not colour alone


def test_highlight_article_nests_and_labels() -> None:
    text = "The treatment for all sarcoma is pazopanib 800 mg daily."
    dose = text.index("800")
    claims = (
        Claim(text, (0, len(text)), None, None, verdict="overgeneralized"),
        Claim(text, (0, len(text)), (dose, dose + 3), 800.0, verdict="supported"),
    )
    markup = highlight_article(text, claims, selected=1)
    tags = parse(markup)
    assert not tags.stack
    classes = [attrs.get("class") or "" for tag, attrs in tags.tags if tag == "span"]
    assert any("tp-overgeneralized" in c and "tp-outer" in c for c in classes)
    assert any("tp-supported" in c and "tp-selected" in c for c in classes)
    assert "1 ⚠ overgeneralized" in markup and "2 ✓ supported" in markup


def test_highlight_article_escapes_script_and_img() -> None:
    text = f"Median PFS {XSS} was 4.6 months."
    vs = text.index("4.6")
    markup = highlight_article(text, (Claim(text, (0, len(text)), (vs, vs + 3), 4.6, verdict="supported"),))
    names = {t for t, _ in parse(markup).tags}
    assert names <= {"div", "span"}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup and "&lt;img src=x onerror=alert(1)&gt;" in markup


@pytest.mark.parametrize(
    "span",
    [(0, 0), (10, 5), (-3, 2), (len(ARTICLE_TEXT) + 1, len(ARTICLE_TEXT) + 5)],
    ids=["empty", "reversed", "negative", "past-end"],
)
def test_highlight_article_ignores_impossible_spans(span: tuple[int, int]) -> None:
    bad = Claim(ARTICLE_TEXT, span, span, 1.0, verdict="supported")
    markup = highlight_article(ARTICLE_TEXT, (bad,))
    assert "tp-claim" not in markup and html.escape(ARTICLE_TEXT) in markup


def test_highlight_source_marks_the_span() -> None:
    markup = highlight_source(LABEL, OVERALL_HR.span, at("(0.26, 0.48)"), context=20)
    assert "<mark>0.35</mark>" in markup and '<mark class="tp-ci">(0.26, 0.48)</mark>' in markup
    assert markup.count("…") == 2  # cut on both sides
    assert "<mark>&lt;b&gt;</mark>" in highlight_source("a <b> c", (2, 5))


@pytest.mark.parametrize(
    ("raw", "value", "shown"),
    [("0.20", 0.2, "0.20"), ("0. 39", 0.39, "0.39"), ("246", 246.0, "246"), ("9.0", 9.0, "9.0")],
    ids=["trailing-zero-kept", "damaged-decimal-joined", "integer", "point-zero-kept"],
)
def test_values_are_shown_as_printed(raw: str, value: float, shown: str) -> None:
    source = Source("s", "s.txt", "text", None, "s", f"x {raw} y")
    measurement = Measurement("s", "hr", value, raw, (2, 2 + len(raw)))
    assert measurement_frame((measurement,)).iloc[0]["value"] == shown
    table = extract_table(ExtractReport((source,), (measurement,)))
    assert f" {shown} " in table.split("\n\n")[1].splitlines()[2]


def test_highlight_article_shows_a_table_as_a_table_with_its_cells_marked() -> None:
    article = article_from_bytes(
        b"# Review\n\nBefore.\n\n| Trial | Median PFS |\n|---|---|\n| FLAURA | 18.9 <b> |\n\nAfter.\n", "a.md"
    )
    at = article.text.index("18.9")
    claim = Claim("18.9 <b>", article.tables[0].rows[1][1], (at, at + 4), 18.9, verdict="supported")
    markup = highlight_article(article.text, (claim,), tables=article.tables)
    tags = parse(markup)
    assert not tags.stack
    assert [t for t, _ in tags.tags].count("td") == 4
    assert '<td><span class="tp-claim tp-supported"' in markup and "&lt;b&gt;" in markup
    assert "Before." in markup and "After." in markup and "|---|" not in markup
    # without its tables the same text is shown as it is, the table's lines included
    assert "| FLAURA |" in highlight_article(article.text, (claim,))
