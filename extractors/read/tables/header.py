"""The parts of a table around its cells: caption, footnotes and the column header.

The header is found by the arms it names (`read.context.arm_names`): the label's drug and
brand, control arms from the vocabulary, the arms the prose says patients were randomized to,
and any name printed with an N ("TAGRISSO (N=233)"). Arms that repeat (TAGRISSO PLACEBO TAGRISSO
PLACEBO) make column groups, named by the spanning cells above them ("STAGE II-IIIA
POPULATION"); words such as "HR (95% CI)" make between-arm columns.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from extractors.ingest import grids as structured
from extractors.read.tables.arms import (
    ArmCell,
    HeaderItems,
    SubColumn,
    arm_like,
    clean_arm,
    first_word,
    group_grade,
    n_delimited,
    names_over_second_row,
    population_tail,
    read_items,
    share_out,
    split_names,
    structured_line,
    sub_column_at,
)
from extractors.read.tables.cells import Number, inside_parentheses, line_start, read_tokens, row_spans
from extractors.read.tables.groups import (
    flattened_spanning_labels,
    labels_above,
    labels_below,
    named_groups,
    spanning_labels,
)
from extractors.text import reach, vocabulary
from extractors.text.names import alternation_matches
from extractors.text.numbers import to_float
from extractors.text.patterns import build
from extractors.text.patterns import flattened as flattened_patterns
from extractors.text.patterns import tables as table_patterns

MAX_REPEATS = 4  # column groups a flattened header may repeat its arms for (RECORD 1 and RECORD 2: one repeat)
ROW_ABOVE = (
    60  # characters before a flattened header's first arm that may be its row above: "HR Endpoint/Trial Population"
)


@dataclass(frozen=True, slots=True)
class Column:
    name: str  # as printed: "Pazopanib", "HR (95% CI)"
    statistic: str | None  # None for an arm column; "hr", "p", "or" for a between-arm column
    group: str | None = None  # the column group (a population) it sits under: "STAGE II-IIIA POPULATION"
    n: Number | None = None  # the arm's N printed in the header: "TAGRISSO (N=233)"
    grade: str | None = None  # an adverse reaction's grade the column counts: "all", "3-4", ">=3"
    holds: str | None = None  # what the header says the cells hold: "rate" ("%"), "events" ("n (%)"), "event_rate"
    unit: str | None = None  # the unit of what it holds: "%", "per 1000 patient-years", "%/year"
    beside: str | None = None  # what a figure in parentheses beside a count is: "%", "%/year"
    versus: str | None = None  # a between-arm column under one arm of three: that arm (against the control)


@dataclass(frozen=True, slots=True)
class Header:
    columns: tuple[Column, ...]
    start: int
    end: int
    ci_level: float | None

    @property
    def arms(self) -> list[str]:
        return list(dict.fromkeys(c.name for c in self.columns if c.statistic is None))

    @property
    def names_events(self) -> bool:
        """Whether the rows name events or reactions, the header the statistic ("n (%)", "All Grades")."""
        return any(c.holds for c in self.columns)

    def columns_for(self, statistic: str | None) -> tuple[Column, ...]:
        """The columns a row's values fill. A between-arm statistic named by the row label
        ("Hazard ratio (95% CI)") has one value per column group, not one per arm."""
        if statistic not in vocabulary.BETWEEN_STATISTICS or any(c.statistic == statistic for c in self.columns):
            return self.columns
        columns: list[Column] = []
        for group in dict.fromkeys(c.group for c in self.columns if c.statistic is None):
            arms = self.arms_of(group)
            if len(arms) >= 3:  # each experimental arm against the control, under its own column: "0.54 | 0.50 | ---"
                columns += [Column(arm, statistic, group, versus=arm) for arm in arms]
            else:
                columns.append(Column(group or statistic.upper(), statistic, group))
        return tuple(columns)

    def arms_of(self, group: str | None) -> list[str]:
        return list(dict.fromkeys(c.name for c in self.columns if c.statistic is None and c.group == group))


@dataclass(frozen=True, slots=True)
class Footnote:
    key: str
    start: int  # span of the footnote text (after the key)
    end: int


def find_header(text: str, start: int, known: Sequence[str], brand: str | None = None) -> Header | None:
    """The column header after the caption at ``start``: the first arm name (``known`` names, or a
    name printed with its N) that opens a run of arm cells (`arms`), with what the header prints
    after them and the column groups over them."""
    if not known:
        return None
    arm_pattern = build.arm_header(tuple(known))
    # the header is in this table: before a blank line, a figure or the next table's caption
    table_end = table_patterns.TABLE_END.search(text, start)
    limit = min(len(text), start + reach.after("table_header"), table_end.start() if table_end else len(text))
    # a table with its cells kept has its header on its rendered rows, never in the notes above them
    kept = text.find(f"\n{structured.SEPARATOR} ", start, limit) >= 0
    ways = build.arm_header_ways(tuple(known))
    found = list(
        alternation_matches(arm_pattern, ways, text, start, limit)
        if ways is not None
        else arm_pattern.finditer(text, start, limit)
    )
    # "XARELTO vs. Warfarin" heads a comparison: no arm starts there, and the arm before it ends there
    # ("Enoxaparin/VKAXARELTO vs. Enoxaparin/VKA" glued)
    versus = [hit for hit in found if table_patterns.VERSUS_AFTER.match(text, hit.end(), limit)]
    hits = [
        hit
        for hit in found
        if not inside_parentheses(text, hit.start())
        and not _names_no_arm(hit.group("name"))
        and (not kept or text.startswith(f"{structured.SEPARATOR} ", line_start(text, hit.start())))
        and hit not in versus
        and not flattened_patterns.DEFINED_NAME.search(text, max(start, hit.start() - 12), hit.start())
    ]
    stops = [hit.start() for hit in versus]
    known_set = {k.lower() for k in known}
    starts = [_name_start(text, hit, known_set) for hit in hits]
    single: tuple[int, HeaderItems] | None = None
    for index in range(len(hits)):
        if text[starts[index]].islower() or (single is not None and hits[index].start() < single[1].end):
            continue  # a header's first arm is capitalised; "+ Censored observation OPDIVO" is a note's
        items = _arm_items(text, starts[index], hits[index:], starts[index:], (limit, stops))
        if items is None or (not kept and flattened_patterns.SENTENCE_AFTER_ARMS.match(text, items.end)):
            continue  # flattened, names in a note's sentence are no header
        if not kept and _stub_inside(text, items.arms[0].start, items.arms[-1].end, starts[index + 1 :]):
            continue  # "… in the LENVIMA Arm in REFLECT (HCC) Adverse Reaction LENVIMA 8 mg/12 mg N=476": the caption's
        if kept and _groups_over_arm_row(text, items, known_set):
            continue  # "|  | Combined Results | Paclitaxel Subgroup | AC Subgroup |": the arms are on the row below
        names = [arm.name for arm in items.arms]
        # arms after one arm with its N must each start with a known arm or a drug: "All Patients (n=74)
        # Prior Treatment (Fluoropyrimidine, Oxaliplatin, …) (n=53)" after "… treated with OPDIVO (n=74)."
        # are populations
        known_arm = single is None or all(
            name.lower().startswith(tuple(known)) or table_patterns.DRUG_NAME.match(name) for name in names
        )
        if len({name.lower() for name in names}) >= 2 and known_arm:
            return header_of(text, start, starts[index], items)
        if (
            single is None
            and len(names) == 1
            and (
                items.arms[0].n is not None
                or _whole_cell(text, items, kept)
                or _n_on_first_row(text, items, kept, limit)
            )
        ):
            # one arm with its N, unless two arms follow: "n=171 in OPDIVO group and n=158" is a note's;
            # or one arm that is a rendered row's only cell after the stub, its Ns on the rows below
            # ("|  | KISQALI + Letrozole + Goserelin or Leuprolide |" over "| Overall Response Rate | N = 32 |")
            single = (index, items)
        # else a header names two different arms, or one with its N; "VOTRIENT. If VOTRIENT" is prose
    if single is None:
        return None
    index, items = single
    if not any(k in items.arms[0].name.lower() for k in known) and brand:
        items.arms[0].name = brand  # a single arm headed by its trial: "DESTINY-Breast01 N=184"
    return header_of(text, start, starts[index], items)


def _stub_inside(text: str, start: int, end: int, later: Sequence[int]) -> bool:
    """Whether flattened arm cells (``start``–``end``) run over the header's stub into a known name
    after it: the name they start with is the caption's, the header starts after the stub ("Adverse
    Reaction")."""
    stub = table_patterns.STUB_WORDS.search(text, start, end)
    if stub is None or not text[start : stub.start()].strip():
        return False  # "Adverse Reaction 25 mg (n=312) …": the stub heads the arms, none starts before it
    return any(stub.end() <= at < end for at in later)


