"""Read tables that reached us flattened into one line, with or without spaces between cells.

Scraped labels lose their cell boundaries: Table 9 of the pazopanib label arrives as
``PFS Overall ITTN = 246N = 1230.35 a Median (months)4.61.6(0.26,0.48)``. We read it by a
general method, not by patterns fitted to one table:

1. find the caption, the footnotes and the column header (the arms, then between-arm
   columns such as "HR (95% CI)");
2. cut the body into row labels and runs of cell tokens (numbers, CIs, footnote markers);
3. enumerate every way the runs of digits can split into numbers and the CIs can attach to
   cells, and score each reading with constraints: one value per column, N is an integer,
   a CI brackets its estimate, ratios and rates lie in range, a row's values share their
   decimals, arm Ns fit the randomization ratio, splitting costs a little;
4. keep the best reading, say how sure we are, and list the readings that lost with why.

Every value is read from characters of the text: a span points at them.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import regex

from extractors.checks import ci_contains
from extractors.ingest import grids as structured
from extractors.read.context import arm_names, randomization_ratio, trial_for
from extractors.read.tables.cells import (
    Cell,
    Reading,
    Token,
    cell_run_at,
    cell_value,
    decimals_of,
    group_cells,
    has_n_prefix,
    inner_span,
    is_number,
    overlaps,
    read_tokens,
    repair_flags,
    span_of,
    split_candidates,
    to_float,
    with_ci,
)
from extractors.read.tables.header import (
    Column,
    Footnote,
    Header,
    caption_end_of,
    ci_level_of,
    find_footnotes,
    find_header,
)
from extractors.records import Alternative, Confidence, Flag, Measurement, Source
from extractors.text import names, repairs, vocabulary
from extractors.text.patterns import prose as prose_patterns
from extractors.text.patterns import tables as table_patterns

MAX_READINGS = 20_000  # readings scored per row before we fall back to the plainest one


MAX_LABEL = 300  # a row label longer than this is prose (spliced footnotes run to ~150 characters)


_HUGE = 1e9


@dataclass(slots=True)
class _Context:
    """What a table's rows inherit from the rows above them."""

    subset: str | None = None  # the population the caption names: "Patients with Measurable CNS Lesions …"
    endpoint: str | None = None
    population: str | None = None
    overall_n: dict[int, float] = field(default_factory=dict)  # arm column → overall N
    open_between: dict[int, int] = field(default_factory=dict)  # column → index of an estimate awaiting its CI


def extract_tables(source: Source) -> list[Measurement]:
    """Every measurement in the flattened tables of ``source``."""
    text = source.text
    captions = list(table_patterns.TABLE_CAPTION.finditer(text))
    # A table printed both flattened and with its cells kept (openFDA gives both) is read once,
    # from the form with its cells kept.
    kept = {c.group("label") for c in captions if _has_cell_boundaries(text, c.end())}
    measurements: list[Measurement] = []
    for caption in captions:
        if caption.group("label") in kept and not _has_cell_boundaries(text, caption.end()):
            continue
        measurements.extend(_read_table(source, caption.start(), caption.end()))
    return measurements


def _has_cell_boundaries(text: str, caption_end: int) -> bool:
    """Whether the caption heads a table rendered by structured.render_table."""
    line_end = text.find("\n", caption_end)
    return (line_end >= 0 and text.startswith(f"\n{structured.SEPARATOR} ", line_end)) or bool(
        regex.match(r"[^\n]*\n[^\n|]*\n\| ", text[caption_end : caption_end + 4000])
    )


