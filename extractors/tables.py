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

import regex

from extractors import patterns, structured, vocabulary
from extractors.checks import ci_contains
from extractors.records import Alternative, Confidence, Flag, Measurement, Source

MAX_READINGS = 20_000  # readings scored per row before we fall back to the plainest one
MAX_LABEL = 300  # a row label longer than this is prose (spliced footnotes run to ~150 characters)
_RATIO_STATISTICS = {"hr", "or", "rr"}
_BETWEEN_STATISTICS = _RATIO_STATISTICS | {"p", "difference"}
_HUGE = 1e9


@dataclass(frozen=True, slots=True)
class Number:
    """One number read from the text: its raw characters, span and value."""

    raw: str
    start: int
    end: int

    @property
    def value(self) -> float:
        return _float(self.raw)

    @property
    def decimals(self) -> int:
        return _decimals(self.raw)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a row's cell run, as CELL_TOKEN found it."""

    kind: str  # nprefix | ci | damaged | pct | qual | cmp | run | dash | foot
    start: int
    end: int
    raw: str
    low: str | None = None  # CI bounds as printed (None for "NR"/"NE" is kept in raw)
    high: str | None = None


@dataclass(slots=True)
class Cell:
    """A cell of one reading of a row: an estimate with what belongs to it, or a bare CI."""

    number: Number | None = None
    qualifier: str | None = None  # NR, NE, <, ≤, …
    qualifier_token: Token | None = None
    ci: Token | None = None
    pct: Token | None = None
    p: Token | None = None  # a p-value printed in the cell: "0.576 (0.463, 0.718), p<0.0001"
    feet: list[str] = field(default_factory=list)
    is_n: bool = False
    is_dash: bool = False
    bare_ci: bool = False
    from_split: bool = False  # the number came from a run of digits split in two or more


@dataclass(slots=True)
class Reading:
    cells: list[Cell]
    penalty: float = 0.0
    reasons: list[str] = field(default_factory=list)
    splits: int = 0


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
        if statistic not in _BETWEEN_STATISTICS or any(c.statistic == statistic for c in self.columns):
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
    captions = list(patterns.TABLE_CAPTION.finditer(text))
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
    header = _find_header(text, caption_end, arms)
    if header is None:
        return []
    footnotes = _footnotes(text, caption_end, header.start)
    caption_text = text[start : min(header.start, _caption_end(text, caption_end, header.start))]
    trial, nct = _trial_for(text, start, caption_text)
    end_match = patterns.TABLE_END.search(text, header.end)
    body_end = end_match.start() if end_match else len(text)
    ratio = _randomization_ratio(text, start)
    table_label = patterns.TABLE_CAPTION.match(text, start)
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
        assessment=patterns.assessment_of(caption_text) or patterns.assessment_of(text[start:body_end]),
    )
    subset_match = patterns.CAPTION_POPULATION.search(caption_text)
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
        label, _ = patterns.repair_label(" ".join(text[label_start:label_end].replace(structured.SEPARATOR, " ").split()))
        if len(label) > MAX_LABEL:
            break  # a paragraph of prose: the table has ended without a caption or blank line
        has_n = cells_start is not None and _has_n_prefix(text, cells_start, cells_end)
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
            _tokens(text, cells_start, cells_end)
        )
        added = measurements[before:]
        only_ns = bool(added) and all(m.statistic in {"n", "share"} for m in added)
        n_row = [before + k for k, m in enumerate(added) if m.statistic == "n"] if only_ns else []
    return measurements


# --- the header, footnotes, caption and trial -------------------------------------------------


def arm_names(source: Source, table_start: int) -> list[str]:
    """Names an arm column may carry: the drug, its brand, control arms, and arms the prose names."""
    names = set(vocabulary.control_arms())
    if source.drug:
        names.update({source.drug.lower(), source.drug.split()[0].lower()})
    brand = source.title.split()[0].lower() if source.title.split() else ""
    if brand.isalpha() and len(brand) > 3:
        names.add(brand)
    for match in patterns.RANDOMIZED_TO.finditer(source.text, 0, table_start):
        names.update({match.group("first").lower(), match.group("second").lower()})
    names -= {"the", "a", "an", "either", "receive", "one"}
    return sorted(names, key=len, reverse=True)


