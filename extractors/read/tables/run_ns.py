"""Where a run of a row's cells ends at an N: the Ns that start a row of their own.

With cells kept a row is its line; flattened, a row of Ns may follow a row's values in one run of
tokens ("p-Value <0.0001 n=101 n=103", KEYTRUDA Table 58), and an N in parentheses may be a row's
cell ("(n=93) (n=19)") or a label's ("All Patients (n=74)"). These tell which, from the kinds of the
tokens read so far in the run (`cells.cell_run_at`).
"""

from __future__ import annotations

import regex

from extractors.ingest import grids as structured
from extractors.text.patterns import tables as table_patterns

VALUE_KINDS = frozenset({"ci", "pct", "pval", "qual", "range", "run"})  # tokens that carry a row's value
N_COMPANIONS = frozenset({"run", "pct", "fmt", "foot"})  # what may follow "N =": its count, the count's percent


def values_before_n(before: list[tuple[str, int]]) -> bool:
    """Whether a flattened run (``before``: its tokens' kinds and ends) has a value before the N that
    comes next (a number not an N's, a CI, a percent, a p-value, a qualifier): the N starts the next
    row, as with cells kept ("| p-Value | <0.0001 |" over "|  | n=101 | n=103 |", KEYTRUDA Table 58);
    an N's own percent is no value ("N = 155 (53%) N = 78 (54%)", VOTRIENT Table 8)."""
    of_n = False  # whether the tokens since the last "N =" are its count and the count's percent
    for kind, _ in before:
        if kind == "nprefix" or (of_n and kind in N_COMPANIONS):
            of_n = kind != "pct"
            continue
        if kind in VALUE_KINDS:
            return True
        of_n = False
    return False


def ns_row_in_parentheses(
    text: str, token: regex.Match[str], before: list[tuple[str, int]], end: int, kept: bool
) -> bool:
    """Whether the N in parentheses ``token`` is a cell of a row of such Ns and nothing else: each its
    own cell with cells kept (``kept``: "|  | (n=93) | (n=19) |"), two or more in a row flattened
    ("RECIST 1.1 (n=93) (n=19) Median DOR …") — never a label's N ("All Patients (n=74) Prior …")."""
    at = token.start()
    if any(kind not in {"nparen", "sep"} for kind, _ in before):
        return False
    if kept:
        return text[max(0, at - 4) : at].rstrip(" \t").endswith(structured.SEPARATOR)
    if before:
        return True
    after = table_patterns.CELL_TOKEN.match(text, token.end(), end)
    if after is not None and after.lastgroup == "space":
        after = table_patterns.CELL_TOKEN.match(text, after.end(), end)
    return after is not None and after.lastgroup == "nparen"
