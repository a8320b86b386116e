"""Patterns for ClinicalTrials.gov results records."""

from __future__ import annotations

import regex

# A registry group that is the control arm: "Placebo Tablet", "SoC EGFR-TKI (Global Cohort)", "Chemotherapy".
CONTROL_WORDS = regex.compile(r"\b(?:placebo|soc|standard\s+of\s+care|chemotherapy|control|comparator)\b", regex.I)
