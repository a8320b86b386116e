"""Read tables that reached us flattened into one line, with or without spaces between cells.

Scraped labels lose their cell boundaries: Table 9 of the pazopanib label arrives as
``PFS Overall ITTN = 246N = 1230.35 a Median (months)4.61.6(0.26,0.48)``. We read it by a
general method, not by patterns fitted to one table:

1. find the caption, the footnotes and the column header (the arms, then between-arm
   columns such as "HR (95% CI)") — `header`;
2. cut the body into row labels and runs of cell tokens (numbers, CIs, footnote markers) —
   this module and `cells`;
3. enumerate every way the runs of digits can split into numbers and the CIs can attach to
   cells (`rows`), and score each reading with constraints (`scoring`): one value per column,
   N is an integer, a CI brackets its estimate, ratios and rates lie in range, a row's values
   share their decimals, arm Ns fit the randomization ratio, splitting costs a little;
4. keep the best reading, say how sure we are, and list the readings that lost with why (`rows`).

Every value is read from characters of the text: a span points at them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import regex

from extractors.ingest import grids as structured
from extractors.read.attach import analysis_of
from extractors.read.context import arm_names, brand_of, nct_of, randomization_ratio, trial_for, trials_introduced
from extractors.read.tables.abbreviations import defined_arms
from extractors.read.tables.arms import sub_column_at
from extractors.read.tables.captions import CAPTION_HEAD, caption_endpoint, caption_population, caption_subgroup_event
from extractors.read.tables.cells import has_n_prefix, line_start, read_tokens, row_spans
from extractors.read.tables.flattened_single_arm import flattened_single_arm_header
from extractors.read.tables.groups import trial_and_population
from extractors.read.tables.header import Column, Header, caption_end_of, ci_level_of, find_footnotes, find_header
from extractors.read.tables.header_ns import ns_under_lost_cells, parenthesised_ns
from extractors.read.tables.responses import heading_hides_kind, landmark_of_response
from extractors.read.tables.rows import RowReader, population_of
from extractors.read.tables.single_arm import single_arm_header
from extractors.read.tables.state import LABEL_STATISTICS_OVER_COLUMNS, Row, TableState
from extractors.read.tables.subcolumns import with_sub_columns
from extractors.read.tables.transposed import find_transposed_header, read_transposed
from extractors.read.tables.versus import heading_statistic, versus_arms
from extractors.records import Measurement, Source, replace
from extractors.text import budget, names, reach, repairs, vocabulary
from extractors.text.patterns import build
from extractors.text.patterns import captions as caption_patterns
from extractors.text.patterns import flattened as flattened_patterns
from extractors.text.patterns import grids as grid_patterns
from extractors.text.patterns import table_labels as label_patterns
from extractors.text.patterns import tables as table_patterns

RESPONSE_KINDS = frozenset({"CR", "PR"})  # kinds of response, rows under an ORR heading
PLAIN_CELL_TOKENS = frozenset({"sep", "run", "percent", "foot"})  # a cell of one number: "14.2%", "13.8", "4.5a"
CAPTION_KEY = 40  # characters of a caption, spaces aside, that tell one table from another ("Table22:SummaryofKey…")
MAX_LABEL = 300  # a row label longer than this is prose (spliced footnotes run to ~150 characters)


def extract_tables(source: Source) -> list[Measurement]:
    """Every measurement in the flattened tables of ``source``."""
    text = source.text
    captions = list(table_patterns.TABLE_CAPTION.finditer(text))
    # A table printed both flattened and with its cells kept (openFDA gives both) is read once,
    # from the form with its cells kept.
    kept = {c.group("label") for c in captions if _has_cell_boundaries(text, c.end())}
    # openFDA prints the tables with their cells at the end, after all the prose: the trial a table
    # reports is the one named before its flattened copy in the prose, not the last one in the label
    in_prose: dict[str, int] = {}
    for caption in captions:
        in_prose.setdefault(_caption_key(text, caption), caption.start())
    measurements: list[Measurement] = []
    try:
        for caption in captions:
            if caption.group("label") in kept and not _has_cell_boundaries(text, caption.end()):
                continue
            budget.check(caption.start())
            placed = in_prose[_caption_key(text, caption)]
            measurements.extend(_read_table(source, caption.start(), caption.end(), placed))
    except budget.STOPPED:
        budget.stop()  # the budget ran out: the tables read so far stand, the document is flagged
    return measurements


def _caption_key(text: str, caption: regex.Match[str]) -> str:
    """A caption's words, whatever the form it is printed in: the same table's two copies share it."""
    end = text.find("\n", caption.start(), caption.start() + 2 * CAPTION_KEY)
    printed = text[caption.start() : end if end >= 0 else caption.start() + 2 * CAPTION_KEY]
    return "".join(printed.replace(structured.SEPARATOR, " ").split())[:CAPTION_KEY]


def _has_cell_boundaries(text: str, caption_end: int) -> bool:
    """Whether the caption heads a table rendered by structured.render_table."""
    line_end = text.find("\n", caption_end)
    return (line_end >= 0 and text.startswith(f"\n{structured.SEPARATOR} ", line_end)) or bool(
        table_patterns.RENDERED_TABLE_AHEAD.match(text, caption_end, caption_end + reach.after("rendered_table"))
    )


def _read_table(source: Source, start: int, caption_end: int, placed: int) -> list[Measurement]:
    """The measurements of the table whose caption spans ``start``–``caption_end``: the arm Ns of its
    header, then each row's."""
    text = source.text
    end_match = table_patterns.TABLE_END.search(text, caption_end)
    transposed = find_transposed_header(text, caption_end, end_match.start() if end_match else len(text))
    if transposed is not None:
        return _read_transposed(source, start, caption_end, transposed, placed)
    # arms printed by short names the notes define ("H+T" with "T=docetaxel, … H=trastuzumab")
    defined = defined_arms(text, caption_end, end_match.start() if end_match else len(text))
    names = sorted({*arm_names(source, start), *defined}, key=len, reverse=True)
    header = find_header(text, caption_end, names, brand_of(source))
    if header is None:  # no arm named: a single-arm trial's N columns, cells kept
        limit = end_match.start() if end_match else len(text)
        header = single_arm_header(text, caption_end, limit, brand_of(source)) or flattened_single_arm_header(
            text, caption_end, limit, brand_of(source)
        )
    if header is None:
        return []
    caption_text = text[start : min(header.start, caption_end_of(text, caption_end, header.start))]
    end_match = table_patterns.TABLE_END.search(text, header.end)
    body_end = end_match.start() if end_match else len(text)
    header = with_sub_columns(text, header, body_end)  # "| Investigator Assessed | Independent Review |"
    if _reactions_in_percent(text, caption_text.split("\n", 1)[0], header, body_end):
        header = replace(header, columns=tuple(_holds_percent(column) for column in header.columns))
    base = _base_measurement(source, start, header, caption_text, body_end, placed)
    spanned = _trial_over_arms(text, caption_end, header.start)
    if spanned is not None:  # "|  | RECORD 3 |" over the arms: the table's trial, whatever the prose named before
        base = replace(base, trial=spanned, nct=nct_of(text, spanned))
    subset = caption_population(caption_text.split("\n", 1)[0], text)  # with cells kept, notes follow on their own line
    ratio = randomization_ratio(text, start)
    footnotes = {note.key: note for note in find_footnotes(text, caption_end, header.start)}
    subgroup_rows = any(column.holds == "n" for column in header.columns)
    caption_line = caption_text.split("\n", 1)[0]
    state = TableState(
        subgroup_rows=subgroup_rows,
        # a table of subgroup rows reports the event its caption names: "Subgroup Analyses for Time to First Event of …"
        endpoint=caption_endpoint(caption_line) or (caption_subgroup_event(caption_line) if subgroup_rows else None),
        subset=subset,
        caption=text[start : header.start],
        notes={key: text[n.start : n.end] for key, n in footnotes.items()} or _footnote_row(text, header.end, body_end),
    )

    def row_of(label: str, own: str, counts: bool) -> Row:
        statistic, unit = vocabulary.statistic_of_label(own)
        if statistic != "n" and flattened_patterns.LABEL_ENDS_IN_N.search(own):
            statistic, unit = "n", "patients"  # a flattened heading run into the row "N": "… (ITT population) N"
        if statistic is None and label_patterns.RESPONSE_CATEGORY_LABEL.match(own):
            statistic, unit = "rate", "%"  # "CR | 100 (46)": the responders of that kind, their rate beside them
        if counts and statistic is None:  # "Total VTE | 17 (1.1%)": the patients with the event
            statistic, unit = "events", "patients"
        # a row may print its own CI level: "Hazard ratio (99.8% CI)"; a row above may have named the trial
        row_base = replace(
            base,
            ci_level=ci_level_of(label) or base.ci_level,
            trial=state.trial or base.trial,
            analysis=state.analysis or base.analysis,
        )
        versus = versus_arms(own, header.arms_of(None)) if state.versus_statistic or own != label else None
        if versus is None:  # "HR [95% CI]; p-value" over "Rd Continuous vs MPT": the rows naming two arms report it
            state.versus_statistic = heading_statistic(label, own)
        elif statistic is None:
            state.versus_statistic = heading_statistic(label, own) or state.versus_statistic
            statistic, unit = state.versus_statistic, None
        columns = _with_formats(header.columns_for(statistic), state.formats)
        return Row(text, header, label, columns, statistic, unit, ratio, state, footnotes, row_base, versus)

    measurements = _header_ns(base, header, subset, trials_introduced(text))
    # a row of counts under a label that names nothing else counts that event, except in a table of
    # the patients' baseline characteristics ("Male | 121 (52%)")
    infer_events = not caption_patterns.CAPTION_BASELINE.search(caption_text.split("\n", 1)[0])
    if label_patterns.CAPTION_PERCENT_CELLS.search(caption_text.split("\n", 1)[0]):
        # "Percentage of patients reporting …": every column holds shares, as a row of "%" would say
        state.formats.update({index: "%" for index in range(len(header.columns)) if index not in state.formats})
    _read_rows(text, header.end, body_end, state, row_of, measurements, (header.names_events, infer_events))
    if defined:
        return [
            replace(m, arm=defined.get(m.arm or "", m.arm), comparator=defined.get(m.comparator or "", m.comparator))
            for m in measurements
        ]
    return measurements


