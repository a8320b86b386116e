"""Read one row's cells: enumerate the readings of its tokens, score them, emit the best as
measurements with how sure we are and the readings that lost.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Iterator, Sequence
from typing import Any

from extractors.read.attach import analysis_of
from extractors.read.context import trials_introduced
from extractors.read.tables.cells import (
    Cell,
    Number,
    Reading,
    Token,
    cell_value,
    group_cells,
    inner_span,
    overlaps,
    repair_flags,
    span_of,
    with_ci,
)
from extractors.read.tables.glued_cis import glued_cis
from extractors.read.tables.groups import event_kind, trial_and_population
from extractors.read.tables.header import Column
from extractors.read.tables.scoring import HUGE, score
from extractors.read.tables.splits import split_candidates
from extractors.read.tables.state import Row
from extractors.records import Alternative, Confidence, Flag, Measurement, replace
from extractors.text import vocabulary
from extractors.text.numbers import to_float
from extractors.text.patterns import build
from extractors.text.patterns import flattened as flattened_patterns
from extractors.text.patterns import prose as prose_patterns
from extractors.text.patterns import tables as table_patterns

MAX_READINGS = 20_000  # readings scored per row before we fall back to the plainest one
MAX_EMPTY_PLACEMENTS = 20  # ways of leaving between-arm columns empty tried per reading
EMPTY_BETWEEN = 0.3  # the cost of a between-arm column left empty where the arms repeat after it


class RowReader:
    """Reads one row's cells into ``out`` (completing estimates of the rows above)."""

    def __init__(self, row: Row, out: list[Measurement]) -> None:
        self.row = row
        self.out = out
        self.truncated = False  # more readings than MAX_READINGS: the best of those scored is shown

    def read(self, tokens: list[Token]) -> None:
        """Append this row's measurements to ``out``."""
        # a glued row of bare CIs ("95% CI7,84,55,10") is cut by the estimates above it, or not read
        tokens = glued_cis(self.row.text, self.row.label, tokens, self._open_estimates(len(tokens) - 1)) or tokens
        readings = self._readings(tokens)
        if _label_may_end_in_digits(self.row.text, tokens) and min((r.penalty for r in readings), default=HUGE) >= (
            LABEL_DIGITS_TRIED
        ):
            # no reading fits well: the first digits may be the label's, "PASI 75 | 578 (71%)" flattened
            readings += self._readings(tokens, label_digits=True)
        key = _glued_footnote_digit(self.row, tokens)
        if key is not None:  # "Nausea1522.4290.6" under a note "1Only includes a Grade 3 …": the "1" may be its key
            readings += self._readings(tokens, label_digits=key)
        readings.sort(key=lambda r: r.penalty)
        if readings and readings[0].penalty < HUGE:
            self._emit(readings[0], readings[1:])

    def _open_estimates(self, count: int) -> list[Measurement | None]:
        """The estimate awaiting its CI in each column, when the row has ``count`` columns."""
        if count != len(self.row.columns):
            return []
        open_between = self.row.state.open_between
        return [self.out[open_between[i]] if i in open_between else None for i in range(count)]

    # enumeration ---------------------------------------------------------------------------
    def _readings(self, tokens: list[Token], label_digits: bool | str = False) -> list[Reading]:
        """Every reading of the tokens that fits the columns, scored; with ``label_digits``, only the
        readings that give the first number of the first run to the row label (a footnote key when it
        names one: that digit only)."""
        ncols = len(self.row.columns)
        key_room = 1 if isinstance(label_digits, str) else 0  # the first run holds the key and the cells
        # a row with its cells kept keeps its empty cells: only a flattened one has to place them
        flattened = not any(token.kind == "sep" for token in tokens)
        between_columns = _between_columns_before_arms(self.row.columns) if flattened else []
        if sum(1 for t in tokens if t.kind in {"run", "qual", "dash"}) > ncols + bool(label_digits):
            return []  # each of these starts a cell of its own: more of them than columns fits no reading
        # one list of choices per token: how a run of digits splits, whether a CI joins the cell before it
        options: list[list[Any]] = [
            _compared_splits(self.row.text, token, ncols)
            if token.kind == "run" and index and tokens[index - 1].kind == "cmp"
            else split_candidates(self.row.text, token, ncols + (key_room if index == 0 else 0))
            if token.kind == "run"
            else [True, False]
            if token.kind in {"ci", "damaged"}
            else [None]
            for index, token in enumerate(tokens)
        ]
        if isinstance(label_digits, str):
            options[0] = [pieces[1:] for pieces in options[0] if pieces[0].raw == label_digits]
        elif label_digits:
            options[0] = [pieces[1:] for pieces in options[0] if flattened_patterns.LABEL_DIGITS.match(pieces[0].raw)]
        readings = []
        for count, choice in enumerate(_fitting_choices(tokens, options, ncols)):  # lazily: never all at once
            if count >= MAX_READINGS:
                self.truncated = True
                break
            splits = [c if t.kind == "run" else None for t, c in zip(tokens, choice, strict=True)]
            attach = [c if t.kind in {"ci", "damaged"} else None for t, c in zip(tokens, choice, strict=True)]
            cells = group_cells(tokens, splits, attach)
            if cells is None or len(cells) > ncols:
                continue
            reading = Reading(cells, splits=sum(len(s) - 1 for s in splits if s))
            if label_digits:
                # a digit the notes key a footnote with is cheaper to give than any digits
                cost = LABEL_KEY_COST if isinstance(label_digits, str) else LABEL_DIGITS_COST
                _give_label_digits(reading, tokens[0], choice[0], cost)
            score(reading, self.row)
            readings.append(reading)
            readings += self._with_empty_between(reading, between_columns)
        return readings

    def _with_empty_between(self, reading: Reading, between: list[int]) -> list[Reading]:
        """``reading`` with some between-arm columns left empty instead of the last columns, when a
        header repeats its arms after their between-arm columns: a row of Ns or of counts fills the
        arm columns only ("N=1513 N=1473 N=834 N=835" under "XARELTO Enoxaparin RRR p-value XARELTO
        Enoxaparin RRR p-value"); an estimate printed with its p-value leaves the p column empty."""
        empty = len(self.row.columns) - len(reading.cells)
        if not 0 < empty <= len(between) or math.comb(len(between), empty) > MAX_EMPTY_PLACEMENTS:
            return []
        placed = []
        for skipped in itertools.combinations(between, empty):
            cells = iter(reading.cells)
            padded = Reading(
                [Cell() if index in skipped else next(cells) for index in range(len(self.row.columns))],
                splits=reading.splits,
            )
            score(padded, self.row)
            # a row that only counts patients leaves its between-arm columns empty: less odd than an
            # empty arm column, which the reading with the last columns empty (0.6 each) may leave
            padded.penalty += EMPTY_BETWEEN * empty
            placed.append(padded)
        return placed

    # emission -----------------------------------------------------------------------------
    def _emit(self, best: Reading, others: list[Reading]) -> None:
        state = self.row.state
        for index, cell in enumerate(best.cells):
            column = self.row.columns[index]
            if cell.is_dash:
                continue
            if cell.bare_ci:
                self._complete_open_estimate(index, cell)
                continue
            if cell.number is None and cell.qualifier is None:
                continue
            statistic = self.row.statistic_for(column, cell)
            if statistic == "value":
                continue  # a number in a row that names no statistic we know is not reported
            measurement = self._measurement(index, cell, statistic, best, others)
            between = column.statistic is not None
            if statistic == "n" and state.population is None:
                state.overall_n[index] = measurement.value or 0.0
            if cell.format is not None:  # "N=1731 n (%)": the cells below hold counts and percents
                state.formats[index] = cell.format
            if between and statistic != "p" and cell.ci is None and measurement.qualifier is None:
                state.open_between[index] = len(self.out)
            elif not between and not self._keeps_response_rate_open(index, measurement):
                # a rate whose CI is printed on the row below: "95% CI | (77.4, 87.2)"
                state.open_between.pop(index, None)
                # a median whose label prints no CI may have it on the row below: "95% CI (mos.) | (6.4, 11.7)"
                median_open = statistic == "median" and not table_patterns.CI_WORD.search(self.row.label)
                if (statistic == "rate" or median_open) and cell.ci is None:
                    state.open_between[index] = len(self.out)
                elif cell.pct is not None and cell.pct_ci is None:
                    state.open_between[index] = len(self.out) + 1
            self.out.append(measurement)
            if cell.pct is not None:
                self.out.append(self._percent_of(cell, measurement, self.row.columns[index]))
            if cell.p is not None:
                start, end = inner_span(self.row.text, cell.p)
                self.out.append(p_value_of(measurement, cell.p.raw, (start, end), cell.p.low or "=", self.row.label))
            self.out.extend(self._footnote_measurements(cell, measurement))

    def _keeps_response_rate_open(self, index: int, measurement: Measurement) -> bool:
        """A response rate awaiting its CI keeps it through its complete and partial response rows:
        "Objective response rate 41% | CR … | PR … | 95% CI (36%, 45%)" (LENVIMA Table 17)."""
        position = self.row.state.open_between.get(index)
        if position is None or measurement.endpoint not in {"CR", "PR"}:
            return False
        return self.out[position].endpoint == "ORR"

    def _measurement(self, index: int, cell: Cell, statistic: str, best: Reading, others: list[Reading]) -> Measurement:
        """The measurement a cell of the chosen reading gives, with its confidence and flags."""
        row, state = self.row, self.row.state
        column = row.columns[index]
        experimental, control = _experimental_and_control(
            tuple(row.header.arms_of(column.group)), column.versus, state.caption
        )
        between = column.statistic is not None
        group_trial, group_population = trial_and_population(column.group, trials_introduced(row.text))
        kind_group = column.grade is None and event_kind(column.group)
        confidence, alternatives, flags = self._judge(cell, best, others)
        if self.truncated:
            confidence = "low"
            flags += (
                Flag(
                    "reading_budget",
                    "warning",
                    f"row {row.label!r} has more readings than the {MAX_READINGS} scored; "
                    "this is the best of those, not necessarily of all",
                ),
            )
        flags += repair_flags(cell)
        endpoint = state.endpoint
        if statistic == "n" and state.subgroup_rows:
            endpoint = None  # a subgroup's Ns count the subgroup, not the event its rows report (EFFIENT Table 6)
        measurement = replace(
            row.base,
            confidence=confidence,
            trial=group_trial or row.base.trial,
            statistic=statistic,
            value=cell.number.value if cell.number else None,
            raw=cell.number.raw if cell.number else (cell.qualifier_token.raw if cell.qualifier_token else ""),
            span=span_of(cell),
            # under a group naming a kind of event ("Major/Minor"), the group is what the cell counts
            # and the row ("Weight <60 kg") whom
            endpoint=column.group if kind_group else endpoint,
            population=population_of(
                state.subset, group_population, state.endpoint if kind_group else None, state.population
            ),
            arm=experimental if between else column.name,
            comparator=control if between else None,
            qualifier=cell.qualifier,
            unit=row.unit_for(column, statistic),
            row=row.label,
            column=column.name,
            grade=column.grade,
            # a column group may be an analysis: COSMIC-311 "Primary Analysis | Updated Analysis"
            analysis=(analysis_of(column.group) if column.group else None) or row.base.analysis,
        )
        measurement = with_ci(measurement, cell)
        if not alternatives and not flags:
            return measurement  # most cells: one copy of the row's base, not two (issue 13)
        return replace(
            measurement, alternatives=measurement.alternatives + alternatives, flags=measurement.flags + flags
        )

    def _complete_open_estimate(self, index: int, cell: Cell) -> None:
        """A bare CI below an estimate in a between-arm column completes it (the cell spans two rows)."""
        position = self.row.state.open_between.pop(index, None)
        if position is None or cell.ci is None or not _brackets(self.out[position], cell, self.row.label):
            return
        completed = with_ci(self.out[position], cell)
        self.out[position] = replace(completed, flags=completed.flags + (_rowspan_note(cell),))

    def _percent_of(self, cell: Cell, measurement: Measurement, column: Column) -> Measurement:
        assert cell.pct is not None
        # the percent beside an N is the arm's share of patients; beside a count, its rate, unless
        # the header says it is a yearly rate ("n (%/year)")
        statistic, unit = ("share", "%") if measurement.statistic == "n" else ("rate", "%")
        if column.beside and column.beside != "%" and measurement.statistic != "n":
            statistic, unit = "event_rate", column.beside
        percent = _without_ci(
            measurement,
            statistic=statistic,
            value=to_float(cell.pct.raw),
            raw=cell.pct.raw,
            span=inner_span(self.row.text, cell.pct),
            unit=unit,
            qualifier=cell.pct.low,  # "(<0.1)"
        )
        if cell.pct_ci is None:
            return percent
        start, end = inner_span(self.row.text, cell.pct)
        return with_ci(percent, Cell(number=Number(cell.pct.raw, start, end), ci=cell.pct_ci))

    def _footnote_measurements(self, cell: Cell, measurement: Measurement) -> list[Measurement]:
        """The p-values and response counts the cell's footnotes state."""
        found = []
        for key in cell.feet:
            note = self.row.footnotes.get(key)
            if note is None:
                continue
            body = self.row.text[note.start : note.end]
            for match in prose_patterns.P_VALUE.finditer(body):
                if measurement.statistic not in vocabulary.RATIO_STATISTICS:
                    continue
                span = (note.start + match.start("value"), note.start + match.end("value"))
                found.append(
                    p_value_of(measurement, match.group("value"), span, match.group("cmp") or "=", f"footnote {key}")
                )
            for match in prose_patterns.RESPONSE_COUNT.finditer(body):
                found.append(
                    _without_ci(
                        measurement,
                        statistic="count",
                        endpoint="PR" if match.group("kind").lower() == "partial" else "CR",
                        value=to_float(match.group("count")),
                        raw=match.group("count"),
                        span=(note.start + match.start("count"), note.start + match.end("count")),
                        unit="patients",
                        row=f"footnote {key}",
                    )
                )
        return found

    def _judge(
        self, cell: Cell, best: Reading, others: list[Reading]
    ) -> tuple[Confidence, tuple[Alternative, ...], tuple[Flag, ...]]:
        """How sure the chosen reading of this cell is, and the readings of it that lost: the
        margin is to the best reading (``others`` are sorted) that reads these characters otherwise."""
        if not cell.from_split:
            return "high", (), ()
        assert cell.number is not None
        alternatives, rivals = _rival_readings(cell, others)
        gap = rivals[0].penalty - best.penalty if rivals else math.inf
        if gap < 1:
            flag = Flag(
                "ambiguous_split",
                "warning",
                f"{self.row.text[cell.number.start : cell.number.end] if cell.number else ''!r} in row "
                f"{self.row.label!r} has more than one reading the constraints cannot tell apart",
            )
            return "low", tuple(alternatives), (flag,)
        reason = rivals[0].reasons[0] if rivals and rivals[0].reasons else "the digits split only one way"
        note = Flag("split", "info", f"cells run together; the other reading lost because {reason}")
        return ("high" if gap >= 2.5 else "medium"), tuple(alternatives), (note,)


