"""One sentence splitter for labels and articles: text in, sentence spans out, in one pass."""

from __future__ import annotations

from collections.abc import Iterator

from extractors.records import Span
from extractors.text.patterns import sentences as patterns


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """The spans of the sentences of ``text[start:end]``, spaces trimmed, empty ones left out.
    A sentence too long to read whole comes as pieces (`bounded`)."""
    stop = len(text) if end is None else end
    position = start
    for match in patterns.SENTENCE_END.finditer(text, start, stop):
        yield from _trimmed(text, position, match.end())
        position = match.end()
    yield from _trimmed(text, position, stop)


# A sentence is read whole only up to a size: a "sentence" with no end (a pasted table, or hostile
# text: a megabyte of "4.6, ") is read in pieces, each within so many characters and numbers,
# which keeps the work for each number bounded. Label sentences run longer than an article's (a
# flattened table is one sentence: the corpus's longest is 4,102 characters, the most numbered 188);
# the corpus's longest article sentence is 1,590 characters with 16 numbers.
LABEL_SENTENCE = (10_000, 500)  # (characters, numbers)
ARTICLE_SENTENCE = (2_000, 40)


def bounded(text: str, start: int, end: int, limits: tuple[int, int] = LABEL_SENTENCE) -> list[Span]:
    """``start:end`` cut into pieces within ``limits`` (characters, numbers), each cut at the last
    space before the limit (or at the limit, in a run with no space)."""
    chars = limits[0]
    pieces: list[Span] = []
    while True:
        past = _nth_number(text, start, end, limits)  # once per piece: it reads up to `chars` characters
        if end - start <= chars and past is None:
            break
        limit = min(start + chars, past or end)
        space = text.rfind(" ", start + 1, limit)
        cut = space if space > start else limit
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces


def _nth_number(text: str, start: int, end: int, limits: tuple[int, int]) -> int | None:
    """Where the number past the limit starts in ``start:end`` (within its characters), if any."""
    chars, numbers = limits
    window = min(end, start + chars)
    if window - start <= 2 * numbers:
        return None  # each number but the last takes a digit and a character after it: too short for one more
    for count, match in enumerate(patterns.NUMBER_RUN.finditer(text, start, window)):
        if count == numbers:
            return int(match.start())
    return None


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield from bounded(text, start, end)