def _reactions_in_percent(text: str, caption: str, header: Header, body_end: int) -> bool:
    """Whether an adverse-reaction table whose header names only arms prints one percent per arm in
    each row ("| Dyspnea | 14.2% | 5.5% |", flattened "Dyspnea 14.2% 5.5%", "| Dyspnea | 13.8 | 7.8 |" under "Percentage of
    patients reporting …"): a reaction table prints percents unless its header says otherwise."""
    if header.names_events or not caption_patterns.CAPTION_ADVERSE.search(caption):
        return False
    arms = sum(1 for column in header.columns if column.statistic is None)
    rows = 0
    for _, _, cells_start, cells_end in row_spans(text, header.end, body_end):
        if cells_start is None or cells_end is None:
            continue
        tokens = read_tokens(text, cells_start, cells_end)
        if (
            structured.SEPARATOR not in text[cells_start:cells_end]
            and [t.kind for t in tokens] != ["run", "percent"] * arms
        ):
            return False  # flattened, only a percent sign on each arm's number says which is whose: "14.2% 5.5%"
        if any(t.kind not in PLAIN_CELL_TOKENS for t in tokens) or sum(t.kind == "run" for t in tokens) != arms:
            return False
        rows += 1
    return rows > 0


def _holds_percent(column: Column) -> Column:
    return column if column.statistic is not None else replace(column, holds="rate", unit="%")