LABEL_DIGITS_TRIED = 3.0  # a best reading this bad lets the first digits be tried as the label's
LABEL_DIGITS_COST = 1.0  # reading the first digits as the label's costs more than a split
LABEL_KEY_COST = 0.25  # … a footnote key the notes define costs less: the note says the row may carry it
LABEL_WORD_REACH = 12  # characters before a run where a word taking a number ends


def _compared_splits(text: str, token: Token, ncols: int) -> list[list[Number]]:
    """The ways a run after "<" splits: one number, the comparison's ("<0.001" is not "<0.00" and "1"),
    or, glued, numbers each printed with its decimal point — "< 0.00010.002" (HERCEPTIN Table 11 glued)
    is "<0.0001" and "0.002"."""
    return [
        pieces
        for pieces in split_candidates(text, token, ncols)
        if len(pieces) == 1 or all("." in piece.raw and piece.raw[0].isdigit() for piece in pieces)
    ]


def _label_may_end_in_digits(text: str, tokens: Sequence[Token]) -> bool:
    """Whether the first run of a flattened row may begin with the digits of its label: it follows a
    word that takes a number, spaced or glued ("PASI 75 578 (71%)", "PASI 75578 (71%)", "Week 24 …")."""
    if not tokens or tokens[0].kind != "run" or any(token.kind == "sep" for token in tokens):
        return False
    start = tokens[0].start
    words = build.ending_with(vocabulary.label_number_words())
    return words.search(text, max(0, start - LABEL_WORD_REACH), start) is not None


