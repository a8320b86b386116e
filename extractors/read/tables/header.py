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
from extractors.read.tables.cells import Number, inside_parentheses
from extractors.text import reach, vocabulary
from extractors.text.numbers import to_float
from extractors.text.patterns import build
from extractors.text.patterns import tables as table_patterns


@dataclass(frozen=True, slots=True)
class Column:
    name: str  # as printed: "Pazopanib", "HR (95% CI)"
    statistic: str | None  # None for an arm column; "hr", "p", "or" for a between-arm column
    group: str | None = None  # the column group (a population) it sits under: "STAGE II-IIIA POPULATION"


@dataclass(frozen=True, slots=True)
class Header:
    columns: tuple[Column, ...]
    start: int
    end: int
    ci_level: float | None
    arm_ns: tuple[Number | None, ...]

    @property
    def arms(self) -> list[str]:
        return [c.name for c in self.columns if c.statistic is None]

    def columns_for(self, statistic: str | None) -> tuple[Column, ...]:
        """The columns a row's values fill. A between-arm statistic named by the row label
        ("Hazard ratio (95% CI)") has one value per column group, not one per arm."""
        if statistic not in vocabulary.BETWEEN_STATISTICS or any(c.statistic == statistic for c in self.columns):
            return self.columns
        groups = list(dict.fromkeys(c.group for c in self.columns if c.statistic is None))
        return tuple(Column(group or statistic.upper(), statistic, group) for group in groups)

    def arms_of(self, group: str | None) -> list[str]:
        return [c.name for c in self.columns if c.statistic is None and c.group == group]


@dataclass(frozen=True, slots=True)
class Footnote:
    key: str
    start: int  # span of the footnote text (after the key)
    end: int


def find_header(text: str, start: int, arms: Sequence[str]) -> Header | None:
    """The first run of two or more arm names close together after the caption."""
    if not arms:
        return None
    arm_pattern = build.arm_header(tuple(arms))
    # the header is in this table: before a blank line, a figure or the next table's caption
    table_end = table_patterns.TABLE_END.search(text, start)
    limit = min(len(text), start + reach.after("table_header"), table_end.start() if table_end else len(text))
    hits = [
        hit
        for hit in arm_pattern.finditer(text, start, limit)
        if not inside_parentheses(text, hit.start()) and not _names_no_arm(hit.group("name"))
    ]
    for i, first in enumerate(hits):
        chain = _same_structured_line(text, first, hits[i:]) or _chain(text, first, hits[i + 1 :])
        if len({m.group(0).split("(")[0].strip().lower() for m in chain}) < 2:
            continue  # a header names two different arms; "VOTRIENT. If VOTRIENT" is prose
        structured_cells = _structured_arm_cells(text, chain)
        suffix = "" if structured_cells else _shared_suffix(text, chain)
        last = text.find(suffix.strip(), chain[-1].end()) + len(suffix.strip()) if suffix else chain[-1].end()
        tail = table_patterns.HEADER_TAIL.match(text, last)
        end = tail.end() if tail else last
        if structured_cells:  # the header row is a whole line: the body starts on the next one
            line_end = text.find("\n", chain[-1].end())
            end = max(end, len(text) if line_end < 0 else line_end)
        zone_start = max(start, _zone_start(text, start, first.start()))
        between = _between_columns(text[zone_start:end])
        ci_level = ci_level_of(text[zone_start:end])
        arm_cells = structured_cells or _flattened_arm_cells(text, chain, suffix)
        if not any(n for _, n in arm_cells):  # Ns on a header row of their own: "n=180 n=181 n=179"
            tail_ns = [
                Number(m.group("count"), m.start("count"), m.end("count"))
                for m in table_patterns.TAIL_N.finditer(text, last, end)
            ]
            if len(tail_ns) == len(arm_cells):
                arm_cells = [(name, n) for (name, _), n in zip(arm_cells, tail_ns, strict=True)]
        names = [name for name, _ in arm_cells]
        groups = _column_groups(names, text[zone_start : first.start()])
        columns = [Column(name, None, group) for name, group in zip(names, groups, strict=True)]
        columns += [Column(name, statistic) for statistic, name in between]
        return Header(tuple(columns), first.start(), end, ci_level, tuple(n for _, n in arm_cells))
    return None


def _chain(text: str, first: regex.Match[str], rest: Sequence[regex.Match[str]]) -> list[regex.Match[str]]:
    """Arm names that follow each other closely, as a flattened header prints them."""
    chain = [first]
    for nxt in rest:
        gap = text[chain[-1].end() : nxt.start()]
        describes = bool(table_patterns.ARM_DOSE_GAP.match(gap)) and bool(gap.strip())  # "2 mg/kg every 3 weeks"
        if (
            len(gap) > reach.after("next_arm_name")
            or table_patterns.SENTENCE_BREAK.search(gap)
            or (table_patterns.HEADER_GAP_STOP.search(gap) and not describes)
        ):
            break
        chain.append(nxt)
    return chain


def _same_structured_line(
    text: str, first: regex.Match[str], hits: Sequence[regex.Match[str]]
) -> list[regex.Match[str]] | None:
    """All arm names on ``first``'s line when that line is a header row with its cells kept: each
    cell is one arm however long ("KEYTRUDA 200 mg every 3 weeks Carboplatin Paclitaxel n=278")."""
    line_start = text.rfind("\n", 0, first.start()) + 1
    if not text.startswith(f"{structured.SEPARATOR} ", line_start):
        return None
    line_end = text.find("\n", first.start())
    line_end = len(text) if line_end < 0 else line_end
    return [hit for hit in hits if line_start <= hit.start() < line_end]


