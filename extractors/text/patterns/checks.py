"""Patterns the consistency checks read the label's text with: randomization ratios, subgroup
names that overlap, "one-sided", the words that make an N a total.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A randomization ratio in label prose, e.g. Votrient: "were randomized (2:1) to receive
# pazopanib 800 mg once daily or placebo"; Tagrisso: "randomized 1:1 to TAGRISSO";
# "randomized in a 2:1 ratio"; "a 1:1:1 randomization".
RANDOMIZATION_RATIO_TEXT = stored.compile(
    r"""
    (?:
        \b(?:randomi[sz]ed|randomly\s+assigned|allocated)     # the verb ...
        [^.;:\d]{0,40}?                                       # ... "(", "in a", "to", ...
        (?P<ratio>\d{1,2}(?:\s*:\s*\d{1,2}){1,3})(?![\d.:])   # ... then 2:1 or 1:1:1
      |
        (?<![\d.:])(?P<ratio>\d{1,2}(?:\s*:\s*\d{1,2}){1,3})  # 2:1 or 1:1:1 ...
        \s*\)?\s*(?:ratio|randomi[sz]ation|allocation)\b       # ... "ratio", "randomization"
    )
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# The colon between the shares of a ratio: "2:1", "1 : 1 : 1".
RATIO_COLON = stored.compile(r"\s*:\s*")

# Subgroup labels that name a split along one of several crossing dimensions (age, sex,
# region, ...): subgroups like these overlap, so their Ns need not sum to at most the total.
# "Age ≥65 years", "Female", "Asian", "ECOG PS 1", "PD-L1 positive".
OVERLAPPING_SUBGROUP = stored.compile(
    r"""[\d<>≤≥]|\b(?:age[ds]?|years?|male|female|men|women|sex|gender|region|race|asian|white|black
    |ecog|performance|prior|previous|pd-?l1|positive|negative|status|score|mutation|smok|stage|grade
    |risk|line|country|america|europe|weight|bmi)""",
    regex.VERBOSE | regex.IGNORECASE,
)

# "a p-value estimated from one-sided log-rank test" (Kisqali), "One-sided p-Value" (Keytruda)
ONE_SIDED = stored.compile(r"\b(?:one|1)[\s-]sided\b", regex.IGNORECASE)

# A qualifier or "p =" left on a raw p-value: "<0.0001", "p < 0.001", "P=0.02"
P_PREFIX = stored.compile(r"(?<!\s)\s*+(?:[pP]\s*+)?(?P<qualifier><=|>=|[<>≤≥=])?\s*+")

# The words before an N that make it a total: "A total of 307 patients were enrolled and
# randomized" (Keytruda KEYNOTE-177); "In total, ..."
TOTAL_WORDS = stored.compile(r"\b(?:total\s+of|in\s+total|overall|all)\W*$", regex.IGNORECASE)

# The end of a sentence between two numbers: ". A" ends one, "; " does not.
SENTENCE_END = stored.compile(r"[.!?]\s+[A-Z(]")

timed.wrap(globals())  # every pattern above is held to the reading budget
