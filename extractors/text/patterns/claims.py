"""Patterns for claims in articles: sentences, citation markers, numbers and the words around them.

Each pattern has a real article example above it. Patterns are applied to a sentence whose
citation markers and dates are blanked (same length, so spans still index the article).
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# --- the trial of one number in a sentence naming several ----------------------------------------

# The words between a number and the trial it is given for, when the trial follows it (fullmatch):
# "3,449 in EINSTEIN DVT", "4,832 patients in the EINSTEIN PE", "672 women from MONALEESA-7",
# "hazard ratios of 0.38 (95% CI 0.27-0.54) in Study 1 and 0.50 (95% CI 0.39-0.64) in Study 2".
NUMBER_FOR_TRIAL = stored.compile(
    r"""
    \s{0,3}%?                                  # the number's own "%", if any
    (?:\s{0,2}\([^()\n]{1,60}\))?                # its own CI or p-value in brackets: "(95% CI 0.39-0.64)"
    (?:\s{1,3}[A-Za-z-]{1,20}){0,2}?           # at most two words: "patients", "were randomized"
    \s{1,3}(?:in|into|of|for|from|on)          # the word that gives the trial
    \s{1,3}(?:the\s{1,3})?                     # "the", then the trial's name (matched whole)
    """,
    regex.VERBOSE,
)

# A section heading that is a list item ("• Bleeding:" inside a list under "1. Atrial fibrillation:
# ROCKET AF"): a sub-heading of the section before it, whose trial it keeps. Matched where the section starts.
BULLETED_HEADING = stored.compile(r"\s{0,4}[•◦▪‣]\s")

# --- sentences and what is masked in them -----------------------------------------------------

# Sentence boundaries in article text: a period, "!" or "?" and spaces before a capital, not after
# an abbreviation: "… 4.6 months. Pazopanib …" splits; "vs. placebo", "e.g. STS", "0. 39" do not.
ARTICLE_SENTENCE_END = stored.compile(
    r"""
    (?<!\b(?:vs|e\.g|i\.e|et\ al|Fig|No|approx|Dr|al|cf|ca))  # not an abbreviation
    [.!?]                                                     # the sentence end
    [)\]"”’]*                                                 # closing quotes or brackets
    (?=\s+[A-Z“"‘(\[])                                        # then a capital
    """,
    regex.VERBOSE,
)

# A list item's bullet or number at the start of a line: "• Median PFS …", "2. Pazopanib …".
BULLET = stored.compile(r"^[ \t]*(?:[•◦▪‣\-*]|\d+\.(?=\s))[ \t]*")

# One dash of any kind, written "-" in the masked sentence (one character each, so spans hold):
# "4.6 – 1.6", "0.26–0.48".
ANY_DASH = stored.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212]")

# An analysis a trial cell names beside the trial, not a part of the trial: "COSMIC-311 (updated)",
# "CheckMate 9ER, final analysis".
ANALYSIS_ONLY = stored.compile(
    r"(?:updated|final|interim|primary|exploratory)(?:\s{1,2}(?:analysis|OS|data))?", regex.I
)

# What a trial cell prints beside the trial's name that is no part of the trial: its phase and its
# citations ("FLAURA2 (III) [12]", "MARIPOSA (phase 3) [15, 16]").
TRIAL_CELL_NOISE = stored.compile(
    r"\(\s?(?:phase\s{1,2})?(?:I{1,3}|IV|I{1,2}/I{2,3}|[1-4](?:/[1-4])?[ab]?)\s?\)|\[[\d,\s–-]{1,30}\]", regex.I
)

# Citation markers inside a sentence: "[3]", "[1–3]", "[4, 5]".
BRACKET_CITE = stored.compile(r"\[\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]")

# Between the numbers of one bracketed citation: "[4, 5]", "[4; 5]".
CITE_SEPARATOR = stored.compile(r"[,;]")

# Bare citation numbers ending a sentence: "… once daily 2", "… for placebo 2.", "… in 3, 4",
# "… for pazopanib. 2". Not when the word before takes a value ("was 369.").
TRAILING_CITE = stored.compile(
    r"""
    (?P<before>[A-Za-z)\]%][^\S\n]+|\.[^\S\n]+)        # a word, bracket or period, then a space
    (?P<cites>\d{1,3}(?:[^\S\n]*,[^\S\n]*\d{1,3})*)           # "2", "3, 4", "3, 4, 5"
    [^\S\n]*\.?[^\S\n]*$                                    # an optional final period
    """,
    regex.VERBOSE,
)

# The words before a bare trailing number, to see whether the last one takes a value:
# "median PFS was 369" (a value), "once daily 2" (a citation).
WORD_TOKEN = stored.compile(r"[\w=:%]+")

# Text ending in a digit: "HR 0.35 2" — the number before a trailing one makes it a value.
ENDS_IN_DIGIT = stored.compile(r"\d\s*$")

# A unit right after a trailing number makes it a value, not a citation: "… 2 months", "… 20 patients".
UNIT_AFTER_CITE = stored.compile(r"(?<!\s)\s*+(?:months?|weeks?|years?|days?|%|mg|patients)\b")

# A date: "May 16, 2025", "16 May 2025", "2025-05-16".
DATE = stored.compile(
    r"""
    \b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}
    | \b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}
    | \b\d{4}-\d{2}-\d{2}\b
    | \b(?:19|20)\d{2}\b                       # a bare year
    """,
    regex.VERBOSE,
)

# Four digits in a row, which every DATE has: a sentence without them is not searched for dates.
FOUR_DIGITS = stored.compile(r"\d{4}")

# A ratio such as "(2:1)" or "1:1"; not a trial's number before a colon ("MONALEESA-7: 495 women"),
# nor a time point before the share it gives ("Remission at week 8: 16.5%", "week 4: 36%").
RATIO = stored.compile(r"(?<![\w-])\d+\s*:\s*\d+\b(?![.,]\d|\s?%)")

# --- numbers ------------------------------------------------------------------------------------

# A number as articles print it: "4.6", "246", "115,815", not a piece of "R0", "G2" or "3.9.2".
NUMBER = stored.compile(
    r"""
    (?<![\w.,:/])                    # not inside a word ("R0", "G2"), a date ("2:1") or a path
    (?P<num>\d{1,3}(?:,\d{3})+|\d+)  # integer part, maybe with thousands separators
    (?P<frac>\.\d+)?                 # decimals
    (?![\w/]|\.\d|:\d)               # not followed by letters ("19th"), more decimals, or ":1"
    """,
    regex.VERBOSE,
)

# The word right before a number: "exon 19", "stage 4", "phase 3", "Table 9".
WORD_BEFORE = stored.compile(r"(?<![\w-])([\w-]++)\s*+$")

# A range that is not an interval: "50-60 Gy", "5 to 10 years" (after the first number, before the second).
RANGE_AFTER = stored.compile(r"^\s*+(?:[-–—−]|to\b)\s*+\d")
RANGE_BEFORE = stored.compile(r"\d\s*+[-–—−]\s*+$")

# What opens an interval just before a range: "(0.26-0.48)", "(95% CI 0.26-0.48)", "[CI: 0.26-0.48]".
INTERVAL_OPENED = stored.compile(r"[(\[]\s*+(?:\d{2}\s*+%\s*+)?(?:CI)?[\s:,]*+$")

# A size right after a number: "5 cm", "10 mm".
SIZE_AFTER = stored.compile(r"^\s*(?:cm|mm)\b")

# A comparison sign right before a number: "> 5 cm", "≥ 18 years" (a threshold, not a value).
COMPARATOR_BEFORE = stored.compile(r"[<>≤≥]\s*$")

# A CI after an estimate: "(0.26, 0.48)", "(95% CI, 0.26-0.48)", "(95% CI: 0.26 to 0.48)",
# ", 95% CI 0.26–0.48" (no brackets, then the words "CI" are required).
CI_AFTER = stored.compile(
    r"""
    ^\s*+[;,]?\s*+(?P<open>[(\[])?\s*+           # an opening bracket right after the value, or none
    (?:(?P<level>\d{2}(?:\.\d)?)\s*+%\s*+)?      # "95%"
    (?P<ci>CI|confidence\s++interval)?\s*+[:,=]?\s*+ # "CI,", "CI:"
    (?P<low>\d++(?:\.\d++)?)\s*+(?:[-–—−,;]|\bto\b)\s*+(?P<high>\d++(?:\.\d++)?)
    \s*+(?(open)[)\]])                            # the closing bracket, if it opened
    """,
    regex.VERBOSE | regex.I,
)

# --- the statistic a number is ------------------------------------------------------------------

# A hazard ratio just before the value: "HR 0.35", "HR=0.35", "hazard ratio of 0.35",
# "HR (95% CI) 0.35", "hazard ratio was 0.35".
HR_BEFORE = stored.compile(
    r"""
    \b(?:HR|hazard\s+ratio)\b                         # the statistic
    (?:\s*\(\s*95\s*%\s*CI\s*\))?                     # "(95% CI)"
    (?:\s*(?:for|of|in|among)\s+[\w\s–-]{1,60}?)?   # "for PFS", "in patients with stage II to IIIA disease"
    \s*(?:[:=,]|\bof\b|\bwas\b|\bwere\b|\bis\b)?\s*$  # "=", "of", "was"
    """,
    regex.VERBOSE | regex.I,
)

# A p-value: "p<0.001", "P = 0.02", "p-value < 0.001".
P_BEFORE = stored.compile(r"\bp(?:[- ]?value)?\s*(?P<op>[<=>≤≥])\s*$", regex.I)

# "N = 246", "n=109".
N_BEFORE = stored.compile(r"\bn\s*=\s*$", regex.I)

# A time unit right after the value: "4.6 months", "20 weeks", "2 years".
TIME_AFTER = stored.compile(r"^\s*(?P<unit>months?|mos?\.?|weeks?|wks?|years?|yrs?|days?)\b", regex.I)

# A percentage right after the value, not a CI level: "4%", "65 percent".
PERCENT_AFTER = stored.compile(r"^\s*(?:%|percent\b|per\s+cent\b)(?!\s*(?:CI\b|confidence))", regex.I)

# The level of an interval, not a claim: "95% CI", "95% confidence interval".
CI_LEVEL_AFTER = stored.compile(r"^\s*%\s*(?:CI\b|confidence)", regex.I)

# Words that tie a value to the next value's unit: "4.6 vs 1.6 months", "4.6 and 1.6 months".
JOIN = stored.compile(r"^\s*(?:vs\.?|versus|and|or|to|,|compared\s+(?:with|to))\s*$", regex.I)

# Between two values of which the second takes the first's unit: "4.1 months on pazopanib vs 0.9 on placebo".
COMPARED_WITH = stored.compile(r"\b(?:vs\.?|versus|compared\s+(?:with|to))(?!\w)", regex.I)

# A relative risk reduction: "reduced the risk of progression by 65%", "a 65% reduction in the risk".
REDUCTION = stored.compile(
    r"\b(?:reduc\w*|lower\w*|decreas\w*|cut)\b[^.]{0,60}?\brisk\b|\brisk\b[^.]{0,60}?\breduc\w*", regex.I
)

# The reduction's amount comes after "by" ("reduced the risk … by 65%") or before "reduction" ("a 65% reduction").
BY_BEFORE = stored.compile(r"\bby\s*$")
REDUCTION_AFTER = stored.compile(r"^\s*%\s*(?:reduction|lower)")

# "median" before a duration: "median PFS was 4.6 months".
MEDIAN_WORD = stored.compile(r"\bmedian\b", regex.I)

# A count within a sub-analysis, not an arm's N: "3 of 18 patients", "3 out of 18".
OF_BEFORE = stored.compile(r"\d\s+(?:of|out\s+of)\s*$")
OF_AFTER = stored.compile(r"^\s*(?:of|out\s+of)\s+\d")

# A total before the number: "randomized 369 patients", "enrolled a total of 682".
RANDOMIZED_BEFORE = stored.compile(r"\b(?:randomi[sz]ed|enrolled)\s*(?:a\s+total\s+of\s+)?$", regex.I)

# "369 were randomized: 246 to pazopanib and 123 to placebo": the sentence randomizes, the number goes to an arm.
RANDOMIZED_WORD = stored.compile(r"\brandomi[sz]ed\b", regex.I)
TO_AN_ARM_AFTER = stored.compile(r"^\s*(?:were\s+)?to\s+(?:receive\s+)?\w")

# A share of the enrolled patients: "female (59%)", "72% of patients were white", "22% were Asian".
OPEN_BRACKET_BEFORE = stored.compile(r"\(\s*$")
CLOSE_BRACKET_AFTER = stored.compile(r"^\s*%?\s*\)")
SHARE_OF_PATIENTS_AFTER = stored.compile(r"^\s*%\s*(?:of\s+(?:the\s+)?patients\s+)?(?:were|had|was)\b", regex.I)

# A count: "246 patients", "246 randomized patients" (the noun is looked up in count_nouns), "246 were randomized".
COUNT_HEAD_AFTER = stored.compile(r"^\s*(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\b", regex.I)
COUNTED_AFTER = stored.compile(r"^\s*(?:were|was)\s+(?:randomi[sz]ed|enrolled)\b", regex.I)

# --- arms, subgroups and the sentence's other statements ----------------------------------------

# A drug named as the comparison is not the value's arm: "compared to EGFR-TKIs (gefitinib or erlotinib)".
COMPARISON_WORD = stored.compile(r"\b(?:compared|versus|vs|than|over)\b", regex.I)

# Two arms joined after a count: "… to pazopanib or placebo", "pazopanib versus placebo".
ARMS_JOINED = stored.compile(r"(?<!\s)\s*+(?:or|and|versus|vs\.?)\s*+")

# "4.6 and 1.6 months for pazopanib and placebo, respectively": arms in order.
RESPECTIVELY = stored.compile(r"\brespectively\b", regex.I)

# A subgroup the sentence names: "in the leiomyosarcoma subgroup", "synovial sarcoma subgroup".
SUBGROUP = stored.compile(
    r"""
    (?=[sc])                                               # the word first, cheaply: "s…" or "c…"
    (?<=(?P<pop>[\w‘’'\- ]{3,50})\s{1,5})                 # then up to 50 characters before it
    (?:subgroups?|subsets?|cohorts?|subpopulations?)\b
    """,
    regex.VERBOSE | regex.I,
)

# The word SUBGROUP ends with: a sentence without it is not searched (the lazy name is slow to fail).
SUBGROUP_WORD = stored.compile(r"\b(?:subgroups?|subsets?|cohorts?|subpopulations?)\b", regex.I)

# The whole population again: "in the overall population", "ITT", "all randomized patients", "All randomized pts".
OVERALL = stored.compile(
    r"\b(?:overall\s+(?:population|ITT|trial)|ITT|intent[- ]to[- ]treat|all\s+(?:randomi[sz]ed\s+)?(?:patients|pts))\b",
    regex.I,
)

# A group cut at a biomarker's value that an abstract heads its sentence with: "In CPS >=5, mOS 14.4 vs
# 11.1 mo", "CPS >=1: mOS 14.4 vs 11.3 mo", "Exploratory CPS <1 (n=265): mOS …", "In PD-L1 >=1%: mDFS …";
# group ``close`` is "," (a setting the next sentences share) or ":" (a label of this sentence's values).
LEAD_CUTOFF_GROUP = stored.compile(
    r"""^\s{0,3}(?:[A-Z][^:.;()]{1,40}:\s{1,3})?     # a heading before it: "Results, CheckMate 649: In CPS >=5, …"
    (?:in\s{1,3}[^,:;.()]{1,30},\s{1,3})?            # or the trial: "In CheckMate 649, in CPS >=5, …"
    (?:in\s{1,3}|among\s{1,3})?(?:(?:exploratory|(?:the\s{1,3})?(?:patients|pts)\s{1,3}with)\s{1,3})?
    (?P<pop>(?:[A-Za-z][A-Za-z0-9-]{1,10}\s{1,2})?    # the marker, maybe after another word: "PD-L1 CPS"
    [A-Za-z][A-Za-z0-9-]{1,10}[ \t]{0,2}(?:≥|≤|>=|<=|>|<)[ \t]{0,2}\d{1,3}(?:\.\d{1,2})?%?)  # "CPS >=5"
    \s{0,3}(?:\([^()]{1,20}\)\s{0,2})?(?P<close>[,:])                      # "(n=265)", then "," or ":"
    """,
    regex.VERBOSE | regex.I,
)

# Scope statements: "X is the treatment for Y", "X is now a treatment option for Y", "the treatment
# for Y is X", "first-line treatment for Y", "indicated for", "for all patients with", "X should now be
# offered to every woman with Y", "patients with Y can also receive it".
SCOPE = stored.compile(
    r"""
    \b(?:is|are|remains?|represents?|becomes?|became|(?:has|have)\s+become|established\s+(?:itself\s+)?as)\s+(?:now\s+|also\s+)?(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?
        (?:treatment|therapy|option|choice|standard\s+of\s+care|drug)\s+(?:for|of|in)\b
    | \b(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:treatment|therapy)\s+(?:for|of)\s+[^.]{3,120}?\s+(?:is|are)\b
    # not a setting: "in the first-line treatment of NSCLC, there may be differences …"
    | (?<!\b(?:in|during|for)\s{1,3}the\s{1,3})\bfirst[- ]line\s+(?:treatment|therapy)\s+(?:for|of)\b
    | \bindicated\s+for\b
    | \b(?:is|are)\s+(?:now\s+)?(?:recommended|effective|approved|used|preferred)\s+(?:as\s+[\w\s-]{1,30}?\s+)?(?:for|in)\s+(?!combination|addition|a\s+(?:trial|study)|the\s+(?:trial|study)|clinical)(?=\w)
    | \bfor\s+all\s+patients\s+with\b
    | \b(?:benefits?|helps?|cures?)\s+(?:all\s+)?patients\s+with\b
    | \bshould\s+(?:be\s+treated\s+with|receive)\b
    | \bshould\s+(?:now\s+)?be\s+(?:offered|given|prescribed|used)\s+(?:[\w-]+\s+){0,2}?(?:to|for|in)\s+(?:every|all|any)\b
    | \bcan\s+(?:also\s+|now\s+)?(?:receive|be\s+given|be\s+treated\s+with)\s+it\b
    # a use offered to whole groups of people: "letrozole can be used by any woman with breast cancer",
    # "Yervoy can now be given to adults and children of any age", "can be used in place of warfarin for any patient"
    | \bcan\s+(?:also\s+|now\s+)?be\s+(?:used|given|prescribed|offered|taken)\s+(?:[\w-]+\s+){0,4}?(?:by|to|for|in)\s+
        (?:any|every|all|anyone|everyone|adults?|children|people|patients|women|men)\b
    """,
    regex.VERBOSE | regex.I,
)

# The words without which SCOPE cannot match, one per branch ("treatment", "indicated", "approved",
# "patients with", "should", "can", …): a sentence with none of them (most results sentences:
# "Median PFS was 4.6 months") skips SCOPE's eleven branches tried at every position.
SCOPE_WORD = stored.compile(
    r"\b(?:treatment|therapy|option|choice|standard|drug|indicated|recommended|effective|approved|used|preferred"
    r"|patients\s+with|should|can)\b",
    regex.I,
)

# A use for conditions the sentence does not name is no claim of scope: "is now used for several
# other inflammatory conditions", "is approved for a range of cancers".
SCOPE_UNNAMED = stored.compile(
    r"\s{0,3}(?:several|many|various|numerous|multiple|other|a\s+(?:range|number|variety|host)\s+of)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:conditions|diseases|disorders|illnesses|indications|uses|cancers|tumou?rs)\b",
    regex.I,
)

# The drug of a scope statement named by a pronoun: "Patients with biliary tract cancer can also receive it".
PRONOUN_IT = stored.compile(r"\bit\b", regex.I)

# A negated scope statement is no claim of scope: "is not a standard treatment for …".
NEGATION = stored.compile(r"\b(?:not|no|never|neither|nor)\b", regex.I)

# A statement about statistical significance of a difference between arms: "significantly
# prolonged PFS", "a statistically significant improvement in OS", "no significant difference in PFS",
# "a significant overall survival benefit" (an endpoint's name of up to three words between).
# Not "varies significantly across regions" or "a significant challenge".
SIGNIFICANT = stored.compile(
    r"""
    \b(?:(?P<neg>no|not|non-?)\s*)?(?:statistically\s+)?
    (?:
      significantly\s+(?:\w+\s+){0,2}?
        (?:improv\w*|prolong\w*|longer|shorter|reduc\w*|increas\w*|decreas\w*|better|worse|extend\w*|higher|lower|differ\w*)
      | significant\s+(?:(?!(?:of|in|to|for|with|and|or)\b)[\w-]+\s+){0,3}?  # no "proportion of patients"
        (?:improvement|difference|differences|benefit|reduction|prolongation|increase|decrease|advantage)s?
      | (?:was|were|is|are|not)\s+(?:statistically\s+)?significant\b(?!\s+(?:challenge|concern|role|milestone|side|toxicit|adverse))
      | (?:improv\w*|prolong\w*|reduc\w*|extend\w*|lower\w*|differ\w*)\s+(?:\w+\s+){0,1}?(?:statistically\s+)?significantly\b
    )
    """,
    regex.I | regex.VERBOSE,
)

# The word without which SIGNIFICANT cannot match (its optional lead makes it try every position).
SIGNIFICANT_WORD = stored.compile(r"significan", regex.I)

# The rest of a value's clause with no other number in it: what the article says of that value
# ("26%, a reduction that was statistically significant.").
CLAUSE_AFTER_VALUE = stored.compile(r"[^\d;.]{0,80}")

# Significance denied just before the words: "did not significantly prolong OS", "failed to show a significant …".
SIGNIFICANCE_DENIED = stored.compile(r"\b(?:not|no|did\s+not|failed\s+to)\b", regex.I)

# A derived ratio of medians: "more than doubled median PFS", "a 3-fold longer PFS", "nearly tripled",
# "was more than twice that of", "three times as long".
FOLD = stored.compile(
    r"""
    \b(?:(?P<hedge>more\s+than|over|nearly|almost|approximately|about|roughly)\s+)?
    (?:(?P<word>doubl|tripl|quadrupl)(?:ed|es|ing)\b
     | (?P<n>\d+(?:\.\d+)?)[- ]?fold\b
     | (?P<times>twice|two\s+times|three\s+times|four\s+times)\b(?=\s+(?:as|that|the|longer|than|those|what)\b))
    """,
    regex.VERBOSE | regex.I,
)

# The words without which FOLD cannot match: a sentence lacking them is not searched (FOLD's
# optional lead makes it try every position; these few words are found three times faster).
FOLD_WORD = stored.compile(r"doubl|tripl|quadrupl|fold|twice|times", regex.I)

# A cell of an article's table that holds a number and little else: "18.9 (15.2, 21.4)", "80", "<0.001",
# "NR", "—" — a table of such cells is a results grid, read by the label tables' reader.
NUMERIC_CELL = stored.compile(r"^(?:[<>≤≥~]{0,2}[ \t]?\d[^A-Za-z]{0,40}|NR|NE|NA|N/A|[-–—])$")

# The unit a column header gives its cells: "Median PFS, months", "Median OS (months)", "DOR (mo)".
HEADER_UNIT = stored.compile(r"[,(][ \t]{0,2}(?P<unit>months?|weeks?|years?|days?|mo)[ \t]{0,2}\)?[ \t]*+$", regex.I)

# A column header that says its cells count patients: "Patients", "No. of patients", "N", "Randomized".
COUNT_HEADER = stored.compile(
    r"^[ \t]{0,2}(?:(?:no\.?|number)[ \t]{1,2}of[ \t]{1,2})?(?:patients|subjects|n|randomi[sz]ed|enrolled)[ \t]{0,2}$",
    regex.I,
)

# A unit after a cell's last number: "10.1 vs 5.4 months" needs none from its header.
UNIT_AFTER_NUMBER = stored.compile(r"\d[ \t]{0,2}(?:months?|weeks?|years?|days?|mo|%)\b", regex.I)

# A column of p-values headed by the letter alone: "p", "P", "p value" (the label tables' reader knows
# "p-value" but takes a bare "p" for an arm).
P_COLUMN = stored.compile(r"^\s{0,2}p(?:[- ]?values?)?\s{0,2}$", regex.I)

# A caption or header that says its cells are percentages: "(Kaplan-Meier event rates, %)", "n (%)".
PERCENT_CELLS = stored.compile(r"%|\bpercent", regex.I)

# A row label that names its population before its outcome: "UA/NSTEMI: CV death, MI or stroke",
# "STEMI: nonfatal stroke".
ROW_POPULATION = stored.compile(r"^(?P<population>[A-Za-z][\w/+-]{1,20}):\s{1,3}(?P<outcome>\S[^:]{1,80})$")


# The patients counted after an arm's name in an article table's cell: "10 mg/kg every 3 weeks (181)",
# "Placebo (n=505)": the count is no part of the arm's name.
ARM_COUNT = stored.compile(r"[ \t]{0,2}\([ \t]{0,2}(?:[nN][ \t]{0,2}=[ \t]{0,2})?\d[\d,]{0,6}[ \t]{0,2}\)[ \t]{0,2}$")

# A column header of an article's table that is a dose and nothing else, in a dose-ranging trial whose
# arms are its doses: "| Side effect | 25 mg | 50 mg | 100 mg | Placebo |", "50 mg (n=511)" — the
# column is the drug's arm at that dose, as "28% of men on 50 mg" is in prose.
DOSE_HEADER = stored.compile(
    r"^[ \t]{0,2}\d{1,4}(?:\.\d{1,2})?[ \t]{0,2}(?:mg|mcg|µg)(?:/(?:kg|m2|m²))?"  # "25 mg", "5 mg/kg"
    r"(?:[ \t]{0,2}\([ \t]{0,2}[nN][ \t]{0,2}=[ \t]{0,2}\d[\d,]{0,6}[ \t]{0,2}\))?[ \t]{0,2}$"  # "(n=312)"
)

timed.wrap(globals())  # every pattern above is held to the reading budget
