"""Patterns for label tables: captions, footnotes, cells of flattened rows, headers, row labels.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed
from extractors.text.patterns.header_ns import N_IN_PARENTHESES
from extractors.text.patterns.pieces import COUNT, DASH, FLAGS, HEADER_DRUG, NUM, TRIAL_WORD

# "Table 9 Efficacy Results in STS Patients …", "Table 16. Efficacy Results in FLAURA", "TABLE 5.
# Overview of Efficacy Results in TNT" (older SPL labels print the word in capitals)
TABLE_CAPTION = stored.compile(
    r"""
    \b(?P<label>(?:Table|TABLE)\s+(?P<number>\d+[A-Za-z]?))   # "Table 9", "TABLE 5"
    \s?(?:[.:]|\s[-–—])?\s+                          # optional "." or ":" after the number, even "Table 14 :", "Table 7 -"
    (?=[A-Z])                                      # a caption starts with a capital
    """,
    regex.VERBOSE,
)

# Where a flattened table body stops: the next figure or table caption, or a blank line.
TABLE_END = stored.compile(
    r"""
    \bFigure\s+\d+        # "Figure 2. Kaplan-Meier Curve …"
    | \b(?:Table|TABLE)\s+\d+(?:[.:]|\s[-–—])?\s+(?=[A-Z])   # the next table's caption
    | \n\s*\n             # a paragraph break
    """,
    regex.VERBOSE,
)

# "Abbreviations: CI, confidence interval; CR, complete response; … STS, soft tissue sarcoma."
ABBREVIATIONS = stored.compile(r"Abbreviations?\s*:", regex.VERBOSE)

# A footnote key opening a footnote: "aPvalue < 0. 001.", "b There were 11 partial responses",
# "* Stratified by …". The key follows a sentence end and precedes a capital letter.
FOOTNOTE_KEY = stored.compile(
    r"""
    (?:(?<=[.;:)]\s?)|(?<=^)|(?<=\n))   # after a sentence end, at the start or a line's start
    (?P<key>[a-h]|[*†‡§¶#])       # a one-letter or symbol footnote key
    \s?                           # "a P value" (spaced) or "aPvalue" (glued)
    (?=[A-Z])                     # footnote text starts with a capital
    """,
    regex.VERBOSE,
)

# The end of a footnote's first sentence: ". " before a capital, or the end of the text.
SENTENCE_END = stored.compile(r"\.(?=\s+[A-Z‘'\"(]|\s*$)")

# "N = 246" — the N prefix of a count cell, even when glued to the row label ("ITTN = 246").
N_PREFIX = stored.compile(r"""[Nn]\s*=\s*(?=\d)""", regex.VERBOSE)

# The tokens of a flattened table row's cells but the spaces between them, tried in order at each
# position; `CELL_TOKEN` adds the spaces.
_CELL_TOKENS = rf"""
      (?P<nparen>{N_IN_PARENTHESES})                          # "(n=93)": a cell of an N in parentheses
    | (?P<nprefix>[Nn]\s*=\s*(?=\d))                          # "N = " of "N = 246"
    | (?P<range>\((?=[^()\n|]{{0,30}}\+)[ \t]{{0,2}}{NUM}\+?[ \t]{{0,2}}(?:,|{DASH}|to)[ \t]{{0,2}}{NUM}\+?[ \t]{{0,2}}\))
        # "(1.1+, 18.0+)": a range with a censored ("+") bound, printed after a median (KEYTRUDA Table 57)
    | (?P<ci>(?:\(|(?P<square>\[))\s*(?:\d{{2}}(?:\.\d)?%[ \t]{{0,2}}CI[ \t]{{0,2}}:?[ \t]{{0,2}})?   # a CI: "(0.26,0.48)", "(38.8, NE)",
                                                              # "(-30.9, 26.8)", "(0.4%, 3.0%)", its level inside: "(95% CI: 50, 83)";
          (?P<low>-?{NUM}|NR|NE|NA|NC)%?\s*(?:,|;|\bto\b|{DASH})\s*   # or in square brackets, closed by
          (?P<high>-?{NUM}|NR|NE|NA|NC)(?-i:[a-h])?%?\s*(?(square)\]|\)))  # one: "0.82 [0.67, 1.00]" (PERJETA, REVLIMID);
                                                              # a footnote key on a bound: "(9.8, NRe)" (OPDIVO Table 57)
    | (?P<barci>(?<=\|[ \t]{{1,2}})(?P<blow>{NUM}),[ \t]{{1,2}}(?P<bhigh>{NUM})(?=[ \t]{{0,2}}\|))  # "| 49.5, 61.4 |": a CI cell without parentheses
    | (?P<flatci>(?<=\bCI[ \t:]{{1,3}}(?:{NUM},[ \t]{{1,2}}{NUM}[ \t]{{1,2}}){{0,7}})(?P<flow>{NUM}),[ \t]{{1,2}}(?P<fhigh>{NUM})(?![\d.]))
        # the same CIs flattened with spaces, on the row a "CI" label heads: "95% CI 49.5, 61.4 31.8, 48.5"
    | (?P<pct>\(\s*(?P<pct_cmp>[<≤])?\s*(?P<pct_value>{NUM})\s*%?\s*\))  # "(0.4)" of "1 (0.4)", "(<0.1)": a percent
    | (?P<fmt>\bn[ \t]{{0,2}}\([ \t]{{0,2}}%(?:[ \t]{{0,2}}/[ \t]{{0,2}}year)?[ \t]{{0,2}}\))  # "N=1731 n (%)": what the column's cells hold
    | (?P<damaged>\(\s*\d[\d.,\s]*\d\s*\))                    # a CI that lost its comma: "(3.9.2)"
    | (?P<pval>(?:[Pp]\s*(?:-\s*value|\s+value)?\s*(?P<pval_cmp>[<=≤])|(?<=\);[ \t]{{0,2}})(?P<pval_cmp>[<≤]?))  # ", p<0.0001",
        \s*(?P<pval_value>{NUM}|\.\d{{1,6}}))           # "p=.0137" in a cell; after an estimate's CI and ";": "0.72 (0.61, 0.85); <0.0001"
    | (?P<qual>(?:NR|NE|NA)(?=(?-i:[a-h])?(?![A-Za-z])|NR|NE|NA)|Not\s+[Rr]eached|Not\s+[Ee]stimable|NOT\s+REACHED|NOT\s+ESTIMABLE)
        # "NR", "NRa", "NRa10.8", "Not reached", "Not Reached" (never the lower-case words of a note);
        # glued one after another: "Month 12NANANA24%59%*" (HUMIRA Table 2)
    | (?P<cmp>[<≤>≥]\s*(?=\d))                               # "<0.0001"
    | (?P<ofn>(?<!Grades?[ \t]{{0,2}})(?P<ofn_count>\d{{1,6}})[ \t]{{0,2}}/[ \t]{{0,2}}\d{{1,6}}(?![\d.])(?=[ \t]{{0,2}}[(|]))
        # "51/89 (57%)", "| 57/71 (80%) |" (HERCEPTIN Table 14): patients with the event of the arm's N,
        # its percent after it or the cell's end (not "Grade 3/4"); the N after the slash is not read
    | (?P<run>(?:(?:(?<![-–—\p{{L}}\d.])|(?<=-\d{{1,6}}(?:\.\d{{1,4}})?))-(?=\d))?\d(?:\.\s(?=\d)|[\d.])*)
        # digits and points, maybe several numbers run together; signed where the sign cannot be a
        # range's dash: "-63", "-17-14" glued (REPATHA), not "--0.54" nor "Grade 3-4"
    | (?P<plus>(?<=\|[ \t]{{1,2}})\+(?=\d))                  # a cell's sign of a rise, read past: "| +7 |" (LIPITOR)
    | (?P<percent>%)                                          # "41.6% (36.9, 46.5)": the unit of the number before
    | (?P<dash>{DASH}{{2,3}}(?=\d)|{DASH}{{1,3}}(?!\d))          # "–", "---": an empty cell, glued "---0.78" too
    | (?P<foot>(?<=[\d)\s%–—-]|NR|NE)(?:[a-h]|[*†‡§¶#])(?![A-Za-z]))  # a footnote marker: "0.35 a", "(2.3,7.9) b0", "–b", "NRa"
    | (?P<sep>\|)                                             # a cell boundary kept by structured.render_table
"""

# The first characters of the pieces of `_CELL_TOKENS`, tested first at each position so a search skips
# a row label's letters (CELL_START 1.9x, CELL_TOKEN 1.3x faster over the corpus, same matches).
_FIRST_CHARACTERS = r"Nn(\[\dPp<≤>≥%|*†‡§¶\#+"  # "N =", "(", "[", a digit, "p<", a comparison, "%", "|", a symbol key
_DASH_OR_KEY_FIRST = rf"{DASH} | (?<=[\d)\s%–—-]|NR|NE)[a-h]"  # "-63", "–" (a sign, an empty cell); a key: "0.35 a"
_CELL_TOKEN_FIRST = rf"(?=[{_FIRST_CHARACTERS}] | {_DASH_OR_KEY_FIRST})"
_CELL_OR_SPACE_FIRST = rf"(?=[{_FIRST_CHARACTERS} \t\u00a0\u00ad,;] | {_DASH_OR_KEY_FIRST})"  # and CELL_TOKEN's spaces

# One token of a flattened table row's cells, tried in order at each position.
CELL_TOKEN = stored.compile(
    rf"""{_CELL_OR_SPACE_FIRST}(?:{_CELL_TOKENS}
    | (?P<space>(?<=\));[ \t]{{0,2}}(?=[<≤]|\d)                   # an estimate's CI, then its p: "0.72 (0.61, 0.85); <0.0001"
      |[ \t\u00a0\u00ad]+|,[ \t]*)                             # spaces between cells (a line end ends the row); a soft
                                                              # hyphen is printed before a minus ("\u00ad-6", REPATHA Table 8)
    )""",
    regex.VERBOSE,
)

# Where a run of cells may start: the token `CELL_TOKEN` finds there (it tries spaces last), but a space.
CELL_START = stored.compile(rf"{_CELL_TOKEN_FIRST}(?:{_CELL_TOKENS})", regex.VERBOSE)

# A cell glued to the lower-case word before it: "p-value0.0004", "Number of responders1712", or to the
# "n" a label ends with: "Disease progression, n2691" (matched at the cell's start, it looks back) — but not the digits of names such as
# "L858R", "Ex19del" or "HER2".
AFTER_LOWER_WORD = stored.compile(r"(?<=[a-z]{3}|,[ \t]{0,2}n)")

# A count with its rate glued to the capitals of an event's abbreviation (maybe with its footnote key) or
# to a footnote symbol: "MI24 (0.76)", "Total VTE17 (1.1%)", "ORRd183 (85)", "CR+CRid107 (50)", "DVT†22
# (0.8%)" — a name's digits ("HER2", "BRCA1") are not followed by
# a number in parentheses.
AFTER_CAPITALS_COUNT = stored.compile(
    r"(?<=[A-Z]{2}(?:[a-z]?[a-h])?|[*†‡§¶#])\d{1,6}[ \t]?\([ \t]?<?\d{1,3}(?:\.\d{1,3})?[ \t]?%?[ \t]?\)"
)

# "CI" after a percent ends a run of cells: "95% CI" names the row after it, even with its first cell
# glued to it ("95% CI17.4–21.2"), where no word boundary follows "CI".
CI_WORD = stored.compile(r"CI(?![A-Za-z])")

# A cell glued to the footnote keys a label ends with: "Hazard ratio (95% CI)b0.42", "p-valuec,d<0.0001".
AFTER_FOOTNOTE_KEYS = stored.compile(r"(?<=[)\]%][a-h]|[a-z][a-h](?:,[a-h]){1,3})")

# A number inside a CI bound or a split cell, with the point-space repair.
NUMBER = stored.compile(rf"^{NUM}$")


# A row label that names a population rather than a statistic.
POPULATION_LABEL = stored.compile(
    r"""\b(?:subgroup|population|cohort|ITT|intent[- ]to[- ]treat|overall|all\s+patients|stage)\b""",
    FLAGS,
)
OVERALL_POPULATION = stored.compile(
    r"""^\s*(?:overall(?:\s+ITT)?|ITT|intent[- ]to[- ]treat(?:\s+population)?|all\s+(?:randomized\s+|treated\s+)?patients
    |total\s+(?:treated\s+)?patients|overall\s+population)\s*$""",
    FLAGS,
)

# --- Row labels: what is left of a label once its endpoint and statistic are taken out is its population ---

# A sentence break inside a row label: what precedes the last one is spliced-in notes
# ("… from the stratified Cox model. Leiomyosarcoma subgroup").
LABEL_SENTENCE_BREAK = stored.compile(r"[.;]\s+")

# A label with a word left in it, not only marks: "Leiomyosarcoma", not "( / )".
ANY_LETTER = stored.compile(r"[A-Za-z]")

EMPTY_PARENS = stored.compile(r"\(\s*[+/,]?\s*\)")

LABEL_STATISTIC_WORDS = stored.compile(
    r"(?<!\s)\s*+(?:median|mean|\(months\)|\(95%\s*+CI\)|%|n\s*+\(%\))\s*+", regex.IGNORECASE
)

FOOTNOTE_SYMBOLS = stored.compile(r"[*†‡§¶#]+\d*")

LEADING_PREPOSITION = stored.compile(r"^(?:for|in|among)\s+", regex.IGNORECASE)

ASSESSED_BY = stored.compile(r"\((?:[^()]*\b(?:assessment|BICR|review)\b[^()]*)\)", regex.IGNORECASE)

# --- Numbers ----------------------------------------------------------------------------------------

# A well-formed printed number: "0.35", "246", "4.6"; never "01", ".35" or "4.61.6".
NUMBER_SHAPE = stored.compile(r"^-?(?:0|[1-9]\d*)(?:\.\d+)?$")  # a sign only where a run starts with one

# A CI bound as printed, maybe negative: "-30.9" of "(-30.9, 26.8)".
BOUND_SHAPE = stored.compile(r"^-?(?:0|[1-9]\d*)(?:\.\d+)?$")

# --- Table headers: arm columns, their Ns, between-arm columns, CI levels ---------------------------

# What may stand between an arm's name and its N: "(gefitinib or erlotinib)", "18 mg with Everolimus 5 mg".
_ARM_DOSE = r"\d+(?:\.\d+)?\s*mg(?:/\w+)?"

ARM_DESCRIPTION = rf"(?:\s*\([^()\n]{{1,60}}\)|\s+{_ARM_DOSE}(?:\s+(?:with|plus|\+)\s+[A-Za-z]+\s+{_ARM_DOSE})?)"

# A dose's route and frequency as a header prints them after the amount: "po bid", "sc qd", "sc q12h".
_ROUTE_OR_FREQUENCY = r"(?:po|sc|iv|im|bid|tid|qd|od|q\d{1,2}h)"

# A dose or schedule between two arm names of a flattened header: "KEYTRUDA 2 mg/kg every 3 weeks
# KEYTRUDA 10 mg/kg every 3 weeks Chemotherapy", "ELIQUIS 2.5 mg po bid Enoxaparin". It describes the arm
# before it.
ARM_DOSE_GAP = stored.compile(
    r"""^\s*(?:\d+(?:\.\d+)?\s*(?:mg|mcg|g)(?:/(?:kg|m2|m\s?2|day))?|every\s+\d+\s+(?:weeks?|days?)|Q\d+W|once\s+daily|twice\s+daily
        # a route and a frequency: "2.5 mg po bid", "40 mg sc qd", "30 mg sc q12h"
        |\b"""
    + _ROUTE_OR_FREQUENCY
    + r"""\b|\s)+$""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Arm Ns printed on a header row of their own, after the arm names: "… Chemotherapy n=180 n=181 n=179".
TAIL_N = stored.compile(rf"\b[Nn]\s*=\s*(?P<count>{COUNT})")

# An arm's N: "(N=233)", or "N=22" after a space; never glued as in the row label "Overall ITTN = 246".
N_AFTER_ARM = r"(?:\s*\(\s*[Nn]\s*=|\s+[Nn]\s*=)\s*\d"

# The N printed in a header cell with the arm: "TAGRISSO (N=233)", "Everolimus 10 mg N=50".
ARM_N = stored.compile(rf"\s*\(?\s*[Nn]\s*=\s*(?P<count>{COUNT})\s*\)?\s*$")

# A sentence or line break between two arm names: they are not one header ("VOTRIENT. If VOTRIENT").
SENTENCE_BREAK = stored.compile(r"[.;:]\s|\n")

# Between two arm names of a header there is no CI, percent or number: "Placebo (95% CI) PFS Overall ITT"
# has left the header.
HEADER_GAP_STOP = stored.compile(
    r"\bCI\b|%|\d|\b(?:is|are|was|were|over|than|to|the|of|versus|vs|compared|based|on|for|from|by)\b",  # prose: "OPDIVO over placebo"
    regex.IGNORECASE,
)

# What may follow the last arm name in a header: arm Ns, "(95% CI)", between-arm column names.
HEADER_TAIL = stored.compile(
    r"""(?:\s*+(?:\||\(\s*+[Nn]\s*+=\s*+\d++\s*+\)|[Nn]\s*+=\s*+\d++|HR|Hazard\s++[Rr]atio|Odds\s++[Rr]atio|
        [Pp][- ]?[Vv]alue|\(\s*+9\d(?:\.\d+)?%\s*+CI\s*+\)|9\d(?:\.\d+)?%\s*+CI))*+""",
    regex.VERBOSE,
)

# Between-arm column names in a header: "HR (95% CI)", "Odds Ratio", "p-value".
BETWEEN_COLUMNS = (
    ("hr", stored.compile(r"\bHR\b|Hazard\s+[Rr]atio", regex.VERBOSE)),
    ("or", stored.compile(r"Odds\s+[Rr]atio|\bOR\b", regex.VERBOSE)),
    ("p", stored.compile(r"\b[Pp][- ]?[Vv]alue\b", regex.VERBOSE)),
)

# The words of the header cells over the arms, also where cells ran together: "STAGE IB-IIIA
# POPULATIONEfficacy" → "STAGE", "IB", "IIIA", "POPULATION", "Efficacy".
HEADER_WORD = stored.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+")

# A confidence level: "(95% CI)", "Hazard ratio (99.8% CI)".
CI_LEVEL = stored.compile(r"(?P<level>9\d(?:\.\d+)?)\s*%\s*CI")

# --- Tables rendered with their cell boundaries -----------------------------------------------------

# A table row as structured.render_table writes it: "| Overall ITT | N = 246 | N = 123 | 0.35a |".
RENDERED_ROW = stored.compile(r"^\| (?P<cells>.*) \|$", regex.MULTILINE)

# A table rendered with its cells kept, two lines below its caption: "Table 2. Efficacy Results
# in FLAURA\n(notes)\n| Endpoint | TAGRISSO (N=279) | …".
RENDERED_TABLE_AHEAD = stored.compile(r"[^\n]*\n[^\n|]*\n\| ")

# One cell of a rendered row, between its bars: "Overall ITT" of "| Overall ITT | N = 246 |".
RENDERED_CELL = stored.compile(r"(?<=\|)[^|\n]+(?=\|)")

# The space after a CI's comma, which scraped tables drop: "(0.26, 0.48)" → "(0.26,0.48)".
CI_COMMA_SPACE = stored.compile(r"(?<=\d),\s+(?=\d|NR|NE)")

# A column group that names an analysis, not a population: "Primary Analysis | Updated Analysis" (CABOMETYX Table 19).
ANALYSIS_GROUP = stored.compile(
    r"^(?:Primary|Updated|Final|Interim|Exploratory|(?:First|Second)[ \t]{1,2}Interim)[ \t]{1,2}Analys[ie]s$", regex.I
)

# A column group that names one of a program's studies numbered in Roman figures after its indication,
# whether or not the label's prose introduced it: "CD-I", "Study UC-II", "Study RA-II Monotherapy (26
# weeks)" (HUMIRA Tables 2, 11, 13); what follows the name is the group's population.
GROUP_PROGRAM_STUDY = stored.compile(
    r"^(?:(?:Study|Trial)[ \t]{1,2})?(?P<name>[A-Z][A-Za-z]{0,3}-[IVX]{1,4})(?![\w-])[ \t]{0,2}(?P<rest>[^\n]{0,80})$"
)

# A column group that names a trial, not a population: "ADVANCE-3", "Study RA-II", "EINSTEIN DVT Study".
GROUP_TRIAL_NAME = stored.compile(
    r"^(?:Study[ \t]{1,2}[A-Z0-9][\w-]{0,12}|[A-Z][A-Z0-9]{2,}(?:-[A-Z0-9]{1,6}){0,2}(?:[ \t]\d{1,3})?|[^|\n]{2,40}?[ \t](?:Study|Trial))$"
)
# A column group called a study or trial by name, whatever the prose introduced: "Study 1", "Maintenance
# Study 2" (REVLIMID Tables 15, 17), "EINSTEIN DVT Study" — not a biomarker that looks like a code ("BRCA2").
GROUP_STUDY_NAME = stored.compile(
    r"^(?:(?:[A-Z][\w-]{1,20}[ \t]){0,2}(?:Study|Trial)[ \t][A-Z0-9][\w-]{0,12}|[^|\n]{2,40}?[ \t](?:Study|Trial))$"
)


# --- Header cells of any form: arm Ns, doses in arm names, sub-columns, between-arm columns ----------

# An arm's N in a header, however printed: "(N=233)", "n=790", "N = 475", "(n = 338)", "N=1,127", "N= 478";
# glued to the lower-case word before it: "EventN=7081" (not to capitals: "ITTN = 246" is a row label's).
HEADER_N = stored.compile(
    rf"(?:\([ \t]{{0,2}})?(?:(?<![A-Za-z])[Nn]|(?<=[a-z])N)[ \t]{{0,2}}=[ \t]{{0,2}}(?P<count>{COUNT})(?:[ \t]{{0,2}}\))?"
)

# A dose, schedule or regimen code inside an arm's name, which may carry digits: "200 mg every 3
# weeks", "5.4 mg/kg", "75 mg/m2", "160/80 mg", "every 2 or 3 weeks", "Q3W", "AUC 5", "mFOLFOX6", "5-FU",
# the cohort an arm is ("YERVOY and Nivolumab (Cohort 4)"). A dose ends before a lower-case letter
# only: glued, the next cell's capital follows it ("0.5 mg2.5 mgAcetate", FEMARA Table 17).
_ARM_DOSE_AMOUNT = (
    r"\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)?[ \t]{0,2}(?:mg|mcg|µg|g|mL|IU)(?:/(?:kg|m[ \t]?2|day|d|mL))?(?-i:(?![a-z]))"
)

ARM_NAME_DIGITS = stored.compile(
    rf"""{_ARM_DOSE_AMOUNT}
    | every[ \t]{{1,3}}(?:other[ \t]{{1,3}})?\d{{0,2}}(?:[ \t]{{1,3}}or[ \t]{{1,3}}\d{{1,2}})?[ \t]{{0,3}}(?:weeks?|days?|months?)
    | \bQ\d{{1,2}}W\b | \bAUC[ \t]{{0,2}}\d{{1,2}} | \b(?:Arm|Cohort|Part)[ \t]{{1,2}}[A-Z0-9]{{1,2}}\b
    | (?<![\w.])[A-Za-z][A-Za-z-]{{0,12}}\d[A-Za-z0-9-]{{0,8}}(?![\w.]) | (?<![\w.])\d-[A-Z]{{2,4}}\b""",
    regex.VERBOSE | regex.IGNORECASE,
)

# What an arm's name never holds (once its doses are taken out): a percent, a CI, a sentence, a
# comparison or a digit — "Placebo (95% CI) PFS Overall ITT" has left the header.
ARM_NAME_STOP = stored.compile(r"%|\bCI\b|[.;]\s|[.;]$|[\d≥≤<>]|\bvs\.?\s")

# A label "Arm A:" before an arm's name: "Arm A: TECENTRIQ", "Arm B: Best Supportive Care".
ARM_LETTER = stored.compile(r"^Arm[ \t]{1,2}[A-Z0-9]{1,2}[ \t]{0,2}:[ \t]{0,2}")

# A footnote marker or symbol glued to the end of a header cell: "Placebo (N = 237)*", "HUMIRAa".
HEADER_CELL_MARK = stored.compile(r"(?:[*†‡§¶#]{1,3}|(?<=[A-Z]{3})[a-f](?:,[a-f]){0,2})$")

# A grade sub-column of an adverse-reaction table: "All Grades (%)", "Any grade(%)", "Grades 3-4",
# "Grade 3 or 4", "Grade 3 or Grade 4", "Grade 3 or higher", "Grade ≥3", "Grade 3", "Grades 1-4",
# "All Gradesa %".
GRADE_LABEL = stored.compile(
    r"""(?:(?P<all>(?:All|Any)[ \t]{0,2}Grades?)
    | Grade\s{0,2}≥\s{0,2}(?P<atleast>\d)
    | Grades?[ \t]{0,2}(?P<low>\d)(?:[ \t]{0,2}(?:-|–|to|or|and)[ \t]{0,2}(?:Grade[ \t]{0,2})?(?P<high>\d)
        | [ \t]{1,2}or[ \t]{1,2}(?P<higher>higher|greater|above|more))?)
    (?:[a-f*†‡](?=[ \t]{0,2}(?:%|\(|\||\n|$)))?     # a footnote mark glued on: "All Gradesa %" (VERZENIO)
    (?:[ \t]{0,2}\(?[ \t]{0,2}%[ \t]{0,2}\)?)?""",
    regex.VERBOSE | regex.IGNORECASE,
)

# What the header says an arm column's cells hold, when the rows name events rather than statistics:
# (statistic, unit, what a percent beside the count is, pattern), tried in order.
CELL_FORMATS: tuple[tuple[str, str, str, regex.Pattern[str]], ...] = (
    # "Events / 1000 patient years" (BRILINTA), "Event Rate (per 100 Pt-yrs)" (XARELTO), "Incidence Rate
    # (per 100 patient years)" (REPATHA)
    (
        "event_rate",
        "per 1000 patient-years",
        "",
        stored.compile(r"Events?[ \t]{0,2}/[ \t]{0,2}1000[ \t]{0,2}patient[- ]?years?", regex.I),
    ),
    (
        "event_rate",
        "per 100 patient-years",
        "",
        stored.compile(
            r"(?:Event|Incidence)[ \t]{1,2}Rate[ \t]{0,2}\([ \t]{0,2}per[ \t]{1,2}100[ \t]{1,2}(?:Pt|patient)-?[ \t]?(?:yrs?|years?)[ \t]{0,2}\)",
            regex.I,
        ),
    ),
    (
        "event_rate",
        "%/year",
        "",
        stored.compile(
            # "Event rate (%/year)"; "Event rate %/year" (XARELTO Table 11)
            r"Event[ \t]{1,2}Rate[ \t]{0,2}\(?[ \t]{0,2}%[ \t]{0,2}/[ \t]{0,2}(?:year|yr)(?:[ \t]{0,2}\))?",
            regex.I,
        ),
    ),
    # "n (%/year)": a count of patients with the event, the yearly rate beside it
    (
        "events",
        "patients",
        "%/year",
        stored.compile(r"\bn[ \t]{0,2}\([ \t]{0,2}%[ \t]{0,2}/[ \t]{0,2}year[ \t]{0,2}\)", regex.I),
    ),
    (
        "events",
        "patients",
        "%",
        stored.compile(
            r"\bn[ \t]{0,2}\([ \t]{0,2}(?:%|patients[ \t]{1,2}with[ \t]{1,2}events?)[ \t]{0,2}\)(?:[ \t]{0,2}\([ \t]{0,2}95%[ \t]{0,2}CI[ \t]{0,2}\))?",
            regex.I,
        ),
    ),
    # "ELIQUIS N=2609 n Enoxaparin/Warfarin N=2635 n": "n" alone, before the next cell or the end
    ("events", "patients", "%", stored.compile(r"(?<![A-Za-z])n(?=[ \t]{0,2}(?:$|\||[A-Z]))")),
    # "| N | % with events | N | % with events |" (EFFIENT Table 6): each row's own patients, a cell of its own
    ("n", "patients", "", stored.compile(r"(?<=\|[ \t]{1,2})N(?=[ \t]{1,2}\|)")),
    (
        "rate",
        "%",
        "",
        # "%" glued to the next arm's name is still the column's: "Placebo (N = 302) %REPATHA (N = 599) %"
        stored.compile(
            r"\bKM[ \t]{0,2}%|%[ \t]{0,2}with[ \t]{1,2}events?|\(\s{0,2}%\s{0,2}\)|%(?!(?-i:[a-z0-9_])|\()", regex.I
        ),
    ),
)

# Between-arm columns that a header names after its arms: the statistic and its name.
# An abbreviation may be glued to the lowercase word before it: "once dailyRRR".
BETWEEN_LABELS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("rrr", stored.compile(r"(?-i:(?<![A-Z]))RRR(?![A-Za-z+-])|Relative[ \t]{1,2}Risk[ \t]{1,2}Reduction", regex.I)),
    (
        "rr",
        stored.compile(
            r"(?-i:(?<![A-Z]))RR(?![A-Za-z+-])|Relative[ \t]{1,2}Risk(?![a-z])|Risk[ \t]{1,2}Ratio", regex.I
        ),
    ),
    ("hr", stored.compile(r"(?-i:(?<![A-Z]))HR(?![A-Za-z+-])|Hazard[ \t]{1,2}Ratio", regex.I)),  # not "HR+ Cohort"
    ("or", stored.compile(r"Odds[ \t]{1,2}Ratio|(?<![A-Za-z])OR(?![A-Za-z+-])")),
    ("difference", stored.compile(r"(?:(?:Treatment|Risk)[ \t]{1,2})?Difference\b", regex.I)),  # "Risk Difference"
    # glued to the cells around it: "(95% CI)P-valueELIQUIS", "RiskP-value"
    ("p", stored.compile(r"(?:(?<![A-Za-z0-9])[Pp]|(?<=[a-z])P)[- ]?[Vv]alue(?![a-z])")),
)

# What else a header prints between its cells and may be passed over: a CI level, a footnote mark,
# "XARELTO vs. Warfarin" over the hazard ratio, a stub word ("Endpoint", "Adverse Reaction"), a unit
# the grade columns under the arm say again, flattened ("n=407 Frequency rate % … All Grades % Grades 3 – 4 %";
# with cells kept it is a row of its own, left to the structured reader).
HEADER_FILLER = stored.compile(
    r"""[ \t\n|,]+ | \(?[ \t]{0,2}9\d(?:\.\d+)?[ \t]{0,2}%[ \t]{0,2}(?:CI|Confidence[ \t]{1,2}Interval)[ \t]{0,2}\)?
    | [*†‡§¶#]{1,3} | (?<=[\s|)%])[a-f](?=[\s|]|$) | \([ \t]{0,2}\)
    | (?<![|][ \t]{0,2})Frequency[ \t]{1,2}rate[ \t]{0,2}%""",  # flattened, after an arm's N (PERJETA Tables 3-7)
    regex.VERBOSE | regex.IGNORECASE,
)

# A header cell that only names the row labels below it: "Endpoint", "Efficacy Parameter", "Event",
# "Adverse Reaction(s)", "Laboratory Abnormality", "Outcome Components", "Treatment Dosage and Duration".
_STUB_WORDS = r"""(?:(?:Efficacy[ \t]{1,2})?(?:Endpoints?|Parameters?|Outcomes?)(?:[ \t]{1,2}(?:Measures?|Components?))?
    |Events?|Adverse[ \t]{1,2}(?:Reactions?|Events?)|Laboratory[ \t]{1,2}(?:Abnormalit(?:y|ies)|Tests?|Parameters?)
    |Body[ \t]{1,2}System[ \t]{0,2}/[ \t]{0,2}Adverse[ \t]{1,2}Reactions?
    |Treatment[ \t]{1,2}Dosage[ \t]{1,2}and[ \t]{1,2}Duration|Response|Parameter[ \t]{0,2}:?[ \t]{0,2}median)"""

STUB_LABEL = stored.compile(rf"^{_STUB_WORDS}[ \t]{{0,2}}:?$", regex.VERBOSE | regex.IGNORECASE)

# The same where a header's rows ran together: "… Placebo N = 234 Adverse ReactionAll Grades (%)".
STUB_WORDS = stored.compile(rf"{_STUB_WORDS}(?-i:(?![a-z]))[ \t]{{0,2}}:?", regex.VERBOSE | regex.IGNORECASE)

# Where two cells of a flattened header ran together: the case changes across the boundary
# ("LenvatinibSunitinib", "VOTRIENTPlacebo", "n=790Placebo", "PatientsCPS").
GLUED_BOUNDARY = stored.compile(r"(?<=[a-z0-9)%])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2})")

# A word that joins the name after it to the arm before it: "KEYTRUDA … and Lenvatinib", "IBRANCE
# plus Letrozole", "Lynparza/abiraterone" (looked for just before a name).
ARM_JOINER_BEFORE = stored.compile(r"(?:\b(?:and|with|plus|or|in|of)|[+/,&-])[ \t]{0,3}\Z", regex.IGNORECASE)

# The start of a name glued to the drug name after it: "Ado-" of "Ado-trastuzumab".
NAME_PREFIX = stored.compile(r"[A-Z][a-z]{1,8}-\Z")

# What the last arm name of a flattened header goes on with before the body starts: drugs joined
# to it, its dose, lower-case words ("Placebo + Letrozole", "Ado-trastuzumab emtansine 3.6 mg/kg",
# "Lynparza tablets"); a capitalised word without a joiner starts the first row ("Progression-Free").
ARM_NAME_TAIL = stored.compile(
    rf"""(?:[ \t]{{0,2}}(?:\+|plus|with|and|or|/)[ \t]{{0,2}}[A-Za-z][\w'-]{{1,30}}
    | [ \t]{{0,2}}{_ARM_DOSE_AMOUNT}
    | [ \t]{{1,2}}every[ \t]{{1,3}}\d{{1,2}}[ \t]{{1,3}}(?:weeks?|days?)
    | [ \t]{{1,2}}{_ROUTE_OR_FREQUENCY}(?![a-z])  # "sc qdRelative Risk": the next cell glued on
    | [ \t]{{1,2}}[a-z][a-z0-9'-]{{2,30}}){{0,12}}""",  # "once dailyRRR": the next cell starts at the capital
    regex.VERBOSE,
)

# A word that ends a column group's name: "HR+ Cohort", "Overall Population", "All Patients".
# A numbered name, as column groups name the trials of one program: "RECORD 1", "ADVANCE-2" (glued or not).
NUMBERED_NAME = stored.compile(r"(?<![A-Za-z])(?P<word>[A-Z][A-Za-z]{2,20})[ -]?\d{1,2}(?![\d.])")

GROUP_HEAD_NOUN = stored.compile(r"\b(?:Cohorts?|Population|Patients|Subgroup|Group|Analysis|Set|Study)\b", regex.I)

# Footnote marks on an event's or a reaction's name: "DVT*", "Nausea1", "Infections1;2", "Time to Death1"
# (a digit glued to a lower-case word; "COVID-19" and "HER2" keep theirs).
EVENT_NAME_MARKS = stored.compile(r"[*†‡§¶#]{1,3}$|(?<=[a-z])\d{1,2}(?:[;,]\d{1,2}){0,3}$")

# A footnote key letter glued to the last word of a reaction's name: "Infectionsd", "Fatiguee" (VERZENIO
# Table 8); the reader strips it only where that footnote names the word.
GLUED_FOOTNOTE_LETTER = stored.compile(r"(?P<word>\p{L}{3,40})(?P<key>[a-z])$")  # "Hemorrhagic eventsk" (LENVIMA)
# The footnotes a table prints in its last row: "| a Includes hypothyroidism, … b Includes …" (LENVIMA Table 9);
# flattened, after the last row's cells: "… 23 4 15 4 a Includes hypothyroidism, …".
FOOTNOTE_ROW = stored.compile(
    r"^\|[ \t]{1,2}(?=a[ \t][A-Z])|(?<=[\d%)][ \t]{1,2})(?=a[ \t]\p{Lu}\p{Ll})", regex.MULTILINE
)
NOTE_WORD = stored.compile(r"\p{L}+")  # the words of a footnote: "Includes asthenia, fatigue."

# A dash that sets a component apart from the composite above it: "- Stroke", "– MI".
LEADING_DASH = stored.compile(r"^[-–—•][ \t]{0,2}")

# A lettered arm anywhere in a flattened header: "… Carboplatin Arm B: TECENTRIQ with …".
ARM_LETTER_ANYWHERE = stored.compile(r"(?<![A-Z])Arm[ \t]{1,2}[A-Z0-9]{1,2}[ \t]{0,2}:")

# "XARELTO vs. Warfarin": a cell over the columns that compare two arms.
VERSUS = stored.compile(r"\bvs\.?\s|\bversus\b", regex.IGNORECASE)

# A row that names a trial, not a population: "EINSTEIN DVT Study N=1731 n (%)".
TRIAL_ROW = stored.compile(r"^(?P<trial>.{2,40}?)\s+(?:Study|Trial|Studies)$")

# A row that names an analysis set, not a subgroup: "Events from Day 1 to Day 10, PP analysis set",
# "mITT analysis set plus all-cause mortality" (MAGELLAN) — its Ns are that set's, whole.
ANALYSIS_SET_ROW = stored.compile(r"\banalysis\s+set\b|\bper[- ]protocol\b", regex.IGNORECASE)

# A footnote digit glued to the word before it when the cells after it are spaced: the "1" of
# "Nausea1 52 2.4 29 0.6", of "Progression-Free Survival1 N = 248 N = 247" (matched at the digit).
MARK_GLUED_TO_WORD = stored.compile(r"(?<=[a-z])\d{1,2}(?=[ \t]{1,3}(?:[<≤]?\d|[Nn][ \t]{0,2}=[ \t]{0,2}\d))")

# A day that is part of the row label: the "35" of "Primary Composite Endpoint at Day 35 131 (4.4%)"
# (matched at the number, looking back). Only "at Day N": weeks and months head landmark cells too.
TIME_POINT_NUMBER = stored.compile(r"(?<=\bat[ \t]Day[ \t])\d{1,3}\b", regex.IGNORECASE)

# A number joined by a hyphen to the word after it starts a row label, never a cell: the "5" of
# "Event Rate (%/year) 5-Component Outcome (Major thrombotic vascular events) 6.8 8.0" (XARELTO
# Table 27), "6-Minute Walk Distance"; a range of figures ("10-20") is no label.
NUMBER_JOINED_TO_WORD = stored.compile(r"\d{1,3}-[A-Za-z]{2}")

# Capitalised words just before a name known only by its N, in the same cell: the "Rd " of "Rd
# Continuous (N = 535)" — after a sentence's end, a bar or the start, never across digits.
WORDS_BEFORE_NAME = stored.compile(r"(?:^|[.;:|][ \t]{1,2}|\n)(?P<words>(?:[A-Z][A-Za-z0-9+/-]{0,15}[ \t]){1,3})\Z")

# A drug's name by its INN stem, as a header prints it: "Cetuximab", "Everolimus".
DRUG_NAME = stored.compile(HEADER_DRUG, regex.VERBOSE)  # the endings are spread over lines

# A heading over the columns that compare two arms: "XARELTO vs. Warfarin", "XARELTO 10 mg vs.
# Aspirin 100 mg", "ELIQUIS 2.5 mg bid vs Placebo" — passed over in a header.
VERSUS_HEADING = stored.compile(
    r"""[A-Z][A-Za-z0-9+/-]{1,30}(?:[ \t]{1,2}\d+(?:\.\d+)?[ \t]?mg(?:[ \t]{1,2}[a-z]{2,3}\b)?)?
    [ \t]{1,2}(?:vs\.?|versus)[ \t]{1,2}
    [A-Z][A-Za-z0-9+/-]{1,30}(?:[ \t]{1,2}\d+(?:\.\d+)?[ \t]?mg(?:[ \t]{1,2}[a-z]{2,3}\b)?)?
    (?:[ \t]{1,2}(?:Group|Arm|Regimen)s?\b)?  # "XARELTO vs. Comparator Group Risk Difference (95% CI)" (EINSTEIN Junior)""",
    regex.VERBOSE,
)

# A row naming the two arms its between-arm statistic compares, under a heading naming the statistic:
# "HR [95% CI]; p-value", then "Rd Continuous vs MPT | 0.72 (0.61, 0.85)" (REVLIMID Table 13).
VERSUS_ROW = stored.compile(r"^(?P<first>[^|\n]{1,40}?)[ \t]{1,2}(?:vs\.?|versus)[ \t]{1,2}(?P<second>[^|\n]{1,40})$")

# A name followed by "vs.": the first arm of a comparison heading, not an arm column.
VERSUS_AFTER = stored.compile(r"[ \t]{0,3}(?:\d+(?:\.\d+)?[ \t]?mg[ \t]{0,2})?(?:vs\.?|versus)[ \t]", regex.IGNORECASE)

# An N printed in a table, glued or not: "N = 246", "(N=233)", "ITTN = 246" (bench/table_agreement
# counts how many of them each form reads).
N_PRINTED = stored.compile(
    r"(?<![A-Za-z])[Nn]\s{0,2}=\s{0,2}(?P<count>\d[\d,]{0,9})|(?<=[A-Z]{2})N\s{0,2}=\s{0,2}(?P<count>\d[\d,]{0,9})"
)

# A percent sign closing an arm's header cell: "Effient (%)", "Placebo %" — its cells are percents.
TRAILING_FORMAT = stored.compile(r"[ \t]{0,2}(?:\([ \t]{0,2}%[ \t]{0,2}\)|%)[ \t]{0,2}\Z")

# The unit printed after a between-arm column's name: "Relative Risk Reduction (%)", "Difference %".
BETWEEN_UNIT = stored.compile(r"[ \t]{0,2}(?:\([ \t]{0,2}%[ \t]{0,2}\)|%(?![\w(]))")


# A sub-column of one arm that names who assessed its cells: "Investigator Assessed | Independent Review"
# (VERZENIO Table 19) — not a population.
ASSESSMENT_COLUMN = stored.compile(
    r"^(?:Investigator(?:[- ]Assess(?:ed|ment))?|Independent[ \t](?:Central[ \t])?Review|BICR|IRC|Blinded[ \t].{0,40})$",
    regex.IGNORECASE,
)

# A caption that names a numbered study, the label's own name for the trial: "Efficacy Results in
# Endometrial Carcinoma in Study 309" (LENVIMA Table 18), "Efficacy Results – Study 1", "Table 11: Study 5:
# Efficacy Results" — not the trial named before the table; an acronym after it is its better-known name
# ("in Study 1 (PALOMA-2)"), a disease is not ("in Study 205 (RCC)").
CAPTION_NUMBERED_STUDY = stored.compile(
    r"""(?:\b(?:in|from|for)[ \t]{1,2}(?:the[ \t]{1,2})?|[ \t][–—-][ \t]{1,2}|^Table[ \t]\d{1,3}[:.][ \t]{1,2})
    (?P<name>(?:Study|Trial)[ \t]{1,2}(?:[A-Z]?\d{1,5}[A-Za-z]?   # "Study 309", not section "Study 1.2"
      |(?P<acronym>[A-Z]{1,5}-\d{1,5}[A-Za-z]?)))\b(?!\.\d)       # "– Study MM-020": the trial is "MM-020"
    (?:[ \t]{0,2}\([ \t]{0,2}(?=[A-Z0-9-]{0,30}\d|[A-Z]{5})(?P<acronym>[A-Z][A-Z0-9-]{2,30})[ \t]{0,2}[),])?
    # " (PALOMA-2)", " (FOURIER": a trial's acronym has a digit or five letters; "(RCC)" names a disease
    """,
    regex.VERBOSE,
)


# A caption that names its trial with "the … Study": "Efficacy Results at Day 35 … in the MAGELLAN Study".
CAPTION_THE_TRIAL = stored.compile(
    rf"\bin[ \t]{{1,2}}the[ \t]{{1,2}}(?P<name>{TRIAL_WORD})[ \t]{{1,2}}(?:Study|Trial)\b"
)


# A row label that only counts the patients of the rows below it: "Number of Patients | N=1513 | N=1473" (XARELTO Table 22).
PATIENT_COUNT_LABEL = stored.compile(
    r"^[ \t]{0,3}(?:number[ \t]{1,2}of[ \t]{1,2})?(?:patients|subjects|participants)[ \t]{0,3}$", regex.IGNORECASE
)


# A duration of response in lay words, a few words between: "Responses on chemotherapy lasted a median
# of 6.3 months", "responses to the combination lasted" (the phrase list holds "responses lasted").
RESPONSES_LASTED = stored.compile(r"\brespon(?:ses?|ders?)(?:\s[\w-]{1,20}){1,4}?\slasted\b", regex.I)


timed.wrap(globals())  # every pattern above is held to the reading budget
