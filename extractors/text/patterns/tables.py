"""Patterns for label tables: captions, footnotes, cells of flattened rows, headers, row labels.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import timed
from extractors.text.patterns.pieces import COUNT, DASH, FLAGS, NUM

# "Table 9 Efficacy Results in STS Patients …", "Table 16. Efficacy Results in FLAURA"
TABLE_CAPTION = regex.compile(
    r"""
    \b(?P<label>Table\s+(?P<number>\d+[A-Za-z]?))   # "Table 9"
    \s?[.:]?\s+                                    # optional "." or ":" after the number, even "Table 14 :"
    (?=[A-Z])                                      # a caption starts with a capital
    """,
    regex.VERBOSE,
)

# Where a flattened table body stops: the next figure or table caption, or a blank line.
TABLE_END = regex.compile(
    r"""
    \bFigure\s+\d+        # "Figure 2. Kaplan-Meier Curve …"
    | \bTable\s+\d+[.:]?\s+(?=[A-Z])   # the next table's caption
    | \n\s*\n             # a paragraph break
    """,
    regex.VERBOSE,
)

# "Abbreviations: CI, confidence interval; CR, complete response; … STS, soft tissue sarcoma."
ABBREVIATIONS = regex.compile(r"Abbreviations?\s*:", regex.VERBOSE)

# A footnote key opening a footnote: "aPvalue < 0. 001.", "b There were 11 partial responses",
# "* Stratified by …". The key follows a sentence end and precedes a capital letter.
FOOTNOTE_KEY = regex.compile(
    r"""
    (?:(?<=[.;:)]\s?)|(?<=^))     # after a sentence end (or at the start)
    (?P<key>[a-h]|[*†‡§¶#])       # a one-letter or symbol footnote key
    \s?                           # "a P value" (spaced) or "aPvalue" (glued)
    (?=[A-Z])                     # footnote text starts with a capital
    """,
    regex.VERBOSE,
)

# The end of a footnote's first sentence: ". " before a capital, or the end of the text.
SENTENCE_END = regex.compile(r"\.(?=\s+[A-Z‘'\"(]|\s*$)")

# "N = 246" — the N prefix of a count cell, even when glued to the row label ("ITTN = 246").
N_PREFIX = regex.compile(r"""[Nn]\s*=\s*(?=\d)""", regex.VERBOSE)

# One token of a flattened table row's cells, tried in order at each position.
CELL_TOKEN = regex.compile(
    rf"""
      (?P<nprefix>[Nn]\s*=\s*(?=\d))                          # "N = " of "N = 246"
    | (?P<ci>\(\s*                                            # a CI: "(0.26,0.48)", "(38.8, NE)"
          (?P<low>{NUM}|NR|NE|NA)\s*(?:,|;|\bto\b|{DASH})\s*
          (?P<high>{NUM}|NR|NE|NA)\s*\))
    | (?P<pct>\(\s*(?P<pct_value>{NUM})\s*%?\s*\))          # "(0.4)" of "1 (0.4)": a percent
    | (?P<damaged>\(\s*\d[\d.,\s]*\d\s*\))                    # a CI that lost its comma: "(3.9.2)"
    | (?P<pval>[Pp]\s*(?:-\s*value|\s+value)?\s*(?P<pval_cmp>[<=≤])\s*(?P<pval_value>{NUM}))  # ", p<0.0001" in a cell
    | (?P<qual>(?:NR|NE|NA)(?=(?-i:[a-h])?\b)|Not\s+reached|Not\s+estimable)  # "NR", "NRa", "Not reached"
    | (?P<cmp>[<≤>≥]\s*(?=\d))                               # "<0.0001"
    | (?P<run>\d(?:\.\s(?=\d)|[\d.])*)                        # digits and points, maybe several numbers run together
    | (?P<percent>%)                                          # "41.6% (36.9, 46.5)": the unit of the number before
    | (?P<dash>{DASH}(?!\d))                                 # "–": an empty cell
    | (?P<foot>(?<=[\d)\s%–—-]|NR|NE)(?:[a-h]|[*†‡§¶#])(?![A-Za-z]))  # a footnote marker: "0.35 a", "(2.3,7.9) b0", "–b", "NRa"
    | (?P<sep>\|)                                             # a cell boundary kept by structured.render_table
    | (?P<space>[ \t\u00a0]+|,[ \t]*)                          # spaces between cells (a line end ends the row)
    """,
    regex.VERBOSE,
)

# A cell glued to the lower-case word before it: "p-value0.0004", "Number of responders1712" (matched
# at the cell's start, it looks back at three letters) — but not the digits of names such as
# "L858R", "Ex19del" or "HER2".
AFTER_LOWER_WORD = regex.compile(r"(?<=[a-z]{3})")

# A number inside a CI bound or a split cell, with the point-space repair.
NUMBER = regex.compile(rf"^{NUM}$")


# A row label that names a population rather than a statistic.
POPULATION_LABEL = regex.compile(
    r"""\b(?:subgroup|population|cohort|ITT|intent[- ]to[- ]treat|overall|all\s+patients|stage)\b""",
    FLAGS,
)
OVERALL_POPULATION = regex.compile(
    r"""^\s*(?:overall(?:\s+ITT)?|ITT|intent[- ]to[- ]treat(?:\s+population)?|all\s+(?:randomized\s+)?patients|overall\s+population)\s*$""",
    FLAGS,
)

# A caption that names a subset of patients: "CNS ORR and DOR by BICR in Patients with Measurable
# CNS Lesions at Baseline in FLAURA" — its measurements belong to that population.
CAPTION_POPULATION = regex.compile(
    r"""\bin\s+(?P<population>patients\s+with\s+[^.;\n|]+?)(?=\s+in\s+[A-Z][A-Z0-9-]{3,}|\s*[.;\n|]|$)""",
    regex.VERBOSE | regex.IGNORECASE,
)


# --- Row labels: what is left of a label once its endpoint and statistic are taken out is its population ---

# A sentence break inside a row label: what precedes the last one is spliced-in notes
# ("… from the stratified Cox model. Leiomyosarcoma subgroup").
LABEL_SENTENCE_BREAK = regex.compile(r"[.;]\s+")

# A label with a word left in it, not only marks: "Leiomyosarcoma", not "( / )".
ANY_LETTER = regex.compile(r"[A-Za-z]")

EMPTY_PARENS = regex.compile(r"\(\s*[+/,]?\s*\)")

LABEL_STATISTIC_WORDS = regex.compile(
    r"(?<!\s)\s*+(?:median|mean|\(months\)|\(95%\s*+CI\)|%|n\s*+\(%\))\s*+", regex.IGNORECASE
)

FOOTNOTE_SYMBOLS = regex.compile(r"[*†‡§¶#]+\d*")

LEADING_PREPOSITION = regex.compile(r"^(?:for|in|among)\s+", regex.IGNORECASE)

ASSESSED_BY = regex.compile(r"\((?:[^()]*\b(?:assessment|BICR|review)\b[^()]*)\)", regex.IGNORECASE)

# --- Numbers ----------------------------------------------------------------------------------------

# A well-formed printed number: "0.35", "246", "4.6"; never "01", ".35" or "4.61.6".
NUMBER_SHAPE = regex.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")

# --- Table headers: arm columns, their Ns, between-arm columns, CI levels ---------------------------

# What may stand between an arm's name and its N: "(gefitinib or erlotinib)", "18 mg with Everolimus 5 mg".
_ARM_DOSE = r"\d+(?:\.\d+)?\s*mg(?:/\w+)?"

ARM_DESCRIPTION = rf"(?:\s*\([^()\n]{{1,60}}\)|\s+{_ARM_DOSE}(?:\s+(?:with|plus|\+)\s+[A-Za-z]+\s+{_ARM_DOSE})?)"

# A dose or schedule between two arm names of a flattened header: "KEYTRUDA 2 mg/kg every 3 weeks
# KEYTRUDA 10 mg/kg every 3 weeks Chemotherapy". It describes the arm before it.
ARM_DOSE_GAP = regex.compile(
    r"""^\s*(?:\d+(?:\.\d+)?\s*(?:mg|mcg|g)(?:/(?:kg|m2|m\s?2|day))?|every\s+\d+\s+(?:weeks?|days?)|Q\d+W|once\s+daily|twice\s+daily|\s)+$""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Arm Ns printed on a header row of their own, after the arm names: "… Chemotherapy n=180 n=181 n=179".
TAIL_N = regex.compile(rf"\b[Nn]\s*=\s*(?P<count>{COUNT})")

# An arm's N: "(N=233)", or "N=22" after a space; never glued as in the row label "Overall ITTN = 246".
N_AFTER_ARM = r"(?:\s*\(\s*[Nn]\s*=|\s+[Nn]\s*=)\s*\d"

# The N printed in a header cell with the arm: "TAGRISSO (N=233)", "Everolimus 10 mg N=50".
ARM_N = regex.compile(rf"\s*\(?\s*[Nn]\s*=\s*(?P<count>{COUNT})\s*\)?\s*$")

# A sentence or line break between two arm names: they are not one header ("VOTRIENT. If VOTRIENT").
SENTENCE_BREAK = regex.compile(r"[.;:]\s|\n")

# Between two arm names of a header there is no CI, percent or number: "Placebo (95% CI) PFS Overall ITT"
# has left the header.
HEADER_GAP_STOP = regex.compile(r"\bCI\b|%|\d")

# What may follow the last arm name in a header: arm Ns, "(95% CI)", between-arm column names.
HEADER_TAIL = regex.compile(
    r"""(?:\s*+(?:\||\(\s*+[Nn]\s*+=\s*+\d++\s*+\)|[Nn]\s*+=\s*+\d++|HR|Hazard\s++[Rr]atio|Odds\s++[Rr]atio|
        [Pp][- ]?[Vv]alue|\(\s*+9\d(?:\.\d+)?%\s*+CI\s*+\)|9\d(?:\.\d+)?%\s*+CI))*+""",
    regex.VERBOSE,
)

# Between-arm column names in a header: "HR (95% CI)", "Odds Ratio", "p-value".
BETWEEN_COLUMNS = (
    ("hr", regex.compile(r"\bHR\b|Hazard\s+[Rr]atio", regex.VERBOSE)),
    ("or", regex.compile(r"Odds\s+[Rr]atio|\bOR\b", regex.VERBOSE)),
    ("p", regex.compile(r"\b[Pp][- ]?[Vv]alue\b", regex.VERBOSE)),
)

# The words of the header cells over the arms, also where cells ran together: "STAGE IB-IIIA
# POPULATIONEfficacy" → "STAGE", "IB", "IIIA", "POPULATION", "Efficacy".
HEADER_WORD = regex.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")

# A confidence level: "(95% CI)", "Hazard ratio (99.8% CI)".
CI_LEVEL = regex.compile(r"(?P<level>9\d(?:\.\d+)?)\s*%\s*CI")

# --- Tables rendered with their cell boundaries -----------------------------------------------------

# A table row as structured.render_table writes it: "| Overall ITT | N = 246 | N = 123 | 0.35a |".
RENDERED_ROW = regex.compile(r"^\| (?P<cells>.*) \|$", regex.MULTILINE)

# A table rendered with its cells kept, two lines below its caption: "Table 2. Efficacy Results
# in FLAURA\n(notes)\n| Endpoint | TAGRISSO (N=279) | …".
RENDERED_TABLE_AHEAD = regex.compile(r"[^\n]*\n[^\n|]*\n\| ")

# One cell of a rendered row, between its bars: "Overall ITT" of "| Overall ITT | N = 246 |".
RENDERED_CELL = regex.compile(r"(?<=\|)[^|\n]+(?=\|)")

# The space after a CI's comma, which scraped tables drop: "(0.26, 0.48)" → "(0.26,0.48)".
CI_COMMA_SPACE = regex.compile(r"(?<=\d),\s+(?=\d|NR|NE)")

# --- Row-label words that say which statistic a row holds ("Median (months)", "Hazard ratio (95% CI)") ---

LABEL_MEDIAN = regex.compile(r"\bmedian\b", regex.IGNORECASE)

LABEL_MEAN = regex.compile(r"\bmean\b", regex.IGNORECASE)

LABEL_HAZARD_RATIO = regex.compile(r"\bhazard\s+ratio\b|\bHR\b", regex.IGNORECASE)

LABEL_ODDS_RATIO = regex.compile(r"\bodds\s+ratio\b", regex.IGNORECASE)

LABEL_EVENTS = regex.compile(r"\bevents?\b|\bdeaths?\b|\bprogress\w*\b", regex.IGNORECASE)

LABEL_PERCENT = regex.compile(r"%|\brate\b|\bpercent", regex.IGNORECASE)

LABEL_P_VALUE = regex.compile(r"\bp[- ]?value(?-i:[a-h])?\b", regex.IGNORECASE)  # "P-valued": a glued footnote key

LABEL_DIFFERENCE = regex.compile(r"\bdifference\b", regex.IGNORECASE)

LABEL_RESPONDERS = regex.compile(r"\bresponders\b", regex.IGNORECASE)

timed.wrap(globals())  # every pattern above is held to the reading budget
