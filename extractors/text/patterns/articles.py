"""Patterns for reading an article file: its kind, Markdown markup, headings and paragraphs.

Each pattern has a real example above it. Every run is bounded or possessive and none can overlap
the next, so a line of any length is read in one pass.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# An HTML article (as opposed to Markdown that mentions a tag): '<html lang="en">', "<p>", "<h2 id=…>".
HTML_START = stored.compile(r"<(?:html|body|p|div|h[1-6]|article|section)\b")

# A heading line: short, capitalised, no sentence end. "From the FDA Drug Label", "Key points:".
HEADING = stored.compile(
    r"""
    ^[ \t]*+(?:[•\-*][ \t]++)?          # optional bullet before the heading ("  • Key points:")
    (?P<title>
      [A-Z][^\n.!?]{0,70}?              # capitalised, no sentence punctuation
    )
    (?P<colon>:)?[ \t]*+$               # "Key points:" ends with a colon
    """,
    regex.VERBOSE | regex.MULTILINE,
)

# Section headings that introduce a passage quoted from a label: "From the FDA Drug Label",
# "Prescribing information", "Labeling".
LABEL_HEADING = stored.compile(r"\b(?:FDA|drug)\s++label\b|\bprescribing\s++information\b|\blabel(?:ing)?\b", regex.I)

# What a label quote may differ in from the label itself: whitespace and punctuation ("trial ( NCT00753688)."
# for "trial (NCT00753688).", "ITTN = 246" for "ITT N = 246"), dropped before the texts are compared.
NOT_LETTER_OR_DIGIT = stored.compile(r"[^\p{L}\p{N}]++")

# A blank line between paragraphs: "…of 0.35.\n\nIn the…", "\n  \n".
PARAGRAPH_BREAK = stored.compile(r"\n[ \t]*+\n")

# Three or more line breaks in a row, tidied to one blank line.
BLANK_LINES = stored.compile(r"\n{3,}+")

# A citation the JATS <xref> holds: "3", " 12 ".
CITATION_NUMBER = stored.compile(r"(?<!\s)\s*+\d++\s*+")

# --- Markdown -----------------------------------------------------------------------------------

# "## Results", "### From the FDA Drug Label ###"
# (the closing "#"s and spaces are stripped by the reader: a lazy group before them would rescan
# every run of spaces inside the heading)
MD_HEADING = stored.compile(r"^[ \t]{0,3}#{1,6}[ \t]++(.*+)$")

# A line of hard-wrapped prose that the next line continues: long, and not ending a sentence or
# introducing a list ("… with pembrolizumab, hazard ratio" / "0.50 (95% CI 0.37-0.68)."). A short
# line ("Key results") or one ending in ".", ":" or ";" stays a line of its own.
WRAPPED_LINE = stored.compile(r"^(?=[^\t|]{60,}$).*[^\s.!?:;…\"'*]$")

# A line that starts a block of its own, never the continuation of the line before: a list item
# ("- ", "• ", "1. "), a table row, a heading, an indented code or quote line.
BLOCK_START = stored.compile(r"^[ \t]*+(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|[|#>]|\t)")

# "- item", "  * item", "+ item": the bullet and its indent.
MD_BULLET = stored.compile(r"^([ \t]*+)[-*+][ \t]++")

# "[the label](https://…)", "![figure](fig1.png)": the text stays, the address goes. Neither part
# holds a "[", so each scan stops at the next link: a run of unclosed "[" or "](" is read once.
MD_LINK = stored.compile(r"!?\[([^\[\]\n]*+)\]\([^)\[\n]*+\)")

# "**bold**", "__bold__", "*italic*": the words stay. Emphasis ends on its own line and cannot hold
# its own marker ("**" in bold, "*" in italic), so each scan stops at the next marker: a line of
# unclosed "**" is read once.
MD_EMPHASIS = stored.compile(
    r"""
      \*\*(?=\S)(?P<bold>(?:[^*\n]|\*(?!\*))+?)(?<=\S)\*\*          # **bold**
    | __(?=\S)(?P<underscored>(?:[^_\n]|_(?!_))+?)(?<=\S)__           # __bold__
    | (?<![\w*])\*(?=\S)(?P<italic>[^*\n]+?)(?<=\S)\*(?![\w*])       # *italic*, not 2*3*4
    """,
    regex.VERBOSE,
)

# "`code`"
MD_CODE = stored.compile(r"`([^`\n]*+)`")

# A Markdown table's line under its header: "|---|:---:|", "--- | ---".
MD_TABLE_RULE = stored.compile(r"^[ \t]{0,3}\|?[ \t]*+:?-{3,}+:?[ \t]*+(?:\|[ \t]*+:?-{3,}+:?[ \t]*+){0,60}\|?[ \t]*+$")

# A Markdown table's row: "| FLAURA | Phase 3 |", "FLAURA | Phase 3" (a bar between or around cells).
MD_TABLE_ROW = stored.compile(r"^[ \t]{0,3}\|.*\|[ \t]*+$|^[^|\n]++\|[^\n]*+$")

# A cell boundary of a Markdown table row: a bar not escaped ("a \\| b" keeps its bar).
MD_CELL_BAR = stored.compile(r"(?<!\\)\|")

timed.wrap(globals())  # every pattern above is held to the reading budget
