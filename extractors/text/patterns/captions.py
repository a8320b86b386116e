"""Patterns for the populations and kinds of tables that label captions name: "… in Patients with
Measurable CNS Lesions …", "MONALEESA-7 (NSAI)", "… in Cohort 1", "Baseline Demographic …".

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored

# A caption that names a subset of patients: "CNS ORR and DOR by BICR in Patients with Measurable
# CNS Lesions at Baseline in FLAURA" — its measurements belong to that population.
CAPTION_POPULATION = stored.compile(
    r"""\b(?:in|of\s+the\s+subgroup\s+of)\s+
    (?P<population>patients\s+(?:with|without|not|who)\s+[^.;\n|]+?)   # "patients not at a high risk of bleeding"
    (?=\s+in\s+(?:the\s+)?[A-Z][A-Z0-9-]{3,}|\s*[.;\n|]|$)""",
    regex.VERBOSE | regex.IGNORECASE,
)

# A population a caption names between its trial and the word "Population": "Efficacy results from
# COMPASS CAD Population" (not an analysis set: "(Intent-to-Treat Population)" has no trial before it).
CAPTION_TRIAL_POPULATION = stored.compile(
    r"\b(?:from|in)[ \t]{1,2}(?:the[ \t]{1,2})?[A-Z][A-Z0-9-]{3,}[ \t]{1,2}(?P<population>[A-Z][A-Za-z0-9+-]{1,12}(?:[ \t][A-Z][A-Za-z0-9+-]{1,12})?[ \t]{1,2}Population)\b"
)

# A population a caption names before its trial with the word "Population": "Efficacy Results in ITT-WT
# Population in IMpower150" (TECENTRIQ Table 24) — unless the name is only an analysis set's
# (`ANALYSIS_SET_NAME`: "in Intent-to-Treat Population in …" is the whole randomized population).
CAPTION_POPULATION_BEFORE_TRIAL = stored.compile(
    r"\bin[ \t]{1,2}(?:the[ \t]{1,2})?(?P<population>[A-Z][A-Za-z0-9+-]{1,20}(?:[ \t][A-Z][A-Za-z0-9+-]{1,20}){0,2})"
    r"[ \t]{1,2}Population[ \t]{1,2}(?:in|of)[ \t]{1,2}(?:the[ \t]{1,2})?[A-Z][A-Za-z]{1,20}[A-Z0-9-]"
)
ANALYSIS_SET_NAME = stored.compile(
    r"^(?:m?ITT|Intent(?:ion)?[- ]to[- ]Treat|Safety|Per[- ]Protocol|Full[ \t]Analysis|Overall|All|Total|Evaluable)$",
    regex.IGNORECASE,
)

# A population a caption names in parentheses right after its trial, whatever its words: "Efficacy
# Results – MONALEESA-7 (NSAI)" — not who assessed,
# the analysis set or the data cut-off (`NOT_A_POPULATION`), nor the trial's other name ("(Study 1)").
CAPTION_AFTER_TRIAL = stored.compile(
    r"""(?:\bin|\bfrom|[–—-])[ \t]{1,2}(?:the[ \t]{1,2})?[A-Z][A-Z0-9-]{3,}   # "in METEOR", "– MONALEESA-7"
    [ \t]{1,2}\((?P<population>[A-Z][A-Za-z0-9+ \t-]{1,40})\)                 # "(NSAI)"
    """,
    regex.VERBOSE,
)
# "(First 375 Randomized)": the first patients randomized are the analysis set of the primary endpoint
NOT_A_TRIAL_POPULATION = stored.compile(
    r"\b(?:study|trial|RECIST|follow|months?|weeks?|randomi[sz]ed)\b", regex.IGNORECASE
)

# Patients of one sex, a subset a caption names: "Efficacy Results in Male Patients1 – COMPLEEMENT-1" (a footnote mark glued).
CAPTION_SEX = stored.compile(r"\bin[ \t]{1,2}(?P<population>(?:Male|Female)[ \t]{1,2}Patients)(?![A-Za-z])")

# A numbered or lettered cohort a caption names: "Efficacy Results in monarchE in Cohort 1",
# "… in EV-201, Cohort 2 (BICR Assessment)", "Efficacy Results - Cohort 4 of CHECKMATE-040".
CAPTION_COHORT = stored.compile(r"\bCohort\s(?P<name>[A-Z0-9]{1,3})\b")

# What makes the patients a caption names a subset of the trial: a cut-off, a biomarker, measurable
# disease, CNS metastases ("Patients with TPS ≥50%", "… with Measurable CNS Lesions at Baseline"). Without it the caption
# names whom the trial enrolled ("Patients with Established Cardiovascular Disease in FOURIER", "Patients
# with HeFH"): the whole randomized population, not a subgroup.
CAPTION_SUBSET = stored.compile(
    r"[≥≤<>]|\b(?:positive|negative|mutat\w*|BRCA\w*|HRD|cohort|subgroup|MSI-H|dMMR|pMMR|PD-L1|CPS|TPS|measurable|lesions?|expression|CNS|brain|metastases)\b",
    regex.IGNORECASE,
)

# A population a caption names in parentheses after its trial: "Efficacy Results in KEYNOTE-355
# (CPS ≥10)", "PAOLA-1 (HRD-positive status, Investigator Assessment)" — a cut-off or a biomarker,
# not who assessed ("(BICR-assessed)") or the analysis set ("(Intent-to-Treat Population)").
CAPTION_QUALIFIER = stored.compile(r"\((?P<inside>[^()\n]{2,60})\)")
POPULATION_QUALIFIER = stored.compile(
    r"[≥≤<>]|\b(?:positive|negative|mutat\w*|BRCA\w*|HRD|patients\s+with|cohort|subgroup|MSI-H|dMMR|pMMR|PD-L1|CPS|TPS)\b",
    regex.IGNORECASE,
)
NOT_A_POPULATION = stored.compile(
    # "(≥10%)": reactions' incidence; "(P-value <0.0001)": a note's result
    r"assess|\bBICR\b|\bIRC\b|review|intent|\bITT\b|analysis|\bdata\b|grade|^[≥≤<>]\s*\d+(?:\.\d+)?\s*%|\bp[- ]?value\b",
    regex.IGNORECASE,
)

# The event a table of subgroup rows reports, as its caption names it before the subgroups: "Table 6:
# Subgroup Analyses for Time to First Event of CV Death, MI, or Stroke: Patients < or ≥75 Years of Age, …"
# (EFFIENT). The name ends at a colon, semicolon or bracket, before the trial ("… in TRITON-TIMI 38"), or
# with the caption's line.
CAPTION_SUBGROUP_EVENT = stored.compile(
    r"""\bsubgroup[ \t]{1,2}analys[ie]s[ \t]{1,2}(?:for|of)[ \t]{1,2}  # "Subgroup Analyses for"
    (?P<event>[^:;()\[\]\n]{3,120}?)                                # "Time to First Event of CV Death, MI, or Stroke"
    [ \t]{0,2}(?:[:;(\[]|$                                           # then the subgroups, or the end,
      |in[ \t]{1,2}(?-i:[\p{Lu}\d][\p{Lu}\d-]{1,20})(?:[ \t]\d{1,3})?[ \t]{0,2}$)  # or the trial ending it: "in TRITON-TIMI 38"
    """,
    regex.IGNORECASE | regex.VERBOSE | regex.MULTILINE,
)

# A table of the patients' baseline characteristics: its counts are patients described, not events
# ("Table 14: Baseline Demographic and Disease-Related Characteristics").
CAPTION_BASELINE = stored.compile(r"\b(?:baseline|demographic)", regex.IGNORECASE)

# A table of adverse reactions, whose rows are the reactions: "Table 5 - Non-hemorrhagic adverse
# reactions reported in >3.0% of patients …" (BRILINTA), "Adverse Events Occurring in ≥5% …".
CAPTION_ADVERSE = stored.compile(r"\badverse[ \t]{1,2}(?:drug[ \t]{1,2})?(?:reactions?|events?)\b", regex.IGNORECASE)

# What a disease is called: the words a label defines an abbreviation with before it in parentheses,
# "Hepatocellular Carcinoma (HCC)" — "REFLECT (HCC)" names the trial's disease, not a subset of its patients.
DISEASE_WORDS = stored.compile(
    r"\b(?:carcinomas?|cancers?|tumou?rs?|sarcomas?|lymphomas?|leuka?emias?|myelomas?|melanomas?|mesothelioma"
    r"|disease|syndrome|fibrillation|infarction|thrombosis|embolism|failure|hypercholesterol\w*)[ \t]{0,2}$",  # just before
    regex.IGNORECASE,
)
