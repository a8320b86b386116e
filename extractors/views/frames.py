"""Tables for the dashboard: measurements and claims as frames and labels.

No streamlit here, so every helper can be tested on records built by hand; ``app.py`` only lays
them out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from extractors.records import Claim, Measurement
from extractors.report import SEVERITY_MARK, ci_text, number, printed, value_text
from extractors.views.highlight import verdict_label

MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # the dashboard refuses larger uploads; real labels are ~1 MB


def number_text(value: float | None, raw: str | None = ".") -> str:
    shown = number(value, raw)
    return "" if shown is None else str(shown)


def flag_text(m: Measurement) -> str:
    """``! ci_excludes_estimate`` for each error, ``? …`` for each warning (notes left out)."""
    return "; ".join(f"{SEVERITY_MARK[f.severity]} {f.check}" for f in m.flags if f.severity in ("error", "warning"))


def note_text(m: Measurement) -> str:
    """The informational notes (how a cell was split, …) and how many other readings there were."""
    notes = [f.check for f in m.flags if f.severity not in ("error", "warning")]
    if m.alternatives:
        notes.append(f"{len(m.alternatives)} other reading{'s' if len(m.alternatives) > 1 else ''}")
    return "; ".join(notes)


def where_text(m: Measurement) -> str:
    return " / ".join(x for x in (m.table, m.row, m.column) if x) or "prose"


def measurement_frame(measurements: Sequence[Measurement]) -> pd.DataFrame:
    """One row per measurement, every cell a string, in the order the sources state them."""
    rows = [
        {
            "flags": flag_text(m),
            "endpoint": m.endpoint or "",
            "statistic": m.statistic,
            "arm": f"{m.arm or ''} vs {m.comparator}" if m.comparator else (m.arm or ""),
            "value": value_text(m),
            "CI": ci_text(m),
            "unit": m.unit or "",
            "population": m.population or "overall",
            "trial": m.trial or "",
            "where": where_text(m),
            "confidence": m.confidence,
            "notes": note_text(m),
        }
        for m in measurements
    ]
    columns = ["flags", "endpoint", "statistic", "arm", "value", "CI", "unit", "population", "trial", "where",
               "confidence", "notes"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def claim_label(index: int, claim: Claim, article_text: str = "") -> str:
    """How a claim is listed in the selector: number, verdict in words, what it asserts."""
    what = " ".join(x for x in (claim.statistic, claim.endpoint, claim.arm) if x)
    raw = article_text[claim.value_span[0] : claim.value_span[1]] if claim.value_span and article_text else None
    value = printed(claim.value, raw)
    head = f"{value} {claim.unit or ''}".strip()
    text = " ".join(claim.text.split())
    text = text if len(text) <= 70 else text[:69] + "…"
    parts = [f"{index + 1}. {verdict_label(claim.verdict)}"]
    if head or what:
        parts.append(f"{head} {what}".strip())
    parts.append(f"“{text}”")
    return " · ".join(parts)


def filter_claims(claims: Sequence[Claim], verdicts: Iterable[str], kinds: Iterable[str] | None = None) -> list[int]:
    """Indexes of the claims whose verdict is in ``verdicts`` (and, if given, whose kind is in ``kinds``)."""
    wanted = set(verdicts)
    wanted_kinds = None if kinds is None else set(kinds)
    return [
        i
        for i, c in enumerate(claims)
        if c.verdict in wanted and (wanted_kinds is None or (c.kind or "none") in wanted_kinds)
    ]


def claim_kinds(claims: Sequence[Claim]) -> list[str]:
    """The kinds of error among the claims, in order of first appearance; ``none`` for claims without one."""
    kinds: list[str] = []
    for c in claims:
        kind = c.kind or "none"
        if kind not in kinds:
            kinds.append(kind)
    return kinds
