"""Serialize `ExtractReport` and `VerifyReport` as JSON, CSV, an aligned text table or HTML.

The JSON shapes are the ones in CONTRACT.md (with a few added fields). A number is printed as an
integer when the characters it was read from have no decimal point (``N = 246`` → ``246``) and
keeps its decimals otherwise (``4.0`` stays ``4.0``). Every function is pure and returns ``str``.
"""

from __future__ import annotations

import csv
import html
import io
import itertools
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

from extractors.highlight import STYLESHEET, highlight_article, highlight_source, summary_badges, verdict_badge
from extractors.records import (
    VERDICTS,
    Alternative,
    Claim,
    ExtractReport,
    Flag,
    Measurement,
    Source,
    Span,
    VerifyReport,
)
from extractors.registry import STATUSES, Comparison, Registry, RegistryResult

JsonNumber = int | float | None

# ---------------------------------------------------------------------------------------------
# Numbers and records as JSON-ready dicts
# ---------------------------------------------------------------------------------------------


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


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def flag_dict(flag: Flag) -> dict[str, Any]:
    return {"check": flag.check, "severity": flag.severity, "message": flag.message}


def alternative_dict(alt: Alternative) -> dict[str, Any]:
    return {"value": number(alt.value, "."), "ci_low": number(alt.ci_low, "."),
            "ci_high": number(alt.ci_high, "."), "why": alt.why}  # fmt: skip


def source_dict(source: Source) -> dict[str, Any]:
    return {"id": source.id, "path": source.path, "kind": source.kind, "drug": source.drug,
            "title": source.title, "text": source.text}  # fmt: skip


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
        "span": _span(m.span),
        "confidence": m.confidence,
        "alternatives": [alternative_dict(a) for a in m.alternatives],
        "flags": [flag_dict(f) for f in m.flags],
        "raw": m.raw,
        "ci_span": _span(m.ci_span),
        "table": m.table,
        "row": m.row,
        "column": m.column,
        "assessment": m.assessment,
    }


def _claim_raw(claim: Claim, article_text: str) -> str | None:
    return article_text[claim.value_span[0] : claim.value_span[1]] if claim.value_span else None


def claim_dict(claim: Claim, article_text: str) -> dict[str, Any]:
    """A claim with the CONTRACT.md fields first; ``value`` typed by the digits in the article."""
    raw = _claim_raw(claim, article_text)
    return {
        "text": claim.text,
        "span": _span(claim.span),
        "value_span": _span(claim.value_span),
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
        "flags": [flag_dict(f) for f in claim.flags],
    }


def summary_counts(report: VerifyReport) -> dict[str, int]:
    """Claims per verdict, every verdict present, in the contract's order."""
    counted = {v: sum(1 for c in report.claims if c.verdict == v) for v in VERDICTS}
    return {v: report.summary.get(v, counted[v]) for v in VERDICTS}


def extract_dict(report: ExtractReport) -> dict[str, Any]:
    return {
        "sources": [source_dict(s) for s in report.sources],
        "measurements": [measurement_dict(m) for m in report.measurements],
    }


def verify_dict(report: VerifyReport) -> dict[str, Any]:
    article = report.article
    return {
        "article": {"path": article.path, "title": article.title, "text": article.text},
        "sources": [source_dict(s) for s in report.sources],
        "claims": [claim_dict(c, article.text) for c in report.claims],
        "summary": summary_counts(report),
        "measurements": [measurement_dict(m) for m in report.measurements],
    }


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def extract_json(report: ExtractReport) -> str:
    return _dumps(extract_dict(report))


def verify_json(report: VerifyReport) -> str:
    return _dumps(verify_dict(report))


# ---------------------------------------------------------------------------------------------
# CSV: one row per measurement / per claim
# ---------------------------------------------------------------------------------------------

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


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def _flags_text(flags: Sequence[Flag]) -> str:
    return "; ".join(f"{f.severity}:{f.check}: {f.message}" for f in flags)


def _alternatives_text(alternatives: Sequence[Alternative]) -> str:
    texts = []
    for a in alternatives:
        reading = _plain(number(a.value, "."))
        if a.ci_low is not None or a.ci_high is not None:
            reading += f" ({_plain(number(a.ci_low, '.'))}, {_plain(number(a.ci_high, '.'))})"
        texts.append(f"{reading}: {a.why}")
    return "; ".join(texts)


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
        _flags_text(m.flags), _alternatives_text(m.alternatives),
    ]  # fmt: skip


def extract_csv(report: ExtractReport) -> str:
    return _csv(MEASUREMENT_COLUMNS, (_measurement_row(m) for m in report.measurements))


