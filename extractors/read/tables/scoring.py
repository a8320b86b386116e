"""Score one reading of a row: each constraint the reading breaks adds a penalty and says why.

The constraints: one value per column, an N is a whole number, a CI brackets its estimate,
ratios and rates lie in range, counts stay within the arm's N, the arms' values share their
decimals, arm Ns fit the randomization ratio, a subgroup's N stays within the overall N;
splitting a run of digits and leaving a column empty cost a little.
"""

from __future__ import annotations

import math

from extractors.read.tables.cells import Cell, Reading, is_number
from extractors.read.tables.header import Column
from extractors.read.tables.state import Row
from extractors.text import vocabulary
from extractors.text.numbers import ci_contains, decimals, to_float

HUGE = 1e9  # a penalty that rules a reading out
RATIO_DEVIATION = 0.35  # |log| of observed over expected arm-N ratio tolerated before a penalty


def score(reading: Reading, row: Row) -> None:
    """Add to ``reading`` the penalty (and the reasons) for every constraint it breaks."""
    arm_decimals: dict[tuple[str | None, str | None], set[int]] = {}  # per kind of sub-column
    ns: dict[int, float] = {}
    for index, cell in enumerate(reading.cells):
        column = row.columns[index]
        statistic = row.statistic_for(column, cell)
        if cell.bare_ci:
            _score_bare_ci(reading, row, index, column)
        if cell.number is None:
            continue
        _score_value(reading, row, index, cell, column, statistic)
        if statistic == "n":
            ns[index] = cell.number.value
        # a bare zero says nothing of how its column prints decimals
        if column.statistic is None and statistic != "n" and cell.number.raw != "0":
            arm_decimals.setdefault((column.grade, column.holds), set()).add(cell.number.decimals)
        if cell.ci is not None and cell.ci.kind == "ci":
            _score_ci(reading, cell, column)
    _score_open_estimates(reading, row)
    _score_shapes(reading, row)
    _score_ratio_fit(reading, row)
    _score_count_rate_fit(reading, row)
    _score_grades(reading, row)
    _score_magnitudes(reading, row)
    if any(len(places) > 1 for places in arm_decimals.values()):
        penalize(reading, 1, "the arms' values are printed with different decimals")
    _score_ns(reading, row, ns)
    reading.penalty += 0.5 * reading.splits
    # An empty cell costs a little more than a split, so "%21" under two arms reads 2 and 1;
    # the two readings stay within the ambiguity margin and the cell is flagged either way.
    missing = len(row.columns) - len(reading.cells)
    reading.penalty += 0.6 * missing


def _score_shapes(reading: Reading, row: Row) -> None:
    """Cells of one row print their values alike: all with a percent sign or a percent in
    parentheses, or none ("92 (33%) 85 (30%) 112 (40%)" is not "… 11, 2 (40%)"); a hazard ratio
    has decimals and no percent beside it."""
    shapes = []
    for index, cell in enumerate(reading.cells):
        column = row.columns[index]
        if cell.is_n and column.statistic is not None:
            penalize(reading, HUGE, f"an N under the between-arm column {column.name!r}")
        if column.holds is not None and column.beside is None and cell.pct is not None and not cell.is_n:
            # "Event Rate (per 100 Pt-yrs)" prints no percent beside its rate: "(4.0)" is the next cell's
            penalize(reading, 2, f"a figure in parentheses beside {column.name}'s {column.holds}")
        if cell.number is None or cell.is_n:
            continue
        if column.statistic in vocabulary.RATIO_STATISTICS:
            if cell.pct is not None or cell.percent_sign:
                penalize(reading, HUGE, f"a {column.statistic.upper()} with a percent beside it")
            elif "." not in cell.number.raw:
                penalize(reading, 2, f"{column.statistic.upper()} {cell.number.raw} is printed without decimals")
        elif column.statistic is not None and cell.from_split and "." not in cell.number.raw:
            # "N=5030" under two arms, an RRR column after them: not N = 50 and RRR 30
            penalize(reading, 2, f"{column.name} {cell.number.raw} split from a run of digits, without decimals")
        elif column.statistic is None:
            shapes.append((cell.pct is not None, cell.percent_sign))
    for part in range(2):
        marked = sum(1 for shape in shapes if shape[part])
        odd = min(marked, len(shapes) - marked)
        if odd:
            penalize(reading, 1.5 * odd, "the arms' cells are not printed alike (percent or not)")


