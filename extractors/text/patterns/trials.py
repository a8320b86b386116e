"""Patterns for the names of trials in articles and label text, built from shared pieces.

Three readers need a trial's name, each with its own evidence that a capitalised code is a trial
and not a gene or a guideline body: an article read without its sources takes any trial code,
an article read beside its sources takes other trials only where the text calls them a trial or
study, and a label's enrolment sentence takes the name it registers with an NCT number. They
share the NCT number and the trial code; the third alternative is what differs.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A registration number: "NCT00753688".
_NCT = r"\b(?P<nct>NCT\d{8})\b"

# A trial code: "VEG110727", "AURA3", "CA209-017"; not "HER2" (two capitals, one digit).
_CODE = r"\b(?P<code>[A-Z]{2,}[A-Z-]*\d{2,}[A-Z]?|[A-Z]{3,}\d)\b"

# A trial an article names, its sources unknown: "NCT00753688", "VEG110727", "AURA3", "the FLAURA trial".
ARTICLE_TRIAL = stored.compile(
    rf"""
    {_NCT}
    | {_CODE}                                                         # "VEG110727", "AURA3"
    | \b(?P<name>[A-Z][A-Z0-9-]{{3,}})\s+(?:trial|study)\b            # "FLAURA trial"
    | (?<=\b[Ss]tud(?:y|ies)\s{{1,3}})(?P<name>[A-Z][A-Za-z]{{0,3}}-[IVX]{{1,4}})\b  # "Study PsA-I"
    """,
    regex.VERBOSE,
)

# Words an article uses for organisations and diseases that look like trial codes: "NCCN guidelines".
NOT_TRIALS = frozenset({"NCCN", "ESMO", "ASCO", "WHO", "FDA", "EMA", "RECIST", "ECOG", "NSCLC", "STS"})

# Another trial an article names beside its sources' own: "the LASER301 study", "the MARIPOSA
# (phase 3) trial", "the trial NAVIGATE", "Study RA-IV", "NCT04487080" — called a trial or study, so "HER2" is not one.
# Three ways, searched apart by `text.names.first_way` over a whole article (4× faster than their
# alternation, which tries the third way's lookbehind at every character); each way has one group,
# the name it finds.
_CALLED_WAYS = (
    _NCT,
    r"""
    \b(?P<name>[A-Z](?=[a-z]*+[A-Z])[A-Za-z0-9-]*+)
        (?=\s{1,3}(?:\([^)]{1,30}\)\s{1,3})?(?:phase\s{1,3}\w{1,10}\s{1,3})?(?:trial|study)\b)
    """,
    # "Study PsA-I", "Study RA-IV": a program's study in Roman figures
    r"(?P<after>(?<=\b(?:trial|[Ss]tudy)\s{1,3})(?:[A-Z][A-Za-z]{0,3}-[IVX]{1,4}|[A-Z][A-Z0-9-]{2,}+))\b",
)
CALLED_TRIAL_WAYS = tuple(stored.compile(way, regex.VERBOSE) for way in _CALLED_WAYS)

# The trial of a label's enrolment sentence: "VEG110727", "AURA3", "(FLAURA [NCT02296125])", "NCT00753688".
ENROLMENT_TRIAL = stored.compile(
    rf"""
    {_NCT}
    | {_CODE}                                                         # "VEG110727", "AURA3"
    | (?<=\()(?P<name>[A-Z][A-Z0-9-]{{3,}})(?=\s*[\[(]?\s*NCT\d)      # "(FLAURA [NCT02296125]"
    """,
    regex.VERBOSE,
)

# --- the trial a label or article sentence is about (read.discourse, read.roles) -------------------

# A trial's name: "KEYNOTE-189", "CHECKMATE 037", "AURA3", "VEG110727", "PEGASUS TIMI-54", "FLAURA",
# "CheckMate-9ER", "MONALEESA-7", "Study 6", a program's study numbered in Roman figures after its
# indication ("RA-III", "PsA-I", "CD-II": HUMIRA's "Study RA-III evaluated 619 patients"); the abbreviations that look like one are data
# (statements.json "not_trials"). A number's digits are taken whole (``\d++``): a name never ends
# inside a run of digits, and splitting "NCT02296125" among the repeats made each try cost 2^7.
_TRIAL = r"(?:Study\s\d{1,3}\b|[A-Z][A-Za-z]{0,3}-[IVX]{1,4}\b|(?:[A-Z]{2,}[A-Za-z]*|[A-Z][a-z]+[A-Z][A-Za-z]*)(?:[- ]?\d++[A-Za-z]{0,2})+(?:\sTIMI[- ]?\d+)?|[A-Z][A-Z0-9]{3,}(?:-[A-Z0-9]+)?(?:\sTIMI[- ]?\d+|\s(?:AF|DVT|PE|ACS|CAD|PAD|VTE))?|[A-Z][a-z]+[A-Z][A-Za-z]*(?:-\w+)?|\b[a-z]{4,}[A-Z]\b)"

# Where a sentence says which trial it is about: "CHECKMATE-275 (NCT02387996) was …", "In KEYNOTE-189,",
# "The efficacy … was evaluated in FLAURA", "in the LAURA trial", "KEYNOTE-054 enrolled …".
# A heading line that names the trial the paragraphs under it describe: "CINRGI Study", "NINOS Trial".
TRIAL_HEADING = stored.compile(rf"(?P<name>{_TRIAL})\s(?:Study|Trial)")
TRIAL_SUBJECT_START = stored.compile(
    rf"(?:In\s(?:the\s)?|The\s)?(?:Stud(?:y|ies)\s(?=[A-Z][A-Za-z]{{0,3}}-[IVX]))?(?P<name>{_TRIAL})(?:\s(?:trial|study))?\s?(?:,|\(|was\b|were\b|is\b|enrolled\b|randomi[sz]ed\b|evaluated\b|included\b|compared\b|demonstrated\b|showed\b)"
)  # matched at the sentence's start only: "In the ADVANCE-3 study, 5407 patients …"
# A sentence glued to a heading or notes before it, where a label's scraped text lost the break:
# "… PFS = progression-free survival Follicular Lymphoma In AUGMENT, the objective response …" —
# a capital "In" after a lower-case word starts the sentence TRIAL_SUBJECT_START is matched at.
GLUED_SENTENCE_START = stored.compile(r"(?<=[a-z]\s)In\s(?=(?:the\s)?[A-Z])")
# Where a sentence names the trial it is about further on, one pattern per way of saying it:
_SUBJECT_WAYS = (
    # "The PEGASUS TIMI-54 study (NCT01225562)"
    rf"(?P<name>{_TRIAL})(?:\s[A-Z]{{2,8}}-\d{{1,3}})?(?:\s(?:trial|study))?\s?[(\[]\s?NCT\d{{8}}",
    # "Study 1 (FOURIER, NCT01764633) was", "a multicenter trial (IMspire150; NCT02908672)"
    rf"(?<=[(\[])\s?(?P<name>{_TRIAL})[,;]\s?NCT\d{{8}}",
    # "… S trial (COMPASS) [NCT10776424]"
    rf"(?<=[(\[])\s?(?P<name>{_TRIAL})\s?[)\]]\s?[(\[]\s?NCT\d{{8}}",
    # "… Therapy MONALEESA-7 was a randomized, double-blind, placebo-controlled study"
    rf"\b(?P<name>{_TRIAL})\swas\sa\s(?:[\w-]{{1,30}},?\s){{0,6}}?(?:trial|study)\b",
    # "was evaluated in FLAURA"
    rf"\b(?:evaluated|studied|investigated|assessed|established|demonstrated)\sin\s(?:the\s)?(?P<name>{_TRIAL})\b",
    # "in the LAURA trial"
    rf"\b(?:in|of|from)\s(?:the\s)?(?P<name>{_TRIAL})\s(?:trial|study)\b",
    # "the Treating to New Targets Study (TNT)"
    r"\b(?:Trial|Study)\s\((?P<name>[A-Z][A-Z0-9-]{1,11}[A-Z0-9])\)",
    # "A randomized, double-blind, multinational trial (P025) compared Femara …": a name with a digit
    rf"\b(?:trial|study)\s\((?=[A-Z0-9-]{{0,12}}\d)(?!NCT\d)(?P<name>{_TRIAL})\)",
)
TRIAL_SUBJECT = stored.compile("|".join(_SUBJECT_WAYS))
# The same ways apart, for `text.names.first_way`: each alone is found by the words it needs
# ("NCT", "was a", "in the") where the alternation tries every way at every character (5× slower).
TRIAL_SUBJECT_WAYS = tuple(stored.compile(way) for way in _SUBJECT_WAYS)
# The short name of a trial right before a whole number that is the trial's own number, written
# after a space: "MONARCH 3 randomized 493 women", "CheckMate 214", "IMpower 150" — capitals (four
# or more), or a word with capitals inside; the abbreviations that look like one are data
# (statements.json "not_trials") and endpoints ("IDFS") are not trials.
TRIAL_NAME_BEFORE = stored.compile(
    r"(?<![\w-])(?P<name>[A-Z][A-Z0-9]{1,11}(?:-[A-Z][A-Z0-9]{1,11}){1,2}|[A-Z]{4,}|[A-Z][a-z]+[A-Z][a-z]+|[A-Z]{2}[a-z]{3,})[ \t]$"
)  # "TRITON-TIMI 38", "PEGASUS-TIMI 54": a hyphenated name in capitals

# The Roman number a program's study carries after its indication: "PsA-I", "RA-III", "CD-II".
ROMAN_NUMBERED = stored.compile(r"-[IVX]{1,4}$")

# A trial named by its number in the label's list of studies: "Study 309", "Study 1".
STUDY_NUMBER = stored.compile(r"Study\s\d{1,3}")

# A study's number printed with its NCT id, naming the trial a design sentence introduces: "The efficacy
# was evaluated in a multicenter, randomized (1:1:1) study (Study 205: NCT01136733), in which 153
# patients …" (LENVIMA, after a figure caption naming CLEAR); "… was investigated in Study 309
# (NCT03517449), a multicenter …" (the study's number, which articles use, not its NCT id). Group ``name``.
STUDY_WITH_NCT = stored.compile(r"(?P<name>\bStudy\s\d{1,3})(?:\s{0,2}[:;,]\s{0,2}|\s{0,2}\(\s{0,2})NCT\d{8}\b")

# Words without which TRIAL_SUBJECT cannot match: a sentence lacking them is not searched.
TRIAL_SUBJECT_HINT = stored.compile(
    r"NCT\d|\b(?:trial|study)\b|\b(?:Trial|Study)\s\(|\b(?:evaluated|studied|investigated|assessed|established|demonstrated)\sin\s"
)
# Words each match of TRIAL_SUBJECT_HINT holds (case folded): a sentence holding none is not searched.
TRIAL_SUBJECT_HINT_WORDS = (
    "nct", "trial", "study", "evaluated", "studied", "investigated", "assessed", "established", "demonstrated",
)  # fmt: skip


# A trial named by a description the text gave it with its name: "In the adjuvant trial CA184-029,
# 951 patients …" and later "In the adjuvant trial, diarrhea affected 49%"; "The pivotal study,
# MDX010-20, randomized …". Lower-case words only, so that a name is never read as the description.
DESCRIBED_TRIAL = stored.compile(
    r"\b[Tt]he\s{1,2}(?P<desc>[a-z][a-z-]{2,}+(?:\s{1,2}[a-z][a-z-]{2,}+){0,2})\s{1,2}(?:trial|study)\b(?P<gap>\s{0,2},?\s{1,2})?"
)

timed.wrap(globals())  # every pattern above is held to the reading budget
