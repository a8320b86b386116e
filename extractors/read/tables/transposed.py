"""Read tables printed with their arms as rows and measured quantities as columns.

REPATHA's lipid tables are printed this way round:

    | Treatment Group | LDL-C | Non-HDL-C | Apo B | Total Cholesterol |
    | Placebo every 2 weeks (n = 281) | 8 | 6 | 5 | 4 |
    | REPATHA 140 mg every 2 weeks (n = 555) | -63 | -53 | -49 | -36 |
    | Mean difference from placebo (95% CI) | -71 (-74, -67) | -59 (-62, -55) | … |

The header is a stub ("Treatment Group") and the quantities (`vocabulary.parameters`); each arm row
names its arm with its N; a "difference from <arm>" row compares the arm of its block that is not
that arm (the label's own drug first) with it. A block of arms starts after a row-group heading or
after the between-arm rows of the block before. The cells are read as any row's are (`rows`), so
runs of digits split the same way; only who and what each value is about differ: the row says the
arm, the column the endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import regex

from extractors.ingest import grids as structured
from extractors.read.tables.cells import Token, read_tokens, row_spans
from extractors.read.tables.header import Column, Header
from extractors.read.tables.rows import RowReader, population_of
from extractors.read.tables.state import Row, TableState
from extractors.records import Measurement
from extractors.text import reach, vocabulary
from extractors.text.numbers import to_float
from extractors.text.patterns import build
from extractors.text.patterns import flattened as flattened_patterns
from extractors.text.patterns import tables as table_patterns
from extractors.text.patterns import transposed as transposed_patterns

MAX_ROW_LABEL = 300  # characters: a longer label is prose after the table


def find_transposed_header(text: str, start: int, limit: int) -> Header | None:
    """The header of a table whose rows are arms, after ``start``: the stub, then two or more
    measured quantities, one per column ("Treatment GroupLDL-CNon-HDL-CApo BTotal Cholesterol")."""
    limit = min(limit, start + reach.after("table_header"))
    stub = transposed_patterns.TRANSPOSED_STUB.search(text, start, limit)
    if stub is None:
        return None
    cell = build.parameter_cell(vocabulary.parameters())
    columns: list[Column] = []
    position = stub.end()
    n_column = transposed_patterns.TRANSPOSED_N_COLUMN.match(text, position, limit)
    if n_column is not None:  # "| Treatment (Daily Dose) | N | Total-C | …": each arm's N in a column of its own
        columns.append(Column("N", "n"))
        position = n_column.end()
    while (match := cell.match(text, position, limit)) is not None and match.end() > position:
        columns.append(Column(str(match.group("name")), None))
        position = match.end()
    if sum(1 for column in columns if column.statistic is None) < 2:
        return None
    return Header(tuple(columns), stub.start(), position, None)


@dataclass(slots=True)
class _Block:
    """The arms compared in the rows read so far: reset by a heading or after between-arm rows."""

    arms: list[str] = field(default_factory=list)
    open: bool = False  # the last row was an arm row: the next arm row joins this block


@dataclass(frozen=True, slots=True)
class _RowIdentity:
    """Who a row's values are about: its arm (the experimental arm of a between-arm row), the arm it
    is compared with, the statistic its label names, and the arm's N printed in the label."""

    label: str
    arm: str | None
    comparator: str | None = None
    statistic: str | None = None
    unit: str | None = None
    n: regex.Match[str] | None = None


