"""What a cell of an article's table is read against: its row's trial and arms, its column's endpoint.

Reviews summarise trials in tables, one trial a row::

    | Trial name | Phase | Intervention | Comparator | Key outcomes                                  |
    | FLAURA     | Phase 3 | Osimertinib | Gefitinib/ Erlotinib | Median PFS: 18.9 vs. 10.2 months, HR: 0.46 |

A cell's claims belong to its row's trial and compare its row's intervention with its comparator
("18.9 vs. 10.2" is osimertinib's, then the comparator's); a column headed "Median PFS (months)"
gives a bare number of its cells an endpoint. The header row says which column is which
(``table_columns`` of data/claims.json). A row that names no trial takes the trial named before
the table (its caption, the prose above it), never the previous row's.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.claims import context, rules
from extractors.ingest.articles import row_start
from extractors.read.tables.reader import extract_tables
from extractors.records import Article, ArticleTable, Measurement, Source, Span, replace
from extractors.text import vocabulary
from extractors.text.names import arm_mentions
from extractors.text.patterns import build
from extractors.text.patterns import claims as patterns
from extractors.text.patterns import tables as table_patterns

MAX_TRIAL_CELL = 40  # characters: a trial column's cell longer than this describes, it does not name


@dataclass(frozen=True, slots=True)
class CellContext:
    """What the row and the column of one cell say about the claims in it."""

    trial: str | None  # the row's trial; None when neither the row nor the text before names one
    arms: tuple[str, ...]  # the row's arms, the one tested first ("Osimertinib", "Gefitinib/ Erlotinib")
    endpoint: str | None  # the endpoint the column header names ("Median PFS (months)")
    header: Span | None  # the column's header cell, which says what a bare "NR vs 6.8" is; None in the header row
    population: str | None = None  # what the trial cell adds to the trial's name: "HR+ cohort"
    row_endpoint: str | None = None  # the row's cell under an endpoint column that names one: "PFS"


@dataclass(frozen=True, slots=True)
class TableLayout:
    """What a table's header row and body say, read once for all its cells."""

    header: tuple[str, ...]  # the header row's cells as printed
    roles: tuple[str | None, ...]  # each column's role by its header (`_role`)
    grid: bool  # a results grid (`is_results_grid`)


def table_layout(article: Article, table: ArticleTable) -> TableLayout:
    """The layout of one of ``article.tables``, for `cell_context` and `arm_column`."""
    header = tuple(_text(article, span) for span in table.rows[0])
    return TableLayout(header, tuple(_role(name) for name in header), is_results_grid(article, table))


@dataclass(frozen=True, slots=True)
class RowContext:
    """What a row of an article's table says about all its cells: its trial, arms and population."""

    trial: str | None
    arms: tuple[str, ...]
    population: str | None
    endpoint: str | None = None  # its cell under a "Primary endpoint" column, when it names one ("PFS")


Rows = dict[tuple[int, int], RowContext]  # (table, row) → its context, read once per row for all its cells


def cell_context(
    article: Article,
    cell: tuple[int, int, int],
    trials: Collection[str] | None,
    layout: TableLayout,
    rows: Rows | None = None,
) -> CellContext:
    """The context of the cell at (table, row, column) of ``article.tables``, whose `layout` is given;
    its row's context is taken from ``rows`` when an earlier cell of the row put it there."""
    table_index, row_index, column = cell
    found = rows.get((table_index, row_index)) if rows is not None else None
    row = found or _row_context(article, table_index, row_index, trials, layout)
    if rows is not None and found is None:
        rows[(table_index, row_index)] = row
    header = layout.header
    named = row_index > 0 and column < len(header) and bool(header[column])
    endpoint = vocabulary.last_endpoint(header[column]) if named else None
    header_cell = article.tables[table_index].rows[0][column] if named else None
    # a cell of a column with no role of its own ("Hazard ratio (95% CI)"), not the arm or endpoint cells
    row_endpoint = row.endpoint if layout.roles[column : column + 1] == (None,) else None
    return CellContext(
        row.trial, row.arms, endpoint or (row_endpoint and vocabulary.last_endpoint(row_endpoint)), header_cell,
        row.population, row_endpoint,
    )  # fmt: skip


