"""Patterns for the cells of a flattened table row: where a run of cells starts after a label, and
the label's own digits or "N" a flattened row runs into its cells.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# Rates run together after the capitals of an event's abbreviation: "Nonfatal MI7.19.223.9" — a name's
# digits ("HER2", "BRCA1", "CD20") are never followed by a decimal point and more digits (matched at
# the cell's start, looking back at the capitals).
AFTER_CAPITALS_DECIMAL = stored.compile(r"(?<=[A-Z]{2})\d{1,3}\.\d")

# A p-value cell printed with its "p" after the row label that names it: the "p<.0001" of "p-valuea
# p<.0001" (matched at the cell's start, looking back at the label).
AFTER_P_VALUE_LABEL = stored.compile(r"(?<=\bp[- ]?values?(?-i:[a-h])?(?:,[ \t]?[a-h])?[ \t]{0,3})", regex.IGNORECASE)

# The digits a row label may end with, run into its first cell when flattened: the "75" of "PASI 75",
# the "24" of "Week 24" — a whole number of one to three digits.
LABEL_DIGITS = stored.compile(r"[1-9]\d{0,2}$")

# A flattened row label that ends with the row's own label "N", after a heading run into it: "MRD
# negativity rate (ITT population) N | 216 | 216" counts patients (a capital N, a word of its own).
LABEL_ENDS_IN_N = stored.compile(r"(?:^|[\s)])N[\s:]{0,3}$")

timed.wrap(globals())  # every pattern above is held to the reading budget