RATIO_FIT = 3.0  # how far the arms' rates may be from the ratio printed beside them, either way
RATIO_CLOSE = 1.5  # how far they may be at no cost at all
RATIO_GRADE = 1.0  # the cost of each unit of log-misfit between those two


def _score_ratio_fit(reading: Reading, row: Row) -> None:
    """A hazard or risk ratio is close to the ratio of the arms' event rates beside it: "24 27 0.90"
    reads 24 and 27, not 2 and 427."""
    arm_values: list[float] = []
    ratio: float | None = None
    for index, cell in enumerate(reading.cells):
        if cell.number is None or cell.is_n:
            continue
        column = row.columns[index]
        if column.statistic in vocabulary.RATIO_STATISTICS and ratio is None:
            ratio = cell.number.value
        elif column.statistic is None and row.statistic_for(column, cell) in RATE_LIKE:
            arm_values.append(cell.number.value)
    if ratio is None or ratio <= 0 or len(arm_values) != 2 or min(arm_values) <= 0:
        return
    observed = arm_values[0] / arm_values[1]
    misfit = min(abs(math.log(observed / ratio)), abs(math.log(1 / observed / ratio)))
    if misfit > math.log(RATIO_FIT):
        penalize(reading, 2, f"the arms' {arm_values[0]:g} and {arm_values[1]:g} do not fit the ratio {ratio:g}")
    elif misfit > math.log(RATIO_CLOSE):
        # nearer misfits cost a little, each split's rates against the other's: glued "45857.845519.50.82"
        # reads 4585 | 7.8 | 4551 | 9.5 (7.8 / 9.5 = 0.82), not 458 | 57.8 | 455 | 19.5 (EFFIENT Table 6);
        # a cost below the ambiguity margin, so the cell still says it could be read the other way
        reading.penalty += RATIO_GRADE * (misfit - math.log(RATIO_CLOSE))


RATE_LIKE = frozenset({"rate", "event_rate", "events", "count"})


MAGNITUDE_SPREAD = 1000.0  # arms' values of one statistic in one row are never this many times apart
SPREAD_PER_DECADE = 0.4  # the cost of each tenfold between arms' values beyond the first


def _score_magnitudes(reading: Reading, row: Row) -> None:
    """The arms' values of one statistic in a row are of one order: "Median585857.558.1" under four
    arms reads 58, 58, 57.5 and 58.1, not 585857.5 and 58.1 with two columns left empty, nor 5, 85,
    857.5 and 58.1 (a little for each tenfold beyond the first; much for a thousandfold)."""
    by_statistic: dict[tuple[str, str | None, str | None], list[float]] = {}  # per kind of sub-column
    for index, cell in enumerate(reading.cells):
        column = row.columns[index]
        if cell.number is None or cell.is_n or column.statistic is not None or cell.number.value <= 0:
            continue
        kind = (row.statistic_for(column, cell), column.grade, column.holds)
        by_statistic.setdefault(kind, []).append(cell.number.value)
    for (statistic, _, _), values in by_statistic.items():
        if len(values) < 2 or max(values) <= 10 * min(values):
            continue
        spread = max(values) / min(values)
        reading.penalty += SPREAD_PER_DECADE * (math.log10(spread) - 1)
        if spread >= MAGNITUDE_SPREAD:
            penalize(
                reading, 2, f"the arms' {statistic} values {min(values):g} and {max(values):g} are of different orders"
            )


