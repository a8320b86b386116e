"""Read a ClinicalTrials.gov results record — the v2 API JSON or the legacy XML — into a `Registry`.

Every registry value keeps the string the record printed (``raw``), so nothing is invented and
rounding is judged from the printed digits. `extractors.verdicts.registry` lines the results up
with the label's measurements.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from extractors.ingest.files import decode_text, read_input
from extractors.records import InputError, Registry, RegistryResult
from extractors.text import vocabulary
from extractors.text.names import arm_role
from extractors.text.numbers import to_float

_PARAM_STATISTICS = {"MEDIAN": "median", "MEAN": "mean", "NUMBER": "number", "COUNT_OF_PARTICIPANTS": "count"}
_RATIO_TYPES = (("hazard ratio", "hr"), ("odds ratio", "or"), ("risk ratio", "rr"), ("relative risk", "rr"))


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


def _ratio_statistic(param_type: str) -> str | None:
    lowered = param_type.lower()
    return next((code for name, code in _RATIO_TYPES if name in lowered), None)


def _orient(titles: list[str]) -> tuple[str | None, str | None]:
    """(experimental, control) of a two-group analysis: the control is the placebo or standard arm."""
    titles = [t for t in titles if t]
    if len(titles) < 2:
        return (titles[0] if titles else None), None
    control = next((t for t in titles if arm_role(t) == "control"), titles[-1])
    experimental = next((t for t in titles if t != control), None)
    return experimental, control


def _number(raw: str) -> float | None:
    try:
        return to_float(raw)
    except ValueError:
        return None


def _squeeze(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None