def _read_table(source: Source, start: int, caption_end: int) -> list[Measurement]:
    text = source.text
    arms = arm_names(source, start)
    header = find_header(text, caption_end, arms)
    if header is None:
        return []
    footnotes = find_footnotes(text, caption_end, header.start)
    caption_text = text[start : min(header.start, caption_end_of(text, caption_end, header.start))]
    trial, nct = trial_for(text, start, caption_text)
    end_match = table_patterns.TABLE_END.search(text, header.end)
    body_end = end_match.start() if end_match else len(text)
    ratio = randomization_ratio(text, start)
    table_label = table_patterns.TABLE_CAPTION.match(text, start)
    table_name = table_label.group("label") if table_label else None

    base = Measurement(
        source=source.id,
        statistic="n",
        value=None,
        raw="",
        span=(0, 0),
        trial=trial,
        nct=nct,
        table=table_name,
        ci_level=header.ci_level,
        # the caption says who assessed, else a note in the table does ("results as assessed by BICR")
        assessment=names.assessment_of(caption_text) or names.assessment_of(text[start:body_end]),
    )
    subset_match = table_patterns.CAPTION_POPULATION.search(caption_text)
    subset = " ".join(subset_match.group("population").split()) if subset_match else None
    arm_columns = [c for c in header.columns if c.statistic is None]
    measurements = [
        replace(
            base,
            statistic="n",
            value=n.value,
            raw=n.raw,
            span=(n.start, n.end),
            arm=column.name,
            unit="patients",
            column=column.name,
            population=_population(subset, column.group),
            row="header",
        )
        for column, n in zip(arm_columns, header.arm_ns, strict=False)
        if n is not None
    ]
    context = _Context(subset=subset)
    n_row: list[int] = []  # the Ns of the row just above, when that row printed only Ns
    for label_start, label_end, cells_start, cells_end in _rows(text, header.end, body_end):
        label, _ = repairs.repair_label(
            " ".join(text[label_start:label_end].replace(structured.SEPARATOR, " ").split())
        )
        if len(label) > MAX_LABEL:
            break  # a paragraph of prose: the table has ended without a caption or blank line
        has_n = cells_start is not None and has_n_prefix(text, cells_start, cells_end)
        if n_row and not has_n and vocabulary.find_endpoint(label):
            # Ns printed just above the endpoint they count ("Patients with Measurable Disease
            # n=167 n=66", then "Objective Response Rate"): they and their population head it
            population = context.population
            _interpret_label(label, context, has_n)
            context.population = population
            for index in n_row:
                measurements[index] = replace(measurements[index], endpoint=context.endpoint)
            n_row = []
        else:
            _interpret_label(label, context, has_n)
        if cells_start is None or cells_end is None:
            continue
        before = len(measurements)
        _RowReader(text, header, label, context, ratio, footnotes, base, measurements).read(
            read_tokens(text, cells_start, cells_end)
        )
        added = measurements[before:]
        only_ns = bool(added) and all(m.statistic in {"n", "share"} for m in added)
        n_row = [before + k for k, m in enumerate(added) if m.statistic == "n"] if only_ns else []
    return measurements


def _rows(text: str, start: int, end: int) -> Iterator[tuple[int, int, int | None, int | None]]:
    """(label start, label end, cells start, cells end) for each row of the body."""
    label_start = start
    position = start
    while position < end:
        run = cell_run_at(text, position, end)
        if run is None:
            position += 1
            continue
        run_start, run_end = run
        yield label_start, run_start, run_start, run_end
        label_start = position = run_end
    if text[label_start:end].strip():
        yield label_start, end, None, None


def _interpret_label(label: str, context: _Context, has_n: bool) -> None:
    """Update the endpoint and population that the rows below inherit from a row label."""
    if not label:
        return
    endpoint = vocabulary.find_endpoint(label)
    rest = label
    if endpoint is not None:
        code, phrase_start, phrase_end = endpoint
        context.endpoint = code
        context.population = None
        context.open_between.clear()
        rest = (label[:phrase_start] + label[phrase_end:]).strip(" :,")
    statistic, _ = vocabulary.statistic_of_label(rest)
    if has_n or (statistic is None and table_patterns.POPULATION_LABEL.search(rest)):
        population = _population_text(rest)
        if population is not None or has_n or table_patterns.OVERALL_POPULATION.match(rest):
            context.population = population
            context.open_between.clear()


def _population_text(rest: str) -> str | None:
    cleaned = table_patterns.LABEL_STATISTIC_WORDS.sub(" ", rest)
    while (endpoint := vocabulary.find_endpoint(cleaned)) is not None:
        cleaned = cleaned[: endpoint[1]] + cleaned[endpoint[2] :]
    cleaned = table_patterns.FOOTNOTE_SYMBOLS.sub(" ", cleaned)
    # a population's name has no sentence in it: what precedes the last one is spliced-in notes
    cleaned = regex.split(r"[.;]\s+", cleaned)[-1]
    cleaned = table_patterns.ASSESSED_BY.sub(" ", table_patterns.LEADING_PREPOSITION.sub("", cleaned.strip()))
    cleaned = " ".join(table_patterns.EMPTY_PARENS.sub(" ", cleaned).split()).strip(" :,")
    if not regex.search(r"[A-Za-z]", cleaned) or table_patterns.OVERALL_POPULATION.match(cleaned):
        return None
    return cleaned