def _score_grades(reading: Reading, row: Row) -> None:
    """An arm's patients with a reaction of grade 3 or more are a part of those with it at any
    grade ("All Grades", or "Grade 1-4" from the lowest grade up): "Diarrhea 47 2.4" is not "4 72.4",
    "Diarrhea394464" is not 3, 94, 4, 64."""
    all_grades: dict[tuple[str, str | None], float] = {}
    for index, cell in enumerate(reading.cells):
        column = row.columns[index]
        if cell.number is not None and _any_grade(column.grade):
            all_grades[(column.name, column.group)] = cell.number.value
    for index, cell in enumerate(reading.cells):
        column = row.columns[index]
        whole = all_grades.get((column.name, column.group))
        if cell.number is None or column.grade is None or _any_grade(column.grade) or whole is None:
            continue
        if cell.number.value > whole:
            penalize(reading, 5, f"{cell.number.raw}% at grade {column.grade} exceeds {whole:g}% at all grades")


def _any_grade(grade: str | None) -> bool:
    """Whether a grade column counts a reaction at any grade: "all", or grades 1 to 4 or 5 ("1-4");
    "1-2" is not (its patients and those of "3-4" are apart)."""
    return grade in {"all", "1-4", "1-5"}


def _score_count_rate_fit(reading: Reading, row: Row) -> None:
    """An arm's count of patients and its percent agree with the arm's N: "303 | 5.4%" of N = 5523
    reads 303 and 5.4, not 30 and 35.4 (a Kaplan-Meier percent may differ from the crude one a little)."""
    cells = reading.cells
    for index, cell in enumerate(cells):
        column = row.columns[index]
        if cell.number is None or column.statistic is not None or column.n is None or column.n.value <= 0:
            continue
        if row.statistic_for(column, cell) not in {"events", "count"}:
            continue
        percent = to_float(cell.pct.raw) if cell.pct is not None else None
        if percent is None and index + 1 < len(cells):
            beside, next_column = cells[index + 1], row.columns[index + 1]
            if beside.number is not None and next_column.name == column.name and next_column.holds == "rate":
                percent = beside.number.value
        if percent is None:
            continue
        expected = 100 * cell.number.value / column.n.value
        if abs(percent - expected) > max(2.0, 0.5 * expected):
            penalize(reading, 2, f"{cell.number.raw} of N = {column.n.raw} is not {percent:g}%")


def penalize(reading: Reading, amount: float, reason: str) -> None:
    reading.penalty += amount
    reading.reasons.append(reason)


def _score_bare_ci(reading: Reading, row: Row, index: int, column: Column) -> None:
    """A CI alone in a cell belongs under an estimate of a between-arm column in the row above; not
    the CI printed right after an estimate of this row that has none ("9.9 (9.0,11.3)" is one cell,
    whatever percent above awaits a CI)."""
    before = reading.cells[index - 1] if index > 0 else None
    if before is not None and before.number is not None and before.ci is None and before.pct is None:
        penalize(reading, 1, f"a CI left bare after {before.number.raw}, which has none")
    if column.statistic is None and index not in row.state.open_between:
        penalize(reading, 4, f"a CI alone in the arm column {column.name} with no rate above it")
    elif index not in row.state.open_between:
        penalize(reading, 2, f"a CI alone in {column.name} with no estimate above it")


# statistics that may be below zero: "-63" (% change), "-9.7" (a relative risk reduction that is a rise)
SIGNED = frozenset({"difference", "mean", "value", "rrr"})


