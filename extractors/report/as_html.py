"""A standalone HTML report for ``verify``, to send to an article's author; all text escaped."""

from __future__ import annotations

import html

from extractors.records import (
    Claim,
    Source,
    VerifyReport,
)
from extractors.report.as_json import printed, summary_counts
from extractors.report.cells import SEVERITY_MARK, ci_text, value_or_qualifier
from extractors.views.highlight import STYLESHEET, highlight_article, highlight_source, summary_badges, verdict_badge

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
              value_or_qualifier(ev.value, ev.qualifier, ev.raw), ci_text(ev), ev.unit)  # fmt: skip
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
        shown = printed(c.value, c.raw)
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
        f"<h2>Article with claims marked</h2>{highlight_article(article.text, report.claims, tables=article.tables)}"
        "</body></html>\n"
    )