def _whole_cell(text: str, items: HeaderItems, kept: bool) -> bool:
    """Whether the one arm of ``items`` is the only named cell of a rendered header row, after an empty
    stub or one naming the rows ("Endpoint")."""
    if not kept:
        return False
    row_start = line_start(text, items.arms[0].start)
    line_end = text.find("\n", row_start)
    cells = [
        cell.strip() for cell in text[row_start : line_end if line_end >= 0 else len(text)].split(structured.SEPARATOR)
    ]
    stub = cells[1] if len(cells) >= 4 else ""
    named = [cell for cell in cells[2:-1] if cell]
    # the stub empty, or naming the row labels: "| Endpoint | KEYTRUDA 200 mg every 3 weeks |" (KEYTRUDA Table 92)
    return len(cells) >= 4 and (not stub or bool(table_patterns.STUB_LABEL.match(stub))) and len(named) == 1


def _n_on_first_row(text: str, items: HeaderItems, kept: bool, limit: int) -> bool:
    """Whether the one arm of a flattened header, without an N of its own, runs into a first row that
    names an endpoint and prints one N: "KISQALI + Letrozole + Goserelin or Leuprolide Overall Response
    Rate*,2 N = 32 (95% CI) 46.9 …" (KISQALI Table 17) — the arm's Ns are on its rows, as
    `_whole_cell` finds them with cells kept. An N there with another beside it is two arms' row."""
    if kept:
        return False
    row = next(row_spans(text, items.end, limit), None)
    if row is None or row[2] is None or row[3] is None:
        return False
    kinds = [token.kind for token in read_tokens(text, row[2], row[3])]
    return kinds == ["nprefix", "run"] and vocabulary.find_endpoint(text[row[0] : row[1]]) is not None


