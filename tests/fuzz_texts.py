"""Hypothesis strategies for label-like and article-like text, hostile and damaged.

Shared by tests/test_fuzz.py (a few hundred examples per run) and bench/hostile.py (10,000 per
entry point). Three kinds of text:

- `soup`: digits, points, brackets and the words around trial numbers in any order, as a table
  flattened by a scraper prints them ("4.61.6(0.26,0.48)", "N = 246N = 123", "HR 0.35 (95% CI").
- `damaged_passage`: a real passage (the bundled articles and the label passages they quote) with
  random damage: deletions, duplications, cells glued together, unicode dashes and minus signs,
  thin, no-break and zero-width spaces, tabs, huge numbers, deep brackets, long runs.
- `label_table`: a label table caption and rows, cells glued or spaced, values from `soup`.
"""

from __future__ import annotations

import html
import json
from functools import cache
from pathlib import Path

import regex
from hypothesis import strategies as st

from extractors import ExtractReport, VerifyReport

PROJECT = Path(__file__).resolve().parent.parent
PASSAGE_FILES = sorted((PROJECT / "data" / "examples").glob("*.txt")) + sorted(
    p for p in (PROJECT / "tests" / "cases" / "articles").glob("*") if p.suffix in (".txt", ".md")
)

DASHES = ["-", "–", "—", "−", "‐", "‑", "‒", "﹣", "－"]
SPACES = [" ", "\u2009", "\u00a0", "\u202f", "\u200b", "\t", "  ", "\n", "\u2002", "\u3000"]
HUGE = ["18446744073709551616", "9" * 400, "1" + "0" * 60, "4.6" + "6" * 300, "0." + "0" * 200 + "1", "1e999"]
WORDS = [
    "HR", "CI", "95%", "N", "n", "=", "PFS", "OS", "ORR", "median", "months", "weeks", "placebo", "pazopanib",
    "VOTRIENT", "hazard", "ratio", "p", "<", "≤", "0.001", "Table", "9", "randomized", "2:1", "2:0", "0:0", "vs",
    "versus", "arm", "NR", "NE", "not", "reached", "%", "(", ")", "[", "]", ",", ";", ":", ".", "·", "±", "×",
]  # fmt: skip
TOKENS = st.one_of(
    st.sampled_from(WORDS),
    st.from_regex(r"\A\d{1,3}(\.\d{1,3})?\Z"),
    st.sampled_from(DASHES + SPACES + HUGE),
    st.from_regex(r"\A\(\d\.\d\d[,;–-]\s?\d\.\d\d\)\Z"),  # a CI, glued or spaced
    st.sampled_from(["4.61.6(0.26,0.48)", "N = 246N = 123", "0.35a", "0. 39", "1,234", "12,345,678", "5.\t1"]),
)


@cache
def passages() -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8") for path in PASSAGE_FILES)


soup = st.lists(TOKENS, min_size=1, max_size=60).map(lambda tokens: "".join(tokens))
spaced_soup = st.lists(TOKENS, min_size=1, max_size=60).map(lambda tokens: " ".join(tokens))


@st.composite
def damaged_passage(draw: st.DrawFn) -> str:
    """A window of a real passage with up to six kinds of damage applied in turn."""
    text = draw(st.sampled_from(passages()))
    start = draw(st.integers(0, max(0, len(text) - 200)))
    text = text[start : start + draw(st.integers(50, 2500))]
    for _ in range(draw(st.integers(0, 6))):
        text = draw(_damage(text))
    return text


def _damage(text: str) -> st.SearchStrategy[str]:
    size = max(1, len(text))
    where = st.integers(0, size)
    return st.one_of(
        st.tuples(where, st.integers(1, 80)).map(lambda a: text[: a[0]] + text[a[0] + a[1] :]),  # deletion
        st.tuples(where, st.integers(1, 120)).map(lambda a: text[: a[0] + a[1]] + text[a[0] :]),  # duplication
        st.tuples(where, st.integers(10, 300)).map(  # cells glued: spaces gone from a stretch
            lambda a: text[: a[0]] + text[a[0] : a[0] + a[1]].replace(" ", "") + text[a[0] + a[1] :]
        ),
        st.sampled_from(DASHES).map(lambda dash: text.replace("-", dash)),
        st.sampled_from(SPACES).map(lambda space: text.replace(" ", space, 40)),
        st.tuples(where, st.sampled_from(HUGE + ["(" * 200, "[" * 200, " " * 300, "word " * 200, "HR " * 150])).map(
            lambda a: text[: a[0]] + a[1] + text[a[0] :]
        ),
        st.tuples(where, soup).map(lambda a: text[: a[0]] + a[1] + text[a[0] :]),
    )


