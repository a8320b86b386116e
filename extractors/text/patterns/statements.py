"""Patterns for results statements, the English labels and articles share:
"the HR for OS was 0.69 (95% CI: 0.51, 0.94) with median survivals of 10.9 and 8.1 months for the
OPDIVO and investigator's choice arms, respectively".

A sentence is scanned once by `tokens.TOKEN` into the pieces that carry numbers (a CI, a p-value,
an "n = …", a value with its unit); the words around each value are then read with the smaller
patterns below, each bounded so that no input makes them backtrack.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# The pieces of a sentence that carry numbers, read first (`tokens`); the readers use them from here.
from extractors.text.patterns.tokens import MAY_HOLD_VALUE as MAY_HOLD_VALUE
from extractors.text.patterns.tokens import TOKEN as TOKEN
from extractors.text.patterns.tokens import TOKEN_STARTS as TOKEN_STARTS

# A unit of time right after a value: "15.7 months", "20 weeks", "2 years".
DURATION_AFTER = stored.compile(r"\s{0,2}(?P<unit>months?|mos?\b\.?|weeks?|wks?|years?|yrs?|days?)\b", regex.I)

# "respectively": values and arms are paired in order.
RESPECTIVELY = stored.compile(r"\brespectively\b", regex.I)

# Words that join two values compared with each other: "4.6 vs 1.6", "compared to 14.4 months";
# or a value with the arm it is compared with: "3.8% per year, similar to warfarin".
VERSUS = stored.compile(r"\b(?:vs\.?|versus|compared\s(?:with|to)|than|over|similar\sto|relative\sto)(?!\w)", regex.I)

# A clause boundary inside a sentence: what is said before a ";" is not said about what follows.
CLAUSE_BREAK = stored.compile(r";|\.\s|:\s(?=[A-Z])")

# An arm named as an arm: "in the OPDIVO and ipilimumab arm", "to the IMFINZI arm",
# "for the nivolumab and chemotherapy arms", "in the Gleevec and the IFN+Ara-C group".
ARM_PHRASE = stored.compile(
    r"""
    \b(?:in|for|on|with|to|among|of|from|versus|vs\.?|and|or)\s{1,2}(?:the\s{1,2}|each\s{1,2})?
    (?:randomi[sz]ed\s{1,2})?
    (?P<arm>(?:[^\s\d,;:()\[\]]|\d+(?:\.\d+)?[-‑\s]?mg|\d+[-‑](?:month|year|week)s?\b)
      (?:(?!\b(?:to|of|for|by|using|from|at|was|were|is|are|had|than|vs|versus|compared|stratified|method|risk|analysis|patients)\b|\bin\b(?!\s+combination))
         (?:[^\d,;:()\[\]\n]|\d+(?:\.\d+)?[-‑\s]?mg|(?<=[A-Za-z-])\d+)){0,70}?)
    \s{1,2}(?P<noun>arms?|groups?|treatment\s+arms?)\b
    """,
    regex.VERBOSE | regex.I,
)

# An arm named by its treatment: "OPDIVO-treated patients", "patients treated with enzalutamide",
# "patients assigned to investigator's choice of treatment", "patients randomized to Effient",
# "NO-treated (18%) and control (20%) patients" (its share right after it).
TREATED_ARM = stored.compile(
    r"""
      (?<![\w+/®-])(?P<arm>[\w+/®-]{2,40}(?:\s(?:plus|and|\+|with)\s[\w+/-]{2,40})?)[-‑\s]treated
        (?:\s(?:patients|subjects)|(?=\s?\(\s?\d{1,3}(?:\.\d{1,2})?\s?%))
    | \b(?:patients|subjects|those)\s(?:who\s(?:were\s)?)?(?:treated\swith|receiving|received|taking|randomi[sz]ed\sto(?:\sreceive)?|assigned\sto|given)\s
      (?P<arm>[^,;:()\[\]\n]{2,60}?)(?=\s?(?:[,;:()\[\]]|\band\b|\bvs\b|\bversus\b|\bcompared\b|\bthan\b|\bwas\b|\bwere\b|\bhad\b|\bin\s(?!combination\b)|$))
    """,
    regex.VERBOSE | regex.I,
)

# What lies between an arm and its share in brackets right after it: "NO-treated (18%)", "control (20%)".
SHARE_BRACKET_AFTER_ARM = stored.compile(r"(?:[-‑ ]treated)?[ ]?\([ ]?")

# A treatment abbreviated before "-treated": "NO-treated (18%)" (NO, nitric oxide).
SHORT_CAPITALS = stored.compile(r"[A-Z]{2,3}")

# The words ARM_PHRASE and TREATED_ARM cannot match without.
ARM_NOUN = stored.compile(r"\b(?:arms?|groups?)\b", regex.I)
TREATED_WORD = stored.compile(r"treated|receiving|received|taking|randomi[sz]ed|assigned|given", regex.I)

# Words around an arm name that are not the arm: "the", "randomized", "patients in the".
ARM_TRIM = stored.compile(
    r"^(?:the|a|an|both|randomi[sz]ed|patients\s++in\s++the|patients\s++on)\s++|(?<!\s)\s++(?:alone|comparator|control)$",
    regex.I,
)

# "each arm", "both arms", "the two arms": all arms at once.
EACH_ARM = stored.compile(r"\b(?:to\s+each|in\s+each|in\s+both|per)\s+(?:arm|group)\b", regex.I)

# A subgroup or population the sentence names: "in the PD-L1 negative subgroup", "in the UTUC
# subpopulation", "in patients with tumors expressing PD-L1 CPS ≥10", "In Cohort B", "for the
# subgroup of patients with CPS ≥1", "among patients with measurable CNS lesions", "(a look) at patients with IHC 3+ tumors".
POPULATION = stored.compile(
    r"""
      \b(?:in|for|among|of)\s{1,2}(?:the\s{1,2})?(?:subgroups?|subsets?|subpopulations?)\s{1,2}of\s{1,2}
        (?:patients\s{1,2})?(?:with\s{1,2}|whose\s{1,2}|who\s{1,2})?(?P<pop>[^,;()\[\]\n]{3,80}?)(?=\s?(?:[,;()\[\]]|\bwas\b|\bwere\b|\bthe\b|$))
    | ^\s{0,3}(?:the\s{1,2})?(?:subgroups?|subsets?|subpopulations?)\s{1,2}of\s{1,2}(?:patients\s{1,2})?(?:with|whose|who)\s{1,2}  # "The subgroup of patients with prior
        (?P<pop>[^,;()\[\]\n]{3,80}?)(?=\s{1,2}(?:achieved|had|showed|experienced|demonstrated|was|were)\b)  # TNF-blocker use achieved …" (HUMIRA)
    | \b(?:in|for|among)\s{1,2}(?:the\s{1,2})?(?P<pop>[^,;()\[\]\n]{2,60}?)\s{1,2}(?:subgroups?|subsets?|subpopulations?|population|cohort|stratum)\b
    | \b(?:in|for|among|at)\s{1,2}(?:the\s{1,2})?(?:\d[\d,]*\s{1,2})?(?:patients|subjects)\s{1,2}(?P<pop>(?:with|whose|who)\s[^,;()\[\]\n]{3,80}?)(?=\s?(?:[,;()\[\]]|\bthe\b|\bwas\b|\bwere\b|\bhad\b|$))
    | \b(?:in|for|of)\s{1,2}(?P<pop>Cohorts?\s{1,2}[A-Z0-9](?:\s{0,2}(?:and|\+)\s{0,2}[A-Z0-9])?)\b
    | \b(?P<pop>patients\s{1,2}(?:≤|≥|<|>)\s?\d+\s{1,2}years\s{1,2}of\s{1,2}age)
    | \b(?:also\s{1,2}(?:randomi[sz]ed|enrolled)|an\s{1,2}additional)\s{1,2}\d[\d,]*\s{1,2}   # patients besides the trial's own:
        (?P<pop>[A-Za-z][\w/+-]{1,30}(?:\s{1,2}[\w/+-]{1,30}){0,3}?)\s{1,2}(?:patients|subjects)\b  # "also randomized 249 favorable risk patients"
    """,
    regex.VERBOSE | regex.I,
)

# A semicolon between clauses, not one inside brackets: "… versus 18% on placebo; 65% reached …", not
# "(HR 0.53; 95% CI 0.35–0.81; p = 0.0035)".
CLAUSE_SEMICOLON = stored.compile(r";(?![^()\n]{0,300}\))")
# A subgroup of people other than "patients": "In infants with meconium aspiration, …", "Among the
# 125 infants who did not respond to 20 ppm", "Of the 125 infants who did not respond to 20 ppm nitric
# oxide or control, …"; counted only as a part ("in 431 adults who …" is who a trial enrolled).
PEOPLE_SUBGROUP = stored.compile(
    r"""
      \b(?:in|for|among|at)\s{1,2}(?:the\s{1,2}(?:\d[\d,]*\s{1,2})?)?(?:participants|infants|neonates|newborns|children|adolescents|adults|women|men)\s{1,2}
        (?P<pop>(?:with|whose|who)\s[^,;:()\[\]\n]{3,80}?)(?=\s?(?:[,;:()\[\]]|\bthe\b|\bwas\b|\bwere\b|\bhad\b|$))
    | \bof\s{1,2}the\s{1,2}\d[\d,]*\s{1,2}(?:participants|infants|neonates|newborns|children|adolescents|adults|women|men)\s{1,2}
        (?P<pop>(?:with|whose|who)\s[^,;:()\[\]\n]{3,80}?)(?=\s?(?:[,;:()\[\]]|\bthe\b|\bwas\b|\bwere\b|\bhad\b|$))
    """,
    regex.VERBOSE | regex.I,
)
# A sentence about a trial: the people it names are who the trial enrolled ("In adults with ARDS, a
# randomized trial in 385 patients …", "In women with previously untreated metastatic disease (Study 5), …").
TRIAL_WORD = stored.compile(r"\b(?:trials?|stud(?:y|ies))\b", regex.I)

# The whole population, which ends a subgroup's reach: "in all randomized patients", "ITT population".
OVERALL = stored.compile(
    r"\b(?:overall\s+(?:randomi[sz]ed\s+)?population|intent(?:ion)?[- ]to[- ]treat(?:\s+population)?|ITT(?:\s+population)?|all\s+(?:randomi[sz]ed\s+)?patients)\b",
    regex.I,
)

# An N stated as an enrolment: "A total of 405 patients were randomized", "trial in 418 patients",
# "enrolled 174 patients", "a 21,162-patient … trial", "Efficacy was evaluated in 95 patients".
ENROLMENT_BEFORE = stored.compile(
    r"""
    (?:\b(?:a\s+total\s+of|total\s+of|in|enrolled|enrolling|randomi[sz]ed|included|including|evaluated\s+in|investigated\s+in|
        conducted\s+in|among|of|with|involving|on|treated|received)\s{1,2}(?:approximately\s{1,2}|the\s{1,2}|all\s{1,2})?$)
    """,
    regex.VERBOSE | regex.I,
)
# "were randomized", "patients were enrolled", "to Lynparza": what follows a count of patients; "a
# 13,608 patient, multicenter, international, randomized, double-blind, parallel-group study" (EFFIENT).
ENROLMENT_AFTER = stored.compile(
    r"""\s{0,2}(?:[-‑]patient\b
      |patient(?=,?\s{1,2}(?:[\w-]+,?\s{1,2}){0,3}?(?:study|trial|multi-?cent(?:er|re)|randomi[sz]ed|double-blind|open-label)\b)
      |(?:\(\s?\d{1,3}\s?%\s?\)\s{1,2})?(?:[\w-]+\s{1,2}){0,3}?(?:patients|subjects|participants|women|men|adults|children|infants|adolescents|people|individuals)\b
      |(?:were|was)\s{1,2}(?:randomi[sz]ed|enrolled|included|confirmed|evaluable|treated|assigned|allocated)
      |(?:\(\s?\d{1,3}\s?%\s?\)\s{1,2})?to\s{1,2}(?:the\s{1,2})?[A-Za-z]
      |\(\s?\d[\d,]*\s{1,2}(?:in\s{1,2})?(?:the\s{1,2})?[A-Za-z]
      |(?:in\s{1,2}|on\s{1,2})?(?:the\s{1,2})?(?:[^\s\d,;()]+\s{1,2}){1,6}?(?:arm|group)s?\b)""",
    regex.VERBOSE | regex.I,
)

# A count of events: "351 events", "707 deaths", "93 (16.8%) progression events", "38 patients
# with responses", "4 complete responses", "71 (12.8%) … patients died", "24 responders".
EVENTS_AFTER = stored.compile(
    r"""\s{0,2}(?:\(\s?(?P<share>\d{1,3}(?:\.\d+)?)\s?%\s?\)\s{1,2})?
      (?:(?:[\w-]+\s{1,2}){0,2}?(?P<noun>events?|deaths|died|responders|responses|response|progressions?|strokes|heart\s+attacks|bleeds|bleeding\s+events|infarctions|MIs|relapses|recurrences|thromboses|fractures)\b
       |patients\s{1,2}(?:with\s{1,2}(?:an?\s{1,2})?(?:objective\s{1,2}|ongoing\s{1,2}|complete\s{1,2}|partial\s{1,2})?responses?|had\s{1,2}died|died|responding|having\s{1,2}responses?)
       |responding\s{1,2}patients)""",
    regex.VERBOSE | regex.I,
)
# A count under a heading that names what it counts: "Deaths: 61 with atorvastatin versus 82 with
# placebo", "Strokes: 21 vs 39".
EVENTS_HEADED = stored.compile(
    r"\b(?:deaths|events|strokes|heart\s{1,2}attacks|infarctions|bleeds|bleeding\s{1,2}events|relapses|progressions|hospitali[sz]ations)\s{0,2}:\s{0,2}$",
    regex.I,
)
# Events said to have occurred in a count of patients: "Recurrence or death occurred in 155 nivolumab
# patients (45%)", "deaths were reported in 61".
EVENTS_OCCURRED_IN = stored.compile(
    r"\b(?:occurred|happened|were\s{1,2}seen|were\s{1,2}reported)\s{1,2}in\s{1,2}$", regex.I
)
# Shares of patients in whom an event occurred, earlier in the sentence: the bare counts after them
# count the same events, not the arms' patients: "It occurred in 46% of infants given nitric oxide
# versus 64% of controls (p = 0.006): 52 infants compared with 77".
# Only counts after a colon, semicolon or bracket restate the shares; "in 46% of the 114 infants" counts them.
EVENT_SHARES_BEFORE = stored.compile(
    r"\b(?:occurred|happened|(?:was|were)\s{1,2}(?:seen|reported|observed))\s{1,2}in\s{1,2}\d{1,3}(?:\.\d{1,2})?\s{0,2}%",
    regex.I,
)
COUNTS_RESTATE = stored.compile(r"[:;(]\s{0,2}$")
EVENTS_BEFORE = stored.compile(
    r"\b(?:among|of|in|for)\s{1,2}the\s{1,2}$|\bwhen\s{1,2}(?:approximately\s{1,2})?$|\bbased\s{1,2}on\s{1,2}$|\bthere\s{1,2}were\s{1,2}$",
    regex.I,
)

# Statements that state no value but a (non-)significance: "no statistically significant difference".
NOT_SIGNIFICANT = stored.compile(
    r"\bno\s+(?:statistically\s+)?significant\s+differences?|\bnot\s+(?:statistically\s+)?significant", regex.I
)

# A share printed after a count: "93 (16.8%)", "1010 (86%)".
SHARE_AFTER = stored.compile(r"\s{0,2}\(\s?(?P<share>\d{1,3}(?:\.\d+)?)\s?%\s?[);,]")

# A range, not an interval: "(range: 1.6-7.2)", "ranged from 4.2 to 25.1+", "50-60 Gy".
RANGE_HEAD = stored.compile(r"\b(?:range[ds]?|ranging|IQR|interquartile)\b[^()]{0,12}$", regex.I)

# A year or a date: "2019", "May 2016".
YEAR = stored.compile(r"^(?:19|20)\d{2}$")

# "HR (95% CI) of", "HR of", "hazard ratio was", "HR=": a ratio named right before its value.
RATIO_LEAD = stored.compile(
    r"(?:\s{0,2}(?:\(\s?\d{2}(?:\.\d{1,2})?\s?%\s?CI\s?\)|\(HR\)|\(OR\)|\(RR\)))?\s{0,3}(?:of|was|were|is|are|=|:|,|estimate\s+(?:was|of))?\s{0,3}$",
    regex.I,
)

# How a value's word is glued to the next: "4.6 and 1.6 months", "12.6, 10.7 and 9.9 months".
JOINED_TO_NEXT = stored.compile(r"\s{0,2}(?:%\s{0,2})?(?:,\s{0,2})?(?:and|or|vs\.?|versus|to|,)\s{0,2}$", regex.I)

# "… to Lynparza": a count followed only by "to" and an arm, which is a randomization only if the
# sentence says patients were randomized.
TO_ARM_ONLY = stored.compile(r"\s{0,2}to\s", regex.I)

# Any letter, as the word patterns above read letters (case-insensitively): a cheap test before
# them, since a window around a number with no letter in it ("4.6, 1.6 - 2.1") names nothing.
LETTER = stored.compile(r"[a-z]", regex.I)
# Two letters in a row: the least a word cue holds ("HR", "of", "to"); "N = 246N = 123" has none.
LETTER_PAIR = stored.compile(r"[a-z]{2}", regex.I)

# Words that make a count a count of events, a few words after it.
EVENT_WORD = stored.compile(r"\b(?:events?|deaths|died|responders|responses)\b", regex.I)

# How the arms of a list are separated: "the nivolumab and chemotherapy arms", "A, B, or C".
ARM_LIST_SPLIT = stored.compile(
    r"(?<!\s)(?:\s*+,\s*+(?:and\s++|or\s++)?(?:the\s++)?|\s++(?:and|or)\s++(?:the\s++)?)", regex.I
)

# Two arms in one singular phrase: "in the Gleevec and the IFN+Ara-C group".
ARM_AND_THE = stored.compile(r"\s+and\s+the\s+", regex.I)

# A brand name as labels print it: "OPDIVO", "KEYTRUDA" (four capitals or more, not "NSCLC"-like codes
# followed by digits).
CAPITALS_WORD = stored.compile(r"\b[A-Z]{4,}\b(?![\d-])")

# "placebo-controlled" names the design, not an arm.
CONTROLLED_DESIGN = stored.compile(r"[-\s](?:[ \t]?(?:and|or)[ \t]{1,2}[a-z]{2,12}[-\s])?controlled", regex.I)

# What follows a count with its share decides what was counted: "13 (52%) had CCyR", "8 (29%) achieved
# a complete hematologic response", "Twelve patients in the Gleevec arm progressed" are events;
# "1010 (86%) received adjuvant chemotherapy", "77 (79%) had tumors that expressed PD-L1" are patients.
COUNT_VERB_AFTER = stored.compile(
    r"""\s{0,2}(?:patients?\s{1,2})?(?:\(\s?\d{1,3}(?:\.\d+)?\s?%\s?\)\s{1,2})?(?:patients?\s{1,2}|of\s{1,2}(?:them|whom)\s{1,2})?
        (?:(?:in|on)\s{1,2}the\s{1,2}[^,;()]{1,40}?\s{1,2}(?:arm|group)\s{1,2})?(?:had\s{1,2}|were\s{1,2}|was\s{1,2}|who\s{1,2})?(?:later\s{1,2}|also\s{1,2}|then\s{1,2})?
        (?:(?P<events>achieved|responded|progressed|died|relapsed|recurred|occurred|experienced|completely|having\s{1,2}responses?
              |(?:a\s{1,2})?(?:complete|partial|major|minimal|minor|objective|hematologic|cytogenetic)\s{1,2}(?:\w+\s{1,2})?respon)
         |(?P<patients>received|took|got|expressed|tumors|tested|enrolled|randomi[sz]ed|treated|included|confirmed|identified|not\b|with\b|(?<=had\s{1,2})))""",
    regex.VERBOSE | regex.I,
)

# "n =" right before an arm's N: "(n = 335)", "(N=337)".
N_EQUALS_BEFORE = stored.compile(r"\b[Nn]\s{0,2}=\s{0,2}$")

# A breakdown of a count by arm, in brackets after it: "37 deaths occurred (20 in the nivolumab arm,
# 17 in the placebo arm)", "245 (162 Lynparza arm and 83 in enzalutamide … arm)".
BREAKDOWN_OPEN = stored.compile(r"\(\s?$")

# Parenthesized asides, removed before looking for what lies between a cue and its value.
BRACKETED = stored.compile(r"\([^()]{0,80}\)|\[[^\[\]]{0,80}\]")

# "each arm", "the treatment arm", "the two arms", "both arms": not the name of an arm.
GENERIC_ARM = stored.compile(
    r"(?:each|both|either|all|the|same|other|treatment|study|randomi[sz]ed|active|respective|(?:two|three|four|five|six|\d)(?:\s+treatment)?)",
    regex.I,
)

# Words that say a sentence is about randomization: a count in it is the trial's total, not an arm's.
RANDOMIZATION_WORD = stored.compile(r"(?<!non-)(?<!non)\brandomi[sz](?:ed|ation)\b", regex.I)

# A value that opens a bracket: "(n=396", "(1.9", "(294 events: 5.3".
BRACKET_OPENING = stored.compile(r"\(\s{0,2}(?:[Nn]\s{0,2}=\s{0,2}|\d[\d,]*\s{1,2}events?\s{0,2}:\s{0,2})?$")

# A bracket holding an arm's count or result: "(n = 1693)", "(1.9%)".
VALUE_BRACKET = stored.compile(r"\(\s{0,2}(?:[Nn]\s{0,2}=\s{0,2})?\d[\d,.]*\s{0,2}%?\s{0,2}\)")

# Where the words naming an arm begin, before its bracket: after "either", "or", ",", ";", ":",
# "to receive", "comparing", "versus".
ARM_SEGMENT_START = stored.compile(
    r"\beither\b|\bor\b|,|;|:|\bto\s+receive\b|\bcomparing\b|\bversus\b|\bvs\.?|\breceived\b|\brandomi[sz]ed\b|\bto\b",
    regex.I,
)

# What always joins two drugs into one arm ("and" may join two arms): "osimertinib plus chemotherapy",
# "trifluridine/tipiracil" (a slash between two drugs' names, spaces or none).
COMBINED_WITH = stored.compile(
    r"\s{1,2}(?:plus|\+|in\s+combination\s+with|combined\s+with|together\s+with)\s{1,2}|\s?/\s?", regex.I
)

# The start of a bracket describing the arm just named, up to a drug in it: "chemotherapy (pemetrexed and a ".
ASIDE_AFTER_ARM = stored.compile(r"\s{0,2}\((?:[^()\d]{0,60}\s)?", regex.I)

# What joins the drugs of one combination arm: "OPDIVO in combination with ipilimumab", "nivolumab and YERVOY".
COMBINATION_JOIN = stored.compile(r"\s{1,2}(?:in\s+combination\s+with|with|plus|and|\+|/)\s{1,2}", regex.I)

# A trial with one arm: "a single-arm trial", "open-label, single arm", "non-randomized".
SINGLE_ARM = stored.compile(
    r"\bsingle[- ]arm\b|\bnon-?randomi[sz]ed\b|\bsingle[- ]agent,?\s+(?:open-label\s+)?(?:clinical\s+)?(?:trial|study)\b",
    regex.I,
)
# Words each match of SINGLE_ARM holds (case folded): a sentence holding none is not searched.
SINGLE_ARM_WORDS = ("single", "randomi")

# A sentence describing a trial's design: "was a randomized, double-blind trial".
TRIAL_DESIGN = stored.compile(r"\b(?:trial|study)\b", regex.I)

# Words that say a trial compares arms: "randomized", "placebo-controlled", "versus", "compared with".
COMPARATIVE = stored.compile(
    r"(?<!non-)(?<!non)\brandomi[sz](?:ed|ation)\b|\b(?:placebo|active)[- ]controlled\b|\bversus\b|\bcompared\s+(?:with|to)\b|\bcomparing\b",
    regex.I,
)
# Words each match of COMPARATIVE holds (case folded): a sentence holding none is not searched.
COMPARATIVE_WORDS = ("randomi", "controlled", "versus", "compar")

# A dose or schedule in an arm's description: "320 mg/m 2", "3 mg/kg by intravenous infusion every 2 weeks".
DOSE_OR_SCHEDULE = stored.compile(
    r"(?<!\d)\d++(?:\.\d++)?\s?(?:mg|mcg|g)(?:\s?/\s?(?:kg|m\s?2|m²|day))?|\b(?:orally|intravenously|by\s+intravenous\s+infusion|once|twice|daily|weekly|every\s+\d+\s+(?:weeks?|days?)|for\s+\d+\s+(?:weeks?|days?|cycles?))\b",
    regex.I,
)

# A share followed by the word that it responded: "55.4% responded to abemaciclib", "19.7% of them
# responded" — an objective response rate; not "All of these patients responded hematologically (13
# completely)", where "responded" is no share's and names another response.
_RESPONDED = r"\s{0,2}%\s{0,2}(?:of\s{1,2}(?:them|patients|women|men)\s{1,2})?(?P<word>responded)\b(?!\s{1,2}\w+ally\b)"
RESPONDED_AFTER = stored.compile(_RESPONDED, regex.I)
# Whether a sentence says "responded" at all (SHARE_RESPONDED is searched only then).
RESPONDED_WORD = stored.compile(r"\bresponded\b", regex.I)
# The same word where a sentence says it, so the share paired with it takes it too ("… and 40.2% to placebo").
SHARE_RESPONDED = stored.compile(rf"\d{_RESPONDED}", regex.I)

# An endpoint named right after a value: "a 2% complete response rate", "12% partial response".
ENDPOINT_RIGHT_AFTER = stored.compile(r"\s{0,2}(?:%\s{0,2})?(?:of\s+patients\s+)?$", regex.I)

# A share of patients who died: "21% of patients had died", "5% deaths", "33% of deaths", "71 (12.8%)
# and 85 (15.4%) patients died".
DEATHS_AFTER = stored.compile(
    r"""
    \s{0,2}%?\s{0,2}\)?\s{0,2}
    (?:\(\s{0,2}\d[\d.]*\s{0,2}%\s{0,2}\)\s{0,2})?                                    # its share: "71 (12.8%)"
    (?:and\s{1,2}\d[\d,.]*\s{0,2}%?\s{0,2}(?:\(\s{0,2}\d[\d.]*\s{0,2}%\s{0,2}\)\s{0,2})?)?  # "and 85 (15.4%)"
    (?:of\s{1,2}(?:the\s{1,2})?)?(?:patients\b[^,;.()]{0,80}?\s)?
    (?:deaths|had\s{1,2}died|died)\b
    """,
    regex.VERBOSE | regex.I,
)

# A value compared with another right next to it: "18.1% vs. 4.0%", "vs. 4.0%".
PAIR_AFTER = stored.compile(r"\s{0,2}%?\s{0,2}(?:vs\.?|versus|compared\s+(?:with|to))\s{1,2}[<≤>≥]?\d", regex.I)
PAIR_BEFORE = stored.compile(r"\d\s{0,2}%?\s{0,2}(?:vs\.?|versus|compared\s+(?:with|to))\s{1,2}$", regex.I)

# Words that are never an arm's name, whatever a randomization sentence seemed to say.
FUNCTION_WORDS = stored.compile(
    r"(?:in|on|of|to|the|a|an|and|or|with|for|by|at|as|either|receive|received|one|two|each|both|patients|arm|arms|group)",
    regex.I,
)

# "X of Y patients", "30 of 97 INOMAX-treated infants": a count of events among a group, then the group's size.
OF_GROUP = stored.compile(
    r"\s{0,2}(?:\(\s?\d{1,3}(?:\.\d+)?\s?%\s?\)\s{1,2})?(?:of|out\s+of)\s{1,2}(?:the\s{1,2})?(?P<total>\d[\d,]*)\s{1,2}(?:[\w-]+\s{1,2}){0,2}?(?:patients|subjects|children|participants|adults|women|men|infants|neonates|newborns|adolescents|people|individuals)\b",
    regex.I,
)
GROUP_OF_BEFORE = stored.compile(r"\d\s{1,2}(?:of|out\s{1,2}of)\s{1,2}(?:the\s{1,2})?$", regex.I)
GROUP_OF_REACH = 17  # characters: the longest match of GROUP_OF_BEFORE, "3  out  of  the  "

# A difference stated as a count: "70 fewer CV events", "12 additional life-threatening bleeds", "29 more … events".
COUNT_DIFFERENCE_AFTER = stored.compile(
    r"\s{1,2}(?P<way>fewer|more|additional|excess)\s{1,2}(?:[\w-]+\s{1,2}){0,3}?(?:events?|bleeds?|deaths|cases|strokes)\b",
    regex.I,
)

# A segment that names no arm: "Cohort A", "with 5 patients", "and the".
NOT_AN_ARM_NAME = stored.compile(r"(?:and|or|with|in|of|for|the|a|an)\b|cohort|part|study|trial|phase|\d", regex.I)

# What ties a value to the arm named after it: "… in the", "… to", "… for", "-treated", "… who took",
# "286 got venetoclax",
# a share of the arm's patients ("41% of lenvatinib patients"), or nothing at all.
ARM_LINK_GAP = stored.compile(
    r"""
    \b(?:in|to|on|for|among|with|receiving|received|receive|given|taking|took|got|treated\s+with
       |randomi[sz]ed\s+to|assigned\s+to)\s{1,2}(?:the\s{1,2}|each\s{1,2}|a\s{1,2})?$
    | ^\s{0,2}%\s{1,2}of\s{1,2}(?:the\s{1,2})?$                    # "41% of lenvatinib patients"
    """,
    regex.I | regex.VERBOSE,
)

# Between a value and the same statistic at a later time: "59% at 12 months and 72% (at 24 months)".
LATER_TIME_THEN = stored.compile(
    r"\s{0,2}%?\s{1,2}(?:at|by|after)\s{1,2}\d+\s{1,2}(?:months?|weeks?|years?)\s{1,2}(?:and|,)\s{1,2}", regex.I
)

# The last word of an outcome's name, which is never an arm's: "hematologic response", "deaths".
OUTCOME_WORD = stored.compile(
    r"\b(?:responses?|survival|remissions?|progression|relapses?|rates?|events?|deaths?)$", regex.I
)

# An arm named by its dose: "600-mg dose", "400 mg", "the 12-month".
DOSE_GROUP = stored.compile(r"\d+(?:\.\d+)?[-‑\s]?(?:mg|mcg|g)(?:/(?:kg|m2|day))?(?:\s(?:daily\s)?dose)?", regex.I)

# Words of a clause, which an arm's name never contains: "all of whom responded".
NOT_AN_ARM_WORD = stored.compile(
    r"\w+ed|was|were|had|has|have|whom|who|which|that|all|of|is|are|doses?|lower|higher", regex.I
)

# A population phrase that names no subgroup: "intention-to-treat", "overall", "same", "randomized".
OVERALL_OR_VAGUE = stored.compile(
    r"(?:intent(?:ion)?[- ]to[- ]treat|itt|overall|same|entire|whole|total|randomi[sz]ed|study|trial|all|efficacy|safety|evaluable)(?:\s+(?:population|patients))?",
    regex.I,
)

# A count set against the count before it, right before the value: "73 patients (47%) … had progressed or
# died, against 116 (77%) with chemotherapy" (searched up to the value, so "$" is the value's start).
COUNT_SET_AGAINST = stored.compile(r"(?:\bagainst|\bversus|\bvs\.?|\bcompared\s(?:with|to)|\band)\s{1,2}$", regex.I)

# A sentence that says what is counted is an event: "there were 93 (16.8%) progression events: 37 (6.7%)
# progression to AP/BC, 31 (5.6%) loss of MCyR".
EVENTFUL = stored.compile(
    r"\b(?:events?|progress\w*|loss\s+of|relaps\w*|recurren\w*|deaths?|died|involvement|responded|response)\b", regex.I
)

# A sentence describing a trial's design: "was a multicenter, open-label phase 2 study".
DESIGN_SENTENCE = stored.compile(r"\b(?:was|is)\s+an?\s+(?:[^.;]{0,100}?\s)?(?:trial|study)\b", regex.I)
# Words each match of DESIGN_SENTENCE holds (case folded): a sentence holding none is not searched.
DESIGN_SENTENCE_WORDS = ("trial", "study")

# Two values of a pair and two arms named in the same order right after them, "respectively" left
# unsaid: "25.5 vs 16.7 months with osimertinib plus chemotherapy vs osimertinib alone".
# Between the two values: a unit, a bracket (a CI), then "vs", "versus", "and", "compared with".
PAIR_VALUES_JOIN = stored.compile(
    r"\s{0,2}(?:%|months?|mos?\.?|weeks?|years?|days?)?\s{0,2}(?:\([^()]{0,60}\)\s{0,2})?,?\s{0,2}(?:vs\.?|versus|and|compared\s(?:with|to))\s{1,2}",
    regex.I,
)
# Between the second value and the first arm: a unit, a bracket, then what ties a value to an arm
# ("… months with", "… % of patients on", "… months in the").
PAIR_ARMS_LINK = stored.compile(
    r"\s{0,2}(?:%|months?|mos?\.?|weeks?|years?|days?)?\s{0,2}(?:\([^()]{0,60}\)\s{0,2})?,?\s{0,2}(?:(?:of|in)\s{1,2}(?:the\s{1,2})?(?:patients|people|women|men)\s{1,2})?(?:with|for|in|on|among|receiving|given|treated\s{1,2}with)\s{1,2}(?:the\s{1,2})?",
    regex.I,
)
# Between the two arms of such a pair: "vs", "versus", "and", "or", "compared with", "than".
PAIR_ARMS_JOIN = stored.compile(
    r"\s{0,2},?\s{0,2}(?:vs\.?|versus|and|or|compared\s(?:with|to)|than)\s{1,2}(?:with\s{1,2}|for\s{1,2}|in\s{1,2}|on\s{1,2})?(?:the\s{1,2})?",
    regex.I,
)

# A comma before the next arm of a list: "sunitinib, sorafenib or everolimus".
ARM_LIST_COMMA = stored.compile(r"\s{0,2},\s{0,2}")

# What stops a value's clause before an endpoint named after it: "…; it was 5.6 months with placebo,
# and overall survival was 20.1 months" (overall survival is the next value's).
CLAUSE_STOP = stored.compile(r"[,;:()]")

# Two values joined as a pair, by "vs" or by "and": "15.6 months (…) and 10.9 months (…)".
PAIR_AND = stored.compile(r"\b(?:vs\.?|versus|compared\s(?:with|to)|than|and)(?!\w)", regex.I)

# The share after "X of Y children": "128 of 335 children (38.2%, …)" — the share is X's.
OF_GROUP_SHARE = stored.compile(
    r"\s{1,2}(?:of|out\s+of)\s{1,2}(?:the\s{1,2})?\d[\d,]*\s{1,2}(?:[\w-]+\s{1,2}){0,2}?\(\s?$", regex.I
)

# A count of patients who responded: "the 28 responding patients", "24 responders".
RESPONDERS = stored.compile(
    r"\s{0,2}(?:responding\s+patients|responders|patients\s+with\s+(?:an?\s+)?(?:objective\s+)?responses?)\b", regex.I
)

# A dose, which may name an arm: "600 mg", "260 mg/m 2 /day", "10 mg/kg".
DOSE = stored.compile(r"(?<!\d)\d++(?:\.\d++)?\s?(?:mg|mcg|g)(?:\s?/\s?(?:kg|m\s?2|m²))?(?:\s?/\s?day)?", regex.I)

# What lies between two cells of a flattened table: spaces, a percent sign, a closing bracket, a
# footnote mark — not an opening bracket: "71 (12.8%)" is one cell, a count and its share.
CELL_GAP = stored.compile(r"[\s%*†‡§¶)]*(?:\b[a-h]\b[\s,]*)?[\s%*†‡§¶)]*")

# A table rendered with its cell boundaries (ingest.grids): "| n (%) | 205 (82.7) |".
RENDERED_CELL = stored.compile(r"\s\|\s")

# Where prose resumes after a flattened table it ran into: a capitalized word opening a clause of
# words ("Complete resolution of thrombus … occurred in 128 of 335 children", "In an exploratory
# analysis …"), after a cell; the clause must have a verb before its numbers (`PROSE_VERB`).
PROSE_RESTART = stored.compile(
    r"(?<=[\d)\]%*+a-h]\s{1,3})[A-Z][\w'’-]*(?:\s{1,2}(?:[A-Za-z][\w'’-]*|\d[\d.,]*%?(?=\s{1,2}[a-z]))){3}"
)  # "With an additional 4.6 months of follow-up, …", "There were 50% fewer stent thromboses …"; a
# number among the words is followed by a word, as in a sentence ("Brain cancer 27 Includes" is a row)
PROSE_VERB = stored.compile(
    r"\b(?:was|were|is|are|had|has|have|occurred|showed|demonstrated|achieved|received|observed|reported|included|enrolled|randomi[sz]ed|experienced)\b",
    regex.I,
)

# What may stand between a value and an interval printed without its level: a unit, a footnote mark.
BARE_CI_GAP = stored.compile(r"\s{0,2}(?:%|months?|mos?\.?|weeks?|years?|days?|mg/dL)?\s{0,2}[*†‡a-h]?\s{0,2}", regex.I)

# "5 patients (1.5%)": a count of patients with its share of the arm.
PATIENTS_SHARE_AFTER = stored.compile(r"\s{1,2}(?:patients?|subjects)\s{1,2}\(\s?\d{1,3}(?:\.\d+)?\s?%\s?\)", regex.I)

# "a total of 4063", "in total, 3222": the count that follows is a total.
TOTAL_BEFORE = stored.compile(r"\b(?:a\s+)?total\s+of\s{1,2}$|\bin\s+total,?\s{1,2}$", regex.I)


# A new clause opened by another number before a population named after a value: "Of 5637 patients
# randomized, 5120 (91%) were randomized in cohort 1" — the cohort is 5120's, not 5637's.
# The number must open a clause of its own, with its verb ("6.4 months longer in the HR+ cohort" does not).
NEW_CLAUSE_NUMBER = stored.compile(
    r"[,;]\s{0,2}\d[\d,]{0,8}\s{0,2}(?:\(\s{0,2}\d[\d.]{0,5}\s{0,2}%\s{0,2}\)\s{0,2})?(?:(?:patients|women|men)\s{1,2})?(?:were|was|had|received|died)\b"
)

# What opens a clause of its own before a population named after a value: "… 34.3 months (HR 0.70);
# in patients with intermediate-risk disease …", "in Cohort A there were 245 (…) and in Cohort B there
# were 142". The population is the next clause's values', not the value before it.
CLAUSE_OPENS_BEFORE = stored.compile(r"(?:;|\b(?:and|but|while|whereas))\s{1,2}$", regex.I)

# Words that make a population phrase a caption's or the whole population's: "STS by Independent
# Assessment for the Overall Population".
NOT_A_SUBGROUP = stored.compile(
    r"\b(?:overall|intent(?:ion)?[- ]to[- ]treat|itt|assessment|review|all\s+randomi[sz]ed)\b", regex.I
)

# "of whom", "of them": the count is a subset of a group already counted.
SUBSET_AFTER = stored.compile(
    r"\s{1,2}(?:\(\s?\d{1,3}(?:\.\d+)?\s?%\s?\)\s{1,2})?of\s{1,2}(?:whom|them|these)\b", regex.I
)

# What a rate counts, named in its sentence: an event, a response, survival, a share of patients with
# an outcome ("Tumours shrank in 40.6%", "Heart attacks happened in 4.6%"). A percentage in a sentence naming none of these describes the
# patients (baseline).
RATE_SUBJECT = stored.compile(
    r"\b(?:events?|respon\w*|surviv\w*|alive|died|deaths?|progress\w*|recurren\w*|relaps\w*|remission|rate|proportion|probability|free\s+of|incidence|reduction|reduced|risk|achieved|bleed\w*|strokes?|infarctions?|heart\s+attacks?|mortality|embolism|ha?emorrhag\w*|thrombos\w*|surgery|resection|pCR|MPR|control|shr[aiu]nk\w*)\b",
    regex.I,
)

# What a subgroup counted with its share had in common: "95 (66%) patients received at least one
# systemic anticancer treatment after progression", "77 (79%) had tumors that expressed PD-L1".
SUBSET_DESCRIBED = stored.compile(
    r"\s{0,2}(?:patients?\s{1,2})?\(\s?\d{1,3}(?:\.\d+)?\s?%\s?\)\s{1,2}(?:patients?\s{1,2})?(?P<what>(?:had|received|were|was|expressed)\s[^,;()\[\]]{3,120}?)(?=\s?(?:[,;()\[\]]|\bcompared\b|\band\b|\bvs\b|$))",
    regex.I,
)

# Words right before a drug's name that make it a treatment patients had before, not an arm:
# "Prior Interferon-Alpha Treatment", "previously treated with", "resistant to", "relapsed after".
PRIOR_TREATMENT_BEFORE = stored.compile(
    r"\b(?:prior|previous(?:ly)?(?:\s{1,2}treated\s{1,2}with)?|resistant\s{1,2}to|refractory\s{1,2}to|intolerant\s{1,2}(?:of|to)|failure\s{1,2}of|progressed\s{1,2}on|(?:relapsed|recurred|progressed|failed)\s{1,2}(?:after|following|despite))\s{1,2}(?:[\w-]+\s{1,2}){0,2}$",
    regex.I,
)

# Where a new statement starts after a value: ", and the CR rate in the PBO+LDAC arm was 7.4%".
NEW_STATEMENT = stored.compile(r"[,;]\s{0,2}(?:and|while|whereas|but)?\s{0,2}(?:the\s{1,2})?(?=[\w-]+)", regex.I)

# After the first arm of a randomization, another follows: "randomized to Gleevec or IFN+Ara-C".
ARM_ALTERNATIVE_AFTER = stored.compile(
    r"\s{0,2}(?:\([^()]{0,40}\)\s{0,2})?,?\s{0,2}(?:or|versus|vs\.?)\s{1,2}(?!\d)", regex.I
)

# One arm or another: "… chemotherapy or platinum-doublet chemotherapy".
OR_SPLIT = stored.compile(r",?\s{1,2}or\s{1,2}(?:the\s{1,2})?", regex.I)

# Words before a drug that name a treatment patients had before or failed, not the arm they are in
# ("who had stopped responding to infliximab", "an inadequate response to MTX").
NOT_AN_ARM_LINK = stored.compile(
    r"\b(?:resistant|refractory|intolerant|relapsed|prior|previous|previously|after|following|progressed\s+on|responding\s+to|response\s+to|failed)\b[^,;]{0,30}$",
    regex.I,
)

# A percentage that is a mean or median change, not a share: "mean percent change", "median % reduction".
CHANGE_WORD = stored.compile(r"\b(?:change|changes|reduction|reductions|decrease|increase|lowering)\b", regex.I)

# Between a duration and the value compared with it, which leaves its unit out: " months on pazopanib vs ".
COMPARED_GAP = stored.compile(r"[^;.\d]{0,60}?\b(?:vs\.?|versus|compared\s+(?:with|to))\s{1,2}", regex.I)

# Two arms joined as the two sides of a randomization: "pazopanib or placebo", "to A and to B".
ARMS_JOINED = stored.compile(
    r"\s{0,2}(?:\(\s?[Nn]\s?=\s?\d[\d,]*\s?\)\s{0,2})?,?\s{0,2}(?:or|and|versus|vs\.?)\s{1,2}(?:to\s{1,2})?(?:the\s{1,2})?",
    regex.I,
)


# --- what makes an endpoint another quantity ------------------------------------------------------

# "CNS PFS", "intracranial ORR", "central nervous system objective response rate": searched in the
# words right before the endpoint's name.
CNS_BEFORE = stored.compile(
    r"\b(?:CNS|intracranial|central\s{1,2}nervous\s{1,2}system)\s{1,2}(?:[\w-]+\s{1,2})?$", regex.I
)
CNS_NAMED = stored.compile(r"(?:CNS|intracranial)\b", regex.I)

# "confirmed ORR", "confirmed objective response rate" (not "confirmed and unconfirmed").
CONFIRMED_BEFORE = stored.compile(r"(?<![\w-])confirmed\s{1,2}(?:objective\s{1,2}|overall\s{1,2})?$", regex.I)

# A rate's landmark: "the 5-year OS rate", "12-month PFS" (before the endpoint's name) ...
LANDMARK_ADJECTIVE = stored.compile(
    r"\b(?P<count>\d{1,3})[-‑\s](?P<unit>years?|months?)\s{1,2}(?:[\w-]+\s{1,2})?$", regex.I
)
# ... "PFS at 84 months", "OS rate at 2 years", "59% at 12 months" (after the name or the value).
LANDMARK_AT = stored.compile(
    r"\s{0,2}%?\s{0,2}(?:rates?\s{1,2})?(?:at|by)\s{1,2}(?P<count>\d{1,3})\s{1,2}(?P<unit>years?|months?)\b", regex.I
)
# A number in words given as a percentage: "Eighty-three percent", "twelve per cent".
PERCENT_WORD_AFTER = stored.compile(r"\s(?:percent|per\s++cent)\b", regex.I)

# A run of digits: cheap to count before reading a sentence token by token.
DIGIT_RUN = stored.compile(r"\d++")

timed.wrap(globals())  # every pattern above is held to the reading budget
