"""Patterns built from data (names, vocabularies), compiled once per distinct list and cached."""

from __future__ import annotations

from functools import cache

import regex


@cache
def any_word(words: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of ``words`` (phrases allowed) on word boundaries, case-insensitive, longest first:
    ``any_word(("placebo", "chemotherapy"))`` finds "Placebo" in "Placebo (N = 123)"."""
    ordered = sorted(words, key=len, reverse=True)
    return regex.compile(r"\b(?:" + "|".join(regex.escape(word) for word in ordered) + r")\b", regex.I)


@cache
def phrase_with_footnote_key(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of ``phrases`` (group ``phrase``), longest first, not inside a word, case-insensitive; a
    plural may follow ("complete responses") and a footnote key may be glued to it: "Progression-Free
    Survivala", "PFSb"."""
    alternatives = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return regex.compile(
        rf"(?<![A-Za-z])(?P<phrase>{alternatives})(?:e?s(?![A-Za-z]))?(?:(?-i:[a-h])(?![A-Za-z]))?(?![A-Za-z])",
        regex.IGNORECASE,
    )


Pattern = regex.Pattern[str]


@cache
def any_phrase(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of ``phrases`` (group ``phrase``), longest first, case-insensitive, not inside a word even
    where a phrase starts or ends with a symbol: "ifn+ara-c", "cps ≥", "mg/m2"."""
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(regex.escape(phrase) for phrase in ordered)
    return regex.compile(rf"(?<![\w])(?P<phrase>{body})(?![\w])", regex.I)


@cache
def ending_with(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of ``phrases`` right at the end of a text, allowing spaces: "aged 65" is read by
    ``ending_with(("aged",)).search(text, endpos=start_of_65)``."""
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(regex.escape(phrase) for phrase in ordered)
    return regex.compile(rf"(?<![\w])(?P<phrase>{body})\s{{0,3}}$", regex.I)


@cache
def starting_with(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of ``phrases`` right at a position, after spaces: ``match(text, pos)`` reads what follows a number
    (a pattern anchored with ``match``, so ``^`` is not needed and would not match at ``pos``)."""
    ordered = sorted(phrases, key=len, reverse=True)
    body = "|".join(regex.escape(phrase) for phrase in ordered)
    return regex.compile(rf"\s{{0,3}}(?P<phrase>{body})(?![\w])", regex.I)