def _row_context(
    article: Article, table_index: int, row_index: int, trials: Collection[str] | None, layout: TableLayout
) -> RowContext:
    table = article.tables[table_index]
    roles = list(layout.roles)
    row = table.rows[row_index]
    arms = tuple(
        arm
        for role in ("experimental", "comparator", "arms")
        for index, found in enumerate(roles)
        if found == role and index < len(row)
        for arm in table_patterns.VERSUS.split(_text(article, row[index]))
        if any(character.isalpha() for character in arm)  # a "-" in a comparator cell is no arm
    )
    trial = _row_trial(article, table, row, roles, trials)
    # a "Primary endpoint" column names the endpoint of the row's other numbers ("KEYNOTE-002 | … | PFS | 0.57")
    named = [_text(article, row[i]) for i, role in enumerate(roles) if role == "endpoint" and i < len(row)]
    endpoint = next((text.strip() for text in named if vocabulary.last_endpoint(text)), None)
    arms_read = tuple(patterns.ARM_COUNT.sub("", arm).strip() for arm in arms)  # "Placebo (505)" is Placebo
    return RowContext(trial, arms_read, _row_population(article, row, roles, trial), endpoint)


def arm_column(article: Article, cell: tuple[int, int, int], layout: TableLayout) -> tuple[str, str] | None:
    """(row label, column header) of a results grid's cell under a column headed by an arm
    ("Dizziness | 5.4% | 3.9%" under "Side effect | Brilinta | Clopidogrel"), or of a number under
    one in a table whose rows are labelled by several columns: the cell is that arm's figure for its
    row's outcome. None for a header row, a row label column, a column headed by no arm ("Hazard
    ratio", "Study") or a cell of prose."""
    table_index, row_index, column = cell
    table = article.tables[table_index]
    row = table.rows[row_index]
    if row_index == 0 or column == 0 or column >= len(table.rows[0]) or column >= len(row):
        return None
    if layout.grid:
        label = _text(article, row[0]).strip()
    elif patterns.NUMERIC_CELL.match(_text(article, row[column]).strip()):
        label = _nearest_label(article, row, column, layout)  # "| RA-III | ACR20 at 6 months | 63% |"
    else:
        return None  # a cell of prose is read as a sentence
    header = _text(article, table.rows[0][column]).strip()
    if label and not patterns.NUMERIC_CELL.match(label) and patterns.DOSE_HEADER.match(header):
        return label, header  # "| Headache | 16% |" under "25 mg": the drug's arm at that dose
    mentions = arm_mentions(header)
    if not label or patterns.NUMERIC_CELL.match(label) or not mentions or mentions[0][0] != 0:
        return None
    return label, header


def _nearest_label(article: Article, row: tuple[Span, ...], column: int, layout: TableLayout) -> str:
    """The row's label for a number in a table whose rows are labelled by several columns ("Condition
    | Study | Measure | Humira | Placebo"): the nearest cell before it that is neither a number nor the
    row's trial ("ACR20 at 6 months"), the one that says what the number measures."""
    for index in range(column - 1, -1, -1):
        text = _text(article, row[index]).strip()
        if text and not patterns.NUMERIC_CELL.match(text) and layout.roles[index] is None:
            return text
    return ""


def _row_population(article: Article, row: tuple[Span, ...], roles: list[str | None], trial: str | None) -> str | None:
    """The part of a trial a row is about, as its trial cell names it after the trial's name:
    "DESTINY-Breast04, HR+ cohort" → "HR+ cohort"; "…, all patients" says it is the whole trial's
    (the verdicts take the label's whole-trial population for it, where the label names one)."""
    for index, role in enumerate(roles):
        if role != "trial" or index >= len(row) or not trial:
            continue
        text = _text(article, row[index])
        found = build.trial_named(trial).search(text)
        rest = patterns.TRIAL_CELL_NOISE.sub("", text[found.end() :]).strip(" ,;:()-–") if found else ""
        if rest and not patterns.ANALYSIS_ONLY.fullmatch(rest):  # "COSMIC-311 (updated)": an analysis, no part
            return rest
    return None


def _row_trial(
    article: Article,
    table: ArticleTable,
    row: tuple[Span, ...],
    roles: list[str | None],
    trials: Collection[str] | None,
) -> str | None:
    """The trial a row names in its trial column (a known trial's name inside it, else the cell as
    printed), else in any of its cells; else the trial named before the table."""
    named = [index for index, role in enumerate(roles) if role == "trial" and index < len(row)]
    for index in named or range(len(row)):
        text = _text(article, row[index])
        known = _known_trial(text, trials)
        if known:
            return known
        if named and 0 < len(text) <= MAX_TRIAL_CELL and table.rows[0] is not row:
            return text  # a trial the sources do not report: its claims are another trial's
    return context.trial_of(article, (table.span[0], table.span[0]), trials)


def _known_trial(text: str, trials: Collection[str] | None) -> str | None:
    """The longest of the sources' trials the cell names (FLAURA2 before FLAURA)."""
    return _first_named(text, tuple(sorted(trials or (), key=len, reverse=True)))


