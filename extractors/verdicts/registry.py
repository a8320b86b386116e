"""ClinicalTrials.gov results beside the label: where they agree and where they differ.

Reviewers meet articles that quote the registry or the paper rather than the label. The
registry often reports another analysis (an interim data cut, another population, weeks
instead of months), so a number can be right for the registry and still differ from the
label. This module reads a registry results record — the v2 API JSON or the legacy XML —
and lines its outcome measures up with the label's measurements of the same trial.

Every registry value keeps the string the record printed (``raw``), so nothing is invented
and rounding is judged from the printed digits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
import regex
from defusedxml import DefusedXmlException

from extractors.checks import rounding_interval
from extractors.ingest.files import decode_text, read_input
from extractors.records import InputError, Measurement
from extractors.text import vocabulary
from extractors.text.patterns import registry as registry_patterns

Status = Literal["agree", "differ", "not in registry"]
STATUSES: tuple[Status, ...] = ("agree", "differ", "not in registry")

_PARAM_STATISTICS = {"MEDIAN": "median", "MEAN": "mean", "NUMBER": "number", "COUNT_OF_PARTICIPANTS": "count"}
_RATIO_TYPES = (("hazard ratio", "hr"), ("odds ratio", "or"), ("risk ratio", "rr"), ("relative risk", "rr"))


@dataclass(frozen=True, slots=True)
class RegistryResult:
    """One number a registry record reports for an outcome measure, as printed there."""

    outcome: str  # the outcome measure's title
    category: str | None  # the class or analysis within it: "Leiomyosarcoma, n=49, 109", "… p-value for leiomyosarcoma"
    outcome_type: str  # primary, secondary, …
    endpoint: str | None
    statistic: str  # median, rate, mean, n, hr, or, rr
    arm: str | None  # the group's title; for ratios the experimental group
    comparator: str | None
    raw: str
    value: float | None
    unit: str | None
    ci_low_raw: str | None = None
    ci_high_raw: str | None = None
    p_raw: str | None = None
    population: str | None = None  # the record's population description
    description: str | None = None  # what the analysis was: data cut-off, interim, assessment


@dataclass(frozen=True, slots=True)
class Registry:
    path: str
    nct: str
    names: tuple[str, ...]  # acronym and sponsor study id: "PALETTE", "VEG110727"
    results: tuple[RegistryResult, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    measurement: Measurement
    result: RegistryResult | None
    status: Status
    note: str


def load_registry(path: str) -> Registry:
    """Read a ClinicalTrials.gov results record (v2 JSON or legacy XML); `InputError` if it is not one."""
    text = decode_text(read_input(path, "a registry record"), path)
    if text.lstrip().startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(path, f"malformed JSON at line {error.lineno}: {error.msg}") from None
        return _from_v2(path, document)
    try:
        root = safe_xml.fromstring(text.encode("utf-8"), forbid_dtd=True)
    except (DefusedXmlException, safe_xml.ParseError) as error:
        raise InputError(path, f"malformed or unsafe XML: {error}") from None
    return _from_legacy(path, root)


def _from_v2(path: str, document: Any) -> Registry:
    if not isinstance(document, dict) or "protocolSection" not in document:
        raise InputError(path, "JSON is not a ClinicalTrials.gov study record (no protocolSection)")
    ident = document["protocolSection"].get("identificationModule", {})
    names = tuple(n for n in (ident.get("acronym"), (ident.get("orgStudyIdInfo") or {}).get("id")) if n)
    measures = (document.get("resultsSection") or {}).get("outcomeMeasuresModule", {}).get("outcomeMeasures", [])
    results: list[RegistryResult] = []
    for measure in measures:
        groups = {g["id"]: g.get("title", "") for g in measure.get("groups", [])}
        common = _Outcome(
            title=measure.get("title", ""),
            kind=str(measure.get("type", "")).lower(),
            population=measure.get("populationDescription"),
            description=measure.get("description"),
            unit=measure.get("unitOfMeasure"),
        )
        statistic = _PARAM_STATISTICS.get(str(measure.get("paramType", "")))
        for klass in measure.get("classes", []):
            for category in klass.get("categories", []):
                for item in category.get("measurements", []):
                    if statistic and item.get("value") not in (None, "", "NA"):
                        results.append(
                            common.result(
                                statistic,
                                groups.get(item.get("groupId")),
                                None,
                                item.get("value"),
                                item.get("lowerLimit"),
                                item.get("upperLimit"),
                                None,
                                klass.get("title") or category.get("title"),
                            )
                        )
        for analysis in measure.get("analyses", []):
            ratio = _ratio_statistic(analysis.get("paramType", ""))
            if ratio and analysis.get("paramValue"):
                arm, comparator = _orient([groups.get(g, "") for g in analysis.get("groupIds", [])])
                results.append(
                    common.result(
                        ratio,
                        arm,
                        comparator,
                        analysis["paramValue"],
                        analysis.get("ciLowerLimit"),
                        analysis.get("ciUpperLimit"),
                        analysis.get("pValue"),
                        analysis.get("pValueComment") or analysis.get("estimateComment"),
                    )
                )
    return Registry(path, str(ident.get("nctId", "")), names, tuple(results))


def _from_legacy(path: str, root: Element) -> Registry:
    if root.tag != "clinical_study":
        raise InputError(path, f"XML is not a ClinicalTrials.gov record (root element {root.tag!r})")
    nct = (root.findtext("id_info/nct_id") or "").strip()
    names = tuple(n.strip() for n in (root.findtext("acronym"), root.findtext("id_info/org_study_id")) if n)
    results: list[RegistryResult] = []
    for outcome in root.iterfind("clinical_results/outcome_list/outcome"):
        groups = {g.get("group_id"): (g.findtext("title") or "").strip() for g in outcome.iterfind("group_list/group")}
        measure = outcome.find("measure")
        common = _Outcome(
            title=(outcome.findtext("title") or "").strip(),
            kind=(outcome.findtext("type") or "").strip().lower(),
            population=outcome.findtext("population"),
            description=outcome.findtext("description"),
            unit=measure.findtext("units") if measure is not None else None,
        )
        if measure is not None:
            statistic = _PARAM_STATISTICS.get((measure.findtext("param") or "").strip().upper().replace(" ", "_"))
            for klass in measure.iterfind("class_list/class"):
                for item in klass.iterfind("category_list/category/measurement_list/measurement"):
                    if statistic and item.get("value") not in (None, "", "NA"):
                        results.append(
                            common.result(
                                statistic,
                                groups.get(item.get("group_id")),
                                None,
                                item.get("value"),
                                item.get("lower_limit"),
                                item.get("upper_limit"),
                                None,
                                klass.findtext("title"),
                            )
                        )
        for analysis in outcome.iterfind("analysis_list/analysis"):
            ratio = _ratio_statistic(analysis.findtext("param_type") or "")
            value = analysis.findtext("param_value")
            if ratio and value:
                ids = [g.text for g in analysis.iterfind("group_id_list/group_id")]
                arm, comparator = _orient([groups.get(i, "") for i in ids])
                results.append(
                    common.result(
                        ratio,
                        arm,
                        comparator,
                        value,
                        analysis.findtext("ci_lower_limit"),
                        analysis.findtext("ci_upper_limit"),
                        analysis.findtext("p_value"),
                        analysis.findtext("p_value_desc") or analysis.findtext("estimate_desc"),
                    )
                )
    return Registry(path, nct, names, tuple(results))


@dataclass(frozen=True, slots=True)
class _Outcome:
    title: str
    kind: str
    population: str | None
    description: str | None
    unit: str | None

    def result(
        self,
        statistic: str,
        arm: str | None,
        comparator: str | None,
        raw: str | None,
        low: str | None,
        high: str | None,
        p: str | None,
        category: str | None,
    ) -> RegistryResult:
        raw = (raw or "").strip()
        endpoint = vocabulary.find_endpoint(self.title)
        unit = vocabulary.find_unit(self.unit or "") if self.unit else None
        if statistic == "number":  # a number of participants, or a percentage of them
            statistic = "rate" if unit == "%" else "count"
        if statistic in {"hr", "or", "rr"}:
            unit = None  # the outcome's unit ("weeks") is its medians', not the ratio's
        return RegistryResult(
            outcome=self.title,
            category=_squeeze(category),
            outcome_type=self.kind,
            endpoint=endpoint[0] if endpoint else None,
            statistic=statistic,
            arm=arm,
            comparator=comparator,
            raw=raw,
            value=_number(raw),
            unit=unit,
            ci_low_raw=(low or "").strip() or None,
            ci_high_raw=(high or "").strip() or None,
            p_raw=(p or "").strip() or None,
            population=_squeeze(self.population),
            description=_squeeze(self.description),
        )


def compare(measurements: Sequence[Measurement], registry: Registry) -> tuple[Comparison, ...]:
    """Each label measurement of the registry's trial beside the registry number it corresponds to."""
    own = [m for m in measurements if _same_trial(m, registry) and m.value is not None and _compared(m)]
    return tuple(_compare_one(m, registry.results) for m in own)


