"""The header of a single-arm trial's table flattened, its cells run together or spaced: one N, no arm.

With its cells lost, ADCETRIS Table 2 reads::

    Table 2: Efficacy Results in Patients with Hodgkin Lymphoma … N = 102 Percent (95%CI) Duration of
    Response, in months … Median (95% CI) Range CR 32 (23, 42) 20.5 (12.0, NE ) 1.4 to 21.9 PR 40 …

as `single_arm.single_arm_header` reads it with its cells kept: the N's column is the label's brand,
under the disease the caption names its patients by; a first place named as percents ("Percent
(95%CI)") holds the drug's rates, every other place of the row is left unread ("value": figures of the
responders the row names, which no arm header attributes). The header ends where the first row's
label, an endpoint ("CR"), starts.

Flattened, the label's prose may be gone (a table quoted alone), so whether a trial is single-arm
cannot be asked of it: only a header that prints one N and names no arm is read so, as a single arm
headed by its trial's name takes the brand (`header.find_header`). Two or more Ns without arms are
columns the reader cannot attribute, and stay unread.
"""

from __future__ import annotations

from extractors.ingest import grids as structured
from extractors.read.tables.cells import Number, read_tokens, row_spans
from extractors.read.tables.header import Column, Header, ci_level_of
from extractors.read.tables.single_arm import caption_disease
from extractors.text import vocabulary
from extractors.text.patterns import grids as grid_patterns
from extractors.text.patterns import table_labels as label_patterns
from extractors.text.patterns import tables as table_patterns


def flattened_single_arm_header(text: str, start: int, limit: int, brand: str | None) -> Header | None:
    """The header after the caption ending at ``start`` of a flattened single-arm table: its one N,
    the names after it up to the first row, which names an endpoint; one column per cell of that row."""
    if not brand or text.find(f"\n{structured.SEPARATOR} ", start, limit) >= 0:
        return None  # with its cells kept, `single_arm.single_arm_header` reads it
    n = table_patterns.HEADER_N.search(text, start, limit)
    if n is None or grid_patterns.FIGURE_IN_CELL.search(text, start, n.start()):
        return None  # a figure before the N: a row of the body, or a note's
    if n.group(0).startswith("("):
        return None  # an N aside in a named cell: "Number of patients (n = 18) %" heads counts, then percents
    row = next(row_spans(text, n.end(), limit), None)
    if row is None or row[2] is None or row[3] is None:
        return None
    label_start = _first_label_start(text, row[0], row[1])
    names = text[n.end() : label_start] if label_start is not None else ""
    if label_start is None or grid_patterns.PERCENT_COLUMN.match(names) is None:
        return None  # the place under the N is not named as percents: nothing says what its cells are
    if table_patterns.HEADER_N.search(names) or grid_patterns.FIGURE_IN_CELL.search(names):
        return None  # a second N: columns no arm heads
    count = Number(n.group("count"), n.start("count"), n.end("count"))
    disease = caption_disease(text, start)
    # flattened, the notes run into the caption: "… with Hodgkin Lymphoma Not estimable Follow up …"
    named = grid_patterns.TITLE_CASE_NAME.match(disease[0]) if disease else None
    group = named.group(0) if named else None
    rate = Column(brand, None, group, count, holds="rate", unit="%")
    others = [Column(brand, None, group, count, holds="value") for _ in range(_cells_of(text, row[2], row[3]) - 1)]
    return Header((rate, *others), n.start(), label_start, ci_level_of(names))


def _first_label_start(text: str, start: int, end: int) -> int | None:
    """Where the first row's label starts in the names before its cells: a kind of response it ends
    with ("… Median (95% CI) Range CR"), or an endpoint, glued to its first cell's digits or not ("Range CR32")."""
    label = text[start:end].rstrip(" \t0123456789")
    last_word = label.rsplit(None, 1)[-1] if label.split() else ""
    if last_word and label_patterns.RESPONSE_CATEGORY_LABEL.match(last_word):
        return start + len(label) - len(last_word)
    mentions = vocabulary.endpoint_mentions(label)
    if not mentions or mentions[-1][2] != len(label):
        return None  # words after the endpoint: the row's label is not the endpoint
    return start + mentions[-1][1]


def _cells_of(text: str, start: int, end: int) -> int:
    """How many cells the first row prints: a figure with its CI is one, a CI alone (its figure glued
    into the label) one, a figure alone one."""
    tokens = read_tokens(text, start, end)
    return sum(
        1
        for index, token in enumerate(tokens)
        if token.kind == "ci" or index + 1 == len(tokens) or tokens[index + 1].kind != "ci"
    )
