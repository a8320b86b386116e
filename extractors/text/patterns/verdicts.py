"""Patterns for verdicts: populations, units, landmarks and corrections in claims and label rows.

Each pattern has a real example above it.
"""

from __future__ import annotations

from functools import cache

import regex

from extractors.text.patterns import stored, timed

# --- populations: an article's "‘Other soft tissue sarcoma’ subgroup" is the label's "Other STS" ---

# Quote marks around a population's name: "‘Other soft tissue sarcoma’ subgroup".
QUOTE_MARK = stored.compile(r"[‘’'\"“”]")

# Words of a population's name that do not name it: "Leiomyosarcoma subgroup", "patients with …".
# "status", "tumors" and "disease" too: "HRD-positive" and the label's "HRD-positive status" are one subgroup;
# and "histology": "non-epithelioid tumors" are the label's "non-epithelioid histology".
POPULATION_FILLER = stored.compile(
    r"\b(?:subgroups?|population|cohort|subset|patients?|with|status|tumou?rs?|disease|histology|histologies)\b"
)

# A population name made of doses and statistic words only, a table's header row misread as a group
# ("2.5 mg 20 mg Ratio": FEMARA Table 12's dose line over "Hazard or Odds Ratio"): it names no patients,
# so an article's "randomized to letrozole 2.5 mg or tamoxifen 20 mg" names no subgroup by it.
DOSES_ONLY_POPULATION = stored.compile(
    r"(?:[ \t]{0,3}(?:\d{1,5}(?:\.\d{1,3})?[ \t]{0,2}(?:mg|mcg|g|mg/kg|mg/m2)\b|ratio|hazard|odds|or|ci|95%))++[ \t]{0,3}",
    regex.I,
)

# A range of disease stages, written one way: "stage II to IIIA", "stage ii – iiia" → "stage ii-iiia".
# Two cohorts named together, written one way: "cohorts a and b" → "cohorts a+b", as the label's "Cohort A+B".
COHORTS_TOGETHER = stored.compile(
    r"(?<=\b(?:cohorts?|groups?|parts?)\s{1,2}[a-z0-9])\s{0,2}(?:and|\+|&)\s{0,2}(?=[a-z0-9]\b)"
)

STAGE_RANGE = stored.compile(r"(?<=\b[ivx]+[abc]?)\s*(?:-|\bto\b|\bthrough\b)\s*(?=[ivx]+[abc]?\b)")

# A population carried from the context that is the whole trial: "overall population", "ITT", "intent-to-treat".
OVERALL_WORD = stored.compile(r"\b(?:overall|itt|intent)", regex.I)

# A subgroup the clause says is within a group it names: "In the BRCA-mutated subgroup of cohort A, the rPFS
# hazard ratio was 0.22" is not cohort A's figure (LYNPARZA reports cohort A whole). Not "the subgroup of
# patients with …" (a determiner, then the patients: the population itself).
SUBGROUP_OF_GROUP = stored.compile(
    r"\b(?!(?:the|a|an|this|that|same|each|one)\b)(?P<qualifier>[\w+-]{2,30})\s{1,2}(?:subgroup|subset|subpopulation)"
    r"\s{1,2}(?:of|within)\s{1,2}(?:the\s{1,2})?(?:cohort|population|arm|trial|study)\b"
    r"(?:\s(?-i:[A-Z0-9][\w+-]{0,10}))?",  # its name: "cohort A", "cohort A+B"
    regex.I,
)

# The patients a response is measured in, which a label's table prints as a row of Ns ("Objective Response
# for Patients with Measurable Disease | N=267", read as no subgroup): "Among the 399 women with measurable
# disease, 55.4% responded". Not measurable CNS lesions (a subgroup with brain metastases).
RESPONSE_SET = stored.compile(r"\bmeasurable\s{1,2}disease\b", regex.I)

# A share said to be a relative reduction, after its value: "31% less major bleeding", "about 69% less".
RELATIVE_LESS_AFTER = stored.compile(
    r"^\s{0,2}(?:%|percent\b)\s{0,2}(?:less|lower|fewer|reduction|decrease)\b", regex.I
)

