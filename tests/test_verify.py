"""Verdicts on article claims: the seed articles, and test articles that misquote Table 9.

Every test article is checked twice: against Table 9 built by hand (tests/cases/verify_table9.json,
so the verdict logic is tested on its own) and against the measurements the extraction
pipeline reads from the label passage the first seed quotes (so the whole chain is tested).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import CASES, PROJECT, shared_file
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.ingest.articles import Article, article_from_bytes, load_article, quoted_label_source, quoted_label_span
from extractors.ingest.labels import load_source
from extractors.read.doses import extract_doses
from extractors.read.populations import extract_populations
from extractors.records import VERDICTS, Claim, ExtractReport, Measurement, Source, VerifyReport
from extractors.text.patterns import build
from extractors.verdicts.verify import _named_between, verify, verify_with

SEED_COPY = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"
ARTICLES: dict[str, Any] = json.loads((CASES / "verify_articles.json").read_text(encoding="utf-8"))
TABLE9: dict[str, Any] = json.loads((CASES / "verify_table9.json").read_text(encoding="utf-8"))
MODES = ("table9-by-hand", "extracted")
FLAGGED = {"contradicted", "overgeneralized"}


@pytest.fixture(scope="module")
def label() -> Source:
    """The label passage the first seed quotes (the repo's copy of the seed page)."""
    source = quoted_label_source(load_article(str(SEED_COPY)))
    assert source is not None
    return source


def _by_hand(source: Source) -> tuple[Measurement, ...]:
    records = []
    for row in TABLE9["measurements"]:
        fields = {key: value for key, value in row.items() if key != "value"}
        value = float(row["value"])
        records.append(
            Measurement(
                source=source.id,
                value=value,
                span=(0, 0),
                trial="VEG110727",
                nct="NCT00753688",
                table="Table 9",
                **fields,
            )
        )
    return tuple(records)


def _by_hand_report(source: Source) -> ExtractReport:
    """Table 9 by hand, with the doses and populations extraction reads from the label."""
    return ExtractReport((source,), _by_hand(source), extract_doses(source), extract_populations(source))


_REPORTS: dict[tuple[str, str], VerifyReport] = {}


def _source(name: str, seed_label: Source) -> Source:
    """The label a case is checked against: the seed's quoted passage, or a corpus label file."""
    if name == "seed":
        return seed_label
    return load_source(str(shared_file(name)))


def _report(mode: str, case: dict[str, Any], seed_label: Source) -> VerifyReport:
    key = (mode, case["id"])
    if key not in _REPORTS:
        label = _source(case["label"], seed_label)
        article = load_article(str(CASES / case["article"]))
        if mode == "extracted":
            _REPORTS[key] = verify(article, [label])
        else:
            _REPORTS[key] = verify_with(article, _by_hand_report(label))
    return _REPORTS[key]


def _claim_at(report: VerifyReport, quote: str, value: str | None) -> Claim:
    text = report.article.text
    assert text.count(quote) == 1, f"quote {quote!r} must occur once in the article"
    start = text.index(quote)
    if value is None:
        found = [c for c in report.claims if c.value_span is None and c.span[0] <= start < c.span[1]]
    else:
        value_start = start + quote.index(value)
        found = [c for c in report.claims if c.value_span and c.value_span[0] == value_start]
    assert found, f"no claim found at {quote!r}; claims: {[(c.text[:40], c.value) for c in report.claims]}"
    return found[0]


def _modes(case: dict[str, Any]) -> tuple[str, ...]:
    """Both modes for the seed label (Table 9 exists by hand only for it), else the extracted one."""
    return MODES if case["label"] == "seed" else ("extracted",)


def _claim_cases() -> list[Any]:
    return [
        pytest.param(
            mode,
            case,
            expected,
            id=f"{case['id']}: {expected['quote']} [{mode}]",
            marks=[pytest.mark.xfail(strict=True, reason=expected["known_gap"])] if "known_gap" in expected else [],
        )
        for case in ARTICLES["articles"]
        for expected in case["claims"]
        for mode in _modes(case)
    ]


def _article_cases() -> list[Any]:
    return [
        pytest.param(mode, case, id=f"{case['id']} [{mode}]") for case in ARTICLES["articles"] for mode in _modes(case)
    ]


@pytest.mark.parametrize(("mode", "case", "expected"), _claim_cases())
def test_claim_verdict(mode: str, case: dict[str, Any], expected: dict[str, Any], label: Source) -> None:
    claim = _claim_at(_report(mode, case, label), expected["quote"], expected["value"])
    assert (claim.verdict, claim.kind) == (expected["verdict"], expected.get("kind")), claim.explanation
    for word in expected.get("mentions", []):
        assert word in claim.explanation, f"{word!r} missing from: {claim.explanation}"
    if claim.verdict != "unverifiable":
        assert claim.explanation and (claim.evidence is not None or claim.statistic == "scope")


@pytest.mark.parametrize(("mode", "case"), _article_cases())
def test_no_claim_flagged_that_is_not_a_planted_misquote(mode: str, case: dict[str, Any], label: Source) -> None:
    report = _report(mode, case, label)
    expected = {
        id(_claim_at(report, e["quote"], e["value"]))
        for e in case["claims"]
        if e["verdict"] in FLAGGED and "no claim" not in e.get("known_gap", "")
    }
    unexpected = [(c.text, c.value, c.kind) for c in report.claims if c.verdict in FLAGGED and id(c) not in expected]
    assert unexpected == []


@pytest.mark.parametrize("case", ARTICLES["articles"], ids=[case["id"] for case in ARTICLES["articles"]])
def test_numbers_that_are_not_statistics_make_no_claim(case: dict[str, Any], label: Source) -> None:
    report = _report("extracted", case, label)
    for piece in case["no_claim"]:
        start = report.article.text.index(piece)
        end = start + len(piece)
        inside = [c.text for c in report.claims if c.value_span and start <= c.value_span[0] < end]
        assert inside == [], f"{piece!r} made a claim"


@pytest.mark.parametrize("case", ARTICLES["articles"], ids=[case["id"] for case in ARTICLES["articles"]])
def test_summary_counts_every_claim_once(case: dict[str, Any], label: Source) -> None:
    report = _report("extracted", case, label)
    assert sum(report.summary.values()) == len(report.claims)
    assert report.summary["contradicted"] == sum(c.verdict == "contradicted" for c in report.claims)


@pytest.mark.parametrize("case", ARTICLES["articles"], ids=[case["id"] for case in ARTICLES["articles"]])
def test_evidence_is_traceable_to_the_source_text(case: dict[str, Any], label: Source) -> None:
    report = _report("extracted", case, label)
    for claim in report.claims:
        if claim.evidence is not None:
            start, end = claim.evidence.span
            source = next(s for s in report.sources if s.id == claim.evidence.source)
            assert source.text[start:end] == claim.evidence.raw
        if claim.value_span is not None:
            assert report.article.text[claim.value_span[0] : claim.value_span[1]].strip()


# --- the two real seed articles --------------------------------------------------------------

SEEDS = ("000_daef982d9de4c2d6.txt", "001_98ffd6fb2207c769.txt")


def _seed(name: str) -> tuple[Article, VerifyReport]:
    article = load_article(str(shared_file(f"seeds/{name}")))
    return article, verify(article)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_numeric_claims_are_supported(name: str) -> None:
    _article, report = _seed(name)
    numeric = [c for c in report.claims if c.value is not None]
    values = {(c.statistic, c.value) for c in numeric}
    assert {("median", 4.6), ("median", 1.6), ("dose", 800.0)} <= values
    assert [(c.text, c.value) for c in numeric if c.verdict != "supported"] == []


def test_first_seed_quotes_response_rates_and_duration() -> None:
    _article, report = _seed(SEEDS[0])
    supported = {(c.statistic, c.endpoint, c.value) for c in report.claims if c.verdict == "supported"}
    assert {("rate", "ORR", 4.0), ("rate", "ORR", 0.0), ("median", "DOR", 9.0)} <= supported


def test_first_seed_thigh_sentence_is_overgeneralized() -> None:
    _article, report = _seed(SEEDS[0])
    scope = [c for c in report.claims if c.statistic == "scope"]
    assert len(scope) == 1
    claim = scope[0]
    assert claim.text.startswith("The treatment for soft tissue sarcoma of the thigh is pazopanib")
    assert (claim.verdict, claim.kind) == ("overgeneralized", "population_extrapolation")
    for qualifier in ("metastatic", "prior chemotherapy", "GIST", "adipocytic sarcoma"):
        assert qualifier in claim.explanation


def test_second_seed_honest_sentence_is_not_flagged() -> None:
    _article, report = _seed(SEEDS[1])
    honest = [c for c in report.claims if c.text.startswith("The treatment for soft tissue alveolar sarcoma")]
    assert honest and all(c.verdict == "supported" for c in honest)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_has_nothing_contradicted_and_the_quote_is_not_a_claim(name: str) -> None:
    article, report = _seed(name)
    assert report.summary["contradicted"] == 0
    quoted = quoted_label_span(article)
    assert quoted is not None
    assert [c.text for c in report.claims if quoted[0] <= c.span[0] < quoted[1]] == []


def test_article_without_a_quoted_label_has_no_source() -> None:
    article = load_article(str(CASES / "articles" / "pazopanib_misquotes.txt"))
    report = verify(article)
    assert report.sources == ()
    assert report.claims and {c.verdict for c in report.claims} == {"unverifiable"}


def test_seed_copy_in_data_matches_the_shared_seed() -> None:
    shared = shared_file(f"seeds/{SEEDS[0]}")
    assert Path(SEED_COPY).read_bytes() == shared.read_bytes()


_WORDS = [
    "Median PFS was",
    "4.6",
    "1.6",
    "9.0",
    "months",
    "weeks",
    "with",
    "pazopanib",
    "placebo",
    "VOTRIENT",
    "HR",
    "=",
    "0.35",
    "(0.26-0.48)",
    "%",
    "[2]",
    ".",
    ",",
    "patients",
    "randomized",
    "800 mg once daily",
    "is the treatment for",
    "metastatic STS",
    "leiomyosarcoma subgroup",
    "overall survival",
    "significantly improved",
    "reduced the risk of progression by",
    "65",
    "more than doubled",
    "respectively",
    "vs",
    "\n",
    "• ",
    "From the FDA Drug Label\n\n",
]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_any_article_gets_a_verdict_for_every_claim(words: list[str]) -> None:
    seed_label = quoted_label_source(load_article(str(SEED_COPY)))
    assert seed_label is not None
    text = " ".join(words)
    if not text.strip():
        return
    report = verify_with(article_from_bytes(text.encode("utf-8"), "fuzz.txt"), _by_hand_report(seed_label))
    assert sum(report.summary.values()) == len(report.claims)
    for claim in report.claims:
        assert claim.verdict in VERDICTS
        assert (claim.kind is not None) == (claim.verdict in FLAGGED)
        assert claim.explanation


# Pieces of an article around a drug's names, run together: names glued to letters and to each
# other, overlapping ("a b a b a"), in other cases.
_NAME_PIECES = ["Xarelto", "xarelto", "rivaroxaban", "a b a", " b a", "x", " ", ". ", "(", "_", "5"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=25), st.sampled_from(["Xarelto", "a b a"]), st.data())
def test_a_name_before_a_claim_is_found_by_position_as_a_search_finds_it(
    pieces: list[str], name: str, data: st.DataObject
) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    searched = build.whole_name(name).search(text, start, end) is not None
    assert _named_between(text, name, start, end) == searched


def test_a_name_overlapping_another_is_found_inside_a_window() -> None:
    # "a b a b a": the second "a b a" starts inside the first; a search from 4 finds it
    assert _named_between("a b a b a x", "a b a", 4, 11)
    assert not _named_between("a b a b a x", "a b a", 5, 11)