@lru_cache(maxsize=1024)  # each cell of a row asks for the row's trial, in the same cells
def _first_named(text: str, trials: tuple[str, ...]) -> str | None:
    for trial in trials:
        if build.trial_named(trial).search(text):  # "CheckMate 9ER" for the label's "CHECKMATE-9ER", as in prose
            return trial
    return None


@lru_cache(maxsize=1024)  # asked for every cell of a table, of its few header texts
def _role(header: str) -> str | None:
    """What a column gives its row, by its header: "trial", "experimental", "comparator", "arms",
    "endpoint" or None."""
    # (every role's words start with a letter: a word that does not, a number, is not looked at; a
    # header of numbers, a table's first row of thousands of cells, is passed over at once)
    words = [word.lower() for word in header.split() if word[0].isalpha()]
    if not words:
        return None
    for role in ("trial", "experimental", "comparator", "arms", "endpoint"):
        if any(word.startswith(_starts(role)) for word in words):  # a tuple: every start tried in one call
            return role
    return None


@cache
def _starts(role: str) -> tuple[str, ...]:
    return tuple(str(word) for word in rules.data()["table_columns"][role])


def _text(article: Article, span: Span) -> str:
    return article.text[span[0] : span[1]]


# --- results grids: read by the label tables' reader ---------------------------------------------

GRID_SHARE = 0.6  # a table is a results grid when this share of its body cells (row labels aside) are numbers


def is_results_grid(article: Article, table: ArticleTable) -> bool:
    """Whether the table's body cells are numbers (an efficacy table, arms as columns), not prose
    (a summary of trials, whose cells are read as sentences)."""
    cells = [_text(article, span) for row in table.rows[1:] for span in row[1:]]
    filled = [cell for cell in cells if cell]
    numeric = [cell for cell in filled if patterns.NUMERIC_CELL.match(cell)]
    return bool(filled) and len(numeric) >= GRID_SHARE * len(filled)


def grid_statements(article: Article, table: ArticleTable, drug: str | None) -> list[Measurement]:
    """The results of a results grid as the label tables' reader reads them, spans in the article.

    The reader reads tables as ingest renders a label's (`grids.render_table`): a caption line
    ("Table 2. Efficacy Results in FLAURA"), then one "| a | b |" line per row. The grid is given
    it that way — the caption is the line above the table when it is one, else a bare "Table 0.
    Results" that names no trial or population — and each value's span mapped back to its cell.
    """
    above_end = max(row_start(article.text, table.rows[0]) - 1, 0)  # the end of the line above the table
    above = article.text[article.text.rfind("\n", 0, above_end) + 1 : above_end]
    caption = above if table_patterns.TABLE_CAPTION.match(above) else "Table 0. Results"
    pieces = [caption]
    cells: list[tuple[int, Span]] = []  # (where the cell starts in the reader's text, its span)
    position = len(caption) + 1
    for row in table.rows:
        line = "|"
        for span in row:
            line += " "
            cells.append((position + len(line), span))
            line += article.text[span[0] : span[1]].replace("|", "/") + " |"
        pieces.append(line)
        position += len(line) + 1
    source = Source(
        id="article-table", path=article.path, kind="text", drug=drug, title=caption, text="\n".join(pieces)
    )
    found: list[Measurement] = []
    for m in extract_tables(source):
        index = bisect.bisect_right(cells, (m.span[0], (len(article.text), 0))) - 1
        if index < 0:
            continue  # a value of the caption made up here
        start, span = cells[index]
        if m.span[1] - start <= span[1] - span[0]:  # inside the cell
            found.append(replace(m, span=(span[0] + m.span[0] - start, span[0] + m.span[1] - start)))
    return _settled(found, caption)


def _settled(found: list[Measurement], caption: str) -> list[Measurement]:
    """What an article's grid says that the label tables' reader, made for labels' layouts, misreads:
    a column headed "p" holds p-values (of the row's between-arm comparison), a decimal the reader
    took for a count is a percentage when the caption says the cells are ("event rates, %"), and a
    row label "UA/NSTEMI: nonfatal MI" names its population before its outcome."""
    percent = bool(patterns.PERCENT_CELLS.search(caption))
    settled = []
    for m in found:
        if m.column and patterns.P_COLUMN.match(m.column):
            pair = next((o for o in found if o.row == m.row and o.comparator), None)
            m = replace(
                m,
                statistic="p",
                unit=None,
                arm=pair.arm if pair else None,
                comparator=pair.comparator if pair else None,
            )
        elif m.statistic == "events" and percent and m.raw and "." in m.raw:
            m = replace(m, statistic="rate", unit="%")
        named = patterns.ROW_POPULATION.match(m.row or "")
        if named and m.endpoint == m.row and m.population is None:
            m = replace(m, population=named.group("population"), endpoint=named.group("outcome"))
        settled.append(m)
    return settled