def _find_header(text: str, start: int, arms: Sequence[str]) -> Header | None:
    """The first run of two or more arm names close together after the caption."""
    if not arms:
        return None
    known = "|".join(regex.escape(a) for a in arms)
    arm_pattern = regex.compile(
        rf"""(?i)(?P<name>
              (?:{known})(?-i:(?![a-z]))
              # an arm the prose did not name, known by the N printed after it: "TAGRISSO (N=233)";
              # an all-capitals name may be glued to the word before it ("ParameterTAGRISSO")
            | (?-i:[A-Z]{{2}}[A-Z0-9+-]*|[A-Z][a-z0-9+-]{{2,}})(?=(?:{_DESCRIPTION})?{_N_AFTER_ARM})
            )
            (?P<description>{_DESCRIPTION}(?={_N_AFTER_ARM}))?   # "EGFR TKI (gefitinib or erlotinib) (N=277)"
            (?P<n>\s*\(?\s*[Nn]\s*=\s*(?P<count>\d[\d,]*)\s*\)?)?""",
        regex.VERBOSE,
    )
    # the header is in this table: before a blank line, a figure or the next table's caption
    table_end = patterns.TABLE_END.search(text, start)
    limit = min(len(text), start + 4000, table_end.start() if table_end else len(text))
    hits = [
        hit
        for hit in arm_pattern.finditer(text, start, limit)
        if not _inside_parentheses(text, hit.start()) and not _names_no_arm(hit.group("name"))
    ]
    for i, first in enumerate(hits):
        chain = _same_structured_line(text, first, hits[i:]) or _chain(text, first, hits[i + 1 :])
        if len({m.group(0).split("(")[0].strip().lower() for m in chain}) < 2:
            continue  # a header names two different arms; "VOTRIENT. If VOTRIENT" is prose
        structured_cells = _structured_arm_cells(text, chain)
        suffix = "" if structured_cells else _shared_suffix(text, chain)
        last = text.find(suffix.strip(), chain[-1].end()) + len(suffix.strip()) if suffix else chain[-1].end()
        tail = _HEADER_TAIL.match(text, last)
        end = tail.end() if tail else last
        if structured_cells:  # the header row is a whole line: the body starts on the next one
            line_end = text.find("\n", chain[-1].end())
            end = max(end, len(text) if line_end < 0 else line_end)
        zone_start = max(start, _zone_start(text, start, first.start()))
        between = _between_columns(text[zone_start:end])
        ci_level = _ci_level(text[zone_start:end])
        arm_cells = structured_cells or _flattened_arm_cells(text, chain, suffix)
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
        if len(gap) > 40 or _SENTENCE_BREAK.search(gap) or _HEADER_GAP_STOP.search(gap):
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


# What may stand between an arm's name and its N: "(gefitinib or erlotinib)", "18 mg with Everolimus 5 mg".
_DOSE = r"\d+(?:\.\d+)?\s*mg(?:/\w+)?"
_DESCRIPTION = rf"(?:\s*\([^()\n]{{1,60}}\)|\s+{_DOSE}(?:\s+(?:with|plus|\+)\s+[A-Za-z]+\s+{_DOSE})?)"
# An arm's N: "(N=233)", or "N=22" after a space; never glued as in the row label "Overall ITTN = 246".
_N_AFTER_ARM = r"(?:\s*\(\s*[Nn]\s*=|\s+[Nn]\s*=)\s*\d"


def _names_no_arm(name: str) -> bool:
    """Population words ("ITT") and endpoint names ("Survival N = 334") head rows, not arm columns."""
    if patterns.POPULATION_LABEL.fullmatch(name):
        return True
    endpoint = vocabulary.find_endpoint(name)
    return endpoint is not None and endpoint[1] == 0 and endpoint[2] == len(name)


def _inside_parentheses(text: str, position: int) -> bool:
    """Whether ``position`` is inside "( … )" on its line: "(gefitinib or erlotinib)" describes an arm."""
    before = text[max(0, text.rfind("\n", 0, position) + 1, position - 80) : position]
    return before.rfind("(") > before.rfind(")")


def _flattened_arm_cells(text: str, chain: list[regex.Match[str]], suffix: str) -> list[tuple[str, Number | None]]:
    """Arm columns of a flattened header. Where the arms print their N, each column runs up to
    its N: "TAGRISSO with pemetrexed and platinum-based chemotherapy (N=279)TAGRISSO (N=278)"."""
    with_n = [m for m in chain if m.group("count")]
    if len(with_n) < 2 or not chain[-1].group("count"):
        return [
            (" ".join((text[m.start() : m.end() - len(m.group("n") or "")] + suffix).split()), _count_of(m))
            for m in chain
        ]
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


