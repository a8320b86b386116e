"""Adverse-reaction figures (issue 11 item 6), on the case table tests/cases/verify_safety.json: what the
claim reader reads in a sentence (reaction, grade, arm, or nothing), the verdicts against a label's
adverse-reaction tables built by hand, the same against real corpus labels, and, as properties, that a
safety figure is contradicted only with evidence of its own reaction and a grade the label gives."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from conftest import CASES, nth_claim, shared_file, verified_claims
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.claims.numeric import numeric_claims
from extractors.claims.safety import STATISTIC, canonical_reaction, read_sentence
from extractors.claims.sentences import sentence_at
from extractors.ingest.articles import article_from_bytes
from extractors.ingest.grids import ADVERSE_TABLES_HEADING
from extractors.ingest.labels import load_source
from extractors.read.pipeline import extract
from extractors.read.scene import Scene
from extractors.records import Claim, ExtractReport, Measurement, Source
from extractors.verdicts.quantity import LabelView
from extractors.verdicts.verify import check_claim, verify_with

SAFETY: dict[str, Any] = json.loads((CASES / "verify_safety.json").read_text(encoding="utf-8"))
SCENE = Scene(source="article", drugs=("TAGRISSO", "osimertinib"), experimental="TAGRISSO")


def _cases(table: str) -> list[Any]:
    return [pytest.param(case, id=case["id"]) for case in SAFETY[table]]


@pytest.mark.parametrize("case", _cases("reading"))
def test_reading(case: dict[str, Any]) -> None:
    read = read_sentence(case["text"], SCENE)
    found = [[case["text"][n.start : n.end], r.reaction, r.grade, r.arm] for n, r in read]
    assert found == case["expect"]


def _hand_label() -> ExtractReport:
    """The label of verify_safety.json's 'label': its captions as text, each cell a measurement placed
    after its table's caption (the verdicts read a table's caption to tell lab values apart)."""
    label = SAFETY["label"]
    text = (
        "TAGRISSO (osimertinib) tablets\n"
        + ADVERSE_TABLES_HEADING
        + "\n"
        + "\n".join(table["caption"] + "\n(rows)" for table in label["tables"])
    )
    source = Source(id="hand", path="hand", kind="text", drug=label["drug"], title="TAGRISSO", text=text)
    records = []
    for table in label["tables"]:
        at = text.index(table["caption"]) + len(table["caption"]) + 1
        for reaction, grade, *values in table["rows"]:
            for arm, raw in zip(table["arms"], values, strict=True):
                records.append(
                    Measurement(
                        source="hand", statistic="rate", value=float(raw), raw=raw, span=(at, at + 1),
                        trial=table["trial"], endpoint=reaction, arm=arm, unit="%", table=table["table"],
                        row=reaction, column=arm, grade=grade,
                    )
                )  # fmt: skip
    return ExtractReport((source,), tuple(records))


HAND = _hand_label()


@pytest.mark.parametrize("case", _cases("verdicts"))
def test_verdicts_by_hand(case: dict[str, Any]) -> None:
    claim = nth_claim(verified_claims(case["text"], HAND, "Safety"), case["raw"], case.get("nth", 0))
    assert claim.statistic == STATISTIC
    assert (claim.verdict, claim.kind if claim.verdict == "contradicted" else None) == (
        case["verdict"],
        case.get("kind"),
    ), claim.explanation
    assert claim.explanation


@pytest.fixture(scope="module")
def corpus_labels() -> dict[str, ExtractReport]:
    return {}


@pytest.mark.parametrize("case", _cases("corpus"))
def test_verdicts_on_corpus_labels(case: dict[str, Any], corpus_labels: dict[str, ExtractReport]) -> None:
    path = str(shared_file(case["label"].removeprefix("shared/")))
    if path not in corpus_labels:
        corpus_labels[path] = extract((load_source(path),))
    claims = verified_claims(case["text"], corpus_labels[path], "Safety")
    got = [[raw, nth, nth_claim(claims, raw, nth).verdict] for raw, nth, _ in case["expect"]]
    assert got == case["expect"], [c.explanation for c in claims]


def test_synonyms_resolve() -> None:
    assert canonical_reaction("Reduced  appetite") == "decreased appetite"
    assert canonical_reaction("Pruritis") == "pruritus"
    assert canonical_reaction("diarrhea") == "diarrhea"


_SHARES = st.sampled_from(["0.4", "1", "2", "2.2", "3", "5", "9", "12", "58", "78"])
_GRADES = st.sampled_from(["", "grade 3 ", "grade 3 or higher ", "grade 2 ", "grade 4 ", "serious ", "grade 3-4 "])
_REACTIONS = st.sampled_from(["diarrhea", "rash", "paronychia", "anemia", "pneumonia", "hypertension", "nausea"])
_ARMS = st.sampled_from(
    ["of patients", "of osimertinib patients", "with placebo", "on gefitinib", "of patients aged 65 years or older"]
)
_TRIALS = st.sampled_from(["In FLAURA, ", "In LAURA, ", "In AURA3, ", ""])


@settings(max_examples=120, deadline=None)
@given(_TRIALS, _GRADES, _REACTIONS, _SHARES, _ARMS)
def test_contradicted_only_with_its_own_reaction_and_grade(
    trial: str, grade: str, reaction: str, share: str, arm: str
) -> None:
    """Whatever the phrasing, a safety figure called contradicted has as evidence a label row of its
    reaction, in a grade column that holds its grade, of the trial the sentence names; and every number
    of an explanation is the article's or the label's."""
    text = f"{trial}{grade}{reaction} occurred in {share}% {arm}.".strip()
    text = text[0].upper() + text[1:]
    for claim in verified_claims(text, HAND, "Safety"):
        if claim.statistic != STATISTIC or claim.verdict != "contradicted":
            continue
        evidence = claim.evidence
        assert evidence is not None and evidence.grade is not None
        assert canonical_reaction(evidence.endpoint or "").split(" (")[0] == claim.endpoint
        assert grade.strip() not in {"grade 2", "grade 4", "serious"}
        assert "aged" not in arm
        if trial:
            assert evidence.trial and evidence.trial in trial
        assert share in claim.explanation and evidence.raw in claim.explanation


ARTICLE = json.loads((CASES / "articles" / "osimertinib_safety_review.expect.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def safety_review() -> tuple[str, list[Claim]]:
    """The safety review article of tests/cases/articles, checked against the TAGRISSO label."""
    label = extract((load_source(str(shared_file(ARTICLE["sources"][0].removeprefix("shared/")))),))
    article = article_from_bytes((CASES.parent.parent / ARTICLE["article"]).read_bytes(), "review.md")
    return article.text, list(verify_with(article, label).claims)


@pytest.mark.parametrize("check", [pytest.param(c, id=c["quote"][:50]) for c in ARTICLE["checks"]])
def test_safety_review_article(check: dict[str, Any], safety_review: tuple[str, list[Claim]]) -> None:
    """Each hand-read number of the article has the verdict (and kind) its expectation gives."""
    text, claims = safety_review
    start = text.index(check["quote"])
    end = start + len(check["quote"])
    found = [
        c
        for c in claims
        if c.value_span
        and start <= c.value_span[0] < end
        and c.value is not None
        and abs(c.value - check["value"]) < 1e-9
    ]
    assert found, f"no claim for {check['value']} in {check['quote']!r}"
    assert {(c.verdict, c.kind if c.verdict == "contradicted" else None) for c in found} == {
        (check["verdict"], check.get("kind"))
    }, [c.explanation for c in found]


@pytest.fixture(scope="module")
def tagrisso() -> ExtractReport:
    return extract((load_source(str(shared_file("corpus/raw/tagrisso_openfda_label.json"))),))


@pytest.mark.parametrize("case", _cases("cells"))
def test_review_table_cells(case: dict[str, Any], tagrisso: ExtractReport) -> None:
    """A cell of a review's table of trials, read in its row's trial and arms (drug first; an arm only
    when the row has one), as the article-table reader reads cells: the dev gold's verdicts."""
    arms = tuple(case["arms"])
    scene = replace(SCENE, trial=case["trial"], trial_arms=arms, default_arm=arms[0] if len(arms) == 1 else None)
    sentence = sentence_at(0, case["text"])
    view = LabelView.of(tagrisso.sources, tagrisso.measurements)
    claims = [check_claim(c, tagrisso, view) for c in numeric_claims(sentence, (None, case["trial"], None), scene)]
    got = [[raw, nth, nth_claim(claims, raw, nth).verdict] for raw, nth, _ in case["expect"]]
    assert got == case["expect"], [c.explanation for c in claims]
