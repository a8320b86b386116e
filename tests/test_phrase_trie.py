"""Phrase alternations built as a trie (`build.longest_first`): each matches exactly what the plain
longest-first alternation of the same phrases matches, wherever it is used (between word
boundaries, before spaces at the end, with any dash for a hyphen)."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from extractors.text.patterns import build

# phrases that share beginnings, one inside another, with hyphens, spaces and case
_LETTERS = "abAB -–"
phrase_sets = st.lists(st.text(alphabet=_LETTERS, min_size=1, max_size=6), min_size=1, max_size=8)
texts = st.text(alphabet=_LETTERS + "sxe.1", max_size=40)
_CONTEXTS = (
    r"(?<![\w])(?P<phrase>{})(?![\w])",
    r"\b(?:{})\b",
    r"(?<![\w])(?P<phrase>{})\s{{0,3}}$",
    r"(?<![A-Za-z])(?P<phrase>{})(?:e?s(?![A-Za-z]))?(?![A-Za-z])",
)


def _plain(phrases: list[str], any_dash: bool) -> str:
    escaped = (regex.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    return "|".join(part.replace(r"\-", build.PHRASE_DASH) if any_dash else part for part in escaped)


def _found(body: str, context: str, text: str) -> list[tuple[int, int]]:
    return [match.span() for match in regex.finditer(context.format(body), text, regex.IGNORECASE)]


@given(phrase_sets, st.data(), st.booleans())
def test_the_trie_matches_what_the_plain_alternation_matches(
    phrases: list[str], data: st.DataObject, any_dash: bool
) -> None:
    phrases = phrases + [phrase[: len(phrase) // 2] for phrase in phrases if len(phrase) > 1]  # one inside another
    # a text made of the phrases, cut short, glued together or apart, as well as text of their letters
    pieces = st.one_of(st.sampled_from(phrases), st.sampled_from(phrases).map(lambda p: p[:-1]), texts)
    drawn = data.draw(st.lists(st.tuples(pieces, st.sampled_from(["", " ", "s", "x", "A", "."])), max_size=5))
    text = "".join(piece + glue for piece, glue in drawn)
    trie = build.longest_first(tuple(phrases), regex.IGNORECASE, any_dash=any_dash)
    for context in _CONTEXTS:
        assert _found(trie, context, text) == _found(_plain(phrases, any_dash), context, text)


def test_phrases_sharing_a_beginning_are_merged_and_the_longer_is_tried_first() -> None:
    body = build.longest_first(("pfs", "pfs rate", "progression"), regex.IGNORECASE)
    assert body.startswith("p(?:")
    assert regex.fullmatch(rf"(?:{body})", "PFS rate", regex.IGNORECASE)
    assert regex.match(rf"(?:{body})", "pfs rates", regex.IGNORECASE).group(0) == "pfs rate"


def test_branches_that_can_match_one_character_fall_back_to_the_plain_alternation() -> None:
    # under IGNORECASE the micro sign and the Greek mu are one letter: a trie would try them in turn
    body = build.longest_first(("µg", "μgx"), regex.IGNORECASE)
    assert body == _plain(["µg", "μgx"], False)
    # a hyphen that matches any dash overlaps an en dash printed in another phrase
    assert build.longest_first(("a-b", "a–bc"), regex.IGNORECASE, any_dash=True) == _plain(["a-b", "a–bc"], True)
