"""One sentence splitter for labels and articles: text in, sentence spans out, in one pass."""

from __future__ import annotations

from collections.abc import Iterator

from extractors.records import Span
from extractors.text.patterns import sentences as patterns


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """The spans of the sentences of ``text[start:end]``, spaces trimmed, empty ones left out."""
    stop = len(text) if end is None else end
    position = start
    for match in patterns.SENTENCE_END.finditer(text, start, stop):
        yield from _trimmed(text, position, match.end())
        position = match.end()
    yield from _trimmed(text, position, stop)


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
