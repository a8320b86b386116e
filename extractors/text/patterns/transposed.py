"""Patterns for tables printed with their arms as rows (REPATHA Tables 4-9, LIPITOR Tables 9 and 12),
read by `extractors.read.tables.transposed`.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# The stub over the arm rows: "Treatment Group" of "| Treatment Group | LDL-C | Non-HDL-C | …", glued
# to the first parameter when flattened ("Treatment GroupLDL-C").
# With cells kept, also a treatment stub with the dose: "| Treatment (Daily Dose) | N | Total-C | …" (LIPITOR
# Table 9), "| DOSAGE | N | …" (LIPITOR Table 12).
TRANSPOSED_STUB = stored.compile(
    r"\bTreatment[ \t]{1,2}(?:Groups?|Arms?)(?=[ \t|]|(?-i:[A-Z]))"
    r"|(?<=\|[ \t])(?:Treatment[ \t]{1,2}\((?:Daily[ \t]{1,2})?Dose\)|Dosage)(?=[ \t]{1,2}\|)"
    # flattened, only with the N column after it: "Treatment (Daily Dose) N Total‑C", "DOSAGENTotal-C"
    r"|(?<![\w|])(?:Treatment[ \t]{1,2}\((?:Daily[ \t]{1,2})?Dose\)|Dosage)(?=[ \t]{0,2}(?-i:N)(?:[ \t]|(?-i:[A-Z])))",
    regex.IGNORECASE,
)
# The column of each arm row's N, right after that stub: "| N |".
TRANSPOSED_N_COLUMN = stored.compile(
    r"[ \t]{0,2}\|[ \t]{1,2}N(?=[ \t]{1,2}\|)"
    r"|[ \t]{0,2}(?-i:N)(?=[ \t]|(?-i:[A-Z]))"  # flattened: "… Dose) N Total‑C", "DOSAGENTotal-C"
)
# That column's cell in an arm row: "707" of "| LIPITOR 10 mg | 707 | -27 |".
TRANSPOSED_N_CELL = stored.compile(r"[ \t]{0,2}(?P<count>\d+)")
# A row group that names the trial of the arm rows below it: "| Trial 1 |" (LIPITOR Table 9).
TRIAL_HEADING = stored.compile(r"^(?:Trial|Study)[ \t]\d{1,3}$")
# … flattened, run into the arm row after it: "Trial 2LIPITOR 10 mg222-25…" (its number never glued to a digit).
TRIAL_HEADING_FLATTENED = stored.compile(r"\b(?:Trial|Study)[ \t]\d{1,3}(?!\d)")

# An arm row's label ends with the arm's N: "Placebo every 2 weeks (n = 281)".
ARM_ROW_N = stored.compile(
    r"\([ \t]{0,2}[Nn][ \t]{0,2}=[ \t]{0,2}(?P<count>\d{1,3}(?:,\d{3})+|\d+)[ \t]{0,2}\)[ \t|\u00ad]{0,4}$"
)

# Where a flattened arm label starts after a row-group heading run into it: after the heading's
# closing parenthesis or sentence ("… simvastatin 40 mg) Placebo every 2 weeks (n = 281)").
ARM_LABEL_START = stored.compile(r"[).;|][ \t]{0,3}(?=[A-Z])")

# A between-arm row that names the arm it is measured from: "Mean difference from Ezetimibe (95% CI)".
DIFFERENCE_FROM = stored.compile(r"\bfrom[ \t]{1,2}(?P<arm>[A-Za-z][\w-]{0,40})", regex.IGNORECASE)

# The statistic a transposed table's caption says its arm rows hold: "(Mean % Change from Baseline to Week 12 …)".
CAPTION_MEAN_CHANGE = stored.compile(
    r"\bMean[ \t]{1,2}(?:%|percent(?:age)?)[ \t]{0,2}Change[ \t]{1,2}from[ \t]{1,2}Baseline", regex.IGNORECASE
)


timed.wrap(globals())  # every pattern above is held to the reading budget
