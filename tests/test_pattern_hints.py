"""Words a pattern cannot match without, searched first so that most sentences skip the pattern:
wherever the pattern matches, its hint matches too (`claims.FOLD_WORD` before `claims.FOLD`,
`claims.SIGNIFICANT_WORD` before `claims.SIGNIFICANT`,
`statements.MAY_HOLD_VALUE` before the values of `statements.TOKEN`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from extractors.text.patterns import claims, statements

_PIECES = ["more than ", "nearly ", "doubled", "Tripling", "quadruples", "3", "2.5", "-fold", " fold", "twice",
           "Two times", "three  times", " as long", " that", "x", " ", ".", "%", "(NR, NE)", "(", ")", ",", "-",
           "Eighty", "-three", "nineteen", "one", "p = ", "n=", ".05", "95% CI", "percent", "\u2009", "٣", "no ", "not ",
           "statistically ", "Significantly ", "significant ", "longer", "improvement", " was ", "reduced "]  # fmt: skip
texts = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)
_VALUE_KINDS = ("p", "n_eq", "value", "word")


@given(texts)
def test_fold_matches_only_where_its_words_are(text: str) -> None:
    if claims.FOLD.search(text):
        assert claims.FOLD_WORD.search(text)


@given(texts)
def test_significant_matches_only_where_its_word_is(text: str) -> None:
    if claims.SIGNIFICANT.search(text):
        assert claims.SIGNIFICANT_WORD.search(text)


@given(texts)
def test_a_value_token_is_found_only_where_a_digit_or_number_word_is(text: str) -> None:
    values = [m for m in statements.TOKEN.finditer(text) if any(m.group(kind) for kind in _VALUE_KINDS)]
    if values:
        assert statements.MAY_HOLD_VALUE.search(text)


def test_an_interval_of_words_alone_holds_no_value() -> None:
    assert statements.MAY_HOLD_VALUE.search("median OS (NR, NE) in both arms") is None
    assert statements.MAY_HOLD_VALUE.search("Eighty-three percent responded")
