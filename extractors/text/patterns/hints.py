"""Cheap prerequisite tests: a word a costly pattern needs, searched once per sentence.

The readers ask some patterns of a window before each value of a sentence (a few dozen characters,
one search per value). A pattern whose every match holds one of a few words cannot match in any
window of a sentence that holds none of them; a sentence is searched for those words once, and the
windows of a sentence without them are not searched. Each hint has its pattern's flags, so it finds
what the pattern's own words would (under IGNORECASE, "CNſ" as "CNS").
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# What every match of `statements.CNS_BEFORE` and `statements.CNS_NAMED` holds: "CNS ORR",
# "intracranial response rate", "central nervous system progression".
CNS_WORD = stored.compile(r"CNS|intracranial|central\s{1,2}nervous", regex.I)

# What every match of `statements.CONFIRMED_BEFORE` holds: "confirmed ORR".
CONFIRMED_WORD = stored.compile(r"confirmed", regex.I)

timed.wrap(globals())  # every pattern above is held to the reading budget