_RESPONSE_ENDPOINTS = {"ORR", "CR", "PR", "PCR"}


def _compared(measurement: Measurement) -> bool:
    """Efficacy results a registry reports: medians, between-arm ratios and response rates
    (not the percentages of patients with an event, which registries seldom post)."""
    if measurement.statistic == "rate":
        return measurement.endpoint in _RESPONSE_ENDPOINTS
    return measurement.statistic in {"median", "hr", "or", "rr"}


def _compare_one(measurement: Measurement, results: Sequence[RegistryResult]) -> Comparison:
    same_kind = [r for r in results if _same_kind(measurement, r)]
    # Where no registry result names the label's population, say what the registry reports instead
    # (ADAURA's label says "stage II-IIIA", its registry record "stage IIA-IIIA").
    candidates = [r for r in same_kind if _population_fits(measurement.population, r)] or [
        r for r in same_kind if _population_overlaps(measurement.population, r)
    ]
    if not candidates:
        return Comparison(measurement, None, "not in registry", "the registry reports no such outcome for this arm")
    for result in candidates:
        if _agrees(measurement, result):
            converted = _unit(result) != _unit(measurement) and measurement.statistic not in {"hr", "or", "rr"}
            conversion = f" (the registry reports {result.unit})" if converted else ""
            return Comparison(measurement, result, "agree", f"{_registry_text(result)} in {_where(result)}{conversion}")
    closest = candidates[0]
    details = [
        f"population: {closest.population}" if closest.population else "",
        f"analysis: {closest.description[:300]}" if closest.description else "",
    ]
    return Comparison(
        measurement,
        closest,
        "differ",
        f"the registry reports {_registry_text(closest)} in {_where(closest)} ({closest.outcome_type}); "
        + "; ".join(d for d in details if d),
    )


