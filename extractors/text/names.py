"""The names of drugs, arms and trials, compared the way a reader would compare them.

Brand names are the generic drug ("VOTRIENT" is pazopanib), case and a leading "the" or a
trailing "arm" do not matter, and a combination arm reads its brand names as generic too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache, lru_cache
from typing import TypeVar

import regex

from extractors.records import Source
from extractors.text import vocabulary
from extractors.text.facts import per_document
from extractors.text.patterns import build
from extractors.text.patterns import names as patterns
from extractors.text.patterns import prose as prose_patterns
from extractors.text.patterns import registry as registry_patterns

DRUG_WORD = patterns.DRUG_WORD
_DESIGN_REACH = 32  # "placebo- and active-controlled": the design words after an arm's name


@cache
def drug_aliases() -> dict[str, str]:
    """Brand name → generic name (lower-case): "votrient" → "pazopanib"."""
    data = vocabulary.load_data("claims.json", ("drug_aliases",))
    return {str(k).lower(): str(v).lower() for k, v in data["drug_aliases"].items()}


@lru_cache(maxsize=4096)  # asked for every arm of every claim and label number, of a few names
def canonical_arm(arm: str | None) -> str | None:
    """An arm name compared case-insensitively, brand names as generic: "VOTRIENT" → "pazopanib"."""
    if arm is None:
        return None
    name = " ".join(arm.lower().replace("®", "").split())
    name = str(patterns.ARM_LEADING_THE.sub("", name))
    name = str(patterns.ARM_TRAILING_WORD.sub("", name))
    if name.endswith("s") and name[:-1] in vocabulary.control_arms():
        name = name[:-1]  # "against 12.4% of controls": the control arm
    aliases = drug_aliases()
    if name in aliases:
        return aliases[name]
    # brand names inside a combination arm: "IBRANCE plus Letrozole" → "palbociclib plus letrozole"
    return str(patterns.LOWER_WORD.sub(lambda m: aliases.get(m.group(0), m.group(0)), name))


def arm_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical arm) of every arm named in ``text``: drugs and control arms."""
    return list(_arm_mentions(text))


@lru_cache(maxsize=256)  # a sentence is asked once for each of its claims
def _arm_mentions(text: str) -> tuple[tuple[int, int, str], ...]:
    mentions: list[tuple[int, int, str]] = []
    for match in DRUG_WORD.finditer(text):
        mentions.append((match.start(), match.end(), canonical_arm(match.group(0)) or ""))
    aliases = drug_aliases()
    for match in build.any_word(tuple(aliases)).finditer(text):
        mentions.append((match.start(), match.end(), aliases[match.group(0).lower()]))
    for match in build.any_word(vocabulary.control_arms()).finditer(text):
        if not any(start <= match.start() < end for start, end, _ in mentions):
            mentions.append((match.start(), match.end(), match.group(0).lower()))
    mentions = [m for m in mentions if not patterns.CONTROLLED_DESIGN.match(text[m[1] : m[1] + _DESIGN_REACH])]
    return tuple(sorted(mentions))


