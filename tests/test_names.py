"""Trial introductions found by searching each way on its own are the joined pattern's matches; drug words as a plain definition reads them."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.text.names import DRUG_WORD, trial_introductions
from extractors.text.patterns import prose as prose_patterns
from extractors.text.patterns.pieces import DRUG_STEM_ENDINGS

# Pieces of label prose around trial names, run together in any order and spacing.
_PIECES = [
    "evaluated in ",
    "was studied in the ",
    " in ",
    "VEG110727",
    "KEYNOTE-189",
    "CheckMate 017",
    "AURA3",
    "PROpel",
    "III",
    "Table 9",
    " trial",
    "the ",
    " study",
    "; ",
    ", ",
    "ADVANCE-3",
    " (",
    ")",
    "[",
    "NCT00753688",
    "NCT0123",
    "pazopanib",
    ". ",
    "-",
    "X",
]


def _found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.data())
def test_trial_introductions_are_the_joined_patterns_matches(pieces: list[str], data: st.DataObject) -> None:
    text = "".join(pieces)
    pos = data.draw(st.integers(min_value=0, max_value=len(text)))
    endpos = data.draw(st.integers(min_value=pos, max_value=len(text)))
    expected = _found(prose_patterns.TRIAL_NAME.finditer(text, pos, endpos))
    assert _found(trial_introductions(text, pos, endpos)) == expected


def test_each_way_of_introducing_a_trial_is_found_in_order() -> None:
    text = "The efficacy was evaluated in VEG110727 (NCT00753688), a trial in PROpel."
    assert [m.group(0) for m in trial_introductions(text)] == ["evaluated in VEG110727", "in PROpel"]


# Pieces of drug names and the text around them: stems, their endings, digits and characters that
# are word characters but no letters, run together in any order.
_DRUG_PIECES = [
    "pazo",
    "osimer",
    "tinib",
    "anib",
    "mab",
    "ab",
    "stine",
    "xaban",
    "PEMBROLIZU",
    "Tinib",
    "ſ",
    "ſtine",
    "é",
]
_DRUG_PIECES += ["5", "_", "-", " ", ", ", "(", "a", "ib"]
_STEM_ENDINGS = regex.findall(r"[a-z]+", DRUG_STEM_ENDINGS)


def _drug_words_by_hand(text: str) -> list[tuple[int, int]]:
    """Each whole word of letters (not touching a word character) with three letters before a stem ending."""
    found = []
    for run in regex.finditer(r"(?<!\w)\w+", text):
        word = run.group(0)
        letters = regex.fullmatch(r"[a-z]+", word, regex.I) is not None
        if letters and any(len(word) >= 3 + len(end) and word.casefold().endswith(end) for end in _STEM_ENDINGS):
            found.append(run.span())
    return found


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_DRUG_PIECES), max_size=30))
def test_a_drug_word_is_a_whole_word_ending_in_a_stem(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in DRUG_WORD.finditer(text)] == _drug_words_by_hand(text)