def read_transposed(
    text: str, header: Header, caption: str, body_end: int, base: Measurement, subset: str | None, brand: str | None
) -> list[Measurement]:
    """The measurements of a table whose rows are arms: each arm's N and values, and the
    differences between arms, with the column's quantity as their endpoint."""
    holds, unit = (None, None)
    if transposed_patterns.CAPTION_MEAN_CHANGE.search(caption):
        holds, unit = "mean", "% change from baseline"
    n_column = bool(header.columns) and header.columns[0].statistic == "n"
    columns = tuple(replace(c, holds=holds, unit=unit) for c in header.columns[1 if n_column else 0 :])
    header = replace(header, columns=columns)
    block = _Block()
    out: list[Measurement] = []
    trial = base.trial
    if n_column and structured.SEPARATOR not in text[header.end : body_end]:
        return _read_listed_flattened(text, header, body_end, replace(base, unit=unit), subset)
    for label_start, label_end, cells_start, cells_end in row_spans(text, header.end, body_end):
        if label_end - label_start > MAX_ROW_LABEL or cells_start is None or cells_end is None:
            break  # prose after the table
        tokens = read_tokens(text, cells_start, cells_end)
        if n_column:
            trial = _trial_heading(text[label_start:label_end]) or trial
            listed = _listed_arm(text, label_start, label_end, tokens)
            if listed is None:
                continue  # "95% CI for Diff |  | -9.2, -6.5": no arm, and no estimate its CIs go with
            who, tokens = listed
        else:
            who = _identify(text, label_start, label_end, block, brand)
        before = len(out)
        state = TableState(subset=subset)
        row_base = replace(base, trial=trial)
        row = Row(text, header, who.label, header.columns, who.statistic, who.unit, None, state, {}, row_base)
        RowReader(row, out).read(tokens)
        for index in range(before, len(out)):
            measurement = out[index]
            out[index] = replace(
                measurement,
                endpoint=measurement.column,
                arm=who.arm,
                comparator=who.comparator,
                unit=unit if measurement.statistic in {"mean", "difference"} and unit else measurement.unit,
            )
        if who.n is not None and who.arm is not None:
            out.append(_arm_n(row_base, text, who.n, who.arm, who.label, subset))
    return out


def _read_listed_flattened(
    text: str, header: Header, body_end: int, base: Measurement, subset: str | None
) -> list[Measurement]:
    """The arm rows of a flattened table whose arms' Ns have a column of their own (`_listed_arm`
    with cells kept): each row is found whole, its arm, N and one value per column
    (`flattened.listed_arm_row`); rows that are no arm's ("95% CI for Diff …") are passed over, a
    "Trial 2" heading before an arm names its trial. ``base.unit`` is the unit of the mean changes the
    caption names, if any."""
    row_pattern = flattened_patterns.listed_arm_row(len(header.columns))
    out: list[Measurement] = []
    trial = base.trial
    position = header.end
    while (row := row_pattern.search(text, position, body_end)) is not None:
        heading = transposed_patterns.TRIAL_HEADING_FLATTENED.search(text, position, row.start())
        trial = heading.group(0) if heading else trial
        position = row.end()
        arm = _plain(row.group("arm"))
        if flattened_patterns.NOT_AN_ARM_ROW.search(arm):
            continue
        row_base = replace(base, trial=trial)
        # each value is a cell of its own, as the bars say with cells kept ("| -27 | -36 |")
        tokens = [Token("sep", row.start("values"), row.start("values"), "")]
        for value in flattened_patterns.LISTED_VALUE.finditer(text, row.start("values"), row.end("values")):
            start = value.start("digits")
            if value.group("plus"):  # a rise printed "+7": its sign a token of its own, as `read_tokens` makes it
                tokens.append(Token("plus", value.start(), start, value.group("plus")))
            tokens += [
                Token("run", start, value.end(), text[start : value.end()]),
                Token("sep", value.end(), value.end(), ""),
            ]
        state = TableState(subset=subset)
        before = len(out)
        RowReader(Row(text, header, arm, header.columns, None, None, None, state, {}, row_base), out).read(tokens)
        for index in range(before, len(out)):
            measurement = out[index]
            changed = measurement.statistic in {"mean", "difference"} and base.unit
            out[index] = replace(
                measurement, endpoint=measurement.column, arm=arm, unit=base.unit if changed else measurement.unit
            )
        n = transposed_patterns.TRANSPOSED_N_CELL.match(text, row.start("count"), row.end("count"))
        if n is not None:
            out.append(_arm_n(row_base, text, n, arm, arm, subset))
    return out


