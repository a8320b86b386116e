"""Patterns for adverse-reaction figures in articles and the label rows they are checked against.

Each pattern has a real article or label example above it. Reaction names themselves are data
(``data/reactions.json``), found with `build.any_word`.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A grade as an article states it, read on its own so each group names one way of saying it:
# "grade 3 or higher", "grade ≥3", "≥ grade 3", "grades 3-4", "grade 3 or 4", "Grade 3", "all grades",
# "any grade", "of any grade", "serious", "fatal".
GRADE = stored.compile(
    r"""
    (?P<all>\b(?:all|any)[ \t-]{0,2}grades?\b)                         # "all grades", "any grade"
    | (?P<serious>\bserious\b)                                          # "serious adverse reactions"
    | (?P<fatal>\bfatal\b)                                              # "fatal in 1.0%"
    | [≥>][ \t]{0,2}grade[ \t]{0,2}(?P<above>\d)\b                      # "≥ grade 3"
    | \bgrades?[ \t]{0,2}
      (?:(?P<atleast_sign>≥|>=|=>)[ \t]{0,2}(?P<atleast>\d)              # "grade ≥3"
        | (?P<over_sign>>)[ \t]{0,2}(?P<over>\d)                         # "Grade > 3": more than 3
        | (?P<low>\d)
          (?:[ \t]{0,2}(?:-|–|/|to|or|and)[ \t]{0,2}(?:grade[ \t]{0,2})?(?P<high>\d)\b  # "grade 3-4", "grade 3 or 4"
            | [ \t]{1,2}or[ \t]{1,2}(?:higher|greater|above|more|worse)\b(?P<higher>)   # "grade 3 or higher"
            | [ \t]{0,2}\+(?P<plus>)                                                  # "grade 3+"
            | \b(?![ \t]{0,2}-[ \t]{0,2}\d)))                                         # "grade 3", "Grade 3- Diarrhea"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

# A grade heading a list of reactions, the way review tables print severe toxicities: "Grade 3-
# Diarrhea(3%), reduced appetite (3%)", "Grade 4-Neutropenia(3%)", "Grade 3: rash (3%)". The list's
# reactions are the names before each "(N%)" until the next such heading.
GRADE_LIST_LEAD = stored.compile(
    r"\bgrades?[ \t]{0,2}(?:[≥>][ \t]{0,2})?\d(?:[ \t]{0,2}(?:-|–|or|/)[ \t]{0,2}\d)?[ \t]{0,2}[-–:][ \t]{0,2}(?=[A-Za-z])",
    regex.IGNORECASE,
)

# One reaction of such a list with its share: "Diarrhea(3%)", "reduced appetite (3%)", "PE(6.18%)".
LIST_ITEM = stored.compile(
    r"(?P<name>[A-Za-z][A-Za-z'/-]{0,30}(?:[ \t][A-Za-z'/-]{1,30}){0,3})[ \t]{0,2}\([ \t]{0,2}\d{1,3}(?:\.\d{1,2})?[ \t]{0,2}%[ \t]{0,2}\)"
)

# What lies between a percentage and the arm it belongs to: "34% of IMFINZI patients", "23% with
# T-DXd", "25% on placebo", "3% of patients receiving osimertinib", "5% in the placebo arm", "2% of men on Viagra".
ARM_LEAD = stored.compile(
    r"""[ \t]{0,2}%[ \t]{0,2}
    (?:of|in|on|with|for|among|versus|vs\.?)[ \t]{1,2}
    (?:the[ \t]{1,2})?
    (?:(?:patients|participants|people|those|men|women|adults|children|infants)[ \t]{1,2}
       (?:who[ \t]{1,2}(?:received|took|were[ \t]{1,2}given)|receiving|treated[ \t]{1,2}with|given|taking|on|in)[ \t]{1,2}
       (?:the[ \t]{1,2})?)?""",
    regex.VERBOSE | regex.IGNORECASE,
)