def _glued_footnote_digit(row: Row, tokens: Sequence[Token]) -> str | None:
    """The footnote key a flattened row's first run may start with: a digit the notes above the header
    key a footnote with ("1Only includes a Grade 3 adverse reaction."), the run glued to the label's
    last word ("Nausea1522.4290.6", KISQALI Table 8 glued)."""
    if not tokens or tokens[0].kind != "run" or any(token.kind == "sep" for token in tokens):
        return None
    start = tokens[0].start
    if start == 0 or not row.text[start - 1].isalpha() or not row.text[start - 1].islower():
        return None
    keys = {match.group("key") for match in flattened_patterns.DIGIT_FOOTNOTE_KEY.finditer(row.state.caption)}
    return row.text[start] if row.text[start] in keys else None


def _give_label_digits(reading: Reading, token: Token, pieces: Sequence[Number], cost: float) -> None:
    """Charge ``reading`` for giving the first digits of ``token`` to the label; a number left of a
    split run counts as split, so that a rival reading of its digits is weighed (`_judge`)."""
    given = token.raw[: pieces[0].start - token.start] if pieces else token.raw
    reading.penalty += cost
    reading.reasons.append(f"{given.strip()!r} read as the end of the row label")
    if pieces:
        reading.splits += 1
        for cell in reading.cells:
            if cell.number is pieces[0]:
                cell.from_split = True


