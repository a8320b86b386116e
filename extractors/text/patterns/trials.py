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
    """,
    regex.VERBOSE,
)

# Words an article uses for organisations and diseases that look like trial codes: "NCCN guidelines".
NOT_TRIALS = frozenset({"NCCN", "ESMO", "ASCO", "WHO", "FDA", "EMA", "RECIST", "ECOG", "NSCLC", "STS"})

# Another trial an article names beside its sources' own: "the LASER301 study", "the MARIPOSA
# (phase 3) trial", "the trial NAVIGATE", "NCT04487080" — called a trial or study, so "HER2" is not one.
CALLED_TRIAL = stored.compile(
    rf"""
    {_NCT}
    | \b(?P<name>[A-Z](?=[a-z]*+[A-Z])[A-Za-z0-9-]*+)
        (?=\s{{1,3}}(?:\([^)]{{1,30}}\)\s{{1,3}})?(?:phase\s{{1,3}}\w{{1,10}}\s{{1,3}})?(?:trial|study)\b)
    | (?P<after>(?<=\b(?:trial|study)\s{{1,3}})[A-Z][A-Z0-9-]{{2,}}+)\b
    """,
    regex.VERBOSE,
)

# The trial of a label's enrolment sentence: "VEG110727", "AURA3", "(FLAURA [NCT02296125])", "NCT00753688".
ENROLMENT_TRIAL = stored.compile(
    rf"""
    {_NCT}
    | {_CODE}                                                         # "VEG110727", "AURA3"
    | (?<=\()(?P<name>[A-Z][A-Z0-9-]{{3,}})(?=\s*[\[(]?\s*NCT\d)      # "(FLAURA [NCT02296125]"
    """,
    regex.VERBOSE,
)

timed.wrap(globals())  # every pattern above is held to the reading budget
