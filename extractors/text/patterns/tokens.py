"""The pieces of a results sentence that carry numbers: a CI, a p-value, an "n = …", a value with
its unit, a number written as a word, and the numbers that are no result (a cut-off, the name of an
interval). A sentence is scanned once into these (`read.statements._tokens`); the words around
each value are then read with the patterns of `statements`.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed
from extractors.text.patterns.no_results import THRESHOLD
from extractors.text.patterns.pieces import DASH

# A printed number: "4.6", "1,067", "0.0001", ".05" (a p-value without its zero).
NUMBER = r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?|\.\d+"

# A CI bound: a number (signed for differences: "-2.1%"), or a bound that was not reached,
# printed as words or as a lone dash before the closing bracket ("(95% CI: 6.1, -)").
_BOUND = rf"(?:[-−–]\s?)?(?:{NUMBER})|NR|NE|NA|not\s(?:reached|estimable|calculable|evaluable|available)|[-−–—](?=\s{{0,2}}[)\]])"

# What may follow a bound before the separator: its unit ("62%", "6.1 months").
_BOUND_UNIT = r"(?:\s?%|\s(?:months?|weeks?|years?|days?))?"

# The level and name of an interval: "95% CI:", "95% confidence interval [CI]:", "95.54% CI", "95% C.I."
_LEVEL = r"(?P<ci_level>\d{2}(?:\.\d{1,2})?)\s?%\s?(?:CI\b|C\.I\.|confidence\s+intervals?(?:\s?[\[(]CI[\])])?)"

# A p-value inside a CI's brackets: "(95% CI 0.50-0.91; p=0.009)".
_P_INSIDE = rf"(?:\s{{0,2}}[;,]\s{{0,2}}p\s{{0,2}}(?P<ci_p_cmp>[<=≤]|less\s+than)\s{{0,2}}(?P<ci_p>{NUMBER}))?"

# Numbers written as words: "Eighty-three percent", "three patients".
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"

# One piece of a results sentence, tried in this order at each position:
#   ci     "(95% CI: 0.51, 0.94)", "[95% CI: 9.3, 18.3]", "(0.26, 0.48)", "95% CI 0.50-0.91",
#          "(95% CI: 6.1 months to not calculable)", "(95% CI: -2.1%, -0.3%)", "95% CI (0.69, 0.89)"
#   ci_head "HR (95% CI)": the name of the interval printed before the values it names
#   no_value the name of an interval with no values after it ("HR and 95% CI;", "95% CIs about the
#          median"), a formula "(1-Hazard Ratio) × 100%", a cut-off (`no_results.THRESHOLD`): numbers that are
#          no result, kept from `value`
#   p      "p = 0.073", "p<0.0001", "p-value = 0.90", "p less than or equal to 0.001", "P = .03";
#          not a trial's code that starts with P ("the P025 trial": FEMARA's)
#   n_eq   "(n=179)", "N = 333", "n = 1693"
#   value  "32%", "<0.001", "15.7", "25.1+" (a censored duration), "65 percent", "21.6 percentage points"
#   word   "Eighty-three percent", "three patients": numbers written as words
_NAMES_NO_VALUE = r"""\b\d{2}(?:\.\d{1,2})?\s?%\s?(?:CIs?\b|C\.I\b\.?|confidence\s+intervals?\b)
          | \(\s?1\s?[-−–]\s?(?:hazard\s+ratio|HR|RR|relative\s+risk)\s?\)(?:\s?[x×*]\s?100\s?%?)?"""
_TOKEN_PIECES = (  # the alternatives of TOKEN, in its order; see there
    rf"""
      (?P<ci>
          [(\[]\s{{0,2}}(?:{_LEVEL}\s{{0,2}}[:=,]?\s{{0,2}}[(\[]?)?\s{{0,2}}
          (?P<ci_low>{_BOUND}){_BOUND_UNIT}\s{{0,2}}(?:,|;|{DASH}|\bto\b)\s{{0,2}}
          (?P<ci_high>{_BOUND}){_BOUND_UNIT}\s{{0,2}}[)\]]?{_P_INSIDE}\s{{0,2}}[)\]]
        | {_LEVEL}\s{{0,2}}[:=,]?\s{{0,2}}(?P<ci_bracket>[(\[])?\s{{0,2}}
          (?P<ci_low>{_BOUND}){_BOUND_UNIT}\s{{0,2}}(?:,|;|{DASH}|\bto\b)\s{{0,2}}
          (?P<ci_high>{_BOUND}){_BOUND_UNIT}(?(ci_bracket)\s{{0,2}}[)\]])
      )
    """,  # ci
    r"""
      (?P<ci_head>\(\s?\d{2}(?:\.\d{1,2})?\s?%\s?CI\s?\))
    """,  # ci_head
    rf"""
      (?P<no_value>{_NAMES_NO_VALUE} | {THRESHOLD})
    """,  # no_value
    rf"""
      (?P<p>\bp(?!\d)(?:\s?-\s?|\s)?(?:value\s)?\s{{0,2}}(?:(?:of|was|is)\s)?\s{{0,2}}
          (?P<p_cmp><\s?=|≤|<|=|>|less\s+than\s+or\s+equal\s+to|less\s+than)?\s{{0,2}}
          (?P<p_value>{NUMBER}))
    """,  # p
    rf"""
      (?P<n_eq>\b[Nn]\s{{0,2}}=\s{{0,2}}(?P<n_value>{NUMBER})(?![\d.,]\d|\d|\s{{0,2}}(?:to|{DASH})\s{{0,2}}\d))  # not "n=278 to 470": a range
    """,  # n_eq
    rf"""
      (?P<value>
          (?<![\w.:/+-])(?<!\d,)
          (?P<v_cmp>[<≤>≥]\s?)?
          (?P<v_num>(?:(?<=[\s(\[:]|^)[-−–](?=\d))?(?!0\d)(?:{NUMBER}))(?![\d/:]|\.\d)
          (?P<v_plus>\+)?
          (?P<v_unit>\s?%|\s(?:percent|per\scent|percentage\spoints?)\b)?)
    """,  # value
    rf"""
      (?P<word>\b(?P<w_tens>{_TENS})(?:-(?P<w_ones>one|two|three|four|five|six|seven|eight|nine))?\b
          | \b(?P<w_small>{_SMALL})\b)
    """,  # word
)
TOKEN = stored.compile("|".join(_TOKEN_PIECES), regex.VERBOSE | regex.IGNORECASE)

# Each alternative of TOKEN alone: where the next TOKEN starts, found fast. Searched for as one
# pattern, TOKEN's alternatives are tried at every character (ten times slower than each searched
# apart); the match at the first place any of them starts is TOKEN's match there
# (`read.statements._tokens`), as `CELL_START` finds where `CELL_TOKEN` matches.
# A cut-off's words are tried at every word: THRESHOLD is searched apart from the rest of `no_value`,
# and only in a sentence holding a comparison, which each of its matches holds ("≥", "less than").
# (hint, start): a start is searched for only in a sentence its hint (when it has one) matches.
TOKEN_STARTS = tuple(
    (stored.compile(hint, regex.IGNORECASE) if hint else None, stored.compile(piece, regex.VERBOSE | regex.IGNORECASE))
    for hint, piece in [("", p) for p in _TOKEN_PIECES if "no_value" not in p]
    + [("", _NAMES_NO_VALUE), (r"[≥≤<>]|than", THRESHOLD)]
)

# Whether a sentence may hold a piece of TOKEN that is a value: a digit, or a number word. A
# sentence with neither has no value to read (an interval of words alone, "(NR, NE)", is no value's).
MAY_HOLD_VALUE = stored.compile(rf"\d|\b(?:{_TENS}|{_SMALL})\b", regex.IGNORECASE)


timed.wrap(globals())  # every pattern above is held to the reading budget
