"""The share printed with a count: "92 (33%), 85 (30%) and 112 (40%) patients in the three arms had
died", "74 events (21%) on imatinib".

A share in brackets right after a count is that count's percent of its arm. When the count is
supported by a label number, and the label prints a share right after that number, in the same
table cell or prose clause ("| 92 (33%) |", "There were 74 (21%) RFS events"), the article's share is
checked against it: supported when they agree. A share the label does not print there, or one that
differs, keeps the verdict it had on its own (the count's cell says nothing about another share).
"""

from __future__ import annotations

from extractors.records import Claim, Measurement, replace
from extractors.text import numbers as printed
from extractors.text.patterns import counts as patterns
from extractors.verdicts import matching
from extractors.verdicts.describe import said, where
from extractors.verdicts.quantity import LabelView

_COUNTS = frozenset({"n", "events"})
_NEAR = 8  # characters between a label count and its share: "92 (33%)", "74 (21.0%)"


def settle_count_shares(claims: tuple[Claim, ...], view: LabelView, text: str) -> tuple[Claim, ...]:
    """``claims`` with each share printed right after a supported count supported by the share the
    label prints right after that count, where they agree; others unchanged."""
    out = list(claims)
    counts = _counts_by_end(claims)
    for index, claim in enumerate(claims):
        if claim.verdict == "supported" or claim.statistic != "rate" or claim.value_span is None:
            continue
        count = _count_before(claim, counts, text)
        if count is None or count.evidence is None:
            continue
        share = _label_share(count.evidence, view)
        if share is not None and share.value is not None and _agrees(claim, share):
            out[index] = replace(
                claim,
                verdict="supported",
                kind=None,
                evidence=share,
                explanation=f"Supported: the article says {said(claim)}, the share of its count {count.raw}; the "
                f"label prints {count.evidence.raw} ({share.raw}%) in {where(share)}.",
            )
    return tuple(out)


def _counts_by_end(claims: tuple[Claim, ...]) -> dict[int, list[tuple[int, Claim]]]:
    """Each supported count with its place among ``claims``, by where its value ends: a share looks only
    at the counts ending just before it (an article of many counts and shares is not read count × share)."""
    found: dict[int, list[tuple[int, Claim]]] = {}
    for index, claim in enumerate(claims):
        if claim.statistic in _COUNTS and claim.verdict == "supported" and claim.value_span is not None:
            found.setdefault(claim.value_span[1], []).append((index, claim))
    return found


def _count_before(share: Claim, counts: dict[int, list[tuple[int, Claim]]], text: str) -> Claim | None:
    """The first (in claim order) supported count printed right before ``share``'s bracket: "92 (33%)"."""
    assert share.value_span is not None
    start = share.value_span[0]
    near = (
        (index, count)
        for end in range(max(0, start - patterns.SHARE_BRACKET_REACH), start + 1)
        for index, count in counts.get(end, ())
        if patterns.SHARE_BRACKET_BETWEEN.fullmatch(text, end, start) is not None
    )
    return min(near, default=(0, None), key=lambda found: found[0])[1]


def _label_share(count: Measurement, view: LabelView) -> Measurement | None:
    """The share the label prints right after ``count``, in its cell ("| 92 (33%) |") or clause."""
    return next(
        (
            m
            for m in view.measurements
            if m.statistic == "rate"
            and m.source == count.source
            and m.table == count.table
            and (m.row, m.column) == (count.row, count.column)  # its own cell, not the next column's rate
            and 0 < m.span[0] - count.span[1] <= _NEAR
        ),
        None,
    )


def _agrees(claim: Claim, share: Measurement) -> bool:
    assert claim.value is not None and share.value is not None and claim.raw is not None
    return matching.agree(claim.value, printed.decimals(claim.raw), share.value, printed.decimals(share.raw))