def _fitting_choices(
    tokens: Sequence[Token], options: Sequence[Sequence[Any]], ncols: int
) -> Iterator[tuple[Any, ...]]:
    """The choices of ``itertools.product(*options)``, in its order, depth first, without the branches
    that cannot fit the columns: each number a run splits into, each qualifier, dash and CI left
    bare starts a cell of its own, so a branch whose cells so far outnumber the columns is dropped
    whole instead of being enumerated and rejected reading by reading (issue 13). Iterative: a row
    may have thousands of tokens."""
    size = len(options)
    if size == 0:
        yield ()
        return
    at = [0] * size  # the choice tried at each depth
    cells = [0] * (size + 1)  # the cells the choices above each depth make, at least
    chosen: list[Any] = [None] * size
    depth = 0
    while depth >= 0:
        if at[depth] >= len(options[depth]):
            at[depth] = 0
            depth -= 1
            if depth >= 0:
                at[depth] += 1
            continue
        choice = options[depth][at[depth]]
        more = cells[depth] + _cells_started(tokens[depth], choice)
        if more > ncols:
            at[depth] += 1
            continue
        chosen[depth] = choice
        cells[depth + 1] = more
        if depth == size - 1:
            yield tuple(chosen)
            at[depth] += 1
        else:
            depth += 1


