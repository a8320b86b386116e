"""The label beside its trials' registry records, as JSON, CSV or a terminal table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extractors.records import REGISTRY_STATUSES, Comparison, Registry, RegistryResult
from extractors.report.as_csv import csv_text
from extractors.report.as_json import dumps, measurement_dict
from extractors.report.as_text import align
from extractors.report.cells import ci_text, clip, value_or_qualifier


def _registry_result_dict(result: RegistryResult | None) -> dict[str, Any] | None:
    if result is None:
        return None
    return {
        "outcome": result.outcome, "category": result.category, "type": result.outcome_type,
        "endpoint": result.endpoint, "statistic": result.statistic, "arm": result.arm,
        "comparator": result.comparator, "value": result.raw, "unit": result.unit,
        "ci_low": result.ci_low_raw, "ci_high": result.ci_high_raw, "p": result.p_raw,
        "population": result.population,
    }  # fmt: skip


def registry_dict(comparisons: Sequence[Comparison], registries: Sequence[Registry]) -> dict[str, Any]:
    counts = {status: sum(1 for c in comparisons if c.status == status) for status in REGISTRY_STATUSES}
    return {
        "registries": [{"path": r.path, "nct": r.nct, "names": list(r.names)} for r in registries],
        "comparisons": [
            {
                "status": c.status,
                "note": c.note,
                "label": measurement_dict(c.measurement),
                "registry": _registry_result_dict(c.result),
            }
            for c in comparisons
        ],
        "summary": counts,
    }


REGISTRY_COLUMNS = (
    "status", "trial", "nct", "table", "endpoint", "population", "statistic", "arm", "label_value",
    "label_ci", "registry_value", "registry_ci", "registry_unit", "registry_outcome", "note",
)  # fmt: skip


def _registry_row(c: Comparison) -> list[str]:
    m, r = c.measurement, c.result
    return [
        c.status, m.trial or "", m.nct or "", m.table or "", m.endpoint or "", m.population or "", m.statistic,
        m.arm or "", value_or_qualifier(m.value, m.qualifier, m.raw), ci_text(m),
        r.raw if r else "", f"({r.ci_low_raw}, {r.ci_high_raw})" if r and r.ci_low_raw and r.ci_high_raw else "",
        (r.unit or "") if r else "", r.outcome if r else "", c.note,
    ]  # fmt: skip


def render_registry(comparisons: Sequence[Comparison], registries: Sequence[Registry], fmt: str) -> str:
    """Label-vs-registry comparisons in one of `FORMATS_REGISTRY`."""
    if fmt == "json":
        return dumps(registry_dict(comparisons, registries))
    rows = [_registry_row(c) for c in comparisons]
    if fmt == "csv":
        return csv_text(REGISTRY_COLUMNS, rows)
    shown = ("status", "trial", "table", "endpoint", "population", "statistic", "arm", "label_value", "registry_value",
             "registry_unit", "registry_outcome")  # fmt: skip
    index = [REGISTRY_COLUMNS.index(name) for name in shown]
    lines = align(shown, [[clip(row[i], 40) for i in index] for row in rows])
    counts = registry_dict(comparisons, registries)["summary"]
    summary = ", ".join(f"{n} {status}" for status, n in counts.items())
    return "\n".join([f"{len(comparisons)} label results beside the registry: {summary}", *lines]) + "\n"
