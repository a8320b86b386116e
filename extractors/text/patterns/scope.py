"""Patterns for the population a label's trial enrolled, and for scope statements checked against it.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A sentence of label text, up to ".", "!" or "?" before a capital or the end: "Patients with
# metastatic STS who had received prior chemotherapy … were randomized (2:1) to receive …".
LABEL_SENTENCE = stored.compile(r"[^.!?]*?(?:[.!?](?=\s+[A-Z(‘'\"]|\s*$)|$)", regex.S)

# A sentence that describes whom a trial enrolled or a drug treats: "Patients with …", "Patients
# whose tumors …", "VOTRIENT is indicated for …", "for the treatment of adult patients …".
DESCRIBES_PATIENTS = stored.compile(r"\bpatients\s+(?:with|whose|who)\b|\bindicated\b|\btreatment\s+of\b", regex.I)

# The population of an enrolment sentence: "Patients with metastatic STS who had received prior
# chemotherapy, …, were randomized" → "Patients with metastatic STS who had received prior chemotherapy, …".
POPULATION_CLAUSE = stored.compile(
    r"\b(?P<p>patients\s+with\s.+?)(?:,?\s+(?:were|was)\s+(?:randomi[sz]ed|enrolled|eligible|included)\b|$)",
    regex.I,
)

# Where an exclusion clause begins: "… or placebo Patients with gastrointestinal stromal tumors …".
PATIENTS_WITH = stored.compile(r"\bpatients\s+with\b", regex.I)

# The excluded histologies: "Patients with gastrointestinal stromal tumors (GIST) or adipocytic
# sarcoma were excluded".
EXCLUDED_LIST = stored.compile(
    r"\bpatients\s+with\s+(?P<list>.+?)\s+(?:were|was)\s+(?:excluded|not\s+eligible|ineligible)", regex.I
)

# Between the items of a list: "GIST, adipocytic sarcoma, or Ewing sarcoma", "GIST or adipocytic sarcoma".
LIST_SEPARATOR = stored.compile(r"(?<!\s)(?:\s*+,\s*+(?:or\s++|and\s++)?|\s++or\s++|\s++and\s++)")

# A population limited to named stages: KEYTRUDA's "Stage IIB, IIC, or III melanoma following complete
# resection", "stage IIIA (>1 mm lymph node metastasis)".
NAMED_STAGE = stored.compile(r"\bstages?[ \t]{1,2}(?:[IV]{1,4}[ABC]?|[0-4][ABC]?)\b", regex.I)

# A population limited to ages: "adult and pediatric (12 years and older) patients", "aged 10 to 17
# years", "10-17 years of age" — not a length of treatment ("for up to 2 years").
NAMED_AGE = stored.compile(
    r"\b\d{1,2}[ \t]{0,2}years?[ \t]{1,2}(?:and|or)[ \t]{1,2}(?:older|over|above)\b"  # "12 years and older"
    r"|\b\d{1,2}[ \t]{0,2}(?:-|–|to)[ \t]{0,2}\d{1,2}[ \t]{1,2}years?[ \t]{1,2}of[ \t]{1,2}age\b"  # "10–17 years of age"
    r"|\baged[ \t]{1,2}\d{1,2}\b",  # "aged 10 to 17 years"
    regex.I,
)

# An abbreviation in brackets after a name: "gastrointestinal stromal tumors (GIST)".
ABBREVIATION = stored.compile(r"\(([A-Za-z0-9-]{2,})\)")

# An indication rather than a trial population: "VOTRIENT is indicated for the treatment of …".
INDICATED = stored.compile(r"\bindicated\b", regex.I)

# A disease a scope statement names, with up to three words before its head noun: "Patients with
# biliary tract cancer can also receive it" → "with biliary tract cancer" (the statement reader keeps
# the longest tail of it that a label's population names: "biliary tract cancer"); "Humira is used
# for rheumatoid arthritis", "adults with Crohn's disease", "nonvalvular atrial fibrillation".
DISEASE_NAMED = stored.compile(
    r"\b(?:[A-Za-z'’-]++\s++){0,3}(?:cancers?|carcinomas?|lymphomas?|melanomas?|leuka?emias?|myelomas?|sarcomas?"
    r"|mesotheliomas?|tumou?rs|syndromes?|arthritis|colitis|spondylitis|psoriasis|uveitis|suppurativa"
    r"|diseases?|fibrillation|thrombosis|embolism|hypercholesterol(?:a)?emia|hyperlipid(?:a)?emia|infections?)\b",
    regex.I,
)

# A label's indications, from its heading to the next section's: "INDICATIONS AND USAGE\n1 INDICATIONS
# AND USAGE\n\nHUMIRA is a tumor necrosis factor (TNF) blocker indicated for treatment of: …".
INDICATIONS_SECTION = stored.compile(
    r"""
    \bINDICATIONS[ \t]{1,2}(?:AND|&)[ \t]{1,2}USAGE\b
    (?P<body>.{0,8000}?)                                # the indications, bounded
    (?=\n[ \t]{0,2}[A-Z][A-Z ,&/-]{7,}\n|\Z)             # "DOSAGE AND ADMINISTRATION" on a line of its own
    """,
    regex.S | regex.VERBOSE,
)

# An indication limited to adults: "in adult patients with moderately to severely active Crohn's
# disease", "In adults with established cardiovascular disease".
ADULTS_ONLY = stored.compile(r"\badults?\b|\badult[ \t]{1,2}patients\b", regex.I)

# An indication that includes children: "pediatric patients 6 years of age and older", "children".
INCLUDES_CHILDREN = stored.compile(r"\b(?:pediatric|paediatric|children|child|adolescents?|juvenile)\b", regex.I)

# A sentence or line of a label's indications, never past a line's end: "Crohn's Disease (CD) (1.5):
# Reducing signs and symptoms … in adult patients with moderately to severely active Crohn's disease …".
INDICATION_LINE = stored.compile(r"[^\n.]{1,3000}(?:\.(?!\d)|\n|$)")

# A statement that denies rather than states whom a drug is for: "is not approved for children".
DENIED = stored.compile(r"\b(?:not|never|isn't|aren't|cannot|can't)\b", regex.I)

timed.wrap(globals())  # every pattern above is held to the reading budget
