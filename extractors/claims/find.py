"""The walk over an article: every claim of every sentence, with its section, trial and population.

Each claim's arm, endpoint, population and trial are resolved from its sentence and the context
before it (earlier sentences in the section, the trial named last).
"""

from __future__ import annotations

from collections.abc import Collection

from extractors.claims import context
from extractors.claims.numeric import claim_of, numeric_claims
from extractors.claims.qualitative import fold_claims, scope_claims, significance_claims
from extractors.claims.sentences import Sentence, sentence_at, sentences
from extractors.claims.tables import Rows, TableLayout, arm_column, cell_context, grid_statements, table_layout
from extractors.ingest.articles import row_start, section_of
from extractors.read import discourse
from extractors.read.scene import Scene
from extractors.records import Article, Claim, Span, replace
from extractors.text import budget
from extractors.text.patterns import claims as claim_patterns
from extractors.text.patterns import verdicts as verdict_patterns


def find_claims(
    article: Article, trials: Collection[str] | None = None, drugs: Collection[str] = (), arms: Collection[str] = ()
) -> tuple[Claim, ...]:
    """Every numeric and qualitative claim in the article, in order, each with verdict unverifiable.

    ``trials`` are the names (and NCT numbers) of the trials the sources report, so that a claim's
    trial is read once, knowing them (`context.trial_of`); ``None`` when the sources are unknown.
    ``drugs`` are the names of the drug the sources are about (brand and generic): a ratio whose
    sentence names no drug is that drug's against its comparator. ``arms`` are the arms the sources
    name ("MPT", "Rd18"): an article's "75.1% with MPT" names that arm.
    """
    claims: list[Claim] = []
    scene = Scene(source="article", arms=tuple(arms), drugs=tuple(drugs), experimental=next(iter(drugs), None))
    try:
        _read_claims(article, trials, scene, claims)
    except budget.STOPPED:
        budget.stop()  # the budget ran out: the claims found so far stand, the article is flagged
    return tuple(claims)


def _read_claims(article: Article, trials: Collection[str] | None, scene: Scene, claims: list[Claim]) -> None:
    """Each sentence's claims appended to ``claims`` as it is read (so a stop keeps them)."""
    context_endpoint: dict[str | None, str] = {}  # section → endpoint named last
    context_population: tuple[int, str] | None = None  # (block, population)
    layouts = [table_layout(article, table) for table in article.tables]  # read once, for all their cells
    rows: Rows = {}  # each table row's trial, arms and population, read at its first cell
    grids = {  # results grids the label tables' reader reads; a grid it cannot read is read cell by cell
        index: found
        for index, layout in enumerate(layouts)
        if layout.grid
        and (found := _grid_claims(article, index, trials, scene, section_of(article, article.tables[index].span[0])))
    }
    for sentence in sentences(article):
        budget.check(sentence.span[0])
        section = section_of(article, sentence.span[0])
        if sentence.cell is not None:  # a table's cells tell the prose after them nothing
            table = sentence.cell[0]
            if table not in grids:
                cell_scene = replace(scene, endpoint=None)
                claims.extend(_cell_claims(article, sentence, trials, cell_scene, section, layouts[table], rows))
            elif sentence.cell[1:] == (0, 0):  # a results grid is read whole, at its first cell
                claims.extend(grids[table])
            continue
        trial = context.trial_of(article, sentence.span, trials)
        population = context.subgroup(sentence.masked)
        # "In CPS >=5, mOS …": the sentence's own values are placed by its words (a later clause may head
        # another group, "…, and CPS <5 (n=606): HR 0.94"); the next sentences' are that group's
        lead = context.lead_group(sentence.masked)
        overall = context.names_overall(sentence.masked)  # searched once: a long sentence costs its length
        if overall:
            context_population = None  # "in the overall population", "ITT": not the subgroup named before
        elif population is None and lead is None and context_population and context_population[0] == sentence.block:
            population = context_population[1]
        if (population or lead) is not None and not overall:
            # (a sentence that sets a subgroup beside the whole population, "In the overall population the
            # HR was 0.57, and in the PD-L1 positive subgroup 0.54", leaves the next sentence's unsaid)
            context_population = (sentence.block, population or lead or "")
        about = (section, trial, population)
        if scene.endpoint != context_endpoint.get(section):
            scene = replace(scene, endpoint=context_endpoint.get(section))
        scene = discourse.before_sentence(scene, sentence.masked)
        found = numeric_claims(sentence, about, scene)
        found += significance_claims(sentence, about)
        found += scope_claims(sentence, about, scene.drugs)
        found += fold_claims(sentence, about)
        found = [_own_trial(article, claim, trials) for claim in found]
        claims.extend(sorted(found, key=lambda claim: (claim.value_span or claim.span)[0]))
        named = context.named_endpoint(sentence.masked)
        if named:
            context_endpoint[section] = named
        scene = discourse.after_article_sentence(scene, sentence.masked)


