"""The qualifiers of a population — disease stage, prior therapy, biomarker — in ``data/scope.json``.

Both sides of a scope verdict read them the same way: the label's enrolment sentence ("Patients
with metastatic STS who had received prior chemotherapy") and the article's statement ("The
treatment for soft tissue sarcoma is pazopanib"). Within a dimension the longest wording wins
("uncommon EGFR mutations" over "EGFR mutations").
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex

from extractors.text import vocabulary
from extractors.text.patterns import build

DIMENSIONS = ("stage", "prior_therapy", "biomarker")
DIMENSION_NAMES = {"stage": "disease stage", "prior_therapy": "prior therapy", "biomarker": "biomarker"}


@cache
def _data() -> dict[str, Any]:
    keys = (
        "stage",
        "prior_therapy",
        "biomarker",
        "exclusion_cues",
        "enrolment_cues",
        "evidence_cues",
        "every_stage_cues",
        "every_age_cues",
        "groups",
        "disease_abbreviations",
    )
    return vocabulary.load_data("scope.json", keys)


def _phrases(phrases: Any) -> regex.Pattern[str]:
    """Phrases on word boundaries, a hyphenated word whole ("non-metastatic" is not "metastatic")."""
    return build.any_phrase(tuple(str(p) for p in phrases), "-")


@cache
def cue(key: str) -> regex.Pattern[str]:
    """The cue phrases of ``key`` in scope.json: "exclusion_cues", "enrolment_cues", "evidence_cues"."""
    return _phrases(_data()[key])


@cache
def disease_abbreviations() -> frozenset[str]:
    """The abbreviations that name a disease, lower-cased: "hcc", "nsclc" (scope.json
    "disease_abbreviations"), for text that does not spell them out itself."""
    return frozenset(str(k).lower() for k in _data()["disease_abbreviations"])


@cache
def broader_than(value: str) -> frozenset[str]:
    """The values a broader wording includes without naming them: "EGFR mutation (any)" → the exon
    19 deletion or L858R, the uncommon mutations, T790M (scope.json "broader")."""
    return frozenset(str(v) for v in _data().get("broader", {}).get(value, ()))


@cache  # asked for each population key of each claim compared with it
def with_disease_abbreviations(words: str) -> tuple[str, ...]:
    """``words`` (lower case) and each form with a disease written as its abbreviation
    (scope.json "disease_abbreviations"): "metastatic soft tissue sarcoma" → "metastatic sts"."""
    forms = [words]
    for short, disease in _data()["disease_abbreviations"].items():
        if disease in words:
            forms.append(words.replace(disease, short))
    return tuple(forms)


@cache
def _values(dimension: str) -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """Each canonical value of a dimension with the pattern of its wordings."""
    return tuple((str(value), _phrases(phrases)) for value, phrases in _data()[dimension].items())


# (dimension, canonical value, the words as printed): ("stage", "metastatic or advanced", "metastatic").
Found = tuple[str, str, str]


def states_any(text: str) -> bool:
    """Whether ``text`` states any qualifier: ``bool(qualifiers(text))``, stopping at the first wording
    found instead of reading every dimension's (a label's every enrolment-like sentence is asked)."""
    return any(pattern.search(text) for dimension in DIMENSIONS for _, pattern in _values(dimension))


def qualifiers(text: str) -> tuple[Found, ...]:
    """The stage, prior-therapy and biomarker qualifiers ``text`` states, in order of dimension, as
    (dimension, value, phrase); `records.Qualifier` holds them in a record."""
    found: list[Found] = []
    for dimension in DIMENSIONS:
        hits: list[tuple[int, int, str, str]] = []  # start, end, value, words
        for value, pattern in _values(dimension):
            for match in pattern.finditer(text):
                hits.append((match.start(), match.end(), value, str(match.group(0))))
        taken: list[tuple[int, int, str, str]] = []
        for hit in sorted(hits, key=lambda h: (h[0] - h[1], h[0])):  # longest first: "uncommon EGFR mutations"
            if all(hit[1] <= other[0] or other[1] <= hit[0] for other in taken):
                taken.append(hit)
        best: dict[str, tuple[int, int, str, str]] = {}  # value → its longest wording ("prior chemotherapy")
        for hit in taken:
            if hit[2] not in best or len(hit[3]) > len(best[hit[2]][3]):
                best[hit[2]] = hit
        for _start, _end, value, words in sorted(best.values()):
            found.append((dimension, value, words))
    return tuple(found)


@cache
def group_words() -> dict[str, regex.Pattern[str]]:
    """The words of each group of people a label may say its drug is not for (scope.json "groups"):
    "women", "children", "adults"."""
    groups = _data()["groups"]
    return {str(name): _phrases(words) for name, words in groups.items() if not name.startswith("_")}
