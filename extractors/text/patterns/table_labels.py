"""Patterns for the labels of table rows: the words that say which statistic a row holds ("Median
(months)", "Hazard ratio (95% CI)", "Events (n, %)") and the event a row counts.

Each pattern has a real label example above it.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored

# A column group that names a kind of event, not patients: "Major/Minor | Fatal" over the arms of
# EFFIENT Table 2 ("Bleeding Rates for Non-CABG-Related Bleeding by Weight and Age"), whose rows are
# the subgroups ("Weight <60 kg (N=308 Effient, N=356 clopidogrel)").
_EVENT_KIND = r"(?:major|minor|fatal|non-?fatal|life-threatening)"  # a bleeding's kinds
EVENT_KIND_GROUP = stored.compile(
    rf"^{_EVENT_KIND}(?:[ \t]{{0,2}}(?:/|\+|or\b|and\b)[ \t]{{0,2}}{_EVENT_KIND}){{0,3}}$", regex.IGNORECASE
)

# A row labelled by the letter alone: "N | 261 | 263" (the patients an endpoint's block counts).
LABEL_N = stored.compile(r"[\s(),:]*[Nn][\s(),:]*")

# The kind of response a generic "Response rate" row goes on to name: "Response rate CR, n (%)" is
# the complete response rate, not the objective one; not "CR+CRh" (a composite the vocabulary has no code for).
# Nor the first of a list of kinds: "Overall response: CR, VGPR, or PR" (REVLIMID Table 13) is all of them.
RESPONSE_KIND_AFTER = stored.compile(
    r"[ \t:,]{1,3}(?P<kind>CR|PR)\b(?![+/])(?![ \t]{0,2},[ \t]{0,2}(?:[A-Z]{2}|or\b))(?![ \t]{1,2}or\b)"
)

# A row label that is a kind of response by its abbreviation, alone or added up, with a glued footnote
# key and the cells' format after it: "CR", "CR+CRid", "nPR, n (%)", "CRh, n (%)" (VENCLEXTA Tables
# 19-27), "PR" — not "PR interval", not "CR rate" (named in words).
RESPONSE_CATEGORY_LABEL = stored.compile(
    r"""^(?P<kind>(?:CR[hiu]|s?CR|n?PR|VGPR)(?:[ \t]{0,2}\+[ \t]{0,2}(?:CR[hiu]|s?CR|n?PR|VGPR)){0,3})
    (?:[a-g](?![A-Za-z]))?                          # a footnote key glued on: "CR+CRid"
    (?=[ \t]{0,2}(?:,|\(|$))                        # then the cells' format or nothing: ", n (%)"
    """,
    regex.VERBOSE,
)

# "Mediana, months": a footnote key glued; "Med Survival (mos)" (HERCEPTIN Table 11)
LABEL_MEDIAN = stored.compile(r"\bmed(?:ian(?-i:[a-h])?)?\b", regex.IGNORECASE)

LABEL_MEAN = stored.compile(r"\bmean(?-i:[a-h])?\b", regex.IGNORECASE)

LABEL_HAZARD_RATIO = stored.compile(r"\bhazard\s+ratio(?-i:[a-h])?\b|\bHR\b", regex.IGNORECASE)  # "Hazard ratioc"

LABEL_ODDS_RATIO = stored.compile(r"\bodds\s+ratio(?-i:[a-h])?\b", regex.IGNORECASE)

# "3 year event-free rate, %" and "6-month progression-free rate" are rates, not counts of events.
_FREE_RATE = r"(?![- ]free(?:[ \t]{1,2}survival)?[ \t]{1,2}rate)"
LABEL_EVENTS = stored.compile(rf"\bevents?\b{_FREE_RATE}|\bdeaths?\b|\bprogress\w*\b{_FREE_RATE}", regex.IGNORECASE)

# A row naming a kind of death, the event its counts count: "CHD death", "Cancer death" (LIPITOR Table 7),
# a death and its cause in parentheses: "Death (any cause)", "Death (PE)" (XARELTO Tables 20, 22); not the
# deaths of an endpoint ("Deaths", "Total deaths", "Number of deaths", "Death events", "Deaths (n, %)").
DEATH_KIND_LABEL = stored.compile(
    r"""^(?:
        (?!(?:total|overall|all|number|patients|disease|progression)\b)     # not "Total deaths"
        \p{L}[\p{L}-]{1,30}(?:[ \t](?!(?:or|and)\b)\p{L}[\p{L}-]{1,30})?  # one or two words: "CHD", "Cancer"
        [ \t]{1,2}deaths?                                                  # "… death"
      | deaths?[ \t]{0,2}                                                  # "Death (any cause)": its cause
        \((?!(?:n|number|events?|patients|months|rate)\b)\p{L}{2}[\p{L} \t-]{0,40}\)  # in words, no count or unit
    )$""",
    regex.IGNORECASE | regex.VERBOSE,
)

# A row naming death as an outcome of its own, alone or with another ("Death", "Death or ECMO" in
# INOMAX Table 1 under "Death or need for ECMO was the study's primary end point"): the event its
# counts count, unless the rows above name a time-to-event endpoint whose events deaths are.
DEATH_OUTCOME_LABEL = stored.compile(
    r"^deaths?(?:[ \t]{1,2}(?:or|and/or|and)[ \t]{1,2}\p{L}[\p{L}-]{1,30}(?:[ \t]\p{L}[\p{L}-]{1,30}){0,3})?[ \t]{0,2}[,*†‡]{0,2}$",  # "Death or ECMO ,": a footnote mark
    regex.IGNORECASE,
)

# Statistics a row names with its endpoint that do not leave the population a row above named:
# "FISH+ / IHC2+ subgroup (N=160)", then "Median OS Duration (mos.)" (HERCEPTIN Table 14). Not a pattern:
# the statistic codes `vocabulary.statistic_of_label` gives.
STATISTICS_WITHIN_POPULATION = frozenset({"median", "mean", "hr"})

# "Objective response rate (n, %)", "ORR, n (%)": a count of patients with the percent beside it.
LABEL_COUNT_PERCENT = stored.compile(r"\(\s*n\s*,\s*%\s*\)|\bn\s*\(\s*%\s*\)", regex.IGNORECASE)

LABEL_PERCENT = stored.compile(r"%|\brate\b|\bpercent", regex.IGNORECASE)

LABEL_P_VALUE = stored.compile(r"\bp[- ]?value(?-i:[a-h])?\b", regex.IGNORECASE)  # "P-valued": a glued footnote key

LABEL_DIFFERENCE = stored.compile(r"\bdifference\b", regex.IGNORECASE)

LABEL_RESPONDERS = stored.compile(r"\bresponders\b", regex.IGNORECASE)
# A share named in words: "Proportion of responders with ≥6 months response duration | 89%" (YERVOY Table 27).
LABEL_PROPORTION = stored.compile(r"\b(?:proportion|percentage)[ \t]{1,2}of\b", regex.IGNORECASE)

# A row that counts patients by name: "Number of patients with pCR | 43 | 4" (OPDIVO Table 54), "No. of subjects".
LABEL_NUMBER_OF_PATIENTS = stored.compile(
    r"\b(?:number|no\.)[ \t]{1,2}of[ \t]{1,2}(?:patients|subjects)\b", regex.IGNORECASE
)

# A caption that says its cells are shares of patients, the header printing no "%" or "n (%)" of its
# own: "Table 3 - Percentage of patients reporting non-hemorrhagic adverse reactions … (PLATO)".
CAPTION_PERCENT_CELLS = stored.compile(
    r"\bpercent(?:age)?s?[ \t]{1,2}of[ \t]{1,2}(?:patients|subjects|participants)\b", regex.IGNORECASE
)

# A landmark of the duration of response, a row of its own under the DOR heading: "% with duration
# ≥ 12 months" (IMFINZI), "Patients with DoR ≥ 12 months, n (%)" (KISQALI), "Percent with duration
# ≥6 months" (YERVOY). Not "Duration of response (months)" nor "Median duration".
DOR_LANDMARK = stored.compile(
    r"""(?|\b(?:duration|DoR)(?:[ \t]{1,2}of[ \t]{1,2}response)?[ \t]{0,2}   # what lasted
    (?:≥|>=|of[ \t]{1,2}at[ \t]{1,2}least)[ \t]{0,2}                     # at least
    (?P<length>\d{1,3})[ \t]{0,2}(?P<unit>months?|weeks?|years?)\b      # how long: "12 months"
    |(?:≥|>=)[ \t]{0,2}(?P<length>\d{1,3})[ \t]{0,2}(?P<unit>months?|weeks?|years?)   # or the length first:
    [ \t]{1,2}(?:response[ \t]{1,2})?(?:in[ \t]{1,2})?duration\b)          # "with ≥6 months response duration"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# A landmark alone, under the duration of response: "≥6 months, n (%)" after "Durability of Response"
# (TECENTRIQ Table 30) — the DOR landmark's rate, as if the row said "duration ≥6 months".
LANDMARK_ALONE = stored.compile(r"^(?:≥|>=)[ \t]{0,2}(?P<length>\d{1,3})[ \t]{0,2}(?P<unit>months?|weeks?|years?)\b")