def _grid_claims(
    article: Article, table_index: int, trials: Collection[str] | None, scene: Scene, section: str | None
) -> list[Claim]:
    """The claims of a results grid (arms as columns, numbers in the cells), read by the label
    tables' reader: each value with its row and column, in the trial its caption or the text
    before the table names."""
    table = article.tables[table_index]
    before = context.trial_of(article, (table.span[0], table.span[0]), trials)
    found: list[Claim] = []
    for statement in grid_statements(article, table, scene.experimental):
        row = next(cells for cells in table.rows if cells[0][0] <= statement.span[0] <= cells[-1][1])
        start = row_start(article.text, row)  # the row's whole line
        sentence = sentence_at(start, article.text[start : row[-1][1]])
        trial = statement.trial if statement.trial in (trials or ()) else before
        found.append(claim_of(sentence, (section, trial, None), statement))
    return found


def _cell_claims(
    article: Article,
    sentence: Sentence,
    trials: Collection[str] | None,
    scene: Scene,
    section: str | None,
    layout: TableLayout,
    rows: Rows,
) -> list[Claim]:
    """The claims of one cell of an article's table, read in its row's trial and arms and its
    column's endpoint (`tables.cell_context`)."""
    assert sentence.cell is not None
    cell = cell_context(article, sentence.cell, trials, layout, rows)
    scene = replace(
        scene.with_arms(*cell.arms), trial=cell.trial, endpoint=cell.endpoint, trial_arms=cell.arms,
        default_arm=None if len(cell.arms) > 1 else _row_arm(cell.arms, scene.experimental),
    )  # fmt: skip
    about = (section, cell.trial, context.subgroup(sentence.masked) or cell.population)
    in_row = arm_column(article, sentence.cell, layout)
    read = _in_row(sentence, *in_row) if in_row else _under_header(article, sentence, cell.header)
    found = numeric_claims(read, about, scene)
    found += significance_claims(read, about)
    found += fold_claims(read, about)
    start = sentence.span[0]
    header = article.text[cell.header[0] : cell.header[1]] if cell.header else None
    if in_row and not layout.grid and header:
        # the row's label is in another column than the first: the column said with it keeps what the
        # number measures and when ("Humira (ACR20 at 6 months)") for the checks that read the column
        header = f"{header} ({in_row[0]})"
    elif header and cell.row_endpoint:  # the row's "Primary endpoint" cell says what its numbers measure
        header = f"{header} ({cell.row_endpoint})"
    return sorted(
        (
            replace(claim, text=sentence.text, span=sentence.span, column=header)
            for claim in found
            if claim.value_span is None or start <= claim.value_span[0] < sentence.span[1]
        ),
        key=lambda claim: (claim.value_span or claim.span)[0],
    )


def _row_arm(arms: tuple[str, ...], experimental: str | None) -> str | None:
    """The arm of a row that names one ("| Study 1 | Placebo | 22.5 |" under "Arm"), its dose left out
    ("T-DXd 5.4 mg/kg" is T-DXd); the sources' drug where the row names none."""
    if len(arms) != 1:
        return experimental
    return " ".join(verdict_patterns.ARM_DOSE.sub(" ", arms[0]).split()) or experimental


def _under_header(article: Article, sentence: Sentence, header: Span | None) -> Sentence:
    """The cell read after its column's header, as "Median PFS, months: NR vs 6.8 months": what the
    header says (the statistic, the endpoint, the unit of a cell that prints none) qualifies the
    cell's bare numbers. The words added are the header's own; claims are kept only for values
    inside the cell."""
    if header is None or header[0] == header[1]:
        return sentence
    name = article.text[header[0] : header[1]]
    if claim_patterns.COUNT_HEADER.match(name):  # "| Patients |" over "| 231 |": 231 patients, the row's arm's
        read = sentence_at(sentence.span[0], f"{sentence.text} {name}", sentence.block)
        return replace(read, cell=sentence.cell)
    lead = f"{name}: "
    unit = claim_patterns.HEADER_UNIT.search(name)
    tail = f" {unit.group('unit')}" if unit and not claim_patterns.UNIT_AFTER_NUMBER.search(sentence.text) else ""
    read = sentence_at(sentence.span[0] - len(lead), lead + sentence.text + tail, sentence.block)
    return replace(read, cell=sentence.cell)


def _in_row(sentence: Sentence, label: str, header: str) -> Sentence:
    """A results grid's cell read as its row says it of its column's arm: "Dizziness: 5.4% with
    Brilinta". The words added are the row label's and the header's own; claims are kept only for
    values inside the cell."""
    lead = f"{label}: "
    read = sentence_at(sentence.span[0] - len(lead), f"{lead}{sentence.text} with {header}", sentence.block)
    return replace(read, cell=sentence.cell)


def _own_trial(article: Article, claim: Claim, trials: Collection[str] | None) -> Claim:
    """The claim with its number's own trial, where its sentence names several (`context.number_trial`)."""
    if claim.value_span is None:
        return claim
    trial = context.number_trial(article, claim.span, claim.value_span, trials, claim.trial)
    return claim if trial == claim.trial else replace(claim, trial=trial)