_ARM_N = regex.compile(r"\s*\(?\s*[Nn]\s*=\s*(?P<count>\d[\d,]*)\s*\)?\s*$")


def _structured_arm_cells(text: str, chain: list[regex.Match[str]]) -> list[tuple[str, Number | None]] | None:
    """In a header row with its cell boundaries kept, an arm is the whole cell its name is in:
    "TAGRISSO with pemetrexed and platinum-based chemotherapy (N=279)"."""
    line_start = text.rfind("\n", 0, chain[0].start()) + 1
    if not text.startswith(f"{structured.SEPARATOR} ", line_start):
        return None
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    cells = []
    for match in regex.finditer(r"(?<=\|)[^|\n]+(?=\|)", text[line_start:line_end]):
        start = line_start + match.start()
        if any(start <= m.start() < line_start + match.end() for m in chain):
            raw = match.group(0)
            n = _ARM_N.search(raw)
            name = (raw[: n.start()] if n else raw).strip()
            count = Number(n.group("count"), start + n.start("count"), start + n.end("count")) if n else None
            cells.append((name, count))
    return cells if len(cells) >= 2 else None


_SENTENCE_BREAK = regex.compile(r"[.;:]\s|\n")
# Between two arm names of a header there is no CI, percent or number: "Placebo (95% CI) PFS Overall ITT"
# has left the header.
_HEADER_GAP_STOP = regex.compile(r"\bCI\b|%|\d")

