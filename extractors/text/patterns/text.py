"""Patterns for plain text: known damage to row labels, spaces, file names, document kinds."""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# Known damage to the words of row labels, in the order applied. Each rule: name, pattern,
# replacement, why it happens, a real example. Numbers are never repaired this way: a number's
# damage ("0. 39") is read where it stands and flagged, so its span still points at the text.
LABEL_REPAIRS: tuple[tuple[str, regex.Pattern[str], str, str, str], ...] = (
    (
        "split_initial",
        stored.compile(r"\b([A-Z]) (?=[a-z]{2,})"),
        r"\1",
        "openFDA text sets a bold or styled first letter apart from its word",
        "Progression- F ree Survival → Progression- Free Survival",
    ),
    (
        "hyphen_space",
        stored.compile(r"(?<=[A-Za-z])- (?=[A-Za-z])"),
        "-",
        "a line break after a hyphen became a space",
        "Progression- Free → Progression-Free",
    ),
    (
        "unicode_hyphen",
        stored.compile(r"[\u2010\u2011]"),
        "-",
        "a label prints the typographic or non-breaking hyphen, which no word list spells",
        "p\u2011value (2\u2011sided) → p-value (2-sided)",
    ),
)


# Non-slug characters in a file stem.
NON_SLUG = stored.compile(r"[^a-z0-9]+")

# Runs of spaces and of blank lines, which markup leaves behind.
SPACES = stored.compile(r"[ \t\u00a0]+")
BLANK_LINES = stored.compile(r"\n[ \t]*(?:\n[ \t]*)+")


# --- Ingest -----------------------------------------------------------------------------------------

# A JATS journal article: "<!DOCTYPE article PUBLIC \"-//NLM//DTD JATS …", "<article article-type=\"review-article\">".
JATS = stored.compile(r"<!doctype\s+article\b|<article\b[^>]*(?:jats|article-type)")

timed.wrap(globals())  # every pattern above is held to the reading budget
