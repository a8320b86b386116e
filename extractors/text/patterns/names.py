"""Patterns for the names of drugs, arms and trials."""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed
from extractors.text.patterns.pieces import DRUG_STEM

# Drug names by their INN stems (pazopanib, osimertinib, pembrolizumab, …): which drug a passage,
# an arm or a sentence is about.
DRUG_WORD = stored.compile(DRUG_STEM, regex.I | regex.VERBOSE)

# What an arm's name may begin and end with that is not the arm: "the pazopanib arm", "placebo group",
# the form the drug is given in ("Lynparza tablets", LYNPARZA's SOLO-1 table) and "PERJETA-treated"
# (PERJETA's CLEOPATRA prose): the same arm as "olaparib", "pertuzumab".
ARM_LEADING_THE = stored.compile(r"^(?:the\s+)?")
ARM_TRAILING_WORD = stored.compile(r"(?<!\s)(?:\s++(?:arm|group|alone|tablets|capsules)|-treated)$")

# A lower-case word inside an arm name, looked up as a brand name: "ibrance plus letrozole".
LOWER_WORD = stored.compile(r"[a-z]+")

# "placebo-controlled" names the design, not an arm; so does "placebo- and active-controlled" (REPATHA's MENDEL-2).
CONTROLLED_DESIGN = stored.compile(r"[-\s](?:[ \t]?(?:and|or)[ \t]{1,2}[a-z]{2,12}[-\s])?controlled")

timed.wrap(globals())  # every pattern above is held to the reading budget