# What may follow the last arm name in a header: arm Ns, "(95% CI)", between-arm column names.
_HEADER_TAIL = regex.compile(
    r"""(?:\s*(?:\||\(\s*[Nn]\s*=\s*\d+\s*\)|[Nn]\s*=\s*\d+|HR|Hazard\s+[Rr]atio|Odds\s+[Rr]atio|
        [Pp][- ]?[Vv]alue|\(\s*9\d(?:\.\d+)?%\s*CI\s*\)|9\d(?:\.\d+)?%\s*CI))*""",
    regex.VERBOSE,
)
_BETWEEN = (
    ("hr", regex.compile(r"\bHR\b|Hazard\s+[Rr]atio", regex.VERBOSE)),
    ("or", regex.compile(r"Odds\s+[Rr]atio|\bOR\b", regex.VERBOSE)),
    ("p", regex.compile(r"\b[Pp][- ]?[Vv]alue\b", regex.VERBOSE)),
)
_CI_LEVEL = regex.compile(r"(?P<level>9\d(?:\.\d+)?)\s*%\s*CI")


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
    words = regex.findall(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+", zone)
    repeated = [w for w in dict.fromkeys(words) if len(w) >= 3 and len(regex.findall(regex.escape(w), zone)) == count]
    # spanning group headers are usually set in capitals; prefer those over caption words
    repeated = [w for w in repeated if w.isupper()] or repeated
    if not repeated:
        return None
    first, last = repeated[0], repeated[-1]
    starts = [m.start() for m in regex.finditer(regex.escape(first), zone)]
    labels = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(zone)
        piece = zone[start:end]
        cut = piece.rfind(last)
        if last != first and cut >= 0:
            piece = piece[: cut + len(last)]
        labels.append(" ".join(piece.replace("|", " ").split()))
    return labels


def _between_columns(zone: str) -> list[tuple[str, str]]:
    found = []
    for statistic, pattern in _BETWEEN:
        match = pattern.search(zone)
        if match:
            level = _CI_LEVEL.search(zone)
            name = match.group(0) + (f" ({level.group(0)})" if level and statistic != "p" else "")
            found.append((match.start(), statistic, name))
    return [(statistic, name) for _, statistic, name in sorted(found)]


def _ci_level(zone: str) -> float | None:
    match = _CI_LEVEL.search(zone)
    return float(match.group("level")) if match else None


def _zone_start(text: str, caption_end: int, header_start: int) -> int:
    """Where the header's own words begin: after the abbreviations and the footnotes."""
    position = caption_end
    abbreviations = patterns.ABBREVIATIONS.search(text, caption_end, header_start)
    if abbreviations:
        sentence = patterns.SENTENCE_END.search(text, abbreviations.end(), header_start)
        position = sentence.end() if sentence else position
    notes = _footnotes(text, caption_end, header_start)
    if notes:
        position = max(position, notes[-1].end)
    first_row = text.find(f"\n{structured.SEPARATOR} ", caption_end, header_start)
    if first_row >= 0:  # with cell boundaries kept, the header starts at the table's first row
        position = max(position, first_row)
    return position


def _footnotes(text: str, start: int, header_start: int) -> list[Footnote]:
    """Footnotes printed between the caption and the header: keys a, b, c… in order."""
    notes: list[Footnote] = []
    expected = "a"
    for match in patterns.FOOTNOTE_KEY.finditer(text, start, header_start):
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
        ends = [m.end() for m in patterns.SENTENCE_END.finditer(text, last.start, header_start)]
        notes[-1] = replace(last, end=line_end if line_end >= 0 else ends[-1] if ends else header_start)
    return notes


def _caption_end(text: str, caption_end: int, header_start: int) -> int:
    stops = [header_start]
    abbreviations = patterns.ABBREVIATIONS.search(text, caption_end, header_start)
    if abbreviations:
        stops.append(abbreviations.start())
    notes = _footnotes(text, caption_end, header_start)
    if notes:
        stops.append(notes[0].start - 1)
    return min(stops)


def _trial_for(text: str, table_start: int, caption: str) -> tuple[str | None, str | None]:
    """The trial a table reports (named in its caption, else the last one named before it) and its NCT id."""
    trial = None
    for match in patterns.CAPTION_TRIAL.finditer(caption):
        trial = match.group("name")
    if trial is None:
        for match in patterns.TRIAL_NAME.finditer(text, max(0, table_start - 5000), table_start):
            trial = patterns.trial_name(match)
    return trial, nct_of(text, trial) if trial else None


def nct_of(text: str, trial: str) -> str | None:
    """The NCT id printed with a trial where it is introduced ("evaluated in VEG110727, a … trial
    (NCT00753688)"): the first id after the name, before any other trial is named."""
    adjacent = regex.search(rf"\b{regex.escape(trial)}\b\W{{0,4}}(NCT\d{{8}})", text)  # "ADAURA [NCT02511106]"
    if adjacent:
        return str(adjacent.group(1))
    introductions = list(patterns.TRIAL_NAME.finditer(text))
    for index, match in enumerate(introductions):
        if patterns.trial_name(match) != trial:
            continue
        stop = introductions[index + 1].start() if index + 1 < len(introductions) else len(text)
        found = patterns.NCT_ID.search(text, match.end(), min(stop, match.end() + 300))
        if found:
            return str(found.group(0))
    return None


def _randomization_ratio(text: str, table_start: int) -> tuple[int, int] | None:
    ratio = None
    for match in patterns.RANDOMIZATION_RATIO.finditer(text, max(0, table_start - 5000), table_start):
        a, b = match.group("a") or match.group("a2"), match.group("b") or match.group("b2")
        ratio = (int(a), int(b))
    return ratio


# --- rows ---------------------------------------------------------------------------------------


def _rows(text: str, start: int, end: int) -> Iterator[tuple[int, int, int | None, int | None]]:
    """(label start, label end, cells start, cells end) for each row of the body."""
    label_start = start
    position = start
    while position < end:
        run = _cell_run_at(text, position, end)
        if run is None:
            position += 1
            continue
        run_start, run_end = run
        yield label_start, run_start, run_start, run_end
        label_start = position = run_end
    if text[label_start:end].strip():
        yield label_start, end, None, None


def _cell_run_at(text: str, position: int, end: int) -> tuple[int, int] | None:
    """The run of cell tokens starting at ``position``, if one may start there."""
    match = patterns.CELL_TOKEN.match(text, position, end)
    if match is None or match.lastgroup in {"space", "foot", "pct", "pval", "percent"}:
        return None
    if match.lastgroup == "sep":
        before_sep = text[position - 1] if position > 0 else "\n"
        if before_sep == "\n" or not before_sep.isspace():
            return None  # a row's first cell is its label, even when empty: "|  | n=101 | n=103 |"
    before = text[position - 1] if position > 0 else " "
    if _inside_parentheses(text, position):
        return None  # inside a CI: "(52.1, 68.1)" is read whole from its "("
    if match.lastgroup == "nprefix":
        pass  # "N = " opens a count cell wherever it stands: "ITTN = 246", "Rate*1N = 192"
    elif (
        match.lastgroup != "sep"
        and not (
            before.isspace()
            or before in ")%],"
            or (before.isalpha() and match.lastgroup == "ci")
            # cells glued to a lower-case word: "p-value0.0004", "Number of responders1712" — but not
            # the digits of names such as "L858R", "Ex19del" or "HER2"
            or (
                match.lastgroup in {"run", "cmp", "qual"}
                and regex.match(r"[a-z]{3}$", text[max(0, position - 3) : position])
            )
        )
    ):
        return None
    cursor = position
    tokens: list[tuple[str, int]] = []  # (kind, end) of each token but spaces
    while cursor < end:
        token = patterns.CELL_TOKEN.match(text, cursor, end)
        if token is None:
            break
        cursor = token.end()
        if token.lastgroup != "space":
            tokens.append((token.lastgroup or "", cursor))
    if [kind for kind, _ in tokens[:3]] == ["cmp", "run", "percent"]:
        return None  # a threshold such as "PD-L1 TPS ≥50%" names a row; it is not a cell
    # Give back trailing tokens that belong to the text after the run: "… 20.9) NE=Not Estimable".
    while tokens:
        kinds = [kind for kind, _ in tokens]
        last_good = tokens[-1][1]
        following = text[last_good:end].lstrip(" ")
        after = text[last_good] if last_good < end else " "
        values = [k for k in kinds if k not in {"cmp", "foot", "sep", "percent"}]
        if not values:
            return None  # separators alone: an empty row or the edge of a label cell
        # A lone number followed by a lower-case word is part of a label: "≥65 years", "2 or more
        # lines". A longer run of cells may well be followed by a lower-case label ("p-value").
        lone_number = len(values) == 1 and kinds[-1] in {"run", "qual"}
        if not (
            (lone_number and following[:1].islower()) or after in "%/+-:=;" or (after.isalpha() and after.islower())
        ):
            return position, last_good
        tokens.pop()
    return None


def _has_n_prefix(text: str, start: int, end: int | None) -> bool:
    return bool(patterns.N_PREFIX.search(text, start, end or start))


def _tokens(text: str, start: int, end: int) -> list[Token]:
    tokens = []
    for match in patterns.CELL_TOKEN.finditer(text, start, end):
        kind = match.lastgroup or ""
        if kind in {"space", "percent"}:
            continue
        if kind == "ci":
            tokens.append(
                Token(kind, match.start(), match.end(), match.group(0), match.group("low"), match.group("high"))
            )
        elif kind == "pct":
            tokens.append(Token(kind, match.start(), match.end(), match.group("pct_value")))
        elif kind == "pval":  # raw is the value; low carries the comparison ("<", "=")
            tokens.append(Token(kind, match.start(), match.end(), match.group("pval_value"), match.group("pval_cmp")))
        else:
            tokens.append(Token(kind, match.start(), match.end(), match.group(0)))
    return tokens


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
    if has_n or (statistic is None and patterns.POPULATION_LABEL.search(rest)):
        population = _population_text(rest)
        if population is not None or has_n or patterns.OVERALL_POPULATION.match(rest):
            context.population = population
            context.open_between.clear()


_EMPTY_PARENS = regex.compile(r"\(\s*[+/,]?\s*\)")
_STATISTIC_WORDS = regex.compile(r"\s*(?:median|mean|\(months\)|\(95%\s*CI\)|%|n\s*\(%\))\s*", regex.IGNORECASE)


def _population_text(rest: str) -> str | None:
    cleaned = _STATISTIC_WORDS.sub(" ", rest)
    while (endpoint := vocabulary.find_endpoint(cleaned)) is not None:
        cleaned = cleaned[: endpoint[1]] + cleaned[endpoint[2] :]
    cleaned = _FOOTNOTE_SYMBOLS.sub(" ", cleaned)
    # a population's name has no sentence in it: what precedes the last one is spliced-in notes
    cleaned = regex.split(r"[.;]\s+", cleaned)[-1]
    cleaned = _ASSESSED_BY.sub(" ", _LEADING_PREPOSITION.sub("", cleaned.strip()))
    cleaned = " ".join(_EMPTY_PARENS.sub(" ", cleaned).split()).strip(" :,")
    if not regex.search(r"[A-Za-z]", cleaned) or patterns.OVERALL_POPULATION.match(cleaned):
        return None
    return cleaned


_FOOTNOTE_SYMBOLS = regex.compile(r"[*†‡§¶#]+\d*")
_LEADING_PREPOSITION = regex.compile(r"^(?:for|in|among)\s+", regex.IGNORECASE)
_ASSESSED_BY = regex.compile(r"\((?:[^()]*\b(?:assessment|BICR|review)\b[^()]*)\)", regex.IGNORECASE)


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
        self.base = replace(base, ci_level=_ci_level(label) or base.ci_level)
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
        run_options = [_splits(self.text, token, ncols) if token.kind == "run" else [None] for token in tokens]
        ci_options = [[True, False] if token.kind in {"ci", "damaged"} else [None] for token in tokens]
        readings = []
        for count, (splits, attach) in enumerate(
            itertools.product(itertools.product(*run_options), itertools.product(*ci_options))
        ):
            if count >= MAX_READINGS:
                break
            cells = _group(tokens, splits, attach)
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
            elif statistic in _RATIO_STATISTICS:
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
        if low is None or high is None or not _is_number(low) or not _is_number(high):
            return
        if _float(low) > _float(high):
            self._penalize(reading, 6, f"CI {ci.raw} has its bounds reversed")
        elif not ci_contains(cell.number.raw, low, high):
            self._penalize(reading, 8, f"CI {ci.raw} does not contain {cell.number.raw} ({column.name})")
        if max(_decimals(low), _decimals(high)) > cell.number.decimals + 1:
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
        runner_up = next((r for r in others if _values(r) != _values(best)), None)
        gap = (runner_up.penalty - best.penalty) if runner_up else math.inf
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
                span=_span_of(cell),
                endpoint=self.context.endpoint,
                population=_population(self.context.subset, column.group, self.context.population),
                arm=experimental if between else column.name,
                comparator=control if between else None,
                qualifier=cell.qualifier,
                unit="patients" if statistic == "n" else (None if between else self.unit),
                row=self.label,
                column=column.name,
            )
            measurement = _with_ci(measurement, cell)
            confidence, alternatives, flags = self._judge(index, cell, best, others, gap)
            measurement = replace(
                measurement,
                confidence=confidence,
                alternatives=measurement.alternatives + alternatives,
                flags=measurement.flags + flags + _repairs(cell),
            )
            if statistic == "n" and self.context.population is None:
                self.context.overall_n[index] = measurement.value or 0.0
            if between and cell.ci is None and measurement.qualifier is None:
                self.context.open_between[index] = len(self.out)
            self.out.append(measurement)
            if cell.pct is not None:
                self.out.append(self._percent_of(cell, measurement))
            if cell.p is not None:
                start, end = _inner_span(self.text, cell.p)
                self.out.append(_p_value(measurement, cell.p.raw, (start, end), cell.p.low or "=", self.label))
            self.out.extend(self._footnote_measurements(cell, measurement))

    def _complete_open_estimate(self, index: int, cell: Cell) -> None:
        """A bare CI below an estimate in a between-arm column completes it (the cell spans two rows)."""
        position = self.context.open_between.pop(index, None)
        if position is None or cell.ci is None:
            return
        completed = _with_ci(self.out[position], cell)
        self.out[position] = replace(completed, flags=completed.flags + (_rowspan_note(cell),))

    def _percent_of(self, cell: Cell, measurement: Measurement) -> Measurement:
        assert cell.pct is not None
        return replace(
            measurement,
            # the percent beside an N is the arm's share of patients; beside a count, its rate
            statistic="share" if measurement.statistic == "n" else "rate",
            value=_float(cell.pct.raw),
            raw=cell.pct.raw,
            span=_inner_span(self.text, cell.pct),
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
            for match in patterns.P_VALUE.finditer(body):
                if measurement.statistic not in _RATIO_STATISTICS:
                    continue
                span = (note.start + match.start("value"), note.start + match.end("value"))
                found.append(_p_value(measurement, match.group("value"), span, match.group("cmp") or "=", f"footnote {key}"))
            for match in patterns.RESPONSE_COUNT.finditer(body):
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
        self, index: int, cell: Cell, best: Reading, others: list[Reading], gap: float
    ) -> tuple[Confidence, tuple[Alternative, ...], tuple[Flag, ...]]:
        """How sure the chosen reading of this cell is, and the readings of it that lost."""
        if not cell.from_split:
            return "high", (), ()
        chosen = _cell_value(cell)
        alternatives: list[Alternative] = []
        seen = {chosen}
        assert cell.number is not None
        for other in sorted(others, key=lambda r: r.penalty):
            rival = next((c for c in other.cells if c.number and _overlaps(c.number, cell.number)), None)
            if rival is None:
                continue
            value = _cell_value(rival)
            if value in seen:
                continue
            seen.add(value)
            why = "; ".join(other.reasons) if other.reasons else "fits no worse on the constraints"
            if other.penalty >= _HUGE:
                why = "ruled out: " + why
            alternatives.append(Alternative(value[0], value[1], value[2], why))
            if len(alternatives) == 3:
                break
        decided_by = [
            r for r in others if r.reasons and _cell_value(r.cells[index] if index < len(r.cells) else Cell()) != chosen
        ]
        if gap < 1:
            flag = Flag(
                "ambiguous_split",
                "warning",
                f"{self.text[cell.number.start : cell.number.end] if cell.number else ''!r} in row {self.label!r} "
                "has more than one reading the constraints cannot tell apart",
            )
            return "low", tuple(alternatives), (flag,)
        reason = decided_by[0].reasons[0] if decided_by else "the digits split only one way"
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
        value=_float(raw),
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


