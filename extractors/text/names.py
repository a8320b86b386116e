"""The names of drugs, arms and trials, compared the way a reader would compare them.

Brand names are the generic drug ("VOTRIENT" is pazopanib), case and a leading "the" or a
trailing "arm" do not matter, and a combination arm reads its brand names as generic too.
"""

from __future__ import annotations

from functools import cache

import regex

from extractors.text import vocabulary
from extractors.text.patterns import build
from extractors.text.patterns import names as patterns
from extractors.text.patterns import prose as prose_patterns
from extractors.text.patterns import registry as registry_patterns

DRUG_WORD = patterns.DRUG_WORD


@cache
def drug_aliases() -> dict[str, str]:
    """Brand name → generic name (lower-case): "votrient" → "pazopanib"."""
    data = vocabulary.load_data("claims.json", ("drug_aliases",))
    return {str(k).lower(): str(v).lower() for k, v in data["drug_aliases"].items()}


def canonical_arm(arm: str | None) -> str | None:
    """An arm name compared case-insensitively, brand names as generic: "VOTRIENT" → "pazopanib"."""
    if arm is None:
        return None
    name = " ".join(arm.lower().replace("®", "").split())
    name = str(patterns.ARM_LEADING_THE.sub("", name))
    name = str(patterns.ARM_TRAILING_WORD.sub("", name))
    aliases = drug_aliases()
    if name in aliases:
        return aliases[name]
    # brand names inside a combination arm: "IBRANCE plus Letrozole" → "palbociclib plus letrozole"
    return str(patterns.LOWER_WORD.sub(lambda m: aliases.get(m.group(0), m.group(0)), name))


def arm_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical arm) of every arm named in ``text``: drugs and control arms."""
    mentions: list[tuple[int, int, str]] = []
    for match in DRUG_WORD.finditer(text):
        mentions.append((match.start(), match.end(), canonical_arm(match.group(0)) or ""))
    aliases = drug_aliases()
    for match in build.any_word(tuple(aliases)).finditer(text):
        mentions.append((match.start(), match.end(), aliases[match.group(0).lower()]))
    for match in build.any_word(vocabulary.control_arms()).finditer(text):
        if not any(start <= match.start() < end for start, end, _ in mentions):
            mentions.append((match.start(), match.end(), match.group(0).lower()))
    mentions = [m for m in mentions if not patterns.CONTROLLED_DESIGN.match(text[m[1] : m[1] + 12])]
    return sorted(mentions)


def trial_name(match: regex.Match[str]) -> str:
    """The trial a `prose.TRIAL_NAME` match names, whichever way it was introduced."""
    return str(match.group("name") or match.group("caption_name") or match.group("registered"))


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
