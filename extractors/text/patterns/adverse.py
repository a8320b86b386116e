"""Patterns for the rates a label's adverse-reactions prose states for a whole trial arm: serious and
fatal adverse reactions, and those that led to stopping the drug or lowering or pausing its dose.

Each pattern has a real label example above it; article wording of the same figures ("Serious side
effects occurred in 37% of patients", "18% of patients stopped Tecentriq because of side effects")
is read in `claims.safety`.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# What a label calls the reactions it counts: "adverse reactions", "an adverse reaction", "adverse
# events", "ARs".
_REACTIONS = r"(?:an?[ \t]{1,2})?(?:adverse[ \t]{1,2}(?:drug[ \t]{1,2})?(?:reactions?|events?)|ARs?\b|AEs?\b)"
# Why the drug was stopped or its dose changed: "due to", "because of", "for".
_BECAUSE = r"(?:due[ \t]{1,2}to|because[ \t]{1,2}of|for|owing[ \t]{1,2}to)"
# Up to five words naming the drug a dose change is of: "of TECENTRIQ", "of LYNPARZA tablets".
_OF_DRUG = r"(?:[ \t]{1,2}(?:of|to)[ \t]{1,2}[\w+/-]{1,30}(?:[ \t]{1,2}[\w+/-]{1,30}){0,4}?)?"
# A dose change or a stop, as a noun: "permanent discontinuation", "dosage interruptions", "dose
# reductions", "treatment discontinuation", "interruption of TECENTRIQ".
_CHANGE_NOUN = r"""(?:(?:permanent|treatment|drug|study[ \t]{1,2}drug)[ \t]{1,2})?
    (?:(?P<stop>discontinuations?)
      | (?:(?:dose|dosage)[ \t]{1,2})?(?:(?P<reduce>reductions?)|(?P<pause>interruptions?|delays?)))"""
# The same as a verb after the drug: "was discontinued", "were permanently discontinued", "was
# interrupted", "required a dose reduction".
_CHANGE_VERB = r"""(?:was|were)[ \t]{1,2}(?:permanently[ \t]{1,2})?
    (?:(?P<stop>discontinued)|(?P<pause>interrupted|withheld)|(?P<reduce>reduced))"""

# A rate of serious or fatal adverse reactions, or of those that changed the treatment, up to its
# number:
#   "Serious adverse reactions occurred in 29% of patients receiving IMFINZI."
#   "Fatal adverse reactions occurred in 2.3% of patients."
#   "IMFINZI was discontinued due to adverse reactions in 15% of patients."
#   "Permanent discontinuation of TECENTRIQ due to an adverse reaction occurred in 13% of patients"
#   "Adverse reactions leading to permanent discontinuation of LYNPARZA occurred in 11%"
#   "Adverse reactions led to discontinuation of treatment in 2.2% of REPATHA-treated patients"
#   "Dosage interruptions of KISQALI due to an adverse reaction occurred in 50% of patients"
#   "Serious adverse reactions were reported in 45 (39%) patients" (the share in brackets)
#   "serious adverse reactions, regardless of causality, were reported in 31% of patients" (ADCETRIS 2013)
CATEGORY_RATE = stored.compile(
    rf"""
    (?:(?P<severity>serious|fatal)[ \t]{{1,2}}{_REACTIONS}                      # "Serious adverse reactions"
      | {_REACTIONS}[ \t]{{1,2}}(?:leading|(?:that[ \t]{{1,2}})?led|resulting|that[ \t]{{1,2}}resulted)
        [ \t]{{1,2}}(?:to|in)[ \t]{{1,2}}(?:the[ \t]{{1,2}})?{_CHANGE_NOUN}{_OF_DRUG}  # "… leading to discontinuation of X"
      | {_CHANGE_NOUN}{_OF_DRUG}[ \t]{{1,2}}{_BECAUSE}[ \t]{{1,2}}{_REACTIONS}   # "Discontinuation of X due to an AR"
      | {_CHANGE_VERB}[ \t]{{1,2}}{_BECAUSE}[ \t]{{1,2}}{_REACTIONS}            # "X was discontinued due to ARs"
    )
    (?:[ \t]{{1,2}}\([A-Za-z]{{1,6}}\))?                                          # "(SARs)"
    (?:,[ \t]{{1,2}}regardless[ \t]{{1,2}}of[ \t]{{1,2}}(?:causality|attribution|relationship)[ \t]{{0,2}},)?  # older labels
    [ \t]{{1,2}}(?:(?:occurred|were[ \t]{{1,2}}reported|was[ \t]{{1,2}}reported|were[ \t]{{1,2}}observed|were[ \t]{{1,2}}required
       |was[ \t]{{1,2}}required|happened|were[ \t]{{1,2}}seen)[ \t]{{1,2}})?          # "occurred"
    (?:in|at[ \t]{{1,2}}a[ \t]{{1,2}}rate[ \t]{{1,2}}of)[ \t]{{1,2}}
    (?:(?P<count>\d{{1,5}})[ \t]{{0,2}}\([ \t]{{0,2}})?                               # "45 (" before a share
    (?P<value>\d{{1,3}}(?:\.\d{{1,2}})?)[ \t]{{0,2}}%                                 # "29%"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A further arm's share after the first, in the same clause: "… in 39% of patients receiving
# TECENTRIQ and 30% of patients receiving placebo", "versus 14% with sorafenib".
FURTHER_SHARE = stored.compile(
    r"""[ \t]{0,2}\)?[ \t]{0,2}(?:,[ \t]{0,2})?(?:and|versus|vs\.?|compared[ \t]{1,2}(?:with|to))[ \t]{1,2}(?:in[ \t]{1,2})?
    (?:(?P<count>\d{1,5})[ \t]{0,2}\([ \t]{0,2})?(?P<value>\d{1,3}(?:\.\d{1,2})?)[ \t]{0,2}%""",
    regex.VERBOSE | regex.IGNORECASE,
)

# What lies between a share and the arm it is of: "% of patients receiving IMFINZI", "% of patients
# treated with LYNPARZA", "%) patients in the sorafenib arm", "% in the placebo arm", "% with placebo".
ARM_AFTER = stored.compile(
    r"""[ \t]{0,2}%[ \t]{0,2}\)?[ \t]{0,2}
    (?:(?:of|in|among)[ \t]{1,2}(?:the[ \t]{1,2})?)?
    (?:(?:patients|participants|subjects)[ \t]{1,2}
       (?:who[ \t]{1,2}(?:received|were[ \t]{1,2}treated[ \t]{1,2}with)|receiving|treated[ \t]{1,2}with|given|taking|on|in)
       [ \t]{1,2}(?:the[ \t]{1,2})?
     | (?:with|on|in[ \t]{1,2}the|receiving)[ \t]{1,2})""",
    regex.VERBOSE | regex.IGNORECASE,
)

# An arm named as its patients' treatment right after a share: "% of REPATHA-treated patients", "% of
# placebo-treated patients".
TREATED_ARM_OF = stored.compile(
    r"[ \t]{0,2}%[ \t]{0,2}\)?[ \t]{0,2}of[ \t]{1,2}(?:the[ \t]{1,2})?(?P<arm>[A-Za-z][\w/]{1,30})-treated[ \t]{1,2}(?:patients|participants|subjects)\b",
    regex.IGNORECASE,
)

# An arm named as the arm of a trial after a share, its drugs joined by "and": "% of patients in the
# TECENTRIQ and bevacizumab arm", "% in the TECENTRIQ plus cobimetinib and vemurafenib arm".
ARM_OF_TRIAL = stored.compile(
    r"[ \t]{0,2}%[ \t]{0,2}\)?[ \t]{0,2}(?:of[ \t]{1,2}patients[ \t]{1,2})?in[ \t]{1,2}the[ \t]{1,2}"
    r"(?P<arm>[^,;.()%]{1,60}?)[ \t]{1,2}(?:arm|group)s?\b",
    regex.IGNORECASE,
)

# Where a share's arm ends, read no further: "… receiving TECENTRIQ and 30% …", "… receiving X.".
ARM_END = stored.compile(r"[,;.()]|\b(?:and|versus|vs|compared)\b|\d", regex.IGNORECASE)

# A column group that is a grade, spanning the arms of an adverse-reaction table: "All Grades",
# "CTC Grades* 3/4" (GLEEVEC Table 2), "All CTC Grades", "CTC Grade 3* and Above" (Table 14),
# "Grade 3/4", "NCI CTCAE Grades 3-4 (%)", "Grade ≥ 3", "Grade 3 or higher".
GRADE_GROUP = stored.compile(
    r"""^[ \t]{0,2}(?:(?:NCI[ \t]{1,2})?(?:CTC|CTCAE)(?:[ \t]{1,2}v?\d(?:\.\d)?)?[ \t]{1,2})?
    (?:(?P<all>(?:All|Any)[ \t]{1,2}(?:(?:CTC|CTCAE)[ \t]{1,2})?Grades?)
      | Grades?[*†‡]?[ \t]{0,2}(?:(?:≥|>=)[ \t]{0,2}(?P<atleast>\d)
        | (?P<low>\d)[*†‡]?
          (?:[ \t]{0,2}(?:-|–|/|to|or|and)[ \t]{0,2}(?:Grade[ \t]{0,2})?(?P<high>\d)
            | [ \t]{1,2}(?:and|or)[ \t]{1,2}(?P<higher>above|higher|greater|more))?))
    [*†‡]?[ \t]{0,2}(?:\(?[ \t]{0,2}%[ \t]{0,2}\)?)?[ \t]{0,2}$""",
    regex.VERBOSE | regex.IGNORECASE,
)

# How articles name the reactions a trial counted: "side effects", "adverse reactions", "adverse
# events", "AEs", "toxicities".
_ARTICLE_REACTIONS = r"""(?:(?:treatment[ \t-]{1,2}related|drug[ \t-]{1,2}related)[ \t]{1,2})?
    (?:side[ \t-]effects?|adverse[ \t]{1,2}(?:drug[ \t]{1,2})?(?:reactions?|events?)|AEs?\b|toxicit(?:y|ies))"""

# An article's rate of serious or fatal reactions, or of a dose change, up to its number:
#   "Serious side effects occurred in 37% of patients", "fatal side effects occurred in 4.6% of
#   patients on the combination", "Fatal adverse reactions occurred in 8% of patients",
#   "Dose reductions were needed in 44% of patients", "discontinuation due to adverse events was 13%".
ARTICLE_CATEGORY = stored.compile(
    rf"""
    (?<!(?:led|leading|lead|resulting|resulted)[ \t]{{1,2}}(?:to|in)[ \t]{{1,2}}(?:the[ \t]{{1,2}})?(?:treatment[ \t]{{1,2}})?)  # one reaction's
    (?:(?P<severity>serious|fatal)[ \t]{{1,2}}{_ARTICLE_REACTIONS}
      | (?:(?:dose|dosage)[ \t]{{1,2}}(?:(?P<reduce>reductions?)|(?P<pause>interruptions?))
         | (?:treatment[ \t]{{1,2}})?(?P<stop>discontinuations?))
        (?:[ \t]{{1,2}}{_BECAUSE}[ \t]{{1,2}}{_ARTICLE_REACTIONS})?)
    [ \t]{{1,2}}(?:(?:occurred|were[ \t]{{1,2}}(?:needed|required|reported|seen|observed|necessary)|was[ \t]{{1,2}}(?:needed|required|reported|seen))[ \t]{{1,2}}in
       |affected|in|(?:was|were))[ \t]{{1,2}}
    (?P<value>\d{{1,3}}(?:\.\d{{1,2}})?)[ \t]{{0,2}}%
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A share of patients said to have stopped the drug or had its dose changed because of its reactions,
# after the number: "18% of patients stopped Tecentriq because of side effects", "12% discontinued
# treatment because of adverse reactions", "11% stopped Tecentriq because of them" (the reactions
# the sentence named), "28% needed a dose reduction", "7% of people on Humira stopped treatment because of
# side effects" (the arm named before the verb).
ARTICLE_STOPPED = stored.compile(
    rf"""(?P<value>\d{{1,3}}(?:\.\d{{1,2}})?)[ \t]{{0,2}}%
    (?:[ \t]{{1,2}}of[ \t]{{1,2}}(?:the[ \t]{{1,2}})?(?:patients|people|participants|women|men|adults|children)
       (?:[ \t]{{1,2}}(?:on|taking|receiving|given)[ \t]{{1,2}}(?P<arm>[\w-]{{1,30}}))?)?[ \t]{{1,2}}  # "of people on Humira"
    (?:(?:(?P<stop>stopped|discontinued|quit|came[ \t]{{1,2}}off)(?P<drug>(?:[ \t]{{1,2}}(?:taking[ \t]{{1,2}})?[\w-]{{1,30}}){{0,2}}?)
        [ \t]{{1,2}}{_BECAUSE}[ \t]{{1,2}}(?:{_ARTICLE_REACTIONS}|(?P<them>them)\b))
      | (?:needed|required|had)[ \t]{{1,2}}(?:an?[ \t]{{1,2}})?(?:dose|dosage)[ \t]{{1,2}}
        (?:(?P<reduce>reductions?)|(?P<pause>interruptions?))\b)""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Reactions named before "them": "Serious side effects occurred in 37% of patients, and 11% stopped
# Tecentriq because of them".
ARTICLE_REACTIONS_NAMED = stored.compile(_ARTICLE_REACTIONS, regex.VERBOSE | regex.IGNORECASE)

# A rate of an event per 100 patient-years the adverse-reactions prose gives, up to its number:
# "the rate of serious infections was 4.6 per 100 patient-years", "the rate of reported active
# tuberculosis was 0.22 per 100 patient-years" (HUMIRA 6.1); the event is the words after "rate of".
EVENT_RATE = stored.compile(
    r"""\b(?:the|a)[ \t]{1,2}rate[ \t]{1,2}of[ \t]{1,2}(?P<event>[a-z][a-z -]{2,60}?)[ \t]{1,2}was[ \t]{1,2}
    (?P<value>\d{1,3}(?:\.\d{1,3})?)[ \t]{1,2}per[ \t]{1,2}100[ \t]{1,2}patient-years\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

# A further arm's rate after the first, in the same clause: "… versus a rate of 3.1 per 100
# patient-years in 4232 control-treated patients".
FURTHER_EVENT_RATE = stored.compile(
    r"""[ \t,]{0,3}(?:versus|vs\.?|compared[ \t]{1,2}(?:with|to))[ \t]{1,2}(?:a[ \t]{1,2}rate[ \t]{1,2}of[ \t]{1,2})?
    (?P<value>\d{1,3}(?:\.\d{1,3})?)[ \t]{1,2}per[ \t]{1,2}100[ \t]{1,2}patient-years\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

# The arm an event rate is of, right after it, to the end of its words: "in 7304 HUMIRA-treated
# patients", "in 4232 control-treated patients".
TREATED_ARM_AFTER = stored.compile(
    r"[ \t]{1,2}in[ \t]{1,2}(?:[\d,]{1,7}[ \t]{1,2})?(?P<arm>[A-Za-z][\w/]{1,30})-treated(?:[ \t]{1,2}patients)?\b"
)

timed.wrap(globals())  # every pattern above is held to the reading budget
