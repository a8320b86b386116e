"""Which paragraphs of an article quote a label: recognized by what they say, not where they stand.

A page like the seeds prints a passage of the label under a heading ("From the FDA Drug Label")
and its own words after it; a review may quote a label paragraph anywhere. A paragraph quotes a
label when its text is the label's, whitespace and punctuation aside ("trial ( NCT00753688)."
for "trial (NCT00753688).", a flattened table's "ITTN = 246N = 123" for "ITT N = 246 N = 123"):
most of its letters and digits lie in runs of `SHINGLE` characters that the label also holds. The
drug's names count as one word, as quotes put the generic name for the brand ("The efficacy of
pazopanib was evaluated" for "The efficacy of VOTRIENT was evaluated"), and a quote may leave
sentences out. A quote is the label speaking, not a claim; every other sentence, in that section or
elsewhere, is the article's own and is checked. A paragraph that is a whole source, as the passage
an article quotes is when it is checked against that passage alone, is a quote however short.

Texts are compared by fixed-length runs ("shingles") of their letters and digits, the label's
hashed once per text, so a paragraph is tested in time linear in its length whatever the label's.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from extractors.records import Article, Span
from extractors.text.patterns import articles as patterns

# Letters and digits in a run the label must hold as well: long enough that a run of common words
# ("the median progression-free survival was") is not a quote by chance.
SHINGLE = 40
# Every how many characters of a paragraph a run is looked up.
_STRIDE = 8
# The share of a paragraph's runs the label must hold: a quote that leaves sentences out or quotes
# another edition of the label still is one (the seeds against the 2019 VOTRIENT label: 0.46 and
# 0.61; against 2023: 0.81 and 0.96), an article's paraphrase with copied phrases is not (0.12).
SHARE = 0.4
# Letters and digits a quote has at least: two sentences' worth, so that an article's own claim that
# repeats one label sentence word for word stays a claim.
MIN_CHARS = 150


def letters_and_digits(text: str, drugs: tuple[str, ...] = ()) -> str:
    """``text`` without whitespace and punctuation, in lower case, each of the ``drugs`` names one
    mark: what a quote and its label share."""
    flat = str(patterns.NOT_LETTER_OR_DIGIT.sub("", text)).lower()
    for name in sorted({letters_and_digits(name) for name in drugs}, key=len, reverse=True):
        if len(name) > 3:
            flat = flat.replace(name, _DRUG)
    return flat


_DRUG = "_"  # what a drug's name becomes: no letter or digit, so no name runs into the next word


def quoted_spans(article: Article, label_texts: Sequence[str], drugs: Sequence[str] = ()) -> tuple[Span, ...]:
    """The paragraphs of ``article`` that quote one of ``label_texts``, in order; ``drugs`` are the
    names of the labels' drugs (brand, generic, the generic's first word)."""
    if not label_texts:
        return ()
    names = _names(drugs)
    held = [_shingles(text, names) for text in label_texts]
    wholes = {whole for _, whole in held}
    found = []
    for start, end in paragraph_spans(article.text):
        flat = letters_and_digits(article.text[start:end], names)
        if flat and flat in wholes:
            found.append((start, end))  # the whole passage an article quotes, taken as its label
            continue
        if len(flat) < MIN_CHARS:
            continue
        probes = [hash(flat[i : i + SHINGLE]) for i in range(0, len(flat) - SHINGLE + 1, _STRIDE)]
        if any(sum(probe in shingles for probe in probes) >= SHARE * len(probes) for shingles, _ in held):
            found.append((start, end))
    return tuple(found)


def paragraph_spans(text: str) -> list[Span]:
    """The spans of the paragraphs of ``text`` (blank lines between them), surrounding space left out."""
    spans: list[Span] = []
    start = 0
    for match in [*patterns.PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        if stripped:
            spans.append((start + lead, start + lead + len(stripped)))
        start = match.end() if match else len(text)
    return spans


def _names(drugs: Sequence[str]) -> tuple[str, ...]:
    """The drugs' names and the first word of each ("pazopanib" of "pazopanib hydrochloride")."""
    words = [name.split()[0] for name in drugs if name.split()]
    return tuple(sorted(set(drugs) | set(words)))


@functools.lru_cache(maxsize=8)
def _shingles(text: str, drugs: tuple[str, ...]) -> tuple[frozenset[int], str]:
    """Every run of `SHINGLE` letters and digits of ``text``, hashed; and all of them, when ``text``
    is a passage short enough to be quoted whole (a quote the article gives as its own label)."""
    flat = letters_and_digits(text, drugs)
    runs = frozenset(hash(flat[i : i + SHINGLE]) for i in range(len(flat) - SHINGLE + 1))
    return runs, flat if len(flat) <= _WHOLE else ""


# Letters and digits of a passage quoted whole: a label section's paragraph, not a label.
_WHOLE = 20_000