# A ratio named in a sentence: "(hazard ratio 0.69)", "(relative risk 0.31)", "HR 0.69".
RATIO_NAMED = stored.compile(r"\b(?:hazard\s+ratio|relative\s+risk|risk\s+ratio|(?-i:HR|RR))\b", regex.I)

# Where a value's own clause starts or ends: "Tumors shrank in 28% …, and 7% … saw their tumors disappear".
VALUE_CLAUSE_BREAK = stored.compile(r"[,;:]|\b(?:and|but|whereas|while)\b")

# A gap between arms' medians the sentence says one arm added, right before the value: "olaparib added
# nearly 18 months", "adds about 4 months".
ADDED_BEFORE = stored.compile(
    r"\badd(?:s|ed|ing)?(?:\s{1,2}(?:nearly|about|almost|roughly|around|over|some|an?|extra|additional)){0,3}\s{1,2}$",
    regex.I,
)

# An arm a sentence names as "the combination" without naming its drugs: "49% of patients given the combination".
THE_COMBINATION = stored.compile(r"\b(?:the|this)\s{1,2}combination\b(?!\s{1,2}(?:of|with)\b)", regex.I)

# A table's caption that says its patients are those randomized: "(Intent-to-Treat Analysis)", "ITT population".
RANDOMIZED_TABLE = stored.compile(r"\bintent[- ]to[- ]treat\b|\bITT\b|\brandomi[sz]ed\s{1,2}patients\b", regex.I)

# Words that say a figure is about death alone: "a hazard ratio of 0.83 for death", "deaths from any cause",
# "all-cause mortality" (not "recurrence or death", a composite).
DEATH_WORD = stored.compile(
    r"(?<!\bor\s)\b(?:for\s{1,2}death|deaths?\s{1,2}from\s{1,2}any\s{1,2}cause|all[- ]cause\s{1,2}(?:death|mortality))\b"
    r"(?!\s{1,2}or\b)",
    regex.I,
)

# A label endpoint that counts deaths: "All-cause death", "Death", "Mortality", "Survival".
DEATH_ENDPOINT = stored.compile(r"\b(?:deaths?|mortality|survival|died)\b", regex.I)

# A subgroup named by a marker's status: "HRD-negative tumours", "node-positive patients", "PD-L1 negative",
# "KRAS wild-type", "BRCA-mutated", "non-visceral disease"; or by its tumours' kind: "in non-epithelioid
# tumors", "in epithelioid tumours", "in squamous histology".
STATUS_SUBGROUP = stored.compile(
    r"\b[A-Za-z][A-Za-z0-9]{0,11}[-\u2010\u2011\s](?:positive|negative|wild[- ]type|mutated|mutant)\b"
    r"|\bnon-?visceral\b|\bvisceral\s{1,2}(?:disease|metastases)\b"
    r"|(?<=\bin\s{1,2})(?:non-?)?[a-z]{5,20}\s{1,2}(?:tumou?rs|histology|histologies)\b",
    regex.I,
)

# A clause that says its figure is the whole trial's: "In the overall COMPASS trial", "in the whole study
# population", "all patients", "the overall population", "ITT" — not answered by a subgroup's rows, and
# the label's whole-trial population where it names one; not "all patients with measurable disease" (a subgroup).
WHOLE_TRIAL = stored.compile(
    r"\b(?:(?:overall|whole|entire)\s(?:[A-Z][A-Za-z0-9-]{2,}\s)?(?:trial|study|population)|overall\s+ITT|ITT|intent[- ]to[- ]treat"
    r"|all\s+(?:randomi[sz]ed\s+)?patients(?!\s+(?:with|who|whose|aged|from)\b))\b",
    regex.I,
)

# --- units and landmarks ------------------------------------------------------------------------

# The time unit a label row or column names for medians printed without one: "Median PFS (months)".
TIME_UNIT = stored.compile(r"\b(months?|weeks?|years?|days?)\b", regex.I)