# A dose as the arm of a share, in a dose-ranging trial whose arms are its doses: "28% of men on
# 50 mg", "21% on 100 mg", "11% of men on the 50 mg dose", "9% of patients taking 100 mg".
DOSE_ARM_AFTER = stored.compile(
    r"""[ \t]{0,2}%[ \t]{0,2}
    (?:of[ \t]{1,2}(?:the[ \t]{1,2})?(?:patients|participants|people|those|men|women|adults|children)[ \t]{1,2})?
    (?:on|at|taking|receiving|given|with)[ \t]{1,2}(?:the[ \t]{1,2})?
    (?P<dose>\d{1,4}(?:\.\d{1,2})?[ \t]{0,2}(?:mg|mcg|µg)(?:/(?:kg|m2|m²))?)\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

# What lies between a percentage and the subgroup it is of: "9% of patients aged 65 years or older",
# "4% of those who were Asian".
PATIENTS_AFTER = stored.compile(
    r"[ \t]{0,2}%[ \t]{0,2}(?:of|in|among)[ \t]{1,2}(?:the[ \t]{1,2})?(?:patients|participants|people|those)"
    r"(?:[ \t]{1,2}who[ \t]{1,2}were)?",
    regex.IGNORECASE,
)

# The words between the two shares of one reaction's pair: "pruritus 12% versus 19% on placebo",
# "rash 20% compared with 9%".
PAIR_BETWEEN = stored.compile(
    r"^[ \t]{0,2}%?[ \t]{0,2}(?:vs\.?|versus|compared[ \t]{1,2}(?:with|to)|against)[ \t]{1,2}$", regex.IGNORECASE
)

# Where a subgroup's words end: "aged 65 years or older, and …", "aged 65 (…)".
CLAUSE_END = stored.compile(r"[,;:.()\[\]]|\band\b|\bversus\b|\bvs\b")

# What joins the drugs of one arm after a share: "of patients receiving osimertinib plus
# chemotherapy", "with IMFINZI and tremelimumab", "on osimertinib + pemetrexed".
COMBINED_WITH = stored.compile(
    r"[ \t]{0,2}(?:\+|plus|with|and|in[ \t]{1,2}combination[ \t]{1,2}with)[ \t]{0,2}", regex.IGNORECASE
)

# A reaction after its share: "3% of patients had grade 3 diarrhea", "2% experienced rash", "16% of men
# had headaches" (a news story's people are men, women, children).
REACTION_AFTER = stored.compile(
    r"""[ \t]{0,2}%[ \t]{0,2}(?:of[ \t]{1,2}(?:the[ \t]{1,2})?(?:patients|participants|people|men|women|adults|children|infants|subjects)[ \t]{1,2})?
    (?:had|having|experienced|developed|reported)[ \t]{1,2}(?:an?[ \t]{1,2})?(?:(?:severe|serious)[ \t]{1,2})?\(?""",
    regex.VERBOSE | regex.IGNORECASE,
)

# What makes a percentage no share of patients with a reaction: a confidence level or a reduction
# ("95% CI", "48% reduction", "21% lower risk", "69% less") or an event rate ("0.24% a year").
NOT_A_SHARE = stored.compile(
    r"^[ \t]{0,2}%[ \t]{0,2}(?:CI\b|confidence|reduction|lower|higher|relative|decrease|increase|improvement"
    r"|less\b|fewer\b|per\b|(?:a|each|every)[ \t]{1,2}(?:year|month)\b|/[ \t]{0,2}(?:year|month|100))",
    regex.IGNORECASE,
)

# What makes a reaction's share another quantity than its incidence: a consequence or an outcome of
# it ("diarrhea led to discontinuation in 1%", "dose reductions for rash in 2%", "3% died of
# pneumonia"), or a response among patients who had it ("among patients with rash, 70% responded").
CONSEQUENCE = stored.compile(
    r"\b(?:discontinu\w{0,6}|dose[ \t]{1,2}(?:reduction|interruption|modification|delay)s?|interrupt\w{0,6}"
    r"|led[ \t]{1,2}to|leading[ \t]{1,2}to|resulted[ \t]{1,2}in|hospitali[sz]\w{0,6}|died|deaths?|withdr[ae]w\w{0,3}"
    r"|respon\w{0,6}|survival|alive|progress\w{0,6}|recurr\w{0,6}|resolved|recovered)\b",
    regex.IGNORECASE,
)

# A name a share is printed after in brackets, up to the bracket: "increased amylase (" of "… and
# increased amylase (5.8%)"; searched with the share's start as ``endpos``.
ITEM_BEFORE = stored.compile(
    r"(?P<name>[A-Za-z][A-Za-z'/-]{0,30}(?:[ \t]{1,2}[A-Za-z'/-]{1,30}){0,3})[ \t]{0,2}\([ \t]{0,2}$"
)

# What shows a name is the next item of a list, after a reaction: "), and", ", ", "; ".
LIST_GAP = stored.compile(r"[,;]|\band\b|\bor\b", regex.IGNORECASE)

# Words that lead into a listed name rather than belong to it: "… AEs included stomatitis", "and
# increased amylase", "such as rash".
ITEM_LEAD = stored.compile(
    r"\b(?:and|or|included|including|include|were|was|with|of|the|as|such|mainly|mostly|notably)\b", regex.IGNORECASE
)

# A name that is no reaction: patients or an arm ("in the placebo group (12%)").
NOT_A_REACTION = stored.compile(
    r"\b(?:patients?|participants?|arms?|groups?|cohorts?|subjects?|those|overall|total)\b", regex.IGNORECASE
)

# What separates the reactions of a list: "paronychia, rash, and venous thromboembolism".
LIST_SEPARATOR = stored.compile(r"[ \t]{0,2}(?:,|,?[ \t]{1,2}and|,?[ \t]{1,2}or)[ \t]{0,2}", regex.IGNORECASE)

# The share of all adverse events, said after a list of reactions: "… paronychia, rash, and venous
# thromboembolism, with grade 3 or higher events occurring more frequently … (75% vs. 43%)".
ALL_EVENTS = stored.compile(
    r"\b(?:events?|AEs?|TEAEs?|adverse|toxicit(?:y|ies)|side[ \t-]effects?)\b", regex.IGNORECASE
)

# A figure of patients pooled across trials, which no one trial's table gives: "in the pooled
# safety population", "across the three trials", "in an integrated analysis".
POOLED = stored.compile(
    r"\b(?:pooled|integrated[ \t]{1,2}(?:analysis|safety)|across[ \t]{1,2}(?:the[ \t]{1,2})?(?:\w{1,8}[ \t]{1,2})?(?:trials|studies))\b",
    regex.IGNORECASE,
)

# A label row's footnote key or bracketed key after the reaction: "Rash (a)", "Rasha" is left alone
# (a glued key is read by the table reader), "Nail toxicity (b)", "Pneumonitis*".
ROW_FOOTNOTE = stored.compile(r"[ \t]{0,2}(?:\([a-z]\)|[*†‡§¶#]{1,3})$")

# The names a grouped label row joins: "Pneumonitis/Radiation Pneumonitis", "ILD/pneumonitis",
# "pneumonitis or radiation pneumonitis".
ROW_JOIN = stored.compile(r"[ \t]{0,2}(?:/|\bor\b|,)[ \t]{0,2}", regex.IGNORECASE)

# A note in brackets after an arm's name in a review's table: "Osimertinib (adjuvant)", "Osimertinib
# (consolidation)".
ARM_NOTE = stored.compile(r"[ \t]{0,2}\([^()]{0,40}\)")

# A dose in a label's arm name, which the article's arm does not repeat: "ENHERTU 5.4 mg/kg",
# "Ado-trastuzumab emtansine 3.6 mg/kg", "XARELTO 10 mg".
ARM_DOSE = stored.compile(
    r"[ \t]{0,2}\d{1,4}(?:\.\d{1,2})?[ \t]{0,2}(?:mg|mcg|µg|g)(?:/(?:kg|m2|m²))?\b", regex.IGNORECASE
)

# A table's caption in the label text: "Table 9: Laboratory Abnormalities Worsening from Baseline in
# ≥20% of Patients in FLAURA".
CAPTION = stored.compile(r"Table[ \t]{1,2}(?P<number>\d{1,3})[ \t]{0,2}[:.][^\n]{0,300}")

timed.wrap(globals())  # every pattern above is held to the reading budget
