"""Words a pattern cannot match without, searched first so that most sentences skip the pattern:
wherever the pattern matches, its hint matches too (`claims.FOLD_WORD` before `claims.FOLD`,
`claims.SIGNIFICANT_WORD` before `claims.SIGNIFICANT`, `claims.SCOPE_WORD` before `claims.SCOPE`,
a word of each sentence-only endpoint phrase before the vocabulary's pattern (`vocabulary._may_name`),
`statements.MAY_HOLD_VALUE` before the values of `statements.TOKEN`; the words of the design and
trial patterns each label sentence is searched for, `statements.SINGLE_ARM_WORDS` and its kin, looked
for in the case-folded sentence); and the first characters a
pattern's pieces can start with, tested at each position before the pieces (`tables.CELL_START`,
`tables.CELL_TOKEN`): they change no match."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from extractors.text import vocabulary
from extractors.text.names import alternation_matches
from extractors.text.patterns import (
    build,
    claims,
    counts,
    doses,
    durations,
    hints,
    markup,
    statements,
    tables,
    tokens,
    trials,
)

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


_SCOPE_PIECES = ["Pazopanib", " is", " are", " remains", " has become", " now", " also", " the", " a", " standard",
                 " of care", " preferred", " first-line", " first line", " treatment", " therapy", " option", " choice",
                 " drug", " for", " of", " in", " STS", " indicated", " recommended", " effective", " approved",
                 " used", " as", " by", " to", " all", " any", " patients", " people", " with", " benefits", " helps",
                 " cures", " should", " be treated", " receive", " be given", " can", " it", ".", " ", "\n",
                 "  ", "-", "treatments", "canned", "cannot", "indicated"]  # fmt: skip


@given(st.lists(st.sampled_from(_SCOPE_PIECES), max_size=12).map("".join))
def test_scope_matches_only_where_its_words_are(text: str) -> None:
    if claims.SCOPE.search(text):
        assert claims.SCOPE_WORD.search(text)


_SCOPE_BRANCHES = [
    "Pazopanib is the preferred treatment for STS.",
    "It has become a standard of care in NSCLC.",
    "Osimertinib is an option for these patients.",
    "Pazopanib became the drug for STS.",
    "Pazopanib is the first choice for STS.",
    "The treatment for soft tissue sarcoma of the thigh is pazopanib.",
    "Pazopanib is a first-line therapy for STS.",
    "It is indicated for adults.",
    "Letrozole is approved for breast cancer.",
    "Tagrisso is now recommended as first-line therapy in NSCLC.",
    "It works for all patients with NSCLC.",
    "Pazopanib benefits patients with STS.",
    "Patients with STS should be treated with pazopanib.",
    "It should now be offered to every patient.",
    "Adults with biliary tract cancer can also receive it.",
    "Yervoy can now be given to adults and children of any age.",
    "It is used in NSCLC.",
    "It is effective in NSCLC.",
]


@pytest.mark.parametrize("sentence", _SCOPE_BRANCHES)
def test_each_way_of_stating_scope_holds_a_scope_word(sentence: str) -> None:
    assert claims.SCOPE.search(sentence)
    assert claims.SCOPE_WORD.search(sentence)


def test_a_results_sentence_skips_the_scope_pattern() -> None:
    assert claims.SCOPE_WORD.search("Median PFS was 4.6 months (95% CI 4.1, 5.4).") is None
    assert claims.SCOPE_WORD.search("Pazopanib is the treatment for STS.")
    assert claims.SCOPE_WORD.search("It is indicated for adults.")
    assert claims.SCOPE_WORD.search("It helps patients  with STS.")


_SENTENCE_ENDPOINT_PIECES = sorted(
    {word for phrases in vocabulary._data()["sentence_endpoints"].values() if isinstance(phrases, list)
     for phrase in phrases for word in phrase.split()}
    | {" ", "-", "\u2013", "s", "a", ".", "Tumor", "PROGRESSION", "Risk", "Of", "Died", "\u017f", "\u212a", "4.6"}
)  # fmt: skip


@given(st.lists(st.sampled_from(_SENTENCE_ENDPOINT_PIECES), max_size=10).map(" ".join))
def test_a_sentence_only_endpoint_is_found_only_where_one_of_its_words_is(text: str) -> None:
    pattern, _ = vocabulary._phrase_pattern("sentence_endpoints")
    if pattern.search(text):
        assert vocabulary._may_name("sentence_endpoints", text)


def test_each_sentence_only_endpoint_phrase_holds_a_word_of_the_hint() -> None:
    for phrases in vocabulary._data()["sentence_endpoints"].values():
        for phrase in phrases if isinstance(phrases, list) else ():
            assert vocabulary._may_name("sentence_endpoints", f"They {phrase.upper()} here."), phrase
    assert not vocabulary._may_name("sentence_endpoints", "Median PFS was 4.6 months.")
    assert vocabulary._may_name("sentence_endpoints", "Tumo\u0280s shrank")  # not ASCII: the pattern decides


@given(texts)
def test_a_value_token_is_found_only_where_a_digit_or_number_word_is(text: str) -> None:
    values = [m for m in statements.TOKEN.finditer(text) if any(m.group(kind) for kind in _VALUE_KINDS)]
    if values:
        assert statements.MAY_HOLD_VALUE.search(text)


_THRESHOLD_PIECES = ["PD-L1", "TPS", "CPS", "expression", "score", "LVEF", "Occurring in", "relative risk", " ", "(",
                     ")", "(TPS)", "of ", "≥", "≤", "<", ">", "=", "Greater than or equal to", "LESS THAN", "less  than",
                     "1", "50", "%", " favors", "0.5", "\u2265"]  # fmt: skip


@given(st.lists(st.sampled_from(_THRESHOLD_PIECES), max_size=10).map("".join))
def test_each_start_of_a_token_matches_only_where_its_hint_does(text: str) -> None:
    for hint, start in tokens.TOKEN_STARTS:
        if hint is not None and start.search(text):
            assert hint.search(text), start.pattern


def test_a_cut_off_is_searched_apart_from_the_names_of_intervals() -> None:
    hints = {start.pattern: hint for hint, start in tokens.TOKEN_STARTS}
    threshold = next(hint for pattern, hint in hints.items() if "occurring" in pattern)
    assert threshold is not None and threshold.search("PD-L1 expression less than 1%")
    assert threshold.search("Median OS was 4.6 months (95% CI: 3.1, 6.2)") is None


def test_an_interval_of_words_alone_holds_no_value() -> None:
    assert statements.MAY_HOLD_VALUE.search("median OS (NR, NE) in both arms") is None
    assert statements.MAY_HOLD_VALUE.search("Eighty-three percent responded")


_DESIGN_PIECES = ["single", "Single", "SINGLE", "\u017fingle", "-arm", " arm", " agent", ", ", "open-label ", "clinical ",
                  "trial", "Trial", "TRIAL", "study", "Study", "non", "-", "Random", "randomi", "randomi\u0307", "\u0130",
                  "sed", "zed", "ation", "placebo", "Active", " controlled", "versus", "VERSUS", "compared", " with",
                  " to", "comparing", "was", "is", " a ", " an ", "NCT", "0", "12345678", " (", "evaluated", "studied",
                  "investigated", "assessed", "established", "demonstrated", " in ", "\u212a", ".", " "]  # fmt: skip
_DESIGN_HINTS = {
    "SINGLE_ARM": (statements.SINGLE_ARM, statements.SINGLE_ARM_WORDS),
    "COMPARATIVE": (statements.COMPARATIVE, statements.COMPARATIVE_WORDS),
    "DESIGN_SENTENCE": (statements.DESIGN_SENTENCE, statements.DESIGN_SENTENCE_WORDS),
    "TRIAL_SUBJECT_HINT": (trials.TRIAL_SUBJECT_HINT, trials.TRIAL_SUBJECT_HINT_WORDS),
}


@given(st.lists(st.sampled_from(_DESIGN_PIECES), max_size=10).map("".join), st.sampled_from(sorted(_DESIGN_HINTS)))
def test_a_design_pattern_matches_only_where_its_words_are(text: str, name: str) -> None:
    pattern, words = _DESIGN_HINTS[name]
    if pattern.search(text):
        assert any(word in text.casefold() for word in words)


def test_the_design_words_are_found_case_folded() -> None:
    assert statements.SINGLE_ARM.search("a \u017fingle-arm trial")  # long s: the pattern ignores case, as casefold does
    assert "single" in "a \u017fingle-arm trial".casefold()
    assert not any(word in "Median OS was 4.6 months.".casefold() for word in statements.COMPARATIVE_WORDS)


_CELL_PIECES = ["N = ", "n=", "(", ")", "[", "]", "95% CI: ", "CI ", "0.35", "4.61.6", "-17-14", "1,067", ",", " ",
                "\t", "\u00a0", "\u00ad", "%", "|", "p<", "P-value = ", "<", "≥", "NR", "NE", "Not reached", "a", "b",
                "h", "i", "*", "†", "–", "---", "51/89 ", "Grade ", "n (%)", "Nausea", "Median (months)", "\n"]  # fmt: skip
cell_texts = st.lists(st.sampled_from(_CELL_PIECES), max_size=12).map("".join)
_UNGUARDED = {
    "CELL_START": regex.compile(tables._CELL_TOKENS, regex.VERBOSE),
    "CELL_TOKEN": regex.compile(rf"""{tables._CELL_TOKENS} | (?P<space>[ \t\u00a0\u00ad]+|,[ \t]*)""", regex.VERBOSE),
}


def _seen(match: regex.Match[str] | None) -> object:
    return match and (match.span(), match.lastgroup, match.groups())


@given(cell_texts, st.integers(0, 40), st.sampled_from(sorted(_UNGUARDED)))
def test_a_cell_pattern_first_characters_change_no_match(text: str, pos: int, name: str) -> None:
    guarded, unguarded = getattr(tables, name), _UNGUARDED[name]
    pos = min(pos, len(text))
    assert _seen(guarded.search(text, pos)) == _seen(unguarded.search(text, pos))
    assert _seen(guarded.match(text, pos)) == _seen(unguarded.match(text, pos))


def test_the_guard_skips_letters_a_cell_cannot_start_with() -> None:
    match = tables.CELL_START.search("Overall survival 4.6 a")
    assert match is not None and (match.group(0), match.lastgroup) == ("4.6", "run")
    assert tables.CELL_START.search("Overall survival") is None  # no token: the letters give nothing


_MARKUP_PIECES = ["<", ">", "/", "!--", "-->", "td", " a='", "'", '"', "=", "p", "<br/>", "</ td>", "<![CDATA[", "]]>",
                  "<?xml?>", "</3>", "x", " ", "&amp;", "0.001"]  # fmt: skip


@given(st.lists(st.sampled_from(_MARKUP_PIECES), max_size=12).map("".join))
def test_markup_or_bracket_reads_at_each_bracket_what_markup_reads(text: str) -> None:
    for found in markup.MARKUP_OR_BRACKET.finditer(text):
        at = markup.MARKUP.match(text, found.start())
        if found.group("lone"):
            assert at is None and found.group(0) == "<"  # "p < 0.001": a "<" that opens nothing is text
        else:
            assert (
                at is not None
                and at.span() == found.span()
                and at.groupdict() == {key: value for key, value in found.groupdict().items() if key != "lone"}
            )


_HEADER_PIECES = ["TAGRISSO", "Tagrisso", "tagrisso", "TAGRISSOc", "a,b", " ", "\t", "(N=233)", " N = 50", "n=180 ",
                  "Placebo", "PLACEBO", "Cetuximab", "bevacizumab", "Nivolumab", "EGFR TKI", " (gefitinib or erlotinib)",
                  " 10 mg", "ParameterMTX", "b", "\n", "|", "Rd Continuous", "(", ")", "1", "Ado-", "\u212a"]  # fmt: skip
_ARMS = [("TAGRISSO",), ("Placebo", "TAGRISSO"), ("Rd Continuous", "placebo", "Rd"), ("Ado-trastuzumab emtansine", "K")]


@given(st.lists(st.sampled_from(_HEADER_PIECES), max_size=12).map("".join), st.sampled_from(_ARMS), st.integers(0, 20))
def test_a_header_arm_is_found_where_one_of_its_ways_matches(text: str, arms: tuple[str, ...], pos: int) -> None:
    """The arm header's three ways searched apart find what the alternation finds, groups and all."""
    pattern, ways = build.arm_header(arms), build.arm_header_ways(arms)
    assert ways is not None
    pos = min(pos, len(text))
    expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text, pos, len(text))]
    assert [(m.span(), m.groupdict()) for m in alternation_matches(pattern, ways, text, pos, len(text))] == expected


