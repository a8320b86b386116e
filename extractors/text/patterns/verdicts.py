"""Patterns for verdicts: populations, units, landmarks and corrections in claims and label rows.

Each pattern has a real example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import timed

# --- populations: an article's "‘Other soft tissue sarcoma’ subgroup" is the label's "Other STS" ---

# Quote marks around a population's name: "‘Other soft tissue sarcoma’ subgroup".
QUOTE_MARK = regex.compile(r"[‘’'\"“”]")

# Words of a population's name that do not name it: "Leiomyosarcoma subgroup", "patients with …".
POPULATION_FILLER = regex.compile(r"\b(?:subgroups?|population|cohort|subset|patients?|with)\b")

# A range of disease stages, written one way: "stage II to IIIA", "stage ii – iiia" → "stage ii-iiia".
STAGE_RANGE = regex.compile(r"(?<=\b[ivx]+[abc]?)\s*(?:-|\bto\b|\bthrough\b)\s*(?=[ivx]+[abc]?\b)")

# A population carried from the context that is the whole trial: "overall population", "ITT", "intent-to-treat".
OVERALL_WORD = regex.compile(r"\b(?:overall|itt|intent)", regex.I)

# --- units and landmarks ------------------------------------------------------------------------

# The time unit a label row or column names for medians printed without one: "Median PFS (months)".
TIME_UNIT = regex.compile(r"\b(months?|weeks?|years?|days?)\b", regex.I)

# The unit word right after an article's value, replaced in a correction: "4.6 months" → "20 weeks".
LEADING_TIME_UNIT = regex.compile(r"^(\s*)(?:months?|weeks?|years?|days?)\b")

# A rate of patients with an event, not a response or survival rate: "Patients with events (%)", "Deaths".
EVENT_ROW = regex.compile(r"\b(?:events?|deaths?|died|progressive\s+disease|progressed|discontinu\w*)\b", regex.I)

# A landmark of a rate: "2-year DFS rate", "at 24 months", "12 month OS".
LANDMARK = regex.compile(
    r"\b(?P<n>\d+)[- ](?P<unit>year|month|week)s?\b|\bat\s+(?P<n2>\d+)\s+(?P<unit2>year|month|week)s?\b", regex.I
)

# --- the article's own statements ------------------------------------------------------------

# The comparison sign of a p-value, right before it: "p < 0.001", "p=0.21".
P_OPERATOR_BEFORE = regex.compile(r"([<=>≤≥])\s*$")

timed.wrap(globals())  # every pattern above is held to the reading budget
