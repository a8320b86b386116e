"""Patterns for tables laid out from their cells (SPL ``colspan``/``rowspan``, `ingest.grids`) and for
the header of a single-arm trial's table (`read.tables.single_arm`).

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A figure in a cell that spans columns or rows, which the places it spans do not repeat: a digit
# that starts a number ("N = 102", "Placebo N=110", "(26 weeks)"), not one inside a name
# ("ADVANCE-3", "HER2") nor a CI's level ("Relative Risk (95% CI)" names the columns it spans).
FIGURE_IN_CELL = stored.compile(
    r"""(?<![A-Za-z0-9.-])
    (?!\d{1,2}(?:\.\d)?[ \t]{0,2}%[ \t]{0,2}(?:CI\b|[Cc]onfidence))   # "95% CI", "95%CI" is no figure
    \d""",
    regex.VERBOSE,
)

# A header cell of a single-arm trial's table that is its column's N and no arm's name: "N = 102",
# "Total N = 102 % of patients" (ADCETRIS Table 1, under the disease "HL"), "(N=58)", "All Patients
# N=184"; what it prints after the N is what the cells hold, read as header items.
SINGLE_ARM_N_CELL = stored.compile(
    r"""[ \t]{0,2}
    (?:(?:Total|All[ \t]{1,2}(?:Patients|Subjects)|Overall|Patients|Subjects)[ \t]{0,2}:?[ \t]{0,2})?  # who the N counts
    (?=\(?[ \t]{0,2}[Nn][ \t]{0,2}=)                                                # then the N itself
    """,
    regex.VERBOSE,
)

# A single-arm table's column (under its N) that holds percents of patients: "Percent (95%CI)" (ADCETRIS
# Table 2, beside "Duration of Response, in months"), "% (95% CI)", "Rate (95% CI)".
PERCENT_COLUMN = stored.compile(r"[ \t]{0,2}(?:Percent(?:age)?|%|Rate)(?![A-Za-z])")

# The word between a range's two figures in a cell: "1.4 to 21.9" (ADCETRIS Table 2, "Range" column).
RANGE_WORD = stored.compile(r"(?<=\d)[ \t]{1,2}to[ \t]{1,2}")

# Who a caption's population is, before the disease that names it: "Patients with " of "Patients with
# Hodgkin Lymphoma" (ADCETRIS Table 2).
PATIENTS_WITH = stored.compile(r"^(?:Adult[ \t]{1,2})?(?:Patients|Subjects)[ \t]{1,2}with[ \t]{1,2}", regex.I)

# The words of a flattened caption that name its patients' disease in title case, up to the note run into
# it: "Hodgkin Lymphoma" of "… in Patients with Hodgkin Lymphoma Not estimable Follow up was …" (ADCETRIS
# Table 2 flattened) — capitalised words (and the joiners between them) not followed by a lower-case word,
# which would make the last of them a note's first ("Not estimable").
TITLE_CASE_NAME = stored.compile(
    r"""^\p{Lu}[\p{L}\d'-]{0,30}                                         # "Hodgkin"
    (?:[ \t](?:of|and|or|the|\p{Lu}[\p{L}\d'-]{0,30})(?![ \t]\p{Ll})){0,8}  # " Lymphoma", not " Not" before "estimable"
    (?![ \t]{0,2}\p{Ll})                                                # not a sentence-case name cut short
    """,
    regex.VERBOSE,
)

timed.wrap(globals())  # every pattern above is held to the reading budget
