"""Reports as aligned text tables for a terminal, with no control characters from untrusted text."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.records import (
    VERDICTS,
    ExtractReport,
    Flag,
    VerifyReport,
)
from extractors.report.as_json import summary_counts
from extractors.report.cells import SEVERITY_MARK, alternatives_text, ci_text, clip, plain, value_or_qualifier

VERDICT_WORD = {
    "supported": "ok   SUPPORTED",
    "contradicted": "XX   CONTRADICTED",
    "overgeneralized": "~~   OVERGENERALIZED",
    "unverifiable": "??   UNVERIFIABLE",
}


def align(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    return lines


def _flag_marks(flags: Sequence[Flag]) -> str:
    return "".join(SEVERITY_MARK.get(f.severity, "*") for f in flags)


def document_flag(name: str, flag: Flag) -> str:
    """A flag on a whole document: "? article reading_stopped: reading stopped after 20 s at …"."""
    return f"{SEVERITY_MARK.get(flag.severity, '*')} {plain(name)} {flag.check}: {plain(flag.message)}"


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
            str(i), _flag_marks(m.flags), plain(m.source), plain(m.trial), clip(plain(m.population or "overall"), 28),
            plain(m.endpoint), plain(m.statistic), clip(plain(arm), 30), plain(value_or_qualifier(m.value, m.qualifier, m.raw)),
            plain(ci_text(m)), plain(m.unit), m.confidence, f"{m.span[0]}-{m.span[1]}", clip(plain(where), 40),
        ])  # fmt: skip
        if len(report.sources) < 2:
            del rows[-1][2]  # one source: its name is in the heading
        for f in m.flags:
            notes.append(f"  {SEVERITY_MARK.get(f.severity, '*')} #{i} {f.check}: {plain(f.message)}")
        if m.alternatives:
            notes.append(f"    #{i} other readings: {plain(alternatives_text(m.alternatives))}")
    lines = [f"Sources: {', '.join(f'{plain(s.id)} ({s.kind}, {plain(s.path)})' for s in report.sources)}"]
    lines += [document_flag(s.id, f) for s in report.sources for f in s.flags]
    lines.append(f"{len(report.measurements)} measurements")
    lines.append("")
    if rows:
        lines.extend(align(header if len(report.sources) > 1 else header[:2] + header[3:], rows))
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
            str(i), VERDICT_WORD.get(c.verdict, c.verdict), plain(c.kind), plain(value_or_qualifier(c.value, None, c.raw)),
            plain(c.statistic), plain(c.endpoint), clip(plain(c.arm), 20), clip(plain(c.population or "-"), 24),
            clip(plain(evidence), 40),
        ])  # fmt: skip
        details.append(f'{i:>3}. {VERDICT_WORD.get(c.verdict, c.verdict).split()[-1]}: "{plain(c.text)}"')
        if c.explanation:
            details.append(f"     -> {plain(c.explanation)}")
        for f in c.flags:
            details.append(f"     {SEVERITY_MARK.get(f.severity, '*')} {f.check}: {plain(f.message)}")
    counts = summary_counts(report)
    lines = [f"Article: {plain(report.article.title)} ({plain(report.article.path)})"]
    if report.sources:
        lines.append(f"Sources: {', '.join(f'{plain(s.id)} ({s.kind})' for s in report.sources)}")
    lines += [document_flag(s.id, f) for s in report.sources for f in s.flags]
    lines += [document_flag("article", f) for f in report.article.flags]
    lines.append("Summary: " + ", ".join(f"{counts[v]} {v}" for v in VERDICTS))
    lines.append("")
    if rows:
        lines.extend(align(header, rows))
        lines.append("")
        lines.extend(details)
    else:
        lines.append("No claims found.")
    return "\n".join(lines) + "\n"
