"""Tables for the dashboard: measurements and claims as frames and labels.

No streamlit here, so every helper can be tested on records built by hand; ``app.py`` only lays
them out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from extractors.records import Claim, Measurement
from extractors.report import ci_text, number, printed, value_text
from extractors.text.names import canonical_arm
from extractors.views.highlight import verdict_label
from extractors.views.words import check_words, kind_words

if TYPE_CHECKING:
    import pandas as pd

MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # the dashboard refuses larger uploads; real labels are ~1 MB
# The measurement table's columns and their widths in pixels: together they fit a 1280-px window
# beside the sidebar, so nobody scrolls sideways; a cell cut short shows whole on hover.
MEASUREMENT_COLUMNS = ["check", "trial", "endpoint", "statistic", "arm", "population", "value", "CI", "unit", "where"]
MEASUREMENT_WIDTHS = {"check": 100, "trial": 70, "endpoint": 110, "statistic": 70, "arm": 130, "population": 120,
                      "value": 55, "CI": 90, "unit": 65, "where": 120}  # fmt: skip


def number_text(value: float | None, raw: str | None = ".") -> str:
    shown = number(value, raw)
    return "" if shown is None else str(shown)


def check_text(m: Measurement) -> str:
    """What the checks found, in words, errors (!) before warnings (?), then how sure the reading is."""
    parts = [f"! {check_words(f.check)}" for f in m.flags if f.severity == "error"]
    parts += [f"? {check_words(f.check)}" for f in m.flags if f.severity == "warning"]
    others = len({a.value for a in m.alternatives if a.value != m.value})
    if others:
        parts.append(f"{others} other reading{'s' if others > 1 else ''}")
    if m.confidence != "high":
        parts.append(f"{m.confidence} confidence")
    return "; ".join(parts)


def where_text(m: Measurement) -> str:
    return " / ".join(x for x in (m.table, m.row, m.column) if x) or "prose"


def _without_parentheses(text: str) -> str:
    kept, depth = [], 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def arm_key(name: str) -> str:
    """Two names of one arm compare equal: case, brand or generic, a parenthesis ("EGFR TKI
    (gefitinib or erlotinib)"), "in combination with" or "plus" for "with", a trailing
    "monotherapy" or "alone" do not matter."""
    words = " " + " ".join(_without_parentheses(name.casefold()).split()) + " "
    for joined in (" in combination with ", " plus ", " + ", " and "):
        words = words.replace(joined, " with ")
    words = words.strip()
    for tail in (" monotherapy", " alone"):
        words = words.removesuffix(tail)
    return canonical_arm(words) or words


def arm_names(measurements: Sequence[Measurement]) -> dict[tuple[str | None, str], str]:
    """(trial, arm as printed) → one name per arm of the trial: the form the label prints most
    often (its table header, usually), so "EGFR TKI" in the prose joins "EGFR TKI (gefitinib or
    erlotinib)" in the table."""
    counts: dict[tuple[str | None, str], Counter[str]] = {}
    for m in measurements:
        for name in (m.arm, m.comparator):
            if name:
                counts.setdefault((m.trial, arm_key(name)), Counter())[name] += 1
    names: dict[tuple[str | None, str], str] = {}
    for (trial, _key), printed_as in counts.items():
        best = max(printed_as, key=lambda name: (printed_as[name], len(name)))
        for name in printed_as:
            names[(trial, name)] = best
    return names


def arm_name(names: dict[tuple[str | None, str], str], trial: str | None, name: str | None) -> str:
    """An arm's one name in its trial (from `arm_names`), or the name as printed; "" for none."""
    return names.get((trial, name), name) if name else ""


def measurement_frame(measurements: Sequence[Measurement]) -> pd.DataFrame:
    """One row per measurement, every cell a string, in the order the sources state them; each
    arm under one name per trial."""
    import pandas as pd  # here, not at the top: the claim list needs this module, and pandas costs ~1 s to import

    names = arm_names(measurements)

    def arm(m: Measurement, name: str | None) -> str:
        return arm_name(names, m.trial, name)

    rows = [
        {
            "check": check_text(m),
            "trial": m.trial or "",
            "endpoint": (m.endpoint or "") + (f" ({m.assessment})" if m.endpoint and m.assessment else ""),
            "statistic": m.statistic,
            "arm": f"{arm(m, m.arm)} vs {arm(m, m.comparator)}" if m.comparator else arm(m, m.arm),
            "population": m.population or "overall",
            "value": value_text(m),
            "CI": ci_text(m),
            "unit": m.unit or "",
            "where": where_text(m),
        }
        for m in measurements
    ]
    return pd.DataFrame(rows, columns=MEASUREMENT_COLUMNS)


def claim_label(index: int, claim: Claim, article_text: str = "") -> str:
    """How a claim is listed in the selector: number, verdict and what went wrong in words, what it asserts."""
    what = " ".join(x for x in (claim.statistic, claim.endpoint, claim.arm) if x)
    raw = article_text[claim.value_span[0] : claim.value_span[1]] if claim.value_span and article_text else None
    value = printed(claim.value, raw)
    head = f"{value} {claim.unit or ''}".strip()
    text = " ".join(claim.text.split())
    text = text if len(text) <= 70 else text[:69] + "…"
    parts = [f"{index + 1}. {verdict_label(claim.verdict)}" + (f" ({kind_words(claim.kind)})" if claim.kind else "")]
    if head or what:
        parts.append(f"{head} {what}".strip())
    parts.append(f"“{text}”")
    return " · ".join(parts)


def filter_claims(claims: Sequence[Claim], verdicts: Iterable[str], kinds: Iterable[str] | None = None) -> list[int]:
    """Indexes of the claims whose verdict is in ``verdicts`` and, if any ``kinds`` are given,
    whose kind is one of them (no kinds chosen: every kind)."""
    wanted = set(verdicts)
    wanted_kinds = set(kinds or ())
    return [
        i
        for i, c in enumerate(claims)
        if c.verdict in wanted and (not wanted_kinds or (c.kind is not None and c.kind in wanted_kinds))
    ]


def claim_kinds(claims: Sequence[Claim]) -> list[str]:
    """The kinds of problem among the claims, in order of first appearance (claims without one add none)."""
    kinds: list[str] = []
    for c in claims:
        if c.kind and c.kind not in kinds:
            kinds.append(c.kind)
    return kinds
