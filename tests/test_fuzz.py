"""Generated hostile and damaged text through the public API: nothing raises but `InputError`, and
every number in a report is the source's own characters at its span.

A few hundred examples per run, the same ones every run (derandomized), so a failure here is a
failure on every machine; bench/hostile.py runs 10,000 random ones per entry point and times them.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from extractors import InputError, article_from_bytes, extract, source_from_bytes, verify
from tests.fuzz_texts import article_like, as_html_label, as_jats, as_openfda, label_like, label_table, report_problems

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(label_like)
def test_extract_never_raises_and_keeps_provenance(text: str) -> None:
    try:
        source = source_from_bytes(text.encode("utf-8"), "fuzz.txt")
    except InputError:
        return
    assert report_problems(extract([source])) == []


@FUZZ
@given(article_like, label_like)
def test_verify_against_a_label_never_raises_and_keeps_provenance(article_text: str, label_text: str) -> None:
    try:
        article = article_from_bytes(article_text.encode("utf-8"), "article.txt")
        source = source_from_bytes(label_text.encode("utf-8"), "label.txt")
    except InputError:
        return
    assert report_problems(verify(article, [source])) == []


@FUZZ
@given(article_like)
def test_verify_against_the_quoted_label_never_raises_and_keeps_provenance(text: str) -> None:
    try:
        article = article_from_bytes(text.encode("utf-8"), "article.txt")
    except InputError:
        return
    assert report_problems(verify(article)) == []


@FUZZ
@given(label_table())
def test_label_tables_never_raise_and_keep_provenance(text: str) -> None:
    source = source_from_bytes(text.encode("utf-8"), "label.txt")
    assert report_problems(extract([source])) == []


@FUZZ
@given(article_like, label_like)
def test_the_same_texts_in_markup_never_raise_and_keep_provenance(article_text: str, label_text: str) -> None:
    """The texts as an openFDA record with its table, an HTML label and a JATS article with its table."""
    try:
        article = article_from_bytes(as_jats(article_text), "article.xml")
        sources = [
            source_from_bytes(as_openfda(label_text), "l.json"),
            source_from_bytes(as_html_label(label_text), "l.html"),
        ]
    except InputError:
        return
    assert report_problems(verify(article, sources)) == []


def test_two_sources_of_one_name_keep_apart() -> None:
    """label.json and label.html are both "label": each measurement still names the one source it is from."""
    text = "In Study 1, the median PFS was 9.2 months with VOTRIENT and 4.2 months with placebo."
    report = extract([source_from_bytes(as_openfda(text), "label.json"), source_from_bytes(text.encode(), "label.txt")])
    assert [source.id for source in report.sources] == ["label", "label-2"]
    assert {m.source for m in report.measurements} == {"label", "label-2"}
    assert report_problems(report) == []