class _RowReader:
    """Reads one row's cells: enumerates readings, scores them, emits measurements."""

    def __init__(
        self,
        text: str,
        header: Header,
        label: str,
        context: _Context,
        ratio: tuple[int, int] | None,
        footnotes: Sequence[Footnote],
        base: Measurement,
        out: list[Measurement],
    ) -> None:
        self.out = out
        self.text = text
        self.header = header
        self.label = label
        self.context = context
        self.ratio = ratio
        self.footnotes = {note.key: note for note in footnotes}
        # a row may print its own CI level: "Hazard ratio (99.8% CI)"
        self.base = replace(base, ci_level=ci_level_of(label) or base.ci_level)
        self.truncated = False  # more readings than MAX_READINGS: the best of those scored is shown
        self.statistic, self.unit = vocabulary.statistic_of_label(label)
        self.columns = header.columns_for(self.statistic)

    # enumeration ---------------------------------------------------------------------------
    def read(self, tokens: list[Token]) -> None:
        """Append this row's measurements to ``out`` (completing estimates of the rows above)."""
        readings = self._score_all(tokens)
        readings.sort(key=lambda r: r.penalty)
        if readings and readings[0].penalty < _HUGE:
            self._emit(readings[0], readings[1:])

    def _score_all(self, tokens: list[Token]) -> list[Reading]:
        ncols = len(self.columns)
        if sum(1 for t in tokens if t.kind in {"run", "qual", "dash"}) > ncols:
            return []  # each of these starts a cell of its own: more of them than columns fits no reading
        # one list of choices per token: how a run of digits splits, whether a CI joins the cell before it
        options: list[list[Any]] = [
            split_candidates(self.text, token, ncols)
            if token.kind == "run"
            else [True, False]
            if token.kind in {"ci", "damaged"}
            else [None]
            for token in tokens
        ]
        readings = []
        for count, choice in enumerate(itertools.product(*options)):  # lazily: never all at once
            if count >= MAX_READINGS:
                self.truncated = True
                break
            splits = [c if t.kind == "run" else None for t, c in zip(tokens, choice, strict=True)]
            attach = [c if t.kind in {"ci", "damaged"} else None for t, c in zip(tokens, choice, strict=True)]
            cells = group_cells(tokens, splits, attach)
            if cells is None or len(cells) > ncols:
                continue
            reading = Reading(cells, splits=sum(len(s) - 1 for s in splits if s))
            self._score(reading)
            readings.append(reading)
        return readings

    # scoring ------------------------------------------------------------------------------
    def _score(self, reading: Reading) -> None:
        columns = self.columns
        arm_decimals = set()
        ns: dict[int, float] = {}
        for index, cell in enumerate(reading.cells):
            column = columns[index]
            statistic = self._statistic_for(column, cell)
            if cell.bare_ci:
                if column.statistic is None:
                    self._penalize(reading, 4, f"a CI alone in the arm column {column.name}")
                elif index not in self.context.open_between:
                    self._penalize(reading, 2, f"a CI alone in {column.name} with no estimate above it")
            if cell.number is None:
                continue
            value = cell.number.value
            raw = cell.number.raw
            if statistic == "n":
                if "." in raw:
                    self._penalize(reading, _HUGE, f"N = {raw} is not a whole number")
                ns[index] = value
            elif statistic in vocabulary.RATIO_STATISTICS:
                if not 0 < value <= 50:
                    self._penalize(reading, _HUGE, f"{statistic.upper()} {raw} is out of range")
                elif value > 10:
                    self._penalize(reading, 3, f"{statistic.upper()} {raw} is implausibly large")
            elif statistic in {"count", "events"} and value > self._arm_n(index, column):
                self._penalize(reading, 5, f"{raw} {statistic} exceed the arm's N")
            elif statistic == "rate" and not 0 <= value <= 100:
                self._penalize(reading, _HUGE, f"rate {raw}% is over 100")
            elif statistic == "p" and not 0 <= value <= 1:
                self._penalize(reading, _HUGE, f"p = {raw} is over 1")
            if column.statistic is None and statistic != "n":
                arm_decimals.add(cell.number.decimals)
            if cell.ci is not None and cell.ci.kind == "ci":
                self._score_ci(reading, cell, column)
        left_open = [
            i
            for i in self.context.open_between
            if i < len(columns)
            and columns[i].statistic is not None
            and not (i < len(reading.cells) and reading.cells[i].bare_ci)
        ]
        if left_open:
            names = ", ".join(columns[i].name for i in left_open)
            self._penalize(reading, 2, f"the estimate above in {names} would be left without its CI")
        if len(arm_decimals) > 1:
            self._penalize(reading, 1, "the arms' values are printed with different decimals")
        self._score_ns(reading, ns)
        reading.penalty += 0.5 * reading.splits
        # An empty cell costs a little more than a split, so "%21" under two arms reads 2 and 1;
        # the two readings stay within the ambiguity margin and the cell is flagged either way.
        missing = len(columns) - len(reading.cells)
        reading.penalty += 0.6 * missing

    def _score_ci(self, reading: Reading, cell: Cell, column: Column) -> None:
        ci = cell.ci
        assert ci is not None and cell.number is not None
        low, high = ci.low, ci.high
        if low is None or high is None or not is_number(low) or not is_number(high):
            return
        if to_float(low) > to_float(high):
            self._penalize(reading, 6, f"CI {ci.raw} has its bounds reversed")
        elif not ci_contains(cell.number.raw, low, high):
            self._penalize(reading, 8, f"CI {ci.raw} does not contain {cell.number.raw} ({column.name})")
        if max(decimals_of(low), decimals_of(high)) > cell.number.decimals + 1:
            self._penalize(reading, 1, f"CI {ci.raw} is printed more precisely than its estimate {cell.number.raw}")

    def _score_ns(self, reading: Reading, ns: dict[int, float]) -> None:
        arm_columns = [i for i, c in enumerate(self.columns) if c.statistic is None]
        if self.ratio and len(arm_columns) >= 2 and all(i in ns for i in arm_columns[:2]):
            first, second = (ns[i] for i in arm_columns[:2])
            if first > 0 and second > 0:
                expected = self.ratio[0] / self.ratio[1]
                deviation = abs(math.log((first / second) / expected))
                if deviation > 0.35:
                    self._penalize(
                        reading,
                        min(3.0, 2 * deviation),
                        f"N {first:g} : {second:g} does not fit the {self.ratio[0]}:{self.ratio[1]} randomization",
                    )
        if self.context.population is not None:
            for index, value in ns.items():
                overall = self.context.overall_n.get(index)
                if overall is not None and value > overall:
                    self._penalize(reading, 5, f"subgroup N {value:g} exceeds the overall N {overall:g}")

    def _arm_n(self, index: int, column: Column) -> float:
        """The arm's N from the header or the overall population row; infinity when not printed."""
        if column.statistic is not None:
            return math.inf
        arm_columns = [c for c in self.header.columns if c.statistic is None]
        header_n = self.header.arm_ns[arm_columns.index(column)] if column in arm_columns else None
        if header_n is not None:
            return header_n.value
        return self.context.overall_n.get(index, math.inf)

    @staticmethod
    def _penalize(reading: Reading, amount: float, reason: str) -> None:
        reading.penalty += amount
        reading.reasons.append(reason)

    def _statistic_for(self, column: Column, cell: Cell) -> str:
        if column.statistic is not None:
            return column.statistic
        if cell.is_n:
            return "n"
        return self.statistic or "value"

    # emission -----------------------------------------------------------------------------
    def _emit(self, best: Reading, others: list[Reading]) -> None:
        for index, cell in enumerate(best.cells):
            column = self.columns[index]
            experimental, control = _experimental_and_control(self.header.arms_of(column.group))
            if cell.is_dash:
                continue
            if cell.bare_ci:
                self._complete_open_estimate(index, cell)
                continue
            if cell.number is None and cell.qualifier is None:
                continue
            statistic = self._statistic_for(column, cell)
            if statistic == "value":
                continue  # a number in a row that names no statistic we know is not reported
            between = column.statistic is not None
            measurement = replace(
                self.base,
                statistic=statistic,
                value=cell.number.value if cell.number else None,
                raw=cell.number.raw if cell.number else (cell.qualifier_token.raw if cell.qualifier_token else ""),
                span=span_of(cell),
                endpoint=self.context.endpoint,
                population=_population(self.context.subset, column.group, self.context.population),
                arm=experimental if between else column.name,
                comparator=control if between else None,
                qualifier=cell.qualifier,
                unit="patients" if statistic == "n" else (None if between else self.unit),
                row=self.label,
                column=column.name,
            )
            measurement = with_ci(measurement, cell)
            confidence, alternatives, flags = self._judge(cell, best, others)
            if self.truncated:
                confidence = "low"
                flags += (
                    Flag(
                        "reading_budget",
                        "warning",
                        f"row {self.label!r} has more readings than the {MAX_READINGS} scored; "
                        "this is the best of those, not necessarily of all",
                    ),
                )
            measurement = replace(
                measurement,
                confidence=confidence,
                alternatives=measurement.alternatives + alternatives,
                flags=measurement.flags + flags + repair_flags(cell),
            )
            if statistic == "n" and self.context.population is None:
                self.context.overall_n[index] = measurement.value or 0.0
            if between and cell.ci is None and measurement.qualifier is None:
                self.context.open_between[index] = len(self.out)
            self.out.append(measurement)
            if cell.pct is not None:
                self.out.append(self._percent_of(cell, measurement))
            if cell.p is not None:
                start, end = inner_span(self.text, cell.p)
                self.out.append(_p_value(measurement, cell.p.raw, (start, end), cell.p.low or "=", self.label))
            self.out.extend(self._footnote_measurements(cell, measurement))

    def _complete_open_estimate(self, index: int, cell: Cell) -> None:
        """A bare CI below an estimate in a between-arm column completes it (the cell spans two rows)."""
        position = self.context.open_between.pop(index, None)
        if position is None or cell.ci is None:
            return
        completed = with_ci(self.out[position], cell)
        self.out[position] = replace(completed, flags=completed.flags + (_rowspan_note(cell),))

    def _percent_of(self, cell: Cell, measurement: Measurement) -> Measurement:
        assert cell.pct is not None
        return replace(
            measurement,
            # the percent beside an N is the arm's share of patients; beside a count, its rate
            statistic="share" if measurement.statistic == "n" else "rate",
            value=to_float(cell.pct.raw),
            raw=cell.pct.raw,
            span=inner_span(self.text, cell.pct),
            unit="%",
            alternatives=(),
            flags=(),
        )

    def _footnote_measurements(self, cell: Cell, measurement: Measurement) -> list[Measurement]:
        found = []
        for key in cell.feet:
            note = self.footnotes.get(key)
            if note is None:
                continue
            body = self.text[note.start : note.end]
            for match in prose_patterns.P_VALUE.finditer(body):
                if measurement.statistic not in vocabulary.RATIO_STATISTICS:
                    continue
                span = (note.start + match.start("value"), note.start + match.end("value"))
                found.append(
                    _p_value(measurement, match.group("value"), span, match.group("cmp") or "=", f"footnote {key}")
                )
            for match in prose_patterns.RESPONSE_COUNT.finditer(body):
                found.append(
                    replace(
                        measurement,
                        statistic="count",
                        endpoint="PR" if match.group("kind").lower() == "partial" else "CR",
                        value=float(match.group("count")),
                        raw=match.group("count"),
                        span=(note.start + match.start("count"), note.start + match.end("count")),
                        ci_low=None,
                        ci_high=None,
                        ci_low_raw=None,
                        ci_high_raw=None,
                        ci_span=None,
                        unit="patients",
                        alternatives=(),
                        flags=(),
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
        chosen = cell_value(cell)
        alternatives: list[Alternative] = []
        rivals: list[Reading] = []
        seen = {chosen}
        assert cell.number is not None
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
            if other.penalty >= _HUGE:
                why = "ruled out: " + why
            alternatives.append(Alternative(value[0], value[1], value[2], why))
        gap = rivals[0].penalty - best.penalty if rivals else math.inf
        if gap < 1:
            flag = Flag(
                "ambiguous_split",
                "warning",
                f"{self.text[cell.number.start : cell.number.end] if cell.number else ''!r} in row {self.label!r} "
                "has more than one reading the constraints cannot tell apart",
            )
            return "low", tuple(alternatives), (flag,)
        reason = rivals[0].reasons[0] if rivals and rivals[0].reasons else "the digits split only one way"
        note = Flag("split", "info", f"cells run together; the other reading lost because {reason}")
        return ("high" if gap >= 2.5 else "medium"), tuple(alternatives), (note,)


def _population(*parts: str | None) -> str | None:
    """The population a cell belongs to: the caption's subset, the column group, the row's subgroup."""
    named = [part for part in parts if part]
    return ", ".join(named) if named else None


def _p_value(estimate: Measurement, raw: str, span: tuple[int, int], comparison: str, row: str) -> Measurement:
    """The p-value printed for an estimate, in the estimate's group (endpoint, population, arms)."""
    comparison = comparison.replace(" ", "")
    return replace(
        estimate,
        statistic="p",
        value=to_float(raw),
        raw=raw,
        span=span,
        qualifier=None if comparison == "=" else comparison,
        ci_low=None,
        ci_high=None,
        ci_low_raw=None,
        ci_high_raw=None,
        ci_span=None,
        unit=None,
        alternatives=(),
        flags=(),
        row=row,
    )


def _rowspan_note(cell: Cell) -> Flag:
    assert cell.ci is not None
    return Flag("rowspan_ci", "info", f"CI {cell.ci.raw} printed on the row below its estimate")


def _experimental_and_control(arms: Sequence[str]) -> tuple[str | None, str | None]:
    controls = set(vocabulary.control_arms())
    experimental = next((a for a in arms if a.lower() not in controls), arms[0] if arms else None)
    control = next((a for a in arms if a != experimental), None)
    return experimental, control
