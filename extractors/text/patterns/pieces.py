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

# A trial's short name written in lower case but for its last letter: "monarchE".
TRIAL_LOWER = r"\b[a-z]{4,}[A-Z]\b"

# A trial's short name: two or more capitals or digits ("SOLO-1", "OlympiA", "PROpel"), or the
# lower-case form ("monarchE"); not a disease stage ("IIIA") and not an ordinary capitalised word
# ("Patients").
TRIAL_WORD = rf"(?:(?![IVX]+[A-C]?\b)[A-Z](?=[A-Za-z0-9-]*[A-Z0-9])[A-Za-z0-9-]{{3,}}|{TRIAL_LOWER})"

# The number a trial's short name may carry after a space: "MONARCH 3", "CheckMate 067", "SOLO 1";
# not a count or a duration that follows the name ("in PROpel 796 patients"), nor a decimal, nor the
# first of a family's numbers ("RECORD 1–3", "RECORD 1, 2, and 3", "RECORD 1 and 2": the family's name).
TRIAL_NUMBER = r"""(?:\s\d{1,3}(?![\d.,%])
    (?!\s{1,2}(?:patients|subjects|women|men|months|weeks|years|days|mg)\b)
    (?!\s{0,2}(?:[-‐‑–—,&]|and\b|or\b|to\b)\s{0,2}\d))?"""

# The endings of drug names by their INN stems: pazopanib, osimertinib, pembrolizumab, carboplatin, …
DRUG_STEM_ENDINGS = r"""(?:tinib|rafenib|anib|lisib|ciclib|parib|zomib|limus|mab|platin|taxel|rubicin
    |citabine|fosfamide|mustine|trexate|lidomide|clax|rasib|metinib|degib|sertib|tecan|xaban
    |gatran|statin|grel|relor|plase|cept|parin|lutamide|terone|trozole|strant|xifen|mycin|stine)"""

# A drug named by its INN stem, in running text (case-insensitive): "pazopanib", "Pembrolizumab".
# The whole word is taken at once and its ending looked for behind it (three letters at least before
# the stem): the same matches as "\b[a-z]{3,}(?:tinib|…)\b", without trying every stem at every
# letter of every word (a third of the time).
DRUG_STEM = rf"""\b[a-z]{{3}}[a-z]*+(?<=[a-z]{{3}}{DRUG_STEM_ENDINGS})\b"""

# The same in a table header, where cells may run together: a name starts at a capital, even one
# glued to the word before it ("bidEnoxaparin"), or after a non-letter, so "EndpointCABOMETYXEverolimus"
# gives "Everolimus", not the whole run. As DRUG_STEM, the lower-case run is taken whole and its ending
# looked for behind it: the same matches as "[a-z]{2,}(?:tinib|…)(?![a-z])", without trying every
# stem at every letter (a header is scanned for arm names over 4,000 characters per table).
HEADER_DRUG = rf"""(?-i:(?:[A-Z]|(?<![A-Za-z]))[a-z]++(?<=[a-z]{{2}}{DRUG_STEM_ENDINGS}))"""
