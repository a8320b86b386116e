"""Patterns for subgroups a results sentence lists, each with its own value in "respectively" order.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# The subgroups of a sentence that gives one value to each, named before the values: "the updated
# analysis of OS in patients with IMDC favorable, intermediate, intermediate/poor, and poor risk
# demonstrated a HR (95% CI) of 1.03 (…), 0.74 (…), 0.65 (…), and 0.49 (…), respectively"
# (CABOMETYX). Group ``list``: "IMDC favorable, intermediate, intermediate/poor, and poor risk".
LISTED_SUBGROUPS = stored.compile(
    r"""\b(?:in|among|for)\s{1,2}(?:the\s{1,2})?(?:patients|subjects|those)\s{1,2}with\s{1,2}
    (?P<list>[^,;()\[\]\n\d]{2,40}(?:,\s{1,2}(?:and\s{1,2}|or\s{1,2})?[^,;()\[\]\n\d]{2,40}){2,7})
    \s{1,2}(?:demonstrated|showed|had|was|were|experienced)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Between the items of a subgroup list: ", ", ", and ", ", or ".
LIST_ITEM_SEPARATOR = stored.compile(r",\s{1,2}(?:and\s{1,2}|or\s{1,2})?", regex.I)

# A "subgroup" that is the patients of an arm, named by the treatment they were given: "Among the 198
# patients who received Tecentriq in the safety analysis" (the arm's patients treated, not a subgroup
# of them); group ``what`` is checked against the drugs and arms the reader knows, so that "patients
# who received prior chemotherapy" stays a subgroup.
TREATED_WITH_ARM = stored.compile(
    r"""(?:who\s{1,2}(?:were\s{1,2})?)?(?:received|receiving|treated\s{1,2}with|given|taking)\s{1,2}
    (?P<what>[\w+/®-]{2,40}(?:\s{1,2}(?:plus|\+|with|and)\s{1,2}[\w+/®-]{2,40})?)   # "Tecentriq", "venetoclax plus rituximab"
    (?:\s{1,2}in)?""",  # cut before "the safety analysis"
    regex.VERBOSE | regex.IGNORECASE,
)

timed.wrap(globals())  # every pattern above is held to the reading budget
