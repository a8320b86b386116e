"""Scope statements against the trial population and indication a label states."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES, PROJECT
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.claims import find_claims
from extractors.ingest.articles import article_from_bytes, load_article, quoted_label_source
from extractors.read.populations import extract_populations
from extractors.records import Source
from extractors.text import qualifiers
from extractors.verdicts.scope import check_scope

# words of the scope vocabulary and words around them: texts that state qualifiers, and texts that do not
_SCOPE_WORDS = sorted(
    {
        word
        for key in qualifiers.DIMENSIONS
        for phrases in qualifiers._data()[key].values()
        for p in phrases
        for word in str(p).split()
    }
    | {"patients", "with", "non-", "were", "randomized", "and", "or"}
)

CASE_TABLE: dict[str, Any] = json.loads((CASES / "scope_statements.json").read_text(encoding="utf-8"))
SEED_COPY = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"


def _label(name: str) -> Source:
    if name == "seed":
        source = quoted_label_source(load_article(str(SEED_COPY)))
        assert source is not None
        return source
    return Source(id=name, path=name, kind="text", drug=None, title=name, text=CASE_TABLE["labels"][name])


@pytest.mark.parametrize("case", CASE_TABLE["cases"], ids=[case["id"] for case in CASE_TABLE["cases"]])
def test_scope_statement(case: dict[str, Any]) -> None:
    article = article_from_bytes(case["text"].encode("utf-8"), "case.txt")
    scope_claims = [c for c in find_claims(article, drugs=case.get("drugs", ())) if c.statistic == "scope"]
    assert len(scope_claims) == 1
    label = _label(case["label"])
    checked = check_scope(scope_claims[0], [label], extract_populations(label))
    assert (checked.verdict, checked.kind) == (case["verdict"], case["kind"]), checked.explanation
    for word in case.get("mentions", []):
        assert word in checked.explanation


def test_trial_scope_of_the_seed_label() -> None:
    scopes = extract_populations(_label("seed"))
    scope = scopes[0] if scopes else None
    assert scope is not None
    assert scope.trial == "VEG110727"
    assert {(q.dimension, q.value) for q in scope.qualifiers} == {
        ("stage", "metastatic or advanced"),
        ("prior_therapy", "previously treated"),
    }
    assert scope.excluded == ("gastrointestinal stromal tumors (GIST)", "adipocytic sarcoma")
    source = _label("seed")
    assert source.text[scope.enrolment_span[0] : scope.enrolment_span[1]] == scope.enrolment


def test_text_without_a_population_has_no_trial_scope() -> None:
    assert extract_populations(_label("no-population")) == ()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SCOPE_WORDS), max_size=8).map(" ".join))
def test_states_any_is_whether_qualifiers_finds_one(text: str) -> None:
    """The early-stopping test agrees with the full reading on sentences made of the vocabulary's words."""
    assert qualifiers.states_any(text) == bool(qualifiers.qualifiers(text))
