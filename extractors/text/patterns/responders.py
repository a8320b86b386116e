"""Patterns for groups a response defines: a share of responders is no response rate.

"In Study RA-III, 85% of patients with ACR 20 responses at week 24 maintained the response at 52
weeks" (HUMIRA): the 85% is of the week-24 responders, a subgroup, not of the arm.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# "of patients with ACR 20 responses", "among patients with a PASI 75 response", "of the responders".
RESPONDER_GROUP = stored.compile(
    r"""\b(?:of|among|in)\s{1,2}(?:the\s{1,2}|these\s{1,2})?
    (?P<pop>(?:patients|subjects)\s{1,2}(?:with|who\s{1,2}had|achieving)\s{1,2}(?:an?\s{1,2})?
        [\w/ -]{2,30}?\s{1,2}respon(?:ses?|ders?)\b            # "with ACR 20 responses"
      | responders\b)                                           # "of the responders"
    """,
    regex.VERBOSE | regex.I,
)

# A population RESPONDER_GROUP read: "patients with ACR 20 responses", "responders".
RESPONDER_POPULATION = stored.compile(
    r"(?:patients|subjects)\s[^,;]{0,50}?respon(?:ses?|ders?)\b|responders\b", regex.I
)

timed.wrap(globals())  # every pattern above is held to the reading budget