def _group(
    tokens: Sequence[Token], splits: Sequence[list[Number] | None], attach: Sequence[bool | None]
) -> list[Cell] | None:
    """The cells of one reading: each number starts a cell; CIs, percents and markers join it."""
    cells: list[Cell] = []
    pending_n = False
    pending_cmp: Token | None = None
    segment_start: int | None = None  # cells made since the last "|": a structured cell holds one
    for token, pieces, attach_ci in zip(tokens, splits, attach, strict=True):
        kind = token.kind
        # in a structured row a new cell has nothing in it yet for a CI or a marker to join
        fresh = segment_start is not None and len(cells) == segment_start
        current = cells[-1] if cells and not fresh else None
        if kind == "sep":
            if segment_start is not None:
                made = len(cells) - segment_start
                if made > 1:
                    return None
                if made == 0:
                    cells.append(Cell(is_dash=True))  # an empty cell keeps the columns aligned
            segment_start = len(cells)
        elif kind == "nprefix":
            pending_n = True
        elif kind == "cmp":
            pending_cmp = token
        elif kind == "run":
            assert pieces is not None
            for number in pieces:
                cell = Cell(number=number, is_n=pending_n, from_split=len(pieces) > 1)
                if pending_cmp is not None:
                    cell.qualifier = pending_cmp.raw.strip()
                    cell.qualifier_token = pending_cmp
                    pending_cmp = None
                cells.append(cell)
                pending_n = False
        elif kind == "qual":
            cells.append(Cell(qualifier=_qualifier_code(token.raw), qualifier_token=token))
        elif kind in {"ci", "damaged"}:
            if attach_ci and current is not None and current.ci is None and not current.bare_ci and not current.is_dash:
                current.ci = token
            elif attach_ci:
                return None  # nothing to attach to: this reading is the same as the bare one
            else:
                cells.append(Cell(ci=token, bare_ci=True))
        elif kind == "pct":
            if current is None or current.pct is not None or current.ci is not None or current.number is None:
                return None
            current.pct = token
        elif kind == "pval":
            if current is None or current.p is not None or (current.number is None and current.ci is None):
                return None
            current.p = token
        elif kind == "foot":
            if current is None:
                return None
            current.feet.append(token.raw)
        elif kind == "dash":
            cells.append(Cell(is_dash=True))
    if segment_start is not None and len(cells) - segment_start > 1:
        return None
    while cells and cells[-1].is_dash and segment_start is not None:
        cells.pop()  # trailing empty cells say nothing
    return cells


