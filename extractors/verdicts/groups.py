"""Scope statements that name children where the label's indications leave them out.

A label's "INDICATIONS AND USAGE" says whom the drug is for in words no trial population may carry:
HUMIRA's "Crohn's Disease (CD) (1.5): … in adult patients with moderately to severely active Crohn's
disease"; REPATHA's "In pediatric patients aged 10 years and older with HeFH". A statement of whom the
drug is for that names children beyond them is overgeneralized, and the explanation quotes the
label's words:

- children with a disease whose indications name adults and no children ("Humira is approved for
  children and adults with Crohn's disease");
- children "of any age" where the indications name the ages they allow ("Repatha is approved for
  anyone with high cholesterol, including children of any age").

A disease the indications give children for ("children with juvenile idiopathic arthritis"), children
of named ages, and a statement that denies ("is not approved for children") are left to `scope`.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from extractors.records import Claim, Source, replace
from extractors.text.names import drug_aliases
from extractors.text.patterns import build
from extractors.text.patterns import scope as patterns
from extractors.text.qualifiers import cue, group_words


def left_out_children(claim: Claim, sources: Sequence[Source]) -> Claim | None:
    """The scope claim overgeneralized when it names children the indications of a source about its
    drug leave out; None otherwise."""
    if not group_words()["children"].search(claim.text) or patterns.DENIED.search(claim.text):
        return None
    for source in sources:
        if claim.arm and not _names_drug(source.text, claim.arm):
            continue
        section = patterns.INDICATIONS_SECTION.search(source.text)
        if section is None:
            continue
        found = _every_age(claim.text, section) or _adults_only(claim.text, section)
        if found is not None:
            said, (start, end) = found
            words = " ".join(source.text[start:end].split())
            return replace(
                claim,
                verdict="overgeneralized",
                kind="population_extrapolation",
                explanation=(
                    f"The article says: “{claim.text.strip()}” — stated for {said}. The label's indications "
                    f"({source.id}) say: “{words}” (characters {start}–{end})."
                ),
            )
    return None


def _every_age(text: str, section: regex.Match[str]) -> tuple[str, tuple[int, int]] | None:
    """Children "of any age" where the indications name the ages: the words naming them, with the
    indication they end (up to 120 characters of its sentence before the age, 80 after)."""
    every = cue("every_age_cues").search(text)
    if every is None:
        return None
    for sentence in _sentences(section):
        age = patterns.NAMED_AGE.search(sentence.string, *sentence.span())
        if age is not None:
            start = max(sentence.start(), age.start() - 120)
            end = min(sentence.end(), age.end() + 80)
            return f"children {every.group(0)}", _whole_words(sentence.string, start, end)
    return None


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``–``end`` moved inward to whole words: no word quoted in part."""
    while start < end and start > 0 and text[start - 1].isalnum():
        start += 1
    while end > start and end < len(text) and text[end].isalnum():
        end -= 1
    return start, end


def _adults_only(text: str, section: regex.Match[str]) -> tuple[str, tuple[int, int]] | None:
    """Children with a disease whose indication sentences name adults and never children: the first."""
    for named in patterns.DISEASE_NAMED.finditer(text):
        words = named.group(0).split()
        for start in range(len(words)):  # the longest tail that names a disease of its own
            tail = " ".join(words[start:])
            if len(words) - start < 2:
                break  # a name of one word ("disease", "psoriasis") is no disease the statement settles
            name = build.whole_name(_plain(tail))
            about = [s for s in _sentences(section) if name.search(_plain(s.group(0)))]
            if not about:
                continue
            if any(patterns.INCLUDES_CHILDREN.search(s.group(0)) for s in about):
                return None
            adults = [s for s in about if patterns.ADULTS_ONLY.search(s.group(0))]
            return (f"children with {tail}", adults[0].span()) if adults else None
    return None


def _sentences(section: regex.Match[str]) -> list[regex.Match[str]]:
    """The indications' sentences and lines, each with its span in the label's text."""
    start, end = section.span("body")
    return [m for m in patterns.INDICATION_LINE.finditer(section.string, start, end) if m.group(0).strip()]


def _plain(text: str) -> str:
    """Curly apostrophes as straight ones: the label's "Crohn’s disease" is the article's "Crohn's disease"."""
    return text.replace("’", "'")


def _names_drug(text: str, drug: str) -> bool:
    names = {drug} | {brand for brand, generic in drug_aliases().items() if generic == drug}
    return any(build.whole_name(name).search(text) for name in names)
