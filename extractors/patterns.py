"""Every pattern trialproof reads label text with, built from named pieces.

Each pattern has a real label example above it. Patterns are compiled once with
``regex.VERBOSE``; other modules import them from here and write none of their own
for label text.
"""

from __future__ import annotations

import regex

_FLAGS = regex.VERBOSE | regex.IGNORECASE

# A dash as labels print it: hyphen, en dash, em dash, minus sign.
_DASH = r"[-‐‑‒–—−]"

# A printed number: "4.6", "0.35", "246", "0. 39" (a space after the point, damage we read).
_NUM = r"\d+(?:\.\s?\d+)?"

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
          (?P<low>{_NUM}|NR|NE|NA)\s*(?:,|;|\bto\b|{_DASH})\s*
          (?P<high>{_NUM}|NR|NE|NA)\s*\))
    | (?P<pct>\(\s*(?P<pct_value>{_NUM})\s*%?\s*\))          # "(0.4)" of "1 (0.4)": a percent
    | (?P<damaged>\(\s*\d[\d.,\s]*\d\s*\))                    # a CI that lost its comma: "(3.9.2)"
    | (?P<pval>[Pp]\s*(?:-\s*value|\s+value)?\s*(?P<pval_cmp>[<=≤])\s*(?P<pval_value>{_NUM}))  # ", p<0.0001" in a cell
    | (?P<qual>(?:NR|NE|NA)(?=(?-i:[a-h])?\b)|Not\s+reached|Not\s+estimable)  # "NR", "NRa", "Not reached"
    | (?P<cmp>[<≤>≥]\s*(?=\d))                               # "<0.0001"
    | (?P<run>\d(?:\.\s(?=\d)|[\d.])*)                        # digits and points, maybe several numbers run together
    | (?P<percent>%)                                          # "41.6% (36.9, 46.5)": the unit of the number before
    | (?P<dash>{_DASH}(?!\d))                                 # "–": an empty cell
    | (?P<foot>(?<=[\d)\s%–—-]|NR|NE)(?:[a-h]|[*†‡§¶#])(?![A-Za-z]))  # a footnote marker: "0.35 a", "(2.3,7.9) b0", "–b", "NRa"
    | (?P<sep>\|)                                             # a cell boundary kept by structured.render_table
    | (?P<space>[ \t\u00a0]+|,[ \t]*)                          # spaces between cells (a line end ends the row)
    """,
    regex.VERBOSE,
)

# A number inside a CI bound or a split cell, with the point-space repair.
NUMBER = regex.compile(rf"^{_NUM}$")

# "The efficacy of pazopanib was evaluated in VEG110727" — names the label's drug and trial.
EFFICACY_OF_DRUG = regex.compile(
    r"""efficacy\s+(?:and\s+safety\s+)?of\s+(?P<drug>[A-Za-z][A-Za-z-]{3,})\s+(?:was|were|is)\s+(?:evaluated|established|assessed|demonstrated)""",
    _FLAGS,
)

# A trial's short name: two or more capitals or digits ("SOLO-1", "OlympiA", "PROpel"), not a
# disease stage ("IIIA") and not an ordinary capitalised word ("Patients").
_TRIAL_WORD = r"(?![IVX]+[A-C]?\b)[A-Z](?=[A-Za-z0-9-]*[A-Z0-9])[A-Za-z0-9-]{3,}"

# A trial identifier: "VEG110727", "FLAURA", "AURA3", "CheckMate 017", "KEYNOTE-189".
TRIAL_NAME = regex.compile(
    rf"""
    \b(?:evaluated|studied|assessed|demonstrated|established)\s+in\s+   # "evaluated in VEG110727"
      (?:the\s+)?(?P<name>[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9-]*(?:\s\d{{2,4}})?)
    | \bin\s+(?P<caption_name>{_TRIAL_WORD})\b                          # "… in VEG110727", "in PROpel"
    | (?P<registered>\b[A-Z][A-Za-z]*[A-Z0-9][A-Za-z0-9-]*)(?:\s+trial)?\)?\s*[\[(]\s*NCT\d{{8}}
                                                                    # "(ADAURA [NCT02511106])", "the LAURA trial [NCT03521154]"
    """,
    regex.VERBOSE,
)


def assessment_of(text: str) -> str | None:
    """ "BICR" or "investigator" when ``text`` says who assessed the endpoint; the last one named wins."""
    found = None
    for match in ASSESSMENT.finditer(text):
        found = "BICR" if match.group("bicr") else "investigator"
    return found


def trial_name(match: regex.Match[str]) -> str:
    """The trial a TRIAL_NAME match names, whichever way it was introduced."""
    return str(match.group("name") or match.group("caption_name") or match.group("registered"))


# A caption names its trial after "in" or a dash: "Efficacy Results – SOLO-1", "Results in FLAURA".
CAPTION_TRIAL = regex.compile(rf"(?:\bin|\s[–—-])\s+(?P<name>{_TRIAL_WORD})\b")

# "NCT00753688"
NCT_ID = regex.compile(r"\bNCT\d{8}\b")

# "randomized (2:1)", "randomized 2:1", "in a 1:1 ratio"
RANDOMIZATION_RATIO = regex.compile(
    r"""random\w*\s*\(?\s*(?P<a>\d{1,2})\s*:\s*(?P<b>\d{1,2})\s*\)?
      | \b(?P<a2>\d{1,2})\s*:\s*(?P<b2>\d{1,2})\s+(?:ratio|randomi)""",
    _FLAGS,
)

# "randomized (2:1) to receive pazopanib 800 mg once daily or placebo" — names the arms.
RANDOMIZED_TO = regex.compile(
    r"""randomi[sz]ed\s*(?:\(\s*\d+\s*:\s*\d+\s*\)\s*|\d+\s*:\s*\d+\s+)?to\s+(?:receive\s+)?(?:either\s+)?
        (?P<first>[A-Za-z][\w-]*)(?P<between>[^.;]{0,80}?)\s+or\s+(?:to\s+)?(?:receive\s+)?(?P<second>[A-Za-z][\w-]*)""",
    _FLAGS,
)

# Footnote text that states a p-value: "P value < 0. 001", "p=0.0002", "Two-sided p-value 0.0462"
P_VALUE = regex.compile(
    rf"""\bp\s*-?\s*(?:value)?\s*(?P<cmp>[<≤=]|<\s*=)?\s*(?P<value>0?\.\s?\d+|0\.\s\d+|1\.0+|{_NUM})""",
    _FLAGS,
)

# Footnote text that states response counts: "There were 11 partial responses and 0 complete responses."
RESPONSE_COUNT = regex.compile(
    r"""(?P<count>\d+)\s+(?P<kind>partial|complete)\s+respons\w*""",
    _FLAGS,
)

# A row label that names a population rather than a statistic.
POPULATION_LABEL = regex.compile(
    r"""\b(?:subgroup|population|cohort|ITT|intent[- ]to[- ]treat|overall|all\s+patients|stage)\b""",
    _FLAGS,
)
OVERALL_POPULATION = regex.compile(
    r"""^\s*(?:overall(?:\s+ITT)?|ITT|intent[- ]to[- ]treat(?:\s+population)?|all\s+(?:randomized\s+)?patients|overall\s+population)\s*$""",
    _FLAGS,
)

# A caption that names a subset of patients: "CNS ORR and DOR by BICR in Patients with Measurable
# CNS Lesions at Baseline in FLAURA" — its measurements belong to that population.
CAPTION_POPULATION = regex.compile(
    r"""\bin\s+(?P<population>patients\s+with\s+[^.;\n|]+?)(?=\s+in\s+[A-Z][A-Z0-9-]{3,}|\s*[.;\n|]|$)""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Who assessed the endpoint: "according to Investigator Assessment", "by BICR", "by Independent
# Assessment", "assessed by independent radiological review", "Blinded Independent Central Review".
ASSESSMENT = regex.compile(
    r"""\b(?P<bicr>BICR|blinded\s+independent\s+(?:central\s+)?review|independent\s+(?:radiolog\w*\s+)?(?:review|assessment))
      | \b(?P<investigator>investigator(?:'s)?\s+assess\w*|according\s+to\s+(?:the\s+)?investigator|by\s+investigator)""",
    regex.VERBOSE | regex.IGNORECASE,
)

# Known damage to the words of row labels, in the order applied. Each rule: name, pattern,
# replacement, why it happens, a real example. Numbers are never repaired this way: a number's
# damage ("0. 39") is read where it stands and flagged, so its span still points at the text.
LABEL_REPAIRS: tuple[tuple[str, regex.Pattern[str], str, str, str], ...] = (
    (
        "split_initial",
        regex.compile(r"\b([A-Z]) (?=[a-z]{2,})"),
        r"\1",
        "openFDA text sets a bold or styled first letter apart from its word",
        "Progression- F ree Survival → Progression- Free Survival",
    ),
    (
        "hyphen_space",
        regex.compile(r"(?<=[A-Za-z])- (?=[A-Za-z])"),
        "-",
        "a line break after a hyphen became a space",
        "Progression- Free → Progression-Free",
    ),
)


def repair_label(text: str) -> tuple[str, tuple[str, ...]]:
    """A row label with known damage repaired, and the names of the rules that fired."""
    fired = []
    for name, pattern, replacement, _why, _example in LABEL_REPAIRS:
        repaired = pattern.sub(replacement, text)
        if repaired != text:
            fired.append(name)
            text = repaired
    return text, tuple(fired)


# Non-slug characters in a file stem.
NON_SLUG = regex.compile(r"[^a-z0-9]+")

_SPACES = regex.compile(r"[ \t\u00a0]+")
_BLANK_LINES = regex.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def collapse_spaces(text: str) -> str:
    """Runs of spaces become one space; runs of blank lines become one blank line."""
    return str(_BLANK_LINES.sub("\n\n", _SPACES.sub(" ", text)))


# --- prose ----------------------------------------------------------------------------------

# A sentence of label prose: up to a period followed by a space and a capital, or a line end.
SENTENCE = regex.compile(r"[^\n]+?(?:\.(?=\s+[A-Z(\[])|\.?$|\n)", regex.MULTILINE)

# "HR = 0.87 (95% CI: 0.67, 1.12)", "hazard ratio (HR)=0.62 (95% CI: 0.51, 0.75), p < 0.0001",
# "HR 0.78, 95% CI (0.69, 0.89), p=0.0002", "HR=0.45; 95% CI: 0.36, 0.57", "HR: 1.68, 95% CI: 1.09, 2.59"
PROSE_RATIO = regex.compile(
    rf"""
    (?P<name>\bHR\b|hazard\s+ratio(?:\s*\(HR\))?|odds\s+ratio(?:\s*\(OR\))?|relative\s+risk|rate\s+ratio)
    \s*(?:of\s+|was\s+|[=:]\s*)?                                  # "HR = ", "HR: ", "hazard ratio of"
    (?P<value>{_NUM})(?![\d.])
    (?:\s*[,;(\[]?\s*
       (?:(?P<level>9\d(?:\.\d+)?)\s*%\s*(?:CI|confidence\s+interval)\s*[:=,]?\s*)?  # "95% CI:"
       [(\[]?\s*(?P<low>{_NUM})\s*(?:,|;|\bto\b|{_DASH})\s*(?P<high>{_NUM})\s*[)\]]?
    )?
    (?:[\s,;)\]]*p\s*(?P<cmp>[<≤=]|<\s*=)\s*(?P<p>{_NUM}))?                          # ", p < 0.0001"
    """,
    _FLAGS,
)

# "12.6 months", "58.7 weeks" — a duration in prose.
PROSE_DURATION = regex.compile(
    rf"""(?<![\d.])(?P<value>{_NUM})\s*(?P<unit>months?|weeks?|days|years)\b""",
    _FLAGS,
)

# "A total of 682 patients were randomized", "369 patients were randomized"
PROSE_RANDOMIZED_TOTAL = regex.compile(
    r"""(?:total\s+of\s+)?(?P<value>\d[\d,]*)\s+(?:patients|subjects|participants)\s+(?:were\s+)?randomi[sz]ed""",
    _FLAGS,
)

# "to TAGRISSO (n=339) or placebo (n = 343)", "either TAGRISSO in combination with pemetrexed and
# platinum-based chemotherapy (n=279) or TAGRISSO monotherapy (n=278)": the arm is the phrase since "to", "either" or "or"
PROSE_ARM_N = regex.compile(
    r"""(?:\b(?:to|either|or|and)\s+)(?:receive\s+)?(?:either\s+)?(?:to\s+)?
        (?P<arm>[A-Za-z](?:[^().;,]|\([^()]*\)){0,80}?)\s*\(\s*[Nn]\s*=\s*(?P<value>\d[\d,]*)\s*\)""",
    regex.VERBOSE,
)

# "No statistically significant difference was observed", "was not statistically significant"
NOT_SIGNIFICANT = regex.compile(
    r"""\bno\s+(?:statistically\s+)?significant\s+difference|\bnot\s+(?:statistically\s+)?significant""",
    _FLAGS,
)


# --- Row labels: what is left of a label once its endpoint and statistic are taken out is its population ---

EMPTY_PARENS = regex.compile(r"\(\s*[+/,]?\s*\)")

LABEL_STATISTIC_WORDS = regex.compile(r"\s*(?:median|mean|\(months\)|\(95%\s*CI\)|%|n\s*\(%\))\s*", regex.IGNORECASE)

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
TAIL_N = regex.compile(r"\b[Nn]\s*=\s*(?P<count>\d[\d,]*)")

# An arm's N: "(N=233)", or "N=22" after a space; never glued as in the row label "Overall ITTN = 246".
N_AFTER_ARM = r"(?:\s*\(\s*[Nn]\s*=|\s+[Nn]\s*=)\s*\d"

# The N printed in a header cell with the arm: "TAGRISSO (N=233)", "Everolimus 10 mg N=50".
ARM_N = regex.compile(r"\s*\(?\s*[Nn]\s*=\s*(?P<count>\d[\d,]*)\s*\)?\s*$")

# A sentence or line break between two arm names: they are not one header ("VOTRIENT. If VOTRIENT").
SENTENCE_BREAK = regex.compile(r"[.;:]\s|\n")

# Between two arm names of a header there is no CI, percent or number: "Placebo (95% CI) PFS Overall ITT"
# has left the header.
HEADER_GAP_STOP = regex.compile(r"\bCI\b|%|\d")

# What may follow the last arm name in a header: arm Ns, "(95% CI)", between-arm column names.
HEADER_TAIL = regex.compile(
    r"""(?:\s*(?:\||\(\s*[Nn]\s*=\s*\d+\s*\)|[Nn]\s*=\s*\d+|HR|Hazard\s+[Rr]atio|Odds\s+[Rr]atio|
        [Pp][- ]?[Vv]alue|\(\s*9\d(?:\.\d+)?%\s*CI\s*\)|9\d(?:\.\d+)?%\s*CI))*""",
    regex.VERBOSE,
)

# Between-arm column names in a header: "HR (95% CI)", "Odds Ratio", "p-value".
BETWEEN_COLUMNS = (
    ("hr", regex.compile(r"\bHR\b|Hazard\s+[Rr]atio", regex.VERBOSE)),
    ("or", regex.compile(r"Odds\s+[Rr]atio|\bOR\b", regex.VERBOSE)),
    ("p", regex.compile(r"\b[Pp][- ]?[Vv]alue\b", regex.VERBOSE)),
)

# A confidence level: "(95% CI)", "Hazard ratio (99.8% CI)".
CI_LEVEL = regex.compile(r"(?P<level>9\d(?:\.\d+)?)\s*%\s*CI")

# --- Prose ------------------------------------------------------------------------------------------

# Durations that are not trial endpoints: "median age of 55 years", "median follow-up of 26 months".
NOT_AN_ENDPOINT = regex.compile(
    r"\b(?:age|aged|follow[- ]?up|duration\s+of\s+(?:treatment|exposure|therapy)|exposure|treated\s+for)\b",
    regex.IGNORECASE,
)

# --- Ingest -----------------------------------------------------------------------------------------

# A JATS journal article: "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS …", "<article article-type=\"review-article\">".
JATS = regex.compile(r"<!doctype\s+article\b|<article\b[^>]*(?:jats|article-type)")

# --- Registry records -------------------------------------------------------------------------------

# A registry group that is the control arm: "Placebo Tablet", "SoC EGFR-TKI (Global Cohort)", "Chemotherapy".
CONTROL_WORDS = regex.compile(r"\b(?:placebo|soc|standard\s+of\s+care|chemotherapy|control|comparator)\b", regex.I)

# --- Tables rendered with their cell boundaries -----------------------------------------------------

# A table row as structured.render_table writes it: "| Overall ITT | N = 246 | N = 123 | 0.35a |".
RENDERED_ROW = regex.compile(r"^\| (?P<cells>.*) \|$", regex.MULTILINE)

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