def _groups_over_arm_row(text: str, items: HeaderItems, known: set[str]) -> bool:
    """Whether a header row with its cells kept, none with an N, spans the next row's arms evenly,
    each of which prints its N and one of them an arm ``known`` (HERCEPTIN Table 11): it names column
    groups, not arms."""
    if not items.arms or any(arm.n is not None for arm in items.arms):
        return False
    next_row = text.find("\n", items.arms[-1].end)
    if next_row < 0 or not text.startswith(f"{structured.SEPARATOR} ", next_row + 1):
        return False
    line_end = text.find("\n", next_row + 1)
    below = text[next_row + 1 : line_end if line_end >= 0 else len(text)]
    ns = len(table_patterns.HEADER_N.findall(below))
    cells = below.lower().split(structured.SEPARATOR)
    # "All Patients (n=74) | Prior Treatment … (n=53)" under "OPDIVO … Cohort" (OPDIVO Table 68) are populations,
    # and so are cells naming no arm: "TMB ≥10 mut/Mb n=102 | TMB ≥13 mut/Mb n=70" (KEYTRUDA Table 92)
    populations = any(table_patterns.POPULATION_LABEL.search(cell) for cell in cells)
    arms_below = any(name in cell for cell in cells for name in known)
    return ns > len(items.arms) and ns % len(items.arms) == 0 and not populations and arms_below


def _name_start(text: str, hit: regex.Match[str], known: set[str]) -> int:
    """Where the arm name found by ``hit`` starts: "Ado-" belongs to "trastuzumab"; a name known only
    by the N after it takes the capitalised words before it in its cell ("Rd Continuous (N = 535)")."""
    at = int(hit.start())
    prefix = table_patterns.NAME_PREFIX.search(text, max(0, at - 12), at)
    if prefix:
        return int(prefix.start())
    name = str(hit.group("name"))
    if name.lower() in known or table_patterns.DRUG_NAME.fullmatch(name):
        return at
    words = table_patterns.WORDS_BEFORE_NAME.search(text, max(0, at - 40), at)
    if words and not table_patterns.STUB_WORDS.search(words.group("words")):
        return int(words.start("words"))
    return at


