"""A letter for the author: the claims the label contradicts or that overgeneralize, each with the
article's sentence, the label's own wording and where in the label it stands, ready to paste into
a letter, as Markdown or as a standalone HTML page.

Only what an editor acts on goes in: contradicted and overgeneralized claims. Every quotation is
characters of the article or the label; nothing is retyped. Pure functions returning ``str``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from extractors.records import Claim, Source, TrialScope, VerifyReport
from extractors.views.evidence import label_wording, scope_for, scope_wording, sentence_around
from extractors.views.words import kind_words

LETTER_VERDICTS = ("contradicted", "overgeneralized")
_MARKDOWN_SPECIAL = frozenset("\\`*_<>")  # the characters that would change how pasted Markdown reads


@dataclass(frozen=True, slots=True)
class LetterItem:
    """One point of the letter. ``value_at`` is where the claim's number starts in ``sentence``, if it has one."""

    number: int  # the claim's number in the dashboard and the reports
    verdict: str
    problem: str  # what went wrong, in words
    section: str | None
    sentence: str  # the article's sentence, as printed
    value: str | None  # the claim's number as the article prints it
    value_at: int | None
    label_says: str  # the label's wording for the value checked against, "" for a scope claim
    where: str  # where that wording stands in the label
    details: str  # the verdict's explanation


def _sentence(text: str, claim: Claim) -> tuple[str, str | None, int | None]:
    """The claim's sentence, its number as printed and where the number starts in the sentence."""
    span = claim.value_span
    if span is None or not 0 <= span[0] < span[1] <= len(text):
        return " ".join(claim.text.split()), None, None
    start, end = sentence_around(text, span)
    return text[start:end], text[span[0] : span[1]], span[0] - start


def _label_name(source: Source | None, fallback: str) -> str:
    return f"{source.title} ({PurePath(source.path).name})" if source is not None else fallback


def _where(claim: Claim, sources: dict[str, Source], populations: Sequence[TrialScope]) -> tuple[str, str]:
    """(the label's wording, where it stands) for a claim's evidence, or a scope claim's population."""
    m = claim.evidence
    if m is None:
        scope = scope_for(claim, populations)
        source = sources.get(scope.source) if scope is not None else None
        if scope is None or source is None:
            return "", "the label's description of the patients the trial enrolled (see the details)"
        place = f", {scope.trial}" if scope.trial else ""
        span = scope.enrolment_span
        where = f"{_label_name(source, scope.source)}{place}, characters {span[0]}–{span[1]}"
        return scope_wording(source.text, scope), where
    source = sources.get(m.source)
    place = ", ".join(x for x in (m.trial, m.table) if x)
    where = f"{_label_name(source, m.source)}{', ' + place if place else ''}, characters {m.span[0]}–{m.span[1]}"
    return (label_wording(source.text, m) if source is not None else m.raw), where


def letter_items(report: VerifyReport) -> list[LetterItem]:
    """The contradicted and overgeneralized claims, in the order the article makes them."""
    sources = {s.id: s for s in report.sources}
    items = []
    for number, claim in enumerate(report.claims, start=1):
        if claim.verdict not in LETTER_VERDICTS:
            continue
        sentence, value, value_at = _sentence(report.article.text, claim)
        label_says, where = _where(claim, sources, report.populations)
        problem = kind_words(claim.kind) or claim.verdict
        items.append(
            LetterItem(
                number,
                claim.verdict,
                problem,
                claim.section,
                sentence,
                value,
                value_at,
                label_says,
                where,
                " ".join(claim.explanation.split()),
            )
        )
    return items


def _md(text: str) -> str:
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in text)


def _pieces(item: LetterItem) -> tuple[str, str, str]:
    """The sentence before the number, the number, the sentence after it (all of it before, if no number)."""
    if item.value is None or item.value_at is None:
        return item.sentence, "", ""
    end = item.value_at + len(item.value)
    return item.sentence[: item.value_at], item.value, item.sentence[end:]


