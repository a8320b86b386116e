"""Patterns for how long a drug is taken, as labels state it in their dosing and articles quote it:
"the recommended duration of treatment is 35 days", "10 mg taken orally twice daily for 7 days";
"Eliquis is usually taken for 35 days", "started at 10 mg twice a day for 7 days".

Split from `doses` because a duration is a number of its own (the days, not the milligrams), and
from `rates` because it is no result: it is checked against the label's dosing, never its trials.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A duration of treatment in label text, its number in "amount": "duration of treatment is 35 days"
# (ELIQUIS 2.2), "twice daily for 7 days", "placebo for 12 months", "treated for up to 38 days".
LABEL_DURATION = stored.compile(
    r"""(?:\bduration[ \t]{1,2}of[ \t]{1,2}(?:treatment|therapy|dosing|use)[ \t]{1,2}(?:is|was|of)[ \t]{1,2}
         |\bfor[ \t]{1,2})                                              # "duration of treatment is", "for"
    (?:(?:up[ \t]{1,2}to|at[ \t]{1,2}least|about|approximately)[ \t]{1,2})?  # "up to 14 days"
    (?P<amount>\d{1,3})[ \t]{1,2}(?P<unit>days?|weeks?|months?)\b""",
    regex.I | regex.VERBOSE,
)

# The words before an article's duration, its number right after them: "taken for 35 days", "for
# 7 days", "for up to 14 days" (the number is matched where the pattern ends).
FOR_BEFORE = stored.compile(
    r"\bfor[ \t]{1,2}(?:(?:up[ \t]{1,2}to|at[ \t]{1,2}least|about|around|another)[ \t]{1,2})?$", regex.I
)

# "for" anywhere in a sentence: without it (`FOR_BEFORE`) the sentence states no duration, and its
# numbers are not looked at one by one.
FOR_ANYWHERE = stored.compile(r"for[ \t]", regex.I)

# The unit right after an article's duration: "35 days", "6 months".
UNIT_AFTER = stored.compile(r"[ \t]{1,2}(?P<unit>days?|weeks?|months?)\b", regex.I)

# What makes the sentence before a duration about taking the drug: "is usually taken for 35 days",
# "started at 10 mg twice a day for 7 days", "took Eliquis 5 mg or a placebo for 12 months",
# "treatment may be maintained for up to 14 days". How long a trial's treatment went on ("In PACIFIC,
# treatment continued for up to 12 months") is the trial's conduct, not the drug's dosing.
DOSING_BEFORE = stored.compile(
    r"""\b(?:tak(?:en|e|es|ing)|took|given|giv(?:e|es|ing)|us(?:ed|e)[ \t]{1,2}(?:for|daily)|treated|dosed|dosing
        |maintained|started|mg|daily|twice|once[ \t]{1,2}a)\b""",
    regex.I | regex.VERBOSE,
)

# What makes a "for N days" no duration of treatment, right before it: how long patients were
# followed or a study lasted ("followed for 12 months", "trials lasting up to 6 months"), a stay.
NOT_TREATMENT_BEFORE = stored.compile(
    r"\b(?:follow(?:ed|-up)|lasting|lasted|observed|monitored|studied|stayed|hospitali[sz]ed|run)\b"
    r"(?:[ \t]{1,2}[\w-]{1,20}){0,3}[ \t]{1,2}$",
    regex.I,
)

# A word of a clause, lower-cased by the caller, for the regimen words it holds ("hip", "knee", "dvt").
WORD = stored.compile(r"[a-z]+")

timed.wrap(globals())  # every pattern above is held to the reading budget