def _arm_items(
    text: str, first: int, hits: Sequence[regex.Match[str]], starts: Sequence[int], limits: tuple[int, list[int]]
) -> HeaderItems | None:
    """The arm cells and header items that start with the arm name at ``first``, in the first form
    that fits: a header row with its cells kept, cells each ending with an N, names then their Ns,
    or names alone."""
    limit = limits[0]  # where the header's zone ends; limits[1]: where arm names end (a comparison's heading)
    items = structured_line(text, first, limit)
    if items is not None:
        return items
    items = n_delimited(text, first, limit)
    if items is not None and items.ns and len(items.arms) == 1:
        numbers = [items.arms[0].n, *items.ns]
        two_rows = names_over_second_row(text, first, items.arms[0].end, len(numbers))
        if two_rows is not None and text[two_rows[-1][2] : items.arms[0].end].strip():
            # a row label between the second row and the Ns: they are that body row's ("Soft Tissue: N = 113")
            return HeaderItems(arms=[ArmCell(name, a, b) for name, a, b in two_rows], end=two_rows[-1][2])
        if two_rows is not None:  # "Femara Femara Megestrol 0.5 mg 2.5 mg Acetate N = 188 …"
            items.arms = [ArmCell(name, a, b, n) for (name, a, b), n in zip(two_rows, numbers, strict=True)]
            items.ns = []
            return items
        spans = split_names(text, first, items.arms[0].end, 1 + len(items.ns), list(starts))
        if spans is None:
            return None
        row_label = population_tail(text, spans[-1][0], spans[-1][1])
        if row_label is not None:
            # "Ptz+H Ptz+T Overall ITT N=107 … N=96": the population is the first body row's label, the
            # Ns its cells (PERJETA Table 9, its cells kept: "| Overall ITT | N=107 | …")
            spans[-1] = (spans[-1][0], row_label)
            return HeaderItems(arms=[ArmCell(clean_arm(text[a:b]), a, b) for a, b in spans], end=row_label)
        numbers = [items.arms[0].n, *items.ns]
        items.arms = [ArmCell(clean_arm(text[a:b]), a, b, n) for (a, b), n in zip(spans, numbers, strict=True)]
        items.ns = []
        # sub-columns printed after all the names and Ns are all the arms' to share ("KEYTRUDA …
        # Ipilimumab n=555 n=256 All Grades (%) Grades 3-4 (%) All Grades (%) Grades 3-4 (%)")
        items.subs = [(len(items.arms), sub) for _, sub in items.subs]
    if items is not None:
        return items
    cells = _named_cells(text, hits, starts, limits)
    if cells is None:
        return None
    named = HeaderItems(arms=[ArmCell(clean_arm(text[a:b]), a, b) for a, b in cells])
    _formats_between(text, cells, named)
    read_items(text, cells[-1][1], limit, named, after_arms=True)
    # the arms again after their between-arm columns, under another column group: "ELIQUIS Enoxaparin
    # Relative Risk (95% CI) P-value ELIQUIS Enoxaparin Relative Risk (95% CI) P-value"
    first_arm = first_word(named.arms[0].name)
    for _ in range(MAX_REPEATS):
        index = next((i for i, at in enumerate(starts) if at == named.end), None)
        if index is None or first_word(text[starts[index] : hits[index].end()]) != first_arm:
            break
        again = _named_cells(text, hits[index:], starts[index:], limits)
        if again is None or len(again) != len(cells):
            break
        before = len(named.arms)
        named.arms += [ArmCell(clean_arm(text[a:b]), a, b) for a, b in again]
        _formats_between(text, again, named, before)
        read_items(text, again[-1][1], limit, named, after_arms=True)
    return named