def _footnote_row(text: str, start: int, end: int) -> dict[str, str]:
    """Footnotes printed in a table's last row, keyed a, b, c … in order: "| a Includes hypothyroidism, …
    b Includes abdominal discomfort, … c Includes ascites …" (each key a lone letter before a capital)."""
    row = table_patterns.FOOTNOTE_ROW.search(text, start, end)
    if row is None:
        return {}
    line_end = text.find("\n", row.end(), end)
    notes_text = text[row.end() : line_end if line_end >= 0 else end]
    starts: list[tuple[str, int]] = [("a", 0)]
    for key in "bcdefghijklmnopqrstuvwxyz":
        at = notes_text.find(f" {key} ", starts[-1][1] + 2)
        while at >= 0 and not notes_text[at + 3 : at + 4].isupper():
            at = notes_text.find(f" {key} ", at + 1)
        if at < 0:
            break
        starts.append((key, at + 1))
    bounds = [*(at for _, at in starts[1:]), len(notes_text)]
    return {key: notes_text[at + 2 : bound] for (key, at), bound in zip(starts, bounds, strict=True)}


def _trial_over_arms(text: str, caption_end: int, header_start: int) -> str | None:
    """The trial a header row with its cells kept names in one cell over all the arms ("|  | RECORD 3 |"),
    when it is the only named cell of that row and a trial the label introduces (`groups.trial_and_population`)."""
    first_row = text.find(f"\n{structured.SEPARATOR} ", caption_end, header_start)
    if first_row < 0:
        return None
    trials = trials_introduced(text)
    for line in text[first_row + 1 : line_start(text, header_start)].splitlines():
        cells = [cell.strip() for cell in line.strip(f" {structured.SEPARATOR}").split(structured.SEPARATOR)]
        named = [cell for cell in structured.spanned_once(cells) if cell]
        if len(named) == 1:
            trial, population = trial_and_population(named[0], trials)
            if trial is not None and population is None:
                return trial
    return None