@st.composite
def label_table(draw: st.DrawFn) -> str:
    """A caption, a header of arms and Ns, and rows of values, glued or spaced as scrapers print them."""
    glue = draw(st.sampled_from(["", " ", "\t", " | "]))
    caption = draw(st.sampled_from(["Table 9 Efficacy Results in VEG110727", "Table 2. Results", "Table 5 TU"]))
    ratio = draw(st.sampled_from(["", "Patients were randomized 2:1. ", "randomized (2:0) to ", "randomized 1:0 "]))
    header = glue.join(
        draw(st.lists(st.sampled_from(["VOTRIENT", "Placebo", "N = 246", "N=1,", "(n=0)", "HR (95% CI)"])))
    )
    rows = [
        glue.join([draw(st.sampled_from(["Median PFS (months)", "Overall ITT", "ORR %", "Events"])), draw(soup)])
        for _ in range(draw(st.integers(1, 6)))
    ]
    return "\n".join([ratio + caption, header, *rows])


label_like = st.one_of(label_table(), damaged_passage(), spaced_soup, soup)
article_like = st.one_of(damaged_passage(), spaced_soup, soup, label_table())


# ---------------------------------------------------------------------------------------------
# the same texts in the markup the readers take apart: cells of an HTML table, an openFDA record
# with its table, a JATS article with its table (every character escaped, so the text is the same)


def _cells(text: str) -> str:
    """``text``'s lines as the rows of an HTML table, each cut at runs of spaces or tabs into cells."""
    rows = (regex.split(r"[ \t]{2,}|\t", line) for line in text.splitlines() if line.strip())
    return (
        "<table>"
        + "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in cells) + "</tr>" for cells in rows)
        + "</table>"
    )


def as_openfda(text: str) -> bytes:
    record = {
        "openfda": {"brand_name": ["VOTRIENT"]},
        "clinical_studies": [text],
        "clinical_studies_table": [_cells(text)],
    }
    return json.dumps({"results": [record]}).encode()


def as_html_label(text: str) -> bytes:
    return f"<html><body><h1>CLINICAL STUDIES</h1><p>{html.escape(text)}</p>{_cells(text)}</body></html>".encode()


def as_jats(text: str) -> bytes:
    body = "".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n\n"))
    table = f"<table-wrap><caption><p>Table 1</p></caption>{_cells(text)}</table-wrap>"
    return (
        '<?xml version="1.0"?><article><front><article-meta><title-group><article-title>A review'
        f"</article-title></title-group></article-meta></front><body><sec><title>Results</title>{body}{table}</sec>"
        "</body></article>"
    ).encode()


# ---------------------------------------------------------------------------------------------
# what every report must hold, whatever the input


def _within(span: tuple[int, int], text: str) -> bool:
    return 0 <= span[0] <= span[1] <= len(text)


def report_problems(report: ExtractReport | VerifyReport) -> list[str]:
    """Every way ``report`` breaks provenance: a number whose raw text is not the source at its span."""
    problems: list[str] = []
    texts = {source.id: source.text for source in report.sources}
    for m in report.measurements:
        text = texts.get(m.source)
        if text is None or not _within(m.span, text) or text[m.span[0] : m.span[1]] != m.raw:
            problems.append(f"measurement raw {m.raw!r} is not the source at {m.span}")
            continue
        if m.ci_span is not None:
            if not _within(m.ci_span, text):
                problems.append(f"CI span {m.ci_span} is outside the source")
                continue
            ci_text = text[m.ci_span[0] : m.ci_span[1]]
            problems += [
                f"CI bound {raw!r} is not in {ci_text!r}"
                for raw in (m.ci_low_raw, m.ci_high_raw)
                if raw and raw not in ci_text
            ]
    if isinstance(report, VerifyReport):
        article = report.article.text
        for c in report.claims:
            if not _within(c.span, article) or article[c.span[0] : c.span[1]] != c.text:
                problems.append(f"claim text {c.text[:40]!r} is not the article at {c.span}")
            elif c.value_span is not None and not (c.span[0] <= c.value_span[0] <= c.value_span[1] <= c.span[1]):
                problems.append(f"claim value span {c.value_span} is outside its sentence {c.span}")
            problems += [
                f"claim CI bound {raw!r} is not in its sentence"
                for raw in (c.ci_low_raw, c.ci_high_raw)
                if raw and raw not in c.text
            ]
    return problems