def trial_introductions(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
    """The matches ``prose.TRIAL_NAME.finditer(text, pos, endpos)`` gives, found faster: each way
    of introducing a trial is searched for on its own (`first_way`), and the joined pattern is
    matched where the first of them starts, so its match carries every way's group names."""
    end = len(text) if endpos is None else endpos
    for found in first_way(prose_patterns.TRIAL_NAME_WAYS, text, pos, end):
        match = prose_patterns.TRIAL_NAME.match(text, found.start(), end)
        assert match is not None  # the way that matched here is one of its alternatives
        yield match


def first_way(
    ways: Sequence[regex.Pattern[str]], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match[str]]:
    """What the alternation of ``ways`` finds in ``text[pos:endpos]`` (``finditer``), each way searched
    apart: at the leftmost position where one matches, the first way that matches there, then on from
    its end.

    A way's next match is kept until reading passes its start (a way that matched nowhere after one
    position matches nowhere after a later one), so each way reads the text about once; the
    alternation instead tries every way at every character."""
    end = len(text) if endpos is None else endpos
    found: list[regex.Match[str] | None] = [way.search(text, pos, end) for way in ways]
    while True:
        hits = [match for match in found if match is not None]
        if not hits:
            return
        match = min(hits, key=lambda hit: hit.start())  # of equal starts, the first way's
        yield match
        position = match.end() if match.end() > match.start() else match.end() + 1
        found = [None if hit is None else hit if hit.start() >= position else way.search(text, position, end)
                 for way, hit in zip(ways, found, strict=True)]  # fmt: skip


def alternation_matches(
    pattern: regex.Pattern[str], ways: Sequence[regex.Pattern[str]], text: str, pos: int, endpos: int
) -> Iterator[regex.Match[str]]:
    """What ``pattern.finditer(text, pos, endpos)`` finds, when ``pattern`` is an alternation of
    ``ways`` (none of which matches nothing) and what follows it is optional: ``pattern`` matches
    exactly where one of the ways does. The ways are searched apart for the next place one matches
    (each way's next match kept until reading passes its start, as in `first_way`), and ``pattern``
    is matched there."""
    found: list[regex.Match[str] | None] = [way.search(text, pos, endpos) for way in ways]
    while True:
        starts = [hit.start() for hit in found if hit is not None]
        if not starts:
            return
        match = pattern.match(text, min(starts), endpos)
        if match is None or match.end() == match.start():  # cannot be: a way matches there, the rest is optional
            yield from pattern.finditer(text, min(starts), endpos)
            return
        yield match
        position = match.end()
        found = [None if hit is None else hit if hit.start() >= position else way.search(text, position, endpos)
                 for way, hit in zip(ways, found, strict=True)]  # fmt: skip


def trial_name(match: regex.Match[str]) -> str:
    """The trial a `prose.TRIAL_NAME` match names, whichever way it was introduced."""
    return str(
        match.group("name")
        or match.group("caption_name")
        or match.group("registered")
        or match.group("defined")
        or match.group("the_name")
    )


@per_document  # asked for each value of a sentence
def assessment_of(text: str) -> str | None:
    """ "BICR" or "investigator" when ``text`` says who assessed the endpoint; the last one named wins."""
    found = None
    for match in prose_patterns.ASSESSMENT.finditer(text):
        found = "BICR" if match.group("bicr") else "investigator"
    return found


def arm_role(arm: str | None) -> str:
    """ "control" for a placebo, standard-of-care or named control arm ("Placebo Tablet", "SoC
    EGFR-TKI", "Docetaxel"), else "experimental" (also when no arm is named)."""
    if not arm:
        return "experimental"
    named_control = build.any_word(vocabulary.control_arms()).search(arm.lower()) is not None
    return "control" if registry_patterns.CONTROL_WORDS.search(arm) or named_control else "experimental"


Named = TypeVar("Named")


def label_names(drug: str | None, brand: str | None = None) -> frozenset[str]:
    """The names a label goes by, lower-case: its drug, the drug's first word ("imatinib" for
    "imatinib mesylate"), its brand and the brand names the vocabulary knows for the drug."""
    names: set[str] = set()
    for name in (drug, brand):
        folded = " ".join((name or "").replace("®", "").casefold().split())
        if folded:
            names |= {folded, folded.split(" ")[0]}
    names |= {b for b, generic in drug_aliases().items() if generic in names}
    return frozenset(n for n in names if len(n) >= 4 and not n.isdigit())


def named_in(text: str, candidates: Sequence[tuple[Named, Iterable[str]]]) -> list[Named]:
    """The candidates any of whose names ``text`` names as a whole word, in the order given."""
    names_of = [(item, frozenset(names)) for item, names in candidates]
    every = tuple(sorted({name for _, names in names_of for name in names}))
    if not every:
        return []
    found = {match.group(0).casefold() for match in build.any_word(every).finditer(text.casefold())}
    return [item for item, names in names_of if names & found]


def labels_named_in(text: str, sources: Sequence[Source]) -> list[Source]:
    """The labels whose drug or brand name the article names, as whole words, in folder order."""
    return named_in(text, [(source, label_names(source.drug)) for source in sources])
