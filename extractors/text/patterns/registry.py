"""Patterns for ClinicalTrials.gov results records."""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A registry group that is the control arm: "Placebo Tablet", "SoC EGFR-TKI (Global Cohort)", "Chemotherapy".
CONTROL_WORDS = stored.compile(r"\b(?:placebo|soc|standard\s+of\s+care|chemotherapy|control|comparator)\b", regex.I)

# The words of a population, to see whether two share one: "Stage II-IIIA" → "stage", "ii", "iiia".
TOKEN = stored.compile(r"[a-z0-9]+")

# The words of a label population, hyphenated words whole: "EGFR-mutated stage IB" → "egfr-mutated", …
HYPHENATED_WORD = stored.compile(r"[\w-]+")

timed.wrap(globals())  # every pattern above is held to the reading budget