CLAIM_COLUMNS = (
    "claim", "verdict", "kind", "text", "value", "statistic", "endpoint", "arm", "population", "trial",
    "unit", "span_start", "span_end", "value_start", "value_end", "cites", "section", "explanation",
    "evidence_source", "evidence_value", "evidence_raw", "evidence_span_start", "evidence_span_end",
    "evidence_table", "evidence_row", "evidence_column", "flags",
)  # fmt: skip


def _claim_row(number_: int, claim: Claim, article_text: str) -> list[object]:
    d = claim_dict(claim, article_text)
    ev = claim.evidence
    value_span = claim.value_span or (None, None)
    return [
        number_, claim.verdict, claim.kind, claim.text, d["value"], claim.statistic, claim.endpoint, claim.arm,
        claim.population, claim.trial, claim.unit, claim.span[0], claim.span[1], value_span[0], value_span[1],
        " ".join(claim.cites), claim.section, claim.explanation,
        ev.source if ev else None, d["evidence"]["value"] if ev else None, ev.raw if ev else None,
        ev.span[0] if ev else None, ev.span[1] if ev else None,
        ev.table if ev else None, ev.row if ev else None, ev.column if ev else None,
        _flags_text(claim.flags),
    ]  # fmt: skip


def verify_csv(report: VerifyReport) -> str:
    rows = (_claim_row(i, c, report.article.text) for i, c in enumerate(report.claims, start=1))
    return _csv(CLAIM_COLUMNS, rows)


# ---------------------------------------------------------------------------------------------
# Aligned text tables for a terminal
# ---------------------------------------------------------------------------------------------

SEVERITY_MARK = {"error": "!", "warning": "?", "info": "i"}
VERDICT_WORD = {
    "supported": "ok   SUPPORTED",
    "contradicted": "XX   CONTRADICTED",
    "overgeneralized": "~~   OVERGENERALIZED",
    "unverifiable": "??   UNVERIFIABLE",
}