def test_an_empty_arm_name_has_no_ways() -> None:
    assert build.arm_header_ways(("TAGRISSO", "")) is None  # the alternation could match nothing: read whole


# `hints.CNS_WORD` and `hints.CONFIRMED_WORD`, searched once in a sentence, before the windows before
# each of its values are searched for "CNS ORR" or "confirmed ORR" (`read.attach._modifiers`).
_MODIFIER_PIECES = ["CNS", "cns", "CN\u017f", "intracranial", "Intra", "cranial", "central", "nervous", "system",
                    "confirmed", "CONFIRMED", "un", "con", "firmed", "objective", "overall", "ORR", "response",
                    " ", "  ", "\t", "-", "(", ")", "."]  # fmt: skip


@given(st.lists(st.sampled_from(_MODIFIER_PIECES), max_size=10).map("".join))
def test_cns_and_confirmed_match_only_where_their_words_are(text: str) -> None:
    for end in range(len(text) + 1):  # every window the readers search ends before an endpoint's name
        if statements.CNS_BEFORE.search(text, 0, end) or statements.CNS_NAMED.match(text, end):
            assert hints.CNS_WORD.search(text)
        if statements.CONFIRMED_BEFORE.search(text, 0, end):
            assert hints.CONFIRMED_WORD.search(text)


