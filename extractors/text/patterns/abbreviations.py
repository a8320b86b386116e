"""Patterns for arm names a table abbreviates and defines in its notes.

"Table 9 Summary of Efficacy from NeoSphere / T=docetaxel, Ptz=PERJETA, H=trastuzumab …
| Endpoint/Study Population | H+T | Ptz+H+T | Ptz+H | Ptz+T |" (PERJETA): each column is a
combination of the drugs the notes define by a short name.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import build, stored, timed

# One definition of a short name in a table's notes: "T=docetaxel", "Ptz = PERJETA", "H=trastuzumab,".
DEFINITION = stored.compile(
    r"(?<![\w+-])(?P<short>[A-Z][A-Za-z]{0,4})[ \t]{0,2}=[ \t]{0,2}(?P<name>[A-Za-z][\w-]{2,40})(?![\w-])"
)

# What joins the short names of one arm's drugs: "H+T", "Ptz + H + T".
_JOIN = r"[ \t]{0,2}\+[ \t]{0,2}"

timed.wrap(globals())  # every pattern above is held to the reading budget


def combination(shorts: tuple[str, ...], most: int) -> regex.Pattern[str]:
    """Two to ``most`` of the short names ``shorts`` joined by "+", not inside a longer word: "Ptz+H+T".
    Run together, the cell before ends with any letter and the next cell's capital follows at once
    ("Study PopulationH+TPtz+H+TPtz+HPtz+T"): only a lower-case letter, a digit or a "+" goes on the last
    name, only a digit or a "+" comes before the first."""
    short = build.longest_first(shorts, 0)
    return stored.compile(rf"(?<![\d_+])(?:{short})(?:{_JOIN}(?:{short})){{1,{most - 1}}}(?![\p{{Ll}}\d_+])")
