"""The ways a run of glued digits can split into numbers: "4.61.6" is 4.6 and 1.6, or 4.61 and .6, …
— every well-formed split, for `rows` to score against the columns."""

from __future__ import annotations

from functools import lru_cache

from extractors.read.tables.cells import Number, Token
from extractors.text.patterns import tables as table_patterns

MAX_RUN = 32  # characters: a run longer than a row of glued cells ("4.61.6" is 6) is not table cells
MAX_SPLITS = 2_000  # ways to split one run, at most


def split_candidates(text: str, token: Token, max_parts: int) -> list[list[Number]]:
    """Every way a run of digits splits into at most ``max_parts`` well-formed numbers (none for a
    run too long to be a row's cells, and at most ``MAX_SPLITS``)."""
    positions = [i for i in range(token.start, token.end) if not text[i].isspace()]
    compact = "".join(text[i] for i in positions)
    if len(compact) > MAX_RUN:
        return []

    def number(a: int, b: int) -> Number:
        start, end = positions[a], positions[b - 1] + 1
        return Number(text[start:end], start, end)

    return [[number(a, b) for a, b in cuts] for cuts in _cuts(compact, max_parts)]


@lru_cache(maxsize=4096)  # the same digits recur in a label's rows, and each row is read several ways
def _cuts(compact: str, max_parts: int) -> tuple[tuple[tuple[int, int], ...], ...]:
    """Every way ``compact`` (a run of digits without its spaces) splits into at most ``max_parts``
    well-formed numbers, each as its (start, end) pieces in ``compact``; at most ``MAX_SPLITS``."""
    results: list[tuple[tuple[int, int], ...]] = []

    def walk(offset: int, parts: list[tuple[int, int]]) -> None:
        if offset == len(compact):
            results.append(tuple(parts))
            return
        if len(parts) == max_parts or len(results) >= MAX_SPLITS:
            return
        for cut in range(offset + 1, len(compact) + 1):
            piece = compact[offset:cut]
            if table_patterns.NUMBER_SHAPE.match(piece):
                parts.append((offset, cut))
                walk(cut, parts)
                parts.pop()

    walk(0, [])
    return tuple(results)
