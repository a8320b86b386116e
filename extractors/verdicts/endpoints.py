"""Endpoints the vocabulary does not know, named by the label's own words.

Cardiovascular and thrombosis labels name their endpoints in table rows ("Stroke, MI or CV death",
"All-cause mortality", "Major Bleeding"); an article says "the HR for stroke, MI or cardiovascular
death was 0.74". When the vocabulary names no endpoint in a claim's sentence, a label endpoint whose
words (abbreviations written out, ``data/quantities.json``) stand whole in the words before the value
is the claim's — unless they are one part of a longer list ("stroke or systemic embolism" is not
"Stroke"): then no label endpoint is named, and the claim stays without one.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from extractors.records import Claim
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts import quantity

# Words that join the parts of a composite endpoint: a label endpoint next to one is only a part.
_JOINS = frozenset({"or", "and", "plus"})
# How many words before the value an endpoint may be named in.
_WORDS_BEFORE = 16


@cache
def _abbreviations() -> dict[str, tuple[str, ...]]:
    pairs = (entry.split("=", 1) for entry in quantity.words("endpoint_words", "abbreviations"))
    return {short: tuple(long.split()) for short, long in pairs}


def endpoint_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in lower case, abbreviations written out: "Stroke, MI or CV death" →
    ("stroke", "myocardial", "infarction", "or", "cardiovascular", "death")."""
    out: list[str] = []
    for word in patterns.ENDPOINT_WORD.findall(text.lower()):
        written = _abbreviations().get(word, (word,))
        if len(written) > 1 and tuple(out[-len(written) :]) == written:
            continue  # "Intracranial Hemorrhage (ICH)": the abbreviation restates the words before it
        out.extend(written)
    return tuple(out)


def named_label_endpoint(claim: Claim, endpoints: Iterable[str | None]) -> str | None:
    """The label endpoint (of ``endpoints``) the words before the claim's value name whole, the
    longest if several; None when none does, only as a part of a list, or two rows alike."""
    if claim.value_span is None:
        return None
    before = endpoint_words(claim.text[: claim.value_span[0] - claim.span[0]])[-_WORDS_BEFORE:]
    named: dict[tuple[str, ...], set[str]] = {}
    for endpoint in {e for e in endpoints if e}:
        wanted = endpoint_words(endpoint)
        if wanted and _stands_whole(before, wanted):
            named.setdefault(wanted, set()).add(endpoint)
    if not named:
        return None
    longest = max(len(words) for words in named)
    found = {e for words, names in named.items() if len(words) == longest for e in names}
    if len(found) > 1:
        return None  # two rows named alike ("ICH" and "Intracranial Hemorrhage (ICH)"): which one is not said
    return found.pop()


def _stands_whole(words: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    """Whether ``wanted`` occurs in ``words`` with no joining word right before or after it."""
    size = len(wanted)
    for start in range(len(words) - size, -1, -1):
        if words[start : start + size] != wanted:
            continue
        before = words[start - 1] if start else ""
        after = words[start + size] if start + size < len(words) else ""
        if before not in _JOINS and after not in _JOINS:
            return True
    return False