def _qualifier_code(raw: str) -> str:
    word = raw.strip().upper()
    return {"NOT REACHED": "NR", "NOT ESTIMABLE": "NE"}.get(" ".join(word.split()), word)


_NUMBER_SHAPE = regex.compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")


def _is_number(raw: str) -> bool:
    """A well-formed printed number; the only space allowed is the known damage "0. 39"."""
    return bool(_NUMBER_SHAPE.match(raw.replace(". ", ".")))


def _float(raw: str) -> float:
    return float(raw.replace(". ", "."))


def _splits(text: str, token: Token, max_parts: int) -> list[list[Number]]:
    """Every way a run of digits splits into at most ``max_parts`` well-formed numbers."""
    positions = [i for i in range(token.start, token.end) if not text[i].isspace()]
    compact = "".join(text[i] for i in positions)
    results: list[list[Number]] = []

    def number(a: int, b: int) -> Number:
        start, end = positions[a], positions[b - 1] + 1
        return Number(text[start:end], start, end)

    def walk(offset: int, parts: list[Number]) -> None:
        if offset == len(compact):
            results.append(list(parts))
            return
        if len(parts) == max_parts:
            return
        for cut in range(offset + 1, len(compact) + 1):
            piece = compact[offset:cut]
            if _NUMBER_SHAPE.match(piece):
                parts.append(number(offset, cut))
                walk(cut, parts)
                parts.pop()

    walk(0, [])
    return results


