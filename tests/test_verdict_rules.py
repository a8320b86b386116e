"""The rules verdicts are built from, each checked on a table of real phrasings (tests/cases/verdict_rules.json):
which label arm an article's arm settles, whether a bound holds, which numbers are no results, which
modifiers make another quantity, which counts are not of patients, which clauses name a subgroup; and,
as properties, that a correction never writes a label value after an article's sign it does not fit."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.records import Claim, Measurement
from extractors.text import numbers as printed
from extractors.verdicts import matching, quantity
from extractors.verdicts.arms import read_arm
from extractors.verdicts.describe import contradicted
from extractors.verdicts.quantity import LabelView

RULES: dict[str, Any] = json.loads((CASES / "verdict_rules.json").read_text(encoding="utf-8"))


def _cases(table: str) -> list[Any]:
    return [pytest.param(case, id=case["id"]) for case in RULES[table]]


def _claim(text: str, raw: str, statistic: str = "rate", unit: str | None = None) -> Claim:
    """A claim on the first ``raw`` of ``text``, as the claim reader would give it."""
    start = text.index(raw)
    value = printed.to_float(raw) if raw[0].isdigit() else 3.0
    return Claim(
        text=text, span=(0, len(text)), value_span=(start, start + len(raw)), value=value,
        statistic=statistic, unit=unit, raw=raw,
    )  # fmt: skip


@pytest.mark.parametrize("case", _cases("arms"))
def test_an_articles_arm_settles_a_label_arm_only_when_it_names_one(case: dict[str, Any]) -> None:
    reading = read_arm(case["claim"], case["label"])
    assert (reading.arm, reading.how, reading.unambiguous) == (case["arm"], case["how"], case["unambiguous"])


@pytest.mark.parametrize("case", _cases("bounds"))
def test_a_bound_holds_when_the_labels_value_lies_inside_it(case: dict[str, Any]) -> None:
    claim = _claim(case["text"], case["raw"], statistic="p")
    label = Measurement(
        source="label",
        statistic="p",
        value=float(case["label"]),
        raw=case["label"],
        span=(0, 1),
        qualifier=case["qualifier"],
    )
    assert matching.matches(claim, label, printed.decimals(case["raw"])) is case["holds"]


@pytest.mark.parametrize("case", _cases("non_results"))
def test_maturities_and_follow_up_times_are_no_results(case: dict[str, Any]) -> None:
    claim = _claim(case["text"], case["raw"], unit=case["unit"])
    assert quantity.claim_is_non_result(claim) is case["non_result"]


def test_a_label_maturity_is_no_result_either() -> None:
    text = "While OS results were immature at the current analysis, with 36% of pre-specified deaths, no difference was seen."
    start = text.index("36")
    m = Measurement(source="label", statistic="rate", value=36.0, raw="36", span=(start, start + 2), endpoint="OS")
    assert LabelView((m,), {"label": text}).is_non_result(m)


@pytest.mark.parametrize("case", _cases("modifiers"))
def test_modifiers_make_an_endpoint_another_quantity(case: dict[str, Any]) -> None:
    assert quantity.claim_modifiers(_claim(case["text"], case["raw"])) == frozenset(case["modifiers"])


@pytest.mark.parametrize("case", _cases("counts"))
def test_a_count_of_trials_or_samples_is_no_n(case: dict[str, Any]) -> None:
    assert quantity.counts_other_things(_claim(case["text"], case["raw"], statistic="n")) is case["other_things"]


@pytest.mark.parametrize("case", _cases("subgroups"))
def test_a_clause_naming_patients_of_an_age_or_weight_names_a_subgroup(case: dict[str, Any]) -> None:
    assert (quantity.claim_subgroup(_claim(case["text"], case["raw"])) is not None) is case["subgroup"]


_P = st.sampled_from(["0.001", "0.0001", "0.01", "0.05", "0.0462", "0.0004", "0.24"])


@settings(max_examples=200, deadline=None)
@given(
    article_sign=st.sampled_from(["<", "=", ">", "≤"]), article=_P, label=_P, label_sign=st.sampled_from([None, "<"])
)
def test_a_correction_writes_the_labels_value_after_the_labels_own_sign(
    article_sign: str, article: str, label: str, label_sign: str | None
) -> None:
    text = f"Survival improved (HR 0.80; p {article_sign} {article})."
    claim = _claim(text, article, statistic="p")
    target = Measurement(
        source="label", statistic="p", value=float(label), raw=label, span=(0, 1), qualifier=label_sign, endpoint="OS"
    )
    explanation = contradicted(claim, "wrong_value", None, target).explanation
    corrected = explanation.split("Corrected: '", 1)[1]
    assert f"p {label_sign or '='} {label}" in corrected or (
        article_sign == (label_sign or "=") and f"p {article_sign} {label}" in corrected
    )
    if article_sign != (label_sign or "="):
        assert f"{article_sign} {label}" not in corrected


@pytest.mark.parametrize("case", _cases("populations"))
def test_an_articles_population_is_a_labels_only_when_it_names_its_words(case: dict[str, Any]) -> None:
    claim = Claim(text="x", span=(0, 1), value_span=(0, 1), value=1.0, population=case["population"])
    rows = [
        Measurement(source="label", statistic="median", value=1.0, raw="1", span=(0, 1), population=p)
        for p in case["label"]
    ]
    assert matching.claim_population(claim, rows) == (case["known"], case["is"])