def _cells_started(token: Token, choice: Any) -> int:
    """How many cells a token starts under one choice (`cells.group_cells`)."""
    if token.kind == "run":
        return len(choice)
    if token.kind in {"ci", "damaged"}:
        return 0 if choice else 1
    return 1 if token.kind in {"qual", "dash"} else 0


def _rival_readings(cell: Cell, others: list[Reading]) -> tuple[list[Alternative], list[Reading]]:
    """The readings that read ``cell``'s characters otherwise, best first, and up to three of their
    distinct values as alternatives, each with why it lost."""
    assert cell.number is not None
    chosen = cell_value(cell)
    alternatives: list[Alternative] = []
    rivals: list[Reading] = []
    seen = {chosen}
    for other in others:
        rival = next((c for c in other.cells if c.number and overlaps(c.number, cell.number)), None)
        if rival is None or cell_value(rival) == chosen:
            continue
        rivals.append(other)
        value = cell_value(rival)
        if value in seen or len(alternatives) == 3:
            continue
        seen.add(value)
        why = "; ".join(other.reasons) if other.reasons else "fits no worse on the constraints"
        if other.penalty >= HUGE:
            why = "ruled out: " + why
        alternatives.append(Alternative(value[0], value[1], value[2], why))
    return alternatives, rivals


def _between_columns_before_arms(columns: Sequence[Column]) -> list[int]:
    """The indices of the between-arm columns, when one stands before an arm column (the arms repeat
    under another group after their comparison); else none."""
    arms = [index for index, column in enumerate(columns) if column.statistic is None]
    between = [index for index, column in enumerate(columns) if column.statistic is not None]
    return between if arms and between and between[0] < arms[-1] else []


def population_of(*parts: str | None) -> str | None:
    """The population a cell belongs to: the caption's subset, the column group, the row's subgroup."""
    named = [part for part in parts if part]
    return ", ".join(named) if named else None


