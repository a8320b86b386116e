"""Numbers near a result that are no result: cut-offs, landmarks and how long a schedule runs.

`THRESHOLD` is a pattern body, one of the pieces `statements.TOKEN` reads as no value; the others are
looked for around a number read as a value (`read.roles.not_a_result`).
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed
from extractors.text.patterns.pieces import DRUG_STEM

# A cut-off, not a result: a biomarker's or score's threshold ("PD-L1 expression ≥ 1%", "CPS<1",
# "Tumor Proportion Score (TPS) ≥1%", "LVEF < 55%"), the threshold a table of adverse reactions was
# drawn with ("Occurring in ≥10% of Patients", "Between-Group Difference of ≥5%", "Adverse Reactions
# (≥5%)"), the side a ratio favours ("A hazard ratio <1 favors Lynparza", "Relative Risk >1.5 for
# XARELTO").
THRESHOLD = r"""(?:
      \b(?:PD-?L1|TPS|CPS|TC|expression|score|LVEF|ejection\s+fraction|Ki-?67|stenosis
         |difference|incidence|reactions|occurring\s+in|reported\s+in|relative\s+risk)
      (?:\s{1,2}(?:expression|status|score))?(?:\s{0,2}\(\w{2,6}\))?\s{0,2}(?:of\s{1,2}|in\s{1,2})?\(?
      (?:[≥≤<>]=?|greater\s+than\s+or\s+equal\s+to|less\s+than)\s{0,2}\d{1,3}(?:\.\d{1,2})?(?:\s?%)?
    | [<>]\s?\d(?:\.\d{1,2})?(?=\s{1,2}favou?rs\b)
    )"""

# A landmark, not a value: "at 84 months", "12-month", "5-year", "by 60 months".
LANDMARK_BEFORE = stored.compile(r"\b(?:at|by|after|within|through|beyond|until)\s{1,2}$", regex.I)
# How long a schedule runs, not a result: "treated for at least 3 years", "every 6 weeks for 48
# weeks", "once daily for 21 days", "Femara for 5 years" (and the label's typo "for a least"), "every
# 6 weeks for the first 36 weeks" (TECENTRIQ's tumor assessments).
SCHEDULE_BEFORE = stored.compile(
    r"\bfor\s{1,2}(?:at?\s{1,2}least\s{1,2}|up\s{1,2}to\s{1,2}|the\s{1,2}(?:first|initial|next)\s{1,2})?$", regex.I
)
# How long patients were followed, said before the verb: "The median survival follow-up time in
# patients was 15.7 months" (TECENTRIQ; "survival" there names no endpoint of the value).
FOLLOW_UP_BEFORE = stored.compile(
    r"\bfollow[- ]?up(?:\s{1,2}[\w-]{1,20}){0,4}?\s{1,2}(?:was|were|is|of)\s{1,2}(?:approximately\s{1,2}|about\s{1,2})?$",
    regex.I,
)
# A gain stated with "by", which is no landmark: "extended median survival by 2.7 months", "prolonged
# life by", "improved median progression-free survival by" (at most five words between verb and "by").
GAIN_BY_BEFORE = stored.compile(
    r"\b(?:extend|prolong|improv|increas|lengthen)(?:s|ed|ing|es)?(?:\s{1,2}[\w-]{1,30}){0,5}\s{1,2}by\s{1,2}$",
    regex.I,
)
# How long a treatment was given, after the number: "36 versus 12 months of treatment", "12 months of
# imatinib", "5 years of adjuvant therapy" (the arms of a trial of durations, not its results).
SCHEDULE_AFTER = stored.compile(
    rf"""(?:\s{{1,2}}(?:versus|vs\.?|or|and|to)\s{{1,2}}\d{{1,3}})?\s{{0,2}}(?:months?|years?|weeks?|days?)
    \s{{1,2}}of\s{{1,2}}(?:adjuvant\s{{1,2}})?(?:treatment|therapy|dosing|{DRUG_STEM})""",
    regex.I | regex.VERBOSE,
)
# A share of a population stated as a standing fact, in the present tense, not a trial's result:
# "approximately 30% of Caucasians are reduced metabolizers" (EFFIENT), "3% to 4% of Asians are poor
# metabolizers"; a share still alive or free of an event is a result however it is said ("39% of
# patients are alive at 5 years").
STANDING_SHARE_AFTER = stored.compile(
    r"""\s{0,2}%?\s{0,2}of\s{1,2}(?:[A-Za-z][\w-]{0,20}\s{1,2}){1,3}(?:are|is)\s{1,2}
    (?!(?:still|alive|living|free|disease|progression|event|relapse|recurrence|without|in\s{1,2}remission|responding|surviving)\b)""",
    regex.I | regex.VERBOSE,
)
LANDMARK_HYPHEN_AFTER = stored.compile(r"[-‑]\s?(?:months?|years?|weeks?|days?)\b", regex.I)

# How an endpoint named by a threshold lists more thresholds of it: "ASAS 20/50/70 responses"
# (HUMIRA), "ACR 20, 50 and 70 response rates of 65%, 52% and 24%, respectively".
_MORE_THRESHOLDS = r"(?:/|,\s{1,2}|,?\s{1,2}and\s{1,2})"

# The threshold before one listed after it: the "20/" before the 50 of "ASAS 20/50/70".
THRESHOLD_LISTED_BEFORE = stored.compile(rf"(?<![\d.])(?P<previous>\d{{1,3}}){_MORE_THRESHOLDS}$")

# More thresholds right after an endpoint's name: the values after "ASAS 20/50/70 responses" are
# those of three endpoints, and which is which only "respectively" says.
THRESHOLDS_AFTER = stored.compile(rf"{_MORE_THRESHOLDS}\d{{1,3}}\b(?!\s{{0,2}}%)")

# The gap between an endpoint's name and its head noun, which names no other endpoint: "ASAS 20/50/70
# responses", "ACR 20 response", "PASI 75 responses".
HEAD_NOUN_GAP = stored.compile(rf"(?:{_MORE_THRESHOLDS}\d{{1,3}}){{0,4}}\s{{1,2}}")

# An endpoint's abbreviation in brackets right after its name, which names no other endpoint: "death
# or the need for extracorporeal membrane oxygenation (ECMO)" is the composite, not ECMO alone.
ABBREVIATION_OPENS = stored.compile(r"[ \t]{0,2}\([ \t]?")
ABBREVIATION_CLOSES = stored.compile(r"[ \t]?\)")

timed.wrap(globals())  # every pattern above is held to the reading budget
