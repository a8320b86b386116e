"""Patterns for rates over time and relative reductions in results statements: "3.8% per year",
"Each year, 1.27% …", "50% fewer stent thromboses", "reduced the risk of death by 27%".

Split from `statements` (the statement reader's tokens and the words around them) because these
decide what kind of number a share is, not where it stands in its sentence.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A rate of events over time after its number: "2.1 events per 100 patient-years", "111 per 1,000
# patient-years", "3.8% per year" (a share per year is per 100 patient-years), "0.5% per month",
# "0.24% a year", "1.2% each year" (the scale only after "per").
PER_EXPOSURE_AFTER = stored.compile(
    r"""\s{0,2}(?:(?:events?|bleeds?|cases?)\s{1,2})?(?:per|a|each|every)\s{1,2}
    (?:(?P<scale>100|1,?000)\s{1,2}(?:patient|person|pt)s?[- ]?(?:years?|yrs?)\b|(?P<period>year|annum|month)\b)""",
    regex.I | regex.VERBOSE,
)

# A sentence that says its shares are per year before them: "Each year, 1.27% of people on Eliquis had a
# stroke", "the yearly rates were 1.19% and 1.51%", "annual rates of major bleeding".
YEARLY_BEFORE = stored.compile(r"\b(?:(?:each|every)\s{1,2}year\b|yearly\b|annual(?:ized|ised)?\b)", regex.I)

# The word before the scale of such a rate: "per 1,000 patient-years".
PER_BEFORE = stored.compile(r"\bper\s{1,2}$", regex.I)

# "50% fewer stent thromboses", "a 28% lower chance of dying", "31% less major bleeding", "a 50%
# reduction (p<0.001)": a relative reduction stated after the number ("10% less than" compares to a
# figure, no reduction; "less often" is one only for events, `LESS_OFTEN_AFTER`; "a 59% reduction in
# LDL-C" is a change of a measurement, no reduction of a risk).
FEWER_AFTER = stored.compile(
    r"\s{0,2}(?:fewer|less\b(?!\s{1,2}(?:than|often|frequently))|lower\s+(?:risk|chance|likelihood)|reduction\s+in\s+(?:the\s+)?(?:risk|rate|incidence)|(?:relative\s{1,2})?reduction\b(?!\s{1,2}in\b))\b",
    regex.I,
)

# "Revascularization procedures were needed 42% less often": events that happened less often by a share
# (not "the tablets were taken 20% less often").
LESS_OFTEN_AFTER = stored.compile(r"\s{0,2}less\s{1,2}(?:often|frequently)\b", regex.I)
EVENTS_NEEDED_BEFORE = stored.compile(r"\b(?:needed|required|occurred|happened)\s{1,2}$", regex.I)

# "the risk was 20% lower", "the risk of a heart attack was 27% lower": a risk the clause says was
# lower by a share (a level that was lower, "LDL was 59% lower", is a change).
RISK_WAS_BEFORE = stored.compile(r"\brisk\s(?:[\w-]+\s){0,5}?(?:was|were|is)\s{1,2}$", regex.I)
LOWER_AFTER = stored.compile(r"\s{0,2}lower\b", regex.I)

# "patients on the combination lived 42% longer": a survival said to be longer by a share (a lower risk
# misread, `verdicts.derived`), after the number and its percent sign.
LONGER_AFTER = stored.compile(r"\s{0,2}longer\b", regex.I)

# "reduced the risk of death by 27%", "lowered the risk of progression by", "the risk of death fell by",
# "lowered the chance of the disease getting worse, or of death, by", "Strokes fell by", "stent
# thrombosis fell by", "lowered the risk of stroke by about": a reduction named before "by" (a risk
# or a count of events that fell, not a level: "LDL fell by 38%" is a change).
REDUCED_BY = stored.compile(
    r"\b(?:reduc|lower|decreas|cut)\w*\s(?:[\w-]+,?\s){0,11}?by\s{1,2}(?:(?:about|around|roughly|approximately|nearly|almost|some)\s{1,2})?$"
    r"|\b(?:risk|strokes|heart\sattacks|deaths|events|infarctions|hospitali[sz]ations|thrombos[ie]s|embolisms?|clots|bleeding|bleeds)\s(?:[\w-]+\s){0,4}?(?:fell|dropped|declined)\sby\s{1,2}(?:(?:about|around|roughly|approximately|nearly|almost|some)\s{1,2})?$",
    regex.I,
)

# An event named in the sentence before, taken up by a pronoun: "The primary endpoint was death or the
# need for ECMO. It occurred in 46% of infants given nitric oxide": the share is a rate of that
# endpoint. Only an event occurs: "it was seen in 21%" may take up a condition the patients had.
EVENT_REFERRED = stored.compile(
    r"\b(?:it|this|which|that)\s{1,2}(?:(?:also|only)\s{1,2})?(?:occurred|happened)\s{1,2}(?:in|among)\b", regex.I
)


timed.wrap(globals())  # every pattern above is held to the reading budget

# A clause after a dash that states a value of its own: "Xarelto cut the risk by 15% — meaning
# patients on Xarelto lived 15% longer": an endpoint named there ("lived") is that value's, never the
# one before the dash. Matched from the first value's end, up to the first digit after the dash.
CLAUSE_WITH_VALUE = stored.compile(r"(?:\s[—–-]\s|—)[^—–\d]{0,200}\d")