# The unit word right after an article's value, replaced in a correction: "4.6 months" → "20 weeks".
LEADING_TIME_UNIT = stored.compile(r"^(\s*)(?:months?|weeks?|years?|days?)\b")

# A rate of patients with an event, not a response or survival rate: "Patients with events (%)", "Deaths";
# not a rate of patients free of events (LYNPARZA's OlympiA "3-year event-free rate, %").
EVENT_ROW = stored.compile(
    r"\b(?:events?(?![-\u2010\u2011\u2013]free)|deaths?|died|progressive\s+disease|progressed|discontinu\w*|recurren\w*|relapsed?)\b",
    regex.I,
)

# A label saying a result is not significant, though its interval may exclude 1: "which did not cross the
# boundary for statistical significance" (an interim analysis), "did not reach a pre-defined
# significance level (p=0.01)", "not statistically significant".
SIGNIFICANCE_NOT_REACHED = stored.compile(
    r"\bdid\s{1,2}not\s{1,2}(?:cross|reach|meet|achieve)\b[^.;]{0,60}?\bsignifican\w*|\bnot\s{1,2}statistically\s{1,2}significant\b",
    regex.I,
)

# A percentage in brackets right after a count, its share of the arm: "155 nivolumab patients (45%)",
# "73 (47%)". Searched up to the value, so "$" is the value's start.
SHARE_OF_COUNT_BEFORE = stored.compile(r"(?<![\d.])\d[\d,]{0,9}(?:\s[A-Za-z-]{1,30}){0,3}\s?\(\s?$")

# A landmark of a rate: "2-year DFS rate", "at 24 months", "12 month OS", "after three years", "ACR20
# Month 6", "Clinical Remission at Week 8" (a visit, named unit first); not
# a dosing interval ("KEYTRUDA 200 mg every 3 weeks", an arm's name in a table's column), nor the
# decimals of a duration ("from 4.5 to 7.2 months" is no 2-month time point).
LANDMARK = stored.compile(
    r"""(?<!\b(?:every|each|per)\s{1,2})(?<!\d[.,])\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ](?P<unit>year|month|week)s?\b
      | \b(?:at|after)\s+(?P<n2>\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit2>year|month|week)s?\b
      | \b(?P<unit3>year|month|week)\s{1,2}(?P<n3>\d{1,3})\b(?![.,]\d)   # a visit named unit first: "Month 6", "at Week 8", "(week 56)"
    """,
    regex.I | regex.VERBOSE,
)

# --- the article's own statements ------------------------------------------------------------

# The comparison sign of a p-value, right before it: "p < 0.001", "p=0.21".
P_OPERATOR_BEFORE = stored.compile(r"([<=>≤≥])\s*$")

# The end of the clause before a value, where what qualifies it stops: "…; CNS ORR was 70%".
CLAUSE_START = stored.compile(r"[;.:!?](?=\s)|\b(?:whereas|while|but)\b")

# Where one clause of a sentence ends and the next, about another group, begins — a semicolon or a
# contrast, not a colon ("RECORD 1 (hip): total VTE 1.1%" is one statement about the hip trial):
# "… randomized 5637 adults …; 5120 of them were in cohort 1"; ", and in" opening another group's clause:
# "In follicular lymphoma responses were seen in 80% vs 55%, and in patients with marginal zone …";
# ", and" before a group an abstract heads its values with: "HR 0.85 (0.63-1.15), and CPS <5 (n=606): HR 0.94".
CLAUSE_BOUNDARY = stored.compile(
    r""";|\b(?:whereas|while|but)\b
    |,\s{1,2}and\s{1,2}(?=(?:in|among|for)\s)
    |,\s{1,2}and\s{1,2}(?=[^,;:.()]{1,30}(?:\([^()]{1,20}\)\s{0,2})?:)  # the group, maybe its "(n=606)", then ":"
    """,
    regex.VERBOSE,
)