def _read_transposed(source: Source, start: int, caption_end: int, header: Header, placed: int) -> list[Measurement]:
    """The measurements of a table whose rows are arms (`transposed`)."""
    text = source.text
    caption_text = text[start : min(header.start, caption_end_of(text, caption_end, header.start))]
    end_match = table_patterns.TABLE_END.search(text, header.end)
    body_end = end_match.start() if end_match else len(text)
    base = _base_measurement(source, start, header, caption_text, body_end, placed)
    subset = caption_population(caption_text.split("\n", 1)[0], text)
    return read_transposed(text, header, caption_text, body_end, base, subset, brand_of(source))


def _with_formats(columns: tuple[Column, ...], formats: dict[int, str]) -> tuple[Column, ...]:
    """The columns with what a row of Ns said their cells hold ("N=1731 n (%)"), where the header
    did not say it."""
    if not formats:
        return columns
    updated = []
    for index, column in enumerate(columns):
        sub = sub_column_at(formats[index], 0, len(formats[index])) if index in formats else None
        if sub is not None and column.statistic is None and column.holds is None:
            column = replace(column, holds=sub[0].holds, unit=sub[0].unit, beside=sub[0].beside)
        updated.append(column)
    return tuple(updated)


def _base_measurement(
    source: Source, start: int, header: Header, caption_text: str, body_end: int, placed: int
) -> Measurement:
    """What every measurement of a table shares: source, trial, table name, CI level, assessment."""
    text = source.text
    trial, nct = trial_for(text, placed, caption_text)
    table_label = table_patterns.TABLE_CAPTION.match(text, start)
    return Measurement(
        source=source.id,
        statistic="n",
        value=None,
        raw="",
        span=(0, 0),
        trial=trial,
        nct=nct,
        # "TABLE 5" (older SPL labels) is the same table an article cites as "Table 5"
        table="Table" + table_label.group("label")[len("Table") :] if table_label else None,
        ci_level=header.ci_level,
        # the caption says who assessed, else a note in the table does ("results as assessed by BICR")
        assessment=names.assessment_of(caption_text) or names.assessment_of(text[start:body_end]),
        # the caption says which analysis ("Exploratory Analysis – CNS Efficacy …"); its notes are about a cell
        analysis=analysis_of(caption_text.split("\n", 1)[0][:CAPTION_HEAD]),
    )