def _with_ci(measurement: Measurement, cell: Cell) -> Measurement:
    ci = cell.ci
    if ci is None:
        return measurement
    if ci.kind == "damaged":
        inner = ci.raw.strip("() ")
        estimate = cell.number.raw if cell.number else None
        alternatives = tuple(_damaged_readings(inner, estimate))
        message = (
            f"CI {ci.raw} is damaged (its bounds ran together); not repaired. "
            f"Possible readings: {', '.join(f'({a.ci_low:g}, {a.ci_high:g})' for a in alternatives) or 'none'}"
        )
        return replace(
            measurement,
            ci_span=(ci.start, ci.end),
            alternatives=measurement.alternatives + alternatives,
            flags=measurement.flags + (Flag("damaged_ci", "warning", message),),
        )
    low = ci.low or ""
    high = ci.high or ""
    return replace(
        measurement,
        ci_low=_float(low) if _is_number(low) else None,
        ci_high=_float(high) if _is_number(high) else None,
        ci_low_raw=low,
        ci_high_raw=high,
        ci_span=(ci.start, ci.end),
    )


def _damaged_readings(inner: str, estimate: str | None) -> Iterator[Alternative]:
    """Readings of a CI whose separator was lost, e.g. "3.9.2" → (3.9, 9.2) or (3, 9.2)."""
    seen: set[tuple[str, str]] = set()
    candidates: list[tuple[str, str, str]] = []
    for i, char in enumerate(inner):
        if char in ".,":  # the character was the lost separator
            candidates.append((inner[:i], inner[i + 1 :], f"the '{char}' at position {i + 1} read as the separator"))
        if char.isdigit():  # a digit shared by both bounds, as when ", 9" was dropped from "3.9, 9.2"
            candidates.append(
                (
                    inner[: i + 1],
                    inner[i:],
                    f"the digit '{char}' read as the end of one bound and the start of the other",
                )
            )
    for low, high, how in candidates:
        low, high = low.strip(" ,"), high.strip(" ,")
        if not (_is_number(low) and _is_number(high)) or (low, high) in seen:
            continue
        seen.add((low, high))
        problems = []
        if _float(low) > _float(high):
            problems.append("bounds reversed")
        elif estimate is not None and not ci_contains(estimate, low, high):
            problems.append(f"excludes the estimate {estimate}")
        why = how + ("; " + ", ".join(problems) if problems else "; brackets the estimate")
        yield Alternative(None, _float(low), _float(high), why)


