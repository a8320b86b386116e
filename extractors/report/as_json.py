"""Reports as JSON: the shapes of CONTRACT.md (with the fields added since; nothing renamed).

A number is printed as an integer when the characters it was read from have no decimal point
(``N = 246`` → ``246``) and keeps its decimals otherwise (``4.0`` stays ``4.0``).
"""

from __future__ import annotations

import itertools
import json
import math
from typing import Any

from extractors.records import (
    VERDICTS,
    Alternative,
    Claim,
    ExtractReport,
    Flag,
    Measurement,
    Qualifier,
    Source,
    Span,
    TrialScope,
    VerifyReport,
)

JsonNumber = int | float | None


def number(value: float | None, raw: str | None = None) -> JsonNumber:
    """``value`` as JSON wants it: an int when it is whole and ``raw`` shows no decimal point.

    >>> number(246.0, "246"), number(4.0, "4.0"), number(95.0), number(None)
    (246, 4.0, 95, None)
    """
    if value is None or not math.isfinite(value):
        return None
    if float(value).is_integer() and (raw is None or not any(c in raw for c in ".·")):
        return int(value)
    return float(value)


def printed(value: float | None, raw: str | None) -> str:
    """``value`` with as many decimals as its source printed, for people to read.

    >>> printed(0.2, "0.20"), printed(0.39, "0. 39"), printed(246.0, "246"), printed(4.6, None)
    ('0.20', '0.39', '246', '4.6')
    """
    shown = number(value, raw if raw is not None else ".")
    if shown is None:
        return ""
    compact = (raw or "").replace(" ", "")
    if "." in compact:
        decimals = len(list(itertools.takewhile(str.isdigit, compact.rsplit(".", 1)[1])))
        if decimals:
            return f"{float(shown):.{decimals}f}"
    return str(shown)