@pytest.mark.parametrize(
    ("sentence", "cns", "confirmed"),
    [
        ("The CNS ORR was 66%.", True, False),
        ("the intracranial response rate was 40%", True, False),
        ("central  nervous system progression in 12%", True, False),
        ("The confirmed objective response rate was 31%.", False, True),
        ("CNſ ORR was 66%", True, False),  # "ſ" is "s" with case folded, as the pattern reads it
        ("The ORR was 66% (unconfirmed responses included).", False, True),  # a hint may find more than its pattern
        ("The ORR was 66% and median PFS 10.2 months.", False, False),  # negative: neither word
        ("centrally reviewed ORR was 50%", False, False),  # negative: "central" without "nervous"
    ],
)
def test_modifier_hints_say_which_words_a_sentence_holds(sentence: str, cns: bool, confirmed: bool) -> None:
    assert (hints.CNS_WORD.search(sentence) is not None) == cns
    assert (hints.CONFIRMED_WORD.search(sentence) is not None) == confirmed


_DOSE_PIECES = ["800", " ", "  ", "mg", "MG", "mcg", "µg", "μg", "g", "ppm", "/m2", "/m²", "/kg", "/dL", "/d", "/day",
                " once daily", " orally", "for ", "FOR\t", "for up to ", "taken ", " days", "form", "x", "(", "%"]  # fmt: skip