# A bracket that breaks a count down into groups: "557 patients (494 hormone receptor-positive, 63
# hormone receptor-negative)" — its groups are its own numbers', not the count's before it.
BREAKDOWN_BRACKET = stored.compile(r"\(\s{0,2}\d[\d,]{0,8}\s{1,2}[^()\d]{1,40}?[,;]\s{0,2}\d[^()]{0,120}\)")

# What separates the groups inside a breakdown bracket.
BREAKDOWN_SEPARATOR = stored.compile(r"[,;]")

# The percent sign or word right after a value, before the words that say what the share is of:
# "20% data maturity", "36 percent of pre-specified deaths".
PERCENT_SIGN = stored.compile(r"^\s{0,2}(?:%|percent\b|per\s+cent\b)")

# A sentence break in label prose, to take the sentence a prose measurement was read from.
SENTENCE_BREAK = stored.compile(r"(?<=[.!?])\s+(?=[A-Z(])|\n")

# The operator of a bound an article writes before a value, with what it replaces in a correction:
# "p < 0.001" → "p = 0.0462", "P<0.05".
OPERATOR_BEFORE = stored.compile(r"(?P<op>[<>≤≥]|=)\s{0,3}$")


@cache
def phrases_near(modifiers: tuple[str, ...], nouns: tuple[str, ...]) -> regex.Pattern[str]:
    """A modifier that qualifies an endpoint's noun, at most three words before it: "CNS ORR",
    "intracranial objective response", "brain metastases"."""
    mods = "|".join(regex.escape(m) for m in sorted(modifiers, key=len, reverse=True))
    heads = "|".join(regex.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return stored.compile(
        rf"(?<!\w)(?:{mods})(?:[\s-]{{1,3}}[\w-]{{1,20}}){{0,3}}?[\s-]{{1,3}}(?:{heads})(?!\w)", regex.I
    )


# --- arms ------------------------------------------------------------------------------------------

# An arm that is one of several drugs, any of which an article may name: "EGFR TKI (gefitinib or
# erlotinib)", "investigator's choice of chemotherapy".
ALTERNATIVES_ARM = stored.compile(r"\bor\b|\bchoice\b", regex.I)

# The words that join the drugs of a combination arm: "TAGRISSO with pemetrexed and platinum-based
# chemotherapy", "KISQALI + Letrozole", "osimertinib plus chemotherapy", "in combination with",
# "trifluridine/tipiracil".
COMBINATION_WORD = stored.compile(
    r"\s{0,2}\+\s{0,2}|\s(?:plus|with|and|in\s+combination\s+with)\s|(?<=[a-z]{3})/(?=[a-z]{3})", regex.I
)

# The words of a population's name, hyphenated ranges whole, a receptor's sign kept: "stage ii-iiia",
# "cns", "metastases", "hr+" (so "HR- cohort" never names the "HR+ Cohort").
POPULATION_TOKEN = stored.compile(r"[a-z0-9][a-z0-9-]*+\+?")

# Words of a population's name that an article may leave out: "at baseline", "on a baseline brain scan".
POPULATION_NOISE = stored.compile(r"at|on|a|an|the|of|in|to|who|had|have|baseline|scan|one|more|or|and|least")


@cache
def short_population(key: str) -> regex.Pattern[str]:
    """A population whose name is one or two characters once its filler is dropped ("a" of "Cohort
    A"), named only after its noun and alone: "in cohort A", not "a median" nor "cohorts A+B"."""
    return stored.compile(rf"(?<!\w)(?:cohorts?|groups?|parts?|arms?)\s{{1,2}}{regex.escape(key)}(?![\w+])")


@cache
def subgroup_named(words: tuple[str, ...]) -> regex.Pattern[str]:
    """A subgroup of an age, sex or region a clause names: "In patients aged 75 and over", "among
    Asian patients", "in women"."""
    body = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return stored.compile(
        rf"""\b(?:in|among|for)\s{{1,3}}(?:the\s{{1,3}})?
            (?:(?:{body})\s{{1,3}}(?:patients|participants|people|women|men|adults|subjects)\b
              | (?:patients|participants|people|those|adults|subjects)\s{{1,3}}(?:who\s{{1,3}}were\s{{1,3}})?(?:{body})(?!\w))""",
        regex.I | regex.VERBOSE,
    )


@cache
def difference_after(words: tuple[str, ...]) -> regex.Pattern[str]:
    """A value's unit, then a word that makes it a gap between arms: "… 11.2 months more without
    progression", "2.7 months longer"; matched right after the value."""
    body = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return stored.compile(rf"\s{{0,3}}(?:months?|weeks?|years?|days?)\s{{1,3}}(?:{body})(?!\w)", regex.I)


# How and how often an arm's drug is given, which says nothing of which drug it is, left out of its
# name where doses are (`ARM_DOSE`): "HUMIRA 40 mg subcutaneous Every Other Week" is HUMIRA's arm,
# "REPATHA 420 mg once monthly" REPATHA's. Two arms of one drug are still told apart by their doses.
# Abbreviations ("po bid", "sc qd") are left in: an arm printed that way is read as before, since a
# count of a whole study given such an arm would be held to that arm's N.
ARM_SCHEDULE = stored.compile(
    r"\b(?:subcutaneous(?:ly)?|intravenous(?:ly)?|orally|by\smouth)\b"  # the route, spelled out
    r"|\b(?:once|twice)\s(?:a\s)?(?:day|week|month|daily|weekly|monthly)\b"  # "once monthly", "twice a day"
    r"|\bevery\s(?:other\s)?(?:day|week|month)s?\b|\b(?:daily|weekly|monthly)\b",  # "every other week"
    regex.I,
)

# The alternatives inside an arm's name, read as one more component: "either carboplatin or
# cisplatin", "(gefitinib or erlotinib)".
ARM_ALTERNATIVE = stored.compile(r"\s(?:or|/)\s|[()]")

# A dose or schedule in an arm's name, which says how much, not which drug: "ENHERTU 5.4 mg/kg",
# "XARELTO 10 mg once daily", "Enoxaparin 40 mg/placebo", a loading and a next dose "HUMIRA 160/80 mg".
ARM_DOSE = stored.compile(
    r"(?<![\d./])\d{1,5}(?:\.\d{1,3})?(?:/\d{1,5}){0,2}\s?(?:mg|mcg|g)(?:\s?/\s?(?:kg|m\s?2|m²|day))?\b"
    r"|\b(?:once|twice)\s(?:daily|weekly)\b|\bevery\s\d{1,2}\s(?:weeks?|days?)\b",
    regex.I,
)

# How long an arm's drug is given, which tells arms of one drug apart as a dose does, not which drug:
# "12-month Gleevec" and "36-month" (GLEEVEC's adjuvant GIST trials), "2 years of Herceptin".
ARM_DURATION = stored.compile(r"(?<![\w.-])\d{1,2}[-\s](?:months?|years?)\b", regex.I)

# The suffix that names a biologic's maker, not the drug: "tremelimumab-actl", "trastuzumab-anns".
BIOLOGIC_SUFFIX = stored.compile(r"(?<=[a-z]{4}mab)-[a-z]{4}\b")

# The rewrite a contradicted claim's explanation offers, to read it again: "… Corrected: 'Median PFS
# was 16.7 months …'" (the sentence runs to the explanation's last quote mark).
CORRECTED = stored.compile(r"\s?Corrected:\s'(?P<sentence>.{1,2000})'$", regex.S)

# The words after a count, to find the noun it counts: "three randomized trials", "91 plasma samples".
COUNTED_WORD = stored.compile(r"[A-Za-z]+")

# A count followed by its share in brackets, a count of patients with a feature: "Sixty-two (62%) of patients".
SHARE_BRACKET_AFTER = stored.compile(r"\s{0,2}\(\s{0,2}\d{1,3}(?:\.\d{1,2})?\s{0,2}%\s{0,2}\)")

# The words of an arm's name, slashes and brackets aside: "enoxaparin", "vka" of "Enoxaparin/VKA".
ARM_WORD = stored.compile(r"[a-z][a-z-]{2,}")
# An arm named as the drug on its own after a value, in the value's clause: "2.4 months with
# trifluridine/tipiracil alone", "… on osimertinib monotherapy"; not past another value, a comma or a
# "versus" ("5.6 months with A plus B versus A alone" says "alone" of the other arm).
ALONE_AFTER = stored.compile(
    r"""
    (?:(?!\b(?:and|versus|vs|compared|than|or)\b)[^;,()\d]){0,60}?   # the clause, no other arm's
    \b(?:alone|monotherapy|single[- ]agent)\b
    """,
    regex.I | regex.VERBOSE,
)

# A word of an endpoint's name, for comparing a label's row with an article's words: "all-cause"
# stays one word, "CV" and "MI" are words to write out; a comma is a word of its own, and so are a
# slash and a plus, read as "or" ("Fatal/Life-threatening", "PLATO Major + Minor").
ENDPOINT_WORD = stored.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[,/+]")  # a comma, slash or plus parts a composite's list

# A whole number that may be a count in a sentence: "495", "27,395"; not a decimal, a share or a
# trial's number ("MONALEESA-7").
COUNT_NUMBER = stored.compile(r"(?<![\w.,-])\d{1,3}(?:,\d{3})*+(?![\d.,%]|\s?%)")

# A label row that names a trial's primary endpoint without its parts: "Primary Composite Endpoint".
PRIMARY_ROW = stored.compile(
    r"^primary[ \t]{1,2}(?:composite[ \t]{1,2}|efficacy[ \t]{1,2})?(?:endpoint|outcome)$", regex.I
)

# The table's note that says what that endpoint is (XARELTO Table 19): "The primary endpoint was the
# time to first occurrence of stroke (any type) or non-CNS systemic embolism."
PRIMARY_DEFINED = stored.compile(
    r"\bprimary[ \t]{1,2}(?:composite[ \t]{1,2}|efficacy[ \t]{1,2})?(?:endpoint|outcome)[ \t]{1,2}(?:was|is|of)"
    r"[ \t]{1,2}(?:the[ \t]{1,2})?(?P<definition>[^.;\n\[]{5,160})",
    regex.I,
)

# A parenthesis inside a definition, which qualifies a part without naming one: "stroke (any type)".
PARENTHETICAL = stored.compile(r"[ \t]?\([^()\n]{0,40}\)")

# Words right before a drug's name that make it a treatment the patients had before, not the drug a
# sentence is about: "mantle cell lymphoma that relapsed after bortezomib", "refractory to
# rituximab", "previously treated with sorafenib". Nothing between them and the name (unlike the
# statement reader's `PRIOR_TREATMENT_BEFORE`), so "refractory to rituximab got lenalidomide" keeps
# lenalidomide.
PRIOR_THERAPY_BEFORE = stored.compile(
    r"\b(?:(?:relapsed|recurred|progressed|progressing|failed|failing)\s{1,2}(?:after|on|following|despite|with)"
    r"|(?:resistant|refractory|intolerant)\s{1,2}(?:to|of)|(?:previously|pre-?)treated\s{1,2}with"
    r"|prior|previous|failure\s{1,2}(?:of|on))\s{1,2}(?:(?:treatment|therapy)\s{1,2}with\s{1,2})?$",
    regex.I,
)

# A table's note on the analysis its comparisons are of (KEYTRUDA Table 55, printed between its caption
# and its rows: "p-Value is compared with 0.0202 of the allocated alpha for this interim analysis.");
# "for this analysis" names none.
ROW_ANALYSIS_NOTE = stored.compile(
    r"\b(?:for|at|in)[ \t]{1,2}this[ \t]{1,2}(?:(?P<analysis>interim|final)[ \t]{1,2})?analysis\b", regex.I
)

# Right before a count, the notation of a number of patients: "10 mg/kg (n=181) every 3 weeks" counts
# patients, not the weeks after its bracket.
N_EQUALS_BEFORE = stored.compile(r"\b[nN][ \t]{0,2}=[ \t]{0,2}$")

timed.wrap(globals())  # every pattern above is held to the reading budget

# A table's shares per 100 patient-years: "n (per 100 pt-year)", "(%/year)", "Event Rate (per 100 patient-years)".
PER_100_PATIENT_YEARS = stored.compile(
    r"\bper[ \t]{1,2}100[ \t]{1,2}(?:pt|patient|person|subject)s?[- \t]?(?:years?|yrs?)\b|%[ \t]{0,2}/[ \t]{0,2}(?:year|yr)\b",
    regex.I,
)

# The word each branch of PER_100_PATIENT_YEARS ends with, "year" or "yr": a table whose lines print
# neither is not searched for it. (Occurrences cannot overlap: each starts with the only "y" it holds.)
YEAR_WORD = stored.compile(r"y(?:ea)?r", regex.I)

# The next number or clause break of a sentence: where the words that may name an earlier value's
# endpoint end ("4.2% vs 5.6% had an event, and all-cause mortality was 3.2%").
NUMBER_AHEAD = stored.compile(r"[\d,;:]")

# A sentence that opens by pointing back to the one before it: "That is a 21% lower risk", "In other
# words, Eliquis lowered the chance …", "This was a 24% reduction".
POINTS_BACK = stored.compile(r"^\W{0,3}(?:that|this|these|those|it|in[ \t]{1,2}other[ \t]{1,2}words)\b", regex.I)

# A population named by pointing back to the one a sentence before named: "Median duration of response
# in that subgroup was 8.3 weeks" (after "In the paclitaxel subgroup, …"), "in this group".
POPULATION_POINTS_BACK = stored.compile(
    r"^(?:that|this|these|those)(?:[ \t]{1,2}(?:subgroup|group|population|cohort|subset|patients))?$", regex.I
)

# A bracket that ends a label row's endpoint and says when or how it was measured, no part of its
# name: "Induction of Clinical Remission (Clinical Remission at Week 8)" (HUMIRA Table 13).
TRAILING_BRACKET = stored.compile(r"\s{0,3}\([^()\n]{0,160}\)\s{0,3}$")
# Who a count is of, right after it: "268 men with spinal cord injury", "385 patients with ARDS".
PATIENTS_WITH = stored.compile(
    r"""\s{1,2}(?:patients|subjects|participants|people|men|women|adults|children|infants|neonates)\s{1,2}with\s{1,2}
    (?P<what>[^\W\d][\w-]*(?:\s{1,2}(?!(?:found|who|were|was|had|showed|reported|and|in|to)\b)[^\W\d][\w-]*){0,4})""",
    regex.VERBOSE | regex.I,
)
# A word of a condition that names it (four letters or more): "spinal", "injury", not "the" or "of".
CONDITION_WORD = stored.compile(r"[^\W\d][\w-]{3,}")
# Whom a label's sentence counts: "… included only patients with erectile dysfunction attributed to
# complications of diabetes mellitus (n=268)".
PEOPLE_WITH = stored.compile(
    r"\b(?:patients|subjects|participants|people|men|women|adults|children|infants|neonates)\s{1,2}with\s{1,2}(?P<what>[^.;()\n]{3,120})",
    regex.I,
)
# Words right before a count that say it is rounded, and which way: "included more than 18,000 people"
# (ARISTOTLE randomized 18,201), "about 5,600 such people" (AVERROES: 2,807 + 2,791), "nearly 1,900".
ROUGH_COUNT_BEFORE = stored.compile(
    r"""\b(?:(?P<above>more[ \t]than|over|just[ \t]over|upwards[ \t]of)
        |(?P<below>nearly|almost|just[ \t]under|fewer[ \t]than|less[ \t]than|under)
        |(?P<either>about|around|approximately|roughly|some|close[ \t]to))
    [ \t]{1,3}$""",
    regex.IGNORECASE | regex.VERBOSE,
)