def span_list(span: Span | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def flag_dict(flag: Flag) -> dict[str, Any]:
    return {"check": flag.check, "severity": flag.severity, "message": flag.message}


def alternative_dict(alt: Alternative) -> dict[str, Any]:
    reading = {"value": number(alt.value, "."), "ci_low": number(alt.ci_low, "."),
               "ci_high": number(alt.ci_high, "."), "why": alt.why}  # fmt: skip
    return reading | ({"arm": alt.arm} if alt.arm is not None else {})


def source_dict(source: Source) -> dict[str, Any]:
    return {"id": source.id, "path": source.path, "kind": source.kind, "drug": source.drug,
            "title": source.title, "text": source.text, "flags": [flag_dict(f) for f in source.flags]}  # fmt: skip


def measurement_dict(m: Measurement) -> dict[str, Any]:
    """A measurement with the CONTRACT.md fields first, then ``raw`` and where it was read."""
    return {
        "source": m.source,
        "trial": m.trial,
        "nct": m.nct,
        "endpoint": m.endpoint,
        "population": m.population,
        "statistic": m.statistic,
        "arm": m.arm,
        "comparator": m.comparator,
        "value": number(m.value, m.raw),
        "qualifier": m.qualifier,
        "ci_low": number(m.ci_low, m.ci_low_raw if m.ci_low_raw is not None else "."),
        "ci_high": number(m.ci_high, m.ci_high_raw if m.ci_high_raw is not None else "."),
        "ci_level": number(m.ci_level),
        "unit": m.unit,
        "span": span_list(m.span),
        "confidence": m.confidence,
        "alternatives": [alternative_dict(a) for a in m.alternatives],
        "flags": [flag_dict(f) for f in m.flags],
        "raw": m.raw,
        "ci_span": span_list(m.ci_span),
        "table": m.table,
        "row": m.row,
        "column": m.column,
        "assessment": m.assessment,
        "analysis": m.analysis,
        "modifiers": list(m.modifiers),
        "grade": m.grade,
    }


def claim_dict(claim: Claim) -> dict[str, Any]:
    """A claim with the CONTRACT.md fields first; ``value`` typed by the digits in the article."""
    raw = claim.raw
    return {
        "text": claim.text,
        "span": span_list(claim.span),
        "value_span": span_list(claim.value_span),
        "value": number(claim.value, raw if raw is not None else "."),
        "statistic": claim.statistic,
        "endpoint": claim.endpoint,
        "arm": claim.arm,
        "population": claim.population,
        "trial": claim.trial,
        "unit": claim.unit,
        "hedge": claim.hedge,
        "cites": list(claim.cites),
        "verdict": claim.verdict,
        "kind": claim.kind,
        "evidence": None if claim.evidence is None else measurement_dict(claim.evidence),
        "explanation": claim.explanation,
        "ci_low": number(claim.ci_low, "."),
        "ci_high": number(claim.ci_high, "."),
        "section": claim.section,
        "column": claim.column,
        "flags": [flag_dict(f) for f in claim.flags],
        "raw": raw,
        **_statement_fields(claim.statement),
    }


def _statement_fields(statement: Measurement | None) -> dict[str, Any]:
    """What the reader says of a numeric claim beyond the contract's fields: the comparator of a
    ratio, the qualifier ("<"), the analysis and assessment, the endpoint's modifiers, how sure the
    reading is and the other arms a value may belong to."""
    if statement is None:
        return {}
    return {
        "comparator": statement.comparator,
        "qualifier": statement.qualifier,
        "analysis": statement.analysis,
        "assessment": statement.assessment,
        "modifiers": list(statement.modifiers),
        "confidence": statement.confidence,
        "alternatives": [alternative_dict(a) for a in statement.alternatives],
    }


def qualifier_dict(qualifier: Qualifier) -> dict[str, Any]:
    return {"dimension": qualifier.dimension, "value": qualifier.value, "phrase": qualifier.phrase}


def population_dict(scope: TrialScope) -> dict[str, Any]:
    """A trial population (or indication) as the label states it, with where."""
    return {
        "source": scope.source,
        "trial": scope.trial,
        "population": scope.population,
        "qualifiers": [qualifier_dict(q) for q in scope.qualifiers],
        "excluded": list(scope.excluded),
        "enrolment": scope.enrolment,
        "enrolment_span": span_list(scope.enrolment_span),
        "exclusion": scope.exclusion,
        "exclusion_span": span_list(scope.exclusion_span),
    }


def summary_counts(report: VerifyReport) -> dict[str, int]:
    """Claims per verdict, every verdict present, in the contract's order."""
    counted = {v: sum(1 for c in report.claims if c.verdict == v) for v in VERDICTS}
    return {v: report.summary.get(v, counted[v]) for v in VERDICTS}


def extract_dict(report: ExtractReport) -> dict[str, Any]:
    return {
        "sources": [source_dict(s) for s in report.sources],
        "measurements": [measurement_dict(m) for m in report.measurements],
        "doses": [measurement_dict(d) for d in report.doses],
        "populations": [population_dict(p) for p in report.populations],
    }


def verify_dict(report: VerifyReport) -> dict[str, Any]:
    article = report.article
    return {
        "article": {
            "path": article.path,
            "title": article.title,
            "text": article.text,
            "flags": [flag_dict(f) for f in article.flags],
            # each table's span and its cells' spans, row by row (the first row is the header)
            "tables": [
                {"span": list(t.span), "rows": [[list(cell) for cell in row] for row in t.rows]} for t in article.tables
            ],
        },
        "sources": [source_dict(s) for s in report.sources],
        "claims": [claim_dict(c) for c in report.claims],
        "summary": summary_counts(report),
        "measurements": [measurement_dict(m) for m in report.measurements],
        "doses": [measurement_dict(d) for d in report.doses],
        "populations": [population_dict(p) for p in report.populations],
    }


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def extract_json(report: ExtractReport) -> str:
    return dumps(extract_dict(report))


def verify_json(report: VerifyReport) -> str:
    return dumps(verify_dict(report))
