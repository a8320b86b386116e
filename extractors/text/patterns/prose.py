"""Patterns for results stated in label prose: sentences, ratios, durations, counts, trial names.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed
from extractors.text.patterns.pieces import COUNT, DASH, FLAGS, NUM, TRIAL_LOWER, TRIAL_NUMBER, TRIAL_WORD

# "The efficacy of pazopanib was evaluated in VEG110727" — names the label's drug and trial.
EFFICACY_OF_DRUG = stored.compile(
    r"""efficacy\s+(?:and\s+safety\s+)?of\s+(?P<drug>[A-Za-z][A-Za-z-]{3,})\s+(?:was|were|is)\s+(?:evaluated|established|assessed|demonstrated)""",
    FLAGS,
)


# A trial identifier: "VEG110727", "FLAURA", "AURA3", "CheckMate 017", "KEYNOTE-189", in the three
# ways a label introduces one. A scan looks for each way on its own (`TRIAL_NAME_WAYS`, used by
# `names.trial_introductions`): each has words the regex engine can skip ahead to, the three joined
# have not, and scanning for the joined pattern ran at 4.6 MB/s.
TRIAL_NAME_WAYS = tuple(
    stored.compile(way, regex.VERBOSE)
    for way in (
        r"""\b(?:evaluated|studied|assessed|demonstrated|established)\s+in\s+   # "evaluated in VEG110727"
        (?:the\s+)?(?P<name>[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9-]*(?:\s\d{2,4})?)
        """,
        rf"""\bin\s+(?P<caption_name>{TRIAL_WORD}{TRIAL_NUMBER})\b                         # "… in VEG110727", "in PROpel"
        """,
        rf"""(?P<registered>\b(?!NCT\d)[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9-]*|{TRIAL_LOWER})(?:\s[A-Z]{{2,8}}-\d{{1,3}})?(?:\s+(?:trial|study))?(?:\)?\s*[\[(]|[;,])\s*NCT\d{{8}}
                                                                    # "(ADAURA [NCT02511106])", "the LAURA trial [NCT03521154]",
                                                                    # "The THALES study (NCT03354429)", "The PEGASUS TIMI-54 study (NCT01225562)",
                                                                    # "(OAK; NCT02008227)", "(FOURIER, NCT01764633)"
        """,
        r"""\b(?:(?:Trial|Study)\s\(|(?:trial|study)\s\((?=(?!NCT\d)[A-Z0-9-]{0,12}\d))(?P<defined>[A-Z][A-Z0-9-]{1,11}[A-Z0-9])\)
                       # "the Anglo-Scandinavian Cardiac Outcomes Trial (ASCOT)", "Treating to New Targets Study (TNT)";
                       # after a lower-case "trial" a name with a digit: "a randomized, double-blind, multinational
                       # trial (P025) compared Femara …", not "the study (ITT)"
        """,
        rf"""\bthe\s(?=[A-Za-z-]{{0,30}}\d|[A-Z]{{5}})(?P<the_name>{TRIAL_WORD}{TRIAL_NUMBER})\s(?:clinical\s)?(?:[Ss]tud(?:y|ies)|[Tt]rials?)\b
                       # "In the ADVANCE-3 study, 5407 patients …", "in the MAGELLAN Study"; a name with a digit
                       # or five capitals, not a procedure or a disease ("the CABG study")
        """,
    )
)
TRIAL_NAME = stored.compile("|".join(way.pattern for way in TRIAL_NAME_WAYS), regex.VERBOSE)


# A caption names its trial after "in" or a dash: "Efficacy Results – SOLO-1", "Results in FLAURA".
# The name may end in the condition a trial of that family was run in: "Results in ROCKET AF Study", or be
# a study number: "Efficacy Results in Endometrial Carcinoma in Study 309".
CAPTION_TRIAL = stored.compile(
    rf"""(?:\bin|\s[–—-])\s+(?P<name>{TRIAL_WORD}(?:\s(?:AF|DVT|PE|ACS|CAD|PAD|VTE)\b|{TRIAL_NUMBER})|Study\s\d{{1,4}}(?![\d.]))\b
        (?![ \t]{{1,2}}(?:group|arm)\b)   # "n=171 in OPDIVO group", a note's: an arm, not a trial
    | \bin\s+the\s+(?P<name>{TRIAL_WORD})\s+(?:[Ss]tudy|[Tt]rial)\b     # "… at Day 10 (per protocol) in the MAGELLAN Study"
    """,
    regex.VERBOSE,
)

# A caption may name it after "for" or "from": "Efficacy Results for the PACIFIC Study", "Efficacy
# Results from RECOURSE" — as may a brand ("Dosage Modifications for TAGRISSO"), so the name must be
# one the label introduces as a trial elsewhere; so must a short name after "in" ("… Results in TNT").
CAPTION_FOR_TRIAL = stored.compile(
    rf"\b(?:for|from)\s+(?:the\s+)?(?:(?:Study|Trial)\s)?(?P<name>{TRIAL_WORD})\b"  # "from Study ML39345"
    r"|\bin\s+(?:the\s+)?(?P<name>[A-Z][A-Z0-9]{1,2})\b"  # a short name the label defines: "Efficacy Results in TNT"
)

# A numbered study and the name it is known by, printed together: "Study 1 (PALOMA-2) was …", "Study 1
# (FOURIER, NCT01764633)", "PALOMA-3 (Study 2)". A name has a digit or five capitals ("(RCC)" is a disease);
# an NCT id is no name: "Study 309 (NCT03517449)" (LENVIMA) is called Study 309.
STUDY_NAMED = stored.compile(
    r"""\b(?P<number>Study\s\d{1,3})\s\((?P<name>(?!NCT\d)(?=[A-Z0-9-]{0,30}\d|[A-Z]{5})[A-Z][A-Z0-9-]{2,30})[,;)]
      | \b(?P<name2>(?!NCT\d)(?=[A-Z0-9-]{0,30}\d|[A-Z]{5})[A-Z][A-Z0-9-]{2,30})\s\((?P<number2>Study\s\d{1,3})\)""",
    regex.VERBOSE,
)

# A caption may name it in parentheses at its end: "Table 7 - Patients with outcome events (PLATO)",
# "Table 1 - Non-CABG related bleeds (PLATO)" — as it may an analysis set ("(ITT)"), so the name
# must be one the label introduces as a trial elsewhere.
CAPTION_PAREN_TRIAL = stored.compile(rf"\((?P<name>{TRIAL_WORD})\)")

# "NCT00753688"
NCT_ID = stored.compile(r"\bNCT\d{8}\b")

# A numbered section's heading on a line of its own: "14.7 Plaque Psoriasis", "14.5 Crohn's Disease"
# (HUMIRA: each indication's studies in their own section), its words capitalised but for short
# joining ones ("First-Line Treatment of Advanced Breast Cancer"), a list's commas and a parenthesis
# ("14.4 Dysbetalipoproteinemia (Fredrickson Type III)", LIPITOR: IDEAL's name had run on into it; "14.2
# Ineffective in Adult Respiratory Distress Syndrome (ARDS)", INOMAX: the abbreviation it defines);
# never a number and a sentence ("12.5 Months was the median follow-up").
SECTION_HEADING = stored.compile(
    r"^[ \t]{0,3}\d{1,2}\.\d{1,2}[ \t]{1,3}[A-Z][\w’'-]{0,30},?"  # "14.4 Dysbetalipoproteinemia"
    r"(?:[ \t](?:[A-Z][\w’'-]{0,30},?|\([^()\n]{1,60}\),?|of|to|and|the|in|with|for|or|on|a|an)){0,16}"  # its words
    r"[ \t]{0,2}$"
)

# "randomized (2:1)", "randomized 2:1", "in a 1:1 ratio"
RANDOMIZATION_RATIO = stored.compile(
    r"""random\w*\s*\(?\s*(?P<a>\d{1,2})\s*:\s*(?P<b>\d{1,2})\s*\)?
      | \b(?P<a2>\d{1,2})\s*:\s*(?P<b2>\d{1,2})\s+(?:ratio|randomi)""",
    FLAGS,
)

# "randomized (2:1) to receive pazopanib 800 mg once daily or placebo" — names the arms.
RANDOMIZED_TO = stored.compile(
    r"""randomi[sz]ed\s*(?:\(\s*\d+\s*:\s*\d+\s*\)\s*|\d+\s*:\s*\d+\s+)?to\s+(?:receive\s+)?(?:either\s+)?
        (?P<first>[A-Za-z][\w-]*)(?P<between>[^.;]{0,80}?)\s+or\s+(?:to\s+)?(?:receive\s+)?(?P<second>[A-Za-z][\w-]*)""",
    FLAGS,
)

# Footnote text that states a p-value: "P value < 0. 001", "p=0.0002", "Two-sided p-value 0.0462"
P_VALUE = stored.compile(
    rf"""\bp\s*-?\s*(?:value)?\s*(?P<cmp>[<≤=]|<\s*=)?\s*(?P<value>0?\.\s?\d+|0\.\s\d+|1\.0+|{NUM})""",
    FLAGS,
)

# Footnote text that states response counts: "There were 11 partial responses and 0 complete responses."
RESPONSE_COUNT = stored.compile(
    r"""(?P<count>\d+)\s+(?P<kind>partial|complete)\s+respons\w*""",
    FLAGS,
)


# Who assessed the endpoint: "according to Investigator Assessment", "by BICR", "by Independent
# Assessment", "assessed by independent radiological review", "Blinded Independent Central Review".
ASSESSMENT = stored.compile(
    r"""\b(?P<bicr>BICR|blinded\s+independent\s+(?:central\s+)?review|independent\s+(?:radiolog\w*\s+)?(?:review|assessment))
      | \b(?P<investigator>investigator(?:'s)?[\s-]{1,2}assess\w*|according\s+to\s+(?:the\s+)?investigator|(?:by|per)\s+investigator)""",
    regex.VERBOSE | regex.IGNORECASE,
)

# --- prose ----------------------------------------------------------------------------------

# A sentence of label prose: up to a period followed by a space and a capital, or a line end.
SENTENCE = stored.compile(r"[^\n]+?(?:\.(?=\s+[A-Z(\[])|\.?$|\n)", regex.MULTILINE)

# A printed number read whole (possessive: a run of digits is never given back to be retried).
_NUM = r"\d++(?:\.\s?\d++)?"

# "HR = 0.87 (95% CI: 0.67, 1.12)", "hazard ratio (HR)=0.62 (95% CI: 0.51, 0.75), p < 0.0001",
# "HR 0.78, 95% CI (0.69, 0.89), p=0.0002", "HR=0.45; 95% CI: 0.36, 0.57", "HR: 1.68, 95% CI: 1.09, 2.59"
PROSE_RATIO = stored.compile(
    rf"""
    (?P<name>\bHR\b|hazard\s++ratio(?:\s*+\(HR\))?|odds\s++ratio(?:\s*+\(OR\))?|relative\s++risk|rate\s++ratio)
    \s*+(?:of\s++|was\s++|[=:]\s*+)?                             # "HR = ", "HR: ", "hazard ratio of"
    (?P<value>{_NUM})(?![\d.])
    (?:\s*+[,;(\[]?\s*+
       (?:(?P<level>9\d(?:\.\d++)?)\s*+%\s*+(?:CI|confidence\s++interval)\s*+[:=,]?\s*+)?  # "95% CI:"
       [(\[]?\s*+(?P<low>{_NUM})\s*+(?:,|;|\bto\b|{DASH})\s*+(?P<high>{_NUM})\s*+[)\]]?
    )?
    (?:[\s,;)\]]*+p\s*+(?P<cmp>[<≤=]|<\s*+=)\s*+(?P<p>{_NUM}))?                     # ", p < 0.0001"
    """,
    FLAGS,
)

# "12.6 months", "58.7 weeks" — a duration in prose.
PROSE_DURATION = stored.compile(
    rf"""(?<![\d.])(?P<value>{NUM})\s*(?P<unit>months?|weeks?|days|years)\b""",
    FLAGS,
)

# "A total of 682 patients were randomized", "369 patients were randomized"
PROSE_RANDOMIZED_TOTAL = stored.compile(
    rf"""(?:total\s+of\s+)?(?P<value>{COUNT})\s+(?:patients|subjects|participants)\s+(?:were\s+)?randomi[sz]ed""",
    FLAGS,
)

# "to TAGRISSO (n=339) or placebo (n = 343)", "either TAGRISSO in combination with pemetrexed and
# platinum-based chemotherapy (n=279) or TAGRISSO monotherapy (n=278)": the arm is the phrase since "to", "either" or "or"
PROSE_ARM_N = stored.compile(
    rf"""(?:\b(?:to|either|or|and)\s+)(?:receive\s+)?(?:either\s+)?(?:to\s+)?
        (?P<arm>[A-Za-z](?:[^().;,]|\([^()]*\)){{0,80}}?)\s*\(\s*[Nn]\s*=\s*(?P<value>{COUNT})\s*\)""",
    regex.VERBOSE,
)

# "No statistically significant difference was observed", "was not statistically significant"
NOT_SIGNIFICANT = stored.compile(
    r"""\bno\s+(?:statistically\s+)?significant\s+difference|\bnot\s+(?:statistically\s+)?significant""",
    FLAGS,
)


# --- Prose ------------------------------------------------------------------------------------------

# Durations that are not trial endpoints: "median age of 55 years", "median follow-up of 26 months".
NOT_AN_ENDPOINT = stored.compile(
    r"\b(?:age|aged|follow[- ]?up|duration\s+of\s+(?:treatment|exposure|therapy)|exposure|treated\s+for)\b",
    regex.IGNORECASE,
)

# The brand a label's title names: "ELIQUIS® (apixaban) tablets", "… needed to use ELIQUIS safely" —
# in capitals before "safely", or marked "®" whatever its case ("INOmax®").
BRAND_IN_TITLE = stored.compile(r"\b(?P<brand>[A-Z][A-Z0-9-]{2,}(?=[ \t]+safely\b)|[A-Z][A-Za-z0-9-]{2,}(?=[ \t]?®))")
timed.wrap(globals())  # every pattern above is held to the reading budget
