"""How values, CIs, flags and untrusted text are shown in every text format (CSV, terminal, HTML)."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.records import Alternative, Flag, Measurement
from extractors.report.as_json import number, printed

SEVERITY_MARK = {"error": "!", "warning": "?", "info": "i"}


def plain(value: object) -> str:
    """A cell for a terminal: no control characters (no escape sequences from untrusted text)."""
    if value is None:
        return "-"
    text = str(value)
    return "".join(" " if c in "\n\r\t" else ("\ufffd" if ord(c) < 32 or 127 <= ord(c) < 160 else c) for c in text)


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def value_or_qualifier(value: float | None, qualifier: str | None, raw: str | None = None, missing: str = "-") -> str:
    if value is None:
        return qualifier or missing
    shown = printed(value, raw)
    if qualifier and qualifier not in ("NR", "NE"):
        return f"{qualifier}{shown}"
    return shown


def value_text(m: Measurement) -> str:
    """The value as a reader expects it: ``4.6``, ``NR``, ``<0.001``."""
    return value_or_qualifier(m.value, m.qualifier, m.raw, missing="—")


def ci_text(m: Measurement) -> str:
    """The CI as printed: ``(0.26, 0.48)``, ``(38.8, NE)``; empty when there is none."""
    if m.ci_low is None and m.ci_high is None:
        return ""
    low = m.ci_low_raw or printed(m.ci_low, None) or "NE"
    high = m.ci_high_raw or printed(m.ci_high, None) or "NE"
    return f"({low}, {high})"


def flags_text(flags: Sequence[Flag]) -> str:
    return "; ".join(f"{f.severity}:{f.check}: {f.message}" for f in flags)


def alternatives_text(alternatives: Sequence[Alternative]) -> str:
    texts = []
    for a in alternatives:
        reading = plain(number(a.value, "."))
        if a.ci_low is not None or a.ci_high is not None:
            reading += f" ({plain(number(a.ci_low, '.'))}, {plain(number(a.ci_high, '.'))})"
        texts.append(f"{reading}: {a.why}")
    return "; ".join(texts)