def _header_ns(base: Measurement, header: Header, subset: str | None, trials: frozenset[str]) -> list[Measurement]:
    """The arm Ns the header prints with the arms: "TAGRISSO (N=233)", once per arm however many
    sub-columns it has."""
    found: dict[tuple[int, int], Measurement] = {}
    for column in header.columns:
        n = column.n
        if column.statistic is not None or n is None or (n.start, n.end) in found:
            continue
        group_trial, group_population = trial_and_population(column.group, trials)
        found[(n.start, n.end)] = replace(
            base,
            trial=group_trial or base.trial,
            statistic="n",
            value=n.value,
            raw=n.raw,
            span=(n.start, n.end),
            arm=column.name,
            unit="patients",
            column=column.name,
            population=population_of(subset, group_population),
            row="header",
            analysis=(analysis_of(column.group) if column.group else None) or base.analysis,  # "Updated Analysis"
        )
    return list(found.values())


def _read_rows(
    text: str,
    start: int,
    end: int,
    state: TableState,
    row_of: Callable[[str, str, bool], Row],
    measurements: list[Measurement],
    events: tuple[bool, bool],
) -> None:
    """Read the body's rows in order into ``measurements``, each label updating ``state``. In a
    table whose header says what its cells hold (``events[0]``), each row's label is its endpoint;
    where events may be inferred (``events[1]``), so is the label of a row of counts that names nothing else."""
    n_row: list[int] = []  # the Ns of the row just above, when that row printed only Ns
    subgroup_heading = ""  # in a table of subgroup rows, the heading of the rows below it: "Age ≥75"
    for label_start, label_end, cells_start, cells_end in row_spans(text, start, end):
        if _inside_a_cell(text, label_start, label_end):
            continue  # "| 1.4 to 21.9 |": a cell's words between its figures, no row's label
        label, _ = repairs.repair_label(
            " ".join(text[label_start:label_end].replace(structured.SEPARATOR, " ").split())
        )
        if len(label) > MAX_LABEL:
            break  # a paragraph of prose: the table has ended without a caption or blank line
        has_n = cells_start is not None and has_n_prefix(text, cells_start, cells_end)
        # a row's own label cell names the event, not the headings above it ("PRIMARY ENDPOINT")
        own_text = text[label_start:label_end].rsplit("\n", 1)[-1]
        # flattened, a row of cells with no value ran into the label: "p-valuec NT - NS - Overall Response …"
        own_text = flattened_patterns.EMPTY_CELLS_BEFORE_LABEL.split(own_text)[-1]
        own, _ = repairs.repair_label(" ".join(own_text.replace(structured.SEPARATOR, " ").split()))
        if has_n and cells_start is not None and cells_end is not None and vocabulary.find_endpoint(label):
            # "|  | (n=93) | (n=19) |" under "Duration of Response, (DOR) RECIST 1.1": the Ns of the endpoint
            # a heading names, what follows it no population
            has_n = not parenthesised_ns(read_tokens(text, cells_start, cells_end))
        counts = (
            events[1] and not events[0] and _unnamed_counts(text, own or label, cells_start, cells_end, state.endpoint)
        )
        names_events = events[0] or bool(state.formats) or counts
        event = (
            event_name(text[label_start:label_end], state.notes)
            if names_events and cells_start is not None and not has_n
            else None
        )
        if state.subgroup_rows:
            if cells_start is not None:
                subgroup_heading = _subgroup_row(text[label_start:label_end], own, subgroup_heading, state)
            event = None
        elif n_row and not has_n and (vocabulary.find_endpoint(label) or (event and state.population is None)):
            # Ns printed just above the endpoint they count ("Patients with Measurable Disease
            # n=167 n=66", then "Objective Response Rate"; "Number of Patients | N=1513", then "Total
            # VTE"): they and their population head it; a subgroup's Ns ("UA/NSTEMI | N=5044") count
            # the subgroup, whatever events its rows then list (EFFIENT Table 5)
            population = state.population
            _interpret_label(label, state, has_n, event)
            state.population = population
            for index in n_row:
                measurements[index] = replace(measurements[index], endpoint=state.endpoint)
            n_row = []
        elif run_in := flattened_patterns.TIME_HEADING_RUN_IN.match(label) if own == label else None:
            # flattened, a time point's heading ran into the row under it: "Week 4 Clinical remission"
            own = run_in.group("own")
            event = event_name(own, state.notes) if event is not None else None
            _interpret_label(run_in.group("heading"), state, False)
            _interpret_label(own, state, has_n, event)
        elif headings := _population_headings(text[label_start:label_end], own, label):
            # with cells kept, heading rows that name no endpoint are read in turn: a population row
            # ("FISH+ / IHC 0, 1+ subgroup (N=133)") heads the rows below it
            for heading in headings:
                _interpret_label(heading, state, False)
            _interpret_label(own, state, has_n, event)
        elif own != label and own in label and heading_hides_kind(label, own):
            # "Response Rate – IRAC, n (%)" over "CR": the heading above, then the kind of response the row names
            _interpret_label(label[: label.rfind(own)].strip(), state, False)
            _interpret_label(own, state, has_n, event)
        else:
            _interpret_label(label, state, has_n, event)
            if has_n and names_events and vocabulary.find_endpoint(label) is None:
                state.endpoint = None  # a subgroup's Ns ("STEMI | N=1769") count none of the events above
        if cells_start is None or cells_end is None:
            continue
        tokens = read_tokens(text, cells_start, cells_end)
        if ns_under_lost_cells(label, tokens):
            n_row = []
            continue
        before = len(measurements)
        # with cells kept, the row's own label is its first cell; rows above without cells only head it
        row = row_of(label, own or label, counts)
        RowReader(row, measurements).read(tokens)
        if row.versus is not None:  # "Rd18 vs MPT": its value, under the first column, compares the arms it names
            measurements[before:] = [
                replace(m, arm=row.versus[0], comparator=row.versus[1]) for m in measurements[before:]
            ]
        measurements[before:] = landmark_of_response(own or label, measurements[before:])
        added = measurements[before:]
        only_ns = bool(added) and all(m.statistic in {"n", "share"} for m in added)
        # Ns saying what the cells below hold ("EINSTEIN DVT Study | N=1731 n (%)") head a block of rows, no one endpoint
        only_ns = only_ns and not any(token.kind == "fmt" for token in read_tokens(text, cells_start, cells_end))
        n_row = [before + k for k, m in enumerate(added) if m.statistic == "n"] if only_ns else []


