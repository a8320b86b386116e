"""Consistency checks: planted inconsistencies flagged with the right check, real statements left alone.

Every case in ``tests/cases/checks_*.json`` carries a ``why`` with its arithmetic.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats

from extractors.checks import (
    check_measurements,
    check_statement,
    ci_contains,
    rate_ci_methods,
    rounding_interval,
)
from extractors.records import Flag, Measurement
from tests.conftest import CASES

CHECK_IDS = {
    "ci_excludes_estimate",
    "ci_asymmetric",
    "p_inconsistent_with_ci",
    "rate_ci_inconsistent",
    "n_sum_mismatch",
    "median_ratio_vs_hr",
    "implausible_count",
}
SEVERITY = {
    "ci_excludes_estimate": "error",
    "ci_asymmetric": "warning",
    "p_inconsistent_with_ci": "error",
    "rate_ci_inconsistent": "error",
    "n_sum_mismatch": "error",
    "median_ratio_vs_hr": "warning",
    "implausible_count": "warning",
}


def _load(name: str) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads((CASES / name).read_text(encoding="utf-8"))
    return cases


ROUNDING = _load("checks_rounding.json")
STATEMENTS = _load("checks_statements.json")
RECORDS = _load("checks_records.json")


# --- rounding ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", ROUNDING, ids=[c["id"] for c in ROUNDING])
def test_rounding(case: dict[str, Any]) -> None:
    if "interval" in case:
        low, high = rounding_interval(case["raw"])
        assert (low, high) == pytest.approx(tuple(case["interval"]), abs=1e-12), case["why"]
    else:
        assert ci_contains(*case["ci"]) is case["contains"], case["why"]


@pytest.mark.parametrize("raw", ["", "NR", "abc", "1.2.3", "nan", "inf", "1e999999", "–"])
def test_rounding_interval_rejects_what_is_not_a_number(raw: str) -> None:
    with pytest.raises(ValueError):
        rounding_interval(raw)


# --- one statement ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", STATEMENTS, ids=[c["id"] for c in STATEMENTS])
def test_statement(case: dict[str, Any]) -> None:
    s = case["statement"]
    flags = check_statement(
        s["statistic"],
        s["value"],
        s.get("ci_low"),
        s.get("ci_high"),
        s.get("ci_level"),
        s.get("p"),
        s.get("p_qualifier"),
    )
    assert sorted(f.check for f in flags) == sorted(case["flags"]), f"{case['why']}\n{flags}"
    for flag in flags:
        assert flag.severity == SEVERITY[flag.check]
    if "message" in case:
        assert any(case["message"] in f.message for f in flags), flags


# --- records together -------------------------------------------------------------------------


def _records(case: dict[str, Any]) -> list[Measurement]:
    context = case.get("context", "")
    built = []
    for index, fields in enumerate(case["measurements"]):
        fields = {**case.get("defaults", {}), **fields}
        at = fields.pop("at", None)
        raw = fields["raw"]
        if at is not None:
            start = context.index(at) + at.index(raw)
            span = (start, start + len(raw))
        else:
            span = tuple(fields.pop("span", (10 * index, 10 * index + len(raw))))
        fields.pop("span", None)
        value = None if fields.get("qualifier") in {"NR", "NE"} else float(raw.replace(" ", "").replace("−", "-"))
        built.append(Measurement(value=value, span=span, **fields))  # type: ignore[arg-type]
    return built


@pytest.mark.parametrize("case", RECORDS, ids=[c["id"] for c in RECORDS])
def test_records(case: dict[str, Any]) -> None:
    ms = _records(case)
    checked = check_measurements(ms, case.get("context"))
    found = sorted({(i, f.check) for i, m in enumerate(checked) for f in m.flags if f.check in CHECK_IDS})
    expected = sorted({(i, check) for i, check in case["flags"]})
    assert found == expected, f"{case['why']}\n" + "\n".join(
        f"{i} {m.statistic} {m.raw}: {f.message}" for i, m in enumerate(checked) for f in m.flags
    )
    if "message" in case:
        index, words = case["message"]
        assert any(words in f.message for f in checked[index].flags), checked[index].flags


def test_records_come_back_in_order_with_flags_only_appended() -> None:
    ms = [replace(m, flags=(Flag("split", "info", "earlier"),)) for m in _records(RECORDS[0])]
    bad = [replace(ms[2], ci_low_raw="0.37", ci_low=0.37), *ms[3:]]
    checked = check_measurements([*ms[:2], *bad], None)
    assert len(checked) == len(ms)
    for before, after in zip([*ms[:2], *bad], checked, strict=True):
        assert replace(after, flags=()) == replace(before, flags=())
        assert after.flags[: len(before.flags)] == before.flags
    assert any(f.check == "ci_excludes_estimate" for f in checked[2].flags)


def test_running_the_checks_twice_adds_nothing() -> None:
    for case in RECORDS:
        once = check_measurements(_records(case), case.get("context"))
        assert check_measurements(once, case.get("context")) == once, case["id"]


def test_rate_ci_methods_names_the_method() -> None:
    assert rate_ci_methods("4", "2.3", "7.9", 246) == ("11/246 exact (Clopper–Pearson)",)
    assert rate_ci_methods("30", "25.1", "35.6", 290) == ("88/290 Wald",)
    assert rate_ci_methods("4", "1.0", "12.0", 246) == ()


# --- properties -------------------------------------------------------------------------------

_STATISTICS = ["n", "median", "hr", "or", "rr", "rate", "p", "count", "difference", "events", "mean"]
_NUMBER_TEXT = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.sampled_from(["0. 39", "−0.5", "1,234", "NR", "", "0", "0.0", "1e-9", "100", "-0", "1e400", "٣"]),
    st.text(max_size=6),
)


@st.composite
def _measurement(draw: st.DrawFn) -> Measurement:
    raw = draw(_NUMBER_TEXT)
    start = draw(st.integers(0, 2000))
    maybe_text = st.one_of(st.none(), _NUMBER_TEXT)
    return Measurement(
        source=draw(st.sampled_from(["a", "b"])),
        statistic=draw(st.sampled_from(_STATISTICS)),
        value=draw(st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True))),
        raw=raw,
        span=(start, start + len(raw)),
        trial=draw(st.sampled_from([None, "T1", "T2"])),
        endpoint=draw(st.sampled_from([None, "PFS", "ORR", "PR", "CR", "OS"])),
        population=draw(st.sampled_from([None, "X subgroup", "age ≥65"])),
        arm=draw(st.sampled_from([None, "Drug", "Placebo", "drug"])),
        comparator=draw(st.sampled_from([None, "Placebo"])),
        qualifier=draw(st.sampled_from([None, "<", "≤", ">", "NR", "="])),
        ci_low=draw(st.one_of(st.none(), st.floats())),
        ci_high=draw(st.one_of(st.none(), st.floats())),
        ci_level=draw(st.one_of(st.none(), st.floats(), st.sampled_from([95.0, 96.85, 0.0, 100.0]))),
        ci_low_raw=draw(maybe_text),
        ci_high_raw=draw(maybe_text),
        table=draw(st.sampled_from([None, "Table 1"])),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_measurement(), max_size=12), st.one_of(st.none(), st.text(max_size=300)))
def test_no_records_make_the_checks_raise(ms: list[Measurement], context: str | None) -> None:
    checked = check_measurements(ms, context)
    assert len(checked) == len(ms)
    for before, after in zip(ms, checked, strict=True):
        assert after.flags[: len(before.flags)] == before.flags
        assert all(f.check in CHECK_IDS and f.severity == SEVERITY[f.check] for f in after.flags[len(before.flags) :])


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_STATISTICS),
    _NUMBER_TEXT,
    st.one_of(st.none(), _NUMBER_TEXT),
    st.one_of(st.none(), _NUMBER_TEXT),
    st.one_of(st.none(), st.floats(), st.just(96.85)),
    st.one_of(st.none(), _NUMBER_TEXT),
    st.sampled_from([None, "<", "≤", ">", "≥", "=", "NR"]),
)
def test_no_statement_makes_the_checks_raise(
    statistic: str, value: str, low: str | None, high: str | None, level: float | None, p: str | None, q: str | None
) -> None:
    flags = check_statement(statistic, value, low, high, level, p, q)
    assert all(f.check in CHECK_IDS for f in flags)


_PRINTED = st.decimals(min_value=-50, max_value=50, allow_nan=False, allow_infinity=False, places=2).map(str)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(["hr", "difference", "median", "rate"]), _PRINTED, _PRINTED, _PRINTED)
def test_ci_excludes_estimate_fires_exactly_when_no_rounded_values_fit(
    statistic: str, value: str, low: str, high: str
) -> None:
    flags = check_statement(statistic, value, low, high, 95.0, None, None)
    reversed_bounds = rounding_interval(low)[0] > rounding_interval(high)[1]
    expected = reversed_bounds or not ci_contains(value, low, high)
    assert any(f.check == "ci_excludes_estimate" for f in flags) is expected


@settings(max_examples=300, deadline=None)
@given(
    st.floats(min_value=0.15, max_value=4.0),
    st.floats(min_value=0.03, max_value=0.8),
    st.sampled_from([90.0, 95.0, 96.85, 99.0]),
)
def test_an_honestly_rounded_wald_result_is_never_flagged(estimate: float, se: float, level: float) -> None:
    z = float(stats.norm.ppf(1 - (1 - level / 100) / 2))
    low, high = math.exp(math.log(estimate) - z * se), math.exp(math.log(estimate) + z * se)
    p = 2 * float(stats.norm.sf(abs(math.log(estimate)) / se))
    p_raw, qualifier = (f"{0.001}", "<") if p < 0.001 else (f"{p:.2g}", None)
    value_raw, low_raw, high_raw = f"{estimate:.2f}", f"{low:.2f}", f"{high:.2f}"
    flags = check_statement("hr", value_raw, low_raw, high_raw, level, p_raw, qualifier)
    assert flags == (), (value_raw, low_raw, high_raw, p_raw, flags)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=5, max_value=600), st.data())
def test_an_honest_exact_or_wilson_rate_ci_is_never_flagged(n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(min_value=0, max_value=n))
    method = data.draw(st.sampled_from(["exact", "wilson"]))
    if method == "exact":
        low = 0.0 if k == 0 else float(stats.beta.ppf(0.025, k, n - k + 1))
        high = 1.0 if k == n else float(stats.beta.ppf(0.975, k + 1, n - k))
    else:
        low, high = (float(b) for b in stats.binomtest(k, n).proportion_ci(method="wilson"))
    ms = [
        Measurement("s", "n", float(n), str(n), (0, 3), trial="T", arm="A", table="Table 1", endpoint="ORR"),
        Measurement(
            "s",
            "rate",
            round(100 * k / n, 1),
            f"{100 * k / n:.1f}",
            (10, 14),
            trial="T",
            arm="A",
            table="Table 1",
            endpoint="ORR",
            ci_low_raw=f"{100 * low:.1f}",
            ci_high_raw=f"{100 * high:.1f}",
            ci_level=95.0,
            unit="%",
        ),
    ]
    assert [f for m in check_measurements(ms) for f in m.flags] == []


# --- real labels through the whole extraction ---------------------------------------------------

# Labels whose extraction is known to read something wrong, each strict-xfailed with its reason.
# KEYNOTE-522's and CheckMate 816's pCR differences and the row CI levels "(99.8% CI)" and
# "(98.89% CI)" were read wrong until the table reader learned them; they now pass.
_LABEL_GAPS: dict[str, str] = {}
_REAL_INCONSISTENCY = "cabometyx_cabozantinib_openfda_label_NDA208692_2023.json"
_IBRANCE = "ibrance_palbociclib_openfda_label_NDA207103_2022.json"


def _labels() -> list[Any]:
    from tests.conftest import SHARED

    paths = sorted((SHARED / "corpus" / "raw").glob("*")) if (SHARED / "corpus" / "raw").exists() else []
    return [
        pytest.param(p.name, marks=pytest.mark.xfail(strict=True, reason=_LABEL_GAPS[p.name]))
        if p.name in _LABEL_GAPS
        else p.name
        for p in paths
        if p.name not in {_REAL_INCONSISTENCY, _IBRANCE}
    ]


def _error_flags(name: str) -> list[str]:
    from extractors.ingest.labels import load_source
    from extractors.read.pipeline import extract
    from extractors.records import InputError
    from tests.conftest import shared_file

    try:
        source = load_source(str(shared_file(f"corpus/raw/{name}")))
    except InputError:
        pytest.skip(f"{name} is not a label (ingest refuses it)")
    report = extract([source])
    return [
        f"{m.statistic} {m.raw} ({m.trial}, {m.endpoint}, {m.population}): {f.message}"
        for m in report.measurements
        for f in m.flags
        if f.check in CHECK_IDS and f.severity == "error"
    ]


# Rows read right whose printed numbers the checks cannot reconcile: numbers that disagree in the
# label itself, or a CI computed on a subset the table does not name. The label, the start of each
# error message it gives, and why. Every other error on these labels fails.
_REAL_ROW_INCONSISTENCIES: dict[str, dict[str, str]] = {
    "adcetris_brentuximab_vedotin_spl_v7_2013.xml": {
        # the HL single-arm trial (N = 102): 41/102 gives Clopper-Pearson 30.6-50.4, 74/102 gives 62.8-80.9;
        # the label prints PR 40 (32, 49) and ORR 73 (65, 83), which no count of 102 (or of 71-102) reproduces
        "rate 40 (None, PR, Hodgkin Lymphoma)": "Table 2: PR 40 (32, 49) of N = 102",
        "rate 73 (None, ORR, Hodgkin Lymphoma)": "Table 2: ORR 73 (65, 83) of N = 102",
    },
    "cabometyx_cabozantinib_openfda_label_NDA208692_2023.json": {
        # COSMIC-311 ORR was assessed in the first randomized patients, not the arm Ns the header prints
        # (the analysis, "Primary Analysis" or "Updated Analysis", is no population: the rows print None)
        "rate 15 (COSMIC-311, ORR, None)": "Table 19: ORR 15% (7%, 26%) of n=125",
        "rate 0 (COSMIC-311, ORR, None)": "Table 19: ORR 0% (0.0%, 11%) of n=62 and of n=88",
        "rate 18 (COSMIC-311, ORR, None)": "Table 19: ORR 18% (10%, 29%) of n=170",
    },
    "keytruda_pembrolizumab_openfda_label_BLA125514_2023.json": {
        # KEYNOTE-002 and -010 report one-sided p-values, which these tables do not say
        "hr 0.86 (KEYNOTE-002, OS, None)": "Table 54, KEYNOTE-002 OS 2 mg/kg: HR 0.86 (0.67, 1.10), p = 0.117 (one-sided)",
        "p 0.117 (KEYNOTE-002, OS, None)": "the same pair, flagged on the p-value",
        "hr 0.88 (KEYNOTE-010, PFS, TPS ≥1%)": "Table 62, KEYNOTE-010 PFS 2 mg/kg: HR 0.88 (0.73, 1.04), p = 0.068 (one-sided)",
        "p 0.068 (KEYNOTE-010, PFS, TPS ≥1%)": "the same pair, flagged on the p-value",
    },
    "lynparza_olaparib_openfda_label_NDA208558_2023.json": {
        # PROfound Cohort A: 28/84 gives Clopper-Pearson 23.6-44.2, Wilson 24.2-43.7; the label prints (23, 45)
        "rate 33 (PROfound, ORR, Cohort A, Confirmed Patients with measurable disease at baseline)": (
            "Table 26: ORR 28 (33%) of n=84, 95% CI (23, 45)"
        ),
    },
    "tecentriq_atezolizumab_openfda_label_BLA761034_2023.json": {
        # IMpower150 Arm A vs C: the CI and p fit an HR of 0.88, the label prints 0.84
        "hr 0.84 (IMpower150, OS, ITT-WT)": "Table 24: HR 0.84 (0.72, 1.08) with p = 0.204",
        "p 0.204 (IMpower150, OS, ITT-WT)": "the same pair, flagged on the p-value",
    },
}


@pytest.mark.parametrize("name", _labels())
def test_real_labels_give_no_error_flags(name: str) -> None:
    known = _REAL_ROW_INCONSISTENCIES.get(name, {})
    assert [e for e in _error_flags(name) if not any(e.startswith(row) for row in known)] == []


@pytest.mark.parametrize("name", sorted(_REAL_ROW_INCONSISTENCIES))
def test_rows_the_label_prints_inconsistently_are_flagged(name: str) -> None:
    errors = _error_flags(name)
    for row, why in _REAL_ROW_INCONSISTENCIES[name].items():
        assert any(e.startswith(row) for e in errors), (row, why)


def test_cabometyx_checkmate9er_os_p_is_a_real_inconsistency() -> None:
    """Cabometyx Table 17 prints 'Hazard ratio (95% CI) 0.60 (0.40, 0.89)' with p = 0.0010 for CheckMate 9ER OS.
    A 95% CI that wide implies p = 0.009-0.016. The Opdivo label prints the same row as
    'Hazard ratio (98.89% CI) 0.60 (0.40, 0.89)', which implies p ~ 0.001: Cabometyx mislabels the CI level,
    and the check says so."""
    errors = _error_flags(_REAL_INCONSISTENCY)
    known = _REAL_ROW_INCONSISTENCIES[_REAL_INCONSISTENCY]
    errors = [e for e in errors if not any(e.startswith(row) for row in known)]
    assert errors and all("0.60 (95% CI 0.40, 0.89), p = 0.0010" in e for e in errors), errors


def test_ibrance_paloma3_orr_rate_fits_no_count_of_its_n() -> None:
    """Ibrance Table 9 (PALOMA-3) prints 'Objective Response for patients with measurable disease
    N=267' and 'Objective response rate 24.6 (19.6, 30.2)'. 65/267 = 24.3% and 66/267 = 24.7%: no
    count of 267 rounds to 24.6% (66/268 would), so the N or the rate is misprinted. The placebo arm
    fits: 15/138 = 10.9%."""
    errors = _error_flags(_IBRANCE)
    assert len(errors) == 1 and errors[0].startswith("rate 24.6 ") and "N = 267" in errors[0], errors


@pytest.mark.parametrize("case_id", ["pazopanib-table9-glued", "pazopanib-table9-spaced"])
def test_flattened_table9_through_extraction_gives_no_flags(case_id: str) -> None:
    from extractors.read.pipeline import extract
    from extractors.records import Source

    case = next(
        c for c in json.loads((CASES / "tables_flattened.json").read_text(encoding="utf-8")) if c["id"] == case_id
    )
    report = extract([Source("case", case_id, "text", case["drug"], case_id, case["text"])])
    flags = [(m.statistic, m.raw, f.message) for m in report.measurements for f in m.flags if f.check in CHECK_IDS]
    assert flags == []
    assert any(m.statistic == "rate" and m.raw == "4" for m in report.measurements)  # the rate check had work to do