def _names_no_arm(name: str) -> bool:
    """Population words ("ITT") and endpoint names ("Survival N = 334") head rows, not arm columns."""
    if table_patterns.POPULATION_LABEL.fullmatch(name):
        return True
    endpoint = vocabulary.find_endpoint(name)
    return endpoint is not None and endpoint[1] == 0 and endpoint[2] == len(name)


def _flattened_arm_cells(text: str, chain: list[regex.Match[str]], suffix: str) -> list[tuple[str, Number | None]]:
    """Arm columns of a flattened header. Where the arms print their N, each column runs up to
    its N: "TAGRISSO with pemetrexed and platinum-based chemotherapy (N=279)TAGRISSO (N=278)"."""
    with_n = [m for m in chain if m.group("count")]
    if len(with_n) < 2 or not chain[-1].group("count"):
        cells = []
        for index, match in enumerate(chain):
            name = text[match.start() : match.end() - len(match.group("n") or "")]
            gap = text[match.end() : chain[index + 1].start()] if index + 1 < len(chain) else ""
            if gap.strip() and table_patterns.ARM_DOSE_GAP.match(gap):
                name += gap  # the dose printed after the name belongs to the arm
            cells.append((" ".join((name + suffix).split()), _count_of(match)))
        return cells
    cells = []
    start = chain[0].start()
    for match in with_n:
        cells.append((" ".join(text[start : match.end() - len(match.group("n"))].split()), _count_of(match)))
        start = match.end()
    return cells


def _shared_suffix(text: str, chain: list[regex.Match[str]]) -> str:
    """What every arm name in a flattened header goes on with: "KISQALI + Letrozole Placebo +
    Letrozole" has the arms "KISQALI + Letrozole" and "Placebo + Letrozole"."""
    gaps = {text[a.end() : b.start()].strip() for a, b in itertools.pairwise(chain)}
    if len(gaps) != 1 or chain[-1].group("n"):
        return ""
    suffix = gaps.pop()
    after = text[chain[-1].end() :].lstrip()
    joins = not suffix[:1].isalnum() or suffix.split()[0].lower() in {"plus", "with", "and", "in"}
    return f" {suffix}" if suffix and joins and after.startswith(suffix) else ""


def _count_of(match: regex.Match[str]) -> Number | None:
    count = match.group("count")
    return Number(count, match.start("count"), match.end("count")) if count else None


def _structured_arm_cells(text: str, chain: list[regex.Match[str]]) -> list[tuple[str, Number | None]] | None:
    """In a header row with its cell boundaries kept, an arm is the whole cell its name is in:
    "TAGRISSO with pemetrexed and platinum-based chemotherapy (N=279)"."""
    line_start = text.rfind("\n", 0, chain[0].start()) + 1
    if not text.startswith(f"{structured.SEPARATOR} ", line_start):
        return None
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    cells = []
    for match in table_patterns.RENDERED_CELL.finditer(text[line_start:line_end]):
        start = line_start + match.start()
        if any(start <= m.start() < line_start + match.end() for m in chain):
            raw = match.group(0)
            n = table_patterns.ARM_N.search(raw)
            name = (raw[: n.start()] if n else raw).strip()
            count = Number(n.group("count"), start + n.start("count"), start + n.end("count")) if n else None
            cells.append((name, count))
    return cells if len(cells) >= 2 else None


def _column_groups(names: list[str], zone: str) -> list[str | None]:
    """Column groups when the arms repeat (TAGRISSO PLACEBO TAGRISSO PLACEBO): one per repeat,
    named by the spanning header cells printed before the arms ("STAGE II-IIIA POPULATION")."""
    distinct = list(dict.fromkeys(n.lower() for n in names))
    count = len(names) // len(distinct)
    periodic = [n.lower() for n in names] == distinct * count
    if count < 2 or not periodic:
        return [None] * len(names)
    labels = _group_labels(zone, count) or [f"column group {i + 1}" for i in range(count)]
    return [labels[i // len(distinct)] for i in range(len(names))]


def _group_labels(zone: str, count: int) -> list[str] | None:
    """Split the text over the arms into ``count`` group names: each starts with the same word
    ("STAGE … STAGE …") and, where one repeats as often, ends with the same word ("… POPULATION")."""
    # words, also where cells ran together: "POPULATIONEfficacy" → "POPULATION", "Efficacy"
    words = table_patterns.HEADER_WORD.findall(zone)
    repeated = [w for w in dict.fromkeys(words) if len(w) >= 3 and zone.count(w) == count]
    # spanning group headers are usually set in capitals; prefer those over caption words
    repeated = [w for w in repeated if w.isupper()] or repeated
    if not repeated:
        return None
    first, last = repeated[0], repeated[-1]
    starts = _occurrences(zone, first)
    labels = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(zone)
        piece = zone[start:end]
        cut = piece.rfind(last)
        if last != first and cut >= 0:
            piece = piece[: cut + len(last)]
        labels.append(" ".join(piece.replace("|", " ").split()))
    return labels


def _occurrences(text: str, word: str) -> list[int]:
    """Where ``word`` starts in ``text``, left to right, occurrences not overlapping."""
    found = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + len(word))
    return found


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
    for match in table_patterns.FOOTNOTE_KEY.finditer(text, start, header_start):
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
