"""The selected claim's panel, notices and the marking of refused uploads, as HTML with every piece
of file text escaped.

The panel says, in order: the verdict (colour, icon, word) and what went wrong in plain words;
the article's sentence with the number marked; the evidence as the label shows it
(`evidence.evidence_html`), so the two numbers sit one above the other; the notes that matter
(`words.claim_notes`); then the explanation (folded away for a supported claim). The whole panel carries ``data-evidence-claim`` so the page can
scroll it into view when the claim is picked by clicking its highlight.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from extractors.records import VerifyReport
from extractors.views.evidence import claim_quote_html, evidence_html, scope_for, scope_html
from extractors.views.highlight import verdict_badge
from extractors.views.words import claim_notes, kind_words

_CSS_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._-")


def _evidence_heading(report: VerifyReport, index: int) -> str:
    """ "In the label" with the trial, population and assessment, the label's title in small print."""
    evidence = report.claims[index].evidence
    if evidence is None:
        return ""
    source = next((s for s in report.sources if s.id == evidence.source), None)
    parts = [evidence.trial or "trial not named", evidence.population or "overall population"]
    if evidence.assessment:
        parts.append(f"assessed by {evidence.assessment}")
    title = source.title if source is not None and source.title else evidence.source
    return (
        f'<div class="tp-evidence-heading">In the label: {html.escape(" · ".join(parts))}'
        f'<span class="tp-evidence-source">{html.escape(title)}</span></div>'
    )


def claim_panel_html(report: VerifyReport, index: int) -> str:
    """The panel for claim ``index`` (0-based) of ``report``."""
    claim = report.claims[index]
    kind = f'<span class="tp-kind">{html.escape(kind_words(claim.kind))}</span>' if claim.kind else ""
    parts = [
        f'<div class="tp-panel" data-evidence-claim="{index + 1}">',
        f"<div>{verdict_badge(claim.verdict, prefix=f'claim {index + 1}: ')}{kind}</div>",
        claim_quote_html(report.article.text, claim),
    ]
    evidence = claim.evidence
    source = next((s for s in report.sources if evidence is not None and s.id == evidence.source), None)
    if evidence is not None and source is not None:
        parts.append(_evidence_heading(report, index))
        parts.append(f'<div class="tp-evidence">{evidence_html(source, evidence, report.measurements)}</div>')
    elif claim.value_span is None:
        scope = scope_for(claim, report.populations)
        source = next((s for s in report.sources if scope is not None and s.id == scope.source), None)
        if scope is not None and source is not None:
            heading = f"In the label: whom {scope.trial or 'the trial'} enrolled"
            title = f'<span class="tp-evidence-source">{html.escape(source.title)}</span>'
            parts.append(f'<div class="tp-evidence-heading">{html.escape(heading)}{title}</div>')
            parts.append(f'<div class="tp-evidence">{scope_html(source.text, scope)}</div>')
        else:
            parts.append('<div class="tp-note tp-note-info">A statement about whom the treatment is for: checked '
                         "against the population the trial enrolled, as the label states it.</div>")  # fmt: skip
    elif claim.verdict == "unverifiable":
        parts.append('<div class="tp-note tp-note-info">No number in the label matches this claim.</div>')
    for note in claim_notes(claim):
        icon = "⚠ " if note.level == "caution" else ""
        parts.append(f'<div class="tp-note tp-note-{note.level}">{icon}{html.escape(note.text)}</div>')
    if claim.explanation:
        explanation = html.escape(claim.explanation)
        if claim.verdict == "supported":  # the evidence above shows the match; the sentence is there for the record
            parts.append(
                f'<details class="tp-printed"><summary>How it was checked</summary><p>{explanation}</p></details>'
            )
        else:
            parts.append(f'<p class="tp-explanation">{explanation}</p>')
    parts.append("</div>")
    return "".join(parts)


def notice_html(level: str, text: str) -> str:
    """A message in the main pane, as plain text whatever ``text`` holds (file names, file content)."""
    icon, word = {"error": ("✗", "Not loaded"), "info": ("i", "Note")}.get(level, ("i", "Note"))
    css = "error" if level == "error" else "info"
    role = ' role="alert"' if css == "error" else ""
    return f'<div class="tp-notice tp-notice-{css}"{role}>{icon} <b>{word}:</b> {html.escape(text)}</div>'


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string: every character but letters, digits, space and ``._-`` as a
    hex escape, so no file name can end the string, the rule or the ``<style>`` element."""
    return '"' + "".join(c if c in _CSS_PLAIN else f"\\{ord(c):x} " for c in text) + '"'


def refused_chip_css(names: Iterable[str]) -> str:
    """CSS that marks the upload chips of refused files: a red border and "not loaded" after the name."""
    rules = []
    for name in sorted(set(names)):
        chip = f'[data-testid="stFileChip"]:has([data-testid="stFileChipName"][title={css_string(name)}])'
        rules.append(f"{chip} {{ border: 2px solid #cf222e; background: #ffebe9; border-radius: 6px; }}")
        rules.append(
            f'{chip} [data-testid="stFileChipName"]::after {{ content: "✗ not loaded"; display: block; '
            "color: #a40e26; font-weight: 600; font-size: 0.85em; }"
        )
    return "\n".join(rules)
