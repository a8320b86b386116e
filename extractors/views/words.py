"""Words for people: claim kinds and consistency checks as an editor would say them, the notes a
claim deserves, and label text made safe for Streamlit's Markdown labels.

Parsers speak in ids (``wrong_population``, ``ambiguous_split``); an editor reads "other
subgroup" and "the table cells run together and can be read another way". Notes are chosen by
whether they could change what the editor does with the claim, not by what the reader found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from extractors.records import Claim, Measurement
from extractors.report import printed
from extractors.views.highlight import verdict_label

# Claim kind → what went wrong, in an editor's words (filter chips, claim list, letter).
KIND_WORDS: dict[str, str] = {
    "wrong_value": "wrong value",
    "swapped_arms": "arms swapped",
    "wrong_population": "other subgroup",
    "wrong_endpoint": "other endpoint",
    "wrong_unit": "wrong unit",
    "wrong_significance": "wrong significance",
    "wrong_trial": "other trial",
    "wrong_analysis": "other analysis",
    "wrong_assessment": "other analysis",
    "inconsistent_statistics": "numbers disagree",
    "population_extrapolation": "broader population",
    "excluded_population": "excluded patients",
}

# Consistency check → what it found, in an editor's words.
CHECK_WORDS: dict[str, str] = {
    "ci_excludes_estimate": "the value lies outside its own confidence interval",
    "ci_asymmetric": "the confidence interval is lopsided around the value",
    "rate_ci_inconsistent": "the confidence interval does not fit the rate and the number of patients",
    "median_ratio_vs_hr": "the ratio of the medians is far from the hazard ratio",
    "n_sum_mismatch": "the numbers of patients do not add up",
    "p_inconsistent_with_ci": "the p-value does not fit the confidence interval",
    "damaged_ci": "the confidence interval is misprinted",
    "ambiguous_split": "table cells run together and can be read more than one way",
    "reading_budget": "a table row too tangled to read every way",
}

# Streamlit's Markdown colours for the verdict chips, beside the icon and the word.
VERDICT_COLOURS = {"supported": "green", "contradicted": "red", "overgeneralized": "orange", "unverifiable": "gray"}

# CommonMark lets any ASCII punctuation be escaped with a backslash; Streamlit adds $ (LaTeX) and
# : (colour and emoji directives), both ASCII punctuation too.
_MARKDOWN_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def kind_words(kind: str | None) -> str:
    """``"wrong_population"`` → ``"other subgroup"``; an unknown kind in plain words; None → ``""``."""
    if not kind:
        return ""
    return KIND_WORDS.get(kind, kind.replace("_", " "))


def check_words(check: str) -> str:
    return CHECK_WORDS.get(check, check.replace("_", " "))


def markdown_text(text: str) -> str:
    """``text`` for a place Streamlit renders as Markdown (widget labels and options): every
    punctuation character escaped, line breaks as spaces, so label text shows as typed."""
    flat = " ".join(text.split())
    return "".join("\\" + c if c in _MARKDOWN_PUNCTUATION else c for c in flat)


def verdict_markdown(verdict: str) -> str:
    """A verdict chip's label: colour, icon and word, e.g. ``":red[✗ contradicted]"``."""
    return f":{VERDICT_COLOURS.get(verdict, 'gray')}[{verdict_label(verdict)}]"


@dataclass(frozen=True, slots=True)
class Note:
    """A line under a verdict: ``caution`` when it could change the verdict, ``info`` otherwise."""

    level: Literal["caution", "info"]
    text: str


def _reading_notes(claim: Claim, m: Measurement) -> list[Note]:
    """Notes on how the label's number was read, when the reading could change the verdict."""
    notes: list[Note] = []
    others = sorted({a.value for a in m.alternatives if a.value is not None and a.value != m.value})
    if others:
        shown = ", ".join(printed(v, None) for v in others)
        notes.append(
            Note(
                "caution",
                f"The label prints these table cells run together; they could also be read as {shown}. "
                f"The check used {printed(m.value, m.raw)}, the reading that fits the table's columns: "
                "worth a look at the label before relying on this verdict.",
            )
        )
    elif m.confidence == "low":
        notes.append(Note("caution", "The label's number was read with low confidence: check it in the label."))
    for flag in m.flags:
        if flag.severity == "error":
            notes.append(Note("caution", f"In the label itself, {check_words(flag.check)}: {flag.message}"))
        elif flag.check == "damaged_ci" and claim.ci_low is not None:
            notes.append(Note("caution", "The label's confidence interval for this value is misprinted, so the "
                                         "article's interval cannot be checked against it."))  # fmt: skip
        elif flag.severity == "warning" and claim.verdict != "supported":
            notes.append(Note("info", f"In the label, {check_words(flag.check)}."))
    return notes


def claim_notes(claim: Claim) -> list[Note]:
    """What an editor should know beyond the verdict, in plain words; nothing when nothing matters.

    The article's own numbers disagreeing with each other always matters. The label's reading
    matters when another reading of the cell would change the verdict, when the label's own
    numbers cannot all be right, or, for an interval the article quotes, when the label's is
    misprinted. How a cell was split, when every reading agrees, does not.
    """
    notes = [
        Note("caution", f"The article's own numbers do not agree: {check_words(f.check)} ({f.message}).")
        for f in claim.flags
        if f.severity in ("error", "warning") and f.message not in claim.explanation  # not said twice
    ]
    if claim.evidence is not None:
        notes += _reading_notes(claim, claim.evidence)
    return notes