def _inside_a_cell(text: str, label_start: int, label_end: int) -> bool:
    """Whether what the body reads as a row's label is the word of a range between two figures of a
    value cell ("| 1.4 to 21.9 |", ADCETRIS Table 2; flattened, "… 1.4 to 21.9 PR 40 …"): a kept row's
    label is its first cell, a flattened row's label never a lone "to" between figures."""
    if label_start >= label_end or not text[label_end : label_end + 1].isdigit():
        return False
    if grid_patterns.RANGE_WORD.fullmatch(text, label_start, label_end) is None:
        return False  # the word looks back at the figure before it
    row_start = line_start(text, label_start)
    kept = text.startswith(f"{structured.SEPARATOR} ", row_start)
    # kept, past the row's label cell: "| MMR at 12 months (95% CI) |" is one label with a figure inside
    return not kept or text.count(structured.SEPARATOR, row_start, label_start) >= 2


def _subgroup_row(raw: str, own: str, heading: str, state: TableState) -> str:
    """In a table whose rows print their own Ns ("| N | % with events |" columns), a row and the
    heading above it name a subgroup ("Age ≥75, Diabetes – yes"), not an event (EFFIENT Table 6).
    Sets the row's population; returns the heading for the rows below."""
    headings = _first_cells(raw)[:-1]
    run_in = flattened_patterns.SUBGROUP_HEADING_RUN_IN.match(own) if not headings else None
    if run_in:  # flattened, the heading ran into the row under it: "Age ≥75 Diabetes – yes"
        headings, own = [run_in.group("heading")], run_in.group("own")
    heading = ", ".join(headings) if headings else heading
    state.population = ", ".join(name for name in (heading, own) if name) or None
    state.open_between.clear()
    return heading