def _plain(value: object) -> str:
    """A cell for a terminal: no control characters (no escape sequences from untrusted text)."""
    if value is None:
        return "-"
    text = str(value)
    return "".join(" " if c in "\n\r\t" else ("\ufffd" if ord(c) < 32 or 127 <= ord(c) < 160 else c) for c in text)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _align(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    return lines


def _value_text(value: float | None, qualifier: str | None, raw: str | None = None, missing: str = "-") -> str:
    if value is None:
        return qualifier or missing
    shown = printed(value, raw)
    if qualifier and qualifier not in ("NR", "NE"):
        return f"{qualifier}{shown}"
    return shown


def value_text(m: Measurement) -> str:
    """The value as a reader expects it: ``4.6``, ``NR``, ``<0.001``."""
    return _value_text(m.value, m.qualifier, m.raw, missing="—")


def ci_text(m: Measurement) -> str:
    """The CI as printed: ``(0.26, 0.48)``, ``(38.8, NE)``; empty when there is none."""
    if m.ci_low is None and m.ci_high is None:
        return ""
    low = m.ci_low_raw or printed(m.ci_low, None) or "NE"
    high = m.ci_high_raw or printed(m.ci_high, None) or "NE"
    return f"({low}, {high})"


def _flag_marks(flags: Sequence[Flag]) -> str:
    return "".join(SEVERITY_MARK.get(f.severity, "*") for f in flags)


def extract_table(report: ExtractReport) -> str:
    """Measurements one per line; ``!`` marks an error flag and ``?`` a warning, explained below."""
    header = ("#", "flag", "source", "trial", "population", "endpoint", "stat", "arm", "value", "CI",
              "unit", "conf", "span", "where")  # fmt: skip
    rows = []
    notes = []
    for i, m in enumerate(report.measurements, start=1):
        arm = m.arm or "-"
        if m.comparator:
            arm = f"{arm} vs {m.comparator}"
        where = " / ".join(x for x in (m.table, m.row, m.column) if x)
        rows.append([
            str(i), _flag_marks(m.flags), _plain(m.source), _plain(m.trial), _clip(_plain(m.population or "overall"), 28),
            _plain(m.endpoint), _plain(m.statistic), _clip(_plain(arm), 30), _plain(_value_text(m.value, m.qualifier, m.raw)),
            _plain(ci_text(m)), _plain(m.unit), m.confidence, f"{m.span[0]}-{m.span[1]}", _clip(_plain(where), 40),
        ])  # fmt: skip
        if len(report.sources) < 2:
            del rows[-1][2]  # one source: its name is in the heading
        for f in m.flags:
            notes.append(f"  {SEVERITY_MARK.get(f.severity, '*')} #{i} {f.check}: {_plain(f.message)}")
        if m.alternatives:
            notes.append(f"    #{i} other readings: {_plain(_alternatives_text(m.alternatives))}")
    lines = [f"Sources: {', '.join(f'{_plain(s.id)} ({s.kind}, {_plain(s.path)})' for s in report.sources)}"]
    lines.append(f"{len(report.measurements)} measurements")
    lines.append("")
    if rows:
        lines.extend(_align(header if len(report.sources) > 1 else header[:2] + header[3:], rows))
    errors = sum(1 for m in report.measurements for f in m.flags if f.severity == "error")
    warnings = sum(1 for m in report.measurements for f in m.flags if f.severity == "warning")
    if notes:
        lines.append("")
        lines.append(f"Flags ({errors} errors marked !, {warnings} warnings marked ?, notes marked i):")
        lines.extend(notes)
    return "\n".join(lines) + "\n"


def verify_table(report: VerifyReport) -> str:
    """Claims one per line with their verdict in words, the claim text and explanation below."""
    header = ("#", "verdict", "kind", "value", "stat", "endpoint", "arm", "population", "evidence")
    rows = []
    details = []
    for i, c in enumerate(report.claims, start=1):
        ev = c.evidence
        evidence = "-" if ev is None else " / ".join(x for x in (ev.table, ev.row, ev.column) if x) or ev.source
        rows.append([
            str(i), VERDICT_WORD.get(c.verdict, c.verdict), _plain(c.kind), _plain(_value_text(c.value, None, _claim_raw(c, report.article.text))),
            _plain(c.statistic), _plain(c.endpoint), _clip(_plain(c.arm), 20), _clip(_plain(c.population or "-"), 24),
            _clip(_plain(evidence), 40),
        ])  # fmt: skip
        details.append(f'{i:>3}. {VERDICT_WORD.get(c.verdict, c.verdict).split()[-1]}: "{_plain(c.text)}"')
        if c.explanation:
            details.append(f"     -> {_plain(c.explanation)}")
        for f in c.flags:
            details.append(f"     {SEVERITY_MARK.get(f.severity, '*')} {f.check}: {_plain(f.message)}")
    counts = summary_counts(report)
    lines = [f"Article: {_plain(report.article.title)} ({_plain(report.article.path)})"]
    if report.sources:
        lines.append(f"Sources: {', '.join(f'{_plain(s.id)} ({s.kind})' for s in report.sources)}")
    lines.append("Summary: " + ", ".join(f"{counts[v]} {v}" for v in VERDICTS))
    lines.append("")
    if rows:
        lines.extend(_align(header, rows))
        lines.append("")
        lines.extend(details)
    else:
        lines.append("No claims found.")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# A standalone HTML report for verify
# ---------------------------------------------------------------------------------------------

_PAGE_CSS = """
body { font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1f2328; margin: 2em auto;
  max-width: 1100px; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #d0d7de; }
table.claims { border-collapse: collapse; width: 100%; font-size: 0.92em; }
table.claims th, table.claims td { border: 1px solid #d0d7de; padding: 6px 8px; vertical-align: top; text-align: left; }
table.claims th { background: #f6f8fa; }
.meta { color: #59636e; font-size: 0.9em; }
.summary .tp-badge { font-size: 0.95em; padding: 2px 8px; }
.tp-article { border: 1px solid #d0d7de; border-radius: 6px; padding: 1em; background: #fff; }
.tp-source { background: #f6f8fa; padding: 0.5em; border-radius: 4px; margin-top: 0.4em; }
"""


def _evidence_html(claim: Claim, sources: dict[str, Source]) -> str:
    ev = claim.evidence
    if ev is None:
        if claim.value_span is None:
            return '<span class="meta">checked against the trial population and indication (see the explanation)</span>'
        return '<span class="meta">no matching measurement</span>'
    where = " · ".join(x for x in (ev.table, ev.row, ev.column) if x)
    fields = (ev.trial, ev.population or "overall", ev.endpoint, ev.statistic, ev.arm,
              _value_text(ev.value, ev.qualifier, ev.raw), ci_text(ev), ev.unit)  # fmt: skip
    desc = " ".join(str(x) for x in fields if x)
    parts = [f"<div>{html.escape(desc)}</div>"]
    parts.append(f'<div class="meta">{html.escape(ev.source)}{": " + html.escape(where) if where else ""}</div>')
    source = sources.get(ev.source)
    if source is not None:
        parts.append(highlight_source(source.text, ev.span, ev.ci_span, context=160))
    return "".join(parts)


def verify_html(report: VerifyReport) -> str:
    """A self-contained page (inline CSS, no scripts) an editor can send to an author."""
    article = report.article
    counts = summary_counts(report)
    sources = {s.id: s for s in report.sources}
    rows = []
    for i, c in enumerate(report.claims, start=1):
        shown = printed(c.value, _claim_raw(c, article.text))
        value = f"{shown} {c.unit or ''}".strip() if shown else ""
        kind = f'<div class="meta">{html.escape(c.kind)}</div>' if c.kind else ""
        flags = "".join(
            f'<div class="meta">{html.escape(SEVERITY_MARK.get(f.severity, "*"))} {html.escape(f.check)}: '
            f"{html.escape(f.message)}</div>"
            for f in c.flags
        )
        rows.append(
            f'<tr id="claim-{i}"><td>{i}</td><td>{verdict_badge(c.verdict)}{kind}</td>'
            f"<td>{html.escape(c.text)}</td><td>{html.escape(value)}</td>"
            f"<td>{html.escape(c.explanation)}{flags}</td><td>{_evidence_html(c, sources)}</td></tr>"
        )
    source_list = "".join(
        f'<li>{html.escape(s.title or s.id)} <span class="meta">({html.escape(s.kind)}, {html.escape(s.path)})</span></li>'
        for s in report.sources
    )
    claims_table = (
        '<table class="claims"><thead><tr><th>#</th><th>Verdict</th><th>Claim</th><th>Value</th>'
        f"<th>Explanation</th><th>Evidence in the label</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        if rows
        else "<p>No claims found.</p>"
    )
    title = html.escape(article.title or article.path)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>trialproof: {title}</title><style>{_PAGE_CSS}{STYLESHEET}</style></head><body>"
        f"<h1>trialproof report: {title}</h1>"
        f'<p class="meta">Article: {html.escape(article.path)}</p>'
        f'<p class="summary">{summary_badges(counts)}</p>'
        f"<h2>Sources</h2><ul>{source_list or '<li>the label passage the article quotes</li>'}</ul>"
        f"<h2>Claims</h2>{claims_table}"
        f"<h2>Article with claims marked</h2>{highlight_article(article.text, report.claims)}"
        "</body></html>\n"
    )


