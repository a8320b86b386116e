"""The dashboard's building blocks (extractors/views), streamlit-free, on records built by hand and on
the TAGRISSO label (five trials) when the shared corpus is beside the clone."""

from __future__ import annotations

import html
import itertools
import json
import math
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import extract, load_article, load_source, verify
from extractors.records import (
    Alternative,
    Article,
    Claim,
    Flag,
    Measurement,
    Qualifier,
    Source,
    TrialScope,
    VerifyReport,
)
from extractors.text.names import labels_named_in
from extractors.views.bars import median_figure, rate_figure
from extractors.views.evidence import (
    cell_words,
    evidence_html,
    find_grid,
    label_wording,
    sentence_around,
    shown_rows,
)
from extractors.views.figures import forest_figure, forest_rows, trials_with_results
from extractors.views.frames import (
    MEASUREMENT_WIDTHS,
    arm_key,
    arm_names,
    claim_kinds,
    claim_label,
    filter_claims,
    measurement_frame,
)
from extractors.views.highlight import highlight_article
from extractors.views.panel import claim_panel_html, css_string, notice_html, refused_chip_css
from extractors.views.words import claim_notes, kind_words, markdown_text, verdict_markdown
from tests.conftest import CASES, shared_file

SENTENCE_CASES: list[dict[str, Any]] = json.loads((CASES / "views_sentences.json").read_text(encoding="utf-8"))

# A label whose table kept its cell boundaries, rendered as ingest renders it (grids.render_table).
GRID_LABEL = (
    "Efficacy results are in Table 2. The median PFS was 9.1 months (HR=0.45; 95% CI: 0.30, 0.62).\n\n"
    "Table 2. Efficacy Results in TRIAL-1\n"
    "Stratified log-rank test.\n"
    "| Efficacy Parameter | DRUGX (N=100) | Placebo (N=50) |\n"
    "| Progression-Free Survival (PFS) |\n"
    "| Median PFS in months (95% CI) | 9.1 (7.0, 11.2) | 4.3 (3.9, 5.0) |\n"
    "| Hazard Ratio (95% CI) | 0.45 (0.30, 0.62) |\n"
    "| Response <script>alert(1)</script> | 30 | 10 |\n"
)
GRID = Source("grid", "grid.json", "openfda-json", "drugx", "DRUGX label", GRID_LABEL)
# The same results with the table flattened, as a scraped page prints them.
FLAT_LABEL = "Table 2 Efficacy Results Endpoint DRUGXPlacebo PFS Median (months)9.14.3(0.30,0.62) Next text."
FLAT = Source("flat", "flat.txt", "text", "drugx", "DRUGX quote", FLAT_LABEL)


def at(text: str, raw: str, start: int = 0) -> tuple[int, int]:
    i = text.index(raw, start)
    return (i, i + len(raw))


def grid_m(statistic: str, raw: str, value: float | None, after: str = "", **kw: Any) -> Measurement:
    span = at(GRID_LABEL, raw, GRID_LABEL.index(after) if after else 0)
    kw.setdefault("endpoint", "PFS")
    return Measurement("grid", statistic, value, raw, span, trial="TRIAL-1", **kw)


GRID_MEDIAN = grid_m("median", "9.1", 9.1, after="| Median", arm="DRUGX (N=100)", unit="months", table="Table 2",
                     row="Median PFS in months (95% CI)", column="DRUGX (N=100)", ci_low=7.0, ci_high=11.2,
                     ci_span=at(GRID_LABEL, "(7.0, 11.2)"), assessment="investigator")  # fmt: skip
GRID_PLACEBO = grid_m("median", "4.3", 4.3, after="| Median", arm="Placebo", unit="months", table="Table 2",
                      row="Median PFS in months (95% CI)", column="Placebo (N=50)", ci_low=3.9, ci_high=5.0,
                      ci_span=at(GRID_LABEL, "(3.9, 5.0)"), assessment="investigator")  # fmt: skip
GRID_HR = grid_m("hr", "0.45", 0.45, after="| Hazard", arm="DRUGX", comparator="Placebo", table="Table 2",
                 row="Hazard Ratio (95% CI)", column="HR", ci_low=0.30, ci_high=0.62, assessment="investigator",
                 ci_low_raw="0.30", ci_high_raw="0.62",
                 ci_span=at(GRID_LABEL, "(0.30, 0.62)", GRID_LABEL.index("| Hazard")))  # fmt: skip
