"""Patterns for the cells of a flattened table row: where a run of cells starts after a label, and
the label's own digits or "N" a flattened row runs into its cells.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# Rates run together after the capitals of an event's abbreviation: "Nonfatal MI7.19.223.9" — a name's
# digits ("HER2", "BRCA1", "CD20") are never followed by a decimal point and more digits (matched at
# the cell's start, looking back at the capitals).
AFTER_CAPITALS_DECIMAL = stored.compile(r"(?<=[A-Z]{2})\d{1,3}\.\d")

# A count with its percent glued to the footnote keys a label ends with after its parentheses:
# "Overall Response Rate, n (%)c,d370 (47)293 (37)" (OPDIVO Table 73) — matched at the count,
# looking back at "(%)c,d".
# Empty cells of a dash with its footnote key, glued to the label before them and to the next cell:
# "p-valueb-e-e<0.0001" (OPDIVO Table 73: "not evaluated" twice, then a p-value) — a lone "-" between
# words joins them, one followed by a key and another cell does not.
KEYED_DASH_CELLS = stored.compile(r"(?:[-–—][a-h]){1,6}(?=[-–—<>≤≥]|\d)")

AFTER_NOTE_KEYS_COUNT = stored.compile(
    r"(?<=\)[a-h](?:,[a-h]){0,3})\d{1,6}[ \t]?\([ \t]?<?\d{1,3}(?:\.\d{1,3})?[ \t]?%?[ \t]?\)"
)

# A p-value cell printed with its "p" after the row label that names it: the "p<.0001" of "p-valuea
# p<.0001", and after the test the label names in parentheses: "p-value (stratified log-ranka) p<0.002"
# (YERVOY Table 25) — matched at the cell's start, looking back at the label.
AFTER_P_VALUE_LABEL = stored.compile(
    r"(?<=\bp[- ]?values?(?-i:[a-h])?(?:,[ \t]?[a-h])?(?:[ \t]{0,2}\([^()\n]{1,60}\))?[ \t]{0,3})", regex.IGNORECASE
)

# The digits a row label may end with, run into its first cell when flattened: the "75" of "PASI 75",
# the "24" of "Week 24" — a whole number of one to three digits.
LABEL_DIGITS = stored.compile(r"[1-9]\d{0,2}$")

# A flattened row label that ends with the row's own label "N", after a heading run into it: "MRD
# negativity rate (ITT population) N | 216 | 216" counts patients (a capital N, a word of its own).
LABEL_ENDS_IN_N = stored.compile(r"(?:^|[\s)])N[\s:]{0,3}$")

# A header's "N" alone, before the rate column beside it, flattened: each row's own patients — "Effient
# Clopidogrel Hazard Ratio (95% CI) N % with events N % with events", glued "N% with eventsN% with
# events" (EFFIENT Table 6), glued after a lowercase word. A capital N before a percent sign is never an
# arm's name or its N ("N=233").
ROW_N_BEFORE_RATE = stored.compile(r"(?:(?<![A-Za-z0-9])|(?<=[a-z]{2}))N(?=[ \t]{0,2}%)")

# A whole-number threshold printed after a word, as a heading row's label names a subgroup: the "≥75"
# of "Age ≥75" (EFFIENT Table 6), "<65" of "Age <65" — matched at the comparison sign, looking back at
# the word; "≥75Diabetes" glued goes on with a capital, checked by the caller.
THRESHOLD_AFTER_WORD = stored.compile(r"(?<=\p{L}[ \t]{0,2})[<≤>≥][ \t]{0,2}\d{1,3}(?![\d.,%])")

# A subgroup's "no" with its row's cells run into it: "Diabetes – no65216.467415.3" (EFFIENT Table 6
# glued); longer lower-case words are `tables.AFTER_LOWER_WORD`'s. Matched at the cell's start, looking
# back at the word, which stands alone ("Ino2" is no answer).
AFTER_NO = stored.compile(r"(?<=(?<![\p{L}\d])no)")

# A subgroup heading run into the first row under it, flattened: "Age ≥75 Diabetes – yes" is the
# heading "Age ≥75" and the row "Diabetes – yes" (EFFIENT Table 6; with cells kept, two rows) — the
# heading's words end in a whole-number threshold, the row starts with a capital.
SUBGROUP_HEADING_RUN_IN = stored.compile(
    r"""^(?P<heading>\p{Lu}[\p{L} ]{0,30}?[ \t]{0,2}[<≤>≥][ \t]{0,2}\d{1,3})  # "Age ≥75"
    [ \t]{0,3}(?P<own>\p{Lu}.{0,200})$  # the row: "Diabetes – yes"
    """,
    regex.VERBOSE,
)

# A footnote key's digit before a row's own N, where a run of cells would otherwise start: after a
# key list, "Progression-Free Survivala,1 N = 484", "Overall Response Rate*,2 N = 32" (KISQALI Tables
# 16 and 17), after an abbreviation in parentheses, "Duration of Response (DoR)3 N = 15", or glued to
# the word and the N, "Progression-Free Survival1N = 248" (Table 15 glued) — matched at the digit,
# looking back; the N a capital, its count digits.
MARK_BEFORE_ROW_N = stored.compile(
    r"(?:(?<=\p{Ll})|(?<=[\p{Ll}*†‡§¶],)|(?<=\p{L}\)))\d{1,2}(?=[ \t]{0,3}N[ \t]{0,2}=[ \t]{0,2}\d)"
)

# A row label that names percentiles, printed after the row of cells before it when flattened: the
# "25%, 75% Quartile" of "Median Resp Duration (mos), 8.3 5.8 … 6.4 25%, 75% Quartile 6, 15 4, 8 …"
# (HERCEPTIN Table 11) — matched where a run's trailing percent ends, on the text after it; the
# percents are the label's, not cells.
PERCENTILES_LABEL = stored.compile(
    r"(?:,[ \t]{0,2}\d{1,2}(?:\.\d)?[ \t]?%[ \t]{0,2}){0,2}(?:quartiles?|percentiles?|interquartile|IQR)(?![a-z])",
    regex.IGNORECASE,
)

# A time point printed as a heading row over the rows it times, flattened before the next row's label:
# the "4" of "Week 4 Clinical remission 12% 36%* 7% 21%*" (HUMIRA Table 11), "Week 26 Clinical remission"
# (Table 12) — the number is the heading's, never a cell (matched at the number, looking back at the
# time word, looking ahead at a capitalised word).
TIME_POINT_HEADING = stored.compile(
    r"(?<=\b(?:Week|Month|Day|Year)[ \t]{1,2})\d{1,3}(?=[ \t]{1,3}\p{Lu}\p{Ll})", regex.IGNORECASE
)
# … and in the row label it runs into: "Week 4 Clinical remission" is the heading "Week 4" and the row
# "Clinical remission" (with cells kept, two rows).
TIME_HEADING_RUN_IN = stored.compile(
    r"""^(?:[*†‡§¶#]{1,3}[ \t]{0,2})?  # a mark left over from the cell before: "58%** Week 12 …"
    (?P<heading>(?i:Week|Month|Day|Year)[ \t]{1,2}\d{1,3})  # "Week 4"
    [ \t]{1,3}(?P<own>\p{Lu}\p{Ll}.{0,200})$  # the row: "Clinical remission"
    """,
    regex.VERBOSE,
)

# A dose glued to the lower-case word before it, in a flattened header: the next arm's cell starts
# with its dose — "Placebo40 mg HUMIRA every other week" (HUMIRA Table 12 glued) is "Placebo" and "40 mg
# HUMIRA every other week"; inside a cell a space stays before a dose ("Enoxaparin 40 mg").
DOSE_GLUED_AFTER_WORD = stored.compile(
    r"(?<=\p{Ll}{2})(?=\d{1,4}(?:\.\d{1,3})?[ \t]{0,2}(?:mg|mcg|µg|g|mL)(?:/(?:kg|m2|m²))?(?!\p{Ll}))"
)

# A row of bare CIs glued to its "CI" label, each high bound run into the next low bound: "95% CI7,84,55,
# 102,47,95,7" (HERCEPTIN Table 11 glued) — matched at the first digit, looking back at "CI"; two commas
# at least (`read.tables.glued_cis` cuts the pieces).
GLUED_CI_ROW = stored.compile(r"(?<=\bCI)(?=\d[\d.]{0,8},\d[\d.]{0,12},\d)")

# A footnote keyed by a digit in the notes above a table's header: the "1" of "… version 4.03. 1Only
# includes a Grade 3 adverse reaction." (KISQALI Table 8), of "3Patients with complete response …" —
# after a sentence's end or at the start, before a capitalised word.
DIGIT_FOOTNOTE_KEY = stored.compile(r"(?:(?<=[.;:)][ \t]{0,2})|^|(?<=\n))(?P<key>[1-9])(?=\p{Lu}\p{Ll})")

# A row of Ns glued to the row's own "N": "MRD negativity rate (ITT population) N216216 Bone marrow"
# (VENCLEXTA Table 20 glued) — the N a word of its own, then only digits up to the next row's
# capital; a nodal stage with its count ("N245 (20)") goes on with a percent, and is not matched.
AFTER_N_LABEL = stored.compile(r"(?<=(?:^|[\s)])N)(?=\d{3,12}[ \t]{1,3}\p{Lu})")

# A count with its rate glued to an abbreviation of capitals and one lower-case letter: "CR+CRi16 (8)7 (4)"
# (VENCLEXTA Table 21 glued: complete remission with incomplete recovery) — matched at the cell's
# start, looking back; `tables.AFTER_CAPITALS_COUNT` takes "MI24 (0.76)" and "ORRd183 (85)".
AFTER_CAPITALS_LOWER_COUNT = stored.compile(
    r"(?<=[A-Z]{2}[a-z])\d{1,6}[ \t]?\([ \t]?<?\d{1,3}(?:\.\d{1,3})?[ \t]?%?[ \t]?\)"
)

# Words that name a column group, never an arm: flattened, the groups print just before the arms and
# the first arm's cell would run back over them — "Combined Results Paclitaxel Subgroup AC Subgroup
# Herceptin + All Chemotherapy (n = 235)" (HERCEPTIN Table 11).
GROUP_WORDS = stored.compile(r"\b(?:Sub-?groups?|Results)\b", regex.IGNORECASE)

# A row label "p-value" with its cell, printed after a row of CIs flattened: "95% CI 7, 8 4, 5 … 5, 7
# p-value < 0.0001 < 0.0001 0.002" (HERCEPTIN Table 11) — the p-values are the next row's, not a cell
# of the row of CIs (matched at a "pval" token's start).
P_VALUE_ROW_LABEL = stored.compile(r"[Pp][- ]?[Vv]alues?(?![a-z])")

# The word a column group's name ends with, flattened before the arms it spans: "Combined Results
# Paclitaxel Subgroup AC Subgroup" (HERCEPTIN Table 11), glued "Combined ResultsPaclitaxel SubgroupAC
# Subgroup"; "Overall Population (HR+ and HR- Cohorts)" goes on, and is left to `groups.split_labels`.
# Glued, the next name's capital follows the word at once: only a lower-case letter goes on the word.
GROUP_NAME_END = stored.compile(
    r"(?<![A-Za-z])(?:Cohorts?|Population|Patients|Sub-?groups?|Group|Analysis|Results)(?-i:(?![a-z]))(?![ \t]{0,2}\()",
    regex.IGNORECASE,
)

# A cell glued to a footnote key printed apart from the label it marks: "p-value c<0.0001", "n(%) [95% CI]
# d138 (77.5)" (REVLIMID Table 22 glued) — one letter a–h, after a closing bracket or "value" and a
# space (matched at the cell's start, looking back), or the second of two keys: "p-valuec, d<0.0001<0.0001"
# (YERVOY Table 24 glued); `tables.AFTER_FOOTNOTE_KEYS` takes keys glued on.
AFTER_SPACED_FOOTNOTE_KEY = stored.compile(r"(?<=(?:[)\]]|\b[Vv]alues?(?:(?-i:[a-h]),)?)[ \t](?-i:[a-h]))")

# A sentence going on after the names a note mentions, where a header would go on with Ns, columns or
# its first row: "… was reported (diarrhea) for EGFR TKI comparator. Includes stomatitis …" (TAGRISSO
# Table 8 notes, flattened) — a full stop and the next sentence's capital, matched where the arms end.
SENTENCE_AFTER_ARMS = stored.compile(r"[ \t]{0,2}\.[ \t]{1,3}\p{Lu}")

# A header printed over two rows, flattened with its Ns after both: one-word arm names, then a row of
# doses and words that go on each name in turn — "Femara Femara Megestrol 0.5 mg 2.5 mg Acetate N = 188
# N = 174 N = 190" (FEMARA Table 17) is "Femara 0.5 mg", "Femara 2.5 mg", "Megestrol Acetate".
# — glued, a name ends where the next one's capital or the dose starts: "FemaraFemaraMegestrol0.5 mg".
ONE_WORD_NAME = stored.compile(r"\p{Lu}(?:[\p{Ll}-]{1,30}|\p{Lu}{1,30})(?![\p{Ll}])")
# a dose of the second row: "0.5 mg", "10 mg/kg", "400 mg/m2"; glued, the next piece's digit or capital
# follows at once ("0.5 mg2.5 mgAcetate")
ROW_DOSE = stored.compile(r"\d{1,4}(?:\.\d{1,3})?[ \t]{0,2}(?:mg|mcg|µg|g)(?:/(?:kg|m2|m²|day))?(?![\p{Ll}])")

# A name that a table's note defines a short name by, never a header's arm: the "PERJETA" and
# "trastuzumab" of "T=docetaxel, Ptz=PERJETA, H=trastuzumab" (PERJETA Table 9 notes, flattened before its
# header "H+T Ptz+H+T …") — matched just before the name, at the short name and its "=".
DEFINED_NAME = stored.compile(r"(?<![\w+-])[A-Z][A-Za-z]{0,4}[ \t]{0,2}=[ \t]{0,2}$")

# Where a word starts after a space, as the words of a flattened header cell are tried one by one:
# "Ptz+T Overall ITT" (PERJETA Table 9), where its last words are the first row's label.
WORD_AFTER_SPACE = stored.compile(r"(?<=[ \t])[^ \t]")

# The key of a table's first footnote run on from the caption's last word, flattened: the "a" of "… in
# monarchE a Includes the following fatal adverse reactions … b Includes …" (VERZENIO Table 8) — asked
# only before a "b" key that follows a sentence end (`tables.FOOTNOTE_KEY`).
FIRST_NOTE_KEY = stored.compile(r"(?<=[\p{L}\d)\]][ \t])(?P<key>a)[ \t](?=\p{Lu}\p{Ll})")

# A row whose cells hold no value, flattened into the label of the row after it: "p-valuec NT - NS -
# Overall Response Rate, n (%)a, NT 90 (27.7) …" (YERVOY Table 32: not tested, not significant, empty) —
# two such cells at least, then the next row's capital; with cells kept the rows are apart.
EMPTY_CELLS_BEFORE_LABEL = stored.compile(
    r"(?<![\w-])(?:NT|NS|NE|NA|[-–—])(?:[ \t]{0,2}(?:NT|NS|NE|NA|[-–—])(?![\w-])){1,7}[ \t]{1,2}(?=\p{Lu}\p{Ll})"
)

# A table whose rows are arms with their Ns in a column of their own, flattened: each arm row is the
# arm's name (words and doses), its N, then one signed value per measured quantity — "LIPITOR 10 mg 707
# -27 -36 -28 -17 +7", glued "LIPITOR 10 mg707-27-36-28-17+7", "Placebo47-1.5-0.4-1.9 1.00.7" (LIPITOR
# Tables 9 and 12). See `listed_arm_row`.
_ARM_WORD = r"\p{L}[\p{L}'’\u2011-]{0,30}"  # "Lovastatin", "LIPITOR"
_ARM_DOSE = r"\d{1,4}(?:\.\d{1,3})?[ \t]?(?:mg|mcg|µg|g)(?:/(?:kg|m2|day))?(?!\p{Ll})"  # "10 mg"
# a row that is no arm's, to pass over: "95% CI for Diff -9.2, -6.5 …", a heading "Trial 2"
NOT_AN_ARM_ROW = stored.compile(r"\b(?:CI|Diff(?:erence)?|vs\.?|versus)\b", regex.IGNORECASE)
# One value of such a row: "-27", "+7", "1.0".
LISTED_VALUE = stored.compile(r"(?P<plus>\+)?(?P<digits>[-\u2212]?\d{1,4}(?:\.\d)?)")

# A response rate glued to the kind of response its row names, flattened, with its CI after it: the "32"
# of "CR32 (23,42)", "ORR73 (65,83)" (ADCETRIS Tables 2-3 glued) — the kind's abbreviation a word of its
# own; matched at the rate, looking back. "CD20", "HER2 (…)" name no kind of response.
AFTER_RESPONSE_KIND = stored.compile(r"(?<=(?<![\p{L}\d])(?:s?CR|n?PR|ORR|VGPR))\d{1,3}(?:\.\d{1,2})?(?=[ \t]{0,2}\()")

timed.wrap(globals())  # every pattern above is held to the reading budget


def listed_arm_row(values: int) -> regex.Pattern[str]:
    """One arm row of a flattened table whose rows are arms (see `NOT_AN_ARM_ROW` above): the arm,
    its N and exactly ``values`` signed numbers, a row label or the end after them. Run together, a
    value's sign or the next value's digits end it ("-39.62.8" is -39.6 and 2.8: each value has one
    decimal at most, the way its column prints it)."""
    value = r"[ \t]{0,2}[-+\u2212]?\d{1,4}(?:\.\d)?"
    return stored.compile(
        rf"""(?<!\p{{Ll}})(?P<arm>{_ARM_WORD}(?:[ \t]{{1,2}}(?:{_ARM_WORD}|{_ARM_DOSE})){{0,6}})  # "LIPITOR 10 mg"
        [ \t]{{0,2}}(?P<count>\d{{1,6}})  # its N: "707"
        (?P<values>(?:{value}){{{values}}})  # "-27 -36 -28 -17 +7"
        (?=[ \t]{{0,2}}(?:\p{{L}}|\d{{1,3}}(?:\.\d)?%|$))  # the next row's label: "Lovastatin", "95% CI"
        """,
        regex.VERBOSE,
    )