def _population_headings(raw: str, own: str, label: str) -> list[str]:
    """The heading rows above a row with its cells kept, when none names an endpoint (an endpoint
    heading reads with the row under it: "Response rate" over "CR, n (%)")."""
    if not own or own == label or f"\n{structured.SEPARATOR}" not in raw:
        return []
    headings = _first_cells(raw)[:-1]
    if any(vocabulary.find_endpoint(heading) is not None for heading in headings):
        return []
    return headings


def _first_cells(raw: str) -> list[str]:
    """The first cell of each rendered row in ``raw``, those not empty: a heading row's label; a row
    with that cell empty ("|  | 2.5 mg | 20 mg |") heads columns."""
    firsts = [line.strip().strip(structured.SEPARATOR).split(structured.SEPARATOR)[0] for line in raw.split("\n")]
    return [_label_of(first) for first in firsts if first.strip()]


def _label_of(raw: str) -> str:
    return repairs.repair_label(" ".join(raw.replace(structured.SEPARATOR, " ").split()))[0]


def _unnamed_counts(
    text: str, label: str, cells_start: int | None, cells_end: int | None, above: str | None = None
) -> bool:
    """Whether a row prints counts of patients with their percents ("17 (1.1%)") under a label that
    names no endpoint, statistic or population: the label is the event counted ("Total VTE"). Death
    as an outcome ("Death", "Death or ECMO") is one too, unless the endpoint ``above`` counts deaths."""
    if cells_start is None or cells_end is None or not label:
        return False
    if not any(token.kind == "pct" for token in read_tokens(text, cells_start, cells_end)):
        return False
    return (
        vocabulary.find_endpoint(label) is None
        and not label_patterns.RESPONSE_CATEGORY_LABEL.match(label)  # "CR | 100 (46)": responders, not events
        # "CHD death | 127 | (2.5)": the kind of death is the event
        and (
            vocabulary.statistic_of_label(label)[0] is None
            or bool(label_patterns.DEATH_KIND_LABEL.match(label))
            or (bool(label_patterns.DEATH_OUTCOME_LABEL.match(label)) and above not in vocabulary.time_to_event())
        )
        and not table_patterns.POPULATION_LABEL.search(label)
    )


def event_name(raw_label: str, notes: Mapping[str, str] | None = None) -> str | None:
    """The event or reaction a row of an event table names, as printed: the row's own label cell
    (with cells kept, its last line), without a row-group heading run into it ("Gastrointestinal
    DisordersDiarrhea" → "Diarrhea"), a leading dash or a footnote mark ("Nausea1", "DVT*", and
    "Fatiguee" where footnote e of the table, ``notes``, names fatigue)."""
    own = raw_label.rsplit("\n", 1)[-1].replace(structured.SEPARATOR, " ")
    name = " ".join(own.split())
    heading = build.heading_prefix(vocabulary.row_group_headings()).match(name)
    # "Primary Composite Endpoint at Day 35" is one name, and "Gastrointestinal (GI)": the heading's own abbreviation
    if heading and str(heading.group("name"))[:1].isupper():
        name = str(heading.group("name"))
    name = str(table_patterns.EVENT_NAME_MARKS.sub("", name)).strip(" :,")
    name = str(table_patterns.LEADING_DASH.sub("", name))
    name = _without_footnote_letter(name, notes or {})
    statistic, _ = vocabulary.statistic_of_label(name)
    if not name or not table_patterns.ANY_LETTER.search(name) or statistic in LABEL_STATISTICS_OVER_COLUMNS:
        return None
    return name


def _without_footnote_letter(name: str, notes: Mapping[str, str]) -> str:
    """``name`` without a footnote key letter glued to its last word, when that footnote's text names
    the word: "Infectionsd" (d: "… the Infections and Infestations system organ class") → "Infections";
    "Nausea" stays, footnote a not naming "nause"."""
    mark = table_patterns.GLUED_FOOTNOTE_LETTER.search(name)
    if mark is None or mark.group("key") not in notes:
        return name
    words = {word.casefold() for word in table_patterns.NOTE_WORD.findall(notes[mark.group("key")])}
    if mark.group("word").casefold() not in words:
        return name
    return name[: mark.start("key")]


