"""The rules verdicts are built from, each checked on a table of real phrasings (tests/cases/verdict_rules.json):
which label arm an article's arm settles, whether a bound holds, which numbers are no results, which
modifiers make another quantity, which counts are not of patients, which clauses name a subgroup; and,
as properties, that a correction never writes a label value after an article's sign it does not fit."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest
from conftest import CASES
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.ingest.articles import article_from_bytes
from extractors.records import Claim, ExtractReport, Measurement
from extractors.text import numbers as printed
from extractors.text.patterns import verdicts as verdict_patterns
from extractors.verdicts import derived, endpoints, matching, quantity, reductions, shares, trial_names, unsaid
from extractors.verdicts.arms import read_arm
from extractors.verdicts.describe import contradicted, describe
from extractors.verdicts.doses import check_dose
from extractors.verdicts.elsewhere import kin_endpoints
from extractors.verdicts.numbers import check_number
from extractors.verdicts.quantity import LabelView
from extractors.verdicts.verify import _other_drug, check_claim, is_relative_reduction, stated_reduction

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


@pytest.mark.parametrize("case", _cases("share_endpoints"))
def test_a_share_names_its_endpoint_after_the_words_of_its_group(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"]), endpoint=case["endpoint"])
    assert (shares.what_rate(claim) is None) is case["named"]


@pytest.mark.parametrize("case", _cases("enrolments"))
def test_a_count_is_a_trials_patients_only_where_its_sentence_says_so(case: dict[str, Any]) -> None:
    claim = _claim(case["text"], case["raw"], statistic="n")
    assert quantity.sentence_says(claim, "counts", "enrolment") is case["enrolment"]


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


@pytest.mark.parametrize("case", _cases("combined_totals"))
def test_a_count_of_several_trials_is_the_sum_of_their_totals(case: dict[str, Any]) -> None:
    claim = _claim(case["text"], case["raw"], statistic="n")
    pools = {
        trial: [
            Measurement(source="label", statistic="n", value=printed.to_float(raw), raw=raw, span=(i, i + 1),
                        trial=trial, arm=arm, table=f"Table of {trial}")
            for i, (arm, raw) in enumerate(rows)
        ]
        for trial, rows in case["trials"].items()
    }  # fmt: skip
    view = LabelView(tuple(m for rows in pools.values() for m in rows), {"label": ""})
    judged = derived.check_combined_total(claim, pools, view)
    assert (judged is not None and judged.verdict == "supported") is case["supported"]


@pytest.mark.parametrize("case", _cases("alone"))
def test_an_arm_named_alone_is_that_arm_not_its_combinations(case: dict[str, Any]) -> None:
    end = case["text"].index(case["raw"]) + len(case["raw"])
    assert (verdict_patterns.ALONE_AFTER.match(case["text"], end) is not None) is case["alone"]


@pytest.mark.parametrize("case", _cases("endpoint_by_value"))
def test_a_ratio_naming_no_known_endpoint_is_the_one_endpoint_its_value_is(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic=case["statistic"]), trial="ROCKET AF", arm="xarelto")
    if "ci" in case:
        low, high = case["ci"]
        claim = replace(claim, ci_low=float(low), ci_high=float(high), ci_low_raw=low, ci_high_raw=high)
    elif "(95% CI" in case["text"]:
        claim = replace(claim, ci_low=0.74, ci_high=1.03, ci_low_raw="0.74", ci_high_raw="1.03")
    rows = tuple(
        Measurement(source="label", statistic="hr", value=float(value), raw=value, span=(i, i + 1), trial="ROCKET AF",
                    endpoint=endpoint, arm="XARELTO", comparator="Warfarin", ci_low=float(low), ci_high=float(high),
                    table="Table 19", row=endpoint, column="Hazard Ratio")
        for i, (endpoint, value, low, high) in enumerate(case["rows"])
    )  # fmt: skip
    judged = check_number(claim, LabelView(rows, {"label": ""}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("other_ratio"))
def test_a_hazard_ratio_the_label_gives_as_another_ratio_is_misnamed(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="hr"), trial="MAGELLAN", arm="xarelto", endpoint="VTE")
    statistic, raw = case["label"]
    row = Measurement(source="label", statistic=statistic, value=float(raw), raw=raw, span=(0, 4), trial="MAGELLAN",
                      endpoint="VTE", arm="XARELTO", comparator="Enoxaparin", table="Table 24", row="VTE", column="RR")  # fmt: skip
    judged = check_number(claim, LabelView((row,), {"label": ""}))
    assert (judged.verdict, judged.kind) == (case["verdict"], case["kind"]), judged.explanation


@pytest.mark.parametrize("case", _cases("label_endpoints"))
def test_an_endpoint_the_vocabulary_lacks_is_named_in_the_labels_words(case: dict[str, Any]) -> None:
    claim = _claim(case["text"], case["raw"], statistic="hr")
    assert endpoints.named_label_endpoint(claim, case["endpoints"]) == case["named"]


@pytest.mark.parametrize("case", _cases("table_row_endpoints"))
def test_an_article_tables_row_is_the_labels_row_with_the_same_parts(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"]), endpoint=case["endpoint"])
    rows = tuple(
        Measurement(source="label", statistic="rate", value=1.0, raw="1.0", span=(i, i + 1), endpoint=endpoint)
        for i, endpoint in enumerate(case["rows"])
    )
    assert endpoints.label_named(claim, LabelView(rows, {"label": " " * 10}), "rate") == case["named"]


@pytest.mark.parametrize("case", _cases("only_analysis"))
def test_a_quantity_the_label_gives_in_one_analysis_only(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="hr"), trial="ROCKET AF", arm="xarelto")
    claim = replace(claim, endpoint=case["endpoint"])
    text = f"{case['caption']}\n" + " " * 40
    rows = tuple(
        Measurement(source="label", statistic="hr", value=float(value), raw=value, span=(60 + i, 61 + i),
                    trial="ROCKET AF", endpoint=endpoint, arm="XARELTO", comparator="Warfarin",
                    table=case["caption"].split(":")[0], row=endpoint, column="Hazard Ratio")
        for i, (endpoint, value) in enumerate(case["rows"])
    )  # fmt: skip
    judged = check_number(claim, LabelView(rows, {"label": text}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("whole_trial"))
def test_the_whole_trial_is_not_answered_by_a_subgroup(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], "0.74", statistic="hr"), trial="COMPASS", arm="xarelto")
    claim = replace(claim, endpoint="Stroke, MI or CV death")
    row = Measurement(source="label", statistic="hr", value=0.74, raw="0.74", span=(0, 4), trial="COMPASS",
                      endpoint="Stroke, MI or CV death", arm="XARELTO", comparator="Placebo", table="Table 26",
                      row="Stroke, MI or CV death", column="Hazard Ratio", population=case["population"])  # fmt: skip
    judged = check_number(claim, LabelView((row,), {"label": ""}))
    assert (judged.verdict == "supported") == (case["verdict"] == "supported"), judged.explanation


@pytest.mark.parametrize("case", _cases("exposure_scales"))
def test_event_rates_are_compared_on_one_scale(case: dict[str, Any]) -> None:
    assert matching.same_exposure(case["claim"], case["label"]) == case["same"]


@pytest.mark.parametrize("case", _cases("caption_subjects"))
def test_a_row_is_named_by_its_captions_subject(case: dict[str, Any]) -> None:
    caption = "Table 1 - Non-CABG related bleeds (PLATO)"
    raw = case["text"].split("% of")[0].split()[-1]
    claim = replace(_claim(case["text"], raw, statistic="rate", unit="%"), trial="PLATO", arm=case["arm"])
    rows = tuple(
        Measurement(source="label", statistic="rate", value=float(value), raw=value, span=(60 + i, 61 + i),
                    trial="PLATO", endpoint="Major", arm=arm, unit="%", table="Table 1", row="Major", column=arm)
        for i, (arm, value) in enumerate([("BRILINTA", "3.9"), ("Clopidogrel", "3.3")])
    )  # fmt: skip
    judged = check_number(claim, LabelView(rows, {"label": f"{caption}\n" + " " * 40}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("stated_reductions"))
def test_a_relative_risk_reduction_the_label_states(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="risk_reduction", unit="%"), trial="RECORD 1")
    rows = [
        Measurement(source="label", statistic="rrr", value=71.0, raw="71", span=(0, 2), trial="RECORD 1",
                    endpoint="Total VTE", arm="XARELTO", comparator="Enoxaparin", table="Table 22", row="Total VTE")
    ]  # fmt: skip
    if case["hr"]:
        rows.append(replace(rows[0], statistic="hr", value=float(case["hr"]), raw=case["hr"], span=(3, 7)))
    judged = stated_reduction(claim, LabelView(tuple(rows), {"label": ""}))
    assert (judged.verdict if judged else None) == case["verdict"], judged and judged.explanation


@pytest.mark.parametrize("case", _cases("other_exposure"))
def test_an_event_rate_on_another_time_scale(case: dict[str, Any]) -> None:
    text = f"Intracranial hemorrhage: {case['raw']}% per month."
    claim = replace(_claim(text, case["raw"], statistic="event_rate", unit="%/month"), trial="ROCKET AF")
    claim = replace(claim, endpoint="Intracranial Hemorrhage (ICH)", arm=case["arm"])
    rows = tuple(
        Measurement(source="label", statistic="event_rate", value=float(value), raw=value, span=(i, i + 3),
                    trial="ROCKET AF", endpoint="Intracranial Hemorrhage (ICH)", arm=arm, unit="%/year",
                    table="Table 5", row="Intracranial Hemorrhage (ICH)", column=arm)
        for i, (arm, value) in enumerate([("XARELTO", "0.5"), ("Warfarin", "0.7")])
    )  # fmt: skip
    judged = matching.other_exposure(claim, rows)
    assert (judged.kind if judged else None) == case["kind"]


@pytest.mark.parametrize("case", _cases("populations"))
def test_an_articles_population_is_a_labels_only_when_it_names_its_words(case: dict[str, Any]) -> None:
    claim = Claim(text="x", span=(0, 1), value_span=(0, 1), value=1.0, population=case["population"])
    rows = [
        Measurement(source="label", statistic="median", value=1.0, raw="1", span=(0, 1), population=p)
        for p in case["label"]
    ]
    assert matching.claim_population(claim, rows) == (case["known"], case["is"])


@pytest.mark.parametrize("case", _cases("untrialed_label"))
def test_a_trials_claim_against_a_label_naming_no_trial(case: dict[str, Any]) -> None:
    text = "In VEG110727, median PFS was 4.6 months with pazopanib."
    claim = replace(
        _claim(text, "4.6", statistic="median", unit="months"), trial="VEG110727", endpoint="PFS", arm="pazopanib"
    )
    rows = tuple(
        Measurement(source="label", statistic="median", value=value, raw=raw, span=(i, i + 3), trial=case["label_trial"],
                    endpoint="PFS", arm=arm, unit="months", table="Table 9", row="Median (months)", column=arm)
        for i, (arm, value, raw) in enumerate([("VOTRIENT", 4.6, "4.6"), ("Placebo", 1.6, "1.6")])
    )  # fmt: skip
    assert check_number(claim, LabelView(rows, {"label": ""})).verdict == case["verdict"]


@pytest.mark.parametrize("case", _cases("dose_drugs"))
def test_a_dose_is_checked_against_its_own_drugs_doses(case: dict[str, Any]) -> None:
    text = f"{case['claim_drug']} is given at {case['raw']} {case['unit']}."
    claim = replace(_claim(text, case["raw"], statistic="dose", unit=case["unit"]), arm=case["claim_drug"])
    label = float(case["raw"]) if case["verdict"] == "supported" else 5.4
    dose = Measurement(source="label", statistic="dose", value=label, raw=f"{label:g}", span=(0, 3),
                       arm=case["label_drug"], unit=case["label_unit"])  # fmt: skip
    assert check_dose(claim, (dose,)).verdict == case["verdict"]


@pytest.mark.parametrize("case", _cases("randomized_totals"))
def test_a_count_said_to_be_randomized_is_the_labels_randomized_total(case: dict[str, Any]) -> None:
    label = "A total of 672 patients were randomized to receive KISQALI or placebo."
    start = label.index("672")
    total = Measurement(
        source="label",
        statistic="n",
        value=672.0,
        raw="672",
        span=(start, start + 3),
        trial="MONALEESA-7",
        unit="patients",
    )
    arms = tuple(
        Measurement(source="label", statistic="n", value=float(raw), raw=raw, span=(0, 3), trial="MONALEESA-7",
                    arm=arm, table="Table 15", row="header", column=arm, unit="patients")
        for arm, raw in (("KISQALI + NSAI + Goserelin", "248"), ("Placebo + NSAI + Goserelin", "247"))
    )  # fmt: skip
    claim = replace(_claim(case["text"], case["raw"], statistic="n", unit="patients"), trial="MONALEESA-7")
    if "ribociclib" in case["text"]:
        claim = replace(claim, arm="ribociclib")
    judged = check_number(claim, LabelView((total, *arms), {"label": label}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("reductions_with_ratio"))
def test_a_reduction_is_judged_with_the_ratio_its_sentence_gives(case: dict[str, Any]) -> None:
    label = case["label"]
    reduction_at, ratio_at = label.index("42%") if "42%" in label else -1, label.index("0.58")
    rows = [
        Measurement(
            source="label",
            statistic="hr",
            value=0.58,
            raw="0.58",
            span=(ratio_at, ratio_at + 4),
            trial="CARDS",
            arm="LIPITOR",
            comparator="placebo",
            ci_low=0.39,
            ci_high=0.86,
        )
    ]
    if reduction_at >= 0:
        rows.append(
            Measurement(
                source="label",
                statistic="rrr",
                value=42.0,
                raw="42",
                unit="%",
                span=(reduction_at, reduction_at + 2),
                trial="CARDS",
                arm="LIPITOR",
            )
        )
    text = case["text"]
    reduction = replace(
        _claim(text, text.split("by ")[1][:2], statistic="risk_reduction", unit="%"),
        trial="CARDS",
        arm="atorvastatin",
        verdict="unverifiable",
    )
    ratio = replace(_claim(text, "0.58", statistic="hr"), trial="CARDS", verdict="supported", evidence=rows[0])
    (judged, _) = reductions.settle_reductions((reduction, ratio), LabelView(tuple(rows), {"label": label}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("same_populations"))
def test_population_names_are_one_subgroup_when_only_filler_differs(case: dict[str, Any]) -> None:
    assert matching.same_population(case["one"], case["other"]) == case["same"]


@pytest.mark.parametrize("case", _cases("status_subgroups"))
def test_a_subgroup_by_a_markers_status_is_not_judged_by_another_subgroup(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="hr"), trial="PAOLA-1", arm="olaparib")
    claim = replace(claim, endpoint="PFS")
    row = Measurement(source="label", statistic="hr", value=0.33, raw="0.33", span=(0, 4), trial="PAOLA-1",
                      endpoint="PFS", arm="Lynparza/bevacizumab", comparator="Placebo/bevacizumab", table="Table 19",
                      row="Hazard ratio (95% CI)", column="HR", population=case["population"])  # fmt: skip
    judged = check_number(claim, LabelView((row,), {"label": case.get("label_text", "")}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("relative_reductions"))
def test_a_share_less_with_its_ratio_is_a_relative_reduction(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="rate", unit="%"), trial="ARISTOTLE", endpoint="Major")
    assert is_relative_reduction(claim) == case["relative"]
    if case["verdict"] is None:
        return
    rows = tuple(
        Measurement(source="label", statistic=statistic, value=float(value), raw=value, span=(i * 10, i * 10 + 4),
                    trial="ARISTOTLE", endpoint="Major", arm=arm, comparator=comparator, unit=unit, table="Table 2",
                    row="Major", column=column)
        for i, (statistic, value, arm, comparator, unit, column) in enumerate([
            ("rate", "2.13", "ELIQUIS", None, "%", "ELIQUIS"), ("rate", "3.09", "Warfarin", None, "%", "Warfarin"),
            ("hr", "0.69", "ELIQUIS", "Warfarin", None, "Hazard Ratio")])
    )  # fmt: skip
    judged = check_claim(claim, ExtractReport((), rows), LabelView(rows, {"label": ""}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("label_non_results"))
def test_a_label_count_or_ratio_that_cannot_be_one_is_no_result(case: dict[str, Any]) -> None:
    text, raw = case["text"], case["raw"]
    start = text.index(raw)
    value = printed.to_float(raw) if raw[0].isdigit() else 62.0
    m = Measurement(source="label", statistic=case["statistic"], value=value, raw=raw, span=(start, start + len(raw)))
    assert LabelView((m,), {"label": text}).is_non_result(m) == case["non_result"]


@pytest.mark.parametrize("case", _cases("endpoint_clauses"))
def test_an_endpoint_is_the_values_own_only_when_its_clause_names_it(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"]), endpoint=case["endpoint"])
    assert unsaid.names_endpoint_in_clause(claim) == case["named"]


@pytest.mark.parametrize("case", _cases("two_analyses"))
def test_a_value_of_the_labels_other_analysis_is_not_contradicted(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="rate", unit="%"), trial="ARISTOTLE", arm="warfarin")
    claim = replace(claim, endpoint="Hemorrhagic stroke")
    rows = tuple(
        Measurement(source="label", statistic=statistic, value=float(value), raw=value, span=(i * 10, i * 10 + 4),
                    trial="ARISTOTLE", endpoint=endpoint, arm=arm, unit=unit, table=table, row=endpoint, column=arm)
        for i, (statistic, endpoint, arm, value, unit, table) in enumerate([
            ("rate", "Hemorrhagic stroke", "ELIQUIS", "0.24", "%", "Table 2"),
            ("rate", "Hemorrhagic stroke", "Warfarin", "0.49", "%", "Table 2"),
            ("event_rate", "Hemorrhagic", "ELIQUIS", "0.24", "%/year", "Table 13"),
            ("event_rate", "Hemorrhagic", "Warfarin", "0.47", "%/year", "Table 13")])
    )  # fmt: skip
    judged = check_number(claim, LabelView(rows, {"label": ""}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("kin_endpoints"))
def test_a_qualified_endpoint_is_kin_to_its_plain_name(case: dict[str, Any]) -> None:
    assert kin_endpoints(case["one"], case["other"]) == case["kin"]


@pytest.mark.parametrize("case", _cases("differences"))
def test_a_duration_an_arm_added_is_a_difference_of_medians(case: dict[str, Any]) -> None:
    claim = _claim(case["text"], case["raw"], statistic="median", unit="months")
    assert derived.is_difference(claim) == case["difference"]


@pytest.mark.parametrize("case", _cases("treated_ns"))
def test_a_randomized_count_is_the_intent_to_treat_tables_n(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="n"), trial="ARISTOTLE", arm="apixaban")
    itt, bleeding = (
        "Table 13: Key Efficacy Outcomes in ARISTOTLE (Intent-to-Treat Analysis)\n",
        "Table 2: Bleeding Events\n",
    )
    text = itt + " " * 40 + bleeding + " " * 40
    second = len(itt) + 40 + len(bleeding)
    rows = tuple(
        Measurement(source="label", statistic="n", value=float(value), raw=value, span=(start, start + 4),
                    trial="ARISTOTLE", arm=arm, table=table, row="header", column=arm)
        for start, table, arm, value in [(len(itt) + 1, "Table 13", "ELIQUIS", "9120"),
                                         (len(itt) + 10, "Table 13", "Warfarin", "9081"),
                                         (second + 1, "Table 2", "ELIQUIS", "9088"),
                                         (second + 10, "Table 2", "Warfarin", "9052")]
    )  # fmt: skip
    judged = check_number(claim, LabelView(rows, {"label": text}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("death_unsaid"))
def test_a_figure_for_death_is_not_supported_by_another_endpoints_value(case: dict[str, Any]) -> None:
    claim = _claim(case["text"], case["raw"], statistic="hr")
    row = Measurement(source="label", statistic="hr", value=claim.value, raw=case["raw"], span=(0, 4),
                      endpoint=case["label_endpoint"], arm="Drug", comparator="Placebo", table="Table 1")  # fmt: skip
    judged = unsaid.death_unsaid(replace(claim, verdict="supported", evidence=row))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("subgroup_ns"))
def test_a_trials_total_is_not_judged_by_one_subgroups_arm_ns(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="n"), trial="PROpel", arm=None)
    rows = tuple(
        Measurement(source="label", statistic="n", value=value, raw=str(value), span=(at, at + 3), trial="PROpel",
                    arm=arm, table="Table 28", row="header", column=arm, population=case["population"])
        for at, value, arm in ((0, 47, "Lynparza/abiraterone"), (10, 38, "Placebo/abiraterone"))
    )  # fmt: skip
    judged = check_number(claim, LabelView(rows, {"label": ""}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("event_shares"))
def test_a_share_who_had_died_or_progressed_is_the_share_with_that_endpoints_event(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], unit="%"), trial="IMbrave150", arm=case["arm"])
    claim = replace(claim, endpoint=case["context_endpoint"])
    rows = tuple(
        Measurement(source="label", statistic="rate", value=float(value), raw=value, span=(i * 10, i * 10 + 2),
                    trial="IMbrave150", endpoint=endpoint, arm=arm, unit="%", table="Table 28", row=row, column=arm)
        for i, (endpoint, row, arm, value) in enumerate([
            ("OS", "Overall Survival Number of deaths (%)", "TECENTRIQ in combination with Bevacizumab", "29"),
            ("OS", "Overall Survival Number of deaths (%)", "Sorafenib", "39"),
            ("PFS", "Progression-Free Survival Number of events (%)", "TECENTRIQ in combination with Bevacizumab", "45"),
            ("PFS", "Progression-Free Survival Number of events (%)", "Sorafenib", "61"),
            ("ORR", "Overall Response Rate, Number of responders (%)", "TECENTRIQ in combination with Bevacizumab", "71")])
    )  # fmt: skip
    judged = check_number(claim, LabelView(rows, {"label": ""}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("context_endpoint_analyses"))
def test_another_analysis_of_the_trials_one_endpoint_is_said_though_its_sentence_names_none(
    case: dict[str, Any],
) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="hr"), trial="monarchE", arm="abemaciclib")
    claim = replace(claim, endpoint="IDFS")  # from the sentences before it
    rows = tuple(
        Measurement(source="label", statistic="hr", value=float(value), raw=value, span=(i * 10, i * 10 + 5),
                    trial="monarchE", endpoint=endpoint, arm="VERZENIO plus ET", comparator="ET",
                    table="Table 16", row="Hazard ratio (95% CI)", column="HR")
        for i, (endpoint, value) in enumerate(zip(case["endpoints"], ["0.653", "0.757"][: len(case["endpoints"])], strict=True))
    )  # fmt: skip
    judged = check_number(claim, LabelView(rows, {"label": ""}))
    assert (judged.verdict, judged.kind) == (case["verdict"], case["kind"]), judged.explanation


@pytest.mark.parametrize("case", _cases("vocabulary_rows"))
def test_a_label_row_naming_a_vocabulary_endpoint_is_that_endpoint(case: dict[str, Any]) -> None:
    row = Measurement(source="label", statistic="rate", value=9.2, raw="9.2", span=(0, 3), endpoint=case["endpoint"],
                      table=case["table"], row=case["endpoint"])  # fmt: skip
    assert quantity.in_vocabulary_terms(row).endpoint == case["named"]


@pytest.mark.parametrize("case", _cases("rate_time_points"))
def test_a_rates_time_point_is_named_by_its_words_never_by_a_medians_decimals(case: dict[str, Any]) -> None:
    value_at = case["text"].index(case["value"]) if "value" in case else None
    points = matching.value_kind(case["text"], value_at, tuple(case.get("arms", ())))[1]
    assert points == frozenset(tuple(point) for point in case["points"])


@pytest.mark.parametrize("case", _cases("untimed_medians"))
def test_a_median_time_read_with_an_endpoint_that_is_no_time_is_the_endpoint_its_value_is(
    case: dict[str, Any],
) -> None:
    text = "Responses were similar in both groups (60% and 64%) and lasted a median of 4.2 and 3.9 months."
    claim = replace(_claim(text, case["raw"], statistic="median", unit="months"), trial="IMpower133", endpoint="ORR")
    arms = ("TECENTRIQ with Carboplatin and Etoposide", "Placebo with Carboplatin and Etoposide")
    rows = tuple(
        Measurement(source="label", statistic=statistic, value=float(value), raw=value, span=(i * 10, i * 10 + 3),
                    trial="IMpower133", endpoint=endpoint, arm=arm, unit=unit, table="Table 27", row=endpoint, column=arm)
        for i, (statistic, endpoint, arm, value, unit) in enumerate([
            ("rate", "ORR", arms[0], "60", "%"), ("rate", "ORR", arms[1], "64", "%"),
            ("median", "DOR", arms[0], case["durations"][0], "months"),
            ("median", "DOR", arms[1], case["durations"][1], "months"),
            ("median", "PFS", arms[0], "5.2", "months"), ("median", "PFS", arms[1], "4.3", "months")])
    )  # fmt: skip
    judged = check_number(claim, LabelView(rows, {"label": ""}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("rate_event_kinds"))
def test_a_rate_counts_patients_with_events_only_when_its_words_say_so(case: dict[str, Any]) -> None:
    assert matching.value_kind(case["text"])[0] == case["events"]


@pytest.mark.parametrize("case", _cases("printed_values"))
def test_a_label_value_is_printed_once_as_the_label_prints_it(case: dict[str, Any]) -> None:
    m = Measurement(source="label", statistic="median", value=case["value"], raw=case["raw"], span=(0, 4),
                    endpoint="OS", arm="Drug", unit=case["unit"], qualifier=case["qualifier"])  # fmt: skip
    assert describe(m) == case["printed"]


@pytest.mark.parametrize("case", _cases("populations_pointed_back"))
def test_a_population_pointed_back_to_is_the_one_named_before(case: dict[str, Any]) -> None:
    text = case["text"]
    cut = text.index("6.7") + len("6.7 months.")
    first = replace(_claim(text[:cut], "6.7", statistic="median"), population=case["before"], trial=case["trials"][0])
    start = cut + len(text[cut:]) - len(text[cut:].lstrip())
    second = _claim(text[start:], "8.", statistic="median")
    second = replace(second, span=(start, len(text)), population=case["own"], trial=case["trials"][1])
    assert reductions.population_before(second, [first], text).population == case["population"]


@pytest.mark.parametrize("case", _cases("clause_populations"))
def test_the_population_a_values_own_clause_names_wins(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="hr"), population=case["carried"])
    rows = [
        Measurement(source="label", statistic="hr", value=1.0, raw="1", span=(0, 1), population=p)
        for p in case["label"]
    ]
    assert matching.claim_population(claim, rows) == (case["known"], case["is"])


@pytest.mark.parametrize("case", _cases("sentences_of_other_drugs"))
def test_a_sentence_naming_no_drug_is_its_source_trials_before_the_drug_named_last(case: dict[str, Any]) -> None:
    article = article_from_bytes(case["article"].encode("utf-8"), "case.txt")
    sentence = article.text.rstrip().rsplit("\n", 1)[1]  # the last paragraph
    start = article.text.index(sentence)
    raw_at = article.text.index(case["raw"])
    claim = Claim(
        text=sentence, span=(start, len(article.text)), value_span=(raw_at, raw_at + len(case["raw"])),
        value=float(case["raw"]), statistic="median", unit="months", raw=case["raw"], trial=case["trial"],
    )  # fmt: skip
    label = Measurement(source="label", statistic="median", value=8.6, raw="8.6", span=(0, 3), trial="CABOSUN",
                        endpoint="PFS", arm="CABOMETYX", unit="months")  # fmt: skip
    judged = _other_drug(article, claim, frozenset({"cabozantinib"}), ("CABOMETYX",), (label,))
    assert (judged is not None) == case["other"]


@pytest.mark.parametrize("case", _cases("trial_names"))
def test_a_trial_name_the_label_gives_twice_is_settled_by_its_context_or_contradicted_by_neither(
    case: dict[str, Any],
) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="hr"), trial="Study 1", arm="lenalidomide")
    claim = replace(claim, endpoint="OS", section=case["section"])
    rows = tuple(
        Measurement(source="label", statistic="hr", value=float(value), raw=value, span=(i * 10, i * 10 + 4),
                    trial=trial, endpoint="OS", arm="REVLIMID", comparator="Placebo", table=f"Table {15 + i}",
                    row="Hazard Ratio", column=trial)
        for i, (trial, value) in enumerate(zip(case["trials"], ("0.79", "0.59"), strict=True))
    )  # fmt: skip
    claim = trial_names.as_label_names(claim, rows)
    judged = check_number(claim, LabelView(rows, {"label": ""}))
    assert (claim.trial, judged.verdict) == (case["trial"], case["verdict"]), judged.explanation


@pytest.mark.parametrize("case", _cases("share_clauses"))
def test_a_shares_clause_names_its_endpoint_as_far_as_the_phrase_reaches(case: dict[str, Any]) -> None:
    claim = replace(_claim(case["text"], case["raw"], statistic="rate", unit="%"), endpoint=case["endpoint"])
    assert (shares.what_rate(claim) is None) == case["named"]


def _paloma_row(statistic: str, raw: str, arm: str, row: str, endpoint: str) -> Measurement:
    return Measurement(
        source="label", statistic=statistic, value=float(raw), raw=raw, span=(0, len(raw)), trial="PALOMA-2",
        arm=arm, endpoint=endpoint, table="Table 8", row=row, column=arm, unit="patients" if statistic == "n" else "%",
    )  # fmt: skip


@pytest.mark.parametrize("case", _cases("response_sets"))
def test_the_patients_a_response_is_measured_in_are_no_subgroup_and_not_an_arm(case: dict[str, Any]) -> None:
    itt, measurable = "Progression-free survival for ITT", "Objective Response for patients with measurable disease"
    label = (
        _paloma_row("n", "444", "IBRANCE plus Letrozole", itt, "PFS"),
        _paloma_row("n", "222", "Placebo plus Letrozole", itt, "PFS"),
        _paloma_row("n", "338", "IBRANCE plus Letrozole", measurable, "ORR"),
        _paloma_row("n", "171", "Placebo plus Letrozole", measurable, "ORR"),
        _paloma_row("rate", "55.3", "IBRANCE plus Letrozole", measurable, "ORR"),
        _paloma_row("rate", "44.4", "Placebo plus Letrozole", measurable, "ORR"),
    )
    is_rate = case["raw"] == "55.3"
    claim = _claim(case["text"], case["raw"], statistic="rate" if is_rate else "n", unit="%" if is_rate else "patients")
    claim = replace(
        claim, trial="PALOMA-2", arm=case["arm"], population=case.get("population"), endpoint="ORR" if is_rate else None
    )
    judged = check_number(claim, LabelView(label, {"label": ""}))
    assert judged.verdict == case["verdict"], judged.explanation


@pytest.mark.parametrize("case", _cases("nested_subgroups"))
def test_a_subgroup_within_a_cohort_is_not_the_cohorts_figure(case: dict[str, Any]) -> None:
    label = tuple(
        Measurement(
            source="label",
            statistic="hr",
            value=float(raw),
            raw=raw,
            span=(0, 4),
            trial="PROfound",
            arm="Lynparza",
            comparator="Enzalutamide or Abiraterone",
            endpoint="rPFS",
            population=population,
            table="Table 26",
        )
        for raw, population in (("0.34", "Cohort A"), ("0.49", "Cohort A+B"))
    )
    claim = replace(_claim(case["text"], case["raw"], statistic="hr"), trial="PROfound", endpoint="rPFS")
    judged = check_number(claim, LabelView(label, {"label": ""}))
    assert judged.verdict == case["verdict"], judged.explanation
