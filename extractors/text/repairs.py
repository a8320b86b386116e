"""Known damage to text, repaired by named rules (the rules themselves are `patterns.text.LABEL_REPAIRS`)."""

from __future__ import annotations

from extractors.text.patterns import text as patterns


def repair_label(text: str) -> tuple[str, tuple[str, ...]]:
    """A row label with known damage repaired, and the names of the rules that fired."""
    fired = []
    for name, pattern, replacement, _why, _example in patterns.LABEL_REPAIRS:
        repaired = pattern.sub(replacement, text)
        if repaired != text:
            fired.append(name)
            text = repaired
    return text, tuple(fired)


def collapse_spaces(text: str) -> str:
    """Runs of spaces become one space; runs of blank lines become one blank line."""
    return str(patterns.BLANK_LINES.sub("\n\n", patterns.SPACES.sub(" ", text)))
