"""Patterns for counts of patients in results statements: whether a count is a group's size or a
part of a group ("Two infants (2%) in the INOMAX arm were withdrawn", "30 of 97 infants").

Split from `statements` (the statement reader's tokens and the words around them) because these
decide what a count counts, not where it stands in its sentence.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored

# A count with its share of a group right after it: "Two infants (2%) in the INOMAX arm were
# withdrawn", "162 (66%) patients had a BRCA mutation", "52 patients (46%)": a part of the group.
PART_WITH_SHARE = stored.compile(
    r"(?:\s{1,2}[\w-]{1,30}){0,2}?\s{0,2}\(\s?(?P<share>\d{1,3}(?:\.\d+)?)\s?%\s?\)", regex.I
)

# A count of a part of a group given with the group's size right after it: "30 of 97 INOMAX-treated
# infants", "10 out of the 253 patients".
PART_OF_TOTAL = stored.compile(r"\s{0,2}(?:of|out\s+of)\s{1,2}(?:the\s{1,2})?\d", regex.I)

# A number word that is a fraction's numerator, not a count: "about one-fifth of these patients", "two
# thirds of patients", "one quarter".
FRACTION_AFTER = stored.compile(
    r"[ \t-]{0,2}(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
    regex.I,
)

# What leads from a share to the group it is of: "39% of treated infants", "55% of controls", "64%
# of the control infants"; the group's word (data "count_nouns", "share_groups") follows, after at
# most two words that describe it (`SHARE_GROUP_WORD`).
SHARE_OF_LEAD = stored.compile(r"\s{0,2}%?\s{0,2}of\s{1,2}(?:the\s{1,2}|all\s{1,2})?", regex.I)
SHARE_GROUP_WORD = stored.compile(r"[\w-]{1,30}\s{1,2}")

# A count that is the object of the trial's verb: "The Neonatal Inhaled Nitric Oxide Study (NINOS)
# randomized 235 term or near-term neonates": what is named before the verb is the trial (its name may
# hold the drug's), never the arm of the count.
COUNTED_BY_TRIAL_BEFORE = stored.compile(
    r"\b(?:randomi[sz]ed|enrolled)\s{1,2}(?:a\s{1,2}total\s{1,2}of\s{1,2}|approximately\s{1,2}|about\s{1,2})?$",
    regex.I,
)

# A word of a subgroup's description, compared between an article and a label: "PD-L1", "50%",
# "IIIA", "measurable" of "the 229 patients with PD-L1 on at least 50% of tumor cells" and "patients with
# PD-L1 TC ≥ 50% Stage II – IIIA NSCLC (n=229)".
SUBGROUP_WORD = stored.compile(r"[^\W_](?:[\w+]|-(?=\w)){0,30}%?")

# Between a count and its share in brackets, at most two words apart (fullmatch): "92 (33%)", "74 events
# (21%) on imatinib", "19 patients (12%)".
SHARE_BRACKET_BETWEEN = stored.compile(r"(?:\s{1,2}[A-Za-z-]{1,20}){0,2}\s{0,2}\(\s{0,2}")
SHARE_BRACKET_REACH = 2 * (2 + 20) + 2 + 1 + 2  # the most characters it spans: a count further back is not looked at