def _formats_between(text: str, cells: list[tuple[int, int]], items: HeaderItems, before: int = 0) -> None:
    """The sub-columns printed between an arm's name and the next arm ("Effient (%) Clopidogrel"),
    each the arm's before it; ``before`` arms precede ``cells``."""
    for index, ((_, end), (start, _)) in enumerate(itertools.pairwise(cells)):
        sub = sub_column_at(text, end + len(text[end:start]) - len(text[end:start].lstrip()), start)
        if sub is not None:
            items.subs.append((before + index + 1, sub[0]))


def _named_cells(
    text: str, hits: Sequence[regex.Match[str]], starts: Sequence[int], limits: tuple[int, list[int]]
) -> list[tuple[int, int]] | None:
    """The arm cells of a flattened header that prints names without Ns, from the name at
    ``starts[0]``: each runs up to the next name that starts an arm; the last ends with its name's
    tail ("Enoxaparin 40 mg sc qd")."""
    chain = _chain(text, hits, starts)
    # a name joined to the one before it ("KISQALI + Letrozole", "TECENTRIQ with Bevacizumab") is the same arm's
    name_start = {hit.start(): at for hit, at in zip(hits, starts, strict=True)}
    kept = [
        hit for i, hit in enumerate(chain) if i == 0 or not _joined(text, chain[0].start(), name_start[hit.start()])
    ]
    edges = [name_start[hit.start()] for hit in kept]
    cells: list[tuple[int, int]] = []
    for index, start_at in enumerate(edges):
        if index + 1 < len(edges):
            # "Effient (%) Clopidogrel (%)": what the arm's cells hold ends its cell, not its name
            fmt = table_patterns.TRAILING_FORMAT.search(text, start_at, edges[index + 1])
            end = fmt.start() if fmt else edges[index + 1]
            if arm_like(text[start_at:end]):
                cells.append((start_at, end))
                continue
        # the last arm, or the first whose span is no arm's: it ends with its own name's tail
        hit = kept[index]
        limit = min([stop for stop in limits[1] if stop >= hit.end()] + [limits[0]])
        cells.append((start_at, _name_end(text, hit.end(), limit)))
        break
    return cells if all(arm_like(text[a:b]) for a, b in cells) else None


def _joined(text: str, start: int, at: int) -> bool:
    """Whether the name at ``at`` continues the arm before it: "and Lenvatinib", "+ Letrozole"."""
    return bool(table_patterns.ARM_JOINER_BEFORE.search(text, max(start, at - 12), at))


def _name_end(text: str, position: int, limit: int) -> int:
    """Where the last arm name of a flattened header ends: its dose and the drugs joined to it
    ("Placebo + Letrozole", "Ado-trastuzumab emtansine 3.6 mg/kg") belong to it."""
    tail = table_patterns.ARM_NAME_TAIL.match(text, position, limit)
    end = tail.end() if tail else position
    while end > position and not arm_like(text[position:end]):
        end = text.rfind(" ", position, end - 1) if " " in text[position : end - 1] else position
    return end


def header_of(text: str, start: int, first: int, items: HeaderItems) -> Header:
    """The header's columns from its items: each arm's sub-columns, its N, the between-arm columns
    in the order printed, the column groups."""
    share_out(items)
    zone_start = max(start, _zone_start(text, start, first))
    names = [arm.name for arm in items.arms]
    groups, end = _column_groups(text, names, zone_start, first, items.end)
    columns: list[Column] = []
    printed = sorted(items.between, key=lambda item: item[0])  # stable: in the order printed
    for index, arm in enumerate(items.arms):
        for after, statistic, name in printed:
            if after == index and index > 0:
                columns.append(Column(name, statistic, groups[index - 1]))
        # a grade may span the arms as their column group ("All Grades" over both arms, then "Grades 3/4")
        subs: list[SubColumn | None] = list(arm.subs) or [_grade_group(groups[index])]
        for sub in subs:
            columns.append(
                Column(
                    arm.name,
                    None,
                    groups[index],
                    arm.n,
                    sub.grade if sub else None,
                    sub.holds if sub else None,
                    sub.unit if sub else None,
                    sub.beside if sub else None,
                )
            )
    columns += [Column(name, statistic, groups[-1]) for after, statistic, name in printed if after >= len(items.arms)]
    named = {c.statistic for c in columns}
    for statistic, name in _between_columns(_row_above(text, zone_start, first)):  # "HR" over "(95% CI)"
        if statistic not in named:
            columns.append(Column(name, statistic, groups[-1] if len(set(groups)) == 1 else None))
    ci_level = ci_level_of(text[zone_start:end])
    return Header(tuple(columns), first, end, ci_level)