def _ratio_order(arms: Sequence[str], caption: str) -> tuple[str, str] | None:
    """(experimental, control) as a ratio in the caption or notes names them: "A: B", "A vs. B" (not "A/B", which may be one arm: "Enoxaparin/VKA")."""
    said = " ".join(caption.split()).casefold()
    for first, second in (arms, tuple(reversed(arms))):
        a, b = " ".join(first.split()).casefold(), " ".join(second.split()).casefold()
        if any(f"{a}{joint}{b}" in said for joint in (": ", ":", " vs. ", " vs ", " versus ")):
            return first, second
    return None


def _add_on_order(arms: Sequence[str]) -> tuple[str, str] | None:
    """(experimental, control) when one arm is the other with a drug added: "FC + H" and "FC",
    "Herceptin + Paclitaxel" and "Paclitaxel" (every word of the control is in the other arm)."""
    words = [set(table_patterns.NOTE_WORD.findall(arm.casefold())) for arm in arms]
    for index in (0, 1):
        mine, other = words[index], words[1 - index]
        if other and other < mine:
            return arms[index], arms[1 - index]
    return None


def _brackets(estimate: Measurement, cell: Cell, label: str) -> bool:
    """Whether a bare CI on the row below may be a median's: its row says CI ("95% CI (mos.)", not
    "(Min, max)") and it brackets the median (rates and between-arm estimates take theirs as before)."""
    if estimate.statistic != "median" or estimate.value is None or cell.ci is None:
        return True
    if cell.ci.kind == "damaged" or not table_patterns.CI_WORD.search(label):
        return False
    low, high = (
        to_float(bound) if bound and table_patterns.NUMBER.match(bound) else None
        for bound in (cell.ci.low, cell.ci.high)
    )
    # "(38.8, NE)": the bound printed as a number must still fit
    return (low is None or low <= estimate.value) and (high is None or estimate.value <= high)


def p_value_of(estimate: Measurement, raw: str, span: tuple[int, int], comparison: str, row: str) -> Measurement:
    """The p-value printed for an estimate, in the estimate's group (endpoint, population, arms)."""
    comparison = comparison.replace(" ", "")
    return _without_ci(
        estimate,
        statistic="p",
        value=to_float(raw),
        raw=raw,
        span=span,
        qualifier=None if comparison == "=" else comparison,
        unit=None,
        row=row,
    )


def _without_ci(measurement: Measurement, **changes: Any) -> Measurement:
    """``measurement`` without its CI, alternatives and flags: the base of a value printed beside it,
    with ``changes`` made in the same copy (one copy of its thirty fields, not two)."""
    return replace(
        measurement,
        **changes,
        ci_low=None,
        ci_high=None,
        ci_low_raw=None,
        ci_high_raw=None,
        ci_span=None,
        alternatives=(),
        flags=(),
    )


def _rowspan_note(cell: Cell) -> Flag:
    assert cell.ci is not None
    return Flag("rowspan_ci", "info", f"CI {cell.ci.raw} printed on the row below its estimate")


@functools.lru_cache(maxsize=1024)  # the same for every cell under a column of a table (issue 13)
def _experimental_and_control(
    arms: tuple[str, ...], versus: str | None = None, caption: str = ""
) -> tuple[str | None, str | None]:
    """The arms a between-arm statistic compares, experimental first whatever order the header prints
    them in; ``versus`` names the experimental arm of a column under one arm of three. Of two arms,
    the one the table's caption or notes put first in a ratio ("Atorvastatin 80 mg: atorvastatin 10
    mg", LIPITOR Table 7), else the one that adds a drug to the other ("FC + H" to "FC"), else the
    one that is no control."""
    controls = set(vocabulary.control_arms())
    if versus is None and len(arms) == 2:
        ordered = _ratio_order(arms, caption) or _add_on_order(arms)
        if ordered is not None:
            return ordered

    def is_control(arm: str) -> bool:
        return arm.lower() in controls or (arm.split()[0].lower() if arm.split() else "") in controls

    if versus is not None:
        control = next((a for a in arms if a != versus and is_control(a)), arms[-1] if arms else None)
        return versus, control if control != versus else None
    experimental = next((a for a in arms if not is_control(a)), arms[0] if arms else None)
    control = next((a for a in arms if a != experimental), None)
    return experimental, control
