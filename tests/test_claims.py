"""Claims read from sentences: what is a claim, and what is not (tests/cases/claims_sentences.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.claims import find_claims
from extractors.ingest.articles import article_from_bytes
from extractors.records import Claim
from extractors.text.names import canonical_arm

CASE_TABLE: dict[str, Any] = json.loads((CASES / "claims_sentences.json").read_text(encoding="utf-8"))
FIELDS = ("statistic", "value", "endpoint", "arm", "unit", "hedge", "population", "trial", "ci_low", "ci_high")


def _claims(text: str, trials: list[str] | None = None, drugs: tuple[str, ...] = ()) -> tuple[str, tuple[Claim, ...]]:
    article = article_from_bytes(text.encode("utf-8"), "case.txt")
    return article.text, find_claims(article, trials, drugs)


def _find(text: str, claims: tuple[Claim, ...], expected: dict[str, Any]) -> Claim:
    if expected["at"] is None:
        found = [c for c in claims if c.value_span is None and c.statistic == expected["statistic"]]
    else:
        start = -1
        for _ in range(expected.get("nth", 0) + 1):
            start = text.index(expected["at"], start + 1)
        found = [c for c in claims if c.value_span and c.value_span[0] == start]
    assert len(found) == 1, f"expected one claim at {expected['at']!r}, got {[(c.text, c.value) for c in claims]}"
    return found[0]


@pytest.mark.parametrize("case", CASE_TABLE["cases"], ids=[case["id"] for case in CASE_TABLE["cases"]])
def test_claims_of_sentence(case: dict[str, Any]) -> None:
    text, claims = _claims(case["text"], case.get("trials"), tuple(case.get("drugs", ())))
    assert len(claims) == len(case["claims"]), [(c.text, c.statistic, c.value) for c in claims]
    for expected in case["claims"]:
        claim = _find(text, claims, expected)
        for field in FIELDS:
            if field in expected:
                assert getattr(claim, field) == expected[field], f"{field} of claim at {expected['at']!r}"
        if "cites" in expected:
            assert list(claim.cites) == expected["cites"]
        assert claim.verdict == "unverifiable"


@pytest.mark.parametrize(
    ("name", "canonical"),
    [("VOTRIENT", "pazopanib"), ("Pazopanib", "pazopanib"), ("the placebo arm", "placebo"), (None, None)],
    ids=["brand", "generic-capitalised", "control-arm-phrase", "none"],
)
def test_canonical_arm(name: str | None, canonical: str | None) -> None:
    assert canonical_arm(name) == canonical


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Median PFS was",
                "4.6",
                "months",
                "with",
                "pazopanib",
                "placebo",
                "HR",
                "=",
                "0.35",
                "(0.26-0.48)",
                "%",
                "[2]",
                ".",
                ",",
                "2",
                "patients",
                "800 mg once daily",
                "is the treatment for",
                "STS",
                "\n",
                "•",
                "respectively",
                "subgroup",
                "significantly",
                "p<0.001",
                "May 16, 2025",
                "5-10 years",
                "OS",
            ]
        ),
        max_size=40,
    )
)
def test_any_text_gives_claims_whose_numbers_are_in_the_text(words: list[str]) -> None:
    text = " ".join(words)
    if not text.strip():
        return
    article_text, claims = _claims(text)
    for claim in claims:
        assert article_text[claim.span[0] : claim.span[1]] == claim.text
        if claim.value is not None and claim.value_span is not None and claim.statistic != "fold":
            raw = article_text[claim.value_span[0] : claim.value_span[1]]
            assert float(raw.replace(",", "")) == claim.value