def _grade_group(group: str | None) -> SubColumn | None:
    """A column group that is a grade, as the sub-column of percents it makes of each arm under it."""
    grade = group_grade(group)
    return SubColumn(group or "", grade=grade, holds="rate", unit="%") if grade else None


def _chain(text: str, hits: Sequence[regex.Match[str]], starts: Sequence[int]) -> list[regex.Match[str]]:
    """Arm names that follow each other closely, as a flattened header prints them; ``starts`` are
    where the names start ("Ado-" of "Ado-trastuzumab")."""
    chain = [hits[0]]
    for nxt, start in zip(hits[1:], starts[1:], strict=True):
        gap = text[chain[-1].end() : start]
        # "2 mg/kg every 3 weeks" describes the arm before the gap; "(%)" says what its cells hold
        describes = bool(gap.strip()) and bool(
            table_patterns.ARM_DOSE_GAP.match(gap) or table_patterns.TRAILING_FORMAT.fullmatch(gap)
        )
        if (
            len(gap) > reach.after("next_arm_name")
            or table_patterns.SENTENCE_BREAK.search(gap)
            or (table_patterns.HEADER_GAP_STOP.search(gap) and not describes)
        ):
            break
        chain.append(nxt)
    return chain


def _names_no_arm(name: str) -> bool:
    """Population words ("ITT") and endpoint names ("Survival N = 334") head rows, not arm columns."""
    name = str(table_patterns.EVENT_NAME_MARKS.sub("", name))  # "Survival1 N = 248": a footnote digit
    if table_patterns.POPULATION_LABEL.fullmatch(name):
        return True
    endpoint = vocabulary.find_endpoint(name)
    return endpoint is not None and endpoint[1] == 0 and endpoint[2] == len(name)