def _md_sentence(item: LetterItem) -> str:
    before, value, after = _pieces(item)
    return f"{_md(before)}**{_md(value)}**{_md(after)}" if value else _md(before)


def _intro(report: VerifyReport, items: Sequence[LetterItem]) -> str:
    labels = ", ".join(s.title or s.id for s in report.sources) or "the label passage the article quotes"
    if not items:
        return (
            f"Every number we could check against {labels} agrees with it, and no statement is broader than the trials."
        )
    return (
        f"We checked the numbers the article quotes from clinical trials against {labels}. "
        f"{len(items)} statement{'s' if len(items) != 1 else ''} disagree{'s' if len(items) == 1 else ''} with "
        "the label or go beyond the patients its trials enrolled. Each is given with the label's own wording "
        "and where it stands, so it can be checked."
    )


def letter_markdown(report: VerifyReport) -> str:
    """The letter as Markdown: a heading, a short introduction, then one section per claim."""
    items = letter_items(report)
    title = report.article.title or report.article.path
    lines = [f"# Numbers to check in “{_md(title)}”", "", _md(_intro(report, items))]
    for i, item in enumerate(items, start=1):
        section = f", section “{_md(item.section)}”" if item.section else ""
        lines += ["", f"## {i}. {item.problem.capitalize()} (claim {item.number}{section})", ""]
        lines += [f"**The article says:** “{_md_sentence(item)}”", ""]
        if item.label_says:
            lines += [f"**The label says:** {_md(item.label_says)}", ""]
        lines += [f"**Where:** {_md(item.where)}", "", f"**Details:** {_md(item.details)}"]
    return "\n".join(lines) + "\n"


LETTER_STYLE = """
.tp-letter { font: 15px/1.5 Georgia, 'Times New Roman', serif; max-width: 46em; color: #1f2328; }
.tp-letter h1 { font-size: 1.4em; } .tp-letter h2 { font-size: 1.1em; margin-top: 1.6em; }
.tp-letter blockquote { margin: 0.3em 0; padding-left: 0.8em; border-left: 3px solid #d0d7de; }
.tp-letter .where, .tp-letter .details { font-size: 0.9em; color: #424a53; }
.tp-letter b.value { background: #ffe08a; padding: 0 2px; }
"""


def _html_sentence(item: LetterItem) -> str:
    before, value, after = _pieces(item)
    if not value:
        return html.escape(before)
    return f'{html.escape(before)}<b class="value">{html.escape(value)}</b>{html.escape(after)}'


def letter_body_html(report: VerifyReport) -> str:
    """The letter as an HTML fragment (headings, paragraphs, quotations), every quotation escaped."""
    items = letter_items(report)
    title = html.escape(report.article.title or report.article.path)
    body = [f"<h1>Numbers to check in “{title}”</h1>", f"<p>{html.escape(_intro(report, items))}</p>"]
    for i, item in enumerate(items, start=1):
        section = f", section “{html.escape(item.section)}”" if item.section else ""
        body.append(f"<h2>{i}. {html.escape(item.problem.capitalize())} (claim {item.number}{section})</h2>")
        body.append(f"<p><b>The article says:</b></p><blockquote>{_html_sentence(item)}</blockquote>")
        if item.label_says:
            body.append(f"<p><b>The label says:</b></p><blockquote>{html.escape(item.label_says)}</blockquote>")
        body.append(f'<p class="where"><b>Where:</b> {html.escape(item.where)}</p>')
        body.append(f'<p class="details"><b>Details:</b> {html.escape(item.details)}</p>')
    return f'<div class="tp-letter">{"".join(body)}</div>'


def letter_html(report: VerifyReport) -> str:
    """The letter as a standalone HTML page (no scripts, nothing fetched)."""
    title = html.escape(report.article.title or report.article.path)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Numbers to check in {title}</title><style>body {{ margin: 2em auto; max-width: 48em; }}"
        f"{LETTER_STYLE}</style></head><body>{letter_body_html(report)}</body></html>\n"
    )
