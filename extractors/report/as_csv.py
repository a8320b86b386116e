"""Reports as CSV: one row per measurement or per claim, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from extractors.records import (
    Claim,
    ExtractReport,
    Measurement,
    VerifyReport,
)
from extractors.report.as_json import claim_dict, measurement_dict
from extractors.report.cells import alternatives_text, flags_text

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


MEASUREMENT_COLUMNS = (
    "source", "trial", "nct", "endpoint", "population", "statistic", "arm", "comparator",
    "value", "qualifier", "ci_low", "ci_high", "ci_level", "unit", "span_start", "span_end",
    "raw", "confidence", "table", "row", "column", "flags", "alternatives",
)  # fmt: skip


def _measurement_row(m: Measurement) -> list[object]:
    d = measurement_dict(m)
    return [
        d["source"], d["trial"], d["nct"], d["endpoint"], d["population"], d["statistic"], d["arm"],
        d["comparator"], d["value"], d["qualifier"], d["ci_low"], d["ci_high"], d["ci_level"], d["unit"],
        m.span[0], m.span[1], m.raw, m.confidence, m.table, m.row, m.column,
        flags_text(m.flags), alternatives_text(m.alternatives),
    ]  # fmt: skip


def extract_csv(report: ExtractReport) -> str:
    return csv_text(MEASUREMENT_COLUMNS, (_measurement_row(m) for m in report.measurements))


CLAIM_COLUMNS = (
    "claim", "verdict", "kind", "text", "value", "statistic", "endpoint", "arm", "population", "trial",
    "unit", "span_start", "span_end", "value_start", "value_end", "cites", "section", "explanation",
    "evidence_source", "evidence_value", "evidence_raw", "evidence_span_start", "evidence_span_end",
    "evidence_table", "evidence_row", "evidence_column", "flags",
)  # fmt: skip


def _claim_row(number_: int, claim: Claim) -> list[object]:
    d = claim_dict(claim)
    ev = claim.evidence
    value_span = claim.value_span or (None, None)
    return [
        number_, claim.verdict, claim.kind, claim.text, d["value"], claim.statistic, claim.endpoint, claim.arm,
        claim.population, claim.trial, claim.unit, claim.span[0], claim.span[1], value_span[0], value_span[1],
        " ".join(claim.cites), claim.section, claim.explanation,
        ev.source if ev else None, d["evidence"]["value"] if ev else None, ev.raw if ev else None,
        ev.span[0] if ev else None, ev.span[1] if ev else None,
        ev.table if ev else None, ev.row if ev else None, ev.column if ev else None,
        flags_text(claim.flags),
    ]  # fmt: skip


def verify_csv(report: VerifyReport) -> str:
    rows = (_claim_row(i, c) for i, c in enumerate(report.claims, start=1))
    return csv_text(CLAIM_COLUMNS, rows)
