"""Patterns for doses and their schedules, in label text and in articles.

Label and article share the schedule; an article's dose may also be in grams ("1 g daily"),
which labels print as "1,000 mg" or per kilogram.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A dose's schedule after its unit: "orally once daily", "twice a day", "daily", "every 3 weeks".
_SCHEDULE = r"""
    (?P<schedule>
      (?:\s+(?:orally|by\s+mouth|intravenously|iv|po))?                      # route
      \s+(?:once|twice|three\s+times)\s+(?:a\s+)?(?:daily|day|weekly|week)   # "once daily"
      | (?:\s+(?:orally|intravenously))?\s+(?:daily|weekly)
      | \s+every\s+\d+\s+(?:days|weeks|hours)
    )?
"""

# A dose in label text: "pazopanib 800 mg once daily", "80 mg orally once daily"; an inhaled gas's
# concentration is its dose: "The recommended dose of INOmax is 20 ppm".
LABEL_DOSE = stored.compile(
    rf"""
    (?<![\w.])(?P<amount>\d+(?:\.\d+)?)\s*            # "800"
    (?P<unit>mg/m\s?2|mg/m²|mg/kg|mg|mcg|µg|ppm)\b  # "mg", "mg/m 2" (a superscript 2 printed apart), "20 ppm" of a gas
    (?!\s?/(?!d(?:ay)?\b))                           # not a concentration ("26 mg/dL")
    {_SCHEDULE}
    """,
    regex.VERBOSE | regex.I,
)

# A dose right after an article's number: "800 mg once daily", "80 mg orally once daily",
# "200 mg/m2 every 3 weeks".
DOSE_AFTER = stored.compile(
    rf"""
    ^\s*(?P<unit>mg/m2|mg/m²|mg/kg|mg|mcg|µg|g|ppm)\b(?!\s?/(?!d(?:ay)?\b))  # unit, not a concentration ("20 mg/dL"); "mg/d" is a dose; "20 ppm" of a gas
    {_SCHEDULE}
    """,
    regex.VERBOSE | regex.I,
)

# Any of `DOSE_AFTER`'s units anywhere in a sentence: without one no number of it is a dose, and
# its numbers are not looked at one by one ("4.6 − 1.6 – …" a megabyte long).
DOSE_UNIT_ANYWHERE = stored.compile(r"(?:mg|mcg|µg|g|ppm)\b", regex.I)

# Words between a dose and a drug named after it that make the drug a partner the dose is given
# with, not the drug it is of: "40 mg once daily when given with nivolumab", "10 mg plus letrozole".
PARTNER_BETWEEN = stored.compile(r"\b(?:with|plus|and|or|versus|vs|than|added\s+to)\b|\+")

# --- schedules written one way, to compare "800 mg daily" with "800 mg orally once daily" --------

# The route, which does not change the schedule: "orally", "by mouth", "IV".
ROUTE = stored.compile(r"\b(?:orally|by mouth|intravenously|iv|po)\b")

# "once a day", "once daily", "daily" → "once-daily".
ONCE_DAILY = stored.compile(r"\bonce\s+a\s+day\b|\bonce\s+daily\b|\bdaily\b")

# "twice a day", "twice daily" → "twice-daily".
TWICE_DAILY = stored.compile(r"\btwice\s+(?:a\s+day|daily)\b")

# The prefix and suffix a biologic's nonproprietary name carries, not the drug: "fam-trastuzumab
# deruxtecan-nxki" is trastuzumab deruxtecan, "tremelimumab-actl" tremelimumab; "nab-paclitaxel" is
# another drug than paclitaxel and keeps its prefix.
BIOLOGIC_AFFIX = stored.compile(r"\b(?:fam|ado|ziv)-(?=[a-z]{5})|(?<=[a-z]{4})-[a-z]{4}\b")

# The salt a label's drug is named with, which the article leaves out: "prasugrel hydrochloride" is
# prasugrel, "imatinib mesylate" imatinib.
SALT_WORD = stored.compile(
    r"\s(?:hydrochloride|hcl|mesylate|dimesylate|maleate|dimaleate|citrate|tosylate|besylate|malate|fumarate"
    r"|succinate|tartrate|sulfate|phosphate|acetate|hydrobromide|sodium|disodium|potassium|calcium)\b"
)

# A unit per square metre whose 2 was printed apart: "mg/m 2" is "mg/m2".
SQUARE_METRE = stored.compile(r"/m\s2\b")

timed.wrap(globals())  # every pattern above is held to the reading budget

# An arm named by its dose at the head of the value's clause, the value right after it: "On the
# lower 2.5 mg dose, 4.2% had a recurrent clot or died", "At 100 mg, 82% …". Searched up to the
# value (endpos), so the dose is the clause's and nothing stands between it and the number.
LEADING_DOSE_ARM = stored.compile(
    r"""
    \b(?:on|with|at|in|for|among|taking|given|receiving)\s{1,3}   # "On", "among those taking"
    (?:(?:the|a|their)\s{1,3})?                                      # "the"
    (?:(?:lower|higher|low|high|reduced|full|standard|starting)\s{1,3})?  # "lower"
    (?P<dose>\d+(?:\.\d+)?\s{0,2}(?:mg/kg|mg|mcg|µg))\b             # "2.5 mg"
    (?:\s{1,3}(?:dose|arm|group|regimen|cohort))?                  # "dose"
    \s{0,3},?\s{0,3}                                                 # ", "
    (?:(?:about|around|only|just|roughly|nearly)\s{1,3})?           # "about"
    \Z                                                               # the value follows
    """,
    regex.I | regex.VERBOSE,
)
