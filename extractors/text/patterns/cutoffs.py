"""Patterns for a biomarker's cut-off in a population's name: "PD-L1 CPS ≥5", "CPS >=5", "PD-L1 <1%".

Each pattern has a real example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A cut-off written with a sign: OPDIVO Table 73's column "PD-L1 CPS ≥5", its prose "PD-L1 CPS<1
# (n=265)", an abstract's "CPS >=5" and "PD-L1 >=1%". Groups ``sign`` and ``number``.
SIGNED_CUTOFF = stored.compile(
    r"""(?P<sign>≥|≤|>=|<=|=>|=<|>|<)   # the sign, typed or printed
    [ \t]{0,2}(?P<number>\d{1,3}(?:\.\d{1,2})?)(?![\d.]*\d)  # the cut-off, whole
    """,
    regex.VERBOSE,
)

# A cut-off written in words: "a CPS of 5 or more", "PD-L1 expression of 1% or higher", "CPS of at
# least 10", "TPS less than 1%". Groups ``number`` and ``above`` / ``below`` (after the number), or
# ``least`` / ``under`` (before it).
WORDED_CUTOFF = stored.compile(
    r"""(?:(?P<least>\bat[ \t]{1,2}least)|(?P<under>\b(?:less|fewer|lower)[ \t]{1,2}than))?[ \t]{0,2}
    \b(?P<number>\d{1,3}(?:\.\d{1,2})?)(?![\d.]*\d)(?:[ \t]{0,2}%)?  # the cut-off
    (?:[ \t]{1,2}or[ \t]{1,2}(?:(?P<above>more|higher|greater|above)|(?P<below>less|lower|fewer|below))\b)?
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# The words of a cut population's name a cut-off is said of: "pd-l1", "cps", "tps" in "pd-l1 cps ≥5".
MARKER_WORD = stored.compile(r"(?<![a-z0-9-])[a-z][a-z0-9-]{1,10}(?=[ \t]{0,2}(?:≥|≤|>=|<=|=>|=<|>|<|$))")

# Where a value's clause ends before a cut-off named after it: "15.0 mo. 24-mo OS rate … in the CPS
# >=5 subset" (a full stop the sentence splitter kept, after an abbreviation), "…; in CPS <1".
CLAUSE_END = stored.compile(r"[.;](?:\s|$)")

timed.wrap(globals())  # every pattern above is held to the reading budget
