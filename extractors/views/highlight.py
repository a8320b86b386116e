"""HTML fragments that show claims and measurements in their text, with all text escaped.

Article and label text is untrusted: every character of it goes through `html.escape` before it
reaches a page, so an article containing ``<script>`` shows those characters and runs nothing.
Verdicts are shown by colour *and* by an icon with a word, never by colour alone.
Pure functions returning ``str``; used by the HTML report and by the dashboard.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from extractors.records import VERDICTS, ArticleTable, Claim, Span, Verdict

# Verdict → (icon, text colour, background colour). Colours pass WCAG AA for the text on them.
VERDICT_STYLE: dict[str, tuple[str, str, str]] = {
    "supported": ("✓", "#116329", "#dafbe1"),
    "contradicted": ("✗", "#a40e26", "#ffebe9"),
    "overgeneralized": ("⚠", "#7d4e00", "#fff1c2"),
    "unverifiable": ("?", "#3d444d", "#eaeef2"),
}

STYLESHEET = """
.tp-article { white-space: pre-wrap; font-family: Georgia, 'Times New Roman', serif; line-height: 1.55; }
.tp-claim { border-radius: 3px; padding: 0 1px; cursor: pointer; }
.tp-table-wrap { overflow-x: auto; max-width: 100%; }
.tp-article-table { border-collapse: collapse; white-space: normal; font: 0.85em/1.35 system-ui, sans-serif; margin: 0.2em 0 0.8em; }
.tp-article-table td { border: 1px solid #d0d7de; padding: 2px 6px; vertical-align: top; }
.tp-article-table tr:first-child td { background: #f6f8fa; font-weight: 600; }
.tp-article .tp-badge { cursor: pointer; }
.tp-outer { border-bottom: 2px solid; }
.tp-selected { outline: 2px solid #0969da; outline-offset: 1px; }
.tp-badge { display: inline-block; font: 600 0.72em/1.3 system-ui, sans-serif; border-radius: 8px;
  padding: 0 5px; margin: 0 2px; border: 1px solid; white-space: nowrap; vertical-align: 1px; }
.tp-source { white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.85em;
  line-height: 1.5; }
.tp-source mark { background: #ffe08a; color: #000; padding: 0 1px; border-radius: 2px; font-weight: 700; }
.tp-source mark.tp-ci { background: #fff3c4; font-weight: 400; }
.tp-evidence { overflow-x: auto; max-width: 100%; }
.tp-evidence-table { border-collapse: collapse; font: 0.8em/1.3 system-ui, sans-serif; margin: 0.3em 0; }
.tp-evidence-table caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: 0.3em; }
.tp-evidence-table th, .tp-evidence-table td { border: 1px solid #d0d7de; padding: 2px 6px; vertical-align: top; }
.tp-evidence-table th { background: #f6f8fa; font-weight: 600; }
.tp-evidence-table tr.tp-section td { background: #f6f8fa; font-style: italic; }
.tp-evidence-table tr.tp-gap td { color: #8c959f; text-align: center; border-style: dashed; }
.tp-evidence-table tr.tp-cited-row td { background: #fffbe6; }
.tp-evidence-table td.tp-cited { outline: 2px solid #bf8700; outline-offset: -2px; }
.tp-evidence-table mark, .tp-evidence-prose mark { background: #ffe08a; color: #000; font-weight: 700;
  padding: 0 1px; border-radius: 2px; }
.tp-evidence-table mark.tp-ci, .tp-evidence-prose mark.tp-ci { background: #fff3c4; font-weight: 400; }
.tp-evidence-prose { margin: 0.3em 0; padding-left: 0.8em; border-left: 3px solid #d0d7de; }
.tp-printed summary { font-size: 0.8em; color: #59636e; cursor: pointer; }
.tp-note { font-size: 0.9em; margin: 0.25em 0; padding: 0.2em 0.6em; border-radius: 4px; }
.tp-note-caution { background: #fff8c5; color: #3b2300; border-left: 3px solid #bf8700; }
.tp-note-info { color: #59636e; }
.tp-notice { padding: 0.5em 0.8em; border-radius: 6px; margin: 0.3em 0; white-space: pre-wrap; }
.tp-notice-error { background: #ffebe9; color: #82071e; border: 1px solid #ff8182; }
.tp-notice-info { background: #ddf4ff; color: #0a3069; border: 1px solid #54aeff; }
.tp-kind { font: 0.8em system-ui, sans-serif; background: #eaeef2; color: #24292f; border-radius: 8px;
  padding: 0 6px; margin-left: 4px; }
""" + "".join(
    f".tp-{verdict} {{ background: {bg}; color: {fg}; border-color: {fg}; }}\n"
    for verdict, (_icon, fg, bg) in VERDICT_STYLE.items()
)


def verdict_label(verdict: str) -> str:
    """The icon and the word for a verdict, e.g. ``"✗ contradicted"``."""
    icon = VERDICT_STYLE.get(verdict, ("•", "", ""))[0]
    return f"{icon} {verdict}"


def verdict_badge(verdict: str, prefix: str = "", claim: int | None = None) -> str:
    """A coloured badge that also says the verdict in words; ``claim`` numbers the claim it ends."""
    css = verdict if verdict in VERDICT_STYLE else "unverifiable"
    text = f"{prefix}{verdict_label(verdict)}"
    data = f' data-claim="{claim}"' if claim is not None else ""
    return f'<span class="tp-badge tp-{css}"{data}>{html.escape(text)}</span>'


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    number: int  # 1-based claim number, as in the claim list
    verdict: Verdict
    outer: bool  # a whole sentence (qualitative claim) rather than a number


def claim_marks(claims: Sequence[Claim]) -> list[_Mark]:
    """One highlight per claim: the number it asserts, or its sentence when it has no number."""
    marks = []
    for number, claim in enumerate(claims, start=1):
        span: Span = claim.value_span if claim.value_span is not None else claim.span
        if span[1] > span[0]:
            marks.append(_Mark(span[0], span[1], number, claim.verdict, claim.value_span is None))
    return marks


def highlight_article(
    text: str,
    claims: Sequence[Claim],
    selected: int | None = None,
    shown: Collection[int] | None = None,
    tables: Sequence[ArticleTable] = (),
) -> str:
    """The article as escaped HTML with each claim highlighted and labelled by its verdict.

    ``selected`` is the 0-based index of a claim to outline; ``shown``, if given, the indexes of
    the claims to highlight (the others are left as plain text). Highlights may nest (a scope
    sentence around a dose); each stretch of text is wrapped in one element per highlight that
    covers it, so the result is well-formed whatever the overlaps. A badge with the claim number,
    icon and verdict follows the end of each highlight. The article's ``tables`` (`Article.tables`)
    are shown as tables, each cell with its own highlights.
    """
    marks = [
        m for m in claim_marks(claims) if 0 <= m.start < m.end <= len(text) and (shown is None or m.number - 1 in shown)
    ]
    parts: list[str] = []
    position = 0
    for table in tables:
        first = text.rfind("\n", 0, table.span[0]) + 1  # the start of the table's first line
        parts.append(_highlighted(text, marks, position, first, selected))
        rows = []
        for row in table.rows:
            cells = "".join(f"<td>{_highlighted(text, marks, start, end, selected)}</td>" for start, end in row)
            rows.append(f"<tr>{cells}</tr>")
        # a wide table scrolls on its own, so the article around it keeps the box's width
        parts.append(f'<div class="tp-table-wrap"><table class="tp-article-table">{"".join(rows)}</table></div>')
        position = table.span[1]
    parts.append(_highlighted(text, marks, position, len(text), selected))
    return f'<div class="tp-article">{"".join(parts)}</div>'


def _highlighted(text: str, marks: Sequence[_Mark], start: int, end: int, selected: int | None) -> str:
    """``text[start:end]`` as escaped HTML with the ``marks`` that fall in it (cut at its ends)."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end, *(m.start for m in inside if m.start > start), *(m.end for m in inside if m.end < end)})
    parts: list[str] = []
    for left, right in itertools.pairwise(cuts):
        covering = sorted(
            (m for m in inside if m.start <= left and right <= m.end),
            key=lambda m: (m.start - m.end, m.number),  # widest outside
        )
        piece = html.escape(text[left:right])
        for mark in reversed(covering):
            classes = f"tp-claim tp-{mark.verdict}" + (" tp-outer" if mark.outer else "")
            if selected is not None and mark.number == selected + 1:
                classes += " tp-selected"
            title = html.escape(f"claim {mark.number}: {verdict_label(mark.verdict)}", quote=True)
            piece = f'<span class="{classes}" title="{title}" data-claim="{mark.number}">{piece}</span>'
        parts.append(piece)
        # Badges for highlights ending here, inner (shorter) ones first.
        for mark in sorted((m for m in inside if m.end == right), key=lambda m: (m.end - m.start, m.number)):
            parts.append(verdict_badge(mark.verdict, prefix=f"{mark.number} ", claim=mark.number))
    return "".join(parts)


def highlight_source(text: str, span: Span, ci_span: Span | None = None, context: int = 400) -> str:
    """An escaped excerpt of label text around ``span``, the span in ``<mark>``.

    ``ci_span`` (the printed CI, when there is one) is marked more lightly. ``context`` characters
    are kept on each side; an ellipsis shows where the excerpt was cut.
    """
    start, end = max(0, span[0]), min(len(text), span[1])
    if start >= end:
        return '<div class="tp-source">(no source span)</div>'
    marks: list[tuple[int, int, str]] = [(start, end, "")]
    ci_ok = ci_span is not None and 0 <= ci_span[0] < ci_span[1] <= len(text)
    if ci_span is not None and ci_ok and (ci_span[1] <= start or ci_span[0] >= end):
        marks.append((ci_span[0], ci_span[1], "tp-ci"))
    marks.sort()
    lo = max(0, min(m[0] for m in marks) - context)
    hi = min(len(text), max(m[1] for m in marks) + context)
    parts = ["…" if lo > 0 else ""]
    cursor = lo
    for mark_start, mark_end, css in marks:
        parts.append(html.escape(text[cursor:mark_start]))
        attr = f' class="{css}"' if css else ""
        parts.append(f"<mark{attr}>{html.escape(text[mark_start:mark_end])}</mark>")
        cursor = mark_end
    parts.append(html.escape(text[cursor:hi]))
    parts.append("…" if hi < len(text) else "")
    return f'<div class="tp-source">{"".join(parts)}</div>'


def summary_badges(summary: dict[str, int]) -> str:
    """The count per verdict as a row of labelled badges."""
    return " ".join(verdict_badge(v, prefix=f"{summary.get(v, 0)} ") for v in VERDICTS)