PROSE_HR = grid_m("hr", "0.45", 0.45, arm="DRUGX", comparator="placebo", ci_low=0.30, ci_high=0.62,
                  ci_span=at(GRID_LABEL, "0.30, 0.62"), assessment="BICR")  # fmt: skip


def flat_m(raw: str, value: float, arm: str, start: int, **kw: Any) -> Measurement:
    return Measurement("flat", "median", value, raw, (start, start + len(raw)), trial="TRIAL-1", endpoint="PFS",
                       arm=arm, unit="months", table="Table 2", row="Median (months)", column=arm, **kw)  # fmt: skip


FLAT_START = FLAT_LABEL.index("9.14.3")
FLAT_DRUG = flat_m("9.1", 9.1, "DRUGX", FLAT_START)
FLAT_PLACEBO = flat_m("4.3", 4.3, "Placebo", FLAT_START + 3)


class Tags(HTMLParser):
    """Every start tag with its attributes, and what is left open at the end (must be nothing)."""

    VOID = frozenset({"br", "img", "meta", "hr", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack, tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(markup: str) -> Tags:
    tags = Tags()
    tags.feed(markup)
    tags.close()
    assert not tags.stack, tags.stack
    return tags


# --- evidence as the label shows it -----------------------------------------------------------------------


def test_a_structured_table_is_rebuilt_with_the_cited_cell_marked() -> None:
    markup = evidence_html(GRID, GRID_MEDIAN, (GRID_MEDIAN, GRID_PLACEBO, GRID_HR))
    tags = parse(markup)
    assert markup.startswith('<table class="tp-evidence-table"><caption>Table 2. Efficacy Results in TRIAL-1</caption>')
    headers = [attrs for tag, attrs in tags.tags if tag == "th"]
    assert len(headers) == 3, "the header row is the column header"
    cited = [attrs for tag, attrs in tags.tags if tag == "td" and "tp-cited" in (attrs.get("class") or "")]
    assert len(cited) == 1
    assert '<td class="tp-cited"><mark>9.1</mark> <mark class="tp-ci">(7.0, 11.2)</mark></td>' in markup
    assert "<td>4.3 (3.9, 5.0)</td>" in markup, "the other arm's cell, as printed, unmarked"
    assert '<td colspan="2">0.45 (0.30, 0.62)</td>' in markup, "a ratio spans the arm columns as in the label"
    assert '<tr class="tp-section"><td colspan="3">Progression-Free Survival (PFS)</td></tr>' in markup


def test_a_cell_holding_markup_is_shown_as_text() -> None:
    response = grid_m("rate", "30", 30.0, after="| Response", arm="DRUGX", unit="%", table="Table 2")
    markup = evidence_html(GRID, response)
    assert "<script>" not in markup and html.escape("<script>alert(1)</script>") in markup
    assert {tag for tag, _ in parse(markup).tags} <= {"table", "caption", "tr", "th", "td", "mark"}


def test_a_long_table_keeps_its_header_the_section_and_the_rows_around_the_cited_one() -> None:
    rows = "".join(f"| Row {i} | {i}.1 | {i}.2 |\n" for i in range(30))
    text = f"Table 5. Long\n| Parameter | A | B |\n| Section X |\n{rows}"
    m = Measurement("s", "rate", 20.1, "20.1", at(text, "20.1"), table="Table 5")
    grid = find_grid(text, m.span)
    assert grid is not None and len(grid.rows) == 32
    shown = shown_rows(text, grid)
    assert shown[0] == 0 and shown[1] == 1, "the header and the section heading"
    assert None in shown, "rows left out are marked"
    assert grid.cited_row in shown and len([i for i in shown if i is not None]) <= 8
    markup = evidence_html(Source("s", "s", "text", None, "", text), m)
    assert markup.count('class="tp-gap"') == 2 and "<mark>20.1</mark>" in markup


def test_a_flattened_table_becomes_a_row_of_the_values_read_on_it() -> None:
    markup = evidence_html(FLAT, FLAT_PLACEBO, (FLAT_DRUG, FLAT_PLACEBO))
    parse(markup)
    assert "<caption>Table 2 · TRIAL-1</caption>" in markup
    assert "<th>DRUGX</th><th>Placebo</th>" in markup
    assert '<td>Median (months)</td><td>9.1</td><td class="tp-cited"><mark>4.3</mark></td>' in markup
    assert "As printed in the label" in markup and "<mark>4.3</mark>(0.30,0.62)" in markup


def test_prose_evidence_is_its_sentence_with_the_number_marked() -> None:
    markup = evidence_html(GRID, PROSE_HR)
    assert markup == (
        '<blockquote class="tp-evidence-prose">The median PFS was 9.1 months (HR=<mark>0.45</mark>; 95% CI: '
        '<mark class="tp-ci">0.30, 0.62</mark>).</blockquote>'
    )


def test_a_span_outside_the_label_says_so() -> None:
    bad = Measurement("grid", "hr", 0.5, "0.5", (len(GRID_LABEL) + 3, len(GRID_LABEL) + 6))
    assert "outside the label text" in evidence_html(GRID, bad)


def test_label_wording_names_the_cell_its_row_and_column() -> None:
    assert label_wording(GRID_LABEL, GRID_MEDIAN) == (
        "Table 2. Efficacy Results in TRIAL-1, row “Median PFS in months (95% CI)”, column “DRUGX (N=100)”: "
        "9.1 (7.0, 11.2)"
    )
    assert cell_words(FLAT_LABEL, FLAT_DRUG) == ("Table 2", "Median (months)", "DRUGX", "9.1")
    assert label_wording(GRID_LABEL, PROSE_HR) == "The median PFS was 9.1 months (HR=0.45; 95% CI: 0.30, 0.62)."


@pytest.mark.parametrize("case", SENTENCE_CASES, ids=[c["id"] for c in SENTENCE_CASES])
def test_sentence_around_a_number(case: dict[str, Any]) -> None:
    text = case["text"]
    start, end = sentence_around(text, at(text, case["number"]))
    assert text[start:end] == case["sentence"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.integers(0, 320), st.integers(0, 40))
def test_evidence_never_raises_and_never_passes_markup(text: str, start: int, length: int) -> None:
    source = Source("s", "s", "text", None, "", text)
    m = Measurement("s", "hr", 1.0, "x", (start, start + length), table="T" if length % 2 else None, row="r",
                    column="c")  # fmt: skip
    markup = evidence_html(source, m, (m,))
    tags = parse(markup)
    assert {tag for tag, _ in tags.tags} <= {"table", "caption", "tr", "th", "td", "mark", "blockquote", "div",
                                              "details", "summary"}  # fmt: skip
    if 0 <= start < start + length <= len(text):
        a, b = sentence_around(text, (start, start + length))
        assert a <= start and start + length <= b <= len(text)


# --- words for people ------------------------------------------------------------------------------------


def test_kinds_are_said_in_plain_words() -> None:
    assert kind_words("wrong_population") == "other subgroup"
    assert kind_words("wrong_value") == "wrong value"
    assert kind_words("population_extrapolation") == "broader population"
    assert kind_words("a_new_kind") == "a new kind", "a kind added later still reads as words"
    assert kind_words(None) == ""


def test_verdict_chips_carry_colour_icon_and_word() -> None:
    assert verdict_markdown("supported") == ":green[✓ supported]"
    assert verdict_markdown("contradicted") == ":red[✗ contradicted]"
    colours = {verdict_markdown(v).split("[")[0] for v in ("supported", "contradicted", "overgeneralized")}
    assert len(colours) == 3, "supported, contradicted and overgeneralized look different at a glance"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_markdown_text_shows_label_text_as_typed(text: str) -> None:
    escaped = markdown_text(text)
    shown, i = [], 0
    while i < len(escaped):
        if escaped[i] == "\\":
            assert i + 1 < len(escaped) and not escaped[i + 1].isalnum(), "only punctuation is escaped"
            i += 1
        elif escaped[i] in "*_`[]<>#$:|~":
            raise AssertionError(f"unescaped {escaped[i]!r} in {escaped!r}")
        shown.append(escaped[i])
        i += 1
    assert "".join(shown) == " ".join(text.split())


def _claim(verdict: str, evidence: Measurement | None = None, **kw: Any) -> Claim:
    text = "The median PFS was 4.3 months with placebo."
    return Claim(text, (0, len(text)), at(text, "4.3"), 4.3, verdict=verdict, evidence=evidence, **kw)  # type: ignore[arg-type]


def test_a_supported_claim_gets_no_note_when_every_reading_agrees() -> None:
    same = Alternative(4.3, None, None, "CI (0.30,0.62) does not contain 4.3 (Placebo)")
    evidence = Measurement("flat", "median", 4.3, "4.3", FLAT_PLACEBO.span, alternatives=(same,),
                           flags=(Flag("split", "info", "cells run together"),))  # fmt: skip
    assert claim_notes(_claim("supported", evidence)) == []


def test_a_reading_that_could_change_the_verdict_is_said_in_words() -> None:
    other = Alternative(14.3, None, None, "the digit read as the end of one bound")
    evidence = Measurement("flat", "median", 4.3, "4.3", FLAT_PLACEBO.span, alternatives=(other,))
    (note,) = claim_notes(_claim("supported", evidence))
    assert note.level == "caution" and "14.3" in note.text and "run together" in note.text
    assert "CI" not in note.text and "reading 14.3:" not in note.text, "no parser jargon"


def test_the_labels_own_inconsistency_and_a_misprinted_ci_matter_only_when_they_bear_on_the_claim() -> None:
    damaged = Flag("damaged_ci", "warning", "(3.9.2) has no single reading")
    error = Flag("ci_excludes_estimate", "error", "4.3 (5.0, 6.0): the estimate is outside")
    evidence = Measurement("flat", "median", 4.3, "4.3", FLAT_PLACEBO.span, flags=(damaged,))
    assert claim_notes(_claim("supported", evidence)) == [], "the claim quotes no interval"
    (note,) = claim_notes(_claim("supported", evidence, ci_low=3.9, ci_high=5.0))
    assert "misprinted" in note.text
    evidence = Measurement("flat", "median", 4.3, "4.3", FLAT_PLACEBO.span, flags=(error,))
    (note,) = claim_notes(_claim("supported", evidence))
    assert "outside its own confidence interval" in note.text


def test_the_articles_own_inconsistency_is_not_said_twice() -> None:
    flag = Flag("p_inconsistent_with_ci", "error", "HR 0.80 (95% CI 0.64, 1.00), p < 0.001: the CI implies p 0.04")
    assert len(claim_notes(_claim("contradicted", flags=(flag,)))) == 1
    assert claim_notes(_claim("contradicted", flags=(flag,), explanation=f"Contradicted: {flag.message}")) == []


# --- frames: claims and measurements ------------------------------------------------------------------------


def test_kind_filter_offers_only_real_kinds_and_none_chosen_means_all() -> None:
    claims = (_claim("supported"), _claim("contradicted", kind="wrong_value"), _claim("unverifiable"))
    assert claim_kinds(claims) == ["wrong_value"]
    assert filter_claims(claims, ["supported", "contradicted", "unverifiable"], []) == [0, 1, 2]
    assert filter_claims(claims, ["supported", "contradicted", "unverifiable"], ["wrong_value"]) == [1]
    assert filter_claims(claims, ["supported"], None) == [0]
    assert "(wrong value)" in claim_label(1, claims[1], claims[1].text)


ARM_CASES = [
    ("parenthesis", "EGFR TKI", "EGFR TKI (gefitinib or erlotinib)", True),
    ("case", "PLACEBO", "Placebo", True),
    ("in-combination-with", "TAGRISSO in combination with pemetrexed", "TAGRISSO with pemetrexed", True),
    ("monotherapy", "TAGRISSO monotherapy", "TAGRISSO", True),
    ("brand-and-generic", "VOTRIENT", "pazopanib", True),
    ("combination-is-another-arm", "TAGRISSO", "TAGRISSO with pemetrexed", False),
    ("different-drugs", "gefitinib", "erlotinib", False),
]


@pytest.mark.parametrize(("one", "other", "same"), [c[1:] for c in ARM_CASES], ids=[c[0] for c in ARM_CASES])
def test_arm_key(one: str, other: str, same: bool) -> None:
    assert (arm_key(one) == arm_key(other)) is same


def test_each_arm_has_one_name_the_one_the_label_prints_most() -> None:
    def m(arm: str, trial: str = "FLAURA") -> Measurement:
        return Measurement("s", "median", 1.0, "1", (0, 1), trial=trial, arm=arm)

    names = arm_names([m("EGFR TKI (gefitinib or erlotinib)"), m("EGFR TKI (gefitinib or erlotinib)"), m("EGFR TKI"),
                       m("EGFR TKI", trial="OTHER")])  # fmt: skip
    assert names[("FLAURA", "EGFR TKI")] == "EGFR TKI (gefitinib or erlotinib)"
    assert names[("OTHER", "EGFR TKI")] == "EGFR TKI", "another trial's arm is not merged"


def test_measurement_frame_has_one_arm_name_and_checks_in_words() -> None:
    flagged = Measurement("s", "hr", 0.35, "0.35", (0, 4), trial="T", arm="EGFR TKI", comparator="placebo",
                          flags=(Flag("ci_excludes_estimate", "error", "x"), Flag("split", "info", "y")),
                          alternatives=(Alternative(0.53, None, None, "other split"),), confidence="low")  # fmt: skip
    named = Measurement("s", "median", None, "NR", (0, 2), trial="T", arm="EGFR TKI (gefitinib or erlotinib)",
                        qualifier="NR")  # fmt: skip
    frame = measurement_frame((flagged, named, named))
    assert frame.iloc[0]["arm"] == "EGFR TKI (gefitinib or erlotinib) vs placebo"
    assert (
        frame.iloc[0]["check"]
        == "! the value lies outside its own confidence interval; 1 other reading; low confidence"
    )
    assert frame.iloc[1]["value"] == "NR" and frame.iloc[1]["check"] == ""
    assert "notes" not in frame.columns and "confidence" not in frame.columns
    assert sum(MEASUREMENT_WIDTHS[c] for c in frame.columns) <= 940, "fits beside the sidebar at 1280 px"


LABEL_PICKS = [
    ("names-the-drug", "Pazopanib improved PFS.", "pazopanib", True),
    ("names-the-salt-free-drug", "Imatinib is given daily.", "imatinib mesylate", True),
    ("drug-inside-another-word-is-not-a-mention", "The pazopanibs are here.", "pazopanib", False),
    ("common-title-word-is-not-a-name", "These results hold.", None, False),
]


@pytest.mark.parametrize(("text", "drug", "picked"), [c[1:] for c in LABEL_PICKS], ids=[c[0] for c in LABEL_PICKS])
def test_labels_named_in(text: str, drug: str | None, picked: bool) -> None:
    source = Source("label", "label.xml", "spl-xml", drug, "These highlights do not include all the information", "")
    assert (labels_named_in(text, [source]) == [source]) is picked


# --- figures ------------------------------------------------------------------------------------------------


SUBGROUP_HR = grid_m("hr", "0.45", 0.40, arm="DRUGX", comparator="Placebo", population="Age ≥65 years",
                     ci_low=0.2, ci_high=0.8, assessment="investigator")  # fmt: skip


def test_forest_rows_tell_two_analyses_apart_and_indent_subgroups() -> None:
    rows = forest_rows((PROSE_HR, SUBGROUP_HR, GRID_HR), "TRIAL-1")
    labels = [" ".join(r.lines) for r in rows]
    assert labels[0] == "PFS (BICR)" and labels[1] == "PFS (investigator)", "the assessment is in the row label"
    assert labels[2].startswith("\u2003") and "Age ≥65 years" in labels[2] and rows[2].subgroup
    assert forest_rows((GRID_HR,), "another trial") == []


def test_forest_rows_head_subgroups_with_their_endpoint_when_there_is_no_overall_ratio() -> None:
    rows = forest_rows((SUBGROUP_HR,), "TRIAL-1")
    assert rows[0].measurement is None and rows[0].lines == ("PFS (investigator)",)
    assert rows[1].measurement is SUBGROUP_HR


def test_forest_rows_show_a_ratio_stated_twice_once() -> None:
    again = grid_m("hr", "0.45", 0.45, after="| Hazard", arm="drugx", comparator="placebo", assessment="investigator")
    rows = forest_rows((again, GRID_HR), "TRIAL-1")
    assert [r.measurement for r in rows] == [GRID_HR], "the reading with a CI wins"


def test_forest_figure_says_which_side_favours_which_arm_and_keeps_legend_off_the_title() -> None:
    claim = Claim("HR 0.53", (0, 7), (3, 7), 0.53, statistic="hr", verdict="contradicted", evidence=GRID_HR)
    figure = forest_figure((GRID_HR, SUBGROUP_HR, GRID_MEDIAN), "TRIAL-1", (claim,))
    assert figure is not None
    assert figure.layout.xaxis.type == "log"
    assert any(shape.x0 == 1 and shape.x1 == 1 for shape in figure.layout.shapes)
    notes = [a.text for a in figure.layout.annotations]
    assert "← favours DRUGX" in notes and "favours Placebo →" in notes
    assert "0.45 (0.30, 0.62)" in notes, "the ratio as printed, in its own column"
    label_trace, claim_trace = figure.data
    assert list(label_trace.x) == [0.45, 0.40]
    assert list(label_trace.error_x.array) == pytest.approx([0.17, 0.40])
    assert list(claim_trace.x) == [0.53] and list(claim_trace.y) == [label_trace.y[0]]
    assert "contradicted" in claim_trace.name and "✗" in claim_trace.name
    # The title sits at the top of the figure, the legend at its bottom, each in a margin of its own.
    assert figure.layout.title.yref == "container" and figure.layout.title.yanchor == "top"
    assert figure.layout.legend.yref == "container" and figure.layout.legend.y == 0
    ticks = list(figure.layout.xaxis.tickvals)
    assert all(b / a >= 2 for a, b in itertools.pairwise(ticks)), "tick labels never run together"
    assert forest_figure((GRID_MEDIAN,), "TRIAL-1") is None


def test_medians_are_grouped_by_endpoint_with_one_bar_per_arm_and_nr_as_words() -> None:
    nr = grid_m("median", "9.1", None, after="| Median", arm="DRUGX", unit="months", qualifier="NR", endpoint="OS",
                table="Table 2")  # fmt: skip
    prose = Measurement("grid", "median", 4.4, "4.4", (0, 3), trial="TRIAL-1", endpoint="PFS", arm="placebo",
                        unit="months", assessment="BICR")  # fmt: skip
    figure = median_figure((GRID_MEDIAN, GRID_PLACEBO, nr, prose), "TRIAL-1")
    assert figure is not None
    bars = [t for t in figure.data if t.type == "bar"]
    assert [t.name for t in bars] == ["DRUGX (N=100)", "Placebo"], "placebo and Placebo are one arm"
    assert list(bars[0].x) == [9.1, 0.0], "NR gets no bar length of its own value"
    texts = [t for trace in figure.data if trace.type == "scatter" for t in trace.text]
    assert any(t.strip() == "NR" for t in texts) and any("9.1 (7.0, 11.2)" in t for t in texts)
    groups = list(figure.layout.yaxis.ticktext)
    assert groups[0].startswith("PFS (investigator)") and groups[1].startswith("PFS (BICR)"), "grouped by endpoint"
    assert "OS" in groups[2]
    assert median_figure((GRID_MEDIAN,), "another trial") is None


def test_rates_leave_out_event_shares_and_draw_ci_whiskers() -> None:
    common = {"trial": "T", "endpoint": "ORR", "unit": "%", "table": "Table 3", "row": "ORR, % (95% CI)"}
    rate = Measurement("s", "rate", 4.0, "4", (0, 1), arm="A", ci_low=2.3, ci_high=7.9, column="A", **common)
    zero = Measurement("s", "rate", 0.0, "0", (2, 3), arm="B", ci_low=0.0, ci_high=3.0, column="B", **common)
    events = {**common, "endpoint": "PFS", "row": "PFS events (%)", "column": "A"}
    count = Measurement("s", "events", 136.0, "136", (4, 7), arm="A", **{**events, "unit": "patients"})
    share = Measurement("s", "rate", 49.0, "49", (8, 10), arm="A", **events)
    figure = rate_figure((rate, zero, count, share), "T")
    assert figure is not None
    bars = {t.name: t for t in figure.data if t.type == "bar"}
    assert list(bars["A"].x) == [4.0] and list(bars["B"].x) == [0.0], "a stated 0% is a value; the share is not drawn"
    assert list(bars["A"].error_x.array) == pytest.approx([3.9])
    assert list(bars["A"].error_x.arrayminus) == pytest.approx([1.7])
    assert rate_figure((count, share), "T") is None


def test_figure_text_from_the_label_is_escaped() -> None:
    hostile = "<a href='javascript:alert(1)'>subgroup</a>"
    sub = grid_m("hr", "0.45", 0.37, arm="<b>DRUGX</b>", comparator="Placebo", ci_low=0.23, ci_high=0.60,
                 population=hostile)  # fmt: skip
    median = grid_m("median", "9.1", 9.1, arm="<b>DRUGX</b>", unit="months", population=hostile)
    forest = forest_figure((GRID_HR, sub), "TRIAL-1")
    medians = median_figure((median,), "TRIAL-1")
    assert forest is not None and medians is not None
    texts = [a.text for a in forest.layout.annotations] + list(forest.data[0].hovertext)
    texts += list(medians.layout.yaxis.ticktext) + [medians.data[0].name]
    assert not any("<a " in t or "<b>DRUGX" in t for t in texts)
    assert any("&lt;a href=" in t for t in texts)


def test_trials_the_claims_cite_come_first() -> None:
    other = Measurement("s", "hr", 0.5, "0.5", (0, 3), trial="OTHER", endpoint="OS")
    cited = Claim("HR 0.5", (0, 6), (3, 6), 0.5, statistic="hr", verdict="supported", evidence=other)
    assert trials_with_results((GRID_HR, other)) == ["TRIAL-1", "OTHER"]
    assert trials_with_results((GRID_HR, other), (cited,)) == ["OTHER", "TRIAL-1"]


def test_every_trial_of_a_five_trial_label_gets_labelled_plots() -> None:
    source = load_source(str(shared_file("corpus/raw/tagrisso_openfda_label.json")))
    measurements = extract([source]).measurements
    trials = trials_with_results(measurements)
    assert set(trials) == {"ADAURA", "LAURA", "FLAURA", "FLAURA2", "AURA3"}
    for trial in trials:
        forest = forest_figure(measurements, trial)
        medians = median_figure(measurements, trial)
        assert forest is not None and medians is not None, trial
        assert forest.layout.title.text.startswith(trial) and medians.layout.title.text.startswith(trial)
        notes = [a.text for a in forest.layout.annotations]
        assert any(n.startswith("← favours TAGRISSO") for n in notes), (trial, notes)
        legend = [t.name for t in medians.data if t.type == "bar"]
        assert len(legend) == len(set(legend)) == 2, (trial, legend)  # two arms, each named once
    flaura = [" ".join(r.lines) for r in forest_rows(measurements, "FLAURA")]
    assert "PFS (investigator)" in flaura and "PFS (BICR)" in flaura, flaura
    medians = median_figure(measurements, "FLAURA")
    assert medians is not None
    assert {t.name for t in medians.data if t.type == "bar"} == {"TAGRISSO", "EGFR TKI (gefitinib or erlotinib)"}


# --- the claim panel, notices and refused uploads ------------------------------------------------------------


def _report(claims: tuple[Claim, ...], text: str = "The median PFS was 4.3 months with placebo.") -> VerifyReport:
    return VerifyReport(Article("a.txt", "A", text), (GRID, FLAT), (GRID_MEDIAN, FLAT_DRUG, FLAT_PLACEBO), claims)


def test_the_claim_panel_puts_the_two_numbers_one_above_the_other() -> None:
    claim = _claim("contradicted", FLAT_PLACEBO, kind="wrong_population", explanation="Contradicted: <b>x</b>")
    markup = claim_panel_html(_report((claim,)), 0)
    parse(markup)
    assert 'data-evidence-claim="1"' in markup
    assert "claim 1: ✗ contradicted" in markup and "other subgroup" in markup
    quote, evidence, explanation = (
        markup.index(s) for s in ("tp-evidence-prose", "tp-evidence-table", "Contradicted:")
    )
    assert quote < evidence < explanation, "sentence, then the label's cell, then the explanation"
    assert "&lt;b&gt;x&lt;/b&gt;" in markup


def test_a_supported_claims_explanation_is_folded_away() -> None:
    markup = claim_panel_html(_report((_claim("supported", FLAT_PLACEBO, explanation="Supported: it matches."),)), 0)
    assert "<details" in markup and "How it was checked" in markup and "tp-note" not in markup


def test_notices_and_chip_marks_hold_file_names_as_text() -> None:
    name = 'x"]{}</style><script>alert(1)</script>.json'
    notice = notice_html("error", f"{name}: not a drug label")
    assert "<script>" not in notice and html.escape(name) in notice and 'role="alert"' in notice
    css = refused_chip_css([name])
    assert "<" not in css and "</style" not in css.lower() and '"]' not in css.split("title=")[1].split("]")[0][:-1]
    assert "not loaded" in css


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_css_string_cannot_end_itself(text: str) -> None:
    quoted = css_string(text)
    inner = quoted[1:-1]
    assert quoted[0] == quoted[-1] == '"'
    assert '"' not in inner and "<" not in inner and "\n" not in inner
    # CSS unescaping gives the text back
    out, i = [], 0
    while i < len(inner):
        if inner[i] == "\\":
            end = inner.index(" ", i)
            out.append(chr(int(inner[i + 1 : end], 16)))
            i = end + 1
        else:
            out.append(inner[i])
            i += 1
    assert "".join(out) == text


def test_the_article_highlights_only_the_claims_shown() -> None:
    text = "PFS 4.3 months and OS 9.0 months."
    claims = (
        Claim(text, (0, len(text)), at(text, "4.3"), 4.3, verdict="supported"),
        Claim(text, (0, len(text)), at(text, "9.0"), 9.0, verdict="contradicted"),
    )
    markup = highlight_article(text, claims, selected=1, shown=[1])
    assert 'data-claim="1"' not in markup and 'data-claim="2"' in markup and "tp-selected" in markup
    assert markup.count("tp-badge") == 1 and math.isfinite(len(markup))


def test_a_scope_claim_shows_whom_the_trial_enrolled_with_the_qualifiers_marked() -> None:
    text = "Patients with metastatic STS who had received prior chemotherapy were randomized. GIST was excluded."
    source = Source("quote", "q.txt", "text", "pazopanib", "Quoted label", text)
    enrolled = text[: text.index(" were randomized")]
    scope = TrialScope("quote", "VEG110727", enrolled, (0, len(enrolled)), enrolled[len("Patients with ") :].lower(),
                       (Qualifier("stage", "metastatic or advanced", "metastatic"),), "GIST was excluded.",
                       ("GIST",), (text.index("GIST"), len(text)))  # fmt: skip
    other = TrialScope("quote", "OTHER", "x", (0, 1), "adults", (), None, ())
    claim = Claim("Pazopanib treats sarcoma.", (0, 5), None, None, verdict="overgeneralized",
                  kind="population_extrapolation", explanation=f"The label says the trial enrolled {scope.population}.")  # fmt: skip
    report = VerifyReport(
        Article("a", "A", "Pazopanib treats sarcoma."), (source,), (), (claim,), populations=(other, scope)
    )
    markup = claim_panel_html(report, 0)
    parse(markup)
    assert "In the label: whom VEG110727 enrolled" in markup
    assert "Patients with <mark>metastatic</mark> STS" in markup and "<mark>GIST</mark> was excluded." in markup


@pytest.mark.parametrize("review", ["PMC13070087", "PMC6889286"])
def test_every_claim_of_a_real_review_has_a_well_formed_panel(review: str) -> None:
    """Both reviews against TAGRISSO: each claim's panel parses, says its verdict, and shows evidence
    as a table or a sentence whenever the claim was checked against a number."""
    source = load_source(str(shared_file("corpus/raw/tagrisso_openfda_label.json")))
    article = next(shared_file("corpus/raw").glob(f"article_{review}_*.xml"))
    report = verify(load_article(str(article)), [source])
    for index, claim in enumerate(report.claims):
        markup = claim_panel_html(report, index)
        parse(markup)
        assert f"claim {index + 1}: " in markup and claim.verdict in markup
        if claim.evidence is not None:
            assert "tp-evidence-table" in markup or "tp-evidence-prose" in markup
            assert "<mark>" in markup.split('class="tp-evidence"', 1)[1], "the label's number is marked"
