"""Named pieces the patterns are built from: a dash, a printed number, a trial's short name."""

from __future__ import annotations

import regex

FLAGS = regex.VERBOSE | regex.IGNORECASE

# A dash as labels print it: hyphen, en dash, em dash, minus sign.
DASH = r"[-‐‑‒–—−]"

# A printed number: "4.6", "0.35", "246", "0. 39" (a space after the point, damage we read).
NUM = r"\d+(?:\.\s?\d+)?"

# A printed count, whole: "246", "1,180" (thousands separated by commas, three digits a group).
# Never part of one: not "180," (a trailing comma), not "1,18" (a misprint text.numbers cannot
# read) nor the "18" of it. Atomic, so it is tried once per position.
COUNT = r"(?<![\d,])(?>\d{1,3}(?:,\d{3})+|\d+)(?![\d,])"

# A trial's short name: two or more capitals or digits ("SOLO-1", "OlympiA", "PROpel"), not a
# disease stage ("IIIA") and not an ordinary capitalised word ("Patients").
TRIAL_WORD = r"(?![IVX]+[A-C]?\b)[A-Z](?=[A-Za-z0-9-]*[A-Z0-9])[A-Za-z0-9-]{3,}"

# The endings of drug names by their INN stems: pazopanib, osimertinib, pembrolizumab, carboplatin, …
DRUG_STEM_ENDINGS = r"""(?:tinib|rafenib|anib|lisib|ciclib|parib|zomib|limus|mab|platin|taxel|rubicin
    |citabine|fosfamide|mustine|trexate|lidomide|clax|rasib|metinib|degib|sertib|tecan|xaban
    |gatran|statin|grel|relor|plase|cept|parin|lutamide|terone|trozole|strant|xifen|mycin|stine)"""

# A drug named by its INN stem, in running text (case-insensitive): "pazopanib", "Pembrolizumab".
# The word is taken whole, then its ending looked for behind it (as in `HEADER_DRUG`).
DRUG_STEM = rf"""\b[a-z]{{3,}}+(?<=[a-z]{{3}}{DRUG_STEM_ENDINGS})\b"""

# The same in a table header, where cells may run together: a name starts at a capital or after a
# non-letter, so "EndpointCABOMETYXEverolimus" gives "Everolimus", not the whole run. The word's
# lower-case letters are taken whole, then its ending looked for behind them: one try of the
# endings per word rather than one at each of its letters (the same names, twice as fast).
HEADER_DRUG = rf"""(?-i:(?<![a-z])[A-Z]?[a-z]{{2,}}+(?<=[a-z]{{2}}{DRUG_STEM_ENDINGS})(?![a-z]))"""