# ---------------------------------------------------------------------------------------------
# Label beside registry
# ---------------------------------------------------------------------------------------------


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
    counts = {status: sum(1 for c in comparisons if c.status == status) for status in STATUSES}
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
        m.arm or "", _value_text(m.value, m.qualifier, m.raw), ci_text(m),
        r.raw if r else "", f"({r.ci_low_raw}, {r.ci_high_raw})" if r and r.ci_low_raw and r.ci_high_raw else "",
        (r.unit or "") if r else "", r.outcome if r else "", c.note,
    ]  # fmt: skip


def render_registry(comparisons: Sequence[Comparison], registries: Sequence[Registry], fmt: str) -> str:
    """Label-vs-registry comparisons in one of `FORMATS_REGISTRY`."""
    if fmt == "json":
        return _dumps(registry_dict(comparisons, registries))
    rows = [_registry_row(c) for c in comparisons]
    if fmt == "csv":
        return _csv(REGISTRY_COLUMNS, rows)
    shown = ("status", "trial", "table", "endpoint", "population", "statistic", "arm", "label_value", "registry_value",
             "registry_unit", "registry_outcome")  # fmt: skip
    index = [REGISTRY_COLUMNS.index(name) for name in shown]
    lines = _align(shown, [[_clip(row[i], 40) for i in index] for row in rows])
    counts = registry_dict(comparisons, registries)["summary"]
    summary = ", ".join(f"{n} {status}" for status, n in counts.items())
    return "\n".join([f"{len(comparisons)} label results beside the registry: {summary}", *lines]) + "\n"


FORMATS_EXTRACT = ("json", "csv", "table")
FORMATS_VERIFY = ("json", "csv", "table", "html")
FORMATS_REGISTRY = ("json", "csv", "table")


def render_extract(report: ExtractReport, fmt: str) -> str:
    """``report`` in one of `FORMATS_EXTRACT`."""
    renderers = {"json": extract_json, "csv": extract_csv, "table": extract_table}
    return renderers[fmt](report)


def render_verify(report: VerifyReport, fmt: str) -> str:
    """``report`` in one of `FORMATS_VERIFY`."""
    renderers = {"json": verify_json, "csv": verify_csv, "table": verify_table, "html": verify_html}
    return renderers[fmt](report)
