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
    footnote key may be glued to it: "Progression-Free Survivala", "PFSb"."""
    alternatives = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return regex.compile(
        rf"(?<![A-Za-z])(?P<phrase>{alternatives})(?:(?-i:[a-h])(?![A-Za-z]))?(?![A-Za-z])", regex.IGNORECASE
    )


@cache
def arm_named(arm: str) -> regex.Pattern[str]:
    """``arm`` named as an arm, not as the design: "placebo" in "or placebo", not in
    "placebo-controlled". Case as given (the checks look in case-folded text)."""
    return regex.compile(rf"\b{regex.escape(arm)}\b(?!-controlled)")
