"""Patterns for the arm Ns a table header prints away from the arms' names: on a header row of their
own under the rows that name the arms and their doses.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored
from extractors.text.patterns.pieces import COUNT

# A header cell that is one arm's N and nothing else, in parentheses or not: the "(N = 455)" of
# "|  | (N = 455) | (N = 455) |" under "| Adverse | Femara | Tamoxifen |" and "| Reactions | 2.5 mg |
# 20 mg |" (FEMARA Table 4); "N = 453" of "|  | N = 453 | N = 454 | P-Value (2-sided) |" (Table 12).
N_CELL = stored.compile(
    rf"""[ \t]{{0,3}}(?P<open>\([ \t]{{0,2}})?         # "(" of "(N = 455)"
    [Nn][ \t]{{0,2}}=[ \t]{{0,2}}(?P<count>{COUNT})       # "N = 455"
    (?(open)[ \t]{{0,2}}\))[ \t]{{0,3}}                   # its ")"; nothing else in the cell""",
    regex.VERBOSE,
)

# A header cell that goes on the name above it, on a row between the arms' names and their Ns: a
# dose ("2.5 mg", "10 mg/kg", "160 mg"), or a few words without digits ("Acetate" of "Megestrol
# Acetate", FEMARA Table 5; "Ratio (95% CI)" under "Hazard or Odds", FEMARA Table 12).
NAME_GOES_ON = stored.compile(
    r"""[ \t]{0,3}(?:
        \d{1,4}(?:\.\d{1,3})?[ \t]{0,2}(?:mg|mcg|µg|g)(?:/(?:kg|m2|m²|day))?   # a dose: "2.5 mg"
      | [\p{L}][\p{L}\-/,'’ \t]{0,40}?(?:[ \t]{0,2}\([ \t]{0,2}9\d(?:\.\d)?%[ \t]{0,2}CI[ \t]{0,2}\))?
        # words, maybe with a CI level: "Acetate", "Ratio (95% CI)"
    )[ \t]{0,3}""",
    regex.VERBOSE,
)

# A header cell beside the Ns that names a between-arm column, under a cell the row above took for an
# arm: "P-Value (2-sided)" of "|  | N = 453 | N = 454 | P-Value (2-sided) |" under "Hazard or Odds |"
# and "Ratio (95% CI) |" (FEMARA Table 12).
BETWEEN_CELL = stored.compile(
    r"[ \t]{0,3}(?:[Pp][- ]?[Vv]alue|Hazard|Odds|Relative|Risk|Ratio|Difference|HR|OR|RR)\b[^|\n]{0,40}"
)

# An N in parentheses as one cell of a table row, read whole from its "(" (the tokens of a cell are
# never read inside parentheses): "(n=93)" of "|  | (n=93) | (n=19) |" under "Duration of Response"
# (TECENTRIQ Table 28), "(N = 145)" of "|  | (N = 145) | (N = 95) |" under "Median | 18 months | 16 months"
# (FEMARA Table 12). A piece of `tables.CELL_TOKEN`.
N_IN_PARENTHESES = (
    r"\([ \t]{0,2}[Nn][ \t]{0,2}=[ \t]{0,2}(?P<nparen_count>\d{1,3}(?:,\d{3})+(?![\d,])|\d{1,7}(?![\d,]))[ \t]{0,2}\)"
)

# A number in a row label: "18" and "16" of "Median 18 months 16 months" (glued: "Median18 months16 months"),
# the cells of a row the reader could not read, run into the label of the row under them (FEMARA Table 12);
# "1.1" of "RECIST 1.1".
NUMBER_IN_LABEL = stored.compile(r"(?<![\d.])\d{1,7}(?:\.\d{1,4})?(?![\d.])")