def _same_trial(measurement: Measurement, registry: Registry) -> bool:
    return measurement.nct == registry.nct or (measurement.trial is not None and measurement.trial in registry.names)


def _same_kind(measurement: Measurement, result: RegistryResult) -> bool:
    """The same statistic of the same endpoint for the same arm (experimental or control)."""
    if measurement.statistic != result.statistic or measurement.endpoint != result.endpoint:
        return False
    return _role(measurement.arm) == _role(result.arm)


# Words that name no particular population; the first other word of a label's population names it.
_GENERIC = {"subgroup", "population", "patients", "with", "the", "stage", "cohort", "overall", "all", "in", "at"}


def _population_tokens(text: str) -> set[str]:
    return {t for t in regex.findall(r"[a-z0-9]+", text.lower()) if t not in _GENERIC and len(t) > 1}


def _population_overlaps(population: str | None, result: RegistryResult) -> bool:
    """A looser match, to name what the registry reports instead: a shared word ("IIIA")."""
    if population is None or not result.population:
        return False
    return bool(_population_tokens(population) & _population_tokens(result.population))


def _population_fits(population: str | None, result: RegistryResult) -> bool:
    """Whether a registry number is about the label's population: the overall population matches
    a result that names no subgroup; a subgroup matches a result whose category or population names it."""
    about_subgroup = "subgroup" in result.outcome.lower()
    if population is None:
        return not about_subgroup
    words = [w for w in regex.findall(r"[\w-]+", population.lower()) if w not in _GENERIC and len(w) > 1]
    if not words:
        return not about_subgroup
    haystack = " ".join(filter(None, (result.category, result.population, result.outcome))).lower()
    return bool(regex.search(rf"\b{regex.escape(words[0])}", haystack))


def _role(arm: str | None) -> str:
    if not arm:
        return "experimental"
    lowered = arm.lower()
    named_control = any(regex.search(rf"\b{regex.escape(c)}\b", lowered) for c in vocabulary.control_arms())
    return "control" if registry_patterns.CONTROL_WORDS.search(arm) or named_control else "experimental"


def _agrees(measurement: Measurement, result: RegistryResult) -> bool:
    """Whether the printed numbers can be the same quantity, allowing for rounding and units."""
    if result.value is None:
        return False
    label_low, label_high = rounding_interval(measurement.raw)
    low, high = rounding_interval(result.raw)
    factor = _factor(result, measurement)
    if factor is None:
        return False
    # open intervals: 0.86 (0.855–0.865) and 0.87 (0.865–0.875) touch but are different numbers
    return low * factor < label_high and label_low < high * factor


def _factor(result: RegistryResult, measurement: Measurement) -> float | None:
    """How to turn the registry's unit into the label's (weeks → months), 1 when they match."""
    registry_unit, label_unit = _unit(result), _unit(measurement)
    if registry_unit == label_unit or measurement.statistic in {"hr", "or", "rr"}:
        return 1.0
    into_months, from_months = vocabulary.months_per(registry_unit or ""), vocabulary.months_per(label_unit or "")
    if into_months is None or from_months is None:
        return None
    return into_months / from_months


def _unit(item: Measurement | RegistryResult) -> str | None:
    return item.unit


def _where(result: RegistryResult) -> str:
    return f"'{result.outcome}'" + (f" [{result.category}]" if result.category else "")


def _registry_text(result: RegistryResult) -> str:
    ci = f" ({result.ci_low_raw}, {result.ci_high_raw})" if result.ci_low_raw and result.ci_high_raw else ""
    unit = f" {result.unit}" if result.unit and result.statistic not in {"hr", "or", "rr"} else ""
    who = f"{result.arm} vs {result.comparator}" if result.comparator else (result.arm or "")
    return f"{result.statistic} {result.raw}{unit}{ci} for {who}"


def _ratio_statistic(param_type: str) -> str | None:
    lowered = param_type.lower()
    return next((code for name, code in _RATIO_TYPES if name in lowered), None)


def _orient(titles: list[str]) -> tuple[str | None, str | None]:
    """(experimental, control) of a two-group analysis: the control is the placebo or standard arm."""
    titles = [t for t in titles if t]
    if len(titles) < 2:
        return (titles[0] if titles else None), None
    control = next((t for t in titles if _role(t) == "control"), titles[-1])
    experimental = next((t for t in titles if t != control), None)
    return experimental, control


def _number(raw: str) -> float | None:
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _squeeze(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None
