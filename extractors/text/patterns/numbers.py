"""Patterns for the known damage of printed numbers, which `text.numbers` reads through."""

from __future__ import annotations

from extractors.text.patterns import stored, timed

# "−0.5": a unicode minus, figure dash, en or em dash, hyphen or full-width minus before a number.
MINUS = stored.compile(r"[\u2212\u2012\u2013\u2014\u2010\u2011\uFE63\uFF0D]")

# "0. 39": a space after the decimal point, left by PDF text; any space inside a number goes, also
# a tab ("5.\t1"), a thin or no-break space ("0.\u20095") and the zero-width ones \s does not match.
SPACE = stored.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]++")

# "1,234", "12,345,678": a comma between groups of three digits (never the decimal comma of "0,87").
THOUSANDS = stored.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")

# Any digit: a CI bound without one ("NR", "not calculable") has no value.
HAS_DIGIT = stored.compile(r"\d")

timed.wrap(globals())  # every pattern above is held to the reading budget