dose_texts = st.lists(st.sampled_from(_DOSE_PIECES), max_size=10).map("".join)


@given(dose_texts)
def test_dose_after_matches_only_where_a_unit_is(text: str) -> None:
    for start in range(len(text) + 1):
        if doses.DOSE_AFTER.match(text[start:]):
            assert doses.DOSE_UNIT_ANYWHERE.search(text)


@given(dose_texts)
def test_for_before_matches_only_where_for_is(text: str) -> None:
    for end in range(len(text) + 1):
        if durations.FOR_BEFORE.search(text, max(0, end - 24), end):
            assert durations.FOR_ANYWHERE.search(text)


def test_share_bracket_between_spans_its_reach_at_most() -> None:
    longest = "  " + "a" * 20 + "  " + "b" * 20 + "  (  "
    assert counts.SHARE_BRACKET_BETWEEN.fullmatch(longest)
    assert len(longest) == counts.SHARE_BRACKET_REACH
    assert not counts.SHARE_BRACKET_BETWEEN.fullmatch(" " + longest)
    assert not counts.SHARE_BRACKET_BETWEEN.fullmatch(longest + " ")


def test_group_of_before_spans_its_reach_at_most() -> None:
    longest = "3  out  of  the  "
    assert statements.GROUP_OF_BEFORE.fullmatch(longest)
    assert len(longest) == statements.GROUP_OF_REACH
    assert not statements.GROUP_OF_BEFORE.fullmatch("3   out  of  the  ")  # one space more
