"""The letter for the author (extractors/report/as_letter): what goes in, quoted as printed, escaped."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from extractors import letter_body_html, letter_html, letter_items, letter_markdown, load_article, load_source, verify
from extractors.records import Article, Claim, Measurement, Source, TrialScope, VerifyReport
from tests.conftest import shared_file

LABEL = (
    "TRIAL-1 enrolled adults with stage IV cancer.\n\n"
    "Table 2. Efficacy Results in TRIAL-1\n"
    "| Efficacy Parameter | DRUGX (N=100) | Placebo (N=50) |\n"
    "| Median PFS in months (95% CI) | 9.1 (7.0, 11.2) | 4.3 (3.9, 5.0) |\n"
)
SOURCE = Source("drugx-label", "/somewhere/drugx_label.json", "openfda-json", "drugx", "DRUGX label", LABEL)
ARTICLE = (
    "Results\n"
    "The median PFS was 19.1 months with *DRUGX* <script>alert(1)</script> versus 4.3 months with placebo. "
    "DRUGX is the treatment for all cancers.\n"
)


def span_of(text: str, raw: str, start: int = 0) -> tuple[int, int]:
    i = text.index(raw, start)
    return (i, i + len(raw))


MEDIAN = Measurement("drugx-label", "median", 9.1, "9.1", span_of(LABEL, "9.1"), trial="TRIAL-1", endpoint="PFS",
                     arm="DRUGX", table="Table 2", row="Median PFS in months (95% CI)", column="DRUGX (N=100)",
                     ci_span=span_of(LABEL, "(7.0, 11.2)"))  # fmt: skip
PLACEBO = Measurement("drugx-label", "median", 4.3, "4.3", span_of(LABEL, "4.3"), trial="TRIAL-1", endpoint="PFS",
                      arm="Placebo", table="Table 2", row="Median PFS in months (95% CI)", column="Placebo (N=50)")  # fmt: skip


def claim(raw: str | None, verdict: str, evidence: Measurement | None = None, **kw: object) -> Claim:
    sentence_start = ARTICLE.index("The median") if raw else ARTICLE.index("DRUGX is")
    value_span = span_of(ARTICLE, raw, sentence_start) if raw else None
    return Claim("sentence", (sentence_start, sentence_start + 10), value_span, float(raw) if raw else None,
                 verdict=verdict, evidence=evidence, **kw)  # type: ignore[arg-type]  # fmt: skip


CLAIMS = (
    claim("19.1", "contradicted", MEDIAN, kind="wrong_value", section="Results", explanation="Contradicted: 9.1."),
    claim("4.3", "supported", PLACEBO),
    claim(
        None,
        "overgeneralized",
        kind="population_extrapolation",
        explanation="The label says the trial enrolled adults with stage IV cancer.",
    ),
    claim("4.3", "unverifiable"),
)
ENROLLED = "TRIAL-1 enrolled adults with stage IV cancer."
SCOPE = TrialScope("drugx-label", "TRIAL-1", ENROLLED, (0, len(ENROLLED)), "adults with stage IV cancer", (), None, ())
REPORT = VerifyReport(
    Article("article.md", "A review <of> DRUGX", ARTICLE), (SOURCE,), (MEDIAN, PLACEBO), CLAIMS, populations=(SCOPE,)
)


def test_only_what_an_editor_acts_on_goes_in() -> None:
    items = letter_items(REPORT)
    assert [(i.number, i.verdict, i.problem) for i in items] == [
        (1, "contradicted", "wrong value"),
        (3, "overgeneralized", "broader population"),
    ]


def test_each_point_quotes_the_article_and_the_label_and_says_where() -> None:
    item = letter_items(REPORT)[0]
    assert item.sentence.startswith("The median PFS was 19.1 months") and item.value == "19.1"
    assert item.value_at is not None and item.sentence[item.value_at : item.value_at + 4] == "19.1"
    assert item.label_says == (
        "Table 2. Efficacy Results in TRIAL-1, row “Median PFS in months (95% CI)”, column “DRUGX (N=100)”: "
        "9.1 (7.0, 11.2)"
    )
    assert (
        item.where == f"DRUGX label (drugx_label.json), TRIAL-1, Table 2, characters {MEDIAN.span[0]}–{MEDIAN.span[1]}"
    )
    scope = letter_items(REPORT)[1]
    assert scope.label_says == ENROLLED, "the label's own enrolment sentence"
    assert scope.where == f"DRUGX label (drugx_label.json), TRIAL-1, characters 0–{len(ENROLLED)}"
    unmatched = VerifyReport(REPORT.article, (SOURCE,), (MEDIAN,), CLAIMS[2:3])
    assert letter_items(unmatched)[0].label_says == "", "no population quoted: nothing put in the label's mouth"


def test_markdown_marks_the_number_and_keeps_article_text_from_formatting() -> None:
    text = letter_markdown(REPORT)
    assert text.startswith("# Numbers to check in “A review \\<of\\> DRUGX”")
    assert "**19.1**" in text
    assert "\\*DRUGX\\*" in text and "\\<script\\>" in text, "the article's own * and < do not format or inject"
    assert "## 1. Wrong value (claim 1, section “Results”)" in text
    assert "## 2. Broader population (claim 3)" in text
    assert "4.3 months with placebo" in text and "**4.3**" not in text, "a supported claim is not in the letter"


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attributes |= {name for name, _ in attrs}


def test_html_letter_is_standalone_and_escapes_every_quotation() -> None:
    page = letter_html(REPORT)
    tags = Tags()
    tags.feed(page)
    assert "script" not in tags.names and not any(a.startswith("on") for a in tags.attributes)
    assert page.startswith("<!DOCTYPE html>") and "http" not in page
    assert html.escape("<script>alert(1)</script>") in page
    assert '<b class="value">19.1</b>' in page
    assert letter_body_html(REPORT) in page


def test_a_letter_with_nothing_to_report_says_so() -> None:
    quiet = VerifyReport(REPORT.article, (SOURCE,), (MEDIAN,), (CLAIMS[1],))
    assert letter_items(quiet) == []
    assert "agrees with it" in letter_markdown(quiet) and "##" not in letter_markdown(quiet)


def test_on_a_real_review_every_label_quotation_is_the_labels_characters() -> None:
    source = load_source(str(shared_file("corpus/raw/tagrisso_openfda_label.json")))
    article_path = next(shared_file("corpus/raw").glob("article_PMC13070087_*.xml"))
    report = verify(load_article(str(article_path)), [source])
    items = letter_items(report)
    assert items and all(i.verdict in ("contradicted", "overgeneralized") for i in items)
    flat_label = " ".join(source.text.split())
    flat_article = " ".join(report.article.text.split())
    for item in items:
        assert " ".join(item.sentence.split()) in flat_article
        if item.label_says:
            cell = item.label_says.rsplit(": ", 1)[-1]
            assert cell in flat_label, item.label_says
            assert "characters" in item.where and "tagrisso_openfda_label.json" in item.where
