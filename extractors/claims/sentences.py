"""The sentences of an article, with citation markers and dates masked out, and their numbers.

Numbers that are not trial statistics make no claim, so they are blanked before claims are read:
citation markers ("… once daily 2", "… in 3, 4", "[5]"), dates ("May 16, 2025") and ratios
("(2:1)"). The masked text keeps every character's position, so a claim's span still indexes the
article.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from extractors.claims import rules
from extractors.ingest.articles import row_start
from extractors.records import Article, Span, replace
from extractors.text.numbers import to_float
from extractors.text.patterns import claims as patterns
from extractors.text.sentences import ARTICLE_SENTENCE, bounded


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article: its span, text with citation markers blanked, and cites."""

    span: Span
    text: str  # article.text[span]
    masked: str  # the same length, with citation markers and dates blanked out
    cites: tuple[str, ...]
    block: int  # sentences in the same paragraph or list item share a block number
    cell: tuple[int, int, int] | None = None  # (table, row, column) of `Article.tables` it is in


def sentences(article: Article) -> tuple[Sentence, ...]:
    """The sentences of the article, headings left out, in order."""
    headings = {heading.lower() for heading, _ in article.sections}
    rows = _table_rows(article)
    found: list[Sentence] = []
    offset = 0
    block = 0
    for line in article.text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        body = line.strip()
        block += 1  # context (a subgroup named earlier) carries within one line or paragraph only
        if not body:
            continue
        if start in rows:  # a table row: each cell is read on its own, in its row and column
            block = _cell_sentences(article, rows[start], block, found)
            continue
        lead = patterns.BULLET.match(line)
        first = start + (lead.end() if lead else len(line) - len(line.lstrip()))
        content = article.text[first : start + len(line)].rstrip()
        if content.rstrip(":").strip().lower() in headings:
            continue
        for piece_start, piece_end in _split(content):
            text = content[piece_start:piece_end]
            found.append(_sentence(first + piece_start, text, block))
    return tuple(found)


def _table_rows(article: Article) -> dict[int, tuple[int, int]]:
    """Where each table row's line starts, with its (table, row)."""
    return {
        row_start(article.text, cells): (table_index, row_index)
        for table_index, table in enumerate(article.tables)
        for row_index, cells in enumerate(table.rows)
    }


def _cell_sentences(article: Article, where: tuple[int, int], block: int, found: list[Sentence]) -> int:
    """The sentences of one table row's cells appended to ``found``, each cell a block of its own
    (a subgroup one cell names is not the next cell's); the last block number used."""
    table_index, row_index = where
    for column, (start, end) in enumerate(article.tables[table_index].rows[row_index]):
        block += 1
        content = article.text[start:end]
        for piece_start, piece_end in _split(content):
            sentence = _sentence(start + piece_start, content[piece_start:piece_end], block)
            found.append(replace(sentence, cell=(table_index, row_index, column)))
    return block


def _split(text: str) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in patterns.ARTICLE_SENTENCE_END.finditer(text):
        pieces.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        pieces.append((start, len(text)))
    # a sentence too long to read whole is read in pieces (text.sentences.bounded)
    return [(a, b) for whole in pieces for a, b in bounded(text, *whole, ARTICLE_SENTENCE) if text[a:b].strip()]


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def sentence_at(start: int, text: str, block: int = 0) -> Sentence:
    """``text`` as a sentence starting at ``start`` of its article, citation markers and dates masked."""
    return _sentence(start, text, block)


def _sentence(start: int, text: str, block: int) -> Sentence:
    masked = patterns.ANY_DASH.sub("-", text)  # same length: one character each
    cites: list[str] = []
    for match in patterns.BRACKET_CITE.finditer(text):
        cites.extend(part.strip() for part in patterns.CITE_SEPARATOR.split(match.group(1)))
        masked = _blank(masked, match.start(), match.end())
    trailing = patterns.TRAILING_CITE.search(masked) if _ends_in_digit(masked) else None
    if trailing and _is_cite(masked, trailing):
        cites.extend(part.strip() for part in trailing.group("cites").split(","))
        masked = _blank(masked, trailing.start("cites"), trailing.end("cites"))
    # a date needs four digits in a row and a ratio a colon: most sentences are not searched for them
    for pattern, may_hold in ((patterns.DATE, patterns.FOUR_DIGITS.search), (patterns.RATIO, _has_colon)):
        for match in pattern.finditer(masked) if may_hold(masked) else ():
            masked = _blank(masked, match.start(), match.end())
    return Sentence((start, start + len(text)), text, masked, tuple(cites), block)


def _has_colon(text: str) -> bool:
    return ":" in text


def _ends_in_digit(text: str) -> bool:
    """Whether ``text`` ends in a digit, spaces and one period aside: what `TRAILING_CITE` needs
    to match, told without searching the whole sentence for a match anchored at its end."""
    last = text.rstrip().removesuffix(".").rstrip()[-1:]
    return last.isdigit() or not last.isascii()  # a digit of a script str.isdigit does not know yet


def _is_cite(text: str, match: regex.Match[str]) -> bool:
    """A bare number ending a sentence is a citation unless the word before it takes a value."""
    before = text[: match.start("cites")].rstrip()
    if before.endswith("."):
        return True
    words = patterns.WORD_TOKEN.findall(before.lower())
    if not words:
        return False
    last = words[-1]
    if last in rules.words("value_lead_words") or last in rules.words("number_blockers") or last.endswith("%"):
        return False
    if patterns.ENDS_IN_DIGIT.search(before):
        return False
    return not patterns.UNIT_AFTER_CITE.match(text[match.end("cites") :])


@dataclass(frozen=True, slots=True)
class Number:
    """A number printed in a sentence: its offsets in the sentence and its value."""

    start: int
    end: int
    value: float
    decimals: int


def numbers(masked: str) -> list[Number]:
    """The numbers of a masked sentence, in order: "4.6", "246", "115,815"."""
    return list(_numbers(masked))


@lru_cache(maxsize=16)  # each sentence is asked for its numbers by the dose and the adverse-event readers
def _numbers(masked: str) -> tuple[Number, ...]:
    found: list[Number] = []
    for match in patterns.NUMBER.finditer(masked):
        raw = match.group(0)
        frac = match.group("frac") or ""
        found.append(Number(match.start(), match.end(), to_float(raw), max(len(frac) - 1, 0)))
    return tuple(found)