def _column_groups(text: str, names: list[str], zone_start: int, first: int, end: int) -> tuple[list[str | None], int]:
    """Column groups when the arms repeat (TAGRISSO PLACEBO TAGRISSO PLACEBO): one per repeat, named
    by the spanning cells printed over the arms ("STAGE II-IIIA POPULATION") or, in some tables,
    on the row below them ("All Patients | CPS≥1 | CPS≥10"). Returns the groups and where the
    header ends."""
    firsts = [first_word(n) for n in names]  # "Enoxaparin 30 mg" and "Enoxaparin 40 mg" repeat one arm
    distinct = list(dict.fromkeys(firsts))
    count = len(names) // len(distinct)
    periodic = firsts == distinct * count
    if count < 2 or len(distinct) < 2 or not periodic:
        return _spanning_groups(text, names, zone_start, first), end
    labels = named_groups(labels_above(text, zone_start, first, count))
    if labels is None:
        below = labels_below(text, end, count)
        if below is not None and named_groups(below[0]) is not None:
            labels, end = below
    if labels is None:
        labels = named_groups(labels_above(text, zone_start, first, count, before_stub=True))
    if labels is None:  # groups of kinds of statistic ("Number of events/Total N (%) | IDFS at 3 year"): no population
        return [None] * len(names), end
    return [labels[i // len(distinct)] for i in range(len(names))], end


def _spanning_groups(text: str, names: list[str], zone_start: int, first: int) -> list[str | None]:
    """With cells kept, groups whose arms do not repeat: the named cells of the row over the arms,
    each spanning the same number of arms ("Combined Results | Paclitaxel Subgroup | AC Subgroup" over
    six arms, HERCEPTIN Table 11), or one cell over them all ("Endometrial Carcinoma (pMMR or not
    MSI-H)", LENVIMA Table 18)."""
    if not names:
        return []
    if text.startswith(f"{structured.SEPARATOR} ", line_start(text, first)):
        labels = spanning_labels(text, zone_start, first)
    else:
        labels = flattened_spanning_labels(text, zone_start, first, len(names))
    # a group compares arms: each spans two or more ("Patients with events | From Kaplan-Meier analysis"
    # over two arms and the between-arm columns, EFFIENT Table 5, are no groups)
    if labels is None or len(names) % len(labels) or len(names) // len(labels) < 2:
        return [None] * len(names)
    if any(table_patterns.GROUP_TRIAL_NAME.match(label) for label in labels):
        return [None] * len(names)  # trials ("ADVANCE-3", "Study RA-II"): the caption and prose name them
    size = len(names) // len(labels)
    return [labels[i // size] for i in range(len(names))]


def _row_above(text: str, zone_start: int, first: int) -> str:
    """What the header prints over its arms: the rows above the arm row, or flattened the few words
    before the first arm ("HR Endpoint/Trial PopulationVOTRIENT"), never the notes before them."""
    if text.startswith(f"{structured.SEPARATOR} ", line_start(text, first)):
        return text[zone_start:first]
    above = text[max(zone_start, first - ROW_ABOVE) : first]
    return str(table_patterns.SENTENCE_END.split(above)[-1])


def _between_columns(zone: str) -> list[tuple[str, str]]:
    found = []
    for statistic, pattern in table_patterns.BETWEEN_COLUMNS:
        match = pattern.search(zone)
        if match:
            level = table_patterns.CI_LEVEL.search(zone)
            name = match.group(0) + (f" ({level.group(0)})" if level and statistic != "p" else "")
            found.append((match.start(), statistic, name))
    return [(statistic, name) for _, statistic, name in sorted(found)]


def ci_level_of(zone: str) -> float | None:
    match = table_patterns.CI_LEVEL.search(zone)
    return to_float(match.group("level")) if match else None


def _zone_start(text: str, caption_end: int, header_start: int) -> int:
    """Where the header's own words begin: after the abbreviations and the footnotes."""
    position = caption_end
    abbreviations = table_patterns.ABBREVIATIONS.search(text, caption_end, header_start)
    if abbreviations:
        sentence = table_patterns.SENTENCE_END.search(text, abbreviations.end(), header_start)
        position = sentence.end() if sentence else position
    notes = find_footnotes(text, caption_end, header_start)
    if notes:
        position = max(position, notes[-1].end)
    first_row = text.find(f"\n{structured.SEPARATOR} ", caption_end, header_start)
    if first_row >= 0:  # with cell boundaries kept, the header starts at the table's first row
        position = max(position, first_row)
    return position


def find_footnotes(text: str, start: int, header_start: int) -> list[Footnote]:
    """Footnotes printed between the caption and the header: keys a, b, c… in order."""
    notes: list[Footnote] = []
    expected = "a"
    keys = list(table_patterns.FOOTNOTE_KEY.finditer(text, start, header_start))
    second = next((k for k in keys if k.group("key") == "b"), None)
    if second is not None and not any(k.group("key") == "a" for k in keys):
        # flattened, the first note runs on from the caption's last word: "… in monarchE a Includes …
        # (n=4) b Includes …" — the last "a" before a capital ahead of the "b"
        firsts = list(flattened_patterns.FIRST_NOTE_KEY.finditer(text, start, second.start()))
        keys = firsts[-1:] + keys
    for match in keys:
        key = match.group("key")
        if key.isalpha() and key != expected:
            continue
        if notes:
            notes[-1] = replace(notes[-1], end=match.start())
        notes.append(Footnote(key, match.end(), header_start))
        if key.isalpha():
            expected = chr(ord(key) + 1)
    if notes:  # the last footnote ends at its line's end or last sentence end before the header's words
        last = notes[-1]
        line_end = text.find("\n", last.start, header_start)
        ends = [m.end() for m in table_patterns.SENTENCE_END.finditer(text, last.start, header_start)]
        notes[-1] = replace(last, end=line_end if line_end >= 0 else ends[-1] if ends else header_start)
    return notes


def caption_end_of(text: str, caption_end: int, header_start: int) -> int:
    stops = [header_start]
    abbreviations = table_patterns.ABBREVIATIONS.search(text, caption_end, header_start)
    if abbreviations:
        stops.append(abbreviations.start())
    notes = find_footnotes(text, caption_end, header_start)
    if notes:
        stops.append(notes[0].start - 1)
    return min(stops)