def _score_value(reading: Reading, row: Row, index: int, cell: Cell, column: Column, statistic: str) -> None:
    """The value's own constraints: an N is whole, a ratio, rate or p lies in range, counts within N."""
    assert cell.number is not None
    value = cell.number.value
    raw = cell.number.raw
    if value < 0 and statistic not in SIGNED:
        penalize(reading, HUGE, f"{statistic} {raw} cannot be negative")
    elif statistic == "n":
        if "." in raw:
            penalize(reading, HUGE, f"N = {raw} is not a whole number")
    elif statistic in vocabulary.RATIO_STATISTICS:
        if not 0 < value <= 50:
            penalize(reading, HUGE, f"{statistic.upper()} {raw} is out of range")
        elif value > 10:
            penalize(reading, 3, f"{statistic.upper()} {raw} is implausibly large")
    elif statistic in {"count", "events"} and value > _arm_n(row, index, column):
        penalize(reading, 5, f"{raw} {statistic} exceed the arm's N")
    elif statistic in {"count", "events"} and "." in raw:
        # "2.0281 (4.0)2.2" glued reads 2.0 and 281 (4.0), not an event rate 2.0281 and 2.2 patients
        penalize(reading, 3, f"{raw} {statistic} is not a whole number of patients")
    elif (statistic == "rate" and not 0 <= value <= 100) or (statistic == "rrr" and value > 100):
        penalize(reading, HUGE, f"{statistic} {raw}% is out of range")
    elif statistic == "p" and not 0 <= value <= 1:
        penalize(reading, HUGE, f"p = {raw} is over 1")
    elif statistic == "p" and "." not in raw:
        penalize(reading, 3, f"p = {raw} is printed without decimals")  # "N=5030" is not N=50, RRR 3, p = 0
    elif statistic == "p" and (cell.ci is not None or cell.p is not None):
        penalize(reading, 5, f"p = {raw} printed with a CI or a p-value of its own: an estimate's")
    elif statistic == "p" and index > 0 and reading.cells[index - 1].p is not None:
        # "71% (95% CI: 50, 83), p<0.001": the estimate before the p-value column brought its own
        penalize(reading, 2, f"p = {raw} follows an estimate printed with its p-value")


def _score_ci(reading: Reading, cell: Cell, column: Column) -> None:
    ci = cell.ci
    assert ci is not None and cell.number is not None
    low, high = ci.low, ci.high
    if low is None or high is None or not is_number(low) or not is_number(high):
        return
    if to_float(low) > to_float(high):
        penalize(reading, 6, f"CI {ci.raw} has its bounds reversed")
    elif not ci_contains(cell.number.raw, low, high):
        penalize(reading, 8, f"CI {ci.raw} does not contain {cell.number.raw} ({column.name})")
    if max(decimals(low), decimals(high)) > cell.number.decimals + 1:
        penalize(reading, 1, f"CI {ci.raw} is printed more precisely than its estimate {cell.number.raw}")


def _score_open_estimates(reading: Reading, row: Row) -> None:
    """An estimate of the row above awaiting its CI should get it from this row."""
    columns = row.columns
    left_open = [
        i
        for i in row.state.open_between
        if i < len(columns)
        and columns[i].statistic is not None
        and not (i < len(reading.cells) and reading.cells[i].bare_ci)
    ]
    if left_open:
        names = ", ".join(columns[i].name for i in left_open)
        penalize(reading, 2, f"the estimate above in {names} would be left without its CI")


def _score_ns(reading: Reading, row: Row, ns: dict[int, float]) -> None:
    """Arm Ns fit the randomization ratio; a subgroup's N stays within the arm's overall N."""
    arm_columns = [i for i, c in enumerate(row.columns) if c.statistic is None]
    if row.ratio and len(arm_columns) >= 2 and all(i in ns for i in arm_columns[:2]):
        first, second = (ns[i] for i in arm_columns[:2])
        if first > 0 and second > 0:
            expected = row.ratio[0] / row.ratio[1]
            deviation = abs(math.log((first / second) / expected))
            if deviation > RATIO_DEVIATION:
                penalize(
                    reading,
                    min(3.0, 2 * deviation),
                    f"N {first:g} : {second:g} does not fit the {row.ratio[0]}:{row.ratio[1]} randomization",
                )
    if row.state.population is not None:
        for index, value in ns.items():
            overall = row.state.overall_n.get(index)
            if overall is not None and value > overall:
                penalize(reading, 5, f"subgroup N {value:g} exceeds the overall N {overall:g}")


def _arm_n(row: Row, index: int, column: Column) -> float:
    """The arm's N from the header or the overall population row; infinity when not printed."""
    if column.statistic is not None:
        return math.inf
    if column.n is not None:
        return column.n.value
    return row.state.overall_n.get(index, math.inf)