def _repairs(cell: Cell) -> tuple[Flag, ...]:
    raw = cell.number.raw if cell.number else ""
    if ". " in raw:
        return (
            Flag(
                "repair_point_space",
                "info",
                f"read {raw!r} as {raw.replace(' ', '')} (a space after the decimal point)",
            ),
        )
    return ()


def _span_of(cell: Cell) -> tuple[int, int]:
    if cell.number is not None:
        return (cell.number.start, cell.number.end)
    if cell.qualifier_token is not None:
        return (cell.qualifier_token.start, cell.qualifier_token.end)
    return (0, 0)


def _inner_span(text: str, token: Token) -> tuple[int, int]:
    offset = text.find(token.raw, token.start, token.end)
    return (offset, offset + len(token.raw)) if offset >= 0 else (token.start, token.end)


def _cell_value(cell: Cell) -> tuple[float | None, float | None, float | None]:
    value = cell.number.value if cell.number else None
    if (
        cell.ci is not None
        and cell.ci.kind == "ci"
        and cell.ci.low
        and cell.ci.high
        and _is_number(cell.ci.low)
        and _is_number(cell.ci.high)
    ):
        return (value, _float(cell.ci.low), _float(cell.ci.high))
    return (value, None, None)


def _decimals(raw: str) -> int:
    compact = raw.replace(" ", "")
    return len(compact.split(".", 1)[1]) if "." in compact else 0


def _overlaps(a: Number, b: Number) -> bool:
    return a.start < b.end and b.start < a.end


def _values(reading: Reading) -> list[tuple[float | None, float | None, float | None]]:
    return [_cell_value(c) for c in reading.cells]