def _interpret_label(label: str, state: TableState, has_n: bool, event: str | None = None) -> None:
    """Update the endpoint and population that the rows below inherit from a row label; a row of
    an event table names its own endpoint (``event``)."""
    if event is not None:
        state.endpoint = event
        state.open_between.clear()
        return
    if not label:
        return
    endpoint = vocabulary.find_endpoint(label)
    category = label_patterns.RESPONSE_CATEGORY_LABEL.match(label) if endpoint is None else None
    if category is not None:  # "CR+CRid", "nPR, n (%)": a kind of response the vocabulary has no phrase for
        endpoint = ("".join(category.group("kind").split()), 0, category.end())
    rest = label
    if endpoint is not None:
        code, phrase_start, phrase_end = endpoint
        if not (state.endpoint in {"ORR", "CR", "PR"} and code in {"CR", "PR"}):
            state.open_between.clear()  # a response rate's CI may come after its CR and PR rows
        # "Updated Overall Survival": its rows below ("Median OS (months)") report the updated analysis
        state.analysis = analysis_of(label) or (state.analysis if code == state.endpoint else None)
        rest = (label[:phrase_start] + label[phrase_end:]).strip(" :,")
        # a statistic of the endpoint ("Median OS Duration (mos.)") stays in the population above it when
        # it only goes on about the same endpoint; an endpoint heading starts anew
        within = code == state.endpoint or state.endpoint is None
        if not (within and vocabulary.statistic_of_label(rest)[0] in label_patterns.STATISTICS_WITHIN_POPULATION):
            state.population = None
        state.endpoint = code
        if code not in RESPONSE_KINDS and category is None:
            state.response_heading = code if code == "ORR" else None
    statistic, _ = vocabulary.statistic_of_label(rest)
    if endpoint is None and statistic in vocabulary.BETWEEN_STATISTICS and state.endpoint in RESPONSE_KINDS:
        # "P-value | <0.001" after the CR and PR rows under an ORR heading compares the response rates
        state.endpoint = state.response_heading or state.endpoint
    trial = table_patterns.TRIAL_ROW.match(rest) if has_n else None
    if trial or (has_n and table_patterns.ANALYSIS_SET_ROW.search(rest)):
        # "EINSTEIN PE Study N=2419", "mITT analysis set N=3096": the rows below report that trial
        # or analysis set, whole, not a subgroup
        state.trial = trial.group("trial") if trial else state.trial
        state.population = None
        state.overall_n.clear()
        state.open_between.clear()
        return
    if has_n and endpoint is None and table_patterns.PATIENT_COUNT_LABEL.match(rest):
        return  # "Number of Patients | N=1513 | N=1473": the Ns of the rows below, no subgroup
    if has_n or (statistic is None and table_patterns.POPULATION_LABEL.search(rest)):
        population = _population_text(rest)
        if population is not None or has_n or table_patterns.OVERALL_POPULATION.match(rest):
            state.population = population
            state.open_between.clear()


def _population_text(rest: str) -> str | None:
    cleaned = table_patterns.LABEL_STATISTIC_WORDS.sub(" ", rest)
    while (endpoint := vocabulary.find_endpoint(cleaned)) is not None:
        cleaned = cleaned[: endpoint[1]] + cleaned[endpoint[2] :]
    cleaned = table_patterns.FOOTNOTE_SYMBOLS.sub(" ", cleaned)
    cleaned = table_patterns.HEADER_N.sub(" ", cleaned)  # its N is no part of its name: "… subgroup (N=133)"
    # a population's name has no sentence in it: what precedes the last one is spliced-in notes
    cleaned = table_patterns.LABEL_SENTENCE_BREAK.split(cleaned)[-1]
    cleaned = table_patterns.ASSESSED_BY.sub(" ", table_patterns.LEADING_PREPOSITION.sub("", cleaned.strip()))
    cleaned = " ".join(table_patterns.EMPTY_PARENS.sub(" ", cleaned).split()).strip(" :,")
    if not table_patterns.ANY_LETTER.search(cleaned) or table_patterns.OVERALL_POPULATION.match(cleaned):
        return None
    return cleaned
