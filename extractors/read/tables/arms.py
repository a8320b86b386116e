"""The arm cells of a table header, whichever form the table reached us in.

With its cells kept, a header row is its cells: "| Endpoint | KEYTRUDA 200 mg every 3 weeks n=487
| Placebo n=489 |". Flattened, the cells have to be found again, and the arms' Ns are the best
guide: each arm's cell runs up to its N ("EndpointKEYTRUDA 200 mg every 3 weeks n=487Placebo
n=489"). Without Ns, an arm starts at a name the reader knows (the label's brand and drug, control
arms, drugs by their INN stems) that does not continue the arm before it ("KISQALI + Letrozole
Placebo + Letrozole"); with the Ns all after the names ("… and LenvatinibSunitinib n=355n=357"),
the names are cut where the case changes across a glued boundary or a known name starts.

What follows the arms is read as header items until something else starts: between-arm columns
("Hazard Ratio (95% CI)", "p-value"), sub-columns that say what the cells hold ("All Grades (%)",
"n (%)", "Events / 1000 patient years"), Ns on a row of their own, and filler (bars, CI levels,
footnote marks).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import regex

from extractors.ingest import grids as structured
from extractors.read.tables.cells import Number, line_start
from extractors.read.tables.header_ns import ns_below
from extractors.text import vocabulary
from extractors.text.patterns import adverse as adverse_patterns
from extractors.text.patterns import flattened as flattened_patterns
from extractors.text.patterns import tables as table_patterns

MAX_SECOND_ROW_WORDS = 2  # words a header's second row adds to an arm's name: "Acetate" of "Megestrol Acetate"
MAX_ARM_CELL = 160  # characters: the longest arm cell in the corpus is a three-drug regimen with its doses (~110)


@dataclass(frozen=True, slots=True)
class SubColumn:
    """A column under an arm that says what its cells hold: a grade, or a statistic and its unit."""

    label: str  # as printed: "Grades 3-4 (%)", "n (%)", "Events / 1000 patient years"
    grade: str | None = None  # "all", "3-4", ">=3", "3"
    holds: str | None = None  # the statistic of the cells: "rate", "events", "event_rate"
    unit: str | None = None
    beside: str | None = None  # what a figure in parentheses beside a count is: "%", "%/year"


@dataclass(slots=True)
class ArmCell:
    name: str
    start: int
    end: int
    n: Number | None = None
    subs: list[SubColumn] = field(default_factory=list)


@dataclass(slots=True)
class HeaderItems:
    """What a header prints, in order: arms (with their Ns and sub-columns), between-arm columns."""

    arms: list[ArmCell] = field(default_factory=list)
    between: list[tuple[int, str, str]] = field(default_factory=list)  # (arms before it, statistic, name)
    subs: list[tuple[int, SubColumn]] = field(default_factory=list)  # (arms before it, sub-column)
    ns: list[Number] = field(default_factory=list)  # Ns printed after all arms, one per arm
    end: int = 0


def sub_column_at(text: str, position: int, end: int) -> tuple[SubColumn, int] | None:
    """The sub-column label at ``position``, and where it ends."""
    grade = table_patterns.GRADE_LABEL.match(text, position, end)
    if grade:
        return SubColumn(grade.group(0).strip(), grade=_grade_code(grade), holds="rate", unit="%"), grade.end()
    for holds, unit, beside, pattern in table_patterns.CELL_FORMATS:
        match = pattern.match(text, position, end)
        if match:
            return SubColumn(match.group(0).strip(), holds=holds, unit=unit, beside=beside or None), match.end()
    row_n = flattened_patterns.ROW_N_BEFORE_RATE.match(text, position, end)  # "N % with events", flattened
    if row_n:
        return SubColumn(row_n.group(0), holds="n", unit="patients"), row_n.end()
    return None


def group_grade(group: str | None) -> str | None:
    """The grade a column group spanning the arms names ("All Grades" over both arms, then "CTC
    Grades* 3/4" over both again), or None when it names none."""
    match = adverse_patterns.GRADE_GROUP.match(group or "")
    return _grade_code(match) if match else None


def _grade_code(match: regex.Match[str]) -> str:
    """ "all", "3-4", ">=3" or "3" for a grade label: "Grade 3 or higher" → ">=3"."""
    if match.group("all"):
        return "all"
    if match.group("atleast"):
        return f">={match.group('atleast')}"
    low, high = match.group("low"), match.group("high")
    if match.group("higher"):
        return f">={low}"
    return f"{low}-{high}" if high else str(low)


def between_at(text: str, position: int, end: int) -> tuple[str, str, int] | None:
    """(statistic, name, end) of a between-arm column label at ``position``: "Hazard Ratio (95% CI)"."""
    for statistic, pattern in table_patterns.BETWEEN_LABELS:
        match = pattern.match(text, position, end)
        if match:
            return statistic, match.group(0), match.end()
    return None


def read_items(text: str, position: int, end: int, items: HeaderItems, after_arms: bool) -> int:
    """Consume header items from ``position``: Ns, sub-columns, between-arm columns and filler.
    Items printed after all arms (``after_arms``) are shared out later; others belong to the arm
    just read. Sub-columns are kept with where they were printed and shared out once all arms
    are read. Returns where the items stop."""
    while position < end:
        filler = table_patterns.HEADER_FILLER.match(text, position, end)
        if filler and filler.end() > position:
            position = filler.end()
            continue
        n = table_patterns.HEADER_N.match(text, position, end)
        if n:
            number = Number(n.group("count"), n.start("count"), n.end("count"))
            if not after_arms and items.arms and items.arms[-1].n is None:
                items.arms[-1].n = number
            else:
                items.ns.append(number)
            position = n.end()
            continue
        sub = sub_column_at(text, position, end)
        if sub:
            items.subs.append((len(items.arms), sub[0]))
            position = sub[1]
            continue
        between = between_at(text, position, end)
        if between:
            items.between.append((len(items.arms), between[0], between[1]))
            position = between[2]
            unit = table_patterns.BETWEEN_UNIT.match(text, position, end)
            position = unit.end() if unit else position  # "Relative Risk Reduction (%)": the column's own unit
            continue
        versus = table_patterns.VERSUS_HEADING.match(text, position, end)
        if versus:
            position = versus.end()  # "XARELTO vs. Warfarin" over the columns comparing them
            continue
        stub = table_patterns.STUB_WORDS.match(text, position, end)
        if stub and _item_at(text, stub.end(), end):
            position = stub.end()  # the stub over the row labels, printed on a header row: "Adverse Reaction"
            continue
        break
    items.end = position
    return position


def _between_in(text: str, start: int, end: int) -> tuple[str, str] | None:
    """(statistic, name) of the first between-arm column label anywhere in a header cell."""
    for statistic, pattern in table_patterns.BETWEEN_LABELS:
        match = pattern.search(text, start, end)
        if match:
            return statistic, match.group(0)
    return None


def _item_at(text: str, position: int, end: int) -> bool:
    """Whether a header item (after filler) starts at ``position``."""
    filler = table_patterns.HEADER_FILLER.match(text, position, end)
    at = filler.end() if filler else position
    return bool(
        table_patterns.HEADER_N.match(text, at, end) or sub_column_at(text, at, end) or between_at(text, at, end)
    )


def arm_like(name: str) -> bool:
    """Whether ``name`` can be the whole of an arm's cell: words, doses and regimen codes, no
    percent, CI, sentence, comparison or endpoint."""
    words = table_patterns.ARM_NAME_DIGITS.sub(" ", name)
    if len(name) > MAX_ARM_CELL or not table_patterns.ANY_LETTER.search(name):
        return False
    if not table_patterns.ANY_LETTER.search(words):  # by its dose ("10 mg") or its trial ("DESTINY-Breast01")
        return True
    if table_patterns.ARM_NAME_STOP.search(words) or flattened_patterns.GROUP_WORDS.search(words):
        return False
    return vocabulary.find_endpoint(words) is None and vocabulary.statistic_of_label(words)[0] is None


def clean_arm(raw: str) -> str:
    """An arm's name as printed, without bars, an "Arm A:" label or a trailing footnote mark."""
    name = " ".join(raw.replace(structured.SEPARATOR, " ").split()).strip(" ,:")
    name = str(table_patterns.ARM_LETTER.sub("", name))
    return str(table_patterns.HEADER_CELL_MARK.sub("", name)).strip(" ,:")


def n_delimited(text: str, start: int, end: int) -> HeaderItems | None:
    """Arm cells that each run up to their N, from the arm name at ``start``: "KEYTRUDA 200 mg
    every 3 weeks n=153Chemotherapy n=154". Items between an N and the next arm ("n (%)", "Hazard
    Ratio") go with the arm before them. None when fewer than one cell is found this way."""
    items = HeaderItems()
    position = start
    while position < end:
        mark = table_patterns.HEADER_N.search(text, position, min(end, position + MAX_ARM_CELL + 40))
        if mark is None:
            break
        name = text[position : mark.start()]
        if "\n" in name:
            break  # an arm's cell is on one line: this one has run from the caption into a header row
        if not name.strip(" \t|"):
            break  # two Ns in a row: the names were printed first, all of them (see names_then_ns)
        if not arm_like(name):
            break
        items.arms.append(
            ArmCell(
                clean_arm(name),
                position,
                mark.start(),
                Number(mark.group("count"), mark.start("count"), mark.end("count")),
            )
        )
        position = read_items(text, mark.end(), end, items, after_arms=False)
    if not items.arms:
        return None
    read_items(text, items.end, end, items, after_arms=True)
    return items


def split_names(text: str, start: int, end: int, count: int, hits: list[int]) -> list[tuple[int, int]] | None:
    """Cut ``text[start:end]``, arm names printed one after another, into ``count`` spans. An arm
    starts where the case changes across a glued boundary ("LenvatinibSunitinib"), at a dose glued to
    a word ("Placebo40 mg HUMIRA") or where a known name starts that does not continue the arm before
    it ("… Letrozole Placebo + …", not "… and Lenvatinib"); the glued boundaries that are also known
    names are taken first."""
    if count == 1:
        return [(start, end)]
    glued = {m.start() for m in table_patterns.GLUED_BOUNDARY.finditer(text, start + 1, end)}
    glued |= {m.start() for m in flattened_patterns.DOSE_GLUED_AFTER_WORD.finditer(text, start + 1, end)}
    named = {at for at in hits if start < at < end and not table_patterns.ARM_JOINER_BEFORE.search(text, start, at)}
    # "Arm B: TECENTRIQ with …": a lettered arm starts there whatever follows
    lettered = {m.start() for m in table_patterns.ARM_LETTER_ANYWHERE.finditer(text, start + 1, end)}
    named = {at for at in named if not any(0 < at - letter <= 8 for letter in lettered)}
    ranked = sorted(
        glued | named | lettered, key=lambda at: (-(2 * (at in lettered) + (at in glued) + (at in named)), at)
    )
    cuts = sorted(ranked[: count - 1])
    if len(cuts) < count - 1:
        return None
    edges = [start, *cuts, end]
    spans = [(a, b) for a, b in itertools.pairwise(edges)]
    return spans if all(arm_like(text[a:b]) for a, b in spans) else None


def population_tail(text: str, start: int, end: int) -> int | None:
    """Where the words that end an arm's span ``text[start:end]`` and name a whole population start
    ("Ptz+T Overall ITT": the first body row's label, run into the last arm's name when flattened);
    None when the span ends otherwise, or is nothing but those words."""
    for word in flattened_patterns.WORD_AFTER_SPACE.finditer(text, start + 1, end):
        if table_patterns.OVERALL_POPULATION.match(text[word.start() : end]):
            return word.start() if text[start : word.start()].strip() else None
    return None


def names_over_second_row(text: str, start: int, end: int, count: int) -> list[tuple[str, int, int]] | None:
    """``text[start:end]`` as ``count`` one-word names followed by a second header row of as many
    pieces, doses or words, each going on the name above it (`flattened.ONE_WORD_NAME`): the arms'
    names, each with where its name starts and its piece ends; None unless that fits exactly and a
    piece is a dose. Words after the second row that are no arm's are the first body row's label: the
    last piece then ends before ``end``."""
    names: list[regex.Match[str]] = []
    position = start
    while len(names) < count:
        while position < end and text[position] in " \t":
            position += 1
        name = flattened_patterns.ONE_WORD_NAME.match(text, position, end)
        if name is None:
            return None
        names.append(name)
        position = name.end()
    pieces: list[tuple[int, int]] = []  # the second row's pieces: each dose, and the words between them
    for dose in [*flattened_patterns.ROW_DOSE.finditer(text, position, end), None]:
        until = dose.start() if dose else end
        between = text[position:until]
        if between.strip():
            pieces.append((position + len(between) - len(between.lstrip()), position + len(between.rstrip())))
        if dose:
            pieces.append(dose.span())
            position = dose.end()
    if len(pieces) > count and not any(flattened_patterns.ROW_DOSE.fullmatch(text, a, b) for a, b in pieces[count:]):
        # words after the second row are the first body row's label, its Ns after it: "Femara Tamoxifen
        # 2.5 mg 20 mg Dominant Disease Site Soft Tissue: N = 113 N = 115" (FEMARA Table 14)
        pieces = pieces[:count] if text[pieces[count][0]].isupper() else pieces
    if len(pieces) != count or not any(flattened_patterns.ROW_DOSE.fullmatch(text, a, b) for a, b in pieces):
        return None
    # a piece of words goes on a name ("Acetate"): a word or two, no label ("Dominant Site Soft Tissue:")
    words = [text[a:b] for a, b in pieces if not flattened_patterns.ROW_DOSE.fullmatch(text, a, b)]
    if any(len(piece.split()) > MAX_SECOND_ROW_WORDS or ":" in piece or not arm_like(piece) for piece in words):
        return None
    return [(f"{n.group(0)} {text[a:b]}", n.start(), b) for n, (a, b) in zip(names, pieces, strict=True)]


def structured_line(text: str, first: int, limit: int) -> HeaderItems | None:
    """The header row, with its cells kept, that the arm name at ``first`` is on: every cell after
    the stub is an arm, a between-arm column, a sub-column or an N ("| | BRILINTA N=9333 |
    Clopidogrel N=9291 | Hazard Ratio (95% CI) | p-value |"); rows of Ns and sub-columns below it
    are read as items after the arms."""
    row_start = line_start(text, first)
    if not text.startswith(f"{structured.SEPARATOR} ", row_start):
        return None
    line_end = text.find("\n", first)
    line_end = len(text) if line_end < 0 else line_end
    items = HeaderItems()
    cells = list(table_patterns.RENDERED_CELL.finditer(text, row_start, line_end))
    for index, cell in enumerate(cells):
        cell_start, cell_end = cell.span()
        if not cell.group(0).strip():
            continue
        printed, subs = len(items.between), len(items.subs)
        read = read_items(text, cell_start, cell_end, items, after_arms=False)
        if read >= cell_end - 1:
            # the whole cell is an N, a sub-column, a between-arm column or filler; a cell is one
            # column however many statistics it names ("Relative Risk (95% CI) P-value")
            del items.between[printed + 1 :]
            continue
        if index == 0 and first >= cell_end:
            continue  # the stub over the row labels: "Endpoint", "Adverse Reaction"
        # what the cell prints before the arm's name is the arm's: "% 10 mg N=3908"
        items.subs[subs:] = [(len(items.arms) + 1, sub) for _, sub in items.subs[subs:]]
        cell_start = read
        n = table_patterns.HEADER_N.search(text, cell_start, cell_end)
        name_end = n.start() if n else cell_end
        fmt = table_patterns.TRAILING_FORMAT.search(text, cell_start, name_end)
        if fmt and not arm_like(text[cell_start:name_end]):  # "Effient (%)": the arm, then what its cells hold
            items.subs.append((len(items.arms) + 1, SubColumn(fmt.group(0).strip(), holds="rate", unit="%")))
            name_end = fmt.start()
        name = clean_arm(text[cell_start:name_end])
        if not name or not arm_like(name):
            between = _between_in(text, cell_start, cell_end)
            if between is not None:  # "XARELTO vs. Enoxaparin/VKA Hazard Ratio (95% CI)"
                items.between.append((len(items.arms), between[0], between[1]))
                continue
            if table_patterns.VERSUS.search(name):
                continue  # "XARELTO vs. Warfarin" over the columns that compare them
            return None  # a cell that is no arm: this row is a body row or prose
        number = Number(n.group("count"), n.start("count"), n.end("count")) if n else None
        items.arms.append(ArmCell(name, cell_start, cell_end, number))
        if n:  # what the cell prints after the N: "n=107 Frequency rate %", "N=7081 n (%)"
            read_items(text, n.end(), cell_end, items, after_arms=False)
    if not items.arms:
        return None
    _drop_spanned_copies(text, items, cells, line_end, limit)
    below = ns_below(text, items.arms, row_start, limit)  # "|  | (N = 455) | (N = 455) |" under a row of doses
    read_items(text, line_end if below is None else below, limit, items, after_arms=True)
    return items


def _drop_spanned_copies(
    text: str, items: HeaderItems, cells: list[regex.Match[str]], line_end: int, limit: int
) -> None:
    """An arm's name laid out over its sub-columns (`grids`: "| Placebo | Placebo |" over "| N = 13780
    n (%) | Incidence Rate (per 100 patient years) |", REPATHA Table 3) is one arm: a copy of the
    name in the cell after it goes, when the cell under the copy names what the cells hold. Two
    arms of one name over two doses ("| Femara | Femara |" over "| 0.5 mg | 2.5 mg |") stay two."""
    below = list(table_patterns.RENDERED_CELL.finditer(text, line_end + 1, _line_end(text, line_end + 1, limit)))
    if len(below) != len(cells):
        return  # the next row is no header row under this one
    kept = items.arms[:1]
    for before, arm in itertools.pairwise(items.arms):
        index = next((i for i, cell in enumerate(cells) if cell.start() <= arm.start < cell.end()), 0)
        copy = index > 0 and arm.n is None and before.name == arm.name
        if copy and cells[index - 1].group(0).strip() == cells[index].group(0).strip():
            under = below[index]
            start = under.end() - len(under.group(0).lstrip())
            if sub_column_at(text, start, under.end()) is not None:
                continue  # "Incidence Rate (per 100 patient years)" under the copy: the arm's sub-column
        kept.append(arm)
    items.arms[:] = kept


def _line_end(text: str, start: int, limit: int) -> int:
    end = text.find("\n", start, limit)
    return end if end >= 0 else limit


def share_out(items: HeaderItems) -> None:
    """Give the arms the Ns and sub-columns printed after all of them, in order: "n=555 n=256",
    "All Grades (%) Grades 3-4 (%) All Grades (%) Grades 3-4 (%)"."""
    arms = items.arms
    without_n = [arm for arm in arms if arm.n is None]
    if items.ns and len(items.ns) >= len(without_n):
        for arm, n in zip(without_n, items.ns, strict=False):
            arm.n = n
    # the grades say it: "All Grades | Grade 3 | …" over a row of "% | % | …"
    graded = any(sub.grade for _, sub in items.subs)
    subs = [(after, sub) for after, sub in items.subs if not graded or sub.grade or sub.holds != "rate"]
    own = {after: [sub for at, sub in subs if at == after] for after in range(1, len(arms))}
    if any(own.values()):  # printed with each arm: "ELIQUIS N=9120 n (%/year)Warfarin N=9081 n (%/year)"
        for after, arm in enumerate(arms, start=1):
            arm.subs = [sub for at, sub in subs if at == after]
        return
    shared = [sub for _, sub in subs]
    if shared and len(shared) % len(arms) == 0:
        size = len(shared) // len(arms)
        for index, arm in enumerate(arms):
            arm.subs = shared[index * size : (index + 1) * size]
        return
    # one sub-column per repeat of the arms: a cell spanning each column group's arms, printed once
    # ("XARELTO Placebo … XARELTO Placebo … Event Rate (%/year) Event Rate (%/year)", XARELTO Table 27)
    firsts = [first_word(arm.name) for arm in arms]
    distinct = list(dict.fromkeys(firsts))
    if len(shared) >= 2 and len(distinct) >= 2 and firsts == distinct * len(shared):
        for index, arm in enumerate(arms):
            arm.subs = [shared[index // len(distinct)]]


def first_word(name: str) -> str:
    return name.split()[0].lower() if name.split() else ""
