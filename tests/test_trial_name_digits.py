"""A trial's name takes its number's digits whole (`trials._TRIAL`, ``\\d++``): the patterns built on
it match what they matched when a run of digits could be split among the name's repeats, and the
time to search grows with the run of digits, not with its square. The ways a sentence names its
trial, searched apart (`names.first_way`), find what their alternation finds."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from extractors.text.names import first_way
from extractors.text.patterns import trials

_SPLITTABLE = (r"\d++[A-Za-z]{0,2})+", r"\d+[A-Za-z]{0,2})+")
# names with numbers, the words and brackets the patterns look for around them
_PIECES = ["AB", "NCT", "AURA", "Study", "1", "12", "189", "02296125", "xy", "-", " ", "(", ")", ",", "was",
           " a ", "trial", "study", "evaluated in ", "in the ", "TIMI-54", "In ", "The ", "[", "]", "Trial ("]  # fmt: skip
texts = st.lists(st.sampled_from(_PIECES), max_size=12).map("".join)


def _both(name: str) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    pattern = getattr(trials, name).compiled
    assert _SPLITTABLE[0] in pattern.pattern
    return pattern, regex.compile(pattern.pattern.replace(*_SPLITTABLE), pattern.flags)


def _found(pattern: regex.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(match.span(), match.groupdict()) for match in pattern.finditer(text)]


@given(texts)
def test_whole_digit_runs_match_what_split_runs_matched(text: str) -> None:
    for name in ("TRIAL_SUBJECT", "TRIAL_SUBJECT_START"):
        possessive, backtracking = _both(name)
        assert _found(possessive, text) == _found(backtracking, text)


def test_a_long_run_of_digits_after_capitals_is_one_piece() -> None:
    match = trials.TRIAL_SUBJECT.search("The AB" + "1" * 3000 + " trial (NCT02296125) was")
    assert match is not None and match.group("name") == "AB" + "1" * 3000


@given(texts)
def test_the_ways_searched_apart_find_what_their_alternation_finds(text: str) -> None:
    alternation = [(match.span(), match.group("name")) for match in trials.TRIAL_SUBJECT.finditer(text)]
    apart = [(match.span(), match.group("name")) for match in first_way(trials.TRIAL_SUBJECT_WAYS, text)]
    assert apart == alternation


def test_ways_are_taken_in_the_order_the_sentence_names_them() -> None:
    text = "FLAURA was evaluated in FLAURA, then the AURA3 study (NCT02151981) and (ADAURA, NCT02511106)."
    apart = [match.group("name") for match in first_way(trials.TRIAL_SUBJECT_WAYS, text)]
    assert apart == [match.group("name") for match in trials.TRIAL_SUBJECT.finditer(text)]
    assert apart == ["FLAURA", "AURA3", "ADAURA"]