def _trial_heading(label: str) -> str | None:
    """The trial a row-group heading over the arm rows names: "| Trial 1 |  |  |" (LIPITOR Table 9)."""
    for line in label.split("\n")[:-1]:
        name = _plain(line)
        if transposed_patterns.TRIAL_HEADING.match(name):
            return name
    return None


def _listed_arm(
    text: str, label_start: int, label_end: int, tokens: list[Token]
) -> tuple[_RowIdentity, list[Token]] | None:
    """In a table whose arms' Ns have a column of their own, an arm row: its label's last line is the
    arm, its first cell the N ("| LIPITOR 10 mg | 707 | -27 | …"), the cells after it the values."""
    kinds = [token.kind for token in tokens[:3]]
    if kinds != ["sep", "run", "sep"] or not tokens[1].raw.strip().isdigit():
        return None
    arm = _plain(text[label_start:label_end].rsplit("\n", 1)[-1])
    n = transposed_patterns.TRANSPOSED_N_CELL.match(text, tokens[1].start, tokens[1].end)
    if not arm or n is None:
        return None
    return _RowIdentity(arm, arm, n=n), tokens[2:]


def _identify(text: str, label_start: int, label_end: int, block: _Block, brand: str | None) -> _RowIdentity:
    """The arm row or between-arm row whose label spans ``label_start``–``label_end``; updates ``block``."""
    n = transposed_patterns.ARM_ROW_N.search(text, label_start, label_end)
    if n is None:
        block.open = False
        label = _plain(text[label_start:label_end].rsplit("\n", 1)[-1])
        statistic, unit = vocabulary.statistic_of_label(label)
        comparator = _compared_with(label, block.arms)
        arm = _experimental(block.arms, comparator, brand) if comparator else None
        return _RowIdentity(label, arm, comparator, statistic, unit)
    arm_start = _arm_start(text, label_start, n.start())
    if not block.open or table_patterns.ANY_LETTER.search(text[label_start:arm_start]):
        block.arms = []  # a heading above this arm, or between-arm rows before it: a new comparison
    arm = _plain(text[arm_start : n.start()])
    block.arms.append(arm)
    block.open = True
    return _RowIdentity(_plain(text[arm_start:label_end]), arm, n=n)


def _arm_start(text: str, label_start: int, n_start: int) -> int:
    """Where an arm row's own label starts: after a row-group heading or a bar before it."""
    starts = [m.end() for m in transposed_patterns.ARM_LABEL_START.finditer(text, label_start, n_start)]
    position = starts[-1] if starts else label_start
    while position < n_start and (text[position].isspace() or text[position] == structured.SEPARATOR):
        position += 1
    return position


def _plain(raw: str) -> str:
    return " ".join(raw.replace(structured.SEPARATOR, " ").split())


def _compared_with(label: str, arms: list[str]) -> str | None:
    """The arm a between-arm row measures from: "Mean difference from placebo" → "Placebo every 2 weeks"."""
    named = transposed_patterns.DIFFERENCE_FROM.search(label)
    if named is None:
        return None
    word = named.group("arm").casefold()
    return next((arm for arm in arms if arm.split()[0].casefold() == word), None)


def _experimental(arms: list[str], comparator: str, brand: str | None) -> str | None:
    """The arm compared with ``comparator``: the label's own drug if it is in the block, else the
    last arm that is neither the comparator nor a control."""
    others = [arm for arm in arms if arm != comparator]
    if brand:
        own = [arm for arm in others if arm.split()[0].casefold() == brand.casefold()]
        if len(own) == 1:
            return own[0]
    controls = set(vocabulary.control_arms())
    candidates = [arm for arm in others if arm.split()[0].casefold() not in controls]
    return candidates[-1] if len(candidates) == 1 else None


def _arm_n(base: Measurement, text: str, n: regex.Match[str], arm: str, label: str, subset: str | None) -> Measurement:
    """The arm's N printed in its row label: "(n = 281)"."""
    start, end = n.start("count"), n.end("count")
    return replace(
        base,
        statistic="n",
        value=to_float(text[start:end]),
        raw=text[start:end],
        span=(start, end),
        arm=arm,
        unit="patients",
        population=population_of(subset),
        row=label,
    )
